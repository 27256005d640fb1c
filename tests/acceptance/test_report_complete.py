"""Issue 18 review, item 1: a text report saved to a file holds every input row, a verdict or an
error, in file order (before, the row errors went to stderr only and the saved report silently
missed them). stderr keeps its list; a terminal gets the errors on stderr as before.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.acceptance.test_text_out import on_a_terminal
from tests.conftest import ROOT

BAD = ROOT / "tests" / "data" / "dutch" / "bad.csv"
DATA_LINES = list(range(2, 20))  # bad.csv: a header and 18 rows, 2 evaluated and 16 row errors
ERROR_LINES = [n for n in DATA_LINES if n not in (2, 9)]
runner = CliRunner()


def _run(tmp_path: Path, *extra: str, lang: str = "en", columns: str = "200") -> tuple[str, str]:
    out = tmp_path / "report.txt"
    result = runner.invoke(app, ["check", str(BAD), "--as-of", "2026-08-20", "--lang", lang, "--format", "text",
                                 "--output", str(out), *extra], env={"COLUMNS": columns})
    assert result.exit_code == 1, result.output
    return out.read_text(encoding="utf-8"), result.stderr


def _table_rows(report: str) -> list[int]:
    """The line numbers that start a table row (the line column is right-aligned in 6 characters)."""
    return [int(m.group(1)) for m in (re.match(r"^ {1,5}(\d+)  \S", line) for line in report.splitlines())
            if m and m.end() == 9]


@pytest.mark.parametrize("lang, word", [("en", "error"), ("nl", "fout")])
def test_every_row_is_in_the_saved_report_in_file_order(tmp_path: Path, lang: str, word: str) -> None:
    report, stderr = _run(tmp_path, lang=lang)
    assert _table_rows(report) == DATA_LINES
    column = "kolom" if lang == "nl" else "column"
    assert f"     7  {word}[BSA310]: {column} 7 (ec_jaar1): ec_jaar1 '-3' " in report
    for n in ERROR_LINES:  # stderr as it was: every error, with file and line
        assert re.search(rf"^{word}\[BSA3\d\d\]: {re.escape(str(BAD))}:{n}:", stderr, re.M), n
    if lang == "nl":
        assert "negatief (studiepunten kunnen niet lager zijn dan 0)" in report
        assert "is negative" not in report
    assert max(len(line) for line in report.splitlines()) <= 200


@pytest.mark.parametrize("extra", [["--only", "negative"], ["--workers", "2"], ["--only", "positive", "--workers", "2"]])
def test_errors_are_written_with_only_and_workers(tmp_path: Path, extra: list[str]) -> None:
    report, _ = _run(tmp_path, *extra)
    rows = _table_rows(report)
    only = extra[1] if extra[0] == "--only" else None
    expected = [n for n in DATA_LINES if n in ERROR_LINES or only is None or (only == "positive" and n == 2)]
    assert rows == expected


def test_the_stacked_layout_writes_the_errors_in_their_place(tmp_path: Path) -> None:
    report, _ = _run(tmp_path, columns="60")
    assert max(len(line) for line in report.splitlines()) <= 60
    seen = [int(m.group(1) or m.group(2))
            for m in re.finditer(r"^line (\d+) error\[|^ +line (\d+) ·", report, re.M)]
    assert seen == DATA_LINES


def test_summary_only_writes_no_error_rows(tmp_path: Path) -> None:
    report, _ = _run(tmp_path, "--summary")
    assert "error[" not in report and _table_rows(report) == []


def test_a_terminal_gets_the_errors_on_stderr_only() -> None:
    code, out, err = on_a_terminal(["check", str(BAD), "--as-of", "2026-08-20", "--lang", "en"], 200)
    assert code == 1
    assert "error[" not in out
    assert "error[BSA310]" in err


def test_dutch_summaries_count_rijen_in_text_xlsx_and_progress(tmp_path: Path) -> None:
    """Issue 18 review item 5: the text summary said 'regels' (also 'rules' in Dutch), the workbook
    'rijen'; now every Dutch count of data rows says 'rijen' ('regel' stays the line number)."""
    from bsa_check.i18n import t
    from bsa_check.i18n.problems import choose
    from bsa_check.progress import rows_word
    from bsa_check.report.xlsx import SUMMARY

    report, _ = _run(tmp_path, lang="nl")
    assert report.rstrip().splitlines()[-1].split() == ["rijen", "18"]
    assert t("summary.total", "nl") == SUMMARY["rows"]["nl"] == "rijen"
    choose("nl")
    assert rows_word() == "rijen"
