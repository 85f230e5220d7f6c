"""A marked tree back to HTML, with the redline's look and its summary page."""

from __future__ import annotations

from html import escape

from ..docx.tree import VOID, Element
from ..i18n import gettext
from .compare import CHANGED, DELETED, INLINE, INSERTED

_RAW_TEXT = frozenset({"style", "script"})
_MARKED = frozenset({CHANGED, INSERTED, DELETED})
#: Blocks whose children are blocks of a fixed kind (rows, cells, items): the bar goes in those.
_GROUPS = frozenset({"table", "thead", "tbody", "tfoot", "ul", "ol", "dl"})

#: The marks: inserted words underlined in blue, deleted words struck through in red, so they
#: differ in a black-and-white copy too; a bar in the left margin beside each changed block.
#: The bar is an element of its own (``span.rl-bar``, last in the block's inline content), not a
#: ``::before``: a style's own ``::before`` (a clause's number, a list's tick) stays where it is.
#: A line may break after a deletion (a zero-width space), and a changed figure's cell wraps,
#: so "5,000.00 7,500.00 USD" never runs out of a narrow column (a figure kept on one line with
#: its unit, ``span.nobr``, wraps in a changed block: its two figures do not fit where one did). A picture (a chart) cannot be
#: struck through: a deleted one is faded in a dashed red frame, an inserted one framed in blue,
#: one whose image changed (a chart of figures that moved) in a double blue frame, and its block
#: has a bar too. The summary ends its own page,
#: so the document starts on a fresh page as in its plain PDF (a cover is never split under the
#: summary); a summary that says "no change" is short and the document follows it on its page.
CSS = """
ins { white-space: normal; text-decoration: underline; text-decoration-thickness: 0.08em; color: #1a4fa0; }
del { white-space: normal; text-decoration: line-through; text-decoration-thickness: 0.08em; color: #b3261e; margin-right: 0.4em; }
del::after { content: "\\200B"; }
.rl-changed.num, .rl-changed .num, .rl-changed .nobr { white-space: normal; }
.rl-bar-host { position: relative; }
.rl-bar { position: absolute; left: -5mm; top: 0; bottom: 0; border-left: 2pt solid #000; }
td > .rl-bar, th > .rl-bar { left: -1.5mm; }
.rl-summary { break-after: page; }
.rl-summary.rl-none { break-after: auto; border-bottom: 1.5pt solid #000; padding-bottom: 4mm; margin-bottom: 10mm; }
.rl-summary p, .rl-summary li { text-align: left; }
.rl-summary table { width: 100%; border-collapse: collapse; }
.rl-summary td, .rl-summary th { border-bottom: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
.rl-summary ol { list-style-position: inside; padding-left: 0; }
.rl-summary li { break-inside: avoid; margin-bottom: 1.5pt; }
.rl-changed, .rl-inserted { overflow-wrap: anywhere; }
.rl-changed .nobr, .rl-changed.num { overflow-wrap: normal; }
.rl-deleted img, img.rl-deleted { opacity: 0.45; outline: 1.5pt dashed #b3261e; outline-offset: 1pt; }
.rl-inserted img, img.rl-inserted { outline: 1.5pt solid #1a4fa0; outline-offset: 1pt; }
img.rl-changed { outline: 2.5pt double #1a4fa0; outline-offset: 1pt; }
"""


def css() -> str:
    """The redline's style sheet, with the word before a change's page number in the summary
    in the document's language (call inside the document's locale)."""
    page = gettext("page").replace("\\", "").replace('"', "")
    return (
        CSS
        + f'.rl-summary a.rl-link::after {{ content: " ({page} " target-counter(attr(href), page) ")"; }}\n'
    )


def serialize(node: Element | str, *, raw: bool = False) -> str:
    """``node`` as HTML text (escaped, void elements without an end tag)."""
    if isinstance(node, str):
        return node if raw else escape(node, quote=False)
    if node.tag == "#document":
        return "<!DOCTYPE html>\n" + "".join(serialize(c) for c in node.children)
    attrs = "".join(f' {k}="{escape(v, quote=True)}"' for k, v in node.attrs.items())
    if node.tag in VOID:
        return f"<{node.tag}{attrs}>"
    inner = "".join(serialize(c, raw=node.tag in _RAW_TEXT) for c in node.children)
    return f"<{node.tag}{attrs}>{inner}</{node.tag}>"


def find_first(root: Element, tag: str) -> Element | None:
    """The first element ``tag`` in document order (``root`` itself included)."""
    if root.tag == tag:
        return root
    return root.find(tag)


def add_style(root: Element, css: str) -> None:
    """Append a ``<style>`` with ``css`` to the document's head."""
    head = find_first(root, "head")
    if head is not None:
        head.children.append(Element("style", {}, 0, [css]))


def prepend_to_body(root: Element, block: Element) -> None:
    """Put ``block`` first in the document's main content (after the running elements)."""
    body = find_first(root, "body")
    if body is None:
        return
    container = body.find("main") or body
    index = 0
    for i, child in enumerate(container.children):
        if (isinstance(child, Element) and child.tag in ("header", "footer")) or (
            isinstance(child, Element)
            and {"watermark", "running-header", "running-footer"} & set(child.classes)
        ):
            index = i + 1
    container.children.insert(index, block)


def add_change_bars(node: Element) -> None:
    """Give every marked block (changed, inserted, deleted) its bar in the margin."""
    for child in node.elements():
        if _MARKED & set(child.classes):
            # a picture holds nothing: the bar of a changed one goes in the block it stands in
            for host in [node] if child.tag == "img" else _bar_hosts(child):
                _add_bar(host)
        else:
            add_change_bars(child)


def _bar_hosts(el: Element) -> list[Element]:
    """The blocks that carry the bars of marked block ``el``: itself when it holds text, else
    its rows' first cells, its items, or its blocks that hold text."""
    if el.tag == "tr":
        cells = [c for c in el.elements() if c.tag in ("td", "th")]
        return cells[:1]
    if el.tag not in _GROUPS and any(
        (isinstance(c, str) and c.strip()) or (isinstance(c, Element) and c.tag in (*INLINE, "img"))
        for c in el.children
    ):
        return [el]
    return [host for c in el.elements() for host in _bar_hosts(c)]


def _add_bar(host: Element) -> None:
    """Append the bar to ``host``'s content (last: a style's ``:first-child`` rule is unaffected)."""
    classes = host.attrs.get("class", "")
    host.attrs["class"] = f"{classes} rl-bar-host" if classes else "rl-bar-host"
    host.children.append(Element("span", {"class": "rl-bar"}, 0))
