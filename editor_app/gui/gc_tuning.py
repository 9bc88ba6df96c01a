"""Keeps Python's garbage collector from freezing the window.

A full (generation 2) collection walks every tracked object. After start-up that is well
over 100,000 long-lived objects (Qt wrappers, SQLAlchemy mappings, spell data), and a
background check that allocates many findings triggers such a collection on its worker
thread while holding the GIL: the GUI thread then waits for it (measured: an 88 ms stall
after typing stopped in a 20,000-word story; 37 ms with this module).

:func:`freeze_long_lived` moves everything alive at that moment into the permanent
generation (:func:`gc.freeze`), so later collections only walk objects made since. It is
called once, when start-up is over (the spell word lists are loaded); the objects frozen
live as long as the window anyway.
"""

from __future__ import annotations

import gc
import linecache
import logging

__all__ = ["freeze_long_lived"]

log = logging.getLogger(__name__)


def freeze_long_lived() -> None:
    """Drop the source lines cached during start-up, then exclude every object alive now
    from future collections (later calls freeze only what was made since).

    PySide6's import hook used to read the source of every module imported after it into
    :mod:`linecache` (about 5 MB of text for Sampadak's imports; :mod:`.pyside_scan` now
    keeps it out); whatever a traceback read is read again when needed, so the cache is
    safe to drop."""
    linecache.clearcache()
    gc.freeze()
    log.debug("gc: %d start-up objects frozen", gc.get_freeze_count())
