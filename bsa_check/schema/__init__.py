"""Published JSON Schema of the rule format (package data, committed, checked for drift by the tests)."""

from __future__ import annotations

import json
from typing import Any

from bsa_check.ruleset.model import RuleSet

RULES_SCHEMA_FILE = "rules.schema.json"


def rules_schema() -> dict[str, Any]:
    """The rule-set JSON Schema, generated from the pydantic model."""
    schema = RuleSet.model_json_schema(by_alias=True)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = "bsa-check rule set (format version 1)"
    # a file that extends another inherits what it does not write: only a flat file needs every required key
    required = schema.pop("required", [])
    schema["if"] = {"required": ["extends"]}
    schema["else"] = {"required": required}
    return schema


def rules_schema_text() -> str:
    return json.dumps(rules_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def tests_schema_text() -> str:
    """The rule-test file JSON Schema (``*.bsa-test.yaml``), generated from its pydantic model."""
    from bsa_check.testing.model import tests_schema_text as text

    return text()


COLUMNS_SCHEMA_FILE = "columns.schema.json"


def columns_schema_text() -> str:
    """The column mapping file JSON Schema (``--columns``), generated from its pydantic model."""
    from bsa_check.records.mapping import columns_schema

    return json.dumps(columns_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
