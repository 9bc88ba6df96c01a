"""Save a PNG of Sampadak's main window: a newcomer's check on a machine without a display.

    .venv/bin/python3 packaging/screenshot.py [OUT.png] [--size 1280x720] [--wait 3]
                                              [--profile DIR]

Builds the real main window (the same code path as ``sampadak``), lets it settle for
``--wait`` seconds (spell-check underlines appear after a warm-up), saves ``grab()`` as PNG
and prints the PNG's path. Without ``--profile`` it runs on a throwaway profile in a temp
folder, answering the first-run profile dialog itself (a reporter named "Screenshot"), so
the window shows the sample article. With ``--profile DIR`` an existing profile is used;
a DIR without a profile yet is set up the same way.

Without a display (no ``DISPLAY``/``WAYLAND_DISPLAY``) it renders offscreen; under
``xvfb-run -a`` it renders through X11 like a desktop. Exit status 1 when the window could
not be built or the PNG not written.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger("sampadak.screenshot")


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    try:
        size = int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not WIDTHxHEIGHT: {text!r}") from None
    if min(size) < 200:
        raise argparse.ArgumentTypeError(f"too small: {text!r}")
    return size


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description="Save a PNG of Sampadak's main window.")
    parser.add_argument("out", nargs="?", type=Path, default=Path("sampadak-window.png"))
    parser.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH")
    parser.add_argument("--wait", type=float, default=3.0, metavar="SECONDS")
    parser.add_argument("--profile", type=Path, metavar="DIR")
    return parser.parse_args(list(argv))


def screenshot(out: Path, size: tuple[int, int], wait: float, profile: Path) -> bool:
    """Build the main window on ``profile``, settle, save it to ``out``; True on success."""
    from PySide6.QtCore import QEventLoop, QTimer

    from editor_app.config import load_config
    from editor_app.core.db import open_database
    from editor_app.core.profiles import Role
    from editor_app.gui.application import ensure_application, open_main_window

    config = load_config(profile)
    config.ensure_dirs()
    app = ensure_application()
    db = open_database(config.database_url)
    try:
        window = open_main_window(config, db, lambda: ("Screenshot", Role.REPORTER))
        if window is None:
            return False
        window.resize(*size)
        window.show()
        loop = QEventLoop()
        QTimer.singleShot(int(wait * 1000), loop.quit)
        loop.exec()
        saved = window.grab().save(str(out), "PNG")
        window.close()
        app.processEvents()
        return bool(saved)
    finally:
        db.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the script; return the exit status."""
    logging.basicConfig(level=logging.WARNING, format="screenshot: %(message)s")
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = args.out.expanduser().resolve()
    with tempfile.TemporaryDirectory(prefix="sampadak-screenshot-") as scratch:
        profile = args.profile if args.profile is not None else Path(scratch)
        if not screenshot(out, args.size, args.wait, profile):
            log.error("could not save the window to %s", out)
            return 1
    sys.stdout.write(f"{out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
