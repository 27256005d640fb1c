"""Rule tests: ``*.bsa-test.yaml`` files that pin the verdicts of a rule set, run with pytest.

Modules: ``model`` (the file format as pydantic models, and its JSON Schema), ``load`` (located
loading and the rule-set cache), ``check`` (run one case, expected against actual), ``plugin``
(the pytest plugin: ``pytest -p bsa_check.testing.plugin``) and ``runner`` (``run()``, the
service behind ``bsa-check test``). Importing this package does not import pytest.
"""

from bsa_check.testing.model import TEST_FILE_SUFFIX, TESTS_SCHEMA_FILE, tests_schema, tests_schema_text

__all__ = ["TEST_FILE_SUFFIX", "TESTS_SCHEMA_FILE", "tests_schema", "tests_schema_text"]
