"""Anchored, threaded comments on an article's body, headline or dek.

Contracts of :class:`CommentService` (one acting user per service):
- Anyone with access comments and replies (every role; an inactive user is refused with
  :class:`PermissionDenied`). A thread is resolved or reopened by the comment's author, the
  article's owner, a copy editor, a desk chief or an admin; a comment's text is edited only
  by its author. Adding (a comment or a reply), resolving and reopening are audit events
  ``comment.add`` / ``comment.resolve`` / ``comment.reopen`` (an edit: ``comment.edit``).
- A top-level comment carries the anchor (see :mod:`.anchors`: offsets into the field's
  visible text, its quote and context); a reply belongs to its parent's thread and carries
  a copy of the parent's anchor, kept in step by :func:`reanchor`. Resolving or reopening
  a reply acts on its thread.
- :meth:`CommentService.list` gives threads in the order they were started, each with its
  replies oldest first; resolved and orphaned threads are listed too (an orphaned comment
  is never dropped).
- :func:`reanchor` is called by ``ArticleService.save`` inside the save's transaction with
  the stored text before and after: every comment of a changed field follows the edit.
- All text is stored NFC.
"""

from __future__ import annotations

import builtins
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor_app.core.db import Database
from editor_app.core.errors import NotFoundError, PermissionDenied, ValidationError
from editor_app.core.models import Article, AuditEvent, Comment, User, utcnow
from editor_app.core.profiles import Actor, Role
from editor_app.core.review.anchors import (
    FIELDS,
    NO_ANCHOR,
    Anchor,
    check_field,
    field_text,
    find_anchor,
    follow_edit,
    make_anchor,
    map_range,
)
from editor_app.core.review.diff import diff_text
from editor_app.core.text.normalize import to_nfc
from editor_app.core.users import actor_id

__all__ = ["RESOLVERS", "CommentInfo", "CommentService", "CommentThread", "count_open",
           "reanchor"]

log = logging.getLogger(__name__)

#: Roles that may resolve or reopen anyone's thread (authors and owners may too).
RESOLVERS = frozenset({Role.COPY_EDITOR, Role.DESK_CHIEF, Role.ADMIN})
#: Longest comment accepted.
MAX_COMMENT_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class CommentInfo:
    """One comment or reply as stored (``anchor`` is its thread's current anchor)."""

    id: int
    article_id: int
    parent_id: int | None
    author_id: int | None
    author_name: str
    field: str
    anchor: Anchor
    text: str
    created_at: datetime
    updated_at: datetime
    resolved_at: datetime | None
    resolved_by_id: int | None
    resolved_by_name: str
    orphaned: bool

    @property
    def state(self) -> str:
        """``"open"`` or ``"resolved"``."""
        return "resolved" if self.resolved_at is not None else "open"

    @property
    def quote(self) -> str:
        """The commented text (the last one known, when orphaned)."""
        return self.anchor.quote

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (times ISO 8601)."""
        return {
            "id": self.id, "parent": self.parent_id, "author": self.author_name,
            "author_id": self.author_id, "field": self.field, "start": self.anchor.start,
            "end": self.anchor.end, "quote": self.anchor.quote, "text": self.text,
            "created": self.created_at.isoformat(), "updated": self.updated_at.isoformat(),
            "state": self.state, "orphaned": self.orphaned,
            "resolved": self.resolved_at.isoformat() if self.resolved_at else None,
            "resolved_by": self.resolved_by_name or None,
        }


@dataclass(frozen=True, slots=True)
class CommentThread:
    """A top-level comment and its replies (oldest first)."""

    comment: CommentInfo
    replies: tuple[CommentInfo, ...] = ()

    @property
    def id(self) -> int:
        """The thread's id: its first comment's."""
        return self.comment.id

    @property
    def state(self) -> str:
        """``"open"`` or ``"resolved"``."""
        return self.comment.state

    @property
    def orphaned(self) -> bool:
        """True when the commented text was deleted."""
        return self.comment.orphaned

    def to_json(self) -> dict[str, object]:
        """The first comment's dict with ``replies``."""
        return {**self.comment.to_json(), "replies": [r.to_json() for r in self.replies]}


class CommentService:
    """Comments of articles, for one acting user (see the module contract)."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self.actor = actor
        #: The actor's user id as stored (``None`` for an unattributed maintenance actor:
        #: it is no row of ``user_profiles``).
        self.user_id: int | None = actor_id(actor)

    # ----------------------------------------------------------------- reading
    def list(self, article_id: int, *, include_resolved: bool = True) -> builtins.list[
            CommentThread]:
        """The article's threads, oldest first, each with its replies oldest first."""
        with self._db.session() as session:
            _article(session, article_id)
            rows = builtins.list(session.scalars(
                select(Comment).where(Comment.article_id == article_id).order_by(Comment.id)))
            names = _names(session, (r.resolved_by_id for r in rows))
        infos = [_info(r, names) for r in rows]
        replies: dict[int, builtins.list[CommentInfo]] = {}
        for info in infos:
            if info.parent_id is not None:
                replies.setdefault(info.parent_id, []).append(info)
        return [CommentThread(info, tuple(replies.get(info.id, ())))
                for info in infos
                if info.parent_id is None and (include_resolved or info.state == "open")]

    def get(self, comment_id: int) -> CommentInfo:
        """One comment; :class:`NotFoundError` if there is none."""
        with self._db.session() as session:
            row = _comment(session, comment_id)
            return _info(row, _names(session, [row.resolved_by_id]))

    def field_texts(self, article_id: int,
                    fields: Iterable[str] | None = None) -> dict[str, str]:
        """The visible text of each field (or of ``fields`` only) as stored now (what the
        anchors refer to)."""
        chosen = None if fields is None else set(fields)
        wanted = FIELDS if chosen is None else tuple(f for f in FIELDS if f in chosen)
        with self._db.session() as session:
            article = _article(session, article_id)
            return {field: _visible(article, field) for field in wanted}

    def open_count(self, article_id: int) -> int:
        """How many threads of the article are open (the approval gate's count)."""
        with self._db.session() as session:
            return count_open(session, article_id)

    # ----------------------------------------------------------------- writing
    def add(self, article_id: int, field: str, start: int, end: int, text: str) -> CommentInfo:
        """Comment on code points ``[start, end)`` of the field's visible text (widened to
        whole aksharas, trimmed of spaces); :class:`ValidationError` for a range outside
        the text, an unknown field or an empty comment."""
        check_field(field)
        with self._db.session() as session:
            article = _article(session, article_id)
            anchor = make_anchor(_visible(article, field), start, end)
            return self._insert(session, article, field, anchor, text, parent=None)

    def add_on_text(self, article_id: int, field: str, needle: str,
                    text: str) -> CommentInfo:
        """Comment on the first occurrence of ``needle`` in the field (the CLI's
        ``--anchor``); :class:`ValidationError` when it does not occur."""
        check_field(field)
        with self._db.session() as session:
            article = _article(session, article_id)
            try:
                anchor = find_anchor(_visible(article, field), needle)
            except ValidationError as exc:
                raise ValidationError(f"{exc} ({field} of article {article_id})") from None
            return self._insert(session, article, field, anchor, text, parent=None)

    def add_on_view(self, article_id: int, field: str, view: str, start: int, end: int,
                    text: str) -> CommentInfo:
        """Comment on ``view[start:end]``, where ``view`` is the field as an editor shows
        it now (it may differ a little from what is stored: NFC, spaces the save trims).
        The range is mapped onto the stored text; :class:`ValidationError` when nothing
        of it is stored."""
        check_field(field)
        with self._db.session() as session:
            article = _article(session, article_id)
            stored = _visible(article, field)
            lo, hi = map_range(view, stored, start, end)
            if lo >= hi:
                raise ValidationError("the selected text is not saved yet; try again")
            anchor = make_anchor(stored, lo, hi)
            return self._insert(session, article, field, anchor, text, parent=None)

    def add_general(self, article_id: int, text: str) -> CommentInfo:
        """A comment on the article as a whole (no anchor)."""
        with self._db.session() as session:
            article = _article(session, article_id)
            return self._insert(session, article, "body", NO_ANCHOR, text, parent=None)

    def reply(self, comment_id: int, text: str) -> CommentInfo:
        """Reply in the thread of ``comment_id`` (a reply to a reply joins the thread)."""
        with self._db.session() as session:
            root = _root(session, _comment(session, comment_id))
            article = _article(session, root.article_id)
            return self._insert(session, article, root.field, _anchor_of(root), text,
                                parent=root)

    def resolve(self, comment_id: int) -> CommentInfo:
        """Mark the thread of ``comment_id`` resolved (no change if it already is)."""
        return self._set_resolved(comment_id, True)

    def reopen(self, comment_id: int) -> CommentInfo:
        """Open the thread of ``comment_id`` again (no change if it is open)."""
        return self._set_resolved(comment_id, False)

    def edit(self, comment_id: int, text: str) -> CommentInfo:
        """Change the text of one's own comment; :class:`PermissionDenied` for anyone
        else's."""
        clean = _clean_text(text)
        with self._db.session() as session:
            row = _comment(session, comment_id)
            self._check_active()
            if row.author_id is None or row.author_id != self.user_id:
                raise PermissionDenied(f"{self.actor.name} may edit only their own comments "
                                       f"(comment {comment_id} is {row.author_name}'s)")
            if row.text != clean:
                old, row.text, row.updated_at = row.text, clean, utcnow()
                self._audit(session, "comment.edit", row.article_id,
                            {"comment": row.id, "old": old, "new": clean})
            session.flush()
            return _info(row, _names(session, [row.resolved_by_id]))

    # ----------------------------------------------------------------- helpers
    def _check_active(self) -> None:
        if not self.actor.active:
            raise PermissionDenied(f"{self.actor.name} is no longer an active user")

    def _insert(self, session: Session, article: Article, field: str, anchor: Anchor,
                text: str, *, parent: Comment | None) -> CommentInfo:
        self._check_active()
        clean = _clean_text(text)
        now = utcnow()
        row = Comment(article_id=article.id, parent_id=parent.id if parent else None,
                      author_id=self.user_id, author_name=self.actor.name, field=field,
                      anchor_start=anchor.start, anchor_end=anchor.end, quote=anchor.quote,
                      context_before=anchor.context_before,
                      context_after=anchor.context_after, text=clean, created_at=now,
                      updated_at=now, orphaned=parent.orphaned if parent else False)
        session.add(row)
        session.flush()
        detail: dict[str, object] = {"comment": row.id, "field": field,
                                     "quote": anchor.quote, "text": clean}
        if parent is not None:
            detail["parent"] = parent.id
        self._audit(session, "comment.add", article.id, detail)
        session.flush()
        return _info(row, {})

    def _set_resolved(self, comment_id: int, resolved: bool) -> CommentInfo:
        with self._db.session() as session:
            root = _root(session, _comment(session, comment_id))
            article = _article(session, root.article_id)
            self._check_active()
            mine = self.user_id is not None and self.user_id in (root.author_id,
                                                                  article.owner_id)
            if not (mine or self.actor.role in RESOLVERS):
                raise PermissionDenied(
                    f"{self.actor.name} ({self.actor.role.label}) may not "
                    f"{'resolve' if resolved else 'reopen'} comment {root.id}: only its "
                    "author, the article's owner, copy editors and desk chiefs may")
            if (root.resolved_at is not None) != resolved:
                root.resolved_at = utcnow() if resolved else None
                root.resolved_by_id = self.user_id if resolved else None
                self._audit(session, "comment.resolve" if resolved else "comment.reopen",
                            article.id, {"comment": root.id, "quote": root.quote})
            session.flush()
            return _info(root, _names(session, [root.resolved_by_id]))

    def _audit(self, session: Session, action: str, article_id: int,
               detail: dict[str, object]) -> None:
        session.add(AuditEvent(user=self.actor.name, user_id=self.user_id, action=action,
                               article_id=article_id,
                               detail_json=json.dumps(detail, ensure_ascii=False)))


# --------------------------------------------------------------------------- session level

def count_open(session: Session, article_id: int) -> int:
    """Open threads of the article, inside the caller's transaction (approval gate)."""
    return int(session.scalar(
        select(func.count()).select_from(Comment).where(
            Comment.article_id == article_id, Comment.parent_id.is_(None),
            Comment.resolved_at.is_(None))) or 0)


def reanchor(session: Session, article_id: int, old: Mapping[str, str],
             new: Mapping[str, str]) -> int:
    """Move the anchors of the article's comments through an edit, inside the caller's
    transaction. ``old`` and ``new`` hold the stored ``headline``, ``dek`` and ``body``
    (Markdown) before and after; fields missing from either, or equal, are left alone.
    Returns how many threads changed anchor or orphaned state."""
    changed = [f for f in ("body", "headline", "dek")
               if f in old and f in new and old[f] != new[f]]
    if not changed:
        return 0
    rows = builtins.list(session.scalars(
        select(Comment).where(Comment.article_id == article_id, Comment.field.in_(changed))
        .order_by(Comment.id)))
    roots = [r for r in rows if r.parent_id is None and r.quote]
    if not roots:
        return 0
    moved = 0
    for field in changed:
        mine = [r for r in roots if r.field == field]
        if not mine:
            continue
        before, after = field_text(field, old[field]), field_text(field, new[field])
        if before == after:
            continue
        hunks = diff_text(before, after)
        for row in mine:
            anchor, orphaned = follow_edit(_anchor_of(row), row.orphaned, before, after,
                                           hunks)
            if anchor != _anchor_of(row) or orphaned != row.orphaned:
                if orphaned and not row.orphaned:
                    log.info("comment %d orphaned: %r was deleted", row.id, row.quote)
                _set_anchor(row, anchor, orphaned)
                moved += 1
    by_id = {r.id: r for r in roots}
    for reply in rows:
        parent = by_id.get(reply.parent_id) if reply.parent_id is not None else None
        if parent is not None:
            _set_anchor(reply, _anchor_of(parent), parent.orphaned)
    return moved


# --------------------------------------------------------------------------- helpers

def _clean_text(text: str) -> str:
    clean = to_nfc(text).strip()
    if not clean:
        raise ValidationError("a comment needs some text")
    if len(clean) > MAX_COMMENT_CHARS:
        raise ValidationError(f"the comment has {len(clean):,} characters; the limit is "
                              f"{MAX_COMMENT_CHARS:,}")
    return clean


def _visible(article: Article, field: str) -> str:
    return field_text(field, getattr(article, field))


def _article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"no article with id {article_id}")
    return article


def _comment(session: Session, comment_id: int) -> Comment:
    row = session.get(Comment, comment_id)
    if row is None:
        raise NotFoundError(f"no comment with id {comment_id}")
    return row


def _root(session: Session, row: Comment) -> Comment:
    while row.parent_id is not None:
        row = _comment(session, row.parent_id)
    return row


def _anchor_of(row: Comment) -> Anchor:
    return Anchor(row.anchor_start, row.anchor_end, row.quote, row.context_before,
                  row.context_after)


def _set_anchor(row: Comment, anchor: Anchor, orphaned: bool) -> None:
    row.anchor_start, row.anchor_end, row.quote = anchor.start, anchor.end, anchor.quote
    row.context_before, row.context_after = anchor.context_before, anchor.context_after
    row.orphaned = orphaned


def _names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.name).where(User.id.in_(wanted)))
    return {user_id: name for user_id, name in rows}


def _info(row: Comment, names: Mapping[int, str]) -> CommentInfo:
    return CommentInfo(
        id=row.id, article_id=row.article_id, parent_id=row.parent_id,
        author_id=row.author_id, author_name=row.author_name, field=row.field,
        anchor=_anchor_of(row), text=row.text, created_at=row.created_at,
        updated_at=row.updated_at, resolved_at=row.resolved_at,
        resolved_by_id=row.resolved_by_id,
        resolved_by_name=names.get(row.resolved_by_id, "") if row.resolved_by_id else "",
        orphaned=row.orphaned)
