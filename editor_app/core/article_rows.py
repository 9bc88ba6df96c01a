"""Between the ORM rows of an article and its value objects (:mod:`.article_data`).

Contracts:
- :func:`article_query` loads an article with its tags and bylines (and their people) in
  the same round trips, so turning it into a value object issues no further queries.
- :func:`article_record` / :func:`data_of` read a loaded article (call inside its session);
  the values they return hold no session. Tags come back in code-point order.
- :func:`apply_data` copies :class:`~.article_data.ArticleData` onto an article: tags and
  bylines are replaced only when they changed, so an unchanged save writes no link rows
  (and re-indexes nothing through them); the list's byline summary is clipped to what its
  index can hold.
"""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, object_session, selectinload

from editor_app.core.article_data import (
    ArticleData,
    ArticleRecord,
    BylineData,
    related_from_json,
    related_to_json,
)
from editor_app.core.article_links import LinkResolver
from editor_app.core.article_queries import desk_info
from editor_app.core.models import INDEXED_TEXT_MAX, Article, Byline
from editor_app.core.text.counts import clip_text

__all__ = ["apply_data", "article_query", "article_record", "bylines_of", "data_of"]


def article_query() -> Select[tuple[Article]]:
    """Articles with their tags, bylines and people loaded eagerly (no lazy loads later)."""
    return select(Article).options(
        selectinload(Article.tags), selectinload(Article.bylines).joinedload(Byline.person))


def bylines_of(article: Article) -> tuple[BylineData, ...]:
    """The article's bylines in their order, as value objects."""
    return tuple(BylineData(b.person.name_hi, b.person.name_latin, b.role, b.outlet)
                 for b in article.bylines)


def data_of(article: Article) -> ArticleData:
    """The editable content of a loaded article (tags in code-point order)."""
    return ArticleData(
        headline=article.headline, dek=article.dek, body=article.body, slug=article.slug,
        language=article.language, category=article.category,
        dateline_place=article.dateline_place, dateline_date=article.dateline_date,
        tags=tuple(sorted(t.name for t in article.tags)), bylines=bylines_of(article),
        related=related_from_json(article.related_json))


def article_record(article: Article) -> ArticleRecord:
    """The value object of a loaded article (call inside its session)."""
    return ArticleRecord(
        id=article.id, uuid=article.uuid, version=article.version, status=article.status,
        trashed=article.trashed, created_at=article.created_at, updated_at=article.updated_at,
        data=data_of(article), desk=desk_info(object_session(article), article))


def apply_data(session: Session, links: LinkResolver, article: Article,
               data: ArticleData) -> None:
    """Copy ``data`` onto ``article``; tags and bylines are replaced only when they
    changed, so an unchanged save writes no link rows."""
    with session.no_autoflush:
        article.headline, article.dek, article.body = data.headline, data.dek, data.body
        article.slug, article.language = data.slug, data.language
        article.category = data.category
        article.dateline_place, article.dateline_date = (data.dateline_place,
                                                         data.dateline_date)
        is_new = article.id is None
        if is_new or tuple(sorted(t.name for t in article.tags)) != data.tags:
            article.tags = [links.tag(name) for name in data.tags]
        if is_new or bylines_of(article) != data.bylines:
            article.bylines = [
                Byline(person=links.person(b), position=i, role=b.designation,
                       outlet=b.outlet)
                for i, b in enumerate(data.bylines)
            ]
        else:  # same bylines: a person's Latin name or designation may still be new
            for byline in data.bylines:
                links.person(byline)
        # the list's column: a summary, clipped to what its index can hold
        article.byline_text = clip_text("; ".join(b.display() for b in data.bylines),
                                        INDEXED_TEXT_MAX)
        article.related_json = related_to_json(data.related)
