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
