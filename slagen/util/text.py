"""Words in messages: counts with their noun, and "did you mean" for a likely misspelling."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable


def plural_word(n: int, word: str) -> str:
    """``word`` for one, ``words`` for any other count (the count itself is not written)."""
    return word if n == 1 else f"{word}s"


def singular(unit: str) -> str:
    """The singular of a plural unit, for a count of one: ``hours`` -> ``hour``,
    ``business days`` -> ``business day``, ``deliveries`` -> ``delivery``; a unit that
    is not a plural in ``s`` (``USD``, ``class``, ``status``) stays as written."""
    head, _, last = unit.rpartition(" ")
    if last.endswith("ies") and len(last) > 3:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 1:
        last = last[:-1]
    return f"{head} {last}" if head else last


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


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


#: Control characters (C0, DEL, C1) and the characters that reorder text on a terminal.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


_UNPRINTABLE_LINES = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with control characters written as escapes (``\\x1b``), so that nothing taken
    from a file (a key name, a file name) can drive the terminal a message is printed on;
    with ``lines``, line breaks are kept (a message of several lines)."""
    return (_UNPRINTABLE_LINES if lines else _UNPRINTABLE).sub(_escape, text)
