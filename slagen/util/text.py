"""Words in messages: counts with their noun, and "did you mean" for a likely misspelling."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def plural_word(n: int, word: str) -> str:
    """``word`` for one, ``words`` for any other count (the count itself is not written)."""
    return word if n == 1 else f"{word}s"


def plural(n: int, word: str) -> str:
    """``1 day``, ``30 days``, ``0 errors``."""
    return f"{n} {plural_word(n, word)}"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word`` (a likely misspelling of it), or None."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a choice is close to ``word``, else nothing."""
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close else ""
