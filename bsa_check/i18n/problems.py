"""Dutch for the tool's problem messages (row errors, usage errors, ``validate`` problems).

The messages are written in English where they arise (``BsaCheckError.message``/``hint``, with a
problem code); this module gives each one its Dutch text when it is shown in Dutch. The tables in
``bsa_check.i18n.nl_*`` map, per problem code, an English template to a Dutch one:

    "{column} '{value}' {_what}": "{column} '{value}' {_what}"

A ``{name}`` matches any text and is carried over as it is (file names, cell values, rule ids);
a ``{_name}`` (leading underscore) is itself translated (a reason, a field description), from the
same code's table or the shared ``PHRASES``. A text no template matches stays English: the test
tests/unit/test_i18n_coverage.py finds every message in the source and fails on one without Dutch.

JSON, SARIF and the other machine formats keep the English message (and the code) as their contract.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

_PLACEHOLDER = re.compile(r"\{(_?[a-z][a-z0-9_]*)\}")

SEVERITY = {"error": {"en": "error", "nl": "fout"}, "warning": {"en": "warning", "nl": "waarschuwing"},
            "note": {"en": "note", "nl": "let op"}}


def _tables() -> dict[str, dict[str, str]]:
    from bsa_check.i18n import nl_lint, nl_records, nl_rules, nl_schema, nl_usage

    merged: dict[str, dict[str, str]] = {}
    for module in (nl_records, nl_rules, nl_lint, nl_schema, nl_usage):
        for code, table in module.TEXTS.items():
            merged.setdefault(code, {}).update(table)
    return merged


@lru_cache(maxsize=1)
def tables() -> dict[str, dict[str, str]]:
    """Code (or ``"*"`` for the shared phrases) -> {English template: Dutch template}."""
    merged = _tables()
    from bsa_check.records.fields import FIELDS

    shared = merged.setdefault("*", {})
    for spec in FIELDS:  # a field's description, as hints name it ("correct the {_field} in this cell"),
        shared.setdefault(spec.en, spec.nl)  # and its name: the Dutch header the export has (ec_jaar1)
        if spec.aliases:
            shared.setdefault(spec.name, spec.aliases[0])
    return merged


@lru_cache(maxsize=None)
def _compiled(code: str) -> tuple[dict[str, str], list[tuple[re.Pattern[str], list[str], str]]]:
    exact: dict[str, str] = {}
    patterns: list[tuple[int, re.Pattern[str], list[str], str]] = []
    for english, dutch in tables().get(code, {}).items():
        names = _PLACEHOLDER.findall(english)
        if not names:
            exact[english] = dutch
            continue
        regex, seen = "", set()
        for i, part in enumerate(_PLACEHOLDER.split(english)):
            if i % 2 == 0:
                regex += re.escape(part)
            elif part in seen:
                regex += f"(?P={part})"
            else:
                seen.add(part)
                regex += f"(?P<{part}>.*?)"
        literal = len(_PLACEHOLDER.sub("", english))
        if any(n.startswith("_items") for n in names):  # a list's template before its items' templates, which
            literal += 10_000  # would otherwise match the whole list ("a (also accepted: b); c (also ...)")
        patterns.append((literal, re.compile(regex + r"\Z", re.DOTALL), names, dutch))
    patterns.sort(key=lambda p: -p[0])  # the most specific template first
    return exact, [(p, n, d) for _, p, n, d in patterns]


def translate(code: str, text: str | None, lang: str) -> str | None:
    """``text`` (a message or hint of problem ``code``) in ``lang``; English text when no template fits."""
    if text is None or lang != "nl":
        return text
    found = lookup(code, text)
    return text if found is None else found


def lookup(code: str, text: str, depth: int = 0) -> str | None:
    """The Dutch of ``text`` from ``code``'s table, then the shared phrases; None when none fits.

    An exact text first; then the templates, most specific first, where a template only fits when
    each of its ``{_name}`` parts has Dutch too (so a loose template cannot swallow a phrase)."""
    names = (code, "*") if code != "*" else ("*",)
    for table in names:
        exact = _compiled(table)[0]
        if text in exact:
            return exact[text]
    if depth > 4:
        return None
    for table in names:
        for pattern, _names, dutch in _compiled(table)[1]:
            m = pattern.match(text)
            if m is None:
                continue
            values: dict[str, str | None] = dict(m.groupdict())
            for name, value in list(values.items()):
                if name.startswith("_items"):  # a list "a; b; c": each item on its own
                    items = [_phrase(code, v, depth + 1) for v in str(value).split("; ")]
                    values[name] = None if None in items else "; ".join(str(i) for i in items)
                elif name.startswith("_"):
                    values[name] = _phrase(code, str(value), depth + 1)
            if None not in values.values():
                return _fill(dutch, values)
    return None


def _phrase(code: str, text: str, depth: int) -> str | None:
    found = lookup(code, text, depth)
    if found is not None:
        return found
    head, sep, tail = text.partition("; ")  # "what; advice", as cell errors are written
    if sep:
        first, rest = _phrase(code, head, depth), _phrase(code, tail, depth)
        return None if first is None or rest is None else first + sep + rest
    return None


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _fill(template: str, values: Mapping[str, Any]) -> str:
    """The Dutch template with its values; a ``{day}``/``{date...}`` value written ISO becomes dd-mm-jjjj
    (one date style per language)."""
    def value(m: re.Match[str]) -> str:
        name, text = m.group(1), str(values.get(m.group(1), m.group(0)))
        if name.lstrip("_").startswith(("day", "date")):
            text = _ISO_DATE.sub(lambda d: f"{d[3]}-{d[2]}-{d[1]}", text)
        return text

    return _PLACEHOLDER.sub(value, template)


def severity(word: str, lang: str) -> str:
    return SEVERITY.get(word, {}).get(lang, word)


def describe(error: Any, lang: str) -> str:
    """``str(error)`` (``location: message (hint)``) with its message and hint in ``lang``: for a
    :class:`~bsa_check.errors.BsaCheckError`, a compare ``RowError`` or anything shaped like them."""
    text = str(error)
    if lang != "nl":
        return text
    code = getattr(error, "code", "BSA000")
    hint = getattr(error, "hint", None)
    tail = ""
    if hint and text.endswith(f" ({hint})"):
        text, tail = text[: -len(hint) - 3], f" ({translate(code, hint, lang)})"
    message = getattr(error, "message", None)
    at = text.rfind(message) if message else -1
    if message and at >= 0:
        text = text[:at] + str(translate(code, message, lang)) + text[at + len(message):]
    return text + tail


def error_line(error: Any, lang: str, word: str = "error") -> str:
    """``error[BSA310]: file:3:5 (column): message (hint)``, as stderr shows a problem (``fout[...]`` in Dutch)."""
    return f"{severity(word, lang)}[{error.code}]: {describe(error, lang)}"


_CHOSEN: list[str] = []  # the language of this command's messages, once the command has chosen it


def choose(lang: str) -> str:
    """Remember ``lang`` as the language of this run's messages (stderr errors, notes); returns it."""
    _CHOSEN[:] = [lang]
    return lang


def forget() -> None:
    """No language chosen yet (a new run)."""
    _CHOSEN.clear()


def chosen() -> str:
    """The language chosen with :func:`choose`, else the environment's (LC_ALL/LANG)."""
    if _CHOSEN:
        return _CHOSEN[0]
    from bsa_check.i18n import detect_lang

    return detect_lang()
