"""Ignored lint findings: stored per article with reason, user and an audit event."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from editor_app.core.db import Database
from editor_app.core.errors import NotFoundError, ValidationError
from editor_app.core.house_style import default_style
from editor_app.core.lint_ignores import add_ignore, filter_ignored, list_ignores, remove_ignore
from editor_app.core.models import Article, AuditEvent
from editor_app.core.text.lint import lint_article, lint_text


def _article(db: Database) -> int:
    with db.session() as session:
        article = Article(headline="शीर्षक", body="राम औऱ श्याम")
        session.add(article)
        session.flush()
        return article.id


def test_add_list_filter_remove(db: Database) -> None:
    article_id = _article(db)
    entry = add_ignore(db, article_id, "unicode.rra", "औऱ", reason="उद्धरण में मूल वर्तनी",
                       user="सीमा")
    assert entry.user == "सीमा" and entry.reason == "उद्धरण में मूल वर्तनी"
    again = add_ignore(db, article_id, "unicode.rra", "औऱ", reason="दोबारा", user="रवि")
    assert again.id == entry.id
    assert [i.id for i in list_ignores(db, article_id)] == [entry.id]

    findings = lint_text("राम औऱ श्याम आए.इस बार", default_style())
    kept = filter_ignored(findings, list_ignores(db, article_id))
    assert "unicode.rra" not in {f.rule for f in kept}
    assert "punct.space-after" in {f.rule for f in kept}
    field_findings = lint_article({"body": "राम औऱ श्याम"}, default_style())
    assert filter_ignored(field_findings, list_ignores(db, article_id)) == []

    remove_ignore(db, entry.id, user="सीमा")
    assert list_ignores(db, article_id) == []
    with db.session() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions == ["lint.ignore", "lint.unignore"]


def test_ignore_validation(db: Database) -> None:
    article_id = _article(db)
    without_reason = add_ignore(db, article_id, "unicode.rra", "औऱ", user="सीमा")
    assert without_reason.reason == ""  # the reason is optional
    with pytest.raises(ValidationError):
        add_ignore(db, article_id, "no.such.rule", "औऱ", reason="r", user="सीमा")
    with pytest.raises(ValidationError):
        add_ignore(db, article_id, "unicode.rra", "औऱ", reason="r", user="")
    with pytest.raises(NotFoundError):
        add_ignore(db, article_id + 99, "unicode.rra", "औऱ", reason="r", user="सीमा")
    with pytest.raises(NotFoundError):
        remove_ignore(db, 12345, user="सीमा")
    assert list_ignores(db, article_id) == [without_reason]  # failed calls stored nothing
