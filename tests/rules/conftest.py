"""Collect the shipped rule test files (``*.bsa-test.yaml``) in this folder with the bsa-check plugin.

``pytest_plugins = ["bsa_check.testing.plugin"]`` would be the usual way, but pytest refuses it in a
conftest below the rootdir ("Defining 'pytest_plugins' in a non-top-level conftest is no longer
supported"). A conftest hook applies to its own folder, so this one collects the files here; it
steps aside when the plugin itself is registered (``pytest -p bsa_check.testing.plugin``, or the
plugin listed in tests/conftest.py), so no case runs twice.
"""

from bsa_check.testing.plugin import conftest_collect_file as pytest_collect_file  # noqa: F401
