"""Recovering from a broken quote in a records CSV (a mixin of
:class:`~bsa_check.records.reader.RecordReader`).

A quote that opens a cell and is never closed (or closed lines later by a stray quote) makes
csv.reader read every following line into that cell, up to the end of the file or the field size
limit: all later students would vanish into one error. When a record ran over line breaks and then
broke (or reads well but a later line of it looks like a record of its own), its first line becomes
one error (BSA308) and reading starts again on the line after it. The lines to read again come from
a second, forward-only pass over the same text (``records.quotes.LineStore``), opened only when a
quoted cell first holds a line break, so the common path pays nothing; the work is bounded
(``REREAD_FACTOR``, ``LineStore.MAX_CHARS``). No I/O beyond that second pass.
"""

from __future__ import annotations

import csv
from typing import Any, Iterator

from bsa_check.errors import Location, RecordError
from bsa_check.records.quotes import (REREAD_FACTOR, REREAD_SLACK, LineStore, ends_in_quotes, open_quote_cell,
                                      well_quoted)
from bsa_check.records.row_errors import has_content

__all__ = ["QuoteRecovery"]


class QuoteRecovery:
    """The unclosed-quote recovery of a reader (see the module docstring)."""

    # the reader's state these methods read and set (declared here for the type checker)
    _store: LineStore | None
    _replay_end: int
    _replayed: int
    _reopen: Any
    _reopen_first: int
    _lines: Any
    _primary: Any
    _reader: Any
    _uncounted: int
    _overlong_pending: bool
    _last_line: str
    _line_offset: int
    _width: int
    _sid_index: int
    _file_name: str
    delimiter: str
    headers: list[str]

    def _skip_rest_of_record(self, continuation: bool) -> None:
        """After an oversized cell: consume the physical lines up to the end of that record.

        csv.reader stopped in the middle of the last line it was given. Whether the record goes on
        depends on the quotes: a continuation line of a record starts inside a quoted cell, a first
        line does not. Lines are scanned (with ``str.find``) only on this error path.
        """
        in_quotes = ends_in_quotes(self._last_line, continuation, self.delimiter)
        while in_quotes:
            line = next(self._lines, "")
            if line is None:  # an overlong line, already counted: still inside the cell
                self._overlong_pending = False
                continue
            if not line:
                return  # end of file inside the cell
            self._uncounted += 1
            in_quotes = ends_in_quotes(line, True, self.delimiter)

    def _run_on(self, cells: list[str], start: int, end: int) -> tuple[RecordError, Any, str | None] | None:
        """A record from line ``start`` to ``end`` read well: re-read it if a later line of it looks
        like a complete record of its own (a valid quoted line break must not be broken up)."""
        width = self._width
        first = next((i for i, c in enumerate(cells) if "\n" in c or "\r" in c), -1)
        if first < 0 or width < 2:
            return None
        # A line after the first holds only cells from ``first`` on, and its delimiters: cheap
        # proof that none of them can have the header's number of cells.
        d = self.delimiter
        if len(cells) - 1 - first + sum(c.count(d) for c in cells[first:]) < width - 1:
            return None
        lines = self._lines_again(start, end)
        if lines is None:
            return None
        # A whole line inside the cell that is a record; or the last line, if read alone it is a
        # record with well-formed quotes (a valid cell's closing quote would be a stray one there).
        last = lines[end - start]
        if not (any(self._looks_like_record(x) for x in lines[1:end - start])
                or (self._looks_like_record(last) and well_quoted(last, self.delimiter))):  # type: ignore[arg-type]
            return None
        again = self._reread(start, lines)
        if again is None:
            return None
        si = self._sid_index
        sid = cells[si].strip() if 0 <= si < first else ""
        return again[0], again[1], sid or None

    def _recover(self, start: int, end: int, reason: str) -> tuple[RecordError, Any] | None:
        """A record from line ``start`` to ``end`` ran over line breaks inside quotes and broke: an
        unclosed quote (end of data), text after a stray quote, an overlong line, or the field size
        limit. Re-read from line ``start + 1``; for the field size limit only if a later line looks
        like a record (else the cell is just too long and its lines are skipped)."""
        lines = self._lines_again(start, end)
        if lines is None:
            return None
        if reason.startswith("field larger than field limit") and not any(
                self._looks_like_record(x) for x in lines[1:end - start + 1]):
            return None
        return self._reread(start, lines)

    def _lines_again(self, start: int, end: int) -> list[str | None] | None:
        """Physical lines ``start`` up to the last line handed to csv.reader, read again."""
        store = self._store
        if store is None:
            try:
                store = self._store = LineStore(self._reopen(), self._reopen_first)
            except OSError:  # pragma: no cover - the file went away since it was opened
                return None
        return store.get(start, max(end, self._replay_end))

    def _looks_like_record(self, line: str | None) -> bool:
        """Whether one physical line, read alone, is a whole record: the header's number of cells
        (or more, all empty) and a student number."""
        width = self._width
        if line is None or line.count(self.delimiter) < width - 1:
            return False
        try:
            cells = next(csv.reader((line,), delimiter=self.delimiter, quotechar='"', doublequote=True,
                                    skipinitialspace=False, strict=True))
        except (csv.Error, StopIteration):
            return False
        n = len(cells)
        if n < width or (n > width and has_content(cells, width)):
            return False
        si = self._sid_index
        return si < 0 or bool(cells[si].strip())

    def _reread(self, start: int, lines: list[str | None]) -> tuple[RecordError, Any] | None:
        """Make csv.reader read ``lines[1:]`` (lines ``start + 1`` on) again, then the rest of the
        input; return the error for line ``start`` and the new csv.reader."""
        replay = lines[1:]
        total = self._replayed + len(replay)
        if total > REREAD_FACTOR * (start + len(replay) - self._reopen_first + 1) + REREAD_SLACK:
            return None  # pathological quoting: stop reading lines again, as before
        self._replayed = total
        first = lines[0]
        error = self._unclosed_quote(start, None if first is None else open_quote_cell(first, self.delimiter))
        self._replay_end = start + len(replay)
        self._line_offset, self._uncounted, self._overlong_pending = start, 0, False
        self._lines = self._replaying(replay, self._primary)
        self._reader = csv.reader(self._lines, delimiter=self.delimiter, quotechar='"', doublequote=True,
                                  skipinitialspace=False, strict=True)
        return error, self._reader

    def _replaying(self, lines: list[str | None], rest: Iterator[str | None]) -> Iterator[str | None]:
        for line in lines:
            if line is None:  # an overlong line, as _physical_lines yields it
                self._uncounted += 1
                self._overlong_pending = True
            else:
                self._last_line = line
            yield line
        yield from rest

    def _unclosed_quote(self, line: int, column: int | None) -> RecordError:
        header = self.headers[column - 1].strip() or None if column and column <= len(self.headers) else None
        where = f"the quote that opens cell {column}" if column else "a quote in this row"
        return RecordError(
            f"{where} is not closed on this line",
            location=Location(self._file_name, line, column, header),
            hint='remove the stray " or close the quote on this line; the lines after it are read as rows '
                 "of their own",
            code="BSA308", params={"reason": "unclosed quote", "column": column})
