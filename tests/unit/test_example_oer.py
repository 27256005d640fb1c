"""The fictional institution OER in examples/: per-programme norm, a required unit, its own cut-off."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from bsa_check.engine.compile import compile_ruleset
from bsa_check.ruleset.load import load
from tests.conftest import EXAMPLES

AS_OF = date(2026, 8, 20)
PROCEDURE = {"warning_date": date(2026, 5, 12), "hearing_date": date(2026, 7, 3), "advice_date": date(2026, 8, 15)}


@pytest.fixture(scope="module")
def oer():
    return compile_ruleset(load(str(EXAMPLES / "oer-voorbeeldstad.yaml")))


def rec(**kw):
    r = {"student_id": "1", "programme": "50001", "academic_year": 2025, "year_of_enrolment": 1, "part_time": False,
         "enrolment_date": date(2025, 9, 1), "passed_units": frozenset({"STAT1", "INL1"}), **PROCEDURE}
    r.update(kw)
    return r


@pytest.mark.parametrize("programme, ec, outcome", [("50001", "42", "positive"), ("50001", "41.5", "negative"),
                                                    ("56604", "47.5", "negative"), ("56604", "48", "positive")])
def test_per_programme_norm(oer, programme, ec, outcome):
    assert oer.evaluate(rec(programme=programme, ec_year1=D(ec)), AS_OF).outcome == outcome


def test_required_unit_missing_is_negative_even_above_the_norm(oer):
    v = oer.evaluate(rec(ec_year1=D("60"), passed_units=frozenset({"INL1"})), AS_OF)
    assert (v.outcome, v.rule.id) == ("negative", "norm_not_met")
    assert "Statistics 1 is required" in __import__("bsa_check.explain", fromlist=["reason"]).reason(v, "en")


@pytest.mark.parametrize("dereg, outcome", [(date(2026, 3, 1), "no_advice"), (date(2026, 4, 1), "negative")])
def test_own_cutoff_1_march(oer, dereg, outcome):
    assert oer.evaluate(rec(ec_year1=D("10"), deregistration_date=dereg), AS_OF).outcome == outcome


def test_a_norm_below_the_declared_range_is_refused(oer):
    from bsa_check.errors import UsageError

    with pytest.raises(UsageError, match="36..60"):
        compile_ruleset(load(str(EXAMPLES / "oer-voorbeeldstad.yaml")), {"norm_ec": "30"})
