"""Student records: the field registry (``fields``), cell parsers (``parse``) and the streaming CSV
reader (``reader``). Owns turning an export into plain dicts of typed values with located errors;
it never evaluates rules and never logs record content."""
