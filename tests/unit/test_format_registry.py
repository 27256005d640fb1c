"""check's output formats come from one registry (``formats.CHECK_FORMATS``, issue 16 item 4): the
CLI's --format choices, the reporter factory and the streaming choice all read it."""

from __future__ import annotations

import io
from datetime import date

from bsa_check.cli import CheckFormat
from bsa_check.engine.compile import compile_ruleset
from bsa_check.formats import CHECK_FORMATS, SUFFIXES
from bsa_check.report import FORMATS, Reporter, make_reporter
from bsa_check.ruleset.load import load


def test_the_cli_choices_are_the_registry() -> None:
    assert [f.value for f in CheckFormat] == list(CHECK_FORMATS) == list(FORMATS)


def test_every_registered_format_makes_its_reporter() -> None:
    rs = compile_ruleset(load("ho-current"))
    for name, spec in CHECK_FORMATS.items():
        reporter = make_reporter(name, io.StringIO(), rs, date(2026, 8, 20), "en", "x.csv", delimiter=";",
                                 pseudonymized=True)
        assert isinstance(reporter, Reporter) and type(reporter).__name__ == spec.reporter
        assert reporter.pseudonymized
        if spec.csv:
            assert getattr(reporter, "excel", None) is False


def test_a_suffix_names_every_registered_format() -> None:
    assert set(CHECK_FORMATS) - {"text"} <= set(SUFFIXES.values())
