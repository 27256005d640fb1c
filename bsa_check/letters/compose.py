"""Which letter a student gets, or why none: the refusals that protect the student.

``advice`` letters follow the verdict on ``--as-of``:

- ``positive`` -> the positive advice; ``postponed`` -> the postponed advice;
- ``negative`` -> the binding negative advice: the ONLY outcome that gets one;
- ``procedure_incomplete`` -> refused (BSA810), naming every missing step: a binding negative would
  be unlawful;
- ``needs_review`` -> refused (BSA811): a person decides first; no binding letter;
- ``negative_advisory`` -> refused (BSA813): no bundled template for an advisory advice;
- ``no_advice``, ``not_yet_due``, ``interim`` -> no letter (counted, not refused).

``warning`` letters follow ``due`` (:mod:`bsa_check.services.due`): a student gets one when the
binding rule's step that records the warning (the precondition reading ``warning_date``) is still
open; refused (BSA812) when that step can no longer leave the reasonable period before the latest
advice date of the window, and when the letter's date is before the step's first day.

Pure: no I/O. Values for the template come from the verdict, the rule set and the institution.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.explain import basis_text, changes, exclusion_lines, reason, render, shortfall_texts, verdict_basis
from bsa_check.i18n import fmt_value, outcome_label
from bsa_check.records.parse import academic_year_of
from bsa_check.services.due import Step, iter_record_steps

ADVICE_TEMPLATES = {"positive": "advice-positive", "negative": "advice-negative", "postponed": "advice-postponed"}
NO_LETTER = frozenset({"no_advice", "not_yet_due", "interim"})

REFUSALS: dict[str, dict[str, str]] = {
    "BSA810": {"en": "procedure incomplete: no binding negative letter; missing {what}",
               "nl": "procedure onvolledig: geen brief met een bindend negatief advies; ontbreekt {what}"},
    "BSA811": {"en": "needs review: a person decides first ({what}); no binding letter",
               "nl": "beoordeling nodig: eerst beslist een persoon ({what}); geen bindende brief"},
    "BSA812": {"en": "warning refused: {what}", "nl": "waarschuwing geweigerd: {what}"},
    "BSA813": {"en": "outcome {what}: no bundled template for it; write this letter by hand",
               "nl": "uitkomst {what}: daarvoor is geen meegeleverde sjabloon; schrijf deze brief zelf"},
    "BSA814": {"en": "the student number cannot be a file name ({what}); no letter written",
               "nl": "het studentnummer kan geen bestandsnaam zijn ({what}); geen brief geschreven"},
}
TOO_LATE = {"en": "it can no longer leave the reasonable period before the latest advice date ({day})",
            "nl": "die laat geen redelijke verbetertermijn meer vóór de uiterste adviesdatum ({day})"}
TOO_EARLY = {"en": "the warning cannot be dated before {day}", "nl": "de waarschuwing kan niet vóór {day} worden gedateerd"}


@dataclass
class Letter:
    line: int
    student_id: str
    template: str  # the template's base name, e.g. "advice-negative"
    values: dict[str, Any]


@dataclass
class Refusal:
    line: int
    student_id: str
    code: str
    text: str


@dataclass
class Skip:
    reason: str  # an outcome, or "no_warning_due"


@dataclass
class Composer:
    ruleset: CompiledRuleSet
    as_of: date
    lang: str
    institution: dict[str, Any]
    counts: dict[str, int] = field(default_factory=dict)

    def refuse(self, line: int, sid: str, code: str, what: str) -> Refusal:
        return Refusal(line, sid, code, REFUSALS[code][self.lang].format(what=what))

    def base_values(self, record: dict, sid: str) -> dict[str, Any]:  # type: ignore[type-arg]
        values: dict[str, Any] = dict(record)
        year = record.get("academic_year")
        params = self.ruleset.params_for(record.get("programme"), year or academic_year_of(self.as_of))
        values.update(params)
        values.update(self.institution)
        values.update(student_id=sid, letter_date=self.as_of)
        return values

    def advice(self, line: int, sid: str, record: dict) -> Letter | Refusal | Skip:  # type: ignore[type-arg]
        verdict = self.ruleset.evaluate(record, self.as_of)
        outcome = verdict.outcome
        lang = self.lang
        if outcome in NO_LETTER:
            return Skip(outcome)
        if outcome == "procedure_incomplete":
            what = "; ".join(render(p.model.missing, verdict.values, lang) for p in verdict.missing)
            return self.refuse(line, sid, "BSA810", what)
        if outcome == "needs_review":
            title = verdict.rule.model.title
            return self.refuse(line, sid, "BSA811", getattr(title, lang) if title else verdict.rule.id)
        if outcome not in ADVICE_TEMPLATES:
            return self.refuse(line, sid, "BSA813", outcome_label(outcome, lang))
        values = self.base_values(record, sid)
        values.update(verdict.values)
        values.update(self.institution)  # the institution's names win over a record field of the same name
        values.update(student_id=sid, letter_date=self.as_of)
        gaps = verdict.shortfalls
        values.update(
            outcome=outcome_label(outcome, lang), grounds=reason(verdict, lang), legal_basis=verdict_basis(verdict, lang),
            what_would_change=" ".join(changes(verdict, lang)), shortfall_text=" ".join(shortfall_texts(verdict, lang)),
            shortfall=gaps[0].amount if gaps else None, target=gaps[0].target if gaps else None,
            academic_year_text=values.get("academic_year_text") or _year_text(record, self.as_of))
        if outcome == "negative":
            extra = exclusion_lines(verdict, lang)
            if extra:
                values["consequences"] = " ".join([str(self.institution["consequences"]), *extra])
        return Letter(line, sid, ADVICE_TEMPLATES[outcome], values)

    def warning(self, line: int, sid: str, record: dict) -> Letter | Refusal | Skip:  # type: ignore[type-arg]
        steps = list(iter_record_steps(record, self.ruleset, self.as_of))
        warn: Step | None = next((s for s in steps if s.kind == "step" and "warning_date" in s.fields), None)
        lang = self.lang
        if warn is None:
            return Skip("no_warning_due")
        if warn.too_late:
            last = warn.advice_until or self.as_of
            return self.refuse(line, sid, "BSA812", TOO_LATE[lang].format(day=fmt_value(last, lang)))
        if warn.earliest is not None and warn.earliest > self.as_of:
            return self.refuse(line, sid, "BSA812", TOO_EARLY[lang].format(day=fmt_value(warn.earliest, lang)))
        verdict = self.ruleset.evaluate(record, self.as_of)
        values = self.base_values(record, sid)
        values.update(warn.values)
        values.update(self.institution)
        values.update(student_id=sid, letter_date=self.as_of)
        gaps = verdict.shortfalls
        hearing = next((s for s in steps if s.kind == "step" and "hearing_date" in s.fields), None)
        values.update(
            grounds=render(warn.precondition.model.missing, warn.values, lang) if warn.precondition else "",
            legal_basis="; ".join(dict.fromkeys([basis_text(warn.rule.model.legal_basis, lang), _basis(warn, lang)])),
            shortfall_text=" ".join(shortfall_texts(verdict, lang)),
            shortfall=gaps[0].amount if gaps else None, target=gaps[0].target if gaps else None,
            advice_from=warn.advice_from, advice_until=warn.advice_until,
            hearing_by=hearing.latest if hearing else warn.advice_from,
            academic_year_text=_year_text(record, self.as_of), outcome="", what_would_change="")
        return Letter(line, sid, "warning", values)


def _basis(step: Step, lang: str) -> str:
    model = step.precondition.model.legal_basis if step.precondition is not None else step.rule.model.legal_basis
    return basis_text(model, lang)


def _year_text(record: dict, as_of: date) -> str:  # type: ignore[type-arg]
    year = record.get("academic_year") or academic_year_of(as_of)
    return f"{year}-{year + 1}"

