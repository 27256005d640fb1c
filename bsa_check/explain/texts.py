"""Rule texts with their values filled in, and legal bases in words: the pieces every other part of
``bsa_check.explain`` (and the letters and reports) builds on. Pure."""

from __future__ import annotations

from typing import Any, Iterator

from bsa_check.engine.verdict import Verdict
from bsa_check.i18n import fmt_value, join_list, t
from bsa_check.ruleset import placeholders
from bsa_check.ruleset.model import LegalBasis, Text


def render(text: Text | None, values: dict[str, Any], lang: str) -> str:
    """Fill ``{name}`` placeholders; ``{{``/``}}`` are literal braces. No code is ever run.

    The syntax is ``ruleset.placeholders``, the one ``validate`` checks: every placeholder it accepts
    in a rule's texts is a key of ``values`` (``CompiledRule.placeholders``). A name that is not a key
    (a title rendered without values) is left as written."""
    if text is None:
        return ""
    return fill(getattr(text, lang), values, lang)


def fill(template: str, values: dict[str, Any], lang: str) -> str:
    """:func:`render` for one template string (a rule text in one language, or a letter template)."""

    def value_of(name: str) -> str | None:
        if name not in values:
            return None
        value = values[name]
        if name == "missing" and isinstance(value, tuple):
            return join_list([render(item, values, lang) for item in value], lang)
        return fmt_value(value, lang)

    return placeholders.fill(template, value_of)


def placeholder_spans(template: str) -> Iterator[tuple[str | None, int, int]]:
    """Every token the placeholder language knows, in order: ``(name, start, end)`` for ``{name}``,
    ``(None, start, end)`` for a literal ``{{`` or ``}}``. The same scanner :func:`fill` uses
    (``ruleset.placeholders``), so a validator that checks these checks exactly what will be filled."""
    yield from placeholders.spans(template)


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
