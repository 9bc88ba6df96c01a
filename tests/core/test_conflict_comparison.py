"""After a save conflict: their stored version compared with my unsaved text."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.errors import ConflictError, NotFoundError
from editor_app.core.review.conflict import compare_with_stored
from editor_app.core.review.diff import apply_hunks

OPENED = ArticleData(headline="नगर निगम का बजट पेश", body="पहला अनुच्छेद।\n\nदूसरा अनुच्छेद।\n",
                     tags=("बजट",))


@pytest.fixture
def desks(db):
    """Me and another desk on one article; they save first, so my save conflicts."""
    me, other = ArticleService(db, "सीमा"), ArticleService(db, "दूसरा संपादक")
    opened = me.create(OPENED)
    theirs = replace(OPENED, body="पहला अनुच्छेद।\n\nदूसरा अनुच्छेद, उनका सुधार।\n")
    other.save(opened.id, theirs, opened.version, note="their fix")
    return me, other, opened


def test_comparison_shows_theirs_against_mine_field_by_field(desks):
    me, _other, opened = desks
    mine = replace(OPENED, headline="नगर निगम का बजट पेश, विपक्ष नाराज़",
                   body="पहला अनुच्छेद।\n\nदूसरा अनुच्छेद।\n\nमेरा नया अनुच्छेद।\n")
    with pytest.raises(ConflictError):
        me.save(opened.id, mine, opened.version)
    comparison = compare_with_stored(me, opened.id, mine)
    assert comparison.article_id == opened.id
    assert comparison.their_version == me.get(opened.id).version == opened.version + 1
    assert comparison.their_author == "दूसरा संपादक"
    assert comparison.their_saved_at is not None
    assert comparison.theirs.body.endswith("उनका सुधार।\n")
    # the slug follows my new headline, as my save would store it
    assert [c.field for c in comparison.changes] == ["headline", "slug", "body"]
    assert not comparison.identical
    for change in comparison.changes:  # old is theirs, new is mine
        assert change.old == getattr(comparison.theirs, change.field)
        assert change.new == getattr(comparison.mine, change.field)
        assert apply_hunks(change.old, change.hunks) == change.new
    body = comparison.changes[-1]
    assert "उनका सुधार" in body.old and "मेरा नया अनुच्छेद" in body.new


def test_mine_is_compared_in_its_stored_form_and_nothing_is_written(desks):
    me, other, opened = desks
    stored = other.get(opened.id)
    # NFD text and a body without its final newline store exactly as theirs: no change
    mine = replace(stored.data, headline=unicodedata.normalize("NFD", stored.data.headline),
                   body=stored.data.body.rstrip("\n"), slug="")
    before = len(me.revisions(opened.id))
    comparison = compare_with_stored(me, opened.id, mine)
    assert comparison.identical and comparison.changes == ()
    assert unicodedata.is_normalized("NFC", comparison.mine.headline)
    assert len(me.revisions(opened.id)) == before
    assert me.get(opened.id).version == stored.version


def test_a_vanished_article_is_not_found(desks):
    me, _other, _opened = desks
    with pytest.raises(NotFoundError):
        compare_with_stored(me, 999_999, OPENED)
