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
    counted = run_cli("due", str(BAD), "--as-of", "2026-03-01", "--format", "csv").stderr  # the counts on stderr
    assert "  1 positief: Norm gehaald (norm_met; buiten bereik)" in counted and "out_of_scope" not in counted


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


# English function words: none may be left in a Dutch problem line once identifiers and data are removed
PROSE = re.compile(r"\b(the|is not|should|would|must|cannot|an empty|could not|does not|has no|with|without|"
                   r"expected|quotes|it|first)\b")


def _prose(line: str) -> str:
    """A problem line without its data: the location, quoted values, backticked commands and YAML snippets."""
    line = line.split(": ", 1)[-1] if "[" in line.split(": ", 1)[0] else line
    line = re.sub(r"^\S+:\d+(:\d+)?:? ", "", line)
    return re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\{[^}]*\}", " ", line)


def test_hostile_rule_files_and_exports_are_refused_in_dutch(monkeypatch):
    from typer.testing import CliRunner

    from bsa_check.cli import app

    monkeypatch.chdir(ROOT / "tests" / "data" / "dutch")  # no configuration file above it chooses a language
    runner = CliRunner()
    hostile = ROOT / "tests" / "data" / "hostile"
    rule_files = sorted(str(p) for p in (hostile / "rules").iterdir()) + \
        sorted(str(p) for p in (ROOT / "tests" / "data" / "rules" / "invalid").glob("*.yaml"))
    lines = runner.invoke(app, ["validate", "--lang", "nl", *rule_files]).output.splitlines()
    for export in sorted((hostile / "records").iterdir()):  # in-process: 58 subprocesses would take 90 s
        result = runner.invoke(app, ["check", str(export), "--as-of", "2026-08-20", "--lang", "nl", "--format", "jsonl"])
        lines += [line for line in result.output.splitlines() if "[BSA" in line]
    # BSA100 quotes PyYAML's own (English) parser message, as data
    english = [line for line in lines if "BSA100" not in line and PROSE.search(_prose(line))]
    assert not english, "\n".join(english)
    assert any("BSA107" in line for line in lines) and any("BSA343" in line for line in lines)
    assert any("BSA308" in line for line in lines)


def test_explain_of_a_student_on_two_lines_warns_in_dutch(tmp_path):
    """The duplicate warning of explain was 'warning: student ... staat op meer dan één regel'."""
    lines = STUDENTS.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "dup.csv"
    path.write_text("\n".join([lines[0], lines[1], lines[1].replace(";59001;", ";59002;", 1)]) + "\n", encoding="utf-8")
    proc = run_cli("explain", str(path), "900001", "--as-of", "2026-08-20")
    assert proc.returncode == 1
    assert proc.stderr.startswith("waarschuwing: student 900001 staat op meer dan één regel (2, 3)"), proc.stderr
    english = run_cli("explain", str(path), "900001", "--as-of", "2026-08-20", "--lang", "en")
    assert english.stderr.startswith("warning: "), english.stderr


def test_the_api_refuses_an_unknown_student_in_dutch():
    import pytest

    import bsa_check
    from bsa_check.errors import UsageError

    with pytest.raises(UsageError) as info:
        bsa_check.explain(STUDENTS, "123", as_of="2026-08-20", lang="nl")
    assert str(info.value).endswith("(controleer het studentnummer, of het bestand)"), str(info.value)
