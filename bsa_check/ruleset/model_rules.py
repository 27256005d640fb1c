"""The rule format's parameters, derived values and rules (see ``ruleset.model``): dated parameters
with their range and choices, derived values by cases, and rules with their preconditions (or the
names of precondition sets), exclusion, reason fragments; and, for a file that extends another, the
rules it removes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import ConfigDict, Discriminator, Field, Tag, field_validator, model_validator

from bsa_check.ruleset.model_base import LegalBasis, Outcome, Strict, Text
from bsa_check.ruleset.model_conditions import Condition, Operand

__all__ = ["Derived", "DerivedCase", "Exclusion", "NotAutomated", "Parameter", "Precondition", "Range",
           "ReasonFragment", "Requirement", "Rule", "RuleRemoval", "SetName"]

# --- parameters -----------------------------------------------------------------------------------


class Range(Strict):
    """Allowed values, checked when the rule set is loaded and for --param overrides."""

    min: Decimal | None = None
    max: Decimal | None = None
    basis: LegalBasis | None = Field(default=None, description="where the limit comes from (e.g. a cap in law)")

    @field_validator("min", "max")
    @classmethod
    def _plausible(cls, value: Decimal | None) -> Decimal | None:
        # '1e999999999' is text in YAML 1.1 and would become an enormous Decimal here
        if value is not None and (not value.is_finite() or abs(value.adjusted()) > 12):
            raise ValueError("a range limit must be a plain number of at most 12 digits")
        return value


class Parameter(Strict):
    """A value the rule set uses, in force from a date; optionally per programme.

    ``values: {2024-09-01: 45, 2026-09-01: 42}`` — the value in force on the reference date (the
    start of the academic year the advice is about) is the one with the latest date on or before it.
    """

    type: Literal["decimal", "integer", "boolean", "text", "date", "month_day", "text_list"]
    title: Text
    description: Text | None = None
    unit: str | None = None
    legal_basis: LegalBasis | None = None
    placeholder: bool = Field(default=False, description="a default the institution is expected to override")
    unverified: bool = False
    range: Range | None = None
    values: dict[date, Any] = Field(min_length=1)
    by_programme: dict[str, Any] = Field(default_factory=dict, description="programme code -> value, or dated values")
    choices: list[str] | None = Field(
        default=None, min_length=1,
        description="text parameters: the closed set of values it may take; any other value (in the file, in a "
                    "condition comparing it, or given with --param) is an error, never a silent switch")

    @field_validator("by_programme", mode="before")
    @classmethod
    def _keys_as_text(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): v for k, v in value.items()}
        return value


class DerivedCase(Strict):
    when: Condition | None = None
    value: Operand | None = Field(default=None, description="the value of this case (give value or text)")
    text: Text | None = Field(
        default=None,
        description="instead of value: a text in both languages (a derived text value, shown in the reader's language "
                    "where a reason names it; literal, no placeholders; never compared in a condition)")
    label: Text | None = Field(default=None, description="names this case (e.g. a late-entry band); shown in explanations")

    @model_validator(mode="after")
    def _value_or_text(self) -> "DerivedCase":
        if (self.value is None) == (self.text is None):
            raise ValueError("a case needs exactly one of value or text")
        return self


class Derived(Strict):
    """A named value computed per record: the first case whose ``when`` holds gives it."""

    title: Text
    cases: list[DerivedCase] = Field(min_length=1)


# --- rules ----------------------------------------------------------------------------------------


class Precondition(Strict):
    """A step that must be recorded before the rule's outcome is lawful (e.g. a warning)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    when: Condition
    missing: Text = Field(description="what is missing, as a phrase: 'a written warning before the advice date'")
    legal_basis: LegalBasis


SetName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
# an item of ``requires``: a precondition, or the name of a precondition set (expanded when the rule set
# is loaded, ``ruleset.extends.expand_requires``; a name left over is an error)
Requirement = Annotated[
    Union[Annotated[Precondition, Tag("precondition")], Annotated[SetName, Tag("set")]],
    Discriminator(lambda v: "set" if isinstance(v, str) else "precondition"),
]


class Exclusion(Strict):
    """What a binding negative means afterwards (7.8b lid 3 and 5 WHW): the term and its scope."""

    years: int | None = Field(default=None, ge=1, le=10, description="term in years; omit with indefinite: true")
    indefinite: bool = Field(default=False, description="no term: re-enrolment only when the student shows convincingly "
                                                          "that he or she can now succeed (7.8b lid 5)")
    from_: Text = Field(alias="from", description="from when the term runs, e.g. 'the date of the advice'")
    programmes: list[str] = Field(default_factory=list, description="sister programmes the rejection extends to")
    shared_first_year: bool = Field(default=False, description="also programmes sharing the propaedeutic phase")
    scope: Text = Field(description="the scope in words, as the OER says it")
    legal_basis: LegalBasis
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("programmes", mode="before")
    @classmethod
    def _codes_as_text(cls, value: Any) -> Any:
        return [str(v) for v in value] if isinstance(value, list) else value

    @model_validator(mode="after")
    def _term(self) -> "Exclusion":
        if (self.years is None) == (not self.indefinite):
            raise ValueError("give either years or indefinite: true")
        return self


class Rule(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Text | None = None
    when: Condition | None = Field(default=None, description="omit for a rule that always applies (a final fallback)")
    outcome: Outcome
    label: Text | None = Field(
        default=None,
        description="the label of an interim (mid-year, never binding) advice, e.g. on track / doubtful / warning; "
                    "required with outcome: interim (or if_missing: interim), not allowed otherwise")
    legal_basis: LegalBasis
    reason: Text
    requires: list[Requirement] = Field(
        default_factory=list,
        description="preconditions of this rule's outcome: each a precondition, or the name of a precondition set "
                    "(top-level preconditions, e.g. lawful_procedure) whose preconditions it stands for")
    if_missing: Outcome = "procedure_incomplete"
    reason_if_missing: Text | None = None
    note: Text | None = Field(default=None, description="an extra sentence shown with the verdict")
    reason_fragments: list[ReasonFragment] = Field(
        default_factory=list,
        description="sentences chosen by condition: each fragment whose when holds for the record is added to the "
                    "reason, in the order written")
    decided_by: Text | None = Field(default=None, description="who decides a needs_review outcome (e.g. the examination board)")
    discretion: bool = Field(default=False, description="a discretionary clause (hardship, dispensation): the outcome must "
                                                          "be needs_review and decided_by must name who decides")
    unverified: bool = Field(default=False, description="this rule's reading of the OER could not be checked")
    exclusion: Exclusion | None = Field(default=None, description="term and scope of a binding negative")
    replace: str | None = Field(default=None, description="in a file that extends another: this rule takes the place "
                                                          "of the extended rule set's rule with this id")
    before: str | None = Field(default=None, description="in a file that extends another: insert this rule just "
                                                         "before the extended rule set's rule with this id")
    after: str | None = Field(default=None, description="in a file that extends another: insert this rule just "
                                                        "after the extended rule set's rule with this id")


class ReasonFragment(Strict):
    """A sentence added to a rule's reason when its condition holds for the record (issue 19 item 7)."""

    when: Condition = Field(description="the fragment is added when this holds for the record")
    text: Text = Field(description="the sentence, in both languages; placeholders as in the reason")


class RuleRemoval(Strict):
    """In a file that extends another: a rule of the extended rule set left out, and why."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="the id of the extended rule set's rule")
    reason: Text = Field(description="why the institution leaves the rule out (shown by validate and explain)")


class NotAutomated(Strict):
    """A requirement the tool cannot check from a record; shown in explanations so no one assumes it was."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    text: Text
    legal_basis: LegalBasis
