"""NFC storage that a test can see fail (issue 10 item 4).

The inputs are sequences that NFC really changes: न + NUKTA (U+0928 U+093C) composes to
ऩ U+0929 (not a composition exclusion, unlike क़ U+0958), and Latin e + COMBINING ACUTE
(U+0065 U+0301) composes to é U+00E9. Every text field is checked through
``ArticleService.create`` and ``save`` (the CLI path is in tests/cli/test_cli_body.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace

import pytest

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService

DECOMPOSED = "अन\u093cना cafe\u0301"
COMPOSED = "अ\u0929ना caf\u00e9"


def test_the_inputs_are_changed_by_nfc() -> None:
    assert unicodedata.normalize("NFC", DECOMPOSED) == COMPOSED != DECOMPOSED
    assert not unicodedata.is_normalized("NFC", DECOMPOSED)


def _byline(part: str, text: str) -> tuple[BylineData, ...]:
    base = {"name": "सीमा", "name_latin": "Seema", "designation": "संवाददाता",
            "outlet": "The Printlines"}
    base[part] = text
    return (BylineData(**base),)


def _byline_field(part: str) -> tuple[Callable[[ArticleData, str], ArticleData],
                                       Callable[[ArticleData], str]]:
    def put(data: ArticleData, text: str) -> ArticleData:
        return replace(data, bylines=_byline(part, text))

    def get(data: ArticleData) -> str:
        return str(getattr(data.bylines[0], part))

    return put, get


# field name -> (put ``text`` into data, read the field back from data)
FIELDS: dict[str, tuple[Callable[[ArticleData, str], ArticleData],
                        Callable[[ArticleData], str]]] = {
    "headline": (lambda d, t: replace(d, headline=t), lambda d: d.headline),
    "dek": (lambda d, t: replace(d, dek=t), lambda d: d.dek),
    "body": (lambda d, t: replace(d, body=t + "\n"), lambda d: d.body.removesuffix("\n")),
    "category": (lambda d, t: replace(d, category=t), lambda d: d.category),
    "dateline_place": (lambda d, t: replace(d, dateline_place=t), lambda d: d.dateline_place),
    "tag": (lambda d, t: replace(d, tags=(t,)), lambda d: d.tags[0]),
    **{f"byline.{part}": _byline_field(part)
       for part in ("name", "name_latin", "designation", "outlet")},
}


@pytest.fixture
def service(db):
    return ArticleService(db, "सीमा")


@pytest.mark.parametrize("field", FIELDS)
def test_create_stores_nfc(service: ArticleService, field: str) -> None:
    put, get = FIELDS[field]
    record = service.create(put(ArticleData(headline="शीर्षक"), DECOMPOSED))
    for data in (record.data, service.get(record.id).data):
        stored = get(data)
        assert stored == COMPOSED, (field, stored)
        assert unicodedata.is_normalized("NFC", stored)


@pytest.mark.parametrize("field", FIELDS)
def test_save_stores_nfc(service: ArticleService, field: str) -> None:
    put, get = FIELDS[field]
    record = service.create(put(ArticleData(headline="शीर्षक"), "पहले"))
    saved = service.save(record.id, put(record.data, DECOMPOSED), record.version)
    assert saved.version == record.version + 1
    stored = get(service.get(record.id).data)
    assert stored == COMPOSED, (field, stored)
    assert unicodedata.is_normalized("NFC", stored)
    revision = service.revisions(record.id)[-1]
    if field in ("headline", "dek", "body"):
        assert unicodedata.is_normalized("NFC", getattr(revision, field))
        assert COMPOSED in getattr(revision, field)
