"""Dutch everywhere, beyond ``check`` (issue 18 item 5): ``due``'s row errors, ``letters``' summary,
``codes``' listing, ``explain``'s shifted dates and a ``--param`` error in a Dutch locale hold no English."""

from __future__ import annotations

import re

from tests.acceptance.test_dutch import english_words, run_cli
from tests.conftest import ROOT

BAD = ROOT / "tests" / "data" / "dutch" / "bad.csv"
STUDENTS = ROOT / "examples" / "students.csv"


def test_due_row_errors_are_dutch():
    proc = run_cli("due", str(BAD), "--as-of", "2026-03-01")
    errors = [line for line in proc.stderr.splitlines() if "BSA3" in line]
    assert errors and all(line.startswith("fout[BSA3") for line in errors), errors
    assert not [w for line in errors for w in english_words(line.split(": ", 2)[-1])]


def test_letters_summary_is_dutch(tmp_path):
    proc = run_cli("letters", str(STUDENTS), "--kind", "advice", "--output", str(tmp_path / "out"),
                   "--as-of", "2026-08-20")
    refused = [line for line in proc.stdout.splitlines() if "[BSA81" in line]
    assert refused and all(re.match(r"  geweigerd\[BSA81\d\]: \d+ \(regel \d+\): ", line) for line in refused)
    assert "zonder brief: geen advies" in proc.stdout and "no_advice" not in proc.stdout
    warning = run_cli("letters", str(ROOT / "tests" / "data" / "letters" / "ho-warning.csv"), "--kind", "warning",
                      "--output", str(tmp_path / "w"), "--as-of", "2026-03-01")
    assert "zonder brief: geen waarschuwing nodig" in warning.stdout
    english = run_cli("letters", str(STUDENTS), "--kind", "advice", "--output", str(tmp_path / "en"),
                      "--as-of", "2026-08-20", "--lang", "en")
    assert "  refused[BSA810]: " in english.stdout and "without a letter: no_advice" in english.stdout


def test_codes_listing_is_dutch():
    proc = run_cli("codes")
    assert proc.returncode == 0
    severities = {line.split()[1] for line in proc.stdout.splitlines()}
    assert severities == {"fout", "waarschuwing"}


def test_explain_names_date_shifts_in_dutch():
    proc = run_cli("explain", str(STUDENTS), "900006", "--as-of", "2026-08-20")
    assert "warning_date + warning_period_days dagen = " in proc.stdout
    assert not re.search(r"[+-] \S+ (days|months|years?) =", proc.stdout)


def test_a_bad_param_value_is_dutch():
    proc = run_cli("check", str(STUDENTS), "--param", "norm_ec=abc")
    assert proc.returncode == 2
    assert "--param norm_ec='abc' is geen getal; schrijf studiepunten als 45, 44,5 of 44.5" in proc.stderr


def test_several_missing_columns_are_dutch():
    # each missing column names its Dutch header: the list's template applies before an item's
    proc = run_cli("check", str(BAD), "--rules", "mbo", "--as-of", "2026-08-20")
    line = next(line for line in proc.stderr.splitlines() if "BSA306" in line)
    assert "ontbrekende kolommen " in line and "also accepted" not in line and line.count("(ook goed: ") >= 2
