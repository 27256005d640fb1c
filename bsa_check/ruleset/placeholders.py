"""The one placeholder syntax of rule-file texts: ``{name}`` is a value, ``{{`` and ``}}`` are braces.

``validate`` (``engine.compile``) finds the names with :func:`names` and refuses any it does not know;
rendering (``explain.render``) fills them with :func:`fill`. Both read a text with the same scanner,
so whatever ``validate`` accepts is filled when rendering. Before issue 14 the two used different
patterns: validate accepted any known name, rendering only ``[a-z_][a-z0-9_]*``, so a parameter named
``Extra2`` (rule sets may name parameters and derived values freely) passed validate and was printed
literally as ``{Extra2}``. The choice: fill what validate accepts, rather than restrict names, since a
rule set's own parameter names are the institution's to choose and a rename would break files that
validate today.

Pure: string scanning only; no code in a text is ever run.
"""

from __future__ import annotations

import re
from typing import Callable

_TOKEN_RE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def names(template: str) -> list[str]:
    """Placeholder names in a text, in order (an escaped ``{{x}}`` is not one)."""
    return [m.group(1) for m in _TOKEN_RE.finditer(template) if m.group(1) is not None]


def spans(template: str) -> list[tuple[str | None, int, int]]:
    """Every token, in order: ``(name, start, end)`` for ``{name}``, ``(None, start, end)`` for a literal
    ``{{`` or ``}}``: what :func:`fill` replaces, for validators that locate each placeholder."""
    return [(m.group(1), m.start(), m.end()) for m in _TOKEN_RE.finditer(template)]


def fill(template: str, value_of: Callable[[str], str | None]) -> str:
    """The text with each placeholder replaced by ``value_of(name)``; a placeholder for which it returns
    None is left as written, and ``{{``/``}}`` become single braces."""

    def sub(match: re.Match[str]) -> str:
        whole = match.group(0)
        if whole == "{{":
            return "{"
        if whole == "}}":
            return "}"
        text = value_of(match.group(1))
        return whole if text is None else text

    return _TOKEN_RE.sub(sub, template)


__all__ = ["fill", "names", "spans"]
