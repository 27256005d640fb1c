"""Issue 18 item 1, text that fits: the text report on an 80-column terminal, COLUMNS on a pipe,
streaming, --only and --summary.

The terminal test runs the CLI on a real pseudo-terminal sized 80 columns (no COLUMNS in the
environment, so the width comes from the terminal itself). Before issue 18 the table was crushed
to a ten-character reason column, words were cut (``norm_not_…``, ``(rejection…``).
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.conftest import EXAMPLES, ROOT
from tests.terminal import drain

STUDENTS = EXAMPLES / "students.csv"
AS_OF = ["--as-of", "2026-08-20"]
_SGR = re.compile(r"\x1b\[[0-9;]*m")
runner = CliRunner()


def on_a_terminal(args: list[str], columns: int, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """``python -m bsa_check ARGS`` with a pseudo-terminal of ``columns`` columns as stdout (stderr
    a pipe): (exit code, stdout as the terminal got it, stderr)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "CI")}
    proc = subprocess.Popen([sys.executable, "-m", "bsa_check", *args], stdout=follower, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, cwd=ROOT,
                            env={**base, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color", **(env or {})})
    os.close(follower)
    shown_bytes = drain(leader, proc)
    code = proc.wait(timeout=60)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    return code, shown_bytes.decode("utf-8").replace("\r\n", "\n"), err


def words(text: str) -> set[str]:
    return set(_SGR.sub("", text).split())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_80_column_terminal_gets_whole_words_and_no_line_over_80(lang: str) -> None:
    code, out, err = on_a_terminal(["check", str(STUDENTS), *AS_OF, "--lang", lang], 80)
    assert code == 0, err
    lines = _SGR.sub("", out).split("\n")
    assert max(len(line) for line in lines) <= 80
    assert "…" not in out  # nothing cut short with an ellipsis
    # Every word on the terminal is a whole word: the same run laid out on one wide line per row
    # holds the same words (the stacked layout adds only its separator).
    wide = subprocess.run([sys.executable, "-m", "bsa_check", "check", str(STUDENTS), *AS_OF, "--lang", lang],
                          capture_output=True, text=True, cwd=ROOT, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "2000"})
    assert max(len(line) for line in wide.stdout.split("\n")) > 300  # really one line per row
    assert words(out) - words(wide.stdout) <= {"·"}
    # stacked: the student, programme and outcome on one line, the reason indented beneath
    shown = _SGR.sub("", out)
    assert re.search(r"^900002  59001  negati\w+ \(\w+\)$", shown, re.M), shown
    assert re.search(r"^    44[.,]5 EC ", shown, re.M)
    # the crushed table took 169 lines for six students (28 a student); stacked, at most 6 a student
    assert shown.count("\n") < 31 * 6 + 25


def test_a_wide_terminal_keeps_the_table() -> None:
    code, out, _ = on_a_terminal(["check", str(STUDENTS), *AS_OF, "--lang", "en"], 180)
    assert code == 0
    shown = _SGR.sub("", out)
    assert max(len(line) for line in shown.split("\n")) <= 180
    assert re.search(r"^ +line +student +programme +EC yr 1 +outcome +rule +reason$", shown, re.M)
    assert re.search(r"^ +3  900002 +59001 +44\.5  negative \(binding\) +norm_not_met +44\.5 EC earned", shown, re.M)


def test_colour_only_on_the_terminal() -> None:
    _, out, _ = on_a_terminal(["check", str(STUDENTS), *AS_OF, "--lang", "en"], 100)
    assert "\x1b[1;31mnegative (binding)\x1b[0m" in out
    _, out, _ = on_a_terminal(["check", str(STUDENTS), *AS_OF, "--lang", "en"], 100, {"NO_COLOR": "1"})
    assert "\x1b[" not in out


@pytest.mark.parametrize("columns", [40, 60, 100, 140])
def test_columns_is_respected_on_a_pipe(columns: int) -> None:
    proc = subprocess.run([sys.executable, "-m", "bsa_check", "check", str(STUDENTS), *AS_OF],
                          capture_output=True, text=True, cwd=ROOT, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": str(columns)})
    assert proc.returncode == 0, proc.stderr
    assert max(len(line) for line in proc.stdout.split("\n")) <= columns
    assert "900031" in proc.stdout and "Summary" in proc.stdout


def test_long_cells_and_wide_characters_stay_within_the_width(tmp_path: Path) -> None:
    """A student number longer than the sample's, a programme with wide (CJK) characters."""
    text = STUDENTS.read_text(encoding="utf-8").splitlines()
    rows = [text[0]] + [line.replace("900001;59001", "9000010000000000000000000000000001;日本語プログラム名前", 1)
                        for line in text[1:]]
    rows += [rows[-1].replace("900031", "900031-" + "x" * 90, 1)]
    path = tmp_path / "long.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    from rich.cells import cell_len

    for columns in (50, 80, 200):
        proc = subprocess.run([sys.executable, "-m", "bsa_check", "check", str(path), *AS_OF],
                              capture_output=True, text=True, cwd=ROOT, check=False,
                              env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": str(columns)})
        assert proc.returncode == 0, proc.stderr
        assert max(cell_len(line) for line in proc.stdout.split("\n")) <= columns
        assert "日本語" in proc.stdout


# --- streaming -----------------------------------------------------------------------------------


class _Out(io.StringIO):
    def isatty(self) -> bool:
        return False


def test_the_text_report_writes_rows_before_the_input_ends_and_holds_none() -> None:
    """Rows are written in blocks while results come in (the old report wrote nothing before the
    end); the reporter keeps no row beyond its current block."""
    from bsa_check.engine.compile import compile_ruleset
    from bsa_check.records.opener import open_records
    from bsa_check.report import make_reporter
    from bsa_check.report.text import BLOCK_ROWS, SAMPLE_ROWS
    from bsa_check.ruleset.load import load
    from bsa_check.service import results
    from datetime import date

    rs = compile_ruleset(load("ho-current"))
    with open_records(STUDENTS) as reader:
        some = list(results(reader, rs, date(2026, 8, 20)))
    out = _Out()
    reporter = make_reporter("text", out, rs, date(2026, 8, 20), "en", str(STUDENTS))
    reporter.start()
    assert "ho-current" in out.getvalue()  # the title at once
    n = 0
    while n < SAMPLE_ROWS + 2 * BLOCK_ROWS:
        for result in some:
            if result.verdict is not None:
                reporter.add(result._replace(line=n + 2))
                n += 1
    written = out.getvalue()
    assert written.count("\n") > BLOCK_ROWS  # rows are out before finish
    assert len(reporter._block) < BLOCK_ROWS and reporter._sample is None
    assert not [name for name, value in vars(reporter).items() if isinstance(value, list) and len(value) > BLOCK_ROWS]
    reporter.finish()
    assert out.getvalue().rstrip().endswith(str(n))  # the summary's row count last


# --- --only and --summary ------------------------------------------------------------------------


def _check(*args: str) -> Any:
    return runner.invoke(app, ["check", str(STUDENTS), *AS_OF, "--lang", "en", *args])


def test_only_filters_every_format(tmp_path: Path) -> None:
    wanted = {"negative", "procedure_incomplete"}
    result = _check("--only", "negative,procedure_incomplete", "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 10 and {r["outcome"] for r in rows} == wanted
    doc = json.loads(_check("--only", "negative,procedure_incomplete", "--format", "json").stdout)
    assert {v["outcome"] for v in doc["verdicts"]} == wanted and len(doc["verdicts"]) == 10
    assert doc["summary"]["rows"] == 31 and doc["summary"]["positive"] == 7  # the counts stay whole
    out = _check("--only", "negative, procedure_incomplete", "--format", "csv").stdout
    table = list(csv.DictReader(io.StringIO(out), delimiter=";"))
    assert {r["outcome"] for r in table} == wanted and len(table) == 10
    text = _check("--only", "negative").stdout
    assert "900002" in text and "900001 " not in text and "procedure incomplete   " not in text.split("Summary")[0]
    target = tmp_path / "out.xlsx"
    assert _check("--only", "negative", "--output", str(target)).exit_code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(target, read_only=True).worksheets[0]
    codes = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert codes and set(codes) == {"negative"}


def test_only_with_workers_is_the_same(tmp_path: Path) -> None:
    one = _check("--only", "needs_review", "--format", "jsonl").stdout
    two = _check("--only", "needs_review", "--format", "jsonl", "--workers", "2").stdout
    assert one == two and one.count("\n") == 5


def test_only_refuses_an_unknown_outcome() -> None:
    result = _check("--only", "negatief")
    assert result.exit_code == 2
    assert "BSA438" in result.stderr and "did you mean negative" in result.stderr and "needs_review" in result.stderr


def test_summary_prints_only_the_counts() -> None:
    result = _check("--summary")
    assert result.exit_code == 0
    assert "900001" not in result.stdout and "reason" not in result.stdout
    assert re.search(r"negative \(binding\) +6$", result.stdout, re.M) and re.search(r"rows +31$", result.stdout, re.M)
    doc = json.loads(_check("--summary", "--format", "json").stdout)
    assert doc["verdicts"] == [] and doc["summary"]["rows"] == 31
    refused = _check("--summary", "--format", "csv")
    assert refused.exit_code == 2 and "BSA439" in refused.stderr


def test_notes_on_a_terminal_stderr_are_wrapped_at_word_boundaries() -> None:
    """Standard error on the same 80-column terminal: the placeholder note (233 characters) and the
    row errors were written as one line each, which the terminal folded mid-word ('... the no|rm ...').
    On a terminal they are wrapped at spaces; on a pipe or in a file they stay one line each (grep)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "CI")}
    bad = ROOT / "tests" / "data" / "dutch" / "bad.csv"
    proc = subprocess.Popen([sys.executable, "-m", "bsa_check", "check", str(bad), *AS_OF, "--lang", "nl",
                             "--summary"], stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL,
                            cwd=ROOT, env={**base, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color"})
    os.close(follower)
    shown_bytes = drain(leader, proc)
    assert proc.wait(timeout=60) == 1
    shown = _SGR.sub("", shown_bytes.decode("utf-8").replace("\r\n", "\n"))
    assert "voorbeeldwaarden" in shown and "fout[BSA310]" in shown
    assert max(len(line) for line in shown.split("\n")) <= 80, shown
    piped = subprocess.run([sys.executable, "-m", "bsa_check", "check", str(bad), *AS_OF, "--lang", "nl", "--summary"],
                           capture_output=True, text=True, cwd=ROOT, check=False,
                           env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80"})
    assert max(len(line) for line in piped.stderr.split("\n")) > 80  # one line per message for grep
    # the same words: wrapping only moved them
    assert sorted(shown.split()) == sorted(piped.stderr.split())
