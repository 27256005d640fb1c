"""``extends`` changes nothing it is not told to change, and cannot smuggle an unlawful negative past the
legal lint (issue 19, acceptance), as hypothesis properties.

1. A file that extends a rule set and overrides nothing (``extends: NAME`` and nothing else) decides every
   record exactly as its parent: outcome, deciding rule, reason in both languages, missing steps, shortfalls.
   So is a file that extends a gallery file (a chain of two).
2. Dropping a precondition of a binding negative through ``extends`` (a ``replace:`` of the rule without it,
   or a redefined precondition set) is refused by the legal lint exactly as the same drop in a flat file:
   the same error codes, and BSA253 for every statutory step (warning, hearing, the proposal's conversation,
   the advice window's two ends); for MBO, BSA234 for each step of WEB 8.1.7a (progress talk, warning,
   improvement period, advice window, the offer of another programme) and BSA253 for the hearing.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bsa_check.engine.compile import CompiledRuleSet, compile_ruleset
from bsa_check.errors import EvaluationError
from bsa_check.explain import reason
from bsa_check.ruleset.load import bundled_rule_files, load_file
from bsa_check.ruleset.validate import validate_path
from tests.conftest import EXAMPLES
from tests.property.strategies import as_of_dates, dates, maybe, records
from tests.property.test_no_unlawful_negative_road import dump, flat

BUNDLED = bundled_rule_files()
_TMP = tempfile.TemporaryDirectory()  # the children live as long as the module
TMP = Path(_TMP.name)


def _child(parent: str, name: str) -> CompiledRuleSet:
    path = TMP / f"{name}.yaml"
    path.write_text(f"extends: {parent}\n", encoding="utf-8")
    assert not [p for p in validate_path(path) if p.severity == "error"], parent
    return compile_ruleset(load_file(path))


PAIRS = {name: (compile_ruleset(load_file(BUNDLED[name])), _child(name, f"plain-{name}"))
         for name in ("ho-current", "ho-proposed-2023", "mbo")}
AALBURG = EXAMPLES / "oer" / "universiteit-aalburg.yaml"
PAIRS["universiteit-aalburg"] = (compile_ruleset(load_file(AALBURG)), _child(str(AALBURG), "plain-aalburg"))


@st.composite
def mbo_records(draw: Any) -> dict[str, Any]:
    start = date(2025, 8, 1) + timedelta(days=draw(st.integers(0, 60)))
    r = {
        "student_id": "1", "programme": draw(st.sampled_from(["25180", "25604"])),
        "year_of_enrolment": draw(st.integers(1, 2)), "intended_advice": draw(st.sampled_from(["positive", "negative"])),
        "programme_start": start, "programme_length_years": draw(st.integers(1, 4)), "level": draw(st.integers(1, 4)),
        "progress_talks": draw(maybe(st.integers(0, 5))),
        "personal_circumstances": draw(st.frozensets(st.sampled_from(["illness", "family", "other"]), max_size=1)),
        "circumstances_decision": draw(maybe(st.sampled_from(["postpone", "accepted", "rejected"]))),
        "deregistration_date": draw(maybe(dates(0, 400))), "warning_date": draw(maybe(dates(0, 400))),
        "improvement_deadline": draw(maybe(dates(0, 400))), "hearing_date": draw(maybe(dates(0, 400))),
        "advice_date": draw(maybe(dates(60, 420))), "date_of_birth": draw(maybe(dates(-8000, -5000))),
        "startkwalificatie": draw(maybe(st.booleans())), "alternative_offered": draw(maybe(st.booleans())),
    }
    return {k: v for k, v in r.items() if v is not None}


@st.composite
def aalburg_records(draw: Any) -> dict[str, Any]:
    r = draw(records())
    r.pop("part_time", None)
    r.pop("ec_year1", None)
    codes = ["PSY101", "STAT1", "METH1", "BIO1", "SOC1", "DEV1", "STAT2", "COG1", "CLIN1", "ACAD1", "ELEC1", "ELEC2"]
    from bsa_check.records.parse import UnitResult
    grades = draw(st.lists(st.tuples(st.sampled_from(codes), st.integers(30, 90)), max_size=12))
    r["unit_results"] = tuple(UnitResult(c, "grade", Decimal(g) / 10, None, None, False) for c, g in grades)
    r["programme"] = "56604"
    r["hardship_request"] = draw(maybe(st.booleans()))
    return r


def _decision(rs: CompiledRuleSet, record: dict[str, Any], as_of: date) -> Any:
    try:
        v = rs.evaluate(record, as_of)
    except EvaluationError as e:
        return ("error", str(e))
    return (v.outcome, v.rule.id, reason(v, "en"), reason(v, "nl"), [p.id for p in v.missing],
            [(s.field, s.actual, s.target, s.amount) for s in v.shortfalls], sorted(v.values.items(), key=str))


STRATEGY = {"ho-current": records(), "ho-proposed-2023": records(), "mbo": mbo_records(),
            "universiteit-aalburg": aalburg_records()}


@settings(max_examples=300, deadline=None)
@given(data=st.data(), name=st.sampled_from(sorted(PAIRS)), as_of=as_of_dates)
def test_extending_and_overriding_nothing_gives_the_parents_verdicts(data: Any, name: str, as_of: date) -> None:
    record = data.draw(STRATEGY[name])
    parent, child = PAIRS[name]
    assert _decision(child, record, as_of) == _decision(parent, record, as_of)


def test_the_plain_child_is_compared_where_verdicts_differ():
    """The property has teeth: the parents decide the strategies' records in more than one way, and a
    child that does override something (a norm) decides some of them differently."""
    parent, _ = PAIRS["ho-current"]
    path = TMP / "norm-50.yaml"
    path.write_text("extends: ho-current\nparameters: {norm_ec: {values: {2011-09-01: 50}}}\n", encoding="utf-8")
    other = compile_ruleset(load_file(path))
    record = {"student_id": "1", "programme": "59001", "academic_year": 2025, "year_of_enrolment": 1,
              "ec_year1": Decimal(47), "part_time": False}
    assert _decision(parent, record, date(2026, 8, 20))[0] == "positive"
    assert _decision(other, record, date(2026, 8, 20))[0] != "positive"


# --- 2. dropping a precondition through extends ------------------------------------------------------------

STATUTORY = {"warning", "hearing", "conversation", "end_of_year", "within_first_year", "end_of_year_two",
             "within_year_two"}
# MBO (WEB 8.1.7a, domain.md §4 and §12): each step of the bundled mbo binding negative is statutory; a drop is
# refused with BSA234 (the hearing, which no other precondition reads, with BSA253 as before)
MBO_STATUTORY = {"progress_talks", "warning", "improvement_period", "advice_window", "alternative_offered"}


def _drops() -> list[tuple[str, int, str]]:
    out = []
    for name in ("ho-current", "ho-proposed-2023", "mbo"):
        for i, rule in enumerate(flat(BUNDLED[name])["rules"]):
            if rule.get("outcome") == "negative":
                out.extend((name, i, pre["id"]) for pre in rule.get("requires", []))
    return out


DROPS = _drops()


def _errors(path: Path) -> set[str]:
    return {p.code for p in validate_path(path) if p.severity == "error"}


@pytest.mark.parametrize("drop", DROPS, ids=[f"{n}:{i}:{p}" for n, i, p in DROPS])  # every one, not a sample
def test_dropping_a_precondition_through_extends_is_refused_as_in_a_flat_file(drop: tuple[str, int, str]) -> None:
    name, index, pre = drop
    doc = flat(BUNDLED[name])
    rule = doc["rules"][index]
    rule["requires"] = [p for p in rule["requires"] if p["id"] != pre]
    with tempfile.TemporaryDirectory() as tmp:
        flat_path, child_path = Path(tmp) / "flat.yaml", Path(tmp) / "child.yaml"
        flat_path.write_text(dump(doc), encoding="utf-8")
        child_path.write_text(dump({"extends": name, "rules": [{"replace": rule["id"], **rule}]}), encoding="utf-8")
        flat_errors, child_errors = _errors(flat_path), _errors(child_path)
    assert child_errors == flat_errors, (drop, flat_errors, child_errors)
    if pre in STATUTORY and name != "mbo" or pre == "hearing":
        assert "BSA253" in child_errors, drop
    if name == "mbo" and pre != "hearing":
        assert pre in MBO_STATUTORY, f"{drop}: a new precondition of the mbo binding negative; is it statutory?"
        assert "BSA234" in child_errors, drop


def test_every_mbo_step_is_dropped_somewhere() -> None:
    """The drops above reach every MBO statutory step (and the hearing) of the bundled binding negative."""
    assert {p for n, _, p in DROPS if n == "mbo"} == MBO_STATUTORY | {"hearing"}


@pytest.mark.parametrize("dropped", ["warning", "hearing"])
def test_a_redefined_precondition_set_without_a_statutory_step_is_refused(dropped: str, tmp_path: Path) -> None:
    """The other road: a file redefines ho-current's ``warned_and_heard`` set without the step; every rule
    naming the set (ho-current's norm_not_met) loses it, and the legal lint judges the merged result."""
    parent = yaml.safe_load(BUNDLED["ho-current"].read_text(encoding="utf-8"))
    steps = [p for p in parent["preconditions"]["warned_and_heard"] if p["id"] != dropped]
    path = tmp_path / "child.yaml"
    path.write_text(dump({"extends": "ho-current", "preconditions": {"warned_and_heard": steps}}), encoding="utf-8")
    assert "BSA253" in _errors(path)
    intact = tmp_path / "intact.yaml"
    intact.write_text(dump({"extends": "ho-current", "preconditions": {"warned_and_heard": parent["preconditions"]["warned_and_heard"]}}),
                      encoding="utf-8")
    assert _errors(intact) == set()
