"""The per-row work of a comparison and its sum: :func:`classify` turns one row into an :class:`Item`
(or a located :class:`RowError`), :func:`classify_all` does it for a stream of rows through the
shared loop (``services.stream``, with the memo of ``services.cache``), and :class:`Accumulator`
adds the items in input order into a :class:`Comparison`. :func:`compare` is the one-process run;
``compare.workers`` runs the same over ``--workers`` processes. Pure: no I/O."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, Callable, Iterable, Iterator

from bsa_check.compare.facts import ruleset_info
from bsa_check.compare.model import (CREDIT_FIELD, ERROR_LIST_LIMIT, ChangedStudent, Comparison, Decision, Item,
                                     Outcomes, RowError, credit_bin)
from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.errors import BsaCheckError, EvaluationError
from bsa_check.memo import Memo
from bsa_check.records.parse import academic_year_of
from bsa_check.services import cache
from bsa_check.services.stream import results as stream


def row_error(exc: BsaCheckError, line: int, ruleset: str | None) -> RowError:
    loc = exc.location
    return RowError(line, exc.code, exc.message, loc.file if loc else None, loc.column if loc else None,
                    loc.column_name if loc else None, exc.hint, ruleset, loc.sheet if loc else None)


def classify(row: Any, rulesets: list[CompiledRuleSet], as_of: date,
             locate: Callable[[EvaluationError, int], EvaluationError] | None = None,
             detail_lang: str | None = None) -> Item | RowError:
    """One row -> its outcome under every rule set, or the first error. Pure (no I/O).

    ``detail_lang``: also keep the student and both reasons (in that language) when the outcome changes.
    """
    if row.error is not None:
        return row_error(row.error, row.line, None)
    values = row.values
    decided: list[Any] = []  # (outcome, rule) tuples or Verdicts, as detail_lang asks
    for rs in rulesets:
        try:
            decided.append(rs.decide(values, as_of) if detail_lang is None else rs.evaluate(values, as_of))
        except EvaluationError as exc:
            return row_error(locate(exc, row.line) if locate else exc, row.line, rs.name)
    outcomes = tuple(d[0] if detail_lang is None else d.outcome for d in decided)
    year = values.get("academic_year")
    if year is None:
        year = academic_year_of(values.get("advice_date") or as_of)
    ec = values.get(CREDIT_FIELD)
    changed = None
    if detail_lang is not None and len(set(outcomes)) > 1:
        from bsa_check.explain import one_line, verdict_label

        changed = ChangedStudent(row.line, row.student_id, getattr(row, "programme", None) or values.get("programme"),
                                 None if ec is None else str(ec),
                                 tuple(Decision(v.outcome, v.rule.id, one_line(v, detail_lang), verdict_label(v, detail_lang))
                                       for v in decided))
    return Item(getattr(row, "programme", None) or values.get("programme") or "", year, credit_bin(ec), outcomes,
                changed)


class Accumulator:
    """Adds per-row items in input order; cheap: one dict increment per compared row."""

    def __init__(self, rulesets: list[CompiledRuleSet], as_of: date, source: str, *, list_changed: bool = False,
                 error_limit: int = ERROR_LIST_LIMIT) -> None:
        self.rulesets = rulesets
        self.as_of = as_of
        self.source = source
        self.rows = 0
        self.cells: Counter[tuple[str, int, Outcomes]] = Counter()
        self.years: Counter[int] = Counter()
        self.errors: list[RowError] = []
        self.error_count = 0
        self.error_limit = error_limit
        self.changed: list[ChangedStudent] | None = [] if list_changed else None

    def add(self, item: Item | RowError) -> None:
        self.rows += 1
        if isinstance(item, RowError):
            self.error_count += 1
            if len(self.errors) < self.error_limit:
                self.errors.append(item)
            return
        self.cells[item.programme, item.bin, item.outcomes] += 1
        self.years[item.year] += 1
        if self.changed is not None and item.changed is not None:
            self.changed.append(item.changed)

    def add_chunk(self, chunk: Any, duplicates: dict[int, RowError]) -> None:
        """A worker's ``compare.workers.ComparedChunk``: what :meth:`add` of each of its rows in order
        would add, with the rows in ``duplicates`` (line -> error) counted as those errors."""
        cells = chunk.cells
        if duplicates:
            for i, line in enumerate(chunk.lines):
                j = chunk.ids[i]
                dup = duplicates.get(line)
                if dup is not None:
                    self.add(dup)
                elif j < 0:
                    self.add(chunk.errors[i])
                else:
                    programme, year, bin_, outcomes = cells[j]
                    self.add(Item(programme, year, bin_, outcomes, chunk.changed.get(i)))
            return
        self.rows += len(chunk.ids)
        for j, n in Counter(chunk.ids).items():
            if j >= 0:
                programme, year, bin_, outcomes = cells[j]
                self.cells[programme, bin_, outcomes] += n
                self.years[year] += n
        for i in sorted(chunk.errors):
            self.error_count += 1
            if len(self.errors) < self.error_limit:
                self.errors.append(chunk.errors[i])
        if self.changed is not None:
            self.changed.extend(chunk.changed[i] for i in sorted(chunk.changed))

    def result(self) -> Comparison:
        # the norms in force in the academic year most rows are about (the latest on a tie)
        year = max(self.years, key=lambda y: (self.years[y], y)) if self.years else academic_year_of(self.as_of)
        programmes = sorted({p for p, _, _ in self.cells if p})
        infos = tuple(ruleset_info(rs, year, programmes) for rs in self.rulesets)
        return Comparison(infos, self.as_of, self.source, self.rows, dict(self.cells), self.errors,
                          self.error_count, self.changed)


def compare(rows: Iterable[Any], rulesets: list[CompiledRuleSet], as_of: date, *, source: str,
            locate: Callable[[EvaluationError, int], EvaluationError] | None = None,
            list_changed: bool = False, lang: str = "en") -> Comparison:
    """Evaluate every row under every rule set in one pass; count transitions, credits and errors."""
    acc = Accumulator(rulesets, as_of, source, list_changed=list_changed)
    detail = lang if list_changed else None
    for item in classify_all(rows, rulesets, as_of, locate, detail):
        acc.add(item)
    return acc.result()


def classify_all(rows: Iterable[Any], rulesets: list[CompiledRuleSet], as_of: date,
                 locate: Callable[[EvaluationError, int], EvaluationError] | None = None,
                 detail_lang: str | None = None, memo: Memo | None = None) -> Iterator[Item | RowError]:
    """:func:`classify` for every row, in order. Rows the reader memoised (the same parsed cells,
    ``Row.key``) share one item when no student is listed (an item without ``changed`` is a
    function of the record alone); errors are never shared."""
    fresh: list[Item | RowError | None] = [None]  # the item computed last: not served from the memo

    def compute(row: Any) -> Item | RowError:
        fresh[0] = item = classify(row, rulesets, as_of, locate, detail_lang)
        return item

    for row, item in stream(rows, compute, cache.new(cache.COMPARED) if memo is None else memo,
                            errors=RowError, shared=detail_lang is None):
        if item is None:
            yield row_error(row.error, row.line, None)
            continue
        served, fresh[0] = item is not fresh[0], None
        if served and row.programme is not None and item.programme != row.programme:
            # served from the memo (an Item): the reader left the programme out of the key (no rule set depends on it)
            item = Item(row.programme, item.year, item.bin, item.outcomes)
        yield item
