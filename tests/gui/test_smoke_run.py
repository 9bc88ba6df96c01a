"""SAMPADAK_SMOKE_SCREENSHOT: the first-run smoke check that the frozen-build test drives."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtGui import QImage

from editor_app.config import DATABASE_ENV
from editor_app.core.sample import SAMPLE_HEADLINE
from editor_app.gui.smoke_run import SMOKE_ENV, smoke_target
from tests.conftest import REPO_ROOT


def test_smoke_target_reads_the_environment(tmp_path):
    assert smoke_target({}) is None
    assert smoke_target({SMOKE_ENV: "  "}) is None
    assert smoke_target({SMOKE_ENV: str(tmp_path / "a.png")}) == tmp_path / "a.png"


def test_first_run_is_answered_and_the_sample_window_saved(tmp_path, db_url):
    shot = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    # the app's own way to name the database: the backend under test
    env.update({SMOKE_ENV: str(shot), "QT_QPA_PLATFORM": "offscreen", DATABASE_ENV: db_url,
                "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT),
                                                            env.get("PYTHONPATH")]))})
    result = subprocess.run([sys.executable, "-m", "editor_app", "--profile",
                             str(tmp_path / "profile")], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(shot.with_suffix(".json").read_text("utf-8"))
    assert report["headline"] == SAMPLE_HEADLINE
    assert report["profile_answered_s"] is not None
    assert report["platform"] == "offscreen" and report["png_saved"] is True
    assert not QImage(str(shot)).isNull()
