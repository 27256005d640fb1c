"""One data record as every reader yields it (:class:`Row`): the CSV reader
(:mod:`bsa_check.records.reader`), the workbook reader (:mod:`bsa_check.records.xlsx`) and the
reader over dicts (:mod:`bsa_check.records.dicts`)."""

from __future__ import annotations

from typing import Any

from bsa_check.errors import RecordError

__all__ = ["Row"]


class Row:
    """One data record.

    ``line`` is the 1-based physical line the record starts on. ``values`` maps canonical field
    names to parsed values, complete whichever reader options made the row: an empty cell (or one
    that parses to ``None``) is absent. Exactly one of "``error`` is ``None``" (values usable) and
    "``error`` is set" (``values`` is empty) holds. ``student_id`` is the stripped student number
    text when that cell is non-empty, also on error rows, so a caller can say whose row failed.

    With the reader's row memo (``row_memo``, on where the rule sets allow it), rows whose parsed
    cells other than the student number (and, with ``memo_programme=False``, the programme) equal
    an earlier row's share one parsed dict, ``parsed``, and ``key`` identifies those cells, so a
    caller can memoise what it computes from ``values``: the same key, the same values but for the
    student number (and the programme). ``values`` adds those back (made on first use, never
    shared); ``parsed`` is for callers that memoise by ``key`` and must not be mutated.
    """

    __slots__ = ("line", "parsed", "error", "student_id", "key", "programme", "kept", "_values")

    def __init__(self, line: int, values: dict[str, Any], error: RecordError | None, student_id: str | None,
                 key: Any = None, programme: str | None = None, kept: tuple[Any, ...] | None = None) -> None:
        self.line = line
        self.parsed = values
        self.error = error
        self.student_id = student_id
        self.key = key  # with ``row_memo``: the raw cells that made ``parsed`` (the same key, the same parse)
        # the programme code (with ``row_memo`` and ``memo_programme=False`` it is not in ``parsed``)
        self.programme = programme if programme is not None else values.get("programme")
        self.kept = kept  # ``keep_columns``: the cells of those columns, as read (--keep-columns)
        self._values: dict[str, Any] | None = None if key is not None else values

    @property
    def values(self) -> dict[str, Any]:
        """Every parsed field of this row (see the class docstring)."""
        values = self._values
        if values is None:
            values = dict(self.parsed)
            values["student_id"] = self.student_id
            if self.programme is not None:
                values["programme"] = self.programme
            self._values = values
        return values

    def with_student(self, student_id: str | None) -> Row:
        """This row with another student number (``--pseudonymize``); the parsed values stay shared."""
        parsed = self.parsed
        if self.key is None and "student_id" in parsed:
            parsed = {**parsed, "student_id": student_id}
        return Row(self.line, parsed, self.error, student_id, self.key, self.programme, self.kept)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Row):
            return NotImplemented
        return (self.line, self.values, self.error, self.student_id, self.kept) == (
            other.line, other.values, other.error, other.student_id, other.kept)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it replaces

    def __repr__(self) -> str:
        return (f"Row(line={self.line!r}, values={self.values!r}, error={self.error!r}, "
                f"student_id={self.student_id!r}, kept={self.kept!r})")
