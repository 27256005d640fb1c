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


def test_past_the_memory_budget_a_full_generation_halves_the_memo_once_per_step(monkeypatch):
    """Issue 22 (flat at 5M): the duplicate store grows with the rows, so the memos give way."""
    from bsa_check import memo as memo_module

    used = [0]
    monkeypatch.setattr(Memo, "memory", staticmethod(lambda: used[0]))
    m = Memo(4 * memo_module.MIN_SIZE)

    def fill_a_generation(start):
        for i in range(start, start + m.size + 1):
            m.put(i, i)
        return start + m.size + 1

    at = fill_a_generation(0)
    assert m.size == 4 * memo_module.MIN_SIZE  # under the budget: the memo keeps its size
    used[0] = memo_module.BUDGET_BYTES + 1
    at = fill_a_generation(at)
    assert m.size == 2 * memo_module.MIN_SIZE and m.budget == memo_module.BUDGET_BYTES + memo_module.BUDGET_STEP_BYTES
    at = fill_a_generation(at)
    assert m.size == 2 * memo_module.MIN_SIZE  # memory did not grow by another step: no second halving
    used[0] += memo_module.BUDGET_STEP_BYTES
    for _ in range(5):
        at = fill_a_generation(at)
        used[0] += memo_module.BUDGET_STEP_BYTES
    assert m.size == memo_module.MIN_SIZE  # never below the floor
    assert len(m) <= 2 * 4 * memo_module.MIN_SIZE
    assert m.get(at - 1) == at - 1  # still a working memo


def test_the_peak_memory_is_read_in_bytes():
    from bsa_check.memo import peak_bytes

    assert 1 << 20 < peak_bytes() < 1 << 40  # this test process: more than a MiB, less than a TiB
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            hwm = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return
    assert abs(peak_bytes() - hwm) <= hwm // 10  # the kernel's own peak, in bytes
