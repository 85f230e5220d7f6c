"""Where converted blocks go (a :class:`Story`), what they sit in (a :class:`Ctx`), and errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import RenderError
from .numbering import Numbering, indent, set_num
from .tree import Element

_STYLE_COLOUR = re.compile(r"(?:^|;)\s*(background|color|border-color)\s*:\s*(#[0-9a-fA-F]{3,6})\s*(?:;|$)")


class Story:
    """The document body or a table cell (whose first, empty paragraph is reused)."""

    def __init__(self, parent: Any, fresh: Any = None) -> None:
        self.parent = parent
        self.fresh = fresh
        self.is_cell = fresh is not None
        self.break_before = False
        """Start the next paragraph on a new page (``div.page-break``, signatures)."""
        self.made: list[Any] = []
        """The paragraphs made so far, in order (a list finds its first and last item here)."""

    def paragraph(self, style: str | None = None) -> Any:
        """A new paragraph at the end of the story."""
        if self.fresh is not None:
            p, self.fresh = self.fresh, None
            if style:
                p.style = style
        else:
            p = self.parent.add_paragraph(style=style)
        if self.break_before:
            p.paragraph_format.page_break_before = True
            self.break_before = False
        self.made.append(p)
        return p

    def table(self, rows: int, cols: int) -> Any:
        """A new table at the end of the story."""
        if self.break_before:  # Word breaks before a table only through a paragraph
            self.paragraph().paragraph_format.space_after = 0
        if not self.is_cell:
            return self.parent.add_table(rows, cols)
        if self.fresh is not None:
            self.fresh._p.getparent().remove(self.fresh._p)
        table = self.parent.add_table(rows, cols)
        self.fresh = self.parent.paragraphs[-1]  # the paragraph Word needs after a table in a cell
        return table


@dataclass
class Ctx:
    """What the blocks being converted sit in."""

    numbering: Numbering
    width: int
    """Width available to the content, in EMU."""
    item: tuple[int, int] | None = None
    """(numId, level) for the next paragraph: the first paragraph of a list item."""
    indent: int | None = None
    """Left indent (twips) the following paragraphs line up with (a list item's continuation)."""
    depth: int = 0
    """Level a list starting here gets."""
    ol: int | None = None
    """numId of the numbered list this content is in, for numbered sub-lists."""
    clauses: int | None = None
    """numId of the clause numbering of the enclosing ``section.clauses`` (legal narrative)."""
    bold: bool = False
    keep: bool = False
    """Keep every paragraph whole and with the next one (signature blocks)."""
    align_right: bool = False


Convert = Callable[[Element, Story, Ctx], None]


def misplaced(el: Element, where: str) -> RenderError:
    """The error for a vocabulary element in a place it does not belong."""
    return RenderError(
        f"DOCX: {el.describe()} at line {el.line} of the rendered HTML must be inside {where}; "
        "see docs/templates.md"
    )


def children(el: Element) -> list[Element]:
    """The child elements of ``el``; text directly inside it (where only elements belong) fails."""
    for c in el.children:
        if isinstance(c, str) and c.strip():
            raise RenderError(
                f"DOCX: text {c.strip()[:40]!r} directly inside {el.describe()} at line {el.line} "
                "of the rendered HTML; see docs/templates.md"
            )
    return el.elements()


def style_colour(el: Element, prop: str) -> str | None:
    """The ``RRGGBB`` of ``prop`` (background, color, border-color) in an inline ``style``."""
    for name, value in _STYLE_COLOUR.findall(el.attrs.get("style", "")):
        if name == prop:
            return hex6(value)
    return None


def hex6(raw: str) -> str:
    """``#rgb`` or ``#rrggbb`` as ``RRGGBB``."""
    h = raw.strip().lstrip("#")
    return (h if len(h) == 6 else "".join(c * 2 for c in h)).upper()


def data_colour(el: Element) -> str:
    """The ``RRGGBB`` of the ``data-color`` of a block or a mark (``#rgb`` or ``#rrggbb``)."""
    raw = el.attrs.get("data-color", "").strip()
    body = raw.lstrip("#")
    if not (raw.startswith("#") and len(body) in (3, 6) and all(c in "0123456789abcdefABCDEF" for c in body)):
        raise RenderError(
            f"DOCX: {el.describe()} at line {el.line} of the rendered HTML has data-color {raw!r}; "
            "expected a hex colour such as #1f77b4"
        )
    return hex6(raw)


def paragraph(story: Story, ctx: Ctx, style: str | None = None) -> Any:
    """A new paragraph, numbered when it is the first of a list item."""
    if ctx.item is not None:
        num_id, ilvl = ctx.item
        ctx.item = None
        p = story.paragraph(style or "List Paragraph")
        set_num(p, num_id, ilvl)
    else:
        p = story.paragraph(style)
        if ctx.indent is not None:
            indent(p, ctx.indent)
    if ctx.keep:
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_together = True
    if ctx.align_right:
        p.alignment = 2  # WD_ALIGN_PARAGRAPH.RIGHT
    return p
