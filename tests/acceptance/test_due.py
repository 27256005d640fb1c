"""``bsa-check due``: the steps still needed, with their last day, from the rule set alone.

Every bundled and gallery rule set runs; deadlines come from the rule set's parameters (the warning
by the earliest advice date minus the warning period; the MBO window from the student's own start);
steps are sorted by deadline; students not listed are counted; every format and both languages.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()

PAIRS = [("ho-current", EXAMPLES / "students.csv"), ("ho-proposed-2023", EXAMPLES / "students.csv"),
         ("mbo", EXAMPLES / "mbo.csv")]
PAIRS += [(str(p), p.with_suffix(".csv")) for p in sorted((EXAMPLES / "oer").glob("*.yaml"))]


def _jsonl(args: list[str]) -> tuple[list[dict], dict]:
    result = runner.invoke(app, ["due", *args, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert objs[-1]["kind"] == "summary"
    return objs[:-1], objs[-1]


@pytest.mark.parametrize(("rules", "students"), PAIRS, ids=[Path(r).stem for r, _ in PAIRS])
@pytest.mark.parametrize("as_of", ["2025-10-15", "2026-02-01"])
def test_due_runs_for_every_bundled_and_gallery_rule_set(rules, students, as_of):
    steps, summary = _jsonl([str(students), "--rules", rules, "--as-of", as_of])
    # every student is listed or counted, none lost
    assert summary["listed_students"] + sum(c["count"] for c in summary["not_listed"]) == summary["students"]
    assert len({(s["student_id"], s["line"]) for s in steps}) == summary["listed_students"]
    keys = [(0 if s["too_late"] else 1 if s["latest"] else 2, s["latest"] or "") for s in steps]
    assert keys == sorted(keys), "not sorted by deadline"
    for s in steps:
        assert s["basis"] and s["what"] and s["rule"]
        if s["latest"] and s["kind"] == "step":
            assert as_of <= s["latest"] <= s["advice_from"]


def _write(tmp_path: Path, header: str, *rows: str) -> str:
    path = tmp_path / "s.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return str(path)


HO_HEADER = ("studentnummer;opleiding;collegejaar;inschrijvingsjaar;inschrijfdatum;ec_jaar1;deeltijd;"
             "propedeuse_behaald;persoonlijke_omstandigheden;besluit_omstandigheden;uitschrijfdatum;waarschuwingsdatum;hoordatum")


def test_ho_warning_due_by_earliest_advice_date_minus_warning_period(tmp_path):
    f = _write(tmp_path, HO_HEADER, "1;59001;2025;1;01-09-2025;10;nee;nee;geen;;;;",
               "2;59001;2025;1;01-09-2025;50;nee;nee;geen;;;;",
               "3;59001;2025;1;01-09-2025;10;nee;nee;geen;;;01-03-2026;")
    steps, summary = _jsonl([f, "--as-of", "2025-10-15"])
    by = {(s["student_id"], s["step"]): s for s in steps}
    # earliest_advice 1 June, warning_period_days 28: the warning by 4 May
    assert by[("1", "warning")]["latest"] == "2026-05-04"
    assert by[("1", "warning")]["advice_from"] == "2026-06-01"
    assert by[("1", "warning")]["advice_until"] == "2026-08-31"
    assert by[("1", "hearing")]["latest"] == "2026-06-01"
    assert ("3", "warning") not in by  # recorded in time: not listed
    assert by[("3", "hearing")]["earliest"] == "2026-03-01"  # after the warning
    assert summary["not_listed"] == [{"status": "out_of_scope", "outcome": "positive", "rule": "norm_met",
                                      "title": "Norm met", "count": 1}]
    # --param changes the deadline: the rule set, not Python, decides it
    steps, _ = _jsonl([f, "--as-of", "2025-10-15", "--param", "warning_period_days=42"])
    assert {(s["student_id"], s["step"]): s["latest"] for s in steps}[("1", "warning")] == "2026-04-20"
    # --within: only what falls due within the days given
    steps, summary = _jsonl([f, "--as-of", "2026-04-25", "--within", "20"])
    assert {(s["student_id"], s["step"]) for s in steps} == {("1", "warning")}
    # student 3 (only the hearing, due 1 June) is counted, not lost
    assert summary["later_students"] == 1
    assert summary["listed_students"] + summary["later_students"] + sum(c["count"] for c in summary["not_listed"]) == 3


def test_mbo_window_runs_from_the_students_own_start(tmp_path):
    header = ("studentnummer;opleiding;inschrijvingsjaar;voorgenomen_advies;startdatum_opleiding;opleidingsduur;niveau;"
              "voortgangsgesprekken;geboortedatum;startkwalificatie;alternatief_aangeboden;persoonlijke_omstandigheden;besluit_omstandigheden;uitschrijfdatum")
    f = _write(tmp_path, header, "A;25180;1;negatief;01-11-2025;3;4;2;01-01-2000;ja;nee;geen;;",
               "B;25180;1;negatief;01-09-2025;1;2;0;01-01-2010;nee;nee;geen;;")
    steps, _ = _jsonl([f, "--rules", "mbo", "--as-of", "2025-11-15"])
    a = {s["step"]: s for s in steps if s["student_id"] == "A"}
    assert a["warning"]["advice_from"] == "2026-08-01" and a["warning"]["advice_until"] == "2026-11-01"
    assert a["warning"]["latest"] == "2026-07-04"  # 28 days' improvement period before the advice
    b = {s["step"]: s for s in steps if s["student_id"] == "B"}
    # a one-year programme: 3 to 4 months; a warning today leaves its improvement period by 13 December
    assert b["warning"]["advice_from"] == "2025-12-13" and b["warning"]["advice_until"] == "2026-01-01"
    # one study-progress conversation is the legal floor (min_progress_talks 1, domain.md §12)
    assert b["progress_talks"]["record"] == {"progress_talks": 1}
    assert b["alternative_offered"]["record"] == {"alternative_offered": True}


def test_a_proposal_is_labelled(tmp_path):
    result = runner.invoke(app, ["due", str(EXAMPLES / "students.csv"), "--rules", "ho-proposed-2023", "--as-of",
                                 "2026-03-01", "--lang", "en"])
    assert result.exit_code == 0 and "This rule set is a proposal, not law" in result.stdout
    _, summary = _jsonl([str(EXAMPLES / "students.csv"), "--rules", "ho-proposed-2023", "--as-of", "2026-03-01"])
    assert summary["ruleset"]["legal_status"] == "proposal"


def test_text_and_csv_in_both_languages(tmp_path):
    f = _write(tmp_path, HO_HEADER, "1;59001;2025;1;01-09-2025;10;nee;nee;geen;;;;")
    en = runner.invoke(app, ["due", f, "--as-of", "2025-10-15", "--lang", "en"])
    nl = runner.invoke(app, ["due", f, "--as-of", "2025-10-15", "--lang", "nl"])
    assert en.exit_code == nl.exit_code == 0
    assert "by 04-05-2026" in en.stdout or "by 2026-05-04" in en.stdout
    assert "a written warning" in en.stdout and "WHW art. 7.8b lid 4" in en.stdout
    assert "uiterlijk" in nl.stdout and "een schriftelijke waarschuwing" in nl.stdout
    out = tmp_path / "due.csv"
    result = runner.invoke(app, ["due", f, "--as-of", "2025-10-15", "--output", str(out)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")), delimiter=";"))
    assert [r["step"] for r in rows] == ["warning", "hearing"]
    assert rows[0]["latest"] == "2026-05-04"


def test_bad_row_is_one_located_error_and_exit_1(tmp_path):
    f = _write(tmp_path, HO_HEADER, "1;59001;2025;1;01-09-2025;tien;nee;nee;geen;;;;", "2;59001;2025;1;01-09-2025;10;nee;nee;geen;;;;")
    result = runner.invoke(app, ["due", f, "--as-of", "2025-10-15", "--format", "jsonl"])
    assert result.exit_code == 1
    assert "s.csv:2" in result.stderr
    assert '"student_id": "2"' in result.stdout


def test_terminal_escapes_in_cells_are_shown_not_run(tmp_path):
    f = _write(tmp_path, HO_HEADER, "\x1b[31mX;59001;2025;1;01-09-2025;10;nee;nee;geen;;;;")
    result = runner.invoke(app, ["due", f, "--as-of", "2025-10-15"])
    assert "\x1b" not in result.stdout and "\\x1b[31mX" in result.stdout


AALBURG = EXAMPLES / "oer" / "universiteit-aalburg.yaml"
UA_HEADER = ("studentnummer;opleiding;collegejaar;uitschrijfdatum;inschrijvingsjaar;propedeuse_behaald;"
             "persoonlijke_omstandigheden;besluit_omstandigheden;waarschuwingsdatum;hoordatum;adviesdatum;resultaten;"
             "beroep_hardheidsclausule;openstaande_herkansingen")
ALL_FAILED = "PSY101:3|STAT1:3|METH1:3|BIO1:3|SOC1:3|DEV1:3|STAT2:3|COG1:3|CLIN1:3|ACAD1:3|ELEC1:3|ELEC2:3"


def test_reachable_with_the_units_still_open(tmp_path):
    """Every unit failed and no resit to come: the norm is out of reach; the same with resits to
    come, or with units not yet taken, it is still reachable (the rule set's own catalogue)."""
    f = _write(tmp_path, UA_HEADER,
               f"A;56604;2025;;1;;;;;;;{ALL_FAILED};;",
               f"B;56604;2025;;1;;;;;;;{ALL_FAILED};;PSY101|STAT1|METH1|BIO1|SOC1|DEV1|STAT2|COG1|CLIN1|ACAD1|ELEC1",
               "C;56604;2025;;1;;;;;;;PSY101:3;;")
    steps, _ = _jsonl([f, "--rules", str(AALBURG), "--as-of", "2026-02-01"])
    reach = {s["student_id"]: s["reachable"] for s in steps if s["kind"] == "step"}
    assert reach == {"A": False, "B": True, "C": True}
    # a rule set without unit results cannot know: unknown, not a guess
    steps, _ = _jsonl([_write(tmp_path, HO_HEADER, "1;59001;2025;1;01-09-2025;10;nee;nee;geen;;;;"), "--as-of", "2025-10-15"])
    assert {s["reachable"] for s in steps} == {None}


def test_due_and_letters_read_an_export_as_check_does(tmp_path, monkeypatch):
    """design.md: check, explain, compare, test, due and letters read a record the same way. The review
    found due and letters without --columns/--sheet and blind to the configured mapping and rule set:
    an export whose warning column is "Waarschuwing verstuurd" stopped them (BSA342) while check read
    it, and letters wrote binding letters under ho-current where the configuration named another set."""
    header = HO_HEADER.replace("waarschuwingsdatum", "Waarschuwing verstuurd")
    export = _write(tmp_path, header, "S1;59001;2025-2026;1;01-09-2025;20;nee;nee;geen;;;01-03-2026;")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  warning_date: Waarschuwing verstuurd\n", encoding="utf-8")
    refused = runner.invoke(app, ["due", export, "--as-of", "2026-04-01", "--format", "jsonl"])
    assert refused.exit_code == 2 and "BSA342" in refused.output
    steps, summary = _jsonl([export, "--as-of", "2026-04-01", "--columns", str(mapping)])
    assert [s["step"] for s in steps if s["student_id"] == "S1"] == ["hearing"]  # the warning was read
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".bsa-check.yaml").write_text("columns: map.yaml\nrules: ho-proposed-2023\n", encoding="utf-8")
    letters = runner.invoke(app, ["letters", export, "--kind", "advice", "--as-of", "2026-08-15",
                                  "--output", str(tmp_path / "out")])
    assert letters.exit_code == 2 and "BSA807" in letters.output  # the configured proposal: no letters on it
    steps, _ = _jsonl([export, "--as-of", "2026-04-01", "--rules", "ho-current"])  # mapping from the configuration
    assert [s["step"] for s in steps if s["student_id"] == "S1"] == ["hearing"]


def test_due_and_letters_name_programmes_on_a_default_value(tmp_path):
    """Issue 14 item 8 (BSA327): rows of a programme that no per-programme value matches fall back to the
    default, said once on stderr. The review found due and letters silent where check warns, while
    letters wrote binding letters on the default."""
    import csv
    import io

    source = (EXAMPLES / "oer" / "hogeschool-rijnmond.csv").read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(source.splitlines()[0], delimiters=";,")
    rows = list(csv.reader(io.StringIO(source), dialect))
    col = [h.strip().lower() for h in rows[0]].index("opleiding")
    for row in rows[1:]:
        if row:
            row[col] = "99999"
    out = io.StringIO()
    csv.writer(out, dialect, lineterminator="\n").writerows(rows)
    export = tmp_path / "r.csv"
    export.write_text(out.getvalue(), encoding="utf-8")
    rules = str(EXAMPLES / "oer" / "hogeschool-rijnmond.yaml")
    checked = runner.invoke(app, ["check", str(export), "--rules", rules, "--as-of", "2026-08-20", "--format", "jsonl"])
    assert "BSA327" in checked.stderr and "99999" in checked.stderr
    due = runner.invoke(app, ["due", str(export), "--rules", rules, "--as-of", "2026-03-01", "--format", "jsonl"])
    assert "BSA327" in due.stderr and "99999" in due.stderr
    letters = runner.invoke(app, ["letters", str(export), "--rules", rules, "--kind", "advice", "--as-of", "2026-08-20",
                                  "--output", str(tmp_path / "l")])
    assert "BSA327" in letters.stderr and "99999" in letters.stderr
