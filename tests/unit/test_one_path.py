"""One path from a row to a verdict (issue 16, item 1).

The same record must get the same verdict under ``check`` (a CSV row) and under ``bsa-check test``
(a rule-test case), and whatever ``validate`` accepts in a text shown with a verdict is filled, not
printed literally. Each test here failed before the record plan (``records.plan``): the rule-test
runner parsed cells with the default parsers, without the rule set's sector parsers and
``record_bounds``, and ``decided_by`` was neither checked for placeholders nor rendered.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.engine.compile import compile_ruleset
from bsa_check.ruleset.load import load
from bsa_check.testing.check import run_case
from bsa_check.testing.load import RuleSetCache, load_test_file
from tests.conftest import ROOT

BOUNDED = ROOT / "tests" / "data" / "rules" / "valid" / "year_one_bounds.yaml"
HO_CURRENT = ROOT / "rules" / "ho-current.yaml"

MBO_RECORD = {
    "programme": "25180", "year_of_enrolment": "1", "intended_advice": "negative",
    "personal_circumstances": "verhuizing", "programme_start": "2025-09-01", "programme_length_years": "3",
    "progress_talks": "3", "warning_date": "2026-02-02", "improvement_deadline": "2026-04-06",
    "hearing_date": "2026-05-20", "advice_date": "2026-06-15", "date_of_birth": "2006-03-14",
    "startkwalificatie": "yes",
}
HO_RECORD = {"programme": "59001", "academic_year": "2025-2026", "year_of_enrolment": "1", "ec_year1": "75",
             "part_time": "no", "advice_date": "2026-08-15"}


def _csv(folder: Path, record: dict[str, str], rules: str) -> Path:
    """The record as a one-row CSV, with an empty cell for each other column the rule set requires
    (a rule-test case names only the fields that matter)."""
    required = compile_ruleset(load(rules)).required_columns
    full = {"student_id": "s1", **record, **{n: "" for n in sorted(required) if n not in record and n != "student_id"}}
    path = folder / "students.csv"
    path.write_text(";".join(full) + "\n" + ";".join(full.values()) + "\n", encoding="utf-8")
    return path


def _check(rules: str, csv: Path, as_of: str) -> tuple[int, list[dict[str, object]], str]:
    result = CliRunner().invoke(app, ["check", str(csv), "--rules", rules, "--format", "jsonl", "--as-of", as_of])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, [r for r in rows if "outcome" in r], result.stderr


def _rule_test(folder: Path, rules: str, record: dict[str, str], as_of: str, expect: str) -> tuple[bool, str]:
    cells = ", ".join(f"{k}: {json.dumps(v)}" for k, v in record.items())
    if Path(rules).is_absolute():  # a test file names a rule file relative to itself
        (folder / "rules.yaml").write_text(Path(rules).read_text(encoding="utf-8"), encoding="utf-8")
        rules = "rules.yaml"
    path = folder / "case.bsa-test.yaml"
    path.write_text(textwrap.dedent(f"""\
        rules: {rules}
        as_of: {as_of}
        cases:
          - name: the record
            record: {{{cells}}}
            expect: {expect}
        """), encoding="utf-8")
    loaded = load_test_file(path)
    result = run_case(loaded, loaded.cases[0], RuleSetCache())
    return result.passed, "\n".join(result.failure_lines())


def test_an_unlisted_mbo_circumstance_is_needs_review_under_check_and_test(tmp_path: Path) -> None:
    code, rows, _ = _check("mbo", _csv(tmp_path, MBO_RECORD, "mbo"), "2026-06-30")
    assert code == 0 and [r["outcome"] for r in rows] == ["needs_review"]
    passed, why = _rule_test(tmp_path, "mbo", MBO_RECORD, "2026-06-30",
                             "{outcome: needs_review, rule: circumstances_not_weighed}")
    assert passed, why


def test_record_bounds_make_70_ec_an_error_under_check_and_test(tmp_path: Path) -> None:
    code, rows, stderr = _check(str(BOUNDED), _csv(tmp_path, HO_RECORD, str(BOUNDED)), "2026-08-20")
    assert code == 1 and rows == [] and "error[BSA314]" in stderr
    passed, why = _rule_test(tmp_path, str(BOUNDED), HO_RECORD, "2026-08-20", "{error: BSA314}")
    assert passed, why
    passed, _ = _rule_test(tmp_path, str(BOUNDED), HO_RECORD, "2026-08-20", "{outcome: positive}")
    assert not passed


def _with_decided_by(folder: Path, who_en: str) -> Path:
    text = HO_CURRENT.read_text(encoding="utf-8")
    anchor = "  - id: circumstances_not_weighed\n"
    at = text.index(anchor)
    end = text.index("    reason:\n", at)
    text = text[:end] + f"    decided_by: {{nl: \"{who_en}\", en: \"{who_en}\"}}\n" + text[end:]
    path = folder / "decided.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_placeholder_in_decided_by_is_filled_not_printed_literally(tmp_path: Path) -> None:
    rules = _with_decided_by(tmp_path, "the board of programme {programme}")
    record = {**HO_RECORD, "ec_year1": "30", "personal_circumstances": "illness"}
    code, rows, _ = _check(str(rules), _csv(tmp_path, record, str(rules)), "2026-08-20")
    assert code == 0 and rows[0]["outcome"] == "needs_review"
    reason = str(rows[0]["reason"])
    assert "{programme}" not in reason and "the board of programme 59001" in reason
    assert rows[0]["decided_by"] == "the board of programme 59001"  # the machine field too


def test_an_unknown_placeholder_in_decided_by_is_refused_by_validate(tmp_path: Path) -> None:
    rules = _with_decided_by(tmp_path, "the {bord}")
    result = CliRunner().invoke(app, ["validate", str(rules)])
    assert result.exit_code != 0
    assert "BSA209" in result.output + result.stderr and "{bord}" in result.output + result.stderr
