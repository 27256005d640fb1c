"""What a data record's row errors are made of: the cell parsing errors a reader catches, the error of
a bad cell, an empty must-have cell, a ragged row, a NUL byte, a duplicate student, and the duplicate
key's academic year. Shared by the CSV reader (``records.reader``) and the workbook and dict readers
(``records.xlsx``, ``records.dicts``) through :class:`RowErrors`, which they inherit.

No I/O; a message shows at most the one offending cell (cut to ``MAX_SHOWN`` characters).
"""

from __future__ import annotations

from typing import Any

from bsa_check.errors import Location, RecordError
from bsa_check.records.fields import FIELDS_BY_NAME
from bsa_check.records.parse import CellError, academic_year_of, parse_academic_year

__all__ = ["ALWAYS_PARSED", "EMPTY_MESSAGES", "MAX_SHOWN", "MEMO_ENTRIES", "MEMO_KEY_CHARS", "PARSE_ERRORS", "RowErrors",
           "cell_error", "has_content", "year_key"]

# The cell text shown in a message is cut to this many characters.
MAX_SHOWN = 40
# Per-column memo of parsed values: at most this many entries, keys at most this long.
MEMO_ENTRIES = 4096
MEMO_KEY_CHARS = 64
# What a cell parser may raise for bad text. CellError is the contract; ValueError and
# ArithmeticError also come from int()/Decimal() on odd digits (e.g. int("²")).
PARSE_ERRORS = (CellError, ValueError, ArithmeticError)
ALWAYS_PARSED = ("student_id", "programme")
EMPTY_MESSAGES = {
    "student_id": ("student number is empty", "every row needs a student number"),
    "programme": ("programme is empty", "every row needs a programme code"),
}


class RowErrors:
    """The row-error builders of a reader (a mixin of :class:`~bsa_check.records.reader.RecordReader`):
    they read its header, columns and column plan."""

    _file_name: str
    _plan: list[Any]
    _parsers: dict[str, Any]
    _sid_index: int
    _key_indexes: tuple[int, ...]
    headers: list[str]
    delimiter: str

    def _row_error(self, cells: list[str], line: int) -> RecordError:
        """The error of the first bad cell, in column order (the fast path found one)."""
        file = self._file_name
        for index, parse, name, header, must in self._plan:
            text = cells[index].strip()
            if not text:
                if must:
                    message, hint = EMPTY_MESSAGES[name]
                    return RecordError(message, location=Location(file, line, index + 1, header),
                                       hint=hint, code="BSA311", params={"column": header, "field": name})
                continue
            try:
                parse(text)
            except PARSE_ERRORS as exc:
                return cell_error(file, line, index + 1, header, name, text, exc)
        raise AssertionError("the fast path failed on a row without a bad cell")  # pragma: no cover

    def _advice_year(self, cell: str) -> str:
        """The duplicate-key year of a row without an academic year: the academic year (1 September
        to 31 August) of its advice date, or ``""``. Only rows with an empty year come here."""
        text = cell.strip()
        if not text:
            return ""
        try:
            day = self._parsers["date"](text)
        except PARSE_ERRORS:
            return ""
        return str(academic_year_of(day))

    def duplicate_error(self, line: int, first: int) -> RecordError:
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


def year_key(cell: str, memo: dict[str, str]) -> str:
    """The duplicate-key form of an academic-year cell: the starting year (``2025`` for 2025-2026,
    2025/2026 or 2025); an empty cell is ``""``; text that is no year is kept as it is (the cell
    is reported when it is parsed)."""
    text = cell.strip()
    try:
        key = str(parse_academic_year(text)) if text else ""
    except PARSE_ERRORS:
        key = "?" + text
    if len(memo) < MEMO_ENTRIES and len(cell) <= MEMO_KEY_CHARS:
        memo[cell] = key
    return key


def has_content(cells: list[str], start: int) -> bool:
    """Whether any of ``cells[start:]`` holds more than whitespace."""
    for i in range(start, len(cells)):
        c = cells[i]
        if c and not c.isspace():
            return True
    return False


def cell_error(file: str, line: int, column: int, header: str, name: str, text: str,
                exc: Exception) -> RecordError:
    if isinstance(exc, CellError) and exc.args:
        reason = str(exc.args[0])
    else:  # a parser let a non-CellError through (e.g. int() on a digit it cannot convert)
        reason = f"cannot be read as a {FIELDS_BY_NAME[name].kind.replace('_', ' ')} value"
    what, sep, advice = reason.partition("; ")
    hint = advice if sep else f"correct the {FIELDS_BY_NAME[name].en} in this cell"
    part = getattr(exc, "shown", None)  # the bad item of a list cell, not the whole cell
    shown = part or text
    shown = shown if len(shown) <= MAX_SHOWN else shown[: MAX_SHOWN - 1] + "…"
    return RecordError(
        f"{header}: in '{shown}', {what}" if part else f"{header} '{shown}' {what}",
        location=Location(file, line, column, header),
        hint=hint,
        code=getattr(exc, "code", "BSA310"),
        params={"column": header, "value": shown, "field": name, "reason": reason},
    )
