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
    # the interim advice's column is "label", as json, csv and the README call it (issue 19 review)
    assert header[11:] == ("label", "uitsluiting", "beslist door", "herkomst", "niet geverifieerd")
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
    rows = list(openpyxl.load_workbook(out)["Verdicts"].iter_rows(values_only=True))
    assert rows[0][11:] == ("label", "exclusion", "decided by", "provenance", "unverified")
    body = rows[1:]
    assert [r[0] for r in body] == [2, 3, 4]
    assert body[1][3] is None and body[1][10].startswith("BSA3")
    assert body[0][3] and body[2][3]


def test_round_trip_with_kept_columns(tmp_path: Path) -> None:
    """--keep-columns: the export's own columns (name, e-mail) after the verdict's, row by row."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(STUDENTS.read_text(encoding="utf-8-sig")), delimiter=";"))
    rows[0] += ["Naam", "E-mail"]
    for i, row in enumerate(rows[1:], 1):
        row += [f"Naam {i}", f"s{i}@example.nl"]
    rows[1][-2] = "=1+1"  # a formula-like name stays text
    src = tmp_path / "export.csv"
    with open(src, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    out = tmp_path / "merge.xlsx"
    proc = _run(str(src), "--as-of", "2026-08-01", "--lang", "nl", "--keep-columns", "e-mail,naam", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    wb = openpyxl.load_workbook(out)
    ws = wb["Adviezen"]
    table = list(ws.iter_rows(values_only=True))
    header, body = table[0], table[1:]
    assert header[-2:] == ("E-mail", "Naam") and header[:2] == ("regelnummer", "studentnummer")
    assert len(body) == len(rows) - 1
    assert [r[-2:] for r in body[1:3]] == [("s2@example.nl", "Naam 2"), ("s3@example.nl", "Naam 3")]
    assert body[0][-1] == "'=1+1" and ws.cell(row=2, column=len(header)).data_type == "s"
    assert ws.auto_filter.ref == f"A1:R{ws.max_row}"  # the kept columns are in the filter too
    assert isinstance(body[0][0], int) and isinstance(body[0][8], (int, float))  # still typed
    summary = {r[0]: r[1] for r in wb["Samenvatting"].iter_rows(values_only=True) if r[0]}
    assert summary["rijen"] == len(body)

