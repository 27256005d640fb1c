"""The one seam for caching a row's result: ``check`` (one process and each ``--workers`` process)
and ``compare`` get their memos here, and ask here whether rows may be memoised at all.

Whether it is safe to memoise lives with the compiled rule set (``CompiledRuleSet.memo_safe``: no
rule reads the student number); the record plan (:mod:`bsa_check.records.plan`) asks it of every
rule set, so the reader keys rows (``Row.key``:
all parsed cells but the student number) only when rows with the same key must get the same result.
A memo maps that key to what a command computes from the row alone: the verdict (:data:`VERDICT`),
the outcome and its rendered text (:data:`RENDERED`), or compare's item (:data:`COMPARED`).
:func:`lookup` is the one lookup (a bounded two-generation :class:`~bsa_check.memo.Memo`); errors
are never stored (each is located at its own row). Pure: no I/O.
"""

from __future__ import annotations

from typing import Any

from bsa_check.memo import Memo

__all__ = ["COMPARED", "RENDERED", "VERDICT", "lookup", "new"]

# kind -> entries per generation (see bsa_check.memo)
VERDICT = "verdict"  # check, formats that take whole results: the Verdict
RENDERED = "rendered"  # check, machine formats: (outcome, rendered tail)
COMPARED = "compared"  # compare: the row's Item (no student listed)
SIZES = {VERDICT: 8192, RENDERED: 16384, COMPARED: 8192}


def new(kind: str) -> Memo:
    """An empty memo of this kind (a ``--workers`` process keeps one across its chunks)."""
    return Memo(SIZES[kind])


def lookup(memo: Memo, key: object) -> Any:
    """The memoised result of rows keyed ``key``, or None (also for ``key`` None: a row not keyed)."""
    if key is None:
        return None
    found = memo.young.get(key)  # Memo.get without its call when young: most hits
    return found if found is not None else memo.get(key)
