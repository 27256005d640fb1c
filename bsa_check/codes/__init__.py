"""The problem-code registry: every BSAnnn code the tool reports, with its name, severity, a Dutch
and English title and explanation, and an example. ``bsa-check codes [CODE]``, the SARIF rule
metadata and the README's code table come from here; a test checks that every code the package
uses is registered (tests/unit/test_codes.py reads the codes from the source).

Ranges, one module each: BSA0xx and BSA1xx rule-file structure (and test-file structure, BSA13x)
in ``rule_files``; BSA14x and BSA2xx consistency and semantics in ``consistency``; BSA25x legal lint
in ``legal_lint``; BSA3xx student records and evaluation in ``records``; BSA4xx usage in ``usage``;
BSA6xx column mappings and BSA7xx configuration and suppression in ``configuration``; BSA8xx letters
in ``letters``. Codes are stable; a renamed code keeps an alias (``bsa_check.problems.ALIASES``).

Adding a code: add one ``entry(...)`` to ``ENTRIES`` of the module of its range, in numeric order
(``bsa_check.codes.model.entry``), with

- ``code``: ``"BSAnnn"`` in your range; ``name``: a short kebab-case name (stable, like the code);
- ``severity``: ``ERROR`` (a finding: exit 1, or a row/usage error), ``WARNING`` (reported, does not
  fail); ``blocking=True`` for an error that makes a rule set unusable for verdicts (a legal lint in
  ``ruleset.validate.BLOCKING``): it can never be suppressed. Structural and consistency errors
  (BSA100-BSA107, BSA201-BSA216: the rule set does not load) are blocking without saying so;
- ``en``/``nl``: (title, explanation), one line and a few sentences saying what is wrong and what to do;
- ``example``: the smallest input that gives the code, and the fix where that helps.

Then run ``python -m bsa_check.codes --markdown`` and paste the table into the README's "Problem
codes" section (tests/unit/test_codes.py checks the README table equals the registry).
"""

from __future__ import annotations

from bsa_check.codes import configuration, consistency, legal_lint, letters, records, rule_files, usage
from bsa_check.codes.model import DOCS_URL, ERROR, WARNING, Code

__all__ = ["CODES", "DOCS_URL", "ERROR", "WARNING", "Code", "describe", "get", "listing", "markdown_table",
           "severity"]


def _registry(*ranges: tuple[Code, ...]) -> dict[str, Code]:
    """Code -> entry, in the order given (numeric: each range follows the one before)."""
    out: dict[str, Code] = {}
    for entries in ranges:
        for entry in entries:
            assert entry.code not in out, entry.code
            out[entry.code] = entry
    return out


CODES: dict[str, Code] = _registry(rule_files.ENTRIES, consistency.ENTRIES, legal_lint.ENTRIES, records.ENTRIES,
                                   usage.ENTRIES, configuration.ENTRIES, letters.ENTRIES)


def get(code: str) -> Code | None:
    """The registered entry of ``code`` (an alias resolves to its current code), or None."""
    from bsa_check.problems import ALIASES

    code = code.strip().upper()
    return CODES.get(ALIASES.get(code, code))


def severity(code: str) -> str:
    entry = CODES.get(code)
    return entry.severity if entry else ERROR


def describe(code: Code, lang: str) -> str:
    """``bsa-check codes CODE``: name, severity, explanation and example, in ``lang``."""
    labels = {"nl": ("ernst", "voorbeeld", "blokkeert uitkomsten; kan niet onderdrukt worden"),
              "en": ("severity", "example", "blocks verdicts; cannot be suppressed")}[lang if lang == "nl" else "en"]
    severity_word = {"nl": {ERROR: "fout", WARNING: "waarschuwing"}}.get(lang, {}).get(code.severity, code.severity)
    lines = [f"{code.code} {code.name}: {code.title(lang)}",
             f"{labels[0]}: {severity_word}" + (f" ({labels[2]})" if code.blocking else ""),
             "", code.explanation(lang), "", f"{labels[1]}:"]
    lines += ["    " + line for line in code.example.replace("\\n", "\n").splitlines()]
    return "\n".join(lines) + "\n"


def listing(lang: str) -> str:
    """``bsa-check codes``: one line per code (the severity in ``lang``; the name is an identifier)."""
    words = {ERROR: "fout", WARNING: "waarschuwing"} if lang == "nl" else {}
    width = max(len(words.get(c.severity, c.severity)) for c in CODES.values())
    return "".join(f"{c.code}  {words.get(c.severity, c.severity):<{width}}  {c.name:<32}  {c.title(lang)}\n"
                   for c in CODES.values())


def markdown_table() -> str:
    """The README's code table (English), generated from the registry."""
    rows = ["| code | name | severity | meaning |", "|---|---|---|---|"]
    for c in CODES.values():
        sev = c.severity + (", blocks verdicts" if c.blocking else "")
        title = c.en[0].replace("|", "\\|")
        rows.append(f"| <a id=\"{c.code.lower()}\"></a>{c.code} | `{c.name}` | {sev} | {title} |")
    return "\n".join(rows) + "\n"
