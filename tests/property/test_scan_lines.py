"""The encoding pre-scan's long-line check (``long_stretch``) agrees with splitting on ``\\n``."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from bsa_check.records import encoding
from bsa_check.records.encoding import long_stretch, scan


def longest_stretch(data: bytes) -> int:
    return max(map(len, data.split(b"\n")))


@settings(max_examples=500, deadline=None)
@given(data=st.binary(max_size=80).map(lambda b: bytes(b"ab\n"[x % 3] if x % 7 else 10 for x in b)),
       cuts=st.lists(st.integers(0, 80), max_size=6), limit=st.integers(1, 12))
def test_long_stretch_over_any_chunking_matches_the_longest_line(data, cuts, limit):
    bounds = sorted({0, len(data), *(c for c in cuts if c <= len(data))})
    carry, found = 0, False
    for a, b in zip(bounds, bounds[1:]):
        if not found:
            found, carry = long_stretch(data[a:b], carry, limit)
    assert found is (longest_stretch(data) >= limit)
    if not found:
        assert carry == len(data) - (data.rfind(b"\n") + 1)


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(st.integers(0, 40), max_size=12), chunk=st.integers(1, 30), limit=st.integers(1, 30))
def test_scan_reads_plain_lines_exactly_when_no_line_reaches_the_limit(lines, chunk, limit):
    data = b"h;x\n" + b"".join(b"a" * n + b"\n" for n in lines)
    old = encoding.CHUNK_SIZE, encoding.MAX_LINE_CHARS
    encoding.CHUNK_SIZE, encoding.MAX_LINE_CHARS = chunk, limit
    try:
        found = scan(io.BytesIO(data), "f.csv")
    finally:
        encoding.CHUNK_SIZE, encoding.MAX_LINE_CHARS = old
    assert found.plain_lines is (longest_stretch(data) < min(limit, chunk))
