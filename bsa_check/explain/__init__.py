"""Turn a verdict's trace into words: one-line reasons and full explanations, nl or en.

Only called when text is wanted (the per-record evaluation path renders nothing). Pure:
returns strings and lists of lines; printing happens in the CLI.
"""

from __future__ import annotations

import re
from typing import Any

from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.engine.verdict import TestResult, Verdict
from bsa_check.i18n import OPS, fmt_value, join_list, outcome_label, t
from bsa_check.ruleset.model import LegalBasis, Text

_PLACEHOLDER_RE = re.compile(r"\{\{|\}\}|\{([a-z_][a-z0-9_]*)\}")


def render(text: Text | None, values: dict[str, Any], lang: str) -> str:
    """Fill ``{name}`` placeholders; ``{{``/``}}`` are literal braces. No code is ever run."""
    if text is None:
        return ""
    template = getattr(text, lang)

    def sub(match: re.Match[str]) -> str:
        whole = match.group(0)
        if whole == "{{":
            return "{"
        if whole == "}}":
            return "}"
        name = match.group(1)
        value = values.get(name)
        if name == "missing" and isinstance(value, tuple):
            return join_list([render(item, values, lang) for item in value], lang)
        return fmt_value(value, lang)

    return _PLACEHOLDER_RE.sub(sub, template)


def basis_text(basis: LegalBasis, lang: str) -> str:
    """``WHW art. 7.8b lid 4`` (lid is kept as the term of art in English too)."""
    parts = [basis.law]
    if basis.article:
        parts.append(f"art. {basis.article}")
    if basis.paragraph:
        parts.append(f"lid {basis.paragraph}")
    if basis.sub:
        parts.append(f"sub {basis.sub}")
    text = " ".join(parts)
    if basis.note is not None:
        text += f": {getattr(basis.note, lang).rstrip('.')}"
    if basis.unverified:
        text += f" [{t('unverified', lang)}]"
    return text


def verdict_basis(verdict: Verdict, lang: str) -> str:
    """The deciding rule's basis, plus the basis of each missing precondition."""
    bases = [basis_text(verdict.rule.model.legal_basis, lang)]
    for pre in verdict.missing:
        b = basis_text(pre.model.legal_basis, lang)
        if b not in bases:
            bases.append(b)
    return "; ".join(bases)


def reason(verdict: Verdict, lang: str) -> str:
    """The one-line reason: the rule's text with its values (and the missing steps).

    Under a rule set that is a proposal, every reason starts with a label saying it is not law.
    """
    text = _reason(verdict, lang)
    if verdict.ruleset.model.legal_status == "proposal":
        text = f"[{t('status.proposal', lang)}] {text}"
    return text


def _reason(verdict: Verdict, lang: str) -> str:
    rule = verdict.rule.model
    if verdict.missing:
        if rule.reason_if_missing is not None:
            return render(rule.reason_if_missing, verdict.values, lang)
        items = join_list([render(p.model.missing, verdict.values, lang) for p in verdict.missing], lang)
        return render(rule.reason, verdict.values, lang) + " " + t("missing.list", lang, items=items)
    text = render(rule.reason, verdict.values, lang)
    if rule.note is not None:
        text += " " + render(rule.note, verdict.values, lang)
    return text


def shows_shortfall(verdict: Verdict) -> bool:
    """A credit gap is worth showing unless the student already has a positive advice or none at all."""
    return verdict.outcome not in ("positive", "no_advice")


def shortfall_texts(verdict: Verdict, lang: str) -> list[str]:
    if not shows_shortfall(verdict):
        return []
    return [t("shortfall", lang, amount=fmt_value(s.amount, lang), target=fmt_value(s.target, lang))
            for s in verdict.shortfalls]


def changes(verdict: Verdict, lang: str) -> list[str]:
    """What would change the outcome: credit shortfalls and missing procedural steps."""
    out = shortfall_texts(verdict, lang)
    if verdict.missing:
        items = [f"{render(p.model.missing, verdict.values, lang)} ({basis_text(p.model.legal_basis, lang)})"
                 for p in verdict.missing]
        out.append(t("record.steps", lang, items="; ".join(items)))
    return out


def one_line(verdict: Verdict, lang: str) -> str:
    """Reason, what would change it, and the legal basis: what the text table shows."""
    parts = [reason(verdict, lang), *shortfall_texts(verdict, lang)]
    text = " ".join((p[:1].upper() + p[1:]) if p.endswith(".") else (p[:1].upper() + p[1:] + ".") for p in parts)
    return f"{text} [{verdict_basis(verdict, lang)}]"


def test_text(test: TestResult, lang: str) -> str:
    op = OPS[test.op][lang]
    if test.op == "is_set":
        state = fmt_value(test.left, lang)
        op = op if test.right else OPS["is_empty"][lang]
        return f"{test.subject} {op}: {'✓' if test.result else '✗'} ({state})"
    right = fmt_value(test.right, lang)
    if test.right_label:
        right = f"{test.right_label} = {right}"
    mark = "✓" if test.result else "✗"
    return f"{test.subject} = {fmt_value(test.left, lang)} {op} {right}: {mark}"


def explanation(verdict: Verdict, lang: str) -> list[str]:
    """The full decision, line by line: every rule checked in order, the deciding one, why."""
    rs = verdict.ruleset
    lines = [t("explain.ruleset", lang, name=rs.name, version=rs.version, sha=rs.sha256[:12])]
    lines.append(t("explain.checked", lang))
    for i, check in enumerate(verdict.checks, 1):
        title = render(check.rule.model.title, {}, lang) if check.rule.model.title else check.rule.id
        state = t("explain.rule_yes" if check.matched else "explain.rule_no", lang)
        lines.append(f"  {i}. {check.rule.id} ({title}): {state}"
                     f" [{basis_text(check.rule.model.legal_basis, lang)}]")
        for test in check.tests:
            lines.append(f"       {test_text(test, lang)}")
    for pc in verdict.preconditions:
        state = t("explain.pre_met" if pc.met else "explain.pre_missing", lang)
        lines.append(f"     - {pc.precondition.id}: {state} [{basis_text(pc.precondition.model.legal_basis, lang)}]")
        for test in pc.tests:
            lines.append(f"         {test_text(test, lang)}")
    title = render(verdict.rule.model.title, {}, lang) if verdict.rule.model.title else verdict.rule.id
    lines.append(t("explain.decided", lang, rule=verdict.rule.id, title=title,
                   outcome=outcome_label(verdict.outcome, lang)))
    lines.append(f"  {reason(verdict, lang)}")
    change = changes(verdict, lang)
    if change:
        lines.append(t("explain.change", lang))
        lines.extend(f"  - {c}" for c in change)
    return lines


def not_automated(ruleset: CompiledRuleSet, lang: str) -> list[str]:
    """Requirements the rule set declares it cannot check from a record."""
    items = ruleset.model.not_automated
    if not items:
        return []
    lines = [t("explain.not_automated", lang)]
    lines.extend(f"  - {getattr(i.text, lang)} [{basis_text(i.legal_basis, lang)}]" for i in items)
    return lines


def full_explanation(verdict: Verdict, lang: str) -> list[str]:
    """A rule set's header, the decision trace, and what the tool could not check."""
    rs = verdict.ruleset
    status = t(f"status.{rs.model.legal_status}", lang)
    lines = [t("explain.header", lang, title=getattr(rs.model.title, lang), name=rs.name, version=rs.version,
               status=status)]
    if rs.model.legal_status == "proposal":
        lines.append(t("proposal.banner", lang))
    lines.extend(explanation(verdict, lang))
    lines.extend(not_automated(rs, lang))
    return lines


def comparison(verdicts: list[Verdict], lang: str) -> list[str]:
    """How the same student fares under each rule set."""
    lines = [t("explain.compare", lang)]
    for v in verdicts:
        lines.append("  - " + t("explain.under", lang, name=v.ruleset.name, outcome=outcome_label(v.outcome, lang),
                                  rule=v.rule.id))
        for change in changes(v, lang):
            lines.append(f"      {change}")
    differs = len({v.outcome for v in verdicts}) > 1
    lines.append(t("explain.differs" if differs else "explain.same", lang))
    return lines
