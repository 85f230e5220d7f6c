"""Render every example in every style it declares and turn the pages into PNG images.

The images go to output/pages/<agreement id>/<style>/page-N.png, at 60 dpi, so that a
reviewer can look at every page of every style (`make pages`). The DOCX of each style goes
through LibreOffice (one headless call for all of them) to output/pages/<id>/<style>-docx/.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slagen.agreement.load import load_agreement  # noqa: E402
from slagen.render import RenderOptions, render_agreement  # noqa: E402
from slagen.report import report_file  # noqa: E402

#: The example tracking reports (agreement, actuals, period), rasterised to <id>/report-<period>/.
REPORTS = (
    ("sales-marketing", "agreements/actuals/sales-marketing-2026.yaml", "2026-10"),
    ("sales-marketing", "agreements/actuals/sales-marketing-2026.yaml", "2026-Q3"),
    ("it-service", "agreements/actuals/it-service-2026.yaml", "2026-11"),
)


def docx_pages(docx: list[tuple[Path, Path]]) -> None:
    """Convert each DOCX to PDF with LibreOffice (one call) and rasterise it into its folder."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = (Path(tmp) / "profile").as_uri()
        copies = []
        for i, (path, _) in enumerate(docx):
            copies.append(Path(tmp) / f"{i}.docx")
            shutil.copyfile(path, copies[-1])
        cmd = [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
        ]
        subprocess.run([*cmd, *map(str, copies)], check=True, capture_output=True)
        for copy, (path, folder) in zip(copies, docx, strict=True):
            folder.mkdir(parents=True)
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", str(copy.with_suffix(".pdf")), str(folder / "page")],
                check=True,
            )
            count = len(list(folder.glob("*.png")))
            print(f"{path}: {count} pages (LibreOffice) -> {folder}/")


def main() -> int:
    """Render and rasterise; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "output", help="output folder (output/)")
    out = parser.parse_args().out.resolve()
    pages = out / "pages"
    shutil.rmtree(pages, ignore_errors=True)
    docx: list[tuple[Path, Path]] = []
    for path in sorted((ROOT / "agreements").glob("*.yaml")):
        agreement = load_agreement(path).agreement
        for style in agreement.presentation.styles:
            (pdf,) = render_agreement(path, style=style, options=RenderOptions(formats=("pdf",), out_dir=out))
            folder = pages / agreement.id / style
            folder.mkdir(parents=True)
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / "page")], check=True)
            count = len(list(folder.glob("*.png")))
            print(f"{pdf}: {count} pages -> {folder}/")
            (word,) = render_agreement(
                path, style=style, options=RenderOptions(formats=("docx",), out_dir=out)
            )
            docx.append((word, pages / agreement.id / f"{style}-docx"))
    docx_pages(docx)
    for name, actuals, period in REPORTS:
        pdf = report_file(ROOT / "agreements" / f"{name}.yaml", ROOT / actuals, period=period, out_dir=out)
        folder = pages / name / f"report-{period}"
        folder.mkdir(parents=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / "page")], check=True)
        count = len(list(folder.glob("*.png")))
        print(f"{pdf}: {count} pages -> {folder}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
