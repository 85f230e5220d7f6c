"""A PDF read back as what the layout check needs: lines, headings, tables and the text area.

Every page is read with pdfplumber: its characters grouped into lines, the rectangles, curves and
images that draw boxes, rules and charts, and the ruled tables pdfplumber finds. Rotated
characters and characters over 40 pt are the watermark, not text. The running header and footer
are the lines that repeat at the same height on several pages (digits ignored, so "Page 2 of 9"
repeats); the text area lies between them and is as wide as they are. Headings come from the
PDF's outline (WeasyPrint makes one from ``h1``-``h3``, LibreOffice from Word's heading styles),
with their depth and position.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pypdf

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


def _is_text(obj: dict[str, Any]) -> bool:
    """Whether a pdfplumber object is not a watermark character."""
    if obj.get("object_type") != "char":
        return True
    return bool(obj["upright"]) and float(obj["size"]) < WATERMARK_SIZE


def _line(raw: dict[str, Any]) -> Line:
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


def _outline(path: Path) -> dict[int, list[tuple[str, int, float]]]:
    """The outline's headings by page index: (title, depth, top from the page's top)."""
    reader = pypdf.PdfReader(str(path))
    found: dict[int, list[tuple[str, int, float]]] = {}

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
                continue
            index = reader.get_destination_page_number(item)
            if index is None:
                continue
            height = float(reader.pages[index].mediabox.height)
            top = item.get("/Top")
            y = height - float(top) if top is not None else 0.0
            found.setdefault(index, []).append((" ".join(str(item.title).split()), depth, y))

    walk(reader.outline, 0)
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


def _tables(page: Any, top: float, bottom: float) -> tuple[Table, ...]:
    body = page.crop((0, top, float(page.width), bottom), strict=False)
    tables = []
    for found in body.find_tables():
        rows = tuple(tuple(" ".join((cell or "").split()) for cell in row) for row in found.extract())
        _, t, _, b = found.bbox

        def columns(row: Any) -> tuple[float, ...]:
            return tuple(round(float(cell[0])) for cell in row.cells if cell)

        heights = tuple(float(r.bbox[3]) - float(r.bbox[1]) for r in found.rows)
        tables.append(
            Table(float(t), float(b), columns(found.rows[0]), columns(found.rows[-1]), rows, heights)
        )
    return tuple(tables)


def _box(obj: dict[str, Any]) -> tuple[float, float, float, float]:
    """A pdfplumber object's box: x0, top, x1, bottom."""
    return float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"])


def _in_body(box: tuple[float, float, float, float], top: float, bottom: float, tallest: float) -> bool:
    """Whether ``box`` lies between ``top`` and ``bottom`` (the text area) and is less than
    ``tallest`` high (not a page-high frame)."""
    _, t, _, b = box
    return t > top and b < bottom and b - t < tallest


def read_pdf(path: Path) -> list[PageLayout]:
    """Read every page of the PDF at ``path``."""
    outline = _outline(path)
    with pdfplumber.open(str(path)) as pdf:
        raw_pages = [page.filter(_is_text) for page in pdf.pages]
        all_lines = [
            sorted((_line(r) for r in p.extract_text_lines(return_chars=True)), key=lambda ln: ln.top)
            for p in raw_pages
        ]
        counts: Counter[tuple[str, int]] = Counter()
        for page, lines in zip(raw_pages, all_lines, strict=True):
            band = BAND * float(page.height)
            counts.update(
                {_key(ln) for ln in lines if ln.bottom < band or ln.top > float(page.height) - band}
            )
        several = len(raw_pages) > 1
        enough = max(2.0, REPEATS * len(raw_pages))
        running = [
            [
                ln
                for ln in lines
                if (ln.bottom < BAND * float(p.height) or ln.top > (1 - BAND) * float(p.height))
                and (counts[_key(ln)] >= enough or not several)
            ]
            for p, lines in zip(raw_pages, all_lines, strict=True)
        ]
        heights = [float(p.height) for p in raw_pages] or [842.0]
        width = float(raw_pages[0].width) if raw_pages else 595.0
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
            frame = (header_bottom + 1, footer_top - 1, 0.9 * float(page.height))
            drawn = [b for b in map(_box, [*page.rects, *page.curves, *page.lines]) if _in_body(b, *frame)]
            images = [_box(i) for i in page.images]
            boxes = [*drawn, *(i for i in images if _in_body(i, *frame))]
            extent = [(ln.top, ln.bottom) for ln in body] + [(t, b) for _, t, _, b in boxes]
            pages.append(
                PageLayout(
                    number=index + 1,
                    width=float(page.width),
                    height=float(page.height),
                    lines=tuple(body),
                    running=tuple(run),
                    headings=heads,
                    tables=_tables(page, header_bottom + 1, footer_top - 1),
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
