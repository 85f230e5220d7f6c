"""Inline content (text, strong, em, span, br; a redline's ins and del) as Word runs, with
HTML's whitespace rules. Text inside ``<ins>`` / ``<del>`` becomes a Word tracked change
(``w:ins`` / ``w:del`` with ``w:delText``), by the author and date of :data:`REVISION`.

The hyphens of period ids and postal codes ("2026-Q4", "00-850") are Word's non-breaking
hyphens (``w:noBreakHyphen``), so that a narrow cell does not leave "2026-" on one line and
"Q4" on the next, as the PDF keeps them whole (:mod:`slagen.render.breaks`); the text reads
back with its plain hyphen."""

from __future__ import annotations

import itertools
import re
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from slagen.util.ids import id_hyphens

from . import links
from .story import data_colour
from .tree import Element
from .vocabulary import MARK, mark_text

_SPACE = re.compile(r"[ \t\n\r\f]+")
GREY = "555555"
WHITE = "FFFFFF"
# Inline classes with a look in the PDF that the DOCX copies: (smaller, grey, underlined blank).
SPAN_LOOKS = {"name": (True, True, False), "from": (True, True, False), "blank": (False, False, True)}
BLANK = "\u00a0" * 24  # an underlined blank to write on, as wide as the PDF's 40 mm

Revision = Literal["ins", "del"]


@dataclass
class RevisionInfo:
    """Who made the tracked changes of a document and when, and the next change's id."""

    author: str
    date: datetime
    ids: itertools.count[int]


#: The tracked changes' author and date while a DOCX is written (set by ``html_to_docx``).
REVISION: ContextVar[RevisionInfo | None] = ContextVar("REVISION", default=None)


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting, or a line break (``text == "\\n"``)."""

    text: str
    bold: bool = False
    italic: bool = False
    small: bool = False
    colour: str | None = None
    underline: bool = False
    revision: Revision | None = None
    """A redline's tracked change: inserted or deleted text."""
    anchor: str | None = None
    """The ``id`` this run links to (``a href="#id"``)."""
    page_ref: bool = False
    """The run stands for the page number of ``anchor`` (``a.page-ref``)."""


def collect(
    nodes: list[Element | str], *, bold: bool = False, small: bool = False, colour: str | None = None
) -> list[Run]:
    """The runs of a sequence of inline nodes, whitespace collapsed as a browser does."""
    raw: list[Run] = []

    def walk(node: Element | str, fmt: Run) -> None:
        if isinstance(node, str):
            raw.append(replace(fmt, text=_SPACE.sub(" ", node)))
            return
        if node.tag == "br":
            raw.append(replace(fmt, text="\n"))
            return
        if node.has_class(MARK):
            # A party's mark: its shape as a character, in its colour (white on a tinted bar,
            # whose colour is then the party's).
            colour = WHITE if fmt.colour == WHITE else data_colour(node)
            raw.append(replace(fmt, text=mark_text(node), colour=colour))
            return
        if node.tag == "a" and node.has_class(links.PAGE_REF):
            # a tab to the right-aligned, dotted tab stop of a contents line (p.toc), then the number
            raw.append(replace(fmt, text="\t"))
            raw.append(replace(fmt, text=links.PAGE_REF_SHOWN, anchor=link_target(node), page_ref=True))
            return
        inner = replace(fmt, bold=fmt.bold or node.tag == "strong", italic=fmt.italic or node.tag == "em")
        if node.tag == "ins" or node.tag == "del":
            inner = replace(inner, revision="ins" if node.tag == "ins" else "del")
        if node.tag == "a" and not node.has_class("rl-link"):  # a redline keeps its links as text
            inner = replace(inner, anchor=link_target(node))
        for cls in node.classes:
            if cls in SPAN_LOOKS:
                s, g, u = SPAN_LOOKS[cls]
                inner = replace(
                    inner, small=inner.small or s, colour=GREY if g else inner.colour, underline=u
                )
        if inner.underline and not node.text().strip():
            raw.append(replace(inner, text=BLANK))
            return
        for child in node.children:
            walk(child, inner)

    for n in nodes:
        walk(n, Run("", bold, small=small, colour=colour))
    return _trim(raw)


def link_target(el: Element) -> str:
    """The ``id`` an ``a href="#id"`` points to (the vocabulary check admits no other link)."""
    return el.attrs.get("href", "").removeprefix("#")


def _trim(raw: list[Run]) -> list[Run]:
    out: list[Run] = []
    at_line_start = True
    for run in raw:
        text = run.text
        if text == "\n":
            if out and out[-1].text.endswith(" "):
                out[-1] = replace(out[-1], text=out[-1].text.rstrip(" "))
            out.append(run)
            at_line_start = True
            continue
        if at_line_start or (out and out[-1].text.endswith(" ")):
            text = text.lstrip(" ")
        if text:
            out.append(replace(run, text=text))
            at_line_start = False
    while out and out[-1].text.endswith(" "):
        out[-1] = replace(out[-1], text=out[-1].text.rstrip(" "))
        if not out[-1].text:
            out.pop()
    return [r for r in out if r.text]


def has_text(runs: list[Run]) -> bool:
    """Whether the runs show anything but line breaks."""
    return any(r.text.strip() for r in runs if r.text != "\n")


def add_runs(paragraph: Any, runs: list[Run], *, size: float | None = None) -> None:
    """Append ``runs`` to a python-docx paragraph (``size`` in points for runs not marked small)."""
    for r in runs:
        if r.text == "\n":
            (paragraph.runs[-1] if paragraph.runs else paragraph.add_run()).add_break(WD_BREAK.LINE)
            continue
        if r.page_ref and r.anchor:
            links.add_page_ref(paragraph, r.anchor)
            continue
        run = _add_text_run(paragraph, r.text)
        if r.anchor:
            links.hyperlink(paragraph, r.anchor).append(run._r)
        if r.bold:
            run.bold = True
        if r.italic:
            run.italic = True
        if r.underline:
            run.underline = True
        if r.small:
            run.font.size = Pt(7.5)
        elif size is not None:
            run.font.size = Pt(size)
        if r.colour:
            run.font.color.rgb = RGBColor.from_string(r.colour)
        if r.revision:
            track(run._r, r.revision)


def _add_text_run(paragraph: Any, text: str) -> Any:
    """A new run of ``paragraph`` holding ``text``, the hyphens of its ids non-breaking."""
    first, *rest = id_hyphens(text)
    run = paragraph.add_run(first)
    for part in rest:
        run._r.append(OxmlElement("w:noBreakHyphen"))
        for i, piece in enumerate(part.split("\t")):
            if i:
                run._r.append(OxmlElement("w:tab"))
            if piece:
                run._r.add_t(piece)
    return run


def track(r: Any, revision: Revision) -> None:
    """Make the run element ``r`` a tracked insertion or deletion (Word's ``w:ins`` /
    ``w:del`` around it; a deleted run's text in ``w:delText``)."""
    info = REVISION.get() or RevisionInfo("slagen", datetime(1980, 1, 1), itertools.count(1))
    mark = OxmlElement(f"w:{revision}")
    r.addprevious(mark)
    mark.set(qn("w:id"), str(next(info.ids)))
    mark.set(qn("w:author"), info.author)
    mark.set(qn("w:date"), info.date.strftime("%Y-%m-%dT%H:%M:%SZ"))
    mark.append(r)
    if revision == "del":
        for t in r.findall(qn("w:t")):
            t.tag = qn("w:delText")
