"""Hypothesis strategies for ho-current records (canonical fields, parsed values)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from bsa_check.records.fields import CIRCUMSTANCE_CATEGORIES

DAY0 = date(2025, 9, 1)


def dates(lo: int = -60, hi: int = 420):
    return st.integers(lo, hi).map(lambda n: DAY0 + timedelta(days=n))


credits = st.integers(0, 150).map(lambda n: Decimal(n) / 2)  # 0 .. 75 in half EC
maybe = lambda s: st.none() | s  # noqa: E731


@st.composite
def records(draw):
    r = {
        "student_id": draw(st.text("0123456789", min_size=1, max_size=8)),
        "programme": draw(st.sampled_from(["59001", "59002", "59003"])),
        "year_of_enrolment": draw(st.integers(1, 4) | st.just(1)),
        "ec_year1": draw(credits),
        "part_time": draw(st.booleans()),
        "academic_year": draw(maybe(st.just(2025))),
        "deregistration_date": draw(maybe(dates())),
        "propaedeutic_passed": draw(maybe(st.booleans())),
        "personal_circumstances": draw(st.frozensets(st.sampled_from(sorted(CIRCUMSTANCE_CATEGORIES)), max_size=2)),
        "circumstances_decision": draw(maybe(st.sampled_from(["postpone", "accepted", "rejected"]))),
        "warning_date": draw(maybe(dates())),
        "hearing_date": draw(maybe(dates())),
        "advice_date": draw(maybe(dates(200, 420))),
    }
    return {k: v for k, v in r.items() if v is not None}


as_of_dates = dates(0, 500)
