"""The options of a render, as one typed value from the command line to each document.

``slagen render`` and ``slagen build`` build one :class:`RenderOptions` from their flags and
pass it down unchanged; each stage reads the fields it needs. ``None`` in ``style`` or
``formats`` means what each agreement declares (``presentation.styles``/``formats``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from slagen.agreement.model import Agreement

#: The formats a document is rendered in.
FORMATS = ("pdf", "docx", "html")


def parse_formats(text: str) -> tuple[str, ...]:
    """``pdf``, ``docx``, ``html`` or a comma-separated list of them (``pdf,docx``)."""
    out = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    bad = [f for f in out if f not in FORMATS]
    if bad or not out:
        raise UsageError(f"--format: expected pdf, docx or html, or a list such as pdf,docx; got {text!r}")
    return out


@dataclass(frozen=True)
class RenderOptions:
    """How a run renders documents: which ones, for which period, from which templates, to where."""

    style: str | None = None
    """One style, or None: every style each agreement declares."""
    formats: tuple[str, ...] | None = None
    """The formats (see :data:`FORMATS`), or None: the formats each agreement declares."""
    period: str | None = None
    """A period such as ``2026-Q4`` instead of each agreement's ``term.period``."""
    templates: Path | None = None
    """A folder of templates searched before the built-in ones."""
    out_dir: Path = Path("output")
    """The folder documents are written to (``<out>/<id>/<id>-<period>[-<style>].<ext>``)."""
    pdf_variant: str | None = None
    """An archival PDF variant (``pdf/a-3b``), or None for plain PDF."""

    def check(self) -> None:
        """Raise :class:`UsageError` for options no render can take (before any file is read)."""
        if self.templates is not None and not self.templates.is_dir():
            raise UsageError(f"--templates: {self.templates} is not a folder")
        if self.formats is not None and (not self.formats or set(self.formats) - set(FORMATS)):
            raise UsageError(f"--format: expected pdf, docx or html, got {','.join(self.formats)!r}")

    def styles_of(self, agreement: Agreement) -> tuple[str, ...]:
        """The styles ``agreement`` is rendered in: the one asked for, or those it declares."""
        return (self.style,) if self.style else tuple(agreement.presentation.styles)

    def formats_of(self, agreement: Agreement) -> tuple[str, ...]:
        """The formats ``agreement`` is rendered in: those asked for, or those it declares."""
        return self.formats if self.formats is not None else tuple(agreement.presentation.formats)


#: The options of a plain render: each agreement's own styles, formats and period, into ``output/``.
DEFAULTS = RenderOptions()
