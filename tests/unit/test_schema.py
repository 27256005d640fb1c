"""The committed rule-format JSON Schema equals what the model generates, and bundled files validate."""

from __future__ import annotations

import json

from bsa_check.schema import RULES_SCHEMA_FILE, rules_schema_text
from tests.conftest import ROOT

COMMITTED = ROOT / "bsa_check" / "schema" / RULES_SCHEMA_FILE


def test_committed_schema_has_not_drifted():
    assert COMMITTED.read_text(encoding="utf-8") == rules_schema_text(), (
        "the rule model changed: regenerate with "
        "python -c 'from bsa_check.schema import rules_schema_text as t; "
        "open(\"bsa_check/schema/rules.schema.json\",\"w\").write(t())'")


def test_bundled_rule_files_point_their_editor_at_the_schema():
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = first.removeprefix("# yaml-language-server: $schema=")
        assert target != first, path.name
        assert (path.parent / target).resolve() == COMMITTED.resolve(), path.name
        assert json.loads(COMMITTED.read_text(encoding="utf-8"))["$schema"].startswith("http://json-schema.org/draft-07")


def _as_editor_sees_it(value):
    """YAML data as a YAML language server hands it to JSON Schema: dates and numbers as JSON values."""
    import datetime
    from decimal import Decimal

    if isinstance(value, dict):
        return {str(k.isoformat() if isinstance(k, datetime.date) else k): _as_editor_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees_it(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _validator(name):
    import jsonschema

    schema = json.loads((ROOT / "bsa_check" / "schema" / name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_schema_validates_every_bundled_and_example_rule_file():
    from bsa_check.ruleset.yamlsafe import load_yaml

    validator = _validator(RULES_SCHEMA_FILE)
    files = sorted((ROOT / "rules").glob("*.yaml")) + sorted((ROOT / "examples").glob("*.yaml"))
    assert len(files) >= 4
    for path in files:
        data, _ = load_yaml(path.read_text(encoding="utf-8"), str(path))
        errors = [e.message for e in validator.iter_errors(_as_editor_sees_it(data))]
        assert errors == [], (path.name, errors[:3])


def test_schema_rejects_what_the_loader_rejects():
    from bsa_check.ruleset.yamlsafe import load_yaml

    validator = _validator(RULES_SCHEMA_FILE)
    path = ROOT / "tests" / "data" / "rules" / "invalid" / "unknown_key.yaml"
    data, _ = load_yaml(path.read_text(encoding="utf-8"), str(path))
    assert any("outcom" in e.message for e in validator.iter_errors(_as_editor_sees_it(data)))


def test_tests_schema_committed_and_validates_shipped_test_files():
    from bsa_check.ruleset.yamlsafe import load_yaml
    from bsa_check.schema import tests_schema_text

    assert (ROOT / "bsa_check" / "schema" / "tests.schema.json").read_text(encoding="utf-8") == tests_schema_text()
    validator = _validator("tests.schema.json")
    files = sorted((ROOT / "tests" / "rules").glob("*.bsa-test.yaml"))
    assert len(files) == 3
    for path in files:
        data, _ = load_yaml(path.read_text(encoding="utf-8"), str(path))
        assert [e.message for e in validator.iter_errors(_as_editor_sees_it(data))] == [], path.name
