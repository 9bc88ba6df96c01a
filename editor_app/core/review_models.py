"""Review tables: the tracked-changes base and suggestions, and comments (issue 11).

Re-exported by :mod:`editor_app.core.models`, which every caller imports.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from editor_app.core.model_base import Base, UTCDateTime, utcnow

__all__ = ["Comment", "Suggestion", "TrackingBase"]


class TrackingBase(Base):
    """The accepted text of an article under tracked changes: its suggestions are the
    differences between this base and the article's current headline, dek and body. Set
    when the story goes into copy edit (from the submitted revision), moved forward by
    every accepted suggestion."""

    __tablename__ = "tracking_bases"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    headline: Mapped[str] = mapped_column(Text, default="")
    dek: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    #: The revision the tracking started from (the submitted one).
    revision_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_profiles.id", ondelete="SET NULL"), nullable=True)


class Suggestion(Base):
    """One tracked change: ``old_text`` at ``base_start``–``base_end`` of the field's
    tracking base becomes ``new_text``. ``state`` is open, accepted, rejected or withdrawn
    (the author undid it); decided ones are kept for the history."""

    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(16), default="body")
    base_start: Mapped[int] = mapped_column(Integer, default=0)
    base_end: Mapped[int] = mapped_column(Integer, default=0)
    old_text: Mapped[str] = mapped_column(Text, default="")
    new_text: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_profiles.id", ondelete="SET NULL"), nullable=True)
    author_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default="open")
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_profiles.id", ondelete="SET NULL"), nullable=True)
    decided_by_name: Mapped[str] = mapped_column(String(200), default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: The revision the decision wrote.
    revision_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (Index("ix_suggestions_article_state", "article_id", "state"),)


class Comment(Base):
    """A comment on a text range of the body, headline or dek, or a reply (``parent_id``).

    The anchor is ``anchor_start``–``anchor_end`` in the field's current text plus the
    quoted text and some context either side, so it can be found again after edits; a
    comment whose text was deleted is ``orphaned`` (still listed, never dropped).
    """

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), nullable=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_profiles.id", ondelete="SET NULL"), nullable=True)
    author_name: Mapped[str] = mapped_column(String(200), default="")
    field: Mapped[str] = mapped_column(String(16), default="body")
    anchor_start: Mapped[int] = mapped_column(Integer, default=0)
    anchor_end: Mapped[int] = mapped_column(Integer, default=0)
    quote: Mapped[str] = mapped_column(Text, default="")
    context_before: Mapped[str] = mapped_column(Text, default="")
    context_after: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    resolved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_profiles.id", ondelete="SET NULL"), nullable=True)
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_comments_article_id", "article_id", "id"),)
