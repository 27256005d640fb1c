"""BSA257: no HO binding negative while reported personal circumstances are not weighed.

Before a rejection the institution weighs the student's reported personal circumstances (WHW art.
7.8b lid 3, Uitvoeringsbesluit WHW 2008 art. 2.1). The lint evaluates the rule set on witness records
(in every scenario's programme and academic year) with a circumstance reported and no recorded
effect, the decision on it left empty, ``postpone`` or ``accepted``: a rule that then gives a binding
negative is reported with the case. It runs on a compiled HO rule set that reads
``personal_circumstances`` and is not a proposal scenario; a rule set that never reads it is
``negative_inputs``'s BSA257.

Passing example: ``rules/ho-current.yaml`` (before ``norm_not_met``: ``advice_postponed`` gives
postponed, ``circumstances_not_weighed`` and ``circumstances_accepted`` give needs_review).

Failing example (BSA257 on the rule's ``outcome``; conformance file
``tests/data/rules/invalid/lint_negative_with_unweighed_circumstances.yaml``)::

    rules:
      - {id: postponed, when: {field: circumstances_decision, eq: postpone}, outcome: postponed, ...}
      - {id: met, when: {field: ec_year1, ge: 40}, outcome: positive, ...}
      - {id: not_met, outcome: negative, ...}   # reached with a circumstance not weighed
"""

from __future__ import annotations

from typing import Any

from bsa_check.problems import ERROR

NAME = "circumstances_negative"
CODES = ("BSA257",)
SEVERITY = ERROR
BLOCKS_VERDICTS = False


def check(linter: Any) -> None:
    rs, compiled = linter.rs, linter.compiled
    if compiled is None or rs.sector != "ho" or rs.scenario is not None:
        return
    if "personal_circumstances" not in compiled.fields_used:
        return  # the negative_inputs lint reports a binding negative that never reads circumstances
    reported = frozenset({"illness"})
    found: dict[int, str] = {}
    for record, as_of, _ in linter.scenario_witnesses(600, 150):
        if record.get("circumstances_effect") is not None:
            continue  # weighed, with its effect recorded (e.g. a reduced norm)
        for decision in (None, "postpone", "accepted"):
            r = {**record, "personal_circumstances": reported}
            r.pop("circumstances_decision", None)
            if decision is not None:
                r["circumstances_decision"] = decision
            try:
                v = compiled.evaluate(r, as_of)
            except Exception:  # noqa: BLE001 - a witness the rule set cannot evaluate proves nothing
                continue
            # the deciding rule is a binding negative: once warning and hearing are recorded it
            # gives one, whatever the witness's (random, mostly incomplete) procedure dates
            if v.rule.outcome == "negative" and v.rule.index not in found:
                found[v.rule.index] = decision or "not weighed"
    for index, decision in sorted(found.items()):
        rule = rs.rules[index]
        linter.add(("rules", index, "outcome"), "BSA257",
                   f"rule {rule.id!r} gives a binding negative while reported personal circumstances are {decision}",
                   "put a rule before it that gives needs_review (not weighed, accepted) or postponed (postpone) "
                   "(WHW art. 7.8b lid 3, Uitvoeringsbesluit WHW art. 2.1)")
