"""One rule for the output format (issue 18 item 4): the --output suffix chooses, --format must agree."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STUDENTS = str(ROOT / "examples" / "students.csv")


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bsa_check", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.mark.parametrize("suffix,check", [
    (".json", lambda t: json.loads(t)["verdicts"]),
    (".jsonl", lambda t: [json.loads(x) for x in t.splitlines()]),
    (".csv", lambda t: t.lstrip("\ufeff").startswith(("line,student_id", "line;student_id"))),  # BOM: a ";" input
    (".txt", lambda t: "900001" in t and not t.lstrip().startswith(("{", "line,", "line;"))),
])
def test_check_infers_the_format_from_the_suffix(tmp_path: Path, suffix: str, check) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"out{suffix}"
    proc = _run("check", STUDENTS, "--as-of", "2026-08-01", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    assert check(out.read_text(encoding="utf-8"))


def test_check_xlsx_from_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    assert _run("check", STUDENTS, "--as-of", "2026-08-01", "--output", str(out)).returncode == 0
    assert out.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("args", [
    ("check", STUDENTS, "--format", "text", "--output", "x.json"),
    ("check", STUDENTS, "--format", "csv", "--output", "x.xlsx"),
    ("compare", STUDENTS, "--rules", "ho-current", "--rules", "ho-proposed-2023", "--format", "html", "--output", "x.md"),
    ("due", STUDENTS, "--format", "jsonl", "--output", "x.csv"),
])
def test_a_contradicting_suffix_is_refused(tmp_path: Path, args: tuple) -> None:  # type: ignore[type-arg]
    args = tuple(str(tmp_path / a) if a.startswith("x.") else a for a in args)
    proc = _run(*args)
    assert proc.returncode == 2
    assert "BSA434" in proc.stderr
    assert not any(tmp_path.iterdir())  # nothing written


def test_a_suffix_the_command_does_not_write_is_refused(tmp_path: Path) -> None:
    proc = _run("check", STUDENTS, "--output", str(tmp_path / "report.html"))
    assert proc.returncode == 2 and "BSA435" in proc.stderr
    assert not any(tmp_path.iterdir())


def test_an_agreeing_suffix_and_an_unknown_suffix(tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    assert _run("check", STUDENTS, "--as-of", "2026-08-01", "--format", "json", "--output", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["verdicts"]
    other = tmp_path / "a.out"
    assert _run("check", STUDENTS, "--as-of", "2026-08-01", "--output", str(other)).returncode == 0
    assert "900001" in other.read_text(encoding="utf-8")  # no format named: the default, text


def test_compare_and_due_still_infer(tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    assert _run("compare", STUDENTS, "--rules", "ho-current", "--rules", "ho-proposed-2023", "--as-of", "2026-08-01",
                "--output", str(html)).returncode == 0
    assert "<html" in html.read_text(encoding="utf-8").lower()
    jl = tmp_path / "d.jsonl"
    assert _run("due", STUDENTS, "--as-of", "2026-08-01", "--output", str(jl)).returncode in (0, 1)
    assert all(json.loads(x) for x in jl.read_text(encoding="utf-8").splitlines())
