"""The fixed article of the publish golden files, and the hostile one (our own writing)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from editor_app.core.article_data import ArticleData, BylineData, RevisionInfo
from editor_app.core.publish.source import PublishArticle, PublishImage, PublishOptions

# A 1x1 PNG and a tiny JPEG header: exports copy bytes, they never decode them.
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
       b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"

BODY = """पटना में गंगा का जलस्तर **खतरे के निशान** से ऊपर पहुंच गया है। प्रशासन ने *निचले इलाकों* \
के लोगों से ऊंचे स्थानों पर जाने को कहा है। पूरी सूची [जिला प्रशासन की वेबसाइट](https://patna.example.in/badh) \
पर है।

## राहत शिविरों की स्थिति

![बाढ़ प्रभावित गांव का नक्शा](asset:11 "दियारा क्षेत्र के प्रभावित गांव | ग्राफिक: संपादक डेस्क")

जिले में अब तक ये कदम उठाए गए हैं:

- 42 राहत शिविर खोले गए
- ***एनडीआरएफ*** की चार टीमें तैनात
- सामुदायिक रसोई में रोज भोजन

### आगे क्या

1. नावों की संख्या बढ़ेगी
2. पशुओं के लिए चारा भेजा जाएगा

> हम हर गांव तक पहुंचेंगे, कोई भी भूखा नहीं रहेगा।

![राहत शिविर में भोजन बांटते स्वयंसेवक](asset:12 "शिविर में भोजन वितरण | फोटो: रवि प्रकाश")

जिलाधिकारी ने कहा कि स्थिति पर \\&amp; 24 घंटे नजर रखी जा रही है।
"""

OPTIONS = PublishOptions(site_url="https://samachar.example.in/news/",
                         publisher="समाचार दर्पण")


def golden_article() -> PublishArticle:
    data = ArticleData(
        headline="पटना में गंगा खतरे के निशान के पार, 42 राहत शिविर खुले",
        dek="दियारा क्षेत्र के 60 गांव प्रभावित, प्रशासन ने ऊंचे स्थानों पर जाने को कहा",
        body=BODY, slug="patna-ganga-khatre-ke-nishan-ke-paar", language="hi",
        category="बिहार", dateline_place="पटना", dateline_date=date(2026, 11, 30),
        tags=("गंगा", "बाढ़", "राहत"),
        bylines=(BylineData("आरती कुशवाहा", "Aarti Kushwaha", "वरिष्ठ संवाददाता",
                            "समाचार दर्पण"),
                 BylineData("रवि प्रकाश", "Ravi Prakash", "फोटो पत्रकार", "")))
    images = (
        PublishImage(11, 0, "naksha diyara.png", "image/png", PNG,
                     "दियारा क्षेत्र के प्रभावित गांव", "ग्राफिक: संपादक डेस्क",
                     "बाढ़ प्रभावित गांव का नक्शा"),
        PublishImage(12, 1, "shivir.jpg", "image/jpeg", JPEG, "शिविर में भोजन वितरण",
                     "फोटो: रवि प्रकाश", "राहत शिविर में भोजन बांटते स्वयंसेवक"),
    )
    revisions = (
        RevisionInfo(101, None, 1, "आरती कुशवाहा", datetime(2026, 11, 30, 4, 0, tzinfo=UTC),
                     data.headline, data.dek, "पहला मसौदा\n", {"slug": data.slug}, "created"),
        RevisionInfo(102, 101, 2, "रवि प्रकाश", datetime(2026, 11, 30, 6, 30, tzinfo=UTC),
                     data.headline, data.dek, BODY, {"slug": data.slug}, ""),
    )
    return PublishArticle(
        id=7, uuid="5b0c3f6e-8a51-4d0b-9a37-1f6c2e9d4a20", version=2, status="approved",
        created_at=datetime(2026, 11, 30, 4, 0, tzinfo=UTC),
        updated_at=datetime(2026, 11, 30, 6, 30, 15, tzinfo=UTC),
        data=data, images=images, revisions=revisions)


EVIL = "https://evil.example"
HOSTILE_BODY = f"""<script>alert('b1')</script> **<img src=x onerror=alert('b2')>** ]]> </script>

[click](javascript:alert('b3')) [data](data:text/html;base64,PHNjcmlwdD4=) \
[mixed](JaVaScRiPt:alert('b4')) [ok]({EVIL}/page)

![remote]({EVIL}/track.png "cap <script>alert('b5')</script> | credit <b onclick=x>")

![](asset:99 "<style>body{{background:url({EVIL}/s)}}</style>")

<div style="background:url({EVIL}/y)" onmouseover="alert('b6')">x</div>

## <iframe src="{EVIL}/frame"></iframe>

- <a href="javascript:alert('b7')">list</a>

> <object data="{EVIL}/o.swf"></object> <link rel=stylesheet href={EVIL}/l.css>

![own](asset:21 "</figcaption><script>alert('b8')</script> | </span><img src={EVIL}/c>")
"""
HOSTILE_TEXT = f"</script><script>alert('h')</script> ]]> <img src={EVIL}/h.png onerror=x>"


def hostile_article() -> PublishArticle:
    data = ArticleData(
        headline=HOSTILE_TEXT,
        dek=f"\" onmouseover=\"alert('d') <style>*{{background:url({EVIL}/d)}}</style> ]]>",
        body=HOSTILE_BODY, slug="javascript:alert('slug')", language="hi",
        category=f"<script>alert('c')</script> url({EVIL}/c)",
        dateline_place=f"<img src={EVIL}/p.png>", dateline_date=date(2026, 12, 1),
        tags=("<svg onload=alert('t')>", "]]>", f"javascript:alert('t2') url({EVIL}/t)"),
        bylines=(BylineData(f"<iframe src={EVIL}/n></iframe>", "</script>]]>",
                            "\" onclick=\"alert('bd')", "javascript:alert('o')"),
                 BylineData("<script>alert('n2')</script>", "", "", "")))
    images = (PublishImage(21, 0, "../../evil<script>.png", "image/png", PNG,
                           f"<img src={EVIL}/cap onerror=alert('ic')>", "</figcaption>]]>",
                           "\" onerror=\"alert('alt')"),)
    return PublishArticle(
        id=9, uuid="00000000-0000-4000-8000-00000000e711", version=1, status="draft",
        created_at=datetime(2026, 12, 1, 1, 0, tzinfo=UTC),
        updated_at=datetime(2026, 12, 1, 2, 0, tzinfo=UTC), data=data, images=images)
