"""PySide6 user interface. Depends on ``editor_app.core``; core never imports this.

Importing this package makes PySide6's per-module import scan light (no module source kept
in :mod:`linecache`; see :mod:`editor_app.gui.pyside_scan`) before any GUI module loads.
"""

from editor_app.gui.pyside_scan import lighten_import_scan

lighten_import_scan()
