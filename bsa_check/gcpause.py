"""The cyclic garbage collector, paused for a streaming pass and run on the young objects only.

A pass over a million rows allocates tens of millions of short-lived container objects (rows,
results, dicts). Reference counting frees them; the cyclic collector, triggered every 700
allocations, only re-walks them and the long-lived memo entries: a quarter of ``check``'s time in
the benchmark (45 s with it, 34 s without, 1,000,000 rows). The pass makes no reference cycles per
row (a collection finds none), but to stay safe :func:`paused` still collects the young generations
every ``EVERY`` rows, so a cycle would live at most that long; the collector is restored when the
pass ends. Such a collection walks the memo entries made since the last one (about 0.1 s), hence
the long interval.

Only the commands use it, around a loop that runs the stream to its end (``check``, ``compare``,
a ``--workers`` chunk): the library's generators leave the collector alone. Where the paused
stream is handed to a function rather than looped over, the command closes it
(``contextlib.closing``), so an error that escapes mid-stream, whose traceback keeps the
generator alive, still turns the collector back on.
"""

from __future__ import annotations

import gc
from typing import Generator, Iterable, TypeVar

T = TypeVar("T")

EVERY = 500_000  # rows between two collections of the young generations


def paused(items: Iterable[T], every: int = EVERY) -> Generator[T, None, None]:
    """``items``, unchanged and in order, with automatic collection off while they stream."""
    if not gc.isenabled():  # already paused (a nested pass) or switched off by the caller
        yield from items
        return
    gc.disable()
    try:
        n = 0
        for item in items:
            yield item
            n += 1
            if n == every:
                n = 0
                gc.collect(1)
    finally:
        gc.enable()
