"""DOCX output: the rendered HTML of a style, turned into a Word document with python-docx.

The HTML comes from the same Jinja templates as the PDF, so both say the same words. The
templates keep to the vocabulary of ``docs/templates.md`` (:mod:`.vocabulary`); each element maps
to a Word structure (headings to Heading styles, lists to numbering definitions, tables to Word
tables with repeating header rows, columns to a borderless table, coloured blocks to shaded
cells, charts to pictures). Anything outside it fails the render instead of losing text.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from . import links
from .blocks import convert
from .css import PAGE_CSS, page_css
from .fonts import embed_fonts
from .inline import REVISION, RevisionInfo
from .numbering import Numbering
from .package import normalise_zip, read_properties, set_properties
from .page import keep_intros, release_before_breaks, set_header_footer, set_page
from .revisions import track_blocks
from .story import Ctx, Story
from .styles import body_size, heading_sizes, line_spacing, page_font, page_meta, set_styles
from .tables import keep_table_rows, merge_heads, release_keeps
from .tree import Element, parse_html
from .vocabulary import check_vocabulary


@dataclass(frozen=True)
class DocxOptions:
    """What the DOCX needs besides the HTML: the page size and the document date."""

    page_size: Literal["A4", "Letter"] = "A4"
    when: datetime = datetime(1980, 1, 1, tzinfo=UTC)
    """Creation and modification date in the properties, and the zip entries' timestamp
    (naive means UTC)."""
    revision_author: str = "slagen"
    """The author of a redline's tracked changes."""
    revision_date: datetime | None = None
    """The date of a redline's tracked changes (default: ``when``)."""


def html_to_docx(html: str, options: DocxOptions) -> bytes:
    """Convert the rendered HTML of a style into the bytes of a DOCX (same input, same bytes)."""
    root = parse_html(html)
    check_vocabulary(root)
    info = RevisionInfo(options.revision_author, options.revision_date or options.when, itertools.count(1))
    token = REVISION.set(info)
    css = PAGE_CSS.set(page_css(root))
    try:
        return _convert(root, options)
    finally:
        PAGE_CSS.reset(css)
        REVISION.reset(token)


def _convert(root: Element, options: DocxOptions) -> bytes:
    from docx import Document

    document = Document()
    boxes = PAGE_CSS.get().boxes
    set_styles(document, page_font(root), line_spacing(root), body_size(root), heading_sizes(root), boxes)
    width = set_page(document, options.page_size, page_meta(root, "page-margins"))
    body = document.element.body
    for p in list(body.iterchildren()):
        if p.tag.endswith("}p"):
            body.remove(p)
    convert(root, Story(document), Ctx(Numbering(document), width))
    track_blocks(document)
    if links.has_page_refs(document):
        links.update_fields_on_open(document)
    release_keeps(document)
    merge_heads(document)
    keep_table_rows(document)
    keep_intros(document, body_size(root))
    release_before_breaks(document)
    set_header_footer(document, root, width)
    set_properties(document, read_properties(root), options.when)
    buf = io.BytesIO()
    document.save(buf)
    return normalise_zip(embed_fonts(buf.getvalue()), options.when)


__all__ = ["DocxOptions", "html_to_docx"]
