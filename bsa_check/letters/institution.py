"""The institution's details for letters (``--institution FILE.yaml``): name, address, signer,
contact, and the appeal route; every text either one string or ``{nl: ..., en: ...}``.

Read with the rule files' safe YAML loader (no tags, no aliases, duplicate keys refused) and
checked by a strict model: an unknown key or a wrong type is an error at file:line:column (BSA805).
Where the file says nothing, the sector's default applies (:func:`defaults`): HO, objection or
appeal to the institution's examination appeals board (CBE) within six weeks (art. 7.61 WHW), then
the ABRvS; MBO, the school's own procedure. The coordinator may later fold this file into the
project configuration file; until then it is a separate option.

Example::

    name: Hogeschool Voorbeeldstad
    address: Postbus 1234
    postcode_city: 1000 AB Voorbeeldstad
    sender: {name: dr. A. Jansen, role: {nl: voorzitter examencommissie, en: chair of the examination board}}
    contact: studentdesk@voorbeeldstad.example
    examination_board: {nl: de examencommissie, en: the examination board}
    appeal:
      body: {nl: het College van beroep voor de examens, en: the Examination Appeals Board}
      weeks: 6
      address: Postbus 1235, 1000 AB Voorbeeldstad
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bsa_check.errors import ErrorList, Location, UsageError
from bsa_check.ruleset.model import Text
from bsa_check.ruleset.yamlsafe import load_yaml

Words = Union[str, Text]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sender(_Strict):
    name: str = Field(max_length=200)
    role: Words | None = None


class Appeal(_Strict):
    body: Words | None = None
    weeks: int | None = Field(default=None, ge=1, le=52)
    address: str | None = Field(default=None, max_length=500)
    route: Words | None = Field(default=None, description="the whole appeal sentence, replacing the default")


class Institution(_Strict):
    name: str = Field(max_length=200)
    address: str | None = Field(default=None, max_length=500)
    postcode_city: str | None = Field(default=None, max_length=200)
    sender: Sender | None = None
    contact: str | None = Field(default=None, max_length=300)
    examination_board: Words | None = None
    appeal: Appeal = Appeal()
    consequences: Words | None = Field(default=None, description="replaces the default consequences of a binding negative")


def words(value: Words | None, lang: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return str(getattr(value, lang))


def load_institution(path: str) -> Institution:
    """The institution file, or a UsageError/ErrorList with every problem located (BSA805)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--institution {path} cannot be read ({getattr(exc, 'strerror', None) or exc.__class__.__name__})",
                         location=Location(path), hint="give a UTF-8 YAML file with the institution's details",
                         code="BSA805") from None
    try:
        data, positions = load_yaml(text, path)
    except Exception as exc:  # the loader's RuleFileError: re-coded for this file kind
        raise UsageError(getattr(exc, "message", str(exc)), location=getattr(exc, "location", Location(path)),
                         hint=getattr(exc, "hint", None), code="BSA805") from None
    try:
        return Institution.model_validate(data)
    except ValidationError as exc:
        errors = []
        for e in exc.errors():
            loc = tuple(p for p in e["loc"] if not (isinstance(p, str) and p in ("str", "Text")))
            hint = "remove it (known: " + ", ".join(_fields_at(loc[:-1])) + ")" if e["type"] == "extra_forbidden" \
                else "see the example in the README, The year round"
            errors.append(UsageError(f"{'.'.join(map(str, loc)) or 'file'}: {e['msg']}",
                                     location=positions.locate(loc, key=e["type"] == "extra_forbidden"), hint=hint,
                                     code="BSA805"))
        raise ErrorList(errors) from None


def _fields_at(path: tuple[Any, ...]) -> list[str]:
    model: Any = Institution
    for key in path:
        field = model.model_fields.get(key) if isinstance(key, str) else None
        ann = getattr(field, "annotation", None)
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            model = ann
        else:
            break
    return sorted(model.model_fields)


DEFAULTS: dict[str, dict[str, dict[str, str]]] = {
    "ho": {
        "appeal_body": {"nl": "het College van beroep voor de examens (CBE) van de instelling",
                        "en": "the institution's Examination Appeals Board (College van beroep voor de examens, CBE)"},
        "appeal_route": {
            "nl": "Bent u het niet eens met dit besluit, dan kunt u binnen {weeks} weken na de dag waarop het is "
                  "bekendgemaakt beroep instellen bij {body} (art. 7.61 WHW). Tegen de uitspraak van het college "
                  "staat hoger beroep open bij de Afdeling bestuursrechtspraak van de Raad van State.",
            "en": "If you disagree with this decision, you can appeal to {body} within {weeks} weeks of the day it "
                  "was made known to you (WHW art. 7.61). The board's decision can be appealed to the "
                  "Administrative Jurisdiction Division of the Council of State."},
        "consequences": {
            "nl": "Met een bindend negatief advies eindigt uw inschrijving voor deze opleiding, met ingang van de "
                  "volgende maand (art. 7.8b lid 5 en art. 7.42 lid 3 WHW). U kunt zich daarna niet opnieuw voor "
                  "deze opleiding bij deze instelling inschrijven, tenzij een termijn aan het advies is verbonden "
                  "en die is verstreken, of u later overtuigend aantoont dat u de opleiding nu met succes kunt volgen.",
            "en": "With a binding negative advice your enrolment in this programme ends, from the following month "
                  "(WHW art. 7.8b lid 5 and art. 7.42 lid 3). You cannot enrol in this programme at this "
                  "institution again, unless a term was attached to the advice and has passed, or you later show "
                  "convincingly that you can now follow the programme successfully."},
        "examination_board": {"nl": "de examencommissie", "en": "the examination board"},
    },
    "mbo": {
        "appeal_body": {"nl": "de commissie van beroep voor de examens van de school",
                        "en": "the school's examination appeals committee (commissie van beroep voor de examens)"},
        "appeal_route": {
            "nl": "Bent u het niet eens met dit besluit, dan kunt u beroep instellen bij {body}, volgens de "
                  "procedure en binnen de termijn die de school in haar regels heeft vastgelegd.",
            "en": "If you disagree with this decision, you can appeal to {body}, following the procedure and "
                  "within the term set out in the school's rules."},
        "consequences": {
            "nl": "Met een bindend negatief advies eindigt uw inschrijving voor deze opleiding. De school helpt u "
                  "bij het vinden van een andere opleiding die beter bij u past.",
            "en": "With a binding negative advice your enrolment in this programme ends. The school will help "
                  "you find another programme that suits you better."},
        "examination_board": {"nl": "de school", "en": "the school"},
    },
}
DEFAULT_WEEKS = {"ho": 6, "mbo": None}
WEEKS_WORDS = {"nl": "{n} weken", "en": "{n} weeks"}
FILL_IN = {"nl": "[in te vullen]", "en": "[to be filled in]"}


def letter_values(inst: Institution | None, sector: str, lang: str) -> dict[str, Any]:
    """The institution's placeholder values for a letter in ``lang`` (defaults where unset)."""
    d = DEFAULTS[sector]
    blank = FILL_IN[lang]
    appeal = inst.appeal if inst else Appeal()
    body = words(appeal.body, lang) or d["appeal_body"][lang]
    weeks = appeal.weeks or DEFAULT_WEEKS[sector]
    route = words(appeal.route, lang)
    if route is None:
        route = d["appeal_route"][lang].replace("{body}", body).replace("{weeks}", str(weeks or ""))
    consequences = words(inst.consequences, lang) if inst else None
    return {
        "institution_name": inst.name if inst else blank,
        "institution_address": (inst.address if inst else None) or blank,
        "institution_postcode_city": (inst.postcode_city if inst else None) or blank,
        "sender_name": inst.sender.name if inst and inst.sender else blank,
        "sender_role": (words(inst.sender.role, lang) if inst and inst.sender else None) or "",
        "contact": (inst.contact if inst else None) or blank,
        "examination_board": (words(inst.examination_board, lang) if inst else None) or d["examination_board"][lang],
        "appeal_body": body,
        "appeal_term": WEEKS_WORDS[lang].format(n=weeks) if weeks else "",
        "appeal_address": appeal.address or blank,
        "appeal_route": route,
        "consequences": consequences or d["consequences"][lang],
    }
