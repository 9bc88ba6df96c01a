"""Start-up of the frozen build (``dist/sampadak/sampadak``) vs the venv app, as processes.

    xvfb-run -a env PYTHONPATH=. .venv/bin/python benchmarks/bench_startup.py \\
        [--app dist/sampadak/sampadak] [--rounds 5] [--json OUT]

Measures, for both the frozen binary and ``python -m editor_app`` from this interpreter:
``--version`` (wall time of the process), ``check --json`` on a short Hindi text (wall),
and the GUI start on an existing profile: from launch until the main window shows the
sample article (``SAMPADAK_SMOKE_SCREENSHOT``'s ``article_shown_unix``; the profile is made
by one first run before timing). A bare interpreter (``python -c pass``) is the baseline.
Medians of ``--rounds``; run under ``xvfb-run`` (the GUI uses xcb like a desktop).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEXT = "सरकार ने सड़क को मजूबत बनाने का काम शुरू किया औऱ लोग खुश हैं।\n"


def _env(frozen: bool, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "SAMPADAK_SMOKE_SCREENSHOT")}
    if frozen:
        env.pop("PYTHONPATH", None)
    else:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def _wall(command: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, capture_output=True, check=False, timeout=300)
    return time.perf_counter() - started


def _gui_start(command: list[str], env: dict[str, str], cwd: Path, profile: Path,
               shot: Path) -> float:
    env = dict(env, SAMPADAK_SMOKE_SCREENSHOT=str(shot))
    launched = time.time()
    result = subprocess.run([*command, "--profile", str(profile)], env=env, cwd=cwd,
                            capture_output=True, text=True, check=False, timeout=300)
    report = json.loads(shot.with_suffix(".json").read_text("utf-8"))
    if result.returncode != 0 or report.get("article_shown_unix") is None:
        raise SystemExit(f"GUI start failed: {result.stderr[-2000:]}")
    return float(report["article_shown_unix"]) - launched


def measure(name: str, command: list[str], frozen: bool, rounds: int,
            work: Path) -> dict[str, float]:
    """Medians (seconds) of the three start-ups for one way of running the app."""
    env = _env(frozen)
    story = work / "story.txt"
    story.write_text(TEXT, "utf-8")
    profile = work / f"profile-{name}"
    _gui_start(command, env, work, profile, work / f"{name}-first.png")  # first run
    version, check, gui = [], [], []
    for index in range(rounds):
        version.append(_wall([*command, "--version"], env, work))
        check.append(_wall([*command, "check", "--json", str(story), "--profile",
                            str(profile)], env, work))
        gui.append(_gui_start(command, env, work, profile, work / f"{name}-{index}.png"))
    return {"version_s": statistics.median(version), "check_s": statistics.median(check),
            "gui_article_shown_s": statistics.median(gui)}


def main() -> int:
    """Run both, print a table, optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=REPO / "dist" / "sampadak" / "sampadak")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        bare = statistics.median(_wall([sys.executable, "-c", "pass"], _env(False), work)
                                 for _ in range(args.rounds))
        results = {
            "bare_python_s": bare,
            "venv": measure("venv", [sys.executable, "-m", "editor_app"], False,
                            args.rounds, work),
            "frozen": measure("frozen", [str(args.app)], True, args.rounds, work),
        }
    size = sum(p.lstat().st_size for p in args.app.parent.rglob("*")
               if p.is_file() and not p.is_symlink())  # PyInstaller links libraries
    results["frozen_size_mb"] = round(size / 1e6, 1)
    print(f"bare python -c pass: {bare * 1000:.0f} ms; frozen folder {size / 1e6:.0f} MB")
    print(f"{'':8} {'--version':>10} {'check':>10} {'GUI article':>12}")
    for name in ("venv", "frozen"):
        row = results[name]
        assert isinstance(row, dict)
        print(f"{name:8} {row['version_s'] * 1000:>8.0f}ms {row['check_s'] * 1000:>8.0f}ms "
              f"{row['gui_article_shown_s'] * 1000:>10.0f}ms")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
