"""A PDF read back as what the layout check needs: lines, headings, tables and the text area.

Every page is read with PDFium (pypdfium2, :mod:`.objects`): its characters, the rectangles,
curves and rules that draw boxes and charts, and its images, in the shape of pdfplumber's objects.
The characters are grouped into lines by pdfplumber's own line grouping
(``pdfplumber.utils.text``, as ``Page.extract_text_lines`` does) and the ruled tables are found by
pdfplumber's table finder (``pdfplumber.table.TableFinder`` and ``Table.extract``), both fed with
PDFium's objects through :class:`_Region`, the little of a page they read (its box, characters and
edges). Those two are pure Python over the objects, so they give the lines and tables they gave
on pdfminer's parse, which was 86% of the check's time; a lattice finder of our own would have
had to match theirs cell for cell. ``scripts/compare_readers.py`` shows that every example's pages
read the same with both parsers.

Rotated characters and characters over 40 pt are the watermark, not text. The running header and
footer are the lines that repeat at the same height on several pages (digits ignored, so "Page 2
of 9" repeats); the text area lies between them and is as wide as they are. Headings come from the
PDF's outline (WeasyPrint makes one from ``h1``-``h3``, LibreOffice from Word's heading styles),
with their depth and position.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import TableFinder
from pdfplumber.utils.geometry import clip_obj, crop_to_bbox, curve_to_edges, line_to_edge, rect_to_edges
from pdfplumber.utils.text import chars_to_textmap

from slagen.layoutcheck import objects
from slagen.layoutcheck.objects import Obj

#: Characters at or above this size are the watermark (110 pt), not text.
WATERMARK_SIZE = 40.0
#: The running header and footer lie in this share of the page's height at its top and bottom.
BAND = 0.10
#: A running line repeats on at least this share of the pages (and on two at least).
REPEATS = 0.5


@dataclass(frozen=True)
class Line:
    """One line of text: its words, box (points, from the page's top-left) and character sizes."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    sizes: tuple[float, ...]


@dataclass(frozen=True)
class Heading:
    """A heading from the PDF's outline: its title, depth (0 outermost) and box on its page."""

    title: str
    level: int
    top: float
    bottom: float


@dataclass(frozen=True)
class Table:
    """A ruled table (or table fragment) on one page: its box, where the cells of its first and last
    rows start (points from the page's left), the text of its rows' cells, and the heights of
    its rows (points)."""

    top: float
    bottom: float
    first_columns: tuple[float, ...]
    last_columns: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    heights: tuple[float, ...] = ()


@dataclass(frozen=True)
class PageLayout:
    """One page: its body lines, running lines, headings, tables and the extent of its content.

    ``images`` are the pictures' boxes (x0, top, x1, bottom) and ``drawings`` the boxes of the
    rectangles, curves and rules drawn in the body (an SVG chart in a PDF is drawn, not pasted).
    ``content_top`` / ``content_bottom`` span every line, box and image of the body (None on an
    empty page). ``left`` / ``right`` and ``header_bottom`` / ``footer_top`` are the text area,
    the same on every page of a document.
    """

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    running: tuple[Line, ...]
    headings: tuple[Heading, ...]
    tables: tuple[Table, ...]
    images: tuple[tuple[float, float, float, float], ...]
    drawings: tuple[tuple[float, float, float, float], ...]
    content_top: float | None
    content_bottom: float | None
    left: float
    right: float
    header_bottom: float
    footer_top: float


def _is_text(char: Obj) -> bool:
    """Whether a character is text, not the watermark's (rotated, or at least 40 pt)."""
    return bool(char["upright"]) and float(char["size"]) < WATERMARK_SIZE


def _line(raw: Obj) -> Line:
    chars = [c for c in raw["chars"] if c["text"].strip()]
    return Line(
        text=" ".join(str(raw["text"]).split()),
        x0=float(raw["x0"]),
        x1=float(raw["x1"]),
        top=float(raw["top"]),
        bottom=float(raw["bottom"]),
        sizes=tuple(round(float(c["size"]), 2) for c in chars),
    )


def _key(line: Line) -> tuple[str, int]:
    """What repeats from page to page in a running line: its text without digits, its height."""
    return re.sub(r"\d+", "#", line.text), round(line.top / 2)


#: PDFium's view modes of a destination and where in its parameters the view's top is.
_TOP_PARAM = {pdfium_c.PDFDEST_VIEW_FITH: 0, pdfium_c.PDFDEST_VIEW_FITBH: 0, pdfium_c.PDFDEST_VIEW_FITR: 3}


def _top(dest: Any) -> float | None:
    """The top of a destination's view (points from the page's bottom), if it names one."""
    mode, params = dest.get_view()
    if mode == pdfium_c.PDFDEST_VIEW_XYZ:
        has = [ctypes.c_int() for _ in range(3)]
        x, y, zoom = (ctypes.c_float() for _ in range(3))
        pdfium_c.FPDFDest_GetLocationInPage(dest.raw, *has, x, y, zoom)
        return float(y.value) if has[1].value else None
    index = _TOP_PARAM.get(mode)
    return float(params[index]) if index is not None and index < len(params) else None


def _outline(pdf: pdfium.PdfDocument) -> dict[int, list[tuple[str, int, float]]]:
    """The outline's headings by page index: (title, depth, top from the page's top)."""
    found: dict[int, list[tuple[str, int, float]]] = {}
    for mark in pdf.get_toc():
        dest = mark.get_dest()
        index = dest.get_index() if dest is not None else None
        if index is None:
            continue
        top = _top(dest)
        y = pdf.get_page_size(index)[1] - top if top is not None else 0.0
        found.setdefault(index, []).append((" ".join(mark.get_title().split()), mark.level, y))
    return found


def _heading(title: str, level: int, y: float, lines: list[Line]) -> Heading:
    """The heading's box: the first line at or below ``y`` and the lines that continue its title."""
    below = [ln for ln in lines if ln.bottom > y + 1]
    if not below:
        return Heading(title, level, y, y)
    first = below[0]
    bottom = first.bottom
    for ln in below[1:]:
        if ln.top - bottom > 0.8 * max(ln.sizes or (10.0,)) or not ln.text or ln.text not in title:
            break
        bottom = ln.bottom
    return Heading(title, level, first.top, bottom)


class _Region:
    """What pdfplumber's table finder reads of a page (``TableFinder``, ``Table.extract``): the
    box of a region of it and the characters and edges in that box, clipped to it as pdfplumber's
    ``Page.crop`` clips them."""

    def __init__(self, bbox: tuple[float, float, float, float], chars: list[Obj], paths: list[Obj]):
        self.bbox = bbox
        self.chars = _crop(chars, bbox)
        kept = crop_to_bbox(paths, bbox)
        self.edges = [
            *(line_to_edge(o) for o in kept if o["object_type"] == "line"),
            *(e for o in kept if o["object_type"] == "rect" for e in rect_to_edges(o)),
            *(e for o in kept if o["object_type"] == "curve" for e in curve_to_edges(o)),
        ]

    def within(self, bbox: tuple[float, float, float, float]) -> _Region:
        """The part of this region a table covers: the characters whose middle is in ``bbox``
        (``Table.extract`` reads those only), the same edges."""
        part = _Region.__new__(_Region)
        part.bbox, part.edges = bbox, self.edges
        x0, top, x1, bottom = bbox
        part.chars = [
            c
            for c in self.chars
            if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and top <= (c["top"] + c["bottom"]) / 2 < bottom
        ]
        return part


def _crop(chars: list[Obj], bbox: tuple[float, float, float, float]) -> list[Obj]:
    """The characters in ``bbox``, clipped to it: pdfplumber's ``crop_to_bbox``, which copies
    every character, copying only those it clips."""
    x0, top, x1, bottom = bbox
    kept = []
    for c in chars:
        if c["x0"] >= x0 and c["x1"] <= x1 and c["top"] >= top and c["bottom"] <= bottom:
            kept.append(c)
        elif (clipped := clip_obj(c, bbox)) is not None:
            kept.append(clipped)
    return kept


def _tables(region: _Region) -> tuple[Table, ...]:
    tables = []
    for found in TableFinder(cast(Any, region)).tables:
        # the cells' text from the characters around the table only (``Table.extract`` tests
        # every character of its page against every row)
        found.page = cast(Any, region.within(found.bbox))
        rows = tuple(tuple(" ".join((cell or "").split()) for cell in row) for row in found.extract())
        _, t, _, b = found.bbox

        def columns(row: Any) -> tuple[float, ...]:
            return tuple(round(float(cell[0])) for cell in row.cells if cell)

        heights = tuple(float(r.bbox[3]) - float(r.bbox[1]) for r in found.rows)
        tables.append(
            Table(float(t), float(b), columns(found.rows[0]), columns(found.rows[-1]), rows, heights)
        )
    return tuple(tables)


def _box(obj: Obj) -> tuple[float, float, float, float]:
    """An object's box: x0, top, x1, bottom."""
    return float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"])


def _in_body(box: tuple[float, float, float, float], top: float, bottom: float, tallest: float) -> bool:
    """Whether ``box`` lies between ``top`` and ``bottom`` (the text area) and is less than
    ``tallest`` high (not a page-high frame)."""
    _, t, _, b = box
    return t > top and b < bottom and b - t < tallest


@dataclass(frozen=True)
class _Page:
    """One page as read: its size, text characters, painted paths and images."""

    width: float
    height: float
    chars: list[Obj]
    paths: list[Obj]
    images: list[Obj]


def _read(page: pdfium.PdfPage, descents: dict[str, float]) -> _Page:
    width, height = page.get_size()
    paths, images = objects.graphics(page)
    text = [c for c in objects.chars(page, descents) if _is_text(c)]
    return _Page(float(width), float(height), text, paths, images)


def _text_lines(page: _Page) -> list[Line]:
    """The page's lines, grouped as pdfplumber's ``Page.extract_text_lines`` groups them."""
    bbox = (0.0, 0.0, page.width, page.height)
    found = chars_to_textmap(page.chars, layout_bbox=bbox, layout_width=page.width, layout_height=page.height)
    return sorted(
        (_line(r) for r in found.extract_text_lines(strip=True, return_chars=True)), key=lambda ln: ln.top
    )


def read_pdf(path: Path) -> list[PageLayout]:
    """Read every page of the PDF at ``path``."""
    pdf = pdfium.PdfDocument(path)
    try:
        outline = _outline(pdf)
        descents = objects.descents(path)
        raw_pages = [_read(page, descents) for page in pdf]
    finally:
        pdf.close()
    all_lines = [_text_lines(p) for p in raw_pages]
    counts: Counter[tuple[str, int]] = Counter()
    for page, lines in zip(raw_pages, all_lines, strict=True):
        band = BAND * page.height
        counts.update({_key(ln) for ln in lines if ln.bottom < band or ln.top > page.height - band})
    several = len(raw_pages) > 1
    enough = max(2.0, REPEATS * len(raw_pages))
    running = [
        [
            ln
            for ln in lines
            if (ln.bottom < BAND * p.height or ln.top > (1 - BAND) * p.height)
            and (counts[_key(ln)] >= enough or not several)
        ]
        for p, lines in zip(raw_pages, all_lines, strict=True)
    ]
    heights = [p.height for p in raw_pages] or [842.0]
    width = raw_pages[0].width if raw_pages else 595.0
    tops = [ln.bottom for r in running for ln in r if ln.bottom < BAND * heights[0]]
    bottoms = [ln.top for r in running for ln in r if ln.top > (1 - BAND) * heights[0]]
    sides = [ln for r in running for ln in r]
    header_bottom = max(tops, default=0.0)
    footer_top = min(bottoms, default=heights[0])
    left = min((ln.x0 for ln in sides), default=28.0)
    right = max((ln.x1 for ln in sides), default=width - 28.0)
    pages = []
    for index, (page, lines, run) in enumerate(zip(raw_pages, all_lines, running, strict=True)):
        body = [ln for ln in lines if ln not in run]
        heads = tuple(_heading(t, lvl, y, body) for t, lvl, y in outline.get(index, []))
        frame = (header_bottom + 1, footer_top - 1, 0.9 * page.height)
        drawn = [b for b in map(_box, page.paths) if _in_body(b, *frame)]
        images = [_box(i) for i in page.images]
        boxes = [*drawn, *(i for i in images if _in_body(i, *frame))]
        extent = [(ln.top, ln.bottom) for ln in body] + [(t, b) for _, t, _, b in boxes]
        region = _Region((0.0, header_bottom + 1, page.width, footer_top - 1), page.chars, page.paths)
        pages.append(
            PageLayout(
                number=index + 1,
                width=page.width,
                height=page.height,
                lines=tuple(body),
                running=tuple(run),
                headings=heads,
                tables=_tables(region),
                images=tuple(images),
                drawings=tuple(drawn),
                content_top=min((t for t, _ in extent), default=None),
                content_bottom=max((b for _, b in extent), default=None),
                left=left,
                right=right,
                header_bottom=header_bottom,
                footer_top=footer_top,
            )
        )
    return pages
