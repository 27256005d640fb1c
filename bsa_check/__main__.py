"""Entry point for ``python -m bsa_check``; behaves exactly like the ``bsa-check`` script."""

from bsa_check.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    main()
