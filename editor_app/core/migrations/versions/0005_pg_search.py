"""PostgreSQL search: a weighted tsvector over the folded keys of search_documents, GIN

Revision ID: 0005_pg_search
Revises: 0004_review_workflow
Create Date: 2026-12-01 14:30:00

On PostgreSQL only (a no-op on SQLite, whose FTS5 index of 0002 stays as it is):

- ``sampadak_keys_tsvector(keys, weight)``: an IMMUTABLE SQL function turning the
  space-separated folded keys that ``search_documents`` holds into a ``tsvector`` by a plain
  cast (no text-search parser, so no locale or configuration can split a Hindi word), every
  position one past the previous (a field begins one position after the previous field
  ends, so phrases never span two fields), positions capped at 16383, keys of 2 KiB or more
  left out (PostgreSQL refuses them);
- ``search_documents.search_vector``: a stored generated column, headline ``A``, dek and
  tags ``B``, bylines ``C``, body ``D`` (short fields first). Adding it computes it for every
  existing row, which is the backfill; the index hook keeps it current from then on because
  PostgreSQL recomputes it on every insert or update of the keys;
- ``search_documents.headline_vector``: the headline's vector alone, also stored (a GIN
  expression index over the function instead made PostgreSQL recompute the function on
  every row it walked for the headline tier: 1.2 s at 50k articles); GIN indexes on both
  (the two-tier order of very common words, see ``editor_app.core.search_postgres``).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005_pg_search"
down_revision: str | None = "0004_review_workflow"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FUNCTION = r"""
CREATE OR REPLACE FUNCTION sampadak_keys_tsvector(keys text, weight "char")
RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
SELECT setweight(coalesce(string_agg(
           '''' || replace(replace(k, '\', '\\'), '''', '''''') || ''':'
           || least(n + 1, 16383), ' '), '')::tsvector, weight)
FROM unnest(string_to_array(keys, ' ')) WITH ORDINALITY AS t(k, n)
WHERE k <> '' AND octet_length(k) <= 2046
$fn$
"""

_VECTOR = (
    "sampadak_keys_tsvector(headline, 'A') || sampadak_keys_tsvector(dek, 'B') "
    "|| sampadak_keys_tsvector(tags, 'B') || sampadak_keys_tsvector(bylines, 'C') "
    "|| sampadak_keys_tsvector(body, 'D')"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTION)
    op.execute(f"ALTER TABLE search_documents ADD COLUMN search_vector tsvector "
               f"GENERATED ALWAYS AS ({_VECTOR}) STORED")
    op.execute("ALTER TABLE search_documents ADD COLUMN headline_vector tsvector "
               "GENERATED ALWAYS AS (sampadak_keys_tsvector(headline, 'A')) STORED")
    op.execute("CREATE INDEX ix_search_documents_search_vector ON search_documents "
               "USING gin (search_vector)")
    op.execute("CREATE INDEX ix_search_documents_headline_vector ON search_documents "
               "USING gin (headline_vector)")
    op.execute("ANALYZE search_documents")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_search_documents_headline_vector")
    op.execute("DROP INDEX IF EXISTS ix_search_documents_search_vector")
    op.execute("ALTER TABLE search_documents DROP COLUMN IF EXISTS headline_vector")
    op.execute("ALTER TABLE search_documents DROP COLUMN IF EXISTS search_vector")
    op.execute('DROP FUNCTION IF EXISTS sampadak_keys_tsvector(text, "char")')
