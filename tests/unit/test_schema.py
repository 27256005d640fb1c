"""The committed rule-format JSON Schema equals what the model generates, and bundled files validate."""

from __future__ import annotations

import json
from pathlib import Path

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
