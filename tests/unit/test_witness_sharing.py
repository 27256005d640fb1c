"""The legal lint draws its witness records once per rule set and shares them (issue 8): each lint
must still see exactly the records ``sample_records`` gives for its ``n``, and changing one must not
change what the next lint sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from bsa_check.engine.compile import compile_ruleset
from bsa_check.ruleset.load import load, load_file
from bsa_check.ruleset.validate import Linter
from bsa_check.ruleset.witnesses import sample_records

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("ruleset", ["ho-current", "ho-proposed-2023", "mbo",
                                     str(ROOT / "examples" / "oer" / "universiteit-aalburg.yaml")])
def test_shared_witnesses_are_the_sampled_records(ruleset: str) -> None:
    loaded = load_file(Path(ruleset)) if ruleset.endswith(".yaml") else load(ruleset)
    compiled = compile_ruleset(loaded)
    linter = Linter(loaded, compiled)
    for n in (100, 300, 100, 600, 1500, 300):
        shared = list(linter.witnesses(n))
        assert shared == list(sample_records(loaded.model, compiled, n=n))
        for record, _ in shared:  # a lint changes its copies; the next lint must not see that
            record.clear()
    assert len(list(linter.witnesses(2000))) == 1500  # never more than the sample has
