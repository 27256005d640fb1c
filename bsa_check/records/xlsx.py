"""Reading student records from an ``.xlsx`` workbook, streamed, with the cells' own types.

Owns: opening a workbook with openpyxl in read-only mode (rows streamed from the sheet's XML; only
the shared-strings table is held whole, as openpyxl does), choosing the sheet (``--sheet``, the
mapping's ``sheet:``, else the first), and turning every data row into exactly one
:class:`~bsa_check.records.reader.Row`, the same as the CSV reader does for the same text: the
header is resolved by the CSV reader's own code (``RecordReader._resolve_header``), cells are
parsed by the same parsers. Every error is located as sheet, row and column letter
(``Blad1!D17``).

Cell types are kept and checked, never silently changed: a date cell is a date (where a date is
expected), a number a number. A number cell where text is expected (a student number ``00123``
that Excel shows as ``123``) is a row error (BSA340), unless the mapping says the column's codes
never start with 0 (``numbers_as_text``); a date cell where a number or text is expected, or a
number where a date is expected, is a row error (BSA341).

Must not: load a sheet whole, evaluate formulas (cached values only: ``data_only``), follow
external links, or put record content in a message beyond the offending cell.
"""

from __future__ import annotations

import dataclasses
import difflib
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Iterable, Iterator

from bsa_check.errors import Location, RecordError
from bsa_check.records.fields import DATE, FIELDS_BY_NAME, TEXT
from bsa_check.records.mapping import header_index
from bsa_check.records.parse import PARSERS
from bsa_check.records.reader import RecordReader, Row
from bsa_check.records.row_errors import ALWAYS_PARSED, EMPTY_MESSAGES, MEMO_ENTRIES, PARSE_ERRORS, cell_error, year_key
from bsa_check.records.seen import SeenKeys

__all__ = ["XlsxReader"]

_MISSING = object()
# A workbook part (a sheet's XML, the shared strings) may unpack to at most this many bytes: about
# 10 million rows of a wide export; beyond it, or in a zip bomb, CSV is the way in.
MAX_PART_BYTES = 4 << 30
_SAVE_AS = "open it in Excel and save it again as .xlsx, or export the records as CSV"


def number_text(value: int | float) -> str:
    """A number cell as the text the parsers read: ``30``, ``7.5`` (never ``30.0`` or ``1e+16``)."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(Decimal(repr(value)), "f")


class XlsxReader(RecordReader):
    """A :class:`RecordReader` over one sheet of a workbook (same options, plus ``sheet``).

    ``line`` of a row (and of its errors) is the sheet's row number; ``column`` the 1-based column
    index; locations carry the sheet, so they print as ``file:Blad1!D17``. ``row_memo`` is not used
    (each row is parsed; the per-column memo of parsed cells still applies).
    """

    sheet: str

    def __init__(self, source: Any, *, sheet: str | None = None, fields: Iterable[str] | None = None,
                 required: Iterable[str] = ("student_id", "programme"), parsers: dict[str, Any] | None = None,
                 unique_ids: bool = True, bounds: dict[str, tuple[Any, Any, str | None]] | None = None,
                 row_memo: bool = False, memo_programme: bool = True, mapping: Any = None) -> None:
        self._row_memo = None
        self._memo_programme = True
        self._seen = None
        self._bounds = dict(bounds or {})
        self._parsers = {**PARSERS, **(parsers or {})}
        self._source = source
        self.path = source.name
        self._file_name = str(self.path)
        self.mapping = mapping
        self._header_index = header_index(mapping)
        self._unique_ids = unique_ids
        self._file = None
        self._gen = None
        self._workbook: Any = None
        self._handle: Any = None
        self.encoding = "xlsx"
        self.delimiter = ";"  # what a CSV written from it uses (Dutch Excel's list separator)
        self.sheet = ""
        wanted = None if fields is None else set(fields) | set(ALWAYS_PARSED)
        required = tuple(required)
        unknown = sorted(n for n in (*(wanted or ()), *required) if n not in FIELDS_BY_NAME)
        if unknown:
            raise ValueError(f"unknown record field name(s): {', '.join(unknown)}")
        try:
            self._open(sheet or (mapping.sheet if mapping is not None else None), wanted, required)
        except BaseException:
            self.close()
            raise
        self._gen = self._rows()

    def _error(self, code: str, message: str, hint: str, line: int | None = None,
               column: int | None = None, column_name: str | None = None,
               params: dict[str, Any] | None = None) -> RecordError:
        sheet = self.sheet if line is not None and self.sheet else None
        return RecordError(message, location=Location(self._file_name, line, column, column_name, sheet),
                           hint=hint, code=code, params=params)

    def _open(self, sheet: str | None, wanted: set[str] | None, required: tuple[str, ...]) -> None:
        import openpyxl

        self._handle = self._source.open()
        self._refuse_bombs()
        try:
            # read_only: rows streamed from the XML; data_only: cached values, formulas never run
            wb = self._workbook = openpyxl.load_workbook(self._handle, read_only=True, data_only=True,
                                                         keep_links=False)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged workbook
            raise self._error("BSA344", f"cannot be read as an Excel workbook ({exc.__class__.__name__})",
                              _SAVE_AS, params={"reason": exc.__class__.__name__}) from None
        names = list(wb.sheetnames)
        if sheet is None:
            if not names:
                raise self._error("BSA344", "the workbook has no sheets", _SAVE_AS)
            sheet = names[0]
        elif sheet not in names:
            close = difflib.get_close_matches(sheet, names, n=1, cutoff=0.5)
            hint = (f"did you mean {close[0]!r}? " if close else "") + "the sheets are: " + ", ".join(names)
            raise self._error("BSA344", f"the workbook has no sheet {sheet!r}", hint, params={"sheet": sheet})
        self.sheet = sheet
        ws = wb[sheet]
        if not hasattr(ws, "iter_rows"):  # a chart sheet
            raise self._error("BSA344", f"sheet {sheet!r} is a chart, not a table", "give --sheet with a table")
        self._sheet_rows: Iterator[tuple[int, Any]] = enumerate(ws.iter_rows(values_only=True), 1)
        for number, cells in self._sheet_rows:  # noqa: B007 - number is the header line, read after the loop
            if any(not _blank(c) for c in cells):
                break
        else:
            raise self._error("BSA303", f"sheet {sheet!r} is empty",
                              "export the records with a header row and at least the columns "
                              + ", ".join(required or ALWAYS_PARSED))
        self.header_line = number
        header = ["" if c is None else c.strip() if isinstance(c, str) else
                  c.isoformat() if isinstance(c, (date, time)) else str(c) for c in cells]
        self._resolve_header(header, number, wanted, required)

    def _refuse_bombs(self) -> None:
        """Refuse a workbook whose parts unpack to more than :data:`MAX_PART_BYTES` (the shared-strings
        table is loaded whole by openpyxl; a sheet is streamed, but would take hours): BSA344."""
        import zipfile

        try:
            infos = zipfile.ZipFile(self._handle).infolist()
        except (zipfile.BadZipFile, OSError, EOFError):
            return  # openpyxl reports a damaged workbook below
        finally:
            self._handle.seek(0)
        for info in infos:
            if info.file_size > MAX_PART_BYTES:
                raise self._error("BSA344", f"the workbook part {info.filename} unpacks to {info.file_size:,} bytes; "
                                  f"the limit is {MAX_PART_BYTES:,}", "export the records as CSV instead",
                                  params={"part": info.filename, "bytes": info.file_size})

    def close(self) -> None:
        super().close()
        self.close_quietly()

    def sample(self, n: int) -> list[list[Any]]:
        """Up to ``n`` non-empty rows after the header, with their cells' types (``bsa-check columns``)."""
        out: list[list[Any]] = []
        for _, cells in self._sheet_rows:
            if any(not _blank(c) for c in cells):
                out.append(list(cells))
                if len(out) >= n:
                    break
        return out

    def body_offset(self) -> int | None:
        return None  # a workbook is read in one process

    def _cell_error(self, error: RecordError) -> RecordError:
        if error.location is not None:
            error.location = dataclasses.replace(error.location, sheet=self.sheet)
        return error

    def _type_error(self, code: str, line: int, index: int, header: str, name: str, message: str,
                    hint: str, shown: str) -> RecordError:
        return RecordError(f"{header} {message}", location=Location(self._file_name, line, index + 1, header,
                                                                     self.sheet),
                           hint=hint, code=code, params={"column": header, "field": name, "value": shown})

    def _rows(self) -> Iterator[Row]:
        file = self._file_name
        width = self._width
        sid_index = self._sid_index
        numbers_as_text = self.mapping.numbers_as_text if self.mapping is not None else frozenset()
        kinds = [FIELDS_BY_NAME[name].kind for _, _, name, _, _ in self._plan]
        plan: list[tuple[Any, ...]] = [(index, parse, name, header, must, kind, {}) for (index, parse, name, header, must), kind
                in zip(self._plan, kinds)]
        k0 = self.columns.get("programme", 0) - 1
        k1 = self.columns.get("academic_year", 0) - 1
        ka = self.columns.get("advice_date", 0) - 1 if k1 >= 0 else -1
        seen = SeenKeys() if self._unique_ids and sid_index >= 0 else None
        year_keys: dict[str, str] = {}
        keep = self._keep  # --keep-columns: those cells as the sheet holds them (typed)
        kept = None
        try:
            for line, cells in self._sheet_rows:
                n = len(cells)
                if not any(not _blank(c) for c in cells):
                    continue  # an empty row is not a record
                raw_sid = cells[sid_index] if 0 <= sid_index < n else None
                sid = _shown(raw_sid) or None
                extra = next((i for i in range(width, n) if not _blank(cells[i])), -1)
                if extra >= 0:
                    yield Row(line, {}, self._error(
                        "BSA307", f"row has a value in column {extra + 1}, right of the header's {width} columns",
                        "give the column a header, or clear the cell", line, extra + 1,
                        params={"cells": extra + 1, "header_cells": width}), sid)
                    continue
                if seen is not None and sid:
                    key: Any = sid
                    if k0 >= 0:
                        key += "\x1f" + _shown(cells[k0] if k0 < n else None)
                    if k1 >= 0:
                        year = year_key(_shown(cells[k1] if k1 < n else None), year_keys)
                        if not year and ka >= 0:
                            year = self._advice_year(_shown(cells[ka] if ka < n else None))
                        key += "\x1f" + year
                    first = seen.first_line_of_hash(hash(key), line)
                    if first is not None:
                        duplicate = self.duplicate_error(line, first)
                        yield Row(line, {}, self._cell_error(duplicate), sid)
                        continue
                if keep is not None:
                    kept = tuple(cells[i] if i < n else None for i in keep)
                values: dict[str, Any] = {}
                error = None
                for index, parse, name, header, must, kind, memo in plan:
                    value = cells[index] if index < n else None
                    key = value if type(value) is str else (type(value), value)
                    parsed = memo.get(key, _MISSING)
                    if parsed is _MISSING:
                        try:
                            parsed = self._parse(value, parse, name, kind, name in numbers_as_text)
                        except _TypeProblem as problem:
                            error = self._type_error(problem.code, line, index, header, name, problem.message,
                                                     problem.hint, problem.shown)
                            break
                        except PARSE_ERRORS as exc:
                            text = value.strip() if isinstance(value, str) else _shown(value)
                            error = self._cell_error(cell_error(file, line, index + 1, header, name, text, exc))
                            break
                        if len(memo) < MEMO_ENTRIES and name != "student_id":  # numbers are unique: no memo
                            memo[key] = parsed
                    if parsed is None:
                        if must:
                            message, hint = EMPTY_MESSAGES[name]
                            error = RecordError(message, location=Location(file, line, index + 1, header, self.sheet),
                                                hint=hint, code="BSA311", params={"column": header, "field": name})
                            break
                        continue
                    values[name] = parsed
                if error is not None:
                    yield Row(line, {}, error, sid, kept=kept)
                else:
                    yield Row(line, values, None, sid, kept=kept)
        except RecordError:
            raise
        except Exception as exc:  # noqa: BLE001 - a sheet's XML that breaks part-way through
            raise self._error("BSA344", f"the sheet cannot be read further ({exc.__class__.__name__})",
                              _SAVE_AS) from None
        finally:
            self.close_quietly()

    def close_quietly(self) -> None:
        """Close the workbook, its handle and the source (the end of the rows, or close())."""
        wb, self._workbook = self._workbook, None
        if wb is not None:
            wb.close()
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.close()
        if self._source is not None:
            self._source.close()

    @staticmethod
    def _parse(value: Any, parse: Any, name: str, kind: str, numbers_ok: bool) -> Any:
        """One cell, by its type: text through the field's parser; a typed cell checked against the
        field's kind (raise :class:`_TypeProblem`) and then parsed as the text it stands for."""
        if value is None:
            return None
        if isinstance(value, str):
            text = value.strip()
            return parse(text) if text else None
        if isinstance(value, bool):
            return parse("yes" if value else "no")
        if isinstance(value, (int, float)):
            text = number_text(value)
            if kind == TEXT:
                if numbers_ok and (isinstance(value, int) or value.is_integer()):
                    return parse(text)
                shown = "" if name == "student_id" else f" ({text})"  # never a student number in a message
                raise _TypeProblem(
                    "BSA340", f"is a number cell{shown} where text is expected: Excel drops leading zeros "
                    f"(00123 becomes 123), so the value may have changed", shown.strip(" ()"),
                    "format the column as Text in Excel and enter or export the value again; if these codes never "
                    f"start with 0, set numbers_as_text: true for {name} in the --columns mapping")
            if kind == DATE:
                raise _TypeProblem("BSA341", f"is a number cell ({text}) where a date is expected", text,
                                   "format the cell as a date in Excel (or write the date as dd-mm-jjjj text)")
            return parse(text)
        if isinstance(value, datetime):
            value = value.date() if value.time() == time(0) or kind == DATE else value
        if isinstance(value, date) and not isinstance(value, datetime):
            if kind == DATE:
                return parse(value.isoformat())
            shown = value.strftime("%d-%m-%Y")
            raise _TypeProblem("BSA341", f"is a date cell ({shown}) where a {kind.replace('_', ' ')} value is "
                               "expected: Excel may have turned the text into a date", shown,
                               "format the column as Text (or Number) in Excel and enter the value again")
        shown = str(value)[:40]
        raise _TypeProblem("BSA341", f"holds a {type(value).__name__} cell ({shown}) where a "
                           f"{kind.replace('_', ' ')} value is expected", shown,
                           "enter the value again as text, a number or a date, as the field table says")


class _TypeProblem(Exception):
    def __init__(self, code: str, message: str, shown: str, hint: str) -> None:
        super().__init__(message)
        self.code, self.message, self.shown, self.hint = code, message, shown, hint


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: Any) -> str:
    """A cell as text for keys and for naming whose row failed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)
