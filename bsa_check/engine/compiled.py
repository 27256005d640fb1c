"""A compiled rule set: what ``engine.compile`` builds from a loaded rule file and every command
evaluates records with (through ``engine.evaluate``, the one evaluation loop).

Besides the rules, parameters and derived values it knows which record fields evaluation reads,
which columns an export must have, whether a verdict can depend on the programme, and which rule set
decides records of academic years before its start (``before_valid_from``). Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable

from bsa_check.engine.context import CompiledParam, CompiledRule, Ctx, LazyParams
from bsa_check.engine.evaluate import CREDIT_GAPS, TRACE, Reach, binding_in_reach, decide, evaluate, placeholder_plan
from bsa_check.engine.verdict import Verdict
from bsa_check.records.parse import academic_year_of
from bsa_check.ruleset import model as m

__all__ = ["CompiledRuleSet"]


@dataclass(slots=True)
class CompiledRuleSet:
    model: m.RuleSet
    sha256: str
    path: str
    rules: tuple[CompiledRule, ...]
    params: dict[str, CompiledParam]
    derived: dict[str, Callable[[Ctx], Any]]
    fields_used: frozenset[str]
    overrides: dict[str, str]
    non_credit: frozenset[str] = frozenset()
    _param_cache: dict[tuple[str | None, int], dict[str, Any]] = field(default_factory=dict)
    # ``before_valid_from``: the rule set that decides records of academic years before ``start_year``
    # (a proposal does not apply before its start; current law does): see ``compile_ruleset``.
    earlier: "CompiledRuleSet | None" = None
    start_year: int = 0
    # ``extends``: "rule:ID" / "parameter:NAME" / "derived:NAME" -> the file it came from (empty: a flat file)
    origins: dict[str, str] = field(default_factory=dict)
    # ``circumstances.excluded``: kinds moved out of personal_circumstances into excluded_circumstances
    excluded_kinds: frozenset[str] = frozenset()
    # rule index -> where each of its placeholders' values comes from (``placeholder_plan``)
    _placeholder_plans: dict[int, tuple[tuple[str, int], ...]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def version(self) -> str:
        return self.model.version

    @property
    def fields_read(self) -> frozenset[str]:
        """Every field evaluation reads: those the rules name, plus the ones the engine itself uses
        (programme selects per-programme parameters; academic_year selects dated values)."""
        own = self.fields_used | {"student_id", "programme", "academic_year", "advice_date"}
        return own | self.earlier.fields_read if self.earlier is not None else own

    @property
    def reads_programme(self) -> bool:
        """Whether a verdict can depend on the programme: a rule or reason names it, or a parameter
        has per-programme values."""
        own = "programme" in self.fields_used or any(p.by_programme for p in self.params.values())
        return own or (self.earlier is not None and self.earlier.reads_programme)

    @property
    def memo_safe(self) -> bool:
        """The memo's safety rule: whether rows whose cells are equal but for the student number may
        share parsed values and verdicts (the reader's ``row_memo``, :mod:`bsa_check.services.cache`).
        Safe unless a rule reads the student number itself, here or in ``earlier``."""
        own = "student_id" not in self.fields_used
        return own and (self.earlier is None or self.earlier.memo_safe)

    @property
    def required_columns(self) -> frozenset[str]:
        """Columns an export must have: every field the rules read, except those the rule set lists in
        ``optional_columns``. A missing column must never pass as "empty everywhere": a misspelled
        propedeuse or circumstances header would otherwise silently allow a binding negative."""
        own = frozenset({"student_id", "programme"} | (self.fields_used - set(self.model.optional_columns)))
        return own | self.earlier.required_columns if self.earlier is not None else own

    def programmes_on_default(self, programmes: Iterable[str | None] | None = None) -> dict[str, list[str]]:
        """Per-programme parameters that give a programme their default, because they list no value for
        it: parameter -> programmes. ``programmes``: those to ask about; default: those evaluated so far in
        this process (from the parameter cache of ``params_for``, so the first 10,000 programme-year
        pairs). ``check`` and ``compare`` say so on stderr: a programme name where the rule set lists codes
        would silently get the default norm."""
        out: dict[str, list[str]] = {}
        asked = [(p, 0) for p in programmes] if programmes is not None else list(self._param_cache)
        for programme, _ in asked:
            for name, p in self.params.items():
                if p.by_programme and (programme or "") not in p.by_programme:
                    progs = out.setdefault(name, [])
                    if programme and programme not in progs:
                        progs.append(programme)
        return {name: sorted(progs) for name, progs in out.items() if progs}

    def params_for(self, programme: str | None, year: int) -> dict[str, Any]:
        """The parameters of one programme and academic year, resolved lazily (:class:`LazyParams`)."""
        key = (programme, year)
        cached = self._param_cache.get(key)
        if cached is None:
            cached = LazyParams(self.params, programme, year)
            if len(self._param_cache) < 10_000:
                self._param_cache[key] = cached
        return cached

    def placeholder_plan(self, rule: CompiledRule) -> tuple[tuple[str, int], ...]:
        """Where each placeholder of ``rule`` (one of this rule set's) takes its value from, made once per rule
        (``engine.evaluate.placeholder_plan``)."""
        plan = self._placeholder_plans.get(rule.index)
        if plan is None:
            plan = self._placeholder_plans[rule.index] = placeholder_plan(self, rule)
        return plan

    @staticmethod
    def record_year(record: Any, as_of: date) -> int:
        """The academic year a record is about: its collegejaar; without one, the year of its advice
        date, else of --as-of."""
        year = record.get("academic_year")
        if year is None:
            year = academic_year_of(record.get("advice_date") or as_of)
        return int(year)

    def for_record(self, record: Any, as_of: date) -> "CompiledRuleSet":
        """The rule set that decides ``record``: this one, or ``before_valid_from``'s for an earlier year."""
        if self.earlier is not None and self.record_year(record, as_of) < self.start_year:
            return self.earlier
        return self

    def evaluate(self, record: Any, as_of: date) -> Verdict:
        """The verdict for one record, recording its credit gaps (``engine.evaluate``, recorder
        ``CREDIT_GAPS``): most verdicts are only rendered, and rendering needs no trace.
        ``Verdict.checks``, ``preconditions`` and ``derived`` run the record once more with the full
        trace the first time one is read (deterministic: the traced run decides the same); a caller
        that needs them asks :meth:`trace` up front. Raises EvaluationError when a rule needs a value
        the record lacks."""
        return evaluate(self, record, as_of, CREDIT_GAPS)

    def decide(self, record: Any, as_of: date) -> tuple[str, CompiledRule]:
        """The outcome and the deciding rule of :meth:`evaluate`, nothing else (recorder ``OUTCOME``: no
        reason values, no credit gaps): what ``compare`` counts. Raises the same errors."""
        return decide(self, record, as_of)

    def trace(self, record: Any, as_of: date) -> Verdict:
        """:meth:`evaluate`, recording every comparison made (recorder ``TRACE``): the verdict with its
        trace, what ``explain`` shows."""
        return evaluate(self, record, as_of, TRACE)

    def binding_in_reach(self, record: Any, as_of: date) -> Reach:
        """The deciding rule, and the rule with preconditions (``requires``) that governs a binding
        advice: the deciding rule itself when it has preconditions; when the deciding rule leaves the
        decision to a person (``needs_review``), the first later rule with preconditions whose
        condition holds (the person's decision can bring it into play); else none. With the binding
        rule's unmet preconditions and its placeholder values. What ``due`` and ``letters`` plan from;
        the verdict itself is :meth:`evaluate`'s. A later rule that needs a value the record lacks
        counts as not holding; the deciding rule raises as :meth:`evaluate` does."""
        return binding_in_reach(self, record, as_of)
