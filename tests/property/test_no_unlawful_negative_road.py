"""No silent road to an unlawful negative (issue 14, item 8), as hypothesis properties.

1. No record gets ``negative`` under a bundled or gallery rule set, or a variant of one, for which
   ``validate`` reports an error: ``check`` refuses such a rule set (exit 2, nothing on stdout).
   The variants break what the law requires: personal circumstances weighed (WHW art. 7.8b lid 3,
   Uitvoeringsbesluit WHW 2008 art. 2.1 lid 1), the propaedeutic exam (lid 2), warning and hearing
   (lid 4), a norm within what the year offers, a closed list of circumstances.
2. No binding negative is reachable while a statutory precondition's column is absent from the
   export: the run stops (exit 2, the column named), or, for a procedural step whose absence blocks
   the negative (warning, hearing, conversation), no row is ``negative``.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml
from hypothesis import given, note, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.records.fields import HEADER_INDEX, normalise_header
from bsa_check.engine.compile import compile_ruleset
from bsa_check.ruleset.extends import merge_chain
from bsa_check.ruleset.load import bundled_rule_files, load_file
from bsa_check.ruleset.validate import validate_path
from bsa_check.ruleset.yamlsafe import load_yaml
from tests.conftest import EXAMPLES

runner = CliRunner()
AS_OF = "2026-08-20"
BUNDLED = bundled_rule_files()
# rule set -> an export it reads (every column it requires)
PAIRS: dict[str, tuple[Path, Path]] = {
    "ho-current": (BUNDLED["ho-current"], EXAMPLES / "students.csv"),
    "ho-proposed-2023": (BUNDLED["ho-proposed-2023"], EXAMPLES / "students.csv"),
    "mbo": (BUNDLED["mbo"], EXAMPLES / "mbo.csv"),
    **{p.stem: (p, p.with_suffix(".csv")) for p in sorted((EXAMPLES / "oer").glob("*.yaml"))},
}
# fields that are statutory preconditions of a binding negative (or protect against one)
STATUTORY = ("personal_circumstances", "circumstances_decision", "propaedeutic_passed", "warning_date", "hearing_date",
             "conversation_date", "deregistration_date", "improvement_deadline", "progress_talks")


class _Dumper(yaml.SafeDumper):
    """Writes a rule set's exact decimals (the loader reads numbers as Decimal) as plain numbers."""


_Dumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", str(v)))


def dump(doc: dict) -> str:
    return yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


def flat(path: Path) -> dict:
    """The rule set as the legal lint judges it: a file that ``extends`` merged with its parents and
    its named precondition sets written out, so a mutation reaches what a gallery file inherits (the
    warning and hearing live in ho-current) as surely as what it writes itself."""
    raw = path.read_bytes()
    data, positions = load_yaml(raw.decode("utf-8"), str(path), strict_scalars=True)
    doc = merge_chain(data, positions, path, raw).data
    doc.pop("extends", None)
    doc.pop("preconditions", None)  # expanded into each rule's requires
    return doc


def _rules(doc: dict) -> list:
    return doc.setdefault("rules", [])


def optional(field: str):  # type: ignore[no-untyped-def]
    def mutate(doc: dict) -> None:
        doc["optional_columns"] = [*doc.get("optional_columns", []), field]
    return mutate


def no_hearing(doc: dict) -> None:
    for rule in _rules(doc):
        if rule.get("outcome") == "negative":
            rule["requires"] = [p for p in rule.get("requires", []) if "hear" not in p["id"] and "hoor" not in p["id"]]


def no_circumstances_rules(doc: dict) -> None:
    doc["rules"] = [r for r in _rules(doc) if r.get("outcome") == "negative" or "circumstances" not in str(r.get("when"))]


def earlier_high_norm(doc: dict) -> None:
    for name, p in doc.get("parameters", {}).items():
        if p.get("type") == "decimal" and "norm" in name:
            p["values"] = {date(2019, 9, 1): 75, **p["values"]}


def unlisted_circumstance(doc: dict) -> None:
    _rules(doc).insert(0, {"id": "lg_other", "when": {"field": "personal_circumstances", "contains": "other"},
                           "outcome": "needs_review", "legal_basis": {"law": "OER"}, "reason": {"nl": "x", "en": "x"}})


MUTATIONS = {
    "optional personal_circumstances": optional("personal_circumstances"),
    "optional circumstances_decision": optional("circumstances_decision"),
    "optional propaedeutic_passed": optional("propaedeutic_passed"),
    "optional deregistration_date": optional("deregistration_date"),
    "no hearing": no_hearing,
    "no circumstances rules": no_circumstances_rules,
    "earlier norm of 75 EC": earlier_high_norm,
    "unlisted circumstance": unlisted_circumstance,
}


def outcomes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [json.loads(line)["outcome"] for line in result.stdout.splitlines() if line.strip()]


def test_every_bundled_and_gallery_rule_set_is_usable_and_gives_negatives() -> None:
    """The baseline the properties lean on: each pair validates clean and (HO and MBO alike) gives binding
    negatives on its own export, so refusing or blocking them below is a real difference."""
    for name, (rules, students) in PAIRS.items():
        assert not [p for p in validate_path(rules) if p.severity == "error"], name
        result = runner.invoke(app, ["check", str(students), "--rules", str(rules), "--as-of", AS_OF, "--format", "jsonl"])
        assert result.exit_code == 0, (name, result.stderr)
        if name != "tu-delta":  # its final advice falls after AS_OF: interim advice only
            assert "negative" in outcomes(result), name


def test_the_flattened_rule_set_is_the_rule_set() -> None:
    """The mutations below work on :func:`flat`; unmutated, it validates clean and decides every
    record exactly as the file itself (so a refused mutation is the mutation's doing)."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, (rules, students) in PAIRS.items():
            path = Path(tmp) / f"{name}.yaml"
            path.write_text(dump(flat(rules)), encoding="utf-8")
            assert not [p for p in validate_path(path) if p.severity == "error"], name
            runs = [runner.invoke(app, ["check", str(students), "--rules", str(r), "--as-of", AS_OF, "--format", "jsonl"])
                    for r in (rules, path)]
            assert [outcomes(r) for r in runs[:1]] == [outcomes(r) for r in runs[1:]], name


def test_each_mutation_breaks_ho_current() -> None:
    """The mutations are meaningful: each gives ho-current a validate error."""
    doc = flat(PAIRS["ho-current"][0])
    with tempfile.TemporaryDirectory() as tmp:
        for label, mutate in MUTATIONS.items():
            mutated = copy.deepcopy(doc)
            mutate(mutated)
            path = Path(tmp) / "m.yaml"
            path.write_text(dump(mutated), encoding="utf-8")
            assert [p for p in validate_path(path) if p.severity == "error"], label


@settings(max_examples=20, deadline=None)
@given(name=st.sampled_from(sorted(PAIRS)), labels=st.sets(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=2))
def test_no_negative_under_a_rule_set_validate_reports_an_error_for(name: str, labels: set[str]) -> None:
    rules, students = PAIRS[name]
    doc = flat(rules)
    for label in sorted(labels):
        MUTATIONS[label](doc)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.yaml"
        path.write_text(dump(doc), encoding="utf-8")
        errors = [p.code for p in validate_path(path) if p.severity == "error"]
        note(f"{name} + {sorted(labels)}: {errors}")
        result = runner.invoke(app, ["check", str(students), "--rules", str(path), "--as-of", AS_OF, "--format", "jsonl"])
    if errors:
        assert result.exit_code == 2, result.stdout
        assert result.stdout == "" and "negative" not in outcomes(result)
        assert set(errors) <= set(re.findall(r"error\[(BSA\d+)\]", result.stderr)), result.stderr
    else:
        assert result.exit_code in (0, 1), result.stderr


def _without(text: str, drop: set[str]) -> str:
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    keep = [i for i, h in enumerate(rows[0]) if HEADER_INDEX.get(normalise_header(h)) not in drop]
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows([[r[i] for i in keep] for r in rows if r])
    return out.getvalue()


@settings(max_examples=20, deadline=None)
@given(name=st.sampled_from(sorted(PAIRS)), drop=st.sets(st.sampled_from(STATUTORY), min_size=1, max_size=3))
def test_no_binding_negative_while_a_statutory_column_is_absent(name: str, drop: set[str]) -> None:
    rules, students = PAIRS[name]
    text = students.read_text(encoding="utf-8")
    present = {HEADER_INDEX.get(normalise_header(h)) for h in next(csv.reader(io.StringIO(text), delimiter=";"))}
    # only a column the rule set reads can be a precondition of its negative (ho-current never reads
    # gespreksdatum, so dropping that column from students.csv rightly changes nothing)
    drop &= present & compile_ruleset(load_file(rules)).fields_used
    if not drop:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.csv"
        path.write_text(_without(text, drop), encoding="utf-8")
        result = runner.invoke(app, ["check", str(path), "--rules", str(rules), "--as-of", AS_OF, "--format", "jsonl"])
    note(f"{name} without {sorted(drop)}: exit {result.exit_code}")
    if result.exit_code == 2:
        assert "BSA306" in result.stderr and result.stdout == ""
    else:
        assert "negative" not in outcomes(result), (name, sorted(drop))
        # only a procedural step may be missing and still allow a run: it blocks the negative
        assert drop <= {"warning_date", "hearing_date", "conversation_date", "improvement_deadline", "progress_talks"}
