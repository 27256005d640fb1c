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
RESULTS = "results"
EFFECT = "effect"
STUDY_MODE = "study_mode"
PROGRAMME_ROLE = "programme_role"
NEGATIVE_GROUND = "negative_ground"

KINDS = (TEXT, DECIMAL, INTEGER, COUNT, DATE, BOOLEAN, ACADEMIC_YEAR, CIRCUMSTANCES, DECISION, UNITS, ADVICE,
         RESULTS, EFFECT, STUDY_MODE, PROGRAMME_ROLE, NEGATIVE_GROUND)


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

# What a recognised personal circumstance does (the OER says which effects it allows).
EFFECTS: dict[str, tuple[str, ...]] = {
    "postpone": ("postpone", "uitstel", "uitgesteld"),
    "reduce_norm": ("reduce_norm", "normverlaging", "verlaagde norm", "lagere norm"),
    "no_negative": ("no_negative", "geen negatief advies", "geen_negatief", "geen afwijzing"),
    "committee": ("committee", "commissie", "examencommissie", "bsa-commissie"),
}

STUDY_MODES: dict[str, tuple[str, ...]] = {
    "full_time": ("full_time", "full-time", "fulltime", "voltijd", "vt"),
    "part_time": ("part_time", "part-time", "parttime", "deeltijd", "dt"),
    "dual": ("dual", "duaal", "du"),
}

# The programme's role for a student enrolled in two (issue 19 item 5): a norm may apply to the main
# study only (double enrolment).
PROGRAMME_ROLES: dict[str, tuple[str, ...]] = {
    "main": ("main", "main_study", "main study", "hoofdopleiding", "hoofdstudie", "hoofd"),
    "side": ("side", "side_study", "side study", "second", "nevenopleiding", "nevenstudie", "neven", "tweede studie"),
}

# MBO: what the school's intended negative advice rests on (issue 19 item 5; WEB 8.1.7a: study
# progress is the ground; attendance alone is not).
NEGATIVE_GROUNDS: dict[str, tuple[str, ...]] = {
    "study_progress": ("study_progress", "study progress", "progress", "studievoortgang", "voortgang",
                       "resultaten"),
    "attendance_only": ("attendance_only", "attendance only", "attendance", "alleen aanwezigheid",
                        "alleen_aanwezigheid", "aanwezigheid", "verzuim", "alleen verzuim"),
    "both": ("both", "beide", "studievoortgang en aanwezigheid", "voortgang en aanwezigheid"),
}

# Results in a unit-results cell: a grade (1-10) or one of these words.
RESULT_WORDS: dict[str, tuple[str, ...]] = {
    "pass": ("v", "voldaan", "pass", "passed", "g", "goed"),
    "fail": ("o", "onvoldaan", "fail", "failed", "nv", "niet voldaan", "na", "nvd"),
    "exempt": ("vr", "vrijstelling", "vrijgesteld", "exempt", "exemption"),
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
    # Never a column: the kinds of personal_circumstances a rule set's ``circumstances.excluded`` names
    # (issue 19 item 4), which the engine moves out of personal_circumstances into this field.
    _F("excluded_circumstances", (), CIRCUMSTANCES, True,
       "reported circumstances the rule set excludes as grounds (from personal_circumstances; never a column)",
       "gemelde omstandigheden die de regelset uitsluit als grond (uit persoonlijke_omstandigheden; nooit een kolom)"),
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
    _F("improvement_deadline", ("verbetertermijn",), DATE, True, "end of the improvement period named in the warning (HO and MBO)",
       "einde van de verbetertermijn uit de waarschuwing (hbo/wo en mbo)"),
    _F("date_of_birth", ("geboortedatum",), DATE, True, "MBO: date of birth", "mbo: geboortedatum"),
    _F("startkwalificatie", ("startkwalificatie",), BOOLEAN, True, "MBO: has a startkwalificatie (yes/no)", "mbo: heeft een startkwalificatie (ja/nee)"),
    _F("alternative_offered", ("alternatief_aangeboden",), BOOLEAN, True, "MBO: another programme offered (yes/no)", "mbo: alternatief aangeboden (ja/nee)"),
    # Fields for institutions' own OER rules (domain.md §11): unit results, credit sources, the
    # deregistration escape, two-year regimes and what a recognised circumstance does.
    _F("unit_results", ("resultaten", "studieresultaten"), RESULTS, True,
       "unit results: CODE:RESULT[:DATE][:EC][:earlier] separated by |; RESULT is a grade or V, O, VR",
       "resultaten per onderdeel: CODE:RESULTAAT[:DATUM][:EC][:eerder] gescheiden door |; RESULTAAT is een cijfer of V, O, VR"),
    _F("exemption_ec", ("vrijgestelde_ec", "ec_vrijstellingen"), DECIMAL, True,
       "credits from exemptions (vrijstellingen)", "studiepunten uit vrijstellingen"),
    _F("earlier_ec", ("ec_eerdere_inschrijving",), DECIMAL, True,
       "credits earned in an earlier enrolment in the programme", "studiepunten uit een eerdere inschrijving in de opleiding"),
    _F("pending_resits", ("openstaande_herkansingen",), UNITS, True,
       "unit codes with a resit still to come this year, separated by |",
       "onderdelen met nog een herkansing dit jaar, codes gescheiden door |"),
    _F("deregistration_request_date", ("datum_uitschrijfverzoek", "uitschrijfverzoek"), DATE, True,
       "date the student asked to be deregistered", "datum van het verzoek tot uitschrijving"),
    _F("previous_deregistrations", ("eerdere_uitschrijvingen",), COUNT, True,
       "earlier deregistrations from this programme before the cut-off", "eerdere uitschrijvingen uit deze opleiding vóór de grens"),
    _F("previous_postponement", ("eerder_uitgesteld",), BOOLEAN, True,
       "the first-year advice was postponed earlier (yes/no)", "het advies in het eerste jaar is eerder uitgesteld (ja/nee)"),
    _F("ec_year2", ("ec_jaar2",), DECIMAL, True, "credits earned in the second year of enrolment", "studiepunten behaald in het tweede jaar van inschrijving"),
    _F("recognised_circumstances", ("erkende_omstandigheden",), CIRCUMSTANCES, True,
       "personal circumstances the institution recognised: categories separated by |",
       "door de instelling erkende persoonlijke omstandigheden: categorieën gescheiden door |"),
    _F("circumstances_effect", ("gevolg_omstandigheden",), EFFECT, True,
       "what recognition does: postpone, reduce_norm, no_negative, committee",
       "gevolg van de erkenning: uitstel, normverlaging, geen negatief advies, commissie"),
    _F("norm_reduction_ec", ("normverlaging_ec",), DECIMAL, True,
       "credits the norm is reduced by for recognised circumstances", "studiepunten waarmee de norm wegens erkende omstandigheden is verlaagd"),
    _F("circumstances_reported_date", ("meldingsdatum_omstandigheden",), DATE, True,
       "date the personal circumstances were reported", "datum waarop de persoonlijke omstandigheden zijn gemeld"),
    _F("hardship_request", ("beroep_hardheidsclausule", "verzoek_dispensatie"), BOOLEAN, True,
       "the student invoked the hardship clause or asked for dispensation (yes/no)",
       "de student doet een beroep op de hardheidsclausule of vraagt dispensatie (ja/nee)"),
    _F("study_mode", ("opleidingsvorm",), STUDY_MODE, False, "full_time, part_time or dual", "voltijd, deeltijd of duaal"),
    _F("cohort", ("instroomcohort", "instroomjaar"), ACADEMIC_YEAR, False, "cohort: academic year of first enrolment (2025-2026 or 2025)",
       "cohort: collegejaar van eerste inschrijving (2025-2026 of 2025)"),
    _F("first_registration_year", ("eerste_jaar_inschrijving_ho",), BOOLEAN, True,
       "this is the student's first year of registration in higher education (yes/no)",
       "dit is het eerste jaar van inschrijving in het hoger onderwijs (ja/nee)"),
    # Issue 19 item 5: hardship clauses, double enrolment, the MBO ground of a negative, onset dates.
    _F("exam_opportunities_used", ("alle_toetskansen_benut", "alle_kansen_benut", "all_exam_opportunities_used"),
       BOOLEAN, True, "the student used every exam opportunity of the year (yes/no)",
       "de student heeft alle toetskansen van het jaar benut (ja/nee)"),
    _F("programme_role", ("rol_opleiding", "hoofd_of_neven", "hoofd_nevenopleiding", "programme_role_main_side"),
       PROGRAMME_ROLE, True, "for a student in two programmes: this one is the main or the side study",
       "bij inschrijving voor twee opleidingen: deze is de hoofd- of de nevenopleiding"),
    _F("negative_ground", ("grond_negatief_advies", "grond_voorgenomen_advies", "ground_of_negative"),
       NEGATIVE_GROUND, True, "MBO: what the intended negative rests on: study_progress, attendance_only or both",
       "mbo: waarop het voorgenomen negatieve advies rust: studievoortgang, alleen aanwezigheid of beide"),
    _F("insufficient_components", ("aantal_onvoldoende_onderdelen", "onvoldoende_onderdelen",
                                   "number_of_insufficient_components"), COUNT, True,
       "MBO: number of components (onderdelen) with an insufficient result",
       "mbo: aantal onderdelen met een onvoldoende resultaat"),
    _F("circumstances_onset_date", ("begindatum_omstandigheden", "ingangsdatum_omstandigheden",
                                    "circumstances_onset"), DATE, True,
       "date the personal circumstances began", "datum waarop de persoonlijke omstandigheden begonnen"),
    # Read by `bsa-check letters` only (never by a rule): the language of the student's letter.
    _F("language", ("taal", "correspondentietaal", "voorkeurstaal"), TEXT, True,
       "the student's language for letters: nl or en (empty: --lang)",
       "de taal van de brieven aan de student: nl of en (leeg: --lang)"),
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
