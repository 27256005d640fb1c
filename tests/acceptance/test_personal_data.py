"""Personal data: messages name row, column and the offending cell only; --pseudonymize hides ids.

Issue 9 acceptance: for a file whose every row is bad, stderr names each row, column and the
offending cell (shortened), and nothing else of the record: no student number, no other cell.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bsa_check.privacy import KEY_ENV, MIN_KEY_BYTES, Pseudonymizer, key_from, pseudonymizer_from_options
from bsa_check.errors import UsageError
from tests.conftest import EXAMPLES, ROOT

HEADER = ["studentnummer", "opleiding", "inschrijvingsjaar", "ec_jaar1", "deeltijd", "uitschrijfdatum",
          "persoonlijke_omstandigheden", "besluit_omstandigheden", "inschrijfdatum", "propedeuse_behaald",
          "waarschuwingsdatum", "hoordatum", "notitie"]
LONG = "misschien-wel-misschien-niet-dat-weet-ik-echt-nog-niet-precies-" * 3


def _row(i: int, **bad: str) -> list[str]:
    """A row whose every cell is valid and distinctive (a sentinel), except the ``bad`` ones."""
    cells = {
        "studentnummer": f"SIDSENTINEL{i:03d}", "opleiding": f"PRGSENTINEL{i:03d}", "inschrijvingsjaar": "1",
        "ec_jaar1": f"{10 + i},25", "deeltijd": "nee", "uitschrijfdatum": "",
        "persoonlijke_omstandigheden": "geen", "besluit_omstandigheden": "", "inschrijfdatum": f"0{1 + i % 8}-09-2025",
        "propedeuse_behaald": "nee", "waarschuwingsdatum": f"1{i % 9}-05-2026", "hoordatum": f"0{1 + i % 8}-07-2026",
        "notitie": f"NOTESENTINEL{i:03d} lives at Kerkstraat {i}",
    }
    cells.update(bad)
    return [cells[h] for h in HEADER]


# (cells to spoil, expected code, column, text of the offending cell as shown)
BAD_ROWS = [
    ({"ec_jaar1": "veertig"}, "BSA310", 4, "'veertig'"),
    ({"deeltijd": LONG}, "BSA310", 5, "'" + LONG[:39] + "…'"),
    ({"ec_jaar1": ""}, "BSA312", 4, None),
    ({"uitschrijfdatum": "31-02-2025"}, "BSA310", 6, "'31-02-2025'"),
    ({"ec_jaar1": "1.234,5"}, "BSA310", 4, "'1.234,5'"),
    ({"ec_jaar1": "-3"}, "BSA310", 4, "'-3'"),
    ({"persoonlijke_omstandigheden": "geldzorgen"}, "BSA310", 7, "'geldzorgen'"),
    ({"inschrijvingsjaar": "0"}, "BSA310", 3, "'0'"),
    ({"opleiding": ""}, "BSA311", 2, None),
]


def _run(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bsa_check", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, stdin=subprocess.DEVNULL,
                          cwd=cwd or ROOT)


def _write(tmp_path: Path, rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    path = tmp_path / "cohort.csv"
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_every_row_bad_stderr_names_row_column_and_cell_and_nothing_else(tmp_path: Path, fmt: str) -> None:
    rows = [_row(i, **bad) for i, (bad, *_rest) in enumerate(BAD_ROWS)]
    # a ragged row (one cell short): row and column, no cell at all
    rows.append(_row(len(rows))[:-1])
    path = _write(tmp_path, rows)
    proc = _run(["check", str(path), "--as-of", "2026-08-20", "--format", fmt])
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error[")]
    assert len(errors) == len(rows)
    for i, (line, (_bad, code, column, shown)) in enumerate(zip(errors, BAD_ROWS)):
        assert line.startswith(f"error[{code}]: {path}:{i + 2}:{column} ({HEADER[column - 1]}): "), line
        if shown is not None:
            assert shown in line
    assert errors[-1].startswith(f"error[BSA307]: {path}:{len(rows) + 1}:{len(HEADER)}")
    # nothing else of any record: no student number, no other cell, in stderr (and, for the
    # text format, in stdout, which has no table rows because no row has a verdict)
    streams = proc.stderr + (proc.stdout if fmt == "text" else "")
    for i, row in enumerate(rows):
        for h, cell in zip(HEADER, row):
            if "SENTINEL" in cell:
                assert cell not in streams, (h, cell)
        assert f"Kerkstraat {i}" not in streams
    # the long cell is shown shortened, never whole
    assert LONG[:60] not in proc.stderr


def test_stderr_has_no_record_content_when_rows_are_fine(tmp_path: Path) -> None:
    path = _write(tmp_path, [_row(i) for i in range(3)])
    proc = _run(["check", str(path), "--as-of", "2026-08-20", "--format", "jsonl"])
    assert proc.returncode == 0, proc.stderr
    assert "SENTINEL" not in proc.stderr and "Kerkstraat" not in proc.stderr
    assert proc.stdout.count("SIDSENTINEL") == 3  # per-student output the user asked for


# --- --pseudonymize ------------------------------------------------------------------------------

KEY = "k" * 20


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv"])
def test_pseudonymize_replaces_every_student_number_in_every_format(tmp_path: Path, fmt: str) -> None:
    ids = [row.split(";", 1)[0] for row in (EXAMPLES / "students.csv").read_text(encoding="utf-8").splitlines()[1:]]
    proc = _run(["check", str(EXAMPLES / "students.csv"), "--as-of", "2026-08-20", "--format", fmt, "--pseudonymize"],
                env={KEY_ENV: KEY})
    assert proc.returncode == 0, proc.stderr
    pseudo = Pseudonymizer(KEY.encode())
    for sid in ids:
        assert sid not in proc.stdout and sid not in proc.stderr
        assert pseudo(sid) in proc.stdout
    if fmt == "json":
        doc = json.loads(proc.stdout)
        assert doc["student_ids"] == "pseudonymized"
        assert [v["student_id"] for v in doc["verdicts"]] == [pseudo(s) for s in ids]
    assert KEY not in proc.stdout + proc.stderr


def test_pseudonyms_are_stable_per_key_and_differ_between_keys(tmp_path: Path) -> None:
    def ids(key: str) -> list[str]:
        proc = _run(["check", str(EXAMPLES / "students.csv"), "--as-of", "2026-08-20", "--format", "jsonl",
                     "--pseudonymize"], env={KEY_ENV: key})
        return [json.loads(line)["student_id"] for line in proc.stdout.splitlines()]

    first, again, other = ids(KEY), ids(KEY), ids("another secret key!!")
    assert first == again
    assert len(set(first)) == len(first) and all(p.startswith("ps-") and len(p) == 19 for p in first)
    assert not set(first) & set(other)


def test_error_rows_are_pseudonymized_too(tmp_path: Path) -> None:
    path = _write(tmp_path, [_row(0, ec_jaar1="veertig"), _row(1)])
    proc = _run(["check", str(path), "--as-of", "2026-08-20", "--format", "csv", "--pseudonymize"], env={KEY_ENV: KEY})
    assert proc.returncode == 1
    assert "SIDSENTINEL" not in proc.stdout + proc.stderr
    lines = list(csv.reader(io.StringIO(proc.stdout), delimiter=";"))
    assert [r[1] for r in lines[1:]] == [Pseudonymizer(KEY.encode())(f"SIDSENTINEL{i:03d}") for i in (0, 1)]


def test_explain_looks_up_the_real_number_and_shows_the_pseudonym() -> None:
    proc = _run(["explain", str(EXAMPLES / "students.csv"), "900002", "--as-of", "2026-08-20", "--pseudonymize"],
                env={KEY_ENV: KEY})
    assert proc.returncode == 0, proc.stderr
    assert "900002" not in proc.stdout + proc.stderr
    assert f"Student {Pseudonymizer(KEY.encode())('900002')} (line 3" in proc.stdout


def test_explain_not_found_shows_the_pseudonym_only() -> None:
    proc = _run(["explain", str(EXAMPLES / "students.csv"), "123456789", "--pseudonymize"], env={KEY_ENV: KEY})
    assert proc.returncode == 2
    assert "123456789" not in proc.stderr and Pseudonymizer(KEY.encode())("123456789") in proc.stderr


def test_key_file_is_used_and_never_written(tmp_path: Path) -> None:
    key_file = tmp_path / "key.txt"
    key_file.write_text("file-secret-0123456789\n")
    proc = _run(["check", str(EXAMPLES / "students.csv"), "--as-of", "2026-08-20", "--format", "jsonl",
                 "--pseudonymize", "--pseudonym-key-file", str(key_file)], env={KEY_ENV: ""})
    assert proc.returncode == 0, proc.stderr
    first = json.loads(proc.stdout.splitlines()[0])["student_id"]
    assert first == Pseudonymizer(b"file-secret-0123456789")("900001")
    assert "file-secret" not in proc.stdout + proc.stderr


@pytest.mark.parametrize("command", ["check", "explain"])
def test_pseudonymize_without_a_key_is_refused_with_exit_2_and_writes_nothing(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out.jsonl"
    args = [command, str(EXAMPLES / "students.csv"), *(["900001"] if command == "explain" else
                                                       ["--output", str(out)]), "--pseudonymize"]
    env = {k: v for k, v in os.environ.items() if k != KEY_ENV}
    proc = subprocess.run([sys.executable, "-m", "bsa_check", *args], capture_output=True, text=True,
                          env={**env, "PYTHONPATH": str(ROOT)}, cwd=ROOT, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2
    assert "error[BSA408]" in proc.stderr and KEY_ENV in proc.stderr
    assert proc.stdout == "" and not out.exists()


def test_key_rules() -> None:
    with pytest.raises(UsageError, match="at least 16"):
        Pseudonymizer(b"short")
    with pytest.raises(UsageError, match="not set"):
        key_from({}, None)
    with pytest.raises(UsageError, match="without --pseudonymize"):
        pseudonymizer_from_options(False, "key.txt", {})
    assert pseudonymizer_from_options(False, None, {}) is None
    p = pseudonymizer_from_options(True, None, {KEY_ENV: "  " + KEY + "\n"})
    assert p is not None and p("1") == Pseudonymizer(KEY.encode())("1") and p(None) is None
    assert KEY not in repr(p) and len(KEY.encode()) >= MIN_KEY_BYTES


def test_key_file_problems_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot be read"):
        key_from({}, str(tmp_path / "missing"))
    with pytest.raises(UsageError, match="not a regular file"):
        key_from({}, str(tmp_path))
    (tmp_path / "empty").write_text("\n")
    with pytest.raises(UsageError, match="is empty"):
        key_from({}, str(tmp_path / "empty"))


@pytest.mark.parametrize("fmt", ["jsonl", "text"])
def test_an_internal_bug_shows_no_record_content_in_its_traceback(tmp_path: Path, fmt: str) -> None:
    """Typer's pretty tracebacks are on, without local variables: a bug cannot dump a record (in
    the machine formats' stream, service.rendered, and in the Result stream the text table reads)."""
    path = _write(tmp_path, [_row(0), _row(1)])
    code = (
        "import bsa_check.service as service\n"
        "real, real_rendered = service.results, service.rendered\n"
        "def broken(reader, ruleset, as_of, **kw):\n"
        "    for result in real(reader, ruleset, as_of, **kw):\n"
        "        record = dict(result.record)\n"
        "        raise RuntimeError('simulated internal bug')\n"
        "    yield\n"
        "def broken_rendered(*args, **kw):\n"
        "    for line, sid, programme, text, outcome, error in real_rendered(*args, **kw):\n"
        "        record = (sid, text)\n"
        "        raise RuntimeError('simulated internal bug')\n"
        "    yield\n"
        "service.results, service.rendered = broken, broken_rendered\n"
        "from bsa_check.cli import main\n"
        f"main(['check', {str(path)!r}, '--format', {fmt!r}, '--as-of', '2026-08-20'])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "TERM": "dumb"}, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1
    assert "simulated internal bug" in proc.stderr
    assert "SENTINEL" not in proc.stderr + proc.stdout and "Kerkstraat" not in proc.stderr
