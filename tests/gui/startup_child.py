"""Child process of ``test_startup_imports``: the real ``sampadak`` start-up path
(:func:`editor_app.app.main`) on a given profile and database; at the first paint of the
article list with rows it prints what was imported by then, as one JSON line, and exits.

    python -m tests.gui.startup_child PROFILE_DIR DATABASE_URL
"""

from __future__ import annotations

import json
import linecache
import os
import sys
from typing import Any

REPORT = "STARTUP "


def _report(window: Any, painted: bool) -> None:
    from editor_app.gui.pyside_scan import scan_is_light

    sys.stdout.write(REPORT + json.dumps({
        "painted": painted,
        "modules": sorted(sys.modules),
        "linecache_files": len(linecache.cache),
        "scan_light": scan_is_light(),
        "jobs": list(window.tasks.submitted),
    }) + "\n")
    sys.stdout.flush()
    os._exit(0)


def main(profile: str, database: str) -> None:
    import editor_app.gui.application as application
    from editor_app.app import main as app_main

    original = application.open_main_window

    def probed(*args: Any, **kwargs: Any) -> Any:
        from PySide6.QtCore import QEvent, QObject, QTimer

        window = original(*args, **kwargs)
        assert window is not None
        table = window.article_list.table

        class FirstListPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if (event.type() == QEvent.Type.Paint and watched is table.viewport()
                        and table.model() is not None and table.model().rowCount() > 0):
                    _report(window, True)
                return False

        probe = FirstListPaint(window)  # kept alive by its parent, the window
        table.viewport().installEventFilter(probe)
        QTimer.singleShot(60_000, lambda: _report(window, False))
        return window

    application.open_main_window = probed
    app_main(["--profile", profile, "--database", database])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
