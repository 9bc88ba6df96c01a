"""Shared fixtures: every test gets its own profile folder and SQLite database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# GUI tests run offscreen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SAMPADAK_DATABASE_URL", None)

from editor_app.core.db import Database, open_database

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    """An empty profile folder (data, config and logs go below it)."""
    path = tmp_path / "profile"
    path.mkdir()
    return path


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A migrated SQLite database in a temp folder."""
    database = open_database(f"sqlite:///{tmp_path / 'test.sqlite'}")
    try:
        yield database
    finally:
        database.close()
