"""``python -m bsa_check.codes --markdown``: print the README's code table (a maintainer's helper, see
``bsa_check.codes``)."""

import sys

from bsa_check.codes import markdown_table

if sys.argv[1:] == ["--markdown"]:
    sys.stdout.write(markdown_table())
