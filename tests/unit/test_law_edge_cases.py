"""One test per row of domain.md §6 that the bundled rule sets decide, each citing its basis.

Rows that depend on data the export already settles (which credits count, exemptions, results
after the decision date) or on features of institutional OERs (double degrees, sister
programmes, postponed advice in year two, non-EEA progress) are outside these rule sets; they
are listed at the bottom so their absence is deliberate, not forgotten.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import ErrorList
from bsa_check.ruleset.load import load

AS_OF = date(2026, 8, 15)
PROCEDURE = {"warning_date": date(2026, 5, 12), "hearing_date": date(2026, 7, 3), "conversation_date": date(2026, 4, 1)}


@pytest.fixture(scope="module")
def proposed():
    return compile_ruleset(load("ho-proposed-2023"))


@pytest.fixture(scope="module")
def mbo():
    return compile_ruleset(load("mbo"))


def ho(**kw):
    r = {"student_id": "1", "programme": "59001", "academic_year": 2025, "year_of_enrolment": 1, "part_time": False,
         "ec_year1": D("45"), "enrolment_date": date(2025, 9, 1)}
    r.update(kw)
    return r


def mbo_rec(**kw):
    r = {"student_id": "1", "programme": "25180", "year_of_enrolment": 1, "intended_advice": "negative",
         "programme_start": date(2025, 9, 1), "programme_length_years": 3, "progress_talks": 3,
         "warning_date": date(2026, 2, 2), "improvement_deadline": date(2026, 4, 6), "hearing_date": date(2026, 5, 20),
         "advice_date": date(2026, 6, 15), "date_of_birth": date(2006, 3, 14), "startkwalificatie": True}
    r.update(kw)
    return {k: v for k, v in r.items() if v is not None}


def test_ec_exactly_at_norm_meets_it(ho_current):
    """§6 'EC exactly equals the norm': OERs say 'at least'."""
    assert ho_current.evaluate(ho(ec_year1=D("45.0")), AS_OF).outcome == "positive"


def test_half_credits_never_rounded_up(ho_current):
    """§6 'Half credits': Decimal sum, 44.5 < 45."""
    assert ho_current.evaluate(ho(ec_year1=D("44.5"), **PROCEDURE), AS_OF).outcome == "negative"


def test_propaedeutic_exam_passed_no_negative(ho_current, proposed):
    """§6 'Propedeuse already passed': WHW 7.8b lid 2; CBHO 2016/247."""
    for rs in (ho_current, proposed):
        assert rs.evaluate(ho(ec_year1=D("0"), propaedeutic_passed=True, **PROCEDURE), AS_OF).outcome == "positive"


def test_no_warning_recorded_procedure_incomplete(ho_current):
    """§6 'No warning recorded': WHW 7.8b lid 4."""
    v = ho_current.evaluate(ho(ec_year1=D("20"), hearing_date=date(2026, 7, 3)), AS_OF)
    assert v.outcome == "procedure_incomplete" and [p.id for p in v.missing] == ["warning"]


def test_hearing_not_offered_procedure_incomplete(ho_current):
    """§6 'Hearing not offered': WHW 7.8b lid 4; ABRvS 2024 (Van Hall Larenstein)."""
    v = ho_current.evaluate(ho(ec_year1=D("20"), warning_date=date(2026, 5, 12)), AS_OF)
    assert v.outcome == "procedure_incomplete" and [p.id for p in v.missing] == ["hearing"]


@pytest.mark.parametrize("category", ["illness", "impairment", "pregnancy", "family", "participation_body",
                                      "institution_activity", "student_board"])
def test_listed_circumstance_no_automatic_negative(ho_current, category):
    """§6 'Listed circumstance' and 'Disability / pregnancy / board year': 7.8b lid 3; UB WHW 2.1."""
    record = ho(ec_year1=D("20"), personal_circumstances=frozenset({category}), **PROCEDURE)
    assert ho_current.evaluate(record, AS_OF).outcome == "needs_review"
    assert ho_current.evaluate(dict(record, circumstances_decision="accepted"), AS_OF).outcome == "needs_review"
    assert ho_current.evaluate(dict(record, circumstances_decision="postpone"), AS_OF).outcome == "postponed"
    # weighed and rejected: a negative is possible again
    assert ho_current.evaluate(dict(record, circumstances_decision="rejected"), AS_OF).outcome == "negative"


def test_unlisted_circumstance_is_flagged_not_silently_dropped(ho_current):
    """§6 'Unlisted circumstance': not a statutory ground (UB 2.1 'uitsluitend'); recorded as 'other', a person
    decides (a hardship route exists outside the BSA list), never an automatic negative while undecided."""
    record = ho(ec_year1=D("20"), personal_circumstances=frozenset({"other"}), **PROCEDURE)
    assert ho_current.evaluate(record, AS_OF).outcome == "needs_review"


def test_top_sport_is_weighed_by_a_person(ho_current):
    """§6 'Top sport': OER-dependent [U]; flagged, not decided."""
    record = ho(ec_year1=D("20"), personal_circumstances=frozenset({"top_sport"}), **PROCEDURE)
    assert ho_current.evaluate(record, AS_OF).outcome == "needs_review"


def test_part_time_student_own_norm(ho_current):
    """§6 'Part-time student': institution sets moment and norm (7.8b lid 1)."""
    assert ho_current.evaluate(ho(part_time=True, ec_year1=D("30")), AS_OF).outcome == "positive"
    assert ho_current.evaluate(ho(part_time=False, ec_year1=D("30"), **PROCEDURE), AS_OF).outcome == "negative"


def test_late_entry_no_automatic_negative(ho_current, proposed):
    """§6 'Enrolled later in the year': law ambiguous; OERs postpone or lower the norm."""
    for rs in (ho_current, proposed):
        v = rs.evaluate(ho(ec_year1=D("5"), enrolment_date=date(2026, 2, 1), **PROCEDURE), AS_OF)
        assert (v.outcome, v.rule.id) == ("needs_review", "late_entry")


@pytest.mark.parametrize("dereg, outcome", [(date(2026, 1, 31), "no_advice"), (date(2026, 2, 1), "no_advice"),
                                            (date(2026, 3, 1), "negative")])
def test_deregistered_before_1_february(ho_current, dereg, outcome):
    """§6 'Deregistered before 1 Feb': OER practice (UU, VU, TU Delft), inclusive of a deregistration per 1 Feb."""
    assert ho_current.evaluate(ho(ec_year1=D("5"), deregistration_date=dereg, **PROCEDURE), AS_OF).outcome == outcome


def test_positive_advice_already_given_no_later_negative(ho_current):
    """§6 'Positive advice already given': CBHO 15-02-2016; a year-two student gets no (new) advice."""
    assert ho_current.evaluate(ho(year_of_enrolment=2, ec_year1=D("0"), **PROCEDURE), AS_OF).outcome == "no_advice"


def test_proposal_norm_above_30_is_a_load_error(tmp_path):
    """§6 'Scenario (b): norm > 30 in year 1': invalid under the proposal (Kamerbrief nr. 1039)."""
    text = (load("ho-proposed-2023").path and open(load("ho-proposed-2023").path, encoding="utf-8").read())
    bad = tmp_path / "proposal-35.yaml"
    bad.write_text(text.replace("      2025-09-01: 30\n", "      2025-09-01: 35\n", 1), encoding="utf-8")
    from bsa_check.ruleset.load import load_file

    with pytest.raises(ErrorList) as info:
        compile_ruleset(load_file(bad))
    message = str(info.value.errors[0])
    assert "0..30" in message and "nr. 1039" in message


def test_proposal_year_one_31_positive_year_two_check(proposed, ho_current):
    """Issue acceptance: 31 EC is positive under the proposal and negative under ho-current at 45."""
    record = ho(ec_year1=D("31"), **PROCEDURE)
    assert proposed.evaluate(record, AS_OF).outcome == "positive"
    assert ho_current.evaluate(record, AS_OF).outcome == "negative"


def test_proposal_conversation_required(proposed):
    """Kamerbrief nr. 1039: a personal conversation before any negative."""
    record = ho(ec_year1=D("10"), warning_date=date(2026, 5, 12), hearing_date=date(2026, 7, 3))
    v = proposed.evaluate(record, AS_OF)
    assert v.outcome == "procedure_incomplete" and [p.id for p in v.missing] == ["conversation"]


def test_proposal_year_two_sixty_total(proposed):
    """Kamerbrief nr. 1039: 60 EC after two years (cumulative by default; switchable)."""
    assert proposed.evaluate(ho(year_of_enrolment=2, ec_total=D("60"), ec_year1=D("40")), AS_OF).outcome == "positive"
    assert proposed.evaluate(ho(year_of_enrolment=2, ec_total=D("59.5"), **PROCEDURE), AS_OF).outcome == "negative"
    first_units = compile_ruleset(load("ho-proposed-2023"), {"year2_counts": "first_year_units"})
    assert first_units.evaluate(ho(year_of_enrolment=2, ec_total=D("90"), ec_year1=D("55"), **PROCEDURE),
                                AS_OF).outcome == "negative"


@pytest.mark.parametrize("advice, outcome", [(date(2026, 5, 1), "procedure_incomplete"),   # 8 months
                                             (date(2026, 6, 1), "negative"),               # 9 months
                                             (date(2026, 9, 1), "negative"),               # 12 months
                                             (date(2026, 10, 1), "procedure_incomplete")])  # 13 months
def test_mbo_window_multi_year(mbo, advice, outcome):
    """§6 'MBO advice at 8 or 13 months': outside the 9-12 month window is unlawful (Rijksoverheid)."""
    record = mbo_rec(advice_date=advice, improvement_deadline=date(2026, 4, 6), hearing_date=date(2026, 4, 20))
    assert mbo.evaluate(record, advice).outcome == outcome


@pytest.mark.parametrize("advice, outcome", [(date(2025, 12, 1), "negative"), (date(2026, 1, 1), "negative"),
                                             (date(2026, 2, 1), "procedure_incomplete")])
def test_mbo_window_one_year_programme(mbo, advice, outcome):
    """§6 'MBO ... 5 months (one-year programme)': window 3-4 months (Grashoff amendment)."""
    record = mbo_rec(programme_length_years=1, warning_date=date(2025, 10, 1), improvement_deadline=date(2025, 11, 1),
                     hearing_date=date(2025, 11, 20), advice_date=advice)
    assert mbo.evaluate(record, advice).outcome == outcome


@pytest.mark.parametrize("change, missing", [
    ({"progress_talks": 0}, "progress_talks"),
    ({"warning_date": None, "improvement_deadline": None}, "warning"),
    ({"improvement_deadline": date(2026, 6, 30)}, "improvement_period"),
    ({"hearing_date": None}, "hearing"),
    ({"date_of_birth": date(2009, 1, 1)}, "alternative_offered"),
    ({"startkwalificatie": False}, "alternative_offered"),
])
def test_mbo_each_step_named_when_missing(mbo, change, missing):
    """domain.md §4: every required MBO step is checked and its absence named with its basis."""
    v = mbo.evaluate(mbo_rec(**change), date(2026, 6, 30))
    assert v.outcome == "procedure_incomplete"
    assert missing in [p.id for p in v.missing]
    # the hearing rests on general administrative law (Awb 4:8) or the school's rules, not on 8.1.7a (§12)
    assert all(p.model.legal_basis.law == ("Awb" if p.id == "hearing" else "WEB") for p in v.missing)


def test_mbo_improvement_period_must_be_reasonable(mbo):
    """domain.md §4 row 4: a written warning with a reasonable improvement period (28 days, unverified)."""
    short = mbo.evaluate(mbo_rec(improvement_deadline=date(2026, 2, 3)), date(2026, 6, 30))
    assert short.outcome == "procedure_incomplete" and "improvement_period" in [p.id for p in short.missing]
    enough = mbo.evaluate(mbo_rec(improvement_deadline=date(2026, 3, 2)), date(2026, 6, 30))
    assert enough.outcome == "negative"


def test_mbo_minor_with_alternative_offered_may_be_negative(mbo):
    """domain.md §4 row 11: under 18 (or no startkwalificatie) an alternative must be offered."""
    record = mbo_rec(date_of_birth=date(2009, 1, 1), alternative_offered=True)
    assert mbo.evaluate(record, date(2026, 6, 30)).outcome == "negative"


def test_mbo_no_credit_norm(mbo):
    """domain.md §4: MBO has no credit norm; the rule set reads no credit field."""
    assert not {"ec_year1", "ec_total"} & mbo.fields_used


# Rows of §6 deliberately outside the bundled rule sets (covered by institution OER files, issue 6):
# exemptions, credits after the decision date, switch to another programme, postponed advice decided in
# year two, re-enrolment after a negative, February starter's enrolment end (7.42 lid 3), non-EEA
# progress (a separate IND rule), double degrees, institutions without a binding BSA.
