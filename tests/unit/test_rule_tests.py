"""The rule-test machinery: loading *.bsa-test.yaml files, the pytest plugin, and run() behind `bsa-check test`."""

from __future__ import annotations

import json
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bsa_check.errors import ErrorList, RuleFileError
from bsa_check.testing.check import parse_record, run_case
from bsa_check.testing.load import RuleSetCache, load_test_file
from bsa_check.testing import model as test_format
from bsa_check.testing.runner import run
from tests.conftest import ROOT

PASSING = """\
rules: ho-current
as_of: 2026-08-20
cases:
  - name: exactly at the norm
    record: {programme: "59001", year_of_enrolment: 1, part_time: no, ec_year1: 45}
    expect: {outcome: positive, rule: norm_met, reason_contains: "45 EC"}
  - name: half a credit short with the procedure complete
    record: {programme: "59001", year_of_enrolment: 1, part_time: no, ec_year1: 44.5,
             warning_date: 2026-05-12, hearing_date: 2026-07-03}
    expect: {outcome: negative, rule: norm_not_met, missing: []}
"""

WRONG = """\
rules: ho-current
as_of: 2026-08-20
cases:
  - name: passes
    record: {programme: "59001", year_of_enrolment: 1, part_time: no, ec_year1: 45}
    expect: {outcome: positive}
  - name: wrong on purpose
    record: {programme: "59001", year_of_enrolment: 1, part_time: no, ec_year1: 44.5}
    expect: {outcome: positive, rule: norm_met, missing: [], reason_contains: "norm met"}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_errors(path: Path) -> list[RuleFileError]:
    with pytest.raises((ErrorList, RuleFileError)) as info:
        load_test_file(path)
    return info.value.errors if isinstance(info.value, ErrorList) else [info.value]


# --- run(): exit codes and output ----------------------------------------------------------------


def test_passing_file_returns_0(tmp_path, capfd):
    write(tmp_path, "ok.bsa-test.yaml", PASSING)
    assert run([str(tmp_path)], quiet=True) == 0
    assert "2 passed" in capfd.readouterr().out


def test_wrong_expectation_returns_1_with_a_readable_diff(tmp_path, capfd):
    path = write(tmp_path, "wrong.bsa-test.yaml", WRONG)
    assert run([str(path)]) == 1
    out = capfd.readouterr().out
    assert "wrong.bsa-test.yaml::wrong on purpose" in out  # node id: file::case name
    assert f"{path}:7:11: case 'wrong on purpose' failed" in out  # where the case is
    assert "outcome: expected positive" in out and "actual   procedure_incomplete" in out
    assert "rule:    expected norm_met" in out and "actual   norm_not_met" in out
    assert "missing: expected []" in out and "actual   [warning, hearing]" in out
    assert "reason:  expected to contain 'norm met'" in out
    assert "actual reason (en): 44.5 EC earned; the norm is 45 EC." in out  # the one-line reason
    assert "Traceback" not in out and "raise " not in out
    assert "1 failed, 1 passed" in out


def test_junit_xml_is_pytests_own(tmp_path, capfd):
    write(tmp_path, "tests/a.bsa-test.yaml", WRONG)
    write(tmp_path, "tests/b.bsa-test.yaml", PASSING)
    report = tmp_path / "out" / "junit.xml"
    report.parent.mkdir()
    assert run([str(tmp_path / "tests")], junit_xml=str(report), quiet=True) == 1
    root = ET.parse(report).getroot()
    cases = root.findall(".//testcase")
    assert len(cases) == 4
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["wrong on purpose"]
    assert "expected positive" in failed[0].find("failure").text
    assert root.find("testsuite").get("name") == "bsa-check"


def test_no_test_files_returns_2(tmp_path, capfd):
    write(tmp_path, "rules.yaml", "name: not a test\n")
    assert run([str(tmp_path)]) == 2
    assert "no *.bsa-test.yaml files under" in capfd.readouterr().err


def test_missing_path_returns_2(tmp_path, capfd):
    assert run([str(tmp_path / "nope")]) == 2
    assert "no such file or directory" in capfd.readouterr().err


def test_a_file_that_is_not_a_rule_test_returns_2(tmp_path, capfd):
    path = write(tmp_path, "cases.yaml", PASSING)
    assert run([str(path)]) == 2
    assert "must end in .bsa-test.yaml" in capfd.readouterr().err


def test_python_tests_and_conftests_next_to_the_files_are_not_collected(tmp_path, capfd):
    write(tmp_path, "ok.bsa-test.yaml", PASSING)
    write(tmp_path, "test_boom.py", "raise RuntimeError('python test module imported')\n")
    write(tmp_path, "conftest.py", "raise RuntimeError('conftest imported')\n")
    write(tmp_path, "__init__.py", "raise RuntimeError('package imported')\n")
    write(tmp_path, "sub/more.bsa-test.yaml", PASSING)
    write(tmp_path, ".hidden/skipped.bsa-test.yaml", WRONG)  # pytest's norecursedirs: not searched
    assert run([str(tmp_path)], quiet=True) == 0
    captured = capfd.readouterr()
    assert "4 passed" in captured.out
    assert "RuntimeError" not in captured.out + captured.err
    assert "warning" not in captured.out + captured.err


def test_a_file_that_cannot_be_loaded_is_one_failing_item(tmp_path, capfd):
    write(tmp_path, "ok.bsa-test.yaml", PASSING)
    bad = write(tmp_path, "bad.bsa-test.yaml", """\
        rules: ho-current
        as_of: 2026-08-20
        cases:
          - name: typo
            recrod: {ec_year1: 45}
            expect: {outcome: positve}
        """)
    assert run([str(tmp_path)], quiet=True) == 1
    out = capfd.readouterr().out
    assert "bad.bsa-test.yaml::(cannot load)" in out
    assert f"{bad}:5:5: unknown key 'recrod' in cases.0 (did you mean 'record'?)" in out
    assert f"{bad}:6:23: cases.0.expect.outcome: 'positve' is not allowed" in out
    assert "Traceback" not in out
    assert "1 failed, 2 passed" in out


def test_a_broken_rule_set_fails_the_file_with_its_own_errors(tmp_path, capfd):
    rules = (ROOT / "rules" / "ho-current.yaml").read_text(encoding="utf-8")
    write(tmp_path, "my-oer.yaml", rules.replace("      2011-09-01: 45\n", "      2011-09-01: 75\n", 1))
    path = write(tmp_path, "t.bsa-test.yaml", PASSING.replace("rules: ho-current", "rules: my-oer.yaml"))
    errors = load_errors(path)
    assert errors[0].location.line == 1 and "rule set 'my-oer.yaml' cannot be used" in errors[0].message
    assert errors[1].location.file.endswith("my-oer.yaml") and "outside the declared range 0..60" in errors[1].message


def test_conftest_hook_steps_aside_when_the_plugin_is_registered(tmp_path):
    """tests/rules/conftest.py re-exports conftest_collect_file: with -p as well, no case runs twice."""
    write(tmp_path, "pytest.ini", "[pytest]\n")
    write(tmp_path, "rules/conftest.py",
          "from bsa_check.testing.plugin import conftest_collect_file as pytest_collect_file  # noqa: F401\n")
    write(tmp_path, "rules/ok.bsa-test.yaml", PASSING)
    counts = []
    for extra in ([], ["-p", "bsa_check.testing.plugin"]):
        report = tmp_path / f"junit{len(counts)}.xml"
        code = pytest.main([str(tmp_path / "rules"), "-q", "-p", "no:cacheprovider", "--assert=plain",
                            "--rootdir", str(tmp_path), f"--junitxml={report}", *extra])
        assert code == 0
        counts.append(len(ET.parse(report).getroot().findall(".//testcase")))
    assert counts == [2, 2]


# --- loading: located errors ----------------------------------------------------------------------


def test_unknown_key_and_bad_outcome_are_located(tmp_path):
    path = write(tmp_path, "x.bsa-test.yaml", """\
        rules: ho-current
        as_of: 2026-08-20
        cases:
          - name: a
            record: {ec_year1: 45}
            expect: {outcome: positve, rules: norm_met}
        """)
    errors = load_errors(path)
    found = {(e.location.line, e.location.column, e.code): (e.message, e.hint) for e in errors}
    assert found[(6, 23, "BSA102")][1] == "did you mean 'positive'?"
    assert found[(6, 32, "BSA102")] == ("unknown key 'rules' in cases.0.expect", "did you mean 'rule'?")
    assert all(e.location.file == str(path) for e in errors)


def test_unknown_record_field_gets_a_suggestion(tmp_path):
    path = write(tmp_path, "x.bsa-test.yaml", """\
        rules: ho-current
        as_of: 2026-08-20
        cases:
          - name: a
            record:
              ec_yaer1: 45
            expect: {outcome: positive}
        """)
    [error] = load_errors(path)
    assert (error.code, error.location.line, error.location.column) == ("BSA204", 6, 7)
    assert error.message == "unknown record field 'ec_yaer1'" and error.hint == "did you mean 'ec_year1'?"


def test_expectations_are_checked_against_the_rule_set(tmp_path):
    path = write(tmp_path, "x.bsa-test.yaml", """\
        rules: ho-current
        as_of: 2026-08-20
        params: {norm_ecc: 40}
        cases:
          - name: a
            record: {ec_year1: 45}
            expect: {outcome: positive, rule: norm_mett}
          - name: a
            record: {ec_year1: 45}
            expect: {outcome: negative_advisory, missing: [hearng]}
        """)
    found = [(e.location.line, e.location.column, e.code, e.hint) for e in load_errors(path)]
    assert found == [
        (3, 10, "BSA206", "did you mean 'norm_ec'?"),
        (7, 39, "BSA130", "did you mean 'norm_met'?"),
        (8, 11, "BSA210", "give every case its own name"),
        (10, 23, "BSA130", "possible: needs_review, negative, no_advice, positive, postponed, procedure_incomplete"),
        (10, 52, "BSA130", "did you mean 'hearing'?"),
    ]


def test_unknown_rule_set_and_missing_reference_date(tmp_path):
    path = write(tmp_path, "x.bsa-test.yaml", """\
        rules: ho-curent
        cases:
          - {name: a, record: {}, expect: {outcome: positive}}
        """)
    [error] = load_errors(path)
    assert (error.code, error.location.line, error.hint.split("?")[0]) == ("BSA110", 1, "did you mean 'ho-current'")
    path.write_text(path.read_text().replace("ho-curent", "ho-current"), encoding="utf-8")
    [error] = load_errors(path)
    assert (error.location.line, error.message) == (3, "case 'a' has no reference date")


def test_rule_path_is_relative_to_the_test_file(tmp_path):
    rules = (ROOT / "rules" / "mbo.yaml").read_text(encoding="utf-8")
    write(tmp_path, "oer/my-mbo.yaml", rules)
    path = write(tmp_path, "tests/my.bsa-test.yaml", """\
        rules: ../oer/my-mbo.yaml
        as_of: 2026-06-30
        cases:
          - name: intended positive
            record: {programme: "25180", year_of_enrolment: 1, intended_advice: positive}
            expect: {outcome: positive, rule: intended_positive}
        """)
    loaded = load_test_file(path)
    assert loaded.rules_path == path.parent / "../oer/my-mbo.yaml" and not loaded.rules_bundled
    assert run_case(loaded, loaded.cases[0], RuleSetCache()).passed


def test_yaml_octal_code_must_be_quoted(tmp_path):
    path = write(tmp_path, "x.bsa-test.yaml", """\
        rules: ho-current
        as_of: 2026-08-20
        cases:
          - name: a
            record: {programme: 0710, ec_year1: 45}
            expect: {outcome: positive}
        """)
    [error] = load_errors(path)
    assert (error.code, error.location.line, error.location.column) == ("BSA103", 5, 25)
    assert error.message == "programme: YAML reads 0710 as the number 456"
    assert error.hint == 'write it in quotes: "0710"'


# --- cases: values, errors, aliases ---------------------------------------------------------------


def cases_of(tmp_path: Path, body: str):
    path = write(tmp_path, "x.bsa-test.yaml", "rules: ho-current\nas_of: 2026-08-20\ncases:\n" + textwrap.dedent(body))
    loaded = load_test_file(path)
    cache = RuleSetCache()
    return loaded, [run_case(loaded, case, cache) for case in loaded.cases]


def test_yaml_number_and_dutch_decimal_text_give_the_same_verdict(tmp_path):
    loaded, results = cases_of(tmp_path, """\
      - name: number
        record: {programme: "59001", year_of_enrolment: 1, part_time: no, ec_year1: 44.5, warning_date: 2026-05-12,
                 hearing_date: 2026-07-03}
        expect: {outcome: negative}
      - name: text
        record: {programme: "59001", year_of_enrolment: "1", part_time: "nee", ec_year1: "44,5",
                 warning_date: "12-05-2026", hearing_date: "3-7-2026"}
        expect: {outcome: negative}
    """)
    number, text = (parse_record(case) for case in loaded.cases)
    assert number.pop("student_id") == "number" and text.pop("student_id") == "text"
    assert number == text
    assert all(r.passed for r in results)
    assert [r.verdict.outcome for r in results] == ["negative", "negative"]
    assert str(number["ec_year1"]) == "44.5"  # a Decimal, never a float


def test_expected_evaluation_error(tmp_path):
    _, [empty, wrong] = cases_of(tmp_path, """\
      - name: no credits
        record: {programme: "59001", year_of_enrolment: 1, part_time: no}
        expect: {error: BSA312}
      - name: no credits, expecting an outcome
        record: {programme: "59001", year_of_enrolment: 1, part_time: no}
        expect: {outcome: positive}
    """)
    assert empty.passed and empty.error.code == "BSA312"
    assert not wrong.passed
    lines = "\n".join(wrong.failure_lines())
    assert "expected positive" in lines and "error BSA312 (ec_year1 is empty, but rule 'norm_met' needs it)" in lines
    assert str(wrong.error.location).endswith("x.bsa-test.yaml:8:11")  # at the case's record


def test_cell_error_fails_the_case_unless_expected(tmp_path):
    _, [unexpected, expected, no_error] = cases_of(tmp_path, """\
      - name: a bad cell
        record: {programme: "59001", year_of_enrolment: 1, part_time: misschien, ec_year1: 45}
        expect: {outcome: positive}
      - name: a bad cell, expected
        record: {programme: "59001", year_of_enrolment: 1, part_time: misschien, ec_year1: 45}
        expect: {error: BSA310}
      - name: expecting an error that does not come
        record: {programme: "59001", year_of_enrolment: 1, part_time: no, ec_year1: 45}
        expect: {error: BSA310}
    """)
    assert not unexpected.passed and unexpected.error.code == "BSA310"
    assert (unexpected.error.location.line, unexpected.error.location.column) == (5, 65)
    assert "part_time 'misschien' is not yes or no" in unexpected.error.message
    assert expected.passed
    assert not no_error.passed
    assert "actual   no error: outcome positive (rule norm_met)" in "\n".join(no_error.failure_lines())


def test_dutch_aliases_and_lists(tmp_path):
    loaded, [dutch, listed] = cases_of(tmp_path, """\
      - name: Dutch names
        record: {opleiding: "59001", Inschrijvingsjaar: 1, deeltijd: ja, EC_Jaar1: 30}
        expect: {outcome: positive, rule: norm_met, reason_contains: "the norm is 30 EC"}
      - name: circumstances as a list
        record: {opleiding: "59001", inschrijvingsjaar: 1, deeltijd: nee, ec_jaar1: 10,
                 persoonlijke_omstandigheden: [ziekte, zwangerschap]}
        expect: {outcome: needs_review, rule: circumstances_not_weighed}
    """)
    assert dutch.passed and listed.passed
    assert parse_record(loaded.cases[1])["personal_circumstances"] == frozenset({"illness", "pregnancy"})
    assert parse_record(loaded.cases[0])["student_id"] == "Dutch names"  # default: the case name


def test_params_per_file_and_case_and_a_refused_value(tmp_path):
    _, [file_level, case_level, refused] = cases_of(tmp_path, """\
      - name: file params are not set here, so the 45 EC placeholder applies
        record: {programme: "59001", year_of_enrolment: 1, part_time: no, ec_year1: 42}
        expect: {outcome: procedure_incomplete}
      - name: a case's own norm
        params: {norm_ec: 42}
        record: {programme: "59001", year_of_enrolment: 1, part_time: no, ec_year1: 42}
        expect: {outcome: positive}
      - name: a norm above 60 is refused
        params: {norm_ec: "61"}
        record: {programme: "59001", year_of_enrolment: 1, part_time: no, ec_year1: 42}
        expect: {error: BSA403}
    """)
    assert file_level.passed and case_level.passed and refused.passed
    assert refused.error.location.line == 12  # the params value that is out of range


def test_the_cache_compiles_once_per_rule_file_and_params(tmp_path):
    cache = RuleSetCache()
    path = ROOT / "rules" / "ho-current.yaml"
    assert cache.compiled(path, {}) is cache.compiled(path, {})
    assert cache.compiled(path, {"norm_ec": "42"}) is cache.compiled(path, {"norm_ec": "42"})
    assert cache.compiled(path, {"norm_ec": "42"}) is not cache.compiled(path, {})


# --- the schema and the shipped test files ---------------------------------------------------------

COMMITTED = ROOT / "bsa_check" / "schema" / test_format.TESTS_SCHEMA_FILE
SHIPPED = sorted((ROOT / "tests" / "rules").glob("*.bsa-test.yaml"))


def test_committed_tests_schema_has_not_drifted():
    assert COMMITTED.read_text(encoding="utf-8") == test_format.tests_schema_text(), (
        "the test-file model changed: regenerate with python -c 'from bsa_check.testing.model import "
        "tests_schema_text as t; open(\"bsa_check/schema/tests.schema.json\",\"w\").write(t())'")
    schema = test_format.tests_schema()
    assert json.loads(COMMITTED.read_text(encoding="utf-8"))["$schema"] == schema["$schema"]
    assert schema["$schema"].startswith("http://json-schema.org/draft-07")
    assert schema["$defs"]["Expect"]["additionalProperties"] is False


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_test_files_point_their_editor_at_the_schema_and_load(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    target = first.removeprefix("# yaml-language-server: $schema=")
    assert target != first
    assert (path.parent / target).resolve() == COMMITTED.resolve()
    assert len(load_test_file(path).cases) >= 12


def test_every_bundled_rule_set_has_a_test_file_covering_every_rule_and_outcome():
    from bsa_check.ruleset.load import bundled_rule_files, load

    assert {p.name.removesuffix(".bsa-test.yaml") for p in SHIPPED} >= set(bundled_rule_files())
    for path in SHIPPED:
        loaded = load_test_file(path)
        model = load(loaded.rules).model
        expected_rules = {c.expect.rule for c in loaded.cases}
        assert {r.id for r in model.rules} <= expected_rules, path.name
        outcomes = {r.outcome for r in model.rules} | {r.if_missing for r in model.rules if r.requires}
        assert outcomes <= {c.expect.outcome for c in loaded.cases}, path.name
        preconditions = {p.id for r in model.rules for p in r.requires}
        assert preconditions <= {m for c in loaded.cases for m in c.expect.missing or ()}, path.name


def test_failure_report_in_dutch(tmp_path):
    # issue 18 item 5: `bsa-check test --lang nl` reports a failing case in Dutch, its error message too
    _, [bad_cell, no_error] = cases_of(tmp_path, """\
      - name: a bad cell
        record: {programme: "59001", year_of_enrolment: 1, part_time: misschien, ec_year1: 45}
        expect: {outcome: positive}
      - name: expecting an error that does not come
        record: {programme: "59001", year_of_enrolment: 1, part_time: no, ec_year1: 45}
        expect: {error: BSA310}
    """)
    lines = "\n".join(bad_cell.failure_lines("nl"))
    assert "geval 'a bad cell' mislukt" in lines and "peildatum " in lines
    assert "uitkomst: verwacht  positive" in lines
    assert "werkelijk fout BSA310 (part_time 'misschien' is geen ja of nee)" in lines
    assert "fout BSA310: " in lines and "error" not in lines and "expected" not in lines
    lines = "\n".join(no_error.failure_lines("nl"))
    assert "fout: verwacht  BSA310" in lines and "werkelijk geen fout: uitkomst positive (regel norm_met)" in lines
    assert "beslist door regel norm_met" in lines
