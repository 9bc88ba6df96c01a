"""Alembic migration environment (applied programmatically by ``core.db.open_database``)."""
