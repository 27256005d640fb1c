"""Bundled rule sets (data only). Installed as the package ``bsa_check._rules``."""
