"""``due``: per student, the procedural steps a lawful binding advice still needs, each with its last day.

:mod:`bsa_check.services.due_planner` plans one record (how, in its docstring: generic, from the
rule set's preconditions and parameters); this module runs it over a reader's rows, makes the
:class:`Step` lines, sorts them by deadline and counts the students it does not list. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Iterable, Iterator

from bsa_check.engine.compile import CompiledPrecondition, CompiledRule, CompiledRuleSet
from bsa_check.errors import EvaluationError, RecordError
from bsa_check.services.due_planner import STEP_FIELDS, Planner, condition_fields, step_fields

__all__ = ["STEP_FIELDS", "DuePlan", "Planner", "Step", "condition_fields", "iter_record_steps", "plan_rows", "step_fields"]


@dataclass(frozen=True)
class Step:
    """One line of ``due``: a step a student's binding advice still needs (``kind`` "step"), or a
    decision a person must take first (``kind`` "decision", from a ``needs_review`` rule), or a
    timing precondition no day from ``as_of`` on can meet (``kind`` "timing": e.g. the record's advice
    date lies outside the window)."""

    line: int
    student_id: str
    programme: str | None
    kind: str
    rule: CompiledRule
    step_id: str
    precondition: CompiledPrecondition | None
    values: dict[str, Any]
    fields: tuple[str, ...]
    earliest: date | None
    latest: date | None  # None: too late (no day left) or, for a decision, no date in the rule set
    advice_from: date | None
    advice_until: date | None
    shortfall: Decimal | None
    target: Decimal | None
    needed: dict[str, Any] = field(default_factory=dict)  # count/flag steps: the value to record
    reachable: bool | None = None  # the norm met if every open unit were passed; None: unknown

    @property
    def too_late(self) -> bool:
        return self.kind in ("step", "timing") and self.latest is None


@dataclass
class DuePlan:
    """Every listed step (sorted by deadline), the students not listed counted per (status, outcome,
    rule), and one error per row that could not be read or evaluated."""

    as_of: date
    steps: list[Step] = field(default_factory=list)
    out_of_scope: dict[tuple[str, str, str], int] = field(default_factory=dict)
    rule_titles: dict[str, Any] = field(default_factory=dict)
    errors: list[RecordError | EvaluationError] = field(default_factory=list)
    students: int = 0
    listed_students: int = 0
    later_students: int = 0  # with steps, none of them due within --within days


def _sort_key(s: Step) -> tuple:  # type: ignore[type-arg]
    # Too late first (most urgent), then by deadline; decisions without a date last.
    if s.too_late:
        rank, day = 0, date.min
    elif s.latest is None:
        rank, day = 2, date.max
    else:
        rank, day = 1, s.latest
    return rank, day, s.student_id, s.line, s.step_id


def plan_rows(rows: Iterable[Any], ruleset: CompiledRuleSet, as_of: date, within: int | None = None,
              locate: Any = None) -> DuePlan:
    """The plan for every row of a reader (``Row`` objects): steps sorted by deadline, out-of-scope
    counts, and one error per row that could not be read or evaluated (located by ``locate``)."""
    planner = Planner(ruleset, as_of, within)
    result = DuePlan(as_of)
    steps: list[Step] = []
    for row in rows:
        result.students += 1
        if row.error is not None:
            result.errors.append(row.error)
            continue
        record = row.values
        try:
            kind, payload = planner.plan(record)
            shortfall = ruleset.evaluate(record, as_of).shortfalls
        except EvaluationError as exc:
            result.errors.append(locate(exc, row.line) if locate else exc)
            continue
        if kind == "out":
            status, outcome, rule, _ = payload
            key = (status, outcome, rule.id)
            result.out_of_scope[key] = result.out_of_scope.get(key, 0) + 1
            result.rule_titles[rule.id] = rule.model.title
            continue
        gap = shortfall[0] if shortfall else None
        day = next((i["advice_from"] for i in payload if i.get("advice_from")), as_of)
        reach = planner.reachable(record, day) if gap is not None else None
        made = [Step(row.line, row.student_id or "", row.programme or record.get("programme"),
                     shortfall=gap.amount if gap else None, target=gap.target if gap else None, reachable=reach, **item)
                for item in payload]
        if within is not None:
            limit = as_of + timedelta(days=within)
            made = [s for s in made if s.latest is None or s.latest <= limit]
        if made:
            result.listed_students += 1
        else:
            result.later_students += 1
        steps.extend(made)
    steps.sort(key=_sort_key)
    result.steps = steps
    return result


def iter_record_steps(record: dict, ruleset: CompiledRuleSet, as_of: date) -> Iterator[Step]:  # type: ignore[type-arg]
    """The steps of one record (no reader): for tests and for ``letters``' warning refusals."""
    kind, payload = Planner(ruleset, as_of).plan(record)
    if kind != "steps":
        return
    items = [Step(0, str(record.get("student_id", "")), record.get("programme"), shortfall=None, target=None, **item)
             for item in payload]
    yield from sorted(items, key=_sort_key)
