"""Short tables too tall for a page: a second layout that lets them break (issue 16).

``base.css`` keeps a table of up to six rows on one page: every row after the first avoids a
break before it. A short table of tall rows (a derivation per row, each with its formula and
inputs) may not fit on a page together with the heading and introduction kept with it. WeasyPrint
must then ignore an ``avoid``, and does so at the worst place: it leaves the heading alone on a
page and starts the table on the next, and drops the table's header row when the rows alone are
taller than a page.

:func:`tall_tables` finds such tables in a finished layout: a short table that runs over more
than one page, or that starts a page while what is kept with it (the element before it, whose
``break-after`` is ``avoid``) ended the page before. :func:`mark_tall` gives each the class
``tall``, under which it breaks as a long table does (header repeated, at least two rows on each
side of a break), and the document is laid out once more. A document without such a table is
laid out once, so its bytes are what they were.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element

#: The most rows a table may have for base.css to keep it on one page.
SHORT_ROWS = 6
#: The class that lets a short table break (base.css).
TALL = "tall"
_TABLE_TAG = re.compile(r"<table\b([^>]*)>", re.I)
_CLASS = re.compile(r"""\bclass\s*=\s*(["'])(.*?)\1""", re.I | re.S)


def _is_short(table: Element) -> bool:
    """Whether base.css chains the rows of ``table``: a body of two to six rows."""
    return any(
        2 <= sum(1 for row in group if row.tag == "tr") <= SHORT_ROWS
        for group in table
        if group.tag == "tbody"
    )


def _boxes(document: Any) -> Iterator[tuple[int, Any]]:
    """Every box of the layout with its page's index (none when WeasyPrint's boxes are not there)."""
    for index, page in enumerate(document.pages):
        root = getattr(page, "_page_box", None)
        if root is not None:
            for box in root.descendants():
                yield index, box


def tall_tables(root: Element, document: Any) -> list[int]:
    """The indices (in document order among the ``table`` elements of ``root``) of the short
    tables ``document``, the layout of ``root``, could not keep on one page with what leads into
    them."""
    tables = list(root.iter("table"))
    short = {id(t): i for i, t in enumerate(tables) if _is_short(t)}
    before: dict[int, int] = {}
    for parent in root.iter():
        children = list(parent)
        for previous, child in itertools.pairwise(children):
            if id(child) in short:
                before[id(previous)] = id(child)
    from weasyprint.formatting_structure import boxes

    pages: dict[int, set[int]] = {}
    lead_ends: dict[int, tuple[int, bool]] = {}
    for index, box in _boxes(document):
        key = id(getattr(box, "element", None))
        if key in short and isinstance(box, boxes.TableBox):
            pages.setdefault(key, set()).add(index)
        elif key in before and isinstance(box, boxes.BlockLevelBox):
            keep = box.style["break_after"] in ("avoid", "avoid-page")
            lead_ends[before[key]] = (index, keep)
    found = []
    for key, on in pages.items():
        lead = lead_ends.get(key)
        pushed = lead is not None and lead[1] and lead[0] < min(on)
        if len(on) > 1 or pushed:
            found.append(short[key])
    return sorted(found)


def mark_tall(html: str, indices: list[int]) -> str:
    """``html`` with the class ``tall`` added to its ``table`` elements at ``indices`` (document
    order, as :func:`tall_tables` counts them)."""
    wanted = set(indices)
    count = -1

    def mark(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        if count not in wanted:
            return m.group(0)
        attrs = m.group(1)
        cls = _CLASS.search(attrs)
        if cls is None:
            return f'<table class="{TALL}"{attrs}>'
        quote, names = cls.group(1), cls.group(2)
        return f"<table{attrs[: cls.start()]}class={quote}{names} {TALL}{quote}{attrs[cls.end() :]}>"

    return _TABLE_TAG.sub(mark, html)
