"""ArticleService: create, get, save (optimistic lock), list, trash, restore, duplicate.

Contracts:
- Every successful :meth:`ArticleService.save` that changes anything bumps the article's
  version and writes exactly one :class:`~editor_app.core.models.Revision` (full snapshot,
  author, time, parent). A save whose data equals what is stored writes nothing.
- A save (or trash/restore) given a stale ``expected_version`` raises
  :class:`ConflictError` and changes nothing, also when two writers race (the UPDATE is
  guarded by the version column).
- All text is stored NFC; the slug is generated from the Hindi headline when left empty.
  Text longer than its column allows raises :class:`ValidationError` on every backend.
- Each call uses its own short transaction, so values returned never hold a session.
- Lists of names (tags, people) come back in code-point order, sorted in Python: SQL
  ``ORDER BY`` on text follows the database's collation, which differs between SQLite
  (binary) and PostgreSQL (the server's locale).
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from editor_app.core.article_data import (
    ArticleData,
    ArticleRecord,
    ArticleSummary,
    BylineData,
    RevisionInfo,
    normalized,
)
from editor_app.core.db import Database
from editor_app.core.errors import ConflictError, NotFoundError, ValidationError
from editor_app.core.models import (
    Article,
    AuditEvent,
    Byline,
    Person,
    Revision,
    Tag,
    utcnow,
)
from editor_app.core.search import SearchHit, search
from editor_app.core.text.normalize import fold
from editor_app.core.text.romanize import slugify

__all__ = ["MAX_BODY_CHARS", "ArticleService"]

log = logging.getLogger(__name__)

#: Largest body accepted in one save (about 150 times a long feature).
MAX_BODY_CHARS = 5_000_000


class ArticleService:
    """Article storage operations for one user (``author`` is recorded on revisions)."""

    def __init__(self, db: Database, author: str = "") -> None:
        self._db = db
        self.author = author

    @property
    def db(self) -> Database:
        """The database this service writes to."""
        return self._db

    # ----------------------------------------------------------------- reading
    def get(self, article_id: int) -> ArticleRecord:
        """The article with ``article_id``; :class:`NotFoundError` if there is none."""
        with self._db.session() as session:
            return _record(self._load(session, article_id))

    def get_by_uuid(self, uuid: str) -> ArticleRecord:
        """The article with ``uuid``; :class:`NotFoundError` if there is none."""
        with self._db.session() as session:
            article = session.scalar(_article_query().where(Article.uuid == uuid))
            if article is None:
                raise NotFoundError(f"no article with UUID {uuid}")
            return _record(article)

    def list_articles(self, *, status: str | None = None, tag: str | None = None,
             trashed: bool | None = False, text: str | None = None) -> list[ArticleSummary]:
        """Summaries, newest change first. ``trashed=None`` lists both; ``text`` filters
        headlines (case- and nukta-insensitive substring)."""
        query = _article_query().order_by(Article.updated_at.desc(), Article.id.desc())
        if trashed is not None:
            query = query.where(Article.trashed.is_(trashed))
        if status:
            query = query.where(Article.status == status)
        if tag:
            query = query.where(Article.tags.any(Tag.name == tag))
        with self._db.session() as session:
            rows = [_summary(a) for a in session.scalars(query)]
        if text:
            needle = fold(text)
            rows = [r for r in rows if needle in fold(r.headline)]
        return rows

    def search(self, query: str, *, limit: int = 200,
               include_trashed: bool = False) -> list[tuple[ArticleSummary, SearchHit]]:
        """Full-text search (Hindi-aware, ranked best first) with each hit's summary."""
        with self._db.session() as session:
            hits = search(session, query, limit=limit, include_trashed=include_trashed)
            if not hits:
                return []
            articles = {a.id: a for a in session.scalars(
                _article_query().where(Article.id.in_([h.article_id for h in hits])))}
            return [(_summary(articles[h.article_id]), h) for h in hits
                    if h.article_id in articles]

    def all_tags(self) -> list[str]:
        """Every tag name, in code-point order."""
        with self._db.session() as session:
            return sorted(session.scalars(select(Tag.name)))

    def known_people(self) -> list[BylineData]:
        """Every person seen in a byline, with their last designation, for autocomplete
        (by Hindi name in code-point order)."""
        with self._db.session() as session:
            people = sorted(session.scalars(select(Person)),
                            key=lambda p: (p.name_hi, p.name_latin, p.id))
            return [BylineData(p.name_hi, p.name_latin, p.designation) for p in people]

    def revisions(self, article_id: int) -> list[RevisionInfo]:
        """All revisions of the article, oldest first."""
        with self._db.session() as session:
            self._load(session, article_id)
            revs = session.scalars(
                select(Revision).where(Revision.article_id == article_id).order_by(Revision.id)
            )
            return [
                RevisionInfo(r.id, r.parent_id, r.article_version, r.author, r.created_at,
                             r.headline, r.dek, r.body, json.loads(r.metadata_json), r.note)
                for r in revs
            ]

    # ----------------------------------------------------------------- writing
    def create(self, data: ArticleData | None = None, *, note: str = "created") -> ArticleRecord:
        """Store a new article (status ``draft``) and its first revision."""
        clean = self._validated(data or ArticleData())
        with self._db.session() as session:
            article = Article(status="draft")
            session.add(article)
            self._apply(session, article, clean)
            session.flush()
            self._write_revision(session, article, clean, note)
            self._audit(session, "article.create", article.id)
            session.flush()
            return _record(article)

    def save(self, article_id: int, data: ArticleData, expected_version: int, *,
             note: str = "") -> ArticleRecord:
        """Save ``data`` over version ``expected_version`` of the article.

        Raises :class:`ConflictError` (nothing written) when the stored version differs,
        :class:`NotFoundError` when the article is gone, :class:`ValidationError` for input
        that cannot be stored.
        """
        clean = self._validated(data)
        try:
            with self._db.session() as session:
                article = self._load(session, article_id)
                self._check_version(article, expected_version)
                if _data_of(article) == clean:
                    return _record(article)
                self._apply(session, article, clean)
                article.updated_at = utcnow()
                session.flush()  # one UPDATE guarded by the version column
                self._write_revision(session, article, clean, note)
                session.flush()
                return _record(article)
        except StaleDataError as exc:
            raise ConflictError(
                "the article was saved by someone else while you were saving",
                article_id=article_id, expected=expected_version) from exc

    def trash(self, article_id: int, expected_version: int | None = None) -> ArticleRecord:
        """Move the article to the trash (it is kept, and can be restored)."""
        return self._set_trashed(article_id, True, expected_version)

    def restore(self, article_id: int, expected_version: int | None = None) -> ArticleRecord:
        """Bring the article back from the trash."""
        return self._set_trashed(article_id, False, expected_version)

    def duplicate(self, article_id: int) -> ArticleRecord:
        """A new draft with a copy of the article's text and metadata (new UUID, slug)."""
        original = self.get(article_id)
        copy = replace(original.data, slug="")
        record = self.create(copy, note=f"duplicated from article {article_id}")
        with self._db.session() as session:
            self._audit(session, "article.duplicate", record.id, {"source": article_id})
        return record

    # ----------------------------------------------------------------- helpers
    def _validated(self, data: ArticleData) -> ArticleData:
        clean = normalized(data)
        if len(clean.body) > MAX_BODY_CHARS:
            raise ValidationError(
                f"the body has {len(clean.body):,} characters; the limit is {MAX_BODY_CHARS:,}")
        slug = slugify(clean.slug) if clean.slug else (
            slugify(clean.headline) if clean.headline else "")
        return replace(clean, slug=slug)

    def _load(self, session: Session, article_id: int) -> Article:
        article: Article | None = session.scalar(_article_query().where(Article.id == article_id))
        if article is None:
            raise NotFoundError(f"no article with id {article_id}")
        return article

    @staticmethod
    def _check_version(article: Article, expected: int | None) -> None:
        if expected is not None and article.version != expected:
            raise ConflictError(
                f"article {article.id} was changed elsewhere (you have version {expected}, "
                f"the database has version {article.version})",
                article_id=article.id, expected=expected, actual=article.version)

    def _set_trashed(self, article_id: int, trashed: bool,
                     expected_version: int | None) -> ArticleRecord:
        try:
            with self._db.session() as session:
                article = self._load(session, article_id)
                self._check_version(article, expected_version)
                if article.trashed == trashed:
                    return _record(article)
                article.trashed = trashed
                article.trashed_at = utcnow() if trashed else None
                article.updated_at = utcnow()
                session.flush()
                self._audit(session, "article.trash" if trashed else "article.restore",
                            article.id)
                return _record(article)
        except StaleDataError as exc:
            raise ConflictError("the article changed while it was being moved",
                                article_id=article_id, expected=expected_version) from exc

    def _apply(self, session: Session, article: Article, data: ArticleData) -> None:
        with session.no_autoflush:
            self._apply_fields(session, article, data)

    def _apply_fields(self, session: Session, article: Article, data: ArticleData) -> None:
        article.headline, article.dek, article.body = data.headline, data.dek, data.body
        article.slug, article.language, article.category = data.slug, data.language, data.category
        article.dateline_place, article.dateline_date = data.dateline_place, data.dateline_date
        article.tags = [_get_or_create_tag(session, name) for name in data.tags]
        article.bylines = [
            Byline(person=_get_or_create_person(session, b), position=i, role=b.designation,
                   outlet=b.outlet)
            for i, b in enumerate(data.bylines)
        ]

    def _write_revision(self, session: Session, article: Article, data: ArticleData,
                        note: str) -> None:
        parent_id = session.scalar(
            select(Revision.id).where(Revision.article_id == article.id)
            .order_by(Revision.id.desc()).limit(1))
        session.add(Revision(
            article_id=article.id, parent_id=parent_id, article_version=article.version,
            author=self.author, headline=data.headline, dek=data.dek, body=data.body,
            metadata_json=data.metadata_json(), note=note))

    def _audit(self, session: Session, action: str, article_id: int | None,
               detail: dict[str, object] | None = None) -> None:
        session.add(AuditEvent(user=self.author, action=action, article_id=article_id,
                               detail_json=json.dumps(detail or {}, ensure_ascii=False)))


def _article_query() -> Select[tuple[Article]]:
    return select(Article).options(
        selectinload(Article.tags), selectinload(Article.bylines).joinedload(Byline.person))


def _get_or_create_tag(session: Session, name: str) -> Tag:
    """The stored tag called ``name``, or a new one with a slug no other tag has.

    Runs with autoflush off, so tags created earlier in the same save are looked up among
    the session's pending objects too ("Ä" and "A" both slugify to "a").
    """
    pending = [obj for obj in session.new if isinstance(obj, Tag)]
    for new_tag in pending:
        if new_tag.name == name:
            return new_tag
    stored = session.scalar(select(Tag).where(Tag.name == name))
    if stored is not None:
        return stored
    taken = {new_tag.slug for new_tag in pending}
    base = slugify(name, max_length=60)
    slug, n = base, 2
    while slug in taken or session.scalar(select(Tag.id).where(Tag.slug == slug)) is not None:
        slug, n = f"{base}-{n}", n + 1
    tag = Tag(name=name, slug=slug)
    session.add(tag)
    return tag


def _get_or_create_person(session: Session, byline: BylineData) -> Person:
    pending = (obj for obj in session.new if isinstance(obj, Person) and (
        obj.name_hi == byline.name if byline.name else obj.name_latin == byline.name_latin))
    query = select(Person)
    query = query.where(Person.name_hi == byline.name) if byline.name else query.where(
        Person.name_latin == byline.name_latin)
    person = next(pending, None) or session.scalars(query.order_by(Person.id).limit(1)).first()
    if person is None:
        person = Person(name_hi=byline.name, name_latin=byline.name_latin)
        session.add(person)
    if byline.name_latin:
        person.name_latin = byline.name_latin
    if byline.designation:
        person.designation = byline.designation
    return person


def _bylines_of(article: Article) -> tuple[BylineData, ...]:
    return tuple(BylineData(b.person.name_hi, b.person.name_latin, b.role, b.outlet)
                 for b in article.bylines)


def _data_of(article: Article) -> ArticleData:
    return ArticleData(
        headline=article.headline, dek=article.dek, body=article.body, slug=article.slug,
        language=article.language, category=article.category,
        dateline_place=article.dateline_place, dateline_date=article.dateline_date,
        tags=tuple(sorted(t.name for t in article.tags)), bylines=_bylines_of(article))


def _record(article: Article) -> ArticleRecord:
    return ArticleRecord(
        id=article.id, uuid=article.uuid, version=article.version, status=article.status,
        trashed=article.trashed, created_at=article.created_at, updated_at=article.updated_at,
        data=_data_of(article))


def _summary(article: Article) -> ArticleSummary:
    byline = "; ".join(b.display() for b in _bylines_of(article))
    return ArticleSummary(
        id=article.id, uuid=article.uuid, headline=article.headline, status=article.status,
        byline=byline, tags=tuple(sorted(t.name for t in article.tags)),
        updated_at=article.updated_at, trashed=article.trashed)

