"""What a comparison of rule sets produces (``bsa_check.compare``): the per-row item, the located
error row, the changed students, the outcome matrices and the credit bins, and :class:`Comparison`,
the whole result that the renderers (``bsa_check.report.compare``) read. Plain data: no evaluation."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Iterator, NamedTuple

from bsa_check.errors import cell_name
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
