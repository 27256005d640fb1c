"""``bsa-check rules --show NAME``: a bundled rule set's file, as written, so a user can read what they extend."""

from __future__ import annotations

import difflib

from bsa_check.errors import UsageError
from bsa_check.ruleset.load import MAX_RULE_FILE_BYTES, bundled_rule_files, read_source


def show_bundled(name: str) -> str:
    """The text of the bundled rule set ``name`` (its comments included). Raises UsageError naming the others."""
    bundled = bundled_rule_files()
    if name not in bundled:
        close = difflib.get_close_matches(name, list(bundled), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise UsageError(f"no bundled rule set named {name!r}",
                         hint=f"{hint}bundled rule sets: {', '.join(bundled) or '(none)'}", code="BSA110")
    _, text = read_source(bundled[name], "rule file", MAX_RULE_FILE_BYTES)
    return text if text.endswith("\n") else text + "\n"
