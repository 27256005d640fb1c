"""Issue 15 acceptance, counted over the whole hostile corpus (tests/data/hostile/).

Every records file goes through ``check`` in every format (text rendered as on a colour terminal:
``FORCE_COLOR``), to standard output and to ``--output``, and through ``compare`` (text and
markdown); every rule file through ``validate`` and ``check --rules``. Counted:

- tracebacks: a run that ends in an exception other than its exit, or prints "Traceback";
- rows lost: data rows (expect.yaml) minus the verdicts and errors of the jsonl output;
- temp files left: anything in the ``--output`` folder besides the target;
- escape bytes: characters a terminal would act on (C0 but the line feed, DEL, C1, bidi
  controls), outside rich's own colour codes, in anything written to stdout, stderr or a file.

All four must be zero. ``python -m pytest tests/acceptance/test_hostile_corpus_counts.py -s``
prints the counts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.conftest import ROOT
from tests.unit.test_terminal_safety import unsafe_characters

CORPUS = ROOT / "tests" / "data" / "hostile"
RECORDS = sorted((CORPUS / "records").glob("*.csv"))
RULES = sorted((CORPUS / "rules").glob("*.yaml"))
EXPECT = yaml.safe_load((CORPUS / "records" / "expect.yaml").read_text(encoding="utf-8"))
AS_OF = ["--as-of", "2026-08-20"]
runner = CliRunner()


class Counts:
    def __init__(self) -> None:
        self.runs = self.tracebacks = self.rows_lost = self.temp_files = self.escape_bytes = 0
        self.where: list[str] = []

    def run(self, args: list[str], label: str, colour: bool = True, delimiter: str = ""):  # type: ignore[no-untyped-def]
        """``delimiter``: a tab the csv output writes between cells (the input's own delimiter, since
        issue 17 reads tab-delimited exports) is structure, not cell content; a tab inside a cell is
        still escaped and still counted."""
        self.runs += 1
        result = runner.invoke(app, args, env={"FORCE_COLOR": "1"} if colour else None)
        if (result.exception is not None and not isinstance(result.exception, SystemExit)) \
                or "Traceback" in result.output:
            self.tracebacks += 1
            self.where.append(f"traceback: {label}: {result.exception!r}")
        stdout = result.stdout.replace(delimiter, "") if delimiter else result.stdout
        bad = len(unsafe_characters(stdout)) + len(unsafe_characters(result.stderr))
        if bad:
            self.escape_bytes += bad
            self.where.append(f"escape bytes: {label}")
        return result

    def output_file(self, args: list[str], folder: Path, name: str, label: str) -> None:
        folder.mkdir()
        target = folder / name
        self.run([*args, "--output", str(target)], label + " --output")
        left = [p.name for p in folder.iterdir() if p != target]
        self.temp_files += len(left)
        if left:
            self.where.append(f"left over: {label}: {left}")
        if target.exists():
            bad = len(unsafe_characters(target.read_text(encoding="utf-8")))
            self.escape_bytes += bad
            if bad:
                self.where.append(f"escape bytes in file: {label}")


def _rules_option(path: Path) -> list[str]:
    rules = EXPECT.get(path.name, {}).get("rules")
    return ["--rules", str((path.parent / rules).resolve())] if rules else []


def test_the_whole_hostile_corpus_zero_tracebacks_lost_rows_temp_files_escape_bytes(tmp_path: Path) -> None:
    counts = Counts()
    for i, path in enumerate(RECORDS):
        rules = _rules_option(path)
        for fmt in ("text", "json", "csv"):
            counts.run(["check", str(path), *rules, *AS_OF, "--format", fmt], f"{path.name} {fmt}",
                       delimiter="\t" if fmt == "csv" and path.name.startswith("tab_") else "")
        result = counts.run(["check", str(path), *rules, *AS_OF, "--format", "jsonl"], f"{path.name} jsonl",
                            colour=False)
        items = [json.loads(line) for line in result.stdout.splitlines() if line]
        lost = abs(EXPECT[path.name]["rows"] - len(items))
        counts.rows_lost += lost
        if lost:
            counts.where.append(f"rows: {path.name}: {len(items)} of {EXPECT[path.name]['rows']}")
        for fmt in ("text", "jsonl"):
            counts.output_file(["check", str(path), *rules, *AS_OF, "--format", fmt], tmp_path / f"{i}-{fmt}",
                               f"verdicts.{fmt}", f"{path.name} {fmt}")
        second = rules or ["--rules", "ho-current"]
        for fmt in ("text", "markdown"):
            counts.run(["compare", str(path), "--rules", "ho-proposed-2023", *second, *AS_OF, "--list-changed",
                        "--format", fmt], f"{path.name} compare {fmt}")
    for path in RULES:
        counts.run(["validate", str(path)], f"validate {path.name}")
        counts.run(["check", str(ROOT / "examples" / "students.csv"), "--rules", str(path), *AS_OF],
                   f"check --rules {path.name}")
    print(f"\nhostile corpus: {len(RECORDS)} record files, {len(RULES)} rule files, {counts.runs} runs: "
          f"{counts.tracebacks} tracebacks, {counts.rows_lost} rows lost, {counts.temp_files} temp files left, "
          f"{counts.escape_bytes} escape bytes")
    assert counts.where == []
    assert (counts.tracebacks, counts.rows_lost, counts.temp_files, counts.escape_bytes) == (0, 0, 0, 0)
    assert len(RECORDS) >= 50 and len(RULES) >= 34 and counts.runs == 8 * len(RECORDS) + 2 * len(RULES)


@pytest.mark.parametrize("path", [p for p in RECORDS if "escape" in p.name or "markup" in p.name],
                         ids=lambda p: p.stem)
def test_the_cells_are_in_the_output_visibly(path: Path) -> None:
    """The counts above could be zero because nothing was shown: the cells are there, escaped."""
    result = runner.invoke(app, ["check", str(path), *AS_OF], env={"FORCE_COLOR": "1"})
    out = result.stdout
    assert ("\\x1b[2J" in out) if "escape" in path.name else ("[red]900002[/red]" in out)
