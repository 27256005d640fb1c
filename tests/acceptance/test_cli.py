"""The check command as a user meets it: exit codes, located messages, no tracebacks, outputs."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app, main
from tests.conftest import EXAMPLES

runner = CliRunner()
HEADER = ("studentnummer;opleiding;collegejaar;inschrijvingsjaar;ec_jaar1;deeltijd;waarschuwingsdatum;hoordatum;adviesdatum;"
          "inschrijfdatum;uitschrijfdatum;propedeuse_behaald;persoonlijke_omstandigheden;besluit_omstandigheden")
GOOD = "900001;59001;2025-2026;1;45;nee;;;15-08-2026;01-09-2025;;nee;geen;"
DATA_ROWS = len((EXAMPLES / "students.csv").read_text(encoding="utf-8").splitlines()) - 1


def write(tmp_path, text, name="s.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def check(*args):
    return runner.invoke(app, ["check", *map(str, args), "--as-of", "2026-08-20"])


def assert_no_traceback(result):
    # CliRunner keeps an uncaught exception in result.exception; only SystemExit (typer.Exit) is expected
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def test_bad_cell_is_one_located_error_and_other_rows_still_evaluated(tmp_path):
    path = write(tmp_path, "\n".join([HEADER, GOOD, GOOD.replace("900001;59001;2025-2026;1;45", "900002;59001;2025-2026;1;4x,5"),
                                      GOOD.replace("900001;59001;2025-2026;1;45", "900003;59001;2025-2026;1;50")]) + "\n")
    result = check(path, "--format", "jsonl")
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("outcome") for r in rows] == ["positive", None, "positive"]
    error = rows[1]["error"]
    assert (error["column"], error["column_name"], rows[1]["line"]) == (5, "ec_jaar1", 3)
    # the stderr line names file:line:column and the column header, once
    lines = [ln for ln in result.stderr.splitlines() if "BSA310" in ln]
    assert len(lines) == 1 and f"{path}:3:5" in lines[0] and "ec_jaar1" in lines[0]
    assert_no_traceback(result)


def test_missing_column_names_it_and_its_aliases(tmp_path):
    path = write(tmp_path, "studentnummer;opleiding;inschrijvingsjaar;deeltijd\n1;2;1;nee\n")
    result = check(path)
    assert result.exit_code == 2
    assert "ec_year1" in result.stderr and "ec_jaar1" in result.stderr and f"{path}:1" in result.stderr
    assert_no_traceback(result)


def test_wrong_delimiter_is_one_clear_message(tmp_path):
    path = write(tmp_path, HEADER.replace(";", "|") + "\n" + GOOD.replace(";", "|") + "\n")
    result = check(path)
    assert result.exit_code == 2
    assert "delimiter" in result.stderr and f"{path}:1:" in result.stderr
    assert result.stderr.count("error[") == 1
    assert_no_traceback(result)


def test_file_neither_utf8_nor_windows_1252(tmp_path):
    path = write(tmp_path, (HEADER + "\n").encode() + GOOD.encode().replace(b"15-08-2026", b"\x81") + b"\n")
    result = check(path)
    assert result.exit_code == 2
    assert f"{path}:2:" in result.stderr and "UTF-8" in result.stderr
    assert_no_traceback(result)


def test_windows_1252_export_is_read(tmp_path):
    text = HEADER + "\n" + GOOD.replace("59001", "Pédagogie") + "\n"
    path = write(tmp_path, text, encoding="cp1252")
    result = check(path, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["programme"] == "Pédagogie"


def test_missing_file_and_unknown_rules_exit_2(tmp_path):
    result = check(tmp_path / "nope.csv")
    assert result.exit_code == 2 and "nope.csv" in result.stderr
    result = check(EXAMPLES / "students.csv", "--rules", "ho-curent")
    assert result.exit_code == 2 and "did you mean 'ho-current'" in result.stderr
    assert_no_traceback(result)


def test_bad_param_and_as_of_exit_2():
    result = check(EXAMPLES / "students.csv", "--param", "norm_ec=abc")
    assert result.exit_code == 2 and "norm_ec" in result.stderr
    result = runner.invoke(app, ["check", str(EXAMPLES / "students.csv"), "--as-of", "31-02-2026"])
    assert result.exit_code == 2 and "--as-of" in result.stderr


def test_param_changes_the_verdict():
    base = check(EXAMPLES / "students.csv", "--format", "json")
    lower = check(EXAMPLES / "students.csv", "--format", "json", "--param", "norm_ec=44,5")
    assert base.exit_code == lower.exit_code == 0
    by_id = {v["student_id"]: v["outcome"] for v in json.loads(lower.stdout)["verdicts"]}
    assert by_id["900002"] == "positive"
    assert json.loads(lower.stdout)["ruleset"]["params"] == {"norm_ec": "44,5"}


def test_json_document_shape():
    result = check(EXAMPLES / "students.csv", "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["format_version"] == 1
    assert doc["ruleset"]["name"] == "ho-current" and len(doc["ruleset"]["sha256"]) == 64
    assert doc["errors"] == []
    assert sum(doc["summary"][k] for k in doc["summary"] if k not in ("errors", "rows")) == doc["summary"]["rows"]
    assert len(doc["verdicts"]) == doc["summary"]["rows"]


def test_text_output_has_table_summary_and_placeholder_note():
    result = check(EXAMPLES / "students.csv", "--lang", "nl")
    assert result.exit_code == 0
    assert "900002" in result.stdout and "negatief (bindend)" in result.stdout and "Samenvatting" in result.stdout
    assert "voorbeeldwaarden" in result.stderr


def test_lang_from_environment():
    result = runner.invoke(app, ["check", str(EXAMPLES / "students.csv"), "--format", "jsonl"],
                           env={"LC_ALL": "nl_NL.UTF-8", "LANG": ""})
    assert "behaald" in result.stdout
    result = runner.invoke(app, ["check", str(EXAMPLES / "students.csv"), "--format", "jsonl"],
                           env={"LC_ALL": "", "LANG": "en_GB.UTF-8"})
    assert "earned" in result.stdout


def test_csv_output_neutralises_formulas(tmp_path):
    path = write(tmp_path, HEADER + "\n" + GOOD.replace("900001", "=HYPERLINK(1)") + "\n")
    result = check(path, "--format", "csv")
    assert result.exit_code == 0
    assert "'=HYPERLINK(1)" in result.stdout


def test_output_file_is_atomic_private_and_never_the_input(tmp_path):
    src = write(tmp_path, HEADER + "\n" + GOOD + "\n")
    out = tmp_path / "out.jsonl"
    result = check(src, "--format", "jsonl", "--output", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["outcome"] == "positive"
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    before = src.read_bytes()
    result = check(src, "--output", src)
    assert result.exit_code == 2 and "input" in result.stderr
    assert src.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "s.csv"]  # no temp files left


def test_bare_form_is_check(capsys):
    with pytest.raises(SystemExit) as info:
        main([str(EXAMPLES / "students.csv"), "--format", "jsonl", "--as-of", "2026-08-20"])
    assert info.value.code == 0
    assert len(capsys.readouterr().out.splitlines()) == DATA_ROWS


def test_python_dash_m_works():
    proc = subprocess.run([sys.executable, "-m", "bsa_check", str(EXAMPLES / "students.csv"), "--format", "jsonl",
                           "--as-of", "2026-08-20"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == DATA_ROWS


def test_jsonl_keeps_one_record_per_line_whatever_the_cell(tmp_path):
    # U+0085, U+2028 and U+2029 are line breaks to str.splitlines() and to some JSONL readers
    path = write(tmp_path, HEADER + "\n" + GOOD.replace("900001", "9\x850\u20281") + "\n" + GOOD + "\n")
    result = check(path, "--format", "jsonl")
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["student_id"] == "9\x850\u20281"


def test_a_misspelled_optional_column_is_refused_not_read_as_empty(tmp_path):
    # 'propedeuse' is no accepted header: read as "not passed" it would allow a binding negative (7.8b lid 2)
    path = write(tmp_path, HEADER.replace("propedeuse_behaald", "propedeuse") + "\n" + GOOD + "\n")
    result = check(path)
    assert result.exit_code == 2
    assert "propaedeutic_passed" in result.stderr and "'propedeuse' meant" in result.stderr


def test_unknown_columns_are_warned_once(tmp_path):
    path = write(tmp_path, HEADER + ";opmerking\n" + GOOD + ";x\n" + GOOD.replace("900001", "900002") + ";y\n")
    result = check(path, "--format", "jsonl")
    assert result.exit_code == 0
    assert result.stderr.count("'opmerking'") == 1


def test_every_verdict_row_names_its_rule_set(tmp_path):
    import csv as csvmod
    import io

    path = write(tmp_path, HEADER + "\n" + GOOD + "\n")
    row = json.loads(check(path, "--format", "jsonl").stdout)
    assert row["ruleset"]["name"] == "ho-current" and len(row["ruleset"]["sha256"]) == 64
    out = check(path, "--format", "csv").stdout
    record = next(csvmod.DictReader(io.StringIO(out), delimiter=";"))
    assert record["ruleset"].startswith("ho-current 1.1.0 sha256:")


def test_placeholder_note_for_every_format(tmp_path):
    path = write(tmp_path, HEADER + "\n" + GOOD + "\n")
    for fmt in ("text", "json", "jsonl", "csv"):
        assert "norm_ec" in check(path, "--format", fmt, "--lang", "en").stderr, fmt
    assert "norm_ec" not in check(path, "--format", "csv", "--param", "norm_ec=45", "--param", "norm_ec_part_time=30",
                                  "--lang", "en").stderr.split("placeholder")[0].split("note:")[-1]


def test_output_never_overwrites_the_rule_file(tmp_path):
    rules = tmp_path / "my.yaml"
    rules.write_text((EXAMPLES.parent / "rules" / "ho-current.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = rules.read_bytes()
    path = write(tmp_path, HEADER + "\n" + GOOD + "\n")
    result = check(path, "--rules", rules, "--output", rules)
    assert result.exit_code == 2 and rules.read_bytes() == before


def test_output_is_identical_across_hash_seeds():
    outputs = set()
    for seed in ("0", "1", "12345"):
        proc = subprocess.run([sys.executable, "-m", "bsa_check", str(EXAMPLES / "students.csv"), "--format", "json",
                               "--as-of", "2026-08-20", "--lang", "nl"], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_explain_shows_the_31_ec_student_differs_between_regimes(tmp_path):
    header = HEADER + ";gespreksdatum;ec_totaal"
    row = GOOD.replace(";45;nee;;;", ";31;nee;12-05-2026;03-07-2026;") + ";;"
    path = write(tmp_path, header + "\n" + row + "\n")
    result = runner.invoke(app, ["explain", str(path), "900001", "--rules", "ho-current", "--rules", "ho-proposed-2023",
                                 "--as-of", "2026-08-20", "--lang", "en"], terminal_width=200)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "under ho-current: negative (binding) (rule norm_not_met)" in out
    assert "under ho-proposed-2023: positive (rule year1_norm_met)" in out
    assert "The outcome differs between the rule sets." in out
    assert "14 EC short of the 45 EC norm" in out and "[PROPOSAL, NOT LAW]" in out


def test_explain_unknown_student_is_a_usage_error(tmp_path):
    path = write(tmp_path, HEADER + "\n" + GOOD + "\n")
    result = runner.invoke(app, ["explain", str(path), "424242"])
    assert result.exit_code == 2 and "424242" in result.stderr and "1 data rows" in result.stderr


def test_a_rule_file_raising_the_proposal_cap_is_refused_for_verdicts(tmp_path):
    src = (EXAMPLES.parent / "rules" / "ho-proposed-2023.yaml").read_text(encoding="utf-8")
    raised = tmp_path / "prop35.yaml"
    raised.write_text(src.replace("      max: 30", "      max: 40").replace("      2025-09-01: 30\n", "      2025-09-01: 35\n"),
                      encoding="utf-8")
    result = check(EXAMPLES / "students.csv", "--rules", raised)
    assert result.exit_code == 2 and "BSA251" in result.stderr and "nr. 1039" in result.stderr
    relabelled = tmp_path / "proplaw.yaml"
    relabelled.write_text(src.replace("legal_status: proposal", "legal_status: law"), encoding="utf-8")
    result = check(EXAMPLES / "students.csv", "--rules", relabelled)
    assert result.exit_code == 2 and "BSA255" in result.stderr


def test_mbo_circumstances_are_an_open_list(tmp_path):
    header = "studentnummer;opleiding;inschrijvingsjaar;voorgenomen_advies;startdatum_opleiding;opleidingsduur;" \
             "persoonlijke_omstandigheden;besluit_omstandigheden;uitschrijfdatum"
    path = write(tmp_path, header + "\n1;25180;1;negatief;01-09-2025;3;geldzorgen;;\n")
    result = check(path, "--rules", "mbo", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outcome"] == "needs_review"
    # the HO list stays exclusive (Uitvoeringsbesluit WHW art. 2.1 'uitsluitend')
    ho = write(tmp_path, HEADER + "\n" + GOOD.replace(";geen;", ";geldzorgen;") + "\n", name="ho.csv")
    assert check(ho, "--format", "jsonl").exit_code == 1


def test_explain_flags_a_student_id_on_two_lines(tmp_path):
    path = write(tmp_path, HEADER + "\n" + GOOD + "\n" + GOOD.replace(";45;", ";20;") + "\n")
    result = runner.invoke(app, ["explain", str(path), "900001", "--as-of", "2026-08-20", "--lang", "en"])
    assert result.exit_code == 1
    assert "appears on more than one line (2, 3)" in result.stderr


def test_a_per_programme_norm_keeps_rows_of_other_programmes_apart(tmp_path):
    """Rows that differ only in programme share a verdict only when no parameter varies by
    programme: minimal.yaml's norm is 40 EC, 36 EC for 59002, so 38 EC differs between the two."""
    rules = EXAMPLES.parent / "tests" / "data" / "rules" / "valid" / "minimal.yaml"
    header = ("studentnummer;opleiding;collegejaar;ec_jaar1;waarschuwingsdatum;hoordatum;adviesdatum;propedeuse_behaald;"
              "persoonlijke_omstandigheden;besluit_omstandigheden")
    rows = ["1;59001;2025-2026;38;01-03-2026;01-04-2026;15-08-2026;;;", "2;59002;2025-2026;38;01-03-2026;01-04-2026;15-08-2026;;;",
            "3;59001;2025-2026;38;01-03-2026;01-04-2026;15-08-2026;;;"]
    path = write(tmp_path, "\n".join([header, *rows]) + "\n")
    result = runner.invoke(app, ["check", str(path), "--rules", str(rules), "--as-of", "2026-08-20", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    got = [(r["programme"], r["outcome"], r["rule"]) for r in map(json.loads, result.stdout.splitlines())]
    assert got == [("59001", "negative", "not_met"), ("59002", "positive", "met"), ("59001", "negative", "not_met")]
