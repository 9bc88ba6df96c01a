"""Child process of ``test_skeleton``: the real ``sampadak`` start-up path
(:func:`editor_app.app.main`) on a given profile and database. At the first paint of the
start-up skeleton's list with rows it prints what was imported by then and the rows shown,
as one JSON line, and exits. Nothing but the light start-up module is imported first.

    python -m tests.gui.skeleton_child PROFILE_DIR DATABASE_URL
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

REPORT = "SKELETON "


def main(profile: str, database: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    import editor_app.gui.startup as startup
    from editor_app.app import main as app_main

    original = startup.Handover.start

    def probed(self: Any) -> None:
        table = self.skeleton.table

        class FirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if (event.type() == QEvent.Type.Paint and watched is table.viewport()
                        and table.model().rowCount() > 0):
                    model = table.model()
                    sys.stdout.write(REPORT + json.dumps({
                        "modules": sorted(sys.modules),
                        "rows": [model.index(row, 0).data() for row in range(model.rowCount())],
                        "title": self_window.windowTitle(),
                    }) + "\n")
                    sys.stdout.flush()
                    os._exit(0)
                return False

        self_window = self.skeleton.window
        self._probe = FirstPaint()
        table.viewport().installEventFilter(self._probe)
        QTimer.singleShot(60_000, lambda: os._exit(3))
        original(self)

    startup.Handover.start = probed  # type: ignore[method-assign]
    app_main(["--profile", profile, "--database", database])
    os._exit(2)  # the loop ended without a skeleton paint


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
