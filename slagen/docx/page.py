"""The page: size and margins, and the running header and footer with "Page X of Y" fields."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Inches, Mm, Pt

from . import inline
from .tree import Element
from .vocabulary import RUNNING_FOOTER, RUNNING_HEADER, WATERMARK

PAGE_SIZES = {"A4": (Mm(210), Mm(297)), "Letter": (Inches(8.5), Inches(11))}
# The PDF's @page margins (templates/base/base.css): top, right, bottom, left.
MARGINS = (Mm(24), Mm(18), Mm(22), Mm(18))

# The diagonal watermark, as Word draws its own (Design > Watermark): a VML WordArt shape in the
# header, centred on the page margins and behind the text, so it shows on every page. Word and
# LibreOffice both display it; its colour (a solid 22% grey, which copiers and black-and-white
# printers keep) and angle follow the PDF's (templates/base/base.css).
_WATERMARK = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
    ' xmlns:w10="urn:schemas-microsoft-com:office:word"><w:rPr><w:noProof/></w:rPr><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"'
    ' path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(
        f'<v:f eqn="{eqn}"/>'
        for eqn in (
            "sum #0 0 10800",
            "prod #0 2 1",
            "sum 21600 0 @1",
            "sum 0 0 @2",
            "sum 21600 0 @3",
            "if @0 @3 0",
            "if @0 21600 @1",
            "if @0 0 @2",
            "if @0 @4 21600",
            "mid @5 @6",
            "mid @8 @5",
            "mid @7 @8",
            "mid @6 @7",
            "sum @6 0 @5",
        )
    )
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom"'
    ' o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="SlagenWatermark" o:spid="_x0000_s1025" type="#_x0000_t136"'
    ' style="position:absolute;margin-left:0;margin-top:0;width:{width}pt;height:{height}pt;'
    "rotation:325;z-index:-251657216;mso-position-horizontal:center;"
    "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#C8C8C8" stroked="f">'
    '<v:textpath style="font-family:&quot;DejaVu Sans&quot;;'
    'font-weight:bold;font-size:1pt" string="{text}"/><w10:wrap anchorx="margin" anchory="margin"/>'
    "</v:shape></w:pict></w:r>"
)


def watermark_run(text: str) -> Any:
    """A run holding the diagonal watermark shape with ``text`` (for a header paragraph)."""
    from xml.sax.saxutils import quoteattr

    # The size of the PDF's 110 pt bold capitals: 0.75 em wide each, about
    # 0.7 em high (LibreOffice fits the letters' full box to the shape).
    height = 72
    width = max(1, len(text)) * 0.75 * 110
    xml = _WATERMARK.replace("{width}", f"{width:.1f}").replace("{height}", str(height))
    return parse_xml(xml.replace('"{text}"', quoteattr(text)))


def margins(spec: str) -> tuple[Any, Any, Any, Any]:
    """Margins from ``<meta name="page-margins">`` ("26mm 24mm 24mm 24mm": top, right, bottom,
    left, as the style's @page sets them), or :data:`MARGINS`."""
    parts = spec.split()
    if len(parts) != 4 or not all(p.endswith("mm") for p in parts):
        return MARGINS
    try:
        top, right, bottom, left = (Mm(float(p.removesuffix("mm"))) for p in parts)
    except ValueError:
        return MARGINS
    return top, right, bottom, left


def set_page(document: Any, page_size: str, page_margins: str = "") -> int:
    """Size the page and its margins (``page_margins`` as :func:`margins` reads them); return
    the width left for text, in EMU."""
    section = document.sections[0]
    width, height = PAGE_SIZES[page_size]
    section.page_width, section.page_height = width, height
    chosen = margins(page_margins)
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = chosen
    section.header_distance = section.footer_distance = Mm(10)
    return int(width - chosen[1] - chosen[3])


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


def page_words(root: Element) -> tuple[str, str]:
    """The words of "Page X of Y" in the page's language, from ``<meta name="page-words"
    content="Page|of">`` (``Strona``, ``z`` in Polish); English without one."""
    found: list[str] = []

    def walk(el: Element) -> None:
        for child in el.elements():
            if child.tag == "meta" and child.attrs.get("name") == "page-words":
                found.append(child.attrs.get("content", ""))
            walk(child)

    walk(root)
    page, _, of = (found[0] if found else "").partition("|")
    return (page, of) if page and of else ("Page", "of")


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
    """Fill the header (running header, and the page's watermark shape) and the
    footer (running footer, then "Page X of Y" as PAGE and NUMPAGES fields)."""
    section = document.sections[0]
    header = section.header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    head = running(root, RUNNING_HEADER)
    if head is not None:
        inline.add_runs(hp, inline.collect(head.children))
    mark = running(root, WATERMARK)
    if mark is not None:  # the watermark alone, as in the PDF: no line of text under the header
        hp._p.append(watermark_run(" ".join(mark.text().split())))
    footer = section.footer
    footer.is_linked_to_previous = False
    fp = footer.paragraphs[0]
    fp.style = document.styles["Normal"]  # the Footer style's centre tab stop would catch the page number
    fp.paragraph_format.tab_stops.add_tab_stop(Emu(text_width), WD_TAB_ALIGNMENT.RIGHT)
    foot = running(root, RUNNING_FOOTER)
    if foot is not None:
        inline.add_runs(fp, inline.collect(foot.children))
    page, of = page_words(root)
    fp.add_run(f"\t{page} ")
    _field(fp, "PAGE", "1")
    fp.add_run(f" {of} ")
    _field(fp, "NUMPAGES", "1")
    for p in (*header.paragraphs, *footer.paragraphs):
        for run in p.runs:
            if run.font.size is None:
                run.font.size = Pt(8)


#: How many paragraphs after a heading are kept with the one after them.
INTRO_LINES = 2
#: The longest paragraph (in lines) kept with the next: one that widow and orphan control cannot
#: split anyway (two lines each side make four).
SHORT_PARAGRAPH = 3
#: The width of an average character of DejaVu text, in ems (Sans 0.55, Serif 0.53).
AVERAGE_CHAR = 0.55
#: The indent of each level of a list item, in twips (numbering.py's levels).
LEVEL_INDENT = 360


def _is_heading(el: Any) -> bool:
    """Whether a body element is a heading paragraph (Title or Heading N)."""
    if el is None or el.tag != qn("w:p") or el.pPr is None or el.pPr.pStyle is None:
        return False
    style = str(el.pPr.pStyle.val)
    return style.startswith("Heading") or style == "Title"


def text_width(document: Any) -> int:
    """The width of the page's text area, in twips."""
    section = document.sections[0]
    return int((section.page_width - section.left_margin - section.right_margin) / 635)


def lines_of(p: Any, width: int, size: float) -> int:
    """About how many lines paragraph ``p`` takes in ``width`` twips at ``size`` points: its
    words wrapped greedily at :data:`AVERAGE_CHAR` a character (a word longer than a line
    takes the lines it needs), a new line at each ``w:br``, less its left indent (a list
    item's level indent when it sets none)."""
    ind = p.pPr.find(qn("w:ind")) if p.pPr is not None else None
    indent = int(ind.get(qn("w:left")) or ind.get(qn("w:start")) or 0) if ind is not None else 0
    if not indent and p.pPr is not None and p.pPr.numPr is not None:  # a list item: its level's indent
        level = p.pPr.numPr.ilvl
        indent = LEVEL_INDENT * (1 + (int(level.val) if level is not None else 0))
    per_line = max(1, int((width - indent) / 20 / (AVERAGE_CHAR * size)))
    pieces = {qn("w:br"): "\n", qn("w:noBreakHyphen"): "-"}
    text = "".join(t.text or "" if t.tag == qn("w:t") else pieces[t.tag] for t in p.iter(qn("w:t"), *pieces))
    lines = 0
    for part in text.split("\n"):
        lines += 1
        used = 0  # characters on the current line
        for word in part.split():
            if used and used + 1 + len(word) > per_line:
                lines, used = lines + 1, 0
            if len(word) > per_line:  # broken inside itself over the lines it needs
                lines += (len(word) - 1) // per_line
                used = len(word) - (len(word) - 1) // per_line * per_line
            else:
                used = used + 1 + len(word) if used else len(word)
    return lines


def keep_intros(document: Any, size: float = 10.0) -> None:
    """Keep the first lines under a heading with what follows them, as the PDF does
    (``h2 + p { break-after: avoid }``, a list under a heading keeping its first items with
    it): the :data:`INTRO_LINES` paragraphs after a heading are kept with the next, so a heading
    never ends a page with only its introductory sentence, its table or list on the next.

    Only short paragraphs (:data:`SHORT_PARAGRAPH` lines or fewer at the body ``size``) are
    kept, and the first long one ends the run. Word and ODF let a kept paragraph split (ECMA-376
    17.3.1.15: "at least partly" on the next one's page), but LibreOffice moves a kept paragraph
    whole, and when it is moved by its own keep it does not look back at the heading kept with
    it: a heading, a kept paragraph too long for the rest of the page and the next paragraph left
    the heading alone at the foot of the page; two long kept paragraphs moved to the next page
    together and left half a page empty. A heading kept with an unkept long paragraph keeps two
    of its lines with it (widow control), as the PDF's orphans do.

    A paragraph right before the next heading is not kept with it: the heading is kept with
    what follows it, and keeping the paragraph too would chain a run of short headed sections
    (goal after goal) into one block that jumps to the next page whole."""
    width = text_width(document)
    left = 0
    for child in document.element.body.iterchildren():
        if child.tag != qn("w:p"):
            left = 0
        elif _is_heading(child):
            left = INTRO_LINES
        elif left and child.xpath("string(.)").strip():
            if lines_of(child, width, size) > SHORT_PARAGRAPH:
                left = 0
                continue
            if not _is_heading(child.getnext()):
                child.get_or_add_pPr().keepNext_val = True
            left -= 1


def release_before_breaks(document: Any) -> None:
    """Drop "keep with next" from a paragraph right before a page break (a paragraph that
    starts a new page): there is nothing to keep it with on its page, and LibreOffice would
    carry the whole kept run (a contents list) onto a page of its own."""
    for child in document.element.body.iterchildren(qn("w:p")):
        after = child.getnext()
        p_pr = child.pPr
        if p_pr is None or not p_pr.keepNext_val or after is None or after.tag != qn("w:p"):
            continue
        if after.pPr is not None and after.pPr.pageBreakBefore_val:
            p_pr.keepNext_val = False
