"""SQLAlchemy 2.x typed ORM models.

Portable SQL only (SQLite by default, PostgreSQL for shared newsrooms): no SQLite-only column
types; times are stored as UTC and returned timezone-aware (:class:`UTCDateTime`).
Schema changes go through Alembic migrations in ``core/migrations/versions``. The base,
the UTC column type and the text guard live in :mod:`~editor_app.core.model_base`, the
review tables in :mod:`~editor_app.core.review_models`; every name is importable from here.

Every row the ORM writes passes the guard first: text values are made storable (no NUL,
no lone surrogate) and a value longer than its ``String(n)`` column (or
than a ``Text`` column's ``info["max_chars"]``: :data:`INDEXED_TEXT_MAX`) raises
:class:`~editor_app.core.errors.ValidationError`. SQLite would store both silently while
PostgreSQL rejects them with a driver error, so the guard gives one behaviour everywhere.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from editor_app.core.article_data import INDEXED_TEXT_MAX
from editor_app.core.model_base import Base, UTCDateTime, utcnow
from editor_app.core.review_models import Comment, Suggestion, TrackingBase

__all__ = [
    "INDEXED_TEXT_MAX",
    "Article",
    "Asset",
    "AuditEvent",
    "Base",
    "Byline",
    "Comment",
    "HouseStyle",
    "LintIgnore",
    "NewsroomWord",
    "Person",
    "PersonalWord",
    "Revision",
    "Suggestion",
    "Tag",
    "TrackingBase",
    "UTCDateTime",
    "User",
    "UserProfile",
    "utcnow",
]

article_tags = Table(
    "article_tags",
    Base.metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_article_tags_tag_id", "tag_id", "article_id"),
)


class User(Base):
    """A person using the app: name in Devanagari (``name``) and Latin, an optional login
    (unique), a role and an active flag. On a single-user SQLite profile the first user is
    the local profile (table kept from migration 0001; columns added in 0004)."""

    __tablename__ = "user_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32), default="reporter")
    email: Mapped[str] = mapped_column(String(320), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    name_latin: Mapped[str] = mapped_column(String(200), default="", server_default="")
    login: Mapped[str | None] = mapped_column(String(100), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())

    __table_args__ = (Index("uq_user_profiles_login", "login", unique=True),)


#: The model's name before users got logins (kept for existing imports).
UserProfile = User


class Person(Base):
    """Someone who can appear in a byline."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_hi: Mapped[str] = mapped_column(String(200), default="")
    name_latin: Mapped[str] = mapped_column(String(200), default="")
    designation: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")


class Tag(Base):
    """A keyword shared by articles; ``slug`` is its Latin-letter URL form."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)


class Article(Base):
    """A story. ``version`` is the optimistic-lock counter (SQLAlchemy ``version_id_col``)."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(
        String(36), unique=True, default=lambda: str(uuid_module.uuid4())
    )
    headline: Mapped[str] = mapped_column(Text, default="",
                                          info={"max_chars": INDEXED_TEXT_MAX})
    dek: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    slug: Mapped[str] = mapped_column(String(300), default="", index=True)
    language: Mapped[str] = mapped_column(String(16), default="hi")
    category: Mapped[str] = mapped_column(String(200), default="")
    dateline_place: Mapped[str] = mapped_column(String(200), default="")
    dateline_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(32), default="draft", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    trashed: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    trashed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: The list's byline column, denormalised from ``bylines`` on every save (migration 0003).
    byline_text: Mapped[str] = mapped_column(Text, default="", server_default="",
                                             info={"max_chars": INDEXED_TEXT_MAX})
    # ---- review workflow (migration 0004)
    #: Who created the story (the reporter whose queue it starts in) and the copy editor
    #: it is assigned to. User ids added to existing tables carry no foreign key: users are
    #: deactivated, never deleted, and on SQLite a foreign key can be added to (or dropped
    #: from) an existing table only by rebuilding it, which cascades through its children.
    owner_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    assignee_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: By when the assignee should be done.
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: Not to be exported (or marked published) before this time.
    embargo_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: Correction printed by export on an updated story ("सुधार: …, updated <date>").
    correction_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    corrected_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: The revision last exported: an update leaves it as the published version until the
    #: update is approved (a plain id, not a foreign key: revisions refer to articles).
    published_revision_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: "Read also" links, a JSON list of ``{"title", "url"}`` (see ArticleData.related).
    related_json: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")

    bylines: Mapped[list[Byline]] = relationship(
        back_populates="article", order_by="Byline.position", cascade="all, delete-orphan"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=article_tags, order_by="Tag.name")
    assets: Mapped[list[Asset]] = relationship(
        back_populates="article", order_by="Asset.position", cascade="all, delete-orphan"
    )
    revisions: Mapped[list[Revision]] = relationship(
        back_populates="article", order_by="Revision.id", cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        Index("ix_articles_list_updated", "trashed", "updated_at", "id"),
        Index("ix_articles_list_status", "trashed", "status", "updated_at", "id"),
        Index("ix_articles_list_headline", "trashed", "headline", "id"),
        Index("ix_articles_list_byline", "trashed", "byline_text", "id"),
        Index("ix_articles_queue_assignee", "trashed", "assignee_id", "deadline"),
        Index("ix_articles_queue_owner", "trashed", "owner_id", "status"),
        Index("ix_articles_queue_deadline", "trashed", "deadline"),
    )


class Byline(Base):
    """Ordered link of an article to a person, e.g. role "संवाददाता", outlet "The Printlines"."""

    __tablename__ = "bylines"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(200), default="")
    outlet: Mapped[str] = mapped_column(String(200), default="")

    article: Mapped[Article] = relationship(back_populates="bylines")
    person: Mapped[Person] = relationship(lazy="joined")

    __table_args__ = (
        Index("ix_bylines_article_id", "article_id", "position"),
        Index("ix_bylines_person_id", "person_id"),
    )


class Revision(Base):
    """Full snapshot of an article's text and metadata at one save."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("revisions.id", ondelete="SET NULL"), nullable=True
    )
    article_version: Mapped[int] = mapped_column(Integer)
    #: The author's display name at the time (kept when the user is gone or imported).
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    headline: Mapped[str] = mapped_column(Text, default="")
    dek: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    metadata_json: Mapped[str] = mapped_column(Text, default="{}")
    note: Mapped[str] = mapped_column(String(500), default="")
    #: The author's user id (no foreign key: see ``Article.owner_id``).
    author_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: The article's status when this revision was written.
    status: Mapped[str] = mapped_column(String(32), default="", server_default="")

    article: Mapped[Article] = relationship(back_populates="revisions")


class Asset(Base):
    """An image attached to an article, with caption, credit and alt text."""

    __tablename__ = "assets"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    filename: Mapped[str] = mapped_column(String(300), default="")
    media_type: Mapped[str] = mapped_column(String(100), default="image/jpeg")
    data: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    caption: Mapped[str] = mapped_column(Text, default="")
    credit: Mapped[str] = mapped_column(String(300), default="")
    alt_text: Mapped[str] = mapped_column(Text, default="")

    article: Mapped[Article] = relationship(back_populates="assets")

    __table_args__ = (Index("ix_assets_article_id", "article_id", "position"),)


class NewsroomWord(Base):
    """A word the newsroom accepts as correctly spelled (shared by everyone on the database).

    Removal is recorded (``removed_at``/``removed_by``) rather than deleting the row, so the
    dictionary keeps its history.
    """

    __tablename__ = "newsroom_words"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(200), unique=True)
    added_by: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    removed_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class PersonalWord(Base):
    """A word one user has chosen to ignore in spell-check."""

    __tablename__ = "personal_words"
    __table_args__ = (UniqueConstraint("user_id", "word", name="uq_personal_words_user_word"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_profiles.id", ondelete="CASCADE"))
    word: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class HouseStyle(Base):
    """The newsroom's style sheet, stored as TOML text so it round-trips to a file."""

    __tablename__ = "house_styles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    toml_text: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LintIgnore(Base):
    """A copy-desk finding an editor chose to ignore in one article, with the reason."""

    __tablename__ = "lint_ignores"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    rule_id: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEvent(Base):
    """Append-only log of who did what (saves, trash, dictionary and style changes, ...)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(100))
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), nullable=True, index=True
    )
    detail_json: Mapped[str] = mapped_column(Text, default="{}")
    #: The acting user's id (no foreign key: see ``Article.owner_id``).
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


# ---- field sync (migration 0007_field_sync)
class SyncState(Base):
    """What the last sync with one newsroom agreed on for one article, kept on the laptop.

    ``remote`` names the newsroom (its URL without a password), ``article_uuid`` the story;
    ``revision_hash`` is the content hash both sides had after that sync and ``status`` the
    status they had then (the base that tells who moved a status since). ``outcome`` is the
    last action (pushed, pulled, conflict, unchanged) and ``copy_uuid`` the conflict copy
    made for it, if any; ``local_version``/``remote_version`` the two version counters
    then. One row per (remote, article), written after each article, so an
    interrupted sync resumes where it stopped.
    """

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    remote: Mapped[str] = mapped_column(String(500))
    article_uuid: Mapped[str] = mapped_column(String(36))
    revision_hash: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(32), default="")
    outcome: Mapped[str] = mapped_column(String(16), default="")
    copy_uuid: Mapped[str] = mapped_column(String(36), default="")
    #: The article's version counter on the laptop and in the newsroom after that sync:
    #: both unchanged means neither side saved or moved it since (nothing to compare).
    local_version: Mapped[int] = mapped_column(Integer, default=0)
    remote_version: Mapped[int] = mapped_column(Integer, default=0)
    synced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("remote", "article_uuid",
                                       name="uq_sync_state_remote_uuid"),)
