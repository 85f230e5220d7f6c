"""Helpers of the build tests: folders of example agreements with their own ids."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import Result
from conftest import example_text

ALL_STYLES = "styles: [two-column, tabular, visual, legal-narrative, bulleted, summary-first]"


def agreement(agreement_id: str, *, signed: bool = False, quota: int = 5000) -> str:
    """The sales-marketing example as ``agreement_id``: one style (two-column), PDF only,
    signed off by both signatories or by one only."""
    text = example_text("sales-marketing")
    assert ALL_STYLES in text and "    signed_on: 2025-12-16\n" in text
    text = text.replace("id: sales-marketing\n", f"id: {agreement_id}\n", 1)
    text = text.replace(ALL_STYLES, "styles: [two-column]")
    text = text.replace("sales_quota: 5000\n", f"sales_quota: {quota}\n")
    if not signed:
        text = text.replace("    signed_on: 2025-12-16\n", "")
    return text


def write_folder(root: Path, agreements: dict[str, str]) -> Path:
    """``root/agreements/<name>.yaml`` for each name and text; returns the folder."""
    folder = root / "agreements"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in agreements.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def summary(result: Result) -> str:
    """The build's last line without its duration."""
    last = result.stderr.rstrip("\n").splitlines()[-1]
    return re.sub(r" \(\d+\.\d s\)$", "", last)


def progress_lines(result: Result) -> list[str]:
    """The plain progress lines (``[1/3] rendered ...``)."""
    return [line for line in result.stderr.splitlines() if re.match(r"^\[ *\d+/\d+\] ", line)]


def mtimes(folder: Path) -> dict[str, int]:
    """Modification time (ns) of every PDF below ``folder``."""
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in sorted(folder.rglob("*.pdf"))}
