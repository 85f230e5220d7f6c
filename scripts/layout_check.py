"""Check the layout of every example in every style, PDF and DOCX (the automated layout check).

Renders each example agreement in every style it declares as PDF and DOCX into a temporary
folder (or ``-o DIR``), converts the DOCX files with LibreOffice (one call), and prints, per
document and page, how full the page is and each defect :mod:`slagen.layoutcheck` finds, then
the DOCX page counts against the PDFs'. Exit code 1 when there is any defect. Run:
``python3 scripts/layout_check.py [-o DIR] [--quiet] [AGREEMENT.yaml ...]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slagen.agreement.load import load_agreement  # noqa: E402
from slagen.layoutcheck import check_pdf, convert_docx, page_count_finding  # noqa: E402
from slagen.layoutcheck.rules import PageReport  # noqa: E402
from slagen.render import RenderOptions, render_agreement  # noqa: E402


def show(label: str, reports: list[PageReport], quiet: bool) -> int:
    """Print one document's pages; return its number of defects."""
    defects = sum(len(r.findings) for r in reports)
    print(f"{label}: {len(reports)} pages, {defects} defect(s)")
    for r in reports:
        if r.findings or not quiet:
            print(f"  page {r.page:>2}: {r.fill:4.0%} full")
        for f in r.findings:
            print(f"    {f.kind}: {f.message}")
    return defects


def main() -> int:
    """Render, convert, check and print; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("agreements", nargs="*", type=Path, help="agreement files (every example)")
    parser.add_argument("-o", "--out", type=Path, help="keep the documents in DIR")
    parser.add_argument("-q", "--quiet", action="store_true", help="list only pages with defects")
    parser.add_argument(
        "--pdf-only", action="store_true", help="check the PDFs only (no DOCX, no LibreOffice)"
    )
    args = parser.parse_args()
    paths = args.agreements or sorted((ROOT / "agreements").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out.resolve() if args.out else Path(tmp)
        docs: list[tuple[str, Path, Path | None]] = []
        for path in paths:
            agreement = load_agreement(path).agreement
            for style in agreement.presentation.styles:
                (pdf,) = render_agreement(
                    path, style=style, options=RenderOptions(formats=("pdf",), out_dir=out)
                )
                word = None
                if not args.pdf_only:
                    (word,) = render_agreement(
                        path, style=style, options=RenderOptions(formats=("docx",), out_dir=out)
                    )
                docs.append((f"{agreement.id} {style}", pdf, word))
        words = [w for _, _, w in docs if w is not None]
        converted = convert_docx(words, out / "libreoffice") if words else []
        defects = 0
        pages: dict[Path, int] = {}
        for label, pdf, _ in docs:
            reports = check_pdf(pdf)
            pages[pdf] = len(reports)
            defects += show(f"{label} PDF", reports, args.quiet)
        for (label, pdf, _), lo_pdf in zip(docs, converted, strict=False):
            docx_reports = check_pdf(lo_pdf)
            defects += show(f"{label} DOCX (LibreOffice)", docx_reports, args.quiet)
            count = page_count_finding(pages[pdf], len(docx_reports))
            if count:
                defects += 1
                print(f"    {count.kind}: {count.message}")
        print(f"{len(docs)} documents{'' if args.pdf_only else ' in PDF and DOCX'}: {defects} defect(s)")
    return 1 if defects else 0


if __name__ == "__main__":
    sys.exit(main())
