"""Helpers of the render tests: read PDFs back as a user would see them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pypdf

MY_STYLES = ("two-column", "tabular")


#: Letters of the diagonal DRAFT watermark that pdftotext put between two words of a sentence
#: (a lone "A" is left alone: it is the article far more often).
WATERMARK_LETTER = re.compile(r"(?<=[a-z0-9,;])(?: [DRFT]| [DRAFT](?: [DRAFT])+)(?= [a-z(])")


def pdf_text(path: Path) -> str:
    """The text of a PDF as pdftotext extracts it, whitespace collapsed, without the letters of
    the DRAFT watermark that land between the words of a sentence they cross."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return WATERMARK_LETTER.sub("", re.sub(r"\s+", " ", out))


def raw_page_texts(path: Path) -> list[str]:
    """The text of each page in drawing order (``pdftotext -raw``): each table cell and card
    reads whole, where the default mode interleaves the lines of side-by-side cells."""
    out = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.sub(r"\s+", " ", p) for p in out.split("\f") if p.strip()]


def page_texts(path: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", " ", p) for p in out.split("\f") if p.strip()]


def drafts(path: Path) -> list[bool]:
    """Whether each page carries the DRAFT watermark (diagonal text, which pdftotext's
    default mode leaves out, so pypdf reads it)."""
    return ["DRAFT" in page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


def outline_titles(outline: list[Any]) -> list[str]:
    """Every title of a pypdf outline, nested lists flattened."""
    titles: list[str] = []
    for item in outline:
        if isinstance(item, list):
            titles.extend(outline_titles(item))
        else:
            titles.append(item.title)
    return titles


def reader(path: Path) -> pypdf.PdfReader:
    """A pypdf reader of ``path``."""
    return pypdf.PdfReader(str(path))
