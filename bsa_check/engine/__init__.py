"""The pure evaluator: ``compile`` turns a loaded rule set into closures and evaluates records;
``verdict`` holds the result objects. No I/O, no printing, no rich/typer, deterministic."""
