"""Result objects of an evaluation: plain dataclasses, no rendering, no I/O."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from bsa_check.engine.compiled import CompiledRuleSet
    from bsa_check.engine.context import CompiledPrecondition, CompiledRule


class TestResult(NamedTuple):
    """One comparison made: ``left op right`` and its result. ``absent``: a value was missing.

    A named tuple, not a frozen dataclass: evaluation makes one per comparison, and a tuple is
    built several times faster."""

    subject: str
    op: str
    left: Any
    right: Any
    right_label: str | None
    result: bool
    absent: bool = False


class RuleCheck(NamedTuple):
    rule: "CompiledRule"
    matched: bool
    tests: tuple[TestResult, ...]


class PreconditionCheck(NamedTuple):
    precondition: "CompiledPrecondition"
    met: bool
    tests: tuple[TestResult, ...]


class Shortfall(NamedTuple):
    """What would change the outcome: ``field`` needs ``amount`` more to reach ``target``."""

    field: str
    actual: Decimal
    target: Decimal
    target_label: str | None
    amount: Decimal


class DerivedDetail(NamedTuple):
    """How a derived value came about: its value, the case (band) that gave it, the aggregates read."""

    name: str
    value: Any
    case: Any  # the DerivedCase model that matched (its ``label`` names a band), or None
    aggregates: tuple[Any, ...] = ()  # engine.units.AggregateDetail


class Trace(NamedTuple):
    """Every comparison an evaluation made: the rules tried in order, the deciding rule's
    preconditions, and how each derived value came about."""

    checks: tuple[RuleCheck, ...]
    preconditions: tuple[PreconditionCheck, ...]
    derived: tuple[DerivedDetail, ...]


class Verdict:
    """One record's verdict: the outcome, the deciding rule, the reason's values, the missing steps
    and the credit shortfalls (what would change it).

    The trace (``checks``, ``preconditions``, ``derived``) is made the first time
    one of them is read, by evaluating the record once more with recording on
    (``CompiledRuleSet.trace``): most verdicts are only rendered and never need it. Treat a
    verdict as immutable: rows with the same record share one.
    """

    __slots__ = ("outcome", "rule", "ruleset", "values", "missing", "shortfalls", "_record", "_as_of", "_trace", "via",
                 "fragments")

    def __init__(self, outcome: str, rule: "CompiledRule", ruleset: "CompiledRuleSet", values: dict[str, Any],
                 missing: tuple["CompiledPrecondition", ...], shortfalls: tuple[Shortfall, ...], record: Any,
                 as_of: Any, trace: Trace | None = None) -> None:
        self.outcome = outcome
        self.rule = rule
        self.ruleset = ruleset
        self.values = values
        self.missing = missing
        self.shortfalls = shortfalls
        self._record = record
        self._as_of = as_of
        self._trace = trace
        # the rule set asked for, when it left this record's academic year to its ``before_valid_from``
        # rule set (``ruleset``): a proposal before its start; None otherwise
        self.via: "CompiledRuleSet | None" = None
        # the indexes of the deciding rule's reason_fragments whose condition held (issue 19 item 7)
        self.fragments: tuple[int, ...] = ()

    def __repr__(self) -> str:
        return f"Verdict(outcome={self.outcome!r}, rule={self.rule.id!r}, values={self.values!r})"

    @property
    def as_of(self) -> Any:
        """The reference date the record was evaluated on (--as-of)."""
        return self._as_of

    @property
    def record(self) -> Any:
        """The record as it was evaluated (read-only: rows with the same record share one verdict)."""
        return self._record

    def _traced(self) -> Trace:
        trace = self._trace
        if trace is None:
            trace = self._trace = self.ruleset.trace(self._record, self._as_of)._trace
            assert trace is not None
        return trace

    @property
    def checks(self) -> tuple[RuleCheck, ...]:
        return self._traced().checks

    @property
    def preconditions(self) -> tuple[PreconditionCheck, ...]:
        return self._traced().preconditions

    @property
    def derived(self) -> tuple[DerivedDetail, ...]:
        return self._traced().derived
