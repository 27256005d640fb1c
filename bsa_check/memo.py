"""A bounded memo that keeps what is used: two generations of a dict.

New entries go into the young generation; when it is full it becomes the old one and the previous
old one is dropped. A hit in the old generation moves the entry back to the young one, so records
that recur (most students look alike) stay, while one-off records age out. At most ``2 * size``
entries; every operation is O(1).

Memory budget (issue 22, "flat at 5M"): what grows with a file's rows is the duplicate-student
store (about 15 bytes a row), so on a very large file the memos must give way. Each time the young
generation is full, the memo looks at the process's peak memory (``getrusage``: a system call, no
I/O, and only once per ``size`` new entries); past ``BUDGET_BYTES`` it halves its size (not below
``MIN_SIZE``) and moves its own threshold up by ``BUDGET_STEP_BYTES``, so it halves again only if
memory keeps growing. A file of a million rows never reaches the budget; five million rows do,
and pay some speed for staying under 150 MB.
"""

from __future__ import annotations

import sys
from typing import Any, Callable

__all__ = ["BUDGET_BYTES", "BUDGET_STEP_BYTES", "MIN_SIZE", "Memo", "peak_bytes"]

BUDGET_BYTES = 128 << 20
BUDGET_STEP_BYTES = 8 << 20
MIN_SIZE = 1024

try:
    from resource import RUSAGE_SELF, getrusage

    _UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere

    def peak_bytes() -> int:
        """This process's peak resident memory in bytes."""
        return getrusage(RUSAGE_SELF).ru_maxrss * _UNIT
except ImportError:  # pragma: no cover - Windows: no budget there
    def peak_bytes() -> int:
        return 0


class Memo:
    __slots__ = ("young", "old", "size", "budget")

    # how the memo reads the process's memory (tests replace it)
    memory: Callable[[], int] = staticmethod(peak_bytes)

    def __init__(self, size: int) -> None:
        self.young: dict[Any, Any] = {}
        self.old: dict[Any, Any] = {}
        self.size = size
        self.budget = BUDGET_BYTES

    def get(self, key: Any) -> Any:
        value = self.young.get(key)
        if value is None:
            value = self.old.get(key)
            if value is not None:
                self.put(key, value)
        return value

    def put(self, key: Any, value: Any) -> None:
        if len(self.young) >= self.size:
            self.old = self.young
            self.young = {}
            if self.size > MIN_SIZE and Memo.memory() > self.budget:
                self.size = max(MIN_SIZE, self.size // 2)
                self.budget += BUDGET_STEP_BYTES
        self.young[key] = value

    def __len__(self) -> int:
        return len(self.young) + len(self.old)
