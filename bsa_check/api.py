"""The Python API: ``bsa_check.check``, ``bsa_check.explain`` and ``bsa_check.compare`` for notebooks.

Owns: turning a source (a path, ``-``, a file object, or an iterable of dicts) into a reader, and
rule-set names into compiled rule sets that may give verdicts, exactly as the command line does:
the same reader (``records.reader.open_records``; a file object is spooled as standard input is,
``records.sniff.spooled_source``; dicts go through ``records.dicts.DictsReader``, the workbook
reader's typed-cell parsing, never through a file), the same refusal of a rule set ``validate``
reports an error for (``ruleset.usable``), the same service (``service.results``). Every input
record gives one :class:`CheckResult`, with a verdict or an error.

Errors that stop a run (a rule set that cannot be used, an unreadable file, a missing column)
raise :class:`bsa_check.errors.BsaCheckError` (several at once: :class:`~bsa_check.errors.ErrorList`);
a record that cannot be evaluated is a result with ``error`` set, never an exception.

Must not: print, exit, or import pandas/polars unless asked (``to_pandas``/``to_polars``).
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Iterator, Mapping, Sequence

from bsa_check.errors import BsaCheckError, ErrorList, RuleFileError, UsageError

__all__ = ["check", "explain", "compare", "CheckResult", "Results", "RuleSetWarning"]


class RuleSetWarning(UserWarning):
    """A ``validate`` warning for a rule set the API uses (the command line prints these on stderr)."""


@dataclass(frozen=True)
class CheckResult:
    """One input record's result: ``outcome`` (and rule, basis, reason) or ``error``, never both."""

    line: int  # the file's line (sheet row), or the item's 1-based position in an iterable of dicts
    student_id: str | None
    programme: str | None
    outcome: str | None
    rule: str | None
    basis: str | None
    reason: str | None
    error: str | None  # the located message, as the command line prints it
    error_code: str | None
    verdict: Any = None  # the engine's Verdict (values, trace, missing steps), or None
    lang: str = "en"

    @property
    def label(self) -> str | None:
        """An interim advice's label (the rule's ``label``) in ``lang``; None for any other outcome."""
        from bsa_check.explain import verdict_label

        return verdict_label(self.verdict, self.lang) if self.verdict is not None else None

    def as_dict(self) -> dict[str, Any]:
        """The record as json/jsonl output gives it (``values``, ``missing``, ``changes``, ...)."""
        from bsa_check.report import error_dict, verdict_tail

        if self.verdict is not None:
            return {"line": self.line, "student_id": self.student_id, "programme": self.programme,
                    **verdict_tail(self.verdict, self.lang)}
        return error_dict(_Shim(self.line, self.student_id, self._error_obj), self.lang)  # type: ignore[arg-type]

    _error_obj: Any = field(default=None, repr=False, compare=False)  # the BsaCheckError itself


@dataclass
class _Shim:
    line: int
    student_id: str | None
    error: Any


FLAT_COLUMNS = ("line", "student_id", "programme", "outcome", "rule", "basis", "reason", "error_code", "error")


class Results:
    """The results of :func:`check`: iterate them once (streamed), or collect them with
    :meth:`to_list`, :meth:`as_dicts`, :meth:`to_pandas` or :meth:`to_polars`, once: reading them
    again after the end raises :class:`UsageError` BSA443 (keep them with ``list(...)``)."""

    def __init__(self, stream: Iterator[CheckResult], ruleset: Any, lang: str = "en") -> None:
        self._source = stream
        self._stream = self._rows()
        self._lang = lang
        self._read = False  # the stream has been read to its end
        self.ruleset = {"name": ruleset.name, "version": ruleset.version, "sha256": ruleset.sha256}

    def _rows(self) -> Iterator[CheckResult]:
        yield from self._source
        self._read = True

    def _unread(self) -> Iterator[CheckResult]:
        """The stream, or :class:`UsageError` BSA443 when it was read to its end: a second ``as_dicts()``
        or ``for`` silently gave nothing before (issue 18 review item 4)."""
        if self._read:
            from bsa_check.errors import UsageError

            nl = self._lang == "nl"
            raise UsageError(
                "deze uitkomsten zijn al gelezen: check() levert ze als stroom, één keer" if nl else
                "these results were already read: check() streams them, once",
                hint=("bewaar ze eerst: results = list(bsa_check.check(...)), of roep check() opnieuw aan" if nl else
                      "keep them first: results = list(bsa_check.check(...)), or call check() again"),
                code="BSA443")
        return self._stream

    def __iter__(self) -> Iterator[CheckResult]:
        return self._unread()

    def __next__(self) -> CheckResult:
        return next(self._stream)

    def to_list(self) -> list[CheckResult]:
        return list(self._unread())

    def as_dicts(self) -> list[dict[str, Any]]:
        """One flat dict per record (the csv output's columns), for any table library."""
        return [{c: getattr(r, c) for c in FLAT_COLUMNS} for r in self._unread()]

    def to_pandas(self) -> Any:
        """A pandas DataFrame of :meth:`as_dicts` (pandas is an optional extra: ``bsa-check[pandas]``)."""
        pandas = _optional("pandas")
        return pandas.DataFrame(self.as_dicts(), columns=list(FLAT_COLUMNS))

    def to_polars(self) -> Any:
        """A polars DataFrame of :meth:`as_dicts` (polars is an optional extra: ``bsa-check[polars]``)."""
        polars = _optional("polars")
        rows = self.as_dicts()
        return polars.DataFrame(rows, schema={c: (polars.Int64 if c == "line" else polars.Utf8) for c in FLAT_COLUMNS})


def _optional(name: str) -> Any:
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        raise UsageError(f"{name} is not installed", code="BSA432",
                         hint=f"pip install 'bsa-check[{name}]', or use as_dicts()") from None


def _as_of(value: date | str | None) -> date:
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    from bsa_check.records.parse import CellError, parse_date

    try:
        return parse_date(str(value))
    except CellError as exc:
        raise UsageError(f"as_of {value!r} {exc.args[0]}", code="BSA406") from None


def _lang(lang: str | None) -> str:
    if lang is None:
        from bsa_check.config import config_lang
        from bsa_check.i18n import detect_lang

        return config_lang() or detect_lang()
    if lang not in ("nl", "en"):
        raise UsageError(f"lang {lang!r} is not nl or en", code="BSA401", hint="lang='nl' or lang='en'")
    return lang


def usable_rulesets(rules: Sequence[str | os.PathLike[str]], params: Mapping[str, Any] | None = None) -> list:  # type: ignore[type-arg]
    """Load and compile rule sets (``params``: each to every rule set declaring it) and refuse one that
    ``validate`` reports an error for, as ``check`` does (all problems in one :class:`ErrorList`);
    its warnings become :class:`RuleSetWarning`."""
    from bsa_check.engine.compile import compile_many
    from bsa_check.ruleset.load import load
    from bsa_check.ruleset.usable import problems_for_use, with_lint_errors

    loaded = [load(os.fspath(r)) for r in rules]
    try:
        compiled = compile_many(loaded, {str(k): str(v) for k, v in (params or {}).items()})
    except ErrorList as exc:
        failed = next((ld for ld in loaded if any(e.location and e.location.file == str(ld.path) for e in exc.errors)),
                      None)
        raise (with_lint_errors(exc, failed) if failed is not None else exc) from None
    for ld, rs in zip(loaded, compiled):
        errors, found = problems_for_use(ld, rs)
        if errors:
            raise ErrorList([RuleFileError(p.message, location=p.location, hint=p.hint, code=p.code) for p in errors])
        for p in found:
            warnings.warn(f"{p.code}: {RuleFileError(p.message, location=p.location, hint=p.hint)}",
                          RuleSetWarning, stacklevel=3)
    return compiled


def open_source(source: Any, rulesets: list, *, columns: str | None = None, sheet: str | None = None) -> Any:  # type: ignore[type-arg]
    """A reader for ``source`` with the options ``check`` uses for these rule sets."""
    from bsa_check.records.mapping import load_mapping
    from bsa_check.records.plan import record_plan

    options = {**record_plan(rulesets).reader_options(), "mapping": load_mapping(columns) if columns else None}
    if isinstance(source, (str, os.PathLike)):
        from bsa_check.records.opener import open_records

        return open_records(source, sheet=sheet, **options)
    if hasattr(source, "read"):
        from bsa_check.records.reader import RecordReader
        from bsa_check.records.sniff import spooled_source

        spooled = spooled_source(source, str(getattr(source, "name", "<file>")))
        try:
            if spooled.kind == "xlsx":
                from bsa_check.records.xlsx import XlsxReader

                return XlsxReader(spooled, sheet=sheet, **options)
            return RecordReader(spooled.name, source=spooled, **options)
        except BaseException:
            spooled.close()
            raise
    if isinstance(source, Iterable) and not isinstance(source, (bytes, Mapping)):
        from bsa_check.records.dicts import DictsReader

        return DictsReader(source, **options)
    raise TypeError("source must be a path, a file object, or an iterable of dicts")


def _result(r: Any, lang: str) -> CheckResult:
    from bsa_check.explain import reason, verdict_basis

    if r.verdict is not None:
        v = r.verdict
        return CheckResult(r.line, r.student_id, r.programme, v.outcome, v.rule.id, verdict_basis(v, lang),
                           reason(v, lang), None, None, v, lang)
    from bsa_check.i18n.problems import describe

    e = r.error
    return CheckResult(r.line, r.student_id, r.programme, None, None, None, None, describe(e, lang), e.code, None,
                       lang, e)


def check(source: Any, rules: str | os.PathLike[str] = "ho-current", as_of: date | str | None = None,
          lang: str | None = None, *, params: Mapping[str, Any] | None = None, columns: str | None = None,
          sheet: str | None = None) -> Results:
    """One :class:`CheckResult` per record of ``source``, streamed, in input order.

    ``source``: a path (``.csv``/``.txt`` in any Excel variant, ``.xlsx``; ``-`` for standard
    input), a file object (binary or text), or an iterable of dicts (column name -> cell; the
    first dict's keys are the header). ``rules``: a bundled rule set name or a rule file.
    ``as_of``: a date or its text (default today). ``lang``: ``nl`` or ``en`` (default from the
    configuration or the environment). ``params``: rule-set parameter overrides (``--param``).
    ``columns``: a column mapping file (``--columns``); ``sheet``: the workbook's sheet.

    Raises :class:`BsaCheckError` before the first result when the rule set may not be used or the
    source cannot be read as a whole; a record that cannot be evaluated is a result with ``error``.
    """
    from bsa_check.service import results

    language = _lang(lang)
    reference = _as_of(as_of)
    ruleset = usable_rulesets([rules], params)[0]
    reader = open_source(source, [ruleset], columns=columns, sheet=sheet)

    def stream() -> Iterator[CheckResult]:
        with reader:
            for r in results(reader, ruleset, reference):
                yield _result(r, language)

    return Results(stream(), ruleset, language)


def explain(source: Any, student_id: str, rules: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] = "ho-current",
            as_of: date | str | None = None, lang: str | None = None, *, params: Mapping[str, Any] | None = None,
            columns: str | None = None, sheet: str | None = None) -> str:
    """One student's full decision as text, as ``bsa-check explain`` prints it (several rule sets:
    each, then how the student fares under each). Raises :class:`UsageError` (BSA407) when the
    student is not in the source, and the record's :class:`BsaCheckError` when it cannot be evaluated."""
    from bsa_check.explain import comparison, full_explanation
    from bsa_check.i18n import t
    from bsa_check.service import error_locator

    language = _lang(lang)
    reference = _as_of(as_of)
    names = [rules] if isinstance(rules, (str, os.PathLike)) else list(rules)
    rulesets = usable_rulesets(names, params)
    wanted = str(student_id).strip()
    blocks: list[str] = []
    rows = 0
    with open_source(source, rulesets, columns=columns, sheet=sheet) as reader:
        locate = error_locator(reader)
        for row in reader:
            rows += 1
            if row.student_id != wanted:
                continue
            if row.error is not None:
                raise row.error
            lines = [t("explain.student", language, student=wanted, line=row.line,
                       programme=row.values.get("programme", ""))]
            verdicts = []
            for rs in rulesets:
                try:
                    verdicts.append(rs.trace(row.values, reference))  # explain: the full trace up front
                except BsaCheckError as exc:
                    raise locate(exc, row.line) from None  # type: ignore[arg-type]
            for verdict in verdicts:
                lines.append("")
                lines.extend(full_explanation(verdict, language))
            if len(verdicts) > 1:
                lines.append("")
                lines.extend(comparison(verdicts, language))
            blocks.append("\n".join(lines))
    if not blocks:
        from bsa_check.i18n.problems import translate

        raise UsageError(t("explain.not_found", language, student=wanted, file=str(getattr(reader, "path", source)),
                           rows=rows), hint=translate("BSA407", "check the student number, or the file", language),
                         code="BSA407")
    return "\n\n".join(blocks) + "\n"


def compare(source: Any, rules: Sequence[str | os.PathLike[str]], as_of: date | str | None = None,
            lang: str | None = None, *, params: Mapping[str, Any] | None = None, list_changed: bool = False,
            columns: str | None = None, sheet: str | None = None) -> Any:
    """How outcomes change between rule sets over ``source``: a :class:`bsa_check.compare.Comparison`
    (``outcome_counts(i)``, ``matrix(a, b)``, ``changed_count()``, ``errors``, ...), the object the
    ``compare`` command renders. ``rules``: at least two; the first is the baseline."""
    from bsa_check.compare import compare as compare_rows
    from bsa_check.service import error_locator

    language = _lang(lang)
    reference = _as_of(as_of)
    if isinstance(rules, (str, os.PathLike)) or len(rules) < 2:
        raise UsageError("compare needs at least two rule sets", code="BSA409",
                         hint="e.g. rules=['ho-current', 'ho-proposed-2023']")
    rulesets = usable_rulesets(list(rules), params)
    with open_source(source, rulesets, columns=columns, sheet=sheet) as reader:
        return compare_rows(reader, rulesets, reference, source=str(reader.path), locate=error_locator(reader),
                            list_changed=list_changed, lang=language)
