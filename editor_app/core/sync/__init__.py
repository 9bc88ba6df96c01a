"""Field sync between a laptop's database and the newsroom's (issue 8 item 6).

:mod:`.snapshot` turns a stored article into an in-memory field bundle, so both directions
go through the bundle importer's merge engine (:mod:`editor_app.core.intake.bundle`);
:mod:`.state` keeps what each sync agreed on per article; :mod:`.engine` runs a sync.
"""

from __future__ import annotations

from editor_app.core.sync.engine import (
    ConflictPolicy,
    SyncEngine,
    SyncItem,
    SyncReport,
    open_and_sync,
)

__all__ = ["ConflictPolicy", "SyncEngine", "SyncItem", "SyncReport", "open_and_sync"]
