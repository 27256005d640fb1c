"""Turn a verdict's trace into words: one-line reasons and full explanations, nl or en.

Only called when text is wanted (the per-record evaluation path renders nothing). Pure:
returns strings and lists of lines; printing happens in the CLI.

The parts, one module each: ``texts`` (rule texts filled with values, legal bases), ``reasons`` (the
one-line reason, the outcome in words, what would change it; with ``gaps``), ``trace`` (the full
decision, rule by rule) and ``details`` (derived values, aggregates, compensation, exclusion). This
module puts them together for ``explain`` and keeps every name importable from ``bsa_check.explain``.
"""

from __future__ import annotations

from bsa_check import callable_subpackage
from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.engine.verdict import Verdict
from bsa_check.explain.details import (aggregate_lines, compensation_lines, derived_lines,
                                       excluded_circumstance_lines, exclusion_lines)
from bsa_check.explain.reasons import (changes, one_line, outcome_text, reason, shortfall_texts, shows_shortfall,
                                       verdict_label)
from bsa_check.explain.texts import basis_text, fill, placeholder_spans, render, verdict_basis
from bsa_check.explain.trace import explanation, origin_lines, shift_words, test_text
from bsa_check.i18n import t

__all__ = ["aggregate_lines", "basis_text", "changes", "comparison", "compensation_lines", "derived_lines",
           "excluded_circumstance_lines", "exclusion_lines", "explanation", "fill", "full_explanation",
           "not_automated", "one_line", "origin_lines", "outcome_text", "placeholder_spans", "provenance_line",
           "reason", "render", "shift_words", "shortfall_texts", "shows_shortfall", "test_text", "verdict_basis",
           "verdict_label"]


def provenance_line(ruleset: CompiledRuleSet, lang: str) -> list[str]:
    p = ruleset.model.provenance
    if p is None:
        return []
    flags = [x for x, on in ((t("provenance.fictional", lang), p.fictional), (t("unverified", lang), p.unverified)) if on]
    return [t("explain.provenance", lang, document=p.document, institution=p.institution,
              articles=t("provenance.articles", lang, items=", ".join(p.articles)) if p.articles else "",
              flags=f" [{'; '.join(flags)}]" if flags else "")]


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
    if verdict.via is not None:  # a proposal before its start: current law decides this academic year
        lines.append(t("explain.before_valid_from", lang, asked=verdict.via.name, start=verdict.via.model.valid_from,
                       name=rs.name))
    if rs.model.legal_status == "proposal":
        lines.append(t("proposal.banner", lang))
    lines.extend(provenance_line(rs, lang))
    lines.extend(explanation(verdict, lang))
    lines.extend(not_automated(rs, lang))
    return lines


def comparison(verdicts: list[Verdict], lang: str) -> list[str]:
    """How the same student fares under each rule set."""
    lines = [t("explain.compare", lang)]
    for v in verdicts:
        name = v.ruleset.name if v.via is None else f"{v.via.name} ({v.ruleset.name})"
        lines.append("  - " + t("explain.under", lang, name=name, outcome=outcome_text(v, lang),
                                  rule=v.rule.id))
        for change in changes(v, lang):
            lines.append(f"      {change}")
    differs = len({(v.outcome, verdict_label(v, "en")) for v in verdicts}) > 1
    lines.append(t("explain.differs" if differs else "explain.same", lang))
    return lines


callable_subpackage(__name__, "explain")  # bsa_check.explain(...) is the Python API (bsa_check.api)
