"""Streaming reader for student record CSV files.

Owns: choosing the encoding of a records file (UTF-8 with or without BOM, else Windows-1252) by a
streaming pre-scan, sniffing the delimiter from the header line, mapping header cells onto the
canonical fields of :mod:`bsa_check.records.fields`, and turning every data record into exactly one
:class:`Row`: either its parsed values (cells parsed by :mod:`bsa_check.records.parse`) or one
located :class:`~bsa_check.errors.RecordError` (file, line, column, hint). Problems with the file
as a whole (missing, wrong encoding, no header, wrong delimiter, duplicate or missing columns)
raise ``RecordError`` when the reader is opened, before any row is yielded.

Must not: load a file whole (the pre-scan reads bounded binary chunks; rows are read one physical
line at a time with a length cap and no list of rows is kept), log anything, or put record content
into a message beyond the one offending cell a user needs to see to fix it. It does not decide what
an empty value means for a rule; that is the evaluator's business.
"""

from __future__ import annotations

import copy
import csv
import io
import os
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from bsa_check.errors import Location, RecordError
from bsa_check.memo import Memo
from bsa_check.records.encoding import CHUNK_SIZE, ENCODING_HINT
from bsa_check.records.fields import FIELDS_BY_NAME
from bsa_check.records.mapping import header_index
from bsa_check.records.parse import PARSERS
from bsa_check.records.quotes import (MAX_LINE_CHARS, LineStore, open_quote_cell)
from bsa_check.records.header import HeaderReading
from bsa_check.records.recover import QuoteRecovery
from bsa_check.records.row_errors import (ALWAYS_PARSED, MEMO_ENTRIES, MEMO_KEY_CHARS, PARSE_ERRORS,
                                          RowErrors, has_content, year_key)
from bsa_check.records.seen import SeenKeys
from bsa_check.records.row import Row
from bsa_check.records.stray import stray_byte_warning
from bsa_check.records.textfile import TextFile

__all__ = ["Row", "RecordReader", "CHUNK_SIZE", "MAX_LINE_CHARS"]

_ROW_MEMO_ENTRIES = 4096  # row_memo: per generation (see bsa_check.memo)
_MISSING = object()


class RecordReader(TextFile, HeaderReading, QuoteRecovery, RowErrors):
    """Open a records CSV, check its header, then iterate its data records as :class:`Row`.

    Opening (the constructor) raises :class:`RecordError` for problems with the file as a whole;
    iterating never raises for bad row content (each bad record becomes an error row). Use as a
    context manager, or iterate to the end; either closes the file.

    Args:
        fields: canonical names to parse; ``None`` parses every known field present in the header.
            ``student_id`` and ``programme`` are always parsed when their columns exist.
        required: canonical names whose column must exist in the header.
    """

    encoding: str
    delimiter: str
    columns: dict[str, int]
    headers: list[str]
    unknown_columns: list[str]
    header_line: int
    parsed_fields: tuple[str, ...]

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        fields: Iterable[str] | None = None,
        required: Iterable[str] = ("student_id", "programme"),
        parsers: dict[str, Any] | None = None,
        unique_ids: bool = True,
        bounds: dict[str, tuple[Any, Any, str | None]] | None = None,
        row_memo: bool = False,
        memo_programme: bool = True,
        mapping: Any = None,
        source: Any = None,
    ) -> None:
        """``parsers`` overrides the parser of a field kind (e.g. MBO's open list of circumstances).

        ``unique_ids``: a later row with the same student number, programme and academic year as
        an earlier one is an error (BSA313) naming the earlier line. The reader keeps one short
        hash and line per distinct key (about 15 bytes per row, see ``records.seen``).

        ``bounds``: field -> (min, max, note) a rule set declares (``record_bounds``); a parsed value
        outside them is a row error BSA314 at that cell.

        ``row_memo``: rows whose parsed cells (all but the student number) equal an earlier row's
        share its ``values`` without parsing again (see :class:`Row`); for exports where most
        students look alike. Only for callers that do not read ``student_id`` from ``values``.
        ``memo_programme=False``: the programme is left out of that comparison too (and out of
        ``values``, see :class:`Row`), for callers whose results do not depend on the programme
        (no per-programme parameter): then rows of different programmes share their values.

        ``mapping``: a :class:`bsa_check.records.mapping.ColumnMapping` (``--columns``): export
        headers and value spellings onto the canonical fields. ``source``: a
        :class:`bsa_check.records.sniff.Source` (standard input); default: the file at ``path``.
        """
        self._row_memo: Memo | None = Memo(_ROW_MEMO_ENTRIES) if row_memo else None
        self._memo_programme = memo_programme or not row_memo
        self._plain_lines = False  # set by the pre-scan
        self._seen: Any = None  # chunk_rows: where duplicate keys go instead of a SeenKeys of its own
        self._bounds = dict(bounds or {})
        self._parsers = {**PARSERS, **(parsers or {})}
        self.path = os.fspath(path) if source is None else source.name
        self._file_name = str(self.path)
        self._source = source
        self._open_bytes: Any = (lambda: open(self.path, "rb")) if source is None else source.open
        self.mapping = mapping
        self._header_index = header_index(mapping)
        wanted = None if fields is None else set(fields) | set(ALWAYS_PARSED)
        required = tuple(required)
        unknown = sorted(n for n in (*(wanted or ()), *required) if n not in FIELDS_BY_NAME)
        if unknown:
            raise ValueError(f"unknown record field name(s): {', '.join(unknown)}")
        self._file: TextIO | None = None
        self._gen: Iterator[Row] | None = None
        # Physical lines csv.reader did not count: overlong lines replaced by a sentinel, and the
        # lines of an oversized cell skipped after it (see _skip_rest_of_record).
        self._uncounted = 0
        self._overlong_pending = False
        self._last_line = ""  # the last physical line handed to csv.reader (error path only)
        # Re-reading after an unclosed quote (see _reread): a second, forward-only pass over the
        # same text, opened on the first line break inside a quoted cell.
        self._reopen: Any = lambda: self._open_text()
        self._reopen_first = 1  # the physical line number of the reopened text's first line
        self._store: LineStore | None = None
        self._replay_end = 0  # the last line of the lines being read again (0: none)
        self._replayed = 0  # lines read again so far (bounds the work)
        self._has_nul = False  # the pre-scan saw a NUL byte after the header: rows are checked for it
        self._unique_ids = unique_ids
        self.encoding = self._detect_encoding()
        self.encoding_warning = stray_byte_warning(self.path, self.encoding)  # issue 15: never silently cp1252
        try:
            self._file = self._open_text()
        except OSError as exc:
            raise self._unreadable(exc) from None
        try:
            self._open_header(wanted, required)
        except BaseException:
            self.close()
            raise
        self._gen = self._rows()

    # -- context manager and iterator ---------------------------------------------------------

    def __enter__(self) -> RecordReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def keep_columns(self, indexes: list[int]) -> None:
        """Give every row read from now on the cells of these 0-based columns as ``Row.kept``
        (``--keep-columns``: the export's own columns carried to the output). Before iterating."""
        self._keep = list(indexes) or None

    _keep: list[int] | None = None

    def __iter__(self) -> Iterator[Row]:
        # The generator itself, so a for loop does not pay for __next__ on every row.
        return self._gen if self._gen is not None else iter(())

    def __next__(self) -> Row:
        if self._gen is None:
            raise StopIteration
        return next(self._gen)

    def close(self) -> None:
        """Close the file; iteration ends. Safe to call more than once."""
        gen, self._gen = self._gen, None
        if gen is not None:
            gen.close()
        f, self._file = self._file, None
        if f is not None:
            f.close()
        if self._source is not None:
            self._source.close()

    # -- reading a file in chunks (--workers) ---------------------------------------------------

    def chunk_rows(self, text: str, first_line: int, seen: Any) -> Iterator[Row]:
        """The rows of one record-aligned piece of the body (see ``records.chunks``), exactly as a
        pass over the whole file reads them; duplicate keys go to ``seen.first_line(key, line)``,
        which the caller replays in file order. The reader itself is not changed."""
        clone = copy.copy(self)
        clone._file = io.StringIO(text, newline="")
        clone._lines = clone._primary = iter(clone._file) if self._plain_lines else clone._physical_lines()
        clone._reader = csv.reader(clone._lines, delimiter=self.delimiter, quotechar='"', doublequote=True,
                                   skipinitialspace=False, strict=True)
        clone._line_offset = first_line - 1
        clone._uncounted = 0
        clone._overlong_pending = False
        clone._last_line = ""
        clone._reopen = lambda: io.StringIO(text, newline="")
        clone._reopen_first = first_line
        clone._store = None
        clone._replay_end = clone._replayed = 0
        clone._seen = seen
        clone._gen = None
        return clone._rows()

    # -- rows ---------------------------------------------------------------------------------

    def _rows(self) -> Iterator[Row]:
        file = self._file_name
        reader = self._reader
        width = self._width
        must = self._must
        memo_plan = self._memo_plan
        sid_index = self._sid_index
        key_indexes = self._key_indexes
        # k0: the programme column, k1: the academic-year column (-1: no such column)
        k0 = self.columns.get("programme", 0) - 1
        k1 = self.columns.get("academic_year", 0) - 1
        # The academic year in a key is the parsed starting year, so 2025-2026, 2025/2026 and 2025
        # are the same year (memoised per distinct cell text). An empty year is the year the
        # evaluator takes for it: that of the advice date; without one (the evaluator then takes
        # --as-of, which the reader does not know) it is its own key.
        year_keys: dict[str, str] = {}
        ka = self.columns.get("advice_date", 0) - 1 if k1 >= 0 else -1
        k_last = max(k0, k1)
        seen: Any = None
        if self._unique_ids and sid_index >= 0:
            seen = self._seen if self._seen is not None else SeenKeys()
        seen_first = seen.first_line_of_hash if seen is not None else None
        has_nul = self._has_nul
        row_memo = self._row_memo if self._row_key is not None else None
        row_key = self._row_key
        join = "\x00".join
        prog_index = self._prog_index
        prog = None
        key = None
        keep = self._keep
        kept = None
        consumed = self._line_offset + reader.line_num  # physical lines before the next record
        try:
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    start = consumed + 1
                    consumed = self._line_offset + reader.line_num + self._uncounted
                    if consumed > start:  # a quoted cell ran over line breaks, then broke
                        again = self._recover(start, consumed, str(exc))
                        if again is not None:
                            error, reader = again
                            consumed = start  # the next record starts on the line after this one
                            yield Row(start, {}, error, None)
                            continue
                    if str(exc) == "unexpected end of data" and not self._overlong_pending:
                        # a quote opened on the last line and never closed
                        yield Row(start, {}, self._unclosed_quote(
                            start, open_quote_cell(self._last_line, self.delimiter)), None)
                        continue
                    if self._overlong_pending:
                        self._overlong_pending = False
                        message = f"line is longer than {MAX_LINE_CHARS} characters"
                        hint = "check that the file is a CSV export with one record per line"
                    elif str(exc).startswith("field larger than field limit"):
                        # csv.reader drops the rest of the line and would read the remaining lines
                        # of a long quoted cell as records of their own: skip them instead.
                        self._skip_rest_of_record(continuation=consumed > start)
                        consumed = self._line_offset + reader.line_num + self._uncounted
                        message = f"a cell is longer than {csv.field_size_limit()} characters"
                        hint = "check for a quote that is never closed, or shorten the cell"
                    else:
                        message = f"the row cannot be read as CSV: {exc}"
                        hint = 'check the quotes in this row: a cell that starts with " must end with "'
                    yield Row(start, {}, RecordError(message, location=Location(file, start), hint=hint,
                                                     code="BSA308", params={"reason": str(exc)}), None)
                    continue
                except UnicodeDecodeError:  # pragma: no cover - the file changed after the pre-scan
                    raise RecordError(f"file cannot be decoded as {self.encoding}",
                                      location=Location(file, consumed + 1), hint=ENCODING_HINT,
                                      code="BSA302") from None
                except OSError as exc:  # pragma: no cover - e.g. the disk went away
                    raise self._unreadable(exc) from None
                start = consumed + 1
                consumed = self._line_offset + reader.line_num + self._uncounted
                if consumed != start:  # a quoted cell holds a line break: is it an unclosed quote?
                    again = self._run_on(cells, start, consumed)
                    if again is not None:
                        error, reader, sid = again
                        consumed = start
                        yield Row(start, {}, error, sid)
                        continue
                n = len(cells)
                if not n:
                    continue  # a blank line
                sid: str | None = cells[sid_index].strip() if 0 <= sid_index < n else ""
                if not sid:
                    if not has_content(cells, 0):
                        continue  # every cell empty or blank: not a record
                    sid = None
                elif seen is not None:
                    if k_last < 0:
                        key = sid
                    elif n > k_last:  # the common case, without a generator
                        key = sid + "\x1f" + cells[k0].strip() if k0 >= 0 else sid
                        if k1 >= 0:
                            year = year_keys.get(cells[k1])
                            if year is None:
                                year = year_key(cells[k1], year_keys)
                            if not year and ka >= 0:
                                year = self._advice_year(cells[ka] if ka < n else "")
                            key += "\x1f" + year
                    else:
                        key = "\x1f".join([sid, *((year_key(cells[i], year_keys)
                                                    or self._advice_year(cells[ka] if 0 <= ka < n else ""))
                                                   if i == k1 else cells[i].strip() for i in key_indexes if i < n)])
                    first = seen_first(hash(key), start)
                    if first is not None:
                        yield Row(start, {}, self.duplicate_error(start, first), sid)
                        continue
                if has_nul:
                    bad = next((i for i, c in enumerate(cells) if "\x00" in c), -1)
                    if bad >= 0:
                        yield Row(start, {}, self._nul_cell(start, bad), sid)
                        continue
                if n != width:
                    if n < width:
                        yield Row(start, {}, self._ragged(start, n, width, n + 1, self._few_cells_hint(cells)), sid)
                        continue
                    if has_content(cells, width):
                        yield Row(start, {}, self._ragged(start, n, width, width + 1,
                                                          "check for an unquoted ';' or ',' inside a cell"), sid)
                        continue
                if keep is not None:
                    kept = tuple(cells[i] if i < n else "" for i in keep)
                if row_memo is not None and sid:
                    key = join(row_key(cells))
                    if prog_index >= 0:
                        prog = cells[prog_index].strip()
                    shared = row_memo.young.get(key)  # the memo's get, without a call when it is young
                    if shared is None:
                        shared = row_memo.get(key)
                    if shared is not None and (prog_index < 0 or prog):
                        yield Row(start, shared, None, sid, key, prog, kept)
                        continue
                # Fast path; any problem breaks out to the error path below, which re-walks the
                # cells in column order to report the first bad one.
                values: dict[str, Any] = {}
                for index, name in must:
                    text = cells[index].strip()
                    if not text:
                        break
                    values[name] = text
                else:
                    for index, parse, memo, name in memo_plan:
                        cell = cells[index]
                        value = memo.get(cell, _MISSING)
                        if value is _MISSING:
                            text = cell.strip()
                            if text:
                                try:
                                    value = parse(text)
                                except PARSE_ERRORS:
                                    break
                            else:
                                value = None
                            if len(memo) < MEMO_ENTRIES and len(cell) <= MEMO_KEY_CHARS:
                                memo[cell] = value
                        if value is not None:
                            values[name] = value
                    else:
                        if row_memo is not None and sid:
                            del values["student_id"]
                            if prog_index >= 0:
                                del values["programme"]
                            row_memo.put(key, values)
                            yield Row(start, values, None, sid, key, prog, kept)
                            continue
                        yield Row(start, values, None, sid, kept=kept)
                        continue
                yield Row(start, {}, self._row_error(cells, start), sid, kept=kept)
        finally:
            f, self._file = self._file, None
            if f is not None:
                f.close()
            store, self._store = self._store, None
            if store is not None:
                store.close()
