"""The two-generation memo: bounded, keeps what recurs, forgets one-off entries."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bsa_check.memo import Memo


@given(st.lists(st.tuples(st.integers(0, 30), st.booleans()), max_size=300), st.integers(1, 8))
def test_never_wrong_and_never_larger_than_two_generations(ops, size):
    memo, truth = Memo(size), {}
    for key, write in ops:
        if write:
            memo.put(key, ("v", key))
            truth[key] = ("v", key)
        else:
            got = memo.get(key)
            assert got is None or got == truth[key]
        assert len(memo) <= 2 * size


def test_a_recurring_key_survives_a_stream_of_one_off_keys():
    memo = Memo(4)
    memo.put("frequent", 1)
    for i in range(1000):
        memo.put(i, i)
        assert memo.get("frequent") == 1
    assert memo.get(0) is None
