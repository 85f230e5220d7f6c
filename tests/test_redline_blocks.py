"""Whole blocks in the DOCX redline: a goal deleted (its heading, paragraphs, table rows) and a
block inserted are tracked as blocks, so accepting every change leaves no empty paragraph or
row, and rejecting every change gives the old document back, paragraph by paragraph.

Checked twice: by Word's rule applied to the XML (:func:`_revised`), and by LibreOffice itself
(accept-all / reject-all through a headless Basic macro, the result exported as text)."""

from __future__ import annotations

import copy
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import example_text, run
from lxml import etree
from lxml import html as lxml_html

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARA_MARK = f"{W}pPr/{W}rPr/{W}"
_ROW_MARK = f"{W}trPr/{W}"


def _versions(tmp_path: Path) -> tuple[Path, Path]:
    """Old: the example with one goal more (deleted in the new); new: a raised quota, so the
    redline also has changed figures; the new version's capacity warning is an inserted block."""
    text = example_text()
    data = yaml.safe_load(text)
    goal = {k: v for k, v in data["goals"][0].items() if k not in ("target", "stage")}
    goal.update(
        {"id": "webinar-signups", "metric": "Webinar sign-ups handed to sales", "target": {"value": 40}}
    )
    data["goals"].append(goal)
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    new.write_text(text.replace("sales_quota: 5000", "sales_quota: 7500"), encoding="utf-8")
    return old, new


def _docx(tmp_path: Path, style: str) -> tuple[Path, Path, Path]:
    old, new = _versions(tmp_path)
    red = tmp_path / f"red-{style}.docx"
    r = run("diff", str(old), str(new), "--format", "docx", "--style", style, "-o", str(red))
    assert r.exit_code == 1, r.output
    plain = []
    for path in (old, new):
        out = tmp_path / f"{path.stem}-{style}"
        r = run("render", str(path), "--format", "docx", "--style", style, "-o", str(out))
        assert r.exit_code == 0, r.output
        (docx,) = out.rglob("*.docx")
        plain.append(docx)
    return red, plain[0], plain[1]


def _body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def _revised(body: etree._Element, rule: str) -> etree._Element:
    """``body`` with every tracked change accepted (``accept``) or rejected (``reject``), by
    Word's rule: the dropped kind's runs and rows go; a paragraph whose mark goes joins the next
    paragraph (or goes, when empty before a table); the kept kind's marks are unwrapped."""
    body = copy.deepcopy(body)
    drop, keep = ("del", "ins") if rule == "accept" else ("ins", "del")
    for tr in [tr for tr in body.iter(f"{W}tr") if tr.find(_ROW_MARK + drop) is not None]:
        tr.getparent().remove(tr)
    for tbl in [t for t in body.iter(f"{W}tbl") if t.find(f"{W}tr") is None]:
        tbl.getparent().remove(tbl)
    for el in list(body.iter(f"{W}{drop}")):
        if el.getparent().tag != f"{W}rPr":
            el.getparent().remove(el)
    for el in list(body.iter(f"{W}{keep}")):
        parent = el.getparent()
        if parent.tag in (f"{W}rPr", f"{W}trPr"):
            parent.remove(el)
            continue
        i = parent.index(el)
        for child in list(el):
            parent.insert(i, child)
            i += 1
        parent.remove(el)
    for p in [p for p in body.iter(f"{W}p") if p.find(_PARA_MARK + drop) is not None]:
        content = [c for c in p if c.tag != f"{W}pPr"]
        following = p.getnext()
        if following is not None and following.tag == f"{W}p":
            at = 1 if following.find(f"{W}pPr") is not None else 0
            for c in reversed(content):
                following.insert(at, c)
            p.getparent().remove(p)
        elif not _text(p):
            p.getparent().remove(p)
    for t in body.iter(f"{W}delText"):
        t.tag = f"{W}t"
    return body


def _text(el: etree._Element) -> str:
    hyphen = f"{W}noBreakHyphen"
    return "".join("-" if t.tag == hyphen else t.text or "" for t in el.iter(f"{W}t", f"{W}delText", hyphen))


def _paragraphs(body: etree._Element) -> list[str]:
    """Every paragraph of the body, in table cells too, as its text ('' for an empty one), and
    a marker for every table row, so an empty paragraph or row left behind is a difference."""
    out = []
    for el in body.iter(f"{W}p", f"{W}tr"):
        out.append("<row>" if el.tag == f"{W}tr" else _text(el))
    return out


@pytest.mark.parametrize("style", ["tabular", "legal-narrative", "bulleted"])
def test_accepting_or_rejecting_every_change_gives_each_version_paragraph_by_paragraph(
    tmp_path: Path, style: str
) -> None:
    red, old_docx, new_docx = _docx(tmp_path, style)
    body = _body(red)
    deleted_rows = [tr for tr in body.iter(f"{W}tr") if tr.find(_ROW_MARK + "del") is not None]
    deleted_marks = [p for p in body.iter(f"{W}p") if p.find(_PARA_MARK + "del") is not None]
    if style == "tabular":
        assert deleted_rows, "the deleted goal's table rows are tracked as deleted rows"
    assert deleted_marks, "the deleted goal's paragraphs are tracked as deleted paragraphs"
    assert any("Webinar sign-ups handed to sales" in _text(p) for p in deleted_marks)
    assert _paragraphs(_revised(body, "accept")) == _paragraphs(_body(new_docx))
    assert _paragraphs(_revised(body, "reject")) == _paragraphs(_body(old_docx))


_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Revise(inPath As String, command As String, outPath As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, args())
  If command &lt;&gt; &quot;none&quot; Then
    helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
    helper.executeDispatch(doc.getCurrentController().getFrame(), &quot;.uno:&quot; &amp; command, &quot;&quot;, 0, Array())
  End If
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Text (encoded)&quot;
  doc.storeToURL(ConvertToURL(outPath), out())
  doc.close(True)
End Sub
</script:module>
"""


def _libreoffice(tmp_path: Path) -> tuple[str, Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    profile = tmp_path / "lo"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--terminate_after_init"],
        capture_output=True,
        timeout=300,
        check=True,
    )
    (profile / "user/basic/Standard/Module1.xba").write_text(_MACRO, encoding="utf-8")
    return soffice, profile


def _lo_text(soffice: str, profile: Path, docx: Path, command: str) -> list[str]:
    """The text LibreOffice exports of ``docx`` after ``command`` (or none), one line a paragraph."""
    out = docx.with_name(f"{docx.stem}-{command}.txt")
    macro = f'macro:///Standard.Module1.Revise("{docx}","{command}","{out}")'
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", macro],
        capture_output=True,
        timeout=300,
        check=True,
    )
    return out.read_text(encoding="utf-8-sig").splitlines()


@pytest.mark.slow
def test_libreoffice_accept_all_and_reject_all_give_the_new_and_old_documents(tmp_path: Path) -> None:
    red, old_docx, new_docx = _docx(tmp_path, "tabular")
    soffice, profile = _libreoffice(tmp_path)
    accepted = _lo_text(soffice, profile, red, "AcceptAllTrackedChanges")
    rejected = _lo_text(soffice, profile, red, "RejectAllTrackedChanges")
    new = _lo_text(soffice, profile, new_docx, "none")
    old = _lo_text(soffice, profile, old_docx, "none")
    # Every paragraph and cell with words is there, in order, and nothing else.
    assert [x for x in accepted if x.strip()] == [x for x in new if x.strip()]
    assert [x for x in rejected if x.strip()] == [x for x in old if x.strip()]
    # LibreOffice 7.4 does not join a paragraph whose mark is tracked with a table after it
    # (Word does): such a paragraph stays, empty. There are two in this change set (the
    # deleted goal's introduction and the gap between its two tables), and one on rejecting
    # (the gap after the inserted warning). Before block tracking, accept-all left 106.
    assert len(accepted) - len(new) <= 2
    assert len(rejected) - len(old) <= 1


@pytest.mark.parametrize(
    "style", ["tabular", "two-column", "visual", "legal-narrative", "bulleted", "summary-first"]
)
def test_every_summary_link_of_a_deleted_goal_points_to_its_place(tmp_path: Path, style: str) -> None:
    """A marked block with an id of its own (a goal's section, a heading the contents links
    to) is linked by that id: the summary of visual and summary-first linked to an ``rl-<n>``
    that no element had, and WeasyPrint refused the PDF."""
    old, new = _versions(tmp_path)
    out = tmp_path / f"{style}.html"
    r = run("diff", str(old), str(new), "--format", "html", "--style", style, "-o", str(out))
    assert r.exit_code == 1, r.output
    tree = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    ids = set(tree.xpath("//@id"))
    links = tree.xpath('//a[contains(concat(" ", @class, " "), " rl-link ")]/@href')
    assert links
    assert [h for h in links if h.removeprefix("#") not in ids] == []
    if style == "summary-first":
        pdf = tmp_path / "red.pdf"
        r = run("diff", str(old), str(new), "--format", "pdf", "--style", style, "-o", str(pdf))
        assert r.exit_code == 1, r.output
        assert pdf.stat().st_size > 0


def test_a_deleted_chart_is_marked_and_barred(tmp_path: Path) -> None:
    """A picture cannot be struck through: the deleted goal's chart in the visual redline is
    faded in a dashed red frame (the redline's style sheet) and has its change bar."""
    old, new = _versions(tmp_path)
    out = tmp_path / "visual.html"
    r = run("diff", str(old), str(new), "--format", "html", "--style", "visual", "-o", str(out))
    assert r.exit_code == 1, r.output
    text = out.read_text(encoding="utf-8")
    tree = lxml_html.fromstring(text)
    charts = tree.xpath('//figure[contains(concat(" ", @class, " "), " rl-deleted ")][.//img]')
    assert charts, "the deleted goal's chart is a deleted block"
    assert all(c.xpath('./span[@class="rl-bar"]') for c in charts), "each has its bar"
    assert ".rl-deleted img" in text and "dashed #b3261e" in text


def _deleted_goal_only(tmp_path: Path) -> tuple[Path, Path]:
    """Old: the example with one marketing goal more; new: the example. In the two-column grid
    the marketing column loses a row, so a sales card moves to the grid's continued section."""
    old, _ = _versions(tmp_path)
    new = tmp_path / "example.yaml"
    new.write_text(example_text(), encoding="utf-8")
    return old, new


def _cards(tree: lxml_html.HtmlElement) -> dict[str, set[str]]:
    """The goal cards of the two-column grid by name, with the redline's classes on each."""
    out = {}
    for card in tree.xpath(
        '//div[contains(concat(" ", @class, " "), " goal-row ")]//div[contains(@class, "goal")]'
    ):
        name = card.xpath("string(./p[1])").strip()
        out[name] = set(card.get("class", "").split()) & {"rl-changed", "rl-inserted", "rl-deleted"}
    return out


def test_a_two_column_card_regrouped_by_a_deleted_goal_is_not_marked(tmp_path: Path) -> None:
    """Deleting a marketing goal moves "New customers" from the grid's second row to the section
    under it ("Sales ... (continued)"): only the deleted goal's card is marked, struck in its
    party's column, and the summary lists no inserted place."""
    old, new = _deleted_goal_only(tmp_path)
    out = tmp_path / "two-column.html"
    r = run("diff", str(old), str(new), "--format", "html", "--style", "two-column", "-o", str(out))
    assert r.exit_code == 1, r.output
    tree = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    cards = _cards(tree)
    assert cards.pop("Webinar sign-ups handed to sales") == {"rl-deleted"}
    assert cards["New customers from marketing leads"] == set(), "moved by the layout, not changed"
    assert all(marks == set() for marks in cards.values()), cards
    column = tree.xpath('//div[contains(@class, "rl-deleted")][contains(., "Webinar")]/parent::div')[0]
    assert "Qualified leads delivered" in column.text_content(), "struck in the marketing column"
    places = [a.text_content() for a in tree.xpath('//a[contains(@class, "rl-link")]')]
    assert not [p for p in places if p.startswith("inserted:")], places


def test_a_two_column_card_whose_goal_moved_a_row_keeps_its_changed_figures_marked(tmp_path: Path) -> None:
    """The same regrouping with the quota raised: every card's figures moved, so each card is
    changed word by word (never deleted and inserted whole), and only the deleted goal's is deleted."""
    old, new = _versions(tmp_path)
    out = tmp_path / "two-column.html"
    r = run("diff", str(old), str(new), "--format", "html", "--style", "two-column", "-o", str(out))
    assert r.exit_code == 1, r.output
    tree = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    cards = _cards(tree)
    assert cards.pop("Webinar sign-ups handed to sales") == {"rl-deleted"}
    assert not [n for n, marks in cards.items() if marks & {"rl-inserted", "rl-deleted"}], cards
    moved = tree.xpath('//div[contains(@class, "goal")][contains(., "New customers from marketing")]')[0]
    assert [d.text_content() for d in moved.iter("del")][:1] == ["50"]
    assert [i.text_content() for i in moved.iter("ins")][:1] == ["75"]


def test_a_chart_whose_figures_moved_is_framed_barred_and_listed(tmp_path: Path) -> None:
    """The visual style's charts are pictures (SVG): a raised quota moves the figures they draw,
    so each is marked changed (a double blue frame and a bar) and the summary links to it; the
    frame is drawn in the PDF (read back: the redline's blue around the chart)."""
    text = example_text()
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("sales_quota: 5000", "sales_quota: 7500"), encoding="utf-8")
    html_out, pdf_out = tmp_path / "visual.html", tmp_path / "visual.pdf"
    for out in (html_out, pdf_out):
        r = run("diff", str(old), str(new), "--format", out.suffix[1:], "--style", "visual", "-o", str(out))
        assert r.exit_code == 1, r.output
    tree = lxml_html.fromstring(html_out.read_text(encoding="utf-8"))
    charts = tree.xpath("//figure[.//img]")
    assert len(charts) >= 3
    for figure in charts:
        (img,) = figure.xpath(".//img")
        assert "rl-changed" in img.get("class", "").split(), img.get("alt")
        assert figure.xpath('./span[@class="rl-bar"]'), "the chart's block has its bar"
    links = {a.get("href")[1:]: a.text_content() for a in tree.xpath('//a[contains(@class, "rl-link")]')}
    funnel = links[tree.xpath('//img[starts-with(@alt, "The funnel")]')[0].get("id")]
    assert funnel.startswith("changed chart: 100") and "150" in funnel, funnel
    import pdfplumber

    blue = (0.101961, 0.309804, 0.627451)
    with pdfplumber.open(pdf_out) as pdf:
        frames = [
            r
            for page in pdf.pages
            for r in page.rects
            if r["width"] > 100
            and r["height"] > 60
            and all(abs(a - b) < 0.002 for a, b in zip(r.get("non_stroking_color") or (), blue, strict=False))
            and len(r.get("non_stroking_color") or ()) == 3
        ]
    assert len({(round(r["x0"]), round(r["top"])) for r in frames}) >= len(charts), "a frame at each chart"


def test_a_two_column_card_its_author_moved_is_deleted_there_and_inserted_here(tmp_path: Path) -> None:
    """Swapping two sales goals is a move by the agreement's author, not by the layout: the moved
    goal's card is inserted at its new place and deleted at its old one (the issue's "moved goals
    as whole blocks"); the other cards stay unmarked."""
    data = yaml.safe_load(example_text())
    ids = [g["id"] for g in data["goals"]]
    i, j = ids.index("revenue"), ids.index("new-customers")
    data["goals"][i], data["goals"][j] = data["goals"][j], data["goals"][i]
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(example_text(), encoding="utf-8")
    new.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "two-column.html"
    r = run("diff", str(old), str(new), "--format", "html", "--style", "two-column", "-o", str(out))
    assert r.exit_code == 1, r.output
    tree = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    grid = '//div[contains(concat(" ", @class, " "), " goal-row ")]//div[contains(@class, "goal")]'
    marks = [
        (
            card.xpath("string(./p[1])").strip(),
            set(card.get("class", "").split()) & {"rl-inserted", "rl-deleted"},
        )
        for card in tree.xpath(grid)
    ]
    moved = [m for name, m in marks if name.startswith(("New customers", "Revenue closed"))]
    assert sorted(map(sorted, moved)) == [[], ["rl-deleted"], ["rl-inserted"]], marks
    assert [n for n, m in marks if m and not n.startswith(("New customers", "Revenue closed"))] == []
