"""The pieces ``due`` plans with: the binding rule in reach, step vs timing preconditions, deadlines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bsa_check.services.due import Planner, iter_record_steps, step_fields

BASE = {"student_id": "1", "programme": "59001", "academic_year": 2025, "year_of_enrolment": 1,
        "enrolment_date": date(2025, 9, 1), "ec_year1": Decimal(10), "part_time": False, "propaedeutic_passed": False,
        "personal_circumstances": frozenset()}


def test_binding_in_reach_looks_past_a_pending_decision_only(ho_current):
    reach = ho_current.binding_in_reach(BASE, date(2026, 6, 15))
    assert reach.deciding.id == reach.binding.id == "norm_not_met"
    assert {p.id for p in reach.missing} == {"warning", "hearing"}
    weighed = dict(BASE, personal_circumstances=frozenset({"illness"}))
    reach = ho_current.binding_in_reach(weighed, date(2026, 6, 15))
    assert reach.deciding.id == "circumstances_not_weighed" and reach.binding.id == "norm_not_met"
    met = dict(BASE, ec_year1=Decimal(50))
    assert ho_current.binding_in_reach(met, date(2026, 6, 15)).binding is None
    passed = dict(BASE, propaedeutic_passed=True)  # positive: no binding rule behind it, whatever the credits
    assert ho_current.binding_in_reach(passed, date(2026, 6, 15)).binding is None


def test_steps_and_timing_are_told_apart_by_the_fields_they_read(ho_current):
    rule = next(r for r in ho_current.rules if r.id == "norm_not_met")
    kinds = {p.id: step_fields(p) for p in rule.requires}
    # improvement_period (7.8b lid 4: the period named in the warning) reads the warning too: a step;
    # part_time_moment (lid 1, second sentence) reads no procedural act: timing
    assert kinds == {"warning": ("warning_date",), "hearing": ("hearing_date", "warning_date"),
                     "improvement_period": ("improvement_deadline", "warning_date"),
                     "end_of_year": (), "within_first_year": (), "part_time_moment": ()}


def test_window_and_deadlines_follow_the_parameters(ho_current):
    planner = Planner(ho_current, date(2025, 10, 15))
    assert planner.window(BASE) == (date(2026, 6, 1), date(2026, 8, 31))
    steps = {s.step_id: s for s in iter_record_steps(BASE, ho_current, date(2025, 10, 15))}
    assert steps["warning"].latest == date(2026, 5, 4) and steps["hearing"].latest == date(2026, 6, 1)
    # too late for the earliest advice day, still in time for a later one in the window
    late = {s.step_id: s for s in iter_record_steps(BASE, ho_current, date(2026, 7, 1))}
    assert late["warning"].advice_from == date(2026, 7, 29) and late["warning"].latest == date(2026, 7, 1)
    # no day left: too late
    gone = {s.step_id: s for s in iter_record_steps(BASE, ho_current, date(2026, 8, 10))}
    assert gone["warning"].too_late


def test_a_decision_pending_is_listed_before_the_steps(ho_current):
    record = dict(BASE, personal_circumstances=frozenset({"illness"}))
    kinds = [(s.kind, s.step_id) for s in iter_record_steps(record, ho_current, date(2025, 10, 15))]
    assert ("decision", "circumstances_not_weighed") in kinds and ("step", "warning") in kinds
