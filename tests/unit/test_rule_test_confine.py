"""Rule test files stay in their repository (issue 15).

A ``*.bsa-test.yaml`` arrives with a pull request and runs in CI: its ``rules:`` may name a bundled
rule set or a path inside the test file's repository, never an absolute path or one above the
repository root (BSA113), and a file there that is not a rule file is named without showing any
of its lines (BSA114).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.errors import ErrorList, RuleFileError
from bsa_check.testing.confine import repository_root
from bsa_check.testing.load import load_test_file
from tests.conftest import ROOT

runner = CliRunner()
SECRET = "s3cr3t-TOKEN-do-not-print"
CASES = "as_of: 2026-08-20\ncases:\n  - name: c\n    record: {ec_year1: 45}\n    expect: {outcome: positive}\n"


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A repository (``.git``) with rules/ and rules/tests/, and a secret file outside it."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "rules" / "tests").mkdir(parents=True)
    (root / "rules" / "minimal.yaml").write_text(
        (ROOT / "tests" / "data" / "rules" / "valid" / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "secret.yaml").write_text(f"token: {SECRET}\n", encoding="utf-8")
    return root


def _test_file(repo: Path, rules: str) -> Path:
    path = repo / "rules" / "tests" / "t.bsa-test.yaml"
    path.write_text(f"rules: {rules}\n" + CASES, encoding="utf-8")
    return path


def _errors(path: Path) -> list:  # type: ignore[type-arg]
    with pytest.raises((RuleFileError, ErrorList)) as info:
        load_test_file(path)
    return info.value.errors if isinstance(info.value, ErrorList) else [info.value]


def _cli(path: Path) -> str:
    result = runner.invoke(app, ["test", str(path)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.output


def test_the_repository_root_is_the_folder_with_git(repo: Path) -> None:
    assert repository_root(_test_file(repo, "../minimal.yaml")) == repo.resolve()


def test_a_path_inside_the_repository_is_used(repo: Path) -> None:
    loaded = load_test_file(_test_file(repo, "../minimal.yaml"))
    assert Path(loaded.rules_path).resolve() == (repo / "rules" / "minimal.yaml").resolve()
    assert runner.invoke(app, ["test", str(repo / "rules" / "tests")]).exit_code == 0


@pytest.mark.parametrize("rules", ["/etc/passwd", "/proc/self/environ", "~/.ssh/id_rsa", "{secret}"])
def test_an_absolute_path_is_refused_unread(repo: Path, rules: str) -> None:
    rules = rules.format(secret=repo.parent / "secret.yaml")
    path = _test_file(repo, rules)
    errors = _errors(path)
    assert [(e.code, e.location.line) for e in errors] == [("BSA113", 1)]
    assert "absolute path" in errors[0].message or "home folder" in errors[0].message
    out = _cli(path)
    assert ("is an absolute path" in out or "home folder" in out) and SECRET not in out and "root:" not in out


@pytest.mark.parametrize("rules", ["../../../secret.yaml", "../../../../../../../../etc/passwd",
                                   "../../rules/../../secret.yaml"])
def test_a_path_above_the_repository_root_is_refused_unread(repo: Path, rules: str) -> None:
    path = _test_file(repo, rules)
    errors = _errors(path)
    assert [e.code for e in errors] == ["BSA113"] and "outside the test file's repository" in errors[0].message
    out = _cli(path)
    assert "outside the test file's repository" in out
    assert SECRET not in out and "token" not in out and "root:" not in out


def test_a_symbolic_link_out_of_the_repository_is_refused(repo: Path) -> None:
    (repo / "rules" / "linked.yaml").symlink_to(repo.parent / "secret.yaml")
    path = _test_file(repo, "../linked.yaml")
    assert [e.code for e in _errors(path)] == ["BSA113"]
    assert SECRET not in _cli(path)


@pytest.mark.parametrize("content", [
    f"studentnummer;opleiding\n{SECRET};59001\n",  # an export
    f"token: {SECRET}\npassword: hunter2\n",  # a YAML mapping that is no rule file
    f"- {SECRET}\n- hunter2\n",  # a YAML list
    f"a: b\n c: \"{SECRET}\n",  # not YAML at all
    f"key: 0x{SECRET[:4]}\n",
])
def test_a_file_that_is_no_rule_file_is_named_without_its_content(repo: Path, content: str) -> None:
    (repo / "rules" / "data.txt").write_text(content, encoding="utf-8")
    path = _test_file(repo, "../data.txt")
    errors = _errors(path)
    assert [e.code for e in errors] == ["BSA114"]
    out = _cli(path)
    assert "is not a rule file" in out and "its content is not shown" in out
    for secret in (SECRET, "hunter2", "password", "token", "studentnummer", SECRET[:4]):
        assert secret not in out, secret


def test_a_broken_rule_file_still_lists_its_problems(repo: Path) -> None:
    """A rule file (it has schema_version) with a mistake: its problems are listed, as before."""
    text = (repo / "rules" / "minimal.yaml").read_text(encoding="utf-8").replace("outcome: needs_review",
                                                                                   "outcome: maybe")
    (repo / "rules" / "broken.yaml").write_text(text, encoding="utf-8")
    errors = _errors(_test_file(repo, "../broken.yaml"))
    assert len(errors) >= 2 and "BSA114" not in [e.code for e in errors]
    assert any(e.code == "BSA102" and "outcome" in e.message for e in errors[1:])


# --- the hostile corpus: tests/data/hostile/testfiles/ (first line: # expect: CODE LINE) ---------------

TESTFILES = sorted((ROOT / "tests" / "data" / "hostile" / "testfiles").glob("*.bsa-test.yaml"))


@pytest.mark.parametrize("path", TESTFILES, ids=lambda p: p.name.split(".")[0])
def test_hostile_rule_test_file_gives_its_located_code_and_shows_nothing_else(path: Path) -> None:
    import re

    code, line = re.match(r"# expect: (BSA\d+) (\d+)", path.read_text(encoding="utf-8")).groups()  # type: ignore[union-attr]
    errors = _errors(path)
    assert (errors[0].code, errors[0].location.line) == (code, int(line))
    out = _cli(path)
    assert "Traceback" not in out
    for leaked in ("root:", "HYPERLINK", "formula_cells.csv:", "encoding_utf16_bom", "\x1b"):
        assert leaked not in out, leaked


def test_the_test_file_corpus_covers_every_new_code() -> None:
    import re

    codes = {re.match(r"# expect: (BSA\d+)", p.read_text(encoding="utf-8")).group(1) for p in TESTFILES}  # type: ignore[union-attr]
    assert codes == {"BSA112", "BSA113", "BSA114"} and len(TESTFILES) >= 6
