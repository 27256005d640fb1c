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


@given(st.lists(st.tuples(st.integers(0, 40), st.booleans()), max_size=300))
def test_a_chunk_replayed_at_once_finds_what_one_key_at_a_time_finds(keys):
    """``duplicates`` (a --workers keeper's bulk replay of a chunk) equals ``first_line_of_hash`` per key."""
    one, bulk = SeenKeys(), SeenKeys()
    hashes = [hash(f"k{k}") if text else k * 4096 for k, text in keys]  # some share a bucket
    lines = list(range(2, len(keys) + 2))
    expected = {}
    for h, line in zip(hashes, lines):
        first = one.first_line_of_hash(h, line)
        if first is not None:
            expected[line] = first
    half = len(hashes) // 2
    got = bulk.duplicates(hashes[:half], lines[:half])
    got.update(bulk.duplicates(hashes[half:], lines[half:]))
    assert got == expected and bulk.count == one.count
