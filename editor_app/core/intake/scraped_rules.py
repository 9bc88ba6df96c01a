"""Patterns and word lists that recognise the parts of scraped news text.

Kept apart from the recogniser so a site's new phrasing is one line here. Patterns are
written for NFC text (``ढ़`` is ``ढ`` + nukta in NFC) and use the ``regex`` module with
``\\p{L}\\p{M}`` classes: never ``\\w`` on Devanagari.
"""

from __future__ import annotations

import regex

__all__ = [
    "AGENCIES", "BOILERPLATE_LINE", "BREADCRUMB", "BULLET", "BYLINE_PREFIX", "DESIGNATIONS",
    "END_PUNCT", "HINDI_MONTHS", "LATIN_MONTHS", "PUBLISHED_LINE", "RELATED_EN",
    "RELATED_HI", "SECTION_END", "STOPWORDS", "TAG_HEADING", "TAG_LINE",
]

_SEP = r"[\s:：\-–—|।>»]*"
# "इसे भी पढ़ें", "यह भी पढ़ें", "ये भी पढ़ें", "इन्हें भी पढ़ें" with the real misspellings
# (पढें without nukta, पढ़े/पढे without the nasal).
RELATED_HI = regex.compile(
    r"^\s*[(\[]?\s*(?:इसे|इसको|यह|ये|इन्हें|इन्हे|यहां|यहाँ)\s+(?:भी\s+)?(?:पढ़|पढ)(?:ें|े|िए|ें\s*भी)"
    r"\s*[)\]]?" + _SEP)
RELATED_EN = regex.compile(
    r"^\s*[(\[]?\s*(?:also\s+read|read\s+also|read\s+more|related(?:\s+story)?|"
    r"must\s+read|see\s+also)\s*[)\]]?\s*[:\-–—|>»]+\s*", regex.IGNORECASE)

# A line that opens the site's trailing furniture: everything from it to the end goes.
SECTION_END = regex.compile(
    r"^\s*(?:latest\s+news|latest\s+stories|more\s+articles?\s+like\s+this|more\s+from\s+.{1,40}|"
    r"more\s+stories|related\s+(?:posts?|articles?|news|stories)|you\s+(?:may|might)\s+also\s+like|"
    r"trending(?:\s+now|\s+news|\s+stories)?|recommended(?:\s+for\s+you)?|"
    r"most\s+(?:read|popular|viewed)|top\s+stories|read\s+next|don'?t\s+miss|"
    r"leave\s+a\s+(?:reply|comment)|comments?\s*(?:\(\d+\))?|post\s+navigation|"
    r"exit\s+mobile\s+version|"
    r"ताज़ा\s+ख़?बरें|ताजा\s+ख़?बरें|लेटेस्ट\s+(?:न्यूज़?|ख़?बरें)|संबंधित\s+(?:ख़?बरें|लेख|समाचार|ख़?बर)|"
    r"सम्बंधित\s+(?:ख़?बरें|लेख|समाचार)|अन्य\s+ख़?बरें|और\s+ख़?बरें|ट्रेंडिंग(?:\s+ख़?बरें)?|"
    r"सबसे\s+ज़?्यादा\s+पढ़?ी\s+गई|टॉप\s+स्टोरीज?|आपकी\s+राय|टिप्पणियां|टिप्पणियाँ|"
    r"कमेंट\s+करें|ये\s+भी\s+देखें|यह\s+भी\s+देखें|वीडियो\s+देखें)\s*[:\-–—]?\s*$",
    regex.IGNORECASE)

# One line of furniture anywhere: share/follow/subscribe, copyright, ads, app prompts.
BOILERPLATE_LINE = regex.compile(
    r"^\s*(?:"
    r"share(?:\s+this(?:\s+(?:article|story))?|\s+on\s+\S+)?\s*:?|tweet|whatsapp|facebook|"
    r"twitter|linkedin|telegram|email|print|copy\s+link|"
    r"(?:follow|join)\s+us\b.*|subscribe\b.*|sign\s+up\b.*|click\s+here\b.*|"
    r"download\s+(?:the\s+)?app\b.*|"
    r"advertisement|sponsored|scroll\s+to\s+continue.*|(?:edited|curated|compiled)\s+by\b.*|"
    r"(?:©|\(c\)|copyright)\s*.*|.*\ball\s+rights\s+reserved\b.*|"
    r".*सर्वाधिकार\s+सुरक्षित.*|"
    r"विज्ञापन|शेयर\s+करें.*|फॉलो\s+करें.*|हमें\s+फॉलो\s+करें.*|.*पर\s+फॉलो\s+करें.*|"
    r"सब्सक्राइब\s+करें.*|.*से\s+जुड़ने\s+के\s+लिए\s+(?:यहां|यहाँ)\s+क्लिक\s+करें.*|"
    r"(?:ऐप|एप)\s+डाउनलोड\s+करें.*|ताज़?ा\s+अपडेट्?स?\s+के\s+लिए.*"
    r")\s*$",
    regex.IGNORECASE)

#: A list item under a bare "ये भी पढ़ें:" (several related links, one a line).
BULLET = regex.compile(r"^\s*[•\-–*▪►»·●◆]\s*")

BREADCRUMB = regex.compile(r"^\s*(?:home|होम|मुख्य\s+पृष्ठ)\s*(?:[»>/|›]\s*[^»>/|›]+){1,6}$",
                           regex.IGNORECASE)
PUBLISHED_LINE = regex.compile(
    r"^\s*(?:published|updated|last\s+updated|posted|प्रकाशित|अपडेट(?:ेड)?|पब्लिश(?:्ड)?)"
    r"(?:\s+(?:on|at|तिथि|दिनांक|किया\s+गया))?\s*[:：\-–]?\s*.{0,60}\d.{0,40}$",
    regex.IGNORECASE)
BYLINE_PREFIX = regex.compile(
    r"^\s*(?:by|written\s+by|reported\s+by|story\s+by|द्वारा|रिपोर्ट(?:र)?|लेखक|लेखिका|"
    r"संवाददाता|रिपोर्टिंग)\s*[:：\-–]?\s+", regex.IGNORECASE)
TAG_LINE = regex.compile(
    r"^\s*(?:tags?|topics?|keywords?|filed\s+under|टैग्स?|टैग|विषय|कीवर्ड्स?|टॉपिक्स?)\s*[:：\-–]\s*(.+)$",
    regex.IGNORECASE)
TAG_HEADING = regex.compile(
    r"^\s*(?:tags?|topics?|keywords?|टैग्स?|टैग|कीवर्ड्स?|टॉपिक्स?)\s*[:：]?\s*$", regex.IGNORECASE)

# Designations, longest first so "Senior Reporter" wins over "Reporter".
DESIGNATIONS = tuple(sorted((
    "Reporter", "Senior Reporter", "Chief Reporter", "Staff Reporter", "Special Reporter",
    "Correspondent", "Senior Correspondent", "Special Correspondent",
    "Principal Correspondent", "Chief Correspondent", "Bureau Chief", "Editor",
    "Senior Editor", "Associate Editor", "Assistant Editor", "Deputy Editor", "Sub Editor",
    "Sub-Editor", "Chief Sub Editor", "News Editor", "Executive Editor", "Content Writer",
    "Journalist", "Contributor", "Stringer", "Intern", "Trainee Journalist", "Columnist",
    "Photojournalist", "Digital Desk", "News Desk", "Web Desk",
    "संवाददाता", "वरिष्ठ संवाददाता", "विशेष संवाददाता", "प्रधान संवाददाता", "मुख्य संवाददाता",
    "रिपोर्टर", "वरिष्ठ रिपोर्टर", "संपादक", "सम्पादक", "उप संपादक", "सह संपादक",
    "वरिष्ठ संपादक", "सहायक संपादक", "समाचार संपादक", "ब्यूरो चीफ", "ब्यूरो प्रमुख", "पत्रकार",
    "स्ट्रिंगर", "स्तंभकार", "डिजिटल डेस्क", "न्यूज़ डेस्क", "वेब डेस्क",
), key=len, reverse=True))

AGENCIES = ("भाषा", "एजेंसी", "वार्ता", "यूनीवार्ता", "आईएएनएस", "एएनआई", "पीटीआई", "हिस",
            "हिन्दुस्थान समाचार", "PTI", "IANS", "ANI", "UNI", "Reuters", "AP", "AFP")

HINDI_MONTHS = {
    "जनवरी": 1, "फरवरी": 2, "फ़रवरी": 2, "मार्च": 3, "अप्रैल": 4, "अप्रेल": 4, "मई": 5,
    "जून": 6, "जुलाई": 7, "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10,
    "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12,
}
LATIN_MONTHS = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"))}
LATIN_MONTHS.update({m[:3]: n for m, n in list(LATIN_MONTHS.items())})
LATIN_MONTHS["sept"] = 9

#: Closing punctuation: a line ending in one of these is a sentence, not a subheading.
END_PUNCT = ".।?!:;…\"”’'|॥)"

#: Words that are never a dateline place or a suggested tag.
STOPWORDS = frozenset("""
है हैं था थी थे हो होगा होगी होंगे में की का के को से पर ने और या भी तो ही यह वह ये वे इस
उस इन उन एक कि जो जब तक लिए साथ बाद कहा कहते गया गई गए किया कर करने करते रहा रही रहे अब
नहीं न हुआ हुई हुए वहीं यहां जहां बात आज कल दौरान बीच ऐसे ऐसा तरह जानिए पढ़ें देखें बताया
""".split())  # noqa: SIM905 (a word list)
