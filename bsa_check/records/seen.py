"""A compact set of record keys (student number, programme, academic year) seen so far, with the
line each was first seen on. Used to flag duplicate students (BSA313) without memory that grows
by a Python object per row.

Each key is stored as its 64-bit hash and a 32-bit line number in 4,096 sorted ``array`` buckets:
about 15 bytes a row with the arrays' own overhead (75 MB for 5,000,000 rows; 65,536 buckets took
23 bytes a row, 113 MB) against 100-150 bytes for a dict of strings. Two
different keys with the same 64-bit hash would make the later row a false duplicate; for ``n``
rows the chance is about n²/2⁶⁵ (3·10⁻⁸ for a million rows, 7·10⁻⁷ for five million).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from typing import Any

_BUCKET_BITS = 12
_MASK = (1 << _BUCKET_BITS) - 1


class SeenKeys:
    __slots__ = ("_keys", "_lines", "count")

    def __init__(self) -> None:
        self._keys: list[array[int] | None] = [None] * (1 << _BUCKET_BITS)
        self._lines: list[array[int] | None] = [None] * (1 << _BUCKET_BITS)
        self.count = 0

    def first_line(self, key: str, line: int) -> int | None:
        """The line ``key`` was first seen on; ``None`` (and remember ``line``) when it is new."""
        return self.first_line_of_hash(hash(key), line)

    def first_line_of_hash(self, h: int, line: int) -> int | None:
        """:meth:`first_line` for a key already hashed (``hash(key)``, in this process or a fork)."""
        b = h & _MASK
        keys = self._keys[b]
        if keys is None:
            self._keys[b] = array("q", (h,))
            self._lines[b] = array("I", (line,))
            self.count += 1
            return None
        i = bisect_left(keys, h)
        if i < len(keys) and keys[i] == h:
            return self._lines[b][i]  # type: ignore[index]
        keys.insert(i, h)
        self._lines[b].insert(i, line)  # type: ignore[union-attr]
        self.count += 1
        return None

    def duplicates(self, hashes: Any, lines: Any) -> dict[int, int]:
        """:meth:`first_line_of_hash` for each (hash, line) in order, as one loop: line -> first line
        for each that was seen before (a ``--workers`` keeper replays its share of a chunk at once)."""
        out = {}
        all_keys, all_lines, mask = self._keys, self._lines, _MASK
        for h, line in zip(hashes, lines):
            b = h & mask
            keys = all_keys[b]
            if keys is None:
                all_keys[b] = array("q", (h,))
                all_lines[b] = array("I", (line,))
                self.count += 1
                continue
            i = bisect_left(keys, h)
            if i < len(keys) and keys[i] == h:
                out[line] = all_lines[b][i]
                continue
            keys.insert(i, h)
            all_lines[b].insert(i, line)
            self.count += 1
        return out


class KeyRecorder:
    """Stands in for :class:`SeenKeys` in a worker: records (hash, line) of every key in order, so the
    keepers (``bsa_check.parallel``) can replay them into their :class:`SeenKeys`; never reports a
    duplicate itself."""

    __slots__ = ("hashes", "lines")

    def __init__(self) -> None:
        self.hashes = array("q")
        self.lines = array("I")

    def first_line(self, key: str, line: int) -> None:
        self.hashes.append(hash(key))
        self.lines.append(line)

    def first_line_of_hash(self, h: int, line: int) -> None:
        self.hashes.append(h)
        self.lines.append(line)
