"""A seeded, deterministic synthetic cohort of first-year HO students, as a Dutch Excel CSV.

Used by the examples, the tests and the benchmark (``bench/``). Nothing here is real data; the
distributions are assumptions calibrated to ``domain.md`` §9, because no source gives the
first-year credit distribution:

- full-time credits: a mass at 60 EC (the whole first year), a broad middle skewed towards the
  top, and a low tail of silent early leavers; about 10-15% of enrolled full-time wo students land
  under a 45 EC norm (measured by ``tests/unit/test_synth.py``);
- part-time students (``PART_TIME_SHARE``) earn about 60% of that;
- a share deregisters during the year (most before 1 February, with credits in proportion);
- a small share reports personal circumstances (UB WHW art. 2.1 categories) with a decision;
- students at risk get a written warning in the spring, most are heard, most had the proposal's
  personal conversation; some of each step is missing, so ``procedure_incomplete`` occurs;
- a few enter late (February intake) or are in year two with a postponed advice.

The same ``rows``, ``seed`` and ``years`` always give byte-identical output.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator, TextIO

HEADER: tuple[str, ...] = (
    "studentnummer", "opleiding", "collegejaar", "inschrijvingsjaar", "inschrijfdatum", "uitschrijfdatum",
    "ec_jaar1", "deeltijd", "propedeuse_behaald", "persoonlijke_omstandigheden", "besluit_omstandigheden",
    "waarschuwingsdatum", "hoordatum", "adviesdatum", "ec_totaal", "gespreksdatum",
)


@dataclass(frozen=True, slots=True)
class Programme:
    code: str  # fictional CROHO-style code
    name: str
    sector: str  # "wo" or "hbo"
    weight: int  # relative intake


# Fictional programme codes (not real CROHO codes), with a wo/hbo mix close to the national intake
# (about 60,000 wo and 107,000 hbo first-years a year, domain.md §9).
PROGRAMMES: tuple[Programme, ...] = (
    Programme("60101", "Rechtsgeleerdheid", "wo", 9),
    Programme("60102", "Psychologie", "wo", 8),
    Programme("60103", "Economie en Bedrijfskunde", "wo", 7),
    Programme("60104", "Geneeskunde", "wo", 4),
    Programme("60105", "Werktuigbouwkunde", "wo", 5),
    Programme("60106", "Geschiedenis", "wo", 3),
    Programme("30101", "HBO-ICT", "hbo", 12),
    Programme("30102", "Verpleegkunde", "hbo", 10),
    Programme("30103", "Commerciele Economie", "hbo", 9),
    Programme("30104", "Pabo", "hbo", 8),
    Programme("30105", "Social Work", "hbo", 10),
    Programme("30106", "Bouwkunde", "hbo", 5),
)

PART_TIME_SHARE = 0.08
DEREGISTRATION_SHARE = 0.08
CIRCUMSTANCES_SHARE = 0.05
LATE_ENTRY_SHARE = 0.03
YEAR_TWO_SHARE = 0.03

_CIRCUMSTANCES = ("ziekte", "functiebeperking", "zwangerschap", "familieomstandigheden",
                  "medezeggenschap", "bestuursjaar", "topsport")
_DECISIONS = ("erkend", "uitstel", "afgewezen", "")


def _cum(weights: list[int]) -> list[int]:
    out, total = [], 0
    for w in weights:
        total += w
        out.append(total)
    return out


_PROGRAMME_CUM = _cum([p.weight for p in PROGRAMMES])


def _ec_text(value: float) -> str:
    """Credits as a Dutch decimal: whole numbers plain, halves with a decimal comma."""
    halves = int(round(value * 2))
    return str(halves // 2) if halves % 2 == 0 else f"{halves // 2},5"


def _fmt(d: date | None) -> str:
    return "" if d is None else f"{d.day:02d}-{d.month:02d}-{d.year}"


def _full_year_credits(rnd: random.Random, sector: str) -> float:
    """Credits a full-time student earns in a whole first year (before any deregistration)."""
    u = rnd.random()
    top = 0.46 if sector == "wo" else 0.40
    tail = 0.06 if sector == "wo" else 0.06
    if u < top:
        return 60.0
    if u < top + tail:  # silent early leavers: little or nothing
        return rnd.choice((0.0, 0.0, 2.5, 5.0, 7.5, 10.0, 12.5, 15.0, 20.0))
    # the broad middle, skewed towards the top: 60 - a gamma-like shortfall, in 2.5-EC steps
    shortfall = rnd.betavariate(1.1, 5.0) * 45.0
    value = 60.0 - shortfall
    step = 0.5 if rnd.random() < 0.1 else 2.5
    return max(0.0, min(59.5, round(value / step) * step))


def rows(count: int, seed: int = 1, first_year: int = 2025, years: int = 1) -> Iterator[tuple[str, ...]]:
    """``count`` data rows (cells as text, in ``HEADER`` order), spread over ``years`` academic
    years ending with ``first_year``-``first_year + 1``."""
    if count < 0:
        raise ValueError("count must be >= 0")
    if years < 1:
        raise ValueError("years must be >= 1")
    rnd = random.Random(seed)
    total_weight = _PROGRAMME_CUM[-1]
    for i in range(count):
        start = first_year - (years - 1) + (i % years if years > 1 else 0)
        pick = rnd.random() * total_weight
        prog = PROGRAMMES[bisect.bisect_right(_PROGRAMME_CUM, pick)]
        year_start = date(start, 9, 1)
        part_time = rnd.random() < PART_TIME_SHARE
        credits = _full_year_credits(rnd, prog.sector)
        if part_time:
            credits = round(credits * 0.6 * 2) / 2
        enrolment = year_start
        year_of_enrolment = 1
        ec_total = ""
        r = rnd.random()
        if r < LATE_ENTRY_SHARE:
            enrolment = date(start + 1, 2, 1)
            credits = round(credits * 0.45 * 2) / 2
        elif r < LATE_ENTRY_SHARE + YEAR_TWO_SHARE:
            year_of_enrolment = 2
            enrolment = date(start - 1, 9, 1)
            ec_total = _ec_text(min(120.0, credits + rnd.choice((20.0, 30.0, 40.0, 45.0, 50.0, 55.0))))
        deregistration = None
        if year_of_enrolment == 1 and rnd.random() < DEREGISTRATION_SHARE:
            # A deregistration takes effect on the first of a month, October to July; most leave early.
            month = rnd.choice((10, 11, 12, 1, 1, 2, 2, 3, 4, 5, 6, 7))
            deregistration = date(start + (1 if month < 9 else 0), month, 1)
            months_in = (deregistration.year - start) * 12 + month - 9
            credits = round(credits * min(1.0, months_in / 11) * 2) / 2
        circumstances, decision = "geen", ""
        if rnd.random() < CIRCUMSTANCES_SHARE:
            circumstances = rnd.choice(_CIRCUMSTANCES)
            decision = rnd.choice(_DECISIONS)
        warning = hearing = conversation = None
        at_risk = credits < (35 if part_time else 50)
        if at_risk and deregistration is None:
            if rnd.random() < 0.92:
                warning = date(start + 1, 5, 1) + timedelta(days=rnd.randrange(0, 21))
                if rnd.random() < 0.9:
                    hearing = date(start + 1, 6, 20) + timedelta(days=rnd.randrange(0, 21))
            if rnd.random() < 0.85:
                conversation = date(start + 1, 3, 15) + timedelta(days=rnd.randrange(0, 30))
        propaedeutic = "ja" if credits >= 60 and year_of_enrolment == 1 and rnd.random() < 0.9 else "nee"
        yield (
            str(1_000_000 + i), prog.code, f"{start}-{start + 1}", str(year_of_enrolment), _fmt(enrolment),
            _fmt(deregistration), _ec_text(credits), "ja" if part_time else "nee", propaedeutic,
            circumstances, decision, _fmt(warning), _fmt(hearing), _fmt(date(start + 1, 8, 15)), ec_total,
            _fmt(conversation),
        )


def write_csv(out: TextIO, count: int, seed: int = 1, first_year: int = 2025, years: int = 1) -> int:
    """Write the header and ``count`` rows as a Dutch Excel CSV (``;``, CRLF); return rows written.

    Rows are joined by hand: no cell contains ``;``, a quote or a line break.
    """
    out.write(";".join(HEADER) + "\r\n")
    written = 0
    batch: list[str] = []
    for row in rows(count, seed=seed, first_year=first_year, years=years):
        batch.append(";".join(row))
        written += 1
        if len(batch) >= 10_000:
            out.write("\r\n".join(batch) + "\r\n")
            batch.clear()
    if batch:
        out.write("\r\n".join(batch) + "\r\n")
    return written
