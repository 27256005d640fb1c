"""The compact duplicate-key set: the first line of a repeated key, nothing for a new one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bsa_check.records.seen import SeenKeys


@given(st.lists(st.text(max_size=6), max_size=300))
def test_behaves_like_a_dict_of_first_lines(keys):
    seen, reference = SeenKeys(), {}
    for line, key in enumerate(keys, start=2):
        assert seen.first_line(key, line) == reference.get(key)
        reference.setdefault(key, line)
    assert seen.count == len(reference)


def test_large_line_numbers_and_many_keys():
    seen = SeenKeys()
    for i in range(200_000):
        assert seen.first_line(f"{1_000_000 + i}\x1f60101\x1f2025", 4_000_000_000 + i) is None
    assert seen.first_line("1000123\x1f60101\x1f2025", 1) == 4_000_000_123
    assert seen.count == 200_000
