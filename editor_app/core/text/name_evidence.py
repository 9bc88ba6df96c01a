"""Evidence that an unknown Devanagari word is a name or an acronym, not a misspelling.

Devanagari has no capital letters, so a village or person name looks like any unknown word.
Hindi news marks names by their context instead: a title or a kinship word before them
(श्री, श्रीमती, डॉ, पुत्र, पत्नी, उर्फ), a word that introduces a place (ग्राम, गांव,
मोहल्ला, निवासी, थाना, प्रखंड), a designation (सरपंच, मुखिया, सचिव, अध्यक्ष, कलेक्टर,
प्रभारी, संवाददाता), or a word after them that only follows a name (जी, कुमार, प्रसाद,
यादव, देवी; निवासी, थाना, गांव, स्थित, समाज). Acronyms are written as runs of English
letter names (एसडीओ = SDO).

Contract:
- :func:`is_spelled_acronym` is true for a run of at least three English letter names
  (बीएनएस, आईएसपीआर, एनडीआरएफ, आइजीआरएस); such a word is an acronym, never a misspelling.
- :func:`name_context_indexes` takes the word tokens of one text and the indexes of the
  *candidates* among them (unknown words that are not known misspellings; the caller
  decides) and returns the indexes of the candidates that stand in a name context: right
  after a cue of :data:`BEFORE_CUES` or right before one of :data:`AFTER_CUES` with only
  spaces between them (after a cue also a hyphen or colon, after an abbreviated title of
  :data:`TITLES` also a full stop), or as the first word of a line followed by a dateline
  mark (``।``, ``|``, ``:``, ``,``, ``(``, ``-``: थांदला। ...), alone in round brackets
  right after a word (an abbreviation after a full name or a dateline: जनता पार्टी
  (जजपा), 11 अगस्त (निस)), right before a person's age in brackets (सुधीर (38) निवासी),
  as the surname of a cued person (a cue, one given name of two or more aksharas, then the
  candidate: सचिव संतोष बडोनी, विधायक समीर महंती), after a word of :data:`PLACE_AREAS`
  and a genitive (अयोध्या जिले के सोहावल), or next to such a
  candidate in a run of at most :data:`MAX_RUN` candidates (a name of several words: ग्राम
  रहुवादीप शकहन), and every other occurrence in the text of a word so marked (a reporter
  names the village once with its cue, then without). A cue is never a candidate's
  evidence across a sentence end or a comma. Name parts (कुमार, सिंह, राम ...) are cues on
  both sides (आनंद कुमार पठानिया: a surname follows them).
- A list of names also marks its candidates: at least :data:`MIN_LIST_ITEMS` items of at
  most :data:`MAX_ITEM_WORDS` words separated by commas (the last also by और, एवं, व,
  तथा), with a cue word inside an item or closed by a :data:`LIST_CLOSERS` word (हाशिम,
  समसुज्जमा, संतोष शर्मा ... आदि; यूसुफ, हसीबा समेत; ... उपस्थित रहे). The closer may come
  up to :data:`LAST_ITEM_WINDOW` words after the last separator. A misspelling that the
  checker can repair never reaches this function (the caller's candidates).
- Pure functions over the given tokens; no I/O.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence

import regex

from editor_app.core.text.tokenize import Token, akshara_split

__all__ = ["AFTER_CUES", "BEFORE_CUES", "LIST_CLOSERS", "MAX_ITEM_WORDS", "MAX_RUN",
           "PLACE_AREAS", "TITLES",
           "is_spelled_acronym", "name_context_indexes"]

#: Words after which a name follows (titles, kinship, place and office words).
BEFORE_CUES = frozenset({
    "श्री", "श्रीमती", "सुश्री", "डॉ", "डॉ.", "डा", "मो", "मोहम्मद", "पुत्र", "पुत्री", "पत्नी", "पति",
    "पिता", "उर्फ", "नामक", "ग्राम", "गांव", "गाँव", "मोहल्ला", "मौजा", "कस्बा", "कस्बे",
    "निवासी", "वार्ड", "प्रखंड", "विकासखंड", "तहसील", "जनपद", "थाना", "सरपंच", "मुखिया",
    "प्रधान", "सचिव", "अध्यक्ष", "जिलाध्यक्ष", "उपाध्यक्ष", "निदेशक", "निरीक्षक",
    "प्रभारी", "प्रवक्ता", "उपायुक्त", "थानाध्यक्ष", "थानेदार", "कलेक्टर", "कलक्टर", "जिलाधिकारी", "विधायक",
    "सांसद", "मंत्री", "संवाददाता", "रिपोर्ट", "रिपोर्टर", "प्राचार्य", "प्रधानाचार्य",
    "सहायक", "पटवारी", "चिकित्सक", "डॉक्टर", "शिक्षक", "छात्र", "छात्रा", "मृतक",
    "आरोपी", "बीडीओ", "एसडीएम", "एसपी", "डीएम", "डीसी", "सीओ", "एसएचओ", "एसडीओ",
    "अंतर्गत",
    # Name parts that a surname or a second name follows (आनंद कुमार पठानिया, राम जानकी).
    "कुमार", "कुमारी", "प्रसाद", "सिंह", "लाल", "राम", "चंद", "चंद्र", "नाथ", "दास",
    # Parts of village and hamlet names (UP, Bihar, Rajasthan): ग्राम पंचायत X, माजरा X.
    "पंचायत", "माजरा", "मजरा", "सराय", "पट्टी", "टोला", "टोली", "नगला", "पुरवा", "ढाणी",
})
#: Words that follow a name (honorifics, frequent surnames and name parts, place words).
AFTER_CUES = frozenset({
    "जी", "कुमार", "कुमारी", "प्रसाद", "सिंह", "यादव", "शर्मा", "वर्मा", "गुप्ता",
    "देवी", "लाल", "राम", "साहू", "खान", "अहमद", "अली", "मिश्रा", "तिवारी", "पांडे",
    "पांडेय", "चौधरी", "दास", "नाथ", "चंद", "चंद्र", "पुत्र", "पुत्री", "पत्नी", "उर्फ",
    "निवासी", "थाना", "थाने", "कोतवाली", "गांव", "गाँव", "ग्राम", "प्रखंड", "जिले",
    "जिला", "पंचायत", "नगर", "स्थित", "समाज", "इलाके", "इलाका", "मोड़", "चौक", "रोड",
    "बाजार", "बाज़ार", "मार्ग", "तहसील", "ब्लॉक", "कस्बे", "खुर्द", "कलां", "कॉलोनी",
    "बस्ती", "टोला", "क्षेत्र",
    # Frequent surnames: the unknown word before one is a given name.
    "जायसवाल", "पटेल", "ठाकुर", "राय", "मीणा", "जाटव", "कुशवाहा", "मौर्य", "पाल",
    "सोनी", "जैन", "अग्रवाल", "त्रिपाठी", "दुबे", "शुक्ला", "पाठक", "श्रीवास्तव", "बघेल",
    "रावत", "नेगी", "बिष्ट", "अंसारी", "कुरैशी", "सिद्दीकी", "हुसैन", "बेगम", "खातून",
    "मंडल", "महतो", "ओझा", "झा", "चौहान", "राठौर", "सैनी", "गौतम", "भारती", "निषाद",
    "प्रजापति", "विश्वकर्मा", "कश्यप", "बंसल", "गोयल", "मित्तल",
})
#: Administrative areas; after one and a genitive comes a place inside it (जिले के X).
PLACE_AREAS = frozenset({"जिले", "जिला", "प्रखंड", "विकासखंड", "क्षेत्र", "तहसील", "ब्लॉक",
                         "थाना", "कस्बे", "मंडल"})
_GENITIVES = frozenset({"के", "की", "का"})
#: Words right after a list that close a list of people or places (X, Y, Z आदि / समेत /
#: सहित ... उपस्थित रहे; A, B और C जैसे).
LIST_CLOSERS = frozenset({"आदि", "समेत", "सहित", "इत्यादि", "उपस्थित", "मौजूद", "जैसे",
                          "वगैरह"})
#: Most words in one item of a list of names (a given name, a middle name, a surname).
MAX_ITEM_WORDS = 3
#: Words after the last separator in which a closer is looked for (the last item is then
#: every word before the closer).
LAST_ITEM_WINDOW = 2 * MAX_ITEM_WORDS + 1
#: Fewest items of a list whose unknown words are names (two commas, or a comma and और).
MIN_LIST_ITEMS = 3
_LIST_COMMA = regex.compile(r"[ \t\u00a0]*,[ \t\u00a0]*")
_COMMA = regex.compile(",")
_LIST_AND = frozenset({"और", "एवं", "व", "तथा"})
#: Longest run of neighbouring candidates a cue vouches for (a name of up to three words).
MAX_RUN = 3
#: Abbreviated titles, which a full stop may follow (डॉ. राजेन्द्र, मो. इशफाक).
TITLES = frozenset({"डॉ", "डा", "मो", "श्री"})
_SPACES = regex.compile(r"[ \t\u00a0]+")
#: After a dateline's place (थांदला। ..., महासमुंद| ..., गुरदासपुर: ...).
_DATELINE_END = regex.compile(r"[ \t\u00a0]*[।|:,(-]")
#: A lone word in brackets: the gap before it (after a word or a date's digits) ...
_OPEN_BRACKET = regex.compile(r"[ \t\u00a0]*\([ \t\u00a0]*")
#: ... and after it.
_CLOSE_BRACKET = regex.compile(r"[ \t\u00a0]*\)")
#: A person's age in brackets after the name (सुधीर (38) निवासी आगरा; राम (45 वर्ष)).
_AGE_AFTER = regex.compile(r"[ \t\u00a0]*\([ \t\u00a0]*\d{1,3}[ \t\u00a0]*(?:वर्ष|साल)?"
                           r"[ \t\u00a0]*\)")
#: A word that is no given name: not Devanagari letters and marks only.
_NOT_GIVEN_NAME = regex.compile(r"[^\p{Devanagari}]")
_AFTER_CUE = regex.compile(r"[ \t\u00a0]*[-:][ \t\u00a0]*|[ \t\u00a0]+")
_AFTER_TITLE = regex.compile(r"[ \t\u00a0]*[-:.][ \t\u00a0]*|[ \t\u00a0]+")

# English letter names as Hindi news writes them; acronyms are runs of them (बीएनएस = BNS).
_LETTER_NAMES = ("ए", "बी", "सी", "डी", "ई", "एफ", "जी", "एच", "आई", "आइ", "जे", "के", "एल",
                 "एम", "एन", "ओ", "पी", "क्यू", "आर", "एस", "टी", "यू", "वी", "डब्ल्यू",
                 "डबल्यू", "एक्स", "वाई", "जेड", "ज़ेड")
_ACRONYM_RE = regex.compile(
    "(?:" + "|".join(sorted(_LETTER_NAMES, key=len, reverse=True)) + "){3,}")


def is_spelled_acronym(word: str) -> bool:
    """True for a run of three or more English letter names (module contract)."""
    return _ACRONYM_RE.fullmatch(word) is not None


def _joined(text: str, left: Token, right: Token, *, after_cue: bool) -> bool:
    """Only spaces between the tokens; after a cue also a hyphen or colon (रिपोर्ट: नाम),
    after an abbreviated title also a full stop (डॉ. नाम)."""
    gap = text[left.end:right.start]
    if not after_cue:
        return _SPACES.fullmatch(gap) is not None
    pattern = _AFTER_TITLE if left.text in TITLES else _AFTER_CUE
    return pattern.fullmatch(gap) is not None


def _bracketed(text: str, words: Sequence[Token], i: int) -> bool:
    """``words[i]`` is the only word inside round brackets right after a word: a party's or
    agency's abbreviation after its full name or a dateline (जनता पार्टी (जजपा), रोहतक,
    11 अगस्त (निस)). A misspelled word does not stand alone in brackets after a name."""
    token = words[i]
    if i == 0 or _OPEN_BRACKET.fullmatch(text, words[i - 1].end, token.start) is None:
        return False
    return _CLOSE_BRACKET.match(text, token.end) is not None


def _cued_surname(text: str, words: Sequence[Token], i: int,
                  candidates: Collection[int]) -> bool:
    """``words[i]`` follows a cue and one known given name (सचिव संतोष बडोनी): a surname.
    The given name has two or more aksharas (not a postposition: सचिव ने ...) and is not
    itself a cue or a candidate (a run of candidates is spread along separately)."""
    if i < 2 or (i - 1) in candidates:
        return False
    cue, given = words[i - 2], words[i - 1]
    if (cue.text not in BEFORE_CUES or given.text in BEFORE_CUES or given.text in AFTER_CUES
            or _NOT_GIVEN_NAME.search(given.text) is not None
            or len(akshara_split(given.text)) < 2):
        return False
    return (_joined(text, cue, given, after_cue=True)
            and _joined(text, given, words[i], after_cue=False))


def _after_place_genitive(text: str, words: Sequence[Token], i: int) -> bool:
    """``words[i]`` follows a word for an administrative area and a genitive (अयोध्या
    जिले के सोहावल, थाना क्षेत्र के हेसालौंग): the name of a place inside it."""
    if i < 2:
        return False
    area, genitive = words[i - 2], words[i - 1]
    return (area.text in PLACE_AREAS and genitive.text in _GENITIVES
            and _joined(text, area, genitive, after_cue=False)
            and _joined(text, genitive, words[i], after_cue=False))


def _dateline(text: str, words: Sequence[Token], i: int) -> bool:
    """``words[i]`` opens a line and a dateline mark follows it (थांदला। स्कूली ...)."""
    token = words[i]
    line_start = text.rfind("\n", 0, token.start) + 1
    return not text[line_start:token.start].strip() and (
        _DATELINE_END.match(text, token.end) is not None)


def name_context_indexes(text: str, words: Sequence[Token],
                         candidates: Collection[int]) -> set[int]:
    """Indexes into ``words`` of the candidates in a name context (module contract).

    ``words`` are the word tokens of ``text`` in order; ``candidates`` the indexes of the
    unknown words that may be names. Work is proportional to the candidates, not the text.
    """
    found: set[int] = set()
    count = len(words)
    for i in candidates:
        token = words[i]
        before = i > 0 and words[i - 1].text in BEFORE_CUES and _joined(
            text, words[i - 1], token, after_cue=True)
        after = i + 1 < count and words[i + 1].text in AFTER_CUES and _joined(
            text, token, words[i + 1], after_cue=False)
        if (before or after or _dateline(text, words, i) or _bracketed(text, words, i)
                or _AGE_AFTER.match(text, token.end) is not None
                or _cued_surname(text, words, i, candidates)
                or _after_place_genitive(text, words, i)):
            found.add(i)
    found |= _listed_names(text, words, candidates)
    # Spread along runs of neighbouring candidates (a name of several words).
    for start in sorted(found):
        for step in (1, -1):
            j, length = start, 1
            while length < MAX_RUN:
                k = j + step
                if not (0 <= k < count) or k not in candidates:
                    break
                left, right = (words[j], words[k]) if step == 1 else (words[k], words[j])
                if not _joined(text, left, right, after_cue=False):
                    break
                found.add(k)
                j, length = k, length + 1
    # A name established once is a name wherever the same text repeats it.
    if found:
        named = {words[i].text for i in found}
        found.update(i for i in candidates if words[i].text in named)
    return found


def _listed_names(text: str, words: Sequence[Token], candidates: Collection[int]) -> set[int]:
    """Candidates in a list of names: items of at most :data:`MAX_ITEM_WORDS` words joined
    by commas (the last one also by और/एवं/व/तथा), at least :data:`MIN_LIST_ITEMS` items,
    that a name cue marks (a cue word inside an item, or a :data:`LIST_CLOSERS` word right
    after the last item). The first item is the last words before the first comma, the
    last one the first words after the last separator."""
    found: set[int] = set()
    count = len(words)
    if not candidates or "," not in text:
        return found
    # Only words a comma follows can end a first item (one bisect per comma in the text).
    ends = [token.end for token in words]
    commas = sorted({bisect.bisect_right(ends, match.start()) - 1
                     for match in _COMMA.finditer(text)})
    done = -1
    for i in _chain_starts(commas, sorted(candidates)):
        if i <= done or i < 0 or i + 1 >= count or _LIST_COMMA.fullmatch(
                text[words[i].end:words[i + 1].start]) is None:
            continue
        # words[i] ends the first item: walk the list forward, item by item.
        items: list[list[int]] = [_item_before(text, words, i)]
        closed = False
        j = i + 1
        while j < count:
            item = [j]
            while (len(item) < MAX_ITEM_WORDS + 1 and item[-1] + 1 < count
                   and _SPACES.fullmatch(text[words[item[-1]].end:words[item[-1] + 1].start])
                   and words[item[-1] + 1].text not in _LIST_AND):
                item.append(item[-1] + 1)
            last = item[-1]
            if last + 1 < count and _LIST_COMMA.fullmatch(text[words[last].end:
                                                              words[last + 1].start]):
                if len(item) > MAX_ITEM_WORDS:
                    break  # a clause, not a list item
                items.append(item)
                j = last + 1
                continue
            and_next = (last + 2 < count and words[last + 1].text in _LIST_AND
                        and len(item) <= MAX_ITEM_WORDS)
            if and_next:
                items.append(item)
                j = last + 2
                continue
            # The last item: a closer may follow a few words on (names typed without
            # commas: ... अदिति पटपटिया रिदम बाटला प्रथम भगत उपस्थित रहे).
            while (len(item) < LAST_ITEM_WINDOW and item[-1] + 1 < count
                   and _SPACES.fullmatch(text[words[item[-1]].end:words[item[-1] + 1].start])):
                item.append(item[-1] + 1)
            closer = next((n for n, k in enumerate(item) if words[k].text in LIST_CLOSERS),
                          None)
            if closer is not None:
                closed = closer > 0
                item = item[:closer]
            else:
                item = item[:MAX_ITEM_WORDS]
            if item:
                items.append(item)
            break
        members = [k for item in items for k in item]
        if len(items) >= MIN_LIST_ITEMS and (closed or _list_is_cued(words, items)):
            found.update(k for k in members if k in candidates)
        done = max(i, members[-1] - 1) if members else i
    return found


def _chain_starts(commas: list[int], candidates: list[int]) -> list[int]:
    """The first comma of each chain of commas (at most :data:`MAX_ITEM_WORDS` + 1 words
    apart) that has a candidate within its reach; only there can a list hold one."""
    starts: list[int] = []
    k = 0
    while k < len(commas):
        first = last = commas[k]
        k += 1
        while k < len(commas) and commas[k] - last <= MAX_ITEM_WORDS + 1:
            last = commas[k]
            k += 1
        low, high = first - MAX_ITEM_WORDS, last + LAST_ITEM_WINDOW + 1
        at = bisect.bisect_left(candidates, low)
        if at < len(candidates) and candidates[at] <= high:
            starts.append(first)
    return starts


def _item_before(text: str, words: Sequence[Token], end: int) -> list[int]:
    """The first item of a list: up to :data:`MAX_ITEM_WORDS` words ending at ``end``."""
    item = [end]
    while (len(item) < MAX_ITEM_WORDS and item[0] > 0
           and _SPACES.fullmatch(text[words[item[0] - 1].end:words[item[0]].start])
           and words[item[0] - 1].text not in BEFORE_CUES):
        item.insert(0, item[0] - 1)
    return item


def _list_is_cued(words: Sequence[Token], items: list[list[int]]) -> bool:
    """A name cue is a word of one of the items."""
    return not {words[k].text for item in items for k in item}.isdisjoint(
        AFTER_CUES | BEFORE_CUES)
