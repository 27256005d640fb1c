"""Dutch everywhere (issue 18 item 5): with a Dutch locale and no --lang, ``check`` on an export full
of bad rows says every row error in Dutch, and the text table's column headings are distinct.

The golden (tests/data/golden/dutch/check.bad.nl.txt) holds stderr: the notes and one line per row
error. Rewrite it after an intended change with
``python -m pytest tests/acceptance/test_dutch.py --update-goldens`` and review the diff.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.acceptance.test_example_golden import compare_golden
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "dutch"
AS_OF = "2026-08-15"

# Words of English prose that are not also Dutch words; a row error in Dutch holds none of them.
ENGLISH = {
    "the", "not", "is not", "and", "or", "a", "an", "of the", "write", "check", "cannot", "number", "must",
    "empty", "error", "row", "line", "lines", "column", "columns", "needs", "every", "file", "date", "with",
    "use", "value", "cell", "this", "that", "be", "are", "has", "have", "which", "missing", "negative",
    "credits", "year", "day", "month", "rule", "give", "fill", "correct", "header", "same", "remove",
    "warning", "note", "read", "cells", "delimiter", "before", "after", "between", "least", "most", "allows",
}


def run_dutch(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LANGUAGE", "LC_MESSAGES", "COLUMNS")}
    env.update(LC_ALL="nl_NL.UTF-8", COLUMNS="200", NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "bsa_check", "check", *args, "--as-of", AS_OF],
                          cwd=DATA, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)


def english_words(text: str) -> list[str]:
    """The English words of ``text``, leaving out what is data: the quoted cell, the file:line:column
    location, identifiers (ec_jaar1, BSA310, norm_met) and example values (dd-mm-jjjj, 44,5)."""
    text = re.sub(r"'[^']*'", " ", text)
    words = [w for w in re.findall(r"[A-Za-z]+(?:_[A-Za-z0-9]+)*", text) if "_" not in w]
    return [w for w in words if w.lower() in ENGLISH]


def test_dutch_locale_gives_dutch_row_errors(update_goldens):
    result = run_dutch("bad.csv")
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("fout[")]
    assert len(errors) == 16, result.stderr
    for line in errors:
        assert not english_words(line.split(": ", 1)[1]), line
    compare_golden("dutch/check.bad.nl.txt", result.stderr, update_goldens)


def test_english_words_are_found():
    """The check above is not vacuous: today's English row error fails it."""
    line = "bad.csv:4:7 (ec_jaar1): ec_jaar1 'veel' is not a number (write credits like 45, 44,5 or 44.5)"
    assert english_words(line) == ["not", "a", "number", "write", "credits", "or"]


def test_dutch_table_headings_are_distinct():
    result = run_dutch("bad.csv")
    header = next(line for line in result.stdout.splitlines() if "student" in line and "uitkomst" in line)
    headings = header.split()
    assert "beslisregel" in headings and headings.count("regel") == 1
    assert len(headings) == len(set(headings)), header


def run_cli(*args: str, lang_env: str = "nl_NL.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LANGUAGE", "LC_MESSAGES")}
    env.update(LC_ALL=lang_env, COLUMNS="100", NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "bsa_check", *args], cwd=DATA, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_help_is_dutch_with_lang_nl_or_a_dutch_locale():
    by_option = run_cli("--lang", "nl", "--help", lang_env="C.UTF-8")
    assert by_option.returncode == 0
    assert "Gebruik: bsa-check [OPTIES] OPDRACHT" in by_option.stdout
    assert "Toon deze hulptekst en stop." in by_option.stdout and "Opdrachten:" in by_option.stdout
    check_help = run_cli("check", "--help")
    assert "Peildatum (ISO of dd-mm-jjjj)" in check_help.stdout
    assert "Opties:" in check_help.stdout and "Options" not in check_help.stdout
    english = run_cli("check", "--help", lang_env="C.UTF-8")
    assert "Reference date (ISO or dd-mm-jjjj)" in english.stdout


def test_command_line_errors_are_dutch():
    unknown = run_cli("check", "bad.csv", "--frob")
    assert unknown.returncode == 2
    assert "Fout: Onbekende optie: --frob" in unknown.stderr and "Probeer 'bsa-check check -h' voor hulp." \
        in unknown.stderr
    missing = run_cli("check")
    assert "Fout: Argument 'STUDENTS' ontbreekt." in missing.stderr
    bad_value = run_cli("synth", "--rows", "abc")
    assert "Fout: Ongeldige waarde voor '--rows': moet een geheel getal zijn" in bad_value.stderr
    english = run_cli("check", "bad.csv", "--frob", lang_env="C.UTF-8")
    assert "Error: No such option: --frob" in english.stderr


def test_dutch_row_errors_in_the_csv_and_xlsx_error_cell(tmp_path):
    """The 'fout' cell of csv and xlsx output is for the advisor too: in a Dutch run its text is
    Dutch ('kolom 7 (ec_jaar1): ... is geen getal; schrijf ...'), as on stderr. Before, the cell kept
    the English message and hint under a Dutch heading."""
    import csv
    import io

    import openpyxl

    result = run_dutch("bad.csv", "--format", "csv")
    assert result.returncode == 1, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
    cells = [row[7] for row in rows[1:] if row[7]]
    assert len(cells) == 16, rows
    out = tmp_path / "out.xlsx"
    result = run_dutch("bad.csv", "--output", str(out))
    assert result.returncode == 1, result.stderr
    sheet = openpyxl.load_workbook(out).worksheets[0]
    heading = [c.value for c in sheet[1]].index("fout")
    workbook_cells = [row[heading] for row in sheet.iter_rows(min_row=2, values_only=True) if row[heading]]
    assert len(workbook_cells) == 16
    for cell in cells + workbook_cells:
        assert not english_words(cell), cell
    assert any(cell.startswith("BSA310 kolom 7 (ec_jaar1): ec_jaar1 'veel' is geen getal; schrijf ")
               for cell in cells), cells
