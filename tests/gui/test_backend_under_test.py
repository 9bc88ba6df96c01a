"""The GUI suite runs on the backend under test: SQLite by default, PostgreSQL when
``SAMPADAK_TEST_POSTGRES_URL`` is set (``packaging/postgres_test.sh``)."""

from __future__ import annotations

from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database


def test_the_window_stores_on_the_backend_under_test(make_window, database_factory,
                                                       gui_config):
    window = make_window()
    assert window.service.db.engine.dialect.name == database_factory.backend
    assert gui_config.database_url.startswith(database_factory.backend)
    # what the window shows is what another connection to that database reads
    assert window.record is not None
    other = open_database(gui_config.database_url)
    try:
        stored = ArticleService(other).get(window.record.id)
    finally:
        other.close()
    assert stored.data.headline == window.record.data.headline
