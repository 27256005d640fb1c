"""csv: one row per data row, in the export's delimiter (for Excel with ``--excel``); can carry the
export's own columns (``--keep-columns``)."""

from bsa_check.formats import CheckOutput
from bsa_check.report.machine import CsvReporter

FORMAT = CheckOutput("csv", CsvReporter, csv=True, keeps_columns=True)
