"""After a plain ``pip install .``, the console script finds the bundled rules from any directory.

Runs against the installed distribution (a subprocess started outside the source tree, so the
checkout's ``bsa_check/`` folder is not on the path). Under CI=true the package must be
installed; on a developer machine without an install the test is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT


def _installed_script() -> str | None:
    candidate = Path(sys.executable).parent / "bsa-check"
    if candidate.exists():
        return str(candidate)
    return shutil.which("bsa-check")


def _installed_location(tmp_path: Path) -> str | None:
    proc = subprocess.run([sys.executable, "-c", "import bsa_check, bsa_check._rules; print(bsa_check.__file__)"],
                          cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": ""})
    return proc.stdout.strip() if proc.returncode == 0 else None


def test_bundled_rules_found_after_install_from_any_directory(tmp_path):
    script = _installed_script()
    location = _installed_location(tmp_path)
    if not script or not location:
        if os.environ.get("CI"):
            pytest.fail("bsa-check is not installed in this environment (CI installs it with `pip install .`)")
        pytest.skip("bsa-check is not installed here; CI checks this")
    # the installed copy, not the checkout's bsa_check/ folder (a venv may well live inside the checkout)
    assert not Path(location).resolve().is_relative_to(ROOT / "bsa_check"), location
    proc = subprocess.run([script, str(EXAMPLES / "students.csv"), "--rules", "ho-current", "--format", "json",
                           "--as-of", "2026-08-20"], cwd=tmp_path, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": ""})
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    rows = len((EXAMPLES / "students.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert doc["ruleset"]["name"] == "ho-current" and len(doc["verdicts"]) == rows
    # the installed copy of the rule file is byte-identical to the one in the repository
    import hashlib

    assert doc["ruleset"]["sha256"] == hashlib.sha256((ROOT / "rules" / "ho-current.yaml").read_bytes()).hexdigest()
