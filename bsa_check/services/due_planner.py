"""``due``'s planner: per record, the window of lawful advice days and each unmet step's first and last day.

Generic: everything comes from the rule set, never from a regime's name. For one record and a
reference day D (``--as-of``):

1. **The binding rule** (``CompiledRuleSet.binding_in_reach``): the deciding rule when it has
   preconditions (``requires``); when the deciding rule leaves the matter to a person
   (``needs_review``), the first later rule with preconditions whose condition holds. A student whose
   deciding rule gives ``positive``, ``no_advice``, ``postponed``, ``negative_advisory`` (norm met,
   propaedeutic exam passed, deregistered before the cut-off, ...) is *out of scope*: counted per rule,
   not listed.
2. **Steps and timing.** A precondition that reads a field recording a procedural act
   (:data:`STEP_FIELDS`: a warning, a hearing, a conversation, an improvement period, progress
   talks, an alternative offered) is a *step*; one that reads none is *timing* (the advice date lies
   in its window: the end of the year, the MBO window from the student's own start, ...).
3. **The advice window**: the days A from D on (at most :data:`HORIZON_DAYS` ahead) on which the
   binding rule holds and every timing precondition holds, evaluated as a run on day A would
   (``as_of`` = A; the advice day is A unless the record has an ``advice_date``).
4. **Each unmet step**: the latest day X from D on (and the earliest) such that recording it on X,
   with the other unmet steps (and a recorded step that X would invalidate, such as a hearing
   before a new warning) recorded on one of D, X, A or their recorded day, makes every step
   precondition hold on the advice day A. A is the earliest day of the window on which every unmet
   step still fits and no recorded step must be taken again; else the earliest on which every one
   fits; else the window's last day, where a step that does not fit is listed as too late (found by
   bisection: a later advice day leaves more room).
5. **Reachable**: under a rule set that counts unit results, whether the binding rule would no
   longer apply if every open unit (no result yet, or a resit to come) were passed.

The "what is required" text and legal basis of every step are the rule set's own (``missing`` and
``legal_basis`` of the precondition). Pure: no I/O; the CLI reads and writes. :mod:`bsa_check.services.due` runs it over the rows.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any, Callable, Iterable

from pydantic import BaseModel

from bsa_check.engine.compile import CompiledPrecondition, CompiledRule, CompiledRuleSet, Reach
from bsa_check.records.parse import academic_year_of
from bsa_check.errors import EvaluationError
from bsa_check.records.parse import UnitResult


# Fields of the record vocabulary (records/fields.py) that record a procedural act. This is a fact
# about the fields, not about any regime: a rule set that reads one in a precondition makes that
# precondition a step someone must take. Kind: "date" (taken on a day), "count" (how many were
# held), "flag" (done or not).
STEP_FIELDS: dict[str, str] = {
    "warning_date": "date",
    "hearing_date": "date",
    "conversation_date": "date",
    "improvement_deadline": "date",
    "progress_talks": "count",
    "alternative_offered": "flag",
}

HORIZON_DAYS = 400  # how far from --as-of the advice window is looked for
WINDOW_STRIDE = 3  # days between the probes for an advice window (plus every date a parameter names)
MAX_COUNT = 50  # the most progress talks (a count step) tried
OUT_OF_SCOPE_OUTCOMES = frozenset({"positive", "no_advice", "postponed", "negative_advisory", "interim"})


def condition_fields(node: Any) -> set[str]:
    """Every record field a condition (or any rule-file model part) reads: ``field:`` keys at any depth."""
    found: set[str] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, (list, tuple)):
            stack.extend(n)
        elif isinstance(n, dict):
            stack.extend(n.values())
        elif isinstance(n, BaseModel):
            name = getattr(n, "field", None)
            if isinstance(name, str):
                found.add(name)
            stack.extend(getattr(n, k) for k in type(n).model_fields)
    return found


def step_fields(pre: CompiledPrecondition) -> tuple[str, ...]:
    """The step fields a precondition reads, in a stable order (none: a timing precondition)."""
    return tuple(sorted(condition_fields(pre.model.when) & STEP_FIELDS.keys()))



class Planner:
    """Plans one record at a time against one compiled rule set (see the module docstring)."""

    def __init__(self, ruleset: CompiledRuleSet, as_of: date, within: int | None = None) -> None:
        self.rs = ruleset
        self.as_of = as_of
        self.within = within
        self._windows: dict[Any, tuple[date, date] | None] = {}
        self._timing: dict[str, frozenset[str]] = {}
        # id() of a precondition is stable while this planner holds the rule set
        self._fields: dict[int, tuple[str, ...]] = {}
        for rule in ruleset.rules:
            for p in rule.requires:
                self._fields[id(p)] = step_fields(p)
            self._timing[rule.id] = frozenset(p.id for p in rule.requires if not self._fields[id(p)])

    # -- the advice window ------------------------------------------------------------------------
    def _lawful_day(self, record: dict, day: date) -> bool:  # type: ignore[type-arg]
        try:
            reach = self.rs.binding_in_reach(record, day)
        except EvaluationError:
            return False
        if reach.binding is None or reach.deciding.outcome in OUT_OF_SCOPE_OUTCOMES:
            return False
        timing = self._timing[reach.binding.id]
        return not any(p.id in timing for p in reach.missing)

    def window(self, record: dict) -> tuple[date, date] | None:  # type: ignore[type-arg]
        """The first run of days from ``as_of`` on which a binding advice is timely (see module doc)."""
        base = {k: v for k, v in record.items() if k not in STEP_FIELDS and k != "student_id"}
        try:
            key: Any = frozenset(base.items())
        except TypeError:  # an unhashable parsed value: no memo for this record
            key = None
        if key is not None and key in self._windows:
            return self._windows[key]
        found: tuple[date, date] | None = None
        advice = record.get("advice_date")
        if isinstance(advice, date):
            if advice >= self.as_of and self._lawful_day(base, advice):
                found = (advice, advice)
        else:
            found = self._scan_window(base)
        if key is not None and len(self._windows) < 4096:
            self._windows[key] = found
        return found

    def _scan_window(self, base: dict) -> tuple[date, date] | None:  # type: ignore[type-arg]
        """Days from ``as_of`` on, every :data:`WINDOW_STRIDE` days plus every date a parameter names
        (and the day before and after it): the first lawful one found, widened day by day to the
        whole run of lawful days around it."""
        end = self.as_of + timedelta(days=HORIZON_DAYS)
        candidates = {self.as_of + timedelta(days=d) for d in range(0, HORIZON_DAYS + 1, WINDOW_STRIDE)}
        for year in {academic_year_of(self.as_of), academic_year_of(end)}:
            try:
                params = self.rs.params_for(base.get("programme"), base.get("academic_year") or year)
            except EvaluationError:
                continue
            for value in params.values():
                if isinstance(value, date):
                    candidates.update(value + timedelta(days=d) for d in (-1, 0, 1))
        hit = next((d for d in sorted(candidates) if self.as_of <= d <= end and self._lawful_day(base, d)), None)
        if hit is None:
            return None
        first = hit
        while first > self.as_of and self._lawful_day(base, first - timedelta(days=1)):
            first -= timedelta(days=1)
        last = hit
        step = WINDOW_STRIDE
        while True:  # gallop forward, then back to the last lawful day
            probe = last + timedelta(days=step)
            if probe <= end and all(self._lawful_day(base, last + timedelta(days=k)) for k in (1, step)):
                last = probe
                continue
            while last < end and self._lawful_day(base, last + timedelta(days=1)):
                last += timedelta(days=1)
            return first, last

    def reachable(self, record: dict, day: date) -> bool | None:  # type: ignore[type-arg]
        """Whether the norm can still be met with the credits still open: the verdict on ``day`` if
        every first-year unit of the rule set's catalogue without a result, and every unit with a
        resit still to come (``pending_resits``), were passed. ``None`` when the rule set counts no
        unit results (then the export does not say which credits are still open)."""
        catalogue = self.rs.model.units
        if catalogue is None or "unit_results" not in self.rs.fields_used:
            return None
        results = tuple(record.get("unit_results") or ())
        have = {r.code for r in results}
        open_units = {c for c, u in catalogue.units.items() if u.first_year and c not in have}
        open_units |= set(record.get("pending_resits") or ()) & set(catalogue.units)
        trial = dict(record)
        trial["unit_results"] = results + tuple(UnitResult(c, "pass", None, None, None, False) for c in sorted(open_units))
        try:  # reachable: the rule that would give the binding negative no longer applies
            return self.rs.binding_in_reach(trial, day).binding is None
        except EvaluationError:
            return None

    # -- steps ------------------------------------------------------------------------------------
    def _steps_hold(self, record: dict, day: date, binding: CompiledRule, step_ids: frozenset[str]) -> bool:  # type: ignore[type-arg]
        try:
            reach = self.rs.binding_in_reach(record, day)
        except EvaluationError:
            return False
        if reach.binding is None or reach.binding.id != binding.id:
            return False
        return not any(p.id in step_ids for p in reach.missing)

    def _needed_count(self, record: dict, name: str, pre: CompiledPrecondition, day: date) -> int | None:  # type: ignore[type-arg]
        start = record.get(name) or 0
        for n in range(int(start), MAX_COUNT + 1):
            trial = dict(record)
            trial[name] = n
            try:
                reach = self.rs.binding_in_reach(trial, day)
            except EvaluationError:
                return None
            if all(p.id != pre.id for p in reach.missing):
                return n
        return None

    def plan(self, record: dict) -> tuple[str, Any]:  # type: ignore[type-arg]
        """``("out", (status, outcome, rule, day))`` (status ``out_of_scope``, or ``complete``: every
        step recorded for an advice on ``day``) or ``("steps", [partial steps])`` for one record."""
        reach_now = self.rs.binding_in_reach(record, self.as_of)  # raises EvaluationError: a located error
        span = self.window(record)
        if span is None:
            if reach_now.deciding.outcome == "needs_review":
                return "steps", [self._decision(reach_now, None, None)]
            if reach_now.binding is not None:  # a binding advice, but no timely day for it: say which
                timing = self._timing[reach_now.binding.id]
                items = [self._timing_item(reach_now, pre) for pre in reach_now.missing if pre.id in timing]
                if items:
                    return "steps", items
            return "out", ("out_of_scope", reach_now.deciding.outcome, reach_now.deciding, None)
        first, last = span
        reach = self.rs.binding_in_reach(record, first)
        assert reach.binding is not None  # the window has a binding rule on every day
        items = []
        if reach.deciding is not reach.binding:
            items.append(self._decision(reach, first, last))
        steps, day = self._step_items(record, reach.binding, first, last)
        items.extend(steps)
        if not items:  # every step recorded: nothing is due for an advice on ``day``
            return "out", ("complete", self.rs.decide(record, day)[0], reach.binding, day)
        return "steps", items

    def _timing_item(self, reach: Reach, pre: CompiledPrecondition) -> dict:  # type: ignore[type-arg]
        return {"kind": "timing", "rule": reach.binding, "step_id": pre.id, "precondition": pre,
                "values": reach.values, "fields": (), "earliest": None, "latest": None, "advice_from": None,
                "advice_until": None, "needed": {}}

    def _decision(self, reach: Reach, first: date | None, last: date | None) -> dict:  # type: ignore[type-arg]
        return {"kind": "decision", "rule": reach.deciding, "step_id": reach.deciding.id, "precondition": None,
                "values": {}, "fields": (), "earliest": None, "latest": first, "advice_from": first,
                "advice_until": last, "needed": {}}

    def _step_items(self, record: dict, binding: CompiledRule, first: date,  # type: ignore[type-arg]
                    last: date) -> tuple[list[dict], date]:  # type: ignore[type-arg]
        """The unmet steps planned for the earliest advice day of the window on which every one of
        them can still be taken and no step already recorded must be taken again; else the earliest
        on which every one can still be taken; else the window's last day, with the steps that no
        longer fit marked too late. Found by bisection: a later advice day leaves more room."""
        def planned_on(day: date) -> tuple[list[dict], Reach]:  # type: ignore[type-arg]
            reach = self.rs.binding_in_reach(record, day)
            unmet = [p for p in reach.missing if self._fields[id(p)]]
            return (self._plan_steps(record, binding, unmet, day) if unmet else []), reach

        def fits(items: list[dict]) -> bool:  # type: ignore[type-arg]
            return all(item["latest"] is not None for item in items)

        def keeps_recorded(items: list[dict]) -> bool:  # type: ignore[type-arg]
            # no step already recorded has to be taken again
            return fits(items) and not any(record.get(f) is not None for item in items for f in item["fields"])

        span = (last - first).days
        plans: dict[int, tuple[list[dict], Reach]] = {}  # type: ignore[type-arg]

        def at(offset: int) -> tuple[list[dict], Reach]:  # type: ignore[type-arg]
            if offset not in plans:
                plans[offset] = planned_on(first + timedelta(days=offset))
            return plans[offset]

        def earliest(good: Callable[[list[dict]], bool]) -> int | None:  # type: ignore[type-arg]
            if good(at(0)[0]):
                return 0
            if not good(at(span)[0]):
                return None
            lo, hi = 1, span
            while lo < hi:
                mid = (lo + hi) // 2
                if good(at(mid)[0]):
                    hi = mid
                else:
                    lo = mid + 1
            return hi

        chosen = earliest(keeps_recorded)
        if chosen is None:
            chosen = earliest(fits)
        if chosen is None:
            chosen = span
        items, reach = at(chosen)
        day = first + timedelta(days=chosen)
        for item in items:
            item.update(values=reach.values, advice_from=day, advice_until=last)
        return items, day

    def _plan_steps(self, record: dict, binding: CompiledRule, unmet: list[CompiledPrecondition],  # type: ignore[type-arg]
                    day: date) -> list[dict]:  # type: ignore[type-arg]
        step_ids = frozenset(p.id for p in binding.requires if self._fields[id(p)])
        # Each unmet step claims its step fields; one with fewer fields claims first (a hearing reads
        # the warning date too, but the warning owns it).
        claimed: dict[str, CompiledPrecondition] = {}
        owned: dict[str, tuple[str, ...]] = {}
        # A field already recorded is claimed only when nothing else is left to claim, and never when
        # it alone meets another precondition (a recorded, valid warning stays where it is).
        unmet_ids = {p.id for p in unmet}
        protected = {f for p in binding.requires if p.id not in unmet_ids
                     for f in self._fields[id(p)] if len(self._fields[id(p)]) == 1}
        for pre in sorted(unmet, key=lambda p: (len(self._fields[id(p)]), p.id)):
            free = [f for f in self._fields[id(pre)] if f not in claimed]
            mine = tuple(f for f in free if record.get(f) is None) \
                or tuple(f for f in free if f not in protected)
            for f in mine:
                claimed[f] = pre
            owned[pre.id] = mine
        fixed: dict[str, Any] = {}  # count and flag steps: the value that meets them
        for pre in unmet:
            for f in owned[pre.id]:
                if STEP_FIELDS[f] == "flag":
                    fixed[f] = True
                elif STEP_FIELDS[f] == "count":
                    fixed[f] = self._needed_count(record, f, pre, day)
        others_dates = [f for f in claimed if STEP_FIELDS[f] == "date"]
        # A recorded step that taking another one would invalidate (a hearing before a new warning)
        # may be taken again: it is free too (and listed by the next run, once it is unmet).
        others_dates += sorted({f for p in binding.requires for f in self._fields[id(p)]
                                if STEP_FIELDS[f] == "date" and f not in claimed and f not in protected
                                and record.get(f) is not None})
        items = []
        for pre in unmet:
            mine = owned[pre.id]
            if not mine:
                continue  # a joint condition of steps listed on their own (checked with them)
            item: dict[str, Any] = {"kind": "step", "rule": binding, "step_id": pre.id, "precondition": pre,
                                    "fields": mine, "needed": {f: fixed[f] for f in mine if f in fixed}}
            dated = [f for f in mine if STEP_FIELDS[f] == "date"]
            if not dated:
                ok = all(v is not None for v in item["needed"].values()) and self._feasible(
                    record, binding, step_ids, day, {}, [f for f in others_dates], fixed)
                item["earliest"], item["latest"] = (self.as_of, day) if ok else (None, None)
            else:
                rest = [f for f in others_dates if f not in dated]
                item["latest"] = self._scan(record, binding, step_ids, day, dated, rest, fixed, down=True)
                item["earliest"] = None if item["latest"] is None else self._scan(
                    record, binding, step_ids, day, dated, rest, fixed, down=False)
            items.append(item)
        return items

    def _feasible(self, record: dict, binding: CompiledRule, step_ids: frozenset[str], day: date,  # type: ignore[type-arg]
                  mine: dict[str, date], rest: list[str], fixed: dict[str, Any]) -> bool:
        base = dict(record)
        base.update({k: v for k, v in fixed.items() if v is not None})
        base.update(mine)
        x = next(iter(mine.values()), self.as_of)
        choices = [sorted({self.as_of, x, day} | ({record[f]} if isinstance(record.get(f), date) else set()))
                   for f in rest]
        for combo in itertools.product(*choices):
            trial = dict(base)
            trial.update(zip(rest, combo))
            if self._steps_hold(trial, day, binding, step_ids):
                return True
        return False

    def _scan(self, record: dict, binding: CompiledRule, step_ids: frozenset[str], day: date,  # type: ignore[type-arg]
              dated: list[str], rest: list[str], fixed: dict[str, Any], *, down: bool) -> date | None:
        span = (day - self.as_of).days
        if span < 0:
            return None
        offsets: Iterable[int] = range(span, -1, -1) if down else range(0, span + 1)
        for off in offsets:
            x = self.as_of + timedelta(days=off)
            if self._feasible(record, binding, step_ids, day, {f: x for f in dated}, rest, fixed):
                return x
        return None
