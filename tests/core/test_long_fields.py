"""Long short fields: a pasted story in the headline is refused with a clear message (the
list indexes it; PostgreSQL's btree entries hold at most 2,704 bytes), a story with a
hundred bylines still saves (the list's byline summary is clipped, whole aksharas), and a
story whose dek and tags are huge saves and is found on both backends (the PostgreSQL
rank vector is stored in the row); an import whose headline is a whole paragraph is
shortened with a warning instead of failing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.errors import ValidationError
from editor_app.core.models import INDEXED_TEXT_MAX
from editor_app.core.text.counts import clip_text


def _words(count: int, stem: str) -> str:
    return " ".join(f"{stem}{n}" for n in range(count))


def test_a_headline_longer_than_the_index_holds_is_refused_clearly(db):
    service = ArticleService(db, "डेस्क")
    record = service.create(ArticleData(headline="बाढ़ से राहत"))
    pasted = replace(record.data, headline="बाढ़ " + _words(1_500, "शीर्षक"))
    with pytest.raises(ValidationError, match="headline is too long"):
        service.save(record.id, pasted, record.version)
    fits = replace(record.data, headline="क्" * (INDEXED_TEXT_MAX // 2))  # 600 code points
    assert service.save(record.id, fits, record.version).data.headline == fits.headline


def test_huge_dek_tags_and_a_hundred_bylines_save_and_are_found(db):
    service = ArticleService(db, "डेस्क")
    data = ArticleData(
        headline="बाढ़ से राहत",
        dek=_words(3_000, "सार"),
        body="नदी का जलस्तर बढ़ा।\n",
        tags=tuple(f"टैग{n}" for n in range(300)),
        bylines=tuple(BylineData(name=f"संवाददाता क्षेत्रीय{n}") for n in range(100)))
    record = service.create(data)
    saved = service.save(record.id, replace(data, body=data.body + "राहत शिविर खुले।\n"),
                         record.version)
    assert saved.version == record.version + 1
    assert len(saved.data.bylines) == 100
    assert [s.id for s, _h in service.search("बाढ़")] == [record.id]
    assert [s.id for s, _h in service.search("सार2999")] == [record.id]
    [summary] = [s for s, _h in service.search("बाढ़")]
    assert len(summary.byline) <= INDEXED_TEXT_MAX and summary.byline.endswith("…")


def test_clip_text_keeps_whole_aksharas():
    text = "क्षेत्रीय " * 10
    clipped = clip_text(text, 12)
    assert len(clipped) <= 12 and clipped.endswith("…")
    assert text.startswith(clipped[:-1])
    assert not clipped[:-1].endswith("्")  # no conjunct cut after its halant
    assert clip_text("छोटा", 12) == "छोटा"


def test_an_import_whose_headline_is_a_whole_paragraph_is_shortened_with_a_warning(
        db, tmp_path):
    from editor_app.core.intake.preview import read_for_preview
    from editor_app.core.intake.store import store_result

    source = tmp_path / "lamba.md"
    source.write_text("# " + _words(300, "शब्द") + "\n\nपहला अनुच्छेद।\n", encoding="utf-8")
    [result] = read_for_preview(source).results
    assert len(result.data.headline) <= INDEXED_TEXT_MAX
    assert result.data.headline.startswith("शब्द0 शब्द1") and result.data.headline.endswith("…")
    assert any("headline shortened" in w for w in result.warnings)
    store_result(ArticleService(db, "डेस्क"), result)  # stores: nothing refused
