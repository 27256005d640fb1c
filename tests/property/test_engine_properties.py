"""Invariants of the evaluator under ho-current, over generated records."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.property.strategies import as_of_dates, credits, records
from tests.property.traced import assert_same_as_traced

SETTINGS = settings(max_examples=300, deadline=None)


def key(v):
    return (v.outcome, v.rule.id, tuple(sorted((k, repr(x)) for k, x in v.values.items())),
            tuple(p.id for p in v.missing), v.shortfalls)


@SETTINGS
@given(record=records(), as_of=as_of_dates)
def test_evaluation_is_deterministic(ho_current, record, as_of):
    first = ho_current.evaluate(dict(record), as_of)
    again = ho_current.evaluate(dict(record), as_of)
    assert key(first) == key(again)


@SETTINGS
@given(record=records(), as_of=as_of_dates)
def test_untraced_evaluation_decides_as_the_traced_one(ho_current, record, as_of):
    v = ho_current.evaluate(record, as_of)
    assert_same_as_traced(v, ho_current.trace(record, as_of))
    assert ho_current.decide(record, as_of) == (v.outcome, v.rule)


@SETTINGS
@given(record=records(), as_of=as_of_dates, extra=credits)
def test_more_credits_never_turn_positive_into_anything_else(ho_current, record, as_of, extra):
    before = ho_current.evaluate(record, as_of)
    more = dict(record, ec_year1=record["ec_year1"] + extra)
    after = ho_current.evaluate(more, as_of)
    if before.outcome == "positive":
        assert after.outcome == "positive"


@SETTINGS
@given(record=records(), as_of=as_of_dates)
def test_applying_the_shortfall_reaches_the_norm_and_no_less_does(ho_current, record, as_of):
    verdict = ho_current.evaluate(record, as_of)
    for s in verdict.shortfalls:
        assert s.field == "ec_year1" and s.amount > 0
        enough = ho_current.evaluate(dict(record, ec_year1=record["ec_year1"] + s.amount), as_of)
        assert enough.outcome == "positive" and enough.rule.id == "norm_met"
        short = ho_current.evaluate(dict(record, ec_year1=record["ec_year1"] + s.amount - Decimal("0.01")), as_of)
        assert short.outcome != "positive"


@SETTINGS
@given(record=records(), as_of=as_of_dates)
def test_no_binding_negative_without_every_precondition(ho_current, record, as_of):
    verdict = ho_current.evaluate(record, as_of)
    if verdict.outcome == "negative":
        advice = record.get("advice_date", as_of)
        assert record["warning_date"] < advice                      # 7.8b lid 4
        assert record["hearing_date"] <= advice                     # 7.8b lid 4
        assert record.get("propaedeutic_passed") is not True       # 7.8b lid 2
        assert record["year_of_enrolment"] == 1
        circumstances = record.get("personal_circumstances")
        if circumstances:                                           # weighed and rejected
            assert record.get("circumstances_decision") == "rejected"


@SETTINGS
@given(record=records(), as_of=as_of_dates)
def test_every_record_gets_exactly_one_known_outcome_with_a_basis(ho_current, record, as_of):
    from bsa_check.explain import one_line, verdict_basis
    from bsa_check.ruleset.model import OUTCOMES

    verdict = ho_current.evaluate(record, as_of)
    assert verdict.outcome in OUTCOMES
    for lang in ("nl", "en"):
        assert verdict_basis(verdict, lang)
        assert "{" not in one_line(verdict, lang)  # every placeholder filled


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 120).map(lambda n: Decimal(n) / 2))
def test_the_norm_boundary_is_exact(ho_current, ec):
    from datetime import date

    record = {"student_id": "1", "programme": "x", "year_of_enrolment": 1, "ec_year1": ec, "part_time": False,
              "academic_year": 2025}
    verdict = ho_current.evaluate(record, date(2026, 8, 15))
    assert (verdict.outcome == "positive") == (ec >= 45)
