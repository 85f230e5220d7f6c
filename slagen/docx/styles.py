"""The document's base styles: body text, headings, list paragraphs and captions, in the
style's font."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .css import Boxes
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


#: The sizes of h1 (the title), h2 and h3 in base.css, in points.
HEADING_SIZES = (18.0, 13.0, 10.5)
#: The CSS line height of headings (base.css ``h1, h2, h3 { line-height: 1.2 }``).
HEADING_LINE = 1.2


def heading_sizes(root: Element) -> tuple[float, float, float]:
    """The sizes of the title, h2 and h3 the page's ``<meta name="heading-sizes">`` gives
    ("18 13 10.5", as the style's CSS sets them), or :data:`HEADING_SIZES`."""
    try:
        title, h2, h3 = (float(v) for v in page_meta(root, "heading-sizes").split())
    except ValueError:
        return HEADING_SIZES
    return title, h2, h3


def set_styles(
    document: Any,
    font: str = BODY_FONT,
    spacing: float = 1.15,
    size: float = 10.0,
    headings: tuple[float, float, float] = HEADING_SIZES,
    boxes: Boxes = Boxes(),  # noqa: B008 (frozen)
) -> None:
    """Set fonts and spacing close to the PDF's (``font``, ``size`` pt body, ``spacing`` lines,
    the title and Heading 1 and 2 at the ``headings`` sizes of the PDF's h1, h2 and h3, with
    its margins: h2 16 pt before and 6 after, h3 10 and 4; paragraphs and list items spaced as
    the page's CSS ``boxes`` say)."""
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, font)
    normal.font.size = Pt(size)
    normal.paragraph_format.space_after = Pt(boxes.paragraph_after)
    normal.paragraph_format.line_spacing = spacing
    title = styles["Title"]
    _font(title, font)
    title.font.color.rgb = RGBColor(0x1B, 0x1B, 0x1B)
    title.font.bold = True  # an h1, bold in the PDF
    title.font.size = Pt(headings[0])
    title.paragraph_format.space_after = Pt(4)
    title.paragraph_format.line_spacing = round(HEADING_LINE / DEJAVU_LINE, 2)
    for border in title.element.findall(f"{qn('w:pPr')}/{qn('w:pBdr')}"):  # no rule under it
        border.getparent().remove(border)
    if "Serif" in font:  # the legal narrative's title is centred, as its CSS sets h1.title
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    h3 = headings[2]
    for level, pt, before, after in ((1, headings[1], 16, 6), (2, h3, 10, 4), (3, h3, 8, 3)):
        h = styles[f"Heading {level}"]
        _font(h, font)
        h.font.size = Pt(pt)
        h.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
        h.paragraph_format.space_before = Pt(before)
        h.paragraph_format.space_after = Pt(after)
        h.paragraph_format.line_spacing = round(HEADING_LINE / DEJAVU_LINE, 2)
        h.paragraph_format.keep_with_next = True
    lp = styles["List Paragraph"]
    lp.paragraph_format.space_after = Pt(boxes.item_after)
    for contextual in lp.element.findall(f"{qn('w:pPr')}/{qn('w:contextualSpacing')}"):
        contextual.getparent().remove(contextual)  # the template's style drops the space between items
    cap = styles["Caption"]
    _font(cap, font)
    cap.font.size = Pt(9)
