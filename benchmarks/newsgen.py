"""Seeded generator of varied Hindi news articles for the scale and editor benchmarks.

Contract:
- :func:`article(seed, index)` is a pure function: the same ``(seed, index)`` always gives the
  same :class:`~editor_app.core.article_data.ArticleData` (on any machine, any Python hash
  seed), independent of how many other articles are generated; :func:`articles` yields
  ``article(seed, 0 .. count-1)``.
- Every article has a headline, a dek, a Markdown body (paragraphs and ``##`` subheads,
  about 150-700 words), a category, a dateline place and a date between
  :data:`FIRST_DATE` and :data:`LAST_DATE` (two years), 1-3 bylines (name, Latin name,
  designation, outlet) drawn from a fixed pool of reporters, and 1-5 tags from a pool of
  about 300 (:func:`tag_pool`).
- The prose is written for this project: sentence templates over slots (Devanagari person
  names, places, organisations, officials, numbers in Devanagari and Latin digits, dates,
  English loanwords in Latin script, quotations) and a few percent of realistic copy-desk
  typos (missing nukta, wrong vowel sign, a dropped virama as in स्वागत → सवागत, ऱ for र,
  a missing space after the full stop).
- :func:`news_document` concatenates article bodies into one long Markdown document (the
  editor benchmark's 20,000-word story).
"""

from __future__ import annotations

import functools
import random
import string
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE.parent) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(_HERE.parent))

from benchmarks.news_vocab import (  # noqa: E402
    CATEGORIES,
    DESIGNATIONS,
    EVENTS,
    FIRST_NAMES,
    LAST_NAMES,
    LOANWORDS,
    MONTHS,
    OFFICIALS,
    ORGS,
    OUTLETS,
    PLACES,
    TOPIC_TAGS,
)
from editor_app.core.article_data import ArticleData, BylineData  # noqa: E402

__all__ = ["FIRST_DATE", "GENERATOR_VERSION", "LAST_DATE", "REPORTERS", "article", "articles",
           "news_document", "tag_pool"]

#: Bump when the output for a given (seed, index) changes (archive cache key).
GENERATOR_VERSION = 2
FIRST_DATE = date(2024, 12, 1)
LAST_DATE = date(2026, 11, 30)
_DAYS = (LAST_DATE - FIRST_DATE).days
TYPO_RATE = 0.03

_DEVANAGARI_DIGITS = str.maketrans("0123456789", "०१२३४५६७८९")

# ---------------------------------------------------------------- sentence templates
# Slots: {place} {state} {org} {org2} {official} {person} {topic} {topic2} {n} {n2}
# {amount} {pct} {date} {loan} {app} {year} {quote}
SENTENCES: tuple[str, ...] = (
    "{place} में {topic} को लेकर {org} ने {date} को एक अहम बैठक बुलाई।",
    "{official} {person} ने बताया कि {topic} पर काम अगले {n} दिनों में पूरा कर लिया जाएगा।",
    "{org} के अनुसार इस साल {topic} पर {amount} खर्च किए गए हैं।",
    "स्थानीय लोगों का कहना है कि {topic} की समस्या पिछले {n} साल से बनी हुई है।",
    "बैठक में {org} और {org2} के अधिकारी भी मौजूद रहे।",
    "{place} के {n} वार्डों में {topic} की जांच के लिए टीमें बनाई गई हैं।",
    "आंकड़ों के मुताबिक {topic} के मामलों में {pct} की बढ़ोतरी दर्ज की गई है।",
    "{official} ने साफ किया कि लापरवाही बरतने वाले कर्मचारियों पर कार्रवाई होगी।",
    "इस बीच {org} ने {loan} से जुड़ी नई व्यवस्था लागू करने का फैसला किया है।",
    "{person} ने कहा, “{quote}।”",
    "{official} {person} के मुताबिक, “{quote}।”",
    "“{quote}” यह बात {official} {person} ने {place} में पत्रकारों से कही।",
    "पिछले साल {date} को भी {place} में {topic} को लेकर ऐसा ही विवाद हुआ था।",
    "{org} ने {n} करोड़ रुपये की लागत से {topic} की योजना को मंजूरी दी है।",
    "विपक्ष ने आरोप लगाया कि {topic} के नाम पर सिर्फ घोषणाएं हो रही हैं।",
    "जानकारों का मानना है कि {loan} के आने से {topic} में पारदर्शिता बढ़ेगी।",
    "{state} में कुल {n2} लोगों ने {topic} के लिए ऑनलाइन आवेदन किया है।",
    "अधिकारियों ने {date} तक सभी लंबित मामलों को निपटाने का लक्ष्य रखा है।",
    "{place} के व्यापारियों ने {topic} के मुद्दे पर {org} को ज्ञापन सौंपा।",
    "मौके पर पहुंची टीम ने {n} लोगों से पूछताछ की और रिपोर्ट तैयार की।",
    "{org2} की रिपोर्ट में कहा गया है कि {topic} की स्थिति पहले से बेहतर हुई है।",
    "ग्रामीणों ने बताया कि बरसात में {topic} की वजह से आवाजाही ठप हो जाती है।",
    "इस मामले में अब तक {n} लोगों के खिलाफ FIR दर्ज की जा चुकी है।",
    "{person} ने {app} के जरिए शिकायत दर्ज कराई, लेकिन अब तक जवाब नहीं मिला।",
    "{year} में शुरू हुई यह योजना अब {n} गांवों तक पहुंच चुकी है।",
    "शहर के {n} चौराहों पर CCTV कैमरे लगाए गए हैं, जिनसे निगरानी की जा रही है।",
    "विशेषज्ञों के अनुसार {topic} और {topic2} का सीधा संबंध है।",
    "{official} ने {org} को {n} दिन के भीतर जवाब देने का निर्देश दिया।",
    "बताया जा रहा है कि {topic} के लिए केंद्र से {amount} की पहली किस्त मिल चुकी है।",
    "{place} से {state} की राजधानी तक नई बस सेवा शुरू की जाएगी।",
    "कार्यक्रम में {person} समेत कई जनप्रतिनिधियों ने हिस्सा लिया।",
    "{date} से {topic} के लिए विशेष अभियान चलाया जाएगा, जो {n} दिन तक चलेगा।",
    "लोगों ने {org} के इस कदम का स्वागत किया है।",
    "हालांकि {org2} ने इन आरोपों को बेबुनियाद बताया है।",
    "सूत्रों के मुताबिक {topic} की फाइल कई महीनों से विभाग में अटकी पड़ी थी।",
    "{state} सरकार ने इसके लिए {amount} का बजट तय किया है।",
    "मोबाइल {app} पर अब तक {n2} लोग पंजीकरण करा चुके हैं।",
    "इसी कड़ी में {place} में {n} नए केंद्र खोले जाएंगे।",
    "{topic} पर चर्चा के दौरान {official} और व्यापारियों के बीच तीखी बहस भी हुई।",
    "ग्रामीण इलाकों में {topic} की हालत अब भी चिंता का विषय बनी हुई है।",
    "आंकड़े बताते हैं कि {year} के मुकाबले इस बार {pct} कम शिकायतें आई हैं।",
    "{person} पिछले {n} साल से {topic} के मुद्दे पर लगातार आवाज उठा रहे हैं।",
    "जांच रिपोर्ट आने के बाद ही आगे की कार्रवाई तय की जाएगी।",
    "इस फैसले से करीब {n2} परिवारों को सीधा फायदा मिलेगा।",
    "{org} की वेबसाइट पर {topic} से जुड़ी पूरी जानकारी उपलब्ध कराई गई है।",
    "{place} के {official} ने सभी विभागों से समन्वय बनाकर काम करने को कहा।",
    "दोपहर बाद {place} में हुई बैठक करीब {n} घंटे चली।",
    "पहले चरण में {n} जिलों को शामिल किया गया है, दूसरे चरण में बाकी जिले जुड़ेंगे।",
    "रिपोर्ट के मुताबिक {topic} पर खर्च का बड़ा हिस्सा अब तक इस्तेमाल नहीं हुआ है।",
    "{loan} और {topic} को जोड़ने की योजना पर भी विचार चल रहा है।",
    "यह पहली बार है जब {place} में {topic} के लिए अलग प्रकोष्ठ बनाया गया है।",
    "पीड़ित परिवार ने {official} से मिलकर न्याय की गुहार लगाई।",
    "{org} के कर्मचारियों ने वेतन न मिलने पर {date} को धरना दिया।",
    "कार्यक्रम का समापन {date} को {place} में होगा।",
    "{state} के {n} जिलों में {topic} के लिए अलर्ट जारी किया गया है।",
    "तकनीकी खराबी के चलते {app} सेवा करीब {n} घंटे तक बंद रही।",
    "{person} ने सोशल मीडिया पर {topic} से जुड़ा एक वीडियो साझा किया, जो तेजी से वायरल हुआ।",
    "विभाग ने साफ कर दिया है कि {date} के बाद आवेदन स्वीकार नहीं किए जाएंगे।",
    "{place} निवासी {person} ने बताया कि उन्हें {n} बार दफ्तर के चक्कर लगाने पड़े।",
    "फिलहाल {topic} को लेकर {org} और {org2} के बीच बातचीत जारी है।",
)

QUOTES: tuple[str, ...] = (
    "हम {topic} को लेकर पूरी तरह गंभीर हैं और किसी भी तरह की ढिलाई बर्दाश्त नहीं होगी",
    "अगले {n} दिनों में लोगों को इसका असर दिखने लगेगा",
    "जनता की सुविधा हमारी पहली प्राथमिकता है",
    "{topic} के लिए पैसे की कमी नहीं है, जरूरत सही योजना की है",
    "हमने सभी अधिकारियों को मौके पर जाकर जांच करने को कहा है",
    "दोषी पाए जाने वालों को बख्शा नहीं जाएगा",
    "यह फैसला {place} के विकास में मील का पत्थर साबित होगा",
    "हमें उम्मीद है कि {date} तक काम पूरा हो जाएगा",
    "{app} की मदद से अब शिकायतें सीधे हम तक पहुंचेंगी",
    "लोगों को घबराने की जरूरत नहीं है, स्थिति नियंत्रण में है",
    "हमारी टीम दिन-रात इस पर काम कर रही है",
    "पिछली सरकार ने {topic} पर कोई ध्यान नहीं दिया",
)

HEADLINES: tuple[str, ...] = (
    "{place} में {topic} पर {org} सख्त, {n} दिन में रिपोर्ट मांगी",
    "{topic}: {place} के {n} वार्डों में विशेष अभियान शुरू",
    "{org} का बड़ा फैसला, {topic} के लिए {amount} मंजूर",
    "{place} में {topic} से लोग परेशान, {official} ने दिए जांच के आदेश",
    "{loan} से जुड़ेगा {topic}, {state} में नई पहल",
    "{topic} पर घमासान: विपक्ष ने {org} को घेरा",
    "{place}: {topic} के {n2} मामलों में कार्रवाई, {n} पर FIR",
    "{date} से बदल जाएंगे {topic} के नियम, जानिए क्या होगा असर",
    "{official} {person} बोले- {topic} पर अब नहीं चलेगी लापरवाही",
    "{state} में {topic} के लिए {pct} ज्यादा बजट",
)

DEKS: tuple[str, ...] = (
    "{org} ने {date} तक का समय दिया; {n} टीमें मौके पर",
    "{n2} परिवारों को मिलेगा फायदा, पहले चरण में {n} जिले शामिल",
    "स्थानीय लोगों की शिकायत के बाद हरकत में आया प्रशासन",
    "{official} ने कहा, अगले {n} दिन में दिखेगा असर",
    "पिछले साल के मुकाबले {pct} बढ़े मामले, {loan} से होगी निगरानी",
)

SUBHEADS: tuple[str, ...] = (
    "{topic} पर क्या बोले अधिकारी", "लोगों की परेशानी", "{place} में कैसी है स्थिति",
    "आगे की योजना", "विपक्ष का आरोप", "{n} करोड़ का बजट", "{loan} से निगरानी",
    "क्या कहते हैं आंकड़े", "जांच के आदेश", "{org} की तैयारी",
)

_CATEGORY_NAMES = tuple(CATEGORIES)
_CITIES = tuple(city for city, _ in PLACES)
_AMOUNT_UNITS = ("करोड़ रुपये", "लाख रुपये", "करोड़")
_PERCENT_UNITS = ("फीसदी", "प्रतिशत", "%")
_APPS = ("UPI", "app", "WhatsApp", "OTP", "e-KYC", "DigiLocker", "helpline", "portal")


def tag_pool() -> tuple[str, ...]:
    """The ~300 tags articles draw from (places, states, organisations, topics, events)."""
    seen: dict[str, None] = {}
    for name in (
        *(city for city, _ in PLACES), *(state for _, state in PLACES), *ORGS,
        *(t for topics in CATEGORIES.values() for t in topics), *EVENTS, *TOPIC_TAGS,
        *_CATEGORY_NAMES, *LOANWORDS,
    ):
        seen.setdefault(name, None)
    return tuple(seen)


_TAGS = tag_pool()


def _reporters() -> tuple[BylineData, ...]:
    """A fixed newsroom of 240 reporters (stable designation and outlet per person)."""
    rng = random.Random("sampadak-newsroom")
    people: list[BylineData] = []
    names: set[str] = set()
    while len(people) < 240:
        (first, first_latin), (last, last_latin) = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        name = f"{first} {last}"
        if name in names:
            continue
        names.add(name)
        people.append(BylineData(name, f"{first_latin} {last_latin}",
                                 rng.choice(DESIGNATIONS), rng.choice(OUTLETS)))
    return tuple(people)


REPORTERS = _reporters()
#: A few reporters file most copy (Zipf-like weights).
_REPORTER_WEIGHTS = tuple(1.0 / (rank + 1) ** 0.8 for rank in range(len(REPORTERS)))


# ---------------------------------------------------------------- typos
_NUKTA_DROP = {"ड़": "ड", "ढ़": "ढ", "ज़": "ज", "फ़": "फ", "क़": "क", "ख़": "ख", "ग़": "ग"}
_MATRA_SWAP = {"ि": "ी", "ी": "ि", "ु": "ू", "ू": "ु", "े": "ै", "ै": "े", "ो": "ौ"}


def _typo(word: str, rng: random.Random) -> str:
    """One realistic copy-desk mistake in ``word`` (or ``word`` if none applies), NFC."""
    return unicodedata.normalize("NFC", _raw_typo(word, rng))


def _raw_typo(word: str, rng: random.Random) -> str:
    kinds = []
    if any(k in word for k in _NUKTA_DROP):
        kinds.append("nukta")
    if any(m in word for m in _MATRA_SWAP):
        kinds.append("matra")
    if "्" in word[1:-1]:
        kinds.append("virama")
    if "ं" in word:
        kinds.append("nasal")
    if "र" in word:
        kinds.append("rra")
    if len(word) > 3:
        kinds.append("swap")
    if not kinds:
        return word
    kind = rng.choice(kinds)
    if kind == "nukta":
        for k, v in _NUKTA_DROP.items():
            if k in word:
                return word.replace(k, v, 1)
    if kind == "matra":
        spots = [i for i, ch in enumerate(word) if ch in _MATRA_SWAP]
        i = rng.choice(spots)
        return word[:i] + _MATRA_SWAP[word[i]] + word[i + 1:]
    if kind == "virama":  # स्वागत -> सवागत: the half letter becomes a full one
        i = word.index("्", 1)
        return word[:i] + word[i + 1:]
    if kind == "nasal":
        return word.replace("ं", "", 1)
    if kind == "rra":
        return word.replace("र", "ऱ", 1)
    i = rng.randrange(1, len(word) - 2)  # two neighbouring code points typed in reverse
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def _with_typos(sentence: str, rng: random.Random, rate: float) -> str:
    words = sentence.split(" ")
    for i, w in enumerate(words):
        if rng.random() < rate and len(w) > 2 and "\u0900" <= w[0] <= "\u097f":
            words[i] = _typo(w, rng)
    return " ".join(words)


# ---------------------------------------------------------------- filling
class _Filler:
    """Fills template slots for one article (its place, category and people)."""

    def __init__(self, rng: random.Random, category: str, place: tuple[str, str],
                 when: date, people: list[str]) -> None:
        self.rng = rng
        self.topics = CATEGORIES[category]
        self.place, self.state = place
        self.when = when
        self.people = people
        self.digits = rng.random() < 0.25  # some desks write Devanagari digits

    def _num(self, value: int) -> str:
        text = f"{value:,}" if value >= 10_000 and self.rng.random() < 0.5 else str(value)
        return text.translate(_DEVANAGARI_DIGITS) if self.digits else text

    def _date(self) -> str:
        day = self.when + timedelta(days=self.rng.randint(-40, 40))
        return f"{self._num(day.day)} {MONTHS[day.month - 1]}"

    def _pick(self, seq: tuple[str, ...] | list[str]) -> str:
        return seq[int(self.rng.random() * len(seq))]

    def fill(self, template: str) -> str:
        """``template`` with each of its slots filled (only the slots it uses are drawn)."""
        if "{quote}" in template:
            template = template.replace("{quote}", self._pick(QUOTES))
        return template.format_map({name: self._slot(name) for name in _fields(template)})

    def _slot(self, name: str) -> str:
        rng, pick = self.rng, self._pick
        if name == "place":
            return self.place if rng.random() < 0.7 else pick(_CITIES)
        if name == "state":
            return self.state
        if name in ("org", "org2"):
            return pick(ORGS)
        if name == "official":
            return pick(OFFICIALS)
        if name == "person":
            return pick(self.people)
        if name in ("topic", "topic2"):
            return pick(self.topics)
        if name == "n":
            return self._num(rng.randint(2, 60))
        if name == "n2":
            return self._num(rng.randint(120, 95_000))
        if name == "amount":
            return f"{self._num(rng.randint(2, 900))} {pick(_AMOUNT_UNITS)}"
        if name == "pct":
            unit = pick(_PERCENT_UNITS)
            return f"{self._num(rng.randint(3, 70))}{'' if unit == '%' else ' '}{unit}"
        if name == "date":
            return self._date()
        if name == "loan":
            return pick(LOANWORDS)
        if name == "app":
            return pick(_APPS)
        if name == "year":
            return self._num(2019 + int(rng.random() * 6))
        raise KeyError(name)


@functools.cache
def _fields(template: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for _t, f, _s, _c in string.Formatter().parse(template) if f))


def _quoted_people(rng: random.Random) -> list[str]:
    """People quoted in one story (not the reporters)."""
    return [f"{rng.choice(FIRST_NAMES)[0]} {rng.choice(LAST_NAMES)[0]}"
            for _ in range(rng.randint(2, 4))]


def _body(filler: _Filler, rng: random.Random, paragraphs: int, typo_rate: float) -> str:
    blocks: list[str] = []
    since_head = 0
    for p in range(paragraphs):
        if p >= 2 and since_head >= 2 and rng.random() < 0.3:
            blocks.append("## " + filler.fill(rng.choice(SUBHEADS)))
            since_head = 0
        sentences = [filler.fill(rng.choice(SENTENCES)) for _ in range(rng.randint(2, 5))]
        text = " ".join(_with_typos(s, rng, typo_rate) for s in sentences)
        if rng.random() < 0.15:  # "है.इस": the space after a full stop forgotten
            text = text.replace("। ", "।", 1)
        blocks.append(text)
        since_head += 1
    return "\n\n".join(blocks) + "\n"


def article(seed: int, index: int, *, typo_rate: float = TYPO_RATE) -> ArticleData:
    """Article number ``index`` of the archive seeded with ``seed`` (pure function)."""
    rng = random.Random(f"sampadak-news:{seed}:{index}")
    category = rng.choice(_CATEGORY_NAMES)
    place = rng.choice(PLACES)
    when = FIRST_DATE + timedelta(days=rng.randrange(_DAYS + 1))
    filler = _Filler(rng, category, place, when, _quoted_people(rng))
    headline = filler.fill(rng.choice(HEADLINES))
    dek = filler.fill(rng.choice(DEKS))
    body = _body(filler, rng, rng.randint(4, 12), typo_rate)
    n_bylines = rng.choices((1, 2, 3), (70, 24, 6))[0]
    bylines: list[BylineData] = []
    while len(bylines) < n_bylines:
        person = rng.choices(REPORTERS, _REPORTER_WEIGHTS)[0]
        if person not in bylines:
            bylines.append(person)
    wanted = rng.choices((1, 2, 3, 4, 5), (15, 30, 30, 15, 10))[0]
    tags = {place[0]}
    if wanted > 1 and rng.random() < 0.5:
        tags.add(category)
    while len(tags) < wanted:
        tags.add(rng.choice(_TAGS) if rng.random() < 0.6 else rng.choice(CATEGORIES[category]))
    return ArticleData(
        headline=headline, dek=dek, body=body, category=category, dateline_place=place[0],
        dateline_date=when, tags=tuple(sorted(tags)), bylines=tuple(bylines))


def articles(seed: int, count: int, *, start: int = 0) -> Iterator[ArticleData]:
    """``article(seed, i)`` for ``i`` in ``start .. start+count-1``."""
    for index in range(start, start + count):
        yield article(seed, index)


def news_document(words: int = 20_000, seed: int = 20240611) -> str:
    """One long Markdown story of about ``words`` words made of news paragraphs, ``##``
    subheads and a few bulleted lists (the editor benchmark's document)."""
    rng = random.Random(f"sampadak-doc:{seed}")
    blocks: list[str] = []
    count = 0
    index = 0
    while count < words:
        data = article(seed, index)
        index += 1
        parts = data.body.strip().split("\n\n")
        blocks.append("## " + data.headline)
        blocks.extend(parts)
        if rng.random() < 0.2:
            blocks.append("\n".join("- " + s.strip() + "।" for s in parts[0].split("।")[:3]
                                    if s.strip()))
        count += len(data.headline.split()) + sum(len(p.split()) for p in parts)
    return "\n\n".join(blocks) + "\n"


if __name__ == "__main__":  # print one article, for a look
    import argparse

    parser = argparse.ArgumentParser(description="print a generated article")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--index", type=int, default=0)
    args = parser.parse_args()
    item = article(args.seed, args.index)
    sys.stdout.write(f"# {item.headline}\n{item.dek}\n"
                     f"{'; '.join(b.display() for b in item.bylines)}\n"
                     f"{item.dateline_place}, {item.dateline_date} · {item.category} · "
                     f"{', '.join(item.tags)}\n\n{item.body}")
