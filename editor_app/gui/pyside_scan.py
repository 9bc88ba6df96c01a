"""A lighter PySide6 import scan: same answer, no source kept in memory.

PySide6 (``shibokensupport/feature.py``, for its optional ``from __feature__ import …``
switches) looks at every module imported after PySide6 and asks whether its source
contains the word ``PySide6``. It asks through :func:`inspect.getsource`, which reads each
module's file through :mod:`linecache` and keeps every line of it for the rest of the
process: on the way to the main window that is ~300 modules, ~5.6 M characters of source
and ~14 MiB of RSS, plus ~50–100 ms of tokenising, for a yes/no answer.

:func:`lighten_import_scan` replaces that check, in the running process only, with one
that reads the ``.py`` file's bytes once and forgets them. The answer is the same for every
module with a source file (``"PySide6"`` is ASCII, so it is in the decoded source exactly
when it is in the bytes); anything else (built-in modules, modules without a ``.py`` file)
still goes to PySide6's own check. If a future PySide6 drops or renames the hook, this does
nothing. It must run right after PySide6 is first imported: :mod:`editor_app.gui` calls it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import ModuleType

__all__ = ["lighten_import_scan", "scan_is_light"]

log = logging.getLogger(__name__)

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"
_MARK = "_sampadak_light"


def _light_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    setattr(uses_pyside, _MARK, True)
    return uses_pyside


def lighten_import_scan() -> bool:
    """Install the light check (idempotent); return True when it is in place."""
    import PySide6.QtCore  # noqa: F401  (the hook is set up by the first PySide6 import)

    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _CHECK, None)
    if feature is None or not callable(original):
        log.debug("PySide6 has no import scan to lighten")
        return False
    if not getattr(original, _MARK, False):
        setattr(feature, _CHECK, _light_check(original))
    return True


def scan_is_light() -> bool:
    """True when PySide6's import scan is the light one (tests, diagnostics)."""
    feature = sys.modules.get(_FEATURE_MODULE)
    return bool(getattr(getattr(feature, _CHECK, None), _MARK, False))
