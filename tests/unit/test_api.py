"""The Python API (issue 18 item 7): ``import bsa_check`` gives check, explain and compare, built on the
same reader, refusal and service as the command line; the README's example is run here."""

from __future__ import annotations

import doctest
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import bsa_check
from bsa_check.errors import BsaCheckError, ErrorList, RecordError, UsageError

ROOT = Path(__file__).resolve().parents[2]
STUDENTS = ROOT / "examples" / "students.csv"
AS_OF = "2026-08-01"


def _cli_jsonl(*args: str) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "bsa_check", "check", *args, "--format", "jsonl", "--as-of", AS_OF,
                           "--lang", "en"], capture_output=True, text=True, cwd=ROOT)
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_readme_example_runs() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### From Python: `import bsa_check`", 1)[1].split("\n### ", 1)[0]
    test = doctest.DocTestParser().get_doctest(section, {}, "README", "README.md", 0)
    assert len(test.examples) >= 10
    runner = doctest.DocTestRunner()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        runner.run(test)
    finally:
        os.chdir(cwd)
    assert runner.summarize(verbose=False).failed == 0


def test_check_path_equals_the_command_line() -> None:
    ours = [r.as_dict() for r in bsa_check.check(STUDENTS, as_of=AS_OF, lang="en")]
    theirs = _cli_jsonl(str(STUDENTS))
    assert len(ours) == len(theirs) == 31
    assert ours == theirs


def test_file_objects_binary_and_text_give_the_same_results() -> None:
    by_path = [(r.line, r.student_id, r.outcome) for r in bsa_check.check(str(STUDENTS), as_of=AS_OF)]
    with open(STUDENTS, "rb") as f:
        binary = [(r.line, r.student_id, r.outcome) for r in bsa_check.check(f, as_of=AS_OF)]
    text = io.StringIO(STUDENTS.read_text(encoding="utf-8-sig"))
    from_text = [(r.line, r.student_id, r.outcome) for r in bsa_check.check(text, as_of=AS_OF)]
    assert by_path == binary == from_text


def test_a_workbook_file_object_is_read_as_a_workbook(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["studentnummer", "opleiding", "collegejaar", "inschrijvingsjaar", "inschrijfdatum", "uitschrijfdatum",
               "ec_jaar1", "deeltijd", "propedeuse_behaald", "persoonlijke_omstandigheden", "besluit_omstandigheden",
               "waarschuwingsdatum", "hoordatum", "adviesdatum"])
    ws.append(["900001", "59001", "2025-2026", 1, date(2025, 9, 1), None, 45, "nee", "nee", "geen", None, None, None,
               date(2026, 8, 15)])
    path = tmp_path / "s.xlsx"
    wb.save(path)
    with open(path, "rb") as f:
        got = [(r.line, r.outcome) for r in bsa_check.check(f, as_of=AS_OF)]
    assert got == [(2, "positive")]


def _dicts() -> list[dict]:
    import csv

    with open(STUDENTS, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def test_dicts_give_the_verdicts_of_the_file() -> None:
    rows = _dicts()
    from_file = [(r.student_id, r.outcome, r.reason) for r in bsa_check.check(STUDENTS, as_of=AS_OF)]
    from_dicts = [(r.student_id, r.outcome, r.reason) for r in bsa_check.check(iter(rows), as_of=AS_OF)]
    assert from_dicts == from_file
    assert [r.line for r in bsa_check.check(rows, as_of=AS_OF)] == list(range(1, len(rows) + 1))


def test_every_item_gives_one_result_bad_ones_located() -> None:
    rows = _dicts()
    items = [None, rows[0], {}, dict(rows[1], extra="x"), "text", rows[2]]
    got = list(bsa_check.check(items, as_of=AS_OF))
    assert [r.line for r in got] == [1, 2, 3, 4, 5, 6]
    assert [r.error_code for r in got] == ["BSA430", None, "BSA430", "BSA431", "BSA430", None]
    assert [r.outcome for r in got] == [None, "positive", None, None, None, "negative"]
    assert got[3].student_id == rows[1]["studentnummer"]
    assert "x" not in got[3].error.replace("extra", "")  # the key is named, never the cell's value


def test_a_dutch_run_gives_dutch_row_errors() -> None:
    """``error`` is the located message as the command line prints it, so in the run's language:
    lang='nl' gives the Dutch message and hint (it kept the English ones)."""
    rows = _dicts()
    bad = dict(rows[0], ec_jaar1="veel")
    nl = next(iter(bsa_check.check([bad], as_of=AS_OF, lang="nl")))
    assert nl.error_code == "BSA310"
    assert nl.error.endswith("ec_jaar1 'veel' is geen getal (schrijf studiepunten als 45, 44,5 of 44.5)"), nl.error
    en = next(iter(bsa_check.check([bad], as_of=AS_OF, lang="en")))
    assert en.error.endswith("ec_jaar1 'veel' is not a number (write credits like 45, 44,5 or 44.5)"), en.error


def test_a_bad_dict_cell_is_located_by_item_and_key() -> None:
    """'<records>:3:7 (ec_jaar1)': item 3, its 7th key; it was "<records>:''!G3", an empty sheet name
    quoted as Excel would quote one."""
    rows = _dicts()[:3]
    rows[2] = dict(rows[2], ec_jaar1="veel")
    got = list(bsa_check.check(rows, as_of=AS_OF))[2]
    assert got.error_code == "BSA310"
    assert got.error.startswith("<records>:3:7 (ec_jaar1): ec_jaar1 'veel' is not a number"), got.error


def test_dict_cells_are_parsed_as_typed_cells() -> None:
    base = {k: v for k, v in _dicts()[0].items()}
    typed = dict(base, inschrijfdatum=date(2025, 9, 1), ec_jaar1=45, adviesdatum=date(2026, 8, 15))
    assert next(iter(bsa_check.check([typed], as_of=AS_OF))).outcome == "positive"
    bad_date = dict(base, ec_jaar1=date(2026, 1, 1))  # a date where credits are expected: BSA341
    assert next(iter(bsa_check.check([bad_date], as_of=AS_OF))).error_code == "BSA341"
    number_id = dict(base, studentnummer=900001)  # a number where text is expected: leading zeros may be gone
    assert next(iter(bsa_check.check([number_id], as_of=AS_OF))).error_code == "BSA340"


def test_a_missing_column_raises_before_any_result() -> None:
    with pytest.raises(RecordError) as info:
        bsa_check.check([{"studentnummer": "1", "opleiding": "59001"}], as_of=AS_OF)
    assert info.value.code == "BSA306"


def test_an_unusable_rule_set_is_refused_as_the_cli_refuses_it(tmp_path: Path) -> None:
    source = (ROOT / "rules" / "ho-current.yaml").read_text(encoding="utf-8")
    bad = source.replace("      2011-09-01: 45\n  norm_ec_part_time:", "      2011-09-01: 75\n  norm_ec_part_time:", 1)
    assert bad != source
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "bsa_check", "check", str(STUDENTS), "--rules", str(path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert cli.returncode == 2
    with pytest.raises((ErrorList, BsaCheckError)) as info:
        bsa_check.check(STUDENTS, rules=path, as_of=AS_OF)
    codes = [e.code for e in info.value.errors] if isinstance(info.value, ErrorList) else [info.value.code]
    assert all(code in cli.stderr for code in codes)


def test_explain_and_compare() -> None:
    text = bsa_check.explain(STUDENTS, "900003", as_of=AS_OF, lang="nl")
    assert text.startswith("Student 900003") or "900003" in text.splitlines()[0]
    both = bsa_check.explain(STUDENTS, "900003", rules=["ho-current", "ho-proposed-2023"], as_of=AS_OF, lang="en")
    assert "ho-proposed-2023" in both and both.count("Checks in order") == 2
    with pytest.raises(UsageError) as info:
        bsa_check.explain(STUDENTS, "nobody", as_of=AS_OF)
    assert info.value.code == "BSA407"
    cmp = bsa_check.compare(STUDENTS, ["ho-current", "ho-proposed-2023"], as_of=AS_OF)
    ours = {o: n for o, n in cmp.outcome_counts(0).items() if n}
    cli = _cli_jsonl(str(STUDENTS))
    from collections import Counter

    assert ours == dict(Counter(r["outcome"] for r in cli))
    with pytest.raises(UsageError):
        bsa_check.compare(STUDENTS, ["ho-current"], as_of=AS_OF)


def test_subpackages_stay_importable() -> None:
    from bsa_check.compare import Comparison, compare as compare_rows
    from bsa_check.explain import reason

    assert callable(compare_rows) and callable(reason) and Comparison is not None
    assert callable(bsa_check.compare) and callable(bsa_check.explain) and callable(bsa_check.check)


def test_table_helpers_are_optional(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if not installed
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(UsageError) as info:
        bsa_check.check(STUDENTS, as_of=AS_OF).to_pandas()
    assert info.value.code == "BSA432"
    with pytest.raises(UsageError):
        bsa_check.check(STUDENTS, as_of=AS_OF).to_polars()
    rows = bsa_check.check(STUDENTS, as_of=AS_OF).as_dicts()
    assert len(rows) == 31 and rows[0]["outcome"] == "positive"


def test_to_pandas_when_installed() -> None:
    pytest.importorskip("pandas")
    frame = bsa_check.check(STUDENTS, as_of=AS_OF).to_pandas()
    assert len(frame) == 31 and list(frame["outcome"][:2]) == ["positive", "negative"]


def test_import_bsa_check_stays_light() -> None:
    code = "import sys, bsa_check; print(sorted(m for m in sys.modules if m.startswith(('bsa_check', 'typer', 'pandas'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout
    assert out.strip() == "['bsa_check']"


@pytest.mark.parametrize("lang, words", [("en", "already read"), ("nl", "al gelezen")])
def test_results_read_twice_raise_a_clear_error(lang: str, words: str) -> None:
    """Issue 18 review item 4: a second as_dicts()/to_pandas()/for over check()'s results silently
    gave nothing; now BSA443 says they are read once and how to keep them (list(...))."""
    from bsa_check.errors import UsageError

    results = bsa_check.check(STUDENTS, as_of="2026-08-20", lang=lang)
    first = results.as_dicts()
    assert len(first) == 31
    for again in (results.as_dicts, results.to_list, lambda: list(results)):
        with pytest.raises(UsageError) as caught:
            again()
        assert caught.value.code == "BSA443" and words in caught.value.message
        assert "list(bsa_check.check(" in (caught.value.hint or "")
    kept = list(bsa_check.check(STUDENTS, as_of="2026-08-20"))
    assert len(kept) == len(list(kept)) == 31  # the documented way to keep them


def test_results_stopped_early_go_on_where_they_stopped() -> None:
    results = bsa_check.check(STUDENTS, as_of="2026-08-20")
    head = [r for _, r in zip(range(5), results)]
    assert len(head) == 5 and len(results.to_list()) == 26  # an iterator goes on; only a read-out stream refuses
