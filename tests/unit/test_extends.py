"""``extends``: a rule file builds on a bundled rule set or another file (issue 19 item 1)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import ErrorList, EvaluationError, RuleFileError
from bsa_check.explain import explanation
from bsa_check.ruleset.extends import MAX_DEPTH
from bsa_check.ruleset.load import bundled_rule_files, load, load_file
from bsa_check.ruleset.validate import validate_path
from tests.property.strategies import as_of_dates, records

DATA = Path(__file__).resolve().parent.parent / "data" / "rules"
MINIMAL = DATA / "valid" / "minimal.yaml"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list:
    try:
        compile_ruleset(load_file(path))
    except ErrorList as exc:
        return exc.errors
    except RuleFileError as exc:
        return [exc]
    return []


def test_overrides_dated_and_per_programme_values_and_inserts_a_rule():
    rs = compile_ruleset(load_file(DATA / "valid" / "extends_minimal.yaml"))
    assert rs.name == "extends-minimal"
    assert rs.params["norm_ec"].resolve("59001", 2026) == Decimal("42.5")  # inherited date
    assert rs.params["norm_ec"].resolve("59001", 2027) == Decimal("45")  # the child's date
    assert rs.params["norm_ec"].resolve("59002", 2027) == Decimal("36")  # inherited programme
    assert rs.params["norm_ec"].resolve("59003", 2027) == Decimal("30")  # the child's programme
    assert [r.id for r in rs.rules] == ["propaedeutic", "honours", "met", "circumstances", "not_met"]
    assert rs.origins["rule:honours"].endswith("extends_minimal.yaml")
    assert rs.origins["rule:met"].endswith("minimal.yaml") and "extends_" not in rs.origins["rule:met"]


def test_replace_after_and_remove_with_reason(tmp_path):
    base = write(tmp_path, "base.yaml", MINIMAL.read_text())
    child = write(tmp_path, "child.yaml", """extends: base.yaml
remove_rules:
  - id: propaedeutic
    reason: {nl: geen propedeuse hier, en: no propaedeutic exam here}
rules:
  - replace: met
    when: {field: ec_year1, ge: 50}
    outcome: positive
    legal_basis: {law: OER}
    reason: {nl: genoeg, en: enough}
  - after: circumstances
    id: extra
    when: {field: ec_year1, eq: 0}
    outcome: needs_review
    legal_basis: {law: OER}
    reason: {nl: niets, en: nothing}
""")
    loaded = load_file(child)
    assert [r.id for r in loaded.model.rules] == ["met", "circumstances", "extra", "not_met"]
    assert loaded.model.rules[0].when.ge == 50
    assert loaded.model.extends == "base.yaml" and loaded.model.name == "minimal"  # metadata inherited
    assert loaded.chain == (str(child), str(base))
    assert loaded.sha256 != load_file(base).sha256
    assert "no propaedeutic exam here" in loaded.origins["removed:propaedeutic"]


def test_an_error_in_an_inherited_part_is_located_in_the_file_that_wrote_it(tmp_path):
    text = MINIMAL.read_text().replace("outcome: needs_review", "outcome: needs_reviw")
    write(tmp_path, "base.yaml", text)
    child = write(tmp_path, "child.yaml", "extends: base.yaml\nname: child\n")
    found = [p for p in validate_path(child) if p.severity == "error"]
    assert found and found[0].location.file == str(tmp_path / "base.yaml")
    line = text.splitlines().index("    outcome: needs_reviw") + 1
    assert found[0].location.line == line


def test_an_error_in_an_override_is_located_in_the_child(tmp_path):
    write(tmp_path, "base.yaml", MINIMAL.read_text())
    child = write(tmp_path, "child.yaml", "extends: base.yaml\nparameters:\n  norm_ec:\n    values: {2027-09-01: 45.5.1}\n")
    found = [p for p in validate_path(child) if p.severity == "error"]
    assert found and found[0].location.file == str(child) and found[0].location.line == 4


def test_chains_deeper_than_the_limit_are_refused(tmp_path):
    write(tmp_path, "f0.yaml", MINIMAL.read_text())
    for i in range(1, MAX_DEPTH + 1):
        write(tmp_path, f"f{i}.yaml", f"extends: f{i - 1}.yaml\n")
    assert errors_of(tmp_path / f"f{MAX_DEPTH - 1}.yaml") == []
    err = errors_of(tmp_path / f"f{MAX_DEPTH}.yaml")
    assert err[0].code == "BSA141" and "deep" in err[0].message
    assert err[0].location.line == 1


def test_an_indirect_cycle_is_refused_and_named(tmp_path):
    write(tmp_path, "a.yaml", "extends: b.yaml\n")
    write(tmp_path, "b.yaml", "extends: a.yaml\n")
    err = errors_of(tmp_path / "a.yaml")
    assert err[0].code == "BSA141" and "a.yaml -> b.yaml -> a.yaml" in err[0].message


def test_a_new_rule_whose_id_is_taken_is_refused(tmp_path):
    write(tmp_path, "base.yaml", MINIMAL.read_text())
    child = write(tmp_path, "child.yaml", """extends: base.yaml
rules:
  - before: met
    id: not_met
    outcome: positive
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
""")
    err = errors_of(child)
    assert err[0].code == "BSA143" and "replace: not_met" in err[0].hint


def test_explain_names_the_chain_the_values_and_the_source_of_each_rule(tmp_path):
    child = write(tmp_path, "child.yaml", "extends: ho-current\nname: child\nversion: '1'\n"
                  "parameters:\n  norm_ec:\n    values: {2025-09-01: 50}\n")
    rs = compile_ruleset(load_file(child))
    record = {"student_id": "1", "programme": "x", "academic_year": 2025, "year_of_enrolment": 1,
              "ec_year1": Decimal(45), "part_time": False, "propaedeutic_passed": False,
              "enrolment_date": date(2025, 9, 1)}
    verdict = rs.evaluate(record, date(2026, 8, 1))
    en = "\n".join(explanation(verdict, "en"))
    nl = "\n".join(explanation(verdict, "nl"))
    assert f"Builds on (extends): {child} -> ho-current" in en
    assert f"parameter norm_ec: values from {child} (over ho-current)" in en
    assert "(from ho-current)" in en
    assert f"Bouwt voort op (extends): {child} -> ho-current" in nl and "(uit ho-current)" in nl
    flat = "\n".join(explanation(compile_ruleset(load("ho-current")).evaluate(record, date(2026, 8, 1)), "en"))
    assert "extends" not in flat and "(from " not in flat


PARENTS = sorted(bundled_rule_files())


@pytest.fixture(scope="module")
def pairs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extends")
    out = {}
    for name in PARENTS:
        child = folder / f"{name}-child.yaml"
        child.write_text(f"extends: {name}\n", encoding="utf-8")
        out[name] = (compile_ruleset(load(name)), compile_ruleset(load_file(child)))
    return out


def _outcome(rs, record, as_of):
    try:
        v = rs.evaluate(record, as_of)
    except EvaluationError as exc:
        return ("error", exc.code)
    return (v.outcome, v.rule.id, tuple(p.precondition.id for p in v.preconditions if not p.met))


@settings(max_examples=150, deadline=None)
@given(record=records(), as_of=as_of_dates)
def test_extending_and_overriding_nothing_gives_exactly_the_parents_verdicts(pairs, record, as_of):
    for name in PARENTS:
        parent, child = pairs[name]
        assert _outcome(child, dict(record), as_of) == _outcome(parent, dict(record), as_of), name


def test_removing_a_precondition_of_a_binding_negative_is_refused_as_in_a_flat_file():
    path = DATA / "invalid" / "lint_extends_drops_hearing.yaml"
    found = [(p.code, p.location.file) for p in validate_path(path) if p.severity == "error"]
    assert ("BSA253", str(path)) in found
    flat = [p.code for p in validate_path(DATA / "invalid" / "lint_negative_without_hearing.yaml")]
    assert "BSA253" in flat


def test_rules_show_prints_a_bundled_rule_set():
    result = CliRunner().invoke(app, ["rules", "--show", "ho-current"])
    assert result.exit_code == 0
    assert result.output == bundled_rule_files()["ho-current"].read_text(encoding="utf-8")
    bad = CliRunner().invoke(app, ["rules", "--show", "ho-curent"])
    assert bad.exit_code == 2 and "did you mean 'ho-current'" in bad.output


def test_validate_says_where_each_rule_and_value_came_from(tmp_path):
    import json

    child = DATA / "valid" / "extends_minimal.yaml"
    text = CliRunner().invoke(app, ["validate", str(child)])
    assert text.exit_code == 0, text.output
    assert f"{child}: extends {MINIMAL}" in text.output
    assert f"honours ({child})" in text.output and f"met ({MINIMAL})" in text.output
    assert f"parameter norm_ec: from {child} (over {MINIMAL})" in text.output
    doc = json.loads(CliRunner().invoke(app, ["validate", "--format", "json", str(child)]).output)
    rules = doc["extends"][str(child)]["rules"]
    assert [r["id"] for r in rules] == ["propaedeutic", "honours", "met", "circumstances", "not_met"]
    assert {r["id"]: r["file"] for r in rules}["honours"] == str(child)
    flat = CliRunner().invoke(app, ["validate", str(MINIMAL)])
    assert "extends" not in flat.output


def test_an_inherited_before_valid_from_path_still_names_the_parents_file(tmp_path):
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "earlier.yaml").write_text(MINIMAL.read_text(), encoding="utf-8")
    write(tmp_path / "base", "later.yaml", MINIMAL.read_text().replace("valid_from: 2024-09-01",
                                                                     "valid_from: 2026-09-01\nbefore_valid_from: earlier.yaml"))
    (tmp_path / "child").mkdir()
    child = write(tmp_path / "child", "own.yaml", "extends: ../base/later.yaml\n")
    loaded = load_file(child)
    assert loaded.earlier is not None and Path(loaded.earlier.path).resolve() == (tmp_path / "base" / "earlier.yaml")


def test_validate_names_derived_values_and_removals_by_file(tmp_path):
    base = write(tmp_path, "base.yaml", MINIMAL.read_text())
    child = write(tmp_path, "child.yaml", """extends: base.yaml
derived:
  advice_day:
    title: {nl: Adviesdatum, en: Advice date}
    cases:
      - value: {as_of: true}
remove_rules:
  - id: propaedeutic
    reason: {nl: geen propedeuse, en: no propaedeutic exam here}
""")
    out = CliRunner().invoke(app, ["validate", str(child)]).output
    assert f"derived advice_day: from {child}" in out
    assert f"rule propaedeutic left out in {child}: no propaedeutic exam here" in out
    assert f"met ({base})" in out and "propaedeutic (" not in out


def test_check_refuses_an_extending_file_the_legal_lint_refuses():
    path = DATA / "invalid" / "lint_extends_drops_hearing.yaml"
    examples = Path(__file__).resolve().parent.parent.parent / "examples" / "students.csv"
    result = CliRunner().invoke(app, ["check", str(examples), "--rules", str(path), "--as-of", "2026-08-20"])
    assert result.exit_code == 2 and "BSA253" in result.output


def test_rule_tests_of_an_extending_file_and_of_a_precondition_set_pass(tmp_path):
    """The rule tests (``bsa-check test``) of tests/data/ruletests: the extending file's own norm and
    inserted rule, and the set's preconditions, each pinned by case."""
    import subprocess
    import sys

    folder = DATA.parent / "ruletests"
    junit = tmp_path / "junit.xml"
    proc = subprocess.run([sys.executable, "-m", "bsa_check", "test", str(folder), "--junit-xml", str(junit)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert " passed" in proc.stdout and "failed" not in proc.stdout  # every file in the folder (several issues add some)


def test_placeholder_note_names_only_parameters_something_reads():
    """A gallery file extends ho-current and inherits its part-time placeholders (norm_ec_part_time, ...)
    without reading them: check's placeholder note (and the json ``placeholders``) leave them out, while
    ho-current itself, which reads them, still names them."""
    from bsa_check.engine.compile import compile_ruleset
    from bsa_check.report import placeholder_params
    from bsa_check.ruleset.load import load_file
    from tests.conftest import EXAMPLES

    child = compile_ruleset(load_file(EXAMPLES / "oer" / "universiteit-aalburg.yaml"))
    assert child.model.parameters["norm_ec_part_time"].placeholder
    assert placeholder_params(child) == []
    parent = compile_ruleset(load_file(bundled_rule_files()["ho-current"]))
    assert {"norm_ec", "norm_ec_part_time", "part_time_advice_year", "warning_period_days"} <= set(placeholder_params(parent))


def test_a_file_that_sets_a_parameters_values_clears_the_inherited_placeholder_flag(tmp_path):
    """A file that extends ho-current and writes norm_ec values of its own has set its norm: check no longer
    notes norm_ec as a placeholder; writing ``placeholder: true`` keeps it, ``unverified`` is inherited, and
    ``by_programme`` alone (the other programmes still get the parent's value) keeps the flag."""
    from bsa_check.report import placeholder_params

    own = compile_ruleset(load_file(write(tmp_path, "own.yaml", """extends: ho-current
name: own
parameters:
  norm_ec:
    values: {2026-09-01: 50}
""")))
    assert not own.model.parameters["norm_ec"].placeholder
    assert "norm_ec" not in placeholder_params(own)
    parent = compile_ruleset(load_file(bundled_rule_files()["ho-current"]))
    assert own.model.parameters["norm_ec"].unverified == parent.model.parameters["norm_ec"].unverified
    again = compile_ruleset(load_file(write(tmp_path, "again.yaml", """extends: ho-current
name: again
parameters:
  norm_ec:
    placeholder: true
    values: {2026-09-01: 50}
""")))
    assert "norm_ec" in placeholder_params(again)
    some = compile_ruleset(load_file(write(tmp_path, "some.yaml", """extends: ho-current
name: some
parameters:
  norm_ec:
    by_programme: {"34567": 45}
""")))
    assert "norm_ec" in placeholder_params(some)
    from tests.conftest import EXAMPLES

    for name, noted in (("own.yaml", False), ("again.yaml", True)):
        result = CliRunner().invoke(app, ["check", str(EXAMPLES / "students.csv"), "--rules", str(tmp_path / name)])
        note = next((line for line in result.stderr.splitlines() if "placeholder values" in line), "")
        names = note.removeprefix("note: ").partition(" are placeholder")[0].split(", ")
        assert ("norm_ec" in names) is noted, result.stderr
