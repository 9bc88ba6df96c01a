"""Recognise the parts of news text copied or scraped from a web page.

Contract: :func:`parse_scraped` never raises for any text (an empty headline is possible);
it returns an :class:`ImportResult` whose body is canonical-style Markdown (paragraphs,
``##`` subheadings) and which lists every line it took out of the body: related-link lines
("इसे भी पढ़ें", "Also read"), trailing site furniture ("Latest News", teasers, share and
copyright lines), breadcrumbs and published/updated stamps. Nothing is invented: tags come
from the page's own tag line, otherwise they are only *suggested* (frequent names in the
headline and body) and not put on the article.

The rules are general (word lists and patterns in :mod:`scraped_rules`), not one site's
strings: headline first, a byline within the next lines (``By …``, ``द्वारा …``, or a name
line followed by a designation/outlet line), then paragraphs. A short line without closing
punctuation between paragraphs is a subheading. A Hindi dateline at the start of the first
paragraph (``जयपुर। …``, ``नई दिल्ली, 12 जून (भाषा) …``) becomes place, date and agency.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import regex

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.intake import scraped_rules as rules
from editor_app.core.intake.dateline import Dateline, parse_date_words, split_dateline
from editor_app.core.intake.mdtext import escape_block, escape_inline
from editor_app.core.intake.result import ImportResult, RelatedLink

__all__ = ["parse_byline_parts", "parse_scraped", "suggest_tags"]

log = logging.getLogger(__name__)

_URL = regex.compile(r"https?://[^\s<>\"')\]]+")
_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}\u200c\u200d]+(?:-[\p{L}\p{M}\p{Nd}]+)*")
_DEVANAGARI = regex.compile(r"\p{Devanagari}")
_LATIN_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{Ll}\p{M}.'’-]*|\p{Lu}\.?)$")
_DEVA_NAME_WORD = regex.compile(r"^[\p{Devanagari}\p{M}.]+$")
_SPLIT_PARTS = regex.compile(r"\s*(?:\||,|\s[-–—]\s|•|·)\s*")
_TAG_SPLIT = regex.compile(r"\s*(?:,|;|\||#|•|·|،)\s*")
_MAX_SUBHEAD_WORDS = 12
_MAX_SUBHEAD_CHARS = 90
_BYLINE_WINDOW = 5


@dataclass
class _Work:
    """Lines still to place and what was recognised so far."""

    lines: list[str]
    dropped: list[str] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_scraped(text: str, source: str = "", *, today: date | None = None) -> ImportResult:
    """Everything recognised in scraped ``text`` (see module contract). ``today`` decides
    the year of a dateline date written without one."""
    lines = [" ".join(line.split()) for line in _unwrap(text).split("\n")]
    work = _Work([line for line in lines if line])
    _take_tags(work)
    headline_at = _skip_furniture(work, 0)
    headline = work.lines[headline_at] if headline_at < len(work.lines) else ""
    bylines, dek, body_at = _find_byline(work, headline_at + 1)
    body_lines = _cut_trailing(work, body_at)
    blocks, subheads = _body_blocks(work, body_lines)
    dateline = Dateline()
    if blocks and not blocks[0].startswith("## "):
        published = _published(work.dropped)
        dateline, rest, warning = split_dateline(blocks[0], today=published or today)
        if warning and published is None:  # with a stamp the year is the page's own
            work.warnings.append(warning)
        if dateline.place:
            blocks[0] = rest
    if dateline.agency and not bylines:
        bylines = [BylineData(dateline.agency, designation="", outlet=dateline.agency)]
    body = "\n\n".join(b if b.startswith("## ") else escape_block(b) for b in blocks if b)
    suggested: tuple[str, ...] = ()
    if not work.tags:
        suggested = suggest_tags(headline, " ".join(blocks))
    data = ArticleData(
        headline=headline, dek=dek, body=body + ("\n" if body else ""),
        dateline_place=dateline.place, dateline_date=dateline.when, tags=tuple(work.tags),
        bylines=tuple(bylines),
        language="hi" if _DEVANAGARI.search(headline + body[:2000]) else "en")
    if not headline:
        work.warnings.append("no headline found")
    return ImportResult(
        data=data, source=source, format="scraped", related=tuple(work.related),
        dropped=tuple(work.dropped), subheadings=tuple(subheads),
        suggested_tags=suggested, warnings=tuple(work.warnings), agency=dateline.agency)


_WRAP_MIN, _WRAP_MAX = 45, 100


def _unwrap(text: str) -> str:
    """Text hard-wrapped at a fixed width (mail, some copy tools) with paragraphs in
    blank-line blocks: each wrapped block joined into one line. A block looks wrapped when
    it has two or more lines, every line but its last has the wrap width and its last line
    ends a sentence or is as long (so a headline + name block stays apart). Nothing is
    joined unless no line is over 120 characters and at least two blocks, and most of the
    multi-line blocks, look wrapped."""
    lengths = [len(line.strip()) for line in text.split("\n") if line.strip()]
    if not lengths or max(lengths) > 120:
        return text
    blocks = regex.split(r"\n[ \t]*\n", text)
    rows_of = [[r.strip() for r in b.split("\n") if r.strip()] for b in blocks]

    def wrapped(rows: list[str]) -> bool:
        return (len(rows) >= 2 and all(_WRAP_MIN <= len(r) <= _WRAP_MAX for r in rows[:-1])
                and (rows[-1][-1] in rules.END_PUNCT or len(rows[-1]) >= _WRAP_MIN))

    multi = [rows for rows in rows_of if len(rows) >= 2]
    hits = sum(wrapped(rows) for rows in multi)
    if hits < 2 or hits * 2 < len(multi):
        return text
    return "\n\n".join(" ".join(rows) if wrapped(rows) else block
                        for rows, block in zip(rows_of, blocks, strict=True))


def _published(dropped: list[str]) -> date | None:
    """The date of a dropped "Published: 12 June 2024" stamp (it gives a dateline its
    year)."""
    for line in dropped:
        if rules.PUBLISHED_LINE.match(line):
            when, warning = parse_date_words(line)
            if when is not None and not warning:
                return when
    return None


# ------------------------------------------------------------------ tags
def _take_tags(work: _Work) -> None:
    """Move tag lines (``Tags: a, b`` or a ``Tags`` heading over one tag a line) out."""
    kept: list[str] = []
    i = 0
    lines = work.lines
    while i < len(lines):
        line = lines[i]
        match = rules.TAG_LINE.match(line)
        if match and i > 0:
            work.tags.extend(_split_tags(match.group(1)))
            work.dropped.append(line)
            i += 1
            continue
        if rules.TAG_HEADING.match(line) and i > 0:
            work.dropped.append(line)
            i += 1
            while i < len(lines) and _is_tag_item(lines[i]):
                work.tags.extend(_split_tags(lines[i]))
                work.dropped.append(lines[i])
                i += 1
            continue
        kept.append(line)
        i += 1
    work.lines = kept


def _split_tags(text: str) -> list[str]:
    return [t.strip(" #.।") for t in _TAG_SPLIT.split(text) if t.strip(" #.।")]


def _is_tag_item(line: str) -> bool:
    return (len(line.split()) <= 5 and line[-1] not in rules.END_PUNCT
            and not rules.SECTION_END.match(line))


# ------------------------------------------------------------------ header
def _is_furniture(line: str) -> bool:
    return bool(rules.BOILERPLATE_LINE.match(line) or rules.BREADCRUMB.match(line)
                or rules.PUBLISHED_LINE.match(line))


def _skip_furniture(work: _Work, start: int) -> int:
    i = start
    while i < len(work.lines) and _is_furniture(work.lines[i]):
        work.dropped.append(work.lines[i])
        i += 1
    return i


def _find_byline(work: _Work, start: int) -> tuple[list[BylineData], str, int]:
    """Bylines, dek and the index where the body starts."""
    lines = work.lines
    end = min(len(lines), start + _BYLINE_WINDOW)
    for i in range(start, end):
        line = lines[i]
        found: list[BylineData] | None = None
        used = 1
        prefixed = rules.BYLINE_PREFIX.match(line)
        if prefixed and len(line) <= 120:
            found = parse_byline_parts(line[prefixed.end():])
            if found and i + 1 < len(lines) and _designation_split(lines[i + 1]):
                found, used = _with_designation(found, lines[i + 1]), 2
        elif _is_name(line) and i + 1 < len(lines) and _designation_split(lines[i + 1]):
            found, used = _with_designation([_person(line)], lines[i + 1]), 2
        elif "|" in line and len(line) <= 120 and _is_name(_SPLIT_PARTS.split(line)[0]):
            found = parse_byline_parts(line)
        if found:
            dek_lines = []
            for between in lines[start:i]:
                if _is_furniture(between):
                    work.dropped.append(between)
                else:
                    dek_lines.append(between)
            after = _skip_furniture(work, i + used)
            return found, " ".join(dek_lines), after
    return [], "", _skip_furniture(work, start)


def _is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 4 or len(text) > 40 or text[-1] in rules.END_PUNCT:
        return False
    if any(w in rules.STOPWORDS for w in words):
        return False
    return all(_LATIN_NAME_WORD.match(w) for w in words) or all(
        _DEVA_NAME_WORD.match(w) for w in words)


def _person(name: str) -> BylineData:
    name = name.strip(" ,|-–—")
    latin = name if name and not _DEVANAGARI.search(name) else ""
    return BylineData(name, latin)


def _designation_split(text: str) -> tuple[str, str] | None:
    """``(designation, outlet)`` when ``text`` starts with a known designation."""
    folded = text.casefold()
    for designation in rules.DESIGNATIONS:
        if folded.startswith(designation.casefold()):
            rest = text[len(designation):]
            if rest and (rest[0].isalnum() or rest[0] in "\u093c"):
                continue  # "Editorial", not "Editor"
            return text[:len(designation)], _outlet(rest)
    return None


def _outlet(text: str) -> str:
    text = text.strip(" ,|:-–—")
    text = regex.sub(r"\s*\([^()]*\)\s*$", "", text)  # "(Part of … Network)"
    return text.strip(" ,|:-–—")


def _with_designation(found: list[BylineData], line: str) -> list[BylineData]:
    split = _designation_split(line)
    if not split or not found:
        return found
    first = found[0]
    return [BylineData(first.name, first.name_latin, split[0], split[1] or first.outlet),
            *found[1:]]


def parse_byline_parts(text: str) -> list[BylineData]:
    """Bylines from ``Name[, Designation][, Outlet]`` or ``Name | Outlet`` (several people
    joined by "and"/"और" each get one); dates and times among the parts are ignored."""
    parts = [p for p in _SPLIT_PARTS.split(text.strip()) if p]
    parts = [p for p in parts if not regex.search(r"\d", p)]
    if not parts:
        return []
    names = regex.split(r"\s+(?:and|और|एवं|व)\s+|\s*&\s*", parts[0])
    if not all(_is_name(n) for n in names):
        return []
    designation = outlet = ""
    for part in parts[1:]:
        split = _designation_split(part)
        if split and not designation:
            designation, outlet = split[0], split[1] or outlet
        elif not outlet:
            outlet = _outlet(part)
    return [BylineData(p.name, p.name_latin, designation, outlet)
            for p in (_person(n) for n in names)]


# ------------------------------------------------------------------ body
def _cut_trailing(work: _Work, start: int) -> list[str]:
    """Body lines from ``start``: everything from the first trailing-section marker that
    follows at least one paragraph is dropped."""
    lines = work.lines[start:]
    seen_paragraph = False
    for i, line in enumerate(lines):
        if seen_paragraph and rules.SECTION_END.match(line):
            work.dropped.extend(lines[i:])
            return lines[:i]
        if len(line.split()) > _MAX_SUBHEAD_WORDS:
            seen_paragraph = True
    return lines


def _related(line: str) -> tuple[bool, str]:
    match = rules.RELATED_HI.match(line) or rules.RELATED_EN.match(line)
    if not match:
        return False, ""
    return True, line[match.end():].strip()


def _body_blocks(work: _Work, lines: list[str]) -> tuple[list[str], list[str]]:
    """Paragraph texts (plain) and ``## `` heading blocks (already escaped)."""
    blocks: list[str] = []
    subheads: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        is_related, title = _related(line)
        if is_related:
            bullets = []
            while i + 1 < len(lines) and rules.BULLET.match(lines[i + 1]):
                i += 1
                bullets.append(lines[i])
            if not title and not bullets and i + 1 < len(lines) \
                    and not _related(lines[i + 1])[0]:
                i += 1
                bullets.append(lines[i])
            for item in ([title] if title else []) + bullets:
                work.related.append(_link(rules.BULLET.sub("", item, count=1)))
            work.dropped.append(" ".join([line, *bullets]))
            i += 1
            continue
        if _is_furniture(line) or rules.SECTION_END.match(line):
            work.dropped.append(line)
            i += 1
            continue
        has_paragraph_before = any(not b.startswith("## ") for b in blocks)
        if has_paragraph_before and i + 1 < len(lines) and _is_subheading(line):
            subheads.append(line)
            blocks.append("## " + escape_inline(line.lstrip("#").strip()))
        elif _is_subheading(line) and i + 1 == len(lines) and blocks:
            work.dropped.append(line)  # a short line after the story: a teaser or label
        else:
            blocks.append(line)
        i += 1
    return blocks, subheads


def _is_subheading(line: str) -> bool:
    return (len(line) <= _MAX_SUBHEAD_CHARS and len(line.split()) <= _MAX_SUBHEAD_WORDS
            and line[-1] not in rules.END_PUNCT)


def _link(title: str) -> RelatedLink:
    url = _URL.search(title)
    if url is None:
        return RelatedLink(title.strip(" -–—:"))
    rest = (title[:url.start()] + title[url.end():]).strip(" -–—:|")
    return RelatedLink(rest or url.group(0), url.group(0))


# ------------------------------------------------------------------ tags
_VERBLIKE = ("ों", "ियों", "ने", "ना", "नी", "ते", "ता", "ती", "कर", "एगा", "एगी", "ेंगे")


def suggest_tags(headline: str, body: str, *, limit: int = 5) -> tuple[str, ...]:
    """Names that the headline and the body share (at least twice in the body) or Latin
    capitalised names repeated in the body: candidates for tags, most frequent first."""
    body_words = Counter(_WORD.findall(body))
    candidates: Counter[str] = Counter()
    for word in set(_WORD.findall(headline)):
        if word in rules.STOPWORDS or len(regex.findall(r"\X", word)) < 2:
            continue
        if _DEVANAGARI.search(word):
            if word.endswith(_VERBLIKE):
                continue
        elif not word[0].isupper():
            continue
        if body_words[word] >= 2:
            candidates[word] = body_words[word] + 2
    for word, count in body_words.items():
        if (count >= 3 and not _DEVANAGARI.search(word) and word[0].isupper()
                and len(word) > 2 and not word.isupper()):
            candidates[word] = max(candidates[word], count)
    ranked = sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(word for word, _ in ranked[:limit])
