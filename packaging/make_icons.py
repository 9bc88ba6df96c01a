"""Draw Sampadak's hicolor icon theme entries from ``resources/icons/sampadak.svg``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py OUT_DIR

writes ``OUT_DIR/hicolor/<N>x<N>/apps/in.sampadak.Sampadak.png`` for every size in
:data:`SIZES`, ``OUT_DIR/hicolor/scalable/apps/in.sampadak.Sampadak.svg`` (a copy) and
``OUT_DIR/in.sampadak.Sampadak.ico`` (16-256 px, for a Windows installer), then prints the
paths. The file name is the reverse-DNS id that the ``.desktop`` file's ``Icon=`` key, the
AppStream metainfo and ``QGuiApplication.setDesktopFileName`` share. Rendered with Qt's SVG
renderer (in PySide6-Essentials), so no extra tool is needed. ``packaging/build.sh`` runs it;
``packaging/install.sh`` copies the result under ``share/icons``.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

APP_ID = "in.sampadak.Sampadak"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "sampadak.svg"


def make_icons(out: Path, svg: Path = SVG) -> list[Path]:
    """Render ``svg`` at every size of :data:`SIZES` below ``out``; return the files."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    written: list[Path] = []
    images: list[QImage] = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"make_icons: cannot write {target}")
        written.append(target)
        if size <= 256:
            images.append(image)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    ico = out / f"{APP_ID}.ico"
    # Qt's ICO writer stores one image per file; the largest one is what Windows scales.
    if images[-1].save(str(ico), "ICO"):
        written.append(ico)
    return written


def main(argv: Sequence[str]) -> int:
    """``make_icons.py OUT_DIR``: draw the icons, print their paths."""
    if len(argv) != 1:
        sys.stderr.write("usage: make_icons.py OUT_DIR\n")
        return 2
    for path in make_icons(Path(argv[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
