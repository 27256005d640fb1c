"""check --excel (issue 18 item 3): CSV the way (Dutch) Excel reads it."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STUDENTS = ROOT / "examples" / "students.csv"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bsa_check", "check", *args], capture_output=True, cwd=ROOT)


def test_excel_csv_has_bom_crlf_and_semicolons(tmp_path: Path) -> None:
    src = tmp_path / "comma.csv"
    rows_in = list(csv.reader(io.StringIO(STUDENTS.read_text(encoding="utf-8-sig")), delimiter=";"))
    with open(src, "w", encoding="utf-8", newline="") as f:  # a comma-separated input: --excel still writes ';'
        csv.writer(f, lineterminator="\n").writerows([[c.replace(",", ".") for c in r] for r in rows_in])
    out = tmp_path / "v.csv"
    proc = _run(str(src), "--as-of", "2026-08-01", "--lang", "nl", "--excel", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    body = data[3:].decode("utf-8")
    assert body.count("\r\n") == body.count("\n") == 32  # header and 31 rows, every line CRLF
    rows = list(csv.reader(io.StringIO(body, newline=""), delimiter=";"))
    assert rows[0][:3] == ["line", "student_id", "programme"] and len(rows) == 32
    plain = _run(str(src), "--as-of", "2026-08-01", "--lang", "nl", "--format", "csv").stdout.decode("utf-8")
    assert list(csv.reader(io.StringIO(plain))) == rows  # the same cells


def test_excel_with_workers_is_the_same(tmp_path: Path) -> None:
    one, two = tmp_path / "1.csv", tmp_path / "2.csv"
    assert _run(str(STUDENTS), "--as-of", "2026-08-01", "--excel", "--output", str(one)).returncode == 0
    assert _run(str(STUDENTS), "--as-of", "2026-08-01", "--excel", "--workers", "2", "--output", str(two)).returncode == 0
    assert one.read_bytes() == two.read_bytes()


def test_excel_needs_csv() -> None:
    proc = _run(str(STUDENTS), "--excel", "--format", "json")
    assert proc.returncode == 2 and b"BSA437" in proc.stderr
