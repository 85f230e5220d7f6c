"""A redline's whole blocks as Word tracked changes of the blocks themselves.

:func:`.inline.track` marks a redline's deleted and inserted *text*. A block deleted or inserted
whole (a paragraph, a list item, a table row, a section) is more: its paragraph marks and its
table rows are part of the change too. Were only the text tracked, "accept all" in Word or
LibreOffice would leave the deleted block's empty paragraphs and rows behind, and "reject all"
the inserted block's. So, after the document is built:

- a paragraph whose every piece of text is one kind of tracked change gets that change on its
  paragraph mark (``w:pPr/w:rPr/w:del`` or ``w:ins``);
- a table row whose cells hold text only of one kind of change gets it on the row
  (``w:trPr/w:del`` or ``w:ins``), and so do its cells' paragraphs;
- the empty gap paragraph after a table whose rows are all deleted (or inserted) goes with it.

A cell's last paragraph keeps its mark unless its row goes: Word keeps at least one paragraph in
a cell, and a changed cell whose words are all deleted is a cell left empty, not a cell removed.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .inline import REVISION, RevisionInfo
from .oxml import insert_ppr

_KINDS = ("w:ins", "w:del")
_TEXT = (
    qn("w:t"),
    qn("w:delText"),
    qn("w:noBreakHyphen"),
    qn("w:tab"),
    qn("w:br"),
    qn("w:drawing"),
    qn("w:fldChar"),
)


def track_blocks(document: Any) -> None:
    """Track the paragraph marks and rows of the blocks a redline deleted or inserted whole."""
    info = REVISION.get()
    if info is None:
        return
    body = document.element.body
    # each paragraph's change and each row's, worked out once (the dicts keep lxml's proxies
    # alive, so the same element is the same key)
    paragraphs = {p: _kind(p) for p in body.iter(qn("w:p"))}
    rows: dict[Any, str | None] = {}
    for tbl in list(body.iter(qn("w:tbl"))):
        kinds = []
        for tr in tbl.findall(qn("w:tr")):
            kind = rows[tr] = _row_kind(tr, paragraphs)
            kinds.append(kind)
            if kind is not None:
                _mark_row(tr, kind, info)
        if kinds and len(set(kinds)) == 1 and kinds[0] is not None:
            gap = tbl.getnext()
            if (
                gap is not None
                and gap.tag == qn("w:p")
                and paragraphs.get(gap) == ""
                and tbl.getparent() is body
            ):
                _mark_paragraph(gap, kinds[0], info)
    for p, kind in paragraphs.items():
        if kind and not _last_in_kept_cell(p, rows):
            _mark_paragraph(p, kind, info)


def _kind(p: Any) -> str | None:
    """``w:ins`` or ``w:del`` when every piece of the paragraph's text is that change, ``""``
    for a paragraph without text, ``None`` for one with text that is not all one change."""
    kinds: set[str | None] = set()
    for r in p.iter(qn("w:r")):
        if not any(child.tag in _TEXT for child in r):
            continue
        parent = r.getparent()
        while parent is not None and parent.tag == qn("w:hyperlink"):
            parent = parent.getparent()
        tag = parent.tag if parent is not None else ""
        kinds.add(next((k for k in _KINDS if tag == qn(k)), None))
    if not kinds:
        return ""
    if len(kinds) == 1 and None not in kinds:
        return kinds.pop()
    return None


def _row_kind(tr: Any, paragraphs: dict[Any, str | None]) -> str | None:
    """The change of a row whose cells' text is all one change (``None`` otherwise)."""
    kinds = {paragraphs[p] for tc in tr.findall(qn("w:tc")) for p in tc.iter(qn("w:p"))} - {""}
    if len(kinds) == 1 and None not in kinds:
        return kinds.pop()
    return None


def _last_in_kept_cell(p: Any, rows: dict[Any, str | None]) -> bool:
    """Whether ``p`` is the last paragraph of a cell whose row stays (Word keeps one there)."""
    parent = p.getparent()
    if parent is None or parent.tag != qn("w:tc"):
        return False
    paragraphs = parent.findall(qn("w:p"))
    return bool(paragraphs) and paragraphs[-1] is p and rows.get(parent.getparent()) is None


def _mark(kind: str, info: RevisionInfo) -> Any:
    mark = OxmlElement(kind)
    mark.set(qn("w:id"), str(next(info.ids)))
    mark.set(qn("w:author"), info.author)
    mark.set(qn("w:date"), info.date.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return mark


def _mark_paragraph(p: Any, kind: str, info: RevisionInfo) -> None:
    """Track the paragraph mark of ``p`` as ``kind`` (first in the mark's ``w:rPr``)."""
    p_pr = p.get_or_add_pPr()
    r_pr = p_pr.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = insert_ppr(p_pr, "w:rPr")
    if r_pr.find(qn("w:ins")) is not None or r_pr.find(qn("w:del")) is not None:
        return
    r_pr.insert(0, _mark(kind, info))


def _mark_row(tr: Any, kind: str, info: RevisionInfo) -> None:
    """Track the row ``tr`` as ``kind`` (last in ``w:trPr``, where the schema puts it)."""
    tr_pr = tr.get_or_add_trPr()
    if tr_pr.find(qn("w:ins")) is None and tr_pr.find(qn("w:del")) is None:
        tr_pr.append(_mark(kind, info))
