"""The document's base styles: body text, headings, list paragraphs and captions, in the
style's font."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .tree import Element

BODY_FONT = "DejaVu Sans"
"""The font of a page that names none (``<meta name="font">``)."""


def page_font(root: Element) -> str:
    """The font the page's ``<meta name="font">`` names (the body font of the style's CSS,
    ``DejaVu Serif`` for the legal narrative), or :data:`BODY_FONT`."""
    stack = [root]
    while stack:
        el = stack.pop()
        if el.tag == "meta" and el.attrs.get("name", "").lower() == "font":
            return " ".join(el.attrs.get("content", "").split()) or BODY_FONT
        if el.tag != "body":  # metadata is in the head: the body need not be walked
            stack.extend(reversed(el.elements()))
    return BODY_FONT


def _font(style: Any, name: str) -> None:
    """Set a style's font, dropping theme fonts (which would win over the named one)."""
    style.font.name = name
    r_fonts = style.element.rPr.rFonts
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        r_fonts.attrib.pop(qn(f"w:{attr}"), None)


def set_styles(document: Any, font: str = BODY_FONT) -> None:
    """Set fonts and spacing close to the PDF's (``font``, 10 pt body)."""
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, font)
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    _font(styles["Title"], font)
    for level, size in ((1, 18), (2, 14), (3, 11.5)):
        h = styles[f"Heading {level}"]
        _font(h, font)
        h.font.size = Pt(size)
        h.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
        h.paragraph_format.space_before = Pt(14 if level == 1 else 10)
        h.paragraph_format.space_after = Pt(4)
        h.paragraph_format.keep_with_next = True
    lp = styles["List Paragraph"]
    lp.paragraph_format.space_after = Pt(2)
    lp.paragraph_format.contextual_spacing = False
    cap = styles["Caption"]
    _font(cap, font)
    cap.font.size = Pt(9)
