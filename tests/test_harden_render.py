"""Hardening of rendering (issue 12): user templates, resources, links, bidirectional text,
long words, fonts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest
from conftest import ROOT, example_text, run
from render_helpers import pdf_text

from slagen.render import sandbox


def _agreement(tmp_path: Path, text: str | None = None, *, styles: str = "[tabular]") -> Path:
    path = tmp_path / "agreement.yaml"
    text = text if text is not None else example_text()
    path.write_text(
        re.sub(r"^  styles: \[.*\]$", f"  styles: {styles}", text, count=1, flags=re.M),
        encoding="utf-8",
    )
    return path


def _templates(tmp_path: Path, body: str, **files: str) -> Path:
    """A --templates folder whose tabular document is ``body`` (a whole HTML page)."""
    folder = tmp_path / "mine"
    (folder / "tabular").mkdir(parents=True)
    (folder / "tabular" / "document.html").write_text(body, encoding="utf-8")
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


def _page(inner: str) -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>t</title></head><body>{inner}</body></html>"
    )


def test_an_include_that_is_a_symlink_out_of_the_templates_folder_is_refused(tmp_path: Path) -> None:
    """Item 7: one rule for includes and resources: resolved inside the template folders."""
    folder = _templates(tmp_path, _page("<p>{% include 'leak.txt' %}</p>"))
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:SECRET-LINE", encoding="utf-8")
    (folder / "leak.txt").symlink_to(secret)
    out = tmp_path / "out"
    result = run("render", str(_agreement(tmp_path)), "--templates", str(folder), "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "leak.txt" in result.output and "outside the template folders" in result.output
    assert not list(out.rglob("*.pdf"))
    inside = tmp_path / "mine" / "ok.txt"
    inside.write_text("INSIDE-TEXT", encoding="utf-8")
    (folder / "tabular" / "document.html").write_text(
        _page("<p>{% include 'ok.txt' %}</p>"), encoding="utf-8"
    )
    good = run("render", str(_agreement(tmp_path)), "--templates", str(folder), "-o", str(out))
    assert good.exit_code == 0, good.output
    assert "INSIDE-TEXT" in pdf_text(out / "sales-marketing" / "sales-marketing-2026-Q4.pdf")


def test_an_attachment_link_embeds_only_the_logo_from_the_agreement_folder(tmp_path: Path) -> None:
    """Item 8: the agreement's folder is a root for its logo only."""
    (tmp_path / "private.txt").write_text("PRIVATE", encoding="utf-8")
    folder = _templates(tmp_path, _page("<link rel='attachment' href='private.txt'><p>x</p>"))
    out = tmp_path / "out"
    result = run("render", str(_agreement(tmp_path)), "--templates", str(folder), "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "refused to fetch" in result.output and "private.txt" in result.output
    assert not list(out.rglob("*.pdf"))


@pytest.mark.parametrize(
    "expression",
    ["{{ 'a' * 1000000000 }}", "{% for i in range(100000000) %}{% endfor %}", "{{ 9 ** 9999999 }}"],
)
def test_a_template_that_computes_too_much_is_stopped_with_a_clear_error(
    tmp_path: Path, expression: str
) -> None:
    """Item 13: the sandbox bounds ranges, repetition and powers."""
    folder = _templates(tmp_path, _page(f"<p>{expression}</p>"))
    out = tmp_path / "out"
    result = run(
        "render", str(_agreement(tmp_path)), "--templates", str(folder), "-o", str(out), "--format", "html"
    )
    assert result.exit_code == 1, result.output
    assert "document.html:1: template error:" in result.output
    assert "the template sandbox" in result.output
    assert not list(out.rglob("*.html"))


#: Templates that loop or call for ever and write nothing: the output bound never trips.
SILENT = {
    "nested ranges": "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
    "nested strings": "{% for a in 'x' * 100000 %}{% for b in 'y' * 100000 %}{% endfor %}{% endfor %}",
    "a macro that calls itself twice": (
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}"
    ),
    "a recursive loop": "{% for x in [12] recursive %}{% if x %}{{ loop([x - 1] * 4) }}{% endif %}{% endfor %}",
}


@pytest.mark.parametrize("body", SILENT.values(), ids=SILENT.keys())
def test_a_template_that_loops_without_output_is_stopped_in_a_real_process(tmp_path: Path, body: str) -> None:
    """Item 13: loop iterations and calls are counted, so a loop that writes nothing ends
    too: ``slagen render`` in its own process exits 1 with the template's file and line, no
    traceback, and the earlier document of the agreement is left as it was."""
    folder = _templates(tmp_path, _page("<p>{{ doc.title }}</p>\n" + body))
    path = _agreement(tmp_path)
    out = tmp_path / "out"
    good = run("render", str(path), "-o", str(out), "--format", "html")
    assert good.exit_code == 0, good.output
    (before,) = out.rglob("*.html")
    kept = before.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "slagen",
            "render",
            str(path),
            "--templates",
            str(folder),
            "-o",
            str(out),
            "--format",
            "html",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert time.monotonic() - started < 90
    # Whichever bound comes first: a million steps, or (calls being slow on a busy machine)
    # the clock.
    bound = r"more than (1,000,000 loop iterations and calls|30 seconds of template work)"
    assert re.search(
        f"{re.escape(str(folder))}/tabular/document.html:2: template error: {bound}", proc.stderr
    )
    assert "Traceback" not in proc.stderr + proc.stdout
    assert [before] == list(out.rglob("*.html")) and before.read_bytes() == kept
    assert not [p for p in out.rglob("*") if p.name.startswith(".")], "no temporary file left"


def test_a_template_whose_steps_are_slow_is_stopped_by_the_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 13: few steps that each do much (sorting a million items) end on the wall clock."""
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 1.0)
    slow = "{% for i in range(10000) %}{{ (('ab' * 100000)|list|sort|length) * 0 }}{% endfor %}"
    folder = _templates(tmp_path, _page(slow))
    out = tmp_path / "out"
    started = time.monotonic()
    result = run(
        "render", str(_agreement(tmp_path)), "--templates", str(folder), "-o", str(out), "--format", "html"
    )
    assert result.exit_code == 1, result.output
    assert time.monotonic() - started < 30
    assert "document.html:1: template error: more than 1 seconds of template work" in result.output
    assert not list(out.rglob("*.html"))


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://x.example/"]
)
def test_links_other_than_http_mailto_and_internal_are_refused(tmp_path: Path, href: str) -> None:
    """Item 18: a PDF gets link annotations only for http(s), mailto and internal links."""
    folder = _templates(tmp_path, _page(f"<p><a href='{href}'>click</a></p>"))
    out = tmp_path / "out"
    result = run("render", str(_agreement(tmp_path)), "--templates", str(folder), "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "link" in result.output and href.split(":")[0] in result.output
    assert not list(out.rglob("*.pdf"))


def test_http_mailto_and_internal_links_are_kept(tmp_path: Path) -> None:
    """Item 18: the allowed links still work."""
    body = _page(
        "<p id='top'><a href='https://example.com/x'>web</a> <a href='mailto:a@example.com'>mail</a> "
        "<a href='#top'>top</a></p>"
    )
    out = tmp_path / "out"
    result = run(
        "render", str(_agreement(tmp_path)), "--templates", str(_templates(tmp_path, body)), "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(out / "sales-marketing" / "sales-marketing-2026-Q4.pdf")
    uris = [
        a.get_object()["/A"].get("/URI")
        for a in reader.pages[0].get("/Annots", [])
        if a.get_object().get("/A") is not None
    ]
    assert "https://example.com/x" in uris and "mailto:a@example.com" in uris


def test_a_right_to_left_override_in_a_name_does_not_reorder_the_template_words(tmp_path: Path) -> None:
    """Item 9: every interpolated text is isolated, in the PDF and the DOCX; check warns."""
    text = example_text()
    assert "name: Kendra Mills\n" in text
    path = _agreement(tmp_path, text.replace("name: Kendra Mills\n", "name: Kendra Mills\u202e\u200b\n"))
    check = run("check", str(path))
    assert check.exit_code == 0, check.output
    line = next(n for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "Kendra" in t)
    assert f"{path}:{line}:" in check.output
    assert "warning: invisible character U+202E RIGHT-TO-LEFT OVERRIDE" in check.output
    assert "warning: invisible character U+200B ZERO WIDTH SPACE" in check.output
    strict = run("check", "--strict", str(path))
    assert strict.exit_code == 1

    out = tmp_path / "out"
    result = run("render", str(path), "--format", "pdf,docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    pdf = pdf_text(out / "sales-marketing" / "sales-marketing-2026-Q4.pdf")
    assert "Head of Sales" in pdf
    assert "selaS fo daeH" not in pdf and "daeH" not in pdf
    import docx  # python-docx

    document = docx.Document(str(out / "sales-marketing" / "sales-marketing-2026-Q4.docx"))
    paragraphs = [p.text for p in document.paragraphs] + [
        c.text for t in document.tables for row in t.rows for c in row.cells
    ]
    kendra = [p for p in paragraphs if "Kendra" in p]
    assert kendra
    assert all("\u2068Kendra Mills\u202e\u200b\u2069" in p for p in kendra), kendra


def test_left_to_right_text_is_rendered_byte_for_byte_as_before(tmp_path: Path) -> None:
    """Item 9: isolation touches only text that can reorder."""
    from slagen.render.bidi import isolate

    assert isolate("Kendra Mills, Head of Sales") == "Kendra Mills, Head of Sales"
    assert isolate("Zoë Ålund – 5 000,00 €") == "Zoë Ålund – 5 000,00 €"
    assert isolate("\u05e9\u05dc\u05d5\u05dd") == "\u2068\u05e9\u05dc\u05d5\u05dd\u2069"
    assert isolate(5) == 5


@pytest.mark.parametrize("style", ["two-column", "tabular"])
def test_a_word_longer_than_the_line_is_wrapped_and_every_character_kept(tmp_path: Path, style: str) -> None:
    """Item 11: a 5,000-character word stays on the page."""
    text = example_text()
    word = "".join(chr(ord("a") + i % 26) for i in range(5_000))
    assert "name: Kendra Mills\n" in text
    path = _agreement(
        tmp_path, text.replace("name: Kendra Mills\n", f"name: Kendra {word}\n"), styles=f"[{style}]"
    )
    out = tmp_path / "out"
    result = run("render", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    pdf = out / "sales-marketing" / "sales-marketing-2026-Q4.pdf"
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # the word's lines, across pages (running headers and footers left out); its last line may
    # go on with the text after it
    lines = raw.replace("\u200b", "").splitlines()
    wrapped = "".join(line for line in lines if re.fullmatch(r"[a-z]+", line))
    if style == "two-column":  # one column: the word's lines follow each other
        assert word[:-60] in wrapped
    else:  # table cells side by side: pdftotext interleaves their lines
        assert word[:200] in "".join(re.findall(r"[a-z]{20,}", raw.replace("\u200b", "")))
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            assert all(ch["x0"] >= 0 and ch["x1"] <= page.width for ch in page.chars), page.page_number


def test_characters_no_installed_font_can_draw_are_named_in_a_warning(tmp_path: Path) -> None:
    """Item 19: never blank boxes without a word."""
    from slagen.render.glyphs import installed_coverage

    covered = installed_coverage()
    if covered is None:
        pytest.skip("fontconfig (fc-list) is not installed")
    text = example_text()
    path = _agreement(tmp_path, text.replace("name: Kendra Mills\n", "name: Kendra \u4e2d\ue000 Mills\n"))
    out = tmp_path / "out"
    result = run("render", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "U+E000" in result.stderr and "no installed font can draw" in result.stderr
    assert ("U+4E2D CJK UNIFIED IDEOGRAPH-4E2D" in result.stderr) == (0x4E2D not in covered)
    plain = run("render", str(_agreement(tmp_path)), "-o", str(out))
    assert plain.exit_code == 0
    assert "no installed font" not in plain.stderr


#: Templates that make a huge text or list in a few steps (doubling, or one call with a width).
HUGE = {
    "doubling with ~": "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "doubling with +": "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
    "a list extending itself": "{% set l = [1] %}{% for i in range(40) %}{{ l.extend(l) }}{% endfor %}",
    "center filter": "{{ 'x'|center(2000000000) }}",
    "center method": "{{ 'x'.center(2000000000) }}",
    "indent filter": "{{ ('x\\n' * 500000)|indent(10000) }}",
    "format filter": "{{ '%0999999999d'|format(1) }}",
    "% operator": "{{ '%0999999999d' % 1 }}",
    "str.format width": "{{ '{:>999999999}'.format(1) }}",
    "str.format width from an argument": "{{ '{:>{w}}'.format(1, w=999999999) }}",
    "join filter": "{{ range(10000)|join('x' * 1000000) }}",
    "join method": "{{ ('x' * 1000000).join(['a'] * 10000) }}",
    "replace filter": "{{ ('a' * 1000000)|replace('a', 'b' * 1000000) }}",
    "replace method": "{{ ('a' * 1000000).replace('a', 'b' * 1000000) }}",
    "batch filter": "{{ [1]|batch(2000000000, 0)|list|length }}",
    "printed into a captured block": (
        "{% set big = 'x' * 1000000 %}{% set out %}{% for i in range(10000) %}{{ big }}{% endfor %}"
        "{% endset %}{{ out|length }}"
    ),
    "fixed text in a captured loop": (
        "{% set out %}{% for i in range(10000) %}{% for j in range(100) %}"
        + "y" * 100_000
        + "{% endfor %}{% endfor %}{% endset %}{{ out|length }}"
    ),
}

#: Renders each template of HUGE in one process whose address space is capped (2 GiB), so a
#: bound that does not hold shows as a MemoryError, not as a machine out of memory.
CAPPED = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
import jinja2
from slagen.errors import RenderError
from slagen.render.environment import make_environment, render_bounded
env = make_environment(None)
said = {}
for name, source in json.loads(sys.stdin.read()).items():
    try:
        render_bounded(env.from_string(source))
        said[name] = "rendered"
    except jinja2.TemplateError as exc:
        said[name] = exc.message or str(exc)
    except RenderError as exc:
        said[name] = str(exc)
print(json.dumps(said))
"""


def test_a_template_cannot_make_a_huge_text_in_a_few_steps() -> None:
    """Item 13: no text or list a template makes may be longer than the sandbox allows: each
    way of making one in a few steps is refused before it is made, never a MemoryError."""
    import json

    proc = subprocess.run(
        [sys.executable, "-c", CAPPED],
        input=json.dumps(HUGE),
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), "SLAGEN_CACHE_DIR": ""},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    said = json.loads(proc.stdout)
    wrong = {k: v for k, v in said.items() if "the template sandbox does not compute that much" not in v}
    assert not wrong, wrong
