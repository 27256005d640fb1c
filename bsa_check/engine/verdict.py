"""Result objects of an evaluation: plain dataclasses, no rendering, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from bsa_check.engine.compile import CompiledPrecondition, CompiledRule, CompiledRuleSet


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


@dataclass(frozen=True, slots=True)
class Shortfall:
    """What would change the outcome: ``field`` needs ``amount`` more to reach ``target``."""

    field: str
    actual: Decimal
    target: Decimal
    target_label: str | None
    amount: Decimal


@dataclass(frozen=True, slots=True)
class DerivedDetail:
    """How a derived value came about: its value, the case (band) that gave it, the aggregates read."""

    name: str
    value: Any
    case: Any  # the DerivedCase model that matched (its ``label`` names a band), or None
    aggregates: tuple[Any, ...] = ()  # engine.units.AggregateDetail


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: str
    rule: "CompiledRule"
    ruleset: "CompiledRuleSet"
    values: dict[str, Any]
    checks: tuple[RuleCheck, ...]
    preconditions: tuple[PreconditionCheck, ...]
    missing: tuple["CompiledPrecondition", ...]
    shortfalls: tuple[Shortfall, ...]
    derived: tuple[DerivedDetail, ...] = ()

    @property
    def deciding_tests(self) -> tuple[TestResult, ...]:
        return self.checks[-1].tests if self.checks else ()
