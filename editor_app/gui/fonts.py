"""Choose a Devanagari-capable font at start-up.

Order: the user's saved choice (if installed), the bundled Noto Sans Devanagari (OFL, in
``resources/fonts``), then the system's Noto Sans Devanagari / Nirmala UI / Mangal /
Kohinoor Devanagari / Lohit Devanagari. Loading the bundled font first means text never shows
as boxes and avoids Qt crashing on machines with no Devanagari font at all.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from editor_app.core.resources import resource_path

__all__ = ["PREFERRED_FAMILIES", "choose_font", "devanagari_families", "load_bundled_fonts"]

log = logging.getLogger(__name__)

PREFERRED_FAMILIES = (
    "Noto Sans Devanagari",
    "Nirmala UI",
    "Mangal",
    "Kohinoor Devanagari",
    "Lohit Devanagari",
    "Noto Serif Devanagari",
)
_BUNDLED = ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf")


_registered: list[str] = []


def load_bundled_fonts() -> list[str]:
    """Register the bundled fonts with Qt (once per process: the start-up skeleton and the
    window both ask); return the families they provide."""
    if _registered:
        return list(_registered)
    families: list[str] = []
    for name in _BUNDLED:
        path = resource_path("fonts", name)
        if not path.exists():
            log.warning("bundled font missing: %s", path)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load bundled font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _registered[:] = sorted(set(families))
    return list(_registered)


def devanagari_families() -> list[str]:
    """Installed families that can write Devanagari, preferred ones first."""
    found = set(QFontDatabase.families(QFontDatabase.WritingSystem.Devanagari))
    ordered = [f for f in PREFERRED_FAMILIES if f in found]
    return ordered + sorted(found - set(ordered))


def choose_font(saved_family: str = "", point_size: int = 13) -> QFont:
    """The font for Hindi text: ``saved_family`` when installed, else the best available."""
    families = devanagari_families()
    family = saved_family if saved_family in families else (families[0] if families else "")
    if not family:
        log.warning("no Devanagari font found; Hindi text may show as boxes")
    font = QFont(family) if family else QFont()
    font.setPointSize(max(6, point_size))
    return font
