"""Start-up cost (issue 8): ``--help`` and ``--version`` import only what they need.

Not a timing test: it checks which modules a fresh interpreter has imported, which is what makes
``bsa-check --help`` fast (rich, pydantic and yaml together cost more than the rest of start-up).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bsa_check import cli, privacy

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("rich", "pydantic", "pydantic_core", "yaml", "hashlib", "bsa_check.ruleset", "bsa_check.engine",
         "bsa_check.i18n", "bsa_check.privacy", "bsa_check.report")

PROBE = """
import json, sys
from bsa_check.cli import main
sys.argv = ["bsa-check", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
sys.stdout.write("\\n@@" + json.dumps(sorted(sys.modules)))
"""


def imported_after(args: list[str]) -> tuple[str, set[str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True,
                         check=True, cwd=ROOT, env=env).stdout
    shown, _, modules = out.rpartition("\n@@")
    return shown, set(json.loads(modules))


# (``check --help`` is left out: typer itself builds a pydantic adapter for the group's own --help there.)
@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_import_nothing_heavy(args: list[str]) -> None:
    shown, modules = imported_after(args)
    assert "bsa-check" in shown  # the command did its job
    loaded = sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert loaded == []


def test_check_imports_what_it_needs() -> None:
    """The probe sees imports: a real check loads the rule model (so the test above means something).
    Written to pipes, the text report and the notes on stderr need no rich (bsa_check.plain)."""
    shown, modules = imported_after(["examples/students.csv", "--as-of", "2026-08-20"])
    assert "900001" in shown
    assert {"pydantic", "yaml", "bsa_check.ruleset.model", "bsa_check.plain"} <= modules
    assert not {"rich.console", "rich.table", "rich.text", "rich.markup"} & modules  # only rich's wrap helpers


def test_help_names_the_pseudonym_key_variable() -> None:
    """cli spells the key variable out (so --help needs no hashlib); it must stay privacy's."""
    assert cli.KEY_ENV == privacy.KEY_ENV
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli.app, ["check", "--help"], env={"COLUMNS": "300"})
    assert privacy.KEY_ENV in result.output


@pytest.mark.parametrize("command", sorted(cli._COMMANDS))
def test_a_named_command_runs_on_an_app_with_only_that_command(command: str) -> None:
    """``main`` hands typer only the command being run (typer builds every registered command's
    options on each start); a renamed or missing command must not silently fall back to the full app."""
    one = cli._app_for(command)
    assert one is not cli.app and len(one.registered_commands) == 1
    assert len(cli.app.registered_commands) == len(cli._COMMANDS)  # the real app is left whole
    assert cli._app_for("--help") is cli.app and cli._app_for(None) is cli.app and cli._app_for("chek") is cli.app


@pytest.mark.parametrize("command", sorted(cli._COMMANDS))
def test_help_of_a_command_is_the_same_on_the_trimmed_app(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for which in (cli._app_for(command), cli.app):
        with pytest.raises(SystemExit) as exit_:
            which(args=[command, "--help"], prog_name="bsa-check")
        assert exit_.value.code == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and f"bsa-check {command}" in outputs[0]
