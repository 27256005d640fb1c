"""Legal lint of ``optional_columns`` (BSA265): no column whose absence can make a binding negative
more likely may be optional.

A column a rule set lists under ``optional_columns`` may be missing from an export; the reader then
reads its cells as empty in every row. That is safe for a procedural step (a missing warning or
hearing date blocks the binding negative: ``procedure_incomplete``) and for the advice date (it
defaults to ``--as-of``). It is unsafe for a field whose empty cell *removes* a protection: no
reported personal circumstances and no decision on them (WHW art. 7.8b lid 3, Uitvoeringsbesluit WHW
2008 art. 2.1 lid 1), the propaedeutic exam not passed (7.8b lid 2), no deregistration before the
OER's cut-off, no exemption credits, and so on. A misspelled or absent header for such a field would
silently give binding negatives the law does not allow; so ``validate`` (and with it check, explain
and compare) refuses it.

Two checks, both only for a rule set that can give a binding negative:
1. the fields the law itself makes decisive (``STATUTORY``) are never optional;
2. any other optional field is tried on witness records: when leaving it empty lets a binding-negative
   rule decide a record that some value of the field would have kept from it, it is refused.

Passing example: ``optional_columns: [advice_date, warning_date, hearing_date]``.
Failing example: ``optional_columns: [advice_date, personal_circumstances]`` (BSA265).

Pure: works on the linter's witness records; no I/O.
"""

from __future__ import annotations

from typing import Any

# Fields whose empty cell means "no protection applies", each with the rule of law that makes it decisive.
STATUTORY: dict[str, str] = {
    "personal_circumstances": "WHW art. 7.8b lid 3; Uitvoeringsbesluit WHW 2008 art. 2.1 lid 1",
    "circumstances_decision": "WHW art. 7.8b lid 3; Uitvoeringsbesluit WHW 2008 art. 2.1 lid 1",
    "recognised_circumstances": "WHW art. 7.8b lid 3; Uitvoeringsbesluit WHW 2008 art. 2.1 lid 1",
    "circumstances_effect": "WHW art. 7.8b lid 3; Uitvoeringsbesluit WHW 2008 art. 2.1 lid 1",
    "propaedeutic_passed": "WHW art. 7.8b lid 2: no rejection after the propaedeutic exam",
    "deregistration_date": "the OER's deregistration cut-off: no advice after deregistering before it",
    "deregistration_request_date": "the OER's deregistration cut-off: no advice after deregistering before it",
}
MBO_STATUTORY = frozenset({"personal_circumstances", "circumstances_decision", "deregistration_date"})
# An empty advice date is not "no advice": the advice is taken to be given on --as-of, which the user
# chose. The advice-window preconditions (BSA253) guard that date like any other.
SAFE = frozenset({"advice_date"})


def optional_columns_lint(linter: Any) -> None:
    """Report (BSA265, on the ``optional_columns`` entry) every optional field whose absence can make a
    binding negative more likely. ``linter``: the validate linter (``rs``, ``compiled``, ``add``,
    ``witnesses``)."""
    rs = linter.rs
    if not any(rule.outcome == "negative" for rule in rs.rules):
        return
    statutory = STATUTORY if rs.sector == "ho" else {k: v for k, v in STATUTORY.items() if k in MBO_STATUTORY}
    reads = linter.compiled.fields_used if linter.compiled is not None else None
    for i, name in enumerate(rs.optional_columns):
        if name in statutory:
            _report(linter, i, name, f"an empty {name} everywhere would read as: none ({statutory[name]})")
    if linter.compiled is None:
        return
    tried = [(i, name) for i, name in enumerate(rs.optional_columns)
             if name not in statutory and name not in SAFE and reads is not None and name in reads]
    if not tried:
        return
    witnesses = list(linter.witnesses(400))
    for i, name in tried:
        values = _values_seen(witnesses, name)
        if values and _absence_allows_negative(linter.compiled, witnesses, name, values):
            _report(linter, i, name, f"on a witness record an empty {name} lets a binding negative decide where a "
                                     f"recorded value would not")


def _report(linter: Any, index: int, name: str, why: str) -> None:
    linter.add(("optional_columns", index), "BSA265",
               f"{name} cannot be an optional column: its absence can make a binding negative more likely ({why})",
               f"remove {name} from optional_columns, so an export without that column stops with its name instead "
               "of giving binding negatives; only columns whose absence blocks a negative (warning_date, hearing_date) "
               "or has a stated default (advice_date: --as-of) can be optional")


def _values_seen(witnesses: list[tuple[dict[str, Any], Any]], name: str) -> list[Any]:
    seen: list[Any] = []
    for record, _ in witnesses:
        v = record.get(name)
        if v is not None and v not in seen:
            seen.append(v)
    return seen


def _negative_rule(compiled: Any, record: dict[str, Any], as_of: Any) -> bool | None:
    """Whether a binding-negative rule decides the record (whatever its preconditions); None: not evaluable."""
    try:
        return bool(compiled.evaluate(record, as_of).rule.outcome == "negative")
    except Exception:  # noqa: BLE001 - a witness the rule set cannot evaluate proves nothing
        return None


def _absence_allows_negative(compiled: Any, witnesses: list[tuple[dict[str, Any], Any]], name: str, values: list[Any]) -> bool:
    for record, as_of in witnesses:
        empty = {k: v for k, v in record.items() if k != name}
        if not _negative_rule(compiled, empty, as_of):
            continue
        for v in values:
            if _negative_rule(compiled, {**empty, name: v}, as_of) is False:
                return True
    return False


__all__ = ["STATUTORY", "optional_columns_lint"]
