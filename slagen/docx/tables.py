"""Tables, side-by-side columns, coloured blocks and signature blocks, all as Word tables.

Data tables get Word's header-row repeat (``w:tblHeader``) and rows that never split across a
page (``w:cantSplit``); columns are a borderless table of one row; a coloured block is a
one-cell table shaded with a tint of its ``data-color`` and edged in the colour itself.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Pt
from docx.table import _Cell

from ..errors import RenderError
from . import inline
from .css import PAGE_CSS, bold_for, widths_for
from .oxml import insert_ppr
from .page import lines_of
from .story import Convert, Ctx, Story, children, data_colour, misplaced, paragraph, style_colour
from .styles import DEJAVU_LINE
from .tree import Element
from .vocabulary import INLINE, WHOLE

HEADER_FILL = "ECEFF2"  # the PDF's th background
CELL_PADDING = 2 * 72000  # left and right padding of a cell, in EMU (about 2 mm)
_NO_BORDERS = "".join(
    f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_GRID = '<w:{s} w:val="single" w:sz="4" w:space="0" w:color="B8B8B8"/>'
_GRID_BORDERS = "".join(_GRID.format(s=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))


def _span(cell: Element) -> int:
    raw = cell.attrs.get("colspan", "1")
    return int(raw) if raw.isdigit() and int(raw) > 0 else 1


def _rows(el: Element) -> tuple[list[tuple[Element, bool]], Element | None]:
    rows: list[tuple[Element, bool]] = []
    caption = None
    for part in children(el):
        if part.tag == "caption":
            caption = part
        elif part.tag in ("thead", "tbody"):
            for tr in children(part):
                if tr.tag != "tr":
                    raise misplaced(tr, "<tr>")
                rows.append((tr, part.tag == "thead"))
        elif part.tag == "tr":
            rows.append((part, False))
        else:
            raise misplaced(part, "<thead>, <tbody> or <tr>, not directly in <table>")
    for tr, _ in rows:
        for cell in children(tr):
            if cell.tag not in ("td", "th"):
                raise misplaced(cell, "<td> or <th>, not directly in <tr>")
            if "rowspan" in cell.attrs:
                raise RenderError(
                    f"DOCX: {cell.describe()} at line {cell.line} uses rowspan, which the vocabulary has not"
                )
    return rows, caption


def table(el: Element, story: Story, ctx: Ctx, convert: Convert) -> None:
    """A data table: header rows shaded and repeated on each page, rows kept whole."""
    rows, caption = _rows(el)
    if caption is not None:
        p = paragraph(story, replace(ctx, item=None), "Caption")
        p.paragraph_format.keep_with_next = True
        inline.add_runs(p, inline.collect(caption.children))
    if not rows:
        return
    ncols = max(sum(_span(c) for c in tr.elements()) for tr, _ in rows)
    t = story.table(len(rows), ncols)
    borders(t, _GRID_BORDERS)
    cell_margins(t, *_cell_padding())
    bold_columns = bold_for(el.classes)
    widths = _column_widths(rows, ncols, ctx.width, widths_for(el.classes), bold_columns)
    set_grid(t, widths)
    for row, (tr, header) in zip(t.rows, rows, strict=True):
        row_props(row, header=header)
        tcs = list(row._tr.tc_lst)  # cells by element: python-docx's table.cell() is quadratic
        col = 0
        for cell_el in tr.elements():
            span = min(_span(cell_el), ncols - col)
            tc = tcs[col]
            if span > 1:
                tc.get_or_add_tcPr().grid_span = span
                for merged in tcs[col + 1 : col + span]:
                    row._tr.remove(merged)
            cell = _Cell(tc, t)
            width = sum(widths[col : col + span])
            cell.width = Emu(width)
            col += span
            if header or cell_el.tag == "th":
                shade(cell, HEADER_FILL)
            inner = Ctx(
                ctx.numbering,
                width - CELL_PADDING,
                bold=header or cell_el.tag == "th" or (span == 1 and col - span in bold_columns),
                keep=ctx.keep,
                align_right=cell_el.has_class("num"),
            )
            convert(cell_el, Story(cell, cell.paragraphs[0]), inner)
        _cell_text_size(row._tr, 9)
    after_table(story)


def _cell_padding() -> tuple[int, int]:
    """A data cell's padding, top and bottom, and left and right, in twips (``th, td { padding:
    3pt 4pt }`` of the page's CSS)."""
    top, side = PAGE_CSS.get().boxes.cell_padding
    return round(top * 20), round(side * 20)


def after_table(story: Story) -> None:
    """A small gap after a table in the body (the PDF's table margin)."""
    if not story.is_cell:
        gap = story.paragraph()
        gap.paragraph_format.space_after = Pt(0)
        gap.paragraph_format.line_spacing = Pt(6)


def _cell_text_size(tr: Any, size: float) -> None:
    """Set table text to ``size`` points where no size is set (the PDF's 9 pt tables)."""
    for r in tr.iter(qn("w:r")):
        r_pr = r.get_or_add_rPr()
        if r_pr.sz_val is None:
            r_pr.sz_val = Pt(size)


CHAR = 63500  # width of an average character of 9 pt table text, in EMU
BOLD_CHAR = 1.12  # how much wider bold DejaVu Sans is than regular, on average


def _widest_lines(cell: Element) -> list[int]:
    """The length, in characters, of each line of a cell's content at its widest (its
    max-content): text breaks only at ``<br>`` and between blocks (paragraphs, list items,
    which start indented)."""
    lines: list[int] = []
    current: list[str] = []
    list_indent = round(PAGE_CSS.get().boxes.list_indent / (CHAR / 12700))  # in characters

    def end(indent: int) -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(len(text) + indent)
        current.clear()

    def walk(el: Element, indent: int) -> None:
        for child in el.children:
            if isinstance(child, str):
                current.append(child)
            elif child.tag == "br":
                end(indent)
            elif child.tag in INLINE:
                walk(child, indent)
            else:
                end(indent)
                walk(child, indent + (list_indent if child.tag in ("ul", "ol") else 0))
                end(indent)
        end(indent)

    walk(cell, 0)
    return lines


def _unwrapped_widths(rows: list[tuple[Element, bool]], ncols: int) -> list[int]:
    """Per column, the width (EMU, with the padding) of its widest cell that does not wrap
    (``white-space: nowrap`` in the page's CSS: ``.num``)."""
    nowrap = PAGE_CSS.get().boxes.nowrap
    out = [0] * ncols
    for tr, _ in rows:
        col = 0
        for cell in tr.elements():
            span = _span(cell)
            if span == 1 and col < ncols and any(cell.has_class(c) for c in nowrap):
                widest = max(_widest_lines(cell), default=0)
                out[col] = max(out[col], (widest + 1) * CHAR + 150000)
            col += span
    return out


#: Where a line may break: the spaces HTML collapses. A no-break space (U+00A0, U+202F) joins
#: the words on either side into one token: "+48 22 555 0140", "9500,00 USD".
_BREAKS = re.compile(r"[ \t\n\r\f]+")


#: Small print whose tokens set no column's minimum: the internal ids under a derivation's name
#: (``span.name``, "availability.downtime_minutes.2026-10"), which may break anywhere rather than
#: squeeze the formula column beside them to a strip.
_NO_FLOOR = frozenset({"name"})


def _unbroken_text(cell: Element) -> str:
    """The cell's text less its :data:`_NO_FLOOR` small print (a space in its place)."""
    return "".join(
        c if isinstance(c, str) else " " if any(c.has_class(k) for k in _NO_FLOOR) else _unbroken_text(c)
        for c in cell.children
    )


def _content_widths(
    rows: list[tuple[Element, bool]], ncols: int, bold: frozenset[int]
) -> tuple[list[int], list[int]]:
    """Per column, in characters: its min-content (the longest token no line break may split,
    :data:`_BREAKS`, less :data:`_NO_FLOOR` small print) and its max-content (the widest line);
    a header cell's text and a ``bold`` column's are wider (:data:`BOLD_CHAR`)."""
    longest = [0] * ncols
    wanted = [3] * ncols
    for tr, header in rows:
        col = 0
        for cell in tr.elements():
            span = _span(cell)
            if span == 1 and col < ncols:
                scale = BOLD_CHAR if header or cell.tag == "th" or col in bold else 1.0
                tokens = [t for t in _BREAKS.split(_unbroken_text(cell)) if t]
                longest[col] = max(longest[col], *(round((len(t) + 1) * scale) for t in tokens), 0)
                wanted[col] = max(wanted[col], *(round((n + 1) * scale) for n in _widest_lines(cell)), 3)
            col += span
    return longest, wanted


def _column_widths(
    rows: list[tuple[Element, bool]],
    ncols: int,
    total: int,
    fixed: dict[int, float] | None = None,
    bold: frozenset[int] = frozenset(),
) -> list[int]:
    """Widths as a browser's automatic table layout gives them (CSS 2.1, 17.5.2.2): every column
    at least as wide as its longest unbreakable token (its minimum: a phone number or an amount
    with its currency joined by no-break spaces, a period id, an e-mail address, "USD"), the
    ``fixed`` columns at their share of the width (as the style's CSS sets them) or their
    minimum if that is wider, and the room left over shared in proportion to how much wider
    than its minimum each other column's widest line wants to be (its maximum). A fixed column
    is also as wide as its cells that do not wrap (``.num { white-space: nowrap }``: "6,000.00
    EUR a month"), as the browser's is; the columns a fixed one grows into give the room."""
    fixed = {c: share for c, share in (fixed or {}).items() if 0 <= c < ncols}
    unwrapped = _unwrapped_widths(rows, ncols)
    longest, wanted = _content_widths(rows, ncols, bold)
    # a fixed column: its longest token and the cell's padding (``td { padding: 3pt 4pt }``)
    padding = 2 * _cell_padding()[1] * 635
    floor = {c: longest[c] * CHAR + padding if longest[c] else 0 for c in fixed}
    set_width = {c: max(int(total * share), unwrapped[c], floor[c]) for c, share in fixed.items()}
    if sum(set_width.values()) >= total or len(set_width) == ncols:
        out = [set_width.get(c, 0) for c in range(ncols)]
        grown = {c for c in set_width if set_width[c] > int(total * fixed[c])}
        rest = [c for c in range(ncols) if c not in grown]
        if grown and sum(out) > total and rest:  # the other columns give the room, in proportion
            over, share = sum(out) - total, sum(out[c] for c in rest)
            for c in rest:
                out[c] -= over * out[c] // share
        out[-1] += total - sum(out)
        return out
    free = [c for c in range(ncols) if c not in set_width]
    room = total - sum(set_width.values())
    least = [max(longest[c], 3) * CHAR + 150000 for c in free]  # plus the cell's padding
    most = [max(wanted[c] * CHAR + 150000, m) for c, m in zip(free, least, strict=True)]
    if sum(least) >= room:
        auto = [room * w // sum(least) for w in least]
    elif sum(most) <= room:  # every column at its widest, the rest shared by that width
        auto = [w + (room - sum(most)) * w // sum(most) for w in most]
    else:
        extra = [w - m for w, m in zip(most, least, strict=True)]
        auto = [m + (room - sum(least)) * e // sum(extra) for m, e in zip(least, extra, strict=True)]
    out = [set_width.get(c, 0) for c in range(ncols)]
    for c, w in zip(free, auto, strict=True):
        out[c] = w
    out[-1] += total - sum(out)
    return out


def set_grid(t: Any, widths: list[int]) -> None:
    """Fix the column widths of table ``t`` (EMU)."""
    for gc, w in zip(t._tbl.tblGrid.gridCol_lst, widths, strict=True):
        gc.w = Emu(w)
    for tr in t._tbl.tr_lst:
        for tc, w in zip(tr.tc_lst, widths, strict=False):
            tc.width = Emu(w)


def row_props(row: Any, *, header: bool, split: bool = False) -> None:
    """Mark a row as a repeating header row and/or one that does not split across pages."""
    tr_pr = row._tr.get_or_add_trPr()
    if not split:
        tr_pr.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    if header:
        tr_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def shade(cell: Any, fill: str) -> None:
    """Fill a table cell with colour ``fill`` (``RRGGBB``)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    tc_pr.insert_element_before(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'),
        "w:noWrap",
        "w:tcMar",
        "w:textDirection",
        "w:tcFitText",
        "w:vAlign",
        "w:hideMark",
    )


def cell_margins(t: Any, vertical: int, horizontal: int) -> None:
    """Pad every cell of table ``t``: ``vertical`` twips above and below, ``horizontal`` at
    the sides."""
    tbl_pr = t._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblCellMar")):
        tbl_pr.remove(old)
    sides = "".join(
        f'<w:{side} w:w="{w}" w:type="dxa"/>'
        for side, w in (("top", vertical), ("left", horizontal), ("bottom", vertical), ("right", horizontal))
    )
    tbl_pr.insert_element_before(
        parse_xml(f"<w:tblCellMar {nsdecls('w')}>{sides}</w:tblCellMar>"),
        "w:tblLook",
        "w:tblCaption",
        "w:tblDescription",
    )


def borders(t: Any, spec: str) -> None:
    """Set the borders of table ``t`` (``w:tblBorders`` content)."""
    tbl_pr = t._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    tbl_pr.insert_element_before(
        parse_xml(f"<w:tblBorders {nsdecls('w')}>{spec}</w:tblBorders>"),
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
        "w:tblCaption",
        "w:tblDescription",
    )


#: A column of at most this many paragraphs and list items is never split across pages.
SHORT_COLUMN = 10


def _lines(el: Element) -> int:
    """How many paragraphs, headings and list items ``el`` holds (a column's height, roughly)."""
    return sum(1 if c.tag in ("p", "li", "h2", "h3") else _lines(c) for c in el.elements())


def columns(el: Element, story: Story, ctx: Ctx, convert: Convert) -> None:
    """``div.columns > div.column``: side by side, as a borderless table of one row (never split
    across pages when the columns are ``div.columns.whole``)."""
    cols = children(el)
    for col in cols:
        if not (col.tag == "div" and col.has_class("column")):
            raise misplaced(col, '<div class="column">, not directly in <div class="columns">')
    if not cols:
        return
    t = story.table(1, len(cols))
    borders(t, _NO_BORDERS)
    # A row of cards kept on one page (.whole { break-inside: avoid }), and any row of columns
    # short enough that splitting it would only leave its heads at the foot of a page.
    if el.has_class(WHOLE) or max(_lines(col) for col in cols) <= SHORT_COLUMN:
        row_props(t.rows[0], header=False)
    width = ctx.width // len(cols)
    set_grid(t, [width] * len(cols))
    for cell, col in zip(t.rows[0].cells, cols, strict=True):
        convert(col, Story(cell, cell.paragraphs[0]), Ctx(ctx.numbering, width - CELL_PADDING, keep=ctx.keep))
    after_table(story)


def tint(rgb: str, keep: float = 0.12) -> str:
    """A light tint of a colour (``keep`` of the colour, the rest white), for a readable fill."""
    parts = [int(rgb[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(255 - (255 - c) * keep):02X}" for c in parts)


def coloured(el: Element, story: Story, ctx: Ctx, convert: Convert) -> None:
    """``div.block[data-color]``: a one-cell table, tinted, with a thick edge in the colour."""
    rgb = data_colour(el)
    t = story.table(1, 1)
    side = f'w:val="single" w:sz="4" w:space="0" w:color="{tint(rgb, 0.5)}"'
    borders(
        t,
        f'<w:top {side}/><w:left w:val="single" w:sz="24" w:space="0" w:color="{rgb}"/>'
        f"<w:bottom {side}/><w:right {side}/>",
    )
    set_grid(t, [ctx.width])
    row_props(t.rows[0], header=False, split=story.is_cell)  # .block { break-inside: avoid }
    cell = t.rows[0].cells[0]
    fill = style_colour(el, "background")
    shade(cell, fill or tint(rgb))
    convert(el, Story(cell, cell.paragraphs[0]), Ctx(ctx.numbering, ctx.width - CELL_PADDING, keep=ctx.keep))
    after_table(story)


def signatures(blocks: list[Element], story: Story, ctx: Ctx, convert: Convert) -> None:
    """Signature blocks two to a row, as the PDF sets them, in a borderless table whose rows
    never split: a signature is never cut from its name and date."""
    per_row = 2
    nrows = (len(blocks) + per_row - 1) // per_row
    t = story.table(nrows, per_row)
    borders(t, _NO_BORDERS)
    width = ctx.width // per_row
    set_grid(t, [width] * per_row)
    for i, block in enumerate(blocks):
        cell = t.cell(i // per_row, i % per_row)
        convert(block, Story(cell, cell.paragraphs[0]), Ctx(ctx.numbering, width - CELL_PADDING, keep=True))
    for row in t.rows:
        row_props(row, header=False)
    after_table(story)


def release_keeps(document: Any) -> None:
    """Drop "keep with next" from paragraphs in table cells, except in rows of headings only.

    Inside a cell it keeps the whole row (or table) with what follows, so a tall row of
    columns would jump to the next page and leave a blank one behind; rows that must stay
    whole say so with ``w:cantSplit`` instead. A row whose every paragraph is kept with the
    next (the column heads of a grid, nothing else) keeps it: the heads stay with their cards.
    """
    body = document.element.body
    kept = set()
    for tr in body.iter(qn("w:tr")):
        paragraphs = [p for p in tr.iter(qn("w:p")) if p.xpath("string(.)").strip()]
        heads_only = not tr.findall(f".//{qn('w:tbl')}") and paragraphs
        if heads_only and all(p.pPr is not None and p.pPr.keepNext_val for p in paragraphs):
            kept.add(tr)
            continue
        for p_pr in tr.iterfind(f".//{qn('w:pPr')}"):
            _release(p_pr)
    for tbl in body.iterchildren(qn("w:tbl")):
        gap = tbl.getnext()  # the small gap after a table (after_table) keeps the chain going
        rows = tbl.findall(qn("w:tr"))
        if rows and rows[-1] in kept and gap is not None and gap.tag == qn("w:p"):
            gap.get_or_add_pPr().keepNext_val = True


def _release(p_pr: Any) -> None:
    for keep in p_pr.findall(qn("w:keepNext")):
        p_pr.remove(keep)
    style = p_pr.find(qn("w:pStyle"))
    if style is not None and style.get(qn("w:val"), "").startswith("Heading"):
        insert_ppr(p_pr, "w:keepNext", 'w:val="0"')


#: A data table of at most this many body rows is kept on one page, as the PDF keeps it.
SHORT_TABLE = 6
#: A table cell's text size (base.css ``table { font-size: 9pt }``).
TABLE_TEXT = 9.0


def _row_height(tr: Any, line: float) -> float:
    """About how tall row ``tr`` is (points): its tallest cell's lines, each paragraph at its
    width (``w:tcW``, less the padding) and text size, ``line`` times the size apart, plus the
    cell padding."""
    padding = _cell_padding()
    tallest = 0.0
    for tc in tr.iterfind(qn("w:tc")):
        width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        twips = int(width.get(qn("w:w"))) if width is not None else 2000
        height = 0.0
        for p in tc.iterfind(qn("w:p")):
            sizes = [int(v) / 2 for v in p.xpath("./w:r/w:rPr/w:sz/@w:val")]
            size = max(sizes, default=TABLE_TEXT)
            height += lines_of(p, twips - 2 * padding[1], size) * size * line + ITEM_GAP
        tallest = max(tallest, height)
    return tallest + 2 * padding[0] / 20


#: The space between the paragraphs or list items of a cell (points).
ITEM_GAP = 2.0


def keep_table_rows(document: Any) -> None:
    """Keep rows of data tables together as the PDF's CSS does (templates/base/base.css).

    A table of up to :data:`SHORT_TABLE` body rows never breaks (each row kept with the next);
    a longer one breaks with at least two rows on each side (its first body row kept with the
    second, its last but one with the last); header rows stay with the first body row. Word
    keeps a row with the next when its paragraphs are kept with the next. Only tables with a
    repeating header row (``w:tblHeader``) are data tables; columns and blocks are left alone.

    A short table taller than the page's text area (:func:`_row_height`: the derivations of a
    few goals, each row a third of a page) cannot stay on one page: it breaks as a long table
    does. Kept whole, LibreOffice would break it where the page ends, however few rows that
    leaves on the next page (one of six, Polish legal Schedule 1).
    """
    section = document.sections[0]
    page = (section.page_height - section.top_margin - section.bottom_margin) / 12700  # points
    line = (document.styles["Normal"].paragraph_format.line_spacing or 1.0) * DEJAVU_LINE
    for tbl in document.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        heads = [tr for tr in rows if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
        if not heads:
            continue
        body = [tr for tr in rows if tr not in heads]
        short = len(body) <= SHORT_TABLE and sum(_row_height(tr, line) for tr in rows) <= page
        kept = heads + (body[:-1] if short else [body[0], body[-2]] if len(body) > 1 else [])
        for tr in kept:
            for p in tr.iter(qn("w:p")):
                p.get_or_add_pPr().keepNext_val = True


def merge_heads(document: Any) -> None:
    """Put a grid's column heads into the first row of cards below them.

    In the PDF the heads of a grid (``.stage-head``, ``.goal-heads``) are kept with the first
    row of cards. Word and LibreOffice keep a paragraph with a following table only loosely,
    so the heads could end a page with their cards on the next; in the cards' row, which never
    splits (``w:cantSplit``), they cannot. A heads row is a one-row table of kept headings
    only (see :func:`release_keeps`), followed by its gap and a one-row table that never splits.
    """
    body = document.element.body
    for heads in list(body.iterchildren(qn("w:tbl"))):
        rows = heads.findall(qn("w:tr"))
        gap = heads.getnext()
        cards = gap.getnext() if gap is not None else None
        if len(rows) != 1 or rows[0].find(f".//{qn('w:tbl')}") is not None:
            continue
        paragraphs = [p for p in rows[0].iter(qn("w:p")) if p.xpath("string(.)").strip()]
        if not paragraphs or not all(p.pPr is not None and p.pPr.keepNext_val for p in paragraphs):
            continue
        if gap is None or gap.tag != qn("w:p") or gap.xpath("string(.)").strip():
            continue
        if cards is None or cards.tag != qn("w:tbl"):
            continue
        card_rows = cards.findall(qn("w:tr"))
        if len(card_rows) != 1 or card_rows[0].find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None:
            continue
        targets = card_rows[0].findall(qn("w:tc"))
        sources = rows[0].findall(qn("w:tc"))
        for i, tc in enumerate(sources):
            target = targets[min(i, len(targets) - 1)]
            at = 1 if target.find(qn("w:tcPr")) is not None else 0
            for p in tc.findall(qn("w:p")):
                if p.pPr is not None:
                    _release(p.pPr)
                target.insert(at, p)
                at += 1
        body.remove(heads)
        body.remove(gap)
