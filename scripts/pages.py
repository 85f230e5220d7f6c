"""Render every example in every style it declares and turn the pages into PNG images.

The images go to output/pages/<agreement id>/<style>/page-N.png, at 60 dpi, so that a
reviewer can look at every page of every style (`make pages`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slagen.load import load_agreement  # noqa: E402
from slagen.render import render_agreement  # noqa: E402


def main() -> int:
    """Render and rasterise; return the exit code."""
    out = ROOT / "output"
    pages = out / "pages"
    shutil.rmtree(pages, ignore_errors=True)
    for path in sorted((ROOT / "agreements").glob("*.yaml")):
        agreement = load_agreement(path).agreement
        for style in agreement.presentation.styles:
            pdf = render_agreement(path, style=style, fmt="pdf", out_dir=out)
            folder = pages / agreement.id / style
            folder.mkdir(parents=True)
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / "page")], check=True)
            count = len(list(folder.glob("*.png")))
            print(f"{pdf.relative_to(ROOT)}: {count} pages -> {folder.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
