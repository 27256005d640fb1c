"""bsa-check: check Dutch binding study advice (BSA) rules and explain every verdict."""

__version__ = "0.1.0"
