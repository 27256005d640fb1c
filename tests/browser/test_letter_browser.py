"""An HTML letter in a real headless Chromium: it renders (the screenshot is not blank), it prints
to an A4 PDF, and it fetches nothing (the proxy trap of the compare report's browser test).

Skipped when Chromium is not installed locally; under CI (CI=true) a missing Chromium is a failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.browser.test_compare_report_browser import HEIGHT, WIDTH, Dom, ProxyTrap, chromium, png_pixels
from tests.conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def letter(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("letters") / "out"
    result = CliRunner().invoke(app, ["letters", str(EXAMPLES / "students.csv"), "--kind", "advice", "--as-of",
                                      "2026-08-15", "--lang", "nl", "--output", str(out), "--institution",
                                      str(ROOT / "tests" / "data" / "letters" / "institution.yaml")])
    assert result.exit_code == 0, result.output
    return out / "900002.html"


def test_letter_renders_and_prints_without_network(letter, tmp_path):
    trap = ProxyTrap()
    try:
        dom_run = chromium(letter, "--dump-dom", proxy_port=trap.port, tmp=tmp_path)
        shot = tmp_path / "shot.png"
        chromium(letter, f"--screenshot={shot}", proxy_port=trap.port, tmp=tmp_path)
        pdf = tmp_path / "letter.pdf"
        chromium(letter, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", proxy_port=trap.port, tmp=tmp_path)
    finally:
        trap.close()
    assert trap.connections == 0, f"the letter made {trap.connections} network connection(s): {trap.requests}"

    dom = Dom()
    dom.feed(dom_run.stdout)
    assert dom.refs == [] and dom.tags.get("script") is None and dom.tags.get("h1") == 1
    assert "bindend negatief advies" in dom_run.stdout and "900002" in dom_run.stdout

    width, bpp, rows = png_pixels(shot.read_bytes())
    assert width == WIDTH and len(rows) == HEIGHT
    dark = sum(1 for line in rows[::4] for x in range(0, width * bpp, bpp * 2) if line[x] < 100)
    assert dark > 500, "the screenshot is (nearly) blank: no text painted"

    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # A4 in PostScript points: 595 x 842 (the @page rule)
    assert b"/MediaBox [0 0 595" in data or b"/MediaBox [0 0 594" in data, data[:2000]
