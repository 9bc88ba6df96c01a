"""The one lookup for files shipped in ``resources/`` (fonts, spelling lists, styles, ...).

Search order: ``$SAMPADAK_RESOURCES``; a PyInstaller bundle (``sys._MEIPASS/resources``);
``<repo>/resources`` beside the source tree (development, editable installs);
``<sys.prefix>/share/sampadak/resources`` (where the wheel's data files land). The first
existing folder wins; when none exists the source-tree path is returned, so callers get a
missing-file error that names it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["RESOURCES_ENV", "resource_path", "resources_dir"]

RESOURCES_ENV = "SAMPADAK_RESOURCES"


def resources_dir() -> Path:
    """The folder holding Sampadak's resources (see the module docstring)."""
    candidates: list[Path] = []
    override = os.environ.get(RESOURCES_ENV)
    if override:
        candidates.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    source_tree = Path(__file__).resolve().parents[2] / "resources"
    candidates.append(source_tree)
    candidates.append(Path(sys.prefix) / "share" / "sampadak" / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return source_tree


def resource_path(*parts: str) -> Path:
    """Path of a file below :func:`resources_dir` (it may not exist; callers check)."""
    return resources_dir().joinpath(*parts)
