"""Aggregates over a record's unit results: credits, k-of-n counts, whole blocks, compensation.

Compiled once per aggregate in a rule set (``compile_aggregate`` returns a closure); per record the
closure reads the parsed ``unit_results`` tuple, never a pydantic model. Every aggregate returns
its value and an :class:`AggregateDetail` saying what was counted, what was left out and why,
which units are missing and which compensation applied: the explanation is built from it.
Pure: no I/O. Credits are Decimal; averages are exact (never rounded).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Callable, cast

from bsa_check.engine.values import Average, MissingValue
from bsa_check.errors import EvaluationError
from bsa_check.ruleset import model as m

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class CompensationCheck:
    """One condition of a compensation scheme: ``key`` (e.g. min_average), actual vs required."""

    key: str
    actual: Any
    required: Any
    ok: bool
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class CompensationDetail:
    name: str
    model: m.Compensation
    candidates: tuple[tuple[str, Decimal], ...]
    applied: tuple[tuple[str, Decimal], ...]
    over_max: tuple[str, ...]
    checks: tuple[CompensationCheck, ...]


@dataclass(frozen=True, slots=True)
class AggregateDetail:
    kind: str
    value: Any
    counted: tuple[tuple[str, Decimal | None], ...]
    excluded: tuple[tuple[str, str], ...]
    missing: tuple[str, ...]
    incomplete_blocks: tuple[tuple[str, tuple[str, ...]], ...]
    compensation: CompensationDetail | None
    # average with weighted_by: ec: each counted grade's credits, in the order of ``counted``
    weights: tuple[Decimal, ...] = ()


@dataclass(slots=True)
class _Best:
    passed: bool
    grade: Decimal | None
    status: str
    ec: Decimal | None


def scope_of(catalogue: m.UnitCatalogue | None, units: list[str] | None, group: str | None, block: str | None,
             first_year_only: bool) -> frozenset[str] | None:
    """Catalogue codes a filter selects; None = every unit (no filter)."""
    if units is None and group is None and block is None and not first_year_only:
        return None
    cat = catalogue.units if catalogue is not None else {}
    codes = set(units) if units is not None else set(cat)
    if group is not None:
        codes = {c for c in codes if c in cat and group in cat[c].groups}
    if block is not None:
        codes = {c for c in codes if c in cat and cat[c].block == block}
    if first_year_only:
        codes = {c for c in codes if c in cat and cat[c].first_year}
    return frozenset(codes)


def _unknown_unit(code: str) -> EvaluationError:
    return EvaluationError(
        f"unit {code!r} has a result but is not in the rule set's unit catalogue, so its credits are unknown",
        hint=f"add {code} to the rule set's units, or write its credits in the result (e.g. {code}:V:5EC)",
        code="BSA317", params={"unit": code, "field": "unit_results"})


def _mean(grades: list[Decimal]) -> Decimal:
    return Average(sum(grades, ZERO) / len(grades))


def compile_aggregate(spec: m.Aggregate, catalogue: m.UnitCatalogue | None,
                      compensation: tuple[str, m.Compensation] | None,
                      until: Callable[[Any], Any] | None, absent: object) -> Callable[[Any], tuple[Any, AggregateDetail]]:
    """A closure ``ctx -> (value, detail)`` for one aggregate."""
    cat = dict(catalogue.units) if catalogue is not None else {}
    pass_mark = catalogue.pass_mark if catalogue is not None else Decimal("5.5")
    scope = scope_of(catalogue, spec.units, spec.group, spec.block, spec.first_year_only)
    kind = spec.aggregate
    exemptions, earlier_ok, this_year = spec.exemptions, spec.earlier_enrolment and not spec.this_year_only, spec.this_year_only
    whole_blocks = spec.whole_blocks
    weighted = spec.aggregate == "average" and spec.weighted_by == "ec"
    comp_scope = None
    if compensation is not None:
        cm = compensation[1]
        comp_scope = scope_of(catalogue, cm.units, cm.group, None, cm.first_year_only)
    # For missing_count: the units that must be passed.
    required_units = tuple(sorted(scope if scope is not None else cat))
    # A catalogue with dated units (valid_from/valid_until an academic year) is the catalogue of the record's
    # academic year: a unit outside it is not required, not in a block, and its results do not count.
    dated = any(u.valid_from is not None or u.valid_until is not None for u in cat.values())

    def in_year(code: str, year: int) -> bool:
        unit = cat.get(code)
        return unit is None or unit.valid_in(year)

    def best_results(ctx: Any, excluded: list[tuple[str, str]]) -> dict[str, _Best]:
        limit = until(ctx) if until is not None else None
        if limit is absent:
            limit = None
        # Several aggregates of one rule set usually filter the same way: select once per record.
        key = ("unit_results", exemptions, earlier_ok, this_year, limit)
        cache = ctx._derived_cache
        hit = cache.get(key)
        if hit is not None:
            excluded.extend(hit[1])
            return cast("dict[str, _Best]", hit[0])
        best = _select(ctx, limit, excluded)
        cache[key] = (best, tuple(excluded))
        return best

    def _select(ctx: Any, limit: Any, excluded: list[tuple[str, str]]) -> dict[str, _Best]:
        results = ctx.record.get("unit_results")
        if results is None:
            # An empty resultaten cell is not "no credits": silently counting 0 EC could end in a binding
            # negative for a student whose results were simply not exported. A located BSA312 error instead.
            raise MissingValue("unit_results")
        start = ctx.params.get("academic_year_start")  # this_year_only: the rule set's own academic year
        if not isinstance(start, date):
            start = date(ctx.year, 9, 1)
        elif start.year > ctx.year:  # a month_day before September resolves into the next calendar year
            start = date(ctx.year, start.month, min(start.day, 28) if start.month == 2 else start.day)
        best: dict[str, _Best] = {}
        for r in results:
            code, status, grade, day, ec, earlier = r
            if dated and not in_year(code, ctx.year):
                excluded.append((code, "not_in_catalogue_year"))
                continue
            if earlier and not earlier_ok:
                excluded.append((code, "earlier"))
                continue
            if this_year and day is not None and day < start:
                excluded.append((code, "before_year"))
                continue
            if status == "exempt" and not exemptions:
                excluded.append((code, "exemption"))
                continue
            if limit is not None and day is not None and day > limit:
                excluded.append((code, "after_until"))
                continue
            passed = status in ("pass", "exempt") or (status == "grade" and grade >= pass_mark)
            if ec is None:
                if code in cat:
                    ec = cat[code].ec
                elif cat:
                    # a code the catalogue does not know (a typo, a unit left out) must not drop out silently
                    raise _unknown_unit(code)
            old = best.get(code)
            if old is None or (passed, grade or ZERO) > (old.passed, old.grade or ZERO):
                best[code] = _Best(passed, grade, status, ec)
        return best

    def compensate(best: dict[str, _Best], year: int) -> CompensationDetail | None:
        if compensation is None:
            return None
        name, cm = compensation
        units = comp_scope if comp_scope is not None else frozenset(cat) | frozenset(best)
        if dated:
            units = frozenset(c for c in units if in_year(c, year))
        graded = {c: grade for c, grade in ((c, best[c].grade) for c in units if c in best) if grade is not None}
        cands = sorted(((c, g) for c, g in graded.items()
                        if not best[c].passed and cm.band.min <= g <= cm.band.max),
                       key=lambda x: (-x[1], -(best[x[0]].ec or ZERO), x[0]))
        if not cands:
            return CompensationDetail(name, cm, (), (), (), ())
        chosen = cands[:cm.max_units] if cm.max_units is not None else cands
        over = tuple(c for c, _ in cands[len(chosen):])
        checks: list[CompensationCheck] = []
        if cm.min_ec_before is not None:
            before = sum((best[c].ec or ZERO for c in units if c in best and best[c].passed), ZERO)
            checks.append(CompensationCheck("min_ec_before", before, cm.min_ec_before, before >= cm.min_ec_before))
        if cm.all_others_passed:
            chosen_codes = {c for c, _ in chosen}
            others = sorted(c for c in units if c not in chosen_codes and not (c in best and best[c].passed))
            checks.append(CompensationCheck("all_others_passed", tuple(others), (), not others))
        global_ok = all(ch.ok for ch in checks)
        applied = []
        for code, grade in chosen:
            if cm.within_block and code in cat and cat[code].block is not None:
                pool = [c for c in graded if c in cat and cat[c].block == cat[code].block]
                unit_label: str | None = code
            else:
                pool = list(graded)
                unit_label = None if not cm.within_block else code
            unit_ok = True
            own: list[CompensationCheck] = []
            if cm.min_average is not None:
                avg = _mean([graded[c] for c in pool])
                own.append(CompensationCheck("min_average", avg, cm.min_average, avg >= cm.min_average, unit_label))
            other_grades = [graded[c] for c in pool if c != code]
            if cm.min_other_grade is not None:
                low = min(other_grades) if other_grades else None
                ok = low is not None and low >= cm.min_other_grade
                own.append(CompensationCheck("min_other_grade", low, cm.min_other_grade, ok, unit_label))
            if cm.higher_grade_elsewhere is not None:
                high = max(other_grades) if other_grades else None
                ok = high is not None and high >= cm.higher_grade_elsewhere
                own.append(CompensationCheck("higher_grade_elsewhere", high, cm.higher_grade_elsewhere, ok, unit_label))
            unit_ok = all(ch.ok for ch in own)
            checks.extend(ch for ch in own if ch not in checks)  # a scope-wide check is listed once
            if unit_ok and global_ok:
                applied.append((code, grade))
        if not cm.within_block and len(applied) != len(chosen):
            applied = []
        return CompensationDetail(name, cm, tuple(cands), tuple(applied), over, tuple(checks))

    def run(ctx: Any) -> tuple[Any, AggregateDetail]:
        excluded: list[tuple[str, str]] = []
        best = best_results(ctx, excluded)
        comp = compensate(best, ctx.year)
        compensated = {c for c, _ in comp.applied} if comp is not None else set()
        in_scope = [c for c in best if scope is None or c in scope]
        passed = {c for c in in_scope if best[c].passed or c in compensated}
        if kind == "ec":
            counted_codes = set(passed)
            incomplete: list[tuple[str, tuple[str, ...]]] = []
            if whole_blocks:
                blocks: dict[str, list[str]] = {}
                for c, u in cat.items():
                    if u.block is not None and (scope is None or c in scope) and (not dated or u.valid_in(ctx.year)):
                        blocks.setdefault(u.block, []).append(c)
                for b, members in sorted(blocks.items()):
                    missing_b = tuple(sorted(c for c in members if c not in passed))
                    if missing_b:
                        incomplete.append((b, missing_b))
                        counted_codes -= set(members)
            counted = []
            total = ZERO
            for c in sorted(counted_codes):
                ec = best[c].ec
                if ec is None:
                    raise _unknown_unit(c)
                total += ec
                counted.append((c, ec))
            return total, AggregateDetail(kind, total, tuple(counted), tuple(excluded), (), tuple(incomplete), comp)
        if kind == "passed_count":
            n = len(passed)
            return n, AggregateDetail(kind, n, tuple((c, best[c].ec) for c in sorted(passed)), tuple(excluded),
                                      (), (), comp)
        if kind == "missing_count":
            missing = tuple(c for c in required_units if c not in passed and (not dated or in_year(c, ctx.year)))
            return len(missing), AggregateDetail(kind, len(missing), tuple((c, best[c].ec) for c in sorted(passed)),
                                                 tuple(excluded), missing, (), comp)
        if kind == "pending_ec":
            pending = ctx.record.get("pending_resits") or frozenset()
            total = ZERO
            counted = []
            for c in sorted(pending):
                if (scope is not None and c not in scope) or c in passed:
                    continue
                ec = best[c].ec if c in best and best[c].ec is not None else (cat[c].ec if c in cat else None)
                if ec is None:
                    raise _unknown_unit(c)
                total += ec
                counted.append((c, ec))
            return total, AggregateDetail(kind, total, tuple(counted), tuple(excluded), (), (), comp)
        # average: the unrounded mean of the scope's grades; unweighted (each graded unit once) unless
        # weighted_by: ec, then sum(grade x EC) / sum(EC)
        graded = [(c, g) for c, g in ((c, best[c].grade) for c in sorted(in_scope)) if g is not None]
        if weighted:
            weights = []
            for c, _ in graded:
                ec = best[c].ec
                if ec is None:
                    raise _unknown_unit(c)
                weights.append(ec)
            total_ec = sum(weights, ZERO)
            value = Average(sum((g * w for (_, g), w in zip(graded, weights)), ZERO) / total_ec) if total_ec else absent
            return value, AggregateDetail(kind, None if value is absent else value, tuple(graded), tuple(excluded),
                                          (), (), comp, tuple(weights))
        grades = [g for _, g in graded]
        value = _mean(grades) if grades else absent
        return value, AggregateDetail(kind, None if value is absent else value, tuple(graded), tuple(excluded), (), (), comp)

    return run
