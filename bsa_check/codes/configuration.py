"""Problem codes of the files that set a run up: column mapping files (BSA6xx), the configuration
file and inline suppressions (BSA7xx)."""

from __future__ import annotations

from bsa_check.codes.model import ERROR, WARNING, Code, entry

ENTRIES: tuple[Code, ...] = (
    entry("BSA600", "mapping-unreadable", ERROR,
          ('a column mapping file is missing or not YAML', 'Check the path given to --columns or in the configuration, and the YAML syntax.'),
          ('een toewijzingsbestand ontbreekt of is geen YAML', 'Controleer het pad bij --columns of in de configuratie, en de YAML-syntaxis.'),
          '--columns osiris.yml  (no such file)'),
    entry("BSA601", "mapping-format", ERROR,
          ('a column mapping file is not in the mapping format', 'An unknown key or a wrong type; bsa-check schema columns gives the JSON Schema for editors.'),
          ('een toewijzingsbestand heeft niet het toewijzingsformaat', 'Een onbekende sleutel of een verkeerd type; bsa-check schema columns geeft het JSON Schema voor editors.'),
          'colums: {...}'),
    entry("BSA602", "mapping-unknown-field", ERROR,
          ('a mapping names a field that does not exist', "Use a canonical field name (the README's field table); the message suggests the nearest."),
          ('een toewijzing noemt een veld dat niet bestaat', 'Gebruik een veldnaam uit de veldentabel van de README; de melding stelt de dichtstbijzijnde voor.'),
          'columns: {ec_jaar: Behaalde EC}'),
    entry("BSA603", "mapping-unknown-header", ERROR,
          ('a mapping names a header the export does not have', 'Copy the header as the export writes it; the message suggests the nearest header.'),
          ('een toewijzing noemt een kolomkop die de export niet heeft', 'Neem de kolomkop over zoals de export hem schrijft; de melding stelt de dichtstbijzijnde voor.'),
          'ec_year1: Behaalde ECs'),
    entry("BSA604", "mapping-bad-value", ERROR,
          ('a mapped value spelling the field does not read', "values: maps the export's spellings onto ones the field reads (ja/nee, a circumstance, a decision)."),
          ('een toegewezen waarde die het veld niet leest', 'values: vertaalt de schrijfwijzen van de export naar waarden die het veld leest (ja/nee, een omstandigheid, een besluit).'),
          'part_time: {header: VT/DT, values: {VT: misschien}}'),
    entry("BSA605", "mapping-misplaced-option", ERROR,
          ('values: or numbers_as_text where it does not belong', 'values: is not for the student number or programme; numbers_as_text only for text fields.'),
          ('values: of numbers_as_text op een plek waar het niet hoort', 'values: is niet voor studentnummer of opleiding; numbers_as_text alleen voor tekstvelden.'),
          'student_id: {header: Studentnr, values: {...}}'),
    entry("BSA606", "mapping-header-twice", ERROR,
          ('one export header mapped to two fields', 'Each header feeds one field; remove one of the two.'),
          ('een kolomkop toegewezen aan twee velden', 'Elke kolomkop voedt een veld; verwijder een van de twee.'),
          'ec_year1: EC\\nec_total: EC'),

    # --- BSA7xx configuration and suppression --------------------------------------------------------
    entry("BSA700", "config-invalid", ERROR,
          ("the configuration cannot be read", "[tool.bsa-check] in pyproject.toml or .bsa-check.yaml has a syntax "
           "error, an unknown key or a value of the wrong kind (exit 2). Keys: rules, lang, columns, ignore."),
          ("de configuratie is niet te lezen", "[tool.bsa-check] in pyproject.toml of .bsa-check.yaml heeft een "
           "syntaxfout, een onbekende sleutel of een waarde van de verkeerde soort (exit 2). Sleutels: rules, lang, "
           "columns, ignore."),
          "[tool.bsa-check]\\nlanguage = \"nl\"   (did you mean 'lang'?)"),
    entry("BSA701", "suppression-without-reason", ERROR,
          ("an inline suppression without a reason", "Write why the warning does not apply: # bsa-check: "
           "ignore[BSA256] the examination board decides (OER art. 5)."),
          ("een onderdrukking zonder reden", "Schrijf waarom de waarschuwing niet geldt: # bsa-check: ignore[BSA256] de "
           "examencommissie beslist (OER art. 5)."),
          "outcome: needs_review  # bsa-check: ignore[BSA256]"),
    entry("BSA702", "blocking-error-suppressed", ERROR,
          ("an error that blocks verdicts cannot be suppressed", "A legal-lint error (BSA234, BSA250-BSA253, BSA255, "
           "BSA257, BSA258) makes the rule set unusable for verdicts; fix the rule set. The suppressed error is reported too."),
          ("een fout die uitkomsten blokkeert kan niet onderdrukt worden", "Een fout uit de juridische controle "
           "(BSA234, BSA250-BSA253, BSA255, BSA257, BSA258) maakt de regelset onbruikbaar voor uitkomsten; verbeter de regelset. "
           "De onderdrukte fout wordt ook gemeld."),
          "values: {2024-09-01: 75}  # bsa-check: ignore[BSA250] we want it"),
    entry("BSA703", "unused-suppression", WARNING,
          ("an inline suppression that suppresses nothing", "No problem with that code is reported on the line it "
           "applies to (its own line, or for a comment on a line of its own the next line); remove it, or check the "
           "code."),
          ("een onderdrukking die niets onderdrukt", "Op de regel waar hij voor geldt (zijn eigen regel, of bij een "
           "commentaar op een eigen regel de volgende regel) wordt geen probleem met die code gemeld; verwijder hem, of "
           "controleer de code."),
          "name: x  # bsa-check: ignore[BSA256] not relevant"),
)
