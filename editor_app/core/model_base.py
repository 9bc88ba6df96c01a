"""The declarative base every table derives from, the portable UTC time column and the
guard on written text (see :mod:`editor_app.core.models` for the contract).

Every row the ORM writes passes :func:`_guard_text_columns` first: text values are made
storable (no NUL, no lone surrogate) and a value longer than its ``String(n)`` column (or
than a ``Text`` column's ``info["max_chars"]``) raises
:class:`~editor_app.core.errors.ValidationError`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, MetaData, TypeDecorator, event, inspect
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import DeclarativeBase, Mapper

from editor_app.core.errors import ValidationError
from editor_app.core.text.normalize import storable

__all__ = ["NAMING_CONVENTION", "Base", "UTCDateTime", "utcnow"]

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Current time, timezone-aware UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: same behaviour on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations are portable."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _guard_text_columns(mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
    """Make the row's new text values storable; refuse values longer than their column.

    Only values being written are looked at (loaded and, for an UPDATE, changed), so no
    attribute is lazily loaded and an unchanged 5-MB body is not scanned again.
    """
    state = inspect(target)
    updating = state.has_identity
    for attr in mapper.column_attrs:
        value = state.dict.get(attr.key)
        if not isinstance(value, str):
            continue
        if updating and not state.attrs[attr.key].history.has_changes():
            continue
        clean = storable(value)
        if clean != value:
            setattr(target, attr.key, clean)
        column = attr.columns[0]
        length = getattr(column.type, "length", None) or column.info.get("max_chars")
        if length is not None and len(clean) > length:
            what = f"{mapper.class_.__name__} {attr.key.replace('_', ' ')}"
            raise ValidationError(
                f"{what} is too long: {len(clean):,} characters (at most {length:,})")


event.listen(Base, "before_insert", _guard_text_columns, propagate=True)
event.listen(Base, "before_update", _guard_text_columns, propagate=True)
