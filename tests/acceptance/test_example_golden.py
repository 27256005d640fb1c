"""The bundled examples' verdicts and explanations, pinned in both languages (golden files).

Rewrite after an intended change with ``python -m pytest tests/acceptance --update-goldens``
and review the diff in git.
"""

from __future__ import annotations

import difflib
import json

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.conftest import EXAMPLES, ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"
runner = CliRunner()
AS_OF = "2026-08-20"  # the examples carry their own advice dates; fixed so goldens never drift
CASES = [("students", "ho-current"), ("students", "ho-proposed-2023"), ("mbo", "mbo")]
ALL_OUTCOMES = {"positive", "negative", "procedure_incomplete", "needs_review", "postponed", "no_advice"}


def data_rows(example: str) -> int:
    return len((EXAMPLES / f"{example}.csv").read_text(encoding="utf-8").splitlines()) - 1


def run_jsonl(example: str, rules: str, lang: str) -> str:
    result = runner.invoke(app, ["check", str(EXAMPLES / f"{example}.csv"), "--rules", rules, "--format", "jsonl",
                                 "--lang", lang, "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    return result.stdout


def compare_golden(name: str, actual: str, update: bool) -> None:
    path = GOLDEN / name
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"golden {name} did not exist; written now, review and commit it")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "actual"))
        pytest.fail(f"output differs from {name}:\n{diff}")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("example, rules", CASES)
def test_example_verdicts_golden(example, rules, lang, update_goldens):
    suffix = "" if rules == "ho-current" else f".{rules}"
    name = f"{example}{suffix}.{lang}.jsonl"
    compare_golden(name, run_jsonl(example, rules, lang), update_goldens)


@pytest.mark.parametrize("example, rules", CASES)
def test_example_reaches_every_outcome_of_its_rule_set(example, rules):
    rows = [json.loads(line) for line in run_jsonl(example, rules, "en").splitlines()]
    assert len(rows) == data_rows(example) and all("outcome" in r for r in rows)
    # negative_advisory is unreachable: none of the bundled rule sets has an advisory regime.
    assert {r["outcome"] for r in rows} == ALL_OUTCOMES


def test_ho_current_boundaries():
    by_id = {r["student_id"]: r for r in map(json.loads, run_jsonl("students", "ho-current", "en").splitlines())}
    assert data_rows("students") >= 24
    assert by_id["900001"]["outcome"] == "positive"          # exactly 45
    assert by_id["900002"]["outcome"] == "negative"          # 44,5: half an EC below
    assert by_id["900002"]["shortfall"] == [{"field": "ec_year1", "amount": "0.5", "target": "45"}]
    assert by_id["900003"]["outcome"] == "negative"          # 0 EC
    assert by_id["900009"]["outcome"] == "no_advice"         # deregistered per 1 February
    assert by_id["900010"]["outcome"] == "negative"          # deregistered per 1 March


def test_proposal_labels_every_verdict():
    for lang, label in (("en", "[PROPOSAL, NOT LAW]"), ("nl", "[VOORSTEL, GEEN WET]")):
        for row in map(json.loads, run_jsonl("students", "ho-proposed-2023", lang).splitlines()):
            assert row["legal_status"] == "proposal" and row["reason"].startswith(label), row


@pytest.mark.parametrize("lang, yes", [("nl", "ja"), ("en", "yes")])
@pytest.mark.parametrize("example, rules", CASES)
def test_every_explanation_names_rule_values_and_basis(example, rules, lang, yes):
    for line in run_jsonl(example, rules, lang).splitlines():
        row = json.loads(line)
        assert row["rule"], row
        assert row["basis"].startswith(("WHW art. 7.8b lid", "OER", "Uitvoeringsbesluit WHW 2008 art. 2.1",
                                         "Kamerstukken II 31 288/31 524, nr. 1039", "WEB art. 8.1.7a")), row
        assert row["values"] or rules == "mbo", row
        if row["outcome"] == "procedure_incomplete":
            assert row["missing"] and row["changes"], row  # names what is missing


EXPLAIN_CASES = [("students", "900002", ["ho-current"]), ("students", "900020", ["ho-current"]),
                 ("students", "900030", ["ho-proposed-2023"]), ("mbo", "800011", ["mbo"]),
                 ("mbo", "800003", ["mbo"]), ("students", "900002", ["ho-current", "ho-proposed-2023"])]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("example, student, rules", EXPLAIN_CASES)
def test_explain_golden(example, student, rules, lang, update_goldens):
    args = ["explain", str(EXAMPLES / f"{example}.csv"), student, "--lang", lang, "--as-of", AS_OF]
    for r in rules:
        args += ["--rules", r]
    result = runner.invoke(app, args, terminal_width=200)
    assert result.exit_code == 0, result.output
    compare_golden(f"explain.{student}.{'+'.join(rules)}.{lang}.txt", result.stdout, update_goldens)
