"""The page: size and margins, and the running header and footer with "Page X of Y" fields."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Emu, Inches, Mm, Pt, RGBColor

from . import inline
from .tree import Element
from .vocabulary import RUNNING_FOOTER, RUNNING_HEADER, WATERMARK

PAGE_SIZES = {"A4": (Mm(210), Mm(297)), "Letter": (Inches(8.5), Inches(11))}
# The PDF's @page margins (templates/base/base.css): top, right, bottom, left.
MARGINS = (Mm(24), Mm(18), Mm(22), Mm(18))
DRAFT_RED = RGBColor(0xB0, 0x00, 0x20)


def set_page(document: Any, page_size: str) -> int:
    """Size the page and its margins; return the width left for text, in EMU."""
    section = document.sections[0]
    width, height = PAGE_SIZES[page_size]
    section.page_width, section.page_height = width, height
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = MARGINS
    section.header_distance = section.footer_distance = Mm(10)
    return int(width - MARGINS[1] - MARGINS[3])


def running(root: Element, name: str) -> Element | None:
    """The running element (header or footer) of the page, if the template has one."""

    def walk(el: Element) -> Element | None:
        for child in el.elements():
            if child.has_class(name):
                return child
            found = walk(child)
            if found is not None:
                return found
        return None

    return walk(root)


def _field(paragraph: Any, instr: str, shown: str) -> None:
    """A complex field (``PAGE``, ``NUMPAGES``) that Word and LibreOffice update themselves."""
    r = paragraph.add_run()._r
    r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    r = paragraph.add_run()._r
    r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instr} </w:instrText>'))
    r = paragraph.add_run()._r
    r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
    paragraph.add_run(shown)
    r = paragraph.add_run()._r
    r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def set_header_footer(document: Any, root: Element, text_width: int) -> None:
    """Fill the header (running header, and the DRAFT mark of the page's watermark) and the
    footer (running footer, then "Page X of Y" as PAGE and NUMPAGES fields)."""
    section = document.sections[0]
    header = section.header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    head = running(root, RUNNING_HEADER)
    if head is not None:
        inline.add_runs(hp, inline.collect(head.children))
    mark = running(root, WATERMARK)
    if mark is not None:
        dp = header.add_paragraph() if hp.runs else hp
        run = dp.add_run(" ".join(mark.text().split()))
        run.bold = True
        run.font.color.rgb = DRAFT_RED
        run.font.size = Pt(11)
    footer = section.footer
    footer.is_linked_to_previous = False
    fp = footer.paragraphs[0]
    fp.style = document.styles["Normal"]  # the Footer style's centre tab stop would catch the page number
    fp.paragraph_format.tab_stops.add_tab_stop(Emu(text_width), WD_TAB_ALIGNMENT.RIGHT)
    foot = running(root, RUNNING_FOOTER)
    if foot is not None:
        inline.add_runs(fp, inline.collect(foot.children))
    fp.add_run("\tPage ")
    _field(fp, "PAGE", "1")
    fp.add_run(" of ")
    _field(fp, "NUMPAGES", "1")
    for p in (*header.paragraphs, *footer.paragraphs):
        for run in p.runs:
            if run.font.size is None:
                run.font.size = Pt(8)
