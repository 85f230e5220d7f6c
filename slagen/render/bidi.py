"""Bidirectional isolation of the text a template interpolates.

A right-to-left override (U+202E) in an agreement's text reorders everything after it in its
paragraph, the template's own words included ("Led by Kendra Millsfo daeH"); right-to-left
letters move the neutral characters beside them. Every interpolated text that holds such a
character is wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE (U+2068/U+2069, the
plain-text form of ``<bdi>``, which WeasyPrint's Pango and Word/LibreOffice honour alike), so
whatever it holds is closed at its end. Left-to-right text (all the examples) is left as it
is, byte for byte.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, TypeVar

from markupsafe import Markup
from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

FSI = "\u2068"
PDI = "\u2069"

#: Bidirectional classes that can reorder text beyond their own run: strong right-to-left
#: letters, Arabic numbers and every explicit embedding, override and isolate.
_REORDERING = frozenset({"R", "AL", "AN", "RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})


def reorders(text: str) -> bool:
    """Whether ``text`` holds a character that can reorder the text around it."""
    return not text.isascii() and any(unicodedata.bidirectional(c) in _REORDERING for c in text)


def isolate(value: Any) -> Any:
    """The finalizer of every ``{{ ... }}``: text that :func:`reorders` is isolated; anything
    else (numbers, markup made by slagen, left-to-right text) is returned as it is."""
    if isinstance(value, str) and not isinstance(value, Markup) and reorders(value):
        return FSI + value + PDI
    return value


def isolated(model: M) -> M:
    """A copy of ``model`` (an agreement) with every text that :func:`reorders` isolated and
    every overlong word made :func:`breakable`, in
    nested models, lists and mappings alike: text the context builds into sentences ("Led by
    NAME, ROLE") is isolated where the agreement's text ends, not around the whole sentence."""
    updates = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        new = _isolated(value)
        if new is not value:
            updates[name] = new
    return model.model_copy(update=updates) if updates else model


#: Longest run of characters without a break opportunity left as it is; a longer one (a
#: 5,000-character "word") gets a ZERO WIDTH SPACE every :data:`BREAK_EVERY` characters, so
#: it wraps inside a table cell too (CSS ``overflow-wrap: anywhere`` would also change how
#: every table divides its width). Identifiers are left alone.
LONGEST_WORD = 40
BREAK_EVERY = 20
_LONG_WORD = re.compile(rf"[^\s\u200b]{{{LONGEST_WORD + 1},}}")
_IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9_-]*")


def breakable(text: str) -> str:
    """``text`` with a zero-width space every :data:`BREAK_EVERY` characters of each word
    longer than :data:`LONGEST_WORD` (every character kept); other text as it is."""
    if len(text) <= LONGEST_WORD or _IDENTIFIER.fullmatch(text):
        return text

    def split(m: re.Match[str]) -> str:
        w = m.group()
        return "\u200b".join(w[i : i + BREAK_EVERY] for i in range(0, len(w), BREAK_EVERY))

    new = _LONG_WORD.sub(split, text)
    return text if new == text else new


def _isolated(value: Any) -> Any:
    if isinstance(value, str):
        return isolate(breakable(value))
    if isinstance(value, BaseModel):
        return isolated(value)
    if isinstance(value, list | tuple):
        items = [_isolated(v) for v in value]
        return type(value)(items) if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        pairs = {k: _isolated(v) for k, v in value.items()}
        return pairs if any(pairs[k] is not v for k, v in value.items()) else value
    return value
