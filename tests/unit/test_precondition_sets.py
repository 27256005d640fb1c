"""Named, reusable precondition sets: ``requires: [lawful_procedure]`` (issue 19 item 2)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings

from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import ErrorList, EvaluationError, RuleFileError
from bsa_check.explain import explanation
from bsa_check.ruleset.load import load_file
from bsa_check.ruleset.validate import validate_path
from tests.property.strategies import as_of_dates, records

DATA = Path(__file__).resolve().parent.parent / "data" / "rules"
INLINE = compile_ruleset(load_file(DATA / "valid" / "minimal.yaml"))
SETS = compile_ruleset(load_file(DATA / "valid" / "precondition_sets.yaml"))


def test_a_set_name_stands_for_its_preconditions():
    rule = SETS.model.rules[-1]
    assert [p.id for p in rule.requires] == ["warning", "hearing", "end_of_year", "within_first_year"]
    assert rule.requires == INLINE.model.rules[-1].requires
    assert list(SETS.model.preconditions) == ["lawful_procedure"]


def _verdict(rs, record, as_of):
    try:
        v = rs.evaluate(record, as_of)
    except EvaluationError as exc:
        return ("error", exc.code)
    return (v.outcome, v.rule.id, tuple((p.precondition.id, p.met) for p in v.preconditions))


@settings(max_examples=200, deadline=None)
@given(record=records(), as_of=as_of_dates)
def test_a_set_gives_the_verdicts_of_the_same_preconditions_written_out(record, as_of):
    assert _verdict(SETS, dict(record), as_of) == _verdict(INLINE, dict(record), as_of)


def test_the_explanation_names_each_precondition_of_the_set(tmp_path):
    record = {"student_id": "1", "programme": "x", "academic_year": 2025, "ec_year1": 10, "propaedeutic_passed": False}
    from datetime import date
    from decimal import Decimal

    record["ec_year1"] = Decimal(10)
    verdict = SETS.evaluate(record, date(2026, 7, 1))
    assert verdict.outcome == "procedure_incomplete"
    for lang, word in (("en", "warning"), ("nl", "waarschuwing")):
        text = "\n".join(explanation(verdict, lang))
        assert "- warning:" in text and "- hearing:" in text and word in text


def test_a_child_that_redefines_a_set_changes_every_rule_naming_it(tmp_path):
    child = tmp_path / "child.yaml"
    child.write_text(f"extends: {DATA / 'valid' / 'precondition_sets.yaml'}\npreconditions:\n  lawful_procedure:\n"
                     "    - id: warning\n      when: {field: warning_date, is_set: true}\n"
                     "      missing: {nl: w, en: w}\n      legal_basis: {law: WHW, article: 7.8b, paragraph: 4}\n"
                     "    - id: hearing\n      when: {field: hearing_date, is_set: true}\n"
                     "      missing: {nl: h, en: h}\n      legal_basis: {law: WHW, article: 7.8b, paragraph: 4}\n",
                     encoding="utf-8")
    rule = load_file(child).model.rules[-1]
    assert [p.id for p in rule.requires] == ["warning", "hearing"]


def test_an_error_in_a_set_is_located_in_the_set(tmp_path):
    text = (DATA / "valid" / "precondition_sets.yaml").read_text().replace(
        "when: {field: hearing_date, is_set: true}", "when: {field: hearing_dat, is_set: true}")
    path = tmp_path / "sets.yaml"
    path.write_text(text, encoding="utf-8")
    found = [p for p in validate_path(path) if p.severity == "error"]
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "hearing_dat," in s)
    unknown = [p for p in found if p.code == "BSA204"]
    assert unknown and unknown[0].location.line == line and unknown[0].location.file == str(path)


def test_an_unknown_set_is_refused_and_located():
    path = DATA / "invalid" / "precondition_set_unknown.yaml"
    try:
        load_file(path)
    except (RuleFileError, ErrorList) as exc:
        err = exc if isinstance(exc, RuleFileError) else exc.errors[0]
    else:
        raise AssertionError("loaded")
    assert err.code == "BSA145" and err.location.line == 5 and "lawful_procedure" in err.hint


def test_a_problem_of_a_childs_rule_that_names_an_inherited_set_is_located_in_the_child(tmp_path):
    """A rule of the extending file that names the parent's set as its whole ``requires`` is the child's own
    choice: a problem of that list (BSA259, no reason_if_missing) is located at the child's ``requires``,
    not at the set in the bundled parent file, which the author cannot edit."""
    child = tmp_path / "child.yaml"
    child.write_text("extends: ho-current\nname: c\nversion: '1'\nrules:\n"
                     "  - before: postponed_advice_due\n    id: early\n    title: {nl: x, en: x}\n"
                     "    when: {field: ec_year1, lt: 10}\n    outcome: not_yet_due\n"
                     "    requires: [warned_and_heard]\n"
                     "    legal_basis: {law: OER, article: '1'}\n    reason: {nl: x, en: x}\n", encoding="utf-8")
    found = [p for p in validate_path(child) if p.code == "BSA259"]
    assert found and found[0].location.file == str(child) and found[0].location.line == 10

