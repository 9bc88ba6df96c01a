"""Developer tooling the README promises: CI lint/type steps, packaging metadata, test profile."""

from __future__ import annotations

import re
import subprocess
import tomllib

from hypothesis import settings

from tests.conftest import REPO_ROOT

PYPROJECT = REPO_ROOT / "pyproject.toml"
CI_RUN = REPO_ROOT / ".ci" / "run"
SETUP = REPO_ROOT / "packaging" / "setup.sh"


def _pyproject() -> dict[str, object]:
    with PYPROJECT.open("rb") as handle:
        return tomllib.load(handle)


def test_property_tests_run_without_a_deadline() -> None:
    # A shared 2-core machine misses hypothesis' 200 ms default at random
    # (test_slug_is_always_url_safe did): conftest loads a profile without one.
    assert settings().deadline is None


def test_license_is_an_spdx_expression_and_the_backend_reads_it() -> None:
    data = _pyproject()
    project = data["project"]
    assert isinstance(project, dict)
    assert project["license"] == "GPL-3.0-or-later"
    # PEP 639 license expressions need setuptools >= 77; older ones reject or warn.
    build = data["build-system"]
    assert isinstance(build, dict)
    [setuptools] = [r for r in build["requires"] if r.startswith("setuptools")]
    match = re.fullmatch(r"setuptools>=(\d+)(\.\d+)*", setuptools)
    assert match is not None and int(match.group(1)) >= 77
    # With an SPDX expression, license classifiers are an error.
    assert not [c for c in project.get("classifiers", []) if c.startswith("License ::")]


def test_dev_extra_has_the_linters_the_ci_runs() -> None:
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    dev = " ".join(project["optional-dependencies"]["dev"])
    for tool in ("ruff", "mypy", "types-regex", "sampadak[test]"):
        assert tool in dev


def test_ci_runs_ruff_and_mypy_on_editor_app_and_tests() -> None:
    script = CI_RUN.read_text("utf-8")
    steps = [line.strip() for line in script.splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert "set -euo pipefail" in steps
    commands = [s for s in steps if s.startswith("step ")]
    # Real commands (after the quoted step name), run from the .venv the setup made.
    assert any(re.search(r'" \.venv/bin/ruff check \.$', c) for c in commands)
    assert any(re.search(r'" \.venv/bin/mypy editor_app tests$', c) for c in commands)
    # A failed step fails the run.
    assert 'failed+=("$name")' in script and "exit 1" in steps


def test_shell_scripts_parse() -> None:
    for script in (SETUP, CI_RUN, REPO_ROOT / "packaging" / "postgres_test.sh",
                   REPO_ROOT / "packaging" / "update_translations.sh"):
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True,
                                check=False)
        assert result.returncode == 0, f"{script}: {result.stderr}"
