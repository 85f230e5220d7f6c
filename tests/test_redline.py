"""Redlines: the document of the new version with every change from the old one marked,
read back from real PDFs (words, and the strike-through and underline drawn at them) and
real DOCX files (tracked changes accepted and rejected by Word's rule, and LibreOffice)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pdfplumber
import pytest
import yaml
from conftest import AGREEMENTS, example_text, run
from docx import Document
from lxml import etree
from lxml import html as lxml_html

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STYLES = ("two-column", "tabular", "visual", "legal-narrative")


def _pair(tmp_path: Path, new_text: str, name: str = "sales-marketing") -> tuple[Path, Path]:
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    old.write_text(example_text(name), encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    return old, new


def _quota(tmp_path: Path) -> tuple[Path, Path]:
    text = example_text()
    assert "sales_quota: 5000" in text
    return _pair(tmp_path, text.replace("sales_quota: 5000", "sales_quota: 7500"))


def _decorations(page: pdfplumber.page.Page) -> list[tuple[float, float, float]]:
    """Horizontal strokes on the page as (x0, x1, y): text decorations and rules."""
    out = [(r["x0"], r["x1"], (r["top"] + r["bottom"]) / 2) for r in page.rects if r["height"] < 1.5]
    out += [(ln["x0"], ln["x1"], ln["top"]) for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 1.5]
    return out


def _marked(page: pdfplumber.page.Page, word: dict[str, float], where: str) -> bool:
    """Whether a stroke runs through ``word`` (``strike``) or under it (``under``)."""
    h = word["bottom"] - word["top"]
    for x0, x1, y in _decorations(page):
        if x0 > word["x0"] + 1 or x1 < word["x1"] - 1:
            continue
        if where == "strike" and word["top"] + 0.3 * h < y < word["bottom"] - 0.2 * h:
            return True
        if where == "under" and word["bottom"] - 0.25 * h < y < word["bottom"] + 0.25 * h:
            return True
    return False


def test_a_changed_quota_strikes_the_old_figures_and_underlines_the_new(tmp_path: Path) -> None:
    old, new = _quota(tmp_path)
    out = tmp_path / "red.pdf"
    r = run("diff", str(old), str(new), "--format", "pdf", "--style", "two-column", "-o", str(out))
    assert r.exit_code == 1, r.output
    assert "wrote" in r.output and "marked places" in r.output
    with pdfplumber.open(out) as pdf:
        summary = " ".join(pdf.pages[0].extract_text().split())
        assert "Redline" in summary and "Leads needed 100 leads a month 150 leads a month +50%" in summary
        found = {"100": False, "150": False}
        for page in pdf.pages[1:]:
            words = page.extract_words()
            for i, w in enumerate(words):
                after = " ".join(x["text"] for x in words[i + 1 : i + 4])
                if w["text"] == "100" and "150" in after and "leads" in after:
                    found["100"] |= _marked(page, w, "strike")
                if w["text"] == "150" and "leads" in after:
                    found["150"] |= _marked(page, w, "under")
    assert found == {"100": True, "150": True}, (
        "old figure struck and new one underlined where the goal is stated"
    )


def test_an_inserted_goal_is_one_inserted_block(tmp_path: Path) -> None:
    data = yaml.safe_load(example_text())
    goal = {k: v for k, v in data["goals"][0].items() if k not in ("target", "stage")}
    goal.update(
        {"id": "webinar-signups", "metric": "Webinar sign-ups handed to sales", "target": {"value": 40}}
    )
    data["goals"].append(goal)
    old, new = _pair(tmp_path, yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    out = tmp_path / "red.html"
    r = run("diff", str(old), str(new), "--format", "html", "--style", "two-column", "-o", str(out))
    assert r.exit_code == 1, r.output
    body = out.read_text(encoding="utf-8").split('class="rl-summary"', 1)[1].split("</section>", 1)[1]
    tree = lxml_html.fromstring(body)
    inserted = tree.xpath('//*[contains(concat(" ", @class, " "), " rl-inserted ")]')
    with_title = [e for e in inserted if "Webinar sign-ups handed to sales" in e.text_content()]
    assert len(with_title) >= 1
    goal_block = with_title[0]
    assert all(t.getparent().tag == "ins" for t in goal_block.xpath(".//text()[normalize-space()]")), (
        "every word of the inserted goal is marked inserted"
    )
    assert not goal_block.xpath(".//del"), "nothing of the inserted goal is marked deleted"


def test_an_unchanged_agreement_gives_a_redline_without_marks(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, example_text())
    out = tmp_path / "same.pdf"
    r = run("diff", str(old), str(new), "--format", "pdf", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert "no change" in r.output
    with pdfplumber.open(out) as pdf:
        assert "No change" in pdf.pages[0].extract_text()
    html_out = tmp_path / "same.html"
    run("diff", str(old), str(new), "--format", "html", "-o", str(html_out))
    body = html_out.read_text(encoding="utf-8")
    assert "<ins>" not in body and "<del>" not in body


@pytest.mark.parametrize("style", STYLES)
def test_every_style_can_be_redlined(tmp_path: Path, style: str) -> None:
    old, new = _quota(tmp_path)
    out = tmp_path / f"{style}.html"
    r = run("diff", str(old), str(new), "--format", "html", "--style", style, "-o", str(out))
    assert r.exit_code == 1, r.output
    html = out.read_text(encoding="utf-8")
    assert re.search(r"<del>[^<]*5,000.00[^<]*</del>", html), "the old revenue goal is struck"
    assert re.search(r"<ins>[^<]*7,500.00[^<]*</ins>", html), "the new revenue goal is inserted"


def _text(document_xml: bytes, rule: str) -> list[str]:
    """The body's words after accepting (``accept``) or rejecting (``reject``) every change."""
    root = etree.fromstring(document_xml)
    drop, keep = (f"{W}del", f"{W}ins") if rule == "accept" else (f"{W}ins", f"{W}del")
    for el in list(root.iter(drop)):
        el.getparent().remove(el)
    for el in list(root.iter(keep)):
        parent = el.getparent()
        i = parent.index(el)
        for child in list(el):
            parent.insert(i, child)
            i += 1
        parent.remove(el)
    for t in root.iter(f"{W}delText"):
        t.tag = f"{W}t"
    # a run's text, its ids' non-breaking hyphens (w:noBreakHyphen) read as the hyphens they are
    hyphen = f"{W}noBreakHyphen"
    runs = (
        "".join("-" if t.tag == hyphen else t.text or "" for t in r.iter(f"{W}t", hyphen))
        for r in root.iter(f"{W}r")
    )
    return " ".join(runs).split()


def _words(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return _text(z.read("word/document.xml"), "accept")


def test_the_docx_redline_is_word_tracked_changes(tmp_path: Path) -> None:
    old, new = _quota(tmp_path)
    red = tmp_path / "red.docx"
    r = run("diff", str(old), str(new), "--format", "docx", "--style", "tabular", "-o", str(red))
    assert r.exit_code == 1, r.output
    with zipfile.ZipFile(red) as z:
        xml = z.read("word/document.xml")
    root = etree.fromstring(xml)
    ins, dels = list(root.iter(f"{W}ins")), list(root.iter(f"{W}del"))
    assert ins and dels
    assert {e.get(f"{W}author") for e in ins + dels} == {"slagen"}
    assert len({e.get(f"{W}id") for e in ins + dels}) == len(ins + dels), "every change has its own id"
    for folder, path in (("old", old), ("new", new)):
        r = run("render", str(path), "--format", "docx", "--style", "tabular", "-o", str(tmp_path / folder))
        assert r.exit_code == 0, r.output
    (old_docx,) = (tmp_path / "old").rglob("*.docx")
    (new_docx,) = (tmp_path / "new").rglob("*.docx")
    assert _text(xml, "accept") == _words(new_docx)
    assert _text(xml, "reject") == _words(old_docx)
    assert Document(str(red)).paragraphs  # python-docx reads it


@pytest.mark.slow
def test_libreoffice_opens_the_docx_redline(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    old, new = _quota(tmp_path)
    red = tmp_path / "red.docx"
    run("diff", str(old), str(new), "--format", "docx", "-o", str(red))
    done = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(red),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with pdfplumber.open(tmp_path / "red.pdf") as pdf:
        text = " ".join(p.extract_text() or "" for p in pdf.pages)
    assert "7,500.00" in text


def test_a_redline_is_reproducible(tmp_path: Path) -> None:
    old, new = _quota(tmp_path)
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    run("diff", str(old), str(new), "--format", "pdf", "--style", "tabular", "-o", str(a))
    run("diff", str(old), str(new), "--format", "pdf", "--style", "tabular", "-o", str(b))
    assert a.read_bytes() == b.read_bytes()


def test_git_revisions_redline_with_the_commit_author(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    shutil.copy(AGREEMENTS / "sales-marketing.yaml", repo / "agreements")
    env = {
        "GIT_AUTHOR_NAME": "Ada Reviewer",
        "GIT_AUTHOR_EMAIL": "ada@example.com",
        "GIT_COMMITTER_NAME": "Ada Reviewer",
        "GIT_COMMITTER_EMAIL": "ada@example.com",
        "GIT_COMMITTER_DATE": "2026-11-02T10:00:00Z",
        "GIT_AUTHOR_DATE": "2026-11-02T10:00:00Z",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "first")
    f = repo / "agreements" / "sales-marketing.yaml"
    f.write_text(f.read_text().replace("sales_quota: 5000", "sales_quota: 7500"))
    git("commit", "-qam", "raise the quota")
    monkeypatch.chdir(repo)
    r = run("diff", "HEAD~1", "HEAD", "--format", "docx", "-o", str(tmp_path / "out"))
    assert r.exit_code == 1, r.output
    (red,) = (tmp_path / "out").glob("*-redline.docx")
    root = etree.fromstring(zipfile.ZipFile(red).read("word/document.xml"))
    marks = list(root.iter(f"{W}ins"))
    assert {m.get(f"{W}author") for m in marks} == {"Ada Reviewer"}
    assert {m.get(f"{W}date") for m in marks} == {"2026-11-02T10:00:00Z"}
    r = run("diff", "--format", "pdf", "-o", str(tmp_path / "wt"))
    assert r.exit_code == 0 and "no agreement changed" in r.output


def test_two_files_redline_as_slagen_even_where_a_ref_has_the_new_files_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two files are not revisions: their redline's author is slagen, even inside a repository
    with a branch named like the new file (git would take ``new.yaml`` for that branch)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    monkeypatch.chdir(repo)
    for k, v in {
        "GIT_AUTHOR_NAME": "Eve Branch",
        "GIT_AUTHOR_EMAIL": "eve@example.com",
        "GIT_COMMITTER_NAME": "Eve Branch",
        "GIT_COMMITTER_EMAIL": "eve@example.com",
        "GIT_AUTHOR_DATE": "2020-01-01T00:00:00Z",
        "GIT_COMMITTER_DATE": "2020-01-01T00:00:00Z",
    }.items():
        monkeypatch.setenv(k, v)
    for args in (("init", "-q"), ("commit", "-q", "--allow-empty", "-m", "x"), ("branch", "new.yaml")):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    old, new = _quota(repo)
    r = run("diff", old.name, new.name, "--format", "docx", "-o", "red.docx")
    assert r.exit_code == 1, r.output
    root = etree.fromstring(zipfile.ZipFile(repo / "red.docx").read("word/document.xml"))
    marks = list(root.iter(f"{W}ins")) + list(root.iter(f"{W}del"))
    assert marks and {m.get(f"{W}author") for m in marks} == {"slagen"}
    assert not {m.get(f"{W}date") for m in marks} & {"2020-01-01T00:00:00Z"}


def test_the_change_list_gives_the_targets_of_the_period_the_redline_shows(tmp_path: Path) -> None:
    """``--period 2026-10``: the document is October's, and so are the goals' totals its change
    list gives (``slagen diff`` itself compares the term's period, 2026-Q4)."""
    old, new = _quota(tmp_path)
    out = tmp_path / "october.html"
    r = run("diff", str(old), str(new), "--format", "html", "--period", "2026-10", "-o", str(out))
    assert r.exit_code == 1, r.output
    tree = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    (targets,) = tree.xpath('//section[contains(@class, "rl-summary")]//table[1]')
    rows = [" | ".join(td.text_content() for td in tr.xpath("./td")) for tr in targets.iter("tr")]
    assert (
        "Qualified leads delivered to the head of sales | 100 leads over 2026-10 | 150 leads over 2026-10 | +50%"
        in rows
    )
    assert "Leads needed | 100 leads a month | 150 leads a month | +50%" in rows
    assert "2026-Q4" not in targets.text_content()
