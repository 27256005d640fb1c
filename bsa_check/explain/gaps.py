"""What would change a verdict beyond credits (issue 19 item 8): the units still missing for a
required-unit or k-of-n test, and the latest day each missing procedural step can still lawfully be
taken. Both are texts in the reader's language; :func:`bsa_check.explain.changes` joins them to the
credit gaps (:mod:`bsa_check.explain.reasons`). Pure: no I/O.

- **Units.** An earlier rule that would have given a positive advice, and failed on a test of a derived
  value that is a ``missing_count`` or ``passed_count`` aggregate (``required_missing eq 0``,
  ``electives_passed ge 1``), names what is still to pass: every missing unit ("pass STAT1, METH1"),
  or how many more of which ("pass 1 more of ELEC1, ELEC2"). Read from the verdict's trace (made when
  asked: only for a verdict that is not positive and whose rule set has such a test).
- **Steps.** Each missing step of a binding negative (a precondition that reads a warning, a hearing,
  ...) with the latest day it can still be recorded for a lawful advice, as ``due`` plans it
  (:mod:`bsa_check.services.due_planner`), or "too late" when no advice day left allows it.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from bsa_check.engine.verdict import Verdict
from bsa_check.explain.texts import render
from bsa_check.i18n import fmt_value, t
from bsa_check.ruleset import model as m

_GAP_OPS = {"eq", "le", "lt", "ge", "gt"}


def _natural(code: str) -> list[Any]:
    """WB7 before WB11: unit codes in the order a reader expects."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", code)]


_COUNTS: dict[int, tuple[Any, dict[str, m.Aggregate]]] = {}


def _count_aggregates(verdict: Verdict) -> dict[str, m.Aggregate]:
    """Derived values of the rule set whose value is one missing_count or passed_count aggregate
    (found once per rule set: every row of a run asks)."""
    model = verdict.ruleset.model
    hit = _COUNTS.get(id(model))
    if hit is not None and hit[0] is model:
        return hit[1]
    out: dict[str, m.Aggregate] = {}
    if len(_COUNTS) >= 8:
        _COUNTS.pop(next(iter(_COUNTS)))
    _COUNTS[id(model)] = (model, out)
    for name, derived in model.derived.items():
        for case in derived.cases:
            value = getattr(case, "value", None)
            if isinstance(value, m.Aggregate) and value.aggregate in ("missing_count", "passed_count"):
                out[name] = value
    return out


def _needed(kind: str, op: str, left: Any, right: Any) -> int | None:
    """How many more units must be passed for the failed test ``left op right`` to hold."""
    if not isinstance(left, int) or isinstance(left, bool) or not isinstance(right, (int, Decimal)) \
            or isinstance(right, bool) or right != int(right):
        return None
    right = int(right)
    if kind == "missing_count":  # fewer missing: eq/le/lt N
        goal = {"eq": right, "le": right, "lt": right - 1}.get(op)
        return left - goal if goal is not None and left > goal else None
    goal = {"ge": right, "gt": right + 1, "eq": right}.get(op)  # passed_count: more passed
    return goal - left if goal is not None and goal > left else None


def unit_gap_texts(verdict: Verdict, lang: str) -> list[str]:
    """The units still to pass for an earlier positive rule's required-unit or k-of-n test."""
    counts = _count_aggregates(verdict)
    if not counts or verdict.outcome in ("positive", "no_advice", "not_yet_due"):
        return []
    details = {d.name: d for d in verdict.derived}
    catalogue = verdict.ruleset.model.units
    out: list[str] = []
    for check in verdict.checks:
        if check.rule is verdict.rule:
            break
        if check.matched or check.rule.outcome != "positive":
            continue
        for test in check.tests:
            if test.result or test.subject not in counts or test.op not in _GAP_OPS:
                continue
            spec = counts[test.subject]
            need = _needed(spec.aggregate, test.op, test.left, test.right)
            detail = details.get(test.subject)
            aggs = [a for a in (detail.aggregates if detail is not None else ()) if a.kind == spec.aggregate]
            if need is None or not aggs:
                continue
            agg = aggs[0]
            if spec.aggregate == "missing_count":
                open_units = list(agg.missing)
            else:
                from bsa_check.engine.units import scope_of
                scope = scope_of(catalogue, spec.units, spec.group, spec.block, spec.first_year_only)
                passed = {c for c, _ in agg.counted}
                pool = sorted(scope if scope is not None else (catalogue.units if catalogue is not None else ()))
                year = verdict.ruleset.record_year(verdict.record, verdict.as_of)
                open_units = [c for c in pool if c not in passed
                              and not (catalogue is not None and isinstance(year, int) and c in catalogue.units
                                       and not catalogue.units[c].valid_in(year))]
            if not open_units:
                continue
            key = "change.units_all" if need >= len(open_units) else "change.units_some"
            title = render(check.rule.model.title, {}, lang) if check.rule.model.title else check.rule.id
            text = t(key, lang, n=need, items=", ".join(sorted(open_units, key=_natural)), rule=title)
            if text not in out:
                out.append(text)
    return out


_PLANNERS: dict[tuple[int, Any], tuple[Any, Any]] = {}


def _planner(rs: Any, as_of: date) -> Any:
    """One planner per rule set and reference date, shared by the rows of a run (it memoises the advice
    window of records alike but for their steps); a few kept, the rule set held so its id stays its own."""
    from bsa_check.services.due_planner import Planner

    key = (id(rs), as_of)
    hit = _PLANNERS.get(key)
    if hit is None or hit[0] is not rs:
        if len(_PLANNERS) >= 8:
            _PLANNERS.pop(next(iter(_PLANNERS)))
        hit = _PLANNERS[key] = (rs, Planner(rs, as_of))
    return hit[1]


def step_deadlines(verdict: Verdict) -> dict[str, tuple[str, date | None]]:
    """Per missing precondition (id) of the verdict's binding negative, when it can still be met, as
    ``due`` plans the record from the verdict's reference date: ``("by", day)``, a step to record at
    the latest on ``day``; ``("advice_from", day)``, met by an advice on or after ``day`` (a recorded
    step that was too close to today's advice, or the window's opening); ``("too_late", None)``, no
    advice day left allows it. Empty when nothing is missing or the record cannot be planned."""
    if not verdict.missing:
        return {}
    from bsa_check.errors import EvaluationError

    record = dict(verdict.record)
    planner = _planner(verdict.ruleset, verdict.as_of)
    try:
        kind, payload = planner.plan(record)
        span = planner.window(record)
    except (EvaluationError, ValueError, TypeError):
        return {}
    missing = {p.id for p in verdict.missing}
    out: dict[str, tuple[str, date | None]] = {}
    for item in payload if kind == "steps" else ():
        if item["step_id"] in missing and item["kind"] == "step":
            out[item["step_id"]] = ("by", item["latest"]) if item["latest"] is not None else ("too_late", None)
        elif item["step_id"] in missing and item["kind"] == "timing":
            out[item["step_id"]] = ("no_day", None)
    # the advice day the plan is for: every recorded step holds on it (the window may open earlier)
    planned = next((i["advice_from"] for i in payload if i.get("advice_from")), None) if kind == "steps" \
        else (payload[3] if payload[0] == "complete" else None)
    day = planned or (span[0] if span is not None else None)
    if day is not None:
        for ident in missing - set(out):
            out[ident] = ("advice_from", day)
    return out


def step_deadline_text(when: tuple[str, date | None], lang: str) -> str:
    kind, day = when
    if kind == "no_day":
        return t("change.no_advice_day", lang)
    if kind == "too_late" or day is None:
        return t("change.step_too_late", lang)
    return t("change.step_by" if kind == "by" else "change.advice_from", lang, day=fmt_value(day, lang))


__all__ = ["step_deadline_text", "step_deadlines", "unit_gap_texts"]
