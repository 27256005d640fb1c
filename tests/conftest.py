"""Shared fixtures: paths into the repository and a compiled ho-current."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def ho_current():
    from bsa_check.engine.compile import compile_ruleset
    from bsa_check.ruleset.load import load

    return compile_ruleset(load("ho-current"))


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite golden files from the current output instead of comparing")


@pytest.fixture
def update_goldens(request) -> bool:
    return bool(request.config.getoption("--update-goldens"))


# The long fuzz run (README, "Fuzzing"): python -m pytest tests/property/test_fuzz.py --hypothesis-profile=fuzz
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("fuzz", max_examples=20_000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(autouse=True)
def _no_message_language_left_over():
    """Each test starts with no message language chosen (bsa_check.i18n.problems.choose is per run; an
    in-process run of a Dutch command would otherwise leave Dutch for the next test)."""
    from bsa_check.i18n.problems import forget

    forget()
    yield
    forget()
