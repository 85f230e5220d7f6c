"""Helpers of the DOCX tests: a document's text as Word shows it, list numbers included, and the
characters LibreOffice could not draw."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import Any

import docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _label(fmt: str, n: int) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + n - 1)
    return "" if fmt == "bullet" else str(n)


def docx_text(path: Path) -> str:
    """The body text in reading order, with the numbers Word puts before list items."""
    d = docx.Document(str(path))
    numbering = d.part.numbering_part.element
    abstract = {}
    for an in numbering.findall(f"{W}abstractNum"):
        abstract[an.get(f"{W}abstractNumId")] = {
            int(lvl.get(f"{W}ilvl")): (
                lvl.find(f"{W}numFmt").get(f"{W}val"),
                lvl.find(f"{W}lvlText").get(f"{W}val"),
            )
            for lvl in an.findall(f"{W}lvl")
        }
    nums = {
        n.get(f"{W}numId"): n.find(f"{W}abstractNumId").get(f"{W}val") for n in numbering.findall(f"{W}num")
    }
    counters: dict[str, list[int]] = {}
    out: list[str] = []
    for p in d.element.body.iter(f"{W}p"):
        num = p.find(f"{W}pPr/{W}numPr")
        label = ""
        if num is not None:
            num_id, ilvl = num.find(f"{W}numId").get(f"{W}val"), int(num.find(f"{W}ilvl").get(f"{W}val"))
            levels = abstract[nums[num_id]]
            count = counters.setdefault(num_id, [0] * 9)
            count[ilvl] += 1
            count[ilvl + 1 :] = [0] * (8 - ilvl)
            fmt, text = levels[ilvl]
            label = "".join(
                _label(levels[int(part) - 1][0], count[int(part) - 1]) if i % 2 else part
                for i, part in enumerate(re.split(r"%(\d)", text))
            )
            label = "" if fmt == "bullet" else label
        text = "".join(
            (t.text or "") if t.tag == f"{W}t" else "-" if t.tag == f"{W}noBreakHyphen" else " "
            for t in p.iter(f"{W}t", f"{W}noBreakHyphen", f"{W}br", f"{W}tab")
        )
        out.append(label + " " + text)
    return "\n".join(out)


def missing_glyphs(pdf: Path) -> list[tuple[str, str]]:
    """(font, text) of each character LibreOffice drew as its font's missing-glyph box in the
    PDF it wrote of a DOCX, and of each font the PDF does not embed.

    Every character drawn is followed from the page's text operators (pdfminer gives each one's
    font and character code) into the embedded TrueType program (FontFile2): the glyph the code
    selects in its character map must exist and not be a copy of ``.notdef`` (the box). The text
    of a box is what the PDF's ToUnicode map or LibreOffice's ActualText says it stands for, so
    a box shows up even where the extracted text reads right."""
    from fontTools.ttLib import TTFont
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    drawn: dict[Any, set[int]] = {}

    class Probe(PDFLayoutAnalyzer):
        def render_char(
            self, matrix: Any, font: Any, fontsize: Any, scaling: Any, rise: Any, cid: int, *rest: Any
        ) -> Any:
            drawn.setdefault(font, set()).add(cid)
            return super().render_char(matrix, font, fontsize, scaling, rise, cid, *rest)

        def receive_layout(self, ltpage: Any) -> None:
            pass

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # LibreOffice's subsets carry no dates
    resources = PDFResourceManager()
    interpreter = PDFPageInterpreter(resources, Probe(resources))
    with pdf.open("rb") as fh:
        for page in PDFPage.get_pages(fh):
            interpreter.process_page(page)
        bad = set()
        for font, cids in drawn.items():
            program = font.descriptor.get("FontFile2")
            if program is None:
                bad.add((font.fontname, "(not embedded)"))
                continue
            tt = TTFont(io.BytesIO(program.resolve().get_data()))
            cmap = tt["cmap"].tables[0].cmap  # LibreOffice writes one (1,0) map of its codes
            glyf = tt["glyf"]
            box = glyf[".notdef"].compile(glyf)
            for cid in cids:
                try:
                    text = font.to_unichr(cid)
                except PDFUnicodeNotDefined:
                    text = f"<code {cid}>"
                glyph = cmap.get(cid, ".notdef")
                if not text.isspace() and (glyph == ".notdef" or glyf[glyph].compile(glyf) == box):
                    bad.add((font.fontname, text))
    return sorted(bad)
