"""Peer: the current-HO rule as a polars when/then chain with a reason string (columnar, multi-threaded).

    python polars_peer.py COHORT.csv OUT.csv AS_OF(YYYY-MM-DD)

The same rule as ``plain.py`` (see there); POLARS_MAX_THREADS sets the threads (bench/run.py sets it
to the worker count it compares with).
"""

import sys
from datetime import date

import polars as pl

NORM, NORM_PART_TIME, PART_TIME_ADVICE_YEAR, WARNING_DAYS = 45.0, 30.0, 2, 28


def main(src: str, dst: str, as_of_text: str) -> None:
    as_of = date.fromisoformat(as_of_text)
    df = pl.read_csv(src, separator=";", infer_schema=False)

    def day(name: str) -> pl.Expr:
        return pl.col(name).str.to_date("%d-%m-%Y", strict=False)

    start = pl.col("collegejaar").str.slice(0, 4).cast(pl.Int32)
    end = start + 1
    df = df.with_columns(
        year=pl.col("inschrijvingsjaar").cast(pl.Int32),
        part_time=pl.col("deeltijd") == "ja",
        prop=pl.col("propedeuse_behaald") == "ja",
        circ=~pl.col("persoonlijke_omstandigheden").fill_null("").str.strip_chars().str.to_lowercase().is_in(["", "geen"]),
        decision=pl.col("besluit_omstandigheden").fill_null(""),
        ec=pl.col("ec_jaar1").str.replace(",", ".").cast(pl.Float64, strict=False),
        enrolled=day("inschrijfdatum"), deregistered=day("uitschrijfdatum"), warning=day("waarschuwingsdatum"),
        hearing=day("hoordatum"), advice=day("adviesdatum").fill_null(pl.lit(as_of)),
        cutoff=pl.date(end, 2, 1), earliest=pl.date(end, 6, 1), latest=pl.date(end, 8, 31),
        year_start=pl.date(start, 9, 1),
    ).with_columns(norm=pl.when(pl.col("part_time")).then(NORM_PART_TIME).otherwise(NORM))
    c = pl.col
    warned = (c("warning").is_not_null() & (c("warning") >= c("year_start")) & (c("warning") <= pl.lit(as_of))
              & (c("advice") >= c("warning") + pl.duration(days=WARNING_DAYS)))
    heard = (c("hearing").is_not_null() & (c("warning").is_null() | (c("hearing") >= c("warning")))
             & (c("hearing") <= c("advice")) & (c("hearing") <= pl.lit(as_of)))
    missing = pl.concat_str([
        pl.when(~warned.fill_null(False)).then(pl.lit("warning, ")).otherwise(pl.lit("")),
        pl.when(~heard.fill_null(False)).then(pl.lit("hearing, ")).otherwise(pl.lit("")),
        pl.when(c("advice") < c("earliest")).then(pl.lit("end_of_year, ")).otherwise(pl.lit("")),
        pl.when(~c("part_time") & (c("advice") > c("latest"))).then(pl.lit("within_first_year, ")).otherwise(pl.lit("")),
        pl.when(c("part_time") & (c("year") >= PART_TIME_ADVICE_YEAR) & (c("advice") > c("latest")))
        .then(pl.lit("part_time_moment, ")).otherwise(pl.lit("")),
    ]).str.strip_suffix(", ")
    df = df.with_columns(missing=missing)
    ec_text = c("ec").round(1).cast(pl.String).str.strip_suffix(".0")
    norm_text = c("norm").cast(pl.Int32).cast(pl.String)

    def case(outcome: str, rule: str, reason: pl.Expr | str) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
        return pl.lit(outcome), pl.lit(rule), reason if isinstance(reason, pl.Expr) else pl.lit(reason)

    cases = [
        ((c("year") > 1) & (c("decision") == "uitstel") & ~c("prop"),
         case("needs_review", "postponed_advice_due", "A postponed advice is now due: weigh it.")),
        ((c("year") > 1) & ~c("part_time"),
         case("no_advice", "not_first_year", pl.format("Year {} of enrolment, full-time: no study advice.", c("year")))),
        (c("part_time") & (c("year") > PART_TIME_ADVICE_YEAR),
         case("no_advice", "after_part_time_moment", pl.format("Part-time year {}: past the advice moment.", c("year")))),
        (c("deregistered").is_not_null() & (c("deregistered") <= c("cutoff")),
         case("no_advice", "deregistered_before_cutoff", pl.format("Deregistered as of {}: no study advice.",
                                                                   c("deregistered")))),
        (c("prop"), case("positive", "propaedeutic_passed", "Propaedeutic exam passed.")),
        (c("ec") >= c("norm"), case("positive", "norm_met", pl.format("{} EC in year one, the norm is {}: positive.",
                                                                      ec_text, norm_text))),
        (c("decision") == "uitstel", case("postponed", "advice_postponed", "The advice is postponed.")),
        (c("circ") & (c("decision") == ""),
         case("needs_review", "circumstances_not_weighed", "Personal circumstances not yet weighed.")),
        (c("decision") == "erkend", case("needs_review", "circumstances_accepted", "Personal circumstances accepted: review.")),
        (c("enrolled").is_not_null() & (c("enrolled") >= c("cutoff")),
         case("needs_review", "late_entry", pl.format("Enrolled on {}: late entry, review.", c("enrolled")))),
        ((c("ec") < c("norm")) & (c("missing") != ""),
         case("procedure_incomplete", "norm_not_met", pl.format("{} EC below the norm of {}, but missing: {}.",
                                                                ec_text, norm_text, c("missing")))),
        (c("ec") < c("norm"), case("negative", "norm_not_met", pl.format(
            "{} EC in year one, below the norm of {}: negative.", ec_text, norm_text))),
    ]
    columns = []
    for k, name in enumerate(("outcome", "rule", "reason")):
        expr: pl.Expr | None = None
        for cond, values in cases:
            cond = cond.fill_null(False)
            expr = pl.when(cond).then(values[k]) if expr is None else expr.when(cond).then(values[k])  # type: ignore[attr-defined]
        columns.append(expr.otherwise(pl.lit("" if k else "no_rule")).alias(name))  # type: ignore[union-attr]
    df.select(c("studentnummer").alias("student_id"), c("opleiding").alias("programme"), *columns) \
        .write_csv(dst, separator=";")


if __name__ == "__main__":
    main(*sys.argv[1:4])
