"""Output safety (issue 9): formula cells neutralised; output atomic, private, never over an input;
nothing written unless asked."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.errors import RecordError
from bsa_check.report.machine import safe_cell
from tests.conftest import EXAMPLES, ROOT

runner = CliRunner()
STUDENTS = EXAMPLES / "students.csv"


@pytest.mark.parametrize(("value", "shown"), [
    ("=1+1", "'=1+1"), ("+31 6", "'+31 6"), ("-3", "'-3"), ("@SUM(A1)", "'@SUM(A1)"),
    # issue 15: a control character is a visible escape (a tab or CR no longer reaches the file raw)
    ("\tx", "\\x09x"), ("\r=x", "\\x0d=x"), ("\x1b[2J=", "\\x1b[2J="), ("\x9b31m", "\\x9b31m"),
    ("900001", "900001"), ("a=b", "a=b"), ("", ""), (None, ""), (7, "7")])
def test_safe_cell(value: object, shown: str) -> None:
    # a negative number is neutralised too: no output column is numeric except 'line' (never negative)
    assert safe_cell(value) == shown


def _copy(tmp_path: Path) -> Path:
    src = tmp_path / "students.csv"
    src.write_bytes(STUDENTS.read_bytes())
    return src


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_output_through_a_link_to_the_input_is_refused(tmp_path: Path, link: str) -> None:
    src = _copy(tmp_path)
    out = tmp_path / "out.csv"
    (os.symlink if link == "symlink" else os.link)(src, out)
    before = src.read_bytes()
    result = runner.invoke(app, ["check", str(src), "--output", str(out), "--as-of", "2026-08-20"])
    assert result.exit_code == 2 and "error[BSA404]" in result.stderr
    assert src.read_bytes() == before


def test_output_over_the_rule_file_is_refused(tmp_path: Path) -> None:
    rules = tmp_path / "r.yaml"
    rules.write_bytes((ROOT / "rules" / "ho-current.yaml").read_bytes())
    result = runner.invoke(app, ["check", str(STUDENTS), "--rules", str(rules), "--output", str(rules)])
    assert result.exit_code == 2 and "error[BSA404]" in result.stderr
    assert rules.read_bytes() == (ROOT / "rules" / "ho-current.yaml").read_bytes()


def test_a_run_that_fails_midway_leaves_the_old_output_and_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    from bsa_check.report import machine

    out = tmp_path / "out.jsonl"
    out.write_text("previous report\n")
    calls = []

    def fail_on_third(self, texts):  # type: ignore[no-untyped-def]
        for text in texts:
            calls.append(text)
            if len(calls) == 3:
                raise RecordError("the disk went away", code="BSA301")
            self.out.write("partial\n")

    monkeypatch.setattr(machine.JsonlReporter, "on_texts", fail_on_third)
    result = runner.invoke(app, ["check", str(STUDENTS), "--format", "jsonl", "--output", str(out),
                                 "--as-of", "2026-08-20"])
    assert result.exit_code == 2 and len(calls) == 3
    assert out.read_text() == "previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_output_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    proc = subprocess.run(f"umask 000 && {sys.executable} -m bsa_check check {STUDENTS} --format csv "
                          f"--output {out} --as-of 2026-08-20", shell=True, cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("args", [["check", "--format", "csv"], ["check", "--format", "json"],
                                  ["explain", "900002"], ["validate"]])
def test_nothing_is_written_unless_asked(tmp_path: Path, args: list[str]) -> None:
    src = _copy(tmp_path)
    target = str(ROOT / "rules" / "ho-current.yaml") if args[0] == "validate" else str(src)
    command = [args[0], target, *args[1:]]
    proc = subprocess.run([sys.executable, "-m", "bsa_check", *command], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL)
    assert proc.returncode in (0, 1), proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["students.csv"]
