"""Issue 18 item 3: ``--keep-columns`` / ``--keep-all`` carry the export's own columns (name, e-mail)
into csv and xlsx output for a mail merge, and CSV output is for Excel by default when the input
came from Dutch Excel (a ``;`` CSV or an .xlsx workbook): byte order mark, CRLF, ``;``, decimal comma.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import ROOT

STUDENTS = ROOT / "examples" / "students.csv"
AS_OF = ["--as-of", "2026-08-20"]


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "bsa_check", "check", *args], capture_output=True, cwd=ROOT,
                          check=False)


def with_contacts(tmp_path: Path, delimiter: str = ";") -> Path:
    """The example export with the columns an advisor mails from, and a cell that looks like a formula."""
    rows = list(csv.reader(io.StringIO(STUDENTS.read_text(encoding="utf-8-sig")), delimiter=";"))
    rows[0] += ["Naam", "E-mail", "Mentor cijfer"]
    for i, row in enumerate(rows[1:], 1):
        row += [f"Student Één {i}", f"s{i}@example.nl", "7.5" if delimiter == "," else "7,5"]
    rows[2][-3] = "=HYPERLINK(\"http://x\")"
    if delimiter == ",":
        rows = [[c.replace(",", ".") for c in r] for r in rows]
    path = tmp_path / "export.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # Excel's byte order mark
    text = data[3:].decode("utf-8")
    assert text.count("\r\n") == text.count("\n")  # every line CRLF
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_kept_columns_in_csv_for_a_mail_merge(tmp_path: Path) -> None:
    src = with_contacts(tmp_path)
    out = tmp_path / "merge.csv"
    proc = _run(str(src), *AS_OF, "--keep-columns", "naam, E-MAIL", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = read_csv(out.read_bytes())  # a ';' input: CSV for Excel without being asked
    assert rows[0][-2:] == ["Naam", "E-mail"] and rows[0][0] == "line"
    assert len(rows) == 32
    assert rows[1][-2:] == ["Student Één 1", "s1@example.nl"] and rows[1][1] == "900001"
    assert rows[2][-2] == "'=HYPERLINK(\"http://x\")"  # never a formula in a spreadsheet


def test_keep_all_and_the_decimal_comma(tmp_path: Path) -> None:
    src = with_contacts(tmp_path, ",")
    out = tmp_path / "all.csv"
    proc = _run(str(src), *AS_OF, "--keep-all", "--excel", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = read_csv(out.read_bytes())
    header = rows[0]
    assert header[-3:] == ["Naam", "E-mail", "Mentor cijfer"] and "studentnummer" in header
    assert rows[1][-1] == "7,5"  # a decimal comma for Excel
    plain = _run(str(src), *AS_OF, "--keep-all", "--format", "csv").stdout.decode("utf-8")  # a ',' input: plain CSV
    assert not plain.startswith("\ufeff") and "\r\n" not in plain
    assert list(csv.reader(io.StringIO(plain)))[1][-1] == "7.5"


def test_personal_data_only_when_asked(tmp_path: Path) -> None:
    src = with_contacts(tmp_path)
    out = _run(str(src), *AS_OF, "--format", "csv").stdout
    assert b"Student" not in out and b"@example.nl" not in out


@pytest.mark.parametrize(("args", "code"), [
    (["--keep-columns", "Naam"], b"BSA440"),  # text
    (["--keep-all", "--format", "json"], b"BSA440"),
    (["--keep-columns", "Name", "--format", "csv"], b"BSA441"),
    (["--keep-all", "--format", "csv", "--pseudonymize"], b"BSA442"),
])
def test_refusals(tmp_path: Path, args: list[str], code: bytes) -> None:
    src = with_contacts(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "bsa_check", "check", str(src), *AS_OF, *args], capture_output=True,
                          cwd=ROOT, check=False, env={"BSA_CHECK_PSEUDONYM_KEY": "k" * 32, "PATH": "/usr/bin:/bin",
                                                      "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 2 and code in proc.stderr, proc.stderr
    assert b"Traceback" not in proc.stderr and b"Student" not in proc.stderr  # no cell value in the message
    if code == b"BSA441":
        assert b"did you mean Naam?" in proc.stderr and b"E-mail" in proc.stderr and b"export.csv:1" in proc.stderr
    if code == b"BSA440":
        assert proc.stderr.startswith(b"error[BSA440]: --keep-")


def test_an_xlsx_input_gives_excel_csv_with_typed_cells_written_the_dutch_way(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(STUDENTS.read_text(encoding="utf-8-sig")), delimiter=";"))[:4]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(rows[0] + ["Naam", "Cijfer", "Geboren"])
    for i, row in enumerate(rows[1:]):
        cells: list[object] = list(row)  # text cells (a student number as text), credits a number
        cells[6] = float(row[6].replace(",", "."))
        ws.append(cells + [f"N{i}", 6.5, datetime(2006, 3, 1 + i)])
    src = tmp_path / "export.xlsx"
    wb.save(src)
    out = tmp_path / "out.csv"
    proc = _run(str(src), *AS_OF, "--keep-columns", "Naam,Cijfer,Geboren", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    body = read_csv(out.read_bytes())
    assert body[1][-3:] == ["N0", "6,5", "01-03-2006"]
    assert len(body) == 4


def test_workers_with_kept_columns_give_the_same(tmp_path: Path) -> None:
    src = with_contacts(tmp_path)
    one = _run(str(src), *AS_OF, "--keep-all", "--format", "csv").stdout
    two = _run(str(src), *AS_OF, "--keep-all", "--format", "csv", "--workers", "2").stdout
    assert one == two and b"s31@example.nl" in one
    only = _run(str(src), *AS_OF, "--keep-columns", "E-mail", "--format", "csv", "--only", "negative").stdout
    assert only.count(b"@example.nl") == 6  # the six binding negatives, each with its address


def test_dates_in_a_kept_xlsx_column(tmp_path: Path) -> None:
    """The xlsx output keeps a workbook's typed cells typed."""
    src = tmp_path / "in.xlsx"
    rows = list(csv.reader(io.StringIO(STUDENTS.read_text(encoding="utf-8-sig")), delimiter=";"))[:3]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(rows[0] + ["Geboren", "Score"])
    for row in rows[1:]:
        cells: list[object] = list(row)  # text cells (a student number as text), credits a number
        cells[6] = float(row[6].replace(",", "."))
        ws.append(cells + [date(2006, 1, 2), 8])
    wb.save(src)
    out = tmp_path / "out.xlsx"
    assert _run(str(src), *AS_OF, "--keep-columns", "Geboren,Score", "--output", str(out)).returncode == 0
    body = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert body[0][-2:] == ("Geboren", "Score")
    assert isinstance(body[1][-2], datetime) and body[1][-1] == 8


def test_kept_headings_stay_distinct_from_ours(tmp_path: Path) -> None:
    """--keep-all carries the export's 'studentnummer', 'opleiding', 'adviesdatum': in a Dutch workbook
    (and in csv for an export with the canonical headers) they met the verdict's own headings of the
    same name, and a mail merge or pandas cannot tell two 'studentnummer' columns apart. A kept
    heading that repeats one of ours is marked '(export)'."""
    src = with_contacts(tmp_path)
    out = tmp_path / "all.xlsx"
    proc = _run(str(src), *AS_OF, "--keep-all", "--lang", "nl", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    header = [c.value for c in next(openpyxl.load_workbook(out).worksheets[0].iter_rows(max_row=1))]
    assert len(header) == len(set(header)), header
    assert header.count("studentnummer") == 1 and "studentnummer (export)" in header
    assert header[-3:] == ["Naam", "E-mail", "Mentor cijfer"]
    canonical = tmp_path / "canonical.csv"
    text = src.read_text(encoding="utf-8").split("\n", 1)  # read_text turns CRLF into LF
    canonical.write_text(text[0].replace("studentnummer", "student_id").replace("opleiding", "programme") + "\n"
                         + text[1], encoding="utf-8")
    rows = read_csv(_run(str(canonical), *AS_OF, "--keep-all", "--format", "csv").stdout)
    assert len(rows[0]) == len(set(rows[0])), rows[0]
    assert rows[0].count("student_id") == 1 and "student_id (export)" in rows[0]
    assert len(rows) == 32 and rows[1][rows[0].index("student_id (export)")] == "900001"


def test_kept_columns_are_not_called_ignored(tmp_path: Path) -> None:
    """BSA316 warns of export columns bsa-check ignores; a column the user keeps is not ignored, so
    the warning names only the others (it said 'Naam', 'E-mail' ... are ignored while writing them)."""
    src = with_contacts(tmp_path)
    proc = _run(str(src), *AS_OF, "--keep-columns", "Naam,E-mail", "--output", str(tmp_path / "o.csv"), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    warning = next(line for line in proc.stderr.decode("utf-8").splitlines() if "BSA316" in line)
    assert "'Mentor cijfer'" in warning and "'Naam'" not in warning and "'E-mail'" not in warning, warning
    assert "1 column(s)" in warning
    everything = _run(str(src), *AS_OF, "--keep-all", "--output", str(tmp_path / "a.csv"))
    assert everything.returncode == 0 and b"BSA316" not in everything.stderr, everything.stderr
