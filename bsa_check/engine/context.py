"""Evaluation state and the compiled pieces of a rule set that evaluation runs.

:class:`Ctx` is the state of one record's evaluation (its values, the reference date and academic
year, the parameters in force, derived values computed once, and, when recording, the comparisons
made); :class:`CompiledParam` and :class:`LazyParams` give the parameter values in force;
:class:`CompiledRule` and :class:`CompiledPrecondition` are what ``engine.compile`` builds and
``engine.evaluate`` runs. Pure: no I/O.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable

from bsa_check.engine.units import AggregateDetail
from bsa_check.engine.values import ABSENT
from bsa_check.engine.verdict import DerivedDetail, TestResult
from bsa_check.errors import EvaluationError
from bsa_check.ruleset import model as m

__all__ = ["CompiledParam", "CompiledPrecondition", "CompiledRule", "Ctx", "Getter", "LazyParams", "add_months",
           "in_force"]


def add_months(day: date, months: int) -> date:
    y, mo = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, mo + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_working_days(day: date, n: int, holidays: frozenset[date] = frozenset()) -> date:
    """``day`` moved by ``n`` working days (Monday to Friday, not in ``holidays``); 0 leaves it as it is,
    a negative ``n`` counts back. The day reached is always a working day."""
    step = timedelta(days=1 if n > 0 else -1)
    left = abs(n)
    while left:
        day += step
        if day.weekday() < 5 and day not in holidays:
            left -= 1
    return day


class Ctx:
    """Evaluation state of one record. ``log`` collects TestResults when not None."""

    __slots__ = ("record", "as_of", "year", "params", "derived", "log", "_derived_cache", "details", "agg_log")

    def __init__(self, record: Any, as_of: date, year: int, params: dict[str, Any],
                 derived: dict[str, Callable[["Ctx"], Any]]) -> None:
        self.record = record
        self.as_of = as_of
        self.year = year
        self.params = params
        self.derived = derived
        self.log: list[TestResult] | None = None
        self._derived_cache: dict[str, Any] = {}
        # What each derived value was computed from (which case or band, which units): for explain.
        self.details: dict[str, DerivedDetail] | None = {}  # None: not tracing
        self.agg_log: list[AggregateDetail] | None = None

    def derived_value(self, name: str) -> Any:
        cache = self._derived_cache
        if name not in cache:
            details = self.details  # None: not tracing, the value only
            saved, self.log = self.log, None  # a derived value's own tests are not the rule's
            saved_agg = self.agg_log
            if details is not None:
                self.agg_log = []
            try:
                value, case = self.derived[name](self)
                cache[name] = value
                if details is not None:
                    details[name] = DerivedDetail(name, None if value is ABSENT else value, case, tuple(self.agg_log or ()))
            finally:
                self.log = saved
                self.agg_log = saved_agg
        return cache[name]


Getter = Callable[[Ctx], Any]


@dataclass(frozen=True, slots=True)
class CompiledParam:
    name: str
    type: str
    model: m.Parameter
    values: tuple[tuple[date, Any], ...]
    by_programme: dict[str, tuple[tuple[date, Any], ...]]

    def resolve(self, programme: str | None, year: int) -> Any:
        ref = date(year, 9, 1)
        table = self.by_programme.get(programme or "", self.values) if self.by_programme else self.values
        value = in_force(table, ref)
        if value is ABSENT and table is not self.values:
            value = in_force(self.values, ref)
        if value is ABSENT:
            raise EvaluationError(
                f"parameter {self.name!r} has no value in force on {ref.isoformat()}",
                hint=f"check collegejaar ({year}-{year + 1}); or add a value dated on or before {ref.isoformat()} "
                     "to the rule set, or set it with --param",
                code="BSA320", params={"param": self.name})
        if self.type == "month_day":
            month, day_ = value
            return date(year if month >= 9 else year + 1, month, day_)
        return value


class LazyParams(dict):  # type: ignore[type-arg]
    """The parameter values of one (programme, academic year), each resolved when a rule first reads it.

    Only what a record's evaluation actually reads must have a value in force (issue 14): a part-time
    norm that a rule set dates from 2015 must not fail a full-time record of 2012. A value that is
    read and has none in force raises BSA320 (:meth:`CompiledParam.resolve`); resolved values stay.
    """

    __slots__ = ("_params", "_programme", "_year")

    def __init__(self, params: dict[str, "CompiledParam"], programme: str | None, year: int) -> None:
        super().__init__()
        self._params = params
        self._programme = programme
        self._year = year

    def __missing__(self, name: str) -> Any:
        param = self._params.get(name)
        if param is None:
            raise KeyError(name)
        value = param.resolve(self._programme, self._year)
        self[name] = value
        return value

    def __contains__(self, name: object) -> bool:
        return name in self._params

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if name in self._params else default


def in_force(table: tuple[tuple[date, Any], ...], ref: date) -> Any:
    found = ABSENT
    for start, value in table:
        if start <= ref:
            found = value
        else:
            break
    return found


@dataclass(frozen=True, slots=True)
class CompiledPrecondition:
    id: str
    cond: Callable[[Ctx], bool]
    model: m.Precondition


@dataclass(frozen=True, slots=True)
class CompiledRule:
    id: str
    index: int
    outcome: str
    cond: Callable[[Ctx], bool] | None
    requires: tuple[CompiledPrecondition, ...]
    model: m.Rule
    placeholders: frozenset[str]
    credit_tests: bool = False  # its condition has a ge/lt comparison (a credit gap may show there)
    fragments: tuple[Callable[[Ctx], bool], ...] = ()  # the conditions of the rule's reason_fragments
    # the parameters its condition, preconditions and fragments read, directly or through derived values (the
    # machine output names each one flagged unverified: report.facts)
    params_read: frozenset[str] = frozenset()
