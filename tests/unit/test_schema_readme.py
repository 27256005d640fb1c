"""The README's rule-file section documents every key the rule-file schema has, and names no key it lacks
(issue 19 acceptance: the schema covers every key, with a description for each new one)."""

from __future__ import annotations

import re

from bsa_check.schema import rules_schema
from tests.conftest import ROOT

def _schema_keys() -> set[str]:
    schema = rules_schema()
    keys = set(schema["properties"])
    for definition in schema["$defs"].values():
        keys |= set(definition.get("properties", {}))
    return keys


def _key_list() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("### Every key of a rule file")
    return readme[start:readme.index("### ", start + 4)]


def test_the_readme_key_list_is_the_schemas():
    spans = re.findall(r"`([^`]+)`", _key_list())
    named = {word for span in spans for word in re.findall(r"[a-z_]+", span)}
    keys = _schema_keys()
    assert keys - named == set(), "keys the README's list does not document"
    listed = {span for span in spans if re.fullmatch(r"[a-z_]+", span)}
    values = {"law", "proposal", "ho", "mbo", "decimal", "integer", "boolean", "text", "date", "month_day",
              "text_list", "first_match", "exclusive", "procedure_incomplete", "proposed_2023"}
    assert listed - keys - values == set(), "the README lists keys the schema does not have"


def test_every_new_key_has_a_description_in_the_schema():
    schema = rules_schema()
    where = {"extends": None, "remove_rules": None, "preconditions": None, "replace": "Rule", "before": "Rule",
             "after": "Rule", "requires": "Rule"}
    for key, definition in where.items():
        props = schema["properties"] if definition is None else schema["$defs"][definition]["properties"]
        assert props[key].get("description", "").strip(), key
    removal = schema["$defs"]["RuleRemoval"]
    assert removal["description"] and all(p["description"] for p in removal["properties"].values())


def test_the_readme_field_table_is_one_table_with_every_field():
    """The student-record field table is one Markdown table (a blank line inside it ends the table, and the
    rows after it render as loose text) and has a row for every field of the registry."""
    from bsa_check.records.fields import FIELDS

    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("| field | Dutch header | type | notes |")
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(line.split("|")[1].strip())
    missing = [f.name for f in FIELDS if f.name not in rows]
    assert missing == [], "fields the README's field table does not list (or lists after a break)"
