"""BSA257/BSA258: an HO rule set with a binding negative reads what the law makes decisive.

A binding negative (a rejection) is unlawful while reported personal circumstances are not weighed
(WHW art. 7.8b lid 3, Uitvoeringsbesluit WHW 2008 art. 2.1) and after the propaedeutic exam (7.8b
lid 2). A rule set that never reads ``personal_circumstances`` (BSA257) or ``propaedeutic_passed``
(BSA258) cannot keep a record from such a negative, so these errors refuse it for verdicts. Cheap:
it looks at the fields the compiled rule set reads, no witness records (``circumstances_negative``
is the witness-based check of the same law).

Passing example: ``rules/ho-current.yaml`` (its rules read both fields before ``norm_not_met``).

Failing examples (conformance files in ``tests/data/rules/invalid``):
``lint_negative_without_circumstances.yaml`` (BSA257) and
``lint_negative_without_propaedeutic.yaml`` (BSA258).
"""

from __future__ import annotations

from typing import Any

from bsa_check.problems import ERROR

NAME = "negative_inputs"
CODES = ("BSA257", "BSA258")
SEVERITY = ERROR
BLOCKS_VERDICTS = True


def check(linter: Any) -> None:
    rs, compiled = linter.rs, linter.compiled
    if compiled is None or rs.sector != "ho":
        return
    reads = compiled.fields_used
    for i, rule in enumerate(rs.rules):
        if rule.outcome != "negative":
            continue
        if "personal_circumstances" not in reads:
            linter.add(("rules", i, "outcome"), "BSA257",
                       f"rule {rule.id!r} gives a binding negative, but the rule set never reads personal_circumstances",
                       "put a rule before it that gives needs_review while reported circumstances are not weighed "
                       "(WHW art. 7.8b lid 3, Uitvoeringsbesluit WHW art. 2.1)")
        if "propaedeutic_passed" not in reads:
            linter.add(("rules", i, "outcome"), "BSA258",
                       f"rule {rule.id!r} gives a binding negative, but the rule set never reads propaedeutic_passed",
                       "put a rule before it that gives positive when propaedeutic_passed is yes: after the "
                       "propaedeutic exam no binding negative is possible (WHW art. 7.8b lid 2)")
