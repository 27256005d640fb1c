"""Rule sets as data: safe YAML with positions (``yamlsafe``), the format as pydantic models
(``model``), finding and loading files (``load``) and validation with legal lint (``validate``).
Nothing here runs code from a rule file."""
