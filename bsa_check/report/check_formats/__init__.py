"""``check``'s output formats, one module each: the module's name is the ``--format`` name.

A module declares its format as ``FORMAT``, a :class:`bsa_check.formats.CheckOutput` (its reporter
class and facts), and its docstring says what the format writes. ``bsa_check.formats.CHECK_FORMATS``
finds the modules without importing them and imports one only when its format is chosen, so a new
format is one new module here (the ``--format`` choices, the ``--output`` suffix ``.NAME``, the
reporter factory and the streaming choice follow from it).
"""
