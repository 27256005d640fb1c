"""Terminal and markup safety (issue 15): cells, rule texts and file names are data in every output.

No cell is read as rich markup (``[/bold]`` crashed the text report, ``compare`` and ``explain``);
no control character from a cell or rule text reaches a terminal or a text file raw (ESC, BEL,
backspace, C1, bidi overrides are written as visible escapes); a non-UTF-8 standard output falls
back to ASCII instead of crashing; a file name that is not UTF-8 is escaped in JSON.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.textsafe import first_control, visible
from tests.conftest import EXAMPLES, ROOT
from tests.terminal import drain

runner = CliRunner()
HOSTILE = ROOT / "tests" / "data" / "hostile" / "records"
MARKUP = HOSTILE / "markup_in_cells.csv"
ESCAPES = HOSTILE / "escape_sequences_in_cells.csv"
MINIMAL = ROOT / "tests" / "data" / "rules" / "valid" / "minimal.yaml"
AS_OF = ["--as-of", "2026-08-20"]

# What may reach a terminal: printable text, line feeds, and rich's own colour codes (SGR: ESC [ ... m).
_SGR = re.compile(r"\x1b\[[0-9;]*m")
_UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def unsafe_characters(output: str) -> list[str]:
    """Every character in ``output`` that a terminal would act on (rich's SGR colour codes aside)."""
    return _UNSAFE.findall(_SGR.sub("", output))


# --- the escaping function ---------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "shown"), [
    ("\x1b[2J", "\\x1b[2J"), ("\x1b]0;title\x07", "\\x1b]0;title\\x07"), ("a\bb", "a\\x08b"), ("a\rb", "a\\x0db"),
    ("a\nb\tc", "a\\x0ab\\x09c"), ("\x7f", "\\x7f"), ("\x9b31m", "\\x9b31m"), ("\x85", "\\x85"),
    ("\u202eabc", "\\u202eabc"), ("\u2066x\u2069", "\\u2066x\\u2069"), ("\u2028", "\\u2028"),
    ("bad\udcff.csv", "bad\\xff.csv"), ("\x00", "\\x00"),
])
def test_visible_writes_every_control_character_as_an_escape(raw: str, shown: str) -> None:
    assert visible(raw) == shown
    assert not unsafe_characters(visible(raw))


@pytest.mark.parametrize("text", ["900001", "59001", "café", "déjà vu", "[bold]x[/bold]", "a b", "€ 45,5", "Ω", ""])
def test_visible_leaves_ordinary_text_alone(text: str) -> None:
    assert visible(text) == text


def test_first_control_allows_lines_and_tabs_in_rule_texts() -> None:
    assert first_control("two\nlines\tand a tab") is None
    assert first_control("bell\a") == "\a" and first_control("x\x1b[2J") == "\x1b" and first_control("\x9b") == "\x9b"


# --- markup: never read, never a crash -------------------------------------------------------------


def _invoke(args: list[str], **env: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, args, env=env or None)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1"}, {"TERM": "dumb", "NO_COLOR": "1"}],
                         ids=["file", "colour", "dumb"])
def test_markup_in_cells_is_shown_as_written_in_the_text_report(env: dict[str, str]) -> None:
    """Issue 15: ``[/bold]`` as a student number crashed the text report (MarkupError, no verdicts)."""
    result = _invoke(["check", str(MARKUP), *AS_OF], **env)
    assert result.exit_code == 1  # one row has a broken credit cell
    out = _SGR.sub("", result.stdout)
    for written in ("[/bold]", "[red]900002[/red]", "[link=http://x.example]59001[/link]", ":warning:900004",
                    "[bold", "59001]"):
        assert written in out, written
    assert "⚠" not in out  # :warning: is not an emoji code either


@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1"}], ids=["file", "colour"])
def test_control_characters_in_cells_are_visible_escapes_in_the_text_report(env: dict[str, str]) -> None:
    result = _invoke(["check", str(ESCAPES), *AS_OF], **env)
    assert result.exit_code == 1
    assert unsafe_characters(result.stdout) == [] and unsafe_characters(result.stderr) == []
    out = _SGR.sub("", result.stdout)
    assert "\\x1b[2J\\x1b[H900001" in out and "\\x1b]0;pwned\\x07900002" in out and "\\x9b31m900005" in out
    assert "\\u202e500009" in out and "9000\\x0804" in out
    assert "\\x1b[5m5" in result.stderr  # the broken cell in its error message, escaped too


def test_markup_and_escapes_in_a_text_report_written_to_a_file(tmp_path: Path) -> None:
    """Written to a file the markup changed what the report says (a student number shown as another)."""
    target = tmp_path / "report.txt"
    _invoke(["check", str(MARKUP), *AS_OF, "--output", str(target)])
    text = target.read_text(encoding="utf-8")
    assert "[red]900002[/red]" in text and "[/bold]" in text
    _invoke(["check", str(ESCAPES), *AS_OF, "--output", str(target)])
    text = target.read_text(encoding="utf-8")
    assert unsafe_characters(text) == [] and "\\x1b]8;;http://evil.example/" in text


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
@pytest.mark.parametrize("path", [MARKUP, ESCAPES], ids=["markup", "escapes"])
def test_compare_shows_cells_as_data(fmt: str, path: Path) -> None:
    result = _invoke(["compare", str(path), "--rules", "ho-current", "--rules", "ho-proposed-2023", *AS_OF,
                      "--list-changed", "--format", fmt], FORCE_COLOR="1")
    assert result.exit_code == 1
    assert unsafe_characters(result.stdout) == [] and unsafe_characters(result.stderr) == []
    if fmt == "json":
        json.loads(result.stdout)


@pytest.mark.parametrize("student", ["[/bold]", "[red]900002[/red]"])
def test_explain_a_student_whose_number_is_markup(student: str) -> None:
    result = _invoke(["explain", str(MARKUP), student, *AS_OF, "--rules", "ho-current", "--rules", "ho-proposed-2023"],
                     FORCE_COLOR="1")
    assert result.exit_code == 0
    assert student in _SGR.sub("", result.stdout)


def test_explain_a_student_whose_number_is_an_escape_sequence() -> None:
    result = _invoke(["explain", str(ESCAPES), "\x1b]0;pwned\x07900002", *AS_OF], FORCE_COLOR="1")
    assert result.exit_code == 0
    assert unsafe_characters(result.stdout) == [] and "\\x1b]0;pwned\\x07900002" in result.stdout


def _rule_file(tmp_path: Path, replace: dict[str, str], name: str = "texts.yaml") -> Path:
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_markup_in_rule_texts_is_shown_as_written(tmp_path: Path) -> None:
    rules = _rule_file(tmp_path, {
        'version: "1"': 'version: "[/bold]1"',
        "reason: {nl: propedeuse behaald, en: propaedeutic exam passed}":
            'reason: {nl: x, en: "[/red] [link=http://evil.example]passed[/link] :warning:"}',
        "title: {nl: Minimaal, en: Minimal}": 'title: {nl: x, en: "[blink]Minimal"}',
    })
    students = tmp_path / "s.csv"
    students.write_text(MARKUP.read_text(encoding="utf-8").replace(";nee;geen;", ";ja;geen;"), encoding="utf-8")
    for args in (["check", str(students)], ["explain", str(students), "900006"],
                 ["compare", str(students), "--rules", "ho-current", "--format", "text"],
                 ["compare", str(students), "--rules", "ho-current", "--format", "markdown"]):
        result = _invoke([*args, "--rules", str(rules), *AS_OF], FORCE_COLOR="1")
        assert result.exit_code in (0, 1), result.output
        out = _SGR.sub("", result.stdout)
        if args[0] != "compare":
            assert "[/red] [link=http://evil.example]passed[/link] :warning:" in out, out
        assert "[/bold]1" in out or "\\[/bold\\]1" in out


def test_compare_markdown_escapes_every_rule_set_text(tmp_path: Path) -> None:
    """Issue 15: the version was written raw (a link, an image, HTML in a CI job summary)."""
    rules = _rule_file(tmp_path, {'version: "1"': 'version: "1 [click](http://evil.example) <img src=x> `code`"'})
    result = _invoke(["compare", str(EXAMPLES / "students.csv"), "--rules", "ho-current", "--rules", str(rules),
                      *AS_OF, "--format", "markdown"])
    assert "[click](http" not in result.stdout and "<img" not in result.stdout and "`code`" not in result.stdout
    assert "\\[click\\]\\(http://evil.example\\) &lt;img src=x&gt; \\`code\\`" in result.stdout


# --- a real terminal -----------------------------------------------------------------------------


def _on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run ``python -m bsa_check ARGS`` with a pseudo-terminal as stdout and stderr: (exit code, output)."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "bsa_check", *args], stdout=follower, stderr=follower,
                            stdin=subprocess.DEVNULL, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT),
                                                                     "COLUMNS": "200", **env})
    os.close(follower)
    shown_bytes = drain(leader, proc)
    return proc.wait(timeout=60), shown_bytes.decode("utf-8", "replace")


@pytest.mark.parametrize("env", [{"TERM": "xterm-256color"}, {"TERM": "dumb", "NO_COLOR": "1"}], ids=["xterm", "dumb"])
@pytest.mark.parametrize("args", [
    ["check", str(ESCAPES)], ["check", str(MARKUP)],
    ["compare", str(ESCAPES), "--rules", "ho-current", "--rules", "ho-proposed-2023", "--list-changed"],
    ["explain", str(ESCAPES), "\x1b]0;pwned\x07900002"],
], ids=["check-escapes", "check-markup", "compare", "explain"])
def test_no_cell_reaches_a_terminal_as_an_escape_sequence(args: list[str], env: dict[str, str]) -> None:
    code, output = _on_a_terminal([*args, *AS_OF], env)
    assert code in (0, 1), output
    assert "Traceback" not in output
    assert unsafe_characters(output.replace("\r\n", "\n")) == []
    if args[1] == str(ESCAPES) and args[0] == "check":
        assert "\\x1b]8;;" in output  # the OSC 8 link, shown (perhaps wrapped), not made


# --- encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize("args", [
    ["compare", str(EXAMPLES / "students.csv"), "--rules", "ho-current", "--rules", "ho-proposed-2023"],
    ["explain", str(EXAMPLES / "students.csv"), "900002", "--rules", "ho-current", "--rules", "ho-proposed-2023"],
    ["rules"],
    ["check", str(EXAMPLES / "students.csv")],
], ids=["compare", "explain", "rules", "check"])
def test_a_standard_output_that_is_not_utf8_gets_ascii_arrows_and_crosses(args: list[str], encoding: str) -> None:
    """Issue 15: a non-UTF-8 locale crashed compare (text), explain and rules on ↓ ✗ ... (UnicodeEncodeError)."""
    proc = subprocess.run([sys.executable, "-m", "bsa_check", *args, *([] if args == ["rules"] else AS_OF)],
                          check=False, capture_output=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": encoding})
    assert proc.returncode == 0, proc.stderr.decode(encoding, "replace")
    assert b"Traceback" not in proc.stderr
    out = proc.stdout.decode(encoding)  # every byte is one the terminal's encoding can show
    if args[0] == "compare":
        assert "A v B ->" in out
    if args[0] == "explain":
        assert ": x" in out and "✗" not in out


def test_a_file_name_that_is_not_utf8_is_escaped_in_json(tmp_path: Path) -> None:
    """Issue 15: a file name with a non-UTF-8 byte broke JSON output (UnicodeEncodeError)."""
    folder = os.fsencode(tmp_path)
    name = folder + b"/bad\xff\x9b.csv"
    with open(name, "wb") as handle:
        handle.write((EXAMPLES / "students.csv").read_bytes())
    for args in (["check", "--format", "json"], ["check", "--format", "jsonl"], ["check", "--format", "text"],
                 ["compare", "--rules", "ho-current", "--rules", "ho-proposed-2023", "--format", "json"],
                 ["compare", "--rules", "ho-current", "--rules", "ho-proposed-2023", "--format", "markdown"]):
        proc = subprocess.run([sys.executable, "-m", "bsa_check", args[0], name, *args[1:], *AS_OF],
                              check=False, capture_output=True, cwd=ROOT, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert proc.returncode == 0, proc.stderr
        assert b"Traceback" not in proc.stderr
        text = proc.stdout.decode("utf-8")  # valid UTF-8 throughout
        assert "\x9b" not in text and unsafe_characters(text) == []
        if "json" in args and args[0] == "check":
            assert json.loads(text)["source"] == os.fsdecode(name)  # lossless
        elif args[-1] == "json":
            assert json.loads(text)["source"] == os.fsdecode(name)
        elif args[-1] in ("text", "markdown"):
            assert "bad\\xff\\x9b.csv" in text or args[-1] == "text"
