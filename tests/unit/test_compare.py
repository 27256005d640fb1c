"""The compare core: credit bins, picklable per-row items (for worker processes), totals that add up."""

from __future__ import annotations

import pickle
from datetime import date
from decimal import Decimal

import pytest

from bsa_check.compare import NO_CREDITS, Accumulator, Item, RowError, bin_label, classify, credit_bin, pairs
from bsa_check.records.reader import Row

AS_OF = date(2026, 8, 20)
BASE = {"student_id": "1", "programme": "59001", "academic_year": 2025, "year_of_enrolment": 1,
        "part_time": False, "propaedeutic_passed": False, "personal_circumstances": frozenset(),
        "warning_date": date(2026, 5, 12), "hearing_date": date(2026, 7, 3), "conversation_date": date(2026, 4, 20),
        "advice_date": date(2026, 8, 15), "enrolment_date": date(2025, 9, 1)}


@pytest.mark.parametrize("ec, index, label", [
    (Decimal(0), 0, "0-5"), (Decimal("4.5"), 0, "0-5"), (Decimal(5), 1, "5-10"), (Decimal("44.5"), 8, "40-45"),
    (Decimal(45), 9, "45-50"), (Decimal("59.5"), 11, "55-60"), (Decimal(60), 12, "60+"), (Decimal(90), 12, "60+"),
    (None, NO_CREDITS, "-"),
])
def test_a_bin_holds_its_lower_bound_not_its_upper(ec, index, label):
    assert credit_bin(ec) == index and bin_label(index) == label


def test_pairs_compare_each_rule_set_with_the_first():
    assert pairs(2) == [(0, 1)] and pairs(4) == [(0, 1), (0, 2), (0, 3)]


def test_per_row_items_are_small_and_picklable(ho_current):
    from bsa_check.engine.compile import compile_ruleset
    from bsa_check.ruleset.load import load

    proposed = compile_ruleset(load("ho-proposed-2023"))
    rows = [Row(2, {**BASE, "ec_year1": Decimal("44.5")}, None, "1"),
            Row(3, {**BASE, "ec_year1": Decimal(50)}, None, "2"),
            Row(4, {**BASE, "year_of_enrolment": 2, "ec_year1": Decimal(30)}, None, "3")]  # proposal needs ec_total
    items = [classify(r, [ho_current, proposed], AS_OF, detail_lang="en") for r in rows]
    assert [type(i) for i in items] == [Item, Item, RowError]
    assert items[0].outcomes == ("negative", "positive") and items[0].changed.student_id == "1"
    assert items[1].outcomes == ("positive", "positive") and items[1].changed is None
    assert (items[2].code, items[2].ruleset, items[2].line) == ("BSA312", "ho-proposed-2023", 4)
    assert pickle.loads(pickle.dumps(items)) == items
    acc = Accumulator([ho_current, proposed], AS_OF, "mem", list_changed=True)
    for item in items:
        acc.add(item)
    result = acc.result()
    assert (result.rows, result.compared, result.error_count, result.changed_count()) == (3, 2, 1, 1)
    assert [s.line for s in result.changed] == [2]


def test_totals_that_do_not_add_up_are_refused():
    from bsa_check.compare import Comparison

    with pytest.raises(AssertionError):
        Comparison((), AS_OF, "mem", rows=3, cells={("59001", 9, ("positive",)): 1}, errors=[], error_count=1)
