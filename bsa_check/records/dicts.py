"""Student records from Python objects: an iterable of dicts (column name -> cell), for the Python API.

Owns: turning each item into exactly one :class:`~bsa_check.records.reader.Row`, through the same
header resolution (``RecordReader._resolve_header``: aliases, ``--columns`` mappings, missing and
duplicate columns) and the same typed-cell parsing as an ``.xlsx`` workbook (``XlsxReader``): a
``str`` is parsed as CSV text is, a ``date`` is a date cell, an ``int``/``float``/``Decimal`` a number
cell (a number where text is expected, such as a student number, is refused as in a workbook:
leading zeros may be gone). The first item's keys are the header; ``line`` is the item's 1-based
position. An item that is not a non-empty dict (BSA430), or that has a key the first item lacks
(BSA431), is an error row at its position: no item is dropped.

Must not: write a temporary file, hold the iterable whole (items are read as they are checked), or
put a cell's content into a message.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable, Iterator, Mapping

from bsa_check.errors import Location, RecordError
from bsa_check.records.fields import FIELDS_BY_NAME
from bsa_check.records.mapping import header_index
from bsa_check.records.parse import PARSERS
from bsa_check.records.reader import Row
from bsa_check.records.row_errors import ALWAYS_PARSED
from bsa_check.records.xlsx import XlsxReader

__all__ = ["DictsReader", "DICTS_NAME"]

DICTS_NAME = "<records>"


class DictsReader(XlsxReader):
    """A :class:`RecordReader` over an iterable of dicts (same options as the file readers)."""

    def __init__(self, items: Iterable[Any], *, name: str = DICTS_NAME, fields: Iterable[str] | None = None,
                 required: Iterable[str] = ("student_id", "programme"), parsers: dict[str, Any] | None = None,
                 unique_ids: bool = True, bounds: dict[str, tuple[Any, Any, str | None]] | None = None,
                 row_memo: bool = False, memo_programme: bool = True, mapping: Any = None,
                 sheet: str | None = None) -> None:
        del row_memo, memo_programme, sheet  # each item is parsed (as a workbook row is)
        self._row_memo = None
        self._memo_programme = True
        self._seen = None
        self._bounds = dict(bounds or {})
        self._parsers = {**PARSERS, **(parsers or {})}
        self._source = None
        self._workbook = None
        self._handle = None
        self.path = name
        self._file_name = name
        self.mapping = mapping
        self._header_index = header_index(mapping)
        self._unique_ids = unique_ids
        self._file = None
        self._gen = None
        self.encoding = "python"
        self.delimiter = ","
        self.sheet = ""
        self._pending: list[Row] = []  # error rows for items the cell stream skipped, by position
        wanted = None if fields is None else set(fields) | set(ALWAYS_PARSED)
        required = tuple(required)
        unknown = sorted(n for n in (*(wanted or ()), *required) if n not in FIELDS_BY_NAME)
        if unknown:
            raise ValueError(f"unknown record field name(s): {', '.join(unknown)}")
        items = iter(items)
        first_line = 0
        first: Any = None
        for first_line, first in enumerate(items, 1):
            if isinstance(first, Mapping) and first:
                break
            self._pending.append(self._not_a_record(first_line, first))
        else:
            raise RecordError("no records: the iterable holds no non-empty dict", location=Location(name),
                              hint="give one dict per student, keyed by column name", code="BSA303")
        self.header_line = 0
        self._keys = [str(k) for k in first]
        self._resolve_header([k.strip() for k in self._keys], 0, wanted, required)
        self._sheet_rows = self._cells(first_line, first, items)
        self._gen = self._merged()

    def _error(self, code: str, message: str, hint: str, line: int | None = None,
               column: int | None = None, column_name: str | None = None,
               params: dict[str, Any] | None = None) -> RecordError:
        # the header is the first item's keys: a header problem has no line of its own
        return super()._error(code, message, hint, line or None, column, column_name, params)

    def _not_a_record(self, line: int, item: Any) -> Row:
        what = "an empty dict" if isinstance(item, Mapping) else f"a {type(item).__name__}, not a dict"
        return Row(line, {}, RecordError(f"item {line} is {what}", location=Location(self._file_name, line),
                                         hint="give one non-empty dict per student, keyed by column name",
                                         code="BSA430", params={"item": line}), None)

    def _cells(self, first_line: int, first: Mapping[str, Any], rest: Iterator[Any]) -> Iterator[tuple[int, tuple[Any, ...]]]:
        keys = self._keys
        known = set(keys)
        yield first_line, tuple(_cell(first[k]) for k in first)
        for line, item in enumerate(rest, first_line + 1):
            if not isinstance(item, Mapping) or not item:
                self._pending.append(self._not_a_record(line, item))
                continue
            extra = next((k for k in item if str(k) not in known), None)
            if extra is not None:
                sid = item.get(keys[self._sid_index]) if self._sid_index >= 0 else None
                self._pending.append(Row(line, {}, RecordError(
                    f"item {line} has the key {str(extra)[:60]!r}, which the first item does not have",
                    location=Location(self._file_name, line), code="BSA431", params={"item": line},
                    hint="give every dict the same keys (None for an empty cell)"),
                    sid.strip() if isinstance(sid, str) and sid.strip() else None))
                continue
            yield line, tuple(_cell(item.get(k)) for k in keys)

    def _merged(self) -> Iterator[Row]:
        """The parsed rows and the pending error rows, in item order."""
        pending = self._pending
        for row in self._rows():
            while pending and pending[0].line < row.line:
                yield pending.pop(0)
            yield row
        while pending:
            yield pending.pop(0)

    def close_quietly(self) -> None:
        pass

    def body_offset(self) -> int | None:
        return None


def _cell(value: Any) -> Any:
    """A Python value as a workbook cell: a Decimal is read as its text (exact)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value
