"""jsonl: one JSON object per data row (a verdict or the row's error)."""

from bsa_check.formats import CheckOutput
from bsa_check.report.machine import JsonlReporter

FORMAT = CheckOutput("jsonl", JsonlReporter)
