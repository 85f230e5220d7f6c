"""The document's base styles: body text, headings, list paragraphs and captions, in the
style's font."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .tree import Element

BODY_FONT = "DejaVu Sans"
"""The font of a page that names none (``<meta name="font">``)."""


def page_meta(root: Element, name: str) -> str:
    """The content of the page's ``<meta name=NAME>``, or ""."""
    stack = [root]
    while stack:
        el = stack.pop()
        if el.tag == "meta" and el.attrs.get("name", "").lower() == name:
            return " ".join(el.attrs.get("content", "").split())
        if el.tag != "body":  # metadata is in the head: the body need not be walked
            stack.extend(reversed(el.elements()))
    return ""


def page_font(root: Element) -> str:
    """The font the page's ``<meta name="font">`` names (the body font of the style's CSS,
    ``DejaVu Serif`` for the legal narrative), or :data:`BODY_FONT`."""
    return page_meta(root, "font") or BODY_FONT


#: DejaVu's line height as a multiple of its size: Word's single spacing for the font.
DEJAVU_LINE = 1.164


def line_spacing(root: Element) -> float:
    """Word's line spacing (a multiple of single) for the page's ``<meta name="line-height">``
    (the CSS body line height), 1.2 when it names none."""
    try:
        css = float(page_meta(root, "line-height"))
    except ValueError:
        return 1.2
    return round(css / DEJAVU_LINE, 2)


def _font(style: Any, name: str) -> None:
    """Set a style's font, dropping theme fonts (which would win over the named one)."""
    style.font.name = name
    r_fonts = style.element.rPr.rFonts
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        r_fonts.attrib.pop(qn(f"w:{attr}"), None)


def body_size(root: Element) -> float:
    """The body text size the page's ``<meta name="font-size">`` gives (points), 10 if none."""
    try:
        return float(page_meta(root, "font-size"))
    except ValueError:
        return 10.0


def set_styles(document: Any, font: str = BODY_FONT, spacing: float = 1.15, size: float = 10.0) -> None:
    """Set fonts and spacing close to the PDF's (``font``, ``size`` pt body, ``spacing`` lines)."""
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, font)
    normal.font.size = Pt(size)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = spacing
    title = styles["Title"]
    _font(title, font)
    title.font.color.rgb = RGBColor(0x1B, 0x1B, 0x1B)
    if "Serif" in font:  # the legal narrative's title is centred, as its CSS sets h1.title
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
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
