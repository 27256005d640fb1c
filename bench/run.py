"""The benchmark: speed and peak memory of bsa-check against the floor of reading alone.

Usage (from the repository root, in the environment where bsa-check is installed):

    python bench/run.py                      # 1,000,000 rows, 3 runs each
    python bench/run.py --rows 100000 --runs 5 --json bench.json

On a seeded synthetic cohort (``bsa-check synth``) it times, in the same run:

  floor     a bare ``csv.reader`` pass over the same file (reading alone)
  bound     reading, the duplicate-student check, a dict lookup and writing a JSON line as long as
            check's: what a Python check does per row beside evaluating (its lower bound)
  check     ``bsa-check check FILE --format jsonl --output TMP``
  check-w2  the same with ``--workers 2`` (when the installed bsa-check has ``--workers``)
  xlsx-floor a bare openpyxl read-only pass over the same cohort saved as .xlsx (typed cells: dates,
            numbers; written once with openpyxl's write-only mode, not timed)
  check-xlsx ``bsa-check check FILE.xlsx --format jsonl --output TMP`` (issue 17), with its peak memory
  compare   ``bsa-check compare FILE --rules ho-current --rules ho-proposed-2023 --format json``
  validate  ``bsa-check validate`` over every bundled rule file
  help      ``bsa-check --help``
  example   ``bsa-check examples/students.csv`` (start to end, text output)

Each is a separate process; the figure is the median wall time of ``--runs`` runs, and the peak
resident memory (max RSS of the process, from ``wait4``) of the same runs. Reports records per
second, the ratio of check and compare to the floor, and the issue 8 targets met or not, as a table
and (``--json FILE``) as JSON. The benchmark asserts nothing: it measures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOOR = (
    "import csv, sys\n"
    "n = 0\n"
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
    "    for _ in csv.reader(f, delimiter=';'):\n"
    "        n += 1\n"
)


# The least a streaming check in Python does per row beside evaluating: read it, check the
# student's key for a duplicate (the same store check uses), look up its other cells in a dict and
# write a JSON line as long as check's average (531 bytes in the 1,000,000-row cohort).
BOUND = (
    "import csv, sys\n"
    "from bsa_check.records.seen import SeenKeys\n"
    "first = SeenKeys().first_line_of_hash\n"
    "memo, tail = {}, '\"outcome\":\"positive\",' + 'x' * 450 + '}'\n"
    "with open(sys.argv[1], newline='', encoding='utf-8') as f, open(sys.argv[2], 'w', encoding='utf-8') as out:\n"
    "    rows = csv.reader(f, delimiter=';')\n"
    "    next(rows)\n"
    "    write, join = out.write, '\\x00'.join\n"
    "    for line, cells in enumerate(rows, 2):\n"
    "        sid, programme = cells[0].strip(), cells[1].strip()\n"
    "        if first(hash(sid + '\\x1f' + programme + '\\x1f' + cells[2]), line) is not None:\n"
    "            continue\n"
    "        found = memo.setdefault(join(cells[2:]), tail)\n"
    "        write(f'{{\"line\":{line},\"student_id\":\"{sid}\",\"programme\":\"{programme}\",{found}\\n')\n"
)


XLSX_FLOOR = (
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)\n"
    "n = 0\n"
    "for _ in wb.worksheets[0].iter_rows(values_only=True):\n"
    "    n += 1\n"
    "wb.close()\n"
)


def cohort_as_xlsx(cohort: Path, target: Path) -> None:
    """The cohort as a workbook, as Excel would hold it: date cells, number cells, the rest text
    (student numbers and programme codes stay text, as an export formats them)."""
    import csv
    from datetime import date

    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Blad1")
    with cohort.open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter=";")
        header = next(rows)
        ws.append(header)
        dates = {i for i, h in enumerate(header) if h.endswith("datum")}
        numbers = {i for i, h in enumerate(header) if h in ("inschrijvingsjaar", "ec_jaar1", "ec_totaal")}
        for cells in rows:
            out: list[object] = []
            for i, c in enumerate(cells):
                if not c:
                    out.append(None)
                elif i in dates:
                    d, m, y = c.split("-")
                    out.append(date(int(y), int(m), int(d)))
                elif i in numbers:
                    v = float(c.replace(",", "."))
                    out.append(int(v) if v.is_integer() else v)
                else:
                    out.append(c)
            ws.append(out)
    wb.save(target)


def bsa_check_command() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m bsa_check``."""
    script = Path(sys.executable).with_name("bsa-check")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bsa_check"]


def run_once(argv: list[str], cwd: Path) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in bytes, exit code) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark step failed ({proc.returncode}): {' '.join(argv)}\n{err[-2000:]}")
    return wall, usage.ru_maxrss * 1024, proc.returncode


def measure(name: str, argv: list[str], runs: int, cwd: Path) -> dict:
    walls, peaks = [], []
    for _ in range(runs):
        wall, peak, _code = run_once(argv, cwd)
        walls.append(wall)
        peaks.append(peak)
        print(f"  {name:<9} {wall:8.3f} s  {peak / 2**20:7.1f} MB", file=sys.stderr, flush=True)
    return {"name": name, "argv": argv, "runs": walls, "median_s": statistics.median(walls),
            "peak_rss_mb": round(max(peaks) / 2**20, 1)}


def supports(cli: list[str], command: str, option: str | None = None) -> bool:
    out = subprocess.run([*cli, command, "--help"], capture_output=True, text=True)
    if out.returncode != 0 or f"bsa-check {command}" not in out.stdout:
        return False
    return option is None or option in out.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="data rows in the synthetic cohort")
    parser.add_argument("--runs", type=int, default=3, help="runs per step; the median is reported")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--keep", metavar="DIR", help="keep the cohort and outputs in DIR")
    parser.add_argument("--only", help="comma-separated step names to run (default: all)")
    args = parser.parse_args(argv)

    cli = bsa_check_command()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bsa-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        cohort = work / f"cohort-{args.rows}-{args.seed}.csv"
        if not cohort.exists():
            print(f"generating {args.rows:,} rows (seed {args.seed}) ...", file=sys.stderr, flush=True)
            subprocess.run([*cli, "synth", "--rows", str(args.rows), "--seed", str(args.seed),
                            "--output", str(cohort)], check=True)
        out = work / "out.jsonl"
        rule_files = sorted(str(p) for p in (ROOT / "rules").glob("*.yaml"))
        steps: list[tuple[str, list[str]]] = [
            ("floor", [sys.executable, "-c", FLOOR, str(cohort)]),
            ("bound", [sys.executable, "-c", BOUND, str(cohort), str(out)]),
            ("check", [*cli, "check", str(cohort), "--as-of", "2026-08-20", "--format", "jsonl", "--output", str(out)]),
        ]
        if supports(cli, "check", "--workers"):
            steps.append(("check-w2", [*cli, "check", str(cohort), "--as-of", "2026-08-20", "--format", "jsonl",
                                       "--output", str(out), "--workers", "2"]))
        if supports(cli, "compare"):
            steps.append(("compare", [*cli, "compare", str(cohort), "--rules", "ho-current", "--rules",
                                      "ho-proposed-2023", "--as-of", "2026-08-20", "--format", "json"]))
            if supports(cli, "compare", "--workers"):
                steps.append(("compare-w2", [*cli, "compare", str(cohort), "--rules", "ho-current", "--rules",
                                             "ho-proposed-2023", "--as-of", "2026-08-20", "--format", "json",
                                             "--workers", "2"]))
        wanted_steps = set(args.only.split(",")) if args.only else None
        if supports(cli, "check", "--sheet") and (wanted_steps is None or wanted_steps & {"xlsx-floor", "check-xlsx"}):
            workbook = work / f"cohort-{args.rows}-{args.seed}.xlsx"
            if not workbook.exists():
                print(f"writing the cohort as {workbook.name} ...", file=sys.stderr, flush=True)
                cohort_as_xlsx(cohort, workbook)
            steps += [
                ("xlsx-floor", [sys.executable, "-c", XLSX_FLOOR, str(workbook)]),
                ("check-xlsx", [*cli, "check", str(workbook), "--as-of", "2026-08-20", "--format", "jsonl",
                                "--output", str(out)]),
            ]
        steps += [
            ("validate", [*cli, "validate", *rule_files]),
            ("help", [*cli, "--help"]),
            ("example", [*cli, str(ROOT / "examples" / "students.csv"), "--as-of", "2026-08-20"]),
        ]
        if args.only:
            wanted = set(args.only.split(","))
            steps = [s for s in steps if s[0] in wanted or s[0] == "floor"]
        results = {name: measure(name, argv, args.runs, ROOT) for name, argv in steps}
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    floor = results["floor"]["median_s"]
    for name in ("floor", "bound", "check", "check-w2", "compare", "compare-w2", "xlsx-floor", "check-xlsx"):
        if name in results:
            r = results[name]
            r["records_per_s"] = round(args.rows / r["median_s"])
            r["x_floor"] = round(r["median_s"] / floor, 2)
    targets = []

    def target(label: str, value: float | None, limit: float, unit: str, lower_is_better: bool = True) -> None:
        if value is None:
            targets.append({"target": label, "value": None, "limit": limit, "met": None})
            return
        met = value <= limit if lower_is_better else value >= limit
        targets.append({"target": label, "value": round(value, 3), "limit": limit, "unit": unit, "met": met})

    get = lambda n, k: results[n][k] if n in results else None  # noqa: E731
    target("check jsonl, x floor", get("check", "x_floor"), 5, "x")
    target("compare 2 rule sets, x floor", get("compare", "x_floor"), 7, "x")
    target("check peak memory", get("check", "peak_rss_mb"), 150, "MB")
    target("compare peak memory", get("compare", "peak_rss_mb"), 150, "MB")
    target("--help", get("help", "median_s"), 0.3, "s")
    target("example file", get("example", "median_s"), 0.5, "s")
    speedup = (results["check"]["median_s"] / results["check-w2"]["median_s"]) if "check-w2" in results else None
    target("check --workers 2 speed-up", speedup, 1.7, "x", lower_is_better=False)
    speedup = (results["compare"]["median_s"] / results["compare-w2"]["median_s"]) if "compare-w2" in results else None
    target("compare --workers 2 speed-up", speedup, 1.7, "x", lower_is_better=False)

    report = {
        "format_version": 1,
        "rows": args.rows, "runs": args.runs, "seed": args.seed,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "steps": results, "targets": targets,
    }
    print()
    print(f"bsa-check benchmark: {args.rows:,} rows, median of {args.runs} runs, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}")
    print(f"{'step':<12}{'median s':>10}{'records/s':>12}{'x floor':>9}{'peak MB':>9}")
    for name, r in results.items():
        rps = f"{r['records_per_s']:,}" if "records_per_s" in r else ""
        xf = f"{r['x_floor']:.2f}" if "x_floor" in r else ""
        print(f"{name:<12}{r['median_s']:>10.3f}{rps:>12}{xf:>9}{r['peak_rss_mb']:>9.1f}")
    print()
    for t in targets:
        state = "n/a" if t["met"] is None else ("met" if t["met"] else "NOT met")
        value = "-" if t["value"] is None else f"{t['value']}{t.get('unit', '')}"
        print(f"  {t['target']:<32} {value:>10}  (target {'>=' if t['target'].endswith('speed-up') else '<='} "
              f"{t['limit']}{t.get('unit', '')}): {state}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
