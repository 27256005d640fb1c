"""Safe YAML loading of rule files: messages for scalars that cannot be read."""

from __future__ import annotations

import pytest

from bsa_check.errors import RuleFileError


def test_an_impossible_date_is_located_and_said_not_to_exist():
    """``holidays: [2026-02-30]`` had the hint "quote the value as a string", which does not help
    (issue 19 review item 4)."""
    from bsa_check.ruleset.yamlsafe import load_yaml as _load

    with pytest.raises(RuleFileError) as info:
        _load("name: x\nholidays: [2026-01-01, 2026-02-30]\n", "r.yaml", strict_scalars=True)
    err = info.value
    assert err.code == "BSA103"
    assert "'2026-02-30' is not a date that exists" in str(err.message)
    assert "quote" not in (err.hint or "") and "2026-02-28" in (err.hint or "")
    assert (err.location.line, err.location.column) == (2, 24)
