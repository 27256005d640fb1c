"""The legal facts of a verdict as machine fields (issue 19 item 9): what ``explain`` says in words,
json, jsonl, csv and xlsx carry as data.

- ``label``: an interim advice's label (the rule's ``label``), else null;
- ``exclusion``: for a binding negative (``applies: true``), or one that would be binding once the
  procedure is complete (``procedure_incomplete``, ``applies: false``): the term (``years`` or
  ``indefinite``), from when it runs, its scope in words, the sister ``programmes``, whether it extends
  to programmes sharing the first year, and its legal basis; else null;
- ``decided_by``: who decides a ``needs_review`` outcome, where the rule names it; else null;
- ``provenance``: where the rule set comes from (institution, document, academic year, articles, ...);
- ``unverified``: every flag saying a part of this verdict's footing could not be checked against a
  primary text: ``ruleset``, ``ruleset.basis``, ``provenance``, ``rule`` (the rule's reading of the OER),
  ``rule.basis``, ``precondition:ID`` (the basis of one of the deciding rule's preconditions),
  ``exclusion.basis``, ``parameter:NAME`` (a parameter, or its basis, that the deciding rule's
  condition, preconditions or reason fragments read, directly or through derived values, or that its
  reason shows). Empty: nothing
  flagged.

A function of the verdict alone (renderers memoise per verdict signature); no I/O.
"""

from __future__ import annotations

from typing import Any

from bsa_check.explain import basis_text, exclusion_lines, render, verdict_label

EXCLUSION_OUTCOMES = ("negative", "procedure_incomplete")


def exclusion_fact(verdict: Any, lang: str) -> dict[str, Any] | None:
    ex = verdict.rule.model.exclusion
    if ex is None or verdict.outcome not in EXCLUSION_OUTCOMES:
        return None
    return {"applies": verdict.outcome == "negative", "years": ex.years, "indefinite": ex.indefinite,
            "from": getattr(ex.from_, lang), "scope": getattr(ex.scope, lang), "programmes": list(ex.programmes),
            "shared_first_year": ex.shared_first_year, "basis": basis_text(ex.legal_basis, lang)}


def decided_by_fact(verdict: Any, lang: str) -> str | None:
    who = verdict.rule.model.decided_by
    # rendered like the reason's "decided by" (its placeholders are checked by validate and filled)
    return render(who, verdict.values, lang) if who is not None and verdict.outcome == "needs_review" else None


def provenance_fact(ruleset: Any) -> dict[str, Any] | None:
    p = ruleset.model.provenance
    if p is None:
        return None
    return {"institution": p.institution, "document": p.document, "academic_year": p.academic_year,
            "articles": list(p.articles), "programmes": list(p.programmes), "url": p.url, "fictional": p.fictional,
            "unverified": p.unverified}


def unverified_flags(verdict: Any) -> list[str]:
    rs = verdict.ruleset.model
    rule = verdict.rule.model
    flags = []
    if rs.unverified:
        flags.append("ruleset")
    if rs.legal_basis.unverified:
        flags.append("ruleset.basis")
    if rs.provenance is not None and rs.provenance.unverified:
        flags.append("provenance")
    if rule.unverified:
        flags.append("rule")
    if rule.legal_basis.unverified:
        flags.append("rule.basis")
    for pre in verdict.rule.requires:
        if pre.model.legal_basis.unverified:
            flags.append(f"precondition:{pre.id}")
    if rule.exclusion is not None and verdict.outcome in EXCLUSION_OUTCOMES and rule.exclusion.legal_basis.unverified:
        flags.append("exclusion.basis")
    for name in sorted(set(verdict.values) | verdict.rule.params_read):
        p = rs.parameters.get(name)
        if p is not None and (p.unverified or (p.legal_basis is not None and p.legal_basis.unverified)):
            flags.append(f"parameter:{name}")
    return flags


def legal_facts(verdict: Any, lang: str) -> dict[str, Any]:
    """The fields json and jsonl add to a verdict (see the module docstring)."""
    return {"label": verdict_label(verdict, lang), "exclusion": exclusion_fact(verdict, lang),
            "decided_by": decided_by_fact(verdict, lang), "provenance": provenance_fact(verdict.ruleset),
            "unverified": unverified_flags(verdict)}


CSV_COLUMNS = ("label", "exclusion", "decided_by", "provenance", "unverified")


def legal_cells(verdict: Any, lang: str) -> tuple[str, ...]:
    """The same facts as flat cells (csv, xlsx), in ``CSV_COLUMNS`` order: the exclusion in words as
    ``explain`` says it, the provenance as document and institution, the flags separated by ``|``."""
    ex = exclusion_lines(verdict, lang)
    p = verdict.ruleset.model.provenance
    return (verdict_label(verdict, lang) or "", ex[0].strip() if ex else "", decided_by_fact(verdict, lang) or "",
            f"{p.document}, {p.institution}" if p is not None else "", "|".join(unverified_flags(verdict)))
