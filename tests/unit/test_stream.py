"""The one streaming loop (``services.stream.results``): input order, read errors passed through
without computing, a memo hit the same value as computing afresh, computed errors never stored."""

from __future__ import annotations

from typing import Any, NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from bsa_check.services import cache
from bsa_check.services.stream import results


class _Row(NamedTuple):
    line: int
    key: Any
    cell: int
    error: Any = None


class _Bad(Exception):
    pass


def _compute(calls: list[int]) -> Any:
    def compute(row: _Row) -> Any:
        calls.append(row.line)
        return _Bad(row.line) if row.cell % 5 == 0 else row.cell * 2
    return compute


@given(st.lists(st.tuples(st.integers(0, 12), st.booleans(), st.booleans()), max_size=200), st.booleans())
def test_memoised_stream_equals_fresh(cells, shared):
    rows = [_Row(n, cell if keyed else None, cell, "read error" if broken else None)
            for n, (cell, keyed, broken) in enumerate(cells)]
    calls: list[int] = []
    out = list(results(rows, _compute(calls), cache.new(cache.VERDICT), errors=_Bad, shared=shared))
    assert [row for row, _ in out] == rows
    seen: set[int] = set()
    for row, value in out:
        if row.error is not None:
            assert value is None and row.line not in calls
        elif row.cell % 5 == 0:  # an error: computed at its own row, never served from the memo
            assert isinstance(value, _Bad) and value.args == (row.line,) and row.line in calls
        else:
            assert value == row.cell * 2
            if shared and row.key is not None and row.key in seen:
                assert row.line not in calls  # served from the memo
            if row.key is not None:
                seen.add(row.key)
    if not shared:
        assert calls == [row.line for row in rows if row.error is None]
