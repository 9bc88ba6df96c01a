"""Killing the app with SIGKILL three seconds after the last keystroke loses nothing, and
killing it while typing without pause loses at most the autosave maximum interval."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from editor_app.config import DATABASE_ENV
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from tests.conftest import REPO_ROOT

TYPED = "\n\nबिजली जाने से ठीक पहले लिखा गया वाक्य: क्षेत्रीय ज़िला अस्पताल।"


def spawn_child(tmp_path, db_url: str, *args: str) -> subprocess.Popen[str]:
    """The real window in a child process (tests/gui/crash_child.py), on the test's
    database (the backend under test)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env[DATABASE_ENV] = db_url
    return subprocess.Popen(
        [sys.executable, "-m", "tests.gui.crash_child", str(tmp_path), *args],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)


def reap(child: subprocess.Popen[str]) -> None:
    if child.poll() is None:
        child.kill()
        child.wait()


def stored_body(db_url: str) -> str:
    """The body of the only article the killed child's database holds."""
    db = open_database(db_url)
    try:
        service = ArticleService(db)
        (summary,) = service.list_articles()
        return service.get(summary.id).data.body
    finally:
        db.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_sigkill_three_seconds_after_typing_loses_nothing(tmp_path, db_url):
    child = spawn_child(tmp_path, db_url, TYPED)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "TYPED", child.stderr.read() if child.stderr else ""
        time.sleep(3.0)
        kill(child)
    finally:
        reap(child)
    assert child.returncode == -signal.SIGKILL
    assert stored_body(db_url).rstrip().endswith(TYPED.strip())


MAX_SECONDS = 2.0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_sigkill_while_typing_continuously_loses_at_most_the_max_interval(tmp_path, db_url):
    child = spawn_child(tmp_path, db_url, "--continuous", str(MAX_SECONDS))
    typed_at: list[float] = []
    try:
        assert child.stdout is not None
        while True:
            line = child.stdout.readline()
            assert line.startswith("WORD"), child.stderr.read() if child.stderr else line
            typed_at.append(time.monotonic())
            if typed_at[-1] - typed_at[0] > 3 * MAX_SECONDS + 1:
                break
        killed_at = time.monotonic()
        kill(child)
    finally:
        reap(child)
    assert child.returncode == -signal.SIGKILL
    body = stored_body(db_url)
    # every word typed more than MAX_SECONDS (+1 s for the save itself) before the kill
    must_have = [n for n, at in enumerate(typed_at) if at < killed_at - MAX_SECONDS - 1.0]
    assert must_have, "the test typed too briefly"
    assert f"शब्द{must_have[-1]}" in body
