"""The Word side of the layout check: DOCX files through LibreOffice, page counts compared.

LibreOffice (``soffice --headless --convert-to pdf``) lays a DOCX out as a word processor does;
its PDF is then checked like slagen's own. All files go in one call (LibreOffice starts once) with
a throw-away user profile, so a desktop session's LibreOffice neither blocks nor changes it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from slagen.layoutcheck.rules import Finding

#: How far LibreOffice's page count of a DOCX may differ from the PDF's, as a share of the PDF's.
PAGE_COUNT_TOLERANCE = 0.15


def convert_docx(paths: list[Path], out_dir: Path) -> list[Path]:
    """Convert each DOCX in ``paths`` to ``out_dir/<i>-<stem>.pdf``; return the PDFs in order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for i, path in enumerate(paths):
            copies.append(Path(tmp) / f"{i}-{path.stem}.docx")
            shutil.copyfile(path, copies[-1])
        profile = (Path(tmp) / "profile").as_uri()
        cmd = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        subprocess.run([*cmd, "--outdir", str(out_dir), *map(str, copies)], check=True, capture_output=True)
    pdfs = [out_dir / f"{c.stem}.pdf" for c in copies]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice wrote no PDF for {', '.join(missing)}")
    return pdfs


def page_count_finding(pdf_pages: int, docx_pages: int) -> Finding | None:
    """A finding when the DOCX's page count differs from the PDF's by more than the tolerance."""
    if abs(docx_pages - pdf_pages) <= PAGE_COUNT_TOLERANCE * pdf_pages:
        return None
    return Finding(
        1,
        "page-count",
        f"LibreOffice lays the DOCX out on {docx_pages} pages, the PDF has {pdf_pages}",
    )
