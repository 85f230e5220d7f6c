"""Document properties from the page's ``<head>``, and a zip that is the same bytes every run."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .tree import Element

_FIRST = ("[Content_Types].xml", "_rels/.rels")
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


@dataclass(frozen=True)
class Properties:
    """The document properties Word shows under File > Info."""

    title: str = ""
    subject: str = ""
    author: str = ""
    keywords: str = ""
    language: str = ""


def read_properties(root: Element) -> Properties:
    """Title, subject, author, keywords and language from ``<title>``, ``<meta>`` and ``<html lang>``."""
    metas: dict[str, str] = {}
    title = ""
    lang = ""

    def walk(el: Element) -> None:
        nonlocal title, lang
        for child in el.elements():
            if child.tag == "title" and not title:
                title = " ".join(child.text().split())
            elif child.tag == "meta" and "name" in child.attrs:
                metas.setdefault(
                    child.attrs["name"].lower(), " ".join(child.attrs.get("content", "").split())
                )
            elif child.tag == "html":
                lang = child.attrs.get("lang", "")
            walk(child)

    walk(root)
    return Properties(
        title=title,
        subject=metas.get("description", metas.get("subject", "")),
        author=metas.get("author", ""),
        keywords=metas.get("keywords", ""),
        language=lang,
    )


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def set_properties(document: Any, props: Properties, when: datetime) -> None:
    """Set the core properties, with ``when`` as creation and modification date (never the clock)."""
    cp = document.core_properties
    cp.title = props.title
    cp.subject = props.subject
    cp.author = props.author
    cp.keywords = props.keywords
    cp.language = props.language
    cp.comments = ""
    cp.category = ""
    cp.last_modified_by = "slagen"
    cp.revision = 1
    cp.created = cp.modified = _utc(when).replace(tzinfo=None)
    pkg = document.part.package
    for rel_id, rel in list(pkg.rels.items()):
        if rel.reltype == _THUMBNAIL:  # a picture of python-docx's blank template, not of this document
            pkg.rels.pop(rel_id)


def normalise_zip(data: bytes, when: datetime) -> bytes:
    """Rewrite a DOCX zip with fixed entry order, timestamps and attributes."""
    stamp = max(_utc(when), datetime(1980, 1, 1, tzinfo=UTC))
    date_time = (
        stamp.year,
        stamp.month,
        stamp.day,
        stamp.hour,
        stamp.minute,
        stamp.second - stamp.second % 2,
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        names = src.namelist()
        order = [n for n in _FIRST if n in names] + sorted(n for n in names if n not in _FIRST)
        for name in order:
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name), compresslevel=6)
    return out.getvalue()
