"""Services: one command's work from records and a compiled rule set to result objects.

Two kinds. The pure ones (``due``, ``due_planner``) read nothing and print nothing: they join the
reader's rows to the engine and return plain objects for a report module to format. The ``*_run``
modules are the command bodies the CLI calls (issue 16 item 5): they open the records and the
output, write the report, put the notes on stderr and raise the tool's own errors, but neither parse
options nor exit; the CLI (:mod:`bsa_check.cli`) chooses, calls one, and sets the exit code.
``common`` and ``notes`` hold what the bodies share.
"""
