"""bsa-check test: the shipped rule tests pass; a wrong expectation exits 1 with a readable diff."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

from tests.conftest import ROOT

SHIPPED = ROOT / "tests" / "rules"


def bsa(*args, cwd=None):
    import os

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "bsa_check", *map(str, args)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, cwd=cwd, env=env)


def test_shipped_rule_tests_pass_and_write_junit(tmp_path):
    junit = tmp_path / "rule-tests.xml"
    proc = bsa("test", SHIPPED, "--junit-xml", junit)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    suite = ET.parse(junit).getroot().find("testsuite")
    assert int(suite.get("tests")) >= 36 and suite.get("failures") == "0" and suite.get("errors") == "0"


def test_a_wrong_expectation_fails_with_a_diff(tmp_path):
    text = (SHIPPED / "ho-current.bsa-test.yaml").read_text(encoding="utf-8")
    text = text.replace("../../bsa_check/schema", str(ROOT / "bsa_check" / "schema"))
    right = 'expect: {outcome: negative, rule: norm_not_met, missing: [], reason_contains: "44.5 EC earned"}'
    assert right in text
    wrong = tmp_path / "wrong.bsa-test.yaml"
    wrong.write_text(text.replace(right, "expect: {outcome: procedure_incomplete, rule: norm_not_met, missing: [hearing]}",
                                  1), encoding="utf-8")
    junit = tmp_path / "j.xml"
    proc = bsa("test", wrong, "--junit-xml", junit)
    assert proc.returncode == 1
    out = proc.stdout
    assert "expected" in out.lower() and "procedure_incomplete" in out and "negative" in out and "hearing" in out
    assert ET.parse(junit).getroot().find("testsuite").get("failures") == "1"


def test_no_test_files_is_a_usage_error(tmp_path):
    assert bsa("test", tmp_path).returncode == 2


def test_the_repository_pytest_configuration_is_ignored(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\nrequired_plugins = pytest-doesnotexist\naddopts = -x --bogus\n")
    case = (SHIPPED / "ho-current.bsa-test.yaml").read_text(encoding="utf-8")
    (tmp_path / "ho.bsa-test.yaml").write_text(case, encoding="utf-8")
    proc = bsa("test", tmp_path, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_test_file_may_write_records_in_an_exports_terms_through_a_mapping(tmp_path):
    # issue 17: the same --columns mapping file that reads the export reads the cases' records
    (tmp_path / "osiris.yaml").write_text(
        "columns:\n  ec_year1: Behaalde EC\n  part_time: {header: Voltijd/deeltijd, values: {VT: nee, DT: ja}}\n"
        "  warning_date: Waarschuwing verstuurd\n  hearing_date: Hoorzitting\n", encoding="utf-8")
    case = ('  - name: {name}\n    record: {{opleiding: "59001", inschrijvingsjaar: 1, "Voltijd/deeltijd": {mode}, '
            '"Behaalde EC": {ec}, "Waarschuwing verstuurd": 2026-05-12, Hoorzitting: 2026-07-03}}\n'
            '    expect: {{outcome: {outcome}}}\n')
    text = ("rules: ho-current\nas_of: 2026-08-20\ncolumns: osiris.yaml\ncases:\n"
            + case.format(name="full-time short of 45", mode="VT", ec="\"44,5\"", outcome="negative")
            + case.format(name="part-time above 30", mode="DT", ec="31", outcome="positive"))
    (tmp_path / "export-terms.bsa-test.yaml").write_text(text, encoding="utf-8")
    proc = bsa("test", tmp_path / "export-terms.bsa-test.yaml")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # without the mapping, the export's headers are not record fields
    (tmp_path / "export-terms.bsa-test.yaml").write_text(text.replace("columns: osiris.yaml\n", ""), encoding="utf-8")
    proc = bsa("test", tmp_path / "export-terms.bsa-test.yaml")
    assert proc.returncode != 0 and "unknown record field 'Voltijd/deeltijd'" in proc.stdout + proc.stderr
