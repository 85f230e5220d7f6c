"""Where a long address or name may wrap: ``{{ person.email|breakable }}``, ``{{ c.name|breakable }}``.

An e-mail address or a dotted name (a computed target's ``funnel.marketing_revenue_goal``) is
one long word; in a narrow column the PDF's ``overflow-wrap: break-word`` would cut it anywhere
("northwind.exampl" / "e"), and in a table it widens its column to the whole word, squeezing the
others. :func:`breakable` gives it break opportunities (``<wbr>``): after the ``@`` and before
each dot of an address's domain, so it wraps where a reader expects ("sven.lindqvist@" /
"northwind.example"); before each dot of a name ("funnel" / ".marketing_revenue_goal": the
leading dot says the name goes on). It stays one word when copied: ``<wbr>`` adds no character
to the PDF's text and no hyphen (the DOCX writes nothing for it).

The other way round, :func:`unbroken_ids` keeps a period id, a postal code or a time-zone name
whole in the PDF ("2026-Q4", "2026-W47", "00-850", "Europe/Berlin"): the line breaker may break
after a hyphen that a letter follows, leaving "2026-" at the end of a line and "Q4" on the next,
and after a slash ("Europe/" / "Berlin"). It wraps each such id of the text in
``<span class="nobr">`` (``white-space: nowrap`` in base.css). The text itself is not changed, so a
reader who copies the id gets "2026-Q4" with its plain hyphen, and the outline and the metadata
read as before. A non-breaking hyphen (U+2011) or a word joiner (U+2060) would keep the id whole
too, but a copied "2026\u2011Q4" is another string (``slagen render --period`` or a search for the
id would not find it). A time-zone name is one the zone database knows (``zoneinfo``), so "and/or"
or "Sales/Marketing" still wrap as the text's other words.

The DOCX writes the hyphens of the same ids as Word's non-breaking hyphen (``w:noBreakHyphen``,
:func:`slagen.util.ids.id_hyphens`), which Word and LibreOffice keep with their neighbours and which reads back as
"-" (python-docx's text, and LibreOffice's PDF copies it as a plain hyphen). A time-zone name
needs nothing there: neither breaks a line after a slash between letters unless the name is wider
than its column, and the DOCX's columns are at least as wide as their longest word.
"""

from __future__ import annotations

import functools
import re
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

from ..util.ids import ID

NOBR = "nobr"
#: The head, a ``<style>`` or ``<script>`` element whole, a tag, or a run of text.
_PARTS = re.compile(r"(<(head|style|script)\b.*?</\2\s*>)|(<[^>]*>)|([^<]+)", re.S | re.I)
#: An id with a hyphen ("2026-Q4", "00-850"): :data:`slagen.util.ids.ID`.
_ID = ID
#: What may be a time-zone name: capitalised parts joined by slashes ("Europe/Berlin",
#: "America/Argentina/Buenos_Aires", "Etc/GMT+1"); :func:`_is_zone` asks the zone database.
_ZONE = re.compile(r"(?<![\w/])[A-Z][A-Za-z]+(?:/[A-Z][A-Za-z0-9_+-]*)+(?![\w/])")
#: Either, one id of the text.
_UNBROKEN = re.compile(f"{_ID.pattern}|{_ZONE.pattern}")


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
    """``html`` with each id of its body's text ("2026-Q4", "Europe/Berlin") in a ``span.nobr``
    (the head, tags, attributes and style sheets unchanged), so that no line breaks inside it."""
    return _PARTS.sub(_wrap, html)


def _wrap(m: re.Match[str]) -> str:
    text = m.group(4)
    return m.group(0) if text is None else _UNBROKEN.sub(_span, text)


def _span(m: re.Match[str]) -> str:
    id_ = m.group(0)
    if id_[0].isdigit() or _is_zone(id_):
        return f'<span class="{NOBR}">{id_}</span>'
    return id_


@functools.cache
def _is_zone(name: str) -> bool:
    """Whether the zone database knows ``name``."""
    try:
        ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return False
    return True


FILTERS = {"breakable": breakable}
"""Jinja filters, by name."""
