"""How much CPU the layout check's ``check_pdf`` takes over the example PDFs, before and after.

    python3 bench/bench_layoutcheck.py [--before REV] [--pdfs DIR...]

Builds every example (``slagen build agreements``) into a temporary folder, or takes the PDFs
under the folders named, and runs ``check_pdf`` over all of them with the layout check of commit REV (default
5a37842, the last that read pages with pdfplumber's pdfminer parser, checked out into a temporary
``git worktree``) and with this tree's (PDFium), one after the other in one run, each in a fresh
interpreter. Reported: the CPU time of each (``time.process_time`` around the calls, imports not
counted), per PDF and in all, and the ratio after/before. Exit code 1 when the ratio is over 0.5.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from compare_readers import BEFORE, check_at, example_pdfs  # noqa: E402

#: The ratio after/before this bench accepts.
TARGET = 0.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default=BEFORE, help="the commit to compare with (default %(default)s)")
    parser.add_argument(
        "--pdfs", type=Path, nargs="+", help="time the PDFs under this folder instead of building"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-layoutcheck-") as tmp:
        pdfs = (
            sorted(p for folder in args.pdfs for p in folder.rglob("*.pdf"))
            if args.pdfs
            else example_pdfs(Path(tmp), word=False)[0]
        )
        before = check_at(args.before, pdfs)
        after = check_at(None, pdfs)
    pages = sum(len(r["pages"]) for r in before.values())
    print(f"{'PDF':<60} {'pages':>5} {'before':>8} {'after':>8}")
    for path in before:
        old, new = before[path], after[path]
        print(f"{Path(path).name:<60} {len(old['pages']):>5} {old['cpu']:>7.2f}s {new['cpu']:>7.2f}s")
    cpu_before = sum(r["cpu"] for r in before.values())
    cpu_after = sum(r["cpu"] for r in after.values())
    ratio = cpu_after / cpu_before
    print(
        f"{len(pdfs)} PDFs, {pages} pages: {cpu_before:.1f} s of CPU at {args.before}, {cpu_after:.1f} s now"
    )
    print(f"ratio after/before: {ratio:.3f} ({cpu_before / cpu_after:.1f}x faster)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
