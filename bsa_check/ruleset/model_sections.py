"""The rule format's optional sections about the programme and the institution (see ``ruleset.model``):
the unit catalogue (with academic years of validity), compensation schemes, provenance, and the
kinds of personal circumstance a rule set designates or excludes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator

from bsa_check.ruleset.model_base import Label, LegalBasis, Strict, Text

__all__ = ["AcademicYearSpec", "CircumstanceKind", "Circumstances", "Compensation", "GradeBand", "KindName",
           "Provenance", "Unit", "UnitCatalogue"]

def _academic_year(value: Any) -> Any:
    """An academic year as 2025-2026 (the first year's number is kept) or as 2025."""
    if isinstance(value, str):
        m_ = re.fullmatch(r"\s*(\d{4})\s*(?:[-/]\s*(\d{2}|\d{4}))?\s*", value)
        if m_ is None:
            raise ValueError("write an academic year as 2025-2026 or 2025")
        first, second = int(m_.group(1)), m_.group(2)
        if second is not None and int(second[-2:]) != (first + 1) % 100:
            raise ValueError(f"{value} is not one academic year (the second year follows the first)")
        return first
    return value


# an academic year in a rule file: 2025-2026 (or 2025-26, 2025/2026) or 2025; the model keeps 2025
AcademicYearSpec = Annotated[int, BeforeValidator(_academic_year), Field(ge=1900, le=9999), WithJsonSchema(
    {"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 9999},
               {"type": "string", "pattern": r"^\s*\d{4}\s*([-/]\s*(\d{2}|\d{4}))?\s*$"}]})]


class Unit(Strict):
    """A unit (course, module) of the programme as the OER lists it."""

    ec: Decimal = Field(ge=0, le=60)
    title: Text | None = None
    block: str | None = Field(default=None, description="block, period or module the unit belongs to")
    first_year: bool = Field(default=True, description="part of the first-year (propaedeutic) programme")
    groups: list[str] = Field(default_factory=list, description="named groups (for k-of-n and group credits)")
    valid_from: AcademicYearSpec | None = Field(
        default=None, description="first academic year the unit is in the catalogue (2025-2026 or 2025); before it "
                                  "the unit is not part of the programme: not required, its results not counted")
    valid_until: AcademicYearSpec | None = Field(
        default=None, description="last academic year the unit is in the catalogue (2025-2026 or 2025); after it "
                                  "likewise")

    def valid_in(self, year: int) -> bool:
        """Whether the unit is in the catalogue of the academic year starting in ``year``."""
        return (self.valid_from is None or year >= self.valid_from) and (self.valid_until is None or year <= self.valid_until)


class UnitCatalogue(Strict):
    pass_mark: Decimal = Field(default=Decimal("5.5"), ge=1, le=10, description="a grade at least this passes")
    units: dict[str, Unit] = Field(min_length=1)
    legal_basis: LegalBasis | None = None

    @field_validator("units", mode="before")
    @classmethod
    def _keys_as_text(cls, value: Any) -> Any:
        return {str(k): v for k, v in value.items()} if isinstance(value, dict) else value


class GradeBand(Strict):
    min: Decimal = Field(ge=1, le=10)
    max: Decimal = Field(ge=1, le=10)


class Compensation(Strict):
    """When a failed grade may be compensated (the unit then counts as passed).

    Every condition that is given must hold: the grade lies in ``band``; at most ``max_units`` units
    (the highest grades first); the unrounded average of the scope's grades is at least
    ``min_average``; no other grade is below ``min_other_grade``; some other grade is at least
    ``higher_grade_elsewhere``; every other unit of the scope is passed (``all_others_passed``);
    at least ``min_ec_before`` credits were earned before compensation. ``within_block`` measures
    average and grades within the compensated unit's block instead of the whole scope.
    """

    title: Text
    legal_basis: LegalBasis
    units: list[str] | None = None
    group: str | None = None
    first_year_only: bool = True
    band: GradeBand
    max_units: int | None = Field(default=None, ge=1, le=50)
    min_average: Decimal | None = Field(default=None, ge=1, le=10)
    min_other_grade: Decimal | None = Field(default=None, ge=1, le=10)
    higher_grade_elsewhere: Decimal | None = Field(default=None, ge=1, le=10)
    all_others_passed: bool = False
    min_ec_before: Decimal | None = Field(default=None, ge=0, le=60)
    within_block: bool = False


class Provenance(Strict):
    """Where a rule set comes from, cited with every verdict."""

    institution: str
    programmes: list[str] = Field(default_factory=list)
    academic_year: str = Field(pattern=r"^\d{4}-\d{4}$")
    document: str = Field(description="e.g. 'OER bachelor Psychologie 2025-2026'")
    articles: list[Label] = Field(default_factory=list)
    url: str | None = None
    fictional: bool = Field(default=False, description="an invented example, not a real institution")
    unverified: bool = Field(default=False, description="the encoding has not been checked against the OER text")

    @field_validator("programmes", mode="before")
    @classmethod
    def _codes_as_text(cls, value: Any) -> Any:
        return [str(v) for v in value] if isinstance(value, list) else value


# --- circumstances (issue 19 item 4) ----------------------------------------------------------------


class CircumstanceKind(Strict):
    """A kind of personal circumstance the rule set names beyond the statutory list: why, on what
    basis, and how an export writes it."""

    reason: Text = Field(description="why the institution designates (or excludes) this kind, shown by explain")
    legal_basis: LegalBasis = Field(description="where that is written (the OER article; a designation's basis)")
    title: Text | None = Field(default=None, description="the kind's name in words")
    spellings: list[str] = Field(
        default_factory=list,
        description="how an export writes this kind besides its code (matched case-insensitively), e.g. "
                    "[tweede studie, dubbele studie]")

    @field_validator("spellings")
    @classmethod
    def _lower(cls, value: list[str]) -> list[str]:
        return [v.strip().lower() for v in value]


KindName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


class Circumstances(Strict):
    """The statutory list (Uitvoeringsbesluit WHW 2008 art. 2.1) stays the base; a rule set may add
    kinds it designates as grounds, and name kinds that are explicitly not a ground. An export's kind
    that matches neither (nor the statutory list) is read as ``other``: a person weighs it."""

    designated: dict[KindName, CircumstanceKind] = Field(
        default_factory=dict,
        description="kinds the institution designates as grounds (weighed like the statutory ones; rules test "
                    "them in personal_circumstances)")
    excluded: dict[KindName, CircumstanceKind] = Field(
        default_factory=dict,
        description="kinds that are explicitly NOT a ground (a second programme, paid work, ...): left out of "
                    "personal_circumstances, so they never send a record to a person, and given to rules as "
                    "excluded_circumstances; never a statutory kind")
