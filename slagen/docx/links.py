"""Links inside the document: a bookmark on each heading with an ``id``, ``a href="#id"`` as a
Word hyperlink to that bookmark, and ``a.page-ref`` as the page number it lands on.

The PDF gets the same from WeasyPrint: internal links from ``href="#id"``, and the page number
from the CSS ``target-counter(attr(href), page)`` of ``a.page-ref`` (summary-first's contents).
In Word the page number is a ``PAGEREF`` field, which Word and LibreOffice compute when they lay
the document out; the document asks Word to update its fields on opening.
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

#: A Word bookmark name: a letter first, then letters, digits and ``_``, at most 40 characters.
_NOT_NAME = re.compile(r"[^A-Za-z0-9_]")
PAGE_REF = "page-ref"
#: The text of a page-number run until it is written as a field (whose shown result is empty:
#: Word and LibreOffice fill it in when they lay the document out).
PAGE_REF_SHOWN = "#"
#: The children of ``w:settings`` the schema (``CT_Settings``) puts after ``w:updateFields``.
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def bookmark_name(anchor: str) -> str:
    """The Word bookmark for the HTML ``id`` ``anchor``: ``goals`` -> ``s_goals``."""
    return ("s_" + _NOT_NAME.sub("_", anchor))[:40]


def add_bookmark(paragraph: Any, anchor: str) -> None:
    """Wrap the content of ``paragraph`` in the bookmark of ``anchor``; its number is the count of
    bookmarks before it in the document, so the same page gives the same numbers."""
    p = paragraph._p
    number = len(p.getroottree().getroot().findall(".//" + qn("w:bookmarkStart")))
    name = bookmark_name(anchor)
    start = parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{number}" w:name="{name}"/>')
    end = parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{number}"/>')
    p_pr = p.find(qn("w:pPr"))
    if p_pr is not None:
        p_pr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def hyperlink(paragraph: Any, anchor: str) -> Any:
    """A ``w:hyperlink`` to the bookmark of ``anchor`` at the end of ``paragraph``, for runs."""
    link = parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="{bookmark_name(anchor)}" w:history="1"/>')
    paragraph._p.append(link)
    return link


def add_page_ref(paragraph: Any, anchor: str) -> None:
    """The page number of the bookmark of ``anchor``, as a ``PAGEREF`` field linked to it, with
    no result until Word or LibreOffice computes one."""
    instr = f"PAGEREF {bookmark_name(anchor)} \\h"
    for xml in (
        f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>',
        f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instr} </w:instrText>',
        f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>',
    ):
        paragraph.add_run()._r.append(parse_xml(xml))
    paragraph.add_run()._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def update_fields_on_open(document: Any) -> None:
    """Ask Word to compute the document's fields (page references) when it opens the file."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        field = parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>')
        settings.insert_element_before(field, *_AFTER_UPDATE_FIELDS)


def has_page_refs(document: Any) -> bool:
    """Whether the body holds a page-number field of :func:`add_page_ref`."""
    return any("PAGEREF" in (t.text or "") for t in document.element.body.iter(qn("w:instrText")))
