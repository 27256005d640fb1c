"""``due`` keeps its promise (hypothesis): a step it lists on day D, recorded in time, makes the advice lawful.

For every bundled rule set and every gallery rule set, over the example records with the
procedural steps randomly removed, the advice date kept or dropped, and a random reference day D:
while ``due`` lists steps, record the first one (by deadline) on a random day between D (or its
earliest day) and its last day, move D to that day and ask ``due`` again. When nothing is left,
``due`` counts the student as complete for an advice on a day of the window (no later than the
advice day it last planned for), the verdict on that day and on the window's last day is no longer
``procedure_incomplete``; it was before (when a step was listed). A step listed as in time
never turns into a step that is too late once the earlier ones are recorded in time.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from bsa_check.records.plan import record_plan
from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import EvaluationError
from bsa_check.records.opener import open_records
from bsa_check.ruleset.load import load
from bsa_check.services.due import STEP_FIELDS, Planner, iter_record_steps
from tests.conftest import EXAMPLES

PAIRS = [("ho-current", EXAMPLES / "students.csv"), ("ho-proposed-2023", EXAMPLES / "students.csv"),
         ("mbo", EXAMPLES / "mbo.csv")]
PAIRS += [(str(p), p.with_suffix(".csv")) for p in sorted((EXAMPLES / "oer").glob("*.yaml"))]


def _load(rules: str, csv: Path):
    rs = compile_ruleset(load(rules))
    with open_records(str(csv), **record_plan([rs]).reader_options()) as reader:
        rows = [dict(r.values) for r in reader if r.error is None]
    return rs, rows


DATA = [_load(r, c) for r, c in PAIRS]


def test_every_rule_set_of_the_gallery_is_covered():
    assert len(DATA) == 3 + len(list((EXAMPLES / "oer").glob("*.yaml")))
    assert all(rows for _, rows in DATA)


@st.composite
def situations(draw):
    rs, rows = DATA[draw(st.integers(0, len(DATA) - 1))]
    record = dict(rows[draw(st.integers(0, len(rows) - 1))])
    for name in STEP_FIELDS:
        if name in record and draw(st.booleans()):
            del record[name]
    anchor = record.get("advice_date") or date(2026, 8, 15)
    if "advice_date" in record and draw(st.booleans()):
        del record["advice_date"]
    as_of = anchor - timedelta(days=draw(st.integers(0, 330)))
    return rs, record, as_of, draw(st.randoms(use_true_random=False))


def _verdict(rs, record, day):
    try:
        return rs.evaluate(record, day).outcome
    except EvaluationError:
        return None


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(situations())
def test_recording_the_listed_steps_in_time_makes_the_advice_lawful(case):
    rs, record, day, rnd = case
    try:
        listed = list(iter_record_steps(record, rs, day))
    except EvaluationError:
        assume(False)
    assume(listed and all(s.kind == "step" and not s.too_late for s in listed))
    advice_from, advice_until = listed[0].advice_from, listed[0].advice_until
    event(f"{rs.name}: {len(listed)} step(s)")
    assert _verdict(rs, record, advice_from) == "procedure_incomplete"
    for _ in range(12):
        steps = list(iter_record_steps(record, rs, day))
        if not steps:
            break
        assert not any(s.too_late for s in steps), f"{steps[0].step_id} became too late after in-time steps"
        assert all(s.kind == "step" for s in steps)
        step = steps[0]
        advice_from, advice_until = step.advice_from, step.advice_until
        assert step.earliest is not None and step.latest is not None and step.earliest <= step.latest
        low = max(day, step.earliest)
        taken = low + timedelta(days=rnd.randint(0, (step.latest - low).days))
        for name in step.fields:
            record[name] = step.needed.get(name, taken) if STEP_FIELDS[name] != "date" else taken
        if any(STEP_FIELDS[name] == "date" for name in step.fields):
            day = taken
    else:
        raise AssertionError("due kept listing steps")
    kind, (status, outcome, _, advice_on) = Planner(rs, day).plan(record)
    assert kind == "out" and status == "complete" and advice_from <= advice_on <= advice_until
    assert outcome not in ("procedure_incomplete", "needs_review") and _verdict(rs, record, advice_on) == outcome
    assert _verdict(rs, record, advice_until) not in (None, "procedure_incomplete")
