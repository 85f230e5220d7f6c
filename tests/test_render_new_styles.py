"""The bulleted and summary-first styles read back from their PDF and DOCX: every section and
every figure of the agreement, bullets instead of tables (bulleted), and key terms that link to
the full clauses with a contents list whose page numbers are the pages the clauses are on
(summary-first)."""

from __future__ import annotations

import functools
import hashlib
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES as ALL_EXAMPLES
from conftest import ROOT, Examples
from render_helpers import page_texts, pdf_text, reader

from slagen.agreement.load import load_agreement
from slagen.i18n import gettext as _
from slagen.i18n import using
from slagen.render import render_html
from slagen.render.context import DocumentContext

STYLES = ("bulleted", "summary-first")
#: The examples that declare the two styles (all of them, the Polish one included).
EXAMPLES = [e for e in ALL_EXAMPLES if "summary-first" in load_agreement(e).agreement.presentation.styles]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _one(text: str) -> str:
    return " ".join(text.split())


def docx_text(path: Path) -> str:
    """Every paragraph's text, in body order (table cells included), whitespace collapsed."""
    d = docx.Document(str(path))
    return _one(
        " ".join(
            "".join(
                "-" if t.tag == f"{W}noBreakHyphen" else t.text or ""
                for t in p.iter(f"{W}t", f"{W}noBreakHyphen")
            )
            for p in d.element.body.iter(f"{W}p")
        )
    )


@pytest.fixture(scope="module")
def out(examples: Examples) -> Examples:
    """The session's build of the examples (bulleted and summary-first as PDF and DOCX, and the
    tabular and two-column PDFs bulleted is shorter than)."""
    return examples


@functools.cache
def _context(example: Path, style: str) -> DocumentContext:
    """The context of ``example`` in ``style`` (rendered once per worker: several tests read it)."""
    return render_html(load_agreement(example), style=style).context


def _file(out: Examples, example: Path, style: str, ext: str) -> Path:
    return out.document(example.stem, style, ext)


def figures(ctx: DocumentContext) -> list[str]:
    """Every figure the agreement promises, as the other styles print it."""
    found: list[str] = []
    for g in ctx.goals:
        found += [g.statement, *(r.value for b in g.breakdown if b.interval == "month" for r in b.rows)]
        if g.period_total:
            found.append(g.period_total)
    if ctx.service_levels:
        sl = ctx.service_levels
        found += [r.value for r in sl.downtime] + [x for s in sl.support for x in (s.response, s.resolution)]
        found += [sl.availability] if sl.availability else []
    if ctx.missed_goals.credits:
        cr = ctx.missed_goals.credits
        found += [t.value for t in cr.tiers] + [t.value for t in cr.per_goal]
        found += [cr.monthly_cap] if cr.monthly_cap else []
    found += [c.value for c in ctx.derivations]
    if ctx.cancellation:
        found.append(ctx.cancellation.notice)
    return [_one(f) for f in found]


CASES = [(e, s) for e in EXAMPLES for s in STYLES]
IDS = [f"{e.stem}/{s}" for e, s in CASES]


@pytest.mark.parametrize(("example", "style"), CASES, ids=IDS)
def test_every_section_and_figure_in_pdf_and_docx(out: Examples, example: Path, style: str) -> None:
    ctx = _context(example, style)
    h = ctx.headings
    headings = [h.overview, h.goals, h.requirements, h.contacts, h.missed_goals, h.cancellation]
    headings += [h.unexpected_events, h.review, h.sign_off]
    headings += [h.appendix] if ctx.derivations else []  # no appendix when nothing is computed
    for text in (pdf_text(_file(out, example, style, "pdf")), docx_text(_file(out, example, style, "docx"))):
        text = _one(text)
        assert [x for x in headings if x.casefold() not in text.casefold()] == []
        assert [f for f in figures(ctx) if f not in text] == []
        assert [g.metric for g in ctx.goals if g.metric not in text] == []
        assert [c.person.name for c in ctx.contacts if c.person.name not in text] == []


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_bulleted_is_bullets_in_a_few_pages(out: Examples, example: Path) -> None:
    html = _file(out, example, "bulleted", "html").read_text(encoding="utf-8")
    assert "<table" not in html
    # one obligation per bullet: every goal is one bullet of its own
    ctx = _context(example, "bulleted")
    metrics = Counter(g.metric for g in ctx.goals)
    # a Polish one-letter word is bound to the next by a no-break space ("Przychód z\u00a0leadów")
    body = html.split('id="appendix"')[0].replace("\u00a0", " ")
    assert {m: body.count(f"<li><strong>{m}</strong>") for m in metrics} == metrics
    # a few pages: fewer than the tabular style, no more than the two-column one
    pages = {
        s: len(reader(_file(out, example, s, "pdf")).pages) for s in ("bulleted", "tabular", "two-column")
    }
    assert pages["bulleted"] < pages["tabular"] and pages["bulleted"] <= pages["two-column"], pages


def _links(pdf: Path, page: int) -> list[str]:
    """The named destinations the links of ``page`` (0-based) go to."""
    names = []
    for annot in reader(pdf).pages[page].get("/Annots", []):
        a = annot.get_object()
        if a.get("/Subtype") == "/Link":
            dest = a.get("/Dest") or a.get("/A", {}).get("/D")
            names.append(str(dest))
    return names


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_summary_links_to_the_clauses_and_contents_gives_their_pages(out: Examples, example: Path) -> None:
    pdf = _file(out, example, "summary-first", "pdf")
    ctx = _context(example, "summary-first")
    pages = page_texts(pdf)
    with using(load_agreement(example).agreement.presentation.locale):
        heading = _("Contents")  # "Spis treści" in Polish
    contents = next(i for i, t in enumerate(pages) if f" {heading} " in t)
    summary = [name for page in range(contents + 1) for name in _links(pdf, page)]
    assert [g.id for g in ctx.goals if f"goal-{g.id}" not in summary] == []
    entry = r"(\d\.\d? ?[^\W\d_][\w ,-]+?) \.{3,} (\d+)"
    entries = re.findall(entry, pages[contents])
    assert len(entries) >= 8, pages[contents]
    # the full terms may start on the contents page, under the contents (not in its own lines)
    after = [*pages[:contents], re.sub(entry, "", pages[contents]), *pages[contents + 1 :]]
    for title, number in entries:
        start = next(i for i in range(contents, len(pages)) if title in after[i])
        assert int(number) == start + 1, (title, number)
    # the contents lines link to their clauses too
    assert "overview" in _links(pdf, contents) or "/overview" in _links(pdf, contents)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_summary_docx_links_to_bookmarks_and_counts_pages(out: Examples, example: Path) -> None:
    d = docx.Document(str(_file(out, example, "summary-first", "docx")))
    body = d.element.body
    marks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    anchors = [a.get(f"{W}anchor") for a in body.iter(f"{W}hyperlink")]
    ctx = _context(example, "summary-first")
    assert len(anchors) >= len(ctx.goals) and set(anchors) <= marks
    refs = [t.text for t in body.iter(f"{W}instrText") if "PAGEREF" in (t.text or "")]
    assert len(refs) >= 10 and all(r.split()[1] in marks for r in refs)
    ids = [int(b.get(f"{W}id")) for b in body.iter(f"{W}bookmarkStart")]
    assert len(ids) == len(set(ids))
    assert d.settings.element.find(f"{W}updateFields").get(f"{W}val") == "true"


@pytest.mark.parametrize("style", STYLES)
def test_same_bytes_in_another_process(out: Examples, tmp_path: Path, style: str) -> None:
    """A render in a fresh process writes the bytes of the session's build, PDF and DOCX."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    cmd = [sys.executable, "-m", "slagen", "render", str(EXAMPLES[0]), "--style", style]
    subprocess.run(
        [*cmd, "--format", "pdf,docx", "-o", str(tmp_path)],
        check=True,
        cwd=ROOT,
        env=env,
        capture_output=True,
    )
    for fmt in ("pdf", "docx"):
        built = out.document(EXAMPLES[0].stem, style, fmt)
        again = tmp_path / built.parent.name / built.name
        assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(built.read_bytes()).digest(), fmt


def test_the_bulleted_version_history_nests_under_its_sentence_like_the_other_lists(out: Examples) -> None:
    """The rows of a clause's table (the version history, notices, escalation) are a list under
    the sentence that introduces them, as a clause's items are, in the PDF and the DOCX."""
    import pdfplumber

    pdf, word = (out.document("paper-supplier", "bulleted", fmt) for fmt in ("pdf", "docx"))
    intro, first = "The versions of this Agreement are the following:", "Version: 1.0; Date: 16 June 2025"
    with pdfplumber.open(pdf) as doc:
        lines = [line for page in doc.pages for line in page.extract_text_lines()]
    x = {t: [line["x0"] for line in lines if t in line["text"]] for t in (intro, first, "amended only by")}
    assert len(x[intro]) == len(x[first]) == len(x["amended only by"]) == 1
    assert x[intro] == x["amended only by"]  # the sentences are one list
    assert x[first][0] > x[intro][0] + 8  # the versions are a level in
    levels = {}
    for p in docx.Document(str(word)).paragraphs:
        num = p._p.pPr.numPr if p._p.pPr is not None else None
        if num is not None and (p.text.startswith(intro) or p.text.startswith("Version: ")):
            levels[p.text[:18]] = num.ilvl.val
    assert levels == {
        "The versions of th": 0,
        "Version: 1.0; Date": 1,
        "Version: 2.0; Date": 1,
        "Version: 2.1; Date": 1,
    }
