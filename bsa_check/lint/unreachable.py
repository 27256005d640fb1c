"""BSA221: every rule can fire.

The first rule whose condition holds decides, so a rule after one without ``when`` (which always
applies), or after a rule with the very same condition, never decides a record: what it says is
dead text in the rule file, and usually a mistake in the order.

Passing example::

    rules:
      - {id: norm_met, when: {field: ec_year1, ge: {param: norm_ec}}, outcome: positive, ...}
      - {id: norm_not_met, outcome: negative, ...}          # the fallback, last

Failing example (BSA221 on the later rule; conformance file
``tests/data/rules/invalid/lint_unreachable_rule.yaml``)::

    rules:
      - {id: norm_not_met, outcome: negative, ...}          # no when: always applies
      - {id: norm_met, when: {field: ec_year1, ge: {param: norm_ec}}, outcome: positive, ...}
"""

from __future__ import annotations

from typing import Any

from bsa_check.problems import ERROR

NAME = "unreachable"
CODES = ("BSA221",)
SEVERITY = ERROR
BLOCKS_VERDICTS = False


def check(linter: Any) -> None:
    rules = linter.rs.rules
    for i, rule in enumerate(rules):
        if rule.when is None and i < len(rules) - 1:
            for j in range(i + 1, len(rules)):
                linter.add(("rules", j, "id"), "BSA221",
                           f"rule {rules[j].id!r} can never fire: rule {rule.id!r} before it always applies",
                           "move the rule without 'when' to the end, or give it a condition")
            return
        for j in range(i):
            if rules[j].when is not None and rules[j].when == rule.when:
                linter.add(("rules", i, "when"), "BSA221",
                           f"rule {rule.id!r} can never fire: rule {rules[j].id!r} has the same condition and comes first",
                           "change or remove one of the two conditions")
                break
