"""Configuration ([tool.bsa-check] / .bsa-check.yaml) and inline suppressions (bsa_check/config.py, suppress.py)."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.codes import CODES as REGISTRY
from bsa_check.config import Config, find_config, load_config, repository_root
from bsa_check.errors import Location, UsageError
from bsa_check.problems import ERROR, WARNING, Problem
from bsa_check.suppress import apply, inline_suppressions
from tests.conftest import ROOT

runner = CliRunner()
STUDENTS = ROOT / "examples" / "students.csv"


def test_no_configuration_is_an_empty_one(tmp_path):
    config = load_config(tmp_path)
    assert config == Config() and config.rules is None and config.columns is None


def test_pyproject_table_found_upward_with_every_key(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.bsa-check]\nrules = "rules/oer.yaml"\nlang = "nl"\ncolumns = "map/osiris.yaml"\n'
        '[tool.bsa-check.ignore]\n"rules/old/*.yaml" = ["bsa256", "BSA220"]\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = load_config(deep)
    assert config.path == tmp_path / "pyproject.toml"
    assert config.rules == str(tmp_path / "rules" / "oer.yaml")
    assert config.lang == "nl"
    assert config.columns == tmp_path / "map" / "osiris.yaml"
    assert config.ignore == (("rules/old/*.yaml", ("BSA256", "BSA220")),)
    assert config.ignored_codes(str(tmp_path / "rules" / "old" / "x.yaml")) == [
        ("rules/old/*.yaml", "BSA256"), ("rules/old/*.yaml", "BSA220")]
    assert config.ignored_codes(str(tmp_path / "rules" / "x.yaml")) == []


def test_a_bundled_rule_set_name_stays_a_name(tmp_path):
    (tmp_path / ".bsa-check.yaml").write_text("rules: ho-proposed-2023\n", encoding="utf-8")
    assert load_config(tmp_path).rules == "ho-proposed-2023"


def test_nearest_wins_and_a_pyproject_without_the_table_is_passed_over(tmp_path):
    (tmp_path / ".bsa-check.yaml").write_text("lang: en\n", encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(inner) == tmp_path / ".bsa-check.yaml"
    (inner / "pyproject.toml").write_text('[tool.bsa-check]\nlang = "nl"\n', encoding="utf-8")
    assert load_config(inner).lang == "nl"


@pytest.mark.parametrize("text, message", [
    ("language: nl\n", "did you mean 'lang'"),
    ("lang: de\n", "lang must be nl or en"),
    ("ignore: [BSA256]\n", "ignore must map a path glob"),
    ("rules: [a, b]\n", "rules must be"),
    ("columns: 3\n", "columns must be"),
    ("lang: [\n", "YAML syntax error"),
])
def test_a_bad_configuration_is_a_located_usage_error(tmp_path, text, message):
    (tmp_path / ".bsa-check.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as info:
        load_config(tmp_path)
    assert info.value.code == "BSA700" and message in str(info.value)
    assert info.value.location.file == str(tmp_path / ".bsa-check.yaml")


def test_repository_root_is_the_nearest_git_folder(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "x" / "y").mkdir(parents=True)
    assert repository_root(tmp_path / "x" / "y") == tmp_path.resolve()


def test_configured_rules_and_lang_are_the_defaults_of_check(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(STUDENTS, tmp_path / "s.csv")
    plain = runner.invoke(app, ["check", "s.csv", "--as-of", "2026-08-20", "--format", "json", "--lang", "en"])
    assert plain.exit_code == 0 and '"ho-current"' in plain.stdout
    (tmp_path / ".bsa-check.yaml").write_text("rules: ho-proposed-2023\nlang: nl\n", encoding="utf-8")
    configured = runner.invoke(app, ["check", "s.csv", "--as-of", "2026-08-20"], env={"LANG": "en_US.UTF-8"})
    assert configured.exit_code == 0
    assert "ho-proposed-2023" in configured.stdout and "VOORSTEL, GEEN WET" in configured.stdout
    assert f"let op: regelset ho-proposed-2023 uit {tmp_path / '.bsa-check.yaml'}" in configured.stderr  # lang: nl
    given = runner.invoke(app, ["check", "s.csv", "--as-of", "2026-08-20", "--rules", "ho-current", "--lang", "en"])
    assert "ho-current" in given.stdout and "ho-proposed-2023" not in given.stdout  # options win


def test_a_bad_configuration_stops_check_with_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(STUDENTS, tmp_path / "s.csv")
    (tmp_path / ".bsa-check.yaml").write_text("rulez: ho-current\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "s.csv"])
    assert result.exit_code == 2 and "BSA700" in result.stderr and "did you mean 'rules'" in result.stderr


# --- inline suppressions ---------------------------------------------------------------------------


def test_inline_suppressions_and_their_target_lines():
    text = ("a: 1  # bsa-check: ignore[BSA256, bsa220] reason one\n"
            "# bsa-check: ignore[BSA221] the next content line\n"
            "\n"
            "# another comment\n"
            "b: 2\n"
            "c: 3  # bsa-check:ignore[BSA222]\n"
            "d: '# not a marker'\n")
    found = inline_suppressions(text, "f.yaml")
    assert [(s.target, s.location.line, s.codes, s.reason) for s in found] == [
        (1, 1, ("BSA256", "BSA220"), "reason one"),
        (5, 2, ("BSA221",), "the next content line"),
        (6, 6, ("BSA222",), ""),
    ]
    assert found[0].location == Location("f.yaml", 1, 7)


def _p(code: str, line: int, severity: str = WARNING) -> Problem:
    return Problem(code, severity, "m", Location("f.yaml", line, 3))


def test_apply_suppresses_a_warning_only_with_a_reason():
    text = "a: 1  # bsa-check: ignore[BSA256] ok\nb: 2  # bsa-check: ignore[BSA256]\n"
    kept, suppressed = apply([_p("BSA256", 1), _p("BSA256", 2)], "f.yaml", text, [], None)
    assert suppressed == [(_p("BSA256", 1), "ok")]
    assert [(p.code, p.location.line) for p in kept] == [("BSA256", 2), ("BSA701", 2)]


def test_apply_never_suppresses_a_blocking_error():
    text = "a: 1  # bsa-check: ignore[BSA250,BSA102] we know\n"
    kept, suppressed = apply([_p("BSA250", 1, ERROR), _p("BSA102", 1, ERROR)], "f.yaml", text, [], None)
    assert suppressed == []
    assert sorted(p.code for p in kept) == ["BSA102", "BSA250", "BSA702", "BSA702"]


def test_apply_with_configured_ignores():
    kept, suppressed = apply([_p("BSA256", 4), _p("BSA253", 5, ERROR)], "f.yaml", None,
                             [("*.yaml", "BSA256"), ("*.yaml", "BSA253")], "pyproject.toml")
    assert [(p.code, r) for p, r in suppressed] == [("BSA256", "ignored for '*.yaml' in pyproject.toml")]
    assert [(p.code, p.location.file) for p in kept] == [("BSA253", "f.yaml"), ("BSA702", "pyproject.toml")]


CODES = ["BSA220", "BSA221", "BSA250", "BSA256", "BSA102"]
PROBLEM = st.builds(lambda code, line: Problem(code, WARNING if code in ("BSA220", "BSA256") else ERROR, "m",
                                               Location("f.yaml", line, 1)),
                    st.sampled_from(CODES), st.integers(1, 6))
COMMENT = st.tuples(st.integers(0, 5), st.lists(st.sampled_from(CODES), min_size=1, max_size=2),
                    st.sampled_from(["", "a reason"]), st.booleans())


@settings(max_examples=200, deadline=None)
@given(problems=st.lists(PROBLEM, max_size=8), comments=st.lists(COMMENT, max_size=4))
def test_apply_partitions_the_problems_and_never_hides_a_blocking_one(problems, comments):
    lines = [f"k{i}: v" for i in range(6)]
    for index, codes, reason, own_line in comments:
        marker = f"# bsa-check: ignore[{','.join(codes)}] {reason}".rstrip()
        lines[index] = marker if own_line else f"{lines[index]}  {marker}"
    kept, suppressed = apply(problems, "f.yaml", "\n".join(lines) + "\n", [], None)
    original = [p for p in kept if p.code not in ("BSA701", "BSA702", "BSA703")]
    assert sorted(original + [p for p, _ in suppressed], key=Problem.sort_key) == sorted(problems, key=Problem.sort_key)
    assert all(reason for _, reason in suppressed)
    assert not any(REGISTRY[p.code].blocking for p, _ in suppressed)


def test_the_readme_configuration_example_loads(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    config = load_config(tmp_path)
    assert config.rules == str(tmp_path / "rules" / "oer-2025.yaml") and config.lang == "nl"
    assert config.columns == tmp_path / "mapping" / "osiris.yaml"
    assert config.ignore == (("rules/archive/*.yaml", ("BSA256", "BSA220")),)
