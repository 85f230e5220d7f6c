"""Word-level redline of a changed text: which words were deleted and which inserted."""

from __future__ import annotations

import difflib
from typing import Literal

Op = Literal["=", "-", "+"]
Segment = tuple[Op, str]


def redline(old: str, new: str) -> list[Segment]:
    """The words of ``old`` and ``new`` as kept (``=``), deleted (``-``) and inserted (``+``) runs.

    Words are compared whole (split on white space, joined by one space), so re-wrapping a
    paragraph changes nothing and a changed word is shown deleted, then inserted.
    """
    a, b = old.split(), new.split()
    out: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return out


def plain_redline(segments: list[Segment]) -> str:
    """A redline without colour, in git's word-diff notation: ``[-deleted-]{+inserted+}``."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks[op].format(text) for op, text in segments)
