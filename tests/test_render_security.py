"""Rendering fails closed: escaped text, a sandbox, no resource from outside the allowed folders."""

from __future__ import annotations

import base64
import hashlib
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import build_tree, example_data, run
from render_helpers import pdf_text, reader

HOSTILE = '<script>alert(1)</script> {{ 7*7 }} <img src="file:///etc/passwd">'
PDF = "sales-marketing/sales-marketing-2026-Q4-two-column.pdf"


def _template(body: str) -> str:
    return '{% extends "base/base.html" %}{% block body %}' + body + "{% endblock %}"


@pytest.fixture
def agreement(write_agreement: Callable[..., Path]) -> Path:
    return write_agreement(example_data())


def _render(agreement: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = run("render", str(agreement), "--style", "two-column", "-o", str(out), *extra)
    return result.exit_code, result.output


@pytest.mark.slow
def test_agreement_text_is_printed_literally(tmp_path: Path, write_agreement: Callable[..., Path]) -> None:
    data = example_data()
    data["overview"]["summary"] = HOSTILE
    path = write_agreement(data)
    code, _ = _render(path, tmp_path / "out", "--format", "html")
    assert code == 0
    html = (tmp_path / "out" / PDF.replace(".pdf", ".html")).read_text()
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} &lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    )
    assert "<script" not in html
    code, _ = _render(path, tmp_path / "out")
    assert code == 0
    text = pdf_text(tmp_path / "out" / PDF)
    assert HOSTILE in text
    assert "root:" not in text


@pytest.mark.parametrize(
    "body",
    [
        '<img src="file:///etc/passwd">',
        '<link rel="attachment" href="/etc/passwd">',
        '<link rel="stylesheet" href="file:///etc/passwd">',
    ],
)
def test_template_cannot_read_files_outside_the_folders(tmp_path: Path, agreement: Path, body: str) -> None:
    tpl = build_tree(tmp_path / "tpl", {"two-column/document.html": _template(body)})
    code, output = _render(agreement, tmp_path / "out", "--templates", str(tpl))
    assert code == 1
    assert output == (
        "Error: refused to fetch file:///etc/passwd: it is outside the template folders and is not the agreement's logo\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_symlink_out_of_the_agreement_folder_is_refused(tmp_path: Path, agreement: Path) -> None:
    (agreement.parent / "leak.txt").symlink_to("/etc/passwd")
    tpl = build_tree(
        tmp_path / "tpl", {"two-column/document.html": _template('<link rel="attachment" href="leak.txt">')}
    )
    code, output = _render(agreement, tmp_path / "out", "--templates", str(tpl))
    assert code == 1
    assert f"refused to fetch {(agreement.parent / 'leak.txt').as_uri()}" in output
    assert not (tmp_path / "out").exists()


def test_of_the_agreement_folder_only_the_logo_may_be_used(tmp_path: Path, agreement: Path) -> None:
    """Issue 12, item 8: the agreement's folder is no root (for an agreement in the home
    folder, that would be all of it); its logo is the one file a document may read."""
    (agreement.parent / "terms.txt").write_text("annex text")
    tpl = build_tree(
        tmp_path / "tpl", {"two-column/document.html": _template('<link rel="attachment" href="terms.txt">')}
    )
    code, output = _render(agreement, tmp_path / "out", "--templates", str(tpl))
    assert code == 1
    assert "terms.txt: it is outside the template folders and is not the agreement's logo" in output
    assert not (tmp_path / "out").exists()

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    (agreement.parent / "logo.png").write_bytes(png)
    text = agreement.read_text(encoding="utf-8")
    agreement.write_text(
        text.replace("\npresentation:\n", "\npresentation:\n  logo: logo.png\n"), encoding="utf-8"
    )
    assert "logo: logo.png" in agreement.read_text(encoding="utf-8")
    tpl = build_tree(
        tmp_path / "tpl2", {"two-column/document.html": _template('<link rel="attachment" href="logo.png">')}
    )
    code, output = _render(agreement, tmp_path / "out", "--templates", str(tpl))
    assert code == 0, output
    assert reader(tmp_path / "out" / PDF).attachments["logo.png"] == [png]


@pytest.fixture
def server() -> Iterator[tuple[int, list[str]]]:
    """A real HTTP server on the loopback interface that records every request."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"secret")

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], seen
    httpd.shutdown()
    httpd.server_close()


def test_template_cannot_call_the_network(
    tmp_path: Path, agreement: Path, server: tuple[int, list[str]]
) -> None:
    port, seen = server
    url = f"http://127.0.0.1:{port}/logo.png"
    tpl = build_tree(tmp_path / "tpl", {"two-column/document.html": _template(f'<img src="{url}">')})
    code, output = _render(agreement, tmp_path / "out", "--templates", str(tpl))
    assert code == 1
    assert output == (
        f"Error: refused to fetch {url}: only files in the template folders and the agreement's logo may be used\n"
    )
    assert seen == []


def test_the_sandbox_blocks_python_internals(tmp_path: Path, agreement: Path) -> None:
    tpl = build_tree(tmp_path / "tpl", {"two-column/document.html": _template("{{ ''.__class__.__mro__ }}")})
    code, output = _render(agreement, tmp_path / "out", "--templates", str(tpl))
    assert code == 1
    assert "access to attribute '__class__' of 'str' object is unsafe" in output
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_an_undefined_value_fails_the_render_and_keeps_the_earlier_pdf(
    tmp_path: Path, agreement: Path
) -> None:
    out = tmp_path / "out"
    assert _render(agreement, out)[0] == 0
    before = hashlib.sha256((out / PDF).read_bytes()).hexdigest()
    tpl = build_tree(tmp_path / "tpl", {"two-column/document.html": _template("\n<p>{{ doc.penalty }}</p>")})
    code, output = _render(agreement, out, "--templates", str(tpl))
    assert code == 1
    assert output == (
        f"Error: {tpl / 'two-column' / 'document.html'}:2: template error: "
        "'slagen.render.context.DocumentContext object' has no attribute 'penalty'\n"
    )
    assert hashlib.sha256((out / PDF).read_bytes()).hexdigest() == before
    assert os.listdir(out / "sales-marketing") == [Path(PDF).name]


def test_typed_context_has_no_dict_methods(tmp_path: Path, agreement: Path) -> None:
    tpl = build_tree(
        tmp_path / "tpl",
        {"two-column/document.html": _template("{% for g in doc.goals %}{{ g.items }}{% endfor %}")},
    )
    code, output = _render(agreement, tmp_path / "out", "--templates", str(tpl))
    assert code == 1
    assert "'slagen.render.context.GoalView object' has no attribute 'items'" in output


def test_a_user_template_overrides_a_block_of_the_base(tmp_path: Path, agreement: Path) -> None:
    tpl = build_tree(
        tmp_path / "tpl",
        {
            "two-column/document.html": '{% extends "base/base.html" %}{% block cover %}<h1>Custom cover</h1>{% endblock %}'
        },
    )
    code, output = _render(agreement, tmp_path / "out", "--templates", str(tpl))
    assert code == 0, output
    text = pdf_text(tmp_path / "out" / PDF)
    assert "Custom cover" in text
    assert "Sign-off" in text
