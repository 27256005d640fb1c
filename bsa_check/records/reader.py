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
import difflib
import io
import operator
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any, TextIO

from bsa_check.errors import Location, RecordError
from bsa_check.memo import Memo
from bsa_check.records.encoding import CHUNK_SIZE, ENCODING_HINT, scan
from bsa_check.records.fields import FIELDS_BY_NAME, normalise_header
from bsa_check.records.mapping import check_columns, header_index
from bsa_check.records.programme_columns import message as programme_message
from bsa_check.records.programme_columns import name_and_code
from bsa_check.records.parse import PARSERS, CellError, academic_year_of, parse_academic_year
from bsa_check.records.plan import cell_parser
from bsa_check.records.quotes import (MAX_LINE_CHARS, REREAD_FACTOR, REREAD_SLACK, LineStore, ends_in_quotes,
                                      open_quote_cell, split_lines, well_quoted)
from bsa_check.records.seen import SeenKeys
from bsa_check.records.sniff import sep_line, source_for
from bsa_check.records.stray import stray_byte_warning

__all__ = ["Row", "RecordReader", "open_records", "CHUNK_SIZE", "MAX_LINE_CHARS"]



# The cell text shown in a message is cut to this many characters.
_MAX_SHOWN = 40
# Per-column memo of parsed values: at most this many entries, keys at most this long.
_MEMO_ENTRIES = 4096
_MEMO_KEY_CHARS = 64
_ROW_MEMO_ENTRIES = 4096  # row_memo: per generation (see bsa_check.memo)
_MISSING = object()
# What a cell parser may raise for bad text. CellError is the contract; ValueError and
# ArithmeticError also come from int()/Decimal() on odd digits (e.g. int("²")).
_PARSE_ERRORS = (CellError, ValueError, ArithmeticError)
_ALWAYS_PARSED = ("student_id", "programme")
_EMPTY_MESSAGES = {
    "student_id": ("student number is empty", "every row needs a student number"),
    "programme": ("programme is empty", "every row needs a programme code"),
}


@dataclass(slots=True)
class Row:
    """One data record.

    ``line`` is the 1-based physical line the record starts on. ``values`` maps canonical field
    names to parsed values; an empty cell (or one that parses to ``None``) is absent. Exactly one
    of "``error`` is ``None``" (values usable) and "``error`` is set" (``values`` is empty) holds.
    ``student_id`` is the stripped student number text when that cell is non-empty, also on error
    rows, so a caller can say whose row failed.

    With the reader's ``row_memo``, ``values`` holds no ``student_id`` (it is in ``student_id``),
    rows with the same parsed cells share one ``values`` dict (never mutate it), and ``key``
    identifies those cells, so a caller can memoise what it computes from ``values``. With
    ``memo_programme=False`` the programme is not part of the key either: ``values`` holds no
    ``programme`` and ``programme`` has it (for callers whose results do not depend on it).
    """

    line: int
    values: dict[str, Any]
    error: RecordError | None
    student_id: str | None
    key: Any = None  # with ``row_memo``: the raw cells that made ``values`` (the same key, the same values)
    programme: str | None = None  # with ``row_memo`` and ``memo_programme=False``: the programme code
    kept: tuple[Any, ...] | None = None  # ``keep_columns``: the cells of those columns, as read (--keep-columns)


class RecordReader:
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
        wanted = None if fields is None else set(fields) | set(_ALWAYS_PARSED)
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

    def _open_text(self) -> TextIO:
        return io.TextIOWrapper(self._open_bytes(), encoding=self.encoding, newline="")

    # -- opening ------------------------------------------------------------------------------

    def _error(self, code: str, message: str, hint: str, line: int | None = None,
               column: int | None = None, column_name: str | None = None,
               params: dict[str, Any] | None = None) -> RecordError:
        return RecordError(
            message,
            location=Location(self._file_name, line, column, column_name),
            hint=hint,
            code=code,
            params=params,
        )

    def _unreadable(self, exc: OSError) -> RecordError:
        if isinstance(exc, FileNotFoundError):
            return self._error("BSA301", "file not found", "check the path of the records file")
        if isinstance(exc, IsADirectoryError):
            return self._error("BSA301", "is a directory, not a file", "give the path of a CSV file")
        if isinstance(exc, PermissionError):
            return self._error("BSA301", "file cannot be read: permission denied",
                               "check the file's permissions")
        reason = exc.strerror or exc.__class__.__name__
        return self._error("BSA301", f"file cannot be read: {reason}", "check that the file exists and can be read")

    def _detect_encoding(self) -> str:
        """Pick the encoding by one streaming pass over the bytes; raise BSA301/BSA302."""
        try:
            if self._source is None or self._source.path is not None:
                st = os.stat(self.path)
                if stat.S_ISDIR(st.st_mode):
                    raise IsADirectoryError(self.path)
                if not stat.S_ISREG(st.st_mode):
                    raise self._error("BSA301", "is not a regular file", "give the path of a CSV file")
            with self._open_bytes() as f:
                found = scan(f, self._file_name)
            self._plain_lines, self._has_nul = found.plain_lines, found.has_nul
            return found.encoding
        except OSError as exc:
            raise self._unreadable(exc) from None

    def _open_header(self, wanted: set[str] | None, required: tuple[str, ...]) -> None:
        assert self._file is not None
        readline = self._file.readline
        skipped = 0
        try:
            while True:
                line = readline(MAX_LINE_CHARS)
                if not line:
                    raise self._error("BSA303", "file is empty",
                                      "export the records with a header line and at least the columns "
                                      + ", ".join(required or _ALWAYS_PARSED))
                if line.strip():
                    break
                if line[-1] in "\r\n":
                    skipped += 1
        except UnicodeDecodeError as exc:  # pragma: no cover - the pre-scan guarantees decoding
            raise self._error("BSA302", f"file cannot be decoded as {self.encoding}", ENCODING_HINT) from exc
        sep = sep_line(line)
        if sep is not None:  # Excel's "sep=;" line names the delimiter; the header comes after it
            if sep not in ";,\t":
                raise self._error("BSA304", f"the first line 'sep={sep}' names an unsupported delimiter",
                                  "save the file as CSV with ';', ',' or a tab between the cells", skipped + 1,
                                  5, params={"delimiter": sep})
            skipped += 1
            line = readline(MAX_LINE_CHARS)
            while line and not line.strip():
                skipped += 1
                line = readline(MAX_LINE_CHARS)
            if not line:
                raise self._error("BSA303", "file has a 'sep=' line but no header",
                                  "export the records with a header line and at least the columns "
                                  + ", ".join(required or _ALWAYS_PARSED))
        self.header_line = header_line = skipped + 1
        if len(line) >= MAX_LINE_CHARS and line[-1] not in "\r\n":
            raise self._error("BSA308", f"the header line is longer than {MAX_LINE_CHARS} characters",
                              "check that the file is a CSV export with one record per line", header_line)
        nul_at = line.find("\x00")
        if nul_at >= 0:
            raise self._error("BSA302", "the header line contains a NUL byte; it is not text", ENCODING_HINT,
                              header_line, nul_at + 1, params={"byte": "0x00"})
        self.delimiter = sep or self._sniff(line, header_line)

        self._line_offset = skipped
        # strict: an unclosed quote at the end of the file, or text after a closing quote, is a
        # csv.Error (an error row) instead of silently swallowing the following records.
        # Plain iteration over the file (in C) when the pre-scan showed that no line can be
        # oversized and no quoted cell can span lines; else the bounded, tracked line reader.
        self._lines = self._primary = chain((line,), self._file if self._plain_lines else self._physical_lines())
        self._reader = csv.reader(self._lines, delimiter=self.delimiter,
                                  quotechar='"', doublequote=True, skipinitialspace=False, strict=True)
        try:
            header = next(self._reader)
        except csv.Error as exc:
            raise self._error("BSA308", f"the header cannot be read as CSV: {exc}",
                              "check the quotes in the header line", header_line) from None
        self._resolve_header(header, header_line, wanted, required)

    def _resolve_header(self, header: list[str], header_line: int, wanted: set[str] | None,
                        required: tuple[str, ...]) -> None:
        """Map the header cells onto fields (raise BSA305/BSA306) and plan the parsing of rows."""
        self.headers = header
        # Trailing empty header cells (Excel pads some exports) do not widen the table.
        width = len(header)
        while width and not header[width - 1].strip():
            width -= 1
        self._width = width

        # Opleiding and Opleidingscode/Croho: never pick one silently, unless a --columns mapping names the
        # programme column (then the user has chosen)
        chosen = self.mapping is not None and "programme" in self.mapping.headers
        both = None if chosen else name_and_code(header[:width])
        if both is not None:
            msg, hint = programme_message(both)
            raise self._error("BSA326", msg, hint, header_line, both[0][0], both[0][1])
        columns: dict[str, int] = {}
        display: dict[str, str] = {}
        unknown: list[str] = []
        for i, raw in enumerate(header[:width]):
            key = normalise_header(raw)
            if not key:
                continue
            name = self._header_index.get(key)
            if name is None:
                unknown.append(raw.strip())
                continue
            if name in columns:
                first = columns[name]
                raise self._error(
                    "BSA305",
                    f"columns {first} ({display[name]}) and {i + 1} ({raw.strip()}) are both {name}",
                    "remove or rename one of them", header_line, i + 1, raw.strip(),
                    params={"field": name, "first_column": first, "first_header": display[name],
                            "column": i + 1, "header": raw.strip()},
                )
            columns[name] = i + 1
            display[name] = raw.strip()
        self.columns = columns
        self.unknown_columns = unknown
        check_columns(self, wanted)  # --columns names, procedure-step columns left unmapped (mapping.py)

        missing = [n for n in dict.fromkeys(required) if n not in columns]
        if missing:
            parts = []
            for n in missing:
                aliases = FIELDS_BY_NAME[n].aliases
                part = f"{n} (also accepted: {', '.join(aliases)})" if aliases else n
                spellings = [normalise_header(x) for x in (n, *aliases)]
                close = [u for u in unknown if difflib.get_close_matches(normalise_header(u), spellings, n=1, cutoff=0.6)]
                if close:
                    part += f" - is the column {close[0]!r} meant?"
                parts.append(part)
            noun = "column" if len(missing) == 1 else "columns"
            raise self._error("BSA306", f"missing {noun} " + "; ".join(parts),
                              "add the column, or rename the export's header to one of these names",
                              header_line, params={"missing": missing})

        # The columns to parse, in column order: (0-based index, parser, field, header, must be
        # filled). The error path walks this list so the first bad cell is the one reported.
        plan = []
        for name, col in sorted(columns.items(), key=lambda item: item[1]):
            if wanted is None or name in wanted:
                parse = cell_parser(name, self._parsers, self._bounds, self.mapping)
                plan.append((col - 1, parse, name, display[name], name in _ALWAYS_PARSED))
        self._plan = plan
        self.parsed_fields = tuple(p[2] for p in plan)
        self._sid_index = columns["student_id"] - 1 if "student_id" in columns else -1
        # What makes two rows the same record: student number, programme and (if there is such a
        # column) academic year. A double-degree student has one row per programme, rightly.
        self._key_indexes = tuple(columns[n] - 1 for n in ("programme", "academic_year") if n in columns)
        # The fast path. Student number and programme are text: stored stripped, which is all
        # parse_text does. Every other column memoises raw cell -> parsed value: parsed values are
        # immutable and exports repeat them (dates, codes, credits); the memo is capped.
        self._must = [(index, name) for index, _, name, _, must in plan if must]
        self._memo_plan = [(index, parse, {}, name) for index, parse, name, _, must in plan if not must]
        # The row memo's key: the raw cells joined by NUL (no cell holds one: a row with a NUL is an
        # error before the memo is asked), a compact string instead of a tuple of cell strings.
        prog_index = columns["programme"] - 1 if "programme" in columns and not self._memo_programme else -1
        key_columns = [index for index, *_ in plan if index not in (self._sid_index, prog_index)]
        self._prog_index = prog_index
        self._row_key = operator.itemgetter(*key_columns, *key_columns[:1]) if key_columns else None

    def sample(self, n: int) -> list[list[Any]]:
        """Up to ``n`` raw data records after the header (cells as read), for ``bsa-check columns``;
        only before the rows are iterated. A record that cannot be read ends the sample."""
        out: list[list[Any]] = []
        try:
            for cells in self._reader:
                if any(c.strip() for c in cells):
                    out.append(cells)
                    if len(out) >= n:
                        break
        except csv.Error:
            pass
        return out

    # -- reading a file in chunks (--workers) ---------------------------------------------------

    def body_offset(self) -> int | None:
        """Byte offset of the first line after the header, when the body can be read in chunks:
        the header is one physical line and no line ends in a bare ``\r``. ``None`` otherwise."""
        from bsa_check.records.chunks import has_bare_cr

        if self._reader.line_num != 1:
            return None  # a quoted line break in the header
        if self._source is not None or self.encoding == "utf-16":
            return None  # standard input, or a text the byte chunks cannot be cut from
        try:
            with open(self.path, "rb") as f:
                if f.read(3) != b"\xef\xbb\xbf":
                    f.seek(0)
                for _ in range(self.header_line):
                    if not f.readline():
                        return None
                offset = f.tell()
                # line numbers count \n: a bare \r anywhere (the header too) means one pass
                return None if has_bare_cr(f, 0) else offset
        except OSError:
            return None

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

    def _sniff(self, line: str, line_no: int) -> str:
        """``;``, ``,`` or a tab: whichever occurs most often outside double quotes (tie: ``;``)."""
        semi = comma = tabs = 0
        odd: tuple[int, str] | None = None
        in_quotes = False
        at_field_start = True
        i, n = 0, len(line)
        while i < n:
            ch = line[i]
            if in_quotes:
                if ch == '"':
                    if i + 1 < n and line[i + 1] == '"':
                        i += 1
                    else:
                        in_quotes = False
            elif ch == '"' and at_field_start:
                in_quotes = True
            elif ch == ";":
                semi += 1
                at_field_start = True
            elif ch == ",":
                comma += 1
                at_field_start = True
            elif ch in "\t|":
                if ch == "\t":
                    tabs += 1
                elif odd is None:
                    odd = (i + 1, ch)
                at_field_start = True
            else:
                at_field_start = False
            i += 1
        if tabs > max(semi, comma):
            return "\t"  # tab-delimited text (Excel's "Unicode text", "Text (tab-delimited)")
        if semi == 0 and comma == 0:
            if odd is not None:
                column, ch = odd
                raise self._error("BSA304", "the delimiter is '|'; use ';', ',' or a tab",
                                  "save the file as CSV with ';' or ',' between the cells",
                                  line_no, column, params={"delimiter": ch})
            return ";"
        return "," if comma > semi else ";"

    # -- rows ---------------------------------------------------------------------------------

    def _physical_lines(self) -> Iterator[str | None]:
        """The file's physical lines, each at most MAX_LINE_CHARS characters.

        A longer line is skipped in bounded pieces and replaced by ``None``, which makes the csv
        reader raise ``csv.Error`` for that record; :meth:`_rows` turns it into an error row.
        """
        assert self._file is not None
        for line in split_lines(self._file.readline, MAX_LINE_CHARS):
            if line is None:
                self._uncounted += 1
                self._overlong_pending = True
            else:
                self._last_line = line
            yield line

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
                    if not _has_content(cells, 0):
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
                                year = _year_key(cells[k1], year_keys)
                            if not year and ka >= 0:
                                year = self._advice_year(cells[ka] if ka < n else "")
                            key += "\x1f" + year
                    else:
                        key = "\x1f".join([sid, *((_year_key(cells[i], year_keys)
                                                    or self._advice_year(cells[ka] if 0 <= ka < n else ""))
                                                   if i == k1 else cells[i].strip() for i in key_indexes if i < n)])
                    first = seen_first(hash(key), start)
                    if first is not None:
                        yield Row(start, {}, self._duplicate(start, first), sid)
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
                    if _has_content(cells, width):
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
                                except _PARSE_ERRORS:
                                    break
                            else:
                                value = None
                            if len(memo) < _MEMO_ENTRIES and len(cell) <= _MEMO_KEY_CHARS:
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

    def _row_error(self, cells: list[str], line: int) -> RecordError:
        """The error of the first bad cell, in column order (the fast path found one)."""
        file = self._file_name
        for index, parse, name, header, must in self._plan:
            text = cells[index].strip()
            if not text:
                if must:
                    message, hint = _EMPTY_MESSAGES[name]
                    return RecordError(message, location=Location(file, line, index + 1, header),
                                       hint=hint, code="BSA311", params={"column": header, "field": name})
                continue
            try:
                parse(text)
            except _PARSE_ERRORS as exc:
                return _cell_error(file, line, index + 1, header, name, text, exc)
        raise AssertionError("the fast path failed on a row without a bad cell")  # pragma: no cover

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

    # -- an unclosed quote: read the lines after it again --------------------------------------
    #
    # A quote that opens a cell and is never closed (or closed lines later by a stray quote) makes
    # csv.reader read every following line into that cell, up to the end of the file or the field
    # size limit: all later students would vanish into one error. When a record ran over line
    # breaks and then broke (or reads well but a later line of it looks like a record of its own),
    # its first line becomes one error (BSA308) and reading starts again on the line after it.
    # The lines to read again come from a second, forward-only pass over the same text
    # (LineStore), opened only when a quoted cell first holds a line break, so the common path
    # pays nothing; the work is bounded (REREAD_FACTOR, LineStore.MAX_CHARS).

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
        if n < width or (n > width and _has_content(cells, width)):
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

    def _advice_year(self, cell: str) -> str:
        """The duplicate-key year of a row without an academic year: the academic year (1 September
        to 31 August) of its advice date, or ``""``. Only rows with an empty year come here."""
        text = cell.strip()
        if not text:
            return ""
        try:
            day = self._parsers["date"](text)
        except _PARSE_ERRORS:
            return ""
        return str(academic_year_of(day))

    def _duplicate(self, line: int, first: int) -> RecordError:
        col = self._sid_index + 1
        header = self.headers[self._sid_index].strip()
        same = "student number, programme and academic year" if len(self._key_indexes) > 1 else \
            "student number and programme"
        return RecordError(
            f"the same {same} as line {first}",
            location=Location(self._file_name, line, col, header),
            hint=f"each student appears once per programme and year: remove or merge one of the rows "
                 f"(line {first} is evaluated, this one is not)",
            code="BSA313", params={"first_line": first})

    def _nul_cell(self, line: int, index: int) -> RecordError:
        header = self.headers[index].strip() if index < len(self.headers) else None
        return RecordError(
            "the cell contains a NUL byte (0x00), which is not text",
            location=Location(self._file_name, line, index + 1, header or None),
            hint="the export is damaged here: export the file again, or retype this cell",
            code="BSA309", params={"byte": "0x00"})

    def _few_cells_hint(self, cells: list[str]) -> str:
        other = "," if self.delimiter == ";" else ";"
        if any(other in c for c in cells):
            return (f"the header separates cells with '{self.delimiter}' but this row seems to use '{other}': "
                    f"save the whole file with one delimiter")
        return "check for a missing delimiter"

    def _ragged(self, line: int, n: int, width: int, column: int, hint: str) -> RecordError:
        return RecordError(
            f"row has {n} cells but the header has {width}",
            location=Location(self._file_name, line, column),
            hint=hint,
            code="BSA307",
            params={"cells": n, "header_cells": width},
        )


def _year_key(cell: str, memo: dict[str, str]) -> str:
    """The duplicate-key form of an academic-year cell: the starting year (``2025`` for 2025-2026,
    2025/2026 or 2025); an empty cell is ``""``; text that is no year is kept as it is (the cell
    is reported when it is parsed)."""
    text = cell.strip()
    try:
        key = str(parse_academic_year(text)) if text else ""
    except _PARSE_ERRORS:
        key = "?" + text
    if len(memo) < _MEMO_ENTRIES and len(cell) <= _MEMO_KEY_CHARS:
        memo[cell] = key
    return key


def _has_content(cells: list[str], start: int) -> bool:
    """Whether any of ``cells[start:]`` holds more than whitespace."""
    for i in range(start, len(cells)):
        c = cells[i]
        if c and not c.isspace():
            return True
    return False


def _cell_error(file: str, line: int, column: int, header: str, name: str, text: str,
                exc: Exception) -> RecordError:
    if isinstance(exc, CellError) and exc.args:
        reason = str(exc.args[0])
    else:  # a parser let a non-CellError through (e.g. int() on a digit it cannot convert)
        reason = f"cannot be read as a {FIELDS_BY_NAME[name].kind.replace('_', ' ')} value"
    what, sep, advice = reason.partition("; ")
    hint = advice if sep else f"correct the {FIELDS_BY_NAME[name].en} in this cell"
    part = getattr(exc, "shown", None)  # the bad item of a list cell, not the whole cell
    shown = part or text
    shown = shown if len(shown) <= _MAX_SHOWN else shown[: _MAX_SHOWN - 1] + "…"
    return RecordError(
        f"{header}: in '{shown}', {what}" if part else f"{header} '{shown}' {what}",
        location=Location(file, line, column, header),
        hint=hint,
        code=getattr(exc, "code", "BSA310"),
        params={"column": header, "value": shown, "field": name, "reason": reason},
    )


def open_records(path: str | os.PathLike[str], *, sheet: str | None = None, **kw: Any) -> RecordReader:
    """Open a records file: CSV or text (any Excel variant), an ``.xlsx`` workbook, or ``-`` for
    standard input (raising :class:`RecordError` for fatal file problems); see RecordReader.
    ``sheet``: the workbook's sheet to read (default: the mapping's, else the first)."""
    source = source_for(path)
    try:
        if source.kind == "xlsx":
            from bsa_check.records.xlsx import XlsxReader

            return XlsxReader(source, sheet=sheet, **kw)
        if sheet is not None:
            raise RecordError("--sheet is for an .xlsx workbook; this file is text (CSV)",
                              location=Location(source.name), hint="leave out --sheet", code="BSA344")
        return RecordReader(path, source=source if source.path is None else None, **kw)
    except BaseException:
        source.close()
        raise


# The row-level pieces records.xlsx (a RecordReader over a workbook) reads rows with, by public names.
ALWAYS_PARSED, EMPTY_MESSAGES, MEMO_ENTRIES, PARSE_ERRORS = _ALWAYS_PARSED, _EMPTY_MESSAGES, _MEMO_ENTRIES, _PARSE_ERRORS
cell_error, year_key = _cell_error, _year_key
