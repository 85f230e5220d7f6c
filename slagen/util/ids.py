"""Ids a line must not break inside: period ids and postal codes ("2026-Q4", "00-850").

One pattern for both writers: the PDF's HTML wraps each such id in ``span.nobr``
(:mod:`slagen.render.breaks`), the DOCX writes its hyphens as Word's non-breaking hyphen
(:mod:`slagen.docx.inline`). It lives here, outside both stages, so neither imports the other.
"""

from __future__ import annotations

import re

#: An id with a hyphen: digits, then a hyphen before a digit or capital letter, once or more
#: ("2026-Q4", "2026-W47", "00-850", "2026-11-15").
ID = re.compile(r"(?<![\w-])\d+(?:-[0-9A-Z][0-9A-Za-z]*)+(?![\w-])")


def id_hyphens(text: str) -> list[str]:
    """``text`` split at the hyphens of its period ids and postal codes, the hyphens left out
    (``"in 2026-Q4 and 00-850"`` gives ``["in 2026", "Q4 and 00", "850"]``): the DOCX joins
    the parts with non-breaking hyphens. A text without such an id is one part."""
    parts: list[str] = []
    start = 0
    for m in ID.finditer(text):
        for i, ch in enumerate(m.group(0)):
            if ch == "-":
                parts.append(text[start : m.start() + i])
                start = m.start() + i + 1
    parts.append(text[start:])
    return parts
