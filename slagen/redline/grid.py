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
- a new card left is inserted where it stands; an old card left is deleted, put back in the new
  grid under the card above it in its old column (or after the card before it), so a deleted
  goal is struck in its party's column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
    take(result.paired, lambda o, n: bool(key(n.node)) and key(o.node) == key(n.node))
    take(
        result.paired,
        lambda o, n: (
            (o.row, o.column, o.node.tag, o.node.attrs.get("class"))
            == (n.row, n.column, n.node.tag, n.node.attrs.get("class"))
        ),
    )
    result.inserted, result.deleted = left_new, left_old
    return result


def anchor_of(card: Card, old: list[Card], matching: Matching) -> Card | None:
    """The new card a deleted old ``card`` is put back after: the new place of the nearest card
    above it in its column that the new grid has, else of the nearest card before it."""
    placed = {id(o.node): n for o, n in (*matching.same, *matching.paired)}
    before = old[: next(i for i, c in enumerate(old) if c is card)]
    for candidates in ([c for c in before if c.column == card.column], before):
        for c in reversed(candidates):
            if id(c.node) in placed:
                return placed[id(c.node)]
    return None
