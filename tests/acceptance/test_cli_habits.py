"""Command-line habits (issue 18 item 6) and check's progress line (item 2)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bsa_check import cli

ROOT = Path(__file__).resolve().parents[2]
STUDENTS = str(ROOT / "examples" / "students.csv")


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run([sys.executable, "-m", "bsa_check", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env)


def test_dash_h_is_help() -> None:
    root, sub = _run("-h"), _run("check", "-h")
    assert root.returncode == 0 and "Commands:" in root.stdout
    assert sub.returncode == 0 and "--as-of" in sub.stdout
    assert sub.stdout == _run("check", "--help").stdout


def test_a_misspelled_command_gets_did_you_mean() -> None:
    proc = _run("chek", "students.csv")
    assert proc.returncode == 2
    assert "BSA436" in proc.stderr and "did you mean: bsa-check check" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert "did you mean: bsa-check compare" in _run("compar").stderr


def test_a_file_is_still_checked_without_the_command() -> None:
    proc = _run(STUDENTS, "--as-of", "2026-08-01", "--format", "jsonl")
    assert proc.returncode == 0 and proc.stdout.count("\n") == 31


def test_shell_completion_can_be_shown_and_installed() -> None:
    proc = _run("--show-completion", "bash")
    assert proc.returncode == 0 and "complete" in proc.stdout and "bsa" in proc.stdout
    assert "--install-completion" in _run("--help").stdout


@pytest.mark.parametrize("command", sorted(cli._COMMANDS))
def test_help_names_values_not_python_types(command: str) -> None:
    out = _run(command, "--help").stdout
    assert out
    assert not re.search(r"<(str|int|list\[[^>]*\]|int range|float|path)>", out), out


def test_progress_never_on_a_pipe_or_in_ci(tmp_path: Path) -> None:
    env = {**os.environ, "CI": "true"}
    proc = _run(STUDENTS, "--as-of", "2026-08-01", "--format", "jsonl", env=env)
    assert "rows" not in proc.stderr.replace("placeholder", "")  # no progress line; notes only


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_on_a_terminal_after_one_second(tmp_path: Path) -> None:
    import pty

    big = tmp_path / "big.csv"
    gen = subprocess.run([sys.executable, "-m", "bsa_check", "synth", "--rows", "120000", "--output", str(big)],
                         capture_output=True, text=True, cwd=ROOT)
    assert gen.returncode == 0, gen.stderr
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    proc = subprocess.Popen([sys.executable, "-m", "bsa_check", "check", str(big), "--as-of", "2026-08-01",
                             "--format", "jsonl", "--output", str(tmp_path / "o.jsonl")],
                            stdout=subprocess.DEVNULL, stderr=slave, cwd=ROOT, env=env)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=300)
    os.close(master)
    assert proc.returncode in (0, 1)
    assert b"rows" in seen  # the progress line ("12,288 rows ...") was drawn on the terminal
