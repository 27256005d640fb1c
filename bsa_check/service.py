"""The check service: stream records through a compiled rule set, one result per data row.

It joins reading and evaluation for ``check`` over the one streaming loop
(:func:`bsa_check.services.stream.results`, which ``compare`` runs too). Every data row yields exactly
one :class:`Result`, holding either a verdict or an error (never both, never neither).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.engine.verdict import Verdict
from bsa_check.errors import EvaluationError, Location, RecordError
from bsa_check.memo import Memo
from bsa_check.services import cache
from bsa_check.services.stream import results as stream
from bsa_check.records.reader import RecordReader, Row


class Result(NamedTuple):
    """One data row's outcome: a verdict or an error, never both. A named tuple: one is made per row."""

    line: int
    student_id: str | None
    programme: str | None
    record: dict[str, Any]
    verdict: Verdict | None
    error: RecordError | EvaluationError | None
    key: object = None  # the reader's row key (row_memo): the same key, the same verdict
    kept: tuple[Any, ...] | None = None  # the export's own cells the output carries (--keep-columns)


def error_locator(reader: RecordReader) -> Callable[[EvaluationError, int], EvaluationError]:
    """A function that points an evaluation error at the file, line and column of the empty cell."""
    file = str(reader.path)
    columns = reader.columns
    headers = reader.headers
    sheet = getattr(reader, "sheet", None) or None  # a workbook: located as Blad1!D17

    def locate(exc: EvaluationError, line: int) -> EvaluationError:
        field = exc.params.get("field")
        col = columns.get(field) if field else None
        exc.location = Location(file, line, col, headers[col - 1].strip() if col else None, sheet)
        if field and col is None:
            exc.hint = f"the export has no {field} column; add it"
        return exc

    return locate


def results(reader: RecordReader, ruleset: CompiledRuleSet, as_of: date,
            rows: Iterable[Row] | None = None) -> Iterator[Result]:
    """Evaluate every row of an open reader (or ``rows``, e.g. one chunk of it), in input order.

    Rows the reader memoised (``row_memo``: the same parsed cells) share one verdict
    (:mod:`bsa_check.services.cache`): evaluation is deterministic, so this only saves work.
    Evaluation errors are never memoised (each is located at its own row).
    """
    locate = error_locator(reader)
    evaluate = ruleset.evaluate

    def compute(row: Row) -> Verdict | EvaluationError:
        try:
            return evaluate(row.values, as_of)
        except EvaluationError as exc:
            return locate(exc, row.line)

    for row, found in stream(reader if rows is None else rows, compute, cache.new(cache.VERDICT),
                             errors=EvaluationError):
        values = row.values
        if found is None:
            yield Result(row.line, row.student_id, row.programme, values, None, row.error, None, row.kept)
        elif isinstance(found, EvaluationError):
            yield Result(row.line, row.student_id, row.programme, values, None, found,
                         None, row.kept)
        else:
            yield Result(row.line, row.student_id, row.programme, values, found, None,
                         row.key, row.kept)


def rendered(reader: RecordReader, ruleset: CompiledRuleSet, as_of: date, reporter: Any,
             rows: Iterable[Row] | None = None, pseudo: Any = None, memo: Memo | None = None) -> Iterator[tuple[Any, ...]]:
    """``check``'s stream for the machine formats: per row ``(line, student, programme, text,
    outcome, error)``, with ``text`` the row as ``reporter.verdict_text`` renders the :class:`Result`
    that :func:`results` gives for it (``error`` None), or ``text`` None and the row's error.

    One memo maps a row key (``row_memo``) to the outcome and the rendered part that depends on the
    verdict alone, so a row like an earlier one costs a dictionary lookup and one string: no
    verdict, no :class:`Result`. ``pseudo``: replaces the student numbers (``--pseudonymize``).
    ``memo``: that memo, to keep it across calls (a ``--workers`` process renders many chunks).
    """
    locate = error_locator(reader)
    evaluate = ruleset.evaluate
    tail_of, row_text = reporter.tail_of, reporter.row_text

    def compute(row: Row) -> tuple[str, Any] | EvaluationError:
        try:
            verdict = evaluate(row.values, as_of)
        except EvaluationError as exc:
            return locate(exc, row.line)
        return verdict.outcome, tail_of(verdict)

    for row, hit in stream(reader if rows is None else rows, compute,
                           cache.new(cache.RENDERED) if memo is None else memo, errors=EvaluationError):
        line = row.line
        sid = row.student_id if pseudo is None else pseudo(row.student_id)
        if hit is None:
            yield line, sid, None, None, None, row.error
            continue
        programme = row.programme
        if type(hit) is tuple:
            yield line, sid, programme, row_text(line, sid, programme, hit[1]), hit[0], None
        else:
            yield line, sid, programme, None, None, hit
