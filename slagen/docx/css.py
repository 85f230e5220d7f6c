"""Column widths and bold columns the style's CSS sets for a kind of table, read from the
page's ``<style>``.

The PDF's CSS fixes some columns (``table.goals th:nth-child(1) { width: 24%; }``,
``table.facts td:first-child { width: 28%; font-weight: bold; }``); the DOCX takes the same
widths and weights from the same rules, so the two lay a table out alike (bold text is wider,
and wraps where the PDF's does) and the CSS stays the one place they are written. Only that
form of rule is read: a ``table.<class>`` selector ending in a ``th`` or ``td`` with
``:nth-child(N)`` or ``:first-child``, and a ``width`` in percent or ``font-weight: bold``.

Nested lists the same way: a style may set a list inside a list smaller and tighter than the
body (bulleted: ``ul ul { font-size: 9pt; line-height: 1.35 }``, ``li > ul > li { margin: 0 }``);
the DOCX's sub-items take that size, line height and space after from the ``ul ul`` and
``li > ul > li`` rules (the last one of each wins, as in CSS).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from types import MappingProxyType

from .tree import Element

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_WIDTH = re.compile(r"(?:^|;)\s*width\s*:\s*([0-9]+(?:\.[0-9]+)?)%")
_BOLD = re.compile(r"(?:^|;)\s*font-weight\s*:\s*(?:bold|[6-9]00)\s*(?:;|$)")
_SIZE = re.compile(r"(?:^|;)\s*font-size\s*:\s*([0-9]+(?:\.[0-9]+)?)pt")
_LINE = re.compile(r"(?:^|;)\s*line-height\s*:\s*([0-9]+(?:\.[0-9]+)?)\s*(?:;|$)")
_MARGIN = re.compile(r"(?:^|;)\s*margin\s*:\s*([^;]+)")
_CELL = re.compile(r"^table\.([\w-]+)\s+t[hd]:(?:nth-child\((\d+)\)|(first-child))$")

ColumnWidths = Mapping[str, Mapping[int, float]]
"""Per table class, the share of the table's width (0-1) of each fixed column (0-based)."""

COLUMN_WIDTHS: ContextVar[ColumnWidths] = ContextVar("COLUMN_WIDTHS", default=MappingProxyType({}))
"""The column widths of the page being converted (set by :func:`slagen.docx.html_to_docx`)."""

BoldColumns = Mapping[str, frozenset[int]]
"""Per table class, the columns (0-based) whose body cells (``td``) the CSS sets in bold."""

BOLD_COLUMNS: ContextVar[BoldColumns] = ContextVar("BOLD_COLUMNS", default=MappingProxyType({}))
"""The bold columns of the page being converted (set by :func:`slagen.docx.html_to_docx`)."""


def _style_text(root: Element) -> str:
    out: list[str] = []
    stack = [root]
    while stack:
        el = stack.pop()
        if el.tag == "style":
            out.append(el.text())
        elif el.tag != "body":  # styles are in the head
            stack.extend(el.elements())
    return "\n".join(out)


def _rules(root: Element) -> list[tuple[str, str]]:
    """(selector with its spaces collapsed, declarations) of each rule of the page's CSS."""
    out = []
    for selectors, body in _RULE.findall(re.sub(r"/\*.*?\*/", "", _style_text(root), flags=re.S)):
        out += [(" ".join(s.split()), body) for s in selectors.split(",")]
    return out


@dataclass(frozen=True)
class NestedList:
    """How the CSS sets the items of a list inside a list; None where it leaves the body's."""

    size: float | None = None
    """Font size (pt)."""
    line_height: float | None = None
    """CSS line height, a multiple of the font size."""
    item_after: float | None = None
    """Space after each item (pt), its bottom margin."""
    list_after: float | None = None
    """Space after the list (pt), its bottom margin."""


NESTED_LIST: ContextVar[NestedList] = ContextVar("NESTED_LIST", default=NestedList())  # noqa: B039 (frozen)
"""The nested lists of the page being converted (set by :func:`slagen.docx.html_to_docx`)."""


def _bottom_margin(value: str) -> float | None:
    """The bottom of a CSS ``margin`` shorthand in points (``0`` or ``Npt`` parts only)."""
    parts = value.split()
    bottom = {1: 0, 2: 0, 3: 2, 4: 2}.get(len(parts))
    if bottom is None:
        return None
    found = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)(pt)?", parts[bottom].strip())
    return float(found.group(1)) if found and (found.group(2) or found.group(1) == "0") else None


def nested_list(root: Element) -> NestedList:
    """The size, line height and item spacing of nested lists the page's CSS sets."""
    size = line = after = list_after = None
    for selector, body in _rules(root):
        if selector == "ul ul":
            if (m := _SIZE.search(body)) is not None:
                size = float(m.group(1))
            if (m := _LINE.search(body)) is not None:
                line = float(m.group(1))
            if (m := _MARGIN.search(body)) is not None:
                list_after = _bottom_margin(m.group(1))
        elif selector == "li > ul > li" and (m := _MARGIN.search(body)) is not None:
            after = _bottom_margin(m.group(1))
    return NestedList(size, line, after, list_after)


def _cell_rules(root: Element) -> list[tuple[str, str, int, str]]:
    """(table class, cell tag, column, declarations) of each cell rule of the page's CSS."""
    out = []
    for selector, body in _rules(root):
        cell = _CELL.match(selector)
        if cell is not None:
            column = int(cell.group(2)) - 1 if cell.group(2) else 0
            out.append((cell.group(1), selector.split()[-1][:2], column, body))
    return out


def column_widths(root: Element) -> ColumnWidths:
    """The fixed column widths of each table class the page's CSS sets."""
    found: dict[str, dict[int, float]] = {}
    for cls, _, column, body in _cell_rules(root):
        width = _WIDTH.search(body)
        if width is not None:
            found.setdefault(cls, {})[column] = float(width.group(1)) / 100
    return MappingProxyType({k: MappingProxyType(v) for k, v in found.items()})


def bold_columns(root: Element) -> BoldColumns:
    """The columns of each table class whose body cells the page's CSS sets in bold."""
    found: dict[str, set[int]] = {}
    for cls, tag, column, body in _cell_rules(root):
        if tag == "td" and _BOLD.search(body):
            found.setdefault(cls, set()).add(column)
    return MappingProxyType({k: frozenset(v) for k, v in found.items()})


def bold_for(classes: tuple[str, ...]) -> frozenset[int]:
    """The bold body columns of a table with ``classes`` on the page being converted."""
    table = BOLD_COLUMNS.get()
    return frozenset().union(*(table.get(cls, frozenset()) for cls in classes))


def widths_for(classes: tuple[str, ...]) -> dict[int, float]:
    """The fixed column shares for a table with ``classes`` on the page being converted."""
    table = COLUMN_WIDTHS.get()
    out: dict[int, float] = {}
    for cls in classes:
        out.update(table.get(cls, {}))
    return out
