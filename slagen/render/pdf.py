"""From rendered HTML to PDF bytes: metadata, outline, the source attached, reproducibly.

The last step before the trailer (:mod:`.pdf_finish`) adds an empty signature field per
signatory and the build facts. Reproducible means: no wall-clock time (the document date comes from the
agreement or ``SOURCE_DATE_EPOCH``), a fixed file identifier derived from the
content, and the attached YAML with fixed creation and modification dates.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import RenderError
from .breaks import unbroken_ids
from .fetcher import ConfinedFetcher, ResourceRefused
from .pagination import mark_tall, tall_tables
from .pdf_finish import BuildFacts, SignatureSlot, finisher

PDF_VARIANTS = ("pdf/a-3b",)


@dataclass(frozen=True)
class PdfJob:
    """What :func:`write_pdf` needs besides the HTML."""

    base_url: str
    roots: tuple[Path, ...]
    """Folders resources may come from: the template folders and the agreement's folder."""
    source_name: str
    source: bytes
    """The agreement's YAML, attached to the PDF."""
    when: datetime
    """The document date (UTC), used for every date in the file."""
    variant: str | None = None
    slots: tuple[SignatureSlot, ...] = ()
    """One empty signature field per signatory, on their signature line (:mod:`.pdf_finish`)."""
    facts: BuildFacts | None = None
    """What the document was built from, kept in the PDF for ``slagen verify``."""


def has_fast_subsetter() -> bool:
    """Whether WeasyPrint found HarfBuzz's subsetter (Debian's ``libharfbuzz-subset0``).

    WeasyPrint 70 loads it with ``allow_fail`` and falls back to fontTools, which is
    about twice as slow and stamps the current time into every embedded font.
    """
    from .weasy import harfbuzz, harfbuzz_subset

    return harfbuzz_subset is not None and bool(harfbuzz.hb_version_atleast(4, 1, 0))


class _Collect(logging.Handler):
    """Collects WeasyPrint's errors, so that a failed resource fails the render."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


#: The schemes a link in a PDF may have (besides internal links within the document).
LINK_SCHEMES = ("http", "https", "mailto")


def check_links(document: Any) -> None:
    """Refuse any link but http(s), mailto and internal ones: a ``javascript:`` or ``file:``
    link would become a PDF link annotation a reader may follow."""
    for page in document.pages:
        for kind, target, *_ in page.links:
            if kind == "external" and urlsplit(str(target)).scheme.lower() not in LINK_SCHEMES:
                raise RenderError(
                    f"refused a link to {target}: a document may link only to http(s) and mailto "
                    "addresses and within itself"
                )


def write_pdf(html: str, job: PdfJob) -> bytes:
    """Lay out ``html`` and return the PDF bytes; raise :class:`RenderError` on any failure."""
    from .weasy import HTML, Attachment

    fetcher = ConfinedFetcher(job.roots)
    source = Attachment(
        file_obj=io.BytesIO(job.source),
        url_fetcher=fetcher,
        name=job.source_name,
        description="The agreement source this document was rendered from",
        created=job.when,
        modified=job.when,
        relationship="Source",
    )
    identifier = hashlib.sha256(html.encode("utf-8") + job.source).hexdigest()[:32].encode("ascii")
    html = unbroken_ids(html)
    logger = logging.getLogger("weasyprint")
    errors = _Collect()
    logger.addHandler(errors)
    try:
        page = HTML(string=html, base_url=job.base_url, url_fetcher=fetcher)
        document = page.render()
        tall = tall_tables(page.etree_element, document)
        if tall:  # short tables that must break: lay the page out again with them marked
            marked = mark_tall(html, tall)
            document = HTML(string=marked, base_url=job.base_url, url_fetcher=fetcher).render()
        check_links(document)
        data: bytes = document.write_pdf(
            attachments=[source],
            finisher=finisher(job.slots, job.facts),
            pdf_identifier=identifier,
            pdf_variant=job.variant,
            uncompressed_pdf=False,
        )
    except ResourceRefused as exc:
        raise RenderError(str(exc)) from None
    except BaseException as exc:
        # WeasyPrint wraps the fetcher's refusal when fail_on_errors is set.
        refused = exc.__cause__ if isinstance(exc.__cause__, ResourceRefused) else None
        if refused is not None or fetcher.refused:
            raise RenderError(str(refused) if refused else f"refused to fetch {fetcher.refused[0]}") from None
        raise
    finally:
        logger.removeHandler(errors)
    if fetcher.refused:
        raise RenderError(f"refused to fetch {fetcher.refused[0]}: it is outside the allowed folders")
    if errors.messages:
        raise RenderError("the PDF could not be rendered: " + "; ".join(errors.messages))
    return data
