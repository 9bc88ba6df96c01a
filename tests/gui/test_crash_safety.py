"""Killing the app with SIGKILL three seconds after the last keystroke loses nothing, and
killing it while typing without pause loses at most the autosave maximum interval."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from editor_app.config import load_config
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from tests.conftest import REPO_ROOT

TYPED = "\n\nबिजली जाने से ठीक पहले लिखा गया वाक्य: क्षेत्रीय ज़िला अस्पताल।"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_sigkill_three_seconds_after_typing_loses_nothing(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.crash_child", str(tmp_path), TYPED],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "TYPED", child.stderr.read() if child.stderr else ""
        time.sleep(3.0)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    db = open_database(load_config(tmp_path, environ={}).database_url)
    try:
        service = ArticleService(db)
        (summary,) = service.list_articles()
        assert service.get(summary.id).data.body.rstrip().endswith(TYPED.strip())
    finally:
        db.close()


MAX_SECONDS = 2.0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_sigkill_while_typing_continuously_loses_at_most_the_max_interval(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.crash_child", str(tmp_path), "--continuous",
         str(MAX_SECONDS)],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    typed_at: list[float] = []
    try:
        assert child.stdout is not None
        while True:
            line = child.stdout.readline()
            assert line.startswith("WORD"), child.stderr.read() if child.stderr else line
            typed_at.append(time.monotonic())
            if typed_at[-1] - typed_at[0] > 3 * MAX_SECONDS + 1:
                break
        child.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    db = open_database(load_config(tmp_path, environ={}).database_url)
    try:
        service = ArticleService(db)
        (summary,) = service.list_articles()
        body = service.get(summary.id).data.body
    finally:
        db.close()
    # every word typed more than MAX_SECONDS (+1 s for the save itself) before the kill
    must_have = [n for n, at in enumerate(typed_at) if at < killed_at - MAX_SECONDS - 1.0]
    assert must_have, "the test typed too briefly"
    assert f"शब्द{must_have[-1]}" in body
