"""Load a rule-test file (``*.bsa-test.yaml``): safe YAML, schema, then everything it refers to.

Loading = safe located YAML (``ruleset.yamlsafe``) -> pydantic model (``testing.model``) -> checks
against the record field registry and the rule set under test: record field names (Dutch
aliases accepted, "did you mean" otherwise), parameter names, rule and precondition ids, and
outcomes the rule set can give. All problems of a file are collected, each located at
file:line:column, before failing with an :class:`~bsa_check.errors.ErrorList`.

Record values are turned into the text of a CSV cell here, but not parsed: a cell that cannot
be parsed fails its own case (error BSA310), not the whole file. This module owns the cache of
loaded and compiled rule sets (:class:`RuleSetCache`); it never evaluates and never prints.

Codes: YAML and schema problems as for rule files (BSA100-BSA106, BSA102); an unknown record
field BSA204, an unknown parameter BSA206, a case name used twice BSA210; an expectation naming a
rule, precondition or outcome the rule set does not have BSA130.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping, TypeVar

from pydantic import ValidationError

from bsa_check.engine.compile import CompiledRuleSet, compile_ruleset
from bsa_check.errors import BsaCheckError, ErrorList, Location, RuleFileError, UsageError
from bsa_check.records import fields as F
from bsa_check.ruleset.load import LoadedRuleSet, bundled_rule_files, load_file, read_source
from bsa_check.ruleset.yamlsafe import PositionMap, load_yaml
from bsa_check.testing.confine import not_a_rule_file, outside
from bsa_check.testing.located import located_errors
from bsa_check.testing.model import Expect, TestFile, allowed_keys, value_problem

MAX_TEST_FILE_BYTES = 1024 * 1024
SCHEMA_HINT = "see `bsa-check schema tests`"
_LIST_KINDS = (F.CIRCUMSTANCES, F.UNITS, F.RESULTS)
_PLAIN_INT = re.compile(r"[+-]?(0|[1-9][0-9]*)")
_TOKEN = re.compile(r"[^\s,#\]}]+")
_PARAM_IN_MESSAGE = re.compile(r"--param ([A-Za-z0-9_]+)=")


@dataclass(frozen=True, slots=True)
class Cell:
    """One record value as the text of a CSV cell (``None``: an empty cell), and where it was written."""

    field: str
    text: str | None
    location: Location


@dataclass(frozen=True, slots=True)
class LoadedCase:
    name: str
    location: Location
    as_of: date
    params: dict[str, str]
    param_locations: dict[str, Location]
    cells: tuple[Cell, ...]
    record_location: Location
    expect: Expect
    expect_location: Location


@dataclass(frozen=True, slots=True)
class LoadedTestFile:
    path: str
    rules: str
    rules_path: Path
    rules_bundled: bool
    lang: str
    cases: tuple[LoadedCase, ...]


class RuleSetCache:
    """Loaded and compiled rule sets, shared by every test file of a session.

    Compiled per (rule file, parameter overrides), so a hundred cases with the same parameters
    compile the rule set once. A rule set that fails to load or compile fails the same way each time.
    """

    def __init__(self) -> None:
        self._loaded: dict[Path, LoadedRuleSet | BaseException] = {}
        self._compiled: dict[tuple[Path, tuple[tuple[str, str], ...]], CompiledRuleSet | BaseException] = {}

    def loaded(self, path: Path, bundled: bool = False) -> LoadedRuleSet:
        key = path.resolve()
        if key not in self._loaded:
            try:
                self._loaded[key] = load_file(path, bundled=bundled)
            except (BsaCheckError, ErrorList) as exc:
                self._loaded[key] = exc
        return _value(self._loaded[key])

    def compiled(self, path: Path, params: Mapping[str, str], bundled: bool = False) -> CompiledRuleSet:
        key = (path.resolve(), tuple(sorted(params.items())))
        if key not in self._compiled:
            loaded = self.loaded(path, bundled)
            try:
                self._compiled[key] = compile_ruleset(loaded, dict(params))
            except (BsaCheckError, ErrorList) as exc:
                self._compiled[key] = exc
        return _value(self._compiled[key])


def param_named_in(exc: BsaCheckError) -> str | None:
    """The parameter a ``--param`` error from the compiler is about (its message names it)."""
    match = _PARAM_IN_MESSAGE.search(exc.message)
    return match.group(1) if match else None


_T = TypeVar("_T")


def _value(entry: _T | BaseException) -> _T:
    if isinstance(entry, BaseException):
        raise entry
    return entry


def load_test_file(path: Path, cache: RuleSetCache | None = None, *, display: str | None = None) -> LoadedTestFile:
    """Read, validate and resolve one test file. Raises RuleFileError or ErrorList (located).

    ``display``: the file name to use in locations (default: ``path`` as given).
    """
    file = display or str(path)
    cache = cache or RuleSetCache()
    _, text = read_source(path, "test file", MAX_TEST_FILE_BYTES)
    try:
        data, positions = load_yaml(text, file)
    except RuleFileError as exc:
        if exc.message == "the rule file is empty":
            raise RuleFileError("the rule test file is empty", location=exc.location, code=exc.code,
                                hint="a rule test file is a YAML mapping with rules, as_of and cases") from None
        raise
    if not isinstance(data, dict):
        raise RuleFileError("a rule test file must be a YAML mapping (rules: ..., cases: ...)",
                            location=positions.locate(()), hint=SCHEMA_HINT, code="BSA102")
    _check_values(data, positions)
    try:
        model = TestFile.model_validate(data)
    except ValidationError as exc:
        raise located_errors(exc, data, positions, allowed_keys=allowed_keys, schema_hint=SCHEMA_HINT) from None
    return _Resolver(model, positions, text, Path(path), cache).resolve()


def _check_values(data: dict[str, Any], positions: PositionMap) -> None:
    """Record and params values that can never be a cell or --param text, located at their key
    (the model would only locate them at the enclosing mapping)."""
    places: list[tuple[tuple[Any, ...], Any, bool]] = [(("params",), data.get("params"), False)]
    cases = data.get("cases")
    for i, case in enumerate(cases if isinstance(cases, list) else []):
        if isinstance(case, dict):
            places.append((("cases", i, "params"), case.get("params"), False))
            places.append((("cases", i, "record"), case.get("record"), True))
    errors: list[BsaCheckError] = []
    for base, mapping, in_record in places:
        for key, value in (mapping.items() if isinstance(mapping, dict) else ()):
            why = value_problem(value, in_record=in_record)
            if why is not None:
                errors.append(RuleFileError(f"{'.'.join(map(str, (*base, key)))}: {why}",
                                            location=positions.locate((*base, key)), hint=SCHEMA_HINT, code="BSA102"))
    if errors:
        raise ErrorList(errors)


def _suggest(name: str, options: Any) -> str:
    close = difflib.get_close_matches(name, list(options), n=1)
    return f"did you mean {close[0]!r}?" if close else "known: " + ", ".join(sorted(options))


class _Resolver:
    """Checks a validated test file against the field registry and its rule set; collects every problem."""

    def __init__(self, model: TestFile, positions: PositionMap, text: str, path: Path, cache: RuleSetCache) -> None:
        self.model = model
        self.positions = positions
        self.lines = text.splitlines()
        self.path = path
        self.cache = cache
        self.errors: list[BsaCheckError] = []
        self.mapping: Any = None  # the test file's ``columns:`` mapping (records.mapping), when it names one
        self.index = F.HEADER_INDEX

    def err(self, path: tuple[Any, ...], message: str, hint: str, code: str, *, key: bool = False) -> None:
        self.errors.append(RuleFileError(message, location=self.positions.locate(path, key=key), hint=hint, code=code))

    def fail(self) -> None:
        if self.errors:
            self.errors.sort(key=lambda e: (e.location.line or 0, e.location.column or 0) if e.location else (0, 0))
            raise ErrorList(self.errors)

    # -- the rule set ------------------------------------------------------------------------
    def rule_file(self) -> tuple[Path, bool]:
        name = self.model.rules
        bundled = bundled_rule_files()
        if name in bundled:
            return bundled[name], True
        why = outside(self.path, name)
        if why is not None:  # never read a file elsewhere on the machine (issue 15)
            raise RuleFileError(f"rules: {name!r} {why}", location=self.positions.locate(("rules",)), code="BSA113",
                                hint="name a bundled rule set, or a path relative to this test file inside its repository")
        candidate = self.path.parent / name
        if candidate.is_file():
            return candidate, False
        close = difflib.get_close_matches(name, list(bundled), n=1)
        hint = (f"did you mean {close[0]!r}? " if close else "") + (
            f"give a bundled rule set ({', '.join(bundled) or 'none'}) or a path relative to this test file")
        raise RuleFileError(f"no bundled rule set or file named {name!r}", location=self.positions.locate(("rules",)),
                            hint=hint, code="BSA110")

    def load_rules(self, rules_path: Path, bundled: bool) -> LoadedRuleSet:
        try:
            return self.cache.loaded(rules_path, bundled)
        except ErrorList as exc:
            raise self.broken_rule_set(list(exc.errors)) from None
        except BsaCheckError as exc:
            raise self.broken_rule_set([exc]) from None

    def compile_rules(self, rules_path: Path, bundled: bool, params: dict[str, str]) -> None:
        """Compile with the file's params now, so a rule set or params that cannot work fail the whole file."""
        try:
            self.cache.compiled(rules_path, params, bundled)
        except ErrorList as exc:
            raise self.broken_rule_set(list(exc.errors)) from None
        except UsageError as exc:
            name = param_named_in(exc)
            raise RuleFileError(exc.message, location=self.positions.locate(("params", name) if name else ("params",)),
                                hint=exc.hint, code=exc.code) from None
        except BsaCheckError as exc:
            raise self.broken_rule_set([exc]) from None

    def broken_rule_set(self, inner: list[BsaCheckError]) -> ErrorList:
        if not_a_rule_file(inner):  # its lines might be anything (a key, a secret): name it, show nothing
            return ErrorList([RuleFileError(f"rules: {self.model.rules!r} is not a rule file (not a YAML mapping "
                                            "with schema_version); its content is not shown",
                                            location=self.positions.locate(("rules",)), code="BSA114",
                                            hint="name a rule file; check one with: bsa-check validate FILE")])
        head = RuleFileError(f"rule set {self.model.rules!r} cannot be used: {len(inner)} problem(s) in it, below",
                             location=self.positions.locate(("rules",)), hint="fix the rule file",
                             code=inner[0].code if inner else "BSA110")
        return ErrorList([head, *inner])

    # -- values -------------------------------------------------------------------------------
    def token(self, path: tuple[Any, ...]) -> str | None:
        """The source text of the plain scalar at ``path`` (to see what YAML turned into a number)."""
        loc = self.positions.locate(path)
        if loc.line is None or loc.column is None or loc.line > len(self.lines):
            return None
        match = _TOKEN.match(self.lines[loc.line - 1], loc.column - 1)
        return match.group(0) if match else None

    def as_text(self, value: Any, path: tuple[Any, ...], what: str) -> str | None:
        """The cell (or --param) text for a YAML value: what a CSV export would hold."""
        if value is None:
            return None
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, int):
            raw = self.token(path)
            if raw is not None and not _PLAIN_INT.fullmatch(raw):
                # YAML 1.1 reads 0710 as octal 456, 1_000 as 1000, 1:30 as 90: a code or number would change
                self.err(path, f"{what}: YAML reads {raw} as the number {value}",
                         f'write it in quotes: "{raw}"', "BSA103")
            return str(value)
        if isinstance(value, Decimal):
            return format(value, "f")
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, list):
            return "|".join(value)
        text = str(value)
        return text if text.strip() else None

    def params(self, raw: Mapping[str, Any], base: tuple[Any, ...], known: Mapping[str, Any]) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, value in raw.items():
            path = (*base, "params", name)
            if name not in known:
                self.err(path, f"unknown parameter {name!r} for rule set {self.model.rules!r}",
                         _suggest(name, known), "BSA206", key=True)
                continue
            text = self.as_text(value, path, name)
            out[name] = "" if text is None else text
        return out

    def record(self, i: int, raw: Mapping[str, Any]) -> tuple[Cell, ...]:
        cells: dict[str, Cell] = {}
        first_key: dict[str, str] = {}
        for key, value in raw.items():
            path = ("cases", i, "record", key)
            name = self.index.get(F.normalise_header(str(key)))
            if name is None:
                options = sorted({s for spec in F.FIELDS for s in (spec.name, *spec.aliases)})
                self.err(path, f"unknown record field {key!r}", _suggest(str(key), options), "BSA204", key=True)
                continue
            if name in cells:
                self.err(path, f"{key!r} is {name}, already given as {first_key[name]!r}",
                         "give each field once", "BSA101", key=True)
                continue
            kind = F.FIELDS_BY_NAME[name].kind
            if isinstance(value, list) and kind not in _LIST_KINDS:
                self.err(path, f"{name} is a single value, not a list",
                         "only personal_circumstances, passed_units, pending_resits, recognised_circumstances and unit_results take a list", "BSA102")
                continue
            first_key[name] = str(key)
            text = self.as_text(value, path, name)
            if self.mapping is not None and text is not None:  # the export's value spellings, as --columns reads them
                text = self.mapping.values.get(name, {}).get(text.strip().casefold(), text)
            cells[name] = Cell(name, text, self.positions.locate(path))
        return tuple(cells.values())

    # -- expectations ---------------------------------------------------------------------------
    def expectation(self, i: int, expect: Expect, loaded: LoadedRuleSet) -> None:
        # a rule set with before_valid_from decides earlier academic years by that rule set's rules
        rules = list(loaded.model.rules) + (list(loaded.earlier.model.rules) if loaded.earlier is not None else [])
        base = ("cases", i, "expect")
        rule_ids = [r.id for r in rules]
        if expect.rule is not None and expect.rule not in rule_ids:
            self.err((*base, "rule"), f"rule set {loaded.model.name!r} has no rule {expect.rule!r}",
                     _suggest(expect.rule, rule_ids), "BSA130")
        scope = [r for r in rules if r.id == expect.rule] or rules  # (an id in both: either may decide)
        pre_ids = list(dict.fromkeys(p.id for r in scope for p in r.requires))  # type: ignore[union-attr]  # requires: names expanded at load
        for j, pre in enumerate(expect.missing or ()):
            if pre not in pre_ids:
                where = f"rule {expect.rule!r}" if expect.rule in rule_ids else f"rule set {loaded.model.name!r}"
                self.err((*base, "missing", j), f"{where} has no precondition {pre!r}",
                         _suggest(pre, pre_ids) if pre_ids else f"{where} has no preconditions", "BSA130")
        if expect.outcome is not None:
            possible = {r.outcome for r in scope} | {r.if_missing for r in scope if r.requires}
            if expect.outcome not in possible:
                who = f"rule {expect.rule!r}" if expect.rule in rule_ids else f"rule set {loaded.model.name!r}"
                self.err((*base, "outcome"), f"{who} never gives {expect.outcome!r}",
                         "possible: " + ", ".join(sorted(possible)), "BSA130")

    # -- the file -----------------------------------------------------------------------------
    def resolve(self) -> LoadedTestFile:
        if self.model.columns is not None:  # records written in an export's terms (issue 17)
            from bsa_check.records.mapping import header_index, load_mapping

            self.mapping = load_mapping(self.path.parent / self.model.columns)
            self.index = header_index(self.mapping)
        rules_path, bundled = self.rule_file()
        loaded = self.load_rules(rules_path, bundled)
        known = {**(loaded.earlier.model.parameters if loaded.earlier is not None else {}), **loaded.model.parameters}
        file_params = self.params(self.model.params, (), known)
        cases: list[LoadedCase] = []
        first_line: dict[str, int] = {}
        for i, case in enumerate(self.model.cases):
            path = ("cases", i)
            name_at = self.positions.locate((*path, "name"))
            if case.name in first_line:
                self.err((*path, "name"), f"case name {case.name!r} is used twice "
                         f"(first on line {first_line[case.name]})", "give every case its own name", "BSA210")
            else:
                first_line[case.name] = name_at.line or 0
            as_of = case.as_of or self.model.as_of
            if as_of is None:
                self.err(path, f"case {case.name!r} has no reference date",
                         "give as_of at the top of the file or in the case", "BSA102")
            params = {**file_params, **self.params(case.params, path, known)}
            cells = self.record(i, case.record)
            if "student_id" not in {c.field for c in cells}:
                cells = (Cell("student_id", case.name, name_at), *cells)
            self.expectation(i, case.expect, loaded)
            cases.append(LoadedCase(
                name=case.name, location=name_at, as_of=as_of or date.min, params=params,
                param_locations={n: self.positions.locate((*path, "params", n) if n in case.params else ("params", n))
                                 for n in params},
                cells=cells, record_location=self.positions.locate((*path, "record")), expect=case.expect,
                expect_location=self.positions.locate((*path, "expect"))))
        self.fail()
        self.compile_rules(rules_path, bundled, file_params)
        return LoadedTestFile(path=self.positions.file, rules=self.model.rules, rules_path=rules_path,
                              rules_bundled=bundled, lang=self.model.lang, cases=tuple(cases))
