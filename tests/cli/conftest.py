"""CLI tests run on the database under test: on PostgreSQL through SAMPADAK_DATABASE_URL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import ON_POSTGRES


@pytest.fixture(autouse=True)
def _database_under_test(request: pytest.FixtureRequest,
                         monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """On PostgreSQL, point every command (and subprocess) at this test's own database.

    ``--profile`` still chooses the folders; the URL from the environment wins over the
    profile's SQLite file, exactly as for a newsroom that sets ``SAMPADAK_DATABASE_URL``.
    """
    if ON_POSTGRES:
        url: str = request.getfixturevalue("db_url")
        monkeypatch.setenv("SAMPADAK_DATABASE_URL", url)
    yield
