"""Find files shipped in ``resources/`` (source tree, installed wheel or frozen build).

One helper for every resource lookup: :func:`resource_path`. The search order is the
PyInstaller bundle folder (``sys._MEIPASS``), then ``<repo>/resources`` beside the package,
then ``<sys.prefix>/share/sampadak/resources`` where the wheel installs its data files.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

__all__ = ["resource_path", "resources_root"]


@cache
def resources_root() -> Path:
    """The folder that holds Sampadak's resources."""
    candidates: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / "sampadak" / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Sampadak's resources folder is missing; reinstall the app")


def resource_path(*parts: str) -> Path:
    """Path of a file below the resources folder (it may not exist; callers check)."""
    return resources_root().joinpath(*parts)
