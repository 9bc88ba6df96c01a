"""Desktop integration: one reverse-DNS id for the .desktop file, the AppStream metainfo, the
icons and ``setDesktopFileName``; the files validate; icons in hicolor sizes; install.sh
lays everything out; CI builds and runs the frozen app."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from editor_app import APP_ID
from editor_app.gui.application import ensure_application
from tests.conftest import REPO_ROOT

PACKAGING = REPO_ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"


def _load_make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_ICONS = _load_make_icons()
SIZES: tuple[int, ...] = _ICONS.SIZES
make_icons = _ICONS.make_icons


def _tool(name: str) -> str:
    """Path of a validator; skipped where missing, but a failure in CI (setup.sh's test
    mode installs desktop-file-utils and appstream)."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} missing in CI (packaging/setup.sh test installs it)")
        pytest.skip(f"{name} is not installed")
    return path


def test_desktop_file_validates():
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_metainfo_validates():
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_id_everywhere(qapp):
    desktop = DESKTOP.read_text("utf-8")
    assert re.search(rf"^Icon={re.escape(APP_ID)}$", desktop, re.M)
    metainfo = METAINFO.read_text("utf-8")
    assert f"<id>{APP_ID}</id>" in metainfo
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo
    ensure_application()
    assert QGuiApplication.desktopFileName() == APP_ID


def test_icons_in_hicolor_sizes(qapp, tmp_path):
    written = make_icons(tmp_path)
    for size in SIZES:
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png in written
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        # Drawn, not empty: the corner is transparent, the middle is the icon's red.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2 + size // 8).alpha() == 255
    assert (tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert 48 in SIZES and 256 in SIZES  # the sizes desktops look for first


def _fake_build(root: Path) -> Path:
    dist = root / "dist" / "sampadak"
    (dist / "_internal").mkdir(parents=True)
    app = dist / "sampadak"
    app.write_text("#!/bin/sh\necho sampadak 0.0\n", "utf-8")
    app.chmod(0o755)
    return dist


def test_install_script_lays_out_app_desktop_file_metainfo_and_icons(qapp, tmp_path):
    dist = _fake_build(tmp_path)
    icons = tmp_path / "icons"
    make_icons(icons)
    stage = tmp_path / "stage"
    result = subprocess.run(["bash", str(PACKAGING / "install.sh"), f"DESTDIR={stage}",
                             "PREFIX=/usr", f"DIST={dist}", f"ICONS={icons}"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    usr = stage / "usr"
    assert (usr / "lib" / "sampadak" / "sampadak").is_file()
    assert os.readlink(usr / "bin" / "sampadak") == "/usr/lib/sampadak/sampadak"
    assert (usr / "share" / "applications" / f"{APP_ID}.desktop").read_text("utf-8") == \
        DESKTOP.read_text("utf-8")
    assert (usr / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in SIZES:
        assert (usr / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
                / f"{APP_ID}.png").is_file()


def test_install_script_refuses_without_a_build(tmp_path):
    result = subprocess.run(["bash", str(PACKAGING / "install.sh"),
                             f"DESTDIR={tmp_path}", f"DIST={tmp_path / 'none'}"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "packaging/build.sh" in result.stderr


def test_ci_builds_the_frozen_app_and_runs_its_tests():
    steps = [line.strip() for line in (REPO_ROOT / ".ci" / "run").read_text("utf-8")
             .splitlines() if line.strip().startswith("step ")]
    build = [i for i, s in enumerate(steps) if s.endswith("bash packaging/build.sh")]
    frozen = [i for i, s in enumerate(steps) if "-m frozen tests/packaging" in s]
    assert build and frozen and build[0] < frozen[0]


def test_setup_installs_the_validators_for_tests():
    setup = (PACKAGING / "setup.sh").read_text("utf-8")
    [line] = [x for x in setup.splitlines() if x.startswith("test_tool_packages=(")]
    assert "desktop-file-utils" in line and "appstream" in line


def test_build_and_install_scripts_parse():
    for script in ("build.sh", "install.sh"):
        result = subprocess.run(["bash", "-n", str(PACKAGING / script)], capture_output=True,
                                text=True, check=False)
        assert result.returncode == 0, result.stderr


def test_spec_collects_the_package_data_the_app_opens():
    spec = (PACKAGING / "sampadak.spec").read_text("utf-8")
    assert 'collect_submodules("editor_app")' in spec  # commands are imported by name
    for package in ("indic_transliteration", "wordfreq", "trafilatura", "justext", "tld"):
        assert f'"{package}"' in spec
    compile(spec, "sampadak.spec", "exec")  # valid Python


def test_make_icons_usage(tmp_path):
    result = subprocess.run([sys.executable, str(PACKAGING / "make_icons.py")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "usage" in result.stderr
