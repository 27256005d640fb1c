"""The command line in Dutch (issue 18 item 5): help texts of commands and options, and click's own
words (``Usage:``, ``Options``, ``No such option``, ``Missing argument``, ...).

Chosen per run before the command line is parsed: ``--lang nl`` on the command line, else LC_ALL
(or LANG) starting with ``nl``. Kept outside ``bsa_check.i18n`` and light (standard library and ``bsa_check.formats``),
so ``bsa-check --help`` stays as fast as it is in English (tests/unit/test_startup.py).

The help texts are keyed by their English text, exactly as the option or command declares it;
tests/unit/test_i18n_coverage.py walks the command tree and fails on a help text without Dutch.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from bsa_check.formats import (CHECK_FORMAT_HELP, CHECK_FORMATS, COMPARE_FORMAT_HELP, COMPARE_FORMATS, DUE_FORMAT_HELP,
                               DUE_FORMATS, suffix_help)


def _format_help(names: tuple[str, ...]) -> str:
    """``formats.format_help`` in Dutch."""
    return f"Uitvoerformaat; standaard volgens de extensie van --output ({suffix_help(names)}), anders tekst."


HELP: dict[str, str] = {
    # the program and its root options
    "Check Dutch binding study advice (BSA) rules on student records, and explain every verdict.":
        "Controleer regels voor het bindend studieadvies (BSA) op studentgegevens, en leg elke uitkomst uit.",
    "Show the version and exit.": "Toon de versie en stop.",
    "Install completion for the current shell.": "Installeer het aanvullen van opdrachten voor deze shell.",
    "Show completion for the current shell, to copy it or customize the installation.":
        "Toon het aanvullen van opdrachten voor deze shell, om te kopiëren of de installatie aan te passen.",
    "Show this message and exit.": "Toon deze hulptekst en stop.",
    # check
    "One verdict per student: outcome, deciding rule, legal basis and reason.":
        "Eén uitkomst per student: uitkomst, beslissende regel, wettelijke grondslag en reden.",
    "Student records: CSV or text (any Excel variant), an .xlsx workbook, or - for standard input.":
        "Studentgegevens: CSV of tekst (elke Excel-variant), een .xlsx-werkmap, of - voor standaardinvoer.",
    "Bundled rule set name or path to a rule file; default from the configuration, else ho-current.":
        "Naam van een meegeleverde regelset of pad naar een regelbestand; standaard uit de configuratie, anders "
        "ho-current.",
    "Reference date (ISO or dd-mm-jjjj); default today.": "Peildatum (ISO of dd-mm-jjjj); standaard vandaag.",
    "Output language; default from LC_ALL/LANG.": "Taal van de uitvoer; standaard uit LC_ALL/LANG.",
    # check's --format: the suffixes of its formats (bsa_check.formats), as cli.options words it
    CHECK_FORMAT_HELP: _format_help(CHECK_FORMATS.names),
    "Write to this file (atomically) instead of stdout.":
        "Schrijf naar dit bestand (atomair) in plaats van naar standaarduitvoer.",
    "Override a rule-set parameter: NAME=VALUE.": "Overschrijf een parameter van de regelset: NAAM=WAARDE.",
    "Replace student numbers in the output by a keyed hash (key: $BSA_CHECK_PSEUDONYM_KEY or --pseudonym-key-file).":
        "Vervang studentnummers in de uitvoer door een hash met sleutel (sleutel: $BSA_CHECK_PSEUDONYM_KEY of "
        "--pseudonym-key-file).",
    "File holding the pseudonym key (instead of the environment variable).":
        "Bestand met de pseudoniemsleutel (in plaats van de omgevingsvariabele).",
    "Processes to use (default 1; auto: the available cores). Output is identical; text output is always one "
    "process.": "Aantal processen (standaard 1; auto: de beschikbare kernen). De uitvoer is gelijk; tekstuitvoer "
                "is altijd één proces.",
    "Processes to use (default 1). Output is identical; text output is always one process.":
        "Aantal processen (standaard 1). De uitvoer is gelijk; tekstuitvoer is altijd één proces.",
    "Column mapping file (YAML): the export's headers and value spellings onto bsa-check's fields; `bsa-check "
    "columns EXPORT` proposes one.": "Kolomkoppelingsbestand (YAML): de koppen en schrijfwijzen van de export op "
                                     "de velden van bsa-check; `bsa-check columns EXPORT` stelt er een voor.",
    "For an .xlsx workbook: the sheet to read (default: the mapping's, else the first).":
        "Voor een .xlsx-werkmap: het werkblad om te lezen (standaard: dat van de koppeling, anders het eerste).",
    "Only the counts per outcome (text, or json without the verdicts).":
        "Alleen de aantallen per uitkomst (tekst, of json zonder de uitkomsten per student).",
    "Write only the rows with these outcomes (e.g. negative,procedure_incomplete); the counts stay whole.":
        "Schrijf alleen de regels met deze uitkomsten (bijv. negative,procedure_incomplete); de aantallen blijven "
        "volledig.",
    "CSV for Excel: byte order mark, CRLF line ends, ';' between cells and a decimal comma; default: on when the "
    "input is a ';' CSV or an .xlsx workbook (Dutch Excel).":
        "CSV voor Excel: bytevolgordemarkering, CRLF-regeleinden, ';' tussen de cellen en een decimale komma; "
        "standaard aan als de invoer een ';'-CSV of een .xlsx-werkmap is (Nederlandse Excel).",
    "Carry these columns of the export (e.g. name, e-mail) into csv or xlsx output, for a mail merge.":
        "Neem deze kolommen van de export (bijv. naam, e-mail) mee naar csv- of xlsx-uitvoer, om samen te voegen.",
    "Carry every column of the export into csv or xlsx output.":
        "Neem elke kolom van de export mee naar csv- of xlsx-uitvoer.",
    # explain
    "One student's full decision: every check in order, values, legal basis, what would change it.":
        "De volledige beslissing voor één student: elke controle op volgorde, waarden, wettelijke grondslag, wat "
        "de uitkomst verandert.",
    "The student number to explain.": "Het studentnummer om uit te leggen.",
    "Rule set name or file; give it twice (or more) to compare regimes.":
        "Naam of bestand van een regelset; geef het twee keer (of vaker) om regimes te vergelijken.",
    # due
    "Per student, the procedural steps a lawful binding advice still needs, each with its last day (personal "
    "data).": "Per student de procedurestappen die een rechtmatig bindend advies nog nodig heeft, elk met de "
              "laatste dag (persoonsgegevens).",
    "Only steps whose last day is within DAYS.": "Alleen stappen waarvan de laatste dag binnen DAGEN valt.",
    DUE_FORMAT_HELP: _format_help(tuple(DUE_FORMATS)),
    # letters
    "One letter per student, warning or advice; letters are never pseudonymised (real student numbers).\n\n"
    "Refused, one line each: a binding negative letter for any outcome but negative (procedure\nincomplete names "
    "the missing step; needs review gets no binding letter) and a warning that can\nno longer leave the reasonable "
    "period before the latest advice date.":
        "Eén brief per student, waarschuwing of advies; brieven worden nooit gepseudonimiseerd (echte "
        "studentnummers).\n\nGeweigerd, met één regel elk: een bindend negatieve brief bij elke andere uitkomst "
        "dan negatief\n(procedure onvolledig noemt de ontbrekende stap; beoordeling nodig krijgt geen bindende "
        "brief)\nen een waarschuwing die de redelijke termijn vóór de uiterste adviesdatum niet meer kan laten.",
    "warning: to students who still need one; advice: the verdict.":
        "warning: aan studenten die er nog een nodig hebben; advice: de uitkomst.",
    "Folder for the letters (created 0700), one file per student.":
        "Map voor de brieven (aangemaakt met 0700), één bestand per student.",
    "Date of the letters (ISO or dd-mm-jjjj); default today.": "Datum van de brieven (ISO of dd-mm-jjjj); standaard "
                                                                "vandaag.",
    "Language of the letters; default from LC_ALL/LANG.": "Taal van de brieven; standaard uit LC_ALL/LANG.",
    "html (printable, self-contained) or docx (Word).": "html (af te drukken, op zichzelf staand) of docx (Word).",
    "YAML file with the institution's name, address, signer and appeal route.":
        "YAML-bestand met naam, adres, ondertekenaar en beroepsroute van de instelling.",
    "Folder with your own templates (same file names as the bundled ones).":
        "Map met eigen sjablonen (dezelfde bestandsnamen als de meegeleverde).",
    "Under a proposal (not law): write drafts, each marked as not law. Refused without it.":
        "Onder een voorstel (geen wet): schrijf concepten, elk gemarkeerd als geen wet. Zonder deze optie geweigerd.",
    # compare
    "How outcomes change between rule sets over a whole file: transitions, per programme, credits.":
        "Hoe uitkomsten tussen regelsets veranderen over een heel bestand: verschuivingen, per opleiding, "
        "studiepunten.",
    "Rule set name or file; at least twice. The first is the baseline (A).":
        "Naam of bestand van een regelset; minstens twee keer. De eerste is het uitgangspunt (A).",
    COMPARE_FORMAT_HELP: _format_help(tuple(COMPARE_FORMATS)),
    "Also list the students whose outcome changes, with both reasons (personal data).":
        "Noem ook de studenten van wie de uitkomst verandert, met beide redenen (persoonsgegevens).",
    # validate, test
    "Every problem of every rule file: structure, consistency, legal lint. Exit 1 if any error.":
        "Elk probleem van elk regelbestand: structuur, samenhang, juridische controle. Exit 1 bij een fout.",
    "Rule files, or folders searched recursively for them; a .md file is checked as a letter template.":
        "Regelbestanden, of mappen die erop worden doorzocht; een .md-bestand wordt gecontroleerd als "
        "briefsjabloon.",
    "Output format; default github when GITHUB_ACTIONS=true, else text.":
        "Uitvoerformaat; standaard github als GITHUB_ACTIONS=true, anders tekst.",
    "Also list the suppressed problems, each with its reason.": "Noem ook de onderdrukte problemen, elk met de reden.",
    "Language of the messages; default from LC_ALL/LANG.": "Taal van de meldingen; standaard uit LC_ALL/LANG.",
    "Run rule test cases (expected verdicts) through pytest; exit 1 on a failing case.":
        "Draai testgevallen voor regels (verwachte uitkomsten) met pytest; exit 1 als een geval faalt.",
    "pytest's own report (in English), one line per case.":
        "Het eigen verslag van pytest (in het Engels), één regel per geval.",
    "*.bsa-test.yaml files or folders (searched recursively).":
        "*.bsa-test.yaml-bestanden of mappen (die erop worden doorzocht).",
    "Also write JUnit XML to this file.": "Schrijf ook JUnit-XML naar dit bestand.",
    "Less output.": "Minder uitvoer.",
    # columns
    "Propose a column mapping file (--columns) from an export's header and a sample of its rows.\nExit 1 when a "
    "required field could not be placed.": "Stel een kolomkoppelingsbestand (--columns) voor uit de kopregel van "
                                           "een export en een steekproef van de regels.\nExit 1 als een verplicht "
                                           "veld niet geplaatst kon worden.",
    "Rule set(s) the mapping is for: their required columns are marked when missing.":
        "Regelset(s) waarvoor de koppeling is: hun verplichte kolommen worden gemarkeerd als ze ontbreken.",
    "Write the mapping to this file (atomically).": "Schrijf de koppeling naar dit bestand (atomair).",
    "Language of the summary; default from LC_ALL/LANG.": "Taal van de samenvatting; standaard uit LC_ALL/LANG.",
    # schema, rules, synth, codes
    "JSON Schema (draft-07) of the rule format, rule test files or column mapping files, for editors and CI.":
        "JSON-schema (draft-07) van het regelformaat, regeltestbestanden of kolomkoppelingsbestanden, voor "
        "editors en CI.",
    "Which schema: rules, tests or columns.": "Welk schema: rules, tests of columns.",
    "The bundled rule sets: name, title, legal status (law or proposal), valid from; --show NAME: one in full.":
        "De meegeleverde regelsets: naam, titel, juridische status (wet of voorstel), geldig vanaf; --show NAAM: "
        "één volledig.",
    "Output format.": "Uitvoerformaat.",
    "Print this bundled rule set in full (to read what a file extends).":
        "Druk deze meegeleverde regelset volledig af (om te lezen waarop een bestand voortbouwt).",
    "A synthetic, seeded cohort of first-year HO students (Dutch Excel CSV) for trying and benchmarking.":
        "Een synthetisch cohort eerstejaars HO-studenten met vaste seed (Nederlandse Excel-CSV) om te proberen en "
        "te meten.",
    "Number of students (data rows).": "Aantal studenten (gegevensregels).",
    "Random seed: the same seed gives the same file.": "Seed voor het toeval: dezelfde seed geeft hetzelfde bestand.",
    "Last academic year (2025 = 2025-2026).": "Laatste studiejaar (2025 = 2025-2026).",
    "Spread the rows over this many academic years.": "Verdeel de regels over zoveel studiejaren.",
    "What a problem code means: name, severity, explanation and an example.":
        "Wat een probleemcode betekent: naam, ernst, uitleg en een voorbeeld.",
    "A problem code, e.g. BSA256; none: list them all.": "Een probleemcode, bijv. BSA256; geen: toon ze allemaal.",
    "bsa-check FILE is short for bsa-check check FILE.": "bsa-check BESTAND is kort voor bsa-check check BESTAND.",
}

# click's own words (its gettext message ids), singular and plural
CLICK: dict[str, str] = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Arguments": "Argumenten",
    "Positional arguments": "Argumenten",
    "Commands": "Opdrachten",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
    "Aborted!": "Afgebroken.",
    "Missing command.": "Opdracht ontbreekt.",
    "Missing argument": "Argument ontbreekt",
    "Missing option": "Optie ontbreekt",
    "Missing parameter": "Parameter ontbreekt",
    "Missing parameter: {param_name}": "Parameter ontbreekt: {param_name}",
    "Missing {param_type}": "{param_type} ontbreekt",
    "argument": "argument", "option": "optie", "parameter": "parameter",
    "No such option: {name}": "Onbekende optie: {name}",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "Did you mean {possibility}?": "Bedoelt u {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Bedoelt u een van: {possibilities}?)",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Got unexpected extra argument ({args})": "Onverwacht extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Onverwachte extra argumenten ({args})",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Option {name!r} requires an argument.": "Optie {name!r} heeft een waarde nodig.",
    "Option {name!r} requires {nargs} arguments.": "Optie {name!r} heeft {nargs} waarden nodig.",
    "{value!r} is not {choice}.": "{value!r} is niet {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} is niet een van {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "integer": "geheel getal", "float": "getal",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} is geen geldige ja/nee-waarde. Bekende waarden: {states}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "file": "bestand", "directory": "map", "path": "pad",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "env var: {var}": "omgevingsvariabele: {var}",
    "(dynamic)": "(dynamisch)",
    "deprecated": "verouderd",
}

_CLICK_MODULES = ("click.core", "click.exceptions", "click.formatting", "click.parser", "click.types",
                  "click.decorators", "typer.core", "typer.main")

# The shapes of the command-line errors typer (its own copy of click) and its value checks write,
# in English only: (regex, Dutch; \g<name> carries a part over, (?P<_x>...) parts are translated too).
USAGE_ERRORS: list[tuple[str, str]] = [
    (r"No such option: (?P<name>\S+) \(Possible options: (?P<options>.*)\)",
     r"Onbekende optie: \g<name> (mogelijke opties: \g<options>)"),
    (r"No such option: (?P<name>.+)", r"Onbekende optie: \g<name>"),
    (r"No such command (?P<name>.+)\. Did you mean (?P<meant>.+)\?",
     r"Onbekende opdracht \g<name>. Bedoelt u \g<meant>?"),
    (r"No such command (?P<name>.+)\.", r"Onbekende opdracht \g<name>."),
    (r"Missing command\.", "Opdracht ontbreekt."),
    (r"Missing argument (?P<name>.+?)\.(?: Choose from:(?P<choices>.*))?",
     r"Argument \g<name> ontbreekt.\g<choices>"),
    (r"Missing option (?P<name>.+?)\.(?: Choose from:(?P<choices>.*))?", r"Optie \g<name> ontbreekt.\g<choices>"),
    (r"Missing parameter: (?P<name>.+)", r"Parameter ontbreekt: \g<name>"),
    (r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)", r"Onverwacht extra argument (\g<args>)"),
    (r"Option (?P<name>.+) requires an argument\.", r"Optie \g<name> heeft een waarde nodig."),
    (r"Option (?P<name>.+) requires (?P<n>\d+) arguments\.", r"Optie \g<name> heeft \g<n> waarden nodig."),
    (r"Option (?P<name>.+) does not take a value\.", r"Optie \g<name> neemt geen waarde."),
    (r"Invalid value for (?P<name>.+?): (?P<_why>.*)", r"Ongeldige waarde voor \g<name>: \g<_why>"),
    (r"Invalid value: (?P<_why>.*)", r"Ongeldige waarde: \g<_why>"),
    (r"Value error, (?P<value>.+) is not one of (?P<choices>.+)\.",
     r"\g<value> is niet een van \g<choices>."),
    (r"Value error, (?P<rest>.+)", r"\g<rest>"),
    (r"Input should be a valid integer.*", "moet een geheel getal zijn"),
    (r"Input should be a valid number.*", "moet een getal zijn"),
    (r"Input should be a valid boolean.*", "moet ja of nee zijn (true/false)"),
    (r"Input should be greater than or equal to (?P<n>\S+)", r"moet minstens \g<n> zijn"),
    (r"Input should be less than or equal to (?P<n>\S+)", r"mag hoogstens \g<n> zijn"),
    (r"Input should be greater than (?P<n>\S+)", r"moet groter zijn dan \g<n>"),
    (r"Input should be less than (?P<n>\S+)", r"moet kleiner zijn dan \g<n>"),
    (r"Input should be (?P<choices>.+)", r"moet \g<choices> zijn"),
    (r"(?P<label>File|Directory|Path) (?P<name>.+) does not exist\.", r"\g<name> bestaat niet."),
    (r"(?P<label>File|Directory|Path) (?P<name>.+) is a directory\.", r"\g<name> is een map."),
    (r"(?P<label>File|Directory|Path) (?P<name>.+) is a file\.", r"\g<name> is een bestand."),
    (r"(?P<label>File|Directory|Path) (?P<name>.+) is not readable\.", r"\g<name> is niet leesbaar."),
    (r"(?P<label>File|Directory|Path) (?P<name>.+) is not writable\.", r"\g<name> is niet schrijfbaar."),
    (r"Value (?P<value>.+) is not a valid (?P<type>.+)\.", r"Waarde \g<value> is geen geldige \g<type>."),
    (r"(?P<value>.+) is not a number from 1 to (?P<n>\d+), nor auto",
     r"\g<value> is geen getal van 1 tot en met \g<n>, en ook geen auto"),
]
_USAGE = [(re.compile(pattern + r"\Z", re.DOTALL), dutch) for pattern, dutch in USAGE_ERRORS]


def usage_message(text: str, depth: int = 0) -> str:
    """A command-line error of typer's in Dutch, by its shape; as it is when no shape fits."""
    for pattern, dutch in _USAGE:
        m = pattern.match(text)
        if m is None:
            continue
        if depth < 3:
            for name, value in m.groupdict().items():
                if name.startswith("_") and value:
                    dutch = dutch.replace(f"\\g<{name}>", usage_message(value, depth + 1).replace("\\", "\\\\"))
        return m.expand(dutch)
    return text


def _show_in_dutch(self: Any, file: Any = None) -> None:
    """``UsageError.show`` in Dutch: the usage line, where to find help, and the error."""
    from typer._click.utils import echo

    file = sys.stderr if file is None else file
    color = None
    if self.ctx is not None:
        color = self.ctx.color
        hint = ""
        if self.ctx.command.get_help_option(self.ctx) is not None:
            hint = f"Probeer '{self.ctx.command_path} {self.ctx.help_option_names[0]}' voor hulp.\n"
        echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=color)
    echo(f"Fout: {usage_message(self.format_message())}", file=file, color=color)


def _write_usage_in_dutch(original: Any) -> Any:
    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args, "Gebruik: " if prefix is None else prefix)

    return write_usage


def wanted(args: Sequence[str], environ: Mapping[str, str] | None = None) -> bool:
    """Dutch for this run: ``--lang nl`` (or ``--lang=nl``) in ``args``, else LC_ALL/LANG start with nl
    (``--lang en`` says English whatever the environment)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else \
            arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if value in ("nl", "en"):  # an unknown --lang is refused by the option, in the environment's language
            return value == "nl"
    env = os.environ if environ is None else environ
    return (env.get("LC_ALL") or env.get("LANG") or "").lower().startswith("nl")


def _gettext(message: str) -> str:
    return CLICK.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


_ORIGINALS: dict[tuple[Any, str], Any] = {}  # (module or class, name) -> what install() replaced


def _replace(owner: Any, name: str, value: Any) -> None:
    _ORIGINALS.setdefault((owner, name), getattr(owner, name))
    setattr(owner, name, value)


def install() -> None:
    """click's and typer's words in Dutch for this run (``uninstall`` puts the English back: a later
    run in the same process, e.g. in tests, may be English)."""
    exceptions = sys.modules.get("typer._click.exceptions")
    formatting = sys.modules.get("typer._click.formatting")
    core = sys.modules.get("typer._click.core")
    if _ORIGINALS:
        return
    if exceptions is not None:
        _replace(exceptions.UsageError, "show", _show_in_dutch)
    if formatting is not None:
        _replace(formatting.HelpFormatter, "write_usage", _write_usage_in_dutch(formatting.HelpFormatter.write_usage))
    if core is not None:
        original = core.Command.get_help_option

        def get_help_option(self: Any, ctx: Any) -> Any:
            option = original(self, ctx)
            if option is not None and option.help in HELP:
                option.help = HELP[option.help]
            return option

        _replace(core.Command, "get_help_option", get_help_option)
    for name in _CLICK_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            _replace(module, "_", _gettext)
        if hasattr(module, "ngettext"):
            _replace(module, "ngettext", _ngettext)


def uninstall() -> None:
    """The English words back (what :func:`install` replaced)."""
    for (owner, name), value in _ORIGINALS.items():
        setattr(owner, name, value)
    _ORIGINALS.clear()


def translate_tree(command: Any) -> None:
    """Every help text of ``command`` and its subcommands in Dutch (where the table has it)."""
    if getattr(command, "options_metavar", None) == "[OPTIONS]":
        command.options_metavar = "[OPTIES]"
    if getattr(command, "subcommand_metavar", None) == "COMMAND [ARGS]...":
        command.subcommand_metavar = "OPDRACHT [ARGUMENTEN]..."
    for attr in ("help", "short_help"):
        text = getattr(command, attr, None)
        if text and text in HELP:
            setattr(command, attr, HELP[text])
    for param in getattr(command, "params", []):
        if getattr(param, "help", None) in HELP:
            param.help = HELP[param.help]
    for sub in getattr(command, "commands", {}).values():
        translate_tree(sub)


def help_texts(command: Any) -> list[str]:
    """Every help text of ``command`` and its subcommands, as declared (for the coverage test)."""
    texts = [t for t in (getattr(command, "help", None), getattr(command, "short_help", None)) if t]
    texts += [p.help for p in getattr(command, "params", []) if getattr(p, "help", None)]
    for sub in getattr(command, "commands", {}).values():
        texts += help_texts(sub)
    return texts
