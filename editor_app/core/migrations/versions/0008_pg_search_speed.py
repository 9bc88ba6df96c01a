"""PostgreSQL search speed: a small stored rank vector (short fields + the body's lead)

Revision ID: 0008_pg_search_speed
Revises: 0007_field_sync
Create Date: 2026-12-01 17:20:00

On PostgreSQL only (a no-op on SQLite):

- ``sampadak_lead_keys(keys, n)``: an IMMUTABLE SQL function, the first ``n`` of the
  space-separated folded keys (the body's lead);
- ``search_documents.rank_vector``: a stored generated column, the same weighted vector as
  ``search_vector`` (headline ``A``, dek and tags ``B``, bylines ``C``) but with only the
  first :data:`LEAD_KEYS` keys of the body (``D``). It is ~1.5 KB (at most ~2.7 KB for
  ordinary stories) and is stored ``MAIN``: inside the row and uncompressed while the row
  fits (the toaster first moves the long EXTENDED key columns out of line), where
  ``search_vector`` (~4 KB compressed, out of line in TOAST) costs a de-TOAST and a
  decompression per match. Summing ``ts_rank`` over 616 matches at 10k articles took 27 ms
  over ``search_vector``, 8.8 ms over this column stored the default way (compressed), 2.9
  ms stored in the row uncompressed (the GIN look-up alone: ~2 ms). ``MAIN``, not
  ``PLAIN``: a story with a pasted page in its dek or hundreds of tags has a rank vector
  larger than a page, which ``PLAIN`` cannot store at all ("row is too big": the save
  failed); ``MAIN`` compresses it, and moves it out of line only as a last resort (a 3 KB
  rank vector was seen stored as it is).
  Matching still uses ``search_vector``'s GIN index (every word of the body is found); only
  the order reads this column (see ``editor_app.core.search_postgres``). No index on it;
- ``search_documents.headline_vector`` (0005) is stored ``MAIN`` too: with the rank vector
  in the row, PostgreSQL's toaster moved the ~240-byte headline vector out of line to keep
  rows under 2 KB, so the headline test of the two tiers de-TOASTed it for every row it
  read (2,265 buffers for a 616-match test at 10k articles; 562 in the row).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008_pg_search_speed"
down_revision: str | None = "0007_field_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Body keys in the rank vector (the article's lead: about its first paragraph).
LEAD_KEYS = 50

_FUNCTION = r"""
CREATE OR REPLACE FUNCTION sampadak_lead_keys(keys text, n integer)
RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
SELECT array_to_string((string_to_array(keys, ' '))[1:n], ' ')
$fn$
"""

_RANK_VECTOR = (
    "sampadak_keys_tsvector(headline, 'A') || sampadak_keys_tsvector(dek, 'B') "
    "|| sampadak_keys_tsvector(tags, 'B') || sampadak_keys_tsvector(bylines, 'C') "
    f"|| sampadak_keys_tsvector(sampadak_lead_keys(body, {LEAD_KEYS}), 'D')"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTION)
    # One statement: the rewrite that computes the column already stores both MAIN.
    op.execute(f"ALTER TABLE search_documents ADD COLUMN rank_vector tsvector "
               f"GENERATED ALWAYS AS ({_RANK_VECTOR}) STORED, "
               f"ALTER COLUMN rank_vector SET STORAGE MAIN, "
               f"ALTER COLUMN headline_vector SET STORAGE MAIN")
    op.execute("ANALYZE search_documents")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE search_documents DROP COLUMN IF EXISTS rank_vector, "
               "ALTER COLUMN headline_vector SET STORAGE EXTENDED")
    op.execute("DROP FUNCTION IF EXISTS sampadak_lead_keys(text, integer)")
