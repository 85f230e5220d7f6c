"""DOCX output of every example in every style, read back as a user's tools read it.

python-docx sees Word structures (heading styles, numbered paragraphs, tables with repeating
header rows, PAGE/NUMPAGES fields); the DOCX says the same words in the same order as the PDF;
LibreOffice opens every file and prints the section headings and computed targets; the same
input gives the same bytes in two processes.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES, ROOT, Examples, WordPdfs, run
from docx.oxml.ns import qn
from docx_helpers import docx_text

from slagen.agreement.load import load_agreement
from slagen.render import render_html

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Built:
    """One example rendered in one style: its PDF, its DOCX and what the HTML said."""

    name: str
    pdf: Path
    docx: Path
    headings: tuple[str, ...]
    targets: tuple[str, ...]
    running: tuple[str, ...]


def _cases() -> list[tuple[Path, str]]:
    # The English examples: this file strips English running text ("Page X of Y", DRAFT); the
    # Polish example's PDF and DOCX are read back by tests/test_i18n.py.
    agreements = [load_agreement(p).agreement for p in EXAMPLES]
    return [
        (p, s)
        for p, a in zip(EXAMPLES, agreements, strict=True)
        if a.presentation.locale.startswith("en-")
        for s in a.presentation.styles
    ]


@pytest.fixture(scope="session")
def built(examples: Examples) -> dict[str, Built]:
    """Every example in every style it declares, as PDF and DOCX (from the session's build)."""
    cases: dict[str, Built] = {}
    for path, style in _cases():
        loaded = load_agreement(path)
        rendered = render_html(loaded, style=style)
        ctx = rendered.context
        headings = tuple(" ".join(h.split()) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", rendered.html, re.S))
        running = tuple(
            " ".join(re.sub(r"<[^>]+>", "", m).split())
            for m in re.findall(
                r'<div class="(?:running-header|running-footer|watermark)">(.*?)</div>', rendered.html, re.S
            )
        )
        cases[f"{path.stem}/{style}"] = Built(
            f"{path.stem}/{style}",
            examples.document(path.stem, style, "pdf"),
            examples.document(path.stem, style, "docx"),
            tuple(re.sub(r"<[^>]+>", "", h) for h in headings),
            tuple(c.value for c in ctx.derivations),
            running,
        )
    return cases


CASES = [f"{p.stem}/{s}" for p, s in _cases()]


# --- Word structures ----------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_word_sees_headings_lists_and_tables(built: dict[str, Built], case: str) -> None:
    b = built[case]
    d = docx.Document(str(b.docx))
    every = [docx.text.paragraph.Paragraph(p, d).style.name for p in d.element.body.iter(f"{W}p")]
    assert every.count("Title") == 1  # (in the visual style, inside the cover banner's table)
    heading1 = [" ".join(p.text.split()) for p in d.paragraphs if p.style.name == "Heading 1"]
    assert heading1 == list(b.headings)  # every h2 of the page, in order, as a Heading 1
    body = d.element.body
    assert body.findall(f".//{W}numPr"), "no paragraph is a Word list item"
    assert d.tables, "no Word table"
    tabbed = [p for p in d.paragraphs if "\t" in p.text]
    # a tab only before the page number of a contents line (summary-first)
    assert not [p.text for p in tabbed if "PAGEREF" not in p._p.xml], "tab-separated text instead of a table"
    header_rows = body.findall(f".//{W}trPr/{W}tblHeader")
    if case.endswith("/bulleted"):  # bullets, not tables: the one table is the signature blocks
        assert len(d.tables) == 1 and not header_rows
        return
    assert header_rows, "no header row repeats across pages"
    assert len(body.findall(f".//{W}trPr/{W}cantSplit")) >= len(header_rows)


@pytest.mark.parametrize("case", CASES)
def test_the_docx_is_set_in_the_font_of_the_pdf(built: dict[str, Built], case: str) -> None:
    d = docx.Document(str(built[case].docx))
    serif = case.endswith("/legal-narrative")  # legal.css: html { font: 10pt/1.5 "DejaVu Serif", serif; }
    font = "DejaVu Serif" if serif else "DejaVu Sans"
    assert {d.styles[s].font.name for s in ("Normal", "Title", "Heading 1", "Heading 2")} == {font}


def test_visual_docx_marks_each_party_by_colour_and_shape(built: dict[str, Built]) -> None:
    d = docx.Document(str(built["sales-marketing/visual"].docx))
    runs = [r for p in d.element.body.iter(f"{W}p") for r in docx.text.paragraph.Paragraph(p, d).runs]
    marks = Counter((r.text, str(r.font.color.rgb)) for r in runs if r.text in "●■◆▲▬□○" and r.text)
    # Marketing a blue circle, Sales a red square, the shared goal a grey ring, as in the PDF.
    assert set(marks) == {("●", "0B2E59"), ("■", "C0501A"), ("○", "5B5B5B"), ("●", "FFFFFF"), ("■", "FFFFFF")}
    texts = [p.text for p in d.paragraphs]
    assert texts[texts.index("Key") + 1] == (
        "● Marketing Department, Northwind Software Inc. ■ Sales Department, Northwind Software Inc. "
        "○ Shared goals 1 Process stage"
    )


@pytest.mark.parametrize("case", CASES)
def test_header_footer_properties_and_page(built: dict[str, Built], case: str) -> None:
    b = built[case]
    d = docx.Document(str(b.docx))
    section = d.sections[0]
    header = " ".join(p.text for p in section.header.paragraphs)
    footer_xml = section.footer._element.xml
    assert b.running[0] in " ".join(header.split())
    instr = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert instr == ["PAGE", "NUMPAGES"]
    assert "Page " in footer_xml and " of " in footer_xml
    a = load_agreement(ROOT / "agreements" / f"{case.split('/')[0]}.yaml").agreement
    cp = d.core_properties
    assert cp.title == a.title
    assert cp.keywords and cp.author and cp.subject
    draft = any(s.signed_on is None for s in a.sign_off)
    assert "DRAFT" not in header  # no line of text under the running header: the watermark alone
    v = "{urn:schemas-microsoft-com:vml}"
    shapes = [t.find(f"{v}textpath").get("string") for t in section.header._element.iter(f"{v}shape")]
    assert shapes == (["DRAFT"] if draft else [])  # the diagonal watermark behind every page
    width_mm = round(section.page_width.mm)
    assert width_mm == (210 if a.presentation.page_size == "A4" else 216)


# --- the same words as the PDF ------------------------------------------------------------


def pdf_pages(path: Path, running: tuple[str, ...]) -> list[str]:
    """The text of each PDF page in drawing order, less the running header, footer, page
    numbers and DRAFT."""
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in raw.split("\f"):
        keep = []
        for line in page.splitlines():
            norm = " ".join(line.split())
            norm = re.sub(r"\s*Page \d+ of \d+$", "", norm)
            # a contents line's dotted leader and page number (drawn dot by dot, the number after
            # the last): the DOCX has a PAGEREF field that Word computes on opening
            norm = re.sub(r"^\. \d+$", "", re.sub(r"^\.$", "", norm))
            if norm and norm not in running:
                keep.append(norm)
        pages.append("\n".join(keep))
    return pages


def words(text: str) -> list[str]:
    """Words, case-folded, without punctuation or list markers' symbols."""
    return re.findall(r"\w+", text.replace("-\n", "-").casefold())


def header_rows(path: Path) -> list[list[str]]:
    """The words of each table header row of a DOCX (Word repeats the row on every page)."""
    d = docx.Document(str(path))
    rows = []
    for tr in d.element.body.iter(f"{W}tr"):
        if tr.find(f"{W}trPr/{W}tblHeader") is not None:
            rows.append(words(" ".join(r.text for r in tr.iter(f"{W}r"))))
    return rows


def _last_header(page: list[str], headers: list[list[str]]) -> list[str] | None:
    """The header row of the last table that begins (or goes on) on ``page``: the row among
    ``headers`` whose last occurrence starts furthest down (the longest, where two do)."""
    found = [
        (i, len(h), h)
        for h in headers
        if h
        for i in range(len(page) - len(h) + 1)
        if page[i : i + len(h)] == h
    ]
    return max(found)[2] if found else None


def pdf_words(pages: list[str], headers: list[list[str]]) -> tuple[list[str], int]:
    """The words of the PDF's pages, less each header row the PDF repeats at the top of a page
    for the table that runs on from the foot of the page before (the last table on that page
    has the same header row); and how many repeats it took out. The DOCX has that row once,
    marked to repeat."""
    out: list[str] = []
    repeats = 0
    before: list[str] = []
    for page in pages:
        here = words(page)
        h = _last_header(before, headers)
        if h is not None and here[: len(h)] == h:
            out += here[len(h) :]
            repeats += 1
        else:
            out += here
        before = here
    return out, repeats


def compare_words(pdf: list[str], doc: list[str]) -> tuple[list[str], int]:
    """Differences between the PDF's and the DOCX's words that layout does not explain.

    With the repeated header rows taken out of the PDF (:func:`pdf_words`), layout explains
    one thing only: a run of words the PDF draws elsewhere (columns cut by a page break are
    read part by part; clause numbers drawn in the margin come after their text). Every word
    must be in both, as many times; returns the unexplained differences and the moved words.
    """
    only_pdf: list[str] = []
    only_doc: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=pdf, b=doc, autojunk=False).get_opcodes():
        if tag != "equal":
            only_pdf += pdf[i1:i2]
            only_doc += doc[j1:j2]
    missing = Counter(only_pdf) - Counter(only_doc)
    extra = Counter(only_doc) - Counter(only_pdf)
    problems = [f"in the PDF, not in the DOCX: {w!r} x{n}" for w, n in sorted(missing.items())]
    problems += [f"in the DOCX, not in the PDF: {w!r} x{n}" for w, n in sorted(extra.items())]
    return problems, len(only_doc)


def test_a_repeated_header_is_explained_by_its_page_not_by_the_diff() -> None:
    """The legal appendix of 387a0bc: a row ending in 'rounding' before a page break, and the
    header row ending in 'Rounding' on top of the next page. The diff aligns the header's last
    word with the row's, so the repeat was never a contiguous run of the diff; it is taken out
    by its place, the top of a page continuing the table."""
    header = words("Target Value Formula and inputs Rounding")
    first = "Target Value Formula and inputs Rounding Business days in 2026-10 22 days exact (no rounding)"
    second = (
        "Target Value Formula and inputs Rounding Business days of Stratus Cloud Services GmbH in "
        "2026-11 calendar.business_days.2026-11 21 days the business-hours weekdays"
    )
    docx_words = words(first + " " + second.removeprefix("Target Value Formula and inputs Rounding"))
    pdf, repeats = pdf_words([first, second], [header])
    assert repeats == 1 and compare_words(pdf, docx_words) == ([], 0)
    # a header row on top of a page that starts a table stays: with none on the page before,
    # or another table last on it (the weekly breakdown after a monthly one, both goals' own)
    pdf, repeats = pdf_words(["Business days exact (no rounding)", second], [header])
    assert repeats == 0 and pdf.count("target") == 1
    week, month = words("By week From To Days Target"), words("By month From To Days Target")
    pages = ["By week From To Days Target 2026-W52 1 lead By month From To Days Target 2026-12 9 leads"]
    pages.append("By week From To Days Target 2026-W40 3 leads")
    pdf, repeats = pdf_words(pages, [week, month, week, month])
    assert repeats == 0 and pdf.count("week") == 2
    # and a header the DOCX does not have counts as a difference
    problems, _ = compare_words(words(first + " " + second), docx_words)
    assert "in the PDF, not in the DOCX: 'formula' x1" in problems


@pytest.mark.parametrize("case", CASES)
def test_docx_says_what_the_pdf_says(built: dict[str, Built], case: str) -> None:
    b = built[case]
    pdf, _ = pdf_words(pdf_pages(b.pdf, b.running), header_rows(b.docx))
    docx_words = words(docx_text(b.docx))
    problems, moved = compare_words(pdf, docx_words)
    assert not problems, f"{case}: " + "; ".join(problems[:20])
    assert len(docx_words) > 500
    assert moved < len(docx_words) * 0.15, f"{case}: {moved} of {len(docx_words)} words in another order"


# --- LibreOffice opens every file -----------------------------------------------------------


@pytest.fixture(scope="session")
def libreoffice_pdfs(word_pdfs: WordPdfs) -> dict[str, Path]:
    """Every DOCX as LibreOffice lays it out (converted once per session, in one soffice call)."""
    return {f"{path.stem}/{style}": word_pdfs.of(path.stem, style) for path, style in _cases()}


@pytest.mark.parametrize("case", CASES)
def test_libreoffice_prints_headings_and_targets(
    built: dict[str, Built], libreoffice_pdfs: dict[str, Path], case: str
) -> None:
    pdf = libreoffice_pdfs[case]
    assert pdf.exists(), f"LibreOffice did not convert {case}"
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    b = built[case]
    for heading in b.headings:
        assert heading in text, f"{case}: heading {heading!r} missing from LibreOffice's PDF"
    for value in b.targets:
        assert value in text, f"{case}: computed target {value!r} missing from LibreOffice's PDF"
    assert re.search(r"Page 1 of \d+", text), "LibreOffice did not compute the PAGE/NUMPAGES fields"


# --- same input, same bytes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("epoch", "when"),
    [(None, (2026, 9, 21, 0, 0, 0)), ("1700000000", (2023, 11, 14, 22, 13, 20))],
    ids=["last-signature", "SOURCE_DATE_EPOCH"],
)
def test_same_input_same_bytes_in_another_process(
    tmp_path: Path,
    examples: Examples,
    monkeypatch: pytest.MonkeyPatch,
    epoch: str | None,
    when: tuple[int, ...],
) -> None:
    """A second process gives the bytes of the session's build (or, with SOURCE_DATE_EPOCH, of
    this process)."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    args = [
        "render",
        str(EXAMPLES[0]),
        "--format",
        "docx",
        "--style",
        "visual",
        "-o",
        str(tmp_path / "other"),
    ]
    subprocess.run(
        [sys.executable, "-m", "slagen", *args], check=True, cwd=ROOT, env=env, capture_output=True
    )
    (docx_file,) = (tmp_path / "other").rglob("*.docx")
    if epoch is None:
        same = examples.document(EXAMPLES[0].stem, "visual", "docx")
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        assert run(*args[:-1], str(tmp_path / "here")).exit_code == 0
        (same,) = (tmp_path / "here").rglob("*.docx")
    assert hashlib.sha256(docx_file.read_bytes()).hexdigest() == hashlib.sha256(same.read_bytes()).hexdigest()
    # Every date in the file is the document date: the last signature of it-service, or
    # SOURCE_DATE_EPOCH when set, never the clock.
    cp = docx.Document(str(docx_file)).core_properties
    assert cp.created.timetuple()[:6] == cp.modified.timetuple()[:6] == when
    with zipfile.ZipFile(docx_file) as z:
        assert {i.date_time for i in z.infolist()} == {when}
