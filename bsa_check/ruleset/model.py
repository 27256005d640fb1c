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
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional, Union

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, WithJsonSchema,
                      create_model, field_validator, model_validator)

from bsa_check.ruleset.operators import OPERATORS
from bsa_check.ruleset.operators import attribute as op_attribute

FORMAT_VERSION = 1

OUTCOMES = (
    "positive",
    "negative",
    "negative_advisory",
    "procedure_incomplete",
    "needs_review",
    "postponed",
    "no_advice",
    "not_yet_due",
    "interim",
)
Outcome = Literal[
    "positive", "negative", "negative_advisory", "procedure_incomplete", "needs_review", "postponed", "no_advice",
    "not_yet_due", "interim",
]

# The test operators: one table (``ruleset.operators``); a test's operator keys are its rows.
COMPARISON_OPS = tuple(k for k, op in OPERATORS.items() if op.family == "comparison")
DATE_OPS = tuple(k for k, op in OPERATORS.items() if op.family == "date")
SET_OPS = tuple(k for k, op in OPERATORS.items() if op.family == "set")
TEST_OPS = tuple(OPERATORS)


class Strict(BaseModel):
    # defer_build: a model's validator is built on first use, not when this module is imported. A run
    # validates only the whole RuleSet, whose one build covers every nested model (issue 8: start-up).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Strict):
    """A text in both languages. ``{name}`` placeholders are filled with values."""

    nl: str
    en: str


def _to_str(value: Any) -> Any:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    return value


# An article, paragraph or version written as a number (``paragraph: 4``) is read as text; the
# published schema says so too, so an editor accepts what the loader accepts.
Label = Annotated[str, BeforeValidator(_to_str, json_schema_input_type=Union[str, int, float])]


class LegalBasis(Strict):
    """Where a rule comes from: law (or OER), article, paragraph (lid), optional address."""

    law: str = Field(description="WHW, WEB, Uitvoeringsbesluit WHW, OER, Kamerbrief, ...")
    article: Label | None = Field(default=None, description="e.g. 7.8b")
    paragraph: Label | None = Field(default=None, description="lid, e.g. 4")
    sub: Label | None = Field(default=None, description="onderdeel, e.g. c")
    bwb_id: str | None = Field(default=None, description="wetten.overheid.nl identifier, e.g. BWBR0005682")
    url: str | None = None
    note: Text | None = None
    unverified: bool = Field(default=False, description="true where the basis could not be checked against a primary text")


# --- operands -------------------------------------------------------------------------------------

Scalar = Union[bool, int, Decimal, date, str]


class Offset(Strict):
    """Shift a date operand, e.g. ``{field: programme_start, plus: {months: 9}}``.

    A number, or a parameter (``{param: warning_period_days}``); negative shifts back in time.
    """

    days: "int | ParamRef" = 0
    months: "int | ParamRef" = 0
    working_days: "int | ParamRef" = Field(
        default=0, description="working days: Monday to Friday, skipping the rule set's holidays; applied after "
                               "months and days (10 from a Friday is the second Friday after it); a negative "
                               "number counts back (-3: three working days before, e.g. the latest day of a "
                               "hearing before the advice)")

    @field_validator("days", "months", "working_days")
    @classmethod
    def _bounded(cls, value: Any) -> Any:
        if isinstance(value, int) and not -36_600 <= value <= 36_600:
            raise ValueError("a date shift is at most 36600 days or months either way")
        return value


class FieldRef(Strict):
    field: str
    default: "Operand | None" = Field(default=None, description="used when the record has no value")
    required: bool = Field(default=False, description="an empty cell is an error here, even for an optional field")
    plus: Offset | None = None


class ParamRef(Strict):
    param: str
    plus: "Offset | None" = None


class DerivedRef(Strict):
    derived: str
    plus: Offset | None = None


class AsOfRef(Strict):
    as_of: Literal[True] = Field(description="the reference date of the run (--as-of)")
    plus: Offset | None = None


class Aggregate(Strict):
    """A value computed from the record's unit results and the rule set's unit catalogue.

    ``aggregate`` says what: ``ec`` (credits of passed units), ``passed_count`` (units passed; for
    k-of-n groups), ``missing_count`` (units of the scope not passed; the explanation names them),
    ``pending_ec`` (credits of the scope's units with a resit still to come), ``average`` (the
    unrounded mean of the scope's grades: unweighted, each graded unit counts once, whatever its
    credits; ``weighted_by: ec`` weighs each grade by its unit's credits instead). The other keys
    filter which results count.
    """

    aggregate: Literal["ec", "passed_count", "missing_count", "pending_ec", "average"]
    units: list[str] | None = Field(default=None, description="only these unit codes")
    group: str | None = Field(default=None, description="only units of this catalogue group")
    block: str | None = Field(default=None, description="only units of this catalogue block")
    first_year_only: bool = Field(default=False, description="only units the catalogue marks first_year")
    exemptions: bool = Field(default=True, description="count exemptions (VR); false leaves them out")
    earlier_enrolment: bool = Field(default=True, description="count results marked as from an earlier enrolment")
    this_year_only: bool = Field(
        default=False, description="only results of the academic year the advice is about (no earlier enrolment, "
                                   "nothing dated before 1 September of that year)")
    until: "Operand | None" = Field(default=None, description="results dated after this date do not count")
    compensation: str | None = Field(default=None, description="apply this compensation scheme of the rule set")
    whole_blocks: bool = Field(default=False, description="credits only for blocks whose units are all passed")
    weighted_by: Literal["ec"] | None = Field(
        default=None, description="average only: weigh each grade by its unit's credits (EC), the unrounded "
                                  "sum of grade x EC over the sum of EC; without it an average is unweighted")


class Arithmetic(Strict):
    """Exact (Decimal) arithmetic on numbers: exactly one of add, subtract (first minus the rest), max, min."""

    add: "list[Operand] | None" = Field(default=None, min_length=1)
    subtract: "list[Operand] | None" = Field(default=None, min_length=2)
    max: "list[Operand] | None" = Field(default=None, min_length=1)
    min: "list[Operand] | None" = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_op(self) -> "Arithmetic":
        if sum(x is not None for x in (self.add, self.subtract, self.max, self.min)) != 1:
            raise ValueError("write exactly one of add, subtract, max, min")
        return self

    @property
    def op(self) -> tuple[str, list[Any]]:
        for name in ("add", "subtract", "max", "min"):
            v = getattr(self, name)
            if v is not None:
                return name, v
        raise AssertionError  # pragma: no cover


ARITHMETIC_OPS = ("add", "subtract", "max", "min")


def _operand_kind(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("field", "param", "derived", "as_of", "aggregate"):
            if key in value:
                return key
        if any(k in value for k in ARITHMETIC_OPS):
            return "arithmetic"
        return "field"  # let FieldRef report the missing/unknown keys
    if isinstance(value, list):
        return "list"
    return "literal"


Operand = Annotated[
    Union[
        Annotated[FieldRef, Tag("field")],
        Annotated[ParamRef, Tag("param")],
        Annotated[DerivedRef, Tag("derived")],
        Annotated[AsOfRef, Tag("as_of")],
        Annotated[Aggregate, Tag("aggregate")],
        Annotated[Arithmetic, Tag("arithmetic")],
        Annotated[list[Scalar], Tag("list")],
        Annotated[Scalar, Tag("literal")],
    ],
    Discriminator(_operand_kind),
]
# (forward references such as "Operand" resolve when a model is first built: see Strict)


# --- conditions -----------------------------------------------------------------------------------


class _TestSubject(Strict):
    """One comparison: a subject (``field``, ``param`` or ``derived``) and exactly one operator."""

    field: str | None = None
    param: str | None = None
    derived: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_subject_one_op(self) -> "_TestSubject":
        subjects = [k for k in ("field", "param", "derived") if getattr(self, k) is not None]
        if len(subjects) != 1:
            raise ValueError("a test needs exactly one of field, param or derived")
        ops = [op for op in TEST_OPS if getattr(self, op_attribute(op)) is not None]
        if len(ops) != 1:
            raise ValueError(f"a test needs exactly one operator of: {', '.join(TEST_OPS)} (found {len(ops)})")
        return self

    @property
    def subject(self) -> tuple[str, str]:
        for k in ("field", "param", "derived"):
            v = getattr(self, k)
            if v is not None:
                return k, v
        raise AssertionError  # pragma: no cover

    @property
    def op(self) -> tuple[str, Any]:
        for op in TEST_OPS:
            v = getattr(self, op_attribute(op))
            if v is not None:
                return op, v
        raise AssertionError  # pragma: no cover


def _operator_fields() -> dict[str, Any]:
    """One optional field per operator of the table: its operand (``is_set``: true or false)."""
    fields: dict[str, Any] = {}
    for key, op in OPERATORS.items():
        name = op_attribute(key)
        fields[name] = (Optional[bool] if op.flag else Optional[Operand],
                        Field(default=None, alias=key if name != key else None, description=op.description))
    return fields


if TYPE_CHECKING:
    Test = _TestSubject
else:
    Test = create_model("Test", __base__=_TestSubject, __module__=__name__, __doc__=_TestSubject.__doc__,
                        **_operator_fields())


class All(Strict):
    all: list["Condition"] = Field(min_length=1)


class Any_(Strict):
    any: list["Condition"] = Field(min_length=1)


class Not(Strict):
    not_: "Condition" = Field(alias="not")
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _condition_kind(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("all", "any", "not"):
            if key in value:
                return key
    return "test"


Condition = Annotated[
    Union[
        Annotated[All, Tag("all")],
        Annotated[Any_, Tag("any")],
        Annotated[Not, Tag("not")],
        Annotated[Test, Tag("test")],
    ],
    Discriminator(_condition_kind),
]


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
