"""Shared fixtures: every test gets its own profile folder and database.

By default a test's database is a SQLite file in its temp folder. When the environment
variable ``SAMPADAK_TEST_POSTGRES_URL`` names a PostgreSQL database (for example
``postgresql+psycopg://postgres@127.0.0.1:54329/sampadak_test``, see
``packaging/postgres_test.sh``), every test gets a fresh PostgreSQL database instead:
``open_database`` (Alembic) migrates one template database per run, and each test's database
is a ``CREATE DATABASE … TEMPLATE`` copy of it, dropped after the test. Tests marked
``sqlite_only`` (pragmas, the pre-migration file backup, FTS5 internals) are skipped there with
their reason; tests marked ``postgres_only`` (LISTEN/NOTIFY, advisory locks, several
processes on one server) are skipped on the SQLite run the same way, also in CI (its
PostgreSQL step runs them); everything else must pass on both.
"""

from __future__ import annotations

import itertools
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

# GUI tests run offscreen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SAMPADAK_DATABASE_URL", None)

from editor_app.core.db import Database, open_database

if TYPE_CHECKING:
    from editor_app.core.text.spell import SpellChecker

# Property tests check behaviour, not speed (speed goes to benchmarks/): no per-example
# deadline, which a 2-core machine shared with other work misses at random. In CI (env CI
# set) hypothesis also prints the blob that reproduces a failure.
settings.register_profile("sampadak", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("sampadak-ci", parent=settings.get_profile("sampadak"),
                          print_blob=True)
settings.load_profile("sampadak-ci" if os.environ.get("CI") else "sampadak")

REPO_ROOT = Path(__file__).resolve().parent.parent


def skip_unless_spelling(reason: str) -> None:
    """Skip a spell-check test where enchant/hi_IN is missing — but fail in CI, where the
    README's setup command installs them, so a broken install can never pass silently."""
    if os.environ.get("CI"):
        pytest.fail(f"spell-check unavailable in CI: {reason}")
    pytest.skip(reason)


def every_source_speller() -> SpellChecker:
    """The full checker with every source it can use (enchant's hi_IN, apertium-hin): what
    the quality bars and mechanism tests assume. Skipped where a source is missing (a
    failure in CI, see :func:`skip_unless_spelling`)."""
    from editor_app.core import resources
    from editor_app.core.text.hindi_lexicon import load_lexicon
    from editor_app.core.text.spell import create_spell_checker

    checker = create_spell_checker(None, None)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    if load_lexicon(Path(resources.resource_path("spelling"))).morph is None:
        skip_unless_spelling("apertium-hin is not installed (these tests assume every source)")
    return checker


DATA_DIR = Path(__file__).resolve().parent / "data"
#: The project's own scraped-style story (boilerplate, typos, है.इस, an unbalanced ’,
#: फीसदी/प्रतिशत mixed): what the sample tests need, always present.
OWN_SAMPLE = DATA_DIR / "samples" / "scraped-style-article-hi.txt"
_SHARED_SAMPLE_PATH = Path("shared") / "samples" / "scraped-article-hi.txt"


def _shared_sample() -> Path:
    """The real scraped article kept beside the repository (``../shared/samples``): beside
    this checkout, or, for a clean clone made elsewhere (CI), beside the repository it was
    cloned from (a local ``remote.origin.url``)."""
    here = REPO_ROOT.parent / _SHARED_SAMPLE_PATH
    if here.is_file():
        return here
    try:
        origin = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "config", "--get", "remote.origin.url"],
            capture_output=True, text=True, timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        origin = ""
    origin = origin.removeprefix("file://")
    if origin and Path(origin).is_dir():
        beside_origin = Path(origin).resolve().parent / _SHARED_SAMPLE_PATH
        if beside_origin.is_file():
            return beside_origin
    return here


SHARED_SAMPLE = _shared_sample()


def sample_path(name: str) -> Path:
    """The sample ``"own"`` (tests/data) or ``"shared"`` (beside the repository).

    A missing shared sample skips the test on a developer's machine but FAILS it in CI
    (environment variable ``CI`` set), so CI never passes without having read it.
    """
    path = OWN_SAMPLE if name == "own" else SHARED_SAMPLE
    if not path.is_file():
        message = f"sample {name!r} not found at {path}"
        if os.environ.get("CI") or name == "own":
            pytest.fail(message)
        pytest.skip(message)
    return path
POSTGRES_ENV = "SAMPADAK_TEST_POSTGRES_URL"
SQLITE_ONLY_REASON = "SQLite-only behaviour"
POSTGRES_ONLY_REASON = "PostgreSQL-only behaviour"


def postgres_test_url() -> str | None:
    """The PostgreSQL URL the suite runs against, or ``None`` for SQLite."""
    return os.environ.get(POSTGRES_ENV) or None


ON_POSTGRES = postgres_test_url() is not None


class DatabaseFactory:
    """Hands out database URLs for tests: SQLite files, or copies of a PostgreSQL template."""

    def __init__(self, postgres_url: str | None) -> None:
        self.backend = "postgresql" if postgres_url else "sqlite"
        self._counter = itertools.count(1)
        self._admin: sa.Engine | None = None
        self._base: URL | None = None
        self._template = ""
        self._created: list[str] = []
        if postgres_url:
            self._start_postgres(postgres_url)

    def _start_postgres(self, url: str) -> None:
        base = make_url(url)
        if base.get_backend_name() != "postgresql" or not base.database:
            raise pytest.UsageError(f"{POSTGRES_ENV} must name a PostgreSQL database: {url!r}")
        self._base = base
        self._admin = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        # Unique per run, so runs sharing a server never drop each other's databases.
        self._prefix = f"{base.database}_{os.getpid()}_"[:40]
        self._template = f"{self._prefix}tpl"
        self._execute(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')
        self._execute(f'CREATE DATABASE "{self._template}" TEMPLATE template0')
        template = open_database(self._url_of(self._template))  # migrates through Alembic
        template.close()

    def _execute(self, statement: str) -> None:
        assert self._admin is not None
        with self._admin.connect() as conn:
            conn.execute(sa.text(statement))

    def _url_of(self, name: str) -> str:
        assert self._base is not None
        return self._base.set(database=name).render_as_string(hide_password=False)

    def new_url(self, folder: Path, *, migrated: bool = True) -> str:
        """URL of a new database for one test.

        ``migrated``: already at the head revision (PostgreSQL; on SQLite ``open_database``
        migrates the new file on first open). ``migrated=False`` gives an empty database,
        for tests of the migrations themselves.
        """
        number = next(self._counter)
        if self.backend == "sqlite":
            return f"sqlite:///{folder / f'test-{number}.sqlite'}"
        name = f"{self._prefix}{number}"
        source = self._template if migrated else "template0"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        self._created.append(name)
        return self._url_of(name)

    def drop(self, url: str) -> None:
        """Drop a PostgreSQL database made by :meth:`new_url` (SQLite files stay in tmp)."""
        if self.backend == "sqlite":
            return
        name = make_url(url).database or ""
        if name in self._created:
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._created.remove(name)

    def close(self) -> None:
        """Drop every database this run made and release the admin connection."""
        if self._admin is None:
            return
        for name in [*self._created, self._template]:
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._created.clear()
        self._admin.dispose()

    def describe(self) -> str:
        """One line for the pytest header: which database the tests run on."""
        if self._admin is None:
            return "database: SQLite (set SAMPADAK_TEST_POSTGRES_URL to test PostgreSQL)"
        with self._admin.connect() as conn:
            version = conn.execute(sa.text("SHOW server_version")).scalar()
            collation = conn.execute(sa.text(
                "SELECT coalesce(daticulocale, datcollate) FROM pg_database "
                "WHERE datname = current_database()")).scalar()
        assert self._base is not None
        return (f"database: PostgreSQL {version} at {self._base.host}:{self._base.port} "
                f"(collation {collation}; per-test copies of a migrated template)")


_factory: DatabaseFactory | None = None


def _get_factory() -> DatabaseFactory:
    global _factory
    if _factory is None:
        _factory = DatabaseFactory(postgres_test_url())
    return _factory


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): tests of SQLite-only behaviour; skipped when "
        f"{POSTGRES_ENV} runs the suite on PostgreSQL",
    )
    config.addinivalue_line(
        "markers",
        "postgres_only(reason): tests of PostgreSQL-only behaviour (LISTEN/NOTIFY, "
        f"advisory locks); skipped on the SQLite run, run when {POSTGRES_ENV} is set",
    )


def pytest_report_header(config: pytest.Config) -> str:
    # Connecting here makes a wrong SAMPADAK_TEST_POSTGRES_URL fail the run at once.
    return _get_factory().describe()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skipped, default, label = (("sqlite_only", SQLITE_ONLY_REASON, "SQLite only")
                               if ON_POSTGRES else
                               ("postgres_only", POSTGRES_ONLY_REASON, "PostgreSQL only"))
    for item in items:
        marker = item.get_closest_marker(skipped)
        if marker is not None:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else
                                                     default)
            item.add_marker(pytest.mark.skip(reason=f"{label}: {reason}"))


def pytest_unconfigure(config: pytest.Config) -> None:
    global _factory
    if _factory is not None:
        _factory.close()
        _factory = None


@pytest.fixture(scope="session")
def database_factory() -> DatabaseFactory:
    """Makes test databases on the backend under test (see the module docstring)."""
    return _get_factory()


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    """An empty profile folder (data, config and logs go below it)."""
    path = tmp_path / "profile"
    path.mkdir()
    return path


@pytest.fixture
def db_url(database_factory: DatabaseFactory, tmp_path: Path) -> Iterator[str]:
    """URL of a new database for this test; open it as often as the test needs."""
    url = database_factory.new_url(tmp_path)
    yield url
    database_factory.drop(url)


@pytest.fixture
def empty_db_url(database_factory: DatabaseFactory, tmp_path: Path) -> Iterator[str]:
    """URL of a new database with no tables at all (for migration tests)."""
    url = database_factory.new_url(tmp_path, migrated=False)
    yield url
    database_factory.drop(url)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A migrated database: a SQLite file in a temp folder, or a PostgreSQL copy."""
    database = open_database(db_url)
    try:
        yield database
    finally:
        database.close()
