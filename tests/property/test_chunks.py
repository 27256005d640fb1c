"""Record-aligned chunks: together they are the whole body, each is whole records, lines are right."""

from __future__ import annotations

import csv
import re
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bsa_check.records.chunks import chunks, has_bare_cr

cell = st.one_of(
    st.text(alphabet='ab1, "', max_size=6).filter(lambda s: not s.startswith('"')),
    st.text(alphabet='ab\n"; ', max_size=8).map(lambda s: '"' + s.replace('"', '""') + '"'),
)
row = st.lists(cell, min_size=1, max_size=4).map(lambda cells: ";".join(cells))


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(row, min_size=0, max_size=40), size=st.integers(1, 40), block=st.integers(1, 16),
       eol=st.sampled_from(["\n", "\r\n"]), head=st.sampled_from(["", "h1;h2\n"]))
def test_chunks_cover_the_body_on_record_boundaries(rows, size, block, eol, head):
    body = eol.join(rows) + (eol if rows else "")
    data = (head + body).encode()
    start = len(head.encode())
    first = 1 + head.count("\n")
    parts = list(chunks(io.BytesIO(data), start, first, size, block))
    # contiguous, complete
    assert [p.start for p in parts[1:]] == [p.end for p in parts[:-1]]
    if body:
        assert parts[0].start == start and parts[-1].end == len(data)
    else:
        assert parts == []
    # each chunk parses to whole records, the same ones as the whole body
    def parse(text):
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True))

    whole = parse(body)
    pieces = [r for p in parts for r in parse(data[p.start:p.end].decode())]
    assert pieces == whole
    # first_line is the physical line number of the chunk's first byte
    for p in parts:
        assert p.first_line == 1 + data[:p.start].count(b"\n")


def test_large_chunk_is_one_chunk_and_size_must_be_positive():
    data = b"a;b\n1;2\n3;4\n"
    assert [(c.start, c.end, c.first_line) for c in chunks(io.BytesIO(data), 4, 2, 1 << 20)] == [(4, 12, 2)]
    with pytest.raises(ValueError):
        list(chunks(io.BytesIO(data), 4, 2, 0))


@pytest.mark.parametrize("body", [b'"x\n1\n2\n3\n', b'"ab"x;1\n2\n3\n', b'1\n"ab"x;1\n2\n3\n'])
def test_no_split_after_an_unclosed_or_malformed_quote(body):
    data = b"h\n" + body
    parts = list(chunks(io.BytesIO(data), 2, 2, 1, 3))
    assert parts[-1].end == len(data)
    malformed_from = data.index(b'"')
    assert all(p.end <= malformed_from + 1 or p is parts[-1] for p in parts)
    assert parts[-1].start <= malformed_from


@pytest.mark.parametrize("data, expected", [(b"a\r\nb\r\n", False), (b"a\rb\r", True), (b"a\nb\r", True),
                                            (b"", False), (b"a\r\n", False)])
def test_bare_cr_detection(data, expected):
    assert has_bare_cr(io.BytesIO(data), 0, 1) is expected
    assert has_bare_cr(io.BytesIO(data), 0) is expected


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=60).map(lambda b: bytes(b"a\r\n"[x % 3] for x in b)), block=st.integers(1, 20))
def test_bare_cr_detection_matches_a_regex_for_any_block_size(data, block):
    # blocks without a \r are skipped (the fast path); a \r at a block's end is carried into the next
    expected = re.search(rb"\r(?!\n)", data) is not None
    assert has_bare_cr(io.BytesIO(data), 0, block) is expected
