"""explain goldens of the rule-language constructs of issue 19 items 3, 4, 7 and 9 (interim and
not-yet-due outcomes, designated and excluded circumstances, reason fragments and bilingual derived
texts), in both languages, over tests/data/rl2/students.csv. The rule file's path is written as RULES.
Rewrite with ``--update-goldens`` and review the diff."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.acceptance.test_example_golden import AS_OF, compare_golden
from tests.conftest import ROOT

VALID = ROOT / "tests" / "data" / "rules" / "valid"
STUDENTS = ROOT / "tests" / "data" / "rl2" / "students.csv"
CASES = [("910001", "interim_outcomes"), ("910002", "interim_outcomes"), ("910003", "interim_outcomes"),
         ("910011", "reason_texts"), ("910012", "reason_texts"), ("910013", "reason_texts"),
         ("910021", "circumstance_kinds"), ("910023", "circumstance_kinds"), ("910024", "circumstance_kinds")]
CSV = {"circumstance_kinds": ROOT / "tests" / "data" / "rl2" / "circumstances.csv"}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("student, rules", CASES)
def test_explain_golden(student, rules, lang, update_goldens):
    path = VALID / f"{rules}.yaml"
    result = CliRunner().invoke(app, ["explain", str(CSV.get(rules, STUDENTS)), student, "--rules", str(path),
                                      "--lang", lang, "--as-of", AS_OF], terminal_width=200)
    assert result.exit_code == 0, result.output
    compare_golden(f"explain.{student}.{rules}.{lang}.txt", result.stdout.replace(str(path), "RULES"),
                   update_goldens)


def _csv(text: str) -> list[dict[str, str]]:
    delimiter = ";" if ";" in text.splitlines()[0] else ","  # check writes the export's own delimiter
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def _check(rules: str, fmt: str, lang: str = "en") -> str:
    result = CliRunner().invoke(app, ["check", str(STUDENTS), "--rules", str(VALID / f"{rules}.yaml"),
                                      "--format", fmt, "--lang", lang, "--as-of", AS_OF])
    assert result.exit_code == 0, result.output  # interim and not_yet_due are results, not failures
    return result.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_interim_label_and_not_yet_due_in_every_machine_format(lang):
    rows = [json.loads(line) for line in _check("interim_outcomes", "jsonl", lang).splitlines()]
    by_id = {r["student_id"]: r for r in rows}
    label = {"nl": ("op koers", "twijfelachtig"), "en": ("on track", "doubtful")}[lang]
    assert (by_id["910001"]["outcome"], by_id["910001"]["label"]) == ("interim", label[0])
    assert (by_id["910002"]["outcome"], by_id["910002"]["label"]) == ("interim", label[1])
    assert (by_id["910003"]["outcome"], by_id["910003"]["label"]) == ("not_yet_due", None)
    assert by_id["910004"]["label"] is None
    doc = json.loads(_check("interim_outcomes", "json", lang))
    assert doc["summary"]["interim"] == 2 and doc["summary"]["not_yet_due"] == 1
    assert [v["label"] for v in doc["verdicts"]][:4] == [*label, None, None]
    table = _csv(_check("interim_outcomes", "csv", lang))[:4]
    assert [r["label"] for r in table] == [*label, "", ""]
    assert [r["outcome"] for r in table] == ["interim", "interim", "not_yet_due", "negative"]
    text = _check("interim_outcomes", "text", lang)
    assert f": {label[0]}" in text and f": {label[1]}" in text


def test_rule_level_unverified_reaches_check():
    """interim_doubtful is ``unverified: true``: json names the flag, csv lists it, the text table says so."""
    rows = {r["student_id"]: r for r in map(json.loads, _check("interim_outcomes", "jsonl").splitlines())}
    assert "rule" in rows["910002"]["unverified"] and "rule" not in rows["910001"]["unverified"]
    assert _csv(_check("interim_outcomes", "csv"))[1]["unverified"] == "rule|rule.basis"
    assert "[rule unverified]" in _check("interim_outcomes", "text")


def test_compare_carries_the_interim_label():
    result = CliRunner().invoke(app, ["compare", str(STUDENTS), "--rules", str(VALID / "interim_outcomes.yaml"),
                                      "--rules", "ho-current", "--format", "json", "--lang", "en", "--as-of", AS_OF,
                                      "--list-changed"])
    assert result.exit_code == 0, result.output
    changed = json.loads(result.stdout)["changed_students"]
    labels = {(s["student_id"], d["ruleset"]): d["label"] for s in changed for d in s["decisions"]}
    assert labels[("910001", "interim-outcomes")] == "on track"
    assert labels[("910001", "ho-current")] is None
