"""Keeps glibc's allocator from holding on to the memory of large, short-lived buffers.

glibc serves a request of at least ``M_MMAP_THRESHOLD`` bytes (128 KiB to start with) with
its own ``mmap``, which ``free`` gives back to the system at once. But the threshold is
*dynamic*: each time such a block is freed, glibc raises the threshold to that block's
size (up to 32 MiB). After the first whole-story buffer (a 20,000-word body is ~200 KB as a
Python ``str``, more as a ``QString`` copy, a Markdown serialisation, a search text, a lint
token list) has been freed, every later one comes from the heap arenas instead: the GUI
thread's and one arena per worker thread. Those arenas keep the freed space, fragmented
between long-lived objects, so each autosave, checks pass and word count left the process a
few MiB larger (measured at 20k words: RSS +11 MiB in the first 4 s after typing stopped,
of which ~6 MiB was free space held by the arenas; peak RSS 177 MiB).

:func:`tune_allocator` fixes the threshold at its starting value, which also turns the
dynamic adjustment off (``mallopt(M_MMAP_THRESHOLD, ...)``): big transient buffers are
mapped and unmapped again, small objects stay in the arenas as before. The dynamic
adjustment had also raised the trim threshold (to twice the largest block freed), so that
is set back to glibc's default too, and the arenas are trimmed once (``malloc_trim``) so
that space kept under the old thresholds is returned now. It is a no-op on anything but
glibc (macOS, Windows, musl) and never raises.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys

__all__ = ["MMAP_THRESHOLD", "TRIM_THRESHOLD", "tune_allocator"]

log = logging.getLogger(__name__)

#: glibc's own starting value of ``M_MMAP_THRESHOLD`` (128 KiB), kept fixed.
MMAP_THRESHOLD = 128 * 1024
#: glibc's default ``M_TRIM_THRESHOLD``: free space above it at a heap's top is returned.
TRIM_THRESHOLD = 128 * 1024
_M_TRIM_THRESHOLD = -1  # from glibc's <malloc.h>
_M_MMAP_THRESHOLD = -3

_tuned = False


def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.gnu_get_libc_version.restype = ctypes.c_char_p
        libc.gnu_get_libc_version()  # only glibc has it (musl: AttributeError)
        return libc
    except (OSError, AttributeError):
        return None


def tune_allocator() -> bool:
    """Fix glibc's mmap threshold at :data:`MMAP_THRESHOLD` (once per process).

    Returns True when the allocator is (now or already) tuned, False where there is no
    glibc or ``mallopt`` refused; never raises."""
    global _tuned
    if _tuned:
        return True
    libc = _glibc()
    if libc is None:
        return False
    try:
        ok = bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
        ok = bool(libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)) and ok
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # pragma: no cover - a libc without mallopt
        ok = False
    _tuned = ok
    log.debug("malloc: mmap threshold %d, trim threshold %d bytes: %s",
              MMAP_THRESHOLD, TRIM_THRESHOLD, ok)
    return ok
