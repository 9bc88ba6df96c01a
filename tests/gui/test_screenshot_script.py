"""packaging/screenshot.py: the README's way to look at the window without a display."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from editor_app.config import DATABASE_ENV
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.profiles import local_profile
from editor_app.core.sample import SAMPLE_HEADLINE
from tests.conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "packaging" / "screenshot.py"


def test_screenshot_of_the_first_run_window_without_a_display(tmp_path, db_url):
    out = tmp_path / "window.png"
    profile = tmp_path / "profile"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                             "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env[DATABASE_ENV] = db_url  # the backend under test (the script reads the environment)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(out), "--size", "1280x720", "--wait", "0.5",
         "--profile", str(profile)],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
    # Not a blank frame: the window painted more than a couple of colours.
    colours = {image.pixel(x, y) for x in range(0, 1280, 37) for y in range(0, 720, 23)}
    assert len(colours) > 5
    # The first-run dialog was answered, so the profile and the sample article exist.
    db = open_database(db_url)
    try:
        me = local_profile(db)
        assert me is not None and me.name == "Screenshot"
        records = ArticleService(db, me.name).list_articles()
        assert [r.headline for r in records] == [SAMPLE_HEADLINE]
    finally:
        db.close()


def test_screenshot_rejects_a_bad_size(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path / "x.png"), "--size",
                             "big"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2 and "WIDTHxHEIGHT" in result.stderr
    assert not (tmp_path / "x.png").exists()
