"""The phonetic-typing entry points of :mod:`transliterate`, imported on first use.

Building the transliteration tables imports ``indic_transliteration`` (about 0.3 s), which a
window that never switches phonetic typing on should not pay at start-up. Same contracts as
:func:`editor_app.core.text.transliterate.find_conversion` and ``is_word_end``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor_app.core.text.transliterate import PhoneticEdit

__all__ = ["find_conversion", "is_word_end"]


def find_conversion(text: str) -> PhoneticEdit | None:
    """See :func:`editor_app.core.text.transliterate.find_conversion`."""
    from editor_app.core.text.transliterate import find_conversion as real

    return real(text)


def is_word_end(char: str) -> bool:
    """See :func:`editor_app.core.text.transliterate.is_word_end`."""
    from editor_app.core.text.transliterate import is_word_end as real

    return real(char)
