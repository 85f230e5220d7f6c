"""The options of a render as one typed, frozen value: what each field means when left out."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import AGREEMENTS

from slagen.agreement.load import load_agreement
from slagen.build import build_folder
from slagen.errors import UsageError
from slagen.render import RenderOptions, render_files


def test_left_out_style_and_formats_mean_what_the_agreement_declares() -> None:
    a = load_agreement(AGREEMENTS / "paper-supplier.yaml").agreement
    plain = RenderOptions()
    assert plain.styles_of(a) == tuple(a.presentation.styles)
    assert plain.formats_of(a) == tuple(a.presentation.formats)
    asked = RenderOptions(style="visual", formats=("html",))
    assert (asked.styles_of(a), asked.formats_of(a)) == (("visual",), ("html",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        asked.style = "tabular"  # type: ignore[misc]


def test_options_no_render_can_take_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"--templates: .* is not a folder"):
        render_files(
            (AGREEMENTS / "paper-supplier.yaml",),
            RenderOptions(templates=tmp_path / "none", out_dir=tmp_path),
        )
    with pytest.raises(UsageError, match="--format: expected pdf, docx or html, got 'odt'"):
        render_files((AGREEMENTS / "paper-supplier.yaml",), RenderOptions(formats=("odt",), out_dir=tmp_path))
    with pytest.raises(UsageError, match="a build renders the styles and formats each agreement declares"):
        build_folder(AGREEMENTS, RenderOptions(style="visual", out_dir=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_one_value_renders_html_in_one_style(tmp_path: Path) -> None:
    options = RenderOptions(style="tabular", formats=("html",), out_dir=tmp_path)
    (written,) = render_files((AGREEMENTS / "paper-supplier.yaml",), options)
    assert written.parent.parent == tmp_path and written.suffix == ".html"
    assert "<html" in written.read_text(encoding="utf-8")
