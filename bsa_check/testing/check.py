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
from bsa_check.explain import one_line, reason, verdict_label
from bsa_check.records.fields import FIELDS_BY_NAME
from bsa_check.records.parse import CellError
from bsa_check.records.plan import RecordPlan, record_plan
from bsa_check.records.row_errors import PARSE_ERRORS
from bsa_check.testing.load import LoadedCase, LoadedTestFile, RuleSetCache, param_named_in


@dataclass(frozen=True, slots=True)
class Aspect:
    """One expectation of a case: what was expected, what came out, and whether they agree."""

    name: str
    expected: str
    actual: str
    ok: bool
    nl: tuple[str, str] | None = None  # Dutch (expected, actual), where they are words and not only values

    def shown(self, lang: str) -> tuple[str, str]:
        """(expected, actual) as a report in ``lang`` shows them."""
        return self.nl if lang == "nl" and self.nl is not None else (self.expected, self.actual)


# The report's own words (``bsa-check test --lang nl``); outcome codes, rule ids and file names stay as written.
WORDS: dict[str, dict[str, str]] = {
    "en": {"outcome": "outcome", "rule": "rule", "missing": "missing", "reason": "reason", "error": "error",
           "label": "label",
           "failed": "{location}: case {name} failed", "context": "rules {rules}, as of {as_of}",
           "params": ", params ", "as_expected": "(as expected)", "expected": "expected", "actual": "actual  ",
           "decided": "decided by rule {rule}", "actual_reason": "actual reason ({lang}): {text}",
           "error_line": "error {code}: {message}"},
    "nl": {"outcome": "uitkomst", "rule": "beslisregel", "missing": "ontbreekt", "reason": "reden", "error": "fout",
           "label": "label",
           "failed": "{location}: geval {name} mislukt", "context": "regels {rules}, peildatum {as_of}",
           "params": ", parameters ", "as_expected": "(zoals verwacht)", "expected": "verwacht ",
           "actual": "werkelijk", "decided": "beslist door regel {rule}",
           "actual_reason": "werkelijke reden ({lang}): {text}", "error_line": "fout {code}: {message}"},
}


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

    def failure_lines(self, lang: str = "en") -> list[str]:
        """Where the case is, expected against actual per aspect, and the actual one-line reason, in
        ``lang`` (the words of the report; the reason itself is in the test file's ``lang``)."""
        from bsa_check.i18n import fmt_date
        from bsa_check.i18n.problems import describe

        words = WORDS["nl" if lang == "nl" else "en"]
        case, tf = self.case, self.test_file
        lines = [words["failed"].format(location=case.location, name=repr(case.name))]
        context = words["context"].format(rules=tf.rules, as_of=fmt_date(case.as_of, lang) if lang == "nl"
                                          else case.as_of.isoformat())
        if case.params:
            context += words["params"] + ", ".join(f"{k}={v}" for k, v in sorted(case.params.items()))
        lines.append(f"  {context}")
        names = {a.name: words.get(a.name, a.name) for a in self.aspects}
        width = max(len(n) for n in names.values()) + 1
        for a in self.aspects:
            label = f"{names[a.name]}:".ljust(width)
            expected, actual = a.shown(lang)
            if a.ok:
                lines.append(f"  {label} {actual} {words['as_expected']}")
            else:
                lines.append(f"  {label} {words['expected']} {expected}")
                lines.append(f"  {' ' * width} {words['actual']} {actual}")
        if self.verdict is not None:
            expected_rule = next((a for a in self.aspects if a.name == "rule"), None)
            if expected_rule is None:
                lines.append("  " + words["decided"].format(rule=self.verdict.rule.id))
            lines.append("  " + words["actual_reason"].format(lang=tf.lang, text=one_line(self.verdict, tf.lang)))
        if self.error is not None:
            message = describe(self.error, lang) if lang == "nl" else str(self.error)
            lines.append("  " + words["error_line"].format(code=self.error.code, message=message))
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


def _error_text(error: BsaCheckError, lang: str = "en") -> str:
    if lang == "nl":
        from bsa_check.i18n.problems import translate

        return f"fout {error.code} ({translate(error.code, error.message, lang)})"
    return f"error {error.code} ({error.message})"


def _compare(case: LoadedCase, lang: str, verdict: Verdict | None, error: BsaCheckError | None) -> list[Aspect]:
    expect = case.expect
    if expect.error is not None:
        if error is not None:
            return [Aspect("error", expect.error, _error_text(error), error.code == expect.error,
                           (expect.error, _error_text(error, "nl")))]
        assert verdict is not None
        return [Aspect("error", expect.error, f"no error: outcome {verdict.outcome} (rule {verdict.rule.id})", False,
                       (expect.error, f"geen fout: uitkomst {verdict.outcome} (regel {verdict.rule.id})"))]
    assert expect.outcome is not None
    if error is not None:
        return [Aspect("outcome", expect.outcome, _error_text(error), False,
                       (expect.outcome, _error_text(error, "nl")))]
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
        wanted = repr(expect.reason_contains)
        aspects.append(Aspect("reason", f"to contain {wanted}",
                              f"contains {wanted}" if ok else "not found in the reason below", ok,
                              (f"bevat {wanted}", f"bevat {wanted}" if ok else "niet gevonden in de reden hieronder")))
    if expect.label is not None:
        label = verdict_label(verdict, lang)
        aspects.append(Aspect("label", expect.label, "(none)" if label is None else label, label == expect.label))
    return aspects


def _list(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"

