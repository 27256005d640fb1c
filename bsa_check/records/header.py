"""Reading a records file's header: the optional ``sep=`` line, the delimiter (sniffed from the
header line), the header cells mapped onto the canonical fields (refusing duplicate, ambiguous and
missing columns: BSA305, BSA326, BSA306), and the reader's column plan (each column's parser from
the record plan's :func:`~bsa_check.records.plan.cell_parser`, and the keys of the row memo and the
duplicate check). :class:`HeaderReading` is a mixin of :class:`~bsa_check.records.reader.RecordReader`.

No I/O beyond the reader's open text; a message names header cells, never record content.
"""

from __future__ import annotations

import csv
import difflib
import operator
from itertools import chain
from typing import Any

from bsa_check.records.encoding import ENCODING_HINT
from bsa_check.records.fields import FIELDS_BY_NAME, normalise_header
from bsa_check.records.mapping import check_columns
from bsa_check.records.plan import cell_parser
from bsa_check.records.programme_columns import message as programme_message
from bsa_check.records.programme_columns import name_and_code
from bsa_check.records.quotes import MAX_LINE_CHARS
from bsa_check.records.row_errors import ALWAYS_PARSED
from bsa_check.records.sniff import sep_line

__all__ = ["HeaderReading"]


class HeaderReading:
    """Opening a reader's header (see the module docstring)."""

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
                                      + ", ".join(required or ALWAYS_PARSED))
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
                                  + ", ".join(required or ALWAYS_PARSED))
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
                plan.append((col - 1, parse, name, display[name], name in ALWAYS_PARSED))
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
