"""Split a CSV file's body into byte ranges that start and end on record boundaries.

Used to spread the work of one file over several processes (``--workers``) and, with the same
boundaries, to process it in one: the boundaries depend only on the file and the chunk size, never
on the number of workers, so the output is the same for any number of workers.

A boundary is a ``\\n`` outside double quotes. Quote parity is exact for RFC 4180 CSV (a quote
inside a quoted cell is doubled, so it does not change the parity); a file whose quotes do not
balance is not split after the first unbalanced quote, so a broken row is read exactly as a
single pass would read it. Files with a bare ``\\r`` line ending are not split at all (the caller
reads them in one pass): counting lines by ``\\n`` would number their rows wrongly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO, Iterator

BLOCK = 1 << 20
_BARE_CR = re.compile(rb"\r(?!\n)")


@dataclass(frozen=True, slots=True)
class Chunk:
    start: int  # byte offset of the chunk's first byte
    end: int  # byte offset just past its last byte
    first_line: int  # physical line number (1-based) of its first line


def has_bare_cr(handle: BinaryIO, start: int, block_size: int = BLOCK) -> bool:
    """True when some ``\\r`` is not followed by ``\\n`` (old Mac line endings)."""
    handle.seek(start)
    carry = False  # the last block ended in a \r
    while True:
        block = handle.read(block_size)
        if not block:
            return carry
        if carry and block[0] != 10:
            return True
        if b"\r" not in block:  # the usual case for \n files, at memchr speed
            carry = False
            continue
        bare = _BARE_CR.search(block)  # one C pass, no copy (CRLF files: every line has a \r)
        if bare is not None and bare.start() < len(block) - 1:
            return True
        carry = bare is not None  # the block's last byte, a \r the next block may pair


def chunks(handle: BinaryIO, start: int, first_line: int, size: int = 4 * BLOCK,
           block_size: int = BLOCK, delimiter: bytes = b";") -> Iterator[Chunk]:
    """Record-aligned chunks of about ``size`` bytes from ``start`` to the end of the file.

    Quotes are followed as the strict ``csv`` reader follows them: a quote opens a quoted cell
    only at the start of a cell, ``""`` inside one is a literal quote, and any other quote is a
    literal character. After the first malformed quoted cell (a closing quote followed by
    anything but a delimiter or a line end) the rest of the file is one chunk.
    """
    if size < 1:
        raise ValueError("size must be positive")
    delim = delimiter[0]
    field_start = (delim, 10, 13)  # bytes after which a quote opens a quoted cell
    handle.seek(start)
    chunk_start, line = start, first_line
    lines = 0  # \n from chunk_start up to the scan position
    in_quotes = broken = pending = False  # pending: a quote inside quotes ended the last block
    last = 10  # the byte before the scan position (the body starts at a line start)
    base = start  # file offset of block[0]
    while True:
        block = handle.read(block_size)
        if not block:
            break
        n = len(block)
        i = 0
        if pending:  # the quote that ended the previous block: escaped, or closing
            pending = False
            if block[0] == 34:
                i = 1
            elif block[0] in field_start:
                in_quotes = False
            else:
                broken = True
        while i < n and not broken:
            q = block.find(b'"', i)
            seg_end = n if q < 0 else q
            if not in_quotes:
                # a cut: the first \n outside quotes that makes the chunk at least ``size`` long
                nl = block.find(b"\n", max(i, chunk_start + size - 1 - base), seg_end)
                if nl >= 0:
                    end = base + nl + 1
                    yield Chunk(chunk_start, end, line)
                    line += lines + block.count(b"\n", i, nl + 1)
                    chunk_start, lines, i = end, 0, nl + 1
                    continue
            lines += block.count(b"\n", i, seg_end)
            if q < 0:
                break
            if in_quotes:
                if q + 1 == n:
                    pending = True
                elif block[q + 1] == 34:  # "" inside a quoted cell
                    q += 1
                elif block[q + 1] in field_start:
                    in_quotes = False
                else:
                    broken = True
            elif (block[q - 1] if q else last) in field_start:
                in_quotes = True
            i = q + 1
        last = block[-1]
        base += n
    if base > chunk_start:
        yield Chunk(chunk_start, base, line)
