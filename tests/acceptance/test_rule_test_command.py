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
