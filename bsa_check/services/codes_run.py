"""``bsa-check codes``: what a problem code means, or the list of them all (bsa_check.codes)."""

from __future__ import annotations

from bsa_check.errors import UsageError


def code_text(code: str | None, language: str) -> str:
    """The listing (``code`` None) or one code's description; an unknown code is refused (BSA420),
    with the closest code as a hint."""
    import difflib

    from bsa_check import codes as registry

    if code is None:
        return registry.listing(language)
    entry = registry.get(code)
    if entry is None:
        close = difflib.get_close_matches(code.strip().upper(), list(registry.CODES), n=1)
        raise UsageError(f"no problem code {code!r}", code="BSA420",
                         hint=(f"did you mean {close[0]}? " if close else "") + "`bsa-check codes` lists them all")
    return registry.describe(entry, language)
