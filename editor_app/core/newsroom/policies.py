"""``sampadak newsroom init``: group roles, grants and the rules the database enforces.

Contracts of :func:`init_newsroom` (PostgreSQL only; :class:`ConfigError` on SQLite):
- Idempotent: it may run again at any time (after a migration, to pick up new tables, or
  after the tables in :mod:`editor_app.core.workflow.statuses` changed); every function
  and trigger is replaced, grants are given again, nothing is duplicated.
- One group role per :class:`~editor_app.core.profiles.Role` (:mod:`.roles`), NOLOGIN.
- Grants: every table of the schema to every group for ``SELECT, INSERT, UPDATE``, and
  ``DELETE`` except on ``articles``; ``revisions`` and ``audit_events`` only ``SELECT,
  INSERT`` (append-only); ``user_profiles`` ``SELECT`` and ``UPDATE`` of the names for
  everyone, everything for admins; ``alembic_version`` ``SELECT``; sequences ``USAGE``.
  Default privileges give tables that the maintainer's later migrations add the same
  plain grants (run ``newsroom init`` again after an upgrade for their rules).
- Triggers generated from :data:`~editor_app.core.workflow.statuses.TRANSITIONS` and
  :data:`~editor_app.core.workflow.statuses.EDIT_RIGHTS` (the one source of truth: the
  SQL holds the table as ``VALUES`` written from the Python objects at init time):

  * ``articles``: a status change must be a transition the user's role may make (a
    desk role may also give a fresh import's draft its source's status, as
    ``set_imported_statuses`` does); a change of the text columns (:data:`TEXT_COLUMNS`)
    needs the role's edit right in the old status; a new article is a draft; the owner
    and UUID change only by a desk role; rows are never deleted;
  * the story's owner without that edit right (a reporter whose story is in copy edit)
    may still change the tracked fields (:data:`TRACKED_COLUMNS`) while the story is
    under tracked changes: deciding the copy desk's suggestions is their right
    (:class:`~editor_app.core.review.tracking.TrackingService`). At commit a deferred
    check then requires each tracked field to be exactly what the tracking base and
    the open suggestions make (a rejection puts the base's words back; a plain edit
    fails). Not checked by the server: that the base and the suggestions themselves
    were changed only by decisions (core checks that);
  * roles in :data:`OWNER_ONLY_ROLES` (reporters) change only stories they own;
  * ``bylines``, ``assets``, ``article_tags``: as a text change of their article;
  * ``revisions``: a reporter inserts revisions only of stories they own;
  * ``revisions``, ``audit_events``: no UPDATE or DELETE; a new audit event's
    ``user_id`` is set to the login's user (an entry cannot be made in another's name);
  * ``comments``: a new comment's ``author_id`` is the login's user, likewise;
  * ``user_profiles``: a non-admin changes only their own names.

  The acting user is the active ``user_profiles`` row whose ``login`` is
  ``current_user``; a login that is none is refused every change. The *maintainer* (a
  superuser, or a member of the role owning the tables: whoever runs migrations and
  ``newsroom init``) is not bound by the rules, nor are foreign-key actions (which the
  server runs as the table owner).
- Refusals raise SQLSTATE ``42501`` with a Hindi + English message (read as
  :class:`~editor_app.core.errors.PermissionDenied` by :mod:`editor_app.core.db_faults`).
- Functions are schema-qualified and pin ``search_path`` (a login cannot shadow
  ``user_profiles`` with a temporary table).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Connection

from editor_app.core.db import Database
from editor_app.core.errors import ConfigError
from editor_app.core.newsroom.roles import (
    DEFAULT_PREFIX,
    PREFIX_FUNCTION,
    group_role,
    quote_ident,
    set_login_group,
)
from editor_app.core.profiles import Role
from editor_app.core.review.tracking_values import FIELDS as TRACKED_COLUMNS
from editor_app.core.workflow.statuses import DESK, EDIT_RIGHTS, TRANSITIONS

__all__ = ["APPEND_ONLY_TABLES", "CHILD_TABLES", "OWNER_ONLY_ROLES", "TEXT_COLUMNS",
           "TRACKED_COLUMNS", "InitReport", "drop_newsroom_roles", "init_newsroom",
           "policy_statements"]

log = logging.getLogger(__name__)

#: Roles whose rights (edit, move) cover only the stories they own.
OWNER_ONLY_ROLES = frozenset({Role.REPORTER})
#: Columns of ``articles`` that are the story's text and metadata (``EDIT_RIGHTS``).
TEXT_COLUMNS = ("headline", "dek", "body", "slug", "language", "category", "dateline_place",
                "dateline_date", "byline_text", "related_json", "trashed")
#: Tables whose rows belong to one article and change with its text.
CHILD_TABLES = ("bylines", "assets", "article_tags")
#: table -> (trigger function, user column): a new row names the login's user there.
STAMPED = {"audit_events": ("sampadak_audit_stamp", "user_id"),
           "comments": ("sampadak_author_stamp", "author_id")}
#: Tables nobody but the maintainer may UPDATE or DELETE.
APPEND_ONLY_TABLES = ("revisions", "audit_events")
_USER_TABLE = "user_profiles"
_USER_NAME_COLUMNS = ("name", "name_latin")
_SELECT_ONLY = ("alembic_version",)
_DENIED = "42501"


@dataclass
class InitReport:
    """What :func:`init_newsroom` did."""

    prefix: str
    schema: str
    groups_created: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    logins_grouped: list[str] = field(default_factory=list)
    #: Users with a login but no database role yet (``sampadak user password``).
    logins_missing: list[str] = field(default_factory=list)


def _values(rows: Sequence[tuple[str, ...]]) -> str:
    def lit(value: str) -> str:
        return "'" + value.replace("'", "''") + "'"
    return ", ".join("(" + ", ".join(lit(v) for v in row) + ")" for row in rows)


def _transition_rows() -> list[tuple[str, str, str]]:
    return sorted({(t.source.value, t.target.value, r.value)
                   for t in TRANSITIONS for r in t.roles})


def _edit_rows() -> list[tuple[str, str]]:
    return sorted({(s.value, r.value) for s, roles in EDIT_RIGHTS.items() for r in roles})


def _roles_array(roles: frozenset[Role]) -> str:
    return "ARRAY[" + ", ".join(f"'{r.value}'" for r in sorted(roles)) + "]::text[]"


def _function(schema: str, name: str, returns: str, body: str, *,
              language: str = "plpgsql", volatility: str = "") -> str:
    return (f"CREATE OR REPLACE FUNCTION {schema}.{name} RETURNS {returns} "
            f"LANGUAGE {language} {volatility} SET search_path = {schema}, pg_catalog, "
            f"pg_temp AS $sampadak$\n{body}\n$sampadak$")


def _trigger(schema: str, table: str, name: str, function: str, events: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name} ON {schema}.{table}",
            f"CREATE TRIGGER {name} BEFORE {events} ON {schema}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {schema}.{function}()"]


def _refuse(message: str, *args: str) -> str:
    params = "".join(f", {a}" for a in args)
    return f"RAISE EXCEPTION '{message}'{params} USING ERRCODE = '{_DENIED}';"


def policy_statements(schema: str, prefix: str = DEFAULT_PREFIX) -> list[str]:
    """The SQL of the newsroom rules (functions and triggers), generated from the Python
    tables; :func:`init_newsroom` runs it. ``schema`` is quoted already."""
    s = schema
    writers_change = (f"NOT (v_role = ANY({_roles_array(OWNER_ONLY_ROLES)})) "
                      "OR o.owner_id = v_id")
    text_changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in TEXT_COLUMNS)
    untracked_changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in TEXT_COLUMNS
                                    if c not in TRACKED_COLUMNS)
    tracked_changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}"
                                  for c in TRACKED_COLUMNS)
    tracked_mismatch = " OR ".join(
        f"a.{c} IS DISTINCT FROM {s}.sampadak_tracked_text(a.id, '{c}')"
        for c in TRACKED_COLUMNS)
    statements = [
        _function(s, f"{PREFIX_FUNCTION}()", "text", f"SELECT '{prefix}'::text",
                  language="sql", volatility="IMMUTABLE"),
        _function(s, "sampadak_is_maintainer()", "boolean", f"""
SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false)
    OR pg_has_role(current_user, (SELECT relowner FROM pg_class
                                  WHERE oid = '{s}.articles'::regclass), 'MEMBER')""",
                  language="sql", volatility="STABLE"),
        _function(s, "sampadak_may_edit(p_status text, p_role text)", "boolean", f"""
SELECT EXISTS (SELECT 1 FROM (VALUES {_values(_edit_rows())}) AS e(status, role)
               WHERE e.status = p_status AND e.role = p_role)""",
                  language="sql", volatility="IMMUTABLE"),
        _function(s, "sampadak_may_move(p_from text, p_to text, p_role text)", "boolean", f"""
SELECT EXISTS (SELECT 1 FROM (VALUES {_values(_transition_rows())}) AS t(source, target, role)
               WHERE t.source = p_from AND t.target = p_to AND t.role = p_role)""",
                  language="sql", volatility="IMMUTABLE"),
        # the acting user: id and role of the active user whose login is current_user
        _function(s, "sampadak_actor(OUT user_id integer, OUT user_role text)", "record", f"""
BEGIN
  SELECT u.id, u.role INTO user_id, user_role FROM {s}.{_USER_TABLE} u
   WHERE u.login = current_user AND u.active;
  IF user_id IS NULL THEN
    {_refuse("डेटाबेस लॉगिन % किसी सक्रिय उपयोगकर्ता का नहीं (the database login % is "
             "not an active Sampadak user)", "current_user", "current_user")}
  END IF;
END""", volatility="STABLE"),
        _function(s, "sampadak_articles_guard()", "trigger", f"""
DECLARE v_id integer; v_role text; o record;
BEGIN
  IF {s}.sampadak_is_maintainer() THEN RETURN coalesce(NEW, OLD); END IF;
  SELECT user_id, user_role INTO v_id, v_role FROM {s}.sampadak_actor();
  IF TG_OP = 'DELETE' THEN
    {_refuse("लेख मिटाए नहीं जाते (articles are never deleted; trash them)")}
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' OR NOT {s}.sampadak_may_edit('draft', v_role) THEN
      {_refuse("% नया लेख नहीं बना सकते (role % may not create this story)",
               "v_role", "v_role")}
    END IF;
    IF v_role = ANY({_roles_array(OWNER_ONLY_ROLES)}) AND NEW.owner_id IS DISTINCT FROM v_id
    THEN
      {_refuse("नया लेख अपने नाम से ही (a new story is owned by its writer)")}
    END IF;
    RETURN NEW;
  END IF;
  o := OLD;
  IF NOT ({writers_change}) THEN
    {_refuse("दूसरे संवाददाता का लेख % नहीं बदल सकते (login % may not change story % "
             "of another reporter)", "OLD.id", "current_user", "OLD.id")}
  END IF;
  IF (NEW.owner_id IS DISTINCT FROM OLD.owner_id OR NEW.uuid IS DISTINCT FROM OLD.uuid)
     AND NOT (v_role = ANY({_roles_array(DESK)})) THEN
    {_refuse("लेख का स्वामी केवल डेस्क बदल सकता है (only the desk may change a story''s "
             "owner)")}
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status
     AND NOT {s}.sampadak_may_move(OLD.status, NEW.status, v_role)
     AND NOT (OLD.status = 'draft' AND v_role = ANY({_roles_array(DESK)})) THEN
    {_refuse("% लेख % को % से % नहीं ले जा सकते (role % may not move story % from % "
             "to %)", "v_role", "OLD.id", "OLD.status", "NEW.status", "v_role", "OLD.id",
             "OLD.status", "NEW.status")}
  END IF;
  IF ({text_changed}) AND NOT {s}.sampadak_may_edit(OLD.status, v_role)
     AND NOT (OLD.owner_id = v_id AND NOT ({untracked_changed})
              AND EXISTS (SELECT 1 FROM {s}.tracking_bases b WHERE b.article_id = OLD.id))
  THEN
    {_refuse("% “%” स्थिति में लेख % नहीं बदल सकते (role % may not edit story % while "
             "it is %)", "v_role", "OLD.status", "OLD.id", "v_role", "OLD.id",
             "OLD.status")}
  END IF;
  RETURN NEW;
END"""),
        # a tracked field as the tracking base and the open suggestions make it (NULL:
        # no base, or suggestions that do not fit it); tracking_plan.rebuild in SQL
        _function(s, "sampadak_tracked_text(p_article integer, p_field text)", "text", f"""
DECLARE v_base text; v_out text := ''; v_pos integer := 0; r record;
BEGIN
  SELECT CASE p_field WHEN 'headline' THEN b.headline WHEN 'dek' THEN b.dek
                      ELSE b.body END
    INTO v_base FROM {s}.tracking_bases b WHERE b.article_id = p_article;
  IF NOT FOUND THEN RETURN NULL; END IF;
  FOR r IN SELECT g.base_start, g.base_end, g.old_text, g.new_text FROM {s}.suggestions g
            WHERE g.article_id = p_article AND g.field = p_field AND g.state = 'open'
            ORDER BY g.base_start, g.base_end LOOP
    IF r.base_start < v_pos OR r.base_end < r.base_start
       OR substr(v_base, r.base_start + 1, r.base_end - r.base_start)
          IS DISTINCT FROM r.old_text THEN
      RETURN NULL;
    END IF;
    v_out := v_out || substr(v_base, v_pos + 1, r.base_start - v_pos) || r.new_text;
    v_pos := r.base_end;
  END LOOP;
  RETURN v_out || substr(v_base, v_pos + 1);
END""", volatility="STABLE"),
        # at commit: a tracked-field change by someone without the edit right must be
        # a decision (the text is what base + open suggestions make)
        _function(s, "sampadak_decision_check()", "trigger", f"""
DECLARE v_id integer; v_role text; a record;
BEGIN
  IF {s}.sampadak_is_maintainer() THEN RETURN NULL; END IF;
  SELECT user_id, user_role INTO v_id, v_role FROM {s}.sampadak_actor();
  SELECT x.id, x.status, {", ".join(f"x.{c}" for c in TRACKED_COLUMNS)} INTO a
    FROM {s}.articles x WHERE x.id = NEW.id;
  IF NOT FOUND OR {s}.sampadak_may_edit(a.status, v_role) THEN RETURN NULL; END IF;
  IF {tracked_mismatch} THEN
    {_refuse("% लेख % का पाठ केवल सुझावों पर निर्णय से बदल सकते हैं (role % may change "
             "the text of story % only by deciding its suggestions)", "v_role", "a.id",
             "v_role", "a.id")}
  END IF;
  RETURN NULL;
END"""),
        _function(s, "sampadak_child_guard()", "trigger", f"""
DECLARE v_id integer; v_role text; o record; v_article integer;
BEGIN
  IF {s}.sampadak_is_maintainer() THEN RETURN coalesce(NEW, OLD); END IF;
  SELECT user_id, user_role INTO v_id, v_role FROM {s}.sampadak_actor();
  FOR v_article IN SELECT DISTINCT x FROM unnest(ARRAY[
      CASE WHEN TG_OP <> 'INSERT' THEN OLD.article_id END,
      CASE WHEN TG_OP <> 'DELETE' THEN NEW.article_id END]) AS x WHERE x IS NOT NULL LOOP
    SELECT a.id, a.status, a.owner_id INTO o FROM {s}.articles a WHERE a.id = v_article;
    IF NOT FOUND THEN CONTINUE; END IF;
    IF NOT ({writers_change}) OR NOT {s}.sampadak_may_edit(o.status, v_role) THEN
      {_refuse("% लेख % नहीं बदल सकते (login % may not change story %)",
               "current_user", "o.id", "current_user", "o.id")}
    END IF;
  END LOOP;
  RETURN coalesce(NEW, OLD);
END"""),
        # a reporter writes revisions only of stories they own (history of another's
        # story cannot be forged); other roles' revisions follow their article rights
        _function(s, "sampadak_revision_guard()", "trigger", f"""
DECLARE v_id integer; v_role text; o record;
BEGIN
  IF {s}.sampadak_is_maintainer() THEN RETURN NEW; END IF;
  SELECT user_id, user_role INTO v_id, v_role FROM {s}.sampadak_actor();
  SELECT a.id, a.owner_id INTO o FROM {s}.articles a WHERE a.id = NEW.article_id;
  IF FOUND AND NOT ({writers_change}) THEN
    {_refuse("दूसरे संवाददाता के लेख % का संस्करण नहीं लिख सकते (login % may not write a "
             "revision of story % of another reporter)", "o.id", "current_user", "o.id")}
  END IF;
  RETURN NEW;
END"""),
        _function(s, "sampadak_append_only()", "trigger", f"""
BEGIN
  IF {s}.sampadak_is_maintainer() THEN RETURN coalesce(NEW, OLD); END IF;
  {_refuse("% केवल जोड़ा जा सकता है (% is append-only: rows are never changed or "
           "deleted)", "TG_TABLE_NAME", "TG_TABLE_NAME")}
END"""),
        # a new row of a STAMPED table is recorded as the login's user, whatever it names
        *(_function(s, f"{function}()", "trigger", f"""
DECLARE v_id integer; v_role text;
BEGIN
  IF {s}.sampadak_is_maintainer() THEN RETURN NEW; END IF;
  SELECT user_id, user_role INTO v_id, v_role FROM {s}.sampadak_actor();
  NEW.{column} := v_id;
  RETURN NEW;
END""") for function, column in STAMPED.values()),
        _function(s, "sampadak_users_guard()", "trigger", f"""
DECLARE v_id integer; v_role text;
BEGIN
  IF {s}.sampadak_is_maintainer() THEN RETURN coalesce(NEW, OLD); END IF;
  SELECT user_id, user_role INTO v_id, v_role FROM {s}.sampadak_actor();
  IF v_role = '{Role.ADMIN.value}' THEN RETURN coalesce(NEW, OLD); END IF;
  IF TG_OP <> 'UPDATE' OR OLD.id <> v_id OR NEW.role IS DISTINCT FROM OLD.role
     OR NEW.login IS DISTINCT FROM OLD.login OR NEW.active IS DISTINCT FROM OLD.active
     OR NEW.id <> OLD.id THEN
    {_refuse("उपयोगकर्ता केवल प्रशासक बदल सकते हैं (only an admin may change users; "
             "others rename themselves only)")}
  END IF;
  RETURN NEW;
END"""),
    ]
    statements += _trigger(s, "articles", "sampadak_articles_guard", "sampadak_articles_guard",
                           "INSERT OR UPDATE OR DELETE")
    statements += [
        f"DROP TRIGGER IF EXISTS sampadak_decision_check ON {s}.articles",
        f"CREATE CONSTRAINT TRIGGER sampadak_decision_check AFTER UPDATE ON {s}.articles "
        f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ({tracked_changed}) "
        f"EXECUTE FUNCTION {s}.sampadak_decision_check()"]
    for table in CHILD_TABLES:
        statements += _trigger(s, table, "sampadak_child_guard", "sampadak_child_guard",
                               "INSERT OR UPDATE OR DELETE")
    for table in APPEND_ONLY_TABLES:
        statements += _trigger(s, table, "sampadak_append_only", "sampadak_append_only",
                               "UPDATE OR DELETE")
    for table, (function, _column) in STAMPED.items():
        statements += _trigger(s, table, function, function, "INSERT")
    statements += _trigger(s, "revisions", "sampadak_revision_guard",
                           "sampadak_revision_guard", "INSERT")
    statements += _trigger(s, _USER_TABLE, "sampadak_users_guard", "sampadak_users_guard",
                           "INSERT OR UPDATE OR DELETE")
    return statements


def _grant_statements(conn: Connection, schema: str, prefix: str,
                      tables: list[str]) -> list[str]:
    groups = [quote_ident(group_role(r, prefix)) for r in Role]
    everyone = ", ".join(groups)
    admin = quote_ident(group_role(Role.ADMIN, prefix))
    database = quote_ident(str(conn.execute(text("SELECT current_database()")).scalar()))
    out = [f"GRANT CONNECT ON DATABASE {database} TO {everyone}",
           f"GRANT USAGE ON SCHEMA {schema} TO {everyone}",
           f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {everyone}",
           # tables a later migration (run by this maintainer) adds are usable at once;
           # their own rules, if any, come with the next newsroom init
           f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, "
           f"DELETE ON TABLES TO {everyone}",
           f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES "
           f"TO {everyone}"]
    for table in tables:
        name = f"{schema}.{quote_ident(table)}"
        out.append(f"REVOKE ALL ON {name} FROM {everyone}")
        if table in _SELECT_ONLY:
            rights = "SELECT"
        elif table in APPEND_ONLY_TABLES:
            rights = "SELECT, INSERT"
        elif table == _USER_TABLE:
            names = ", ".join(_USER_NAME_COLUMNS)
            out.append(f"GRANT SELECT, UPDATE ({names}) ON {name} TO {everyone}")
            out.append(f"GRANT SELECT, INSERT, UPDATE ON {name} TO {admin}")
            continue
        elif table == "articles":
            rights = "SELECT, INSERT, UPDATE"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        out.append(f"GRANT {rights} ON {name} TO {everyone}")
    return out


def init_newsroom(db: Database, prefix: str = DEFAULT_PREFIX) -> InitReport:
    """Set up (or bring up to date) the newsroom rules on ``db`` (see the module
    contract). Needs a connection that may create roles and owns the tables (the
    maintainer). Runs in one transaction: on any error nothing is changed."""
    if db.is_sqlite:
        raise ConfigError("newsroom init needs a PostgreSQL database: on SQLite the local "
                          "profile is the user and there are no database logins "
                          "(डेटाबेस लॉगिन केवल PostgreSQL पर)")
    if not prefix.replace("_", "").isascii() or not prefix.replace("_", "").isalnum():
        raise ConfigError(f"role prefix {prefix!r}: ASCII letters, digits and _ only")
    with db.engine.begin() as conn:
        schema_name = str(conn.execute(text("SELECT current_schema()")).scalar())
        schema = quote_ident(schema_name)
        report = InitReport(prefix=prefix, schema=schema_name)
        for role in Role:
            name = group_role(role, prefix)
            if not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                                {"n": name}).scalar():
                conn.exec_driver_sql(f"CREATE ROLE {quote_ident(name)} NOLOGIN")
                report.groups_created.append(name)
        report.tables = sorted(str(t) for t in conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema_name})
            .scalars())
        for statement in [*policy_statements(schema, prefix),
                          *_grant_statements(conn, schema, prefix, report.tables)]:
            conn.exec_driver_sql(statement.replace("%", "%%"))
        _group_existing_logins(conn, schema, prefix, report)
    log.info("newsroom rules set up (prefix %s, %d tables, %d groups created)", prefix,
             len(report.tables), len(report.groups_created))
    return report


def _group_existing_logins(conn: Connection, schema: str, prefix: str,
                           report: InitReport) -> None:
    rows = conn.execute(text(f"SELECT u.login, u.role, r.rolname IS NOT NULL "
                             f"FROM {schema}.{_USER_TABLE} u LEFT JOIN pg_roles r "
                             "ON r.rolname = u.login WHERE u.login IS NOT NULL "
                             "AND u.active ORDER BY u.id")).all()
    for login, role_value, has_role in rows:
        if not has_role:
            report.logins_missing.append(str(login))
            continue
        try:
            role = Role(role_value)
        except ValueError:
            role = Role.REPORTER
        set_login_group(conn, str(login), role, prefix=prefix)
        report.logins_grouped.append(str(login))


def drop_newsroom_roles(db: Database, prefix: str) -> None:
    """Revoke this database's grants to the group roles of ``prefix`` and drop them (tests
    and undoing a trial setup; a group still granted in another database stays)."""
    with db.engine.begin() as conn:
        for role in Role:
            name = group_role(role, prefix)
            if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                            {"n": name}).scalar():
                conn.exec_driver_sql(f"DROP OWNED BY {quote_ident(name)}")
                conn.exec_driver_sql(f"DROP ROLE {quote_ident(name)}")
