"""BSA254: a rule tests only kinds of personal circumstance that are grounds in this rule set.

A rule reading ``personal_circumstances`` or ``recognised_circumstances`` names kinds that count as
a ground: a category of Uitvoeringsbesluit WHW 2008 art. 2.1 (an exclusive list), or one the rule
set designates (``designated_circumstances``, ``circumstances.designated``; top sport only so). A
kind the rule set excludes (``circumstances.excluded``) is never in those fields, and
``excluded_circumstances`` holds only the excluded kinds: a test on anything else never holds, or
gives weight to what the law does not.

Passing example::

    - id: circumstances_reported
      when: {field: personal_circumstances, contains: illness}

Failing example (BSA254 on the operator; conformance file
``tests/data/rules/invalid/lint_unlisted_circumstance.yaml``)::

    - id: money
      when: {field: personal_circumstances, contains: top_sport}   # not designated by this rule set
"""

from __future__ import annotations

from typing import Any

from bsa_check.problems import ERROR
from bsa_check.records import fields as F
from bsa_check.ruleset.walk import tests_in

NAME = "circumstance_kinds"
CODES = ("BSA254",)
SEVERITY = ERROR
BLOCKS_VERDICTS = False

STATUTORY_CIRCUMSTANCES = frozenset(
    {"illness", "impairment", "pregnancy", "family", "participation_body", "institution_activity", "student_board"})


def check(linter: Any) -> None:
    rs = linter.rs
    declared = rs.circumstances
    excluded = set(declared.excluded) if declared is not None else set()
    allowed = (STATUTORY_CIRCUMSTANCES | set(rs.designated_circumstances)
               | (set(declared.designated) if declared is not None else set()))
    for i, rule in enumerate(rs.rules):
        for t, path in tests_in(rule.when, ("rules", i, "when")):
            op, rhs = t.op
            values = rhs if isinstance(rhs, list) else [rhs] if isinstance(rhs, str) else []
            if t.subject == ("field", "excluded_circumstances"):
                for v in values:
                    if v not in excluded:
                        linter.add((*path, op), "BSA254", f"{v!r} is not a kind this rule set excludes",
                                   "excluded_circumstances holds only the kinds under circumstances.excluded")
                continue
            if t.subject not in (("field", "personal_circumstances"), ("field", "recognised_circumstances")):
                continue
            for v in values:
                if v in allowed:
                    continue
                if v in excluded:
                    msg = f"{v!r} is excluded as a ground, so it is never in {t.subject[1]}"
                elif v not in F.CIRCUMSTANCE_CATEGORIES:
                    msg = f"{v!r} is not a personal-circumstance category"
                elif v == "top_sport":
                    msg = "top sport is a ground only where the institution designates it"
                else:
                    msg = f"{v!r} is not a ground under Uitvoeringsbesluit WHW art. 2.1"
                linter.add((*path, op), "BSA254", msg,
                           "use a category of Uitvoeringsbesluit WHW art. 2.1 (an exclusive list), or list it under "
                           "designated_circumstances if the OER designates it")
