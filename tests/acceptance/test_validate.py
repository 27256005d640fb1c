"""bsa-check validate: exit codes, located problems in every format, GitHub auto-detection."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.conftest import ROOT

runner = CliRunner()
INVALID = sorted((ROOT / "tests" / "data" / "rules" / "invalid").glob("*.yaml"))
BUNDLED = sorted((ROOT / "rules").glob("*.yaml")) + sorted((ROOT / "examples").glob("*.yaml"))


def test_bundled_and_example_rule_files_are_clean():
    assert any(p.parent.name == "examples" for p in BUNDLED)
    result = runner.invoke(app, ["validate", *map(str, BUNDLED)])
    assert result.exit_code == 0, result.output
    assert f"{len(BUNDLED)} file(s) checked: 0 error(s), 0 warning(s)" in result.stdout


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_each_invalid_file_exits_1_with_its_code_at_its_line(path):
    code, line = re.match(r"# expect: (BSA\d+) (\d+)", path.read_text().splitlines()[0]).groups()
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    problems = json.loads(result.stdout)["problems"]
    assert any(p["code"] == code and p["line"] == int(line) and p["file"] == str(path) for p in problems), problems


def test_all_problems_of_all_files_are_reported():
    result = runner.invoke(app, ["validate", *map(str, INVALID), "--format", "json"])
    files = {p["file"] for p in json.loads(result.stdout)["problems"]}
    assert files == {str(p) for p in INVALID}


def test_github_annotations_when_running_in_actions():
    path = ROOT / "tests" / "data" / "rules" / "invalid" / "unknown_key.yaml"
    result = runner.invoke(app, ["validate", str(path)], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert result.stdout.startswith(f"::error file={path},line=12,col=5,title=BSA102::unknown key 'outcom'")
    plain = runner.invoke(app, ["validate", str(path)], env={"GITHUB_ACTIONS": ""})
    assert not plain.stdout.startswith("::")


def test_sarif_is_well_formed():
    path = ROOT / "tests" / "data" / "rules" / "invalid" / "lint_norm_above_60.yaml"
    doc = json.loads(runner.invoke(app, ["validate", str(path), "--format", "sarif"]).stdout)
    assert doc["version"] == "2.1.0"
    result = doc["runs"][0]["results"][0]
    assert result["ruleId"] == "BSA250" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 14


def test_missing_file_is_reported_and_the_others_still_checked(tmp_path):
    other = ROOT / "tests" / "data" / "rules" / "invalid" / "unknown_key.yaml"
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml"), str(other), str(tmp_path)])
    assert result.exit_code == 2
    assert "nope.yaml does not exist" in result.stdout and "is a directory" in result.stdout
    assert "did you mean 'outcome'" in result.stdout  # the readable file was still validated


def test_a_rule_test_file_given_to_validate_points_to_test():
    result = runner.invoke(app, ["validate", str(ROOT / "tests" / "rules" / "mbo.bsa-test.yaml")])
    assert result.exit_code == 1 and "bsa-check test" in result.stdout


def test_warnings_do_not_fail(tmp_path):
    src = (ROOT / "tests" / "data" / "rules" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "order.yaml"
    path.write_text(src.replace("values: {2024-09-01: 40, 2026-09-01: 42.5}", "values: {2026-09-01: 42.5, 2024-09-01: 40}"),
                    encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0 and "warning BSA220" in result.stdout


def test_schema_command_prints_the_committed_rules_schema():
    result = runner.invoke(app, ["schema", "rules"])
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "bsa_check" / "schema" / "rules.schema.json").read_text(encoding="utf-8")


def test_check_refuses_a_negative_that_never_reads_circumstances_or_propedeuse():
    """Review finding: validate flagged it, check still gave a binding negative to an ill student
    with a propaedeutic exam. A rule set whose negative ignores what the law makes decisive is refused."""
    from typer.testing import CliRunner

    from bsa_check.cli import app

    folder = ROOT / "tests" / "data" / "rules" / "refused"
    result = CliRunner().invoke(app, ["check", str(folder / "nc.csv"), "--rules",
                                      str(folder / "negative_without_circumstances.yaml"), "--as-of", "2026-08-20",
                                      "--format", "jsonl"])
    assert result.exit_code == 2, result.output
    assert "BSA257" in result.stderr and "BSA258" in result.stderr
    assert '"outcome":"negative"' not in result.stdout


def test_validate_names_a_device_as_such_and_does_not_read_it():
    from typer.testing import CliRunner

    from bsa_check.cli import app

    result = CliRunner().invoke(app, ["validate", "/dev/zero"])
    assert result.exit_code == 2
    assert "not a regular file" in result.stdout + result.stderr
