"""bsa-check test in Dutch (issue 18 item 5): --lang, then the configuration, then LC_ALL/LANG choose the
language; in Dutch every line the command writes is Dutch (pytest's English report only with --verbose)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import ROOT

SHIPPED = ROOT / "tests" / "rules"
RIGHT = 'expect: {outcome: negative, rule: norm_not_met, missing: [], reason_contains: "44.5 EC earned"}'
WRONG = 'expect: {outcome: procedure_incomplete, rule: norm_not_met, missing: [hearing], reason_contains: "zzz"}'
# pytest's and the English report's own words; none may appear in a Dutch run's lines  (`rules:` is the key)
ENGLISH = re.compile(r"\b(passed|failed|FAILED|FAILURES|expected|actual|case|rules(?!:)|as of|decided|collected|session|"
                     r"error|no such|not a rule test|cannot be loaded|summary|interrupted)\b")


def bsa(*args, cwd, lang_env=None):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG", "LC_MESSAGES", "LANGUAGE")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    if lang_env:
        env["LC_ALL"] = lang_env
    return subprocess.run([sys.executable, "-m", "bsa_check", *map(str, args)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, cwd=cwd, env=env)


@pytest.fixture
def wrong(tmp_path):
    text = (SHIPPED / "ho-current.bsa-test.yaml").read_text(encoding="utf-8")
    text = text.replace("../../bsa_check/schema", str(ROOT / "bsa_check" / "schema"))
    assert RIGHT in text
    path = tmp_path / "wrong.bsa-test.yaml"
    path.write_text(text.replace(RIGHT, WRONG, 1), encoding="utf-8")
    return path


def _own_lines(out: str) -> list[str]:
    """The report's lines without the quoted data: the reason (in the test file's language, English here),
    case names and node ids (written by the user), and quoted texts."""
    lines = []
    for line in out.splitlines():
        if "reden (en):" in line:
            continue
        line = re.sub(r"'[^']*'|\"[^\"]*\"", "''", line)  # quoted case names and texts: the user's words
        line = re.sub(r"::.*$", "", line)  # MISLUKT file::case name
        lines.append(line)
    return lines


@pytest.mark.parametrize("how", ["--lang", "LC_ALL"])
def test_a_failing_case_is_reported_in_dutch(tmp_path, wrong, how):
    junit = tmp_path / "j.xml"
    args = ("test", wrong, "--junit-xml", junit, *(("--lang", "nl") if how == "--lang" else ()))
    proc = bsa(*args, cwd=tmp_path, lang_env="nl_NL.UTF-8" if how == "LC_ALL" else "C.UTF-8")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout
    assert "MISLUKT wrong.bsa-test.yaml::" in out and "geval 'gap' mislukt" not in out  # (the case's own name)
    assert re.search(r"wrong\.bsa-test\.yaml:\d+:\d+: geval '.*' mislukt", out)
    assert re.search(r"  regels ho-current, peildatum \d\d-\d\d-\d{4}", out)
    assert re.search(r"uitkomst: +verwacht  procedure_incomplete\n +werkelijk negative", out)
    assert re.search(r"ontbreekt: +verwacht  \[hearing\]\n +werkelijk \[\]", out)
    assert re.search(r"reden: +verwacht  bevat 'zzz'\n +werkelijk niet gevonden in de reden hieronder", out)
    assert re.search(r"beslisregel: +norm_not_met \(zoals verwacht\)", out)
    assert re.search(r"^wrong\.bsa-test\.yaml: \d+ geslaagd, 1 mislukt$", out, re.MULTILINE)
    assert re.search(r"^\d+ gevallen: \d+ geslaagd, 1 mislukt \(\d+,\d\d s\)$", out, re.MULTILINE)
    english = [line for line in _own_lines(out) if ENGLISH.search(line)]
    assert not english, english
    assert "test session starts" not in out and proc.stderr == ""
    assert ET.parse(junit).getroot().find("testsuite").get("failures") == "1"  # the same JUnit XML


def test_english_stays_pytests_report(tmp_path, wrong):
    proc = bsa("test", wrong, "--lang", "en", cwd=tmp_path, lang_env="nl_NL.UTF-8")  # --lang before LC_ALL
    assert proc.returncode == 1
    assert "test session starts" in proc.stdout and re.search(r"\d+ passed", proc.stdout)
    assert "expected procedure_incomplete" in proc.stdout and "actual   negative" in proc.stdout


def test_the_configuration_chooses_dutch(tmp_path, wrong):
    (tmp_path / ".bsa-check.yaml").write_text("lang: nl\n", encoding="utf-8")
    proc = bsa("test", wrong, cwd=tmp_path, lang_env="C.UTF-8")
    assert proc.returncode == 1 and "verwacht" in proc.stdout and "passed" not in proc.stdout


def test_verbose_shows_pytests_own_report_with_dutch_failures(tmp_path, wrong):
    proc = bsa("test", wrong, "--lang", "nl", "--verbose", cwd=tmp_path)
    assert proc.returncode == 1
    assert "PASSED" in proc.stdout and "FAILURES" in proc.stdout  # pytest's words, asked for
    assert "werkelijk negative" in proc.stdout  # the case's report still in Dutch


def test_quiet_leaves_out_the_file_lines(tmp_path):
    case = (SHIPPED / "ho-current.bsa-test.yaml").read_text(encoding="utf-8")
    (tmp_path / "ho.bsa-test.yaml").write_text(case, encoding="utf-8")
    proc = bsa("test", tmp_path, "--lang", "nl", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1 and re.fullmatch(r"\d+ gevallen: \d+ geslaagd \(\d+,\d\d s\)", lines[0])


def test_usage_errors_and_load_errors_in_dutch(tmp_path):
    missing = bsa("test", tmp_path / "nope", "--lang", "nl", cwd=tmp_path)
    assert missing.returncode == 2 and "bestand of map bestaat niet" in missing.stderr
    other = tmp_path / "x.yaml"
    other.write_text("a: 1\n", encoding="utf-8")
    wrong_name = bsa("test", other, "--lang", "nl", cwd=tmp_path)
    assert wrong_name.returncode == 2 and "geen regeltestbestand (de naam moet eindigen op .bsa-test.yaml)" in \
        wrong_name.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    none = bsa("test", empty, "--lang", "nl", cwd=tmp_path)
    assert none.returncode == 2 and "geen *.bsa-test.yaml-bestanden onder" in none.stderr
    (tmp_path / "abs.bsa-test.yaml").write_text(
        "rules: /etc/x.yaml\nas_of: 2026-08-20\ncases:\n  - name: a\n    record: {programme: '1'}\n"
        "    expect: {outcome: positive}\n", encoding="utf-8")
    loaded = bsa("test", tmp_path / "abs.bsa-test.yaml", "--lang", "nl", cwd=tmp_path)
    assert loaded.returncode == 1
    assert "het regeltestbestand kan niet worden geladen" in loaded.stdout
    assert "rules: '/etc/x.yaml' is een absoluut pad (noem een meegeleverde regelset" in loaded.stdout
    assert not [line for line in _own_lines(loaded.stdout) if ENGLISH.search(line)]
