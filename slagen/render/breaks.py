"""Where a long address may wrap: ``{{ person.email|breakable }}``.

An e-mail address is one long word; in a narrow column the PDF's ``overflow-wrap: break-word``
would cut it anywhere ("northwind.exampl" / "e"). :func:`breakable` gives it break opportunities
(``<wbr>``) after the ``@`` and before each dot of the domain, so it wraps where a reader
expects ("sven.lindqvist@" / "northwind.example") and stays one address when copied: ``<wbr>``
adds no character (the DOCX writes nothing for it).
"""

from __future__ import annotations

from markupsafe import Markup, escape


def breakable(address: str) -> Markup:
    """``address`` (escaped) with a ``<wbr>`` after the ``@`` and before each dot after it."""
    local, at, domain = str(address).partition("@")
    if not at:
        return escape(address)
    parts = [escape(p) for p in domain.split(".")]
    return Markup("{}@<wbr>{}").format(local, Markup("<wbr>.").join(parts))


FILTERS = {"breakable": breakable}
"""Jinja filters, by name."""
