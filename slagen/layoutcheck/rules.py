"""The layout rules: each a small function from the pages to the defects it finds.

A page's fill is how far down its content reaches, as a share of the text area's height as the
document uses it (from the highest first line to the lowest last line of any page). The rules:

- ``empty-page``: a page less than ``Limits.min_fill`` full that is neither the last page, nor the
  signature page (the page where a heading matching ``Limits.signature`` starts), nor the last
  page of a part that ends its page on purpose (a redline's summary, whose heading matches
  ``Limits.part``: the page before the next heading of its level);
- ``heading-at-foot``: the last heading of a page with its content on the next: fewer than
  ``Limits.heading_lines`` lines under it while its text goes on at the top of the next page, or
  fewer than ``Limits.section_lines`` while the next page starts with one of its subsections (its
  introduction left behind); a next page that starts with a heading of the same or a higher
  level means the section ended, and a picture or drawing at least ``Limits.picture_height`` tall
  under the heading (a chart: an image in Word's layout, curves and rectangles in WeasyPrint's)
  is content enough;
- ``table-split``: a table that runs from the foot of one page to the top of the next (the same
  columns) with fewer than ``Limits.table_rows`` rows on a side (a repeated header not counted),
  or a table of at most ``Limits.short_table`` rows (all its fragments together) split at all
  (when it would fit on a page);
- ``small-text``: a page whose most common text size is under ``Limits.body_size``, or any text
  under ``Limits.small_size``;
- ``outside``: text or an image beyond the text area's left or right edge, or body text running
  into the running header or footer.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from slagen.layoutcheck.pages import PageLayout, Table, read_pdf


@dataclass(frozen=True)
class Limits:
    """What the rules allow; the defaults are slagen's print rules."""

    min_fill: float = 0.25
    body_size: float = 9.0
    small_size: float = 7.5
    heading_lines: int = 3
    section_lines: int = 4
    picture_height: float = 72.0
    """Graphics reaching this far (pt) under a heading are content enough: a chart has few or no
    text lines (in Word's layout of a DOCX it is a picture; in a PDF, a drawn SVG)."""
    table_rows: int = 2
    short_table: int = 6
    tolerance: float = 1.5
    signature: str = r"(?i)sign|witness|execution|podpis"
    part: str = r"^Redline: changes in this version$"


@dataclass(frozen=True)
class Finding:
    """One defect: the page (1-based), its class and what a reader would see."""

    page: int
    kind: str
    message: str

    def __str__(self) -> str:
        return f"page {self.page}: {self.kind}: {self.message}"


@dataclass(frozen=True)
class PageReport:
    """One page: how full it is (0-1) and its defects."""

    page: int
    fill: float
    findings: tuple[Finding, ...] = field(default=())


Rule = Callable[[list[PageLayout], Limits], Iterable[Finding]]


def fills(pages: list[PageLayout]) -> list[float]:
    """Each page's fill: how far down its content reaches in the text area the document uses."""
    tops = [p.content_top for p in pages if p.content_top is not None]
    bottoms = [p.content_bottom for p in pages if p.content_bottom is not None]
    if not tops or not bottoms:
        return [0.0 for _ in pages]
    top, bottom = min(tops), max(bottoms)
    height = max(bottom - top, 1.0)
    return [
        0.0 if p.content_bottom is None else max(0.0, min(1.0, (p.content_bottom - top) / height))
        for p in pages
    ]


def signature_pages(pages: list[PageLayout], limits: Limits) -> set[int]:
    """The pages on which a signature heading starts."""
    pattern = re.compile(limits.signature)
    return {p.number for p in pages for h in p.headings if pattern.search(h.title)}


def part_ends(pages: list[PageLayout], limits: Limits) -> set[int]:
    """The last page of each part that ends its page on purpose: from the page its heading
    (matching ``limits.part``) starts on, the page before the next heading of its level."""
    pattern = re.compile(limits.part)
    headings = [(p.number, h) for p in pages for h in p.headings]
    ends = set()
    for i, (start, heading) in enumerate(headings):
        if pattern.search(heading.title):
            after = [n for n, h in headings[i + 1 :] if h.level <= heading.level]
            if after and after[0] - 1 >= start:
                ends.add(after[0] - 1)
    return ends


def empty_pages(pages: list[PageLayout], limits: Limits) -> Iterable[Finding]:
    """Pages less than a quarter full, other than the last, the signature page and the last
    page of a part that ends there on purpose."""
    exempt = signature_pages(pages, limits) | part_ends(pages, limits) | {len(pages)}
    for page, fill in zip(pages, fills(pages), strict=True):
        if page.number not in exempt and fill < limits.min_fill:
            yield Finding(page.number, "empty-page", f"only {fill:.0%} full")


def headings_at_foot(pages: list[PageLayout], limits: Limits) -> Iterable[Finding]:
    """A page's last heading left with too little under it, its content on the next page."""
    for page, following in itertools.pairwise(pages):
        if not page.headings or not following.lines:
            continue
        last = page.headings[-1]
        under = [ln for ln in page.lines if ln.top >= last.bottom - 0.5]
        first = following.lines[0]
        starts = [h for h in following.headings if abs(h.top - first.top) < 3]
        if starts and starts[0].level <= last.level:
            continue
        if len(under) >= (limits.section_lines if starts else limits.heading_lines):
            continue
        if _drawn_under(page, last.bottom) >= limits.picture_height:
            continue
        yield Finding(
            page.number,
            "heading-at-foot",
            f"{last.title!r} has {len(under)} line(s) under it; its content starts on page {following.number}",
        )


def _drawn_under(page: PageLayout, top: float) -> float:
    """How far the pictures and drawings below ``top`` reach, from the highest to the lowest."""
    boxes = [(t, b) for _, t, _, b in (*page.images, *page.drawings) if t >= top - 0.5]
    return max((b for _, b in boxes), default=0.0) - min((t for t, _ in boxes), default=0.0)


def _body_rows(table: Table, header: bool) -> int:
    return len(table.rows) - (1 if header else 0)


def _continued(page: PageLayout, following: PageLayout) -> tuple[Table, Table, bool] | None:
    """The table ending ``page`` and its continuation starting ``following`` (the same columns),
    and whether the continuation repeats the header row; None when no table runs on."""
    if not page.tables or not following.tables or page.content_bottom is None:
        return None
    before, after = page.tables[-1], following.tables[0]
    at_foot = before.bottom >= page.content_bottom - 3
    at_top = following.content_top is not None and after.top <= following.content_top + 3
    if not (at_foot and at_top and len(before.last_columns) == len(after.first_columns)):
        return None
    if any(abs(a - b) > 3 for a, b in zip(before.last_columns, after.first_columns, strict=True)):
        return None
    return before, after, len(before.rows) > 1 and before.rows[0] == after.rows[0]


def _row_taller_than_a_page(before: Table, after: Table, header: bool, page: PageLayout) -> bool:
    """Whether the break falls inside one row (its first cell goes on empty on the next page)
    that, with the header row, is taller than the text area: no page could hold it whole."""
    first = 1 if header else 0
    if len(after.rows) <= first or not before.heights or len(after.heights) <= first:
        return False
    if after.rows[first][0] or not before.rows[-1][0]:
        return False  # the next page starts a row of its own
    head = after.heights[0] if header else 0.0
    return before.heights[-1] + after.heights[first] + head >= page.footer_top - page.header_bottom - 12


def table_splits(pages: list[PageLayout], limits: Limits) -> Iterable[Finding]:
    """Tables split across a page break with a lone row on a side, or short tables split.

    A table may run over several pages: its length is that of all its fragments together (the
    two fragments on either side of one break of a long table are not a short table)."""
    breaks = [_continued(page, following) for page, following in itertools.pairwise(pages)]
    for i, found in enumerate(breaks):
        if found is None:
            continue
        before, after, header = found
        page, following = pages[i], pages[i + 1]
        # the whole table: back to the page it starts on, on to the page it ends on
        first = i
        while first > 0 and breaks[first - 1] is not None:
            first -= 1
        last = i + 1
        while last < len(breaks) and breaks[last] is not None:
            last += 1
        fragments = [pages[first].tables[-1]] + [pages[n].tables[0] for n in range(first + 1, last + 1)]
        total = sum(_body_rows(t, header) for t in fragments)
        # A short table taller than a page cannot be kept on one.
        fits = sum(t.bottom - t.top for t in fragments) <= page.footer_top - page.header_bottom
        rows_before, rows_after = _body_rows(before, header), _body_rows(after, header)
        name = (before.rows[0][0] if before.rows and before.rows[0] else "") or "a table"
        if _row_taller_than_a_page(before, after, header, page):
            continue  # one row that no page holds: it must split, as it does in the PDF
        if min(rows_before, rows_after) < limits.table_rows:
            yield Finding(
                page.number,
                "table-split",
                f"{name!r} split {rows_before} row(s) / {rows_after} row(s) onto page {following.number}",
            )
        elif total <= limits.short_table and fits:
            yield Finding(
                page.number,
                "table-split",
                f"short table {name!r} ({total} rows) split onto page {following.number}",
            )


def small_text(pages: list[PageLayout], limits: Limits) -> Iterable[Finding]:
    """Body text under the body size, any text under the small-print size."""
    for page in pages:
        sizes: Counter[float] = Counter()
        for ln in page.lines:
            sizes.update(round(s, 1) for s in ln.sizes)
        if sizes:
            common = sizes.most_common(1)[0][0]
            if common < limits.body_size - 0.05:
                yield Finding(page.number, "small-text", f"body text at {common:g} pt")
        tiny = [
            ln for ln in (*page.lines, *page.running) if ln.sizes and min(ln.sizes) < limits.small_size - 0.05
        ]
        if tiny:
            smallest = min(tiny, key=lambda ln: min(ln.sizes))
            yield Finding(
                page.number,
                "small-text",
                f"{len(tiny)} line(s) with text under {limits.small_size:g} pt, e.g. "
                f"{min(smallest.sizes):g} pt in {smallest.text[:60]!r}",
            )


def outside(pages: list[PageLayout], limits: Limits) -> Iterable[Finding]:
    """Text or images beyond the text area's edges, body text in the header or footer band."""
    tol = limits.tolerance
    for page in pages:
        for ln in page.lines:
            if ln.x0 < page.left - tol or ln.x1 > page.right + tol:
                yield Finding(page.number, "outside", f"text beyond the margin: {ln.text[:60]!r}")
            elif ln.top < page.header_bottom - tol or ln.bottom > page.footer_top + tol:
                yield Finding(page.number, "outside", f"text in the header or footer: {ln.text[:60]!r}")
        for x0, _, x1, _ in page.images:
            if x0 < page.left - tol or x1 > page.right + tol:
                yield Finding(page.number, "outside", "an image beyond the margin")


RULES: tuple[Rule, ...] = (empty_pages, headings_at_foot, table_splits, small_text, outside)


def check_layout(pages: list[PageLayout], limits: Limits | None = None) -> list[PageReport]:
    """Every page's fill and defects under ``limits`` (slagen's print rules by default)."""
    limits = limits or Limits()
    found: dict[int, list[Finding]] = {p.number: [] for p in pages}
    for rule in RULES:
        for finding in rule(pages, limits):
            found[finding.page].append(finding)
    return [
        PageReport(p.number, fill, tuple(found[p.number]))
        for p, fill in zip(pages, fills(pages), strict=True)
    ]


def check_pdf(path: Path, limits: Limits | None = None) -> list[PageReport]:
    """Read the PDF at ``path`` and check its layout."""
    return check_layout(read_pdf(path), limits)
