"""The rule-test file format (``*.bsa-test.yaml``), version 1, as pydantic models.

These models define what a test file may contain, and so its published JSON Schema
(:func:`tests_schema`). They check shape only. Everything that needs the rule set or the record
field registry (known rule and precondition ids, parameter names, record field names and
aliases, which outcomes the rule set can give) is checked by ``testing.load``, which locates
every problem in the file. No I/O here.

A test file names one rule set and a list of cases; each case is a partial student record and
the verdict it must get::

    rules: ho-current
    as_of: 2026-08-20
    cases:
      - name: exactly at the norm
        record: {programme: "59001", year_of_enrolment: 1, ec_year1: 45, part_time: no}
        expect: {outcome: positive, rule: norm_met}
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, field_validator, model_validator

from bsa_check.ruleset.model import Outcome

FORMAT_VERSION = 1
TESTS_SCHEMA_FILE = "tests.schema.json"
TEST_FILE_SUFFIX = ".bsa-test.yaml"

# A record value as YAML gives it. It is turned into the text of a CSV cell and parsed like one,
# so 44.5 and "44,5", 2026-05-12 and "12-05-2026", no and "nee" mean the same. A list is joined
# with "|" (personal_circumstances, passed_units); null or "" is an empty cell.
CellValue = Union[StrictBool, StrictInt, Decimal, date, StrictStr, list[StrictStr], None]
# A --param value as YAML gives it; turned into the text --param would receive.
ParamValue = Union[StrictBool, StrictInt, Decimal, date, StrictStr]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def value_problem(value: Any, *, in_record: bool) -> str | None:
    """Why a YAML value cannot be a record cell (or a --param value), or None when it can."""
    if isinstance(value, datetime):
        return f"{value.isoformat(sep=' ')} has a time; write the date only, e.g. {value.date().isoformat()}"
    if isinstance(value, dict):
        return "a mapping is not a value; write a single value" + (" (or a list of codes)" if in_record else "")
    if isinstance(value, list):
        if not in_record:
            return "a parameter value is a single value; write a text_list parameter as a|b"
        if not all(isinstance(item, str) for item in value):
            return "a list holds codes as text; quote items such as yes, no or numbers"
    if value is None and not in_record:
        return "the value is empty; give one"
    return None


def _single_values(in_record: bool) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, dict):
            problems = [f"{key}: {why}" for key, item in value.items()
                        if (why := value_problem(item, in_record=in_record)) is not None]
            if problems:
                raise ValueError("; ".join(problems))
        return value
    return check


class Expect(Strict):
    """The verdict a case must get: an ``outcome`` (with optional details), or an ``error`` code."""

    outcome: Outcome | None = Field(default=None, description="the outcome the case must get")
    rule: str | None = Field(default=None, description="id of the rule that must decide")
    missing: list[str] | None = Field(
        default=None,
        description="the exact set of precondition ids that must be missing (order does not matter); [] = none")
    reason_contains: str | None = Field(
        default=None, min_length=1, description="a phrase the one-line reason must contain (in the file's lang)")
    label: str | None = Field(
        default=None, min_length=1,
        description="with outcome: interim, the label the interim advice must carry (in the file's lang)")
    error: str | None = Field(
        default=None, pattern=r"^BSA\d{3}$",
        description="instead of an outcome: the error code the case must raise, e.g. BSA312 (a value a rule needs "
                    "is empty) or BSA310 (a record value cannot be parsed)")

    @model_validator(mode="after")
    def _outcome_or_error(self) -> "Expect":
        if (self.outcome is None) == (self.error is None):
            raise ValueError("expect needs exactly one of 'outcome' or 'error'")
        if self.error is not None and (self.rule, self.missing, self.reason_contains, self.label) != (None,) * 4:
            raise ValueError("with 'error', expect takes no rule, missing, reason_contains or label")
        if self.label is not None and self.outcome != "interim":
            raise ValueError("expect takes a label only with outcome: interim")
        return self


class Case(Strict):
    """One student record and the verdict it must get."""

    name: str = Field(min_length=1, description="unique in the file; the pytest test name (file::name)")
    description: str | None = None
    as_of: date | None = Field(default=None, description="reference date for this case (default: the file's as_of)")
    params: dict[str, ParamValue] = Field(
        default_factory=dict, description="parameter overrides for this case, added to (and replacing) the file's")
    record: dict[str, CellValue] = Field(
        default_factory=dict,
        description="the fields that matter, by canonical name or Dutch alias; written like CSV cells. "
                    "student_id defaults to the case name")
    expect: Expect

    _record = field_validator("record", mode="before")(_single_values(in_record=True))
    _params = field_validator("params", mode="before")(_single_values(in_record=False))

    @field_validator("name")
    @classmethod
    def _name_is_a_node_name(cls, value: str) -> str:
        if "::" in value or "\n" in value or value != value.strip():
            raise ValueError("a case name is one line without '::' or surrounding spaces (it names the pytest item)")
        return value


class TestFile(Strict):
    """A rule test file: one rule set, default reference date and parameters, and the cases."""

    __test__ = False  # not a pytest test class

    rules: str = Field(min_length=1,
                       description="a bundled rule-set name (ho-current), or a path relative to this file")
    description: str | None = None
    as_of: date | None = Field(default=None, description="default reference date (--as-of) for the cases")
    params: dict[str, ParamValue] = Field(
        default_factory=dict, description="default parameter overrides (--param name=value) for all cases")
    lang: Literal["en", "nl"] = Field(default="en", description="language of reason_contains")
    columns: str | None = Field(
        default=None, description="a column mapping file (--columns), relative to this file: case records may then "
                                  "use the export's headers and value spellings")
    cases: list[Case] = Field(min_length=1)

    _params = field_validator("params", mode="before")(_single_values(in_record=False))


ALL_MODELS: tuple[type[BaseModel], ...] = (TestFile, Case, Expect)


def _keys(*models: type[BaseModel]) -> list[str]:
    return sorted({info.alias or name for cls in models for name, info in cls.model_fields.items()})


def allowed_keys(parent: tuple[Any, ...] | None = None) -> list[str]:
    """The keys allowed in the mapping at data path ``parent`` (for "did you mean" on an unknown key).

    ``()`` is the file, ``("cases", i)`` a case, ``("cases", i, "expect")`` its expectation; ``None``
    (or any other path) gives every key of the format.
    """
    if parent == ():
        return _keys(TestFile)
    if parent is not None and len(parent) == 2 and parent[0] == "cases":
        return _keys(Case)
    if parent is not None and len(parent) == 3 and parent[0] == "cases" and parent[2] == "expect":
        return _keys(Expect)
    return _keys(*ALL_MODELS)


def tests_schema() -> dict[str, Any]:
    """The rule-test file JSON Schema (draft-07), generated from the pydantic model."""
    schema = TestFile.model_json_schema(by_alias=True)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = f"bsa-check rule test file (format version {FORMAT_VERSION})"
    return schema


def tests_schema_text() -> str:
    return json.dumps(tests_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
