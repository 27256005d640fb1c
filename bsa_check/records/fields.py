"""The student record fields: canonical names, Dutch aliases, value kinds.

This registry is the single source of truth for which columns the reader accepts (design.md,
"Student records") and which names rule files may use as ``field:``. It does no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

# Value kinds. Each kind has one parser in ``records.parse``.
TEXT = "text"
DECIMAL = "decimal"
INTEGER = "integer"
COUNT = "count"
DATE = "date"
BOOLEAN = "boolean"
ACADEMIC_YEAR = "academic_year"
CIRCUMSTANCES = "circumstances"
DECISION = "decision"
UNITS = "units"
ADVICE = "advice"

KINDS = (TEXT, DECIMAL, INTEGER, COUNT, DATE, BOOLEAN, ACADEMIC_YEAR, CIRCUMSTANCES, DECISION, UNITS, ADVICE)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One record field.

    ``optional``: an empty cell is an ordinary state (e.g. no warning given). For a field that is
    not optional, an empty cell is an error *when a rule needs the value* ("fill in 0 if none").
    """

    name: str
    aliases: tuple[str, ...]
    kind: str
    optional: bool
    en: str
    nl: str


# Personal circumstances a BSA must weigh: Uitvoeringsbesluit WHW 2008 art. 2.1 lid 1 (a list
# that is exclusive, "uitsluitend"), plus top sport where the OER designates it. Keys are the
# canonical codes; values are the accepted spellings (lower case, Dutch and English).
CIRCUMSTANCE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "illness": ("illness", "ziekte", "ziek"),
    "impairment": ("impairment", "disability", "functiebeperking", "handicap", "beperking"),
    "pregnancy": ("pregnancy", "zwangerschap"),
    "family": ("family", "familie", "bijzondere familieomstandigheden", "familieomstandigheden", "mantelzorg"),
    "participation_body": ("participation_body", "medezeggenschap", "opleidingscommissie"),
    "institution_activity": ("institution_activity", "instellingsactiviteit", "bestuurlijke activiteit"),
    "student_board": ("student_board", "bestuur studentenorganisatie", "studentbestuur", "bestuursjaar"),
    "top_sport": ("top_sport", "topsport"),
    # Not a ground of art. 2.1 (the HO list is exclusive); MBO has no closed list (domain.md §4
    # step 5). Recorded so it can be weighed and flagged, never silently dropped.
    "other": ("other", "overig", "overige", "anders"),
}

# What the institution decided about reported circumstances (design.md).
DECISIONS: dict[str, tuple[str, ...]] = {
    "postpone": ("postpone", "postponed", "uitstel", "uitgesteld"),
    "accepted": ("accepted", "geaccepteerd", "erkend", "toegekend"),
    "rejected": ("rejected", "afgewezen", "niet erkend"),
}

ADVICES: dict[str, tuple[str, ...]] = {
    "positive": ("positive", "positief"),
    "negative": ("negative", "negatief"),
}

# Spellings that mean "nothing" in a category cell.
NONE_WORDS = frozenset({"none", "geen", "nee", "no", "-", "n.v.t.", "nvt", "n/a"})

_F = FieldSpec
FIELDS: tuple[FieldSpec, ...] = (
    _F("student_id", ("studentnummer",), TEXT, False, "student number", "studentnummer"),
    _F("programme", ("opleiding", "croho", "crebo"), TEXT, False, "programme code", "opleidingscode"),
    _F("academic_year", ("collegejaar", "studiejaar"), ACADEMIC_YEAR, True,
       "academic year the advice is about (2025-2026 or 2025); default: the year containing --as-of",
       "collegejaar waarover het advies gaat (2025-2026 of 2025); standaard: het jaar van --as-of"),
    _F("enrolment_date", ("inschrijfdatum",), DATE, True, "first enrolment in the programme", "eerste inschrijving in de opleiding"),
    _F("deregistration_date", ("uitschrijfdatum",), DATE, True,
       "date the deregistration takes effect", "datum waarop de uitschrijving ingaat"),
    _F("year_of_enrolment", ("inschrijvingsjaar",), INTEGER, False,
       "which year of enrolment in the programme (1 = first year)", "welk jaar van inschrijving in de opleiding (1 = eerste jaar)"),
    _F("ec_year1", ("ec_jaar1",), DECIMAL, False, "credits counted for the year-one norm", "studiepunten die meetellen voor de norm van jaar 1"),
    _F("ec_total", ("ec_totaal",), DECIMAL, True, "cumulative programme credits", "totaal behaalde studiepunten in de opleiding"),
    _F("part_time", ("deeltijd",), BOOLEAN, False, "part-time student (yes/no)", "deeltijdstudent (ja/nee)"),
    _F("propaedeutic_passed", ("propedeuse_behaald",), BOOLEAN, True, "propaedeutic exam passed (yes/no)", "propedeutisch examen behaald (ja/nee)"),
    _F("personal_circumstances", ("persoonlijke_omstandigheden",), CIRCUMSTANCES, True,
       "reported personal circumstances: none, or categories separated by |",
       "gemelde persoonlijke omstandigheden: geen, of categorieën gescheiden door |"),
    _F("circumstances_decision", ("besluit_omstandigheden",), DECISION, True,
       "what the institution decided: postpone, accepted, rejected (empty = not decided)",
       "besluit van de instelling: uitstel, erkend, afgewezen (leeg = nog geen besluit)"),
    _F("warning_date", ("waarschuwingsdatum",), DATE, True, "date of the written warning", "datum van de schriftelijke waarschuwing"),
    _F("hearing_date", ("hoordatum",), DATE, True, "date the student was heard or offered a hearing", "datum waarop de student is gehoord of in de gelegenheid gesteld"),
    _F("conversation_date", ("gespreksdatum",), DATE, True, "date of the personal conversation", "datum van het persoonlijke gesprek"),
    _F("passed_units", ("behaalde_onderdelen",), UNITS, True, "passed course codes separated by |", "behaalde onderdelen, codes gescheiden door |"),
    _F("intended_advice", ("voorgenomen_advies",), ADVICE, False, "the advice the school intends (positive/negative)", "het voorgenomen advies (positief/negatief)"),
    _F("advice_date", ("adviesdatum",), DATE, True, "date the advice is (to be) given; default --as-of", "datum van het advies; standaard --as-of"),
    _F("programme_start", ("startdatum_opleiding",), DATE, False, "MBO: start of the programme", "mbo: startdatum van de opleiding"),
    _F("programme_length_years", ("opleidingsduur",), INTEGER, False, "MBO: programme length in years", "mbo: opleidingsduur in jaren"),
    _F("level", ("niveau",), INTEGER, False, "MBO: level 1-4 (1 = entree)", "mbo: niveau 1-4 (1 = entree)"),
    _F("progress_talks", ("voortgangsgesprekken",), COUNT, True, "MBO: number of progress talks held", "mbo: aantal gevoerde voortgangsgesprekken"),
    _F("improvement_deadline", ("verbetertermijn",), DATE, True, "MBO: end of the improvement period after the warning", "mbo: einde van de verbetertermijn na de waarschuwing"),
    _F("date_of_birth", ("geboortedatum",), DATE, True, "MBO: date of birth", "mbo: geboortedatum"),
    _F("startkwalificatie", ("startkwalificatie",), BOOLEAN, True, "MBO: has a startkwalificatie (yes/no)", "mbo: heeft een startkwalificatie (ja/nee)"),
    _F("alternative_offered", ("alternatief_aangeboden",), BOOLEAN, True, "MBO: another programme offered (yes/no)", "mbo: alternatief aangeboden (ja/nee)"),
)

FIELDS_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}


def normalise_header(text: str) -> str:
    """Header matching is case- and space-insensitive: ``" EC Jaar1 "`` -> ``"ec_jaar1"``."""
    return "_".join(text.strip().lower().replace("-", " ").replace("_", " ").split())


# Normalised header spelling -> canonical field name.
HEADER_INDEX: dict[str, str] = {}
for _spec in FIELDS:
    for _spelling in (_spec.name, *_spec.aliases):
        HEADER_INDEX[normalise_header(_spelling)] = _spec.name
