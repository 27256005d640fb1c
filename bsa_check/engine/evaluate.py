"""One evaluation loop: a record, a compiled rule set and a reference date in, a verdict out.

:func:`evaluate` walks the rules in order: the first rule whose condition holds decides; its
preconditions (``requires``) turn a binding outcome into ``if_missing`` when a step is not recorded.
What it records along the way is chosen by the *recorder*, as OpenFisca's simulation takes a simple or
a full tracer:

- :data:`OUTCOME`: nothing; the outcome and the deciding rule only (``compare`` counts these);
- :data:`CREDIT_GAPS`: the comparisons of rules that can show a credit gap, so the verdict carries its
  reason values, missing steps and credit gaps (``check``); its full trace is made on demand;
- :data:`TRACE`: every comparison, the preconditions and how each derived value came about, up front
  (``explain``).

Every recorder runs the same loop (:func:`run`), so they cannot decide differently. Pure: no I/O.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from bsa_check.engine.context import CompiledPrecondition, CompiledRule, Ctx
from bsa_check.engine.values import ABSENT, MissingValue
from bsa_check.engine.verdict import PreconditionCheck, RuleCheck, Shortfall, Trace, Verdict
from bsa_check.errors import EvaluationError
from bsa_check.records import fields as F
from bsa_check.ruleset.operators import GAP_WHEN_MET, GAP_WHEN_UNMET

if TYPE_CHECKING:  # pragma: no cover - a type only: the compiled rule set calls this module
    from bsa_check.engine.compiled import CompiledRuleSet

__all__ = ["CREDIT_GAPS", "context", "OUTCOME", "RECORDERS", "Reach", "TRACE", "binding_in_reach", "decide", "evaluate", "placeholder_plan", "run", "split_circumstances"]

# The recorders (what an evaluation records; see the module docstring).
OUTCOME = "outcome"
CREDIT_GAPS = "credit_gaps"
TRACE = "trace"
RECORDERS = (OUTCOME, CREDIT_GAPS, TRACE)


def context(rs: "CompiledRuleSet", record: Any, as_of: date, tracing: bool = False, year: int | None = None) -> Ctx:
    """The evaluation state of ``record`` under ``rs`` (its academic year's parameters; with excluded
    kinds of circumstance, the record as the rules see it: :func:`split_circumstances`). ``year``: the
    academic year to take the parameters of (default: the record's, :meth:`CompiledRuleSet.record_year`);
    the legal lint evaluates witness records in chosen years. A rule's or precondition's ``cond(ctx)``
    then says whether it holds (raising MissingValue for a value it needs that the record lacks)."""
    if rs.excluded_kinds:
        record = split_circumstances(record, rs.excluded_kinds)
    if year is None:
        year = rs.record_year(record, as_of)
    ctx = Ctx(record, as_of, year, rs.params_for(record.get("programme"), year), rs.derived)
    if not tracing:
        ctx.details = None  # no derived-value details without a trace
    return ctx


def run(rs: "CompiledRuleSet", ctx: Ctx, recorder: str
        ) -> tuple[CompiledRule, tuple[CompiledPrecondition, ...], list[RuleCheck], list[PreconditionCheck]]:
    """THE loop: the first rule whose condition holds, its unmet preconditions (every one is run), the
    rules whose comparisons the recorder keeps, and (``TRACE``) the preconditions' checks."""
    trace = recorder is TRACE
    gaps = trace or recorder is CREDIT_GAPS
    checks: list[RuleCheck] = []
    pre_checks: list[PreconditionCheck] = []
    rule: Any = None
    try:
        for rule in rs.rules:
            if trace or (gaps and rule.credit_tests):
                ctx.log = []
                matched = True if rule.cond is None else rule.cond(ctx)
                checks.append(RuleCheck(rule, matched, tuple(ctx.log) if trace else ctx.log))  # type: ignore[arg-type]
                ctx.log = None
                if matched:
                    break
            elif rule.cond is None or rule.cond(ctx):
                break
        else:
            raise EvaluationError(
                "no rule of the rule set applies to this record",
                hint=f"add a final rule without 'when' to rule set {rs.name!r}", code="BSA321")
        if not trace:
            return rule, tuple([pre for pre in rule.requires if not pre.cond(ctx)]), checks, pre_checks
        for pre in rule.requires:
            ctx.log = []
            met = pre.cond(ctx)
            pre_checks.append(PreconditionCheck(pre, met, tuple(ctx.log)))
        ctx.log = None
    except MissingValue as exc:
        raise _missing_value_error(exc, rule) from None
    return rule, tuple(pc.precondition for pc in pre_checks if not pc.met), checks, pre_checks


def evaluate(rs: "CompiledRuleSet", record: Any, as_of: date, recorder: str = CREDIT_GAPS) -> Verdict:
    """The verdict for one record (a mapping of canonical field -> parsed value; it must not change
    afterwards: a verdict's trace is made from it when asked for), recording what ``recorder`` asks
    (``CREDIT_GAPS`` or ``TRACE``; ``OUTCOME`` is :func:`decide`). A record of an academic year before
    the rule set's start is decided by its ``before_valid_from`` rule set (``verdict.via``: the one
    asked). Raises EvaluationError when a rule needs a value the record lacks."""
    if rs.earlier is not None and rs.for_record(record, as_of) is not rs:
        verdict = evaluate(rs.earlier, record, as_of, recorder)
        verdict.via = rs
        return verdict
    trace = recorder is TRACE
    ctx = context(rs, record, as_of, tracing=trace)
    rule, missing, checks, pre_checks = run(rs, ctx, recorder)
    shortfalls = _shortfalls(checks, rs.non_credit, rule)
    values = _placeholder_values(ctx, rs.placeholder_plan(rule), shortfalls, missing)
    details = Trace(tuple(checks), tuple(pre_checks), tuple(ctx.details.values())) \
        if trace and ctx.details is not None else None
    verdict = Verdict(rule.model.if_missing if missing else rule.outcome, rule, rs, values, missing, shortfalls,
                      record, as_of, details)
    if rule.fragments:
        verdict.fragments = _fragments(ctx, rule)
    return verdict


def decide(rs: "CompiledRuleSet", record: Any, as_of: date) -> tuple[str, CompiledRule]:
    """The outcome and the deciding rule of :func:`evaluate` (recorder ``OUTCOME``): no reason values,
    no credit gaps. Raises the same errors."""
    if rs.earlier is not None and rs.for_record(record, as_of) is not rs:
        return decide(rs.earlier, record, as_of)
    rule, missing, _, _ = run(rs, context(rs, record, as_of), OUTCOME)
    return (rule.model.if_missing if missing else rule.outcome), rule


def binding_in_reach(rs: "CompiledRuleSet", record: Any, as_of: date) -> "Reach":
    """See :meth:`CompiledRuleSet.binding_in_reach`."""
    ctx = context(rs, record, as_of)
    deciding, missing, _, _ = run(rs, ctx, OUTCOME)
    binding: CompiledRule | None = deciding if deciding.requires else None
    if binding is None and deciding.outcome == "needs_review":
        for rule in rs.rules[deciding.index + 1:]:
            try:
                if rule.requires and (rule.cond is None or rule.cond(ctx)):
                    binding = rule
                    missing = tuple([pre for pre in rule.requires if not pre.cond(ctx)])
                    break
            except MissingValue:
                continue
    if binding is None:
        return Reach(deciding, None, (), {})
    values = _placeholder_values(ctx, rs.placeholder_plan(binding), (), missing)
    return Reach(deciding, binding, missing, values)


class Reach(NamedTuple):
    """:meth:`CompiledRuleSet.binding_in_reach`: the deciding rule, the binding rule (or None), the
    binding rule's unmet preconditions and its placeholder values."""

    deciding: CompiledRule
    binding: CompiledRule | None
    missing: tuple[CompiledPrecondition, ...]
    values: dict[str, Any]


def _missing_value_error(exc: MissingValue, rule: CompiledRule) -> EvaluationError:
    spec = F.FIELDS_BY_NAME[exc.field]
    return EvaluationError(f"{exc.field} is empty, but rule {rule.id!r} needs it",
                           hint=f"fill in {exc.field} ({spec.en})", code="BSA312",
                           params={"field": exc.field, "rule": rule.id})


def _shortfalls(checks: list[RuleCheck], non_credit: frozenset[str], decided: CompiledRule) -> tuple[Shortfall, ...]:
    """Numeric credit gaps: an earlier rule's failed ``field >= X``, or the deciding ``field < X``.

    ``checks``: the rules tried, in order (those without a ge/lt comparison may be left out);
    ``non_credit``: derived values that are numbers but not credits (an average grade)."""
    out: dict[tuple[str, Any], Shortfall] = {}
    for check in checks:
        deciding = check.rule is decided
        for t in check.tests:
            if t.absent or not isinstance(t.left, Decimal) or not isinstance(t.right, (Decimal, int)) \
                    or t.subject in non_credit:
                continue
            if (not deciding and t.op in GAP_WHEN_UNMET and not t.result) or (deciding and t.op in GAP_WHEN_MET and t.result):
                key = (t.subject, t.right)
                if key not in out:
                    target = Decimal(t.right)
                    out[key] = Shortfall(t.subject, t.left, target, t.right_label, target - t.left)
    return tuple(out.values())


def split_circumstances(record: Any, excluded: frozenset[str]) -> Any:
    """The record as the rules see it under a rule set that excludes kinds of circumstance (issue 19
    item 4): those kinds moved out of personal_circumstances (they are not a ground, so they never send
    a record to a person) into excluded_circumstances. The record itself is not changed."""
    reported = record.get("personal_circumstances")
    if not reported or not (reported & excluded):
        return record
    return {**record, "personal_circumstances": reported - excluded, "excluded_circumstances": reported & excluded}


def _fragments(ctx: Ctx, rule: CompiledRule) -> tuple[int, ...]:
    """The indexes of the rule's reason fragments whose condition holds (not recorded in the trace)."""
    saved, ctx.log = ctx.log, None
    try:
        return tuple(i for i, cond in enumerate(rule.fragments) if cond(ctx))
    except MissingValue as exc:
        raise _missing_value_error(exc, rule) from None
    finally:
        ctx.log = saved


# Where a placeholder's value comes from (``placeholder_plan``), in the order of precedence
# _placeholder_values applies: the verdict's own values, then a parameter, a derived value, a field.
SHORTFALL, TARGET, MISSING, AS_OF, ACADEMIC_YEAR, PARAM, DERIVED, FIELD = range(8)
_OWN = {"shortfall": SHORTFALL, "target": TARGET, "missing": MISSING, "as_of": AS_OF, "academic_year": ACADEMIC_YEAR}


def placeholder_plan(rs: "CompiledRuleSet", rule: CompiledRule) -> tuple[tuple[str, int], ...]:
    """``rule``'s placeholders (in the order of ``rule.placeholders``), each with where its value comes
    from: one of the verdict's own values, a parameter of ``rs``, a derived value of ``rs``, else a
    record field. The same for every record: evaluation reads a rule set's parameters
    (``ctx.params``, a :class:`LazyParams` of ``rs.params``) and derived values (``rs.derived``)."""
    return tuple((name, _OWN[name] if name in _OWN else PARAM if name in rs.params
                  else DERIVED if name in rs.derived else FIELD) for name in rule.placeholders)


def _placeholder_values(ctx: Ctx, plan: tuple[tuple[str, int], ...], shortfalls: tuple[Shortfall, ...],
                        missing: tuple[CompiledPrecondition, ...]) -> dict[str, Any]:
    """The values of a rule's placeholders (``placeholder_plan``) for this evaluation."""
    values: dict[str, Any] = {}
    for name, kind in plan:
        if kind == FIELD:
            value = ctx.record.get(name)
        elif kind == PARAM:
            try:
                value = ctx.params[name]
            except EvaluationError:
                value = None  # a parameter shown in a text but not in force that year: nothing to show
        elif kind == DERIVED:
            try:
                value = ctx.derived_value(name)
            except MissingValue:
                value = None
            # an empty aggregate (no grades to average) or an absent optional field: no value, shown as
            # such, never the sentinel's repr
            if value is ABSENT:
                value = None
        elif kind == SHORTFALL:
            value = shortfalls[0].amount if shortfalls else None
        elif kind == TARGET:
            value = shortfalls[0].target if shortfalls else None
        elif kind == MISSING:
            value = tuple(p.model.missing for p in missing)
        elif kind == AS_OF:
            value = ctx.as_of
        else:
            value = f"{ctx.year}-{ctx.year + 1}"
        values[name] = value
    return values
