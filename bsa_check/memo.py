"""A bounded memo that keeps what is used: two generations of a dict.

New entries go into the young generation; when it is full it becomes the old one and the previous
old one is dropped. A hit in the old generation moves the entry back to the young one, so records
that recur (most students look alike) stay, while one-off records age out. At most ``2 * size``
entries; every operation is O(1).
"""

from __future__ import annotations

from typing import Any


class Memo:
    __slots__ = ("young", "old", "size")

    def __init__(self, size: int) -> None:
        self.young: dict[Any, Any] = {}
        self.old: dict[Any, Any] = {}
        self.size = size

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
        self.young[key] = value

    def __len__(self) -> int:
        return len(self.young) + len(self.old)
