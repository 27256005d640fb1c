"""The rule format's operands and conditions (see ``ruleset.model``): references to a record field,
a parameter, a derived value or the reference date, with date shifts (``plus``); aggregates over unit
results; exact arithmetic; and the conditions built from tests (one operator of the operator table,
``ruleset.operators``) with ``all``, ``any`` and ``not``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional, Union

from pydantic import ConfigDict, Discriminator, Field, Tag, create_model, field_validator, model_validator

from bsa_check.ruleset.model_base import Strict
from bsa_check.ruleset.operators import OPERATORS
from bsa_check.ruleset.operators import attribute as op_attribute

__all__ = ["ARITHMETIC_OPS", "COMPARISON_OPS", "DATE_OPS", "SET_OPS", "TEST_OPS", "Aggregate", "All", "Any_",
           "Arithmetic", "AsOfRef", "Condition", "DerivedRef", "FieldRef", "Not", "Offset", "Operand", "ParamRef",
           "Scalar", "Test"]

# The test operators: one table (``ruleset.operators``); a test's operator keys are its rows.
COMPARISON_OPS = tuple(k for k, op in OPERATORS.items() if op.family == "comparison")
DATE_OPS = tuple(k for k, op in OPERATORS.items() if op.family == "date")
SET_OPS = tuple(k for k, op in OPERATORS.items() if op.family == "set")
TEST_OPS = tuple(OPERATORS)


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
