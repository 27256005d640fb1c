"""text: a table (or, narrower than the table, one block per student) and a summary, streamed; one
process; ``--summary`` prints the summary alone."""

from bsa_check.formats import CheckOutput
from bsa_check.report.text import TextReporter

FORMAT = CheckOutput("text", TextReporter, whole_results=True, counts_alone=True)
