"""The visual style's callouts as Word sees them: the cover banner, tiles, the review timeline
and the stage strip, each looking as it does in the PDF (templates/visual/visual.css).

- ``div.v-cover`` (the banner): a one-cell table filled in the style's navy, its text white,
  an orange rule under it;
- ``div.tile`` (a figure and its label, e.g. "3 strikes" or a notice period): a one-cell table
  edged in navy (``.strikes`` in rust), its text centred, the figure large and bold;
- ``div.timeline`` > ``div.tl-item`` (the review dates): a one-row table, a cell per date under
  a light rule, each with its dot (◉ for the end of term, ◎ before) in navy;
- ``div.flow`` > ``div.flow-step`` (the stage strip): one paragraph of shaded steps with their
  numbers and arrows between them, kept with the first stage (a paragraph, not a table, because
  LibreOffice does not keep a table with what follows it, and the strip must not end a page).
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

from . import inline, tables
from .story import Convert, Ctx, Story, children, paragraph
from .tree import Element

NAVY = "123A5A"
ORANGE = "F2A93B"
RUST = "A4452C"
RULE = "9FB4C8"
STEP_FILL = "E7EEF5"
GREY = "555555"
WHITE = "FFFFFF"
_RUN_AFTER_SHD = ("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout")


def _cell_story(cell: Any) -> Story:
    return Story(cell, cell.paragraphs[0])


def _shade_run(run: Any, fill: str) -> None:
    run._r.get_or_add_rPr().insert_element_before(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'), *_RUN_AFTER_SHD
    )


def _runs(cell: Any) -> list[Any]:
    from docx.text.run import Run

    return [Run(r, cell) for r in cell._tc.iter(qn("w:r"))]


def _convert_one(child: Element, story: Story, ctx: Ctx, convert: Convert) -> list[Any]:
    """Convert one element into ``story``; return the paragraphs it added (in a cell)."""
    parent = story.parent
    before = len(parent.paragraphs)
    fresh = story.fresh is not None
    convert(Element("div", {}, child.line, [child]), story, ctx)
    added = parent.paragraphs[before - (1 if fresh else 0) :]
    return [p for p in added if p.text.strip() or p.runs]


def banner(el: Element, story: Story, ctx: Ctx, convert: Convert) -> None:
    """``div.v-cover``: a navy band with white text and an orange rule under it."""
    t = story.table(1, 1)
    tables.borders(
        t,
        '<w:top w:val="nil"/><w:left w:val="nil"/>'
        f'<w:bottom w:val="single" w:sz="32" w:space="0" w:color="{ORANGE}"/><w:right w:val="nil"/>',
    )
    tables.set_grid(t, [ctx.width])
    tables.row_props(t.rows[0], header=False, split=story.is_cell)
    cell = t.rows[0].cells[0]
    tables.shade(cell, NAVY)
    convert(el, _cell_story(cell), Ctx(ctx.numbering, ctx.width - tables.CELL_PADDING))
    for run in _runs(cell):
        run.font.color.rgb = RGBColor.from_string(WHITE)
    tables.after_table(story)


def tile(el: Element, story: Story, ctx: Ctx, convert: Convert) -> None:
    """``div.tile``: a boxed, centred figure (16 pt bold, 12 in a ``.small`` tile) over its label."""
    edge = RUST if el.has_class("strikes") else NAVY
    t = story.table(1, 1)
    side = f'w:val="single" w:sz="10" w:space="0" w:color="{edge}"'
    tables.borders(t, "".join(f"<w:{s} {side}/>" for s in ("top", "left", "bottom", "right")))
    width = ctx.width // 3 if el.has_class("small") else ctx.width
    tables.set_grid(t, [width])
    tables.row_props(t.rows[0], header=False, split=story.is_cell)  # .tile { break-inside: avoid }
    cell = t.rows[0].cells[0]
    inner = _cell_story(cell)
    cell_ctx = Ctx(ctx.numbering, width - tables.CELL_PADDING)
    for child in children(el):
        for p in _convert_one(child, inner, cell_ctx, convert):
            p.alignment = 1  # centred, as .tile { text-align: center }
            p.paragraph_format.space_after = Pt(2)
            if child.has_class("tile-figure"):
                for run in p.runs:
                    run.font.bold = True
                    run.font.size = Pt(12 if el.has_class("small") else 16)
                    run.font.color.rgb = RGBColor.from_string(edge)
            elif child.has_class("tile-label"):
                for run in p.runs:
                    run.font.size = Pt(7.5)
                    run.font.color.rgb = RGBColor.from_string(GREY)
    tables.after_table(story)


def timeline(el: Element, story: Story, ctx: Ctx, convert: Convert) -> None:
    """``div.timeline``: the dates side by side under a rule, each with its dot."""
    items = [c for c in children(el) if c.has_class("tl-item")]
    if not items:
        return
    t = story.table(1, len(items))
    tables.borders(
        t,
        f'<w:top w:val="single" w:sz="16" w:space="0" w:color="{RULE}"/>'
        '<w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
        '<w:insideH w:val="nil"/><w:insideV w:val="nil"/>',
    )
    width = ctx.width // len(items)
    tables.set_grid(t, [width] * len(items))
    tables.row_props(t.rows[0], header=False)  # .timeline { break-inside: avoid }
    for cell, item in zip(t.rows[0].cells, items, strict=True):
        inner = _cell_story(cell)
        dot = inner.paragraph()
        end = any(c.has_class("tl-dot") and c.has_class("end") for c in item.elements())
        # not ● or ○: those are the parties' and the shared goals' marks in the key
        run = dot.add_run("◉" if end else "◎")
        run.font.color.rgb = RGBColor.from_string(NAVY)
        run.font.size = Pt(10)
        dot.paragraph_format.space_after = Pt(1)
        cell_ctx = Ctx(ctx.numbering, width - tables.CELL_PADDING)
        for child in item.elements():
            if child.has_class("tl-dot"):
                continue
            for p in _convert_one(child, inner, cell_ctx, convert):
                p.paragraph_format.space_after = Pt(0)
                for r in p.runs:
                    r.font.size = Pt(8.5)
                    if child.has_class("tl-label"):
                        r.font.bold = True
                        r.font.color.rgb = RGBColor.from_string(NAVY)
    tables.after_table(story)


def flow(el: Element, story: Story, ctx: Ctx) -> None:
    """``div.flow``: the stages as shaded steps in one paragraph, kept with what follows."""
    steps = [c for c in children(el) if c.has_class("flow-step")]
    if not steps:
        return
    p = paragraph(story, ctx)
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.keep_together = True
    p.paragraph_format.line_spacing = 1.35  # room for the shaded steps of a wrapped strip
    for i, step in enumerate(steps):
        if i:
            arrow = p.add_run(" ▶ ")
            arrow.font.color.rgb = RGBColor.from_string(RULE)
            arrow.font.size = Pt(8.5)
        idle = step.has_class("none")
        number = "".join(c.text() for c in step.elements() if c.has_class("step-no")).strip()
        # the step's words (a line break in the PDF's box becomes a separator on the strip)
        rest: list[Element | str] = [
            " · " if isinstance(c, Element) and c.tag == "br" else c
            for c in step.children
            if not (isinstance(c, Element) and c.has_class("step-no"))
        ]
        if number:
            n = p.add_run(f" {number} ")
            n.font.bold = True
            n.font.size = Pt(7.5)
            n.font.color.rgb = RGBColor.from_string(WHITE)
            _shade_run(n, "8A8A8A" if idle else NAVY)
        first = len(p.runs)
        inline.add_runs(p, inline.collect(["\u00a0", *rest, "\u00a0"], bold=not idle))
        for r in p.runs[first:]:
            if r.font.size is None:
                r.font.size = Pt(8.5)
            if r.font.color.rgb is None:
                r.font.color.rgb = RGBColor.from_string("5B5B5B" if idle else NAVY)
            _shade_run(r, "F2F4F6" if idle else STEP_FILL)
