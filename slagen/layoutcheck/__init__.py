"""The automated layout check: what a reader of the printed pages would notice.

It reads a finished PDF (slagen's, or LibreOffice's of a DOCX) with PDFium (pypdfium2), character
by character, and reports per page how full it is and each defect it finds (:mod:`.rules`): a heading
left at the foot of a page with its content on the next, a table split with one row on a side or
a short table split at all, text below the minimum size, text outside the text area. For a DOCX it
also compares LibreOffice's page count with the PDF's (:mod:`.docx`). ``scripts/layout_check.py``
runs it over every example, style and format; ``tests/test_layout.py`` fails on any defect.

pypdfium2 and pdfplumber (whose line grouping and table finder it runs on PDFium's objects) are
development dependencies (the ``dev`` extra): the check is for the people who change templates,
not for rendering.
"""

from slagen.layoutcheck.docx import convert_docx, page_count_finding
from slagen.layoutcheck.pages import PageLayout, read_pdf
from slagen.layoutcheck.rules import Finding, Limits, PageReport, check_layout, check_pdf

__all__ = [
    "Finding",
    "Limits",
    "PageLayout",
    "PageReport",
    "check_layout",
    "check_pdf",
    "convert_docx",
    "page_count_finding",
    "read_pdf",
]
