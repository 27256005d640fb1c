"""Legal fidelity, round 2 (issue 14, items 1-7): one test per point, each citing its legal basis.

Each test failed on the code before issue 14 (commit 26e6603): the verdict, citation or text it pins
contradicted the law or the 2023 letter. Sources as in domain.md §2-§5 and §12: WHW (BWBR0005682)
art. 7.8b, 7.42, 7.61; Uitvoeringsbesluit WHW 2008 (BWBR0006152) art. 2.1; WEB art. 8.1.7a; the
Kamerbrief of 9 May 2023 (Kamerstukken II 31 288/31 524, nr. 1039); CBHO 2019/208.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import ErrorList, EvaluationError, UsageError
from bsa_check.ruleset.load import bundled_rule_files, load, load_file
from tests.conftest import EXAMPLES

runner = CliRunner()
AS_OF = date(2026, 8, 20)
STEPS = {"warning_date": date(2026, 5, 12), "hearing_date": date(2026, 7, 3), "advice_date": date(2026, 8, 15),
         "conversation_date": date(2026, 4, 1)}


def ho(**kw):
    r = {"student_id": "1", "programme": "59001", "academic_year": 2025, "year_of_enrolment": 1, "part_time": False,
         "ec_year1": D("25"), "enrolment_date": date(2025, 9, 1), **STEPS}
    r.update(kw)
    return {k: v for k, v in r.items() if v is not None}


@pytest.fixture(scope="module")
def current():
    return compile_ruleset(load("ho-current"))


@pytest.fixture(scope="module")
def proposed():
    return compile_ruleset(load("ho-proposed-2023"))


@pytest.fixture(scope="module")
def mbo():
    return compile_ruleset(load("mbo"))


def missing_ids(verdict):
    return [p.id for p in verdict.missing]


# 1 -----------------------------------------------------------------------------------------------
def test_part_time_advice_moment_is_the_institutions(current, proposed):
    """WHW art. 7.8b lid 1, second sentence: "In geval van een deeltijdse bacheloropleiding regelt het
    instellingsbestuur het tijdstip waarop dat advies wordt uitgebracht." The end-of-first-year limit binds
    full-time and dual programmes only; the part-time norm rests on lid 3/lid 6 (art. 7.13 lid 2 sub f)."""
    for rs in (current, proposed):
        # a part-time student in year two is within the (placeholder) moment: an advice, not no_advice
        year_two = rs.evaluate(ho(part_time=True, year_of_enrolment=2), AS_OF)
        assert year_two.outcome == "negative", (rs.name, year_two.rule.id)
        # a part-time advice after 31 August of year one is not late
        late = rs.evaluate(ho(part_time=True, advice_date=date(2026, 9, 15)), date(2026, 9, 20))
        assert late.outcome == "negative" and "within_first_year" not in missing_ids(late), (rs.name, missing_ids(late))
        # the moment is a dated, per-programme parameter: past it, no advice; before it, still one
        moment = rs.params["part_time_advice_year"]
        assert moment.model.placeholder and moment.values
        assert rs.evaluate(ho(part_time=True, year_of_enrolment=3), AS_OF).outcome == "no_advice"
    # full-time students still have the end-of-year limit (lid 1, first sentence)
    v = current.evaluate(ho(advice_date=date(2026, 9, 15)), date(2026, 9, 20))
    assert v.outcome == "procedure_incomplete" and "within_first_year" in missing_ids(v)
    basis = current.model.parameters["norm_ec_part_time"].legal_basis
    assert (basis.article, basis.paragraph) == ("7.8b", "6") and "7.13 lid 2 sub f" in basis.note.en


def test_legal_lint_keeps_the_part_time_moment_lawful(tmp_path: Path):
    """WHW art. 7.8b lid 1: the end-of-first-year limit binds full-time and dual students; a part-time advice
    after the academic year is the institution's moment (second sentence). The lint that refuses a binding
    negative "after the academic year" (BSA253) tests full-time students, so ho-current without its
    improvement-period step (which happens to read the advice date too) still passes, and a rule set whose
    full-time students can be rejected after the year is still refused."""
    from bsa_check.ruleset.validate import validate_path

    text = bundled_rule_files()["ho-current"].read_text(encoding="utf-8")
    start = text.index("    - id: improvement_period")  # in the warned_and_heard set
    lean = text[:start] + text[text.index("    - id: hearing", start):]
    lean = lean.replace(" (recorded end: {improvement_deadline})", "").replace(" (vastgelegd einde: {improvement_deadline})", "")
    path = tmp_path / "lean.yaml"
    path.write_text(lean, encoding="utf-8")
    assert [p.code for p in validate_path(path) if p.severity == "error"] == []
    late = lean.replace("          - {field: part_time, eq: true}\n          - {derived: advice_day, on_or_before: "
                        "{param: latest_advice}}", "          - {field: part_time, eq: true}\n          - "
                        "{derived: advice_day, on_or_before: {param: latest_advice, plus: {months: 3}}}", 1)
    assert late != lean
    path.write_text(late, encoding="utf-8")
    assert "BSA253" in [p.code for p in validate_path(path)]


# 2 -----------------------------------------------------------------------------------------------
def test_postponed_advice_stays_possible_in_any_later_year(current, proposed):
    """WHW art. 7.8b lid 2 and 3; CBHO 2019/208: while the propaedeutic exam is not passed an advice, and a
    rejection, stay possible after a postponement, also in enrolment year 3 or 4. It is a person's decision
    after a fresh warning and hearing, never no_advice."""
    for rs in (current, proposed):
        for year in (2, 3, 4):
            v = rs.evaluate(ho(year_of_enrolment=year, personal_circumstances=frozenset({"illness"}),
                               circumstances_decision="postpone", propaedeutic_passed=False), AS_OF)
            assert v.outcome == "needs_review" and v.rule.id == "postponed_advice_due", (rs.name, year, v.rule.id)
            text = v.rule.model.reason.en
            assert "fresh warning" in text and "hearing" in text
        # a postponement recorded in an earlier year (eerder_uitgesteld) counts the same
        earlier = rs.evaluate(ho(year_of_enrolment=3, previous_postponement=True), AS_OF)
        assert (earlier.outcome, earlier.rule.id) == ("needs_review", "postponed_advice_due")
        # once the propaedeutic exam is passed, lid 2 ends: no postponed advice falls due
        passed = rs.evaluate(ho(year_of_enrolment=3, circumstances_decision="postpone", propaedeutic_passed=True),
                             AS_OF)
        assert passed.outcome != "needs_review"


# 3 -----------------------------------------------------------------------------------------------
def test_earlier_academic_years_and_lazy_parameters(current, proposed, tmp_path: Path):
    """WHW art. 7.8b has read the same in substance since at least 2011 (consolidated texts 2011-2015), so the
    bundled rule sets evaluate earlier academic years; only the parameters a record's evaluation reads need a
    value in force (an unrelated part-time norm missing for 2010 must not fail a full-time record)."""
    old = ho(academic_year=2023, warning_date=date(2024, 5, 12), hearing_date=date(2024, 7, 3),
             advice_date=date(2024, 8, 15), enrolment_date=date(2023, 9, 1))
    for rs in (current, proposed):
        assert rs.evaluate(old, date(2024, 8, 20)).outcome == "negative"
    # lazy resolution: a rule set whose part-time norm only holds from 2015
    text = (bundled_rule_files()["ho-current"]).read_text(encoding="utf-8")
    text = re.sub(r"(?m)^      \d{4}-09-01:", "      2005-09-01:", text)
    head, tail = text.split("  norm_ec_part_time:", 1)
    tail = tail.replace("      2005-09-01: 30", "      2015-09-01: 30", 1)
    path = tmp_path / "lazy.yaml"
    path.write_text(head + "  norm_ec_part_time:" + tail, encoding="utf-8")
    rs = compile_ruleset(load_file(path))
    full_time = ho(academic_year=2010, warning_date=date(2011, 5, 12), hearing_date=date(2011, 7, 3),
                   advice_date=date(2011, 8, 15), enrolment_date=date(2010, 9, 1))
    assert rs.evaluate(full_time, date(2011, 8, 20)).outcome == "negative"
    with pytest.raises(EvaluationError) as info:  # the part-time norm is read, and has no value in 2010
        rs.evaluate({**full_time, "part_time": True}, date(2011, 8, 20))
    assert info.value.code == "BSA320" and info.value.params["param"] == "norm_ec_part_time"


def test_compare_over_three_synthetic_cohorts_evaluates_every_row(tmp_path: Path):
    """Acceptance (issue 14): `compare` over a three-cohort `synth --years 3` file with ho-current and
    ho-proposed-2023 evaluates every row (zero BSA320): earlier years are current law (7.8b), and the
    proposal would start in 2025-2026 (Kamerbrief nr. 1039)."""
    cohort = tmp_path / "cohort.csv"
    made = runner.invoke(app, ["synth", "--rows", "600", "--years", "3", "--year", "2025", "--output", str(cohort)])
    assert made.exit_code == 0, made.output
    years = {line.split(";")[2] for line in cohort.read_text(encoding="utf-8").splitlines()[1:]}
    assert years == {"2023-2024", "2024-2025", "2025-2026"}
    result = runner.invoke(app, ["compare", str(cohort), "--rules", "ho-current", "--rules", "ho-proposed-2023",
                                 "--format", "json", "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.output
    totals = json.loads(result.stdout)["totals"]
    assert totals["rows"] == 600 and totals["compared"] == 600 and totals["errors"] == 0, totals
    assert "BSA320" not in result.output


# 4 -----------------------------------------------------------------------------------------------
def test_proposal_checked_against_the_letter(current, proposed, tmp_path: Path):
    """Kamerstukken II 31 288/31 524, nr. 1039 (9 May 2023), read for itself (domain.md §12): the year-two
    stop is for "(voltijds)studenten"; the regime starts in 2025-2026 with no transition, so the year-two
    check concerns only students whose first year ran under it; the conversation is to be held with students
    who (threaten to) miss the norm, so before the advice, in its academic year; the year-two power would be a
    new provision, not 7.8b; and a text parameter has a closed set of readings."""
    year2 = dict(year_of_enrolment=2, ec_total=D("40"), academic_year=2026, enrolment_date=date(2025, 9, 1),
                 conversation_date=date(2027, 4, 1), warning_date=date(2027, 5, 12), hearing_date=date(2027, 7, 3),
                 advice_date=date(2027, 8, 15))
    as_of = date(2027, 8, 20)
    v = proposed.evaluate(ho(**year2), as_of)
    assert (v.outcome, v.rule.id) == ("negative", "year2_norm_not_met")
    # full-time only
    assert proposed.evaluate(ho(**{**year2, "part_time": True}), as_of).rule.id != "year2_norm_not_met"
    # never an earlier cohort
    earlier = proposed.evaluate(ho(**{**year2, "enrolment_date": date(2024, 9, 1)}), as_of)
    assert earlier.outcome == "no_advice"
    # before its start the proposal does not apply: current law decides a 2024-2025 record
    v2024 = proposed.evaluate(ho(academic_year=2024, ec_year1=D("40"), warning_date=date(2025, 5, 12),
                                 hearing_date=date(2025, 7, 3), advice_date=date(2025, 8, 15),
                                 enrolment_date=date(2024, 9, 1), conversation_date=None), date(2025, 8, 20))
    assert v2024.ruleset.name == "ho-current" and v2024.outcome == "negative" and v2024.via is proposed
    csv = tmp_path / "2024.csv"
    csv.write_text("studentnummer;opleiding;collegejaar;inschrijvingsjaar;inschrijfdatum;ec_jaar1;deeltijd;"
                   "propedeuse_behaald;persoonlijke_omstandigheden;besluit_omstandigheden;waarschuwingsdatum;hoordatum;"
                   "adviesdatum;ec_totaal;gespreksdatum;uitschrijfdatum\n"
                   "1;59001;2024-2025;1;01-09-2024;40;nee;nee;geen;;12-05-2025;03-07-2025;15-08-2025;;;\n",
                   encoding="utf-8")
    shown = runner.invoke(app, ["explain", str(csv), "1", "--rules", "ho-current", "--rules", "ho-proposed-2023",
                                "--lang", "en", "--as-of", "2025-08-20"], terminal_width=200)
    assert shown.exit_code == 0, shown.output
    assert "(ho-proposed-2023 applies from 2025-09-01; an earlier academic year is decided by ho-current)" in shown.stdout
    assert "under ho-proposed-2023 (ho-current): negative (binding)" in shown.stdout
    # the conversation falls in the academic year of the advice, a set number of days before it
    stale = proposed.evaluate(ho(**{**year2, "conversation_date": date(2026, 6, 1)}), as_of)
    assert "conversation" in missing_ids(stale)
    assert proposed.params["conversation_lead_days"].model.type == "integer"
    # the year-two timing cites the proposed provision, not 7.8b
    rule = next(r for r in proposed.model.rules if r.id == "year2_norm_not_met")
    timing = [p for p in rule.requires if p.id in ("end_of_year_two", "within_year_two")]
    assert len(timing) == 2 and all(p.legal_basis.law.startswith("Kamerstukken II") for p in timing)
    # year2_counts: a misspelling is an error, never a silent switch to the other reading
    with pytest.raises(UsageError) as info:
        compile_ruleset(load("ho-proposed-2023"), {"year2_counts": "first_year_unit"})
    assert info.value.code == "BSA403" and "first_year_units" in (info.value.hint or "")
    text = bundled_rule_files()["ho-proposed-2023"].read_text(encoding="utf-8")
    for old, new, code in (("      2025-09-01: programme_total", "      2025-09-01: programme_totals", "BSA203"),
                           ("{param: year2_counts, eq: first_year_units}", "{param: year2_counts, eq: first_year_unit}",
                            "BSA260")):
        assert old in text
        path = tmp_path / f"{code}.yaml"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(ErrorList) as errors:
            compile_ruleset(load_file(path))
        found = [e for e in errors.value.errors if e.code == code]
        assert found and found[0].location.line, [str(e) for e in errors.value.errors]


# 5 -----------------------------------------------------------------------------------------------
def test_improvement_period_named_in_the_warning(current, proposed):
    """WHW art. 7.8b lid 4: "een waarschuwing onder bepaling van een redelijke termijn waarbinnen de
    studieresultaten ... moeten zijn verbeterd". Where the export records the end of that period it must end
    on or before the advice date (and last at least the minimum-days parameter); explain shows it."""
    for rs in (current, proposed):
        extra: dict = {}
        late = rs.trace(ho(improvement_deadline=date(2026, 8, 30), **extra), AS_OF)
        assert late.outcome == "procedure_incomplete" and missing_ids(late) == ["improvement_period"]
        shown = [t for pc in late.preconditions for t in pc.tests if t.subject == "improvement_deadline"]
        assert shown and shown[0].left == date(2026, 8, 30)
        assert rs.evaluate(ho(improvement_deadline=date(2026, 6, 30), **extra), AS_OF).outcome == "negative"
        short = rs.evaluate(ho(improvement_deadline=date(2026, 5, 20), **extra), AS_OF)  # 8 days after the warning
        assert "improvement_period" in missing_ids(short)
        assert rs.evaluate(ho(**extra), AS_OF).outcome == "negative"  # optional: absent is today's check
        assert "warning_period_days" in rs.params and "improvement_deadline" in rs.model.optional_columns


# 6 -----------------------------------------------------------------------------------------------
def test_explain_prints_consequences_and_what_no_record_shows():
    """WHW art. 7.8b lid 5 and art. 7.42 lid 3: a rejected student's enrolment ends from the next month; no
    re-enrolment in the programme (unless a term was attached and has passed), extended to programmes sharing
    the propaedeutic exam only where the OER does so (lid 3). Not visible in a record: the designation of the
    programme (lid 3), adequate provisions (lid 3), the written decision and the appeal route (CBE, art. 7.61;
    then the ABRvS, the CBHO having been abolished on 1 January 2023)."""
    result = runner.invoke(app, ["explain", str(EXAMPLES / "students.csv"), "900002", "--rules", "ho-current",
                                 "--rules", "ho-proposed-2023", "--lang", "en", "--as-of", "2026-08-20"],
                           terminal_width=200)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for needle in ("WHW art. 7.42 lid 3", "WHW art. 7.8b lid 5", "same propaedeutic exam",
                   "designated the programme", "safeguard good study progress", "appeals board (CBE)",
                   "Council of State (since 1 January 2023; the CBHO was abolished)"):
        assert needle in out, needle
    assert out.count("Not checked by this tool") == 2  # both HO rule sets list them


# 7 -----------------------------------------------------------------------------------------------
def test_citations(current, proposed, mbo):
    """Citations as the texts name them: the decree is the Uitvoeringsbesluit WHW 2008 (BWBR0006152: "Dit
    besluit wordt aangehaald als: Uitvoeringsbesluit WHW 2008"), art. 2.1 lid 1; the MBO hearing rests on
    general administrative law (Awb 4:8) or the school's rules, not on 8.1.7a [unverified]; the law,
    Rijksoverheid and the 2023 letter speak of "een studievoortgangsgesprek": the MBO default is 1."""
    for rs in (current, proposed):
        rule = next(r for r in rs.model.rules if r.id == "circumstances_not_weighed")
        basis = rule.legal_basis
        assert (basis.law, basis.bwb_id, basis.article, basis.paragraph) == \
            ("Uitvoeringsbesluit WHW 2008", "BWBR0006152", "2.1", "1")
    hearing = next(p for r in mbo.model.rules for p in r.requires if p.id == "hearing")
    assert (hearing.legal_basis.law, hearing.legal_basis.article, hearing.legal_basis.unverified) == ("Awb", "4:8", True)
    assert mbo.params["min_progress_talks"].resolve(None, 2025) == 1
    record = {"student_id": "1", "programme": "25180", "year_of_enrolment": 1, "intended_advice": "negative",
              "programme_start": date(2025, 9, 1), "programme_length_years": 3, "progress_talks": 1,
              "warning_date": date(2026, 2, 2), "improvement_deadline": date(2026, 4, 6),
              "hearing_date": date(2026, 5, 20), "advice_date": date(2026, 6, 15), "date_of_birth": date(2006, 3, 14),
              "startkwalificatie": True}
    assert mbo.evaluate(record, date(2026, 6, 30)).outcome == "negative"


def test_an_earlier_postponement_counts_wherever_the_student_is_otherwise_past_the_advice(current, proposed):
    """WHW art. 7.8b lid 2 (CBHO 2019/208): a postponed advice stays possible while the propaedeutic exam
    is not passed. Independent review: under the proposal a full-time year-two student of a cohort before
    the regime, whom the year-two check never reaches, lost a postponement recorded in eerder_uitgesteld
    (no_advice); a part-timer past the institution's moment keeps it under both sets."""
    earlier_cohort = ho(academic_year=2025, year_of_enrolment=2, enrolment_date=date(2024, 9, 1),
                        previous_postponement=True, propaedeutic_passed=False)
    for rs in (current, proposed):
        v = rs.evaluate(earlier_cohort, AS_OF)
        assert (v.outcome, v.rule.id) == ("needs_review", "postponed_advice_due"), rs.name
        past_moment = rs.evaluate(ho(part_time=True, year_of_enrolment=3, previous_postponement=True,
                                     propaedeutic_passed=False), AS_OF)
        assert (past_moment.outcome, past_moment.rule.id) == ("needs_review", "postponed_advice_due"), rs.name


@pytest.mark.parametrize("name,param", [("ho-current", "norm_ec=10"), ("ho-current", "norm_ec=5"),
                                        ("ho-current", "norm_ec_part_time=60"), ("ho-proposed-2023", "norm_ec=10")])
def test_the_optional_postponement_column_is_safe_at_any_norm(name, param):
    """Issue 14 item 8 (BSA265): an optional column may not make a binding negative more likely. The
    bundled sets read eerder_uitgesteld only where its absence gives no_advice, so no norm an institution
    sets through --param turns the bundled set into one check refuses (the review found norm_ec=10 did)."""
    result = runner.invoke(app, ["check", str(EXAMPLES / "students.csv"), "--rules", name, "--param", param,
                                 "--as-of", "2026-08-20", "--format", "jsonl"])
    assert result.exit_code == 0, result.output[-600:]
    assert "BSA265" not in result.output
