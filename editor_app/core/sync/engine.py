"""Field sync: a reporter's laptop database and the newsroom's, article by article.

Contracts of :class:`SyncEngine` (``SyncEngine(laptop, newsroom, laptop_actor)``):

- **Who**: the laptop's user is matched to the newsroom user with the same login
  (:func:`~editor_app.core.users.resolve_actor`); a laptop user without a login, or a
  login the newsroom does not know (or has deactivated), is refused before anything is
  written. Each side's writes are made by that side's user, through the article service,
  so the workflow's edit rights apply on both.
- **What**: PUSH the laptop user's own stories that have left draft (submitted, ever) and
  every laptop story the newsroom already has; PULL the newsroom's stories owned by or
  assigned to that user. Trashed stories are left alone. Articles are matched by UUID.
- **How**: each article goes through the bundle importer's merge engine
  (:func:`~editor_app.core.intake.bundle.import_bundle`, fed an in-memory bundle of the
  other side: :mod:`.snapshot`), so the revision-lineage rules are the same as for bundle
  files: new → added with its history; the other side has it → unchanged; only one side
  moved on → fast-forward (pushed or pulled); both moved on → conflict, never an overwrite.
- **Conflicts** (``policy="copy"``, the default): the newsroom's article keeps the
  newsroom's text; the laptop's version is stored in the newsroom as a conflict copy (a new
  draft with the laptop's text and history, under a UUID derived from the article and the
  laptop's revision hash, so a re-run never makes a second one; an ``article.merge`` audit
  event on the original names it); then the laptop takes the newsroom's text through
  :func:`~editor_app.core.intake.bundle.resolve_conflict` (every field "theirs"; its own
  text stays in its history) and receives the copy. Both texts survive on both sides.
  ``policy="report"`` writes nothing for a diverged article and only lists it.
- **Status**: the newsroom decides where a story is. A status the laptop user moved since
  the last sync (a submit or resubmit made offline) is made in the newsroom as that
  workflow move, when the rules allow it (a move out of a status the newsroom user may not
  edit in, such as a withdrawal, before the text, so the text can follow; any other after
  it); otherwise the laptop takes the newsroom's status
  (:func:`~editor_app.core.sync.state.mirror_status`).
- **Progress**: after each article the laptop records what both sides agreed on
  (:mod:`.state`), with both version counters: an article neither side saved or moved
  since is ``unchanged`` without reading its text or images. A storage fault (lost
  connection, full disk) stops the run with :attr:`SyncReport.error` set; running again
  resumes without duplicates (every step is idempotent by UUID and revision hash).
  Another typed error fails only that article. ``should_stop`` is asked between articles
  (Stop in the GUI).
"""

from __future__ import annotations

import json
import logging
import uuid as uuid_module
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from sqlalchemy import or_, select

from editor_app.core.articles import ArticleService
from editor_app.core.db import Database, open_database
from editor_app.core.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    SampadakError,
    StorageError,
    ValidationError,
)
from editor_app.core.intake.bundle import import_bundle, resolve_conflict
from editor_app.core.models import Article, AuditEvent
from editor_app.core.profiles import Actor
from editor_app.core.sync.snapshot import article_bundle, as_copy, newest_hash
from editor_app.core.sync.state import (
    ArticleState,
    adopt_article,
    load_states,
    mirror_status,
    record_state,
    remote_key,
)
from editor_app.core.users import maintenance_actor, resolve_actor
from editor_app.core.workflow.service import WorkflowService
from editor_app.core.workflow.statuses import Status, may_edit, move

__all__ = ["ConflictPolicy", "SyncEngine", "SyncItem", "SyncReport", "conflict_copy_uuid",
           "open_and_sync"]

log = logging.getLogger(__name__)

ConflictPolicy = Literal["copy", "report"]
Action = Literal["pushed", "pulled", "conflict", "unchanged", "failed"]
#: Progress callback: (articles done, articles planned, the item just done).
Progress = Callable[[int, int, "SyncItem"], None]

_COPY_NAMESPACE = uuid_module.UUID("5a6d7061-6461-6b00-8000-73796e630001")
_CHUNK = 500


def conflict_copy_uuid(article_uuid: str, laptop_hash: str) -> str:
    """The UUID of the conflict copy of ``article_uuid`` at the laptop's revision
    ``laptop_hash``: the same on every run, so the copy is made once."""
    return str(uuid_module.uuid5(_COPY_NAMESPACE, f"{article_uuid}:{laptop_hash}"))


@dataclass(frozen=True, slots=True)
class SyncItem:
    """What the sync did with one article."""

    uuid: str
    headline: str
    action: Action
    #: Human-readable detail: the error, the conflicting fields, a status move.
    detail: str = ""
    #: The conflict copy made for this article (policy "copy").
    copy_uuid: str = ""
    #: Fields that differed in a conflict.
    fields: tuple[str, ...] = ()


@dataclass
class SyncReport:
    """The outcome of one run: an item per article handled, in order."""

    items: list[SyncItem] = field(default_factory=list)
    planned: int = 0
    #: Stopped by ``should_stop`` before every article was handled.
    stopped: bool = False
    #: The storage fault that ended the run early (``None``: it ran to the end).
    error: str | None = None

    def count(self, action: Action) -> int:
        """How many items had ``action``."""
        return sum(1 for item in self.items if item.action == action)

    @property
    def conflicts(self) -> list[SyncItem]:
        """The items that were in conflict."""
        return [item for item in self.items if item.action == "conflict"]

    @property
    def complete(self) -> bool:
        """Every planned article was handled and none failed."""
        return (self.error is None and not self.stopped
                and len(self.items) == self.planned and self.count("failed") == 0)

    def summary(self) -> dict[str, int]:
        """``{"pushed", "pulled", "conflicts", "unchanged", "failed"}`` counts."""
        return {"pushed": self.count("pushed"), "pulled": self.count("pulled"),
                "conflicts": self.count("conflict"), "unchanged": self.count("unchanged"),
                "failed": self.count("failed")}


class SyncEngine:
    """One laptop ↔ newsroom sync (see the module contract)."""

    def __init__(self, laptop: Database, newsroom: Database, laptop_actor: Actor, *,
                 policy: ConflictPolicy = "copy", remote: str | None = None) -> None:
        if policy not in ("copy", "report"):
            raise ValueError(f"unknown conflict policy {policy!r}")
        if not laptop_actor.login:
            raise ValidationError(
                f"{laptop_actor.name} का लॉगिन नहीं है (the laptop user has no login: the "
                "newsroom matches users by login; set one in Preferences → Users)")
        self.laptop, self.newsroom = laptop, newsroom
        self.laptop_actor = laptop_actor
        try:
            self.newsroom_actor = resolve_actor(newsroom, laptop_actor.login)
        except NotFoundError:
            raise NotFoundError(
                f"न्यूज़रूम में लॉगिन {laptop_actor.login!r} नहीं (the newsroom has no user "
                f"with login {laptop_actor.login!r})") from None
        self.policy: ConflictPolicy = policy
        self.remote = remote or remote_key(newsroom.url)
        self._mine = ArticleService(laptop, laptop_actor)
        #: Writes on the laptop that bring the newsroom's text (a pull): a copy of what the
        #: newsroom's rules already allowed, so not held to the laptop user's edit rights
        #: (a copy editor pulling an assigned story may not create drafts).
        self._mirror = ArticleService(laptop, maintenance_actor(laptop_actor.name))
        self._theirs = ArticleService(newsroom, self.newsroom_actor)
        self._states: dict[str, ArticleState] = {}

    # ----------------------------------------------------------------- planning
    def plan(self) -> list[str]:
        """The UUIDs this run handles, in order: the laptop's (by id), then the newsroom's
        that the laptop does not have (by id)."""
        me = self.laptop_actor.id
        with self.laptop.session() as session:
            rows = session.execute(select(Article.uuid, Article.owner_id, Article.status)
                                   .where(Article.trashed.is_(False))
                                   .order_by(Article.id)).all()
        local = [r.uuid for r in rows]
        known = self._known_in_newsroom(local)
        push = [r.uuid for r in rows
                if r.uuid in known or (r.owner_id == me and r.status != Status.DRAFT.value)]
        them = self.newsroom_actor.id
        with self.newsroom.session() as session:
            pull = list(session.scalars(
                select(Article.uuid).where(Article.trashed.is_(False),
                                           or_(Article.owner_id == them,
                                               Article.assignee_id == them))
                .order_by(Article.id)))
        seen = set(push)
        return push + [u for u in pull if u not in seen]

    def _known_in_newsroom(self, uuids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        with self.newsroom.session() as session:
            for start in range(0, len(uuids), _CHUNK):
                chunk = list(uuids[start:start + _CHUNK])
                found.update(session.scalars(select(Article.uuid)
                                             .where(Article.uuid.in_(chunk))))
        return found

    # ----------------------------------------------------------------- running
    def run(self, *, progress: Progress | None = None,
            should_stop: Callable[[], bool] | None = None,
            uuids: Iterable[str] | None = None) -> SyncReport:
        """Sync every planned article (or ``uuids``); see the module contract."""
        planned = list(uuids) if uuids is not None else self.plan()
        report = SyncReport(planned=len(planned))
        self._states = load_states(self.laptop, self.remote)
        log.info("sync with %s: %d articles planned", self.remote, len(planned))
        for uuid in planned:
            if should_stop is not None and should_stop():
                report.stopped = True
                break
            try:
                item = self.sync_one(uuid)
            except StorageError as exc:
                log.warning("sync stopped at %s: %s", uuid, exc)
                report.error = str(exc)
                break
            except SampadakError as exc:
                log.info("sync of %s failed: %s", uuid, exc)
                item = SyncItem(uuid, self._headline(uuid), "failed", str(exc))
            report.items.append(item)
            if progress is not None:
                progress(len(report.items), report.planned, item)
        log.info("sync with %s done: %s%s", self.remote, report.summary(),
                 f" (stopped: {report.error})" if report.error else "")
        return report

    def sync_one(self, uuid: str) -> SyncItem:
        """Sync one article by UUID and record the agreed state."""
        local_id, local_version = self._id_version(self.laptop, uuid)
        remote_id, remote_version = self._id_version(self.newsroom, uuid)
        base = self._states.get(uuid)
        if base is not None and local_id is not None and remote_id is not None \
                and (base.local_version, base.remote_version) == (local_version,
                                                                  remote_version):
            # neither side saved or moved it since the last sync: nothing to compare
            return SyncItem(uuid, self._headline(uuid), "unchanged")
        if local_id is None and remote_id is None:
            raise NotFoundError(f"no article with UUID {uuid} on either side")
        if remote_id is None:
            assert local_id is not None
            outcome = import_bundle(self._theirs, article_bundle(self._mine, local_id),
                                    source="field sync")
            item = SyncItem(uuid, _headline_of(outcome.record), "pushed", outcome.kind)
            remote_id = self._id(self.newsroom, uuid)
        elif local_id is None:
            outcome = import_bundle(self._mirror, article_bundle(self._theirs, remote_id),
                                    source="field sync")
            item = SyncItem(uuid, _headline_of(outcome.record), "pulled", outcome.kind)
            local_id = self._id(self.laptop, uuid)
            assert local_id is not None
            self._adopt(local_id, remote_id)
        else:
            # a move out of a status the newsroom user may not edit in (a withdrawal)
            # goes first, so the text can follow; any other move after the text
            first = self._push_status(uuid, local_id, remote_id, only_unlocking=True)
            item = self._merge(uuid, local_id, remote_id)
            if first:
                item = replace(item, detail="; ".join(p for p in (item.detail, first) if p))
        assert local_id is not None and remote_id is not None
        if item.action != "conflict" or item.copy_uuid:
            moved = self._sync_status(uuid, local_id, remote_id)
            if moved:
                item = SyncItem(item.uuid, item.headline, item.action,
                                "; ".join(p for p in (item.detail, moved) if p),
                                item.copy_uuid, item.fields)
        if item.action != "conflict" or item.copy_uuid:
            # a conflict only reported is not agreed: the next run compares it again
            self._record(uuid, local_id, remote_id, item)
        return item

    # ----------------------------------------------------------------- steps
    def _merge(self, uuid: str, local_id: int, remote_id: int) -> SyncItem:
        mine = article_bundle(self._mine, local_id)
        push = import_bundle(self._theirs, mine, source="field sync", dry_run=True)
        headline = _headline_of(push.record)
        if push.kind == "fast-forward":
            done = import_bundle(self._theirs, mine, source="field sync")
            return SyncItem(uuid, _headline_of(done.record), "pushed", "fast-forward")
        theirs = article_bundle(self._theirs, remote_id)
        if push.kind == "up-to-date":
            pull = import_bundle(self._mine, theirs, source="field sync", dry_run=True)
            if pull.kind == "up-to-date":
                return SyncItem(uuid, headline, "unchanged")
            if pull.kind == "fast-forward":
                done = import_bundle(self._mirror, theirs, source="field sync")
                return SyncItem(uuid, _headline_of(done.record), "pulled", "fast-forward")
        # a conflict writes nothing, and the real call says which fields differ
        diverged = import_bundle(self._theirs, mine, source="field sync")
        if diverged.kind != "conflict":  # the newsroom moved on meanwhile: next run
            raise ConflictError(f"article {uuid} changed in the newsroom during the sync")
        fields = tuple(d.name for d in diverged.diffs)
        if self.policy == "report":
            return SyncItem(uuid, headline, "conflict", "reported; nothing written",
                            fields=fields)
        return self._keep_both(uuid, local_id, remote_id, fields)

    def _keep_both(self, uuid: str, local_id: int, remote_id: int,
                   fields: tuple[str, ...]) -> SyncItem:
        """The conflict rule of the module contract: copy of the laptop's version in the
        newsroom, the newsroom's text on the laptop, the copy on the laptop too."""
        mine = article_bundle(self._mine, local_id)
        copy_uuid = conflict_copy_uuid(uuid, newest_hash(self._mine, local_id))
        copied = import_bundle(self._theirs, as_copy(mine, copy_uuid),
                               source="field sync conflict copy")
        if copied.kind == "added" and copied.record is not None:
            with self.newsroom.session() as session:
                session.add(AuditEvent(
                    user=self._theirs.author, user_id=self._theirs.actor_id,
                    action="article.merge", article_id=remote_id,
                    detail_json=json.dumps(
                        {"kind": "conflict", "source": "field sync",
                         "choices": dict.fromkeys(fields, "both"),
                         "copy": copied.record.id, "copy_uuid": copy_uuid},
                        ensure_ascii=False)))
        theirs = article_bundle(self._theirs, remote_id)
        on_laptop = import_bundle(self._mirror, theirs, source="field sync")
        if on_laptop.kind == "conflict":
            resolve_conflict(self._mirror, on_laptop,
                             {d.name: "theirs" for d in on_laptop.diffs},
                             source="field sync")
        copy_id = self._id(self.newsroom, copy_uuid)
        assert copy_id is not None
        import_bundle(self._mirror, article_bundle(self._theirs, copy_id),
                      source="field sync conflict copy")
        local_copy = self._id(self.laptop, copy_uuid)
        assert local_copy is not None
        self._adopt(local_copy, copy_id)
        headline = self._theirs.get(remote_id).data.headline
        return SyncItem(uuid, headline, "conflict", "kept both: the laptop's version is a "
                        "copy", copy_uuid, fields)

    def _push_status(self, uuid: str, local_id: int, remote_id: int, *,
                     only_unlocking: bool = False) -> str:
        """Make in the newsroom the status move the laptop user made since the last sync,
        when the rules allow it (``only_unlocking``: only out of a status the newsroom user
        may not edit in); a note of the move, ``""`` when none was made."""
        mine = self._status_version(self.laptop, local_id)[0]
        theirs = self._status_version(self.newsroom, remote_id)[0]
        base = self._states.get(uuid)
        if mine == theirs or base is None or base.status != theirs:
            return ""
        if only_unlocking and may_edit(self.newsroom_actor.role, theirs):
            return ""
        rule = move(theirs, mine)
        if rule is None or self.newsroom_actor.role not in rule.roles or rule.needs_note:
            return ""
        try:
            WorkflowService(self.newsroom, self.newsroom_actor).transition(remote_id, mine)
        except PermissionDenied as exc:
            log.info("status move of %s refused in the newsroom: %s", uuid, exc)
            return ""
        return f"status {theirs} → {mine} in the newsroom"

    def _sync_status(self, uuid: str, local_id: int, remote_id: int) -> str:
        """Bring the two statuses together (module contract); a note of what moved."""
        moved = self._push_status(uuid, local_id, remote_id)
        if moved:
            return moved
        mine = self._status_version(self.laptop, local_id)[0]
        theirs = self._status_version(self.newsroom, remote_id)[0]
        if mine == theirs:
            return ""
        mirror_status(self.laptop, local_id, theirs, self.laptop_actor, self.remote)
        return f"status {mine} → {theirs} from the newsroom"

    def _record(self, uuid: str, local_id: int, remote_id: int, item: SyncItem) -> None:
        status, remote_version = self._status_version(self.newsroom, remote_id)
        state = ArticleState(uuid, newest_hash(self._mine, local_id), status, item.action,
                             item.copy_uuid, self._status_version(self.laptop, local_id)[1],
                             remote_version)
        record_state(self.laptop, self.remote, state)
        self._states[uuid] = state

    def _adopt(self, local_id: int, remote_id: int) -> None:
        """A story that arrived from the newsroom: on the laptop it belongs to (and is
        assigned to) the laptop user where the newsroom has it so for their login."""
        with self.newsroom.session() as session:
            owner, assignee = session.execute(
                select(Article.owner_id, Article.assignee_id)
                .where(Article.id == remote_id)).one()
        them, me = self.newsroom_actor.id, self.laptop_actor.id
        adopt_article(self.laptop, local_id, owner=me if owner == them else None,
                      assignee=me if assignee == them else None)

    # ----------------------------------------------------------------- helpers
    @staticmethod
    def _status_version(db: Database, article_id: int) -> tuple[str, int]:
        """The article's status and version counter (one small query, no body)."""
        with db.session() as session:
            row = session.execute(select(Article.status, Article.version)
                                  .where(Article.id == article_id)).first()
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            return row.status, row.version

    @staticmethod
    def _id_version(db: Database, uuid: str) -> tuple[int | None, int]:
        with db.session() as session:
            row = session.execute(select(Article.id, Article.version)
                                  .where(Article.uuid == uuid)).first()
            return (row.id, row.version) if row is not None else (None, 0)

    @staticmethod
    def _id(db: Database, uuid: str) -> int | None:
        with db.session() as session:
            found: int | None = session.scalar(select(Article.id).where(Article.uuid == uuid))
            return found

    def _headline(self, uuid: str) -> str:
        for db in (self.laptop, self.newsroom):
            try:
                with db.session() as session:
                    text = session.scalar(select(Article.headline)
                                          .where(Article.uuid == uuid))
            except SampadakError:
                continue
            if text is not None:
                return text
        return ""


def _headline_of(record: object) -> str:
    data = getattr(record, "data", None)
    return str(getattr(data, "headline", "")) if data is not None else ""


def open_and_sync(laptop: Database, newsroom_url: str, laptop_actor: Actor, *,
                  policy: ConflictPolicy = "copy", progress: Progress | None = None,
                  should_stop: Callable[[], bool] | None = None) -> SyncReport:
    """Open the newsroom at ``newsroom_url``, sync, close it (CLI and GUI entry point).

    Raises :class:`ConfigError`/:class:`StorageError` when the newsroom cannot be opened
    and the user-matching errors of :class:`SyncEngine`; faults during the run end up in
    :attr:`SyncReport.error`.
    """
    newsroom = open_database(newsroom_url, backup_before_migrating=False)
    try:
        engine = SyncEngine(laptop, newsroom, laptop_actor, policy=policy)
        return engine.run(progress=progress, should_stop=should_stop)
    finally:
        newsroom.close()
