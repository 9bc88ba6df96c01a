"""PostgreSQL search: the matching vectors move to a narrow table of their own, with id slices

Revision ID: 0009_pg_search_table
Revises: 0008_pg_search_speed
Create Date: 2026-12-01 20:40:00

On PostgreSQL only (a no-op on SQLite):

- ``search_vectors (article_id, search_vector, headline_vector)``: one row per
  ``search_documents`` row, the two matching vectors of 0005 (the same weighted vector of
  the folded keys, and the headline's alone) with their GIN indexes, *plus one slice
  lexeme* each: ``'#<article_id >> 10>'`` (``'#97'`` for ids 99,328-100,351). No search key
  can be that lexeme (keys hold only letters, marks and digits), so no query of the user's
  matches it; the search adds ``& ('#97' | '#96' | ...)`` to read "the matches among the
  newest ids" from GIN without visiting every match (the newest-first tiers of very common
  words). ``toast_tuple_target = 128`` pushes the vectors out of the row, so the heap holds
  ~50 bytes per article (~5 MB at 100k articles instead of the 195 MB of
  ``search_documents`` rows, where every match read a page of its own);
- a trigger on ``search_documents`` keeps the table in step: every insert, update or delete
  of an index row (the app's index hook, ``rebuild_documents``, raw SQL, COPY) writes or
  removes exactly that article's row, and a ``TRUNCATE`` empties it. The vectors are
  computed by the SQL functions ``sampadak_document_vector`` and
  ``sampadak_headline_vector`` from the same keys as before;
- the existing rows are backfilled, the indexes built after the backfill;
- ``search_documents`` loses ``search_vector`` and ``headline_vector`` and their indexes
  (``rank_vector`` of 0008 stays there: the ranked regime reads it by primary key).

Downgrade puts the two generated columns and their indexes back on ``search_documents``
(computed for every row again, as 0005 did) and drops the table, trigger and functions.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009_pg_search_table"
down_revision: str | None = "0008_pg_search_speed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Ids per slice lexeme: ``article_id >> SLICE_BITS``.
SLICE_BITS = 10

_KEYS_VECTOR = (
    "sampadak_keys_tsvector(headline, 'A') || sampadak_keys_tsvector(dek, 'B') "
    "|| sampadak_keys_tsvector(tags, 'B') || sampadak_keys_tsvector(bylines, 'C') "
    "|| sampadak_keys_tsvector(body, 'D')"
)

_FUNCTIONS = rf"""
CREATE OR REPLACE FUNCTION sampadak_slice_lexeme(article_id integer)
RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
SELECT ('''#' || (article_id >> {SLICE_BITS}) || '''')::tsvector
$fn$;
CREATE OR REPLACE FUNCTION sampadak_document_vector(article_id integer, headline text,
    dek text, body text, tags text, bylines text)
RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
SELECT {_KEYS_VECTOR} || sampadak_slice_lexeme(article_id)
$fn$;
CREATE OR REPLACE FUNCTION sampadak_headline_vector(article_id integer, headline text)
RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
SELECT sampadak_keys_tsvector(headline, 'A') || sampadak_slice_lexeme(article_id)
$fn$;
CREATE OR REPLACE FUNCTION sampadak_search_vectors_sync()
RETURNS trigger LANGUAGE plpgsql SET search_path = {{schema}}, pg_catalog, pg_temp AS $fn$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE search_vectors;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_vectors WHERE article_id = OLD.article_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_vectors (article_id, search_vector, headline_vector)
        VALUES (NEW.article_id,
                sampadak_document_vector(NEW.article_id, NEW.headline, NEW.dek, NEW.body,
                                         NEW.tags, NEW.bylines),
                sampadak_headline_vector(NEW.article_id, NEW.headline));
    END IF;
    RETURN NULL;
END
$fn$;
"""

_TABLE = """
CREATE TABLE search_vectors (
    article_id integer NOT NULL,
    search_vector tsvector NOT NULL,
    headline_vector tsvector NOT NULL,
    CONSTRAINT pk_search_vectors PRIMARY KEY (article_id)
) WITH (toast_tuple_target = 128)
"""

_BACKFILL = """
INSERT INTO search_vectors (article_id, search_vector, headline_vector)
SELECT article_id,
       sampadak_document_vector(article_id, headline, dek, body, tags, bylines),
       sampadak_headline_vector(article_id, headline)
FROM search_documents ORDER BY article_id
"""


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    # The trigger runs with the migration's schema first (a login's temporary table of the
    # same name cannot take its writes).
    schema = _quoted(str(bind.exec_driver_sql("SELECT current_schema()").scalar()))
    op.execute(_FUNCTIONS.replace("{schema}", schema))
    op.execute(_TABLE)
    op.execute(_BACKFILL)
    op.execute("CREATE INDEX ix_search_vectors_search_vector ON search_vectors "
               "USING gin (search_vector)")
    op.execute("CREATE INDEX ix_search_vectors_headline_vector ON search_vectors "
               "USING gin (headline_vector)")
    op.execute("CREATE TRIGGER search_vectors_sync AFTER INSERT OR UPDATE OR DELETE "
               "ON search_documents FOR EACH ROW EXECUTE FUNCTION sampadak_search_vectors_sync()")
    op.execute("CREATE TRIGGER search_vectors_truncate AFTER TRUNCATE ON search_documents "
               "FOR EACH STATEMENT EXECUTE FUNCTION sampadak_search_vectors_sync()")
    op.execute("DROP INDEX IF EXISTS ix_search_documents_headline_vector")
    op.execute("DROP INDEX IF EXISTS ix_search_documents_search_vector")
    op.execute("ALTER TABLE search_documents DROP COLUMN IF EXISTS search_vector, "
               "DROP COLUMN IF EXISTS headline_vector")
    op.execute("ANALYZE search_vectors")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS search_vectors_truncate ON search_documents")
    op.execute("DROP TRIGGER IF EXISTS search_vectors_sync ON search_documents")
    op.execute(f"ALTER TABLE search_documents ADD COLUMN search_vector tsvector "
               f"GENERATED ALWAYS AS ({_KEYS_VECTOR}) STORED, "
               "ADD COLUMN headline_vector tsvector "
               "GENERATED ALWAYS AS (sampadak_keys_tsvector(headline, 'A')) STORED, "
               "ALTER COLUMN headline_vector SET STORAGE MAIN")
    op.execute("CREATE INDEX ix_search_documents_search_vector ON search_documents "
               "USING gin (search_vector)")
    op.execute("CREATE INDEX ix_search_documents_headline_vector ON search_documents "
               "USING gin (headline_vector)")
    op.execute("DROP TABLE IF EXISTS search_vectors")
    op.execute("DROP FUNCTION IF EXISTS sampadak_search_vectors_sync()")
    op.execute("DROP FUNCTION IF EXISTS sampadak_headline_vector(integer, text)")
    op.execute("DROP FUNCTION IF EXISTS "
               "sampadak_document_vector(integer, text, text, text, text, text)")
    op.execute("DROP FUNCTION IF EXISTS sampadak_slice_lexeme(integer)")
    op.execute("ANALYZE search_documents")
