"""Redline PDFs as printed pages: the layout check finds nothing in a redline that it does not
find in the plain PDF of the same style, and every "page N" of the summary is the page the
change is on (read back from the PDF: the link's text, its destination, and the marked words).

One real change (the sales quota, 5000 -> 7500) moves every figure, so the summary runs over
more than a page and the document's title or cover comes right after it: the place where a
redline's layout goes wrong first.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from conftest import example_text, run
from test_redline import _marked

from slagen.layoutcheck import check_pdf

pytestmark = pytest.mark.slow

STYLES = ("two-column", "tabular", "visual", "legal-narrative", "bulleted", "summary-first")
_PAGE = re.compile(r"page \d+")
_LINK = re.compile(r"^(changed|changed chart|inserted|deleted): (.*) \(page (\d+)\)$")
#: The redline's blue (inserted words, and the frame of a chart whose figures moved).
BLUE = (0.101961, 0.309804, 0.627451)


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("versions")
    text = example_text()
    assert "sales_quota: 5000" in text
    old, new = folder / "old.yaml", folder / "new.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("sales_quota: 5000", "sales_quota: 7500"), encoding="utf-8")
    return old, new


class _Redlines(dict[str, Path]):
    """The PDF redline of ``versions`` in each style, rendered when a test first asks for it (so
    each xdist worker renders only the styles of its own tests)."""

    def __init__(self, versions: tuple[Path, Path], out: Path) -> None:
        super().__init__()
        self.versions, self.out = versions, out

    def __missing__(self, style: str) -> Path:
        path = self.out / f"{style}.pdf"
        r = run("diff", *map(str, self.versions), "--format", "pdf", "--style", style, "-o", str(path))
        assert r.exit_code == 1, r.output
        self[style] = path
        return path


@pytest.fixture(scope="module")
def redlines(versions: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _Redlines(versions, tmp_path_factory.mktemp("redlines"))


def _defects(path: Path) -> Counter[tuple[str, str]]:
    """The layout check's findings, without their page numbers (a redline's pages are the plain
    document's pages after the summary, and marks may move a page break)."""
    return Counter(
        (f.kind, _PAGE.sub("page N", f.message)) for report in check_pdf(path) for f in report.findings
    )


@pytest.mark.parametrize("style", STYLES)
def test_a_redline_adds_no_layout_defect_to_the_plain_pdf(
    redlines: dict[str, Path], versions: tuple[Path, Path], tmp_path: Path, style: str
) -> None:
    r = run("render", str(versions[1]), "--format", "pdf", "--style", style, "-o", str(tmp_path))
    assert r.exit_code == 0, r.output
    (plain,) = tmp_path.rglob("*.pdf")
    added = _defects(redlines[style]) - _defects(plain)
    assert not added, f"the redline has defects its plain PDF has not: {sorted(added)}"


def test_an_unchanged_redline_adds_no_layout_defect(tmp_path: Path) -> None:
    same = tmp_path / "same.yaml"
    same.write_text(example_text(), encoding="utf-8")
    red = tmp_path / "red.pdf"
    r = run("diff", str(same), str(same), "--format", "pdf", "--style", "two-column", "-o", str(red))
    assert r.exit_code == 0, r.output
    r = run("render", str(same), "--format", "pdf", "--style", "two-column", "-o", str(tmp_path / "plain"))
    assert r.exit_code == 0, r.output
    (plain,) = (tmp_path / "plain").rglob("*.pdf")
    assert not _defects(red) - _defects(plain)


def _links(path: Path) -> list[tuple[str, int, str]]:
    """Each summary link: its destination's name, the page it lands on (1-based) and its text
    as printed (the words inside the link's boxes, a wrapped link's boxes joined)."""
    reader = pypdf.PdfReader(path)
    pages = {}
    for name, dest in reader.named_destinations.items():
        pages[name] = reader.get_destination_page_number(dest) + 1
    boxes: dict[str, list[tuple[int, tuple[float, float, float, float]]]] = {}
    for number, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            dest = a.get("/Dest")
            if a.get("/Subtype") == "/Link" and isinstance(dest, str) and dest.startswith("rl-"):
                x0, y0, x1, y1 = (float(v) for v in a["/Rect"])
                boxes.setdefault(dest, []).append((number, (x0, min(y0, y1), x1, max(y0, y1))))
    out = []
    with pdfplumber.open(path) as pdf:
        for name, parts in boxes.items():
            words: dict[tuple[int, float, float], str] = {}  # boxes overlap: (page, top, x0) once
            for number, (x0, y0, x1, y1) in parts:
                page = pdf.pages[number - 1]
                top, bottom = page.height - y1, page.height - y0
                inside = page.within_bbox((x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)).extract_words()
                words.update({(number, round(w["top"]), round(w["x0"])): w["text"] for w in inside})
            out.append((name, pages[name], " ".join(words[k] for k in sorted(words))))
    return out


def _named_word(kind: str, what: str) -> tuple[str, str]:
    """The first word a summary entry names, and how it is marked on its page."""
    if kind == "changed":
        gone, came = re.match(r"(.*?) → (.*?): ", what).groups()  # type: ignore[union-attr]
        if came != "(nothing)":
            return came.split()[0], "under"
        return gone.split()[0], "strike"
    return what.split()[0], "under" if kind == "inserted" else "strike"


@pytest.mark.parametrize("style", STYLES)
def test_the_summary_names_the_page_each_change_is_on(redlines: dict[str, Path], style: str) -> None:
    path = redlines[style]
    links = _links(path)
    assert len(links) > 50, "the quota moves every figure: each is a marked place with its link"
    with pdfplumber.open(path) as pdf:
        for name, landing, text in links:
            m = _LINK.match(text)
            assert m, f"{name}: the summary entry {text!r} does not end with its page"
            kind, what, printed = m.group(1), m.group(2), int(m.group(3))
            assert printed == landing, f"{name}: the summary says page {printed}; the link lands on {landing}"
            page = pdf.pages[printed - 1]
            if kind == "changed chart":  # a picture: framed, no words to strike
                assert _frames(page), f"{name}: {text!r}: no chart framed on page {printed}"
                continue
            word, how = _named_word(kind, what)
            found = [w for w in page.extract_words() if w["text"].startswith(word.rstrip("…:,."))]
            assert any(_marked(page, w, how) for w in found), (
                f"{name}: {text!r}: no {'underlined' if how == 'under' else 'struck'} "
                f"{word!r} on page {printed}"
            )


def _frames(page: pdfplumber.page.Page) -> list[dict]:
    """The boxes drawn in the redline's blue and as large as a chart (a frame's edges)."""
    return [
        r
        for r in page.rects
        if r["width"] > 100
        and r["height"] > 60
        and len(r.get("non_stroking_color") or ()) == 3
        and all(abs(a - b) < 0.002 for a, b in zip(r["non_stroking_color"], BLUE, strict=True))
    ]


def _line_starts(words: list[dict]) -> list[dict]:
    """The words that begin a line (no word to their left on the same line)."""
    return [
        w
        for w in words
        if not any(abs(v["top"] - w["top"]) < 1 and v["x1"] <= w["x0"] for v in words if v is not w)
    ]


def test_a_changed_clause_keeps_its_number_and_its_bold_heading(redlines: dict[str, Path]) -> None:
    """The legal style numbers its clauses in a ``::before`` and sets their headings in bold; the
    version clause changes (its stamp moves), and its number stays in the column of the other
    clauses' numbers, inside the margin, with its heading "Version." still bold."""
    with pdfplumber.open(redlines["legal-narrative"]) as pdf:
        for page in reversed(pdf.pages):  # the document's clause, after the summary's entry
            words = page.extract_words(extra_attrs=["fontname"])
            heading = [w for w in words if w["text"] == "Version." and "Bold" in w["fontname"]]
            if heading:
                break
        else:
            pytest.fail("no bold clause heading 'Version.' in the legal redline")
        numbers = [w for w in _line_starts(words) if re.fullmatch(r"\d+\.\d+", w["text"])]
        (number,) = [w for w in numbers if abs(w["top"] - heading[0]["top"]) < 1]
        assert number["x1"] <= heading[0]["x0"], "the number stands before its heading"
        assert len(numbers) > 1, "other clause numbers on the page"
        assert {round(w["x0"]) for w in numbers} == {round(number["x0"])}, "numbers in one column"
