"""Command-line habits (issue 18 item 6): "did you mean" for a misspelled command, and value names
in help texts (``--as-of DATE``, not ``<str>``; ``--param NAME=VALUE``, not ``<list[str]>``).

Kept out of the cli package so its modules stay small; imports only the standard library.
"""

from __future__ import annotations

import difflib
import os
from typing import Any, Iterable

# The value name shown in help for an option that sets none of its own (by option name).
VALUE_NAMES = {
    "--rules": "NAME|FILE", "--as-of": "DATE", "--output": "FILE", "--param": "NAME=VALUE", "--workers": "N",
    "--within": "DAYS", "--junit-xml": "FILE", "--rows": "N", "--seed": "N", "--show": "NAME",
    "--pseudonym-key-file": "FILE", "--columns": "MAPPING.yaml", "--sheet": "NAME",
}


def did_you_mean(word: str, commands: Iterable[str]) -> str | None:
    """The command ``word`` is probably a misspelling of, or None: not when ``word`` is a file that
    exists or looks like a path (``bsa-check FILE`` is ``bsa-check check FILE``)."""
    if not word or os.path.exists(word) or any(c in word for c in "./\\") or word == "-":
        return None
    close = difflib.get_close_matches(word.lower(), sorted(commands), n=1, cutoff=0.7)
    return close[0] if close else None


def name_values(command: Any) -> None:
    """Give every option of ``command`` (and of its subcommands) that takes a value and names none a
    real value name (choices keep their list)."""
    for sub in getattr(command, "commands", {}).values():
        name_values(sub)
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") == "argument" and hasattr(param, "display_type"):
            param.display_type = lambda ctx: ""  # its metavar (STUDENTS) is its value name
            continue
        # duck-typed: typer may carry its own copy of click's classes
        if getattr(param, "param_type_name", "") != "option" or getattr(param, "is_flag", False) \
                or getattr(getattr(param, "type_descriptor", None), "is_choice", False) \
                or type(getattr(param, "type", None)).__name__ == "Choice":
            continue
        long = next((o for o in param.opts if o.startswith("--")), param.opts[0])
        name = param.metavar or VALUE_NAMES.get(long) or long.lstrip("-").upper().replace("-", "_")
        param.metavar = name
        if hasattr(param, "display_type"):  # typer's option shows its Python type (<str>, <list[str]>)
            param.display_type = lambda ctx, name=name: name
