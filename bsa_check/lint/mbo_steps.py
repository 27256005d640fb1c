"""BSA234: an MBO binding negative needs every statutory step of art. 8.1.7a WEB as a precondition.

A binding negative study advice in MBO is lawful only after a procedure (domain.md §4 and §12): at least
one study-progress conversation, a written warning during the programme and before the advice, with a
reasonable improvement period that ended before the advice, a hearing before the decision (Awb 4:8),
an advice date inside the window (9 to 12 months after the start; 3 to 4 months for a one-year
programme), and, for a minor in an entree programme, the offer of another programme. For each MBO rule
with outcome ``negative`` the lint builds witness records that complete the procedure and breaks one
step at a time (no progress talk, a warning before the start, an improvement period that ends after the
advice, an advice date 13 months after the start, a 17-year-old in entree without an offer, ...): when
the rule's preconditions still all hold, the rule set can give a binding negative without that step,
and the error refuses it for verdicts. BSA253 already reports a warning or hearing no precondition
reads; this lint does not repeat it for that step.

The witnesses complete the procedure generously (20 progress talks, a warning a month after the start,
the improvement period ending a week before the advice) so a school's stricter numbers do not hide a
dropped step; a precondition stricter than the law never makes a witness pass, so it is never refused.

Passing example: ``rules/mbo.yaml`` (and the gallery files that extend it).

Failing examples (conformance files in ``tests/data/rules/invalid``): ``lint_mbo_negative_without_*.yaml``
(BSA234), one for each step a flat MBO file drops; ``lint_mbo_negative_without_hearing.yaml`` is BSA253.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from bsa_check.engine.compile import Ctx, add_months
from bsa_check.problems import ERROR

NAME = "mbo_steps"
CODES = ("BSA234",)
SEVERITY = ERROR
BLOCKS_VERDICTS = True

Witness = tuple[dict[str, Any], date]  # (record, reference date)
Breaker = Callable[[dict[str, Any], date], Iterator[tuple[str, Witness]]]


def _warning(r: dict[str, Any], as_of: date) -> Iterator[tuple[str, Witness]]:
    advice, start = r["advice_date"], r["programme_start"]
    yield "no warning", ({k: v for k, v in r.items() if k != "warning_date"}, as_of)
    yield "a warning dated before the programme start", ({**r, "warning_date": start - timedelta(days=30)}, as_of)
    yield "a warning dated on the advice date", ({**r, "warning_date": advice}, as_of)
    yield "a warning dated after the reference date", (r, r["warning_date"] - timedelta(days=1))


def _improvement(r: dict[str, Any], as_of: date) -> Iterator[tuple[str, Witness]]:
    advice = r["advice_date"]
    late = advice - timedelta(days=1)
    yield ("no improvement deadline and the warning one day before the advice",
           ({**{k: v for k, v in r.items() if k != "improvement_deadline"}, "warning_date": late, "hearing_date": late},
            as_of))
    yield "an improvement period ending on the warning date", ({**r, "improvement_deadline": r["warning_date"]}, as_of)
    yield ("an improvement period ending after the advice date",
           ({**r, "improvement_deadline": advice + timedelta(days=30)}, advice + timedelta(days=40)))


def _hearing(r: dict[str, Any], as_of: date) -> Iterator[tuple[str, Witness]]:
    advice = r["advice_date"]
    yield "no hearing", ({k: v for k, v in r.items() if k != "hearing_date"}, as_of)
    yield "a hearing after the advice date", ({**r, "hearing_date": advice + timedelta(days=3)},
                                              advice + timedelta(days=10))
    yield "a hearing after the reference date", (r, r["hearing_date"] - timedelta(days=1))


def _window(r: dict[str, Any], as_of: date) -> Iterator[tuple[str, Witness]]:
    start = r["programme_start"]
    months = (2, 5) if r["programme_length_years"] == 1 else (6, 13)
    for m in months:
        advice = add_months(start, m) + timedelta(days=14)
        moved = {**r, "advice_date": advice, "improvement_deadline": advice - timedelta(days=7),
                 "hearing_date": advice - timedelta(days=3)}
        if r["programme_length_years"] == 1:
            yield f"an advice date {m} months after the start of a one-year programme", (moved, advice)
        else:
            yield f"an advice date {m} months after the start of a longer programme", (moved, advice)


def _alternative(r: dict[str, Any], as_of: date) -> Iterator[tuple[str, Witness]]:
    minor = {**r, "level": 1, "startkwalificatie": False,
             "date_of_birth": date(r["advice_date"].year - 17, 1, 1)}
    yield ("a student of 17 in an entree programme without a startkwalificatie and no alternative offered",
           ({**minor, "alternative_offered": False}, as_of))
    yield ("a student of 17 in an entree programme without a startkwalificatie and no offer recorded",
           ({k: v for k, v in minor.items() if k != "alternative_offered"}, as_of))


def _talks(r: dict[str, Any], as_of: date) -> Iterator[tuple[str, Witness]]:
    yield "no progress talk", ({k: v for k, v in r.items() if k != "progress_talks"}, as_of)
    yield "0 progress talks", ({**r, "progress_talks": 0}, as_of)


# (step, the field BSA253 reports it by or None, the step's text, its legal basis, the witnesses without it)
STEPS: tuple[tuple[str, str | None, str, str, Breaker], ...] = (
    ("progress_talks", None, "a study-progress conversation (at least one)",
     "WEB art. 8.1.7a; Rijksoverheid; Kamerstukken II 31 288/31 524, nr. 1039", _talks),
    ("warning", "warning_date", "a written warning during the programme, before the advice",
     "WEB art. 8.1.7a lid 2 sub c", _warning),
    ("improvement_period", None, "a reasonable improvement period after the warning, ended before the advice",
     "WEB art. 8.1.7a lid 2 sub c", _improvement),
    ("hearing", "hearing_date", "a hearing of the student before the decision", "Awb art. 4:8", _hearing),
    ("advice_window", None, "an advice date inside the advice window (9 to 12 months after the start; "
     "3 to 4 months for a one-year programme)", "WEB art. 8.1.7a; Rijksoverheid; Grashoff amendment", _window),
    ("alternative_offered", None, "the offer of another programme to a minor in an entree programme",
     "WEB art. 8.1.7a; Rijksoverheid", _alternative),
)


def complete(year: int, programme: str) -> Iterator[Witness]:
    """Witness records of the academic year ``year`` on which every step of the procedure is done."""
    start = date(year, 9, 1)
    for length, months, warned in ((3, 9, 30), (3, 10, 30), (3, 11, 30), (1, 3, 7)):
        advice = add_months(start, months) + timedelta(days=14)
        yield {"student_id": "witness", "programme": programme, "academic_year": year, "year_of_enrolment": 1,
               "intended_advice": "negative", "programme_start": start, "programme_length_years": length,
               "level": 2 if length == 1 else 4, "progress_talks": 20, "warning_date": start + timedelta(days=warned),
               "improvement_deadline": advice - timedelta(days=7), "hearing_date": advice - timedelta(days=3),
               "advice_date": advice, "date_of_birth": date(year - 25, 1, 1), "startkwalificatie": True,
               "alternative_offered": True, "personal_circumstances": frozenset()}, advice


def _holds(linter: Any, rule: Any, record: dict[str, Any], as_of: date, year: int) -> bool:
    try:
        params = linter.compiled.params_for(record.get("programme"), year)
        ctx = Ctx(record, as_of, year, params, linter.compiled.derived)
        return all(pre.cond(ctx) for pre in rule.requires)
    except Exception:  # noqa: BLE001 - a witness the rule set cannot evaluate proves nothing
        return False


def _reported(linter: Any, rule_id: str, field: str | None) -> bool:
    """Whether BSA253 already reported ``field`` missing from the rule's preconditions."""
    return field is not None and any(p.code == "BSA253" and f"rule {rule_id!r}" in p.message and field in p.message
                                     for p in linter.problems)


def check(linter: Any) -> None:
    rs, compiled = linter.rs, linter.compiled
    if compiled is None or rs.sector != "mbo":
        return
    scenarios = linter.scenarios()
    for i, rule in enumerate(rs.rules):
        if rule.outcome != "negative":
            continue
        compiled_rule = compiled.rules[i]
        for step, field, what, basis, breaker in STEPS:
            if _reported(linter, rule.id, field):
                continue
            case = next((c for programme, year in scenarios for base, as_of in complete(year, programme)
                         for c, (record, day) in breaker(base, as_of)
                         if _holds(linter, compiled_rule, record, day, year)), None)
            if case is not None:
                linter.add(("rules", i, "requires"), "BSA234",
                           f"rule {rule.id!r} can give a binding negative without {what} (legal basis: {basis}): "
                           f"its preconditions all hold on a witness record with {case}",
                           f"add a precondition that requires this step, as the precondition {step} of the bundled "
                           f"mbo rule set does")
