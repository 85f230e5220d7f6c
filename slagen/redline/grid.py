"""Side-by-side layouts compared by their cards, not by their rows.

A style lays some blocks out in a grid: rows of columns (``div.columns`` of ``div.column``), as
the two-column style's goals, one column per party, and its requirements and contacts. Which row
a card stands in is layout: when a goal is deleted, the cards after it in its column move up a
row, and a column far longer than the others continues under the grid. Compared row by row, a
card that only moved would be deleted in its old row and inserted in its new one. So a run of
grid rows is compared as the cards in it (each block inside a column):

- a card of the new grid with a card of the old grid that is the same (same kind and words) is
  unchanged, whatever its row;
- the cards left are paired by the words they start with (a goal's name), then by their place
  (same row and column) and kind, and each pair is compared as any two blocks are;
- a card alike in both whose order among the cards that look alike (a party's, by its colour)
  changed was moved by the agreement's author: it is deleted there and inserted here, as a moved
  block is anywhere else;
- a new card left is inserted where it stands; an old card left is deleted, put back in the new
  grid after the new place of the card before it that looks alike (or the card above it in its
  old column, or the card before it), so a deleted goal is struck in its party's column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..docx.tree import Element

Node = Element | str


def is_row(node: Node) -> bool:
    """Whether ``node`` is a grid row: a ``div.columns`` whose blocks are all ``div.column``."""
    if not isinstance(node, Element) or node.tag != "div" or "columns" not in node.classes:
        return False
    cols = node.elements()
    return bool(cols) and all(
        c.tag == "div"
        and "column" in c.classes
        and not any(isinstance(x, str) and x.strip() for x in c.children)  # blocks only
        for c in cols
    )


def runs(children: list[Node]) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every run of grid rows among ``children``."""
    out: list[tuple[int, int]] = []
    start = None
    for i, child in enumerate([*children, ""]):
        if i < len(children) and is_row(child):
            start = i if start is None else start
        elif start is not None:
            out.append((start, i))
            start = None
    return out


@dataclass(frozen=True)
class Card:
    """A block in a grid: its row (in the run), column, and the block itself."""

    row: int
    column: int
    node: Element


def cards(rows: list[Node]) -> list[Card]:
    """The cards of ``rows`` in reading order (row by row, each row's columns left to right)."""
    out = []
    for r, row in enumerate(rows):
        assert isinstance(row, Element)
        for c, col in enumerate(row.elements()):
            out += [Card(r, c, card) for card in col.elements()]
    return out


@dataclass
class Matching:
    """How the cards of an old and a new grid correspond."""

    same: list[tuple[Card, Card]]
    """Old and new card alike (possibly in another row)."""
    paired: list[tuple[Card, Card]]
    """Old and new card that differ, to compare."""
    inserted: list[Card]
    deleted: list[Card]


def match(
    old: list[Card], new: list[Card], alike: Callable[[Element, Element], bool], key: Callable[[Element], str]
) -> Matching:
    """Match the cards of two grids: alike ones first, then by the words they start with, then by
    place and kind (``key`` gives a card's kind and first words, ``alike`` whether two are the same)."""
    left_old, left_new = list(old), list(new)
    result = Matching([], [], [], [])

    def take(pairs: list[tuple[Card, Card]], test: Callable[[Card, Card], bool]) -> None:
        for n in list(left_new):
            o = next((o for o in left_old if test(o, n)), None)
            if o is not None:
                left_old.remove(o)
                left_new.remove(n)
                pairs.append((o, n))

    take(result.same, lambda o, n: alike(o.node, n.node))
    shifted = moved(result.same, old, new)  # an author's move: deleted there, inserted here
    result.same = [p for p in result.same if all(p[1] is not n for _, n in shifted)]
    take(result.paired, lambda o, n: bool(key(n.node)) and key(o.node) == key(n.node))
    take(
        result.paired,
        lambda o, n: (
            (o.row, o.column, o.node.tag, o.node.attrs.get("class"))
            == (n.row, n.column, n.node.tag, n.node.attrs.get("class"))
        ),
    )
    at_old, at_new = _position(old), _position(new)
    result.inserted = sorted([*left_new, *(n for _, n in shifted)], key=at_new)
    result.deleted = sorted([*left_old, *(o for o, _ in shifted)], key=at_old)
    return result


def _group(card: Card) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Cards that look alike: the same tag, class and attributes (a party's colour)."""
    return card.node.tag, tuple(sorted((k, v) for k, v in card.node.attrs.items() if k != "id"))


def moved(same: list[tuple[Card, Card]], old: list[Card], new: list[Card]) -> list[tuple[Card, Card]]:
    """The cards of ``same`` whose order among the cards that look alike changed: a goal its
    author moved, not one the layout moved to another row (a party's goals keep their order)."""
    at_old, at_new = _position(old), _position(new)
    out = []
    for group in {_group(n) for _, n in same}:
        pairs = [(o, n) for o, n in same if _group(n) == group]
        a = [id(o) for o, _ in sorted(pairs, key=lambda p: at_old(p[0]))]
        by_new = sorted(pairs, key=lambda p: at_new(p[1]))
        b = [id(o) for o, _ in by_new]
        blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        kept = {x for m in blocks for x in a[m.a : m.a + m.size]}
        out += [p for p in by_new if id(p[0]) not in kept]
    return sorted(out, key=lambda p: at_new(p[1]))


def _position(cards: list[Card]) -> Callable[[Card], int]:
    """A card's place in ``cards`` (by identity: two cards may be alike)."""
    places = {id(c): i for i, c in enumerate(cards)}
    return lambda card: places[id(card)]


def anchor_of(card: Card, old: list[Card], matching: Matching) -> Card | None:
    """The new card a deleted old ``card`` is put back after: the new place of the nearest card
    before it that looks alike (its party's card before it), else above it in its column, else
    before it, that the new grid has."""
    placed = {id(o.node): n for o, n in (*matching.same, *matching.paired)}
    before = old[: next(i for i, c in enumerate(old) if c is card)]
    alike = [c for c in before if _group(c) == _group(card)]
    for candidates in (alike, [c for c in before if c.column == card.column], before):
        for c in reversed(candidates):
            if id(c.node) in placed:
                return placed[id(c.node)]
    return None
