"""One pass shows every problem (issue 20), as properties over edited copies of a valid rule file:
validate never crashes, its problems come sorted by position, every error the fail-fast loader (what
check uses) stops at is among them, and a file validate finds no error in loads and compiles."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import ErrorList, RuleFileError
from bsa_check.problems import ERROR, Problem
from bsa_check.ruleset.load import load_file
from bsa_check.ruleset.validate import legal_blockers, validate_path
from tests.conftest import ROOT
from tests.property.test_fuzz import RULE_PREFIX, YAML_TEXT

LINES = (ROOT / "tests" / "data" / "rules" / "valid" / "minimal.yaml").read_text(encoding="utf-8").splitlines()
TRAPS = ["yes", "010", "45,5", "1e3", "0x2D", "2025-01-01 10:00", "on", "1_000", "2025-01-01", "70", "nrom_ec"]
EDIT = st.tuples(st.integers(0, len(LINES) - 1),
                 st.sampled_from(["trap", "unknown_key", "duplicate", "delete", "comment"]),
                 st.sampled_from(TRAPS))


def _edited(edits: list[tuple[int, str, str]]) -> str:
    lines = list(LINES)
    for index, kind, token in edits:
        index %= len(lines)
        line = lines[index]
        indent = line[: len(line) - len(line.lstrip())]
        if kind == "trap" and ": " in line and not line.rstrip().endswith(":"):
            key = line.split(": ", 1)[0]
            lines[index] = f"{key}: {token}"
        elif kind == "unknown_key":
            lines.insert(index, f"{indent}{'- ' if line.lstrip().startswith('- ') else ''}unknwn: 1")
        elif kind == "duplicate":
            lines.insert(index, line)
        elif kind == "delete":
            del lines[index]
        else:
            lines[index] = line + "  # a comment"
    return "\n".join(lines) + "\n"


def _fail_fast(path: Path) -> list[RuleFileError]:
    """What check would stop at: the loader's first error(s), compile errors, legal blockers."""
    try:
        loaded = load_file(path)
    except ErrorList as exc:
        return list(exc.errors)
    except RuleFileError as exc:
        return [exc]
    try:
        compiled = compile_ruleset(loaded)
    except ErrorList as exc:
        return list(exc.errors)
    return [RuleFileError(p.message, location=p.location, code=p.code) for p in legal_blockers(loaded, compiled)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(EDIT, max_size=4))
def test_validate_shows_at_least_what_fail_fast_loading_stops_at(edits):
    text = _edited(edits)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.yaml"
        path.write_text(text, encoding="utf-8")
        problems = validate_path(path)
        stops = _fail_fast(path)
    assert problems == sorted(problems, key=Problem.sort_key)
    found = {(p.code, p.location.line, p.location.column) for p in problems if p.severity == ERROR}
    for error in stops:
        assert error.location is not None
        assert (error.code, error.location.line, error.location.column) in found, (error, problems)
    if not found:
        assert stops == []


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=300), YAML_TEXT.map(lambda t: (RULE_PREFIX + t).encode("utf-8", "surrogatepass"))))
def test_validate_on_arbitrary_bytes_only_reports_located_problems(data):
    """The collecting and repairing paths never crash: every outcome is a list of located problems
    (the long run: tests/property/test_fuzz.py's profile, --hypothesis-profile=fuzz)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(data)
        problems = validate_path(path)
        stops = _fail_fast(path)
    assert all(p.code.startswith("BSA") and p.location.file == str(path) for p in problems)
    if stops:
        assert any(p.severity == ERROR for p in problems)
