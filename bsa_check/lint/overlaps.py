"""BSA222: under ``decision: exclusive`` no record is decided by two rules with different outcomes.

A rule set that says ``decision: exclusive`` promises that rule order never settles a verdict: at most
one outcome can apply to a record. The lint evaluates every rule's condition on witness records built
from the rule set (the values it mentions, in every scenario's programme and academic year) and
reports each pair of rules with different outcomes that both hold on one record, showing that record.
It runs only on a rule set that compiled and declares ``decision: exclusive``.

Passing example::

    decision: exclusive
    rules:
      - {id: low, when: {field: ec_year1, lt: 40}, outcome: needs_review, ...}
      - {id: high, when: {field: ec_year1, ge: 40}, outcome: positive, ...}

Failing example (BSA222 on the later rule's ``when``; conformance file
``tests/data/rules/invalid/lint_exclusive_overlap.yaml``)::

    decision: exclusive
    rules:
      - {id: low, when: {field: ec_year1, lt: 40}, outcome: needs_review, ...}
      - {id: lower, when: {field: ec_year1, lt: 30}, outcome: positive, ...}
"""

from __future__ import annotations

import itertools
from typing import Any

from bsa_check.engine.evaluate import context
from bsa_check.engine.values import ABSENT, MissingValue
from bsa_check.problems import ERROR

NAME = "overlaps"
CODES = ("BSA222",)
SEVERITY = ERROR
BLOCKS_VERDICTS = False


def check(linter: Any) -> None:
    if linter.compiled is None or linter.rs.decision != "exclusive":
        return
    rules = linter.compiled.rules
    witnesses = [(record, as_of) for record, as_of, _ in linter.scenario_witnesses(1500, 50)]
    reported: set[tuple[int, int]] = set()
    for record, as_of in witnesses:
        year = record.get("academic_year") or 2025
        ctx = context(linter.compiled, record, as_of, year=year)
        matched = []
        for rule in rules:
            try:
                if rule.cond is None or rule.cond(ctx):
                    matched.append(rule)
            except MissingValue:
                continue
        for a, b in itertools.combinations(matched, 2):
            if a.outcome != b.outcome and (a.index, b.index) not in reported:
                reported.add((a.index, b.index))
                shown = {k: str(v) for k, v in sorted(record.items()) if v is not ABSENT}
                linter.add(("rules", b.index, "when"), "BSA222",
                           f"rules {a.id!r} ({a.outcome}) and {b.id!r} ({b.outcome}) both decide the record {shown}",
                           "with decision: exclusive, make the conditions exclusive, or use decision: first_match "
                           "if the order is meant to settle it")
