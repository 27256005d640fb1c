"""Turn a pydantic ValidationError on YAML data into located errors (file:line:column + hint).

Generic over the model: the caller gives the keys its models allow (for "did you mean") and the
command that prints the schema (for the hint). ``ruleset.load`` has its own copy of this logic
for rule files (``_friendly``/``validate_data``); it could use :func:`located_errors` later.
The mapping of a pydantic ``loc`` onto the YAML data path is reused from there. No I/O.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Callable, Iterable, Mapping

from pydantic import ValidationError

from bsa_check.errors import ErrorList, RuleFileError
from bsa_check.ruleset.load import error_path
from bsa_check.ruleset.yamlsafe import PositionMap

_QUOTED = re.compile(r"'([^']*)'")


def _where(path: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in path) or "top level"


AllowedKeys = Callable[[tuple[Any, ...]], Iterable[str]]


def _message(err: Mapping[str, Any], path: tuple[Any, ...], allowed: AllowedKeys, schema_hint: str) -> tuple[str, str]:
    kind = err.get("type", "")
    if kind == "extra_forbidden":
        key = path[-1] if path else err["loc"][-1]
        close = difflib.get_close_matches(str(key), sorted(set(allowed(path[:-1]))), n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"remove it, or check the spelling; {schema_hint}"
        return f"unknown key {key!r} in {_where(path[:-1])}", hint
    if kind == "missing":
        return f"missing required key {err['loc'][-1]!r} in {_where(path)}", f"add it; {schema_hint}"
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    if kind == "literal_error" and isinstance(err.get("input"), str):
        options = _QUOTED.findall(str(err.get("ctx", {}).get("expected", "")))
        close = difflib.get_close_matches(err["input"], options, n=1)
        hint = f"did you mean {close[0]!r}?" if close else "use one of: " + ", ".join(options)
        return f"{_where(path)}: {err['input']!r} is not allowed; {msg[:1].lower() + msg[1:]}", hint
    return f"{_where(path)}: {msg}", f"fix the value; {schema_hint}"


def located_errors(exc: ValidationError, data: Any, positions: PositionMap, *,
                   allowed_keys: AllowedKeys | Iterable[str], schema_hint: str, code: str = "BSA102") -> ErrorList:
    """One RuleFileError per problem, located at the offending key or value, sorted by position.

    ``allowed_keys``: the keys the models allow, or a function of the data path of the mapping
    that holds an unknown key (so the suggestion comes from the right model).

    A value that matches none of a union's members makes pydantic report one error per member;
    only the first problem per data path is kept, so the user sees one message per mistake.
    """
    if callable(allowed_keys):
        allowed: AllowedKeys = allowed_keys
    else:
        every = sorted(set(allowed_keys))
        allowed = lambda parent: every  # noqa: E731
    errors: list[RuleFileError] = []
    seen: set[tuple[Any, ...]] = set()
    for err in exc.errors(include_url=False):
        path, is_key = error_path(tuple(err["loc"]), data)
        kind = err.get("type", "")
        signature = (*path, kind == "extra_forbidden")
        if signature in seen:
            continue
        seen.add(signature)
        message, hint = _message(err, path, allowed, schema_hint)
        location = positions.locate(path, key=is_key or kind == "extra_forbidden")
        errors.append(RuleFileError(message, location=location, hint=hint, code=code))
    errors.sort(key=lambda e: (e.location.line or 0, e.location.column or 0) if e.location else (0, 0))
    return ErrorList(errors)
