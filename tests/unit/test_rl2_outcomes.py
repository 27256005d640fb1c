"""Issue 19 items 3, 7 and 9: interim and not-yet-due outcomes, reason fragments and derived texts,
and the legal facts as machine fields. Goldens and the CLI are in tests/acceptance/test_rl2_golden.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bsa_check.engine.compile import compile_ruleset
from bsa_check.explain import reason
from bsa_check.report import verdict_tail
from bsa_check.report.facts import legal_cells, legal_facts
from bsa_check.report.machine import signature
from bsa_check.ruleset.load import load, load_file
from bsa_check.ruleset.model import OUTCOMES
from bsa_check.schema import rules_schema
from tests.conftest import EXAMPLES, ROOT
from tests.property.strategies import as_of_dates, records

VALID = ROOT / "tests" / "data" / "rules" / "valid"
INTERIM = compile_ruleset(load_file(VALID / "interim_outcomes.yaml"))
TEXTS = compile_ruleset(load_file(VALID / "reason_texts.yaml"))
SETTINGS = settings(max_examples=200, deadline=None)


def test_the_outcome_vocabulary_has_the_new_outcomes_in_design_order():
    assert OUTCOMES[-2:] == ("not_yet_due", "interim")


@SETTINGS
@given(record=records(), as_of=as_of_dates, ec=st.integers(0, 60))
def test_an_interim_verdict_is_never_binding_and_always_labelled(record, as_of, ec):
    record = dict(record, ec_year1=Decimal(ec))
    v = INTERIM.evaluate(record, as_of)
    facts = legal_facts(v, "en")
    if v.outcome == "interim":
        assert facts["label"] in ("on track", "doubtful") and facts["exclusion"] is None and not v.missing
        assert legal_facts(v, "nl")["label"] in ("op koers", "twijfelachtig")
    else:
        assert facts["label"] is None
    traced = INTERIM.trace(record, as_of)
    assert (traced.outcome, traced.rule.id) == (v.outcome, v.rule.id)


def test_interim_and_not_yet_due_follow_the_moment():
    base = {"programme": "59001", "year_of_enrolment": 1, "part_time": False, "enrolment_date": date(2025, 9, 1),
            "propaedeutic_passed": False}
    on_track = INTERIM.evaluate(dict(base, ec_year1=Decimal(25), advice_date=date(2026, 1, 15)), date(2026, 1, 20))
    doubtful = INTERIM.evaluate(dict(base, ec_year1=Decimal(10), advice_date=date(2026, 1, 15)), date(2026, 1, 20))
    later = INTERIM.evaluate(dict(base, ec_year1=Decimal(10), advice_date=date(2026, 3, 15)), date(2026, 3, 20))
    assert (on_track.outcome, on_track.rule.id) == ("interim", "interim_on_track")
    assert (doubtful.outcome, doubtful.rule.id) == ("interim", "interim_doubtful")
    assert (later.outcome, later.rule.id) == ("not_yet_due", "advice_not_yet_due")
    # the label is part of what renders, so two verdicts with different labels never share a tail
    assert signature(on_track) != signature(doubtful)


@SETTINGS
@given(record=records(), as_of=as_of_dates)
def test_a_fragment_is_in_the_reason_exactly_when_its_condition_holds(record, as_of):
    v = TEXTS.evaluate(record, as_of)
    assert TEXTS.trace(record, as_of).fragments == v.fragments
    if v.rule.id != "norm_met":
        assert v.fragments == ()
        return
    text = reason(v, "en")
    assert ("Every first-year credit is earned." in text) == (record["ec_year1"] >= 60)
    assert ("Just above the norm" in text) == (record["ec_year1"] < v.values["norm"] + 5)
    assert ("(part-time)" in text) == bool(record["part_time"])
    assert ("(deeltijd)" in reason(v, "nl")) == bool(record["part_time"])


def test_fragments_are_part_of_the_signature():
    base = {"programme": "59001", "year_of_enrolment": 1, "part_time": False, "enrolment_date": date(2025, 9, 1),
            "propaedeutic_passed": False, "advice_date": date(2026, 8, 15)}
    a = TEXTS.evaluate(dict(base, ec_year1=Decimal(46)), date(2026, 8, 20))
    b = TEXTS.evaluate(dict(base, ec_year1=Decimal(46)), date(2026, 8, 20))
    c = TEXTS.evaluate(dict(base, ec_year1=Decimal(60)), date(2026, 8, 20))
    assert signature(a) == signature(b) and signature(a) != signature(c)
    assert verdict_tail(a, "en")["values"]["study_track"] == {"en": "full-time", "nl": "voltijd"}


def test_legal_facts_of_a_gallery_negative_carry_exclusion_provenance_and_flags():
    rs = compile_ruleset(load("ho-current"))
    record = {"programme": "59001", "year_of_enrolment": 1, "part_time": False, "enrolment_date": date(2025, 9, 1),
              "propaedeutic_passed": False, "ec_year1": Decimal(30), "warning_date": date(2026, 5, 12),
              "hearing_date": date(2026, 7, 3), "advice_date": date(2026, 8, 15)}
    v = rs.evaluate(record, date(2026, 8, 20))
    facts = legal_facts(v, "en")
    assert v.outcome == "negative" and facts["exclusion"]["applies"] is True and facts["exclusion"]["indefinite"]
    incomplete = rs.evaluate({k: x for k, x in record.items() if k != "hearing_date"}, date(2026, 8, 20))
    assert legal_facts(incomplete, "en")["exclusion"]["applies"] is False
    assert "parameter:warning_period_days" in facts["unverified"]
    cells = legal_cells(v, "nl")
    assert cells[1].startswith("Uitsluiting") or "uitsluiting" in cells[1].lower()


def test_provenance_and_rule_level_unverified_reach_the_machine_fields():
    from bsa_check.engine.verdict import Verdict

    rs = compile_ruleset(load_file(EXAMPLES / "oer" / "mbo-college-westland.yaml"))
    p = rs.model.provenance
    assert p is not None and p.unverified
    rule = rs.rules[0]
    facts = legal_facts(Verdict(rule.outcome, rule, rs, {}, (), (), {}, date(2026, 8, 20)), "en")
    assert "provenance" in facts["unverified"]
    assert facts["provenance"]["document"] == p.document and facts["provenance"]["institution"] == p.institution
    doubtful = next(r for r in INTERIM.rules if r.id == "interim_doubtful")
    facts = legal_facts(Verdict("interim", doubtful, INTERIM, {}, (), (), {}, date(2026, 8, 20)), "en")
    assert facts["unverified"][:2] == ["rule", "rule.basis"] and facts["provenance"] is None


def test_every_new_key_has_a_description_in_the_schema():
    schema = rules_schema()["$defs"]
    assert schema["Rule"]["properties"]["label"]["description"].strip()
    assert schema["Rule"]["properties"]["reason_fragments"]["description"].strip()
    assert schema["DerivedCase"]["properties"]["text"]["description"].strip()
    assert all(p["description"] for p in schema["ReasonFragment"]["properties"].values())
    assert all(p["description"] for p in schema["Circumstances"]["properties"].values())
    assert all(p.get("description") for p in schema["CircumstanceKind"]["properties"].values())
    assert rules_schema()["properties"]["circumstances"]["description"].strip()
    assert "not_yet_due" in schema["Rule"]["properties"]["outcome"]["enum"]
    assert "interim" in schema["Rule"]["properties"]["outcome"]["enum"]


# --- item 4: kinds of circumstance --------------------------------------------------------------

KINDS = compile_ruleset(load_file(VALID / "circumstance_kinds.yaml"))
STATUTORY = ["illness", "impairment", "pregnancy", "family", "participation_body", "institution_activity",
             "student_board", "top_sport", "other", "top_culture"]


@SETTINGS
@given(record=records(), as_of=as_of_dates,
       grounds=st.frozensets(st.sampled_from(STATUTORY), max_size=2),
       excluded=st.frozensets(st.sampled_from(["paid_work", "second_programme"]), max_size=2))
def test_an_excluded_kind_never_changes_the_outcome(record, as_of, grounds, excluded):
    """Reported excluded kinds decide exactly as if they were not reported (they are not a ground);
    every other kind is still there for the rules to weigh."""
    with_them = KINDS.evaluate(dict(record, personal_circumstances=grounds | excluded), as_of)
    without = KINDS.evaluate(dict(record, personal_circumstances=grounds), as_of)
    assert (with_them.outcome, with_them.rule.id, with_them.missing) == (without.outcome, without.rule.id,
                                                                          without.missing)
    traced = KINDS.trace(dict(record, personal_circumstances=grounds | excluded), as_of)
    assert (traced.outcome, traced.rule.id) == (with_them.outcome, with_them.rule.id)


def test_the_parser_reads_declared_kinds_statutory_first_and_anything_else_as_other():
    import pickle

    from bsa_check.records.plan import record_plan

    parse = record_plan([KINDS]).parsers["circumstances"]
    assert parse("Bijbaan | ziekte") == frozenset({"paid_work", "illness"})
    assert parse("tweede studie|topcultuur") == frozenset({"second_programme", "top_culture"})
    assert parse("geldzorgen") == frozenset({"other"}) and parse("geen") == frozenset()
    assert pickle.loads(pickle.dumps(parse)) == parse  # a plan goes to --workers processes
    # without declarations HO's list stays closed (an unknown kind is a row error, as before)
    assert "circumstances" not in record_plan([compile_ruleset(load("ho-current"))]).parsers


def test_a_kind_designated_in_the_old_list_and_excluded_is_refused(tmp_path):
    from bsa_check.ruleset.validate import validate_path

    path = tmp_path / "r.yaml"
    path.write_text("extends: ho-current\nname: x\nversion: '1'\ncircumstances:\n  excluded:\n    top_sport:\n"
                    "      reason: {nl: geen grond, en: no ground}\n      legal_basis: {law: OER, article: '5'}\n",
                    encoding="utf-8")
    assert [p.code for p in validate_path(path) if p.severity == "error"] == ["BSA228"]
    path.write_text(path.read_text(encoding="utf-8").replace("name: x", "name: x\ndesignated_circumstances: []"),
                    encoding="utf-8")
    assert [p.code for p in validate_path(path) if p.severity == "error"] == []


def test_an_unverified_parameter_the_rule_only_reads_is_flagged(tmp_path):
    """A parameter read in the condition (here through a derived value), not shown in the reason."""
    from bsa_check.engine.verdict import Verdict

    path = tmp_path / "r.yaml"
    path.write_text(
        "extends: ho-current\nname: x\nversion: '1'\n"
        "parameters:\n  bonus:\n    type: decimal\n    title: {nl: b, en: b}\n    unverified: true\n"
        "    values: {2011-09-01: 5}\n"
        "derived:\n  with_bonus:\n    title: {nl: b, en: b}\n    cases:\n      - value: {add: [{field: ec_year1}, {param: bonus}]}\n"
        "rules:\n  - id: honours\n    before: norm_met\n    when: {derived: with_bonus, ge: 60}\n    outcome: positive\n"
        "    legal_basis: {law: OER, article: '1'}\n    reason: {nl: alles, en: everything}\n", encoding="utf-8")
    rs = compile_ruleset(load_file(path))
    honours = next(r for r in rs.rules if r.id == "honours")
    assert honours.params_read == frozenset({"bonus"})
    flags = legal_facts(Verdict("positive", honours, rs, {}, (), (), {}, date(2026, 8, 20)), "en")["unverified"]
    assert "parameter:bonus" in flags


def test_the_python_api_gives_the_interim_label():
    import bsa_check

    rows = [{"student_id": "1", "programme": "59001", "year_of_enrolment": "1", "ec_year1": "10", "part_time": "nee",
             "propaedeutic_passed": "nee", "enrolment_date": "01-09-2025", "advice_date": "15-01-2026",
             "personal_circumstances": "", "circumstances_decision": "", "deregistration_date": ""}]
    result = bsa_check.check(rows, rules=str(VALID / "interim_outcomes.yaml"), as_of="2026-01-20", lang="nl")
    first = list(result)[0]
    assert (first.outcome, first.label, first.as_dict()["label"]) == ("interim", "twijfelachtig", "twijfelachtig")


def test_an_interim_rule_with_if_missing_negative_is_refused_as_never_binding():
    """Not 'a binding negative without any precondition' (BSA211), which sends the author to add requires
    (then refused by BSA224): an interim rule is never binding and cannot give a negative when something is
    missing; the message says so and what to write instead, in both languages."""
    from bsa_check.i18n.problems import translate
    from bsa_check.ruleset.validate import validate_path

    found = [p for p in validate_path(ROOT / "tests" / "data" / "rules" / "invalid" / "interim_if_missing_negative.yaml")
             if p.severity == "error"]
    assert [(p.code, p.location.line) for p in found] == [("BSA224", 13)]
    problem = found[0]
    assert "without any precondition" not in problem.message
    assert "never binding" in problem.message and "if_missing: negative" in problem.message
    assert "drop if_missing" in problem.hint and "rule of its own" in problem.hint
    assert "nooit bindend" in translate("BSA224", problem.message, "nl")
    assert "laat if_missing weg" in translate("BSA224", problem.hint, "nl")
