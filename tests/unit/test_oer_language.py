"""The rule language's OER constructs (domain.md §11): unit catalogue, aggregates, compensation,
whole blocks, arithmetic, bands, discretion, exclusion and their compile-time checks.

Each test builds a small rule file and checks the engine's value and the trace explain reads.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import ErrorList, EvaluationError
from bsa_check.explain import explanation
from bsa_check.records.parse import CellError, parse_effect, parse_study_mode, parse_unit_results
from bsa_check.ruleset.load import load_file
from bsa_check.ruleset.validate import validate_path

AS_OF = date(2026, 8, 20)

HEAD = """schema_version: 1
name: t
version: "1"
title: {nl: t, en: t}
legal_status: law
valid_from: 2025-09-01
sector: ho
legal_basis: {law: OER}
units:
  units:
    A: {ec: 5, block: B1}
    B: {ec: 5, block: B1}
    C: {ec: 7.5, block: B2, groups: [g]}
    D: {ec: 2.5, block: B2, groups: [g]}
    E: {ec: 5, first_year: false, groups: [g]}
compensation:
  comp:
    title: {nl: c, en: c}
    legal_basis: {law: OER}
    band: {min: 5, max: 5.4}
    max_units: 1
    min_average: 6
"""


def build(tmp_path, derived: str, extra: str = "", rules: str | None = None):
    text = HEAD + extra + "derived:\n" + derived + (rules or """rules:
  - id: r
    outcome: positive
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
""")
    path = tmp_path / "t.yaml"
    path.write_text(text)
    return compile_ruleset(load_file(path)), path


def value(tmp_path, spec: str, results: str, **record):
    rs, _ = build(tmp_path, f"  v:\n    title: {{nl: v, en: v}}\n    cases:\n      - value: {spec}\n")
    rec = {"student_id": "1", "programme": "P", "academic_year": 2025, "unit_results": parse_unit_results(results),
           **record}
    ctx_verdict = rs.evaluate(rec, AS_OF)
    from bsa_check.engine.compile import Ctx
    ctx = Ctx(rec, AS_OF, 2025, rs.params_for("P", 2025), rs.derived)
    return ctx.derived_value("v"), ctx.details["v"], ctx_verdict


def test_unit_results_cell_parses_grades_words_dates_credits_and_earlier():
    r = parse_unit_results("A:7,5|B:VR|C:5,4:20-01-2026|D:V:2,5EC:eerder")
    assert [x.code for x in r] == ["A", "B", "C", "D"]
    assert r[0].grade == D("7.5") and r[1].status == "exempt" and r[2].day == date(2026, 1, 20)
    assert r[3].ec == D("2.5") and r[3].earlier
    for bad in ("A", "A:11", "A:x", "A:7:32-01-2026", "A B:7"):
        with pytest.raises(CellError):
            parse_unit_results(bad)
    assert parse_effect("normverlaging") == "reduce_norm" and parse_effect("geen") is None
    assert parse_study_mode("Deeltijd") == "part_time"


def test_ec_sums_passed_units_exactly(tmp_path):
    v, detail, _ = value(tmp_path, "{aggregate: ec}", "A:5,5|B:5,4|C:6|D:VR")
    assert v == D("15.0")  # 5 + 7.5 + 2.5; B (5.4) fails at pass mark 5.5
    assert [c for c, _ in detail.aggregates[0].counted] == ["A", "C", "D"]


def test_filters_first_year_exemptions_earlier_and_this_year(tmp_path):
    results = "A:7|B:VR|C:7:01-06-2025|D:7:eerder|E:7"
    assert value(tmp_path, "{aggregate: ec}", results)[0] == D(25)
    assert value(tmp_path, "{aggregate: ec, first_year_only: true}", results)[0] == D(20)
    assert value(tmp_path, "{aggregate: ec, exemptions: false}", results)[0] == D(20)
    assert value(tmp_path, "{aggregate: ec, earlier_enrolment: false}", results)[0] == D("22.5")
    v, detail, _ = value(tmp_path, "{aggregate: ec, this_year_only: true}", results)
    assert v == D(15)  # C is dated before 1 Sep 2025, D is from an earlier enrolment
    assert dict(detail.aggregates[0].excluded) == {"C": "before_year", "D": "earlier"}


def test_until_drops_later_results_and_best_result_wins(tmp_path):
    results = "A:4:01-06-2026|A:8:25-08-2026|B:6:01-06-2026"
    assert value(tmp_path, "{aggregate: ec, until: 2026-08-20}", results)[0] == D(5)
    assert value(tmp_path, "{aggregate: ec}", results)[0] == D(10)


def test_k_of_n_group_and_missing_units(tmp_path):
    v, detail, _ = value(tmp_path, "{aggregate: passed_count, group: g}", "C:7|E:6|A:7")
    assert v == 2
    v, detail, _ = value(tmp_path, "{aggregate: missing_count, units: [A, B, C]}", "A:7|C:3")
    assert v == 2 and detail.aggregates[0].missing == ("B", "C")


def test_whole_blocks_count_only_complete_blocks(tmp_path):
    v, detail, _ = value(tmp_path, "{aggregate: ec, whole_blocks: true}", "A:7|B:7|C:7|D:4")
    assert v == D(10)
    assert detail.aggregates[0].incomplete_blocks == (("B2", ("D",)),)


def test_compensation_band_max_and_unrounded_average(tmp_path):
    extra_ok = "A:7|B:5,2|C:6"  # average 6.066.. >= 6: B compensated
    v, detail, _ = value(tmp_path, "{aggregate: ec, compensation: comp}", extra_ok)
    comp = detail.aggregates[0].compensation
    assert v == D("17.5") and comp.applied == (("B", D("5.2")),)
    v, detail, _ = value(tmp_path, "{aggregate: ec, compensation: comp}", "A:6|B:5,2|C:6,7")  # avg 5.966..
    assert v == D("12.5") and detail.aggregates[0].compensation.applied == ()
    v, detail, _ = value(tmp_path, "{aggregate: ec, compensation: comp}", "A:9|B:5,2|C:5,3")  # max 1 unit
    comp = detail.aggregates[0].compensation
    assert comp.applied == (("C", D("5.3")),) and comp.over_max == ("B",)
    assert v == D("12.5")


def test_pending_resits_and_arithmetic(tmp_path):
    spec = "{add: [{aggregate: ec}, {aggregate: pending_ec}]}"
    v, _, _ = value(tmp_path, spec, "A:7|C:4", pending_resits=frozenset({"C", "A"}))
    assert v == D("12.5")  # A passed (5) + C still to resit (7.5); A's resit is not pending credit
    v, _, _ = value(tmp_path, "{max: [0, {subtract: [10, {field: norm_reduction_ec, default: 0}]}]}", "",
                    norm_reduction_ec=D(12))
    assert v == D(0)


def test_unknown_unit_without_credits_is_a_located_evaluation_error(tmp_path):
    with pytest.raises(EvaluationError) as exc:
        value(tmp_path, "{aggregate: ec}", "ZZ:7")
    assert exc.value.code == "BSA317"
    assert value(tmp_path, "{aggregate: ec}", "ZZ:7:3EC")[0] == D(3)


def test_band_label_and_unit_details_reach_the_explanation(tmp_path):
    derived = """  norm:
    title: {nl: n, en: n}
    cases:
      - when: {field: enrolment_date, on_or_after: 2026-02-01}
        value: 20
        label: {nl: instroom vanaf 1 februari, en: entered from 1 February}
      - value: 15
  ec:
    title: {nl: e, en: e}
    cases:
      - value: {aggregate: ec, compensation: comp}
"""
    rules = """rules:
  - id: ok
    when: {derived: ec, ge: {derived: norm}}
    outcome: positive
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
  - id: review
    outcome: needs_review
    decided_by: {nl: de examencommissie, en: the examination board}
    legal_basis: {law: OER}
    reason: {nl: y, en: y}
"""
    rs, _ = build(tmp_path, derived, rules=rules)
    rec = {"student_id": "1", "programme": "P", "academic_year": 2025, "enrolment_date": date(2026, 2, 1),
           "unit_results": parse_unit_results("A:7|B:5,2|C:6")}
    v = rs.evaluate(rec, AS_OF)
    text = "\n".join(explanation(v, "en"))
    assert v.outcome == "needs_review"
    assert "norm = 20 (band: entered from 1 February)" in text
    assert "compensation 'comp' (c) applied to B (5.2)" in text
    assert "Who decides: the examination board" in text
    assert v.shortfalls[0].amount == D("2.5")


@pytest.mark.parametrize("snippet, code", [
    ("{aggregate: ec, units: [X]}", "BSA213"),
    ("{aggregate: ec, group: nope}", "BSA213"),
    ("{aggregate: ec, compensation: nope}", "BSA213"),
    ("{add: [1, 2026-01-01]}", "BSA205"),
])
def test_bad_references_are_located_compile_errors(tmp_path, snippet, code):
    with pytest.raises(ErrorList) as exc:
        build(tmp_path, f"  v:\n    title: {{nl: v, en: v}}\n    cases:\n      - value: {snippet}\n")
    assert code in {e.code for e in exc.value.errors}


def test_discretion_must_be_needs_review_with_decided_by(tmp_path):
    rules = """rules:
  - id: hardship
    when: {field: hardship_request, eq: true}
    outcome: positive
    discretion: true
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
  - id: r
    outcome: positive
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
"""
    with pytest.raises(ErrorList) as exc:
        build(tmp_path, "  v:\n    title: {nl: v, en: v}\n    cases:\n      - value: 1\n", rules=rules)
    assert [e.code for e in exc.value.errors] == ["BSA214"]


def test_exclusion_only_on_a_negative_and_compensation_band_below_pass(tmp_path):
    rules = """rules:
  - id: r
    outcome: positive
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
    exclusion: {years: 3, from: {nl: a, en: a}, scope: {nl: s, en: s}, legal_basis: {law: OER}}
"""
    with pytest.raises(ErrorList) as exc:
        build(tmp_path, "  v:\n    title: {nl: v, en: v}\n    cases:\n      - value: 1\n", rules=rules)
    assert [e.code for e in exc.value.errors] == ["BSA215"]
    bad_band = HEAD.replace("band: {min: 5, max: 5.4}", "band: {min: 5, max: 6}")
    path = tmp_path / "b.yaml"
    path.write_text(bad_band + "rules:\n  - id: r\n    outcome: positive\n    legal_basis: {law: OER}\n"
                    "    reason: {nl: x, en: x}\n")
    assert "BSA216" in {p.code for p in validate_path(path)}


def test_year_one_norm_lint_sees_aggregate_credits(tmp_path):
    derived = "  ec:\n    title: {nl: e, en: e}\n    cases:\n      - value: {aggregate: ec, first_year_only: true}\n"
    params = """parameters:
  norm:
    type: decimal
    title: {nl: n, en: n}
    values: {2025-09-01: 65}
"""
    rules = """rules:
  - id: ok
    when: {derived: ec, ge: {param: norm}}
    outcome: positive
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
  - id: r
    outcome: needs_review
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
"""
    _, path = build(tmp_path, derived, extra=params, rules=rules)
    assert "BSA250" in {p.code for p in validate_path(path)}


def test_institution_rule_sets_say_who_decides_a_review(tmp_path):
    prov = """provenance:
  institution: X
  academic_year: 2025-2026
  document: OER X
"""
    rules = """rules:
  - id: r
    outcome: needs_review
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
"""
    _, path = build(tmp_path, "  v:\n    title: {nl: v, en: v}\n    cases:\n      - value: 1\n", extra=prov, rules=rules)
    problems = validate_path(path)
    assert [(p.code, p.severity) for p in problems] == [("BSA256", "warning")]
    # without provenance (a national frame) the same rule set is not warned about
    _, path = build(tmp_path, "  v:\n    title: {nl: v, en: v}\n    cases:\n      - value: 1\n", rules=rules)
    assert validate_path(path) == []


def test_explain_cites_provenance_flags_unverified_rules_and_shows_a_pending_exclusion(tmp_path):
    from bsa_check.explain import full_explanation

    prov = """provenance:
  institution: Hogeschool X
  academic_year: 2025-2026
  document: OER X 2025-2026
  articles: ["5.1", 5.2]
  fictional: true
  unverified: true
"""
    rules = """rules:
  - id: rej
    outcome: negative
    unverified: true
    legal_basis: {law: OER X, article: "5.2"}
    reason: {nl: x, en: x}
    exclusion: {years: 2, from: {nl: a, en: the advice}, programmes: ["1", "2"], scope: {nl: s, en: both programmes},
                legal_basis: {law: OER X, article: "5.3"}}
    requires:
      - {id: warning, when: {field: warning_date, before: {as_of: true}}, missing: {nl: w, en: w}, legal_basis: {law: WHW}}
"""
    rs, _ = build(tmp_path, "  v:\n    title: {nl: v, en: v}\n    cases:\n      - value: 1\n", extra=prov, rules=rules)
    v = rs.evaluate({"student_id": "1", "programme": "1", "academic_year": 2025}, AS_OF)
    text = "\n".join(full_explanation(v, "en"))
    assert v.outcome == "procedure_incomplete"
    assert "Source: OER X 2025-2026, Hogeschool X, art. 5.1, 5.2 [fictional example; unverified]" in text
    assert "[OER X art. 5.2] [rule unverified]" in text
    assert ("If the binding negative becomes lawful, exclusion: 2 year(s), from the advice; scope: both programmes "
            "(programmes 1, 2) [OER X art. 5.3]") in text


# --- review findings 4 and 15 ---------------------------------------------------------------------


def test_an_absent_results_cell_is_a_missing_value_not_zero_credits(tmp_path):
    # An empty resultaten cell silently became 0 EC (and then a binding negative); now it is BSA312.
    rs, _ = build(tmp_path, "  v:\n    title: {nl: v, en: v}\n    cases:\n      - value: {aggregate: ec}\n",
                  rules="""rules:
  - id: r
    when: {derived: v, ge: 0}
    outcome: positive
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
  - id: s
    outcome: no_advice
    legal_basis: {law: OER}
    reason: {nl: x, en: x}
""")
    with pytest.raises(EvaluationError) as exc:
        rs.evaluate({"student_id": "1", "programme": "P", "academic_year": 2025}, AS_OF)
    assert exc.value.code == "BSA312" and exc.value.params["field"] == "unit_results"
    # "geen"/"none" says explicitly that there are no results: 0 EC
    assert parse_unit_results("geen") == () and parse_unit_results(" None ") == ()
    v = rs.evaluate({"student_id": "1", "programme": "P", "academic_year": 2025,
                     "unit_results": parse_unit_results("geen")}, AS_OF)
    assert v.outcome == "positive"


def test_this_year_only_uses_the_rule_sets_academic_year_start(tmp_path):
    extra = """parameters:
  academic_year_start:
    type: month_day
    title: {nl: s, en: s}
    values: {2025-09-01: "--08-15"}
"""
    rs, _ = build(tmp_path, "  v:\n    title: {nl: v, en: v}\n    cases:\n      - value: {aggregate: ec, this_year_only: true}\n",
                  extra=extra)
    from bsa_check.engine.compile import Ctx

    rec = {"student_id": "1", "programme": "P", "academic_year": 2025,
           "unit_results": parse_unit_results("A:7:20-08-2025|B:7:10-08-2025|C:7:02-09-2025")}
    ctx = Ctx(rec, AS_OF, 2025, rs.params_for("P", 2025), rs.derived)
    # the year starts 15 August 2025: A (20 Aug) counts, B (10 Aug) does not, C counts
    assert ctx.derived_value("v") == D("12.5")
    assert dict(ctx.details["v"].aggregates[0].excluded) == {"B": "before_year"}


def test_a_mid_year_binding_negative_blocks_check_not_just_validate():
    # legal_blockers (what check and explain refuse to run with) includes the advice-window part of BSA253
    from pathlib import Path

    from bsa_check.ruleset.validate import legal_blockers

    path = Path(__file__).resolve().parent.parent / "data" / "rules" / "invalid" / "lint_negative_mid_year.yaml"
    loaded = load_file(path)
    blockers = legal_blockers(loaded, compile_ruleset(loaded))
    assert [p.code for p in blockers] == ["BSA253"] and "mid-year" in blockers[0].message
