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
- The service acts for one user (``actor``): revisions record ``author``/``author_id`` and
  the status they were written in, audit events ``user``/``user_id``, a new article is
  owned by the actor. Text changes (create, save, trash, restore) are refused with
  :class:`PermissionDenied` when the article's status does not let the actor's role edit
  (:func:`~editor_app.core.workflow.statuses.may_edit`); nothing is written then. A plain
  string actor is an unattributed maintenance actor with full rights (old call sites).
- Each call uses its own short transaction, so values returned never hold a session.
- Lists of names (tags, people) come back in code-point order, sorted in Python: SQL
  ``ORDER BY`` on text follows the database's collation, which differs between SQLite
  (binary) and PostgreSQL (the server's locale).
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from editor_app.core.article_data import (
    ArticleData,
    ArticleRecord,
    ArticleSummary,
    BylineData,
    RevisionInfo,
    normalized,
)
from editor_app.core.article_links import LinkResolver
from editor_app.core.article_queries import (
    ListQuery,
    count_summaries,
    list_summaries,
    queue_ids,
    summaries_for,
)
from editor_app.core.article_rows import apply_data, article_query, article_record, data_of
from editor_app.core.db import Database
from editor_app.core.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from editor_app.core.markdown_model import canonical_markdown
from editor_app.core.models import (
    Article,
    AuditEvent,
    Person,
    Revision,
    Tag,
    utcnow,
)
from editor_app.core.profiles import Actor
from editor_app.core.review.comments import reanchor
from editor_app.core.review.tracking import record_save
from editor_app.core.search import Highlight, SearchHit, search, snippets_for
from editor_app.core.text.romanize import slugify
from editor_app.core.users import actor_id, as_actor
from editor_app.core.workflow.rights import require_edit
from editor_app.core.workflow.statuses import Status

__all__ = ["MAX_BODY_CHARS", "ArticleService", "ImportedRevision"]

log = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class ImportedRevision:
    """A revision that arrives with an imported article (its history from another
    machine), written as-is by :meth:`ArticleService.create_imported`."""

    article_version: int
    author: str
    created_at: datetime
    headline: str
    dek: str
    body: str
    metadata_json: str
    note: str


#: Largest body accepted in one save (about 150 times a long feature).
MAX_BODY_CHARS = 5_000_000


class ArticleService:
    """Article storage operations for one acting user (see the module contract)."""

    def __init__(self, db: Database, actor: Actor | str = "") -> None:
        self._db = db
        self.actor: Actor = as_actor(actor)

    @property
    def author(self) -> str:
        """The acting user's display name (what revisions and audit events show)."""
        return self.actor.name

    @property
    def actor_id(self) -> int | None:
        """The acting user's id (``None`` for a maintenance actor)."""
        return actor_id(self.actor)

    def acting_as(self, actor: Actor | str) -> ArticleService:
        """The same service acting for another user (Switch user)."""
        return type(self)(self._db, actor)

    @property
    def db(self) -> Database:
        """The database this service writes to."""
        return self._db

    # ----------------------------------------------------------------- reading
    def get(self, article_id: int) -> ArticleRecord:
        """The article with ``article_id``; :class:`NotFoundError` if there is none."""
        with self._db.session() as session:
            return article_record(self._load(session, article_id))

    def get_by_uuid(self, uuid: str) -> ArticleRecord:
        """The article with ``uuid``; :class:`NotFoundError` if there is none."""
        with self._db.session() as session:
            article = session.scalar(article_query().where(Article.uuid == uuid))
            if article is None:
                raise NotFoundError(f"no article with UUID {uuid}")
            return article_record(article)

    def list_articles(self, *, status: str | None = None, tag: str | None = None,
             trashed: bool | None = False, text: str | None = None,
             limit: int | None = None, offset: int = 0) -> list[ArticleSummary]:
        """Summaries, newest change first (bodies are never read). ``trashed=None`` lists
        both; ``text`` filters headlines (case- and nukta-insensitive, on the search keys);
        ``limit``/``offset`` page through the rows."""
        return self.list_page(ListQuery(status=status, tag=tag, trashed=trashed, text=text),
                              offset=offset, limit=limit)

    def list_page(self, query: ListQuery, *, offset: int = 0,
                  limit: int | None = 200) -> list[ArticleSummary]:
        """One page of the article list, sorted and filtered by the database."""
        with self._db.session() as session:
            return list_summaries(session, query, offset=offset, limit=limit)

    def count_articles(self, query: ListQuery) -> int:
        """How many articles ``query`` shows."""
        with self._db.session() as session:
            return count_summaries(session, query)

    def summary(self, article_id: int) -> ArticleSummary:
        """The list row of one article; :class:`NotFoundError` if there is none."""
        with self._db.session() as session:
            found = summaries_for(session, [article_id])
        if article_id not in found:
            raise NotFoundError(f"no article with id {article_id}")
        return found[article_id]

    def search(self, query: str, *, limit: int = 200, offset: int = 0,
               include_trashed: bool = False, trashed: bool | None = False,
               status: str | None = None, tag: str | None = None,
               snippets: bool = True, queue: ListQuery | None = None,
               ) -> list[tuple[ArticleSummary, SearchHit]]:
        """Full-text search (Hindi-aware, ranked best first) with each hit's summary.

        ``trashed`` picks live (False), trashed (True) or both (None; also
        ``include_trashed``); ``status``/``tag`` filter in the database; ``offset``/``limit``
        page through the ranking, and snippets are made only for the hits returned (none
        with ``snippets=False``: see :meth:`snippets`).
        """
        with self._db.session() as session:
            hits = search(session, query, limit=limit, offset=offset,
                          trashed=None if include_trashed else trashed,
                          status=status, tag=tag, snippets=snippets,
                          within=queue_ids(queue) if queue is not None else None)
            if not hits:
                return []
            summaries = summaries_for(session, [h.article_id for h in hits])
            return [(summaries[h.article_id], h) for h in hits if h.article_id in summaries]

    def snippets(self, query: str,
                 article_ids: list[int]) -> dict[int, tuple[str, tuple[Highlight, ...]]]:
        """Snippet and its highlights per article for ``query``: what a list shows under a
        headline, made only for the rows on screen (see ``search(snippets=False)``)."""
        with self._db.session() as session:
            return snippets_for(session, query, article_ids)

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
        """Store a new article (status ``draft``, owned by the actor) and its first
        revision; :class:`PermissionDenied` for a role that may not write drafts."""
        require_edit(self.actor, Status.DRAFT, "create")
        clean = self._validated(data or ArticleData())
        with self._db.session() as session:
            article = self._insert(session, LinkResolver(session), clean, note)
            self._audit(session, "article.create", article.id)
            session.flush()
            return article_record(article)

    def create_many(self, items: Iterable[ArticleData], *, chunk_size: int = 500,
                    note: str = "imported") -> list[int]:
        """Store many new drafts (bulk import); return their ids in input order.

        Linear in the number of articles: one transaction per ``chunk_size`` articles, with
        tags and people looked up once per chunk and the search index built once per chunk
        (by the flush hook). Every article still gets its first revision and an audit event.
        A failing item (:class:`ValidationError`) stops the batch; chunks already written
        stay written, and the error says how many were stored.
        """
        if chunk_size < 1:
            raise ValueError("chunk_size must be at least 1")
        require_edit(self.actor, Status.DRAFT, "create")
        ids: list[int] = []
        iterator = iter(items)
        while True:
            chunk = [self._validated(d) for d in itertools.islice(iterator, chunk_size)]
            if not chunk:
                return ids
            try:
                with self._db.session() as session:
                    links = LinkResolver(session)
                    articles = [self._insert(session, links, d, note, flush=False)
                                for d in chunk]
                    session.flush()
                    for article in articles:
                        self._audit(session, "article.create", article.id)
                    session.flush()
                    ids.extend(a.id for a in articles)
            except ValidationError as exc:
                raise ValidationError(f"{exc} (after {len(ids):,} articles were stored)") \
                    from exc
            log.debug("create_many: %d articles stored", len(ids))

    def create_imported(self, data: ArticleData, *, uuid: str,
                        history: Iterable[ImportedRevision] = (),
                        note: str = "imported") -> ArticleRecord:
        """Store an article that arrives with its identity (a field bundle): UUID kept,
        the earlier revisions written first (oldest first, parent chain kept, authors and
        times as given), then the current data as the newest revision. Raises
        :class:`ConflictError` when an article with ``uuid`` already exists (nothing is
        written): merging is the caller's job. It is stored as a draft: the importer gives
        it its status last (:meth:`set_imported_statuses`).
        """
        require_edit(self.actor, Status.DRAFT, "create")
        clean = self._validated(data)
        with self._db.session() as session:
            if session.scalar(select(Article.id).where(Article.uuid == uuid)) is not None:
                raise ConflictError(f"an article with UUID {uuid} already exists")
            article = Article(status=Status.DRAFT.value, uuid=uuid, owner_id=self.actor_id)
            session.add(article)
            apply_data(session, LinkResolver(session), article, clean)
            session.flush()
            parent: int | None = None
            for old in history:
                rev = Revision(article_id=article.id, parent_id=parent,
                               article_version=old.article_version, author=old.author,
                               created_at=old.created_at, headline=old.headline, dek=old.dek,
                               body=old.body, metadata_json=old.metadata_json, note=old.note)
                session.add(rev)
                session.flush()
                parent = rev.id
            self._write_revision(session, article, clean, note, parent_id=parent)
            self._audit(session, "article.import", article.id, {"uuid": uuid})
            session.flush()
            return article_record(article)

    def set_imported_statuses(self, statuses: Mapping[int, Status]) -> None:
        """Give stories the actor has just imported as drafts the statuses their sources
        carried (a WXR archive's published posts: see
        :func:`~editor_app.core.workflow.statuses.imported_status`), in one transaction.
        Only drafts whose newest revision this actor wrote qualify (else
        :class:`PermissionDenied`, nothing changed): this is how an import ends, not a way
        around the workflow. Each change is audited as ``article.imported_status``.
        """
        wanted = {aid: s for aid, s in statuses.items() if s != Status.DRAFT}
        if not wanted:
            return
        with self._db.session() as session:
            articles = session.scalars(select(Article).where(Article.id.in_(wanted))).all()
            newest: dict[int, int | None] = {}
            for aid, author in session.execute(
                    select(Revision.article_id, Revision.author_id)
                    .where(Revision.article_id.in_(wanted)).order_by(Revision.id)):
                newest[aid] = author
            for article in articles:
                if article.status != Status.DRAFT.value or \
                        article.id not in newest or newest[article.id] != self.actor_id:
                    raise PermissionDenied(
                        f"लेख {article.id} की स्थिति आयात से नहीं बदली जा सकती — only a "
                        f"draft just imported by {self.author or 'this user'} takes its "
                        "source's status")
            now = utcnow()
            for article in articles:
                article.status = wanted[article.id].value
                article.updated_at = now
            session.flush()
            for article in articles:
                self._audit(session, "article.imported_status", article.id,
                            {"status": article.status})

    def save(self, article_id: int, data: ArticleData, expected_version: int, *,
             note: str = "") -> ArticleRecord:
        """Save ``data`` over version ``expected_version`` of the article.

        Raises :class:`ConflictError` (nothing written) when the stored version differs,
        :class:`NotFoundError` when the article is gone, :class:`ValidationError` for input
        that cannot be stored, :class:`PermissionDenied` when the actor may not edit the
        article in its status.
        """
        clean = self._validated(data)
        try:
            with self._db.session() as session:
                article = self._load(session, article_id)
                self._check_version(article, expected_version)
                if data_of(article) == clean:
                    return article_record(article)
                require_edit(self.actor, article.status)
                # --- comments (issue 11): anchors follow the edit, in this transaction
                old_text = {"headline": article.headline, "dek": article.dek,
                            "body": article.body}
                # ---
                apply_data(session, LinkResolver(session), article, clean)
                article.updated_at = utcnow()
                session.flush()  # one UPDATE guarded by the version column
                # --- comments (issue 11)
                reanchor(session, article.id, old_text,
                         {"headline": clean.headline, "dek": clean.dek, "body": clean.body})
                # ---
                self._write_revision(session, article, clean, note, parent_id=session.scalar(
                    select(Revision.id).where(Revision.article_id == article.id)
                    .order_by(Revision.id.desc()).limit(1)))
                session.flush()
                # --- tracked changes (wip-tracking): suggestions follow every save ---
                record_save(session, article, self.actor)
                return article_record(article)
        except StaleDataError as exc:
            raise ConflictError(
                "the article was saved by someone else while you were saving",
                article_id=article_id, expected=expected_version) from exc

    def save_over_latest(self, article_id: int, data: ArticleData, *,
                         note: str = "kept after a conflict",
                         attempts: int = 3) -> ArticleRecord:
        """Save ``data`` over whatever version is stored now ("keep mine" after a conflict).

        The newest version is read and saved over in a loop, so another writer saving again
        in between is retried up to ``attempts`` times; theirs stays in the revision history.
        Raises :class:`ConflictError` only when every attempt lost the race.
        """
        for attempt in range(1, attempts + 1):
            latest = self.get(article_id)
            try:
                return self.save(article_id, data, latest.version, note=note)
            except ConflictError:
                if attempt == attempts:
                    raise
                log.info("save over latest: article %d moved again (attempt %d)",
                         article_id, attempt)
        raise AssertionError("unreachable")  # pragma: no cover

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

    def canonical(self, data: ArticleData) -> ArticleData:
        """``data`` as :meth:`save` would store it (NFC, canonical Markdown body, slug
        filled in), without storing anything; raises :class:`ValidationError` as
        :meth:`save` would. Two datas with equal canonical forms are the same save: the
        local journal uses it to see that a save landed before the connection broke, the
        conflict comparison to show only real differences."""
        return self._validated(data)

    # ----------------------------------------------------------------- helpers
    def _validated(self, data: ArticleData) -> ArticleData:
        clean = normalized(data)
        # One canonical body form for every save (CLI, import, editor): see
        # core.markdown_model.canonical_markdown. Old bodies are canonicalised when saved.
        clean = replace(clean, body=canonical_markdown(clean.body))
        if len(clean.body) > MAX_BODY_CHARS:
            raise ValidationError(
                f"the body has {len(clean.body):,} characters; the limit is {MAX_BODY_CHARS:,}")
        slug = slugify(clean.slug) if clean.slug else (
            slugify(clean.headline) if clean.headline else "")
        return replace(clean, slug=slug)

    def _load(self, session: Session, article_id: int) -> Article:
        article: Article | None = session.scalar(article_query().where(Article.id == article_id))
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
                    return article_record(article)
                require_edit(self.actor, article.status,
                             "trash" if trashed else "restore")
                article.trashed = trashed
                article.trashed_at = utcnow() if trashed else None
                article.updated_at = utcnow()
                session.flush()
                self._audit(session, "article.trash" if trashed else "article.restore",
                            article.id)
                return article_record(article)
        except StaleDataError as exc:
            raise ConflictError("the article changed while it was being moved",
                                article_id=article_id, expected=expected_version) from exc

    def _insert(self, session: Session, links: LinkResolver, data: ArticleData, note: str,
                *, flush: bool = True) -> Article:
        """Add a new draft and its first revision (one flush unless ``flush`` is False)."""
        article = Article(status=Status.DRAFT.value, owner_id=self.actor_id)
        session.add(article)
        apply_data(session, links, article, data)
        article.revisions.append(self._revision(article, data, note, parent_id=None))
        if flush:
            session.flush()
        return article

    def _revision(self, article: Article, data: ArticleData, note: str,
                  parent_id: int | None) -> Revision:
        return Revision(
            parent_id=parent_id, article_version=article.version or 1,
            author=self.author, author_id=self.actor_id, status=article.status or "draft",
            headline=data.headline, dek=data.dek, body=data.body,
            metadata_json=data.metadata_json(), note=note)

    def _write_revision(self, session: Session, article: Article, data: ArticleData,
                        note: str, *, parent_id: int | None) -> None:
        revision = self._revision(article, data, note, parent_id)
        revision.article_id = article.id
        session.add(revision)

    def _audit(self, session: Session, action: str, article_id: int | None,
               detail: dict[str, object] | None = None) -> None:
        session.add(AuditEvent(user=self.author, user_id=self.actor_id, action=action,
                               article_id=article_id,
                               detail_json=json.dumps(detail or {}, ensure_ascii=False)))
