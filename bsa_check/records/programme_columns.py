"""An export with both a programme name and a programme code column: never pick one silently (BSA326).

Per-programme parameters (a norm per CROHO or crebo code) are keyed by code. Many exports carry both
``Opleiding`` (often the programme's name) and ``Opleidingscode`` or ``Croho`` (its code). The reader
knows ``opleiding`` as the programme column; it would read the names, no per-programme value would
match, and every row would get the rule set's default norm: a positive turned into a binding negative
without a word. So the reader stops (exit 2), naming both columns and how to choose.

Pure: looks at header cells only; the reader raises the error with its location.
"""

from __future__ import annotations

from bsa_check.records.fields import normalise_header

# Headers that hold a programme's code, normalised (fields.normalise_header).
CODE_HEADERS = frozenset({
    "opleidingscode", "opleiding_code", "croho", "crohocode", "croho_code", "crebo", "crebocode", "crebo_code",
    "isat", "isatcode", "isat_code", "programme_code", "program_code",
})
# Headers the reader takes as the programme column that may hold a programme's name instead.
NAME_HEADERS = frozenset({"opleiding", "programme"})


def name_and_code(headers: list[str]) -> tuple[tuple[int, str], tuple[int, str]] | None:
    """((column, header) of a name column, (column, header) of a code column), 1-based, when the export
    has both; else None."""
    name = code = None
    for i, raw in enumerate(headers, 1):
        key = normalise_header(raw)
        if key in NAME_HEADERS and name is None:
            name = (i, raw.strip())
        elif key in CODE_HEADERS and code is None:
            code = (i, raw.strip())
    return (name, code) if name is not None and code is not None else None


def message(found: tuple[tuple[int, str], tuple[int, str]]) -> tuple[str, str]:
    """(message, hint) of the BSA326 error."""
    (ncol, name), (ccol, code) = found
    return (f"columns {ncol} ({name}) and {ccol} ({code}) both name the programme; a programme name would match "
            "no per-programme value and silently give every row the default norm",
            f"keep one programme column: to use the codes, rename {name!r} (e.g. to opleidingsnaam, which is then "
            f"ignored) and {code!r} to croho (or programme); to use {name!r}, remove or rename {code!r}")


def default_note(ruleset: str, on_default: dict[str, list[str]], shown: int = 10) -> str | None:
    """The BSA327 warning: which programmes got which per-programme parameters' default values."""
    if not on_default:
        return None
    programmes = sorted({p for progs in on_default.values() for p in progs})
    named = ", ".join(programmes[:shown]) + (f" and {len(programmes) - shown} more" if len(programmes) > shown else "")
    return (f"rule set {ruleset}: no per-programme value of {', '.join(sorted(on_default))} matches programme(s) "
            f"{named}; their rows use the default value (if the programme column holds names, use the codes the "
            "rule set lists under by_programme)")


__all__ = ["CODE_HEADERS", "NAME_HEADERS", "default_note", "message", "name_and_code"]
