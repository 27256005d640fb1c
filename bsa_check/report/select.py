"""``check``'s row selection options: ``--only OUTCOME,...`` and ``--summary`` (issue 18).

Owns: reading ``--only`` into a set of outcome codes (an unknown one is a usage error naming the
valid codes, BSA438) and refusing ``--summary`` for a row format (one without ``counts_alone``, BSA439). The filtering itself is
``Reporter.only``: every row is counted, only the chosen outcomes are written, and a row that could
not be evaluated is always written.
"""

from __future__ import annotations

from bsa_check.errors import UsageError
from bsa_check.formats import CHECK_FORMATS
from bsa_check.ruleset.model import OUTCOMES


def only_outcomes(text: str | None) -> frozenset[str] | None:
    """The outcomes ``--only`` names (``None`` when not given)."""
    if text is None:
        return None
    names = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [name for name in names if name not in OUTCOMES]
    if unknown or not names:
        from difflib import get_close_matches

        what = ", ".join(repr(name) for name in unknown) if unknown else "nothing"
        near = get_close_matches(unknown[0], OUTCOMES, n=1) if unknown else []
        valid = ", ".join(OUTCOMES)
        hint = f"did you mean {near[0]}? the outcomes are {valid}" if near else f"the outcomes are {valid}"
        raise UsageError(f"--only names {what}, not an outcome", code="BSA438", hint=hint)
    return frozenset(names)


def refuse_summary(summary: bool, fmt: str) -> None:
    if summary and not CHECK_FORMATS[fmt].counts_alone:
        raise UsageError(f"--summary prints only the counts, and the {fmt} format has no place for counts alone",
                         code="BSA439", hint="use --format text or --format json with --summary, or leave it out")
