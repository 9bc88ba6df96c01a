"""The approval gate: every reason a story may not be approved yet, in Hindi and English.

Contract of :func:`approval_problems`:
- It returns *every* problem, not the first: open comment threads (top-level comments not
  resolved, orphaned ones included), undecided suggestions (state ``open``), spelling
  errors and copy-desk errors (lint findings of severity ``error``) that are neither fixed
  nor ignored (:mod:`editor_app.core.lint_ignores`; the newsroom dictionary and the
  checker's personal list accept words), a missing headline, byline, dateline (place),
  category, tags or slug, and a headline longer than the house style's akshara limit
  (:attr:`HouseStyle.headline_max`, counted as grapheme clusters).
- Spelling needs a checker: with none, or an unavailable one (no dictionary), the result
  holds a *warning* (``blocking=False``) saying spelling was not checked; it does not block.
- Nothing is written; the caller (:class:`~editor_app.core.workflow.service.WorkflowService`)
  refuses the move when :func:`blocking` is not empty.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from editor_app.core.checking import check_text
from editor_app.core.db import Database
from editor_app.core.errors import NotFoundError
from editor_app.core.house_style import HouseStyle, default_style
from editor_app.core.markdown_model import ImageBlock, parse_markdown
from editor_app.core.models import Article, Byline, Comment, LintIgnore, Suggestion
from editor_app.core.review.comments import count_open
from editor_app.core.text.counts import akshara_count
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.lint.engine import lint_article
from editor_app.core.text.spell import SpellChecker

__all__ = ["GateProblem", "approval_problems", "blocking", "body_plain_text"]

log = logging.getLogger(__name__)

#: Findings of these lint rules are reported by the gate's own checks (the headline limit).
_OWN_RULES = frozenset({"style.length"})
#: How many flagged words a problem quotes.
_QUOTED = 5


@dataclass(frozen=True, slots=True)
class GateProblem:
    """One reason against approval. ``code`` is stable (tests, JSON): ``comments``,
    ``suggestions``, ``spelling``, ``lint``, ``missing.<field>``, ``headline.length`` or
    ``spelling.unchecked`` (a warning: ``blocking`` False)."""

    code: str
    message: str
    blocking: bool = True

    def to_json(self) -> dict[str, object]:
        """The problem as ``{"code", "message", "blocking"}``."""
        return {"code": self.code, "message": self.message, "blocking": self.blocking}


def blocking(problems: Iterable[GateProblem]) -> list[GateProblem]:
    """The problems that refuse approval (warnings left out)."""
    return [p for p in problems if p.blocking]


def body_plain_text(body: str) -> str:
    """The body's readable text (Markdown marks, link targets and image references
    dropped; captions kept), one block per paragraph, for checking."""
    parts: list[str] = []
    for block in parse_markdown(body):
        if isinstance(block, ImageBlock):
            parts.extend(t for t in (block.caption, block.alt) if t)
        else:
            parts.append(block.text)
    return "\n\n".join(parts)


_MISSING = {
    "headline": "शीर्षक नहीं है (no headline)",
    "byline": "बाइलाइन नहीं है (no byline)",
    "dateline": "डेटलाइन (स्थान) नहीं है (no dateline place)",
    "category": "श्रेणी नहीं है (no category)",
    "tags": "टैग नहीं हैं (no tags)",
    "slug": "स्लग नहीं है (no slug)",
}


def approval_problems(source: Session | Database, article_id: int,
                      style: HouseStyle | None = None, *,
                      speller: SpellChecker | None = None) -> list[GateProblem]:
    """Every reason article ``article_id`` may not be approved (see the module contract).

    ``source`` is an open session (the transition's own) or a database (a read of its own).
    Raises :class:`NotFoundError` for an unknown article.
    """
    if isinstance(source, Database):
        with source.session() as session:
            return approval_problems(session, article_id, style, speller=speller)
    session = source
    article = session.scalar(select(Article).where(Article.id == article_id).options(
        selectinload(Article.tags), selectinload(Article.bylines).joinedload(Byline.person)))
    if article is None:
        raise NotFoundError(f"लेख {article_id} नहीं मिला (no article with id {article_id})")
    style = style or default_style()
    problems: list[GateProblem] = []
    problems.extend(_review_problems(session, article_id))
    problems.extend(_metadata_problems(article, style))
    fields = {"headline": article.headline, "dek": article.dek,
              "body": body_plain_text(article.body)}
    ignores = list(session.scalars(select(LintIgnore).where(
        LintIgnore.article_id == article_id)))
    problems.extend(_lint_problems(fields, style, ignores))
    problems.extend(_spelling_problems(fields, speller))
    return problems


def _review_problems(session: Session, article_id: int) -> list[GateProblem]:
    out: list[GateProblem] = []
    open_threads = count_open(session, article_id)
    orphaned = session.scalar(select(func.count()).select_from(Comment).where(
        Comment.article_id == article_id, Comment.parent_id.is_(None),
        Comment.resolved_at.is_(None), Comment.orphaned.is_(True))) or 0
    if open_threads:
        extra = (f"; {orphaned} का पाठ हट चुका है ({orphaned} orphaned)" if orphaned else "")
        out.append(GateProblem("comments", f"{open_threads} टिप्पणियां खुली हैं "
                                           f"({open_threads} open comments){extra}"))
    undecided = session.scalar(select(func.count()).select_from(Suggestion).where(
        Suggestion.article_id == article_id, Suggestion.state == "open")) or 0
    if undecided:
        out.append(GateProblem("suggestions", f"{undecided} सुझावों पर निर्णय बाकी है "
                                              f"({undecided} undecided suggestions)"))
    return out


def _metadata_problems(article: Article, style: HouseStyle) -> list[GateProblem]:
    present = {
        "headline": bool(article.headline.strip()),
        "byline": bool(article.bylines),
        "dateline": bool(article.dateline_place.strip()),
        "category": bool(article.category.strip()),
        "tags": bool(article.tags),
        "slug": bool(article.slug.strip()),
    }
    out = [GateProblem(f"missing.{name}", _MISSING[name])
           for name, ok in present.items() if not ok]
    limit = style.headline_max
    length = akshara_count(article.headline)
    if limit > 0 and length > limit:
        out.append(GateProblem("headline.length",
                               f"शीर्षक {length} अक्षरों का है, सीमा {limit} है "
                               f"(headline has {length} aksharas; the limit is {limit})"))
    return out


def _quoted(findings: list[Finding]) -> str:
    words = list(dict.fromkeys(f.text for f in findings))
    shown = ", ".join(words[:_QUOTED])
    return shown + (" …" if len(words) > _QUOTED else "")


def _lint_problems(fields: dict[str, str], style: HouseStyle,
                   ignores: list[LintIgnore]) -> list[GateProblem]:
    found = [f for f in lint_article(fields, style)
             if f.finding.severity == Severity.ERROR and f.finding.rule not in _OWN_RULES]
    keys = {(i.rule_id, i.text) for i in ignores}
    left = [f.finding for f in found if (f.finding.rule, f.finding.text) not in keys]
    if not left:
        return []
    return [GateProblem("lint", f"{len(left)} कॉपी-डेस्क त्रुटियां न सुधारी गईं न अनदेखी "
                                f"({len(left)} copy-desk errors neither fixed nor "
                                f"ignored): {_quoted(left)}")]


def _spelling_problems(fields: dict[str, str],
                       speller: SpellChecker | None) -> list[GateProblem]:
    if speller is None or not speller.available:
        reason = (speller.unavailable_reason if speller is not None
                  else "no spell-checker was given")
        return [GateProblem("spelling.unchecked",
                            f"वर्तनी नहीं जांची जा सकी (spelling not checked: {reason})",
                            blocking=False)]
    wrong: list[Finding] = []
    for text in fields.values():
        wrong.extend(f for f in check_text(text, speller, suggestions=False)
                     if f.rule == "spelling")
    if not wrong:
        return []
    return [GateProblem("spelling", f"{len(wrong)} वर्तनी त्रुटियां न सुधारी गईं न अनदेखी "
                                    f"({len(wrong)} spelling errors neither fixed nor "
                                    f"ignored): {_quoted(wrong)}")]

