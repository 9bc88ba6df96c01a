"""The PyInstaller one-folder build runs: ``--version``, ``check --json`` with real hunspell
verdicts, import and PDF export, and the GUI's first run under Xvfb to the sample article.

Marked ``frozen`` (not in the default run): ``.ci/run`` builds with ``packaging/build.sh``
and then runs ``pytest -m frozen tests/packaging``. The binary is ``dist/sampadak/sampadak``
(``SAMPADAK_FROZEN_APP`` names another); when it is missing the fixture builds it. Each
command runs from an empty folder with an environment stripped of ``PYTHONPATH`` and
``SAMPADAK_RESOURCES``, so nothing can come from the source tree or the venv. The first-run
screenshot is kept as ``build/frozen-first-run.png`` to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from editor_app import __version__
from editor_app.core.sample import SAMPLE_HEADLINE
from editor_app.gui.smoke_run import SMOKE_ENV, SMOKE_NAME
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.frozen

DEFAULT_APP = REPO_ROOT / "dist" / "sampadak" / "sampadak"
SHOT_COPY = REPO_ROOT / "build" / "frozen-first-run.png"
#: Copy-desk text with two misspellings hunspell-hi judges (मजूबत for मजबूत; औऱ with RRA).
HINDI_TEXT = "सरकार ने सड़क को मजूबत बनाने का काम शुरू किया औऱ लोग खुश हैं।\n"


@pytest.fixture(scope="module")
def frozen_app() -> Path:
    """The built binary (built now with packaging/build.sh when it is missing)."""
    override = os.environ.get("SAMPADAK_FROZEN_APP")
    app = Path(override) if override else DEFAULT_APP
    if not app.exists() and not override:
        subprocess.run(["bash", str(REPO_ROOT / "packaging" / "build.sh")], cwd=REPO_ROOT,
                       check=True, timeout=3600)
    assert app.is_file() and os.access(app, os.X_OK), f"no frozen build at {app}"
    return app


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "SAMPADAK_RESOURCES", "QT_QPA_PLATFORM",
                        "SAMPADAK_DATABASE_URL", SMOKE_ENV, "VIRTUAL_ENV")}
    env.update(extra)
    return env


def _run(args: list[str], cwd: Path, timeout: float = 180,
         **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=_env(**extra), capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_version(frozen_app, tmp_path):
    result = _run([str(frozen_app), "--version"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"sampadak {__version__}"


def test_check_json_gives_hunspell_verdicts_on_hindi(frozen_app, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(HINDI_TEXT, "utf-8")
    result = _run([str(frozen_app), "check", "--json", str(story), "--profile",
                   str(tmp_path / "profile")], tmp_path)
    # 1: findings present. No "spell-check unavailable" warning: the null checker would
    # print one and flag nothing.
    assert result.returncode == 1, result.stderr
    assert "warning" not in result.stderr, result.stderr
    findings = json.loads(result.stdout)["findings"]
    spelling = {f["text"]: f for f in findings if f["rule"] == "spelling"}
    assert set(spelling) == {"मजूबत", "औऱ"}, findings
    assert spelling["मजूबत"]["suggestions"][0] == "मजबूत"
    assert spelling["औऱ"]["fix"] == "और"


def test_import_and_pdf_export(frozen_app, tmp_path):
    """trafilatura (web page), WeasyPrint (PDF) and their data files are in the bundle."""
    profile = str(tmp_path / "profile")
    page = REPO_ROOT / "tests" / "data" / "intake" / "html" / "news-page-hi.html"
    imported = _run([str(frozen_app), "import", str(page), "--json", "--profile", profile],
                    tmp_path)
    assert imported.returncode == 0, imported.stderr
    [entry] = json.loads(imported.stdout)["files"]
    assert entry["outcome"] == "stored", entry
    pdf = tmp_path / "story.pdf"
    exported = _run([str(frozen_app), "export", "1", "--format", "pdf", "--out", str(pdf),
                     "--profile", profile], tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 10_000


def test_gui_first_run_under_xvfb_reaches_the_sample_article(frozen_app, tmp_path):
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing (packaging/setup.sh installs xvfb and xauth)"
    shot = tmp_path / "first-run.png"
    profile = tmp_path / "profile"
    result = _run([xvfb_run, "-a", "-s", "-screen 0 1400x900x24", str(frozen_app),
                   "--profile", str(profile)], tmp_path, timeout=300,
                  **{SMOKE_ENV: str(shot)})
    report_path = shot.with_suffix(".json")
    report = json.loads(report_path.read_text("utf-8")) if report_path.exists() else {}
    assert result.returncode == 0, (result.stderr, report)
    # The real window on X11 (not offscreen), the sample article open, spell-check on.
    assert report["platform"] == "xcb"
    assert report["headline"] == SAMPLE_HEADLINE
    assert report["title"].endswith(SAMPLE_HEADLINE)
    assert report["spell_available"] is True, report["spell_reason"]
    assert report["profile_answered_s"] is not None  # the first-run dialog was shown
    image = QImage(str(shot))
    assert image.width() >= 1000 and image.height() >= 600
    colours = {image.pixel(x, y) for x in range(0, image.width(), 31)
               for y in range(0, image.height(), 19)}
    assert len(colours) > 5  # painted, not a blank frame
    SHOT_COPY.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, SHOT_COPY)
    # The profile typed into the dialog was stored; the sample article exists.
    listed = _run([str(frozen_app), "list", "--json", "--profile", str(profile)], tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert SAMPLE_HEADLINE in listed.stdout
    from editor_app.config import load_config
    from editor_app.core.db import open_database
    from editor_app.core.profiles import local_profile

    db = open_database(load_config(profile, environ={}).database_url)
    try:
        me = local_profile(db)
        assert me is not None and me.name == SMOKE_NAME
    finally:
        db.close()


def test_installed_through_install_sh_runs_from_its_bin_link(frozen_app, tmp_path):
    prefix = tmp_path / "prefix"
    icons = REPO_ROOT / "build" / "icons"
    result = subprocess.run(["bash", str(REPO_ROOT / "packaging" / "install.sh"),
                             f"PREFIX={prefix}", f"DIST={frozen_app.parent}",
                             f"ICONS={icons}"], capture_output=True, text=True,
                            check=False, timeout=600)
    assert result.returncode == 0, result.stderr
    link = prefix / "bin" / "sampadak"
    assert link.is_symlink()
    version = _run([str(link), "--version"], tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"sampadak {__version__}"
    desktop = prefix / "share" / "applications" / "in.sampadak.Sampadak.desktop"
    assert desktop.is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "256x256" / "apps"
            / "in.sampadak.Sampadak.png").is_file()
