"""Exception hierarchy and source locations.

Every error the tool reports to a user is a :class:`BsaCheckError` carrying a :class:`Location`
(file, line, column) and a hint that says what to do. Messages never contain student record
content beyond the offending cell the user needs to see to fix it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: a file, and optionally a 1-based line and column (in a workbook: the
    sheet, its 1-based row as ``line`` and column index as ``column``).

    ``column_name`` is the CSV header of the column, when the location is a cell.
    """

    file: str
    line: int | None = None
    column: int | None = None
    column_name: str | None = None
    sheet: str | None = None  # a workbook's sheet: shown as ``Blad1!D17`` (line = row, column = index)

    def __str__(self) -> str:
        if self.sheet:  # "" is no sheet: an iterable of dicts read as a workbook (records.dicts)
            text = f"{self.file}:{cell_name(self.sheet, self.line, self.column)}"
            return text + (f" ({self.column_name})" if self.column_name else "")
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        text = ":".join(parts)
        if self.column_name:
            text += f" ({self.column_name})"
        return text


def column_letter(index: int) -> str:
    """Excel's letters for a 1-based column index: 1 -> A, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(sheet: str, row: int | None, column: int | None) -> str:
    """``Blad1!D17`` (a sheet name that is not one plain word in quotes, as Excel writes it)."""
    shown = sheet if sheet.replace("_", "").isalnum() else "'" + sheet.replace("'", "''") + "'"
    if row is None:
        return shown
    if not column:
        return f"{shown}!{row}:{row}"  # the whole row, as Excel names it
    return f"{shown}!{column_letter(column)}{row}"


class BsaCheckError(Exception):
    """Base of every error the tool reports to a user.

    ``code`` is a stable identifier (``BSA1xx`` rule files, ``BSA3xx`` records, ``BSA4xx`` usage);
    ``params`` fill the localised message template of that code; ``message`` is the English text.
    """

    def __init__(
        self,
        message: str,
        *,
        location: Location | None = None,
        hint: str | None = None,
        code: str = "BSA000",
        params: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint
        self.code = code
        self.params = params or {}

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}" if self.location else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class RuleFileError(BsaCheckError):
    """A rule file cannot be loaded: YAML syntax, unsupported tag, duplicate key, schema."""


class RecordError(BsaCheckError):
    """A student record (or the file holding them) cannot be read or parsed."""


class EvaluationError(BsaCheckError):
    """A record was read but cannot be evaluated (e.g. a value a rule needs is empty)."""


class UsageError(BsaCheckError):
    """The command line is wrong: unknown option value, unknown parameter, bad date."""


@dataclass(slots=True)
class ErrorList(Exception):
    """Several rule-file problems collected before failing (validation reports them all)."""

    errors: Sequence[BsaCheckError] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
