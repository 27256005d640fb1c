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

import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

from bsa_check import lint as lints
from bsa_check.engine.compile import compile_ruleset
from bsa_check.engine.evaluate import context
from bsa_check.errors import ErrorList, Location, RuleFileError
from bsa_check.problems import ERROR, Problem
from bsa_check.records import fields as F
from bsa_check.ruleset import model as m
from bsa_check.ruleset.load import LoadedRuleSet
from bsa_check.ruleset.walk import operand_refs, tests_in



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
    def __init__(self, loaded: LoadedRuleSet, compiled: Any) -> None:
        self.loaded = loaded
        self.rs = loaded.model
        self.compiled = compiled
        self.problems: list[Problem] = []
        self._drawn: list[tuple[dict[str, Any], date]] = []  # witness records drawn so far (see witnesses)
        self._stream: Iterator[tuple[dict[str, Any], date]] | None = None

    def witnesses(self, n: int = 1500) -> Iterator[tuple[dict[str, Any], date]]:
        """The first ``n`` records of ``_sample_records``, each a fresh copy (callers change them).

        The sample is seeded, so its first ``n`` records are the same whatever ``n`` a lint asks for;
        each record is drawn once per rule set and shared by the lints (issue 8: the legal lint runs
        on every check). Same witnesses, same findings.
        """
        if self._stream is None:
            self._stream = _sample_records(self.rs, self.compiled, n=1500)
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
                moved = {k: _shift_years(v, shift) if isinstance(v, date) else v for k, v in record.items()}
                moved["programme"] = programme
                moved["academic_year"] = year
                yield moved, _shift_years(as_of, shift), year

    def add(self, path: tuple[Any, ...], code: str, message: str, hint: str, severity: str = ERROR) -> None:
        self.problems.append(Problem(code, severity, message, self.loaded.positions.locate(path), hint))

    def run(self) -> list[Problem]:
        """Every lint of the registry (``bsa_check.lint.LINTS``), in its order."""
        lints.run(self)
        return self.problems

    def negative_lint(self) -> None:
        needed = {"warning_date": "a written warning", "hearing_date": "a hearing"}
        basis = "WHW art. 7.8b lid 4" if self.rs.sector == "ho" else "WEB art. 8.1.7a"
        if self.rs.scenario == "proposed_2023":
            needed["conversation_date"] = "the personal conversation (Kamerstukken II 31 288/31 524, nr. 1039)"
        for i, rule in enumerate(self.rs.rules):
            if rule.outcome != "negative":
                continue
            read: set[str] = set()
            for _j, pre in enumerate(rule.requires):
                for t, _ in tests_in(pre.when, ()):  # type: ignore[union-attr]  # requires: names expanded at load
                    read.add(t.subject[1])
                    read.update(n for k, n in operand_refs(t.op[1]) if k == "field")
            if self.rs.sector == "ho":
                self._advice_window(i, rule)
            for field, what in needed.items():
                if field not in read:
                    self.add(("rules", i, "requires"), "BSA253",
                             f"rule {rule.id!r} can give a binding negative without {what} ({field})",
                             f"add a precondition that reads {field} ({basis})")
                elif self.compiled is not None and self._satisfied_without(i, field):
                    self.add(("rules", i, "requires"), "BSA253",
                             f"rule {rule.id!r} reads {field} but its preconditions hold without {what}",
                             f"require the step to be recorded, e.g. {{field: {field}, before: ...}} ({basis})")

    def _advice_operands(self) -> set[tuple[str, str]]:
        """Operands that stand for the advice date: advice_date, --as-of, and derived values made of them."""
        out = {("field", "advice_date"), ("as_of", "")}
        for name, d in self.rs.derived.items():
            values = [c.value for c in d.cases]
            if values and all(isinstance(v, m.AsOfRef) or (isinstance(v, m.FieldRef) and v.field == "advice_date")
                              for v in values):
                out.add(("derived", name))
        return out

    def _advice_window(self, i: int, rule: m.Rule) -> None:
        """An HO binding negative needs preconditions that keep the advice date inside the window: not
        before the end of the year (7.8b lid 3) and not after the academic year (7.8b lid 1)."""
        advice = self._advice_operands()

        def refs(t: m.Test) -> set[tuple[str, str]]:
            out = {t.subject} | set(operand_refs(t.op[1]))
            if isinstance(t.op[1], m.AsOfRef):
                out.add(("as_of", ""))
            return out

        readers = [j for j, pre in enumerate(rule.requires) if any(refs(t) & advice for t, _ in tests_in(pre.when, ()))]  # type: ignore[union-attr]  # requires: names expanded at load
        hint = ("add preconditions like ho-current's end_of_year ({derived: advice_day, on_or_after: {param: "
                "earliest_advice}}) and within_first_year ({derived: advice_day, on_or_before: {param: latest_advice}}) "
                "(WHW art. 7.8b lid 1 and 3)")
        if not readers:
            self.add(("rules", i, "requires"), "BSA253",
                     f"rule {rule.id!r} can give a binding negative on any date: no precondition reads the advice date",
                     hint)
            return
        if self.compiled is None:
            return
        # lid 1's end-of-first-year limit binds full-time and dual students; for part-time ones the institution
        # sets the moment (lid 1, second sentence), so "after the academic year" is tested on full-time witnesses
        for label, day, full_time in (("mid-year (15 October)", date(2025, 10, 15), False),
                                      ("after the academic year (15 October of the next)", date(2026, 10, 15), True)):
            if self._holds_on_advice_day(i, readers, day, full_time):
                self.add(("rules", i, "requires"), "BSA253",
                         f"rule {rule.id!r} can give a binding negative with an advice date {label}", hint)

    def _holds_on_advice_day(self, rule_index: int, readers: list[int], day: date, full_time: bool = False) -> bool:
        """Whether every precondition reading the advice date holds on some witness advised on ``day``,
        with the procedural dates (warning, hearing, conversation) a few weeks to months before it and every
        other date (an improvement deadline, ...) the same, on the advice day itself, or empty: a deadline
        equal to the warning date fails a "period of at least N days" step, which hid a dropped window
        precondition (``full_time``: witnesses that are full-time students)."""
        rule = self.compiled.rules[rule_index]
        dates = [n for n in self.compiled.fields_used if F.FIELDS_BY_NAME[n].kind == F.DATE and n != "advice_date"]
        steps = {"warning_date", "hearing_date", "conversation_date"}
        for k, (record, _, year) in enumerate(self.scenario_witnesses(100, 25)):
            advised = _shift_years(day, year - SAMPLE_YEAR)  # the same day in the scenario's academic year
            lead = timedelta(days=(29, 43, 60, 90, 150)[k % 5])  # 29/43: warned early in the year, 4-6 weeks ahead
            for other in (advised - lead, advised, None):
                record.update({n: advised - lead if n in steps else other for n in dates})
                if self._holds_on(rule, readers, record, advised, year, full_time):
                    return True
        return False

    def _holds_on(self, rule: Any, readers: list[int], record: dict[str, Any], advised: date, year: int,
                  full_time: bool) -> bool:
        record = {k: v for k, v in record.items() if v is not None}
        record["advice_date"] = advised
        if full_time:
            record["part_time"] = False
            record["study_mode"] = "full_time"
        try:
            ctx = context(self.compiled, record, advised, year=year)
            return all(rule.requires[j].cond(ctx) for j in readers)
        except Exception:  # noqa: BLE001 - a sample the rule set cannot evaluate proves nothing
            return False

    def _satisfied_without(self, rule_index: int, field: str) -> bool:
        """Whether, on some witness record with ``field`` empty, every precondition reading it holds."""
        rule = self.compiled.rules[rule_index]
        readers = [pre for pre, model in zip(rule.requires, rule.model.requires)
                   if field in {t.subject[1] for t, _ in tests_in(model.when, ())}
                   | {n for t, _ in tests_in(model.when, ()) for k, n in operand_refs(t.op[1]) if k == "field"}]
        for record, as_of, year in self.scenario_witnesses(300, 60):
            record.pop(field, None)
            try:
                ctx = context(self.compiled, record, as_of, year=year)
                if all(pre.cond(ctx) for pre in readers):
                    return True
            except Exception:  # noqa: BLE001 - a sample the rule set cannot evaluate proves nothing
                continue
        return False


# --- witness records ------------------------------------------------------------------------------

SAMPLE_YEAR = 2025  # the academic year witness records are drawn in (reference date 15 August 2026)
WITNESS_PROGRAMME = "witness"  # a programme no rule set lists: every parameter's default
MAX_SCENARIO_YEARS = 12
MAX_SCENARIO_PROGRAMMES = 12


def _shift_years(day: date, years: int) -> date:
    """``day`` moved by whole years; 29 February becomes the 28th in a common year."""
    if not years:
        return day
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)



def _sample_records(rs: m.RuleSet, compiled: Any, n: int = 1500) -> Iterator[tuple[dict[str, Any], date]]:
    """Deterministic sample of records built from the values the rule set itself mentions."""
    rnd = random.Random(20230509)
    literals: dict[str, list[Any]] = {}
    numbers: list[Decimal] = []  # literal thresholds on derived values (credits computed from fields)
    conds = ([rule.when for rule in rs.rules] + [pre.when for rule in rs.rules for pre in rule.requires]  # type: ignore[union-attr]  # requires: names expanded at load
             + [case.when for d in rs.derived.values() for case in d.cases])
    for cond in conds:
        for t, _ in tests_in(cond, ()):
            kind, name = t.subject
            op, rhs = t.op
            rhs_values = rhs if isinstance(rhs, list) else [rhs]
            for v in rhs_values:
                if kind != "field":
                    if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
                        numbers.append(Decimal(v))
                elif isinstance(v, (bool, int, Decimal, str, date)):
                    literals.setdefault(name, []).append(v)
    as_of = date(2026, 8, 15)
    candidates: dict[str, list[Any]] = {}
    for name in compiled.fields_used:
        spec = F.FIELDS_BY_NAME[name]
        kind = spec.kind
        base = list(literals.get(name, []))
        if kind in (F.DECIMAL,):
            nums = [Decimal(x) for x in base if isinstance(x, (int, Decimal)) and not isinstance(x, bool)] + numbers
            for p in compiled.params.values():
                for _, v in p.values:
                    if isinstance(v, Decimal):
                        nums.append(v)
            vals: list[Any] = sorted({x + d for x in nums + [Decimal(0), Decimal(60)] for d in (Decimal(-0.5), 0, Decimal(0.5))
                                      if x + d >= 0})
        elif kind in (F.INTEGER, F.COUNT):
            vals = sorted({int(x) + d for x in base + [1] if isinstance(x, int) for d in (-1, 0, 1) if int(x) + d >= 0})
        elif kind == F.BOOLEAN:
            vals = [True, False]
        elif kind == F.DATE:
            vals = [as_of - timedelta(days=d) for d in (400, 200, 120, 30, 1, 0)] + [as_of + timedelta(days=30)]
        elif kind in (F.CIRCUMSTANCES, F.UNITS):
            if name == "personal_circumstances":  # excluded kinds reach the rules from here (issue 19 item 4)
                base += literals.get("excluded_circumstances", [])
            vals = [frozenset()] + [frozenset({x}) for x in base if isinstance(x, str)] + [frozenset({"illness"})]
        elif kind == F.RESULTS:
            vals = _sample_results(rs, rnd)
        elif kind == F.EFFECT:
            vals = list(F.EFFECTS)
        elif kind == F.STUDY_MODE:
            vals = list(F.STUDY_MODES)
        elif kind == F.PROGRAMME_ROLE:
            vals = list(F.PROGRAMME_ROLES)
        elif kind == F.NEGATIVE_GROUND:
            vals = list(F.NEGATIVE_GROUNDS)
        elif kind == F.DECISION:
            vals = list(F.DECISIONS)
        elif kind == F.ADVICE:
            vals = list(F.ADVICES)
        else:
            vals = [x for x in base if isinstance(x, str)] or ["x"]
        if spec.optional:
            vals.append(None)
        candidates[name] = vals or [None]
    names = sorted(candidates)
    for _ in range(n):
        record = {"student_id": "witness", "programme": "witness", "academic_year": 2025}
        for name in names:
            v = rnd.choice(candidates[name])
            if v is not None:
                record[name] = v
        yield record, as_of


def _sample_results(rs: m.RuleSet, rnd: random.Random) -> list[Any]:
    """Unit-result tuples over the rule set's catalogue: none, all passed, all failed, and mixes."""
    from bsa_check.records.parse import UnitResult

    codes = sorted(rs.units.units) if rs.units is not None else ["X1"]
    pass_mark = rs.units.pass_mark if rs.units is not None else Decimal("5.5")
    grades = [Decimal(4), pass_mark - Decimal("0.5"), pass_mark, Decimal(8)]
    out: list[Any] = [(), tuple(UnitResult(c, "pass", None, None, None if rs.units else Decimal(5), False)
                                for c in codes)]
    for _ in range(12):
        out.append(tuple(UnitResult(c, "grade", rnd.choice(grades), None, None if rs.units else Decimal(5), False)
                         for c in codes if rnd.random() < 0.8))
    return out


__all__ = ["validate_path", "Location"]
