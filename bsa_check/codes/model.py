"""One problem code's entry: the :class:`Code` type, the two severities and :func:`entry`, which the
data modules of ``bsa_check.codes`` write every code with (the registry and how to add a code:
``bsa_check.codes``)."""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING = "error", "warning"  # bsa_check.problems.ERROR/WARNING (a test keeps them equal)

# Where the README's code table lives: SARIF's helpUri points here (``#bsa250`` per code).
DOCS_URL = "https://github.com/bsa-check/bsa-check/blob/main/README.md"


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    severity: str
    en: tuple[str, str]  # (title, explanation)
    nl: tuple[str, str]
    example: str
    blocking: bool = False

    def title(self, lang: str) -> str:
        return (self.nl if lang == "nl" else self.en)[0]

    def explanation(self, lang: str) -> str:
        return (self.nl if lang == "nl" else self.en)[1]

    @property
    def help_uri(self) -> str:
        return f"{DOCS_URL}#problem-codes"


def entry(code: str, name: str, severity: str, en: tuple[str, str], nl: tuple[str, str], example: str,
          *, blocking: bool = False) -> Code:
    """One registry entry (see ``bsa_check.codes`` for what each argument holds)."""
    number = int(code[3:])
    # a structural or consistency error: the rule set does not load, so it blocks verdicts too
    blocking = blocking or 100 <= number <= 107 or 201 <= number <= 216
    return Code(code, name, severity, en, nl, example, blocking)
