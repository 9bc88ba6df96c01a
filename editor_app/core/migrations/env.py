"""Alembic environment: uses the connection handed over by ``core.db`` when there is one."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from editor_app.core.models import Base

config = context.config
target_metadata = Base.metadata


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Keep autogenerate away from the search index tables (created by raw DDL)."""
    return not (type_ == "table" and name is not None and name.startswith("search_"))


def run_migrations() -> None:
    """Run migrations on the given connection, or on a fresh engine from the URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True, compare_type=True,
                          include_name=include_name)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata,
                          render_as_batch=True, compare_type=True,
                          include_name=include_name)
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
