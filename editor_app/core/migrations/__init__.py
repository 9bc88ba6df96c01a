"""Alembic migration environment (applied programmatically by ``core.db.open_database``).

:data:`HEAD_REVISION` names the newest revision in ``versions/`` so that opening an
up-to-date database needs no Alembic import (a test checks it against Alembic's own
head). Adding a migration means updating it.
"""

HEAD_REVISION = "0009_pg_search_table"
#: Every revision in ``versions/``, oldest first (checked against Alembic by a test).
KNOWN_REVISIONS: tuple[str, ...] = ("0001_initial", "0002_search_index", "0003_list_indexes",
                                  "0004_review_workflow", "0005_pg_search", "0006_live_refresh",
                                  "0007_field_sync", "0008_pg_search_speed",
                                  "0009_pg_search_table")
