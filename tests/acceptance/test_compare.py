"""bsa-check compare as a user meets it: the issue's acceptance, formats, errors, exit codes, privacy."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.progress import with_progress
from tests.conftest import EXAMPLES

runner = CliRunner()
STUDENTS = EXAMPLES / "students.csv"
DATA_ROWS = len(STUDENTS.read_text(encoding="utf-8").splitlines()) - 1
AS_OF = "2026-08-20"
PAIR = ["--rules", "ho-current", "--rules", "ho-proposed-2023"]
HEADER = ("studentnummer;opleiding;collegejaar;inschrijvingsjaar;ec_jaar1;ec_totaal;deeltijd;waarschuwingsdatum;"
          "hoordatum;gespreksdatum;adviesdatum;inschrijfdatum;uitschrijfdatum;propedeuse_behaald;"
          "persoonlijke_omstandigheden;besluit_omstandigheden")
GOOD = "700001;59001;2025-2026;1;44,5;;nee;12-05-2026;03-07-2026;20-04-2026;15-08-2026;01-09-2025;;nee;geen;"


def compare(*args, lang="en"):
    return runner.invoke(app, ["compare", *map(str, args), "--as-of", AS_OF, "--lang", lang])


def as_json(*args):
    result = compare(STUDENTS, *PAIR, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_acceptance_text_shows_the_transition_matrix():
    result = runner.invoke(app, ["compare", str(STUDENTS), *PAIR, "--lang", "en"])  # the command line
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "From A: ho-current 1.1.0 to B: ho-proposed-2023 1.1.0" in out
    assert "A ↓ B →" in out and "negative (binding)" in out and "PROPOSAL, NOT LAW" in out
    matrix = out.split("A ↓ B →", 1)[1]
    negative_row = next(line for line in matrix.splitlines() if line.strip().startswith("negative (binding)"))
    assert negative_row.split()[2] != "·"  # the positive column of the negative row is not empty
    assert "── A ho-current: norm 45 EC" in out and "── B ho-proposed-2023: norm 30 EC" in out


def test_acceptance_json_totals_equal_data_rows_and_negative_moves_to_positive():
    doc = as_json("--list-changed")
    assert doc["format_version"] == 1
    # 7, not 11: the year-two students of the example were first enrolled in 2024, before the proposal's
    # start, so it never checks them (Kamerbrief nr. 1039: no transition, not retroactive)
    assert doc["totals"] == {"rows": DATA_ROWS, "compared": DATA_ROWS, "errors": 0, "changed": 7}
    t = doc["transitions"][0]
    assert (t["from_ruleset"], t["to_ruleset"]) == ("ho-current", "ho-proposed-2023")
    assert sum(c["count"] for c in t["cells"]) == DATA_ROWS
    cell = next(c for c in t["cells"] if (c["from"], c["to"]) == ("negative", "positive"))
    assert cell["count"] == 2
    moved = {s["student_id"]: s for s in doc["changed_students"]
             if [d["outcome"] for d in s["decisions"]] == ["negative", "positive"]}
    assert set(moved) == {"900002", "900017"}  # 44.5 and 30 EC: below the 45 EC norm, at or above the 30 EC cap
    reasons = [d["reason"] for d in moved["900002"]["decisions"]]
    assert "the norm is 45 EC" in reasons[0] and "the year-one norm is 30 EC" in reasons[1]
    assert reasons[1].startswith("[PROPOSAL, NOT LAW]")


def test_json_is_consistent_and_describes_the_rule_sets():
    doc = as_json()
    assert [r["name"] for r in doc["rulesets"]] == ["ho-current", "ho-proposed-2023"]
    assert [r["legal_status"] for r in doc["rulesets"]] == ["law", "proposal"]
    assert all(re.fullmatch(r"[0-9a-f]{64}", r["sha256"]) for r in doc["rulesets"])
    norms = {(r["name"], n["param"]): (n["value"], n["part_time"]) for r in doc["rulesets"] for n in r["norms"]}
    assert norms[("ho-current", "norm_ec")] == ("45", False)
    assert norms[("ho-current", "norm_ec_part_time")] == ("30", True)
    assert norms[("ho-proposed-2023", "norm_ec")] == ("30", False)
    for counts in doc["outcomes"]:
        assert sum(counts.values()) == DATA_ROWS
    assert sum(p["compared"] for p in doc["programmes"]) == DATA_ROWS
    assert sum(p["changed"] for p in doc["programmes"]) == doc["totals"]["changed"]
    hist = doc["histogram"]
    assert sum(b["count"] for b in hist["bins"]) + hist["no_value"]["count"] == DATA_ROWS
    assert len(hist["bins"]) == 13 and hist["bins"][-1] == {**hist["bins"][-1], "from": "60", "to": None}
    assert doc["changed_students"] is None  # not asked: no student numbers


def test_no_student_numbers_in_any_format_unless_asked(tmp_path):
    for fmt in ("text", "json", "markdown", "html"):
        result = compare(STUDENTS, *PAIR, "--format", fmt)
        assert result.exit_code == 0, result.output
        assert not re.search(r"9000\d\d", result.stdout), fmt
    asked = compare(STUDENTS, *PAIR, "--format", "markdown", "--list-changed")
    assert "900002" in asked.stdout and "900017" in asked.stdout and "900001" not in asked.stdout


def test_three_rule_sets_are_compared_pairwise_with_the_first():
    result = compare(STUDENTS, *PAIR, "--rules", "ho-current", "--format", "json")
    doc = json.loads(result.stdout)
    assert [(t["from"], t["to"]) for t in doc["transitions"]] == [(0, 1), (0, 2)]
    assert doc["transitions"][1]["changed"] == 0  # A -> A' is the same rule set
    assert [r["label"] for r in doc["rulesets"]] == ["A", "B", "C"]


def test_a_rule_set_without_credit_norm_has_no_marker():
    result = compare(EXAMPLES / "mbo.csv", "--rules", "mbo", "--rules", "mbo", "--format", "json")
    doc = json.loads(result.stdout)
    assert [r["norms"] for r in doc["rulesets"]] == [[], []]
    assert doc["totals"]["changed"] == 0
    text = compare(EXAMPLES / "mbo.csv", "--rules", "mbo", "--rules", "mbo").stdout
    assert "──" not in text.split("Year-one credits", 1)[1].split("█ same", 1)[0]
    html = compare(EXAMPLES / "mbo.csv", "--rules", "mbo", "--rules", "mbo", "--format", "html").stdout
    assert 'class="norm"' not in html and "has no credit norm" in html


def test_bad_rows_are_counted_located_and_totals_still_add_up(tmp_path):
    bad_cell = GOOD.replace("700001;59001;2025-2026;1;44,5", "700002;59001;2025-2026;1;4x")
    # year two with no ec_totaal: ho-current gives no advice, the proposal needs the credits -> an error row
    year_two = GOOD.replace("700001;59001;2025-2026;1;", "700003;59001;2025-2026;2;")
    path = tmp_path / "s.csv"
    path.write_text("\n".join([HEADER, GOOD, bad_cell, year_two]) + "\n", encoding="utf-8")
    result = compare(path, *PAIR, "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["totals"] == {"rows": 3, "compared": 1, "errors": 2, "changed": 1}
    first, second = doc["errors"]["listed"]
    assert (first["line"], first["code"], first["column"], first["column_name"], first["ruleset"]) == \
        (3, "BSA310", 5, "ec_jaar1", None)
    assert (second["line"], second["code"], second["column_name"], second["ruleset"]) == \
        (4, "BSA312", "ec_totaal", "ho-proposed-2023")
    assert "700002" not in result.stdout and "700003" not in result.stdout  # errors carry no student number
    assert f"{path}:3:5" in result.stderr and "BSA312" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("args, code", [
    (["--rules", "ho-current"], "BSA409"),
    ([], "BSA409"),
    (["--rules", "ho-current", "--rules", "no-such-rules"], None),
    (["--rules", "ho-current", "--rules", "ho-current", "--param", "nrom_ec=40"], "BSA402"),
])
def test_usage_errors_exit_2(args, code):
    result = compare(STUDENTS, *args)
    assert result.exit_code == 2, result.output
    if code:
        assert code in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_output_is_private_atomic_and_never_the_input(tmp_path):
    target = tmp_path / "report.html"
    result = compare(STUDENTS, *PAIR, "--output", target)  # format from the suffix
    assert result.exit_code == 0 and result.stdout == ""
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    copy = tmp_path / "s.export"  # a suffix that names no format: the input check itself refuses (issue 18
    copy.write_bytes(STUDENTS.read_bytes())  # item 4: s.csv with --format json is refused earlier, BSA434)
    before = copy.read_bytes()
    refused = compare(copy, *PAIR, "--output", copy, "--format", "json")
    assert refused.exit_code == 2 and "BSA404" in refused.stderr and copy.read_bytes() == before
    as_csv = tmp_path / "s.csv"
    as_csv.write_bytes(before)
    refused = compare(as_csv, *PAIR, "--output", as_csv, "--format", "json")
    assert refused.exit_code == 2 and "BSA434" in refused.stderr and as_csv.read_bytes() == before


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_html_is_self_contained_labelled_and_deterministic(lang):
    first = compare(STUDENTS, *PAIR, "--format", "html", lang=lang).stdout
    second = compare(STUDENTS, *PAIR, "--format", "html", lang=lang).stdout
    assert first == second  # no timestamp: same input, same bytes
    assert f'<html lang="{lang}">' in first and 'name="viewport"' in first and "@media print" in first
    lowered = first.lower()
    assert "http" not in lowered and "//" not in first
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b", lowered)
    assert not re.search(r"\b(src|href)\s*=", lowered) and "url(" not in lowered and "@import" not in lowered
    assert first.count("<svg") == 2 and 'class="norm"' in first
    assert ("PROPOSAL, NOT LAW" if lang == "en" else "VOORSTEL, GEEN WET") in first
    assert ("Proposal, not law" if lang == "en" else "Voorstel, geen wet") in first
    for sha in re.findall(r"[0-9a-f]{64}", first):
        assert len(sha) == 64
    assert len(set(re.findall(r"[0-9a-f]{64}", first))) == 2


def test_markdown_fits_a_job_summary():
    out = compare(STUDENTS, *PAIR, "--format", "markdown").stdout
    assert out.startswith("## Comparison of BSA rule sets")
    assert "| A ↓ B → | positive |" in out and "**PROPOSAL, NOT LAW**" in out
    assert "```" in out and "── B ho-proposed-2023: norm 30 EC" in out
    assert len(out.encode()) < 1024 * 1024  # GitHub's step summary limit


def test_dutch_text():
    out = compare(STUDENTS, *PAIR, lang="nl").stdout
    assert "Vergelijking van BSA-regelsets" in out and "Van A: ho-current 1.1.0 naar B" in out
    assert "22,6%" in out  # 7 of 31 students change (the year-two students are never checked: not retroactive)


def test_no_progress_or_other_noise_on_a_pipe():
    proc = subprocess.run([sys.executable, "-m", "bsa_check", "compare", str(STUDENTS), *PAIR, "--as-of", AS_OF,
                           "--format", "json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stderr == ""
    json.loads(proc.stdout)


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_only_when_slow(monkeypatch):
    monkeypatch.delenv("CI", raising=False)  # CI=true turns progress off (issue 18); this test is about terminals
    rows = list(range(5000))
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    assert list(with_progress(iter(rows), after=0)) == rows
    assert pipe.getvalue() == ""  # not a terminal: nothing, however long it runs
    tty = _Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    assert list(with_progress(iter(rows), after=3600)) == rows
    assert tty.getvalue() == ""  # a terminal, but quick: nothing
    tty = _Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    assert list(with_progress(iter(rows), after=0)) == rows
    assert "rows" in tty.getvalue()


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_a_file_without_data_rows_renders_in_every_format(tmp_path, fmt):
    path = tmp_path / "empty.csv"
    path.write_text(HEADER + "\n", encoding="utf-8")
    result = compare(path, *PAIR, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if fmt == "json":
        assert json.loads(result.stdout)["totals"] == {"rows": 0, "compared": 0, "errors": 0, "changed": 0}


def test_record_text_is_escaped_in_html_and_markdown(tmp_path):
    hostile = GOOD.replace(";59001;", ";<img src=x onerror=alert(1)>|x;")
    path = tmp_path / "s.csv"
    path.write_text(HEADER + "\n" + hostile + "\n", encoding="utf-8")
    html = compare(path, *PAIR, "--format", "html", "--list-changed").stdout
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;|x" in html
    md = compare(path, *PAIR, "--format", "markdown").stdout
    assert "<img" not in md and "&lt;img src=x onerror=alert\\(1\\)&gt;\\|x" in md


@pytest.mark.parametrize("cell", ["![a](https://x.y/p.png)", "[click](javascript:alert(1))",
                                  "<b>x</b> `y` **z** ~~s~~ &copy <i>", "[r]: https://x.y \\|a|b"])
def test_record_text_cannot_become_markdown_links_images_or_html(tmp_path, cell):
    """Review finding 13: a programme cell (and the reasons --list-changed shows) stays inert text."""
    from markdown_it import MarkdownIt

    hostile = GOOD.replace(";59001;", f";{cell};")
    path = tmp_path / "s.csv"
    path.write_text(HEADER + "\n" + hostile + "\n", encoding="utf-8")
    md = compare(path, *PAIR, "--format", "markdown", "--list-changed").stdout
    assert cell not in md  # never verbatim: escaped wherever it is shown
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md)
    assert "<img" not in html and "<a " not in html and "<b>" not in html and "<i>" not in html
    assert "<code>y</code>" not in html and "<strong>z</strong>" not in html and "<s>" not in html and "©" not in html
    # the programme is shown as it is written in the export, in the programme table
    inline = MarkdownIt("commonmark").enable(["table", "strikethrough"]).renderInline
    first_cells = [line[2:].split(" | ")[0] for line in md.splitlines() if line.startswith("| ")]
    assert cell.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") in [
        inline(x.replace("\\|", "|")) for x in first_cells]


@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "text"])
def test_pseudonymize_replaces_listed_student_numbers(monkeypatch, fmt):
    from bsa_check.privacy import KEY_ENV, Pseudonymizer

    key = "k" * 32
    monkeypatch.setenv(KEY_ENV, key)
    result = compare(STUDENTS, *PAIR, "--format", fmt, "--list-changed", "--pseudonymize")
    assert result.exit_code == 0, result.output
    assert not re.search(r"9000\d\d", result.stdout), fmt
    assert Pseudonymizer(key.encode())("900002") in result.stdout
    monkeypatch.delenv(KEY_ENV)
    missing = compare(STUDENTS, *PAIR, "--format", fmt, "--pseudonymize")
    assert missing.exit_code == 2 and "BSA408" in missing.stderr
