"""Issue 19 items 5, 6 and 8 in the engine: the EC-weighted average and dated unit catalogues (item 6),
with hypothesis properties where an invariant says more than a case."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bsa_check.engine.compile import compile_ruleset
from bsa_check.records.parse import UnitResult
from bsa_check.ruleset.load import load_file
from tests.conftest import ROOT

VALID = ROOT / "tests" / "data" / "rules" / "valid"
AS_OF = date(2026, 8, 20)


def _catalogue_rules(tmp: Path, ecs: list[int]) -> Path:
    """The valid aggregates file with its catalogue replaced by units U0.. of the given credits."""
    text = (VALID / "aggregates_weighted_dated.yaml").read_text(encoding="utf-8")
    start, end = text.index("  units:\n    A1"), text.index("parameters:")
    units = "".join(f"    U{i}: {{ec: {ec}}}\n" for i, ec in enumerate(ecs))
    path = tmp / "rules.yaml"
    path.write_text(text[:start] + "  units:\n" + units + text[end:], encoding="utf-8")
    return path


def _averages(rs, grades: list[Decimal], year: int = 2025) -> tuple[Decimal, Decimal]:
    record = {"student_id": "1", "programme": "59001", "academic_year": year, "year_of_enrolment": 1,
              "propaedeutic_passed": False, "unit_results": tuple(UnitResult(f"U{i}", "grade", g, None, None, False)
                                                                   for i, g in enumerate(grades))}
    values = rs.evaluate(record, AS_OF).values
    return values["weighted"], values.get("plain")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 15), st.integers(10, 100)), min_size=1, max_size=6))
def test_weighted_average_is_grade_times_ec_over_ec(tmp_path_factory, units):
    ecs, grades = [ec for ec, _ in units], [Decimal(g) / 10 for _, g in units]
    rs = compile_ruleset(load_file(_catalogue_rules(tmp_path_factory.mktemp("w"), ecs)))
    weighted, _ = _averages(rs, grades)
    assert weighted == sum(g * ec for g, ec in zip(grades, ecs)) / sum(ecs)
    assert min(grades) <= weighted <= max(grades)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 15), st.lists(st.integers(10, 100), min_size=1, max_size=6))
def test_with_equal_credits_the_weighted_average_is_the_plain_one(tmp_path_factory, ec, raw):
    grades = [Decimal(g) / 10 for g in raw]
    rs = compile_ruleset(load_file(_catalogue_rules(tmp_path_factory.mktemp("e"), [ec] * len(grades))))
    weighted, plain = _averages(rs, grades)
    plain = plain if plain is not None else sum(grades) / len(grades)  # plain is in the reason of met only
    assert weighted == sum(grades) / len(grades) == plain


def test_plain_average_is_unweighted():
    rs = compile_ruleset(load_file(VALID / "aggregates_weighted_dated.yaml"))
    record = {"student_id": "1", "programme": "59001", "academic_year": 2025, "year_of_enrolment": 1,
              "propaedeutic_passed": False,
              "unit_results": (UnitResult("A1", "grade", Decimal(6), None, None, False),
                               UnitResult("A2", "grade", Decimal(9), None, None, False),
                               UnitResult("OLD1", "grade", Decimal(9), None, None, False))}
    values = rs.evaluate(record, AS_OF).values
    assert (values["plain"], values["weighted"]) == (Decimal(8), Decimal("7.5"))


@settings(max_examples=40, deadline=None)
@given(year=st.integers(2024, 2028), passed=st.sets(st.sampled_from(["A1", "A2", "OLD1", "NEW1"])))
def test_a_dated_unit_counts_and_is_required_only_in_its_years(year, passed):
    rs = compile_ruleset(load_file(VALID / "aggregates_weighted_dated.yaml"))
    record = {"student_id": "1", "programme": "59001", "academic_year": year, "year_of_enrolment": 1,
              "propaedeutic_passed": False, "warning_date": date(year + 1, 4, 1), "hearing_date": date(year + 1, 6, 20),
              "unit_results": tuple(UnitResult(c, "grade", Decimal(7), None, None, False) for c in sorted(passed))}
    v = rs.evaluate(record, date(year + 1, 8, 20))
    in_year = {"A1", "A2"} | ({"OLD1"} if year <= 2025 else set()) | ({"NEW1"} if year >= 2026 else set())
    missing = len(in_year - passed)
    assert v.values.get("units_missing", 0) == missing
    assert v.outcome == ("positive" if missing == 0 else "negative")


# --- item 8: what would change it, beyond credits ----------------------------------------------------------

def _aalburg():
    return compile_ruleset(load_file(ROOT / "examples" / "oer" / "universiteit-aalburg.yaml"))


def _ua(results: str, **kw):
    from bsa_check.records.parse import parse_unit_results
    record = {"student_id": "1", "programme": "56604", "academic_year": 2025, "year_of_enrolment": 1,
              "unit_results": parse_unit_results(results),
              "warning_date": date(2026, 5, 12), "hearing_date": date(2026, 7, 3)}
    record.update(kw)
    return record


def test_changes_name_the_required_unit_and_the_one_of_two_still_to_pass():
    from bsa_check.explain import changes
    rs = _aalburg()
    nine = "PSY101:7|METH1:7|BIO1:7|SOC1:7|DEV1:7|STAT2:7|COG1:7|CLIN1:7|ACAD1:7"
    no_stat = rs.evaluate(_ua(nine + "|STAT1:5|ELEC1:7"), AS_OF)
    assert no_stat.outcome == "negative"
    assert "pass STAT1 (Art. 6.2 met)" in changes(no_stat, "en")
    assert "nog behalen: STAT1 (Aan art. 6.2 voldaan)" in changes(no_stat, "nl")
    no_elective = rs.evaluate(_ua(nine + "|STAT1:7|ELEC1:4"), AS_OF)
    assert "pass 1 more of ELEC1, ELEC2 (Art. 6.2 met)" in changes(no_elective, "en")
    assert "nog 1 behalen van: ELEC1, ELEC2 (Aan art. 6.2 voldaan)" in changes(no_elective, "nl")
    passed = rs.evaluate(_ua(nine + "|STAT1:7|ELEC1:7"), AS_OF)
    assert passed.outcome == "positive" and changes(passed, "en") == []


def test_a_missing_step_comes_with_the_latest_day_it_can_still_be_taken():
    from bsa_check.explain import changes
    rs = compile_ruleset(load_file(ROOT / "rules" / "ho-current.yaml"))
    record = {"student_id": "1", "programme": "59001", "academic_year": 2025, "year_of_enrolment": 1,
              "part_time": False, "ec_year1": Decimal(20), "warning_date": date(2026, 5, 1),
              "advice_date": date(2026, 8, 15)}
    v = rs.evaluate(record, date(2026, 7, 1))
    assert v.outcome == "procedure_incomplete" and [p.id for p in v.missing] == ["hearing"]
    assert changes(v, "en")[-1].endswith("(WHW art. 7.8b lid 4), at the latest on 2026-08-15")
    assert changes(v, "nl")[-1].endswith("(WHW art. 7.8b lid 4), uiterlijk op 15-08-2026")
    # no warning either, and the advice is in 10 days: a warning 28 days ahead can no longer be given
    late = rs.evaluate({k: v for k, v in record.items() if k != "warning_date"} | {"advice_date": date(2026, 7, 11)},
                       date(2026, 7, 1))
    assert changes(late, "en")[-1].count("too late for any lawful advice day left") == 2
    assert changes(late, "nl")[-1].count("te laat voor elke nog rechtmatige adviesdatum") == 2


# --- item 5: record fields and working days ----------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(start=st.dates(date(2020, 1, 1), date(2030, 12, 31)), n=st.integers(-60, 60),
       holidays=st.frozensets(st.dates(date(2019, 10, 1), date(2031, 3, 31)), max_size=40))
def test_working_days_skip_weekends_and_holidays(start, n, holidays):
    from datetime import timedelta

    from bsa_check.engine.context import add_working_days
    end = add_working_days(start, n, holidays)
    if n == 0:
        assert end == start
        return
    assert end.weekday() < 5 and end not in holidays  # the day reached is a working day
    # n > 0: the working days in (start, end]; n < 0: those in [end, start)
    span = range(1, (end - start).days + 1) if n > 0 else range((end - start).days, 0)
    between = [start + timedelta(days=k) for k in span]
    assert sum(1 for d in between if d.weekday() < 5 and d not in holidays) == abs(n)


def test_new_fields_read_in_dutch_and_english():
    from bsa_check.records.fields import HEADER_INDEX, normalise_header
    from bsa_check.records.parse import PARSERS
    from bsa_check.records import fields as F
    for header, name in (("alle_toetskansen_benut", "exam_opportunities_used"), ("hoofd_of_neven", "programme_role"),
                         ("grond_negatief_advies", "negative_ground"),
                         ("aantal_onvoldoende_onderdelen", "insufficient_components"),
                         ("begindatum_omstandigheden", "circumstances_onset_date"),
                         ("programme_role", "programme_role")):
        assert HEADER_INDEX[normalise_header(header)] == name
    role, ground = PARSERS[F.PROGRAMME_ROLE], PARSERS[F.NEGATIVE_GROUND]
    assert (role("Nevenopleiding"), role("main"), role("geen")) == ("side", "main", None)
    assert (ground("alleen aanwezigheid"), ground("Studievoortgang"), ground("both")) == \
        ("attendance_only", "study_progress", "both")
    import pytest

    from bsa_check.records.parse import CellError
    with pytest.raises(CellError):
        ground("attendance maybe")


def test_every_key_of_items_5_and_6_has_a_schema_description():
    from bsa_check.schema import rules_schema
    schema = rules_schema()
    defs = schema["$defs"]
    for where, key in (("Aggregate", "weighted_by"), ("Unit", "valid_from"), ("Unit", "valid_until"),
                       ("Offset", "working_days")):
        assert defs[where]["properties"][key].get("description", "").strip(), (where, key)
    assert schema["properties"]["holidays"]["description"].strip()


def test_a_negative_working_day_offset_counts_back_over_weekends_and_holidays(tmp_path):
    """``plus: {working_days: -3}`` means three working days before (e.g. the latest day of a hearing
    before the advice): counted back, skipping the weekend and the rule set's holidays, in the rule and in
    a derived value, and explained as ``- 3 working days``."""
    from bsa_check.explain import test_text
    path = tmp_path / "back.yaml"
    path.write_text("""extends: ho-current
name: wd-back
version: "1"
title: {nl: Werkdagen terug, en: Working days back}
holidays: [2026-01-01]
derived:
  hearing_deadline:
    title: {nl: Uiterste hoordatum, en: Latest hearing day}
    cases:
      - value: {field: advice_date, plus: {working_days: -3}}
rules:
  - id: heard_too_late
    before: norm_met
    title: {nl: Te laat gehoord, en: Heard too late}
    when: {field: hearing_date, after: {field: advice_date, plus: {working_days: -3}}}
    outcome: needs_review
    legal_basis: {law: OER, article: "5"}
    reason: {nl: "Gehoord op {hearing_date}, na {hearing_deadline}.", en: "Heard on {hearing_date}, after {hearing_deadline}."}
optional_columns: [previous_postponement, advice_date, warning_date, hearing_date, improvement_deadline]
""", encoding="utf-8")
    rs = compile_ruleset(load_file(path))

    def verdict(hearing: date):
        return rs.evaluate({"student_id": "1", "programme": "59001", "academic_year": 2025, "year_of_enrolment": 1,
                            "part_time": False, "ec_year1": Decimal(60), "advice_date": date(2026, 1, 6),
                            "hearing_date": hearing}, AS_OF)
    # Tuesday 6 January 2026: Mon 5 (1), Fri 2 (2), Thu 1 January a holiday, Wed 31 December (3)
    late = verdict(date(2026, 1, 2))
    assert late.outcome == "needs_review" and late.values["hearing_deadline"] == date(2025, 12, 31)
    test = late.checks[-1].tests[0]
    assert test.right == date(2025, 12, 31)
    assert test_text(test, "en").endswith("after advice_date - 3 working days = 2025-12-31: ✓")
    assert test_text(test, "nl").endswith("advice_date - 3 werkdagen = 31-12-2025: ✓")
    for in_time in (date(2025, 12, 31), date(2025, 12, 24)):
        assert verdict(in_time).outcome == "positive"
    from bsa_check.schema import rules_schema
    assert "negative number counts back" in rules_schema()["$defs"]["Offset"]["properties"]["working_days"]["description"]
