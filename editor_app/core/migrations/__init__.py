"""Alembic migration environment (applied programmatically by ``core.db.open_database``).

:data:`HEAD_REVISION` names the newest revision in ``versions/`` so that opening an
up-to-date database needs no Alembic import (a test checks it against Alembic's own
head). Adding a migration means updating it.
"""

HEAD_REVISION = "0005_pg_search"
#: Every revision in ``versions/``, oldest first (checked against Alembic by a test).
#: 0005_pg_search was written against 0004 and is chained after 0006_live_refresh, which
#: reached main first.
KNOWN_REVISIONS: tuple[str, ...] = ("0001_initial", "0002_search_index", "0003_list_indexes",
                                  "0004_review_workflow", "0006_live_refresh", "0005_pg_search")
