"""Pure-Python core of Sampadak: models, storage, text tools, workflow, export, import.

Nothing in this package may import PySide6 (``tests/core/test_no_qt.py`` enforces it).
"""

from __future__ import annotations
