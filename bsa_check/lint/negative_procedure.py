"""BSA253: a binding negative needs the procedure as preconditions: warning, hearing, advice window.

A rule with outcome ``negative`` gives a binding negative only when its preconditions (``requires``)
hold. They must read the written warning (``warning_date``) and the hearing (``hearing_date``), under
``scenario: proposed_2023`` also the personal conversation (``conversation_date``) (WHW art. 7.8b lid
4; MBO: art. 8.1.7a WEB), and hold only when the step is recorded: a precondition that reads the field
but still holds on a witness record without it is reported too. In HO the preconditions also keep
the advice date inside the window (WHW art. 7.8b lid 1 and 3): some precondition reads the advice
date (``advice_date``, the reference date, or a derived value made of them), and none holds on a
witness advised mid-year (15 October) or, for a full-time student, after the academic year. A rule
set that breaks this gives verdicts that contradict the law, so these errors refuse it for verdicts.

Passing example: ``rules/ho-current.yaml`` (``norm_not_met`` requires a warning, a hearing,
``end_of_year`` and ``within_first_year``).

Failing example (BSA253 on the rule's ``requires``; conformance file
``tests/data/rules/invalid/lint_negative_without_hearing.yaml``)::

    - id: not_met
      when: {field: ec_year1, lt: 40}
      outcome: negative
      requires:
        - {id: warning, when: {field: warning_date, is_set: true}, ...}   # no hearing

Other failing examples there: ``lint_hearing_read_but_not_required.yaml``, ``lint_negative_mid_year.yaml``,
``lint_negative_any_advice_date.yaml``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from bsa_check.engine.evaluate import context
from bsa_check.problems import ERROR
from bsa_check.records import fields as F
from bsa_check.ruleset import model as m
from bsa_check.ruleset.walk import operand_refs, tests_in
from bsa_check.ruleset.witnesses import SAMPLE_YEAR, shift_years

NAME = "negative_procedure"
CODES = ("BSA253",)
SEVERITY = ERROR
BLOCKS_VERDICTS = True


def check(linter: Any) -> None:
    needed = {"warning_date": "a written warning", "hearing_date": "a hearing"}
    basis = "WHW art. 7.8b lid 4" if linter.rs.sector == "ho" else "WEB art. 8.1.7a"
    if linter.rs.scenario == "proposed_2023":
        needed["conversation_date"] = "the personal conversation (Kamerstukken II 31 288/31 524, nr. 1039)"
    for i, rule in enumerate(linter.rs.rules):
        if rule.outcome != "negative":
            continue
        read: set[str] = set()
        for _j, pre in enumerate(rule.requires):
            for t, _ in tests_in(pre.when, ()):
                read.add(t.subject[1])
                read.update(n for k, n in operand_refs(t.op[1]) if k == "field")
        if linter.rs.sector == "ho":
            _advice_window(linter, i, rule)
        for field, what in needed.items():
            if field not in read:
                linter.add(("rules", i, "requires"), "BSA253",
                           f"rule {rule.id!r} can give a binding negative without {what} ({field})",
                           f"add a precondition that reads {field} ({basis})")
            elif linter.compiled is not None and _satisfied_without(linter, i, field):
                linter.add(("rules", i, "requires"), "BSA253",
                           f"rule {rule.id!r} reads {field} but its preconditions hold without {what}",
                           f"require the step to be recorded, e.g. {{field: {field}, before: ...}} ({basis})")


def _advice_operands(linter: Any) -> set[tuple[str, str]]:
    """Operands that stand for the advice date: advice_date, --as-of, and derived values made of them."""
    out = {("field", "advice_date"), ("as_of", "")}
    for name, d in linter.rs.derived.items():
        values = [c.value for c in d.cases]
        if values and all(isinstance(v, m.AsOfRef) or (isinstance(v, m.FieldRef) and v.field == "advice_date")
                          for v in values):
            out.add(("derived", name))
    return out


def _advice_window(linter: Any, i: int, rule: m.Rule) -> None:
    """An HO binding negative needs preconditions that keep the advice date inside the window: not
    before the end of the year (7.8b lid 3) and not after the academic year (7.8b lid 1)."""
    advice = _advice_operands(linter)

    def refs(t: m.Test) -> set[tuple[str, str]]:
        out = {t.subject} | set(operand_refs(t.op[1]))
        if isinstance(t.op[1], m.AsOfRef):
            out.add(("as_of", ""))
        return out

    readers = [j for j, pre in enumerate(rule.requires) if any(refs(t) & advice for t, _ in tests_in(pre.when, ()))]  # type: ignore[union-attr]  # requires: names expanded at load
    hint = ("add preconditions like ho-current's end_of_year ({derived: advice_day, on_or_after: {param: "
            "earliest_advice}}) and within_first_year ({derived: advice_day, on_or_before: {param: latest_advice}}) "
            "(WHW art. 7.8b lid 1 and 3)")
    if not readers:
        linter.add(("rules", i, "requires"), "BSA253",
                   f"rule {rule.id!r} can give a binding negative on any date: no precondition reads the advice date",
                   hint)
        return
    if linter.compiled is None:
        return
    # lid 1's end-of-first-year limit binds full-time and dual students; for part-time ones the institution
    # sets the moment (lid 1, second sentence), so "after the academic year" is tested on full-time witnesses
    for label, day, full_time in (("mid-year (15 October)", date(2025, 10, 15), False),
                                  ("after the academic year (15 October of the next)", date(2026, 10, 15), True)):
        if _holds_on_advice_day(linter, i, readers, day, full_time):
            linter.add(("rules", i, "requires"), "BSA253",
                       f"rule {rule.id!r} can give a binding negative with an advice date {label}", hint)


def _holds_on_advice_day(linter: Any, rule_index: int, readers: list[int], day: date, full_time: bool = False) -> bool:
    """Whether every precondition reading the advice date holds on some witness advised on ``day``,
    with the procedural dates (warning, hearing, conversation) a few weeks to months before it and every
    other date (an improvement deadline, ...) the same, on the advice day itself, or empty: a deadline
    equal to the warning date fails a "period of at least N days" step, which hid a dropped window
    precondition (``full_time``: witnesses that are full-time students)."""
    rule = linter.compiled.rules[rule_index]
    dates = [n for n in linter.compiled.fields_used if F.FIELDS_BY_NAME[n].kind == F.DATE and n != "advice_date"]
    steps = {"warning_date", "hearing_date", "conversation_date"}
    for k, (record, _, year) in enumerate(linter.scenario_witnesses(100, 25)):
        advised = shift_years(day, year - SAMPLE_YEAR)  # the same day in the scenario's academic year
        lead = timedelta(days=(29, 43, 60, 90, 150)[k % 5])  # 29/43: warned early in the year, 4-6 weeks ahead
        for other in (advised - lead, advised, None):
            record.update({n: advised - lead if n in steps else other for n in dates})
            if _holds_on(linter, rule, readers, record, advised, year, full_time):
                return True
    return False


def _holds_on(linter: Any, rule: Any, readers: list[int], record: dict[str, Any], advised: date, year: int,
              full_time: bool) -> bool:
    record = {k: v for k, v in record.items() if v is not None}
    record["advice_date"] = advised
    if full_time:
        record["part_time"] = False
        record["study_mode"] = "full_time"
    try:
        ctx = context(linter.compiled, record, advised, year=year)
        return all(rule.requires[j].cond(ctx) for j in readers)
    except Exception:  # noqa: BLE001 - a sample the rule set cannot evaluate proves nothing
        return False


def _satisfied_without(linter: Any, rule_index: int, field: str) -> bool:
    """Whether, on some witness record with ``field`` empty, every precondition reading it holds."""
    rule = linter.compiled.rules[rule_index]
    readers = [pre for pre, model in zip(rule.requires, rule.model.requires)
               if field in {t.subject[1] for t, _ in tests_in(model.when, ())}
               | {n for t, _ in tests_in(model.when, ()) for k, n in operand_refs(t.op[1]) if k == "field"}]
    for record, as_of, year in linter.scenario_witnesses(300, 60):
        record.pop(field, None)
        try:
            ctx = context(linter.compiled, record, as_of, year=year)
            if all(pre.cond(ctx) for pre in readers):
                return True
        except Exception:  # noqa: BLE001 - a sample the rule set cannot evaluate proves nothing
            continue
    return False
