"""The commands for rule authors and set-up: validate, test, columns, schema, rules, synth, codes.

Each parses its options, calls its service (bsa_check.services), renders and sets the exit code.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from bsa_check.cli.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, app, choose_language, user_errors
from bsa_check.cli.options import Lang, RulesFormat, SchemaKind, SheetOpt, STUDENTS_HELP, ValidateFormat
from bsa_check.services.common import Console


@app.command()
def validate(
    files: Annotated[list[str], typer.Argument(
        help="Rule files, or folders searched recursively for them; a .md file is checked as a letter template.",
        metavar="RULEFILE_OR_DIR...")],
    fmt: Annotated[Optional[ValidateFormat], typer.Option(
        "--format", help="Output format; default github when GITHUB_ACTIONS=true, else text.")] = None,
    show_suppressed: Annotated[bool, typer.Option(
        "--show-suppressed", help="Also list the suppressed problems, each with its reason.")] = False,
    lang: Annotated[Optional[Lang], typer.Option(
        "--lang", help="Language of the messages; default from LC_ALL/LANG.")] = None,
) -> None:
    """Every problem of every rule file: structure, consistency, legal lint. Exit 1 if any error."""
    import os

    from bsa_check.services.validate_run import render_validation, run_validation

    chosen = fmt.value if fmt else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    language = choose_language(lang)
    with user_errors():
        run = run_validation(files)
    typer.echo(render_validation(run, chosen, show_suppressed, language), nl=False)
    if run.unusable:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if run.failed else EXIT_OK)


@app.command("test")
def run_tests(
    paths: Annotated[list[str], typer.Argument(help="*.bsa-test.yaml files or folders (searched recursively).",
                                               metavar="TESTFILE_OR_DIR...")],
    junit_xml: Annotated[Optional[str], typer.Option("--junit-xml", help="Also write JUnit XML to this file.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Less output.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="pytest's own report (in English), one line per "
                                                                  "case.")] = False,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
) -> None:
    """Run rule test cases (expected verdicts) through pytest; exit 1 on a failing case."""
    from bsa_check.testing.runner import run

    raise typer.Exit(run(paths, junit_xml, quiet, lang=choose_language(lang), verbose=verbose))


@app.command("columns")
def columns_command(
    students: Annotated[str, typer.Argument(help=STUDENTS_HELP, metavar="STUDENTS")],
    rules: Annotated[Optional[list[str]], typer.Option(
        "--rules", help="Rule set(s) the mapping is for: their required columns are marked when missing.")] = None,
    output: Annotated[Optional[str], typer.Option("--output", help="Write the mapping to this file (atomically).")] = None,
    sheet: SheetOpt = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", help="Override a rule-set parameter: NAME=VALUE.")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Language of the summary; default from LC_ALL/LANG.")] = None,
) -> None:
    """Propose a column mapping file (--columns) from an export's header and a sample of its rows.
    Exit 1 when a required field could not be placed."""
    from bsa_check.services.columns_run import proposal_notes, propose_mapping

    language = choose_language(lang)
    with user_errors():
        proposal = propose_mapping(students, rules, output, sheet, param)
    proposal_notes(proposal, language)
    raise typer.Exit(EXIT_FINDINGS if proposal.missing_required else EXIT_OK)


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which schema: rules, tests or columns.")] = SchemaKind.rules,
) -> None:
    """JSON Schema (draft-07) of the rule format, rule test files or column mapping files, for editors and CI."""
    from bsa_check.schema import columns_schema_text, rules_schema_text, tests_schema_text

    text = {SchemaKind.rules: rules_schema_text, SchemaKind.tests: tests_schema_text,
            SchemaKind.columns: columns_schema_text}[kind]()
    typer.echo(text, nl=False)


@app.command("rules")
def list_rules(
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
    fmt: Annotated[RulesFormat, typer.Option("--format", help="Output format.")] = RulesFormat["text"],
    show: Annotated[Optional[str], typer.Option("--show", help="Print this bundled rule set in full (to read what "
                                                               "a file extends).", metavar="NAME")] = None,
) -> None:
    """The bundled rule sets: name, title, legal status (law or proposal), valid from; --show NAME: one in full."""
    from bsa_check.formats import RULES_FORMATS
    from bsa_check.services.rules_list import bundled_models

    language = choose_language(lang)
    if show is not None:
        from bsa_check.ruleset.show import show_bundled

        with user_errors():
            typer.echo(show_bundled(show), nl=False)
        return
    with user_errors():
        models = bundled_models()
    shown = RULES_FORMATS[fmt.value].load()(models, language)
    if isinstance(shown, str):  # json
        typer.echo(shown)
        return
    Console(highlight=False).print(shown)  # the table


@app.command()
def synth(
    rows: Annotated[int, typer.Option("--rows", min=0, help="Number of students (data rows).")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same file.")] = 1,
    year: Annotated[int, typer.Option("--year", min=1950, max=2190,
                                      help="Last academic year (2025 = 2025-2026).")] = 2025,
    years: Annotated[int, typer.Option("--years", min=1, max=100, help="Spread the rows over this many academic years.")] = 1,
    output: Annotated[Optional[str], typer.Option("--output", help="Write to this file (atomically) instead of stdout.")] = None,
) -> None:
    """A synthetic, seeded cohort of first-year HO students (Dutch Excel CSV) for trying and benchmarking."""
    from bsa_check import synth as generator
    from bsa_check.output import open_output

    with user_errors():
        with open_output(output, []) as out:
            generator.write_csv(out, rows, seed=seed, first_year=year, years=years)


@app.command("codes")
def explain_codes(
    code: Annotated[Optional[str], typer.Argument(help="A problem code, e.g. BSA256; none: list them all.",
                                                  metavar="[CODE]")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
) -> None:
    """What a problem code means: name, severity, explanation and an example."""
    from bsa_check.services.codes_run import code_text

    language = choose_language(lang)
    with user_errors():
        text = code_text(code, language)
    typer.echo(text, nl=False)
