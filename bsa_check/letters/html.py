"""A letter as one self-contained, printable HTML file.

No external resource of any kind: the stylesheet is inline, there is no script, no image, no font
or link to fetch, and a Content-Security-Policy of ``default-src 'none'`` makes a browser refuse
anything else. An ``@page`` rule sets A4 with print margins. Every text is escaped: a value from
the records or the rule set is shown, never interpreted.
"""

from __future__ import annotations

from html import escape

from bsa_check.letters.template import Block

STYLE = """
@page { size: A4; margin: 25mm 20mm 25mm 25mm; }
html { background: #fff; }
body { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.45;
       color: #111; max-width: 165mm; margin: 15mm auto; }
h1 { font-size: 15pt; margin: 0 0 6mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
p { margin: 0 0 3mm; }
ul { margin: 0 0 3mm 6mm; padding-left: 4mm; }
hr { border: 0; border-top: 0.4pt solid #777; margin: 5mm 0; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } p, li { orphans: 3; widows: 3; } }
""".strip()

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"


def _runs(block: Block) -> str:
    return "".join(f"<strong>{_text(t)}</strong>" if bold else _text(t) for t, bold in block.runs)


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>\n")


def to_html(blocks: list[Block], title: str, lang: str) -> str:
    body: list[str] = []
    in_list = False
    for b in blocks:
        if b.kind == "li" and not in_list:
            body.append("<ul>")
            in_list = True
        elif b.kind != "li" and in_list:
            body.append("</ul>")
            in_list = False
        if b.kind == "hr":
            body.append("<hr>")
        else:
            body.append(f"<{b.kind}>{_runs(b)}</{b.kind}>")
    if in_list:
        body.append("</ul>")
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<meta name="referrer" content="no-referrer">\n<title>{escape(title)}</title>\n'
            f"<style>\n{STYLE}\n</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def to_html_file(blocks: list[Block], title: str, lang: str) -> bytes:
    """The html letter format (``formats.LETTER_FORMATS``): :func:`to_html`'s page, UTF-8."""
    return to_html(blocks, title, lang).encode("utf-8")
