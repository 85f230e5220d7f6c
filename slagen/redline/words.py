"""Word-level marks inside one changed leaf, keeping the leaf's inline markup.

A leaf (a paragraph, list item, table cell or heading) holds text and inline elements: a
clause's bold heading (``<strong>Version.</strong>``), a link, a figure in a ``<span>``. Its words
are compared as text, each word remembering the inline elements it sits in; the marked leaf is
then built again from the words, every word inside its own inline elements (a deleted word in
the old version's, a kept or inserted word in the new version's) and a changed run of words in
``<del>`` or ``<ins>`` innermost. So "**Version.** ... ~~sha256:4c2a~~ sha256:8063" keeps the bold
heading, and only the words that differ are marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..docx.tree import Element

INS, DEL = "ins", "del"
#: White space between words: a no-break space (U+00A0, U+202F) is not, since the document puts
#: one where two pieces must stay together (a figure's digit groups and its currency, "15 000,00
#: USD"; a Polish one-letter word and the next), so a changed figure is one changed word.
SPACE = re.compile(r"[^\S\u00a0\u202f]+")
#: A token: a run of white space, or a word.
TOKEN = re.compile(r"[^\S\u00a0\u202f]+|(?:[^\s]|[\u00a0\u202f])+")
_BREAK = "\n"

#: An inline ancestor of a word as the rebuilt tree writes it: tag and attributes.
Frame = tuple[str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class Word:
    """One token of a leaf (a word, one space, or a line break) and its inline ancestors."""

    text: str
    frames: tuple[Frame, ...]


def words(leaf: Element) -> list[Word]:
    """The tokens of ``leaf``'s text (runs of white space folded to one space, none at the ends)."""
    out: list[Word] = []
    _collect(leaf, (), out)
    while out and out[0].text == " ":
        out.pop(0)
    while out and out[-1].text == " ":
        out.pop()
    return out


def _collect(el: Element, frames: tuple[Frame, ...], out: list[Word]) -> None:
    for child in el.children:
        if isinstance(child, str):
            for token in TOKEN.findall(child):
                if SPACE.fullmatch(token):
                    if out and out[-1].text in (" ", _BREAK):
                        continue
                    out.append(Word(" ", frames))
                else:
                    out.append(Word(token, frames))
        elif child.tag == "br":
            if out and out[-1].text == " ":
                out.pop()
            out.append(Word(_BREAK, frames))
        elif child.tag in (INS, DEL):
            _collect(child, frames, out)
        else:
            _collect(child, (*frames, (child.tag, tuple(child.attrs.items()))), out)


def marked_children(old: Element, new: Element) -> list[Element | str]:
    """``new``'s content with the words removed from ``old`` in ``<del>`` and the added ones in
    ``<ins>``, every word inside the inline elements it has in its own version."""
    a, b = words(old), words(new)
    placed: list[tuple[tuple[Frame, ...], str | None, str]] = []
    matcher = SequenceMatcher(None, [w.text for w in a], [w.text for w in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            placed += [(w.frames, None, w.text) for w in b[j1:j2]]
            continue
        if op in ("delete", "replace"):
            placed += [(w.frames, DEL, w.text) for w in a[i1:i2]]
        if op in ("insert", "replace"):
            placed += [(w.frames, INS, w.text) for w in b[j1:j2]]
    return _build(placed)


def _build(placed: list[tuple[tuple[Frame, ...], str | None, str]]) -> list[Element | str]:
    """Nest the placed words: consecutive words share their common inline elements."""
    root = Element("#fragment", {}, 0)
    stack: list[tuple[Frame | None, Element]] = [(None, root)]
    for frames, mark, text in placed:
        path: list[Frame] = list(frames)
        if mark is not None:
            path.append((mark, ()))
        depth = 0
        while depth < len(path) and depth + 1 < len(stack) and stack[depth + 1][0] == path[depth]:
            depth += 1
        del stack[depth + 1 :]
        for frame in path[depth:]:
            el = Element(frame[0], dict(frame[1]), 0)
            stack[-1][1].children.append(el)
            stack.append((frame, el))
        target = stack[-1][1]
        if text == _BREAK:
            target.children.append(Element("br", {}, 0))
        elif target.children and isinstance(target.children[-1], str):
            target.children[-1] += text
        else:
            target.children.append(text)
    return root.children
