"""Problem codes of the legal lint (BSA25x-BSA26x): a rule set checked against the national frame
(WHW, WEB). Most block verdicts (``blocking=True``): a rule set that breaks the law decides nobody."""

from __future__ import annotations

from bsa_check.codes.model import ERROR, WARNING, Code, entry

ENTRIES: tuple[Code, ...] = (
    entry("BSA250", "norm-above-60", ERROR,
          ("a year-one norm above 60 EC", "No norm can lawfully ask more than a year's credits (WHW 7.8b). The rule set "
           "is refused for verdicts."),
          ("een norm voor jaar één boven 60 EC", "Geen norm mag meer vragen dan de studiepunten van een jaar (WHW "
           "7.8b). De regelset wordt geweigerd voor uitkomsten."),
          "norm_ec: {values: {2024-09-01: 75}}", blocking=True),
    entry("BSA251", "proposal-norm-above-cap", ERROR,
          ("a norm above the 2023 proposal's cap", "Under scenario proposed_2023 the year-one norm is at most 30 EC and "
           "the check after two years at most 60 EC (Kamerstukken II 31 288/31 524, nr. 1039)."),
          ("een norm boven het plafond van het voorstel uit 2023", "Onder scenario proposed_2023 is de norm voor jaar één "
           "hoogstens 30 EC en na twee jaar hoogstens 60 EC (Kamerstukken II 31 288/31 524, nr. 1039)."),
          "scenario: proposed_2023\\nnorm_ec: {values: {2025-09-01: 36}}", blocking=True),
    entry("BSA252", "mbo-credit-norm", ERROR,
          ("a credit norm in an MBO rule set", "MBO has no credit norm in law (WEB 8.1.7a): a binding negative follows a "
           "procedure; test the procedure, not credits."),
          ("een studiepuntennorm in een mbo-regelset", "Het mbo kent wettelijk geen studiepuntennorm (WEB 8.1.7a): een "
           "bindend negatief advies volgt op een procedure; toets de procedure, niet studiepunten."),
          "sector: mbo\\nwhen: {field: ec_year1, lt: 30}", blocking=True),
    entry("BSA253", "negative-without-steps", ERROR,
          ("a binding negative reachable without warning, hearing or advice window", "Preconditions must require the "
           "written warning and the hearing (WHW 7.8b lid 4; the proposal adds the conversation), and (HO) keep the "
           "advice date at the end of the year and within it."),
          ("een bindend negatief advies zonder waarschuwing, horen of adviesvenster", "Voorwaarden moeten de schriftelijke "
           "waarschuwing en het horen vereisen (WHW 7.8b lid 4; het voorstel voegt het gesprek toe) en (HO) de "
           "adviesdatum aan het eind van en binnen het jaar houden."),
          "outcome: negative\\nrequires: [{id: warning, when: {field: warning_date, is_set: true}}]   (no hearing)",
          blocking=True),
    entry("BSA254", "unlisted-circumstance", ERROR,
          ("a personal-circumstance category outside Uitvoeringsbesluit WHW art. 2.1", "The statutory list is exclusive; "
           "list another category under designated_circumstances where the OER designates it (e.g. top_sport)."),
          ("een categorie persoonlijke omstandigheden buiten Uitvoeringsbesluit WHW art. 2.1", "De wettelijke lijst is "
           "uitputtend; noem een andere categorie onder designated_circumstances als de OER die aanwijst (bijv. "
           "top_sport)."),
          "when: {field: personal_circumstances, contains: top_sport}"),
    entry("BSA255", "proposal-labelled-law", ERROR,
          ("scenario proposed_2023 labelled as law", "Set legal_status: proposal, so every verdict says it is not law."),
          ("scenario proposed_2023 gelabeld als wet", "Zet legal_status: proposal, zodat elke uitkomst zegt dat het geen "
           "wet is."),
          "scenario: proposed_2023\\nlegal_status: law", blocking=True),
    entry("BSA256", "review-without-decider", WARNING,
          ("a needs_review rule that does not say who decides", "In a rule set with provenance, name who decides under "
           "decided_by (examination board, BSA committee)."),
          ("een needs_review-regel die niet zegt wie beslist", "In een regelset met provenance: noem onder decided_by wie "
           "beslist (examencommissie, bsa-commissie)."),
          "outcome: needs_review   (no decided_by)"),
    entry("BSA257", "negative-ignores-circumstances", ERROR,
          ("a binding negative while personal circumstances are not weighed", "HO: put a rule before it that gives "
           "needs_review (not weighed, accepted) or postponed (WHW 7.8b lid 3, Uitvoeringsbesluit WHW art. 2.1)."),
          ("een bindend negatief advies terwijl persoonlijke omstandigheden niet gewogen zijn", "HO: zet er een regel "
           "voor die needs_review (niet gewogen, aanvaard) of postponed geeft (WHW 7.8b lid 3, Uitvoeringsbesluit WHW "
           "art. 2.1)."),
          "a rule set whose rules never read personal_circumstances", blocking=True),
    entry("BSA258", "negative-ignores-propaedeutic", ERROR,
          ("a binding negative without reading the propaedeutic exam", "After the propaedeutic exam no binding negative "
           "is possible (WHW 7.8b lid 2): put a positive rule for propaedeutic_passed before it."),
          ("een bindend negatief advies zonder de propedeuse te lezen", "Na de propedeuse is geen bindend negatief advies "
           "mogelijk (WHW 7.8b lid 2): zet er een positieve regel voor propaedeutic_passed voor."),
          "a rule set whose rules never read propaedeutic_passed", blocking=True),
    entry("BSA259", "requires-without-reason", ERROR,
          ("preconditions without reason_if_missing", "Its procedure_incomplete verdict would give the negative's own "
           "reason; add reason_if_missing (nl and en) naming {missing}."),
          ("voorwaarden zonder reason_if_missing", "De uitkomst procedure_incomplete zou de reden van het negatieve advies "
           "geven; voeg reason_if_missing (nl en en) toe met {missing}."),
          "outcome: negative\\nrequires: [...]   (no reason_if_missing)"),
    entry("BSA260", "choices-or-earlier-ruleset", ERROR,
          ("a closed set of text values misused, or before_valid_from that cannot be followed",
           "choices are for text parameters; a text parameter is only compared with one of its choices (a misspelling "
           "would silently switch to the other reading); before_valid_from names a bundled rule set or a file that does "
           "not itself delegate (one step only)."),
          ("een gesloten lijst tekstwaarden verkeerd gebruikt, of before_valid_from die niet te volgen is",
           "choices zijn voor tekstparameters; een tekstparameter wordt alleen vergeleken met een van zijn choices (een "
           "tikfout zou stil naar de andere lezing schakelen); before_valid_from noemt een meegeleverde regelset of een "
           "bestand dat zelf niet doorverwijst (een stap)."),
          "year2_counts: {type: text, choices: [first_year_units, cumulative]}  then  {eq: first_year_unit}"),
    entry("BSA265", "unsafe-optional-column", ERROR,
          ("an optional column whose absence can make a binding negative more likely",
           "Personal circumstances and their decision, the propaedeutic exam and a deregistration (and any field whose "
           "empty value lets a binding negative decide on a test record where a recorded value would not) may not be "
           "listed under optional_columns: an export without the column must stop, naming it (WHW 7.8b lid 2-4)."),
          ("een optionele kolom waarvan het ontbreken een bindend negatief advies waarschijnlijker maakt",
           "Persoonlijke omstandigheden en het besluit daarover, de propedeuse en een uitschrijving (en elk veld waarvan "
           "een lege waarde op een testrecord een bindend negatief advies laat beslissen waar een ingevulde waarde dat "
           "niet doet) mogen niet onder optional_columns staan: een export zonder die kolom moet stoppen en hem noemen "
           "(WHW 7.8b lid 2-4)."),
          "optional_columns: [personal_circumstances]", blocking=True),
)
