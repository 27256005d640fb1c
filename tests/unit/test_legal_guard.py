"""No silent road to an unlawful negative (issue 14, item 8): law tests, each citing its basis.

The rule sets here are variants of ``tests/data/rules/valid/minimal.yaml`` (the smallest lawful HO
rule set with a binding negative), so they do not move when the bundled sets change.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.ruleset.validate import validate_path

runner = CliRunner()
MINIMAL = Path(__file__).resolve().parent.parent / "data" / "rules" / "valid" / "minimal.yaml"
HEADER = ("studentnummer;opleiding;collegejaar;inschrijvingsjaar;ec_jaar1;propedeuse_behaald;persoonlijke_omstandigheden;"
          "besluit_omstandigheden;waarschuwingsdatum;hoordatum;adviesdatum")
# 20 EC, warned and heard in time, advised in the window: a binding negative under minimal.yaml
NEGATIVE_ROW = "1;59001;2025-2026;1;20;nee;geen;;01-03-2026;01-04-2026;15-08-2026"


def variant(tmp_path: Path, old: str, new: str, name: str = "variant.yaml", since: str = "2024-09-01") -> Path:
    """minimal.yaml with ``old`` replaced by ``new``; ``since``: the date its values hold from."""
    text = MINIMAL.read_text(encoding="utf-8").replace("2024-09-01:", f"{since}:")
    assert old in text, old
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def export(tmp_path: Path, header: str = HEADER, rows: tuple[str, ...] = (NEGATIVE_ROW,), name: str = "s.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def codes(path: Path, severity: str = "error") -> set[str]:
    return {p.code for p in validate_path(path) if p.severity == severity}


def run(*args: object):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*map(str, args), "--as-of", "2026-08-20"])


# --- check, explain and compare refuse what validate reports an error for -------------------------

UNLISTED = ("  - id: circumstances\n",
            "  - id: sport\n"
            "    when: {field: personal_circumstances, contains: top_sport}\n"
            "    outcome: needs_review\n"
            "    legal_basis: {law: OER}\n"
            "    reason: {nl: topsport, en: top sport}\n"
            "  - id: circumstances\n")


def test_check_explain_compare_refuse_a_rule_set_with_a_validate_error(tmp_path: Path) -> None:
    """design.md "Guarantees": a rule set that ``validate`` reports an error for is never used for
    verdicts. Here BSA254: top sport is not a ground of Uitvoeringsbesluit WHW 2008 art. 2.1 lid 1 (an
    exclusive list) unless designated; the rule set still gives binding negatives (7.8b lid 3 WHW).
    Before issue 14 only some legal-lint codes refused, and this gave a negative with exit 0."""
    rules = variant(tmp_path, *UNLISTED)
    assert "BSA254" in codes(rules)
    students = export(tmp_path)
    for args in (["check", students, "--rules", rules, "--format", "jsonl"],
                 ["explain", students, "1", "--rules", rules],
                 ["compare", students, "--rules", rules, "--rules", MINIMAL]):
        result = run(*args)
        assert result.exit_code == 2, (args[0], result.stdout)
        assert "BSA254" in result.stderr and "top sport" in result.stderr
        assert "negative" not in result.stdout


def test_refusal_lists_every_error_and_warnings_alone_do_not_refuse(tmp_path: Path) -> None:
    """Every problem is listed at once (as validate does), each located; a warning (BSA220: dated values
    out of order) is printed once on stderr and the run goes on."""
    rules = variant(tmp_path, "values: {2024-09-01: 40, 2026-09-01: 42.5}", "values: {2026-09-01: 42.5, 2024-09-01: 40}")
    assert codes(rules, "warning") == {"BSA220"} and not codes(rules)
    students = export(tmp_path)
    result = run("check", students, "--rules", rules, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("warning[BSA220]") == 1 and f"{rules}:" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["outcome"] == "negative"
    # compare with the same rule set twice: its warning still once
    result = run("compare", students, "--rules", rules, "--rules", rules)
    assert result.stderr.count("warning[BSA220]") == 1, result.stderr
    # two errors: both listed
    two = variant(tmp_path, *UNLISTED, name="two.yaml")
    two.write_text(two.read_text(encoding="utf-8").replace(
        "optional_columns: [advice_date]", "optional_columns: [advice_date, propaedeutic_passed]"), encoding="utf-8")
    result = run("check", students, "--rules", two)
    assert result.exit_code == 2 and "BSA254" in result.stderr and "BSA265" in result.stderr


# --- optional_columns ---------------------------------------------------------------------------


def test_a_missing_circumstances_column_cannot_silently_allow_a_negative(tmp_path: Path) -> None:
    """WHW art. 7.8b lid 3 and Uitvoeringsbesluit WHW 2008 art. 2.1 lid 1: personal circumstances are
    weighed before a rejection. A rule set that lists personal_circumstances under optional_columns lets
    an export without that column read "nothing reported" for everyone; before issue 14 that gave a
    binding negative with exit 0. Now validate refuses it (BSA265) and so does check."""
    rules = variant(tmp_path, "optional_columns: [advice_date]",
                    "optional_columns: [advice_date, personal_circumstances, circumstances_decision]")
    assert "BSA265" in codes(rules)
    without = HEADER.replace(";persoonlijke_omstandigheden;besluit_omstandigheden", "")
    students = export(tmp_path, without, ("1;59001;2025-2026;1;20;nee;01-03-2026;01-04-2026;15-08-2026",))
    result = run("check", students, "--rules", rules, "--format", "jsonl")
    assert result.exit_code == 2 and "BSA265" in result.stderr and "negative" not in result.stdout


def test_the_propaedeutic_exam_and_deregistration_cannot_be_optional(tmp_path: Path) -> None:
    """WHW art. 7.8b lid 2: no rejection once the propaedeutic exam is passed; the OER's deregistration
    cut-off: no advice for a student who left before it. An absent column would read "not passed" and
    "not deregistered" for everyone."""
    rules = variant(tmp_path, "optional_columns: [advice_date]",
                    "optional_columns: [advice_date, propaedeutic_passed, deregistration_date]")
    found = [p for p in validate_path(rules) if p.code == "BSA265"]
    assert {p.message.split()[0] for p in found} == {"propaedeutic_passed", "deregistration_date"}
    assert all(p.location.line == 74 and p.hint for p in found)


def test_an_optional_field_whose_absence_lets_a_negative_decide_is_found_on_witnesses(tmp_path: Path) -> None:
    """Beyond the fields the law names: an OER hardship clause (domain.md §11 item 15) that routes a
    student to a person is a protection too; an absent column would skip it for everyone."""
    rules = variant(tmp_path, "  - id: circumstances\n",
                    "  - id: hardship\n"
                    "    when: {field: hardship_request, eq: true}\n"
                    "    outcome: needs_review\n"
                    "    legal_basis: {law: OER}\n"
                    "    reason: {nl: hardheidsclausule, en: hardship clause}\n"
                    "  - id: circumstances\n")
    assert not codes(rules)
    optional = rules.read_text(encoding="utf-8").replace("optional_columns: [advice_date]",
                                                         "optional_columns: [advice_date, hardship_request]")
    rules.write_text(optional, encoding="utf-8")
    assert [p.message.split()[0] for p in validate_path(rules) if p.code == "BSA265"] == ["hardship_request"]


def test_a_missing_warning_or_hearing_column_stays_allowed_and_blocks_the_negative(tmp_path: Path) -> None:
    """WHW art. 7.8b lid 4: without a recorded warning and hearing a rejection is not lawful, so an absent
    warning or hearing column can only make the verdict more cautious (procedure_incomplete)."""
    rules = variant(tmp_path, "optional_columns: [advice_date]",
                    "optional_columns: [advice_date, warning_date, hearing_date]")
    assert not codes(rules)
    without = HEADER.replace(";waarschuwingsdatum;hoordatum", "")
    students = export(tmp_path, without, ("1;59001;2025-2026;1;20;nee;geen;;15-08-2026",))
    result = run("check", students, "--rules", rules, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["outcome"] == "procedure_incomplete"


# --- one placeholder syntax ----------------------------------------------------------------------


def test_a_placeholder_validate_accepts_is_filled_when_rendering(tmp_path: Path) -> None:
    """design.md: every verdict is explained with its values; a reason must never show a placeholder
    validate accepted as literal text. Rule sets name their parameters freely (here ``Extra2``);
    before issue 14 validate accepted ``{Extra2}`` and rendering printed it literally."""
    rules = variant(tmp_path, "  earliest_advice:\n",
                    "  Extra2:\n    type: decimal\n    title: {nl: Extra, en: Extra}\n    values: {2024-09-01: 7.5}\n"
                    "  earliest_advice:\n")
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        'reason: {nl: "te weinig", en: "too few"}', 'reason: {nl: "te weinig ({Extra2}, {{x}})", en: "too few ({Extra2}, {{x}})"}'),
        encoding="utf-8")
    assert not codes(rules)
    result = run("check", export(tmp_path), "--rules", rules, "--format", "jsonl", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    reason = json.loads(result.stdout)["reason"]
    assert reason.startswith("too few (7.5, {x})"), reason
    # and what validate refuses is what rendering could not fill
    bad = tmp_path / "bad.yaml"
    bad.write_text(rules.read_text(encoding="utf-8").replace("{Extra2}", "{Extra3}"), encoding="utf-8")
    assert "BSA209" in codes(bad)


# --- an empty aggregate in a reason --------------------------------------------------------------


def test_an_empty_aggregate_never_reaches_a_reason_as_an_object_repr(tmp_path: Path) -> None:
    """WHW art. 7.8b lid 3 (a rejection is reasoned) and Awb art. 3:46 (a decision rests on a stated
    reason): the reason shows "no value" for an average over no grades, not ``<object object at ...>``."""
    rules = variant(tmp_path, "  advice_day:\n",
                    "  mean_grade:\n    title: {nl: Gemiddelde, en: Average}\n    cases:\n"
                    "      - value: {aggregate: average}\n"
                    "  advice_day:\n")
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        'reason: {nl: "te weinig", en: "too few"}', 'reason: {nl: "te weinig (gemiddelde {mean_grade})", '
        'en: "too few (average {mean_grade})"}'), encoding="utf-8")
    assert not codes(rules)
    students = export(tmp_path, HEADER + ";resultaten", (NEGATIVE_ROW + ";geen",))
    for fmt in ("jsonl", "text"):
        result = run("check", students, "--rules", rules, "--format", fmt, "--lang", "en")
        assert result.exit_code == 0, result.stderr
        assert "object at 0x" not in result.stdout and "(average (empty))" in result.stdout, result.stdout


# --- programme name and programme code ----------------------------------------------------------

ROW_59002 = "1;{prog};2025-2026;1;38;nee;geen;;01-03-2026;01-04-2026;15-08-2026"


def test_an_export_with_a_programme_name_and_code_column_stops_naming_both(tmp_path: Path) -> None:
    """WHW art. 7.8b lid 6 and art. 7.13 lid 2 sub f: the norm is the programme's own (its OER), so the
    programme that selects it must not be guessed. minimal.yaml's norm is 40 EC, 36 EC for 59002; read by
    its name, a 59002 student with 38 EC got the 40 EC default: a binding negative instead of a positive."""
    for code_header in ("Opleidingscode", "Croho", "CROHO code"):
        header = HEADER.replace("opleiding;", f"Opleiding;{code_header};", 1)
        students = export(tmp_path, header, (ROW_59002.replace("{prog}", "Psychologie;59002"),))
        result = run("check", students, "--rules", MINIMAL, "--format", "jsonl")
        assert result.exit_code == 2, (code_header, result.stdout)
        assert "BSA326" in result.stderr and "Opleiding" in result.stderr and code_header in result.stderr
        assert "rename" in result.stderr and result.stdout == ""
    # choosing the code column, as the hint says, gives the programme's own norm
    header = HEADER.replace("opleiding;", "opleidingsnaam;croho;", 1)
    students = export(tmp_path, header, (ROW_59002.replace("{prog}", "Psychologie;59002"),))
    result = run("check", students, "--rules", MINIMAL, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["outcome"] == "positive"


def test_rows_on_a_per_programme_default_are_named_once_on_stderr(tmp_path: Path) -> None:
    """Same basis (7.8b lid 6, 7.13 lid 2 sub f): a programme that no per-programme value matches gets the
    default norm; check and compare say so once, naming the programmes, so a name-for-code mix-up shows."""
    rows = tuple(ROW_59002.replace("1;", f"{i};", 1).replace("{prog}", prog)
                 for i, prog in enumerate(("Psychologie", "59002", "Psychologie", "Rechten"), 1))
    students = export(tmp_path, HEADER, rows)
    for args in (["check", students, "--rules", MINIMAL, "--format", "jsonl"],
                 ["compare", students, "--rules", MINIMAL, "--rules", MINIMAL]):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        warnings = [line for line in result.stderr.splitlines() if "BSA327" in line]
        assert len(warnings) == (1 if args[0] == "check" else 2), result.stderr  # once per rule set
        assert "norm_ec" in warnings[0] and "Psychologie, Rechten" in warnings[0] and "59002" not in warnings[0]
    result = run("explain", students, "1", "--rules", MINIMAL)
    assert result.exit_code == 0 and result.stderr.count("BSA327") == 1 and "Psychologie" in result.stderr
    # every programme matched: nothing said
    students = export(tmp_path, HEADER, (ROW_59002.replace("{prog}", "59002"),))
    assert "BSA327" not in run("check", students, "--rules", MINIMAL, "--format", "jsonl").stderr


# --- the legal lint sees every dated and every per-programme value ------------------------------

WEIGHED_FROM = ("  - id: circumstances\n    when:\n      any:\n",
                "  - id: circumstances\n    when:\n      all:\n        - {param: weigh_circumstances, eq: true}\n"
                "        - any:\n")


def weighing_variant(tmp_path: Path, values: str, by_programme: str = "") -> Path:
    rules = variant(tmp_path, "  earliest_advice:\n",
                    "  weigh_circumstances:\n    type: boolean\n    title: {nl: Wegen, en: Weigh}\n"
                    f"    values: {values}\n{by_programme}"
                    "  earliest_advice:\n", since="2020-09-01")
    text = rules.read_text(encoding="utf-8")
    text = text.replace(*WEIGHED_FROM).replace(
        "        - {field: personal_circumstances, is_set: true}\n        - {field: circumstances_decision, is_set: true}\n",
        "            - {field: personal_circumstances, is_set: true}\n"
        "            - {field: circumstances_decision, is_set: true}\n")
    rules.write_text(text, encoding="utf-8")
    return rules


def test_a_negative_on_unweighed_circumstances_in_an_earlier_year_is_found(tmp_path: Path) -> None:
    """WHW art. 7.8b lid 3 and Uitvoeringsbesluit WHW 2008 art. 2.1 lid 1 hold in every academic year:
    a rule set whose circumstances rule is switched off by a dated value in force in 2023-2024 gives binding
    negatives on unweighed circumstances for that year. Before issue 14 the lint saw only 2025-2026."""
    lawful = weighing_variant(tmp_path, "{2020-09-01: true}")
    assert not codes(lawful)
    earlier = weighing_variant(tmp_path, "{2023-09-01: false, 2024-09-01: true}")
    assert "BSA257" in codes(earlier)
    # and check refuses it, also for a 2025 export (the rule set is unlawful, whatever the rows)
    result = run("check", export(tmp_path), "--rules", earlier, "--format", "jsonl")
    assert result.exit_code == 2 and "BSA257" in result.stderr


def test_a_negative_on_unweighed_circumstances_for_one_programme_is_found(tmp_path: Path) -> None:
    """Same basis: the duty to weigh circumstances binds every programme; a per-programme value that
    switches it off for 59003 is an error, although the default is lawful."""
    rules = weighing_variant(tmp_path, "{2024-09-01: true}", "    by_programme:\n      59003: false\n")
    assert "BSA257" in codes(rules)


def test_an_advice_window_opened_by_an_earlier_dated_value_is_found(tmp_path: Path) -> None:
    """WHW art. 7.8b lid 3: no rejection before towards the end of the first year. An earliest advice
    date of 1 October in force in 2023-2024 allows a mid-year rejection in that year (BSA253)."""
    rules = variant(tmp_path, '    values: {2020-09-01: "--06-01"}\n  latest_advice:',
                    '    values: {2020-09-01: "--06-01", 2023-09-01: "--10-01", 2024-09-01: "--06-01"}\n  latest_advice:',
                    since="2020-09-01")
    assert any(p.code == "BSA253" and "mid-year" in p.message for p in validate_path(rules))
    assert "BSA253" not in codes(MINIMAL)


# --- what would change it ------------------------------------------------------------------------


def test_what_would_change_it_names_the_credits_and_the_total_with_resits_apart(tmp_path: Path) -> None:
    """WHW art. 7.8b lid 4 (a warning with a real chance to improve) and design.md (every verdict says
    what would change it): the credits earned and the total reachable with the resits left are different
    numbers; each gap is named by its own label. Before issue 14 TU Delta's interim advice said
    "0.5 EC short of the 45 EC norm" twice."""
    from bsa_check.ruleset.load import load_file
    from tests.conftest import EXAMPLES

    rules = EXAMPLES / "oer" / "tu-delta.yaml"
    titles = {name: d.title for name, d in load_file(rules).model.derived.items()}
    result = runner.invoke(app, ["check", str(EXAMPLES / "oer" / "tu-delta.csv"), "--rules", str(rules),
                                 "--as-of", "2026-03-01", "--format", "jsonl", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    both = [r for r in rows if {s["field"] for s in r["shortfall"]} == {"ec_this_year", "ec_reachable"}]
    assert both, "no row with both gaps"
    for r in both:
        credit = [c for c in r["changes"] if " EC short of " in c]  # (then the units still to pass, issue 19 item 8)
        assert len(set(credit)) == 2 and credit == r["changes"][:2], r["changes"]
        assert r["changes"][0].startswith(titles["ec_this_year"].en + ": ")
        assert r["changes"][1].startswith(titles["ec_reachable"].en + ": ")
    # a single gap of the credits themselves keeps its short form
    result = run("check", export(tmp_path), "--rules", MINIMAL, "--format", "jsonl", "--lang", "en")
    assert json.loads(result.stdout)["changes"] == ["20 EC short of the 40 EC norm"]


def test_a_rule_set_that_does_not_compile_is_refused_with_its_lint_errors_too(tmp_path: Path) -> None:
    """A norm of 75 EC is outside minimal.yaml's own range (BSA203, a compile error) and above what a
    year offers (BSA250): the refusal lists both at once, as validate does, not one per try."""
    rules = variant(tmp_path, "    title: {nl: Norm, en: Norm}\n", "    title: {nl: Norm, en: Norm}\n    range: {min: 0, max: 60}\n")
    rules.write_text(rules.read_text(encoding="utf-8").replace("2026-09-01: 42.5", "2026-09-01: 75"), encoding="utf-8")
    assert {"BSA203", "BSA250"} <= codes(rules)
    for args in (["check", export(tmp_path), "--rules", rules], ["compare", export(tmp_path), "--rules", MINIMAL, "--rules", rules]):
        result = run(*args)
        assert result.exit_code == 2 and "error[BSA203]" in result.stderr and "error[BSA250]" in result.stderr, result.stderr


def test_programmes_on_a_default_are_named_with_workers_too(tmp_path: Path) -> None:
    """The BSA327 note does not depend on --workers (design.md: output identical with workers)."""
    rows = tuple(ROW_59002.replace("1;", f"{i};", 1).replace("{prog}", ("Psychologie", "59002", "Rechten")[i % 3])
                 for i in range(1, 4000))
    students = export(tmp_path, HEADER, rows)
    for args in (["check", students, "--rules", MINIMAL, "--format", "jsonl", "--workers", "2"],
                 ["compare", students, "--rules", MINIMAL, "--rules", MINIMAL, "--workers", "2"]):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        warnings = [line for line in result.stderr.splitlines() if "BSA327" in line]
        assert warnings and all("Psychologie, Rechten" in w for w in warnings), (args[0], result.stderr)


def test_a_delegate_for_earlier_years_is_checked_like_the_rule_set_itself(tmp_path: Path) -> None:
    """design.md: a rule set that validate reports an error for is never used to give verdicts; WHW art.
    7.8b lid 3 and Uitvoeringsbesluit WHW 2008 art. 2.1: circumstances are weighed before a rejection.
    ho-proposed-2023 with ``before_valid_from`` naming a copy of ho-current that lacks its
    circumstances rule (BSA257 on its own) used to pass validate and give a 2024-2025 student with an
    unweighed illness a binding negative (independent review of issue 14)."""
    root = Path(__file__).resolve().parents[2] / "rules"
    current = (root / "ho-current.yaml").read_text(encoding="utf-8")
    start = current.index("  - id: circumstances_not_weighed")
    end = current.index("  - id: circumstances_accepted")
    bad = tmp_path / "bad.yaml"
    bad.write_text(current[:start] + current[end:], encoding="utf-8")
    assert "BSA257" in codes(bad)
    proposed = (root / "ho-proposed-2023.yaml").read_text(encoding="utf-8")
    prop = tmp_path / "prop.yaml"
    prop.write_text(proposed.replace("\nbefore_valid_from: ho-current", "\nbefore_valid_from: bad.yaml", 1), encoding="utf-8")
    assert "BSA257" in codes(prop)  # validate reports the delegate's problem, located in bad.yaml
    students = export(tmp_path, "studentnummer;opleiding;collegejaar;inschrijvingsjaar;inschrijfdatum;ec_jaar1;deeltijd;"
                      "propedeuse_behaald;persoonlijke_omstandigheden;besluit_omstandigheden;waarschuwingsdatum;"
                      "hoordatum;adviesdatum;gespreksdatum;ec_totaal",
                      ("K1;59001;2024-2025;1;01-09-2024;10;nee;nee;ziekte;;01-03-2025;01-04-2025;15-08-2025;01-02-2025;",))
    result = runner.invoke(app, ["check", str(students), "--rules", str(prop), "--format", "csv"])
    assert result.exit_code == 2 and "BSA257" in result.output and "negative" not in result.stdout
