"""Peer: the current-HO rule (rules/ho-current.yaml, placeholder parameters) as a plain Python loop.

    python plain.py COHORT.csv OUT.csv AS_OF(YYYY-MM-DD)

Reads the synthetic cohort (``bsa-check synth``), writes per row student;programme;outcome;rule;reason.
The same rule as ``polars_peer.py`` and ``openfisca_peer.py``: the rules in order, the first that
applies decides; a binding negative with a procedural step missing is procedure_incomplete. No
duplicate check, no located errors, no legal basis: what a hand-written script would do.
"""

import csv
import sys
from datetime import date, timedelta

NORM, NORM_PART_TIME, PART_TIME_ADVICE_YEAR, WARNING_DAYS = 45.0, 30.0, 2, 28


def main(src: str, dst: str, as_of_text: str) -> None:
    as_of = date.fromisoformat(as_of_text)
    dates: dict[str, date | None] = {"": None}

    def day(text: str) -> date | None:
        d = dates.get(text)
        if d is None and text not in dates:
            d = dates[text] = date(int(text[6:10]), int(text[3:5]), int(text[0:2]))
        return d

    with open(src, newline="", encoding="utf-8") as f, open(dst, "w", newline="", encoding="utf-8") as out:
        rows = csv.reader(f, delimiter=";")
        col = {name: i for i, name in enumerate(next(rows))}
        write = csv.writer(out, delimiter=";").writerow
        write(["student_id", "programme", "outcome", "rule", "reason"])
        for cells in rows:
            start = int(cells[col["collegejaar"]][:4])
            year = int(cells[col["inschrijvingsjaar"]])
            part_time = cells[col["deeltijd"]] == "ja"
            prop = cells[col["propedeuse_behaald"]] == "ja"
            circ = cells[col["persoonlijke_omstandigheden"]].strip().lower() not in ("", "geen")
            decision = cells[col["besluit_omstandigheden"]]
            ec = float(cells[col["ec_jaar1"]].replace(",", ".") or "nan")
            enrolled = day(cells[col["inschrijfdatum"]])
            deregistered = day(cells[col["uitschrijfdatum"]])
            warning = day(cells[col["waarschuwingsdatum"]])
            hearing = day(cells[col["hoordatum"]])
            advice = day(cells[col["adviesdatum"]]) or as_of
            norm = NORM_PART_TIME if part_time else NORM
            end = start + 1
            if year > 1 and decision == "uitstel" and not prop:
                r = ("needs_review", "postponed_advice_due", "A postponed advice is now due: weigh it.")
            elif year > 1 and not part_time:
                r = ("no_advice", "not_first_year", f"Year {year} of enrolment, full-time: no study advice.")
            elif part_time and year > PART_TIME_ADVICE_YEAR:
                r = ("no_advice", "after_part_time_moment", f"Part-time year {year}: past the advice moment.")
            elif deregistered is not None and deregistered <= date(end, 2, 1):
                r = ("no_advice", "deregistered_before_cutoff", f"Deregistered as of {deregistered}: no study advice.")
            elif prop:
                r = ("positive", "propaedeutic_passed", "Propaedeutic exam passed.")
            elif ec >= norm:
                r = ("positive", "norm_met", f"{ec:g} EC in year one, the norm is {norm:g}: positive.")
            elif decision == "uitstel":
                r = ("postponed", "advice_postponed", "The advice is postponed.")
            elif circ and not decision:
                r = ("needs_review", "circumstances_not_weighed", "Personal circumstances not yet weighed.")
            elif decision == "erkend":
                r = ("needs_review", "circumstances_accepted", "Personal circumstances accepted: review.")
            elif enrolled is not None and enrolled >= date(end, 2, 1):
                r = ("needs_review", "late_entry", f"Enrolled on {enrolled}: late entry, review.")
            elif ec < norm:
                missing = []
                if not (warning is not None and date(start, 9, 1) <= warning <= as_of
                        and advice >= warning + timedelta(days=WARNING_DAYS)):
                    missing.append("warning")
                if not (hearing is not None and (warning is None or hearing >= warning)
                        and hearing <= advice and hearing <= as_of):
                    missing.append("hearing")
                if advice < date(end, 6, 1):
                    missing.append("end_of_year")
                if not part_time and advice > date(end, 8, 31):
                    missing.append("within_first_year")
                if part_time and year >= PART_TIME_ADVICE_YEAR and advice > date(end, 8, 31):
                    missing.append("part_time_moment")
                if missing:
                    r = ("procedure_incomplete", "norm_not_met",
                         f"{ec:g} EC below the norm of {norm:g}, but missing: {', '.join(missing)}.")
                else:
                    r = ("negative", "norm_not_met", f"{ec:g} EC in year one, below the norm of {norm:g}: negative.")
            else:
                r = ("no_rule", "", "")
            write([cells[col["studentnummer"]], cells[col["opleiding"]], *r])


if __name__ == "__main__":
    main(*sys.argv[1:4])
