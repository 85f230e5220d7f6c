"""Charts (``figure.chart > img[data-png]``) and the logo (``figure.logo > img``) as pictures."""

from __future__ import annotations

import base64
import binascii
import io

from docx.shared import Emu, Mm

from ..errors import RenderError
from . import inline
from .story import Ctx, Story, children, misplaced, paragraph
from .tree import Element

_RASTER = ("data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,")


def _decode(img: Element, uri: str, attr: str) -> bytes:
    try:
        return base64.b64decode(uri.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError, IndexError):
        raise RenderError(
            f"DOCX: <img> at line {img.line} of the rendered HTML has a {attr} that is not base64"
        ) from None


def figure(el: Element, story: Story, ctx: Ctx) -> None:
    """A chart at the full text width (from its PNG), or the logo at most 18 mm high."""
    for child in children(el):
        if child.tag == "img":
            p = paragraph(story, ctx)
            p.paragraph_format.keep_with_next = True
            if el.has_class("chart"):
                png = _decode(child, child.attrs["data-png"], "data-png")
                p.add_run().add_picture(io.BytesIO(png), width=Emu(ctx.width))
            else:
                src = child.attrs.get("src", "")
                if not src.startswith(_RASTER):
                    raise RenderError(
                        f"DOCX: the logo at line {child.line} of the rendered HTML is not a PNG, JPEG or GIF "
                        "image; Word output needs one of those"
                    )
                p.add_run().add_picture(io.BytesIO(_decode(child, src, "src")), height=Mm(18))
        elif child.tag == "figcaption":
            p = paragraph(story, ctx, "Caption")
            inline.add_runs(p, inline.collect(child.children))
        else:
            raise misplaced(child, "<img> or <figcaption>, not directly in <figure>")
