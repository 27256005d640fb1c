"""Validate rule files: structure, consistency and legal lint. Collects every problem, never stops early.

Layers:
1. structure: YAML syntax, tags, aliases, duplicate keys, unknown keys, types (``load``);
2. consistency: unknown fields/parameters, comparable types, placeholders, ranges (``compile``),
   plus dated values out of order, rules that can never fire, and (``decision: exclusive``) two
   rules that can both decide one record with different outcomes, shown with a witness record;
3. legal lint against the national frame (domain.md): a year-one norm above 60 EC; above 30 EC
   under the proposed 2023 scenario; a credit norm in an MBO rule set; a binding negative
   reachable without warning and hearing (and, proposed scenario, the conversation) or, HO, on an
   advice date mid-year or after the academic year; a personal circumstance outside Uitvoeringsbesluit
   WHW art. 2.1 that the rule set does not designate; an HO binding negative while circumstances are
   unweighed or never read, or without reading the propaedeutic exam; preconditions without
   reason_if_missing.
Pure apart from reading the rule file through ``load``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Iterator

from bsa_check import lint as lints
from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import ErrorList, Location, RuleFileError
from bsa_check.problems import ERROR, Problem
from bsa_check.ruleset.load import LoadedRuleSet
from bsa_check.ruleset.witnesses import (
    MAX_SCENARIO_PROGRAMMES,
    MAX_SCENARIO_YEARS,
    SAMPLE_YEAR,
    WITNESS_PROGRAMME,
    sample_records,
    shift_years,
)



# The codes that refuse a rule set for verdicts: those of the lints the registry marks blocks_verdicts
# (tests/unit/test_lint_registry.py keeps the two the same).
BLOCKING = frozenset({"BSA234", "BSA250", "BSA251", "BSA252", "BSA253", "BSA255", "BSA257", "BSA258"})


def legal_blockers(loaded: LoadedRuleSet, compiled: Any) -> list[Problem]:
    """Legal-lint errors that make a rule set unusable for verdicts (check, explain), not just for CI.

    A norm above the statutory or proposed cap, a credit norm in MBO, a binding negative without
    warning, hearing and advice window, or one in a rule set that never reads the personal
    circumstances or the propaedeutic exam would produce verdicts that contradict the law, so they
    refuse to run.
    """
    linter = Linter(loaded, compiled)
    lints.run(linter, lints.blocking())  # the cheap ones: no witness records
    return [p for p in linter.problems if p.code in BLOCKING]


def validate_path(path: Path) -> list[Problem]:
    """Every problem of one rule file, sorted by position: one pass shows them all.

    A structural problem after which the file can still be read safely does not stop the later
    layers: a YAML 1.1 trap or a duplicate key is recorded and reading goes on (``load_yaml``'s
    ``collect``), an unknown key is left out and the rest validated (``validate_repairing``), and
    the consistency and legal layers then run on what remains. A rule with another schema error is
    left out: the other rules are still checked for consistency, but the legal lint is not run (it
    would judge a rule set the file does not hold). Syntax errors, tags, aliases and schema errors
    outside the rules stop at the structural layer.
    """

    from bsa_check.ruleset.extends import merge_chain
    from bsa_check.ruleset.load import MAX_RULE_FILE_BYTES, load_earlier, read_source, validate_repairing
    from bsa_check.ruleset.yamlsafe import load_yaml

    file = str(path)
    collected: list[RuleFileError] = []
    try:
        raw, text = read_source(path, "rule file", MAX_RULE_FILE_BYTES)
        data, positions = load_yaml(text, file, strict_scalars=True, collect=collected)
    except RuleFileError as exc:  # reading stopped here; what was collected before it still counts
        return sorted([*(Problem.from_error(e) for e in collected), Problem.from_error(exc)], key=Problem.sort_key)
    try:
        merged = merge_chain(data, positions, path, raw)
    except RuleFileError as exc:  # the chain of ``extends`` cannot be followed: nothing to merge onto
        return sorted([*(Problem.from_error(e) for e in collected), Problem.from_error(exc)], key=Problem.sort_key)
    except ErrorList as exc:
        return sorted([*(Problem.from_error(e) for e in collected), *(Problem.from_error(e) for e in exc.errors)],
                      key=Problem.sort_key)
    data, positions = merged.data, merged.positions
    repaired = validate_repairing(data, positions)
    problems = [Problem.from_error(e) for e in collected]
    reported = {(p.location.line, p.location.column) for p in problems}
    # the trap a schema error found again (a number where text belongs) is reported once
    problems.extend(Problem.from_error(e) for e in repaired.errors
                    if not (e.location and (e.location.line, e.location.column) in reported))
    if repaired.model is None:
        return sorted(problems, key=Problem.sort_key)
    earlier = None
    if repaired.model.before_valid_from:
        try:
            earlier = load_earlier(repaired.model.before_valid_from, path, repaired.positions)
        except RuleFileError as exc:  # the rule set for earlier years: reported, the rest still checked
            problems.append(Problem.from_error(exc))
        except ErrorList as exc:
            problems.extend(Problem.from_error(e) for e in exc.errors)
        if earlier is not None:
            # the delegate decides earlier years' verdicts: it is checked like any rule set given to
            # check (compiled and linted), its problems located in its own file
            problems.extend(delegate_problems(earlier))
    loaded = LoadedRuleSet(model=repaired.model, positions=repaired.positions, path=file, sha256=merged.sha256,
                           bundled=False, earlier=earlier, origins=merged.origins or None, chain=merged.chain)
    try:
        compiled = compile_ruleset(loaded)
    except ErrorList as exc:
        problems.extend(Problem.from_error(e) for e in exc.errors)
        compiled = None
    except RuleFileError as exc:
        problems.append(Problem.from_error(exc))
        compiled = None
    if not repaired.dropped_rules:
        # with a rule left out the rule set is another one: its legal lint would judge what the file
        # does not say, so only the consistency of the rest is reported
        problems.extend(lint(loaded, compiled))
    return sorted(problems, key=Problem.sort_key)


def delegate_problems(earlier: LoadedRuleSet) -> list[Problem]:
    """Every problem of the rule set ``before_valid_from`` names (compile errors, consistency and legal
    lint), so a delegate that validate would refuse on its own is never used for earlier years."""
    try:
        compiled = compile_ruleset(earlier)
    except ErrorList as exc:
        return [Problem.from_error(e) for e in exc.errors] + [p for p in lint(earlier, None) if p.severity == ERROR]
    except RuleFileError as exc:
        return [Problem.from_error(exc)]
    return lint(earlier, compiled)


def lint(loaded: LoadedRuleSet, compiled: Any) -> list[Problem]:
    """Consistency and legal lint of a loaded rule set (``compiled`` None when it did not compile):
    what ``validate`` adds to the load and compile errors, and what check, explain and compare refuse on
    (``ruleset.usable``)."""
    return Linter(loaded, compiled).run()


class Linter:
    """What every lint of ``bsa_check.lint`` reads and reports into: the rule set (``rs``, ``loaded``),
    its compiled form (``compiled``, None when it did not compile), the shared witness records, and
    ``add`` for a problem located by its data path."""

    def __init__(self, loaded: LoadedRuleSet, compiled: Any) -> None:
        self.loaded = loaded
        self.rs = loaded.model
        self.compiled = compiled
        self.problems: list[Problem] = []
        self._drawn: list[tuple[dict[str, Any], date]] = []  # witness records drawn so far (see witnesses)
        self._stream: Iterator[tuple[dict[str, Any], date]] | None = None

    def witnesses(self, n: int = 1500) -> Iterator[tuple[dict[str, Any], date]]:
        """The first ``n`` records of ``sample_records``, each a fresh copy (callers change them).

        The sample is seeded, so its first ``n`` records are the same whatever ``n`` a lint asks for;
        each record is drawn once per rule set and shared by the lints (issue 8: the legal lint runs
        on every check). Same witnesses, same findings.
        """
        if self._stream is None:
            self._stream = sample_records(self.rs, self.compiled, n=1500)
        while len(self._drawn) < n:
            item = next(self._stream, None)
            if item is None:
                break
            self._drawn.append(item)
        for record, as_of in self._drawn[:n]:
            yield dict(record), as_of

    def scenarios(self) -> list[tuple[str, int]]:
        """(programme, academic year) pairs the witness-based lints evaluate under: the witness programme
        (every parameter's default) and each programme a parameter lists under ``by_programme``, each in
        the sample year 2025 and in the first academic year each dated value is in force. Before issue 14
        the lints saw only 2025 and the defaults, so a binding negative on unweighed circumstances
        reachable in an earlier year, or for one programme, passed ``validate``."""
        years = {SAMPLE_YEAR}
        programmes = {WITNESS_PROGRAMME}
        if self.compiled is not None:
            for p in self.compiled.params.values():
                programmes.update(p.by_programme)
                for table in (p.values, *p.by_programme.values()):
                    for start, _ in table:
                        years.add(start.year if start <= date(start.year, 9, 1) else start.year + 1)
        ordered = sorted(programmes, key=lambda c: (c != WITNESS_PROGRAMME, c))[:MAX_SCENARIO_PROGRAMMES]
        chosen = sorted(years)[-MAX_SCENARIO_YEARS:]
        if SAMPLE_YEAR not in chosen:
            chosen.append(SAMPLE_YEAR)
        return [(prog, year) for prog in ordered for year in chosen]

    def scenario_witnesses(self, n: int, extra: int) -> Iterator[tuple[dict[str, Any], date, int]]:
        """(record, reference date, academic year): the first ``n`` witnesses as drawn (programme
        ``witness``, 2025), then for every other scenario the first ``extra`` of them moved there: its
        programme, and every date (the reference date too) moved by whole years to its academic year."""
        for record, as_of in self.witnesses(n):
            yield record, as_of, SAMPLE_YEAR
        for programme, year in self.scenarios():
            if (programme, year) == (WITNESS_PROGRAMME, SAMPLE_YEAR):
                continue
            shift = year - SAMPLE_YEAR
            for record, as_of in self.witnesses(extra):
                moved = {k: shift_years(v, shift) if isinstance(v, date) else v for k, v in record.items()}
                moved["programme"] = programme
                moved["academic_year"] = year
                yield moved, shift_years(as_of, shift), year

    def add(self, path: tuple[Any, ...], code: str, message: str, hint: str, severity: str = ERROR) -> None:
        self.problems.append(Problem(code, severity, message, self.loaded.positions.locate(path), hint))

    def run(self) -> list[Problem]:
        """Every lint of the registry (``bsa_check.lint.LINTS``), in its order."""
        lints.run(self)
        return self.problems


__all__ = ["validate_path", "Location"]
