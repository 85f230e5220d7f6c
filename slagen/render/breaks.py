"""Where a long address or name may wrap: ``{{ person.email|breakable }}``, ``{{ c.name|breakable }}``.

An e-mail address or a dotted name (a computed target's ``funnel.marketing_revenue_goal``) is
one long word; in a narrow column the PDF's ``overflow-wrap: break-word`` would cut it anywhere
("northwind.exampl" / "e"), and in a table it widens its column to the whole word, squeezing the
others. :func:`breakable` gives it break opportunities (``<wbr>``): after the ``@`` and before
each dot of an address's domain, so it wraps where a reader expects ("sven.lindqvist@" /
"northwind.example"); before each dot of a name ("funnel" / ".marketing_revenue_goal": the
leading dot says the name goes on). It stays one word when copied: ``<wbr>`` adds no character
to the PDF's text and no hyphen (the DOCX writes nothing for it).

The other way round, :func:`unbroken_ids` keeps a period id or a postal code whole in the PDF
("2026-Q4", "2026-W47", "00-850"): the line breaker may break after a hyphen that a letter
follows, leaving "2026-" at the end of a line and "Q4" on the next. It wraps each such id of the
text in ``<span class="nobr">`` (``white-space: nowrap`` in base.css). The text itself is not
changed, so a reader who copies the id gets "2026-Q4" with its plain hyphen, and the outline and
the metadata read as before. A non-breaking hyphen (U+2011) would keep the id whole too, but a
copied "2026\u2011Q4" is another string (``slagen render --period`` or a search for the id would not
find it). Only the PDF's HTML gets the spans: the DOCX keeps its text as the document wrote it.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

NOBR = "nobr"
#: The head, a ``<style>`` or ``<script>`` element whole, a tag, or a run of text.
_PARTS = re.compile(r"(<(head|style|script)\b.*?</\2\s*>)|(<[^>]*>)|([^<]+)", re.S | re.I)
#: An id with a hyphen: digits, then a hyphen before a digit or capital letter, once or more
#: ("2026-Q4", "2026-W47", "00-850", "2026-11-15").
_ID = re.compile(r"(?<![\w-])\d+(?:-[0-9A-Z][0-9A-Za-z]*)+(?![\w-])")


def breakable(address: str) -> Markup:
    """``address`` (escaped) with a ``<wbr>`` after the ``@`` and before each dot after it; a
    name without ``@`` with a ``<wbr>`` before each of its dots."""
    local, at, domain = str(address).partition("@")
    if not at:
        return _before_dots(local)
    return Markup("{}@<wbr>{}").format(local, _before_dots(domain))


def _before_dots(text: str) -> Markup:
    """``text`` (escaped) with a ``<wbr>`` before each dot."""
    return Markup("<wbr>.").join(escape(p) for p in text.split("."))


def unbroken_ids(html: str) -> str:
    """``html`` with each id of its body's text ("2026-Q4") in a ``span.nobr`` (the head, tags,
    attributes and style sheets unchanged), so that no line breaks inside it."""
    return _PARTS.sub(_wrap, html)


def _wrap(m: re.Match[str]) -> str:
    text = m.group(4)
    return m.group(0) if text is None else _ID.sub(rf'<span class="{NOBR}">\g<0></span>', text)


FILTERS = {"breakable": breakable}
"""Jinja filters, by name."""
