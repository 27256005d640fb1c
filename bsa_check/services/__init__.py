"""Services: one command's work from records and a compiled rule set to result objects.

A service reads nothing and prints nothing itself (the CLI opens files and writes output); it
joins the reader's rows to the engine and returns plain objects for a report module to format.
"""
