"""``bsa-check letters``: one letter per student from data templates, with the refusals that protect the student.

- goldens of every bundled template (HO warning, advice positive / negative / postponed; MBO
  warning, advice positive / negative), nl and en;
- a binding-negative letter only for the outcome ``negative``; ``procedure_incomplete`` refused
  naming the missing step, ``needs_review`` refused, a warning refused when it can no longer leave
  the reasonable period; each refusal one line;
- folder 0700, files 0600 named by student number, no temporary file left; HTML with no external
  resource; DOCX opened with python-docx;
- templates with an unknown placeholder, code or HTML are refused by ``validate`` with a code, and
  by ``letters`` before any letter is written; the institution file's errors are located;
- every bundled and gallery rule set works.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.acceptance.test_example_golden import compare_golden
from tests.conftest import EXAMPLES, ROOT

runner = CliRunner()
DATA = ROOT / "tests" / "data" / "letters"
INSTITUTION = str(DATA / "institution.yaml")
TEMPLATES = ROOT / "bsa_check" / "letters" / "templates"


def letters(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["letters", *args])
    return result.exit_code, result.stdout, result.stderr


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# (golden name, students file, rule set, kind, as-of, student)
GOLDEN_CASES = [
    ("ho-warning", DATA / "ho-warning.csv", "ho-current", "warning", "2026-03-02", "700001"),
    ("ho-advice-positive", EXAMPLES / "students.csv", "ho-current", "advice", "2026-08-15", "900001"),
    ("ho-advice-negative", EXAMPLES / "students.csv", "ho-current", "advice", "2026-08-15", "900002"),
    ("ho-advice-postponed", EXAMPLES / "students.csv", "ho-current", "advice", "2026-08-15", "900015"),
    ("mbo-warning", DATA / "mbo-warning.csv", "mbo", "warning", "2026-02-01", "810001"),
    ("mbo-advice-positive", EXAMPLES / "mbo.csv", "mbo", "advice", "2026-06-15", "800001"),
    ("mbo-advice-negative", EXAMPLES / "mbo.csv", "mbo", "advice", "2026-06-15", "800002"),
]


def test_every_bundled_template_has_a_golden_case():
    bundled = {p.name.split(".")[0] for p in TEMPLATES.glob("*.md")}
    assert bundled == {c[0] for c in GOLDEN_CASES}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("name", "students", "rules", "kind", "as_of", "student"), GOLDEN_CASES,
                         ids=[c[0] for c in GOLDEN_CASES])
def test_bundled_template_golden(name, students, rules, kind, as_of, student, lang, tmp_path, update_goldens):
    out = tmp_path / "letters"
    code, stdout, stderr = letters(str(students), "--rules", rules, "--kind", kind, "--as-of", as_of, "--lang", lang,
                                   "--output", str(out), "--institution", INSTITUTION)
    assert code == 0, stdout + stderr
    compare_golden(f"letters/{name}.{lang}.html", _body(out / f"{student}.html"), update_goldens)


def test_refusals_protect_the_student(tmp_path):
    out = tmp_path / "advice"
    code, stdout, _ = letters(str(EXAMPLES / "students.csv"), "--kind", "advice", "--as-of", "2026-08-15",
                              "--lang", "en", "--output", str(out), "--institution", INSTITUTION)
    assert code == 0
    refused = {m.group(2): m.group(1) for m in re.finditer(r"refused\[(BSA8\d\d)\]: (\d+) \(line \d+\): .*", stdout)}
    # 900006 has a warning but no hearing: refused, naming the hearing
    assert refused["900006"] == "BSA810"
    assert re.search(r"refused\[BSA810\]: 900006 \(line 7\): procedure incomplete: .*missing a hearing", stdout)
    assert refused["900014"] == "BSA811"  # circumstances not weighed: a person decides
    written = {p.stem for p in out.iterdir()}
    assert not written & set(refused)
    # a binding-negative letter only for the outcome negative
    check = runner.invoke(app, ["check", str(EXAMPLES / "students.csv"), "--as-of", "2026-08-15", "--format", "jsonl"])
    outcomes = {m.group(1): m.group(2) for m in re.finditer(r'"student_id":"(\d+)".*?"outcome":"([a-z_]+)"', check.stdout)}
    for sid in written:
        binding = "<h1>Study advice 2025-2026: binding negative advice</h1>" in _body(out / f"{sid}.html")
        assert binding == (outcomes[sid] == "negative"), sid
    assert {sid for sid, o in outcomes.items() if o == "negative"} <= written
    assert {sid for sid, o in outcomes.items() if o == "procedure_incomplete"} == {s for s, c in refused.items() if c == "BSA810"}
    assert {sid for sid, o in outcomes.items() if o == "needs_review"} == {s for s, c in refused.items() if c == "BSA811"}


def test_warning_refused_when_the_reasonable_period_no_longer_fits(tmp_path):
    out = tmp_path / "w"
    # 700001 (12 EC, no warning): on 10 August no 28 days are left before 31 August
    code, stdout, _ = letters(str(DATA / "ho-warning.csv"), "--kind", "warning", "--as-of", "2026-08-10", "--lang", "en",
                              "--output", str(out), "--institution", INSTITUTION)
    assert code == 0
    assert re.search(r"refused\[BSA812\]: 700001 \(line 2\): warning refused: it can no longer leave the reasonable "
                     r"period before the latest advice date \(2026-08-31\)", stdout)
    assert not (out / "700001.html").exists()
    # in time: a letter for the student who needs one, none for the others
    code, stdout, _ = letters(str(DATA / "ho-warning.csv"), "--kind", "warning", "--as-of", "2026-03-02", "--lang", "en",
                              "--output", str(tmp_path / "w2"), "--institution", INSTITUTION)
    assert {p.name for p in (tmp_path / "w2").iterdir()} == {"700001.html"}
    assert "2 without a letter: no_warning_due" in stdout


def test_folder_0700_files_0600_named_by_student_number_no_temp_left(tmp_path):
    out = tmp_path / "new"
    code, _, _ = letters(str(EXAMPLES / "students.csv"), "--kind", "advice", "--as-of", "2026-08-15", "--output", str(out))
    assert code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    files = list(out.iterdir())
    assert files and all(re.fullmatch(r"\d{6}\.html", p.name) for p in files)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    # an existing folder others can read is refused
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    code, _, stderr = letters(str(EXAMPLES / "students.csv"), "--kind", "advice", "--as-of", "2026-08-15", "--output", str(shared))
    assert code == 2 and "BSA806" in stderr and not list(shared.iterdir())
    # a folder with letters of an earlier run is refused: an old letter is never mixed in
    code, _, stderr = letters(str(EXAMPLES / "students.csv"), "--kind", "advice", "--as-of", "2026-08-15", "--output", str(out))
    assert code == 2 and "is not empty" in stderr


def test_html_is_self_contained_and_printable(tmp_path):
    out = tmp_path / "l"
    letters(str(EXAMPLES / "students.csv"), "--kind", "advice", "--as-of", "2026-08-15", "--output", str(out))
    for p in out.iterdir():
        html = _body(p)
        assert "@page { size: A4" in html and "default-src 'none'" in html
        assert not re.search(r"(?i)<script|<img|<link|<iframe|src=|href=|url\(|@import|https?://", html), p.name


def test_docx_opens_with_python_docx(tmp_path):
    docx = pytest.importorskip("docx")
    out = tmp_path / "d"
    code, stdout, _ = letters(str(EXAMPLES / "students.csv"), "--kind", "advice", "--as-of", "2026-08-15", "--lang", "nl",
                              "--format", "docx", "--output", str(out), "--institution", INSTITUTION)
    assert code == 0 and "(docx)" in stdout
    doc = docx.Document(str(out / "900002.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert "Studieadvies 2025-2026: bindend negatief advies" in texts
    assert any("College van beroep voor de examens" in t for t in texts)
    assert any(p.style.name == "Heading 1" for p in doc.paragraphs)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert stat.S_IMODE((out / "900002.docx").stat().st_mode) == 0o600


BAD_TEMPLATES = {
    "unknown.md": ("Dear {studnet_id},\n", "BSA800"),
    "jinja.md": ("Total: {{ 7*7 }}\n", "BSA801"),
    "python.md": ("Hi {__import__('os').system('id')}\n", "BSA801"),
    "statement.md": ("{% for x in y %}x{% endfor %}\n", "BSA801"),
    "html.md": ("<script>alert(1)</script>\n", "BSA802"),
    "lone.md": ("a { b\n", "BSA803"),
}


@pytest.mark.parametrize("name", sorted(BAD_TEMPLATES))
def test_validate_refuses_bad_templates_with_a_code(name, tmp_path):
    text, code = BAD_TEMPLATES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert re.search(rf"{re.escape(str(path))}:1:\d+: error {code}", result.stdout), result.stdout


def test_validate_accepts_every_bundled_template():
    result = runner.invoke(app, ["validate", *map(str, sorted(TEMPLATES.glob("*.md")))])
    assert result.exit_code == 0, result.stdout


def test_letters_refuse_a_bad_template_before_writing_anything(tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    (own / "ho-advice-positive.en.md").write_text("# Advice\n\nDear {student_id}, {not_a_name}.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = letters(str(EXAMPLES / "students.csv"), "--kind", "advice", "--as-of", "2026-08-15", "--lang", "en",
                              "--output", str(out), "--template-dir", str(own))
    assert code == 2 and "BSA800" in stderr and "ho-advice-positive.en.md:3:" in stderr
    assert not out.exists()
    # a good own template replaces the bundled one
    (own / "ho-advice-positive.en.md").write_text("# Our advice\n\nDear {student_id}: {outcome}.\n", encoding="utf-8")
    code, _, _ = letters(str(EXAMPLES / "students.csv"), "--kind", "advice", "--as-of", "2026-08-15", "--lang", "en",
                         "--output", str(out), "--template-dir", str(own))
    assert code == 0 and "Dear 900001: positive." in _body(out / "900001.html")


def test_values_never_become_markup(tmp_path):
    students = tmp_path / "s.csv"
    students.write_text((EXAMPLES / "students.csv").read_text(encoding="utf-8").replace(";59001;", ";<b>59001**x**</b>;", 1),
                        encoding="utf-8")
    out = tmp_path / "o"
    letters(str(students), "--kind", "advice", "--as-of", "2026-08-15", "--lang", "en", "--output", str(out))
    html = _body(out / "900001.html")
    assert "&lt;b&gt;59001**x**&lt;/b&gt;" in html and "<b>" not in html


def test_institution_file_errors_are_located(tmp_path):
    bad = tmp_path / "inst.yaml"
    bad.write_text("name: X\nappeal:\n  weeks: 6\n  body_text: y\n", encoding="utf-8")
    code, _, stderr = letters(str(EXAMPLES / "students.csv"), "--kind", "advice", "--output", str(tmp_path / "o"),
                              "--institution", str(bad))
    assert code == 2 and f"error[BSA805]: {bad}:4:3" in stderr and "body_text" in stderr
    bad.write_text("name: X\nappeal: {weeks: many}\n", encoding="utf-8")
    code, _, stderr = letters(str(EXAMPLES / "students.csv"), "--kind", "advice", "--output", str(tmp_path / "o"),
                              "--institution", str(bad))
    assert code == 2 and f"{bad}:2:" in stderr


PAIRS = [("ho-current", EXAMPLES / "students.csv", "2026-08-15"), ("ho-proposed-2023", EXAMPLES / "students.csv", "2026-08-15"),
         ("mbo", EXAMPLES / "mbo.csv", "2026-06-15")]
PAIRS += [(str(p), p.with_suffix(".csv"), "2026-08-20") for p in sorted((EXAMPLES / "oer").glob("*.yaml"))]


@pytest.mark.parametrize(("rules", "students", "as_of"), PAIRS, ids=[Path(r).stem for r, _, _ in PAIRS])
@pytest.mark.parametrize("kind", ["warning", "advice"])
def test_letters_work_for_every_bundled_and_gallery_rule_set(rules, students, as_of, kind, tmp_path):
    out = tmp_path / "o"
    on = as_of if kind == "advice" else "2026-03-02"
    scenario = ["--scenario"] if rules == "ho-proposed-2023" else []  # drafts only under the proposal
    code, stdout, stderr = letters(str(students), "--rules", rules, "--kind", kind, "--as-of", on, "--lang", "en",
                                   "--output", str(out), "--institution", INSTITUTION, *scenario)
    assert code == 0, stdout + stderr
    written = int(re.match(r"(\d+) letter", stdout).group(1))
    assert written == len(list(out.iterdir()))
    for p in out.iterdir():
        assert "(empty)" not in _body(p) or kind == "advice", p.name


def test_no_letter_rests_on_a_proposal(tmp_path):
    out = tmp_path / "o"
    code, _, stderr = letters(str(EXAMPLES / "students.csv"), "--rules", "ho-proposed-2023", "--kind", "advice",
                              "--as-of", "2026-08-15", "--output", str(out))
    assert code == 2 and "BSA807" in stderr and "proposal, not law" in stderr and not out.exists()
    # --scenario: drafts, every one marked as not law before anything else
    code, stdout, _ = letters(str(EXAMPLES / "students.csv"), "--rules", "ho-proposed-2023", "--kind", "advice",
                              "--as-of", "2026-08-15", "--lang", "en", "--output", str(out), "--scenario")
    assert code == 0 and list(out.iterdir())
    for p in out.iterdir():
        body = _body(p).split("<body>", 1)[1].lstrip()
        assert body.startswith("<p><strong>[PROPOSAL, NOT LAW] This rule set is a proposal, not law"), p.name


def test_help_says_letters_are_never_pseudonymised():
    result = runner.invoke(app, ["letters", "--help"])
    assert "never pseudonymised" in result.stdout


def test_each_letter_is_in_the_students_own_language_where_the_export_has_one(tmp_path):
    """Issue 21: "in the student's language where the export has one, else --lang". The export's
    taal column (nl or en, a few spellings) picks the letter's language; an empty cell gives --lang;
    any other value is that row's located error (BSA815), never a guess. Refusals and the summary
    are for the advisor, in --lang."""
    source = (EXAMPLES / "students.csv").read_text(encoding="utf-8-sig").splitlines()
    header, rows = source[0], source[1:]
    spelled = {"900001": "en", "900002": "Engels", "900003": "", "900004": "fr", "900006": "English"}
    lines = [header + ";taal"]
    for row in rows:
        sid = row.split(";", 1)[0]
        lines.append(row + ";" + spelled.get(sid, "nl"))
    export = tmp_path / "students.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "letters"
    code, stdout, stderr = letters(str(export), "--kind", "advice", "--as-of", "2026-08-15", "--lang", "nl",
                                   "--output", str(out), "--institution", INSTITUTION)
    assert code == 1  # the row with "fr" is an error; every other row a letter, a refusal or a skip
    assert re.search(r'html lang="en"', _body(out / "900001.html"))
    assert re.search(r'html lang="en"', _body(out / "900002.html"))
    assert re.search(r'html lang="nl"', _body(out / "900003.html"))  # empty: --lang
    assert re.search(r'html lang="nl"', _body(out / "900005.html"))
    assert not (out / "900004.html").exists()
    assert "BSA815" in stdout + stderr and "'fr'" in stdout + stderr
    # 900006 (English) is refused: the refusal is for the advisor, in --lang (Dutch)
    refusal = re.search(r"geweigerd\[BSA810\]: 900006 \(regel 7\): (.*)", stdout)  # the summary in Dutch too
    assert refusal and refusal.group(1).startswith("procedure onvolledig: geen brief met een bindend negatief advies")


def test_letters_refuse_a_symlinked_output_folder(tmp_path):
    """Issue 15 item 1 (--output in every command refuses a symlink target), for letters' folder: the
    independent review found letters written through a link into the folder it points at."""
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    code, stdout, stderr = letters(str(EXAMPLES / "students.csv"), "--kind", "advice", "--as-of", "2026-08-15",
                                   "--output", str(link), "--institution", INSTITUTION)
    assert code == 2 and "BSA410" in stdout + stderr
    assert list(real.iterdir()) == []
