"""The pre-commit hooks (.pre-commit-hooks.yaml), run for real: a repository whose .pre-commit-config.yaml
points at this one (a local path and a revision), ``pre-commit run --all-files`` passing on a valid
rule file and failing, with the located message, on an invalid one.

pre-commit installs the hook repository into a virtual environment of its own with pip, so it needs
the package index; the test is skipped (with the reason) only when the index cannot be reached.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("pre_commit", reason="pre-commit is in the test extra: pip install '.[test]'")

MINIMAL = ROOT / "tests" / "data" / "rules" / "valid" / "minimal.yaml"
# What `pip install .` of the hook repository needs (pyproject.toml's package list and readme).
HOOK_REPO_FILES = (".pre-commit-hooks.yaml", "pyproject.toml", "README.md", "bsa_check", "rules")
GIT = ["git", "-c", "user.name=bsa-check tests", "-c", "user.email=tests@invalid", "-c", "commit.gpgsign=false",
       "-c", "init.defaultBranch=main"]


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def _index_reachable(tmp: Path) -> str | None:
    """None when pip can download from the package index, else why not."""
    try:
        done = _run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--dest", str(tmp),
                     "pyyaml>=6,<7"], tmp, timeout=120)
    except subprocess.TimeoutExpired:
        return "pip could not reach the package index within 120 s"
    if done.returncode != 0:
        return "pip cannot reach the package index: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    return None


@pytest.fixture(scope="module")
def hooks(tmp_path_factory):
    """(hook repository path, revision, environment with its own PRE_COMMIT_HOME)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    base = tmp_path_factory.mktemp("pre-commit")
    (base / "probe").mkdir()
    why = _index_reachable(base / "probe")
    if why is not None:
        pytest.skip(why)
    repo = base / "bsa-check"
    repo.mkdir()
    for name in HOOK_REPO_FILES:  # the working tree as it is now, not the last commit
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(src, repo / name)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "hooks under test"]):
        done = _run([*GIT, *args], repo)
        assert done.returncode == 0, done.stderr
    rev = _run(["git", "rev-parse", "HEAD"], repo).stdout.strip()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(base / "cache"), GITHUB_ACTIONS="", PRE_COMMIT_COLOR="never")
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return repo, rev, env


def _project(tmp_path: Path, repo: Path, rev: str) -> Path:
    project = tmp_path / "oer"
    (project / "rules").mkdir(parents=True)
    (project / "tests").mkdir()
    shutil.copy(MINIMAL, project / "rules" / "faculty.yaml")
    (project / "tests" / "faculty.bsa-test.yaml").write_text(
        "rules: ../rules/faculty.yaml\nas_of: 2026-08-20\nlang: en\ncases:\n"
        "  - name: 41 EC meets the norm of 40\n"
        "    record: {programme: \"59001\", year_of_enrolment: 1, part_time: no, ec_year1: 41}\n"
        "    expect: {outcome: positive, rule: met}\n", encoding="utf-8")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n"
        "      - id: bsa-check-validate\n      - id: bsa-check-test\n", encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"]):
        assert _run([*GIT, *args], project).returncode == 0
    return project


def _pre_commit(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return _run([sys.executable, "-m", "pre_commit", "run", "--all-files"], project, env)


def test_pre_commit_passes_on_a_valid_rule_file_and_fails_located_on_an_invalid_one(hooks, tmp_path):
    repo, rev, env = hooks
    project = _project(tmp_path, repo, rev)

    ok = _pre_commit(project, env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "bsa-check validate (rule files)" in ok.stdout and "bsa-check test (rule test files)" in ok.stdout
    assert ok.stdout.count("Passed") == 2, ok.stdout

    bad = MINIMAL.read_text(encoding="utf-8").replace("    outcome: positive\n", "    outcom: positive\n", 1)
    (project / "rules" / "broken.yaml").write_text(bad, encoding="utf-8")
    assert _run([*GIT, "add", "-A"], project).returncode == 0
    failed = _pre_commit(project, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "rules/broken.yaml:36:5: error BSA102: unknown key 'outcom' in rules.0 (did you mean 'outcome'?)" \
        in failed.stdout, failed.stdout
    assert "faculty.yaml:" not in failed.stdout  # the valid file has nothing to report


def test_the_test_hook_fails_on_a_failing_rule_test(hooks, tmp_path):
    repo, rev, env = hooks
    project = _project(tmp_path, repo, rev)
    case = project / "tests" / "faculty.bsa-test.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("ec_year1: 41", "ec_year1: 39"), encoding="utf-8")
    assert _run([*GIT, "add", "-A"], project).returncode == 0
    failed = _pre_commit(project, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "41 EC meets the norm of 40" in failed.stdout and "Failed" in failed.stdout
