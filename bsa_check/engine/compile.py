"""Compile a rule set into plain Python callables.

Pure: no I/O, no printing, no globals, deterministic. ``compile_ruleset`` checks the meaning of
a rule set (known fields, parameters and derived values; comparable types; placeholders) and
locates every problem in the rule file; it builds a :class:`~bsa_check.engine.compiled.CompiledRuleSet`
whose records are evaluated by the one loop of ``engine.evaluate``. The per-record path builds no
pydantic model: records are plain dicts of parsed values, conditions are closures.

This module is also the engine's front door: it re-exports what callers use (``__all__``), so the
split into ``values``, ``context``, ``evaluate`` and ``compiled`` moved no caller's import.
"""

from __future__ import annotations

import calendar
import difflib
import re
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Iterable

from bsa_check.engine.compiled import CompiledRuleSet
from bsa_check.engine.context import (CompiledParam, CompiledPrecondition, CompiledRule, Ctx, Getter, add_months,
                                      add_working_days)
from bsa_check.engine.evaluate import Reach, split_circumstances
from bsa_check.engine.units import compile_aggregate
from bsa_check.engine.values import ABSENT, MissingValue
from bsa_check.engine.verdict import TestResult
from bsa_check.errors import ErrorList, EvaluationError, RuleFileError, UsageError
from bsa_check.records import fields as F
from bsa_check.records.parse import CellError, academic_year_of, parse_boolean, parse_date, parse_decimal
from bsa_check.ruleset import model as m
from bsa_check.ruleset.operators import BOOL_K, CREDIT_GAP_OPS, DATE_K, LIST_K, NUMBER, OPERATORS, SET_K, TEXT_K
from bsa_check.ruleset.placeholders import names as placeholder_names

if TYPE_CHECKING:  # pragma: no cover - the engine does no I/O; the loader is only a type here
    from bsa_check.ruleset.load import LoadedRuleSet

__all__ = ["ABSENT", "CompiledPrecondition", "CompiledRule", "CompiledRuleSet", "Ctx", "MissingValue", "Reach",
           "add_months", "compile_many", "compile_ruleset", "declared_parameters", "split_circumstances"]

RESULTS_K = "results"
BILINGUAL = "text (nl/en)"  # a derived text value: shown in reasons, never compared

_FIELD_KIND = {
    F.DECIMAL: NUMBER, F.INTEGER: NUMBER, F.COUNT: NUMBER, F.ACADEMIC_YEAR: NUMBER,
    F.DATE: DATE_K, F.BOOLEAN: BOOL_K, F.TEXT: TEXT_K, F.ADVICE: TEXT_K, F.DECISION: TEXT_K,
    F.CIRCUMSTANCES: SET_K, F.UNITS: SET_K, F.RESULTS: RESULTS_K, F.EFFECT: TEXT_K, F.STUDY_MODE: TEXT_K,
    F.PROGRAMME_ROLE: TEXT_K, F.NEGATIVE_GROUND: TEXT_K,
}
# fields of a closed vocabulary whose compared literals are checked (BSA233)
_CODES: dict[str, tuple[str, ...]] = {"programme_role": tuple(F.PROGRAMME_ROLES),
                                      "negative_ground": tuple(F.NEGATIVE_GROUNDS)}
_PARAM_KIND = {"decimal": NUMBER, "integer": NUMBER, "boolean": BOOL_K, "text": TEXT_K, "date": DATE_K,
               "month_day": DATE_K, "text_list": LIST_K}

SPECIAL_PLACEHOLDERS = ("shortfall", "target", "missing", "as_of", "academic_year")


def _date_out_of_range(day: date, field: str | None) -> EvaluationError:
    """A date shift (``plus``) that leaves the calendar (past 9999-12-31 or before year 1): the
    record's date is implausible, or the rule set's shifts too large (issue 15: no traceback)."""
    return EvaluationError(f"{field or 'a date'}, shifted by the rule set, falls outside the years 1-9999",
                           hint="the rule set's chained 'plus' shifts reach too far; shorten them (or check the date)",
                           code="BSA230", params={"field": field} if field in F.FIELDS_BY_NAME else {})



# --- compilation ----------------------------------------------------------------------------------


class _Compiler:
    def __init__(self, loaded: "LoadedRuleSet", overrides: dict[str, str]) -> None:
        self.loaded = loaded
        self.rs = loaded.model
        self.overrides = overrides
        self.errors: list[RuleFileError] = []
        self.fields_used: set[str] = set()
        self.derived_kinds: dict[str, str] = {}
        self.derived: dict[str, Callable[[Ctx], Any]] = {}
        self._in_progress: set[str] = set()
        self._ops: set[str] = set()  # the comparison operators compiled since the last reset
        self._params: set[str] = set()  # the parameters read since the last reset (per rule, per derived value)
        self.derived_params: dict[str, set[str]] = {}  # derived value -> the parameters it reads

    # errors -------------------------------------------------------------------------------------
    def err(self, path: tuple[Any, ...], message: str, hint: str, code: str = "BSA201") -> None:
        self.errors.append(RuleFileError(message, location=self.loaded.positions.locate(path), hint=hint, code=code))

    def _suggest(self, name: str, options: Iterable[str]) -> str:
        close = difflib.get_close_matches(name, list(options), n=1)
        return f"did you mean {close[0]!r}?" if close else "known: " + ", ".join(sorted(options))

    # parameters ---------------------------------------------------------------------------------
    def param_value(self, p: m.Parameter, raw: Any, path: tuple[Any, ...]) -> Any:
        t = p.type
        ok = True
        value = raw
        if t == "decimal":
            ok = isinstance(raw, (int, Decimal)) and not isinstance(raw, bool)
            value = Decimal(raw) if ok else raw
        elif t == "integer":
            ok = isinstance(raw, int) and not isinstance(raw, bool)
        elif t == "boolean":
            ok = isinstance(raw, bool)
        elif t == "text":
            ok = isinstance(raw, str)
        elif t == "date":
            ok = isinstance(raw, date)
        elif t == "month_day":
            parsed = _month_day(raw)
            ok = parsed is not None
            value = parsed
        elif t == "text_list":
            ok = isinstance(raw, list) and all(isinstance(x, str) for x in raw)
            value = tuple(raw) if ok else raw
        if not ok:
            self.err(path, f"value {raw!r} is not of type {t}",
                     MONTH_DAY_HINT if t == "month_day" else f"write a {t} value", "BSA202")
            return ABSENT
        if p.range is not None and t in ("decimal", "integer") and not _in_range(p.range, value):
            self.err(path, f"value {raw} is outside the declared range {_range_text(p.range)}",
                     "use a value within the range" + ("" if p.range.basis else ", or change the range"), "BSA203")
        outside = _outside_choices(p, value)
        if outside:
            self.err(path, f"value {outside[0]!r} is not one of the declared choices: {', '.join(p.choices or ())}",
                     self._suggest(outside[0], p.choices or ()), "BSA203")
        return value

    def dated(self, p: m.Parameter, raw: Any, path: tuple[Any, ...]) -> tuple[tuple[date, Any], ...]:
        if isinstance(raw, dict) and raw and all(isinstance(k, date) for k in raw):
            items = []
            for k in sorted(raw):
                items.append((k, self.param_value(p, raw[k], (*path, k))))
            return tuple(items)
        return ((date.min, self.param_value(p, raw, path)),)

    def parse_override(self, p: m.Parameter, name: str, text: str) -> Any:
        try:
            if p.type == "decimal":
                return parse_decimal(text)
            if p.type == "integer":
                if not text.strip().isdigit():
                    raise CellError("is not a whole number")
                return int(text)
            if p.type == "boolean":
                return parse_boolean(text)
            if p.type == "date":
                return parse_date(text)
            if p.type == "month_day":
                parsed = _month_day(text.strip())
                if parsed is None:
                    raise CellError(f"is not a day of the year; {MONTH_DAY_HINT}")
                return parsed
            if p.type == "text_list":
                value: Any = tuple(x.strip() for x in text.split("|") if x.strip())
            else:
                value = text
            outside = _outside_choices(p, value)
            if outside:
                raise UsageError(f"--param {name}={text!r}: {outside[0]!r} is not one of the values the rule set "
                                 f"declares for {name}: {', '.join(p.choices or ())}",
                                 hint=self._suggest(outside[0], p.choices or ()), code="BSA403")
            return value
        except CellError as exc:
            raise UsageError(f"--param {name}={text!r} {exc.args[0]}", hint=f"{name} is a {p.type}",
                             code="BSA401") from None

    def compile_params(self) -> dict[str, CompiledParam]:
        out = {}
        for name in self.overrides:
            if name not in self.rs.parameters:
                raise UsageError(f"unknown parameter {name!r} for rule set {self.rs.name!r}",
                                 hint=self._suggest(name, self.rs.parameters), code="BSA402")
        for name, p in self.rs.parameters.items():
            path = ("parameters", name)
            if p.choices is not None and p.type not in ("text", "text_list"):
                self.err((*path, "choices"), f"choices are for text parameters, not a {p.type}",
                         "remove choices, or use range for numbers", "BSA260")
            if name in self.overrides:
                value = self.parse_override(p, name, self.overrides[name])
                if p.range is not None and p.type in ("decimal", "integer") and not _in_range(p.range, value):
                    raise UsageError(f"--param {name}={self.overrides[name]} is outside the range "
                                     f"{_range_text(p.range)} declared by the rule set",
                                     hint="choose a value within the range", code="BSA403")
                out[name] = CompiledParam(name, p.type, p, ((date.min, value),), {})
                continue
            values = self.dated(p, p.values, (*path, "values"))
            by_prog = {code: self.dated(p, raw, (*path, "by_programme", code)) for code, raw in p.by_programme.items()}
            out[name] = CompiledParam(name, p.type, p, values, by_prog)
        return out

    # operands -----------------------------------------------------------------------------------
    def field_spec(self, name: str, path: tuple[Any, ...]) -> F.FieldSpec | None:
        spec = F.FIELDS_BY_NAME.get(name)
        if spec is None:
            self.err(path, f"unknown record field {name!r}", self._suggest(name, F.FIELDS_BY_NAME), "BSA204")
            return None
        # excluded_circumstances is never a column: the engine takes it from personal_circumstances
        self.fields_used.add("personal_circumstances" if name == "excluded_circumstances" else name)
        return spec

    def operand(self, op: Any, path: tuple[Any, ...]) -> tuple[Getter, str | None, str | None]:
        """(getter, kind, label). kind None = unknown (an error was recorded)."""
        if isinstance(op, m.FieldRef):
            spec = self.field_spec(op.field, (*path, "field"))
            if spec is None:
                return (lambda ctx: ABSENT), None, op.field
            kind = _FIELD_KIND[spec.kind]
            name, optional = op.field, spec.optional and not op.required
            default = self.operand(op.default, (*path, "default")) if op.default is not None else None
            if default is not None and default[1] is not None and default[1] != kind:
                self.err((*path, "default"), f"default is a {default[1]}, but {name} is a {kind}",
                         "use a default of the same type", "BSA205")
            dget = default[0] if default else None

            def get_field(ctx: Ctx, name: str = name, optional: bool = optional, dget: Getter | None = dget) -> Any:
                v = ctx.record.get(name, ABSENT)
                if v is ABSENT or v is None:
                    if dget is not None:
                        return dget(ctx)
                    if not optional:
                        raise MissingValue(name)
                    return ABSENT
                return v

            getter, label = get_field, name
        elif isinstance(op, m.ParamRef):
            if op.param not in self.rs.parameters:
                self.err((*path, "param"), f"unknown parameter {op.param!r}",
                         self._suggest(op.param, self.rs.parameters), "BSA206")
                return (lambda ctx: ABSENT), None, op.param
            kind = _PARAM_KIND[self.rs.parameters[op.param].type]
            pname = op.param
            self._params.add(pname)
            getter, label = (lambda ctx, pname=pname: ctx.params[pname]), pname
        elif isinstance(op, m.DerivedRef):
            if op.derived not in self.rs.derived:
                self.err((*path, "derived"), f"unknown derived value {op.derived!r}",
                         self._suggest(op.derived, self.rs.derived), "BSA207")
                return (lambda ctx: ABSENT), None, op.derived
            kind = self.derived_kind(op.derived)
            dname = op.derived
            self._params |= self.derived_params.get(dname, set())
            getter, label = (lambda ctx, dname=dname: ctx.derived_value(dname)), dname
        elif isinstance(op, m.AsOfRef):
            kind, getter, label = DATE_K, (lambda ctx: ctx.as_of), "as_of"
        elif isinstance(op, m.Aggregate):
            return self.aggregate(op, path)
        elif isinstance(op, m.Arithmetic):
            return self.arithmetic(op, path)
        elif isinstance(op, list):
            return (lambda ctx, v=tuple(op): v), LIST_K, None
        else:
            kind = _literal_kind(op)
            value = Decimal(op) if kind == NUMBER else op
            return (lambda ctx, v=value: v), kind, None
        plus = getattr(op, "plus", None)
        if plus is not None:
            if kind != DATE_K:
                self.err((*path, "plus"), f"'plus' shifts a date, but this operand is a {kind}",
                         "remove 'plus'", "BSA205")
            else:
                base = getter
                days_get = self.offset_amount(plus.days, (*path, "plus", "days"))
                months_get = self.offset_amount(plus.months, (*path, "plus", "months"))
                work_get = self.offset_amount(plus.working_days, (*path, "plus", "working_days"))
                holidays = frozenset(self.rs.holidays)

                def shifted(ctx: Ctx, base: Getter = base, days_get: Getter = days_get,
                            months_get: Getter = months_get, work_get: Getter = work_get,
                            field: str | None = label) -> Any:
                    v = base(ctx)
                    if v is ABSENT:
                        return v
                    try:
                        moved = add_months(v, months_get(ctx)) + timedelta(days=days_get(ctx))
                        work = work_get(ctx)
                        return add_working_days(moved, work, holidays) if work else moved
                    except (OverflowError, ValueError):
                        raise _date_out_of_range(v, field) from None

                getter = shifted
                label = _shift_label(label, plus.months, plus.days, plus.working_days)
        return getter, kind, label

    def unit_refs(self, units: list[str] | None, group: str | None, block: str | None, path: tuple[Any, ...],
                  first_year_only: bool = False) -> None:
        """Unit codes, groups and blocks must exist in the rule set's catalogue (a typo would count nothing)."""
        cat = self.rs.units
        if cat is None:
            if units is not None or group is not None or block is not None or first_year_only:
                self.err(path, "a unit filter needs the rule set's unit catalogue (units:)",
                         "add units: {pass_mark: 5.5, units: {CODE: {ec: 5}}} to the rule set", "BSA213")
            return
        for i, code in enumerate(units or ()):
            if code not in cat.units:
                self.err((*path, "units", i), f"unit {code!r} is not in the unit catalogue",
                         self._suggest(code, cat.units), "BSA213")
        groups = {g for u in cat.units.values() for g in u.groups}
        blocks = {u.block for u in cat.units.values() if u.block is not None}
        if group is not None and group not in groups:
            self.err((*path, "group"), f"no unit of the catalogue is in group {group!r}",
                     self._suggest(group, groups) if groups else "list the group under a unit's groups", "BSA213")
        if block is not None and block not in blocks:
            self.err((*path, "block"), f"no unit of the catalogue is in block {block!r}",
                     self._suggest(block, blocks) if blocks else "set a unit's block", "BSA213")

    def aggregate(self, op: m.Aggregate, path: tuple[Any, ...]) -> tuple[Getter, str | None, str | None]:
        self.fields_used.add("unit_results")
        if op.aggregate == "pending_ec":
            self.fields_used.add("pending_resits")
        self.unit_refs(op.units, op.group, op.block, path, op.first_year_only)
        if op.weighted_by is not None and op.aggregate != "average":
            self.err((*path, "weighted_by"), f"weighted_by weighs the grades of an average, not {op.aggregate}",
                     "use aggregate: average with weighted_by: ec, or drop weighted_by", "BSA231")
        if (op.whole_blocks or op.aggregate in ("missing_count", "pending_ec")) and self.rs.units is None:
            self.err(path, f"aggregate {op.aggregate} needs the rule set's unit catalogue (units:)",
                     "add units: with each unit's credits (and block)", "BSA213")
        comp = None
        if op.compensation is not None:
            cm = self.rs.compensation.get(op.compensation)
            if cm is None:
                self.err((*path, "compensation"), f"unknown compensation scheme {op.compensation!r}",
                         self._suggest(op.compensation, self.rs.compensation) if self.rs.compensation
                         else "declare it under compensation:", "BSA213")
            else:
                comp = (op.compensation, cm)
        until = None
        if op.until is not None:
            until, ukind, _ = self.operand(op.until, (*path, "until"))
            if ukind not in (DATE_K, None):
                self.err((*path, "until"), f"'until' is a date, not a {ukind}", "give a date operand", "BSA205")
        run = compile_aggregate(op, self.rs.units, comp, until, ABSENT)

        def get(ctx: Ctx, run: Callable[..., Any] = run) -> Any:
            value, detail = run(ctx)
            if ctx.agg_log is not None:
                ctx.agg_log.append(detail)
            return value
        return get, NUMBER, f"{op.aggregate}"

    def arithmetic(self, op: m.Arithmetic, path: tuple[Any, ...]) -> tuple[Getter, str | None, str | None]:
        name, items = op.op
        getters = []
        for i, item in enumerate(items):
            g, kind, _ = self.operand(item, (*path, name, i))
            if kind not in (NUMBER, None):
                self.err((*path, name, i), f"{name} works on numbers, not a {kind}", "give a number operand", "BSA205")
            getters.append(g)
        parts = tuple(getters)

        def calc(ctx: Ctx, parts: tuple[Any, ...] = parts, name: str = name) -> Any:
            values = [g(ctx) for g in parts]
            if any(v is ABSENT for v in values):
                return ABSENT
            values = [Decimal(v) for v in values]
            if name == "add":
                return sum(values, Decimal(0))
            if name == "subtract":
                return values[0] - sum(values[1:], Decimal(0))
            return max(values) if name == "max" else min(values)
        return calc, NUMBER, None

    def offset_amount(self, amount: Any, path: tuple[Any, ...]) -> Getter:
        """A shift in days or months: a number, or an integer parameter read per record."""
        if isinstance(amount, m.ParamRef):
            p = self.rs.parameters.get(amount.param)
            if p is None or p.type != "integer":
                self.err(path, f"{amount.param!r} is not an integer parameter of this rule set",
                         "declare it under parameters with type: integer", "BSA206")
                return lambda ctx: 0
            self._params.add(amount.param)
            return lambda ctx, name=amount.param: ctx.params[name]
        return lambda ctx, n=amount: n

    def derived_kind(self, name: str) -> str | None:
        if name in self._in_progress:
            self.err(("derived", name), f"derived value {name!r} depends on itself",
                     "break the cycle: a derived value may not refer to itself, directly or through another",
                     "BSA212")
            return None
        if name not in self.derived_kinds:
            self._in_progress.add(name)
            outer, self._params = self._params, set()
            d = self.rs.derived[name]
            path = ("derived", name, "cases")
            kinds: set[str] = set()
            cases: list[tuple[Callable[[Ctx], bool] | None, Getter]] = []
            for i, case in enumerate(d.cases):
                cond = self.condition(case.when, (*path, i, "when")) if case.when is not None else None
                if case.text is not None:  # a derived text in both languages (issue 19 item 7)
                    self.literal_text(case.text, (*path, i, "text"))
                    getter, kind = (lambda ctx, text=case.text: text), BILINGUAL
                else:
                    getter, kind, _ = self.operand(case.value, (*path, i, "value"))
                if kind:
                    kinds.add(kind)
                cases.append((cond, getter))
            if d.cases[-1].when is not None:
                self.err((*path, len(d.cases) - 1), f"the last case of derived value {name!r} has a 'when'",
                         "end with a case without 'when' so every record gets a value", "BSA208")
            if len(kinds) > 1:
                self.err(path, f"the cases of derived value {name!r} mix types: {', '.join(sorted(kinds))}",
                         "give every case a value of the same type", "BSA205")
            frozen = tuple(cases)

            def compute(ctx: Ctx, cases: tuple[Any, ...] = frozen, models: tuple[Any, ...] = tuple(d.cases)) -> tuple[Any, Any]:
                for (cond, getter), case in zip(cases, models):
                    if cond is None or cond(ctx):
                        return getter(ctx), case
                return ABSENT, None

            self.derived[name] = compute
            self.derived_kinds[name] = kinds.pop() if len(kinds) == 1 else None  # type: ignore[assignment]
            self._in_progress.discard(name)
            self.derived_params[name] = self._params
            self._params = outer | self._params
        return self.derived_kinds[name]

    def literal_text(self, text: m.Text, path: tuple[Any, ...]) -> None:
        """A derived text is shown as written: a placeholder in it would never be filled."""
        for lang in ("nl", "en"):
            for name in placeholder_names(getattr(text, lang)):
                self.err((*path, lang), f"a derived text is literal, but it has the placeholder {{{name}}}",
                         "name the value in the rule's reason instead, or write {{ and }} for literal braces",
                         "BSA227")

    # conditions ---------------------------------------------------------------------------------
    def condition(self, c: Any, path: tuple[Any, ...]) -> Callable[[Ctx], bool]:
        if isinstance(c, m.All):
            parts = tuple(self.condition(x, (*path, "all", i)) for i, x in enumerate(c.all))
            return lambda ctx, parts=parts: all(p(ctx) for p in parts)
        if isinstance(c, m.Any_):
            parts = tuple(self.condition(x, (*path, "any", i)) for i, x in enumerate(c.any))
            return lambda ctx, parts=parts: any(p(ctx) for p in parts)
        if isinstance(c, m.Not):
            inner = self.condition(c.not_, (*path, "not"))
            return lambda ctx, inner=inner: not inner(ctx)
        return self.test(c, path)

    def test(self, t: m.Test, path: tuple[Any, ...]) -> Callable[[Ctx], bool]:
        skind, sname = t.subject
        op, rhs = t.op
        self._ops.add(op)
        # model_construct: the subject names only a field, parameter or derived value (no validation needed)
        subject_ref: Any = {"field": m.FieldRef, "param": m.ParamRef,
                            "derived": m.DerivedRef}[skind].model_construct(**{skind: sname})
        if op == "is_set":
            if skind == "field":
                spec = self.field_spec(sname, (*path, "field"))
                if spec is None:
                    return lambda ctx: False
            else:
                self.operand(subject_ref, path)
            expected = bool(rhs)
            if skind == "field":
                def is_set(ctx: Ctx, name: str = sname, expected: bool = expected) -> bool:
                    v = ctx.record.get(name)
                    present = v is not None and not (isinstance(v, frozenset) and not v)
                    if ctx.log is not None:
                        ctx.log.append(TestResult(name, "is_set", v, expected, None, present == expected, not present))
                    return present == expected
                return is_set
            sget, _, _ = self.operand(subject_ref, path)

            def is_set_other(ctx: Ctx, sget: Getter = sget, expected: bool = expected, name: str = sname) -> bool:
                v = sget(ctx)
                present = v is not ABSENT and v is not None
                if ctx.log is not None:
                    ctx.log.append(TestResult(name, "is_set", v, expected, None, present == expected, not present))
                return present == expected
            return is_set_other

        self._check_choices(skind, sname, op, rhs, path)
        self._check_codes(skind, sname, op, rhs, path)
        sget, skind_v, slabel = self.operand(subject_ref, path)
        rget, rkind, rlabel = self.operand(rhs, (*path, op))
        if BILINGUAL in (skind_v, rkind):
            self.err((*path, op) if rkind == BILINGUAL else path, "a derived text (nl/en) cannot be compared",
                     "a derived text is for reasons only; compare the values its cases test instead", "BSA226")
            return lambda ctx: False
        if skind_v is None or rkind is None:
            return lambda ctx: False
        compare = self._comparator(op, skind_v, rkind, path)
        if compare is None:
            return lambda ctx: False
        name = slabel or sname

        def run(ctx: Ctx, sget: Getter = sget, rget: Getter = rget, compare: Callable[..., Any] = compare,
                op: str = op, name: str = name, rlabel: str | None = rlabel) -> bool:
            left = sget(ctx)
            right = rget(ctx)
            absent = left is ABSENT or right is ABSENT
            result = False if absent else compare(left, right)
            if ctx.log is not None:
                ctx.log.append(TestResult(name, op, None if left is ABSENT else left,
                                          None if right is ABSENT else right, rlabel, result, absent))
            return result
        return run

    def _check_choices(self, skind: str, sname: str, op: str, rhs: Any, path: tuple[Any, ...]) -> None:
        """A text parameter with declared ``choices`` compared with a value outside them is an error: the
        misspelled reading (``first_year_unit``) would never match, silently switching to the other one."""
        p = self.rs.parameters.get(sname) if skind == "param" else None
        if p is None or p.choices is None:
            return
        values = rhs if isinstance(rhs, list) else [rhs]
        for i, v in enumerate(values):
            if isinstance(v, str) and v not in p.choices:
                where = (*path, op, i) if isinstance(rhs, list) else (*path, op)
                self.err(where, f"{sname} is compared with {v!r}, which is not one of its declared choices: "
                                f"{', '.join(p.choices)}", self._suggest(v, p.choices), "BSA260")

    def _check_codes(self, skind: str, sname: str, op: str, rhs: Any, path: tuple[Any, ...]) -> None:
        """A field of a closed vocabulary (programme_role, negative_ground) compared with a value that is
        not one of its codes never matches: refused (BSA233), so a rule "never on attendance alone" cannot
        silently test ``attendance``."""
        codes = _CODES.get(sname) if skind == "field" else None
        if codes is None:
            return
        values = rhs if isinstance(rhs, list) else [rhs]
        for i, v in enumerate(values):
            if isinstance(v, str) and v not in codes:
                where = (*path, op, i) if isinstance(rhs, list) else (*path, op)
                self.err(where, f"{sname} is compared with {v!r}, which is not one of its values: {', '.join(codes)}",
                         self._suggest(v, codes), "BSA233")

    def _comparator(self, op: str, skind: str, rkind: str, path: tuple[Any, ...]) -> Callable[[Any, Any], bool] | None:
        """The operator's comparison for these kinds, from the operator table (``ruleset.operators``);
        an error BSA205 with the operator's hint when it cannot compare them."""
        row = OPERATORS[op]
        compare = row.compare(skind, rkind)
        if compare is None:
            self.err((*path, op), f"operator {op!r} cannot compare a {skind} with a {rkind}", row.expect, "BSA205")
        return compare

    # texts --------------------------------------------------------------------------------------
    def placeholders(self, text: m.Text | None, path: tuple[Any, ...]) -> set[str]:
        if text is None:
            return set()
        names: set[str] = set()
        known = set(SPECIAL_PLACEHOLDERS) | set(self.rs.parameters) | set(self.rs.derived) | set(F.FIELDS_BY_NAME)
        for lang in ("nl", "en"):
            for name in placeholder_names(getattr(text, lang)):
                if name not in known:
                    self.err((*path, lang), f"unknown placeholder {{{name}}}", self._suggest(name, known), "BSA209")
                else:
                    names.add(name)
                    # a parameter or derived value of the same name is what the placeholder shows
                    if name in F.FIELDS_BY_NAME and name not in self.rs.parameters and name not in self.rs.derived:
                        self.fields_used.add("personal_circumstances" if name == "excluded_circumstances" else name)
        return names

    def interim_checks(self, r: m.Rule, path: tuple[Any, ...]) -> None:
        """An interim advice (issue 19 item 3) carries a label and is never binding; a label belongs to it."""
        interim = "interim" in (r.outcome, r.if_missing)
        if interim and r.label is None:
            self.err((*path, "outcome" if r.outcome == "interim" else "if_missing"),
                     f"rule {r.id!r} gives an interim advice without a label",
                     "name the advice under label, e.g. label: {nl: twijfelachtig, en: doubtful}", "BSA223")
        if r.outcome == "interim" and r.requires:  # (an exclusion on it is BSA215: no binding negative)
            self.err((*path, "requires"),
                     f"rule {r.id!r} gives an interim advice, which is never binding, but has preconditions of a "
                     "binding advice", "an interim advice has no binding consequence: drop requires, or give the "
                     "binding advice in a rule of its own", "BSA224")
        if r.outcome == "interim" and r.if_missing == "negative":
            self.err((*path, "if_missing"),
                     f"rule {r.id!r} gives an interim advice, which is never binding, so it cannot give a binding "
                     "negative when something is missing (if_missing: negative)",
                     "drop if_missing: an interim rule has no preconditions, so nothing can be missing; a binding "
                     "negative belongs in a rule of its own, with outcome: negative and its steps under requires",
                     "BSA224")
        if r.label is not None and not interim:
            self.err((*path, "label"), f"rule {r.id!r} has a label but gives no interim advice",
                     "a label names an interim advice: use outcome: interim, or drop the label", "BSA225")

    def circumstance_kinds(self) -> frozenset[str]:
        """Check the rule set's own kinds of circumstance (``circumstances``); the excluded ones."""
        declared = self.rs.circumstances
        if declared is None:
            return frozenset()
        statutory = frozenset(F.CIRCUMSTANCE_CATEGORIES) - {"top_sport", "other"}
        spelled = {s for spellings in F.CIRCUMSTANCE_CATEGORIES.values() for s in spellings} | F.NONE_WORDS
        listed = set(self.rs.designated_circumstances)
        for group in ("designated", "excluded"):
            for code, kind in getattr(declared, group).items():
                path = ("circumstances", group, code)
                if group == "excluded" and (code in declared.designated or code in listed):
                    self.err(path, f"circumstance kind {code!r} is both designated and excluded",
                             "a kind is a ground or it is not: keep it under one of designated (or "
                             "designated_circumstances) and excluded", "BSA228")
                if group == "excluded" and code in statutory:
                    self.err(path, f"{code!r} is a ground under Uitvoeringsbesluit WHW 2008 art. 2.1: the law's list "
                                   "cannot be excluded", "remove it from excluded; an OER can add grounds, not take "
                                   "the statutory ones away", "BSA229")
                elif code == "other" or code in statutory and group == "designated":
                    self.err(path, f"{code!r} is already a kind of its own (the statutory list, or other for a kind "
                                   "matching none)", "give the kind a name of its own", "BSA229")
                for j, spelling in enumerate(kind.spellings):
                    if spelling in spelled:
                        self.err((*path, "spellings", j), f"the spelling {spelling!r} already means a statutory kind "
                                 "(or none)", "an export's spelling names one kind: choose another", "BSA229")
        return frozenset(declared.excluded)

    # rule set -----------------------------------------------------------------------------------
    def compile(self) -> CompiledRuleSet:
        params = self.compile_params()
        excluded_kinds = self.circumstance_kinds()
        for name in self.rs.derived:
            self.derived_kind(name)
        rules = []
        seen_ids: dict[str, int] = {}
        for i, r in enumerate(self.rs.rules):
            path = ("rules", i)
            if r.id in seen_ids:
                self.err((*path, "id"), f"rule id {r.id!r} is used twice (also rule {seen_ids[r.id] + 1})",
                         "give every rule its own id", "BSA210")
            seen_ids[r.id] = i
            self._ops = set()
            self._params = set()
            cond = self.condition(r.when, (*path, "when")) if r.when is not None else None
            credit_tests = cond is not None and bool(self._ops & CREDIT_GAP_OPS)
            requires = tuple(CompiledPrecondition(p.id, self.condition(p.when, (*path, "requires", j, "when")), p)
                             for j, p in enumerate(r.requires))
            names = (self.placeholders(r.reason, (*path, "reason"))
                     | self.placeholders(r.reason_if_missing, (*path, "reason_if_missing"))
                     | self.placeholders(r.note, (*path, "note"))
                     | self.placeholders(r.decided_by, (*path, "decided_by")))
            for j, p in enumerate(r.requires):
                names |= self.placeholders(p.missing, (*path, "requires", j, "missing"))
            fragments = []
            for j, f in enumerate(r.reason_fragments):
                fragments.append(self.condition(f.when, (*path, "reason_fragments", j, "when")))
                names |= self.placeholders(f.text, (*path, "reason_fragments", j, "text"))
            interim_negative = r.outcome == "interim" and r.if_missing == "negative"  # BSA224, in interim_checks
            if "negative" in (r.outcome, r.if_missing) and not r.requires and not interim_negative:
                self.err((*path, "outcome"), f"rule {r.id!r} gives a binding negative without any precondition",
                         "list the steps a binding negative needs under 'requires' (warning, hearing, ...)", "BSA211")
            if r.if_missing in ("negative", "positive") and r.requires and not interim_negative:
                self.err((*path, "if_missing"), f"if_missing: {r.if_missing} would decide without the missing steps",
                         "use procedure_incomplete (or needs_review)", "BSA211")
            if r.discretion and (r.outcome != "needs_review" or r.decided_by is None):
                self.err((*path, "outcome" if r.outcome != "needs_review" else "discretion"),
                         f"rule {r.id!r} is a discretionary clause, so a person decides",
                         "give it outcome: needs_review and name who decides under decided_by "
                         "(e.g. the examination board)", "BSA214")
            if r.exclusion is not None and "negative" not in (r.outcome, r.if_missing):
                self.err((*path, "exclusion"), f"rule {r.id!r} has an exclusion but does not give a binding negative",
                         "an exclusion term belongs to a binding negative (7.8b lid 5 WHW); move it to that rule",
                         "BSA215")
            self.interim_checks(r, path)
            params_read = frozenset(self._params)  # condition, preconditions and reason fragments
            rules.append(CompiledRule(r.id, i, r.outcome, cond, requires, r, frozenset(names), credit_tests,
                                      tuple(fragments), params_read))
        pass_mark = self.rs.units.pass_mark if self.rs.units is not None else Decimal("5.5")
        for code, unit in (self.rs.units.units.items() if self.rs.units is not None else ()):
            if unit.valid_from is not None and unit.valid_until is not None and unit.valid_until < unit.valid_from:
                self.err(("units", "units", code, "valid_until"),
                         f"unit {code!r} is valid until {unit.valid_until}-{unit.valid_until + 1}, before it is valid "
                         f"from {unit.valid_from}-{unit.valid_from + 1}: it is never in the catalogue",
                         "write the first academic year under valid_from and the last under valid_until", "BSA232")
        for name, cm in self.rs.compensation.items():
            path = ("compensation", name)
            self.unit_refs(cm.units, cm.group, None, path, cm.first_year_only)
            if cm.band.min > cm.band.max:
                self.err((*path, "band"), f"compensation band {cm.band.min}..{cm.band.max} is empty",
                         "write min at most max", "BSA216")
            elif cm.band.max >= pass_mark:
                self.err((*path, "band", "max"), f"compensation band reaches {cm.band.max}, a pass (pass mark {pass_mark})",
                         "a compensated grade is a failed grade: keep max below the pass mark", "BSA216")
        for i, name in enumerate(self.rs.optional_columns):
            if name not in F.FIELDS_BY_NAME:
                self.err(("optional_columns", i), f"unknown record field {name!r}",
                         self._suggest(name, F.FIELDS_BY_NAME), "BSA204")
        if self.errors:
            raise ErrorList(self.errors)
        non_credit = frozenset(name for name, d in self.rs.derived.items()
                               if any(isinstance(c.value, m.Aggregate) and c.value.aggregate != "ec"
                                      and c.value.aggregate != "pending_ec" for c in d.cases))
        return CompiledRuleSet(model=self.rs, sha256=self.loaded.sha256, path=self.loaded.path, rules=tuple(rules),
                               params=params, derived=self.derived, fields_used=frozenset(self.fields_used),
                               overrides=dict(self.overrides), non_credit=non_credit,
                               origins=dict(getattr(self.loaded, "origins", None) or {}),
                               excluded_kinds=excluded_kinds)


MONTH_DAY_HINT = "write a day of the year as ISO --MM-DD in quotes, e.g. '--02-01' for 1 February (not 29 February)"


def _month_day(raw: Any) -> tuple[int, int] | None:
    """ISO 8601 ``--MM-DD`` (e.g. ``--02-01`` = 1 February); unambiguous for Dutch and English readers.

    29 February is refused: it does not exist every year.
    """
    mt = re.fullmatch(r"--(\d{2})-(\d{2})", raw) if isinstance(raw, str) else None
    if not mt:
        return None
    month, day_ = int(mt[1]), int(mt[2])
    if not (1 <= month <= 12 and 1 <= day_ <= calendar.monthrange(2023, month)[1]):
        return None
    return month, day_


def _shift_label(label: str | None, months: Any, days: Any, working_days: Any = 0) -> str:
    """``programme_start + 9 months``: the trace must say which date was really compared."""
    parts = []
    for amount, unit in ((months, "months"), (days, "days"), (working_days, "working days")):
        if isinstance(amount, m.ParamRef):
            parts.append(f"{amount.param} {unit}")
        elif amount and unit == "months" and amount % 12 == 0:
            years = amount // 12
            parts.append(f"{years} year" + ("s" if abs(years) != 1 else ""))
        elif amount:
            parts.append(f"{amount} {unit}")
    text = str(label)
    for part in parts:
        text += f" - {part[1:]}" if part.startswith("-") else f" + {part}"
    return text


def _outside_choices(p: m.Parameter, value: Any) -> list[str]:
    """The values of a text parameter that are not among its declared ``choices`` (none declared: none)."""
    if p.choices is None or value is ABSENT:
        return []
    values = value if isinstance(value, tuple) else (value,)
    return [v for v in values if isinstance(v, str) and v not in p.choices]


def _in_range(r: m.Range, value: Any) -> bool:
    return not ((r.min is not None and value < r.min) or (r.max is not None and value > r.max))


def _range_text(r: m.Range) -> str:
    """``0..30 (Kamerbrief ... nr. 1039)``: the limit, and where it comes from."""
    text = f"{'' if r.min is None else r.min}..{'' if r.max is None else r.max}"
    if r.basis is not None:
        parts = [r.basis.law] + ([f"art. {r.basis.article}"] if r.basis.article else []) + (
            [f"lid {r.basis.paragraph}"] if r.basis.paragraph else [])
        text += f" ({' '.join(parts)}{': ' + r.basis.note.en if r.basis.note else ''})"
    return text


def _literal_kind(value: Any) -> str:
    if isinstance(value, bool):
        return BOOL_K
    if isinstance(value, (int, Decimal)):
        return NUMBER
    if isinstance(value, date):
        return DATE_K
    return TEXT_K


def compile_ruleset(loaded: "LoadedRuleSet", overrides: dict[str, str] | None = None) -> CompiledRuleSet:
    """Check a loaded rule set's meaning and compile it. Raises ErrorList (located) or UsageError.

    A rule set with ``before_valid_from`` compiles that rule set too (each --param goes to the ones that
    declare it): records of academic years before ``valid_from`` are decided by it."""
    overrides = dict(overrides or {})
    earlier_loaded = getattr(loaded, "earlier", None)
    own = {k: v for k, v in overrides.items() if earlier_loaded is None or k in loaded.model.parameters}
    compiled = _Compiler(loaded, own).compile()
    if earlier_loaded is not None:
        compiled.earlier = compile_ruleset(
            earlier_loaded, {k: v for k, v in overrides.items() if k in earlier_loaded.model.parameters})
        compiled.start_year = academic_year_of(loaded.model.valid_from)
    return compiled


def declared_parameters(loaded: "LoadedRuleSet") -> set[str]:
    """The parameters a loaded rule set declares, with those of its ``before_valid_from`` rule set."""
    names = set(loaded.model.parameters)
    earlier = getattr(loaded, "earlier", None)
    return names | declared_parameters(earlier) if earlier is not None else names


def compile_many(loaded: "list[LoadedRuleSet]", overrides: dict[str, str]) -> list[CompiledRuleSet]:
    """Compile several rule sets; each --param goes to every rule set that declares it.

    A parameter no rule set declares is a usage error (a typo must not pass silently).
    """
    for name in overrides:
        if not any(name in declared_parameters(ld) for ld in loaded):
            known = sorted({p for ld in loaded for p in declared_parameters(ld)})
            close = difflib.get_close_matches(name, known, n=1)
            raise UsageError(f"unknown parameter {name!r}", code="BSA402",
                             hint=f"did you mean {close[0]!r}?" if close else "known: " + ", ".join(known))
    return [compile_ruleset(ld, {k: v for k, v in overrides.items() if k in declared_parameters(ld)}) for ld in loaded]
