"""The one streaming loop from rows to results: ``check`` (every format, one process and each
``--workers`` process) and ``compare`` (the same) all run their rows through :func:`results`.

A command supplies ``compute``: what it makes of one row alone (``check``: the verdict, or its
outcome and rendered text; ``compare``: the row's outcomes under every rule set). The loop keeps
rows in input order, passes a row the reader could not read through untouched, and serves a row
that looks like an earlier one (the same ``Row.key``) from the memo instead of computing it again,
through the caching seam (:mod:`bsa_check.services.cache`; whether rows may be keyed at all is
``CompiledRuleSet.memo_safe``). A computed error is never stored: each is located at its own row.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from bsa_check.memo import Memo
from bsa_check.services import cache

__all__ = ["results"]


def results(rows: Iterable[Any], compute: Callable[[Any], Any], memo: Memo, *,
            errors: type | tuple[type, ...] = BaseException, shared: bool = True) -> Iterator[tuple[Any, Any]]:
    """Per row, in input order, ``(row, value)``: ``value`` None for a row with a read error
    (``row.error``; ``compute`` is not called), else ``compute(row)`` or the memoised value of an
    earlier row with the same key. A value that is an instance of ``errors`` is not memoised.
    ``shared=False``: no row is served from the memo (e.g. ``compare --list-changed``, whose items
    name their student)."""
    lookup = cache.lookup
    for row in rows:
        if row.error is not None:
            yield row, None
            continue
        key = getattr(row, "key", None) if shared else None  # rows not from a reader have none
        value = lookup(memo, key)
        if value is None:
            value = compute(row)
            if key is not None and not isinstance(value, errors):
                memo.put(key, value)
        yield row, value
