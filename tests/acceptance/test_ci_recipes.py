"""The CI recipes in examples/ci/: valid against the published workflow schemas (the ones check-jsonschema
ships as built-in schemas), included verbatim in the README, and their bsa-check commands run as written
(in a copy of this repository's rules/ and tests/rules/, with the CI's environment variables)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT

pytest.importorskip("check_jsonschema", reason="check-jsonschema is in the test extra: pip install '.[test]'")

RECIPES = ROOT / "examples" / "ci"
GITHUB = RECIPES / "github-actions.yml"
GITLAB = RECIPES / "gitlab-ci.yml"
PRE_COMMIT = RECIPES / "pre-commit-config.yaml"
SCHEMAS = {GITHUB: "vendor.github-workflows", GITLAB: "vendor.gitlab-ci"}


def _check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)], check=False,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("recipe", list(SCHEMAS), ids=lambda p: p.name)
def test_recipe_validates_against_the_published_schema(recipe):
    done = _check_jsonschema(SCHEMAS[recipe], recipe)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("recipe", list(SCHEMAS), ids=lambda p: p.name)
def test_the_schema_check_can_fail(recipe, tmp_path):
    doc = yaml.safe_load(recipe.read_text(encoding="utf-8"))
    if recipe is GITHUB:
        del doc["jobs"]["rules"]["runs-on"]
    else:
        doc["bsa-check"]["artifacts"]["when"] = "sometimes"
    broken = tmp_path / recipe.name
    broken.write_text(yaml.safe_dump(doc), encoding="utf-8")
    assert _check_jsonschema(SCHEMAS[recipe], broken).returncode == 1


@pytest.mark.parametrize("recipe", [GITHUB, GITLAB, PRE_COMMIT], ids=lambda p: p.name)
def test_readme_includes_the_recipe(recipe):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```yaml\n{recipe.read_text(encoding='utf-8')}```" in readme


def test_pre_commit_manifest_and_example_configuration_are_valid():
    pytest.importorskip("pre_commit")
    for command, path in (("validate-manifest", ROOT / ".pre-commit-hooks.yaml"), ("validate-config", PRE_COMMIT)):
        done = subprocess.run([sys.executable, "-m", "pre_commit", command, str(path)], check=False, capture_output=True,
                              text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stdout + done.stderr
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    used = {h["id"] for r in yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))["repos"] for h in r["hooks"]}
    assert used == hooks == {"bsa-check-validate", "bsa-check-test"}


def _bsa_steps(recipe: Path) -> list[str]:
    """The shell scripts of the recipe that run bsa-check (the install step aside)."""
    doc = yaml.safe_load(recipe.read_text(encoding="utf-8"))
    if recipe is GITHUB:
        scripts = [s["run"] for s in doc["jobs"]["rules"]["steps"] if "run" in s]
    else:
        scripts = list(doc["bsa-check"]["script"])
    return [s for s in scripts if "bsa-check" in s and "pip install" not in s]


@pytest.fixture
def workspace(tmp_path):
    """A checkout like an institution's: rules/ and tests/rules/ (this repository's)."""
    shutil.copytree(ROOT / "rules", tmp_path / "rules", ignore=shutil.ignore_patterns("__*"))
    shutil.copytree(ROOT / "tests" / "rules", tmp_path / "tests" / "rules", ignore=shutil.ignore_patterns("*.py", "__*"))
    (tmp_path / ".git").mkdir()  # the repository root SARIF and GitLab paths are relative to
    return tmp_path


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-eo", "pipefail", "-c", script], check=False, cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITLAB_CI", "GITHUB_STEP_SUMMARY")}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.update(extra)
    return env


@pytest.mark.skipif(shutil.which("bash") is None, reason="the recipes' steps are bash")
def test_github_recipe_commands_run(workspace):
    summary = workspace / "summary.md"
    env = _env(GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    steps = _bsa_steps(GITHUB)
    assert len(steps) == 4
    for script in steps:
        done = _bash(script, workspace, env)
        assert done.returncode == 0, (script, done.stdout, done.stderr)
    sarif = json.loads((workspace / "bsa-check.sarif").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    suites = ET.parse(workspace / "rule-tests.xml").getroot()
    assert int(suites.find("testsuite").get("tests")) > 50 and suites.find("testsuite").get("failures") == "0"
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("#") and "| " in text and "ho-proposed-2023" in text


@pytest.mark.skipif(shutil.which("bash") is None, reason="the recipes' steps are bash")
def test_github_recipe_annotates_and_fails_on_a_broken_rule_file(workspace):
    broken = (workspace / "rules" / "mbo.yaml").read_text(encoding="utf-8").replace("\nname:", "\nnaam:", 1)
    (workspace / "rules" / "mbo.yaml").write_text(broken, encoding="utf-8")
    env = _env(GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(workspace / "summary.md"))
    sarif_step, validate_step = _bsa_steps(GITHUB)[:2]
    assert _bash(sarif_step, workspace, env).returncode == 0  # findings still give a SARIF file to upload
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads((workspace / "bsa-check.sarif").read_text())["runs"][0]["results"]}
    assert uris == {"rules/mbo.yaml"}
    done = _bash(validate_step, workspace, env)
    assert done.returncode == 1 and done.stdout.startswith("::error file=rules/mbo.yaml,line=")


@pytest.mark.skipif(shutil.which("bash") is None, reason="the recipes' steps are bash")
def test_gitlab_recipe_commands_run(workspace):
    env = _env(GITLAB_CI="true")
    steps = _bsa_steps(GITLAB)
    assert len(steps) == 3
    for script in steps:
        done = _bash(script, workspace, env)
        assert done.returncode == 0, (script, done.stdout, done.stderr)
    assert json.loads((workspace / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []
    assert ET.parse(workspace / "rule-tests.xml").getroot().find("testsuite").get("failures") == "0"
    # the artifacts the job declares are the files its script writes
    reports = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["bsa-check"]["artifacts"]["reports"]
    assert all((workspace / name).is_file() for name in reports.values())
