"""Dutch for problem messages: see bsa_check.i18n.problems."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {}
