"""The check service: stream records through a compiled rule set, one result per data row.

This is the only place that joins reading and evaluation. Every data row yields exactly one
:class:`Result`, holding either a verdict or an error (never both, never neither).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterator

from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.engine.verdict import Verdict
from bsa_check.errors import EvaluationError, Location, RecordError
from bsa_check.records.reader import RecordReader


@dataclass(frozen=True, slots=True)
class Result:
    line: int
    student_id: str | None
    programme: str | None
    record: dict
    verdict: Verdict | None
    error: RecordError | EvaluationError | None


def error_locator(reader: RecordReader) -> Callable[[EvaluationError, int], EvaluationError]:
    """A function that points an evaluation error at the file, line and column of the empty cell."""
    file = str(reader.path)
    columns = reader.columns
    headers = reader.headers

    def locate(exc: EvaluationError, line: int) -> EvaluationError:
        field = exc.params.get("field")
        col = columns.get(field) if field else None
        exc.location = Location(file, line, col, headers[col - 1].strip() if col else None)
        if field and col is None:
            exc.hint = f"the export has no {field} column; add it"
        return exc

    return locate


def results(reader: RecordReader, ruleset: CompiledRuleSet, as_of: date) -> Iterator[Result]:
    """Evaluate every row of an open reader, in input order."""
    locate = error_locator(reader)
    for row in reader:
        values = row.values
        if row.error is not None:
            yield Result(row.line, row.student_id, values.get("programme"), values, None, row.error)
            continue
        try:
            verdict = ruleset.evaluate(values, as_of)
        except EvaluationError as exc:
            yield Result(row.line, row.student_id, values.get("programme"), values, None, locate(exc, row.line))
            continue
        yield Result(row.line, row.student_id, values.get("programme"), values, verdict, None)
