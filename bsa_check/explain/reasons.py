"""A verdict in one line: its reason, its outcome in words, and what would change it (credit gaps,
units still to pass, missing steps with their latest day). What the tables, letters and reports show.
Pure."""

from __future__ import annotations

from bsa_check.engine.verdict import Verdict
from bsa_check.explain.gaps import step_deadline_text, step_deadlines, unit_gap_texts
from bsa_check.explain.texts import basis_text, render, verdict_basis
from bsa_check.i18n import fmt_value, join_list, outcome_label, t
from bsa_check.records.fields import FIELDS_BY_NAME


def reason(verdict: Verdict, lang: str) -> str:
    """The one-line reason: the rule's text with its values (and the missing steps).

    Under a rule set that is a proposal, every reason starts with a label saying it is not law.
    """
    text = _reason(verdict, lang)
    if verdict.ruleset.model.legal_status == "proposal":
        text = f"[{t('status.proposal', lang)}] {text}"
    return text


def _fragments(verdict: Verdict, lang: str) -> str:
    """The reason fragments whose condition held, each after a space (issue 19 item 7)."""
    texts = verdict.rule.model.reason_fragments
    return "".join(" " + render(texts[i].text, verdict.values, lang) for i in verdict.fragments)


def _reason(verdict: Verdict, lang: str) -> str:
    rule = verdict.rule.model
    if verdict.missing:
        if rule.reason_if_missing is not None:
            return render(rule.reason_if_missing, verdict.values, lang) + _fragments(verdict, lang)
        items = join_list([render(p.model.missing, verdict.values, lang) for p in verdict.missing], lang)
        return (render(rule.reason, verdict.values, lang) + _fragments(verdict, lang) + " "
                + t("missing.list", lang, items=items))
    text = render(rule.reason, verdict.values, lang) + _fragments(verdict, lang)
    if rule.note is not None:
        text += " " + render(rule.note, verdict.values, lang)
    if rule.decided_by is not None and verdict.outcome == "needs_review":
        text += " " + t("reason.decided_by", lang, who=render(rule.decided_by, verdict.values, lang))
    return text


def verdict_label(verdict: Verdict, lang: str) -> str | None:
    """The label of an interim advice (the rule's ``label``: on track, doubtful, ...), else None."""
    label = verdict.rule.model.label
    if verdict.outcome != "interim" or label is None:
        return None
    text: str = getattr(label, lang)
    return text


def outcome_text(verdict: Verdict, lang: str) -> str:
    """The outcome in words, with an interim advice's label: ``interim (not binding): doubtful``."""
    label = verdict_label(verdict, lang)
    text = outcome_label(verdict.outcome, lang)
    return text if label is None else f"{text}: {label}"


def shows_shortfall(verdict: Verdict) -> bool:
    """A credit gap is worth showing unless the student already has a positive advice or none at all."""
    return verdict.outcome not in ("positive", "no_advice", "not_yet_due")


def shortfall_texts(verdict: Verdict, lang: str) -> list[str]:
    """What would change it, one line per credit gap. A gap of a derived total (credits plus the resits
    left), or one of several gaps, names what falls short by its own label and value: two lines
    "0.5 EC short of the 45 EC norm" for the credits earned and for what the resits could bring would
    say neither which is which nor that the second already counts the resits."""
    if not shows_shortfall(verdict):
        return []
    labelled = len(verdict.shortfalls) > 1
    out = []
    for s in verdict.shortfalls:
        amount, target = fmt_value(s.amount, lang), fmt_value(s.target, lang)
        derived = verdict.ruleset.model.derived.get(s.field)
        if labelled or derived is not None:
            label = getattr(derived.title, lang) if derived is not None and derived.title is not None \
                else _field_label(s.field, lang)
            out.append(t("shortfall.of", lang, label=label, actual=fmt_value(s.actual, lang), amount=amount,
                         target=target))
        else:
            out.append(t("shortfall", lang, amount=amount, target=target))
    return out


def _field_label(name: str, lang: str) -> str:
    spec = FIELDS_BY_NAME.get(name)
    if spec is None:
        return name
    text = spec.nl if lang == "nl" else spec.en
    return text[:1].upper() + text[1:]


def changes(verdict: Verdict, lang: str) -> list[str]:
    """What would change the outcome: credit shortfalls, the units still to pass for a required-unit or
    k-of-n test, and the missing procedural steps, each with the latest day it can still lawfully be
    taken (:mod:`bsa_check.explain.gaps`)."""
    out = [*shortfall_texts(verdict, lang), *unit_gap_texts(verdict, lang)]
    if verdict.missing:
        latest = step_deadlines(verdict)
        items = []
        for p in verdict.missing:
            item = f"{render(p.model.missing, verdict.values, lang)} ({basis_text(p.model.legal_basis, lang)})"
            if p.id in latest:
                item += f", {step_deadline_text(latest[p.id], lang)}"
            items.append(item)
        out.append(t("record.steps", lang, items="; ".join(items)))
    return out


def one_line(verdict: Verdict, lang: str) -> str:
    """Reason, what would change it, and the legal basis: what the text table shows."""
    parts = [reason(verdict, lang), *shortfall_texts(verdict, lang)]
    text = " ".join((p[:1].upper() + p[1:]) if p.endswith(".") else (p[:1].upper() + p[1:] + ".") for p in parts)
    flag = f" [{t('rule.unverified', lang)}]" if verdict.rule.model.unverified else ""
    return f"{text} [{verdict_basis(verdict, lang)}]{flag}"
