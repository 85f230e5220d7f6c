"""Comparing two rendered documents block by block, then word by word.

Both versions are the HTML a style renders (the page both the PDF and the DOCX come from),
read as :class:`~slagen.docx.tree.Element` trees. The comparison walks the new document:

- the children of two matching containers are aligned with :class:`difflib.SequenceMatcher` on
  a signature of each child (tag, classes, whitespace-folded text), so an inserted goal, row or
  clause is one inserted block and the blocks around it stay unchanged;
- two aligned children of the same tag and classes that differ are compared again one level
  down, until a *leaf* (a block that holds only text and inline elements: a paragraph, a list
  item, a table cell, a heading) is reached;
- in a changed leaf the words are aligned (:mod:`.words`), and the new leaf's content becomes
  its words with the deleted ones in ``<del>`` and the inserted ones in ``<ins>``, each word in
  the inline elements it has in its version (a clause's bold heading stays bold);
- a block only in the new version is marked inserted (class ``rl-inserted``, its text in
  ``<ins>``); one only in the old version is put back where it stood, marked deleted
  (``rl-deleted``, its text in ``<del>``), so rejecting every change gives the old text;
- a picture (a chart) is compared by its image and text alternative: one whose image changed is
  marked changed (``rl-changed`` on the ``img``), as it has no words to strike;
- a run of grid rows (side-by-side columns) is compared by the cards in it, whatever row each
  stands in (:mod:`.grid`), so a card the layout moved to another row is not a change.

Every changed, inserted or deleted block gets an ``id`` (``rl-1``, ``rl-2``, ...) and a
:class:`Change` that the summary page links to. The running header, footer and watermark are
the new version's and are not compared (they carry the version stamp, which always changes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from ..docx.tree import Element
from ..docx.vocabulary import RUNNING, WATERMARK
from . import grid
from .words import SPACE, TOKEN, marked_children

INLINE = frozenset({"span", "strong", "em", "b", "i", "br", "a", "small", "sup", "sub", "code", "ins", "del"})
INS, DEL = "ins", "del"
IMG = "img"
#: A run of grid rows, compared as one block by its cards (:mod:`.grid`); never in the output.
GRID = "#grid"
CHANGED, INSERTED, DELETED = "rl-changed", "rl-inserted", "rl-deleted"
#: Elements copied from the new version without comparing them.
_NOT_COMPARED = frozenset({*RUNNING, WATERMARK})

Kind = Literal["changed", "inserted", "deleted"]


@dataclass(frozen=True)
class Change:
    """One marked place of the redline: its anchor, kind, and the words a reader sees there."""

    anchor: str
    kind: Kind
    tag: str
    old: str
    new: str

    @property
    def words(self) -> tuple[str, str]:
        """The words deleted and the words inserted (of a changed block: the first run of words
        that differs, with "…" when more follow)."""
        if self.kind != "changed":
            return self.old, self.new
        a, b = TOKEN.findall(self.old), TOKEN.findall(self.new)
        gone: list[str] = []
        came: list[str] = []
        for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op != "equal":
                gone.append("".join(a[i1:i2]).strip())
                came.append("".join(b[j1:j2]).strip())
        pairs = [(g, c) for g, c in zip(gone, came, strict=True) if g or c]
        if not pairs:
            return "", ""
        more = " …" if len(pairs) > 1 else ""
        return pairs[0][0] + more, pairs[0][1] + more


@dataclass
class Redline:
    """The new version's tree with every change marked, and the list of changes."""

    root: Element
    changes: list[Change] = field(default_factory=list)

    def _anchor(self, node: Element | str | None = None) -> str:
        """The id a change's link points to: the block's own id where it has one (a heading a
        contents line links to keeps it), else ``rl-<n>``."""
        own = node.attrs.get("id") if isinstance(node, Element) else None
        return own or f"rl-{len(self.changes) + 1}"


def fold(text: str) -> str:
    """Text with runs of white space (not no-break spaces) as one space, ends trimmed."""
    return SPACE.sub(" ", text).strip(" ")


def is_leaf(el: Element) -> bool:
    """Whether ``el`` holds only text and inline elements."""
    return all(c.tag in INLINE and is_leaf(c) for c in el.elements())


def _signature(node: Element | str) -> tuple[str, str, str]:
    if isinstance(node, str):
        return ("#text", "", fold(node))
    if node.tag == IMG:
        return (IMG, node.attrs.get("class", ""), _picture(node))
    return (node.tag, node.attrs.get("class", ""), fold(node.text()))


def _picture(img: Element) -> str:
    """What a picture shows: its text alternative and its image (a chart's data URI)."""
    return f"{fold(img.attrs.get('alt', ''))}\0{img.attrs.get('src', '')}"


def _shape(node: Element | str) -> tuple[str, str]:
    return _signature(node)[:2]


def _meaningful(children: list[Element | str]) -> list[Element | str]:
    return [c for c in children if not (isinstance(c, str) and not c.strip())]


def _with_class(el: Element, cls: str, anchor: str) -> Element:
    attrs = dict(el.attrs)
    attrs["class"] = f"{attrs['class']} {cls}" if attrs.get("class") else cls
    attrs.setdefault("id", anchor)
    return Element(el.tag, attrs, el.line, list(el.children))


def _wrap_text(node: Element | str, mark: str) -> Element | str:
    """``node`` with every piece of its text inside a ``<mark>`` element (ins or del)."""
    if isinstance(node, str):
        return Element(mark, {}, 0, [node]) if node.strip() else node
    if node.tag in (INS, DEL, "br"):
        return node
    return Element(node.tag, dict(node.attrs), node.line, [_wrap_text(c, mark) for c in node.children])


def word_diff(old: str, new: str) -> list[Element | str]:
    """The new text with the words removed from ``old`` in ``<del>`` and the added in ``<ins>``."""
    a, b = TOKEN.findall(fold(old)), TOKEN.findall(fold(new))
    out: list[Element | str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append("".join(b[j1:j2]))
            continue
        if op in ("delete", "replace"):
            out.append(Element(DEL, {}, 0, ["".join(a[i1:i2])]))
        if op in ("insert", "replace"):
            out.append(Element(INS, {}, 0, ["".join(b[j1:j2])]))
    return out


def redline(old: Element, new: Element) -> Redline:
    """The new document ``new`` with every difference from ``old`` marked (in its body: the
    head, with the title and the document's metadata, is the new version's)."""
    result = Redline(new)
    old_body, new_body = _body(old), _body(new)
    if new_body is None:
        return result
    marked = _merge(old_body if old_body is not None else Element("body", {}, 0), new_body, result)
    new_body.children = marked.children
    return result


def _body(root: Element) -> Element | None:
    return root if root.tag == "body" else root.find("body")


def _merge(old: Element, new: Element, result: Redline) -> Element:
    """``new`` with its differences from ``old`` (same tag and classes) marked."""
    if new.attrs.get("class") and set(new.classes) & _NOT_COMPARED:
        return new
    if _signature(old) == _signature(new) and _deep_equal(old, new):
        return new
    if new.tag == GRID:
        return Element(GRID, {}, 0, _merge_grid(old.children, new.children, result))
    if new.tag == IMG:  # a picture whose image changed (a chart of moved figures): framed, listed
        anchor = result._anchor(new)
        gone, came = fold(old.attrs.get("alt", "")), fold(new.attrs.get("alt", ""))
        result.changes.append(Change(anchor, "changed", IMG, gone, came))
        return _with_class(new, CHANGED, anchor)
    if is_leaf(new) and is_leaf(old):
        if fold(old.text()) == fold(new.text()):
            return new
        anchor = result._anchor(new)
        result.changes.append(Change(anchor, "changed", new.tag, fold(old.text()), fold(new.text())))
        marked = _with_class(new, CHANGED, anchor)
        marked.children = marked_children(old, new)
        return marked
    return Element(new.tag, dict(new.attrs), new.line, _merge_children(old.children, new.children, result))


def _deep_equal(a: Element | str, b: Element | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and fold(a) == fold(b)
    if (a.tag, a.attrs.get("class", "")) != (b.tag, b.attrs.get("class", "")):
        return False
    if a.tag == IMG:
        return _picture(a) == _picture(b)
    ca, cb = _meaningful(a.children), _meaningful(b.children)
    return len(ca) == len(cb) and all(_deep_equal(x, y) for x, y in zip(ca, cb, strict=True))


def _merge_children(
    old: list[Element | str], new: list[Element | str], result: Redline
) -> list[Element | str]:
    a, b = _grids(_meaningful(old)), _grids(_meaningful(new))
    out: list[Element | str] = []
    matcher = SequenceMatcher(None, [_signature(x) for x in a], [_signature(x) for x in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(_merge_pair(x, y, result) for x, y in zip(a[i1:i2], b[j1:j2], strict=True))
            continue
        out.extend(_merge_range(a[i1:i2], b[j1:j2], result))
    return [
        x
        for node in out
        for x in (node.children if isinstance(node, Element) and node.tag == GRID else [node])
    ]


def _grids(children: list[Element | str]) -> list[Element | str]:
    """``children`` with each run of grid rows as one :data:`GRID` block of those rows."""
    out, at = [], 0
    for start, end in grid.runs(children):
        rows = children[start:end]
        first = rows[0]
        assert isinstance(first, Element)
        out += [*children[at:start], Element(GRID, {"class": first.attrs.get("class", "")}, 0, rows)]
        at = end
    return out + children[at:]


def _merge_grid(old: list[Element | str], new: list[Element | str], result: Redline) -> list[Element | str]:
    """Two runs of grid rows compared by their cards (see :mod:`.grid`), in the new layout."""
    old_cards, new_cards = grid.cards(old), grid.cards(new)
    if not old_cards or not new_cards:
        return _merge_range(old, new, result)
    m = grid.match(
        old_cards, new_cards, lambda x, y: _signature(x) == _signature(y) and _deep_equal(x, y), _key
    )
    pair_of = {id(n.node): o for o, n in m.paired}
    inserted = {id(n.node) for n in m.inserted}
    first: list[grid.Card] = []
    after: dict[int, list[grid.Card]] = {}
    for d in m.deleted:
        anchor = grid.anchor_of(d, old_cards, m)
        (after.setdefault(id(anchor.node), []) if anchor else first).append(d)
    cells: dict[tuple[int, int], list[Element | str]] = {}
    for i, n in enumerate(new_cards):
        here = cells.setdefault((n.row, n.column), [])
        if i == 0:
            here += [_deleted(d.node, result) for d in first]
        o = pair_of.get(id(n.node))
        if o is not None:
            here.append(_merge(o.node, n.node, result))
        else:
            here.append(_inserted(n.node, result) if id(n.node) in inserted else n.node)
        here += [_deleted(d.node, result) for d in after.get(id(n.node), [])]
    rows: list[Element | str] = []
    for r, row in enumerate(new):
        assert isinstance(row, Element)
        columns = iter(range(len(row.children)))
        kids = [
            Element(c.tag, dict(c.attrs), c.line, cells.get((r, next(columns)), []))
            if isinstance(c, Element)
            else c
            for c in row.children
        ]
        rows.append(Element(row.tag, dict(row.attrs), row.line, kids))
    return rows


def _key(node: Element) -> str:
    """What a card is called: its kind and the words of its first block (a goal's name)."""
    first = next(iter(node.elements()), node)
    text = fold(first.text())
    return f"{node.tag}.{node.attrs.get('class', '')}: {text}" if text else ""


def _merge_pair(old: Element | str, new: Element | str, result: Redline) -> Element | str:
    if isinstance(old, Element) and isinstance(new, Element):
        return _merge(old, new, result)
    return new


def _merge_range(old: list[Element | str], new: list[Element | str], result: Redline) -> list[Element | str]:
    """A replaced range: pairs of the same shape are compared, the rest deleted or inserted,
    in document order (a deleted block stands before the new block that took its place)."""
    out: list[Element | str] = []
    i = 0
    for node in new:
        match = next((k for k in range(i, len(old)) if _shape(old[k]) == _shape(node)), None)
        if match is None:
            out.append(_inserted(node, result))
            continue
        out.extend(_deleted(x, result) for x in old[i:match])
        out.append(_paired(old[match], node, result))
        i = match + 1
    out.extend(_deleted(x, result) for x in old[i:])
    return out


def _paired(old: Element | str, new: Element | str, result: Redline) -> Element | str:
    if isinstance(old, Element) and isinstance(new, Element):
        return _merge(old, new, result)
    if isinstance(old, str) and isinstance(new, str) and fold(old) != fold(new):
        return Element("span", {}, 0, word_diff(old, new))
    return new


def _inserted(node: Element | str, result: Redline) -> Element | str:
    if isinstance(node, Element) and node.tag == GRID:
        return Element(GRID, {}, 0, [_inserted(row, result) for row in node.children])
    anchor = result._anchor(node)
    text = fold(node if isinstance(node, str) else node.text())
    result.changes.append(Change(anchor, "inserted", _shape(node)[0], "", text))
    if isinstance(node, str):
        return Element(INS, {"id": anchor}, 0, [node])
    return _with_class(_wrap_text(node, INS), INSERTED, anchor)  # type: ignore[arg-type]


def _deleted(node: Element | str, result: Redline) -> Element | str:
    if isinstance(node, Element) and node.tag == GRID:
        return Element(GRID, {}, 0, [_deleted(row, result) for row in node.children])
    anchor = result._anchor(node)
    text = fold(node if isinstance(node, str) else node.text())
    result.changes.append(Change(anchor, "deleted", _shape(node)[0], text, ""))
    if isinstance(node, str):
        return Element(DEL, {"id": anchor}, 0, [node])
    return _with_class(_wrap_text(node, DEL), DELETED, anchor)  # type: ignore[arg-type]
