"""The rendered HTML of a style as a small tree: elements, attributes, text and source lines.

The standard library's HTML parser is enough: the templates write well-formed HTML in a fixed
vocabulary (``docs/templates.md``), and a tree of our own keeps the converter fully typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
# Elements a browser closes by itself when a sibling starts (HTML's optional end tags).
_AUTO_CLOSE = {
    "p": frozenset({"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "dl", "section", "figure"}),
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr", "tbody", "thead"}),
    "td": frozenset({"td", "th", "tr", "tbody", "thead"}),
    "th": frozenset({"td", "th", "tr", "tbody", "thead"}),
}


@dataclass
class Element:
    """One HTML element: tag, attributes, children (elements and text) and its line."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> tuple[str, ...]:
        """The element's classes, in the order written."""
        return tuple(self.attrs.get("class", "").split())

    def has_class(self, name: str) -> bool:
        """Whether the element carries class ``name``."""
        return name in self.classes

    def elements(self) -> list[Element]:
        """The child elements (text left out)."""
        return [c for c in self.children if isinstance(c, Element)]

    def text(self) -> str:
        """All text below the element, concatenated as written."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def describe(self) -> str:
        """The element as a reader would look for it: ``<div class="x">``."""
        cls = self.attrs.get("class")
        return f'<{self.tag} class="{cls}">' if cls else f"<{self.tag}>"

    def find(self, tag: str) -> Element | None:
        """The first descendant with ``tag`` (depth first), if any."""
        for child in self.elements():
            if child.tag == tag:
                return child
            found = child.find(tag)
            if found is not None:
                return found
        return None


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        closes = _AUTO_CLOSE
        while len(self.stack) > 1 and tag in closes.get(self.stack[-1].tag, frozenset()):
            self.stack.pop()
        el = Element(tag, {k: (v or "") for k, v in attrs}, self.getpos()[0])
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        # An end tag that closes nothing is ignored, as a browser does (it holds no text).

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Element:
    """Parse rendered HTML into a tree rooted at a ``#document`` element."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root
