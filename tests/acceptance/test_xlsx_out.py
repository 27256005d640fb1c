"""check --format xlsx (issue 18 item 3): the round trip through openpyxl."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[2]
STUDENTS = ROOT / "examples" / "students.csv"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bsa_check", "check", *args], capture_output=True, text=True, cwd=ROOT)


def _data_rows(path: Path) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8-sig").splitlines()[1:] if line.strip())


def test_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "verdicts.xlsx"
    proc = _run(str(STUDENTS), "--as-of", "2026-08-01", "--lang", "nl", "--format", "xlsx", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Adviezen", "Samenvatting"]
    ws = wb["Adviezen"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:P{ws.max_row}"  # 11 columns, then the 5 legal facts (issue 19 item 9)
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:4] == ("regelnummer", "studentnummer", "opleiding", "uitkomst")
    assert len(set(header)) == len(header)  # distinct headings
    assert len(body) == _data_rows(STUDENTS)
    jsonl = _run(str(STUDENTS), "--as-of", "2026-08-01", "--format", "jsonl").stdout.splitlines()
    import json

    expected = [json.loads(line) for line in jsonl]
    assert [(r[0], r[1], r[4]) for r in body] == [(e["line"], e["student_id"], e["outcome"]) for e in expected]
    first = body[0]
    assert isinstance(first[0], int)  # line: a number
    assert first[3] == "positief"  # the label in the chosen language
    assert first[8] == 45 and isinstance(body[1][8], float) and body[1][8] == 44.5  # credits: numbers
    assert isinstance(first[9], datetime) and first[9].date().isoformat() == "2026-08-15"  # a date cell
    assert ws.cell(row=2, column=10).number_format == "dd-mm-yyyy"
    summary = {r[0]: r[1] for r in wb["Samenvatting"].iter_rows(values_only=True) if r[0]}
    assert summary["regelset"] == "ho-current" and summary["versie"]
    assert len(summary["sha256"]) == 64
    assert summary["rijen"] == len(body)
    assert summary["positief"] == sum(1 for r in body if r[4] == "positive")
    assert header[11:] == ("tussentijds label", "uitsluiting", "beslist door", "herkomst", "niet geverifieerd")
    negative = next(r for r in body if r[4] == "negative")
    assert negative[12].startswith("Uitsluiting") or "uitsluiting" in negative[12].lower()  # the exclusion in words


def test_error_rows_are_rows_too(tmp_path: Path) -> None:
    src = tmp_path / "s.csv"
    text = STUDENTS.read_text(encoding="utf-8-sig").splitlines()
    bad = text[2].split(";")
    bad[6] = "veel"  # ec_jaar1 not a number
    src.write_text("\n".join([text[0], text[1], ";".join(bad), text[3]]) + "\n", encoding="utf-8")
    out = tmp_path / "v.xlsx"
    proc = _run(str(src), "--as-of", "2026-08-01", "--lang", "en", "--format", "xlsx", "--output", str(out))
    assert proc.returncode == 1
    body = list(openpyxl.load_workbook(out)["Verdicts"].iter_rows(values_only=True))[1:]
    assert [r[0] for r in body] == [2, 3, 4]
    assert body[1][3] is None and body[1][10].startswith("BSA3")
    assert body[0][3] and body[2][3]
