"""Column widths the style's CSS sets for a kind of table, read from the page's ``<style>``.

The PDF's CSS fixes some columns (``table.goals th:nth-child(1) { width: 24%; }``,
``table.facts td:first-child { width: 28%; }``); the DOCX takes the same widths from the same
rules, so the two lay a table out alike and the CSS stays the one place they are written.
Only that form of rule is read: a ``table.<class>`` selector ending in a ``th`` or ``td`` with
``:nth-child(N)`` or ``:first-child``, and a ``width`` in percent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextvars import ContextVar
from types import MappingProxyType

from .tree import Element

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_WIDTH = re.compile(r"(?:^|;)\s*width\s*:\s*([0-9]+(?:\.[0-9]+)?)%")
_CELL = re.compile(r"^table\.([\w-]+)\s+t[hd]:(?:nth-child\((\d+)\)|(first-child))$")

ColumnWidths = Mapping[str, Mapping[int, float]]
"""Per table class, the share of the table's width (0-1) of each fixed column (0-based)."""

COLUMN_WIDTHS: ContextVar[ColumnWidths] = ContextVar("COLUMN_WIDTHS", default=MappingProxyType({}))
"""The column widths of the page being converted (set by :func:`slagen.docx.html_to_docx`)."""


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


def column_widths(root: Element) -> ColumnWidths:
    """The fixed column widths of each table class the page's CSS sets."""
    found: dict[str, dict[int, float]] = {}
    for selectors, body in _RULE.findall(re.sub(r"/\*.*?\*/", "", _style_text(root), flags=re.S)):
        width = _WIDTH.search(body)
        if width is None:
            continue
        for selector in selectors.split(","):
            cell = _CELL.match(" ".join(selector.split()))
            if cell is not None:
                column = int(cell.group(2)) - 1 if cell.group(2) else 0
                found.setdefault(cell.group(1), {})[column] = float(width.group(1)) / 100
    return MappingProxyType({k: MappingProxyType(v) for k, v in found.items()})


def widths_for(classes: tuple[str, ...]) -> dict[int, float]:
    """The fixed column shares for a table with ``classes`` on the page being converted."""
    table = COLUMN_WIDTHS.get()
    out: dict[int, float] = {}
    for cls in classes:
        out.update(table.get(cls, {}))
    return out
