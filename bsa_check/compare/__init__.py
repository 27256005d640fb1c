"""Regime A vs B (vs C ...) over a population: transition counts, credit histogram, changed students.

Owns the comparison of rule sets over a stream of records. Pure: takes rows (as the reader yields
them) and compiled rule sets, returns a :class:`Comparison`; it reads no files, prints nothing and
renders nothing (``bsa_check.report.compare`` does that).

Shape of the work, so it can be split over processes later: :func:`classify` turns one row into a
small picklable item (programme, academic year, credit bin, outcome per rule set; or a located
error), and :class:`Accumulator` adds items in input order to a counter keyed by
``(programme, bin, outcomes)``. Memory is independent of the number of rows: it grows with the
distinct programmes x credit bins x outcome combinations, plus the listed errors (at most
:data:`ERROR_LIST_LIMIT`; all are counted) and, only with ``list_changed``, one small entry per
student whose outcome changes.

A row is *compared* when every rule set gives it a verdict. A row that cannot be read, or that one
rule set cannot evaluate, is an *error* row (counted once, located, listed): it is in no matrix,
since half a transition is not a transition. ``rows == compared + errors`` always.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.records.parse import academic_year_of
from bsa_check.ruleset.walk import operand_refs, tests_in
from bsa_check.errors import BsaCheckError, EvaluationError, cell_name
from bsa_check.memo import Memo
from bsa_check.services import cache
from bsa_check.services.stream import results as stream
from bsa_check.ruleset.model import OUTCOMES

BIN_WIDTH = Decimal(5)
TOP = Decimal(60)
N_BINS = int(TOP / BIN_WIDTH) + 1  # [0,5) [5,10) ... [55,60) and ">= 60"
NO_CREDITS = -1  # bin of a compared row without an ec_year1 value
ERROR_LIST_LIMIT = 1000
CREDIT_FIELD = "ec_year1"

Outcomes = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Norm:
    """A year-one credit norm of a rule set: the parameter, its value in force, per-programme values."""

    param: str
    title: dict[str, str]
    value: Decimal
    part_time: bool
    by_programme: dict[str, Decimal]


@dataclass(frozen=True, slots=True)
class RuleSetInfo:
    name: str
    version: str
    sha256: str
    legal_status: str
    title: dict[str, str]
    params: dict[str, str]
    placeholders: tuple[str, ...]
    norms: tuple[Norm, ...]

    @property
    def is_proposal(self) -> bool:
        return self.legal_status == "proposal"


@dataclass(frozen=True, slots=True)
class RowError:
    """A row that could not be compared: where, which code, what to do. No record content."""

    line: int
    code: str
    message: str
    file: str | None
    column: int | None
    column_name: str | None
    hint: str | None
    ruleset: str | None  # the rule set that could not evaluate it; None when the row could not be read
    sheet: str | None = None  # a workbook's sheet: located as Blad1!D17

    def __str__(self) -> str:
        where = ":".join(str(x) for x in (self.file, self.line, self.column) if x is not None)
        if self.sheet is not None:
            where = f"{self.file}:{cell_name(self.sheet, self.line, self.column)}"
        text = f"{where}" + (f" ({self.column_name})" if self.column_name else "") + ": "
        text += (f"[{self.ruleset}] " if self.ruleset else "") + self.message
        return text + (f" ({self.hint})" if self.hint else "")


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: str
    rule: str
    reason: str
    label: str | None = None  # an interim advice's label (the rule's ``label``)


@dataclass(frozen=True, slots=True)
class ChangedStudent:
    """Only built with ``list_changed``: a student whose outcome differs between the rule sets."""

    line: int
    student_id: str | None
    programme: str | None
    ec_year1: str | None
    decisions: tuple[Decision, ...]


class Item(NamedTuple):
    """What one compared row contributes (the per-row work's result; small and picklable; a named
    tuple because one is made for nearly every row)."""

    programme: str
    year: int
    bin: int
    outcomes: Outcomes
    changed: ChangedStudent | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    before: str
    after: str
    count: int


@dataclass(frozen=True, slots=True)
class Matrix:
    """Outcome under rule set ``a`` (rows) x outcome under ``b`` (columns) over ``total`` students."""

    a: int
    b: int
    cells: tuple[Cell, ...]  # non-zero cells, in vocabulary order
    total: int

    @property
    def changed(self) -> int:
        return sum(c.count for c in self.cells if c.before != c.after)

    @property
    def moves(self) -> list[Cell]:
        """Cells where the outcome changes, largest first (ties in vocabulary order)."""
        order = {o: i for i, o in enumerate(OUTCOMES)}
        return sorted((c for c in self.cells if c.before != c.after),
                      key=lambda c: (-c.count, order[c.before], order[c.after]))

    def count(self, before: str, after: str) -> int:
        return next((c.count for c in self.cells if c.before == before and c.after == after), 0)

    def rows(self) -> list[str]:
        seen = {c.before for c in self.cells}
        return [o for o in OUTCOMES if o in seen]

    def columns(self) -> list[str]:
        seen = {c.after for c in self.cells}
        return [o for o in OUTCOMES if o in seen]


def pairs(n: int) -> list[tuple[int, int]]:
    """The first rule set is the baseline: A->B, A->C, ... (not every pair: B->C is A->C minus A->B)."""
    return [(0, i) for i in range(1, n)]


def bin_label(index: int) -> str:
    """``0-5``, ..., ``55-60``, ``60+`` (a bin holds lower <= ec < upper)."""
    if index == NO_CREDITS:
        return "-"
    lo = BIN_WIDTH * index
    return f"{lo}+" if index == N_BINS - 1 else f"{lo}-{lo + BIN_WIDTH}"


def credit_bin(ec: Any) -> int:
    if ec is None:
        return NO_CREDITS
    return max(0, min(N_BINS - 1, int(Decimal(ec) // BIN_WIDTH)))


@dataclass
class Comparison:
    """The result of comparing rule sets over one file; renderers read it, nothing else."""

    rulesets: tuple[RuleSetInfo, ...]
    as_of: date
    source: str
    rows: int
    cells: dict[tuple[str, int, Outcomes], int]
    errors: list[RowError]
    error_count: int
    changed: list[ChangedStudent] | None = None
    programmes: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        self.programmes = tuple(sorted({p for p, _, _ in self.cells}))
        if self.compared + self.error_count != self.rows:
            raise AssertionError(f"compared {self.compared} + errors {self.error_count} != rows {self.rows}")

    @property
    def compared(self) -> int:
        return sum(self.cells.values())

    def _filtered(self, programme: str | None) -> Iterator[tuple[int, Outcomes, int]]:
        for (prog, b, outcomes), n in self.cells.items():
            if programme is None or prog == programme:
                yield b, outcomes, n

    def total(self, programme: str | None = None) -> int:
        return sum(n for _, _, n in self._filtered(programme))

    def outcome_counts(self, index: int, programme: str | None = None) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for _, outcomes, n in self._filtered(programme):
            counts[outcomes[index]] += n
        return {o: counts.get(o, 0) for o in OUTCOMES}

    def matrix(self, a: int, b: int, programme: str | None = None) -> Matrix:
        counts: Counter[tuple[str, str]] = Counter()
        for _, outcomes, n in self._filtered(programme):
            counts[outcomes[a], outcomes[b]] += n
        cells = tuple(Cell(x, y, counts[x, y]) for x in OUTCOMES for y in OUTCOMES if counts.get((x, y)))
        return Matrix(a, b, cells, self.total(programme))

    def matrices(self, programme: str | None = None) -> list[Matrix]:
        return [self.matrix(a, b, programme) for a, b in pairs(len(self.rulesets))]

    def changed_count(self, programme: str | None = None) -> int:
        """Students whose outcome is not the same under every rule set."""
        return sum(n for _, outcomes, n in self._filtered(programme) if len(set(outcomes)) > 1)

    def histogram(self) -> list[tuple[int, int, int]]:
        """(bin, students, of whom changed) for every bin, plus NO_CREDITS last when any row lacks a value."""
        total: Counter[int] = Counter()
        moved: Counter[int] = Counter()
        for b, outcomes, n in self._filtered(None):
            total[b] += n
            if len(set(outcomes)) > 1:
                moved[b] += n
        out = [(b, total.get(b, 0), moved.get(b, 0)) for b in range(N_BINS)]
        if total.get(NO_CREDITS):
            out.append((NO_CREDITS, total[NO_CREDITS], moved.get(NO_CREDITS, 0)))
        return out


# --- per-row work ----------------------------------------------------------------------------------


def _row_error(exc: BsaCheckError, line: int, ruleset: str | None) -> RowError:
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
        return _row_error(row.error, row.line, None)
    values = row.values
    decided: list[Any] = []  # (outcome, rule) tuples or Verdicts, as detail_lang asks
    for rs in rulesets:
        try:
            decided.append(rs.decide(values, as_of) if detail_lang is None else rs.evaluate(values, as_of))
        except EvaluationError as exc:
            return _row_error(locate(exc, row.line) if locate else exc, row.line, rs.name)
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
        """A worker's ``parallel.ComparedChunk``: what :meth:`add` of each of its rows in order
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


def compare_in_workers(reader: Any, parts: list[Any], workers: int, rulesets: list[CompiledRuleSet], as_of: date, *,
                       source: str, locate: Callable[[EvaluationError, int], EvaluationError] | None = None,
                       list_changed: bool = False, lang: str = "en", pseudo: Any = None) -> Comparison:
    """:func:`compare` with the rows classified in ``workers`` processes (``bsa_check.parallel``);
    items are added in input order, duplicates found by the keepers (in file order): the same result."""
    from bsa_check import parallel

    acc = Accumulator(rulesets, as_of, source, list_changed=list_changed)
    work = parallel.compare_work(rulesets, as_of, locate, lang if list_changed else None, pseudo)
    for chunk, duplicates in parallel.run(reader, parts, workers, work):
        errors = parallel.duplicate_errors(reader, duplicates) if duplicates else {}
        acc.add_chunk(chunk, {line: _row_error(dup, line, None) for line, dup in errors.items()})
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
            yield _row_error(row.error, row.line, None)
            continue
        served, fresh[0] = item is not fresh[0], None
        if served and row.programme is not None and item.programme != row.programme:
            # served from the memo (an Item): the reader left the programme out of the key (no rule set depends on it)
            item = Item(row.programme, item.year, item.bin, item.outcomes)
        yield item


# --- rule set facts --------------------------------------------------------------------------------


def _part_time_params(rs: CompiledRuleSet) -> set[str]:
    """Parameters a derived value selects for part-time students (``when: {field: part_time, ...}``)."""
    out = set()
    for d in rs.model.derived.values():
        for case in d.cases:
            if any(t.subject == ("field", "part_time") for t, _ in tests_in(case.when, ())):
                out |= {n for k, n in operand_refs(case.value) if k == "param"}
    return out


def ruleset_info(rs: CompiledRuleSet, year: int, programmes: list[str]) -> RuleSetInfo:
    """Name, version, hash, legal status and the year-one credit norms in force in ``year``."""
    from bsa_check.report import placeholder_params
    from bsa_check.ruleset.walk import params_compared_with

    part_time = _part_time_params(rs)
    norms = []
    for name in params_compared_with(rs.model, frozenset({CREDIT_FIELD})):
        param = rs.params.get(name)
        if param is None or param.type not in ("decimal", "integer"):
            continue
        try:
            value = Decimal(param.resolve(None, year))
            per = {p: Decimal(param.resolve(p, year)) for p in programmes if p in param.by_programme}
        except EvaluationError:
            continue  # no value in force that year: no marker rather than a wrong one
        title = {"nl": param.model.title.nl, "en": param.model.title.en} if param.model.title else {"nl": name,
                                                                                                    "en": name}
        norms.append(Norm(name, title, value, name in part_time or "part_time" in name,
                          {p: v for p, v in per.items() if v != value}))
    model = rs.model
    return RuleSetInfo(rs.name, rs.version, rs.sha256, model.legal_status,
                       {"nl": model.title.nl, "en": model.title.en}, dict(rs.overrides),
                       tuple(placeholder_params(rs)), tuple(sorted(norms, key=lambda n: (n.part_time, n.param))))


from bsa_check import callable_subpackage  # noqa: E402

callable_subpackage(__name__, "compare")  # bsa_check.compare(...) is the Python API (bsa_check.api)
