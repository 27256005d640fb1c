"""Peer: the current-HO rule in OpenFisca-Core 46, vectorised (numpy), with outcome, rule and reason.

    python openfisca_peer.py COHORT.csv OUT.csv AS_OF(YYYY-MM-DD)

The same rule as ``plain.py`` (see there): input variables per column, one formula that decides the
rule index with ``numpy.select`` (the first rule that applies), and the reason built with numpy's
string functions. OpenFisca reads no CSV: the columns are read with the csv module and given to
the simulation with ``set_input``.
"""

import csv
import itertools
import sys
from datetime import date

import numpy as np
from openfisca_core import periods
from openfisca_core.entities import build_entity
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

NORM, NORM_PART_TIME, PART_TIME_ADVICE_YEAR, WARNING_DAYS = 45.0, 30.0, 2, 28
NONE = np.datetime64("1900-01-01")  # an empty date cell
BATCH = 65536

Student = build_entity(key="student", plural="students", label="Student", is_person=True)

RULES = [("needs_review", "postponed_advice_due"), ("no_advice", "not_first_year"),
         ("no_advice", "after_part_time_moment"), ("no_advice", "deregistered_before_cutoff"),
         ("positive", "propaedeutic_passed"), ("positive", "norm_met"), ("postponed", "advice_postponed"),
         ("needs_review", "circumstances_not_weighed"), ("needs_review", "circumstances_accepted"),
         ("needs_review", "late_entry"), ("procedure_incomplete", "norm_not_met"), ("negative", "norm_not_met"),
         ("no_rule", "")]


def _input(name: str, kind: type) -> type:
    return type(name, (Variable,), {"value_type": kind, "entity": Student, "definition_period": periods.YEAR,
                                    "label": name})


INPUTS = {"start": int, "year": int, "part_time": bool, "prop": bool, "circ": bool, "postpone": bool,
          "accepted": bool, "undecided": bool, "ec": float, "enrolled": date, "deregistered": date,
          "warning": date, "hearing": date, "advice": date}


class rule_index(Variable):  # noqa: N801 - OpenFisca names variables in lower case
    value_type = int
    entity = Student
    definition_period = periods.YEAR
    label = "The index of the deciding rule in RULES"

    def formula(student, period, parameters):  # noqa: N805
        g = {name: student(name, period) for name in INPUTS}
        end = g["start"] + 1
        ends = end.astype("U4")
        cutoff = (np.char.add(ends, "-02-01")).astype("datetime64[D]")
        earliest = (np.char.add(ends, "-06-01")).astype("datetime64[D]")
        latest = (np.char.add(ends, "-08-31")).astype("datetime64[D]")
        year_start = (np.char.add(g["start"].astype("U4"), "-09-01")).astype("datetime64[D]")
        norm = np.where(g["part_time"], NORM_PART_TIME, NORM)
        advice, warning, hearing = g["advice"], g["warning"], g["hearing"]
        as_of = np.datetime64(AS_OF)
        warned = ((warning != NONE) & (warning >= year_start) & (warning <= as_of)
                  & (advice >= warning + np.timedelta64(WARNING_DAYS, "D")))
        heard = (hearing != NONE) & ((warning == NONE) | (hearing >= warning)) & (hearing <= advice) & (hearing <= as_of)
        complete = (warned & heard & (advice >= earliest) & (g["part_time"] | (advice <= latest))
                    & ~(g["part_time"] & (g["year"] >= PART_TIME_ADVICE_YEAR) & (advice > latest)))
        below = g["ec"] < norm
        conditions = [
            (g["year"] > 1) & g["postpone"] & ~g["prop"],
            (g["year"] > 1) & ~g["part_time"],
            g["part_time"] & (g["year"] > PART_TIME_ADVICE_YEAR),
            (g["deregistered"] != NONE) & (g["deregistered"] <= cutoff),
            g["prop"],
            g["ec"] >= norm,
            g["postpone"],
            g["circ"] & g["undecided"],
            g["accepted"],
            (g["enrolled"] != NONE) & (g["enrolled"] >= cutoff),
            below & ~complete,
            below,
        ]
        return np.select(conditions, np.arange(len(conditions)), default=len(conditions))


AS_OF = "2026-08-20"
PERIOD = "2026"  # one period: the inputs and the formula are of the run's year


def main(src: str, dst: str, as_of_text: str) -> None:
    global AS_OF
    AS_OF = as_of_text
    system = TaxBenefitSystem([Student])
    for name, kind in INPUTS.items():
        system.add_variable(_input(name, kind))
    system.add_variable(rule_index)
    with open(src, newline="", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter=";")
        header = next(rows)
        parts: list[list[np.ndarray]] = [[] for _ in header]
        while True:  # numpy string columns, a batch of rows at a time (Python strings for all would take GBs)
            batch = list(itertools.islice(rows, BATCH))
            if not batch:
                break
            for i, cells in enumerate(zip(*batch)):
                parts[i].append(np.array(cells, dtype=str))
    col = {name: np.concatenate(parts[i]) for i, name in enumerate(header)}
    del parts
    n = len(col["studentnummer"])

    def days(name: str) -> np.ndarray:
        """dd-mm-yyyy cells as datetime64 (``NONE`` for an empty cell), vectorised."""
        text = col[name].astype("U10")
        cut = np.strings.slice
        iso = np.strings.add(np.strings.add(np.strings.add(np.strings.add(cut(text, 6, 10), "-"), cut(text, 3, 5)),
                                            "-"), cut(text, 0, 2))
        return np.where(text == "", NONE, np.where(text == "", "1900-01-01", iso).astype("datetime64[D]"))

    decision = col["besluit_omstandigheden"].astype("U20")
    inputs = {
        "start": np.strings.slice(col["collegejaar"].astype("U9"), 0, 4).astype(int),
        "year": col["inschrijvingsjaar"].astype(int),
        "part_time": col["deeltijd"] == "ja",
        "prop": col["propedeuse_behaald"] == "ja",
        "circ": ~np.isin(np.char.lower(np.char.strip(col["persoonlijke_omstandigheden"].astype("U40"))), ["", "geen"]),
        "postpone": decision == "uitstel", "accepted": decision == "erkend", "undecided": decision == "",
        "ec": np.char.replace(col["ec_jaar1"].astype("U10"), ",", ".").astype(float),
        "enrolled": days("inschrijfdatum"), "deregistered": days("uitschrijfdatum"),
        "warning": days("waarschuwingsdatum"), "hearing": days("hoordatum"),
        "advice": np.where(col["adviesdatum"] == "", np.datetime64(as_of_text), days("adviesdatum")),
    }
    sim = SimulationBuilder().build_default_simulation(system, n)
    for name, values in inputs.items():
        sim.set_input(name, PERIOD, values)
    index = sim.calculate("rule_index", PERIOD)
    outcome = np.array([o for o, _ in RULES])[index]
    rule = np.array([r for _, r in RULES])[index]
    ec_text = np.char.mod("%g", np.round(inputs["ec"], 1))
    norm_text = np.where(inputs["part_time"], "30", "45")
    fixed = np.array(["A postponed advice is now due: weigh it.", "", "", "", "Propaedeutic exam passed.", "",
                      "The advice is postponed.", "Personal circumstances not yet weighed.",
                      "Personal circumstances accepted: review.", "", "", "", ""], dtype=object)
    reason = fixed[index]
    year_text = inputs["year"].astype("U4")

    def fill(k: int, *parts: object) -> None:
        sel = index == k
        text = np.full(sel.sum(), "", dtype=object)
        for part in parts:
            text = text + (part[sel] if isinstance(part, np.ndarray) else part)
        reason[sel] = text

    fill(1, "Year ", year_text.astype(object), " of enrolment, full-time: no study advice.")
    fill(2, "Part-time year ", year_text.astype(object), ": past the advice moment.")
    fill(3, "Deregistered as of ", inputs["deregistered"].astype("U10").astype(object), ": no study advice.")
    fill(5, ec_text.astype(object), " EC in year one, the norm is ", norm_text.astype(object), ": positive.")
    fill(9, "Enrolled on ", inputs["enrolled"].astype("U10").astype(object), ": late entry, review.")
    fill(10, ec_text.astype(object), " EC below the norm of ", norm_text.astype(object), ", but missing a step.")
    fill(11, ec_text.astype(object), " EC in year one, below the norm of ", norm_text.astype(object), ": negative.")
    with open(dst, "w", newline="", encoding="utf-8") as out:
        write = csv.writer(out, delimiter=";")
        write.writerow(["student_id", "programme", "outcome", "rule", "reason"])
        write.writerows(zip(col["studentnummer"], col["opleiding"], outcome, rule, reason))


if __name__ == "__main__":
    main(*sys.argv[1:4])
