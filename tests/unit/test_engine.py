"""The evaluator on ho-current: each rule and its legal boundary (domain.md §2, §6)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from bsa_check.errors import EvaluationError

AS_OF = date(2026, 8, 15)


def rec(**kw):
    base = {"student_id": "1", "programme": "59001", "academic_year": 2025, "year_of_enrolment": 1,
            "ec_year1": D("45"), "part_time": False}
    base.update(kw)
    return base


PROCEDURE = {"warning_date": date(2026, 5, 12), "hearing_date": date(2026, 7, 3)}


def test_exactly_at_norm_is_positive(ho_current):
    # OERs say "at least": 45.0 meets a 45 EC norm.
    v = ho_current.evaluate(rec(ec_year1=D("45.0")), AS_OF)
    assert (v.outcome, v.rule.id) == ("positive", "norm_met")


def test_half_credit_below_is_not_rounded_up(ho_current):
    # Decimal, never rounded: 44.5 < 45 (domain.md §6 "Half credits").
    v = ho_current.evaluate(rec(ec_year1=D("44.5"), **PROCEDURE), AS_OF)
    assert v.outcome == "negative"
    assert v.shortfalls[0].amount == D("0.5")


def test_no_warning_means_procedure_incomplete(ho_current):
    # WHW 7.8b lid 4: warning before rejecting.
    v = ho_current.evaluate(rec(ec_year1=D("10"), hearing_date=date(2026, 7, 3)), AS_OF)
    assert v.outcome == "procedure_incomplete"
    assert [p.id for p in v.missing] == ["warning"]


def test_no_hearing_means_procedure_incomplete(ho_current):
    v = ho_current.evaluate(rec(ec_year1=D("10"), warning_date=date(2026, 5, 12)), AS_OF)
    assert v.outcome == "procedure_incomplete"
    assert [p.id for p in v.missing] == ["hearing"]


def test_warning_after_the_advice_does_not_count(ho_current):
    v = ho_current.evaluate(rec(ec_year1=D("10"), warning_date=date(2026, 8, 20), hearing_date=date(2026, 8, 21),
                                advice_date=date(2026, 8, 25)), date(2026, 8, 30))
    assert v.outcome == "procedure_incomplete"
    assert [p.id for p in v.missing] == ["warning"]  # 5 days before the advice: no reasonable period


def test_procedure_dates_after_the_reference_date_have_not_happened(ho_current):
    # Planned steps are not recorded steps: at --as-of 1 March, a warning dated 12 May is in the future.
    v = ho_current.evaluate(rec(ec_year1=D("10"), **PROCEDURE, advice_date=date(2026, 8, 15)), date(2026, 3, 1))
    assert v.outcome == "procedure_incomplete"
    assert {p.id for p in v.missing} == {"warning", "hearing"}


def test_hearing_before_the_warning_is_out_of_order(ho_current):
    v = ho_current.evaluate(rec(ec_year1=D("10"), warning_date=date(2026, 5, 12), hearing_date=date(2026, 5, 1)), AS_OF)
    assert [p.id for p in v.missing] == ["hearing"]


def test_warning_from_an_earlier_academic_year_does_not_count(ho_current):
    v = ho_current.evaluate(rec(ec_year1=D("10"), warning_date=date(2025, 5, 12), hearing_date=date(2026, 7, 3)), AS_OF)
    assert [p.id for p in v.missing] == ["warning"]


def test_advice_after_the_first_year_is_not_a_lawful_negative(ho_current):
    # 7.8b lid 1: at the latest by the end of the first year; later only after a postponement.
    v = ho_current.evaluate(rec(ec_year1=D("10"), **PROCEDURE, advice_date=date(2026, 9, 15)), date(2026, 9, 20))
    assert [p.id for p in v.missing] == ["within_first_year"]


def test_postponed_advice_falling_due_in_year_two_goes_to_a_person(ho_current):
    v = ho_current.evaluate(rec(year_of_enrolment=2, ec_year1=D("30"), circumstances_decision="postpone"), AS_OF)
    assert (v.outcome, v.rule.id) == ("needs_review", "postponed_advice_due")


def test_without_collegejaar_the_advice_date_sets_the_year(ho_current):
    r = rec(ec_year1=D("10"), deregistration_date=date(2026, 3, 1), advice_date=date(2026, 8, 15), **PROCEDURE)
    del r["academic_year"]
    # --as-of in the next academic year must not move the cut-off to 1 February 2027
    assert ho_current.evaluate(r, date(2026, 9, 5)).outcome == "negative"


def test_no_binding_negative_mid_year(ho_current):
    # 7.8b lid 3: not earlier than towards the end of the first year.
    v = ho_current.evaluate(rec(ec_year1=D("10"), warning_date=date(2026, 1, 5), hearing_date=date(2026, 2, 1),
                                advice_date=date(2026, 3, 1)), AS_OF)
    assert v.outcome == "procedure_incomplete"
    assert [p.id for p in v.missing] == ["end_of_year"]


@pytest.mark.parametrize("dereg, outcome", [(date(2026, 2, 1), "no_advice"), (date(2026, 1, 1), "no_advice"),
                                            (date(2026, 3, 1), "negative")])
def test_deregistration_cutoff_is_inclusive_on_1_february(ho_current, dereg, outcome):
    v = ho_current.evaluate(rec(ec_year1=D("5"), deregistration_date=dereg, **PROCEDURE), AS_OF)
    assert v.outcome == outcome


def test_cutoff_is_a_parameter(ho_current):
    from bsa_check.engine.compile import compile_ruleset
    from bsa_check.ruleset.load import load

    rs = compile_ruleset(load("ho-current"), {"deregistration_cutoff": "--03-01"})
    v = rs.evaluate(rec(ec_year1=D("5"), deregistration_date=date(2026, 3, 1), **PROCEDURE), AS_OF)
    assert v.outcome == "no_advice"


def test_propaedeutic_passed_never_negative(ho_current):
    # 7.8b lid 2.
    v = ho_current.evaluate(rec(ec_year1=D("0"), propaedeutic_passed=True, **PROCEDURE), AS_OF)
    assert v.outcome == "positive" and v.rule.id == "propaedeutic_passed"


def test_not_first_year_no_advice(ho_current):
    v = ho_current.evaluate(rec(year_of_enrolment=2, ec_year1=D("0"), **PROCEDURE), AS_OF)
    assert v.outcome == "no_advice"


@pytest.mark.parametrize("decision, outcome", [(None, "needs_review"), ("accepted", "needs_review"),
                                               ("postpone", "postponed"), ("rejected", "negative")])
def test_personal_circumstances(ho_current, decision, outcome):
    r = rec(ec_year1=D("20"), personal_circumstances=frozenset({"illness"}), **PROCEDURE)
    if decision:
        r["circumstances_decision"] = decision
    assert ho_current.evaluate(r, AS_OF).outcome == outcome


def test_part_time_norm(ho_current):
    assert ho_current.evaluate(rec(part_time=True, ec_year1=D("30")), AS_OF).outcome == "positive"
    assert ho_current.evaluate(rec(part_time=True, ec_year1=D("29.5"), **PROCEDURE), AS_OF).outcome == "negative"


def test_param_override_and_range(ho_current):
    from bsa_check.engine.compile import compile_ruleset
    from bsa_check.errors import UsageError
    from bsa_check.ruleset.load import load

    rs = compile_ruleset(load("ho-current"), {"norm_ec": "42"})
    assert rs.evaluate(rec(ec_year1=D("42")), AS_OF).outcome == "positive"
    with pytest.raises(UsageError, match="range"):
        compile_ruleset(load("ho-current"), {"norm_ec": "61"})
    with pytest.raises(UsageError, match="did you mean 'norm_ec'"):
        compile_ruleset(load("ho-current"), {"norm_ecc": "40"})


def test_empty_required_value_is_an_error_not_a_verdict(ho_current):
    r = rec()
    del r["ec_year1"]
    with pytest.raises(EvaluationError) as info:
        ho_current.evaluate(r, AS_OF)
    assert info.value.params["field"] == "ec_year1"


def test_untraced_shortfalls_leave_out_a_derived_value_s_own_comparisons(tmp_path):
    """A derived value's cases compare too (here ec_total >= 60); those comparisons are not the
    rule's, so they never show as a credit gap: evaluate() (no trace) finds the shortfalls the
    traced run finds."""
    from bsa_check.engine.compile import compile_ruleset
    from bsa_check.ruleset.load import load_file

    path = tmp_path / "t.yaml"
    path.write_text("""schema_version: 1
name: t
version: "1"
title: {nl: t, en: t}
legal_status: law
valid_from: 2025-09-01
sector: ho
legal_basis: {law: OER}
derived:
  norm:
    title: {nl: n, en: n}
    cases:
      - when: {field: ec_total, ge: 60}
        value: 30
      - value: 45
rules:
  - id: met
    when: {field: ec_year1, ge: {derived: norm}}
    outcome: positive
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
  - id: other
    outcome: needs_review
    legal_basis: {law: OER}
    reason: {nl: "{shortfall} te weinig", en: "{shortfall} short"}
""")
    rs = compile_ruleset(load_file(path))
    record = {"student_id": "1", "programme": "P", "academic_year": 2025, "ec_year1": D(40), "ec_total": D(50)}
    v, traced = rs.evaluate(record, date(2026, 8, 20)), rs.trace(record, date(2026, 8, 20))
    assert [(s.field, s.amount) for s in v.shortfalls] == [(s.field, s.amount) for s in traced.shortfalls] \
        == [("ec_year1", D(5))]
    assert v.values["shortfall"] == D(5)
