"""The caching seam (``services.cache``) and its safety rule, which lives with the compiled rule set."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from bsa_check.engine.compile import compile_ruleset
from bsa_check.records.plan import record_plan
from bsa_check.ruleset.load import load
from bsa_check.services import cache

RS = compile_ruleset(load("ho-current"))


def test_memo_safe_unless_a_rule_reads_the_student_number():
    assert RS.memo_safe
    reads_id = dataclasses.replace(RS, fields_used=RS.fields_used | {"student_id"})
    assert not reads_id.memo_safe
    assert not record_plan([RS, reads_id]).reader_options()["row_memo"]
    assert record_plan([RS]).reader_options()["row_memo"]


def test_memo_unsafe_when_the_earlier_rule_set_reads_the_student_number():
    """``before_valid_from``: the rule set that decides earlier years evaluates rows too."""
    earlier = dataclasses.replace(RS, fields_used=RS.fields_used | {"student_id"})
    later = dataclasses.replace(RS, earlier=earlier)
    assert not later.memo_safe
    assert not record_plan([later]).reader_options()["row_memo"]


@given(st.lists(st.tuples(st.integers(0, 40), st.integers()), max_size=300), st.sampled_from(sorted(cache.SIZES)))
def test_lookup_finds_what_was_put_or_nothing(ops, kind):
    memo = cache.new(kind)
    truth: dict[int, int] = {}
    for key, value in ops:
        found = cache.lookup(memo, key)
        assert found is None or found == truth[key]
        memo.put(key, value)
        truth[key] = value
    assert cache.lookup(memo, None) is None
