"""Witness records for the lints that evaluate a rule set: drawn from the values the rule set mentions.

``sample_records`` is the seeded sample ``ruleset.validate.Linter.witnesses`` shares between the lints;
``shift_years`` moves a witness to another academic year (``Linter.scenario_witnesses``). Pure.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Iterator

from bsa_check.records import fields as F
from bsa_check.ruleset import model as m
from bsa_check.ruleset.walk import tests_in

SAMPLE_YEAR = 2025  # the academic year witness records are drawn in (reference date 15 August 2026)
WITNESS_PROGRAMME = "witness"  # a programme no rule set lists: every parameter's default
MAX_SCENARIO_YEARS = 12
MAX_SCENARIO_PROGRAMMES = 12


def shift_years(day: date, years: int) -> date:
    """``day`` moved by whole years; 29 February becomes the 28th in a common year."""
    if not years:
        return day
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def sample_records(rs: m.RuleSet, compiled: Any, n: int = 1500) -> Iterator[tuple[dict[str, Any], date]]:
    """Deterministic sample of records built from the values the rule set itself mentions."""
    rnd = random.Random(20230509)
    literals: dict[str, list[Any]] = {}
    numbers: list[Decimal] = []  # literal thresholds on derived values (credits computed from fields)
    conds = ([rule.when for rule in rs.rules] + [pre.when for rule in rs.rules for pre in rule.requires]  # type: ignore[union-attr]  # requires: names expanded at load
             + [case.when for d in rs.derived.values() for case in d.cases])
    for cond in conds:
        for t, _ in tests_in(cond, ()):
            kind, name = t.subject
            op, rhs = t.op
            rhs_values = rhs if isinstance(rhs, list) else [rhs]
            for v in rhs_values:
                if kind != "field":
                    if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
                        numbers.append(Decimal(v))
                elif isinstance(v, (bool, int, Decimal, str, date)):
                    literals.setdefault(name, []).append(v)
    as_of = date(2026, 8, 15)
    candidates: dict[str, list[Any]] = {}
    for name in compiled.fields_used:
        spec = F.FIELDS_BY_NAME[name]
        kind = spec.kind
        base = list(literals.get(name, []))
        if kind in (F.DECIMAL,):
            nums = [Decimal(x) for x in base if isinstance(x, (int, Decimal)) and not isinstance(x, bool)] + numbers
            for p in compiled.params.values():
                for _, v in p.values:
                    if isinstance(v, Decimal):
                        nums.append(v)
            vals: list[Any] = sorted({x + d for x in nums + [Decimal(0), Decimal(60)] for d in (Decimal(-0.5), 0, Decimal(0.5))
                                      if x + d >= 0})
        elif kind in (F.INTEGER, F.COUNT):
            vals = sorted({int(x) + d for x in base + [1] if isinstance(x, int) for d in (-1, 0, 1) if int(x) + d >= 0})
        elif kind == F.BOOLEAN:
            vals = [True, False]
        elif kind == F.DATE:
            vals = [as_of - timedelta(days=d) for d in (400, 200, 120, 30, 1, 0)] + [as_of + timedelta(days=30)]
        elif kind in (F.CIRCUMSTANCES, F.UNITS):
            if name == "personal_circumstances":  # excluded kinds reach the rules from here (issue 19 item 4)
                base += literals.get("excluded_circumstances", [])
            vals = [frozenset()] + [frozenset({x}) for x in base if isinstance(x, str)] + [frozenset({"illness"})]
        elif kind == F.RESULTS:
            vals = sample_results(rs, rnd)
        elif kind == F.EFFECT:
            vals = list(F.EFFECTS)
        elif kind == F.STUDY_MODE:
            vals = list(F.STUDY_MODES)
        elif kind == F.PROGRAMME_ROLE:
            vals = list(F.PROGRAMME_ROLES)
        elif kind == F.NEGATIVE_GROUND:
            vals = list(F.NEGATIVE_GROUNDS)
        elif kind == F.DECISION:
            vals = list(F.DECISIONS)
        elif kind == F.ADVICE:
            vals = list(F.ADVICES)
        else:
            vals = [x for x in base if isinstance(x, str)] or ["x"]
        if spec.optional:
            vals.append(None)
        candidates[name] = vals or [None]
    names = sorted(candidates)
    for _ in range(n):
        record = {"student_id": "witness", "programme": "witness", "academic_year": 2025}
        for name in names:
            v = rnd.choice(candidates[name])
            if v is not None:
                record[name] = v
        yield record, as_of


def sample_results(rs: m.RuleSet, rnd: random.Random) -> list[Any]:
    """Unit-result tuples over the rule set's catalogue: none, all passed, all failed, and mixes."""
    from bsa_check.records.parse import UnitResult

    codes = sorted(rs.units.units) if rs.units is not None else ["X1"]
    pass_mark = rs.units.pass_mark if rs.units is not None else Decimal("5.5")
    grades = [Decimal(4), pass_mark - Decimal("0.5"), pass_mark, Decimal(8)]
    out: list[Any] = [(), tuple(UnitResult(c, "pass", None, None, None if rs.units else Decimal(5), False)
                                for c in codes)]
    for _ in range(12):
        out.append(tuple(UnitResult(c, "grade", rnd.choice(grades), None, None if rs.units else Decimal(5), False)
                         for c in codes if rnd.random() < 0.8))
    return out


__all__ = ["MAX_SCENARIO_PROGRAMMES", "MAX_SCENARIO_YEARS", "SAMPLE_YEAR", "WITNESS_PROGRAMME", "sample_records",
           "sample_results", "shift_years"]
