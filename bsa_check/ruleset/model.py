"""The rule-set format, version 1, as pydantic models.

These models define what a rule file may contain (and so the published JSON Schema). They check
shape only; meaning (known fields and parameters, types of comparisons, placeholders) is checked
when a rule set is compiled (``engine.compile``), where every problem is located in the file.

A rule set is: metadata, dated **parameters** (a value in force from a date, optionally per
programme), **derived** values (the first matching case gives the value, e.g. the norm that
applies to a part-time student), and an ordered list of **rules**. The first rule whose
condition holds decides. A rule may list **requires**: preconditions that must all hold for
its outcome (a binding negative needs a warning and a hearing); if one is missing the outcome
is ``if_missing`` (default ``procedure_incomplete``) and the explanation names every missing step.

For institutions' own OER articles (domain.md §11) the format adds, all optional so older files
load unchanged: a **unit catalogue** (``units``), **aggregates** over a record's unit results
(credits, k-of-n counts, missing units, pending resits, averages; filters for first-year units,
this year's results, exemptions, earlier enrolments, whole blocks), named **compensation** schemes,
exact **arithmetic**, labelled derived cases (bands), and per rule ``decided_by``, ``discretion``,
``exclusion`` (term and scope) and ``unverified``; per rule set ``provenance``.

The models live in modules by part of the format: the building blocks (``model_base``), operands
and conditions (``model_conditions``), parameters, derived values and rules (``model_rules``), the
optional sections on the programme and the institution (``model_sections``). This module holds the
rule set itself and its record bounds, and is the one callers import: it re-exports the others.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from bsa_check.ruleset.model_base import FORMAT_VERSION, OUTCOMES, Label, LegalBasis, Outcome, Strict, Text
from bsa_check.ruleset.model_conditions import (ARITHMETIC_OPS, COMPARISON_OPS, DATE_OPS, SET_OPS, TEST_OPS, Aggregate,
                                                All, Any_, Arithmetic, AsOfRef, Condition, DerivedRef, FieldRef, Not,
                                                Offset, Operand, ParamRef, Scalar, Test)
from bsa_check.ruleset.model_rules import (Derived, DerivedCase, Exclusion, NotAutomated, Parameter, Precondition, Range,
                                           ReasonFragment, Requirement, Rule, RuleRemoval, SetName)
from bsa_check.ruleset.model_sections import (AcademicYearSpec, CircumstanceKind, Circumstances, Compensation, GradeBand,
                                              KindName, Provenance, Unit, UnitCatalogue)

__all__ = [
    # model_base
    "FORMAT_VERSION", "OUTCOMES", "Label", "LegalBasis", "Outcome", "Strict", "Text",
    # model_conditions
    "ARITHMETIC_OPS", "COMPARISON_OPS", "DATE_OPS", "SET_OPS", "TEST_OPS", "Aggregate", "All", "Any_", "Arithmetic",
    "AsOfRef", "Condition", "DerivedRef", "FieldRef", "Not", "Offset", "Operand", "ParamRef", "Scalar", "Test",
    # model_rules
    "Derived", "DerivedCase", "Exclusion", "NotAutomated", "Parameter", "Precondition", "Range", "ReasonFragment",
    "Requirement", "Rule", "RuleRemoval", "SetName",
    # model_sections
    "AcademicYearSpec", "CircumstanceKind", "Circumstances", "Compensation", "GradeBand", "KindName", "Provenance",
    "Unit", "UnitCatalogue",
    # this module
    "BOUNDED_KINDS", "RecordBound", "RuleSet",
]


# --- record bounds (issue 9) ----------------------------------------------------------------------
# Kept apart so the rest of the format can grow independently: an optional ``record_bounds`` key.


class RecordBound(Strict):
    """The values a numeric record field can plausibly hold under this rule set (e.g. at most 60 EC
    in year one). A cell outside them is an error on that row (BSA314), not a verdict."""

    min: Decimal | None = None
    max: Decimal | None = None
    note: Text | None = Field(default=None, description="why the bound holds, shown with the error")

    @model_validator(mode="after")
    def _ordered(self) -> "RecordBound":
        for value in (self.min, self.max):
            if value is not None and (not value.is_finite() or abs(value.adjusted()) > 12):
                raise ValueError("a bound must be a plain number of at most 12 digits")
        if self.min is None and self.max is None:
            raise ValueError("give min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


BOUNDED_KINDS = ("decimal", "integer", "count")


def _check_bound_fields(value: dict[str, RecordBound]) -> dict[str, RecordBound]:
    from bsa_check.records.fields import FIELDS_BY_NAME

    for name in value:
        spec = FIELDS_BY_NAME.get(name)
        if spec is None:
            raise ValueError(f"record_bounds: {name!r} is not a record field")
        if spec.kind not in BOUNDED_KINDS:
            raise ValueError(f"record_bounds: {name!r} is a {spec.kind} field; only numbers can have bounds")
    return value


# --- the rule set ---------------------------------------------------------------------------------


class RuleSet(Strict):
    """A rule set: one regime (national frame, an institution's OER, a proposal)."""

    schema_version: Literal[1] = Field(description="rule format version")
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    version: Label
    title: Text
    description: Text | None = None
    legal_status: Literal["law", "proposal"]
    valid_from: date
    sector: Literal["ho", "mbo"]
    unverified: bool = False
    legal_basis: LegalBasis
    sources: list[str] = Field(default_factory=list)
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    derived: dict[str, Derived] = Field(default_factory=dict)
    rules: list[Rule] = Field(min_length=1)
    not_automated: list[NotAutomated] = Field(default_factory=list)
    scenario: str | None = Field(
        default=None, description="a named national scenario the legal lint checks against, e.g. proposed_2023")
    designated_circumstances: list[str] = Field(
        default_factory=list,
        description="circumstances the institution designates beyond Uitvoeringsbesluit WHW art. 2.1 (e.g. top_sport)")
    circumstances: Circumstances | None = Field(
        default=None,
        description="kinds of personal circumstance beyond the statutory list: designated (grounds) and excluded "
                    "(not a ground), each with a reason and a legal basis")
    decision: Literal["first_match", "exclusive"] = Field(
        default="first_match",
        description="first_match: rule order settles overlaps; exclusive: two rules that can both decide a record "
                    "with different outcomes are an error")
    provenance: Provenance | None = None
    units: UnitCatalogue | None = Field(default=None, description="the programme's units (for aggregates)")
    compensation: dict[str, Compensation] = Field(default_factory=dict)
    optional_columns: list[str] = Field(
        default_factory=list,
        description="fields the rules read whose column may be missing from an export (every other field read "
                    "must be a column, so a misspelled header cannot silently change a verdict)")
    before_valid_from: str | None = Field(
        default=None,
        description="the rule set that decides records of academic years before valid_from (a bundled name, or a "
                    "path relative to this file): a proposal does not apply before its start, current law does")
    preconditions: dict[SetName, list[Precondition]] = Field(
        default_factory=dict,
        description="named, reusable precondition sets (e.g. lawful_procedure: warning, hearing, advice window): a "
                    "rule's requires names one instead of repeating its preconditions; inherited through extends, "
                    "and a file that redefines a set changes it for every rule that names it")
    extends: str | None = Field(
        default=None,
        description="the rule set this file builds on: a bundled name (e.g. ho-current) or a path relative to this "
                    "file, never a URL. Everything is inherited; what this file writes wins (parameters key by key, "
                    "dated and per-programme values entry by entry; rules placed with replace/before/after)")
    remove_rules: list[RuleRemoval] = Field(
        default_factory=list,
        description="in a file that extends another: rules of the extended rule set left out, each with a reason")
    holidays: list[date] = Field(
        default_factory=list,
        description="days that are not working days for plus: {working_days: N} (besides Saturdays and Sundays), "
                    "e.g. the institution's closing days; a file that extends another replaces the list")
    # issue 9: record bounds
    record_bounds: Annotated[dict[str, RecordBound], AfterValidator(_check_bound_fields)] = Field(
        default_factory=dict,
        description="plausible values of numeric record fields, e.g. {ec_year1: {max: 60}}: a cell outside them "
                    "is an error on that row (BSA314) instead of a verdict")

    @model_validator(mode="after")
    def _sets_expanded(self) -> "RuleSet":
        # the loader expands every set name (``ruleset.extends.expand_requires``); one left means no such set
        for rule in self.rules:
            for item in rule.requires:
                if isinstance(item, str):
                    raise ValueError(f"rule {rule.id!r} requires {item!r}, which is not a precondition set")
        return self
