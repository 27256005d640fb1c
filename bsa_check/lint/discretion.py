"""BSA256 (warning): an institution's rule set says who decides every ``needs_review`` outcome.

A rule set with ``provenance`` (an institution's own OER) that leaves a decision to a person names
that person under ``decided_by`` (the examination board, the BSA committee): the verdict then says
who decides. National rule sets (no provenance) are not asked.

Passing example::

    provenance: {institution: an institution, ...}
    rules:
      - id: circumstances_accepted
        outcome: needs_review
        decided_by: {nl: de examencommissie, en: the examination board}

Failing example (BSA256 on the rule's ``outcome``): the same rule without ``decided_by``.
"""

from __future__ import annotations

from typing import Any

from bsa_check.problems import WARNING

NAME = "discretion"
CODES = ("BSA256",)
SEVERITY = WARNING
BLOCKS_VERDICTS = False


def check(linter: Any) -> None:
    rs = linter.rs
    if rs.provenance is None:
        return
    for i, rule in enumerate(rs.rules):
        if "needs_review" in (rule.outcome, rule.if_missing) and rule.decided_by is None:
            linter.add(("rules", i, "outcome"), "BSA256", f"rule {rule.id!r} leaves the decision to a person "
                       "without saying who", "name who decides under decided_by (examination board, BSA committee)",
                       WARNING)
