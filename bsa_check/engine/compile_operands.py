"""Compiling operands into getters: record fields (with defaults), parameters, derived values, the
reference date, aggregates over unit results, exact arithmetic, and date shifts (``plus``); and the
derived values themselves (their cases, their kind, the cycle check BSA212). Each operand's kind is
checked here so a comparison can refuse what it cannot compare. :class:`OperandCompiler` is a mixin of
the compiler in ``engine.compile``.

Pure: no I/O, no printing, deterministic.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Callable

from bsa_check.engine.context import Ctx, Getter, add_months, add_working_days
from bsa_check.engine.units import compile_aggregate
from bsa_check.engine.values import ABSENT, MissingValue
from bsa_check.errors import EvaluationError
from bsa_check.records import fields as F
from bsa_check.ruleset import model as m
from bsa_check.ruleset.operators import BOOL_K, DATE_K, LIST_K, NUMBER, SET_K, TEXT_K
from bsa_check.ruleset.placeholders import names as placeholder_names

__all__ = ["BILINGUAL", "OperandCompiler", "is_literal", "literal"]

RESULTS_K = "results"
BILINGUAL = "text (nl/en)"  # a derived text value: shown in reasons, never compared

_FIELD_KIND = {
    F.DECIMAL: NUMBER, F.INTEGER: NUMBER, F.COUNT: NUMBER, F.ACADEMIC_YEAR: NUMBER,
    F.DATE: DATE_K, F.BOOLEAN: BOOL_K, F.TEXT: TEXT_K, F.ADVICE: TEXT_K, F.DECISION: TEXT_K,
    F.CIRCUMSTANCES: SET_K, F.UNITS: SET_K, F.RESULTS: RESULTS_K, F.EFFECT: TEXT_K, F.STUDY_MODE: TEXT_K,
    F.PROGRAMME_ROLE: TEXT_K, F.NEGATIVE_GROUND: TEXT_K,
}
_PARAM_KIND = {"decimal": NUMBER, "integer": NUMBER, "boolean": BOOL_K, "text": TEXT_K, "date": DATE_K,
               "month_day": DATE_K, "text_list": LIST_K}


def _date_out_of_range(day: date, field: str | None) -> EvaluationError:
    """A date shift (``plus``) that leaves the calendar (past 9999-12-31 or before year 1): the
    record's date is implausible, or the rule set's shifts too large (issue 15: no traceback)."""
    return EvaluationError(f"{field or 'a date'}, shifted by the rule set, falls outside the years 1-9999",
                           hint="the rule set's chained 'plus' shifts reach too far; shorten them (or check the date)",
                           code="BSA230", params={"field": field} if field in F.FIELDS_BY_NAME else {})


class OperandCompiler:
    """Operands and derived values (see the module docstring)."""

    # the compiler's state this mixin keeps (set up by the compiler, ``engine.compile``)
    derived_kinds: dict[str, str]
    params_seen: set[str]  # the parameters read since the compiler's last reset
    derived_params: dict[str, set[str]]

    def field_spec(self, name: str, path: tuple[Any, ...]) -> F.FieldSpec | None:
        spec = F.FIELDS_BY_NAME.get(name)
        if spec is None:
            self.err(path, f"unknown record field {name!r}", self.suggest(name, F.FIELDS_BY_NAME), "BSA204")
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
                         self.suggest(op.param, self.rs.parameters), "BSA206")
                return (lambda ctx: ABSENT), None, op.param
            kind = _PARAM_KIND[self.rs.parameters[op.param].type]
            pname = op.param
            self.params_seen.add(pname)
            getter, label = (lambda ctx, pname=pname: ctx.params[pname]), pname
        elif isinstance(op, m.DerivedRef):
            if op.derived not in self.rs.derived:
                self.err((*path, "derived"), f"unknown derived value {op.derived!r}",
                         self.suggest(op.derived, self.rs.derived), "BSA207")
                return (lambda ctx: ABSENT), None, op.derived
            kind = self.derived_kind(op.derived)
            dname = op.derived
            self.params_seen |= self.derived_params.get(dname, set())
            getter, label = (lambda ctx, dname=dname: ctx.derived_value(dname)), dname
        elif isinstance(op, m.AsOfRef):
            kind, getter, label = DATE_K, (lambda ctx: ctx.as_of), "as_of"
        elif isinstance(op, m.Aggregate):
            return self.aggregate(op, path)
        elif isinstance(op, m.Arithmetic):
            return self.arithmetic(op, path)
        else:
            value, kind = literal(op)
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
                         self.suggest(code, cat.units), "BSA213")
        groups = {g for u in cat.units.values() for g in u.groups}
        blocks = {u.block for u in cat.units.values() if u.block is not None}
        if group is not None and group not in groups:
            self.err((*path, "group"), f"no unit of the catalogue is in group {group!r}",
                     self.suggest(group, groups) if groups else "list the group under a unit's groups", "BSA213")
        if block is not None and block not in blocks:
            self.err((*path, "block"), f"no unit of the catalogue is in block {block!r}",
                     self.suggest(block, blocks) if blocks else "set a unit's block", "BSA213")

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
                         self.suggest(op.compensation, self.rs.compensation) if self.rs.compensation
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
            self.params_seen.add(amount.param)
            return lambda ctx, name=amount.param: ctx.params[name]
        return lambda ctx, n=amount: n

    def derived_kind(self, name: str) -> str | None:
        if name in self.derived_in_progress:
            self.err(("derived", name), f"derived value {name!r} depends on itself",
                     "break the cycle: a derived value may not refer to itself, directly or through another",
                     "BSA212")
            return None
        if name not in self.derived_kinds:
            self.derived_in_progress.add(name)
            outer, self.params_seen = self.params_seen, set()
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
            self.derived_in_progress.discard(name)
            self.derived_params[name] = self.params_seen
            self.params_seen = outer | self.params_seen
        return self.derived_kinds[name]

    def literal_text(self, text: m.Text, path: tuple[Any, ...]) -> None:
        """A derived text is shown as written: a placeholder in it would never be filled."""
        for lang in ("nl", "en"):
            for name in placeholder_names(getattr(text, lang)):
                self.err((*path, lang), f"a derived text is literal, but it has the placeholder {{{name}}}",
                         "name the value in the rule's reason instead, or write {{ and }} for literal braces",
                         "BSA227")


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


_REFS = (m.FieldRef, m.ParamRef, m.DerivedRef, m.AsOfRef, m.Aggregate, m.Arithmetic)


def is_literal(op: Any) -> bool:
    """Whether an operand is a literal value (a number, date, text, boolean or list), not a reference."""
    return not isinstance(op, _REFS)


def literal(op: Any) -> tuple[Any, str]:
    """A literal operand's value as evaluation compares it (a number as a Decimal, a list as a tuple)
    and its kind."""
    if isinstance(op, list):
        return tuple(op), LIST_K
    kind = _literal_kind(op)
    return (Decimal(op) if kind == NUMBER else op), kind


def _literal_kind(value: Any) -> str:
    if isinstance(value, bool):
        return BOOL_K
    if isinstance(value, (int, Decimal)):
        return NUMBER
    if isinstance(value, date):
        return DATE_K
    return TEXT_K
