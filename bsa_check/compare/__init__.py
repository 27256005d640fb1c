"""Regime A vs B (vs C ...) over a population: transition counts, credit histogram, changed students.

Owns the comparison of rule sets over a stream of records. Pure: takes rows (as the reader yields
them) and compiled rule sets, returns a :class:`Comparison`; it reads no files, prints nothing and
renders nothing (``bsa_check.report.compare`` does that).

Shape of the work, so it can be split over processes (``compare.workers``): :func:`classify` turns
one row into a small picklable item (programme, academic year, credit bin, outcome per rule set; or
a located error), and :class:`Accumulator` adds items in input order to a counter keyed by
``(programme, bin, outcomes)``. Memory is independent of the number of rows: it grows with the
distinct programmes x credit bins x outcome combinations, plus the listed errors (at most
:data:`ERROR_LIST_LIMIT`; all are counted) and, only with ``list_changed``, one small entry per
student whose outcome changes.

A row is *compared* when every rule set gives it a verdict. A row that cannot be read, or that one
rule set cannot evaluate, is an *error* row (counted once, located, listed): it is in no matrix,
since half a transition is not a transition. ``rows == compared + errors`` always.

The parts, one module each: ``model`` (the result and its pieces, the credit bins), ``rows`` (the
per-row work and the accumulator), ``facts`` (what the reports say about each rule set) and
``workers`` (the same over ``--workers`` processes). Every public name is importable from here.
"""

from __future__ import annotations

from bsa_check import callable_subpackage
from bsa_check.compare.facts import ruleset_info
from bsa_check.compare.model import (BIN_WIDTH, CREDIT_FIELD, ERROR_LIST_LIMIT, N_BINS, NO_CREDITS, TOP, Cell,
                                     ChangedStudent, Comparison, Decision, Item, Matrix, Norm, Outcomes, RowError,
                                     RuleSetInfo, bin_label, credit_bin, pairs)
from bsa_check.compare.rows import Accumulator, classify, classify_all, compare, row_error
from bsa_check.compare.workers import CompareJob, ComparedChunk, compare_work

__all__ = ["BIN_WIDTH", "CREDIT_FIELD", "ERROR_LIST_LIMIT", "NO_CREDITS", "N_BINS", "TOP", "Accumulator", "Cell",
           "ChangedStudent", "CompareJob", "ComparedChunk", "Comparison", "Decision", "Item", "Matrix", "Norm", "Outcomes",
           "RowError", "RuleSetInfo", "bin_label", "classify", "classify_all", "compare",
           "compare_work", "credit_bin", "pairs", "row_error", "ruleset_info"]

callable_subpackage(__name__, "compare")  # bsa_check.compare(...) is the Python API (bsa_check.api)
