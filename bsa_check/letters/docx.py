"""A letter as a Word document (python-docx), for institutions that finish letters in Word.

A4 page, the same blocks as the HTML letter: headings, paragraphs, bullet items, bold runs, a rule
as an empty bordered paragraph. Text is set as text (python-docx escapes XML); no field codes,
macros or external relationships are added. python-docx is imported only here, when a DOCX letter
is written.
"""

from __future__ import annotations

import io

from bsa_check.letters.template import Block


def to_docx(blocks: list[Block], title: str, lang: str) -> bytes:
    from docx import Document
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.top_margin, section.bottom_margin = Mm(25), Mm(25)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)
    doc.core_properties.title = title
    doc.core_properties.language = lang
    doc.core_properties.author = ""
    doc.core_properties.comments = ""
    for b in blocks:
        if b.kind == "hr":
            doc.add_paragraph("")
            continue
        if b.kind in ("h1", "h2", "h3"):
            para = doc.add_heading("", level=int(b.kind[1]))
        elif b.kind == "li":
            para = doc.add_paragraph(style="List Bullet")
        else:
            para = doc.add_paragraph()
        for text, bold in b.runs:
            for i, piece in enumerate(text.split("\n")):
                run = para.add_run(piece)
                run.bold = bold or None
                if i < text.count("\n"):
                    run.add_break()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
