"""Start-up imports only what the first paint needs (issue 7 item 5).

A child process runs the real ``sampadak`` start-up path on a profile with one article and
reports ``sys.modules`` at the first paint of the article list. The dialogs, the intake,
sync and publishing stacks, PostgreSQL's search and Alembic load when first used; if
somebody imports one of them eagerly again (at module level in the window's import graph),
this fails and names it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.profiles import Role, create_profile
from tests.conftest import REPO_ROOT
from tests.gui.startup_child import REPORT

#: Modules the window must not have imported when its list first paints.
LAZY_AT_START = (
    "alembic",                                   # only when the schema is behind
    "editor_app.gui.dialogs.import_dialog",      # File → Import, dropped files
    "editor_app.core.intake.bundle",
    "editor_app.gui.dialogs.sync_dialog",        # File → Sync with newsroom
    "editor_app.core.sync",
    "editor_app.gui.dialogs.export_dialog",      # File → Export…, preview, print
    "editor_app.gui.dialogs.html_preview",
    "editor_app.core.publish.source",
    "editor_app.core.publish.html",
    "jinja2",
    "editor_app.core.search_postgres",           # the first search (PostgreSQL only)
    "editor_app.gui.dialogs.font_picker",        # menu entries
    "editor_app.gui.dialogs.house_style_dialog",
    "editor_app.gui.dialogs.spelling_dialog",
    "editor_app.gui.dialogs.legacy_paste_dialog",
    "editor_app.gui.shortcuts",
)
#: Lazy only on SQLite: on PostgreSQL the database itself is opened through this dialect.
LAZY_ON_SQLITE = ("sqlalchemy.dialects.postgresql",)


def _start_child(tmp_path, db_url: str) -> dict[str, Any]:
    db = open_database(db_url)
    try:
        profile = create_profile(db, "नेहा त्रिपाठी", Role.DESK_CHIEF)
        ArticleService(db, profile.name).create(
            ArticleData(headline="नगर निगम की बैठक में बजट पास", body="बजट पर चर्चा हुई।\n"))
    finally:
        db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.startup_child", str(tmp_path / "profile"), db_url],
        cwd=REPO_ROOT, capture_output=True, text=True, env=env, timeout=180, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith(REPORT)]
    assert lines, f"no report from the child: {done.stderr[-3000:]}"
    report: dict[str, Any] = json.loads(lines[0][len(REPORT):])
    assert report["painted"], "the article list never painted with rows"
    return report


def test_first_paint_imports_no_lazy_module(tmp_path, db_url):
    report = _start_child(tmp_path, db_url)
    modules = set(report["modules"])
    lazy = LAZY_AT_START + (LAZY_ON_SQLITE if db_url.startswith("sqlite") else ())
    eager = [name for name in lazy
             if name in modules or any(m.startswith(name + ".") for m in modules)]
    assert eager == [], f"imported before the first paint: {eager}"
    # the window itself did load: the check is not vacuous
    assert "editor_app.gui.main_window" in modules
    assert "sqlalchemy.orm" in modules


def test_first_paint_keeps_no_module_source(tmp_path, db_url):
    """PySide6's import scan no longer leaves every module's source in linecache (it held
    ~300 files, ~5.6 M characters, ~14 MiB, before editor_app.gui lightened it)."""
    report = _start_child(tmp_path, db_url)
    assert report["scan_light"] is True
    assert report["linecache_files"] < 30, report["linecache_files"]
