"""The rule-set lints: one registry (:data:`LINTS`) that ``validate`` runs, as yamllint runs its rules.

Every check of a loaded rule set beyond its structure is one :class:`Lint`: its name, the problem
codes it reports, its usual severity, whether its errors refuse a rule set for verdicts (``check``,
``explain`` and ``compare`` run those on every start, see ``ruleset.validate.legal_blockers``), and
its documentation. A lint written as a module of this package (:func:`from_module`) is documented by
its module docstring, which gives a passing and a failing example; its failing example is a
conformance file in ``tests/data/rules/invalid`` (``# expect: CODE LINE``). Adding such a lint is one
module, its line in :data:`LINTS`, and its conformance file.

Every lint is a module (``optional_columns``'s is ``ruleset.optional_lint``); :data:`LINTS` holds them in the order ``validate`` has always run
them, so the problems come out in the same order (a later lint may read an earlier one's problems:
``mbo_steps`` skips what ``negative_procedure`` reported).

A lint's ``check(linter)`` reads the linter (``rs``: the model, ``compiled``: the compiled rule set or
None, ``witnesses``/``scenario_witnesses``: witness records) and reports with ``linter.add``. No I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from bsa_check.lint import (
    circumstance_kinds,
    circumstances_negative,
    dated_order,
    discretion,
    mbo_steps,
    negative_inputs,
    negative_procedure,
    norms,
    overlaps,
    reason_if_missing,
    scenario,
    unreachable,
)
from bsa_check.problems import ERROR
from bsa_check.ruleset import optional_lint


@dataclass(frozen=True, slots=True)
class Lint:
    """One check of a rule set (see the module docstring)."""

    name: str
    codes: tuple[str, ...]
    severity: str
    blocks_verdicts: bool
    check: Callable[[Any], None]
    doc: str
    module: str | None = None  # the module that is its documentation, for a module lint


def from_module(module: ModuleType, check: Callable[[Any], None] | None = None) -> Lint:
    """The lint a module defines: ``NAME``, ``CODES``, ``SEVERITY``, ``BLOCKS_VERDICTS``, ``check``,
    and its docstring as the documentation."""
    return Lint(module.NAME, tuple(module.CODES), module.SEVERITY, module.BLOCKS_VERDICTS,
                check or module.check, module.__doc__ or "", module=module.__name__)


LINTS: tuple[Lint, ...] = (
    from_module(dated_order),
    from_module(unreachable),
    from_module(overlaps),
    from_module(norms),
    from_module(negative_procedure),
    from_module(mbo_steps),
    from_module(scenario),
    from_module(circumstance_kinds),
    from_module(discretion),
    from_module(circumstances_negative),
    from_module(negative_inputs),
    from_module(reason_if_missing),
    Lint("optional_columns", ("BSA265",), ERROR, False, optional_lint.optional_columns_lint,
         optional_lint.__doc__ or "", module=optional_lint.__name__),
)
LINTS_BY_NAME = {lint.name: lint for lint in LINTS}


def run(linter: Any, lints: Iterable[Lint] = LINTS) -> None:
    """Run ``lints`` (default: every one, in registry order) on ``linter``; they report into it."""
    for lint in lints:
        lint.check(linter)


def blocking() -> tuple[Lint, ...]:
    """The lints whose errors refuse a rule set for verdicts, in registry order."""
    return tuple(lint for lint in LINTS if lint.blocks_verdicts)


__all__ = ["LINTS", "LINTS_BY_NAME", "Lint", "blocking", "from_module", "run"]
