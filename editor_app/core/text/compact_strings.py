"""Compact read-only string tables for the large word data of spell-check.

A Python ``dict`` of ~40k short strings costs ~5 MiB: every key and value is an object of
~50-100 bytes plus its slot. :class:`FrozenStrMap` keeps the same data as two ``str``
blobs (keys sorted) and two ``array('I')`` offset tables, ~1 MiB for the same table, and
finds a key by binary search (a few microseconds: for tables looked up off the hot path).

Contract:
- :class:`FrozenStrMap` is an immutable :class:`collections.abc.Mapping` from ``str`` to
  ``str``: ``m[key]``, ``m.get(key)``, ``key in m``, ``len(m)``, iteration (keys in sorted
  code-point order) and ``items()`` answer exactly as the ``dict`` it was built from. Keys
  and values may hold any characters (nothing is used as a separator).
- :meth:`FrozenStrMap.to_data` / :meth:`FrozenStrMap.from_data` give and take plain values
  (``str`` and ``bytes``) for a ``marshal`` cache; ``from_data`` raises ``ValueError`` or
  ``TypeError`` on malformed data and never builds an inconsistent table.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping

__all__ = ["FrozenStrMap"]


def _packed(texts: list[str]) -> tuple[str, array[int]]:
    offsets = array("I", [0])
    total = 0
    for text in texts:
        total += len(text)
        offsets.append(total)
    return "".join(texts), offsets


class FrozenStrMap(Mapping[str, str]):
    """An immutable ``str -> str`` mapping stored as sorted blobs (see the module contract)."""

    __slots__ = ("_key_off", "_keys", "_val_off", "_values")

    def __init__(self, mapping: Mapping[str, str] | None = None) -> None:
        keys = sorted(mapping or {})
        self._keys, self._key_off = _packed(keys)
        self._values, self._val_off = _packed([(mapping or {})[k] for k in keys])

    def _key(self, index: int) -> str:
        off = self._key_off
        return self._keys[off[index]:off[index + 1]]

    def _value(self, index: int) -> str:
        off = self._val_off
        return self._values[off[index]:off[index + 1]]

    def _find(self, key: str) -> int:
        size = len(self._key_off) - 1
        index = bisect_left(range(size), key, key=self._key)
        return index if index < size and self._key(index) == key else -1

    def __getitem__(self, key: str) -> str:
        index = self._find(key) if isinstance(key, str) else -1
        if index < 0:
            raise KeyError(key)
        return self._value(index)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __len__(self) -> int:
        return len(self._key_off) - 1

    def __iter__(self) -> Iterator[str]:
        return (self._key(i) for i in range(len(self)))

    def to_data(self) -> tuple[str, bytes, str, bytes]:
        """Plain values for a ``marshal`` cache (inverse of :meth:`from_data`)."""
        return self._keys, self._key_off.tobytes(), self._values, self._val_off.tobytes()

    @classmethod
    def from_data(cls, data: object) -> FrozenStrMap:
        """The table :meth:`to_data` gave; ``ValueError``/``TypeError`` when malformed."""
        if not isinstance(data, tuple) or len(data) != 4:
            raise ValueError("not a FrozenStrMap table")
        keys, key_off, values, val_off = data
        if not isinstance(keys, str) or not isinstance(values, str):
            raise TypeError("FrozenStrMap blobs must be str")
        table = cls()
        table._keys, table._values = keys, values
        table._key_off, table._val_off = array("I"), array("I")
        table._key_off.frombytes(key_off)
        table._val_off.frombytes(val_off)
        for blob, off in ((keys, table._key_off), (values, table._val_off)):
            if (len(off) != len(table._key_off) or not off or off[0] != 0
                    or off[-1] != len(blob)
                    or any(off[i] > off[i + 1] for i in range(len(off) - 1))):
                raise ValueError("inconsistent FrozenStrMap offsets")
        return table
