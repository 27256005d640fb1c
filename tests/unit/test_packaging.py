"""Every Python package in the source tree ships in the wheel.

pyproject.toml lists the packages by hand (the bundled rule sets are mapped in from rules/, which
automatic discovery would not find). A package left off that list installs without its modules, which
the editable development install hides: `bsa-check validate` then fails with an ImportError only in a
real install (pre-commit found it). This test compares the list with the tree.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_directory_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    in_tree = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "bsa_check").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert in_tree, "no package found under bsa_check/"
    missing = sorted(in_tree - listed)
    assert not missing, f"add these to [tool.setuptools] packages in pyproject.toml: {missing}"
    assert "bsa_check._rules" in listed  # the rule sets, mapped from rules/
