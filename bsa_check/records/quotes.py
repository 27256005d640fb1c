"""Quotes and physical lines of a CSV text: the pieces the reader's error paths use to find where a
broken quote starts and to read lines again after it (``records.reader``, its unclosed-quote
recovery). Pure string scanning over lines the reader hands in; :class:`LineStore` reads a second,
forward-only handle of the same text.
"""

from __future__ import annotations

from typing import Any, Iterator, TextIO

# Longest physical line (in characters) the reader accepts; bounds the memory of one record.
MAX_LINE_CHARS = 1 << 20
_MISSING = object()

__all__ = ["LineStore", "MAX_LINE_CHARS", "REREAD_FACTOR", "REREAD_SLACK", "ends_in_quotes", "open_quote_cell",
           "split_lines", "well_quoted"]


# Reading lines again after unclosed quotes: at most this many times the lines read so far (plus
# the slack), so no file makes the reader quadratic; beyond it a broken quote swallows the lines
# after it into its error, as csv.reader reads them.
REREAD_FACTOR = 2
REREAD_SLACK = 10_000


def split_lines(readline: Any, limit: int) -> Iterator[str | None]:
    """Physical lines as :meth:`RecordReader._physical_lines` yields them (``None``: overlong)."""
    while True:
        line = readline(limit)
        if not line:
            return
        if len(line) >= limit and line[-1] not in "\r\n":
            while True:
                more = readline(limit)
                if len(more) < limit or more[-1] in "\r\n":
                    break
            yield None
            continue
        yield line


class LineStore:
    """The input's physical lines read again through a second handle, forward only.

    ``get(a, b)`` returns lines ``a`` to ``b``; ``a`` never goes back before an earlier call's
    ``a``, so the second handle reads the input at most once. Only the last range is kept, and it
    is refused (``None``) beyond ``MAX_CHARS`` characters: a record's lines are bounded by the csv
    field size limit, so only pathological quoting reaches it.
    """

    MAX_CHARS = 16 << 20

    def __init__(self, handle: TextIO, first_line: int) -> None:
        self._handle = handle
        self._lines = split_lines(handle.readline, MAX_LINE_CHARS)
        self._next = first_line  # the number of the line the handle reads next
        self._buf: list[str | None] = []  # lines _first .. _next - 1
        self._first = first_line
        self._chars = 0

    def get(self, a: int, b: int) -> list[str | None] | None:
        buf = self._buf
        if a < self._first:  # pragma: no cover - ranges only move forward
            return None
        if a >= self._next:
            buf.clear()
            self._chars = 0
            while self._next < a:
                if next(self._lines, _MISSING) is _MISSING:
                    return None  # the file is shorter than before
                self._next += 1
        else:
            drop = a - self._first
            self._chars -= sum(len(x) for x in buf[:drop] if x is not None)
            del buf[:drop]
        self._first = a
        while self._next <= b:
            line = next(self._lines, _MISSING)
            if line is _MISSING:
                return None
            buf.append(line)  # type: ignore[arg-type]
            self._next += 1
            if line is not None:
                self._chars += len(line)  # type: ignore[arg-type]
                if self._chars > self.MAX_CHARS:
                    return None
        return buf[: b - a + 1]

    def close(self) -> None:
        self._handle.close()


def open_quote_cell(line: str, delimiter: str) -> int | None:
    """The 1-based number of the cell whose opening quote is still open at the end of ``line``
    (read from the start of a record), or ``None``. Error path only."""
    cell, in_quotes, at_start, opened = 1, False, True, None
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if in_quotes:
            if ch == '"':
                if i + 1 < n and line[i + 1] == '"':
                    i += 2
                    continue
                in_quotes = False
            at_start = False
        elif ch == '"' and at_start:
            in_quotes, opened, at_start = True, cell, False
        elif ch == delimiter:
            cell += 1
            at_start = True
        else:
            at_start = False
        i += 1
    return opened if in_quotes else None


def well_quoted(line: str, delimiter: str) -> bool:
    """Whether every quote in ``line`` opens a cell, closes it before a delimiter or the line end, or
    is doubled inside it (RFC 4180): no literal quote in an unquoted cell. Error path only."""
    i = 0
    end = line.rstrip("\r\n")
    n = len(end)
    while True:
        j = end.find('"', i)
        if j < 0:
            return True
        if j and end[j - 1] != delimiter:
            return False  # a quote inside an unquoted cell
        i = j + 1
        while True:
            k = end.find('"', i)
            if k < 0:
                return False
            if k + 1 < n and end[k + 1] == '"':
                i = k + 2
                continue
            if k + 1 < n and end[k + 1] != delimiter:
                return False
            i = k + 1
            break


def ends_in_quotes(line: str, in_quotes: bool, delimiter: str) -> bool:
    """Whether ``line`` ends inside a quoted cell, starting inside one or at the start of a record.

    A quote opens a quoted cell only at the start of a cell; inside one, ``""`` is a quote
    character and a single ``"`` closes it (RFC 4180, as csv.reader reads it).
    """
    i, n = 0, len(line)
    opener = delimiter + '"'
    if not in_quotes and line.startswith('"'):
        in_quotes, i = True, 1
    while True:
        if in_quotes:
            j = line.find('"', i)
            if j < 0:
                return True
            if j + 1 < n and line[j + 1] == '"':
                i = j + 2
                continue
            in_quotes, i = False, j + 1
        else:
            j = line.find(opener, i)
            if j < 0:
                return False
            in_quotes, i = True, j + 2
