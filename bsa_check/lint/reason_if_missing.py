"""BSA259: a rule with preconditions says what its ``procedure_incomplete`` verdict means.

A rule with ``requires`` gives ``if_missing`` (default ``procedure_incomplete``) when a step is
missing. Without ``reason_if_missing`` that verdict would repeat the outcome's own reason ("binding
negative advice") while the advice is not lawful yet.

Passing example::

    - id: norm_not_met
      outcome: negative
      requires: [warned_and_heard]
      reason_if_missing: {nl: "... nog niet rechtmatig: ontbreekt {missing}", en: "... not lawful yet: missing {missing}"}

Failing example (BSA259 on ``requires``; conformance file
``tests/data/rules/invalid/lint_requires_without_reason_if_missing.yaml``): the same rule without
``reason_if_missing``.
"""

from __future__ import annotations

from typing import Any

from bsa_check.problems import ERROR

NAME = "reason_if_missing"
CODES = ("BSA259",)
SEVERITY = ERROR
BLOCKS_VERDICTS = False


def check(linter: Any) -> None:
    for i, rule in enumerate(linter.rs.rules):
        if rule.requires and rule.reason_if_missing is None:
            linter.add(("rules", i, "requires"), "BSA259",
                       f"rule {rule.id!r} has preconditions but no reason_if_missing, so its {rule.if_missing} "
                       f"verdict would give the {rule.outcome} reason",
                       "add reason_if_missing (nl and en) saying the outcome is not lawful yet and naming {missing}")
