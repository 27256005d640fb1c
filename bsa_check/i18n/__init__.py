"""Interface language (nl/en): message catalogue, value formatting, language detection.

The rule texts themselves live in the rule files (``nl``/``en``); this module holds the tool's
own words. A dict catalogue rather than gettext: two languages, a few dozen strings, and no
compiled catalogue files to keep in sync. Pure: reads the environment only when asked.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import Any

from bsa_check.engine.values import Average

LANGS = ("nl", "en")

OUTCOME_LABELS: dict[str, dict[str, str]] = {
    "positive": {"en": "positive", "nl": "positief"},
    "negative": {"en": "negative (binding)", "nl": "negatief (bindend)"},
    "negative_advisory": {"en": "negative (advisory)", "nl": "negatief (niet bindend)"},
    "procedure_incomplete": {"en": "procedure incomplete", "nl": "procedure onvolledig"},
    "needs_review": {"en": "needs review", "nl": "beoordeling nodig"},
    "postponed": {"en": "postponed", "nl": "uitgesteld"},
    "no_advice": {"en": "no advice", "nl": "geen advies"},
    "not_yet_due": {"en": "not yet due", "nl": "nog niet aan de orde"},
    "interim": {"en": "interim (not binding)", "nl": "tussentijds (niet bindend)"},
}

MESSAGES: dict[str, dict[str, str]] = {
    "col.line": {"en": "line", "nl": "regel"},
    "col.student": {"en": "student", "nl": "student"},
    "col.programme": {"en": "programme", "nl": "opleiding"},
    "col.ec": {"en": "EC yr 1", "nl": "EC jr 1"},
    "col.outcome": {"en": "outcome", "nl": "uitkomst"},
    "col.rule": {"en": "rule", "nl": "beslisregel"},  # "regel" is the line column
    "col.reason": {"en": "reason", "nl": "reden"},
    "col.count": {"en": "count", "nl": "aantal"},
    "summary.title": {"en": "Summary", "nl": "Samenvatting"},
    "summary.errors": {"en": "errors", "nl": "fouten"},
    "summary.total": {"en": "rows", "nl": "rijen"},
    "table.title": {"en": "{ruleset} {version} ({status}), as of {as_of}",
                    "nl": "{ruleset} {version} ({status}), peildatum {as_of}"},
    "status.law": {"en": "law", "nl": "wet"},
    "status.proposal": {"en": "PROPOSAL, NOT LAW", "nl": "VOORSTEL, GEEN WET"},
    "shortfall": {"en": "{amount} EC short of the {target} EC norm", "nl": "nog {amount} EC nodig voor de norm van {target} EC"},
    "shortfall.of": {"en": "{label}: {actual} EC, {amount} EC short of the {target} EC norm",
                     "nl": "{label}: {actual} EC, nog {amount} EC nodig voor de norm van {target} EC"},
    "missing.list": {"en": "missing {items}", "nl": "ontbreekt {items}"},
    "record.steps": {"en": "to make a binding negative lawful, record: {items}",
                     "nl": "voor een rechtmatige afwijzing vastleggen: {items}"},
    "basis": {"en": "basis", "nl": "grondslag"},
    "change.units_all": {"en": "pass {items} ({rule})", "nl": "nog behalen: {items} ({rule})"},
    "change.units_some": {"en": "pass {n} more of {items} ({rule})", "nl": "nog {n} behalen van: {items} ({rule})"},
    "change.no_advice_day": {"en": "met on no advice day the record allows (a recorded advice date outside the window?)",
                             "nl": "op geen adviesdatum die het record toelaat voldaan (een vastgelegde adviesdatum buiten het venster?)"},
    "change.step_by": {"en": "at the latest on {day}", "nl": "uiterlijk op {day}"},
    "change.step_too_late": {"en": "too late for any lawful advice day left", "nl": "te laat voor elke nog rechtmatige adviesdatum"},
    "change.advice_from": {"en": "met by an advice on or after {day}", "nl": "voldaan bij een advies op of na {day}"},
    "explain.excluded_circumstance": {
        "en": "Reported circumstance {kind} is not a ground under this rule set: {reason} [{basis}]",
        "nl": "Gemelde omstandigheid {kind} is geen grond onder deze regelset: {reason} [{basis}]"},
    "unverified": {"en": "unverified", "nl": "niet geverifieerd"},
    "placeholder.params": {
        "en": "note: {names} are placeholder values; set your programme's norm with --param or a rule file",
        "nl": "let op: {names} zijn voorbeeldwaarden; stel de norm van uw opleiding in met --param of een regelbestand"},
    "proposal.banner": {"en": "This rule set is a proposal, not law: its verdicts have no legal force.",
                        "nl": "Deze regelset is een voorstel, geen wet: de uitkomsten hebben geen rechtskracht."},
    "unknown.columns": {"en": "{n} column(s) are not known fields and are ignored: {columns}",
                        "nl": "{n} kolom(men) zijn geen bekende velden en worden genegeerd: {columns}"},
    "records.no_rows": {"en": "the file has a header but no data rows; nothing was checked (is it the right export?)",
                        "nl": "het bestand heeft een kopregel maar geen gegevensregels; er is niets beoordeeld "
                              "(is dit de juiste export?)"},
    "unknown.did_you_mean": {"en": "did you mean {name!r}?", "nl": "bedoelt u {name!r}?"},
    "unknown.ignored": {"en": "rename a column if it holds a field bsa-check reads (see the README)",
                        "nl": "hernoem een kolom als die een veld bevat dat bsa-check leest (zie de README)"},
    "errors.title": {"en": "{n} row(s) could not be evaluated:", "nl": "{n} regel(s) konden niet worden beoordeeld:"},
    "and": {"en": "and", "nl": "en"},
    "yes": {"en": "yes", "nl": "ja"},
    "no": {"en": "no", "nl": "nee"},
    "none": {"en": "none", "nl": "geen"},
    "explain.decided": {"en": "Decided by rule {rule} ({title}): {outcome}", "nl": "Besloten door regel {rule} ({title}): {outcome}"},
    "explain.checked": {"en": "Checks in order:", "nl": "Controles op volgorde:"},
    "explain.rule_yes": {"en": "applies", "nl": "van toepassing"},
    "explain.rule_no": {"en": "does not apply", "nl": "niet van toepassing"},
    "explain.pre_met": {"en": "recorded", "nl": "vastgelegd"},
    "explain.pre_missing": {"en": "MISSING", "nl": "ONTBREEKT"},
    "explain.change": {"en": "What would change it:", "nl": "Wat de uitkomst verandert:"},
    "explain.absent": {"en": "(empty)", "nl": "(leeg)"},
    "explain.student": {"en": "Student {student} (line {line}, programme {programme})",
                        "nl": "Student {student} (regel {line}, opleiding {programme})"},
    "explain.header": {"en": "== {title} [{name} {version}; {status}]", "nl": "== {title} [{name} {version}; {status}]"},
    "explain.not_automated": {"en": "Not checked by this tool (a person must confirm):",
                              "nl": "Niet door dit hulpmiddel gecontroleerd (een persoon moet dit bevestigen):"},
    "explain.compare": {"en": "Across rule sets:", "nl": "Vergelijking van regelsets:"},
    "explain.before_valid_from": {"en": "({asked} applies from {start}; an earlier academic year is decided by {name})",
                                  "nl": "({asked} geldt vanaf {start}; een eerder studiejaar beslist {name})"},
    "explain.under": {"en": "under {name}: {outcome} (rule {rule})", "nl": "onder {name}: {outcome} (regel {rule})"},
    "explain.differs": {"en": "The outcome differs between the rule sets.", "nl": "De uitkomst verschilt tussen de regelsets."},
    "explain.same": {"en": "The outcome is the same under every rule set.", "nl": "De uitkomst is onder elke regelset gelijk."},
    "explain.duplicate": {"en": "student {student} appears on more than one line ({lines}): check the export",
                          "nl": "student {student} staat op meer dan één regel ({lines}): controleer de export"},
    "explain.not_found": {"en": "student {student} is not in {file} ({rows} data rows read)",
                          "nl": "student {student} staat niet in {file} ({rows} rijen gelezen)"},
    "rules.name": {"en": "name", "nl": "naam"},
    "rules.title": {"en": "title", "nl": "titel"},
    "rules.status": {"en": "legal status", "nl": "juridische status"},
    "rules.valid_from": {"en": "valid from", "nl": "geldig vanaf"},
    "rules.version": {"en": "version", "nl": "versie"},
    "rules.sector": {"en": "sector", "nl": "sector"},
    "explain.ruleset": {"en": "Rule set: {name} {version}, sha256 {sha}", "nl": "Regelset: {name} {version}, sha256 {sha}"},
    "explain.from_file": {"en": "(from {file})", "nl": "(uit {file})"},
    "explain.from_set": {"en": "(precondition set {name})", "nl": "(set voorwaarden {name})"},
    "explain.extends": {"en": "Builds on (extends): {chain}", "nl": "Bouwt voort op (extends): {chain}"},
    "explain.own_value": {"en": "  parameter {name}: values from {file}", "nl": "  parameter {name}: waarden uit {file}"},
    "explain.removed_rule": {"en": "  rule {rule} left out: {why}", "nl": "  regel {rule} weggelaten: {why}"},
    # OER features (domain.md §11): what decided
    "explain.values": {"en": "Values used:", "nl": "Gebruikte waarden:"},
    "explain.band": {"en": "band: {label}", "nl": "categorie: {label}"},
    "explain.counted": {"en": "counted: {items}", "nl": "meegeteld: {items}"},
    "explain.passed": {"en": "passed: {items}", "nl": "behaald: {items}"},
    "explain.not_counted": {"en": "not counted: {items}", "nl": "niet meegeteld: {items}"},
    "explain.missing_units": {"en": "missing units: {items}", "nl": "ontbrekende onderdelen: {items}"},
    "explain.pending": {"en": "resits still to come: {items}", "nl": "nog te herkansen: {items}"},
    "explain.grades": {"en": "grades: {items}", "nl": "cijfers: {items}"},
    "explain.grades_weighted": {"en": "grades, weighted by credits: {items}",
                                "nl": "cijfers, gewogen naar studiepunten: {items}"},
    "explain.block_incomplete": {"en": "block {block} not complete (missing {items}): its credits do not count",
                                 "nl": "blok {block} niet compleet (ontbreekt {items}): de studiepunten tellen niet"},
    "excluded.earlier": {"en": "earlier enrolment", "nl": "eerdere inschrijving"},
    "excluded.before_year": {"en": "before this academic year", "nl": "vóór dit studiejaar"},
    "excluded.exemption": {"en": "exemption", "nl": "vrijstelling"},
    "excluded.after_until": {"en": "after the measurement date", "nl": "na de peildatum"},
    "excluded.not_in_catalogue_year": {"en": "not in this academic year's unit catalogue",
                                       "nl": "niet in de onderdelenlijst van dit studiejaar"},
    "comp.applied": {"en": "compensation '{name}' ({title}) applied to {items}: these count as passed",
                     "nl": "compensatie '{name}' ({title}) toegepast op {items}: deze tellen als behaald"},
    "comp.not_applied": {"en": "compensation '{name}' ({title}) not applied to {items}",
                         "nl": "compensatie '{name}' ({title}) niet toegepast op {items}"},
    "comp.none": {"en": "compensation '{name}' ({title}): no failed grade in the band {low}-{high}",
                  "nl": "compensatie '{name}' ({title}): geen onvoldoende in de band {low}-{high}"},
    "comp.over_max": {"en": "at most {n} unit(s) may be compensated; not: {items}",
                      "nl": "hoogstens {n} onderdeel/onderdelen mag/mogen worden gecompenseerd; niet: {items}"},
    "comp.min_average": {"en": "average grade (unrounded) {actual} ≥ {required}", "nl": "gemiddeld cijfer (onafgerond) {actual} ≥ {required}"},
    "comp.min_other_grade": {"en": "lowest other grade {actual} ≥ {required}", "nl": "laagste andere cijfer {actual} ≥ {required}"},
    "comp.higher_grade_elsewhere": {"en": "highest other grade {actual} ≥ {required}",
                                    "nl": "hoogste andere cijfer {actual} ≥ {required}"},
    "comp.all_others_passed": {"en": "all other units passed (not passed: {actual})",
                               "nl": "alle andere onderdelen behaald (niet behaald: {actual})"},
    "comp.min_ec_before": {"en": "credits before compensation {actual} ≥ {required}",
                           "nl": "studiepunten vóór compensatie {actual} ≥ {required}"},
    "comp.in_block": {"en": " (block of {unit})", "nl": " (blok van {unit})"},
    "explain.exclusion": {"en": "Exclusion after this binding negative: {term}, from {start}; scope: {scope}{extra} [{basis}]",
                          "nl": "Uitsluiting na deze afwijzing: {term}, vanaf {start}; reikwijdte: {scope}{extra} [{basis}]"},
    "explain.exclusion_if": {"en": "If the binding negative becomes lawful, exclusion: {term}, from {start}; scope: {scope}{extra} [{basis}]",
                             "nl": "Als de afwijzing rechtmatig wordt, uitsluiting: {term}, vanaf {start}; reikwijdte: {scope}{extra} [{basis}]"},
    "exclusion.years": {"en": "{n} year(s)", "nl": "{n} jaar"},
    "exclusion.indefinite": {"en": "no term (re-enrolment only if the student shows convincingly that he or she can now succeed)",
                             "nl": "zonder termijn (herinschrijving alleen als de student overtuigend aantoont nu wel te kunnen slagen)"},
    "exclusion.programmes": {"en": "programmes {items}", "nl": "opleidingen {items}"},
    "exclusion.shared": {"en": "programmes sharing the first year", "nl": "opleidingen met een gemeenschappelijke propedeuse"},
    "explain.decided_by": {"en": "Who decides: {who}", "nl": "Wie beslist: {who}"},
    "reason.decided_by": {"en": "Decided by: {who}.", "nl": "Beslist door: {who}."},
    "explain.provenance": {"en": "Source: {document}, {institution}{articles}{flags}",
                           "nl": "Bron: {document}, {institution}{articles}{flags}"},
    "provenance.articles": {"en": ", art. {items}", "nl": ", art. {items}"},
    "provenance.fictional": {"en": "fictional example", "nl": "fictief voorbeeld"},
    "rule.unverified": {"en": "rule unverified", "nl": "regel niet geverifieerd"},
}


def detect_lang(environ: Mapping[str, str] | None = None) -> str:
    """``nl`` when LC_ALL (or else LANG) starts with ``nl``; otherwise ``en``."""
    env = os.environ if environ is None else environ
    value = env.get("LC_ALL") or env.get("LANG") or ""
    return "nl" if value.lower().startswith("nl") else "en"


def t(key: str, lang: str, **values: Any) -> str:
    text = MESSAGES[key][lang]
    return text.format(**values) if values else text


def outcome_label(outcome: str, lang: str) -> str:
    return OUTCOME_LABELS[outcome][lang]


def fmt_decimal(value: Decimal | int, lang: str) -> str:
    """45 -> ``45``; 44.50 -> ``44,5`` (nl) or ``44.5`` (en). Exact: never rounded."""
    text = format(Decimal(value).normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text


def fmt_average(value: Decimal, lang: str) -> str:
    """An average grade as shown: at most two decimals, trailing zeros dropped (6.75, 7); digits beyond
    them are cut, not rounded, and an ellipsis says so (6.333... -> ``6.33…``). Cut, so the shown value
    never reaches a norm of two decimals the exact one misses (6.4966… is ``6.49…``, never ``6.5``);
    the comparison itself always uses the exact value."""
    cut = value.quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return fmt_decimal(cut, lang) + ("…" if cut != value else "")


def fmt_date(value: date, lang: str) -> str:
    return value.strftime("%d-%m-%Y") if lang == "nl" else value.isoformat()


def fmt_value(value: Any, lang: str) -> str:
    """A value as shown in a reason or explanation."""
    if value is None:
        return MESSAGES["explain.absent"][lang]
    if isinstance(value, bool):
        return MESSAGES["yes" if value else "no"][lang]
    if isinstance(value, Average):
        return fmt_average(value, lang)
    if isinstance(value, (Decimal, int)):
        return fmt_decimal(value, lang)
    if isinstance(value, date):
        return fmt_date(value, lang)
    if isinstance(value, (frozenset, set, tuple, list)):
        items = sorted(str(v) for v in value)
        return ", ".join(items) if items else MESSAGES["none"][lang]
    text = getattr(value, lang, None)  # a derived text in both languages (ruleset.model.Text)
    if isinstance(text, str):
        return text
    return str(value)


def join_list(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {MESSAGES['and'][lang]} " + items[-1]


# --- compare (bsa-check compare: text, markdown, html) ----------------------------------------------
# A separate block so other commands' strings can be added above without touching these.
COMPARE_MESSAGES: dict[str, dict[str, str]] = {
    "cmp.title": {"en": "Comparison of BSA rule sets", "nl": "Vergelijking van BSA-regelsets"},
    "cmp.subtitle": {"en": "What changes for students when the rules change",
                     "nl": "Wat er voor studenten verandert als de regels veranderen"},
    "cmp.as_of": {"en": "Reference date {as_of}; records: {source}.", "nl": "Peildatum {as_of}; gegevens: {source}."},
    "cmp.rows": {"en": "{rows} rows read: {compared} compared, {errors} could not be evaluated.",
                 "nl": "{rows} rijen gelezen: {compared} vergeleken, {errors} niet te beoordelen."},
    "cmp.changed": {"en": "{n} students ({pct}) get a different outcome.",
                    "nl": "{n} studenten ({pct}) krijgen een andere uitkomst."},
    "cmp.move": {"en": "{n} from {before} under {a} to {after} under {b}.",
                 "nl": "{n} van {before} onder {a} naar {after} onder {b}."},
    "cmp.no_credits": {"en": "no EC", "nl": "geen EC"},
    "cmp.total": {"en": "total", "nl": "totaal"},
    "cmp.outcomes": {"en": "Outcomes per rule set", "nl": "Uitkomsten per regelset"},
    "cmp.matrix": {"en": "From {a} to {b}", "nl": "Van {a} naar {b}"},
    "cmp.matrix_note": {"en": "Rows: outcome under {a}; columns: outcome under {b}. The diagonal is unchanged.",
                        "nl": "Rijen: uitkomst onder {a}; kolommen: uitkomst onder {b}. De diagonaal is ongewijzigd."},
    "cmp.programmes": {"en": "Per programme", "nl": "Per opleiding"},
    "cmp.histogram": {"en": "Year-one credits (ec_jaar1) and the norms",
                      "nl": "Studiepunten jaar 1 (ec_jaar1) en de normen"},
    "cmp.errors": {"en": "{n} row(s) could not be evaluated", "nl": "{n} regel(s) konden niet worden beoordeeld"},
    "cmp.errors_more": {"en": "and {n} more (not listed)", "nl": "en nog {n} (niet vermeld)"},
    "cmp.changed_title": {"en": "Students whose outcome changes ({n})",
                          "nl": "Studenten van wie de uitkomst verandert ({n})"},
    "cmp.students": {"en": "students", "nl": "studenten"},
    "cmp.changed_col": {"en": "changed", "nl": "veranderd"},
    "cmp.share": {"en": "share", "nl": "aandeel"},
    "cmp.main_move": {"en": "largest move {a}→{b}", "nl": "grootste verschuiving {a}→{b}"},
    "cmp.no_programme": {"en": "(no programme)", "nl": "(geen opleiding)"},
    "cmp.norm": {"en": "norm", "nl": "norm"},
    "cmp.changed_short": {"en": "change", "nl": "anders"},
    "cmp.hist_legend": {"en": "█ same outcome under every rule set   ▒ outcome changes   ── full-time year-one norm",
                        "nl": "█ dezelfde uitkomst onder elke regelset   ▒ uitkomst verandert   ── norm jaar 1 voltijd"},
    "cmp.not_drawn": {"en": "not drawn: {norm}", "nl": "niet getekend: {norm}"},
    "cmp.per_programme_norm": {"en": "per programme: {items}", "nl": "per opleiding: {items}"},
    "cmp.no_norm": {"en": "{name} has no credit norm (no line).", "nl": "{name} heeft geen studiepuntennorm (geen lijn)."},
    "cmp.rulesets": {"en": "Rule sets", "nl": "Regelsets"},
    "cmp.headline_rows": {"en": "rows read", "nl": "rijen gelezen"},
    "cmp.headline_compared": {"en": "compared", "nl": "vergeleken"},
    "cmp.headline_changed": {"en": "different outcome", "nl": "andere uitkomst"},
    "cmp.headline_errors": {"en": "could not be evaluated", "nl": "niet te beoordelen"},
    "cmp.not_law": {"en": "Proposal, not law: its outcomes have no legal force.",
                    "nl": "Voorstel, geen wet: de uitkomsten hebben geen rechtskracht."},
    "cmp.personal_data": {
        "en": "This report lists students by number: it contains personal data. Share it only with people who may see it.",
        "nl": "Dit rapport noemt studenten bij nummer: het bevat persoonsgegevens. Deel het alleen met wie het mag zien."},
    "cmp.chart_x": {"en": "EC earned in year one", "nl": "Behaalde EC in jaar 1"},
    "cmp.chart_y": {"en": "students", "nl": "studenten"},
    "cmp.chart_same": {"en": "same outcome", "nl": "zelfde uitkomst"},
    "cmp.chart_changed": {"en": "outcome changes", "nl": "uitkomst verandert"},
    "cmp.chart_note": {
        "en": "Bars: students per 5 EC (a bar holds from its lower bound up to, not including, the next). Lines: each rule set's full-time year-one norm; a student on or right of a line meets it.",
        "nl": "Staven: studenten per 5 EC (een staaf loopt van de ondergrens tot, niet tot en met, de volgende). Lijnen: de voltijdnorm jaar 1 van elke regelset; wie op of rechts van een lijn zit, haalt die."},
    "cmp.no_value_note": {"en": "{n} compared student(s) have no ec_jaar1 value and are not in the chart.",
                          "nl": "{n} vergeleken student(en) hebben geen ec_jaar1 en staan niet in de grafiek."},
    "cmp.status": {"en": "legal status", "nl": "juridische status"},
    "cmp.params": {"en": "parameters set for this run", "nl": "parameters voor deze run"},
    "cmp.placeholders": {"en": "placeholder values", "nl": "voorbeeldwaarden"},
    "cmp.footer": {"en": "Made with bsa-check {version}. Same file, rule sets and reference date give the same report.",
                   "nl": "Gemaakt met bsa-check {version}. Hetzelfde bestand, dezelfde regelsets en peildatum geven hetzelfde rapport."},
    "cmp.distribution": {"en": "Outcome mix per rule set", "nl": "Verdeling van de uitkomsten per regelset"},
    "cmp.version": {"en": "version", "nl": "versie"},
}
MESSAGES.update(COMPARE_MESSAGES)
