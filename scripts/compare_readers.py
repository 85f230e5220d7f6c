"""Proof that the layout check reads every example's pages as it did with pdfplumber's parser.

    python3 scripts/compare_readers.py [--before REV] [--pdfs DIR...]

The layout check used to read pages with pdfplumber (pdfminer's parser); it now reads them with
PDFium (``slagen/layoutcheck/objects.py``). This script builds every example (``slagen build
agreements``), lays out every DOCX with LibreOffice, and runs ``check_pdf`` over all the PDFs
twice: with the layout check of commit REV (default 5a37842, the last with the pdfplumber
reader, checked out into a temporary ``git worktree``) and with this tree's. It compares every
page: its findings must be the same and its fill within 0.01. It prints the counts and each
difference, and exits non-zero on any.

``--pdfs DIR...`` checks the PDFs under the folders instead of building (e.g. a build kept from a run).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The last commit whose layout check read pages with pdfplumber.
BEFORE = "5a37842"
#: How far a page's fill may differ between the two readers.
FILL_TOLERANCE = 0.01
#: How far (pt) a line's, heading's or table's box and the text area may move.
LINE_TOLERANCE = 0.5
#: How far (pt) a line's right end may move: pdfminer ends a character at its advance, PDFium's
#: loose box at its ink where that reaches further (an "f", an italic letter: up to 0.9 pt).
X1_TOLERANCE = 1.0

#: Run in a tree: check each PDF named on stdin under slagen's limits (timed) and under demanding
#: ones (so that every rule finds something to compare), and print what the reader read.
_CHILD = """
import dataclasses, json, sys, time
from pathlib import Path
from slagen.layoutcheck import Limits, check_layout, check_pdf, read_pdf
demanding = Limits(min_fill=0.97, body_size=10.5, small_size=9.5, heading_lines=12, section_lines=14,
                   picture_height=400, table_rows=5, short_table=40)
out = {}
for path in json.load(sys.stdin):
    start = time.process_time()
    reports = check_pdf(Path(path))
    cpu = time.process_time() - start
    pages = read_pdf(Path(path))
    out[path] = {"cpu": cpu,
                 "pages": [[r.page, r.fill, [str(f) for f in r.findings]] for r in reports],
                 "demanding": [[str(f) for f in r.findings] for r in check_layout(pages, demanding)],
                 "layouts": [dataclasses.asdict(p) for p in pages]}
json.dump(out, sys.stdout)
"""


@contextmanager
def tree_at(rev: str | None) -> Iterator[Path]:
    """This tree (``rev`` None) or commit ``rev`` checked out into a temporary worktree."""
    if rev is None:
        yield ROOT
        return
    with tempfile.TemporaryDirectory(prefix="compare-readers-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), rev], check=True
        )
        try:
            yield tree
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)


def check_at(rev: str | None, pdfs: list[Path]) -> dict[str, dict]:
    """``check_pdf`` of each PDF by the layout check of ``rev`` (None: this tree), in a fresh
    interpreter: per PDF its CPU time (s) and pages as [number, fill, findings]."""
    with tree_at(rev) as tree:
        env = {**os.environ, "PYTHONPATH": str(tree)}
        done = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=json.dumps([str(p) for p in pdfs]),
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=tree,
        )
    return json.loads(done.stdout)


def example_pdfs(out: Path, word: bool = True) -> tuple[list[Path], list[Path]]:
    """Build every example into ``out``; its PDFs, and (``word``) LibreOffice's PDFs of its DOCX
    files."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    build = [sys.executable, "-m", "slagen", "build", str(ROOT / "agreements"), "-o", str(out / "build")]
    subprocess.run(build, check=True, env=env, cwd=ROOT, capture_output=True)
    pdfs = sorted((out / "build").rglob("*.pdf"))
    if not word:
        return pdfs, []
    sys.path.insert(0, str(ROOT))
    from slagen.layoutcheck import convert_docx

    return pdfs, convert_docx(sorted((out / "build").rglob("*.docx")), out / "word")


def _far(old: dict, new: dict, keys: tuple[str, ...]) -> list[str]:
    """The keys whose values differ by more than their tolerance."""
    return [k for k in keys if abs(old[k] - new[k]) > (X1_TOLERANCE if k == "x1" else LINE_TOLERANCE)]


def _lines(name: str, kind: str, old: list[dict], new: list[dict]) -> Iterator[str]:
    """Lines with other text or character sizes, or a box moved more than its tolerance."""
    if [ln["text"] for ln in old] != [ln["text"] for ln in new]:
        yield f"{name}: {kind}s {[ln['text'] for ln in old]} before, {[ln['text'] for ln in new]} after"
        return
    for a, b in zip(old, new, strict=True):
        far = _far(a, b, ("x0", "x1", "top", "bottom"))
        if far or a["sizes"] != b["sizes"]:
            yield f"{name}: {kind} {a['text'][:40]!r} moved ({far or 'sizes'}): {a} before, {b} after"


def _unmatched(old: list[list[float]], new: list[list[float]]) -> list[list[float]]:
    """The boxes of ``old`` with no box of ``new`` within the tolerance (each used once)."""
    left = sorted(new)
    missing = []
    for box in sorted(old):
        near = next(
            (q for q in left if all(abs(x - y) <= LINE_TOLERANCE for x, y in zip(box, q, strict=True))), None
        )
        if near is None:
            missing.append(box)
        else:
            left.remove(near)
    return missing


def _layout(name: str, old: dict, new: dict) -> Iterator[str]:
    """What the reader read of one page, compared: lines, headings, tables, the text area."""
    yield from _lines(name, "line", old["lines"], new["lines"])
    yield from _lines(name, "running line", old["running"], new["running"])
    exact = {"headings": ("title", "level"), "tables": ("first_columns", "last_columns", "rows")}
    for kind, keys in exact.items():
        shape = [[item[k] for k in keys] for item in old[kind]]
        now = [[item[k] for k in keys] for item in new[kind]]
        if shape != now:
            yield f"{name}: {kind} {shape} before, {now} after"
            continue
        for a, b in zip(old[kind], new[kind], strict=True):
            heights = list(zip(a.get("heights", []), b.get("heights", []), strict=True))
            if _far(a, b, ("top", "bottom")) or any(abs(x - y) > LINE_TOLERANCE for x, y in heights):
                yield f"{name}: {kind[:-1]} moved: {a} before, {b} after"
    for key in ("left", "right", "header_bottom", "footer_top", "content_top", "content_bottom"):
        a, b = old[key], new[key]
        if (a is None) != (b is None) or (a is not None and abs(a - b) > LINE_TOLERANCE):
            yield f"{name}: {key} {a} before, {b} after"
    for key in ("images", "drawings"):
        # pdfminer keeps a subpath of a lone move as a point; PDFium drops it (a point adds
        # nothing to a page's extent that the drawing it sits in does not)
        a, b = (
            [box for box in boxes if box[0] != box[2] or box[1] != box[3]] for boxes in (old[key], new[key])
        )
        unmatched = _unmatched(a, b)
        if len(a) != len(b) or unmatched:
            yield f"{name}: {len(a)} {key} before, {len(b)} after; not found after: {unmatched[:3]}"


def compare(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    """Every difference between two runs: page counts, findings (under both limits), fills and
    what was read of each page."""
    problems = []
    for path, old in before.items():
        new = after[path]
        name = Path(path).name
        if len(old["pages"]) != len(new["pages"]):
            problems.append(f"{name}: {len(old['pages'])} pages before, {len(new['pages'])} after")
            continue
        for i, ((number, fill, found), (_, fill_now, found_now)) in enumerate(
            zip(old["pages"], new["pages"], strict=True)
        ):
            where = f"{name} page {number}"
            if found != found_now:
                problems.append(f"{where}: findings {found} before, {found_now} after")
            if old["demanding"][i] != new["demanding"][i]:
                problems.append(
                    f"{where}: demanding findings {old['demanding'][i]} before, {new['demanding'][i]} after"
                )
            if abs(fill - fill_now) > FILL_TOLERANCE:
                problems.append(f"{where}: fill {fill:.4f} before, {fill_now:.4f} after")
            problems.extend(_layout(where, old["layouts"][i], new["layouts"][i]))
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default=BEFORE, help="the commit to compare with (default %(default)s)")
    parser.add_argument(
        "--pdfs", type=Path, nargs="+", help="check the PDFs under this folder instead of building"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="compare-readers-out-") as tmp:
        if args.pdfs:
            pdfs = sorted(p for folder in args.pdfs for p in folder.rglob("*.pdf"))
            kinds = f"{len(pdfs)} PDFs under {', '.join(map(str, args.pdfs))}"
        else:
            own, word = example_pdfs(Path(tmp))
            pdfs = own + word
            kinds = f"{len(own)} PDFs of the examples and {len(word)} of their DOCX files"
        before = check_at(args.before, pdfs)
        after = check_at(None, pdfs)
    problems = compare(before, after)
    pages = sum(len(r["pages"]) for r in before.values())
    findings = sum(len(p[2]) for r in before.values() for p in r["pages"])
    demanding = sum(len(p) for r in before.values() for p in r["demanding"])
    lines = sum(len(p["lines"]) + len(p["running"]) for r in before.values() for p in r["layouts"])
    tables = sum(len(p["tables"]) for r in before.values() for p in r["layouts"])
    worst = max(
        (
            abs(a[1] - b[1])
            for p in before
            for a, b in zip(before[p]["pages"], after[p]["pages"], strict=False)
        ),
        default=0.0,
    )
    cpu_before = sum(r["cpu"] for r in before.values())
    cpu_after = sum(r["cpu"] for r in after.values())
    print(f"{kinds}: {pages} pages, {lines} lines, {tables} tables")
    print(f"findings before the change: {findings} under slagen's limits, {demanding} under demanding ones")
    print(f"largest difference of a page's fill: {worst:.5f}")
    print(
        f"check_pdf CPU time: {cpu_before:.1f} s at {args.before}, {cpu_after:.1f} s now ({cpu_after / cpu_before:.3f})"
    )
    for problem in problems:
        print(problem)
    print(f"{len(problems)} difference(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
