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

And the boxes of the page's blocks (:class:`Boxes`): the space after a paragraph (``p``), a
list item (``li``) and a list (``ul``), before a list in a table cell (``td ul``), the padding of
a data cell (``td``), a list's indent (``ul { padding-left }``) and the classes whose text does
not wrap (``.num { white-space: nowrap }``). A page without the rule (a test's bare HTML) gets
base.css's value. The page's CSS is parsed once per DOCX (:func:`page_css`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import MappingProxyType

from .tree import Element

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_WIDTH = re.compile(r"(?:^|;)\s*width\s*:\s*([0-9]+(?:\.[0-9]+)?)%")
_BOLD = re.compile(r"(?:^|;)\s*font-weight\s*:\s*(?:bold|[6-9]00)\s*(?:;|$)")
_SIZE = re.compile(r"(?:^|;)\s*font-size\s*:\s*([0-9]+(?:\.[0-9]+)?)pt")
_LINE = re.compile(r"(?:^|;)\s*line-height\s*:\s*([0-9]+(?:\.[0-9]+)?)\s*(?:;|$)")
_MARGIN = re.compile(r"(?:^|;)\s*margin\s*:\s*([^;]+)")
_PADDING = re.compile(r"(?:^|;)\s*padding\s*:\s*([^;]+)")
_PADDING_LEFT = re.compile(r"(?:^|;)\s*padding-left\s*:\s*([0-9]+(?:\.[0-9]+)?)pt")
_NOWRAP = re.compile(r"(?:^|;)\s*white-space\s*:\s*nowrap\s*(?:;|$)")
_CLASS = re.compile(r"^\.([\w-]+)$")
_CELL = re.compile(r"^table\.([\w-]+)\s+t[hd]:(?:nth-child\((\d+)\)|(first-child))$")

ColumnWidths = Mapping[str, Mapping[int, float]]
"""Per table class, the share of the table's width (0-1) of each fixed column (0-based)."""

BoldColumns = Mapping[str, frozenset[int]]
"""Per table class, the columns (0-based) whose body cells (``td``) the CSS sets in bold."""


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


def _side(value: str, side: int) -> float | None:
    """Side ``side`` (0 top, 1 right, 2 bottom, 3 left) of a CSS ``margin`` or ``padding``
    shorthand, in points (``0`` or ``Npt`` parts only)."""
    parts = value.replace("!important", "").split()
    at = {1: (0, 0, 0, 0), 2: (0, 1, 0, 1), 3: (0, 1, 2, 1), 4: (0, 1, 2, 3)}.get(len(parts))
    if at is None:
        return None
    found = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)(pt)?", parts[at[side]].strip())
    return float(found.group(1)) if found and (found.group(2) or found.group(1) == "0") else None


def _bottom_margin(value: str) -> float | None:
    """The bottom of a CSS ``margin`` shorthand in points (``0`` or ``Npt`` parts only)."""
    return _side(value, 2)


def nested_list(rules: list[tuple[str, str]]) -> NestedList:
    """The size, line height and item spacing of nested lists the page's CSS sets."""
    size = line = after = list_after = None
    for selector, body in rules:
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


def _cell_rules(rules: list[tuple[str, str]]) -> list[tuple[str, str, int, str]]:
    """(table class, cell tag, column, declarations) of each cell rule of the page's CSS."""
    out = []
    for selector, body in rules:
        cell = _CELL.match(selector)
        if cell is not None:
            column = int(cell.group(2)) - 1 if cell.group(2) else 0
            out.append((cell.group(1), selector.split()[-1][:2], column, body))
    return out


def column_widths(cells: list[tuple[str, str, int, str]]) -> ColumnWidths:
    """The fixed column widths of each table class the page's cell rules set."""
    found: dict[str, dict[int, float]] = {}
    for cls, _, column, body in cells:
        width = _WIDTH.search(body)
        if width is not None:
            found.setdefault(cls, {})[column] = float(width.group(1)) / 100
    return MappingProxyType({k: MappingProxyType(v) for k, v in found.items()})


def bold_columns(cells: list[tuple[str, str, int, str]]) -> BoldColumns:
    """The columns of each table class whose body cells the page's cell rules set in bold."""
    found: dict[str, set[int]] = {}
    for cls, tag, column, body in cells:
        if tag == "td" and _BOLD.search(body):
            found.setdefault(cls, set()).add(column)
    return MappingProxyType({k: frozenset(v) for k, v in found.items()})


@dataclass(frozen=True)
class Boxes:
    """The margins and paddings of the page's blocks (points), as its CSS sets them; base.css's
    values where it sets none."""

    paragraph_after: float = 5.0
    """``p { margin: 0 0 5pt }``."""
    item_after: float = 2.0
    """``li { margin: 0 0 2pt }``."""
    list_after: float = 5.0
    """``ul, ol { margin: 0 0 5pt }``."""
    cell_list_before: float = 2.0
    """``td ul { margin: 2pt 0 0 }``."""
    cell_padding: tuple[float, float] = (3.0, 4.0)
    """``th, td { padding: 3pt 4pt }``: top and bottom, left and right."""
    list_indent: float = 14.0
    """``ul, ol { padding-left: 14pt }``."""
    nowrap: frozenset[str] = frozenset({"num"})
    """The classes whose text does not wrap (``.num { white-space: nowrap }``)."""


def boxes(rules: list[tuple[str, str]]) -> Boxes:
    """The :class:`Boxes` the page's rules set (the last rule of a selector wins)."""
    found: dict[str, object] = {}
    nowrap = set()
    margins = {"p": ("paragraph_after", 2), "li": ("item_after", 2), "ul": ("list_after", 2)}
    margins["td ul"] = ("cell_list_before", 0)
    for selector, body in rules:
        if selector in margins and (m := _MARGIN.search(body)) is not None:
            name, side = margins[selector]
            if (value := _side(m.group(1), side)) is not None:
                found[name] = value
        if selector == "td" and (m := _PADDING.search(body)) is not None:
            top, left = _side(m.group(1), 0), _side(m.group(1), 3)
            if top is not None and left is not None:
                found["cell_padding"] = (top, left)
        if selector == "ul" and (m := _PADDING_LEFT.search(body)) is not None:
            found["list_indent"] = float(m.group(1))
        if (cls := _CLASS.match(selector)) is not None and _NOWRAP.search(body):
            nowrap.add(cls.group(1))
    if nowrap:
        found["nowrap"] = frozenset(nowrap)
    return Boxes(**found)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PageCss:
    """What the DOCX takes from the page's CSS, read once per document (:func:`page_css`)."""

    widths: ColumnWidths = field(default_factory=lambda: MappingProxyType({}))
    bold: BoldColumns = field(default_factory=lambda: MappingProxyType({}))
    nested: NestedList = NestedList()
    boxes: Boxes = Boxes()


def page_css(root: Element) -> PageCss:
    """The page's ``<style>`` parsed once: column widths, bold columns, nested lists, boxes."""
    rules = _rules(root)
    cells = _cell_rules(rules)
    return PageCss(column_widths(cells), bold_columns(cells), nested_list(rules), boxes(rules))


PAGE_CSS: ContextVar[PageCss] = ContextVar("PAGE_CSS", default=PageCss())  # noqa: B039 (frozen)
"""The CSS of the page being converted (set by :func:`slagen.docx.html_to_docx`)."""


def bold_for(classes: tuple[str, ...]) -> frozenset[int]:
    """The bold body columns of a table with ``classes`` on the page being converted."""
    table = PAGE_CSS.get().bold
    return frozenset().union(*(table.get(cls, frozenset()) for cls in classes))


def widths_for(classes: tuple[str, ...]) -> dict[int, float]:
    """The fixed column shares for a table with ``classes`` on the page being converted."""
    table = PAGE_CSS.get().widths
    out: dict[int, float] = {}
    for cls in classes:
        out.update(table.get(cls, {}))
    return out
