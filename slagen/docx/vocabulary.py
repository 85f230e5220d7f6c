"""The HTML vocabulary both outputs understand, and the check that a page keeps to it.

This module is the one definition of the vocabulary: ``docs/templates.md`` describes it for
template authors and points here, and ``tests/test_docx_vocabulary.py`` checks that every
built-in template keeps to it. The DOCX converter maps each
element below to a Word structure; an element or class outside this list fails the render with
a message naming it, because dropping it would silently drop contract text.
"""

from __future__ import annotations

from ..errors import RenderError
from .tree import Element

# Running elements: text repeated on every page (header and footer of the document).
RUNNING_HEADER = "running-header"
RUNNING_FOOTER = "running-footer"
RUNNING = (RUNNING_HEADER, RUNNING_FOOTER)
# The DRAFT watermark: its text goes into the header of every page.
WATERMARK = "watermark"
# Columns kept on one page: a row of cards that never splits across pages.
WHOLE = "whole"
# A party's mark (visual): an empty span the PDF draws as a shape in the party's colour
# (``shape-<shape>``, ``data-color``); the DOCX writes it as that shape's character in that
# colour, so colour AND shape still tell the parties apart.
MARK = "mark"
MARK_SHAPES = {
    "circle": "●",
    "square": "■",
    "diamond": "◆",
    "triangle": "▲",
    "bar": "▬",
    "hollow-square": "□",
    "ring": "○",
}

# The visual style's callouts, each a Word structure of its own (slagen/docx/callouts.py): the
# cover banner, a figure tile, the review timeline and the stage strip.
CALLOUTS = ("v-cover", "tile", "timeline", "flow")

# Classes a redline (slagen/redline/) adds to the page it marks: change bars and the summary
# page, which only give the PDF its look (the DOCX marks the words as tracked changes).
REDLINE_CLASSES = frozenset({"rl-changed", "rl-inserted", "rl-deleted", "rl-summary"})

# tag -> the classes with a Word mapping it may carry (besides the style-only classes below).
ELEMENTS: dict[str, frozenset[str]] = {
    # document structure; head elements carry no body text
    "html": frozenset(),
    "head": frozenset(),
    "title": frozenset(),
    "meta": frozenset(),
    "link": frozenset(),
    "style": frozenset(),
    "body": frozenset(),
    "main": frozenset(),
    "article": frozenset(),
    "section": frozenset({"signatures", "clauses", "paragraphs"}),
    "header": frozenset(RUNNING),
    "footer": frozenset(RUNNING),
    "div": frozenset(
        {
            "columns",
            "column",
            "block",
            "page-break",
            "signature",
            "sub",
            WHOLE,
            WATERMARK,
            *RUNNING,
            *CALLOUTS,
        }
    ),
    # text
    "h1": frozenset({"title"}),
    "h2": frozenset({"clause", "unnumbered"}),
    "h3": frozenset({"column-head"}),
    "p": frozenset(
        {
            "keep-next",
            "subtitle",
            "statement",
            "detail",
            "sign-line",
            "sub",
            "column-head",
            "v-kicker",
            "party-role",
            "tile-label",
            "toc",
        }
    ),
    "strong": frozenset(),
    "em": frozenset(),
    # a redline's marks (slagen/redline/): Word tracked changes; links are kept as their text
    "ins": frozenset(),
    "del": frozenset(),
    # links: a redline's summary (kept as their text), summary-first's links to headings and
    # page numbers (slagen/docx/links.py)
    "a": frozenset({"rl-link", "page-ref"}),
    "span": frozenset({"name", "from", "blank", "detail", MARK}),
    "br": frozenset(),
    # a place a long word may wrap (an e-mail address, slagen/render/breaks.py): no character
    "wbr": frozenset(),
    # lists and defined terms
    "ul": frozenset({"ticks", "warn"}),
    "ol": frozenset({"alpha", "parties-list"}),
    "li": frozenset(),
    "dl": frozenset(),
    "dt": frozenset(),
    "dd": frozenset(),
    # tables
    "table": frozenset(),
    "caption": frozenset(),
    "thead": frozenset(),
    "tbody": frozenset(),
    "tr": frozenset(),
    "th": frozenset({"num"}),
    "td": frozenset({"num"}),
    # pictures
    "figure": frozenset({"chart", "logo"}),
    "img": frozenset(),
    "figcaption": frozenset(),
}

# Classes that only give a part its look in the PDF (a party's card, a kind of table, a panel) and
# change no text: the DOCX keeps their content with the element's own mapping. A class that adds
# or hides text in the PDF (CSS ``content``, ``display: none``) must instead get a mapping above.
STYLE_ONLY: frozenset[str] = frozenset(
    {
        # base and two-column
        "parties",
        "goals",
        "goal",
        "party",
        "party-name",
        "warning",
        "shared",
        "breakdown",
        "derivations",
        "nobr",  # kept on one line in the PDF (a derivation's value: "21.27 minutes")
        "support",
        "total",
        "note",
        "none",
        "intro",
        "lead",
        # tabular
        "facts",
        "sev",
        "contacts",
        "reports",
        "who",
        "step-no",
        "wide",
        # two-column: the goal grid's column heads and rows
        "goal-heads",
        "goal-row",
        # visual
        "v-sub",
        "legend",
        "legend-title",
        "legend-item",
        "flow-step",
        "stage",
        "stage-columns",
        "stage-head",
        "stage-row",
        "shared-head",
        "panel",
        "panel-title",
        "clause",  # a clause panel that may run over a page (visual.css)
        "party-card",
        "goal-card",
        "goal-who",
        "goal-metric",
        "goal-figure",
        "goal-total",
        "goal-meta",
        "meta-label",
        "tile-column",
        "tile-figure",
        "strikes",
        "small",
        "tl-item",
        "tl-dot",
        "end",
        "tl-label",
        "need",
        "contact",
        "contact-name",
        "arrow",
        "icon",
        # legal narrative
        "deed-sub",
        "preamble",
        "defined",
        "recital",
        "whereas",
        "operative",
        "witness",
        "schedule",
        "goal-title",
        "plain",
        "charts",
        "by-month",
        # bulleted: the facts box; a list whose bullets may break between their sub-bullets
        "b-facts",
        "b-long",
        # summary-first
        "sf-banner",
        "key",
        "toc-list",
    }
)
# Prefixes of style-only classes: style-<name> on <body>, shape-<shape> and icon-<name> on marks.
STYLE_PREFIXES = ("style-", "shape-", "icon-")

INLINE = frozenset({"strong", "em", "span", "br", "wbr", "ins", "del", "a"})
_PNG = "data:image/png;base64,"
HEAD_ONLY = frozenset({"head", "title", "meta", "link", "style"})


def _fail(el: Element, why: str) -> RenderError:
    return RenderError(
        f"DOCX: {el.describe()} at line {el.line} of the rendered HTML {why}; "
        "templates may use only the vocabulary in docs/templates.md"
    )


def check_vocabulary(root: Element) -> None:
    """Raise :class:`RenderError` naming the first element or class outside the vocabulary."""
    _walk(root, figure=None)


def mark_text(el: Element) -> str:
    """The character a ``span.mark`` stands for (its ``shape-<shape>`` class); raise
    :class:`RenderError` for a mark without a known shape or a ``data-color``."""
    shape = next((c.removeprefix("shape-") for c in el.classes if c.startswith("shape-")), "")
    if shape not in MARK_SHAPES:
        known = ", ".join(f"shape-{s}" for s in MARK_SHAPES)
        raise _fail(el, f"is a mark without a known shape (one of {known})")
    if "data-color" not in el.attrs:
        raise _fail(el, "has no data-color attribute")
    return MARK_SHAPES[shape]


def _walk(parent: Element, *, figure: str | None) -> None:
    for el in parent.elements():
        allowed = ELEMENTS.get(el.tag)
        if allowed is None:
            raise _fail(el, "is not in the vocabulary")
        unknown = [
            c
            for c in el.classes
            if c not in allowed
            and c not in STYLE_ONLY
            and c not in REDLINE_CLASSES
            and not c.startswith(STYLE_PREFIXES)
        ]
        if unknown:
            raise _fail(el, f"uses class {unknown[0]!r}, which is not in the vocabulary for <{el.tag}>")
        if el.tag == "img" and figure is None:
            raise _fail(el, 'is outside a <figure class="chart"> or <figure class="logo">')
        if el.tag == "img" and figure == "chart" and not el.attrs.get("data-png", "").startswith(_PNG):
            raise _fail(el, "has no data-png attribute holding a PNG data URI")
        if el.tag == "div" and el.has_class("block") and "data-color" not in el.attrs:
            raise _fail(el, "has no data-color attribute")
        if el.tag == "a" and not el.attrs.get("href", "").startswith("#"):
            raise _fail(el, 'links outside the document; only href="#id" of a heading is allowed')
        if el.tag == "span" and el.has_class(MARK):
            mark_text(el)
        if el.tag in INLINE:
            for child in el.elements():
                if child.tag not in INLINE:
                    raise _fail(child, f"is a block inside the inline <{el.tag}>")
        inner = figure
        if el.tag == "figure":
            inner = "chart" if el.has_class("chart") else "logo" if el.has_class("logo") else None
        _walk(el, figure=inner)
