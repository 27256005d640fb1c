"""json: one document with ``format_version``, ``ruleset``, ``verdicts``, ``errors`` and ``summary``;
``--summary`` writes it with an empty ``verdicts`` list."""

from bsa_check.formats import CheckOutput
from bsa_check.report.machine import JsonReporter

FORMAT = CheckOutput("json", JsonReporter, counts_alone=True)
