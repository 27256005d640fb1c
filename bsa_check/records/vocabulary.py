"""The header names student information systems use, per canonical field (for proposing a mapping).

Owns: the Dutch and English spellings seen in exports of Osiris, Progress, PeopleSoft Campus
Solutions and Studielink (and plain advisor spreadsheets), per canonical record field; and the
words that mark a column as a procedure step (a warning, a hearing, a conversation).

These are *candidates* for ``bsa-check columns`` to propose (each proposal marked as a guess unless
it is the canonical name or a Dutch alias the reader already accepts). The reader itself never
reads a column by this vocabulary: a header it does not know stays unknown until a mapping names
it, so nothing is guessed at check time.

Must not: do I/O, or hold institution-specific or personal data.
"""

from __future__ import annotations

from bsa_check.records.fields import FIELDS, normalise_header

__all__ = ["VOCABULARY", "SYSTEMS", "procedure_step_of", "candidates"]

# field -> spellings (any case; spaces, '-' and '_' are equivalent). Sources: the field names of
# the systems' standard BSA/progress reports as institutions publish them (Osiris "Studievoortgang",
# Progress "Voortgangsoverzicht", PeopleSoft Campus Solutions record fields, Studielink's
# "inschrijving" fields); none is authoritative, so every match here is a guess to confirm.
VOCABULARY: dict[str, tuple[str, ...]] = {
    "student_id": ("studentnummer", "studentnr", "student nr", "stud nr", "student number", "student id",
                   "studentid", "emplid", "student", "sis id", "id student", "nummer student"),
    "programme": ("opleiding", "opleidingscode", "opleidings code", "croho", "croho code", "crohocode",
                  "isat", "isat code", "crebo", "acad prog", "academic program", "program", "programme",
                  "programme code", "program code", "opleidingsnummer", "code opleiding"),
    "academic_year": ("collegejaar", "studiejaar", "academiejaar", "academic year", "acad year", "jaar",
                      "aanvangsjaar collegejaar", "strm", "term"),
    "enrolment_date": ("inschrijfdatum", "datum inschrijving", "inschrijvingsdatum", "ingangsdatum",
                       "ingangsdatum inschrijving", "begindatum inschrijving", "datum eerste inschrijving",
                       "enrolment date", "enrollment date", "admit date", "prog action date", "effdt",
                       "startdatum inschrijving"),
    "deregistration_date": ("uitschrijfdatum", "datum uitschrijving", "uitschrijvingsdatum",
                            "einddatum inschrijving", "einddatum", "deregistration date", "withdrawal date",
                            "withdraw date", "discontinuation date"),
    "year_of_enrolment": ("inschrijvingsjaar", "jaar van inschrijving", "inschrijvingsjaar opleiding",
                          "studiejaar opleiding", "jaar inschrijving", "year of enrolment", "year of enrollment",
                          "academic level", "acad level", "year in programme", "leerjaar"),
    "ec_year1": ("ec jaar1", "ec jaar 1", "behaalde ec", "behaalde studiepunten", "studiepunten jaar 1",
                 "ec behaald", "behaald ec", "aantal ec", "studiepunten", "ec propedeuse", "credits year 1",
                 "ec year 1", "credits earned", "unt passd prgrss", "units passed", "behaalde punten"),
    "ec_total": ("ec totaal", "totaal ec", "totaal behaalde ec", "cumulatief ec", "ec cumulatief",
                 "total credits", "cumulative credits", "tot cumulative", "unt taken prgrss"),
    "part_time": ("deeltijd", "deeltijd j n", "is deeltijd", "part time", "parttime"),
    "study_mode": ("opleidingsvorm", "vorm", "studievorm", "voltijd deeltijd", "acad load", "study mode",
                   "mode of study", "vt dt"),
    "propaedeutic_passed": ("propedeuse behaald", "propedeuse", "propedeusediploma", "p diploma",
                            "propaedeutic passed", "propaedeutic exam passed", "propedeuse gehaald"),
    "personal_circumstances": ("persoonlijke omstandigheden", "omstandigheden", "bijzondere omstandigheden",
                               "gemelde omstandigheden", "personal circumstances", "circumstances"),
    "circumstances_decision": ("besluit omstandigheden", "besluit", "beslissing omstandigheden",
                               "circumstances decision", "decision"),
    "warning_date": ("waarschuwingsdatum", "waarschuwing", "datum waarschuwing", "waarschuwing verstuurd",
                     "datum waarschuwingsbrief", "schriftelijke waarschuwing", "warning date", "warning",
                     "warning sent", "bsa waarschuwing", "voorlopig advies datum"),
    "hearing_date": ("hoordatum", "hoorzitting", "datum hoorzitting", "gehoord", "datum gehoord",
                     "hoorgesprek", "hearing date", "hearing", "heard", "hearing offered"),
    "conversation_date": ("gespreksdatum", "gesprek", "datum gesprek", "studiegesprek", "bsa gesprek",
                          "persoonlijk gesprek", "conversation date", "conversation", "meeting date"),
    "passed_units": ("behaalde onderdelen", "behaalde vakken", "passed units", "passed courses"),
    "intended_advice": ("voorgenomen advies", "advies", "intended advice"),
    "advice_date": ("adviesdatum", "datum advies", "datum bsa", "bsa datum", "advice date"),
    "date_of_birth": ("geboortedatum", "date of birth", "birthdate", "birth date"),
    "cohort": ("instroomcohort", "cohort", "instroomjaar", "admit term"),
}

SYSTEMS = ("Osiris", "Progress", "PeopleSoft Campus Solutions", "Studielink")

# Words that mark a column as a procedure step; a column holding one is never silently ignored.
_STEP_WORDS: tuple[tuple[str, str], ...] = (
    ("waarschuw", "warning_date"), ("warning", "warning_date"), ("warned", "warning_date"),
    ("hoorzitting", "hearing_date"), ("hoordatum", "hearing_date"), ("gehoord", "hearing_date"),
    ("hoorgesprek", "hearing_date"), ("hearing", "hearing_date"), ("heard", "hearing_date"),
    ("gesprek", "conversation_date"), ("conversation", "conversation_date"),
)
# ... but not these, which are other fields' words (progress talks: MBO's count)
_NOT_STEPS = ("voortgangsgesprek", "progress_talk", "aantal")


def procedure_step_of(header: str) -> str | None:
    """The procedure-step field a header seems to hold, or ``None``."""
    key = normalise_header(header)
    if any(w in key for w in _NOT_STEPS):
        return None
    for word, field in _STEP_WORDS:
        if word in key:
            return field
    return None


def candidates() -> dict[str, str]:
    """Normalised spelling -> field, over the reader's own names and the SIS vocabulary."""
    out: dict[str, str] = {}
    for name, spellings in VOCABULARY.items():
        for s in spellings:
            out.setdefault(normalise_header(s), name)
    for spec in FIELDS:  # the reader's own spellings win
        for s in (spec.name, *spec.aliases):
            out[normalise_header(s)] = spec.name
    return out
