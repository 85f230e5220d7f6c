"""Block elements of the vocabulary as Word structures: headings, paragraphs, lists, terms.

Tables, columns and coloured blocks are in :mod:`.tables`, pictures in :mod:`.images`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Pt

from . import callouts, images, inline, links, tables
from .css import PAGE_CSS
from .inline import GREY, WHITE
from .oxml import insert_ppr
from .story import Ctx, Story, children, misplaced, paragraph, style_colour
from .styles import DEJAVU_LINE
from .tree import Element
from .vocabulary import HEAD_ONLY, INLINE, RUNNING, WATERMARK

# List classes with their own markers: ul.ticks ✓, ul.warn !, ol.alpha (a), ol.parties-list (1).
LIST_KINDS = {"ticks": "ticks", "warn": "warn", "alpha": "alpha", "parties-list": "paren"}
# Paragraph classes the PDF sets in capitals (text-transform: uppercase).
CAPS = frozenset({"v-kicker", "party-role", "tile-label"})
# Paragraph classes with a look the DOCX copies: (size in points, grey).
P_LOOKS = {"detail": (9.0, True), "subtitle": (None, True), "statement": (10.5, False)}


def convert(el: Element, story: Story, ctx: Ctx) -> None:
    """Convert the children of ``el`` (blocks, and runs of inline content) into ``story``."""
    pending: list[Element | str] = []
    kids = el.children
    i = 0
    while i < len(kids):
        child = kids[i]
        if isinstance(child, str) or child.tag in INLINE:
            pending.append(child)
            i += 1
            continue
        _flush(pending, story, ctx)
        pending = []
        if child.tag == "div" and child.has_class("signature"):
            group = []
            while i < len(kids):
                k = kids[i]
                if isinstance(k, str) and not k.strip():
                    i += 1
                elif isinstance(k, Element) and k.tag == "div" and k.has_class("signature"):
                    group.append(k)
                    i += 1
                else:
                    break
            tables.signatures(group, story, ctx, convert)
            continue
        _block(child, story, ctx)
        i += 1
    _flush(pending, story, ctx)


def _flush(pending: list[Element | str], story: Story, ctx: Ctx) -> None:
    runs = inline.collect(pending, bold=ctx.bold)
    if inline.has_text(runs):
        item = ctx.item is not None
        p = paragraph(story, ctx)
        if story.is_cell and not item:  # a cell's own text: no paragraph margin, only the padding
            p.paragraph_format.space_after = Pt(0)
        inline.add_runs(p, runs)


def _block(el: Element, story: Story, ctx: Ctx) -> None:
    tag = el.tag
    if tag in HEAD_ONLY or any(el.has_class(c) for c in (*RUNNING, WATERMARK)):
        return
    if tag == "section" and el.has_class("clauses"):
        kind = "paragraphs" if el.has_class("paragraphs") else "legal"  # § 1 and 1. (Polish)
        convert(el, story, replace(ctx, clauses=ctx.numbering.new_list(kind)))
    elif el.has_class("sub") and ctx.clauses is not None and tag in ("p", "div"):
        sub = replace(ctx, item=(ctx.clauses, 1), indent=ctx.numbering.text_indent(ctx.clauses, 1))
        if tag == "p":
            _paragraph(el, story, sub)
        else:
            convert(el, story, sub)
    elif tag in ("h1", "h2", "h3") or (tag == "p" and el.has_class("column-head")):
        _heading(el, story, ctx)
    elif tag == "p":
        _paragraph(el, story, ctx)
    elif tag in ("ul", "ol"):
        _list(el, story, ctx)
    elif tag == "table":
        tables.table(el, story, ctx, convert)
    elif tag == "dl":
        _definitions(el, story, ctx)
    elif tag == "div" and el.has_class("columns"):
        tables.columns(el, story, ctx, convert)
    elif tag == "div" and el.has_class("block"):
        tables.coloured(el, story, ctx, convert)
    elif tag == "div" and el.has_class("page-break"):
        if story.is_cell:
            raise misplaced(el, "the page, not a table or column")
        story.break_before = True
    elif tag == "div" and el.has_class("column"):
        raise misplaced(el, '<div class="columns">')
    elif tag == "figure" and (el.has_class("chart") or el.has_class("logo")):
        images.figure(el, story, ctx)
    elif tag == "div" and el.has_class("flow"):  # the stage strip stays with the first stage
        callouts.flow(el, story, ctx)
    elif tag == "div" and el.has_class("v-cover"):
        callouts.banner(el, story, ctx, convert)
    elif tag == "div" and el.has_class("tile"):
        callouts.tile(el, story, ctx, convert)
    elif tag == "div" and el.has_class("timeline"):
        callouts.timeline(el, story, ctx, convert)
    elif tag == "section" and el.has_class("signatures"):
        # As in the PDF: no page of its own, but kept on one page (every paragraph kept whole
        # and with the next).
        convert(el, story, replace(ctx, keep=True))
    elif tag == "li":
        raise misplaced(el, "<ul> or <ol>")
    elif tag in ("dt", "dd"):
        raise misplaced(el, "<dl>")
    elif tag in ("tr", "td", "th", "thead", "tbody", "caption"):
        raise misplaced(el, "<table>")
    elif tag in ("img", "figcaption"):
        raise misplaced(el, '<figure class="chart"> or <figure class="logo">')
    else:  # html, body, main, article, section, header, footer, div, figure: plain containers
        convert(el, story, ctx)


def _heading(el: Element, story: Story, ctx: Ctx) -> None:
    """h1 is the document's Title, h2 Heading 1 and h3 Heading 2 (docs/templates.md)."""
    background = style_colour(el, "background") or style_colour(el, "border-color")
    if el.has_class("column-head"):  # a column's coloured title bar, not an outline entry
        p = paragraph(story, ctx)
        p.paragraph_format.keep_with_next = True
        inline.add_runs(p, inline.collect(el.children, bold=True, colour=WHITE if background else None))
        if background:
            _shade_paragraph(p, background)
        return
    style = "Title" if el.tag == "h1" else f"Heading {int(el.tag[1]) - 1}"
    if el.has_class("clause") and ctx.clauses is not None:
        p = paragraph(story, replace(ctx, item=(ctx.clauses, 0)), style)
    else:
        p = paragraph(story, ctx, style)
    if el.has_class("unnumbered"):
        p.alignment = 1  # centred, as the PDF sets unnumbered headings
    inline.add_runs(p, inline.collect(el.children))
    if el.attrs.get("id"):
        links.add_bookmark(p, el.attrs["id"])


def _paragraph(el: Element, story: Story, ctx: Ctx) -> None:
    size, grey = None, False
    for cls in el.classes:
        if cls in P_LOOKS:
            size, grey = P_LOOKS[cls]
    colour = style_colour(el, "color") or (GREY if grey else None)
    runs = inline.collect(el.children, bold=ctx.bold, colour=colour)
    if el.has_class("sign-line"):
        p = paragraph(story, ctx)
        p.paragraph_format.space_before = Pt(18)
        _bottom_border(p)
        inline.add_runs(p, runs, size=7.5)
        return
    if inline.has_text(runs):
        p = paragraph(story, ctx)
        if el.has_class("toc"):  # a contents line: the page number right-aligned after dots
            p.paragraph_format.tab_stops.add_tab_stop(ctx.width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            p.paragraph_format.keep_with_next = True  # the contents stay on one page
        inline.add_runs(p, runs, size=size)
        if el.has_class("keep-next"):  # .keep-next { break-after: avoid }
            p.paragraph_format.keep_with_next = True
        if CAPS.intersection(el.classes):
            for run in p.runs:
                run.font.all_caps = True


def _shade_paragraph(p: Any, fill: str) -> None:
    insert_ppr(p._p.get_or_add_pPr(), "w:shd", f'w:val="clear" w:color="auto" w:fill="{fill}"')


def _bottom_border(p: Any) -> None:
    bottom = '<w:bottom w:val="single" w:sz="6" w:space="1" w:color="222222"/>'
    insert_ppr(p._p.get_or_add_pPr(), "w:pBdr", inner=bottom)


def _list(el: Element, story: Story, ctx: Ctx) -> None:
    ilvl = min(ctx.depth, 8)
    if el.tag == "ol" and ctx.ol is not None:
        num_id = ctx.ol  # a numbered sub-list continues its parent's numbering one level down
    else:
        start = el.attrs.get("start", "1")
        kind = next(
            (LIST_KINDS[c] for c in el.classes if c in LIST_KINDS), "bullet" if el.tag == "ul" else "decimal"
        )
        num_id = ctx.numbering.new_list(kind, int(start) if start.isdigit() else 1)
    first_made = len(story.made)
    for li in children(el):
        if li.tag != "li":
            raise misplaced(li, "<li>, not directly in a list")
        sub = replace(
            ctx, item=(num_id, ilvl), indent=ilvl, depth=ilvl + 1, ol=num_id if el.tag == "ol" else None
        )
        convert(li, story, sub)
    made = story.made[first_made:]
    nested = el.tag == "ul" and ctx.depth >= 1 and ctx.ol is None  # a ul in a ul's item
    if nested:
        _nested_items(made)
    if made:
        after = PAGE_CSS.get().nested.list_after if nested else None
        _list_margins(made[0], made[-1], in_cell=story.is_cell, after=after)


def _nested_items(made: list[Any]) -> None:
    """A nested list's items at the size, line height and spacing its CSS sets (``ul ul``,
    ``li > ul > li``; see :mod:`.css`), so that a long nested list takes the PDF's height."""
    nested = PAGE_CSS.get().nested
    for p in made:
        if nested.size is not None:
            for run in p.runs:
                if run.font.size is None:
                    run.font.size = Pt(nested.size)
        if nested.line_height is not None:
            p.paragraph_format.line_spacing = round(nested.line_height / DEJAVU_LINE, 2)
        if nested.item_after is not None:
            p.paragraph_format.space_after = Pt(nested.item_after)


def _list_margins(first: Any, last: Any, *, in_cell: bool, after: float | None = None) -> None:
    """The list's own margins around its items, as the PDF's CSS sets them: after the last item
    the list's bottom margin (which the item's own collapses into), and in a table cell the
    list's top margin before its first item (``ul``, ``td ul`` of the page's CSS, :mod:`.css`).
    ``after`` is the list's bottom margin where its CSS sets one of its own (a nested list's)."""
    boxes = PAGE_CSS.get().boxes
    if in_cell:
        first.paragraph_format.space_before = Pt(boxes.cell_list_before)
    else:
        margin = Pt(boxes.list_after if after is None else after)
        own = last.paragraph_format.space_after
        if own is None or own < margin:
            last.paragraph_format.space_after = margin


def _definitions(el: Element, story: Story, ctx: Ctx) -> None:
    for child in children(el):
        if child.tag == "dt":
            p = paragraph(story, ctx)
            p.paragraph_format.keep_with_next = True
            inline.add_runs(p, inline.collect(child.children, bold=True))
        elif child.tag == "dd":
            convert(child, story, replace(ctx, indent=(ctx.indent or 0) + 240))
        else:
            raise misplaced(child, "<dt> or <dd>, not directly in <dl>")
