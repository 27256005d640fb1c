"""check's output formats come from one registry (``formats.CHECK_FORMATS``, issue 16 item 4): the
modules of ``bsa_check.report.check_formats``, one per format, whose names are the CLI's --format
choices, the suffixes the --output rule knows and the reporter factory's keys; a module is imported
only when its format is chosen."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bsa_check.cli import CheckFormat
from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import UsageError
from bsa_check.formats import CHECK_FORMAT_HELP, CHECK_FORMATS, CheckFormats, CheckOutput, output_format
from bsa_check.report import FORMATS, Reporter, make_reporter
from bsa_check.ruleset.load import load

ROOT = Path(__file__).resolve().parents[2]


def test_the_cli_choices_are_the_registry() -> None:
    assert [f.value for f in CheckFormat] == list(CHECK_FORMATS) == list(FORMATS)


def test_the_formats_check_always_had_come_first_in_their_order() -> None:
    assert list(CHECK_FORMATS)[:5] == ["text", "json", "jsonl", "csv", "xlsx"]
    assert list(CHECK_FORMATS)[5:] == sorted(list(CHECK_FORMATS)[5:])


def test_every_registered_format_makes_its_reporter() -> None:
    rs = compile_ruleset(load("ho-current"))
    for name, spec in CHECK_FORMATS.items():
        assert isinstance(spec, CheckOutput) and spec.name == name
        reporter = make_reporter(name, io.StringIO(), rs, date(2026, 8, 20), "en", "x.csv", delimiter=";",
                                 pseudonymized=True)
        assert isinstance(reporter, Reporter) and type(reporter) is spec.reporter
        assert reporter.pseudonymized
        if spec.csv:
            assert getattr(reporter, "excel", None) is False


def test_the_facts_of_the_formats_check_always_had() -> None:
    facts = {name: (s.whole_results, s.csv, s.binary, s.keeps_columns, s.counts_alone)
             for name, s in ((n, CHECK_FORMATS[n]) for n in ("text", "json", "jsonl", "csv", "xlsx"))}
    assert facts == {"text": (True, False, False, False, True), "json": (False, False, False, False, True),
                     "jsonl": (False, False, False, False, False), "csv": (False, True, False, True, False),
                     "xlsx": (True, False, True, True, False)}


@pytest.mark.parametrize("name", list(CHECK_FORMATS))
def test_a_suffix_names_every_registered_format(name: str) -> None:
    suffix = ".txt" if name == "text" else "." + name
    assert output_format(None, "out" + suffix, tuple(CHECK_FORMATS), "check") == name
    assert suffix in CHECK_FORMAT_HELP


def test_a_format_suffix_of_another_command_is_refused_and_an_unknown_one_is_not() -> None:
    with pytest.raises(UsageError) as refused:
        output_format(None, "out.html", tuple(CHECK_FORMATS), "check")
    assert refused.value.code == "BSA435"
    assert output_format(None, "out.text", tuple(CHECK_FORMATS), "check") == "text"  # .text names nothing
    assert output_format(None, "out.tsv", ("text", "json"), "compare") == "text"


def test_the_names_are_the_modules_of_a_package_found_without_importing_them(tmp_path: Path) -> None:
    for name in ("b", "a", "first", "_private"):
        (tmp_path / f"{name}.py").write_text("raise AssertionError('imported')\n")
    registry = CheckFormats("nowhere", tmp_path, order=("first", "missing"))
    assert list(registry) == ["first", "a", "b"]
    assert "a" in registry and "_private" not in registry
    with pytest.raises(KeyError):
        registry["_private"]


def test_a_module_whose_format_has_another_name_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "fake_formats"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "one.py").write_text("from bsa_check.formats import CheckOutput\nFORMAT = CheckOutput('two', object)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(TypeError, match="named 'one'"):
        CheckFormats("fake_formats", package, order=())["one"]


PROBE = """
import json, sys
from bsa_check.formats import CHECK_FORMATS
names = list(CHECK_FORMATS)
spec = CHECK_FORMATS["jsonl"]
sys.stdout.write(json.dumps([names, sorted(m for m in sys.modules if m.startswith("bsa_check.report"))]))
"""


def test_only_the_chosen_format_module_is_imported() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    names, modules = json.loads(out)
    loaded = [m for m in modules if m.startswith("bsa_check.report.check_formats.")]
    assert loaded == ["bsa_check.report.check_formats.jsonl"]
    assert "bsa_check.report.text" not in modules and "bsa_check.report.xlsx" not in modules


def test_every_command_reads_its_choices_from_its_registry() -> None:
    from bsa_check import formats
    from bsa_check.cli import options

    pairs = {options.DueFormat: formats.DUE_FORMATS, options.CompareFormat: formats.COMPARE_FORMATS,
             options.ValidateFormat: formats.VALIDATE_FORMATS, options.LetterFormat: formats.LETTER_FORMATS,
             options.RulesFormat: formats.RULES_FORMATS}
    for choices, registry in pairs.items():
        assert [f.value for f in choices] == list(registry)
        for name, writer in registry.items():
            assert writer.name == name and callable(writer.load())


def test_the_other_commands_keep_their_choices_in_their_order() -> None:
    from bsa_check import formats

    assert list(formats.DUE_FORMATS) == ["text", "csv", "jsonl"]
    assert list(formats.COMPARE_FORMATS) == ["text", "json", "markdown", "html"]
    assert list(formats.VALIDATE_FORMATS) == ["text", "json", "github", "sarif", "gitlab"]
    assert list(formats.LETTER_FORMATS) == ["html", "docx"]
    assert list(formats.RULES_FORMATS) == ["text", "json"]


@pytest.mark.parametrize("command", ["check", "due", "compare"])
def test_format_help_names_the_suffix_of_every_registered_format_in_both_languages(command: str) -> None:
    """``--format``'s help is generated from the command's registry (it was written by hand for due and
    compare, and left out ``.txt``), in English and in Dutch; each suffix it names chooses its format."""
    import typer.main

    from bsa_check.cli import app
    from bsa_check.formats import COMPARE_FORMATS, DUE_FORMATS, suffix_of
    from bsa_check.help_nl import HELP

    registry = {"check": tuple(CHECK_FORMATS), "due": tuple(DUE_FORMATS), "compare": tuple(COMPARE_FORMATS)}[command]
    group = typer.main.get_command(app)
    click_command = group.get_command(None, command)  # type: ignore[attr-defined]
    english = next(p.help for p in click_command.params if "--format" in p.opts)
    for text in (english, HELP[english]):
        named = text[text.index("(") + 1:text.index(")")].split(", ")
        assert sorted(named) == sorted(suffix_of(name) for name in registry), text
    for name in registry:
        assert output_format(None, "out" + suffix_of(name), registry, command) == name
