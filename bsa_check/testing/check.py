"""Run one rule-test case and compare the verdict with its expectation.

A case is run exactly as a CSV row would be: every cell text is parsed by the rule set's record
plan (``records.plan``: the readers' cell parser, with the sector's parsers and ``record_bounds``),
the rule set is compiled with the case's parameters (cached per rule file and parameters), and
the record is evaluated on the case's reference date. The result lists, per expected aspect
(outcome, rule, missing preconditions, reason phrase, or error code), what was expected and
what came out; :meth:`CaseResult.failure_lines` renders the readable diff the pytest plugin
shows. Pure apart from reading rule files through the cache: no printing, no pytest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bsa_check.engine.verdict import Verdict
from bsa_check.errors import BsaCheckError, ErrorList, EvaluationError, RecordError, UsageError
from bsa_check.explain import one_line, reason
from bsa_check.records.fields import FIELDS_BY_NAME
from bsa_check.records.parse import CellError
from bsa_check.records.plan import RecordPlan, record_plan
from bsa_check.records.reader import PARSE_ERRORS
from bsa_check.testing.load import LoadedCase, LoadedTestFile, RuleSetCache, param_named_in


@dataclass(frozen=True, slots=True)
class Aspect:
    """One expectation of a case: what was expected, what came out, and whether they agree."""

    name: str
    expected: str
    actual: str
    ok: bool


@dataclass(frozen=True, slots=True)
class CaseResult:
    test_file: LoadedTestFile
    case: LoadedCase
    aspects: tuple[Aspect, ...]
    verdict: Verdict | None
    error: BsaCheckError | None

    @property
    def passed(self) -> bool:
        return all(a.ok for a in self.aspects)

    def failure_lines(self) -> list[str]:
        """Where the case is, expected against actual per aspect, and the actual one-line reason."""
        case, tf = self.case, self.test_file
        lines = [f"{case.location}: case {case.name!r} failed"]
        context = f"rules {tf.rules}, as of {case.as_of.isoformat()}"
        if case.params:
            context += ", params " + ", ".join(f"{k}={v}" for k, v in sorted(case.params.items()))
        lines.append(f"  {context}")
        width = max(len(a.name) for a in self.aspects) + 1
        for a in self.aspects:
            label = f"{a.name}:".ljust(width)
            if a.ok:
                lines.append(f"  {label} {a.actual} (as expected)")
            else:
                lines.append(f"  {label} expected {a.expected}")
                lines.append(f"  {' ' * width} actual   {a.actual}")
        if self.verdict is not None:
            expected_rule = next((a for a in self.aspects if a.name == "rule"), None)
            if expected_rule is None:
                lines.append(f"  decided by rule {self.verdict.rule.id}")
            lines.append(f"  actual reason ({tf.lang}): {one_line(self.verdict, tf.lang)}")
        if self.error is not None:
            lines.append(f"  error {self.error.code}: {self.error}")
        return lines


def parse_record(case: LoadedCase, plan: RecordPlan | None = None) -> dict[str, Any]:
    """The case's cells parsed exactly like a CSV row under ``plan`` (the rule set's record plan:
    its sector parsers and ``record_bounds``; default: no rule set's), by the readers' own
    :func:`~bsa_check.records.plan.cell_parser`: an empty cell (or ``none`` for a decision) is absent.

    Raises RecordError at the value's position for a cell that cannot be parsed (BSA310) or that
    is outside the rule set's bounds (BSA314), as the row error of a CSV row would be.
    """
    plan = plan or RecordPlan(frozenset(), ())
    record: dict[str, Any] = {}
    for cell in case.cells:
        if cell.text is None or not cell.text.strip():
            continue
        spec = FIELDS_BY_NAME[cell.field]
        text = cell.text.strip()
        try:
            value = plan.cell_parser(cell.field)(text)
        except PARSE_ERRORS as exc:
            why = str(exc.args[0]) if isinstance(exc, CellError) and exc.args else \
                f"cannot be read as a {spec.kind.replace('_', ' ')} value"
            what, sep, advice = why.partition("; ")
            raise RecordError(f"{cell.field} {cell.text!r} {what}", location=cell.location,
                              hint=advice if sep else f"correct the {spec.en}", code=getattr(exc, "code", "BSA310"),
                              params={"field": cell.field, "value": cell.text, "reason": why}) from None
        if value is not None:
            record[cell.field] = value
    return record


def run_case(test_file: LoadedTestFile, case: LoadedCase, cache: RuleSetCache) -> CaseResult:
    """Evaluate one case and compare it with its expectation (never raises a BsaCheckError)."""
    verdict: Verdict | None = None
    error: BsaCheckError | None = None
    try:
        compiled = cache.compiled(test_file.rules_path, case.params, test_file.rules_bundled)
        record = parse_record(case, record_plan([compiled]))
        verdict = compiled.evaluate(record, case.as_of)
    except UsageError as exc:
        name = param_named_in(exc)
        where = case.param_locations.get(name) if name else None
        error = UsageError(exc.message, location=where or case.location, hint=exc.hint, code=exc.code,
                           params=exc.params)
    except EvaluationError as exc:
        field = exc.params.get("field")
        cell = next((c for c in case.cells if c.field == field), None)
        exc.location = cell.location if cell is not None else case.record_location
        if field and cell is None:
            exc.hint = f"the case's record has no {field}; add it"
        error = exc
    except RecordError as exc:
        error = exc
    except ErrorList as exc:
        first = exc.errors[0] if exc.errors else None
        error = BsaCheckError("the rule set cannot be compiled with this case's params:\n" + str(exc),
                              location=case.location, code=first.code if first else "BSA000")
    except BsaCheckError as exc:
        error = exc
    return CaseResult(test_file, case, tuple(_compare(case, test_file.lang, verdict, error)), verdict, error)


def _error_text(error: BsaCheckError) -> str:
    return f"error {error.code} ({error.message})"


def _compare(case: LoadedCase, lang: str, verdict: Verdict | None, error: BsaCheckError | None) -> list[Aspect]:
    expect = case.expect
    if expect.error is not None:
        if error is not None:
            return [Aspect("error", expect.error, _error_text(error), error.code == expect.error)]
        assert verdict is not None
        return [Aspect("error", expect.error, f"no error: outcome {verdict.outcome} (rule {verdict.rule.id})", False)]
    assert expect.outcome is not None
    if error is not None:
        return [Aspect("outcome", expect.outcome, _error_text(error), False)]
    assert verdict is not None
    aspects = [Aspect("outcome", expect.outcome, verdict.outcome, verdict.outcome == expect.outcome)]
    if expect.rule is not None:
        aspects.append(Aspect("rule", expect.rule, verdict.rule.id, verdict.rule.id == expect.rule))
    if expect.missing is not None:
        actual = [p.id for p in verdict.missing]
        same = sorted(actual) == sorted(expect.missing)
        aspects.append(Aspect("missing", _list(expect.missing), _list(actual), same))
    if expect.reason_contains is not None:
        text = reason(verdict, lang)
        ok = expect.reason_contains in text
        aspects.append(Aspect("reason", f"to contain {expect.reason_contains!r}",
                              f"contains {expect.reason_contains!r}" if ok else "not found in the reason below", ok))
    return aspects


def _list(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"

