"""xlsx: a workbook with a sheet of verdicts and a summary sheet; binary (refused for a terminal), one
process; can carry the export's own columns (``--keep-columns``)."""

from bsa_check.formats import CheckOutput
from bsa_check.report.xlsx import XlsxReporter

FORMAT = CheckOutput("xlsx", XlsxReporter, whole_results=True, binary=True, keeps_columns=True)
