"""The OER gallery (examples/oer): six fictional institutions' BSA articles as pure data.

Acceptance of the issue "the rule language expresses real OERs":
- ``bsa-check validate examples/oer/*.yaml`` is clean and ``bsa-check test examples/oer`` passes;
- the gallery is data only (no Python next to it; the package source names no institution), so
  adding an institution means adding files under examples/oer/ and nothing else;
- each of the twenty items of domain.md §11 is used by at least one gallery rule set (checked on
  the loaded model) and covered by a named, passing test case (COVERAGE below, the same table as
  in examples/oer/README.md);
- explain shows what decided (missing units, compensation, band, exclusion term and scope): goldens.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.ruleset.load import load_file
from bsa_check.testing.check import run_case
from bsa_check.testing.load import RuleSetCache, load_test_file
from tests.acceptance.test_example_golden import compare_golden
from tests.conftest import EXAMPLES, ROOT

GALLERY = EXAMPLES / "oer"
RULE_FILES = sorted(GALLERY.glob("*.yaml"))
INSTITUTIONS = [p.stem for p in RULE_FILES]
runner = CliRunner()


def test_gallery_has_at_least_six_institutions_each_with_records_tests_and_a_readme_paragraph():
    assert len(INSTITUTIONS) >= 6
    readme = (GALLERY / "README.md").read_text(encoding="utf-8")
    for inst in INSTITUTIONS:
        assert (GALLERY / f"{inst}.csv").is_file(), inst
        tf = load_test_file(GALLERY / "tests" / f"{inst}.bsa-test.yaml", RuleSetCache())
        assert len(tf.cases) >= 10, inst
        assert f"`{inst}.yaml`" in readme, f"no README paragraph for {inst}"


def test_validate_gallery_is_clean():
    result = runner.invoke(app, ["validate", *map(str, RULE_FILES), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["problems"] == []


def test_bsa_check_test_gallery_passes():
    result = runner.invoke(app, ["test", str(GALLERY)])
    assert result.exit_code == 0, result.output
    assert re.search(r"(\d+) passed", result.output) and "failed" not in result.output


@pytest.mark.parametrize("inst", INSTITUTIONS)
def test_example_records_all_get_a_verdict(inst):
    tf = load_test_file(GALLERY / "tests" / f"{inst}.bsa-test.yaml", RuleSetCache())
    as_of = tf.cases[0].as_of.isoformat()
    result = runner.invoke(app, ["check", str(GALLERY / f"{inst}.csv"), "--rules", str(GALLERY / f"{inst}.yaml"),
                                 "--as-of", as_of, "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["errors"] == [] and len(doc["verdicts"]) >= 9


def test_gallery_is_data_only():
    # No code next to the gallery, and no institution named anywhere in the package: the rule sets
    # use the generic language only, so a new institution is new files under examples/oer/.
    assert not [p for p in GALLERY.rglob("*") if p.is_file() and p.suffix not in (".yaml", ".csv", ".md")]
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "bsa_check").rglob("*.py")).lower()
    for inst in INSTITUTIONS:
        words = [w for w in inst.split("-") if w not in ("universiteit", "hogeschool", "tu", "mbo", "college",
                                                          "deeltijd")]
        for word in words:
            assert not re.search(rf"\b{word}\b", source), f"{word!r} ({inst}) appears in the package source"


def test_a_new_institution_is_just_files(tmp_path):
    # Copy one institution under another name into a fresh folder: it validates and its tests run.
    folder = tmp_path / "oer"
    (folder / "tests").mkdir(parents=True)
    src = (GALLERY / "universiteit-aalburg.yaml").read_text(encoding="utf-8")
    (folder / "hogeschool-nieuwstad.yaml").write_text(src.replace("name: universiteit-aalburg",
                                                                  "name: hogeschool-nieuwstad"), encoding="utf-8")
    tests = (GALLERY / "tests" / "universiteit-aalburg.bsa-test.yaml").read_text(encoding="utf-8")
    (folder / "tests" / "nieuwstad.bsa-test.yaml").write_text(
        tests.replace("../universiteit-aalburg.yaml", "../hogeschool-nieuwstad.yaml"), encoding="utf-8")
    assert runner.invoke(app, ["validate", str(folder / "hogeschool-nieuwstad.yaml")]).exit_code == 0
    assert runner.invoke(app, ["test", str(folder)]).exit_code == 0


# --- domain.md §11: each item used by a gallery rule set and covered by a passing case ---------------


def _walk(node: Any) -> list[tuple[str, Any]]:
    """Every (key, value) pair of a dumped model, at any depth."""
    out: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            out.append((k, v))
            out.extend(_walk(v))
    elif isinstance(node, list):
        for v in node:
            out.extend(_walk(v))
    return out


def _has(key: str, pred: Callable[[Any], bool] = lambda v: v not in (None, False, [], {})) -> Callable[[dict], bool]:
    return lambda dump: any(k == key and pred(v) for k, v in _walk(dump))


def _reads(field: str) -> Callable[[dict], bool]:
    return lambda dump: any(k == "field" and v == field for k, v in _walk(dump))


def _all(*preds: Callable[[dict], bool]) -> Callable[[dict], bool]:
    return lambda dump: all(p(dump) for p in preds)


def _any(*preds: Callable[[dict], bool]) -> Callable[[dict], bool]:
    return lambda dump: any(p(dump) for p in preds)


def _dated(dump: dict) -> bool:
    return any(len(p["values"]) > 1 or any(isinstance(v, dict) for v in p["by_programme"].values())
               for p in dump["parameters"].values())


def _routes(dump: dict) -> bool:
    return sum(r["outcome"] == "positive" and r["when"] is not None for r in dump["rules"]) >= 2


def _negative_with_requires(dump: dict) -> bool:
    return any(r["outcome"] == "negative" and r["requires"] for r in dump["rules"])


# item -> (what the gallery must use, [(institution, case name), ...])
COVERAGE: dict[int, tuple[Callable[[dict], bool], list[tuple[str, str]]]] = {
    1: (_has("ge"), [
        ("universiteit-aalburg", "exactly at the norm (45 EC) with both required units and an elective is positive"),
        ("universiteit-aalburg", "half an EC below (44.5 EC) with the procedure complete is a binding negative with a 3-year exclusion"),
        ("tu-delta", "exactly 45 EC of first-year units this year is positive")]),
    2: (_any(_reads("study_mode"), _reads("cohort"), _dated), [
        ("hogeschool-zuidvelde-deeltijd", "part-time cohort 2024 has the older 25 EC norm"),
        ("hogeschool-zuidvelde-deeltijd", "dual students exactly at 40 EC"),
        ("tu-delta", "in 2024-2025 the dated norm was 40 EC")]),
    3: (_any(_has("this_year_only"), _has("exemptions", lambda v: v is False), _reads("earlier_ec")), [
        ("tu-delta", "a unit passed in an earlier academic year does not count (only this year's credits)"),
        ("tu-delta", "an exemption does not count"),
        ("tu-delta", "a second-year unit does not count for the first-year norm"),
        ("hogeschool-zuidvelde-deeltijd", "credits of an earlier enrolment count toward the norm"),
        ("universiteit-aalburg", "an exemption (VR) counts as credits under art. 6.2")]),
    4: (_routes, [
        ("hogeschool-rijnmond", "credits of an incomplete block do not count, but the core route (every core unit, 40 EC) gives a positive")]),
    5: (_any(_has("aggregate", lambda v: v in ("missing_count", "passed_count"))), [
        ("universiteit-aalburg", "45 EC without the required Statistics 1 is a negative (named unit, art. 6.2 sub b)"),
        ("universiteit-aalburg", "no elective passed (one of two) is a negative although the credits are there"),
        ("hogeschool-zuidvelde-deeltijd", "30 EC without Employment law 1 (the named unit) is a negative")]),
    6: (_has("compensation"), [
        ("universiteit-aalburg", "a 5.2 is compensated (average 6.7, nothing below 4, 40 EC before) and the 45 EC norm is met"),
        ("universiteit-aalburg", "no compensation when the unrounded average is below 6.0 (5.95 is not rounded up)"),
        ("universiteit-aalburg", "no compensation when another grade is below 4.0"),
        ("universiteit-aalburg", "at most two units are compensated; the third 5.x does not count")]),
    7: (_has("whole_blocks"), [
        ("hogeschool-rijnmond", "a core unit missing closes the core route; 30 EC in complete blocks is a negative")]),
    8: (_all(_has("subtract"), _reads("norm_reduction_ec")), [
        ("hogeschool-rijnmond", "a recognised circumstance reduces the norm by the granted 10 EC (35), still not met with 30"),
        ("hogeschool-rijnmond", "the reduction is capped at 15 EC; with 30 EC the reduced norm of 30 is met")]),
    9: (_has("range"), [
        ("universiteit-aalburg", "a norm outside the faculty's declared range 40-50 is refused (declared range)")]),
    10: (_all(_has("aggregate", lambda v: v == "pending_ec"), _reads("advice_date")), [
        ("tu-delta", "January interim advice with 15 EC is on track (no interim positive advice)"),
        ("tu-delta", "January interim advice with 7.5 EC is the warning tier"),
        ("tu-delta", "January interim advice with 5 EC is the negative tier"),
        ("tu-delta", "in June the norm is out of reach with the resits left"),
        ("tu-delta", "in June the norm is still reachable with the resits left"),
        ("tu-delta", "an August resit before the advice counts")]),
    11: (_all(_reads("deregistration_request_date"), _reads("previous_deregistrations"), _reads("first_registration_year")), [
        ("universiteit-oostmark", "deregistration requested on 31 January (effective 1 March), first time, first HO year - no advice"),
        ("universiteit-oostmark", "deregistration requested on the cut-off day (1 February) is too late (the cut-off is exclusive)"),
        ("universiteit-oostmark", "the escape can be used only once per programme"),
        ("universiteit-oostmark", "the escape holds only in the first year of registration in higher education"),
        ("hogeschool-zuidvelde-deeltijd", "deregistration per 1 February (the cut-off day, inclusive) gives no advice")]),
    12: (_all(_reads("enrolment_date"), _has("label")), [
        ("universiteit-oostmark", "entry on the band's boundary day (1 November) falls in the 30 EC band"),
        ("universiteit-oostmark", "entry the day before (31 October) still has the 45 EC norm"),
        ("universiteit-oostmark", "entry on 1 February (boundary) postpones the advice to the end of year two")]),
    13: (_reads("previous_postponement"), [
        ("universiteit-oostmark", "postponed advice at the end of year two - exactly 45 EC over both years, including credits from before the postponement"),
        ("universiteit-oostmark", "postponed advice with 44.5 EC and a new warning in year two is a binding negative"),
        ("universiteit-oostmark", "the warning of year one does not serve the postponed advice (warn again)")]),
    14: (_all(_reads("circumstances_effect"), _reads("circumstances_reported_date")), [
        ("hogeschool-rijnmond", "recognised circumstances with effect postpone give a postponed advice"),
        ("hogeschool-rijnmond", "recognised circumstances with effect no_negative give no negative at all"),
        ("hogeschool-rijnmond", "recognised circumstances where the BSA committee decides are flagged, naming the committee"),
        ("hogeschool-rijnmond", "circumstances reported after the deadline are still flagged for the examination board")]),
    15: (_all(_has("discretion"), _has("decided_by")), [
        ("universiteit-aalburg", "the hardship clause is never decided by the tool; the examination board decides")]),
    16: (_all(_has("outcome", lambda v: v == "negative_advisory"), _has("by_programme")), [
        ("hogeschool-rijnmond", "Social Work chose an advisory regime from 2025-2026 (negative_advisory, never binding)"),
        ("hogeschool-rijnmond", "Social Work was still binding in 2024-2025 (dated per-programme choice)")]),
    17: (_has("exclusion"), [
        ("universiteit-aalburg", "half an EC below (44.5 EC) with the procedure complete is a binding negative with a 3-year exclusion"),
        ("tu-delta", "half an EC below (44.5) with the procedure complete is a negative for both sister programmes"),
        ("hogeschool-zuidvelde-deeltijd", "part-time at 29.5 EC (half an EC below) is a negative, excluded without a term")]),
    18: (_negative_with_requires, [
        ("universiteit-aalburg", "no warning recorded makes the negative procedure_incomplete"),
        ("tu-delta", "no hearing makes the final negative procedure_incomplete"),
        ("hogeschool-rijnmond", "a warning less than six weeks before the advice does not count")]),
    19: (_all(_has("sector", lambda v: v == "mbo"), _reads("progress_talks")), [
        ("mbo-college-westland", "two progress talks are fewer than the school's three - procedure incomplete"),
        ("mbo-college-westland", "an improvement period of 41 days is too short"),
        ("mbo-college-westland", "a one-year programme advised after 5 months is outside its 3-4 month window"),
        ("mbo-college-westland", "a minor in entree without another offer - procedure incomplete (follow-up duty)")]),
    20: (_all(_has("provenance"), _has("unverified", lambda v: v is True)), [
        ("universiteit-oostmark", "a September entrant exactly at the 45 EC norm is positive"),
        ("mbo-college-westland", "intended positive advice is positive")]),
}


@pytest.fixture(scope="module")
def results() -> dict[tuple[str, str], bool]:
    cache = RuleSetCache()
    out = {}
    for inst in INSTITUTIONS:
        tf = load_test_file(GALLERY / "tests" / f"{inst}.bsa-test.yaml", cache)
        for case in tf.cases:
            out[(inst, case.name)] = run_case(tf, case, cache).passed
    return out


def test_coverage_table_lists_all_twenty_items():
    assert sorted(COVERAGE) == list(range(1, 21))
    readme = (GALLERY / "README.md").read_text(encoding="utf-8")
    for item in COVERAGE:
        assert re.search(rf"^\| {item} \|", readme, re.M), f"§11 item {item} missing from the README table"


@pytest.mark.parametrize("item", sorted(COVERAGE))
def test_section_11_item_is_used_and_covered_by_a_passing_case(item, results):
    uses, cases = COVERAGE[item]
    assert cases
    for inst, name in cases:
        assert (inst, name) in results, f"item {item}: no case {name!r} in {inst}"
        assert results[(inst, name)], f"item {item}: case {name!r} of {inst} fails"
    users = {inst for inst, _ in cases}
    dumps = {inst: load_file(GALLERY / f"{inst}.yaml").model.model_dump(by_alias=True, warnings=False) for inst in users}
    assert any(uses(d) for d in dumps.values()), f"item {item}: no covering rule set uses the construct"


# --- explain: what decided ------------------------------------------------------------------------------

EXPLAIN = [("universiteit-aalburg", "UA005", "2026-08-20", ["compensation 'art_6_3'", "applied to STAT2 (5.2)"]),
           ("universiteit-aalburg", "UA003", "2026-08-20", ["missing units: STAT1", "Exclusion after this binding negative: 3 year(s)"]),
           ("tu-delta", "TD002", "2026-08-31", ["programmes 56952, 56953; programmes sharing the first year"]),
           ("universiteit-oostmark", "UO003", "2026-08-20", ["norm = 30 (band: entry from 1 November (art. 5.4(1)))"]),
           ("hogeschool-rijnmond", "HR004", "2026-08-20", ["block P4 not complete (missing P41, P43)", "missing units: P41"]),
           ("hogeschool-zuidvelde-deeltijd", "HZD002", "2026-08-20", ["no term (re-enrolment only if"])]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("inst, student, as_of, phrases", EXPLAIN, ids=[e[1] for e in EXPLAIN])
def test_explain_golden_for_gallery_students(inst, student, as_of, phrases, lang, update_goldens):
    result = runner.invoke(app, ["explain", str(GALLERY / f"{inst}.csv"), student, "--rules",
                                 str(GALLERY / f"{inst}.yaml"), "--lang", lang, "--as-of", as_of], terminal_width=200)
    assert result.exit_code == 0, result.output
    if lang == "en":
        for phrase in phrases:
            assert phrase in result.stdout, phrase
    # a gallery file extends ho-current: explain names the file each rule came from, by the path given
    compare_golden(f"oer/explain.{student}.{inst}.{lang}.txt", result.stdout.replace(str(GALLERY), "examples/oer"),
                   update_goldens)
