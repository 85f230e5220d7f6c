"""Typography a document's language asks for, applied to the rendered HTML's text.

Polish: a one-letter word (the conjunctions and prepositions "a", "i", "o", "u", "w", "z") and
the section sign "§" do not end a line; a no-break space binds each to the word after it, so
"w Warszawie" and "§ 3" stay together in the PDF and in the DOCX; a company's form "sp. z o.o."
is kept on one line too.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
#: A ``<style>`` or ``<script>`` element whole, a tag, or a run of text.
_PARTS = re.compile(r"(<(style|script)\b.*?</\2\s*>)|(<[^>]*>)|([^<]+)", re.S | re.I)
#: A one-letter Polish word (or "§") at the start of a word, followed by a plain space (and a
#: word, or a tag: "a <strong>„Wartość”</strong>").
_LONE = re.compile(r"(?<![^\s(„\u00a0])([aiouwzAIOUWZ§]) (?=\S|$)")
#: The space after "sp." of "sp. z o.o." (the one after "z" is a one-letter word's).
_COMPANY = re.compile(r"\bsp\. (?=z\u00a0o\.o\.)")


def bind_lone_letters(html: str, language: str) -> str:
    """``html`` with each one-letter word of ``language`` bound to the next word (Polish only;
    other languages unchanged). Tags, attributes and style sheets are left as they are."""
    if language != "pl":
        return html
    return _PARTS.sub(_bind, html)


def _bind(m: re.Match[str]) -> str:
    text = m.group(4)
    if text is None:
        return m.group(0)
    return _COMPANY.sub(f"sp.{NBSP}", _LONE.sub(rf"\1{NBSP}", text))
