"""Problem: one finding about a rule file (or test file), shared by validate and test reporting.

Codes are stable: BSA1xx structure (YAML, schema), BSA2xx consistency and semantics, BSA25x
legal lint against the national frame. Renamed codes keep an alias (``ALIASES``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bsa_check.errors import BsaCheckError, Location

ERROR, WARNING = "error", "warning"
ALIASES: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    severity: str
    message: str
    location: Location
    hint: str | None = None

    @classmethod
    def from_error(cls, error: BsaCheckError, severity: str = ERROR) -> "Problem":
        return cls(error.code, severity, error.message, error.location or Location("?"), error.hint)

    def sort_key(self) -> tuple[Any, ...]:
        loc = self.location
        return (loc.file, loc.line or 0, loc.column or 0, self.code)
