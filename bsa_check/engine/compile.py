"""Compile a rule set into plain Python callables.

Pure: no I/O, no printing, no globals, deterministic. ``compile_ruleset`` checks the meaning of
a rule set (known fields, parameters and derived values; comparable types; placeholders) and
locates every problem in the rule file; it builds a :class:`~bsa_check.engine.compiled.CompiledRuleSet`
whose records are evaluated by the one loop of ``engine.evaluate``. The per-record path builds no
pydantic model: records are plain dicts of parsed values, conditions are closures.

The compiler is one class made of mixins, one module each: parameters (``compile_params``),
operands and derived values (``compile_operands``), conditions (``compile_conditions``); this
module holds the rules, texts and the rule set as a whole.

This module is also the engine's front door: it re-exports what callers use (``__all__``), so the
split into ``values``, ``context``, ``evaluate`` and ``compiled`` moved no caller's import.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Iterable

from bsa_check.engine.compile_conditions import ConditionCompiler
from bsa_check.engine.compile_operands import OperandCompiler
from bsa_check.engine.compile_params import ParamCompiler
from bsa_check.engine.compiled import CompiledRuleSet
from bsa_check.engine.context import CompiledPrecondition, CompiledRule, Ctx, add_months
from bsa_check.engine.evaluate import Reach, split_circumstances
from bsa_check.engine.values import ABSENT, MissingValue
from bsa_check.errors import ErrorList, RuleFileError, UsageError
from bsa_check.records import fields as F
from bsa_check.records.parse import academic_year_of
from bsa_check.ruleset import model as m
from bsa_check.ruleset.operators import CREDIT_GAP_OPS
from bsa_check.ruleset.placeholders import names as placeholder_names

if TYPE_CHECKING:  # pragma: no cover - the engine does no I/O; the loader is only a type here
    from bsa_check.ruleset.load import LoadedRuleSet

__all__ = ["ABSENT", "CompiledPrecondition", "CompiledRule", "CompiledRuleSet", "Ctx", "MissingValue", "Reach",
           "add_months", "compile_many", "compile_ruleset", "declared_parameters", "split_circumstances"]

SPECIAL_PLACEHOLDERS = ("shortfall", "target", "missing", "as_of", "academic_year")


# --- compilation ----------------------------------------------------------------------------------


class _Compiler(ParamCompiler, OperandCompiler, ConditionCompiler):
    def __init__(self, loaded: "LoadedRuleSet", overrides: dict[str, str]) -> None:
        self.loaded = loaded
        self.rs = loaded.model
        self.overrides = overrides
        self.errors: list[RuleFileError] = []
        self.fields_used: set[str] = set()
        self.derived_kinds: dict[str, str] = {}
        self.derived: dict[str, Callable[[Ctx], Any]] = {}
        self.derived_in_progress: set[str] = set()  # derived values being compiled (a cycle check)
        self.ops_seen: set[str] = set()  # the comparison operators compiled since the last reset
        self.params_seen: set[str] = set()  # the parameters read since the last reset (per rule, per derived value)
        self.derived_params: dict[str, set[str]] = {}  # derived value -> the parameters it reads

    # errors -------------------------------------------------------------------------------------
    def err(self, path: tuple[Any, ...], message: str, hint: str, code: str = "BSA201") -> None:
        self.errors.append(RuleFileError(message, location=self.loaded.positions.locate(path), hint=hint, code=code))

    def suggest(self, name: str, options: Iterable[str]) -> str:
        close = difflib.get_close_matches(name, list(options), n=1)
        return f"did you mean {close[0]!r}?" if close else "known: " + ", ".join(sorted(options))

    # texts --------------------------------------------------------------------------------------
    def placeholders(self, text: m.Text | None, path: tuple[Any, ...]) -> set[str]:
        if text is None:
            return set()
        names: set[str] = set()
        known = set(SPECIAL_PLACEHOLDERS) | set(self.rs.parameters) | set(self.rs.derived) | set(F.FIELDS_BY_NAME)
        for lang in ("nl", "en"):
            for name in placeholder_names(getattr(text, lang)):
                if name not in known:
                    self.err((*path, lang), f"unknown placeholder {{{name}}}", self.suggest(name, known), "BSA209")
                else:
                    names.add(name)
                    # a parameter or derived value of the same name is what the placeholder shows
                    if name in F.FIELDS_BY_NAME and name not in self.rs.parameters and name not in self.rs.derived:
                        self.fields_used.add("personal_circumstances" if name == "excluded_circumstances" else name)
        return names

    def interim_checks(self, r: m.Rule, path: tuple[Any, ...]) -> None:
        """An interim advice (issue 19 item 3) carries a label and is never binding; a label belongs to it."""
        interim = "interim" in (r.outcome, r.if_missing)
        if interim and r.label is None:
            self.err((*path, "outcome" if r.outcome == "interim" else "if_missing"),
                     f"rule {r.id!r} gives an interim advice without a label",
                     "name the advice under label, e.g. label: {nl: twijfelachtig, en: doubtful}", "BSA223")
        if r.outcome == "interim" and r.requires:  # (an exclusion on it is BSA215: no binding negative)
            self.err((*path, "requires"),
                     f"rule {r.id!r} gives an interim advice, which is never binding, but has preconditions of a "
                     "binding advice", "an interim advice has no binding consequence: drop requires, or give the "
                     "binding advice in a rule of its own", "BSA224")
        if r.outcome == "interim" and r.if_missing == "negative":
            self.err((*path, "if_missing"),
                     f"rule {r.id!r} gives an interim advice, which is never binding, so it cannot give a binding "
                     "negative when something is missing (if_missing: negative)",
                     "drop if_missing: an interim rule has no preconditions, so nothing can be missing; a binding "
                     "negative belongs in a rule of its own, with outcome: negative and its steps under requires",
                     "BSA224")
        if r.label is not None and not interim:
            self.err((*path, "label"), f"rule {r.id!r} has a label but gives no interim advice",
                     "a label names an interim advice: use outcome: interim, or drop the label", "BSA225")

    def circumstance_kinds(self) -> frozenset[str]:
        """Check the rule set's own kinds of circumstance (``circumstances``); the excluded ones."""
        declared = self.rs.circumstances
        if declared is None:
            return frozenset()
        statutory = frozenset(F.CIRCUMSTANCE_CATEGORIES) - {"top_sport", "other"}
        spelled = {s for spellings in F.CIRCUMSTANCE_CATEGORIES.values() for s in spellings} | F.NONE_WORDS
        listed = set(self.rs.designated_circumstances)
        for group in ("designated", "excluded"):
            for code, kind in getattr(declared, group).items():
                path = ("circumstances", group, code)
                if group == "excluded" and (code in declared.designated or code in listed):
                    self.err(path, f"circumstance kind {code!r} is both designated and excluded",
                             "a kind is a ground or it is not: keep it under one of designated (or "
                             "designated_circumstances) and excluded", "BSA228")
                if group == "excluded" and code in statutory:
                    self.err(path, f"{code!r} is a ground under Uitvoeringsbesluit WHW 2008 art. 2.1: the law's list "
                                   "cannot be excluded", "remove it from excluded; an OER can add grounds, not take "
                                   "the statutory ones away", "BSA229")
                elif code == "other" or code in statutory and group == "designated":
                    self.err(path, f"{code!r} is already a kind of its own (the statutory list, or other for a kind "
                                   "matching none)", "give the kind a name of its own", "BSA229")
                for j, spelling in enumerate(kind.spellings):
                    if spelling in spelled:
                        self.err((*path, "spellings", j), f"the spelling {spelling!r} already means a statutory kind "
                                 "(or none)", "an export's spelling names one kind: choose another", "BSA229")
        return frozenset(declared.excluded)

    # rule set -----------------------------------------------------------------------------------
    def compile(self) -> CompiledRuleSet:
        params = self.compile_params()
        excluded_kinds = self.circumstance_kinds()
        for name in self.rs.derived:
            self.derived_kind(name)
        rules = []
        seen_ids: dict[str, int] = {}
        for i, r in enumerate(self.rs.rules):
            path = ("rules", i)
            if r.id in seen_ids:
                self.err((*path, "id"), f"rule id {r.id!r} is used twice (also rule {seen_ids[r.id] + 1})",
                         "give every rule its own id", "BSA210")
            seen_ids[r.id] = i
            self.ops_seen = set()
            self.params_seen = set()
            cond = self.condition(r.when, (*path, "when")) if r.when is not None else None
            credit_tests = cond is not None and bool(self.ops_seen & CREDIT_GAP_OPS)
            requires = tuple(CompiledPrecondition(p.id, self.condition(p.when, (*path, "requires", j, "when")), p)
                             for j, p in enumerate(r.requires))
            names = (self.placeholders(r.reason, (*path, "reason"))
                     | self.placeholders(r.reason_if_missing, (*path, "reason_if_missing"))
                     | self.placeholders(r.note, (*path, "note"))
                     | self.placeholders(r.decided_by, (*path, "decided_by")))
            for j, p in enumerate(r.requires):
                names |= self.placeholders(p.missing, (*path, "requires", j, "missing"))
            fragments = []
            for j, f in enumerate(r.reason_fragments):
                fragments.append(self.condition(f.when, (*path, "reason_fragments", j, "when")))
                names |= self.placeholders(f.text, (*path, "reason_fragments", j, "text"))
            interim_negative = r.outcome == "interim" and r.if_missing == "negative"  # BSA224, in interim_checks
            if "negative" in (r.outcome, r.if_missing) and not r.requires and not interim_negative:
                self.err((*path, "outcome"), f"rule {r.id!r} gives a binding negative without any precondition",
                         "list the steps a binding negative needs under 'requires' (warning, hearing, ...)", "BSA211")
            if r.if_missing in ("negative", "positive") and r.requires and not interim_negative:
                self.err((*path, "if_missing"), f"if_missing: {r.if_missing} would decide without the missing steps",
                         "use procedure_incomplete (or needs_review)", "BSA211")
            if r.discretion and (r.outcome != "needs_review" or r.decided_by is None):
                self.err((*path, "outcome" if r.outcome != "needs_review" else "discretion"),
                         f"rule {r.id!r} is a discretionary clause, so a person decides",
                         "give it outcome: needs_review and name who decides under decided_by "
                         "(e.g. the examination board)", "BSA214")
            if r.exclusion is not None and "negative" not in (r.outcome, r.if_missing):
                self.err((*path, "exclusion"), f"rule {r.id!r} has an exclusion but does not give a binding negative",
                         "an exclusion term belongs to a binding negative (7.8b lid 5 WHW); move it to that rule",
                         "BSA215")
            self.interim_checks(r, path)
            params_read = frozenset(self.params_seen)  # condition, preconditions and reason fragments
            rules.append(CompiledRule(r.id, i, r.outcome, cond, requires, r, frozenset(names), credit_tests,
                                      tuple(fragments), params_read))
        pass_mark = self.rs.units.pass_mark if self.rs.units is not None else Decimal("5.5")
        for code, unit in (self.rs.units.units.items() if self.rs.units is not None else ()):
            if unit.valid_from is not None and unit.valid_until is not None and unit.valid_until < unit.valid_from:
                self.err(("units", "units", code, "valid_until"),
                         f"unit {code!r} is valid until {unit.valid_until}-{unit.valid_until + 1}, before it is valid "
                         f"from {unit.valid_from}-{unit.valid_from + 1}: it is never in the catalogue",
                         "write the first academic year under valid_from and the last under valid_until", "BSA232")
        for name, cm in self.rs.compensation.items():
            path = ("compensation", name)
            self.unit_refs(cm.units, cm.group, None, path, cm.first_year_only)
            if cm.band.min > cm.band.max:
                self.err((*path, "band"), f"compensation band {cm.band.min}..{cm.band.max} is empty",
                         "write min at most max", "BSA216")
            elif cm.band.max >= pass_mark:
                self.err((*path, "band", "max"), f"compensation band reaches {cm.band.max}, a pass (pass mark {pass_mark})",
                         "a compensated grade is a failed grade: keep max below the pass mark", "BSA216")
        for i, name in enumerate(self.rs.optional_columns):
            if name not in F.FIELDS_BY_NAME:
                self.err(("optional_columns", i), f"unknown record field {name!r}",
                         self.suggest(name, F.FIELDS_BY_NAME), "BSA204")
        if self.errors:
            raise ErrorList(self.errors)
        non_credit = frozenset(name for name, d in self.rs.derived.items()
                               if any(isinstance(c.value, m.Aggregate) and c.value.aggregate != "ec"
                                      and c.value.aggregate != "pending_ec" for c in d.cases))
        return CompiledRuleSet(model=self.rs, sha256=self.loaded.sha256, path=self.loaded.path, rules=tuple(rules),
                               params=params, derived=self.derived, fields_used=frozenset(self.fields_used),
                               overrides=dict(self.overrides), non_credit=non_credit,
                               origins=dict(getattr(self.loaded, "origins", None) or {}),
                               excluded_kinds=excluded_kinds)


def compile_ruleset(loaded: "LoadedRuleSet", overrides: dict[str, str] | None = None) -> CompiledRuleSet:
    """Check a loaded rule set's meaning and compile it. Raises ErrorList (located) or UsageError.

    A rule set with ``before_valid_from`` compiles that rule set too (each --param goes to the ones that
    declare it): records of academic years before ``valid_from`` are decided by it."""
    overrides = dict(overrides or {})
    earlier_loaded = getattr(loaded, "earlier", None)
    own = {k: v for k, v in overrides.items() if earlier_loaded is None or k in loaded.model.parameters}
    compiled = _Compiler(loaded, own).compile()
    if earlier_loaded is not None:
        compiled.earlier = compile_ruleset(
            earlier_loaded, {k: v for k, v in overrides.items() if k in earlier_loaded.model.parameters})
        compiled.start_year = academic_year_of(loaded.model.valid_from)
    return compiled


def declared_parameters(loaded: "LoadedRuleSet") -> set[str]:
    """The parameters a loaded rule set declares, with those of its ``before_valid_from`` rule set."""
    names = set(loaded.model.parameters)
    earlier = getattr(loaded, "earlier", None)
    return names | declared_parameters(earlier) if earlier is not None else names


def compile_many(loaded: "list[LoadedRuleSet]", overrides: dict[str, str]) -> list[CompiledRuleSet]:
    """Compile several rule sets; each --param goes to every rule set that declares it.

    A parameter no rule set declares is a usage error (a typo must not pass silently).
    """
    for name in overrides:
        if not any(name in declared_parameters(ld) for ld in loaded):
            known = sorted({p for ld in loaded for p in declared_parameters(ld)})
            close = difflib.get_close_matches(name, known, n=1)
            raise UsageError(f"unknown parameter {name!r}", code="BSA402",
                             hint=f"did you mean {close[0]!r}?" if close else "known: " + ", ".join(known))
    return [compile_ruleset(ld, {k: v for k, v in overrides.items() if k in declared_parameters(ld)}) for ld in loaded]
