"""The visible signature on a signature line: "Digitally signed by <signer>" and the date.

The text is set in DejaVu Sans, embedded as PDF/A asks. pyHanko writes a TrueType font's
glyph widths in the font's own units, which PDF reads as thousandths of the text size, so a
font of 2,048 units per em (DejaVu Sans) would be drawn spaced out. The font is therefore cut
down to the characters the appearance uses and scaled to 1,000 units per em first (fontTools),
and handed to pyHanko from memory.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import string
from pathlib import Path
from typing import Any

#: Fonts tried for the visible signature, in order.
FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)
TEXT = "Digitally signed by %(signer)s\nDate: %(ts)s"
TIME_FORMAT = "%Y-%m-%d %H:%M %Z"
_SIZE = 7
_UNITS = 1000


def _font_for(text: str) -> bytes | None:
    """DejaVu Sans cut down to ``text``'s characters at 1,000 units per em, or ``None``."""
    source = next((f for f in FONTS if f.is_file()), None)
    if source is None:
        return None
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    with TTFont(source) as font:
        options = subset.Options()
        options.drop_tables += ["FFTM"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options=options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        scale_upem(font, _UNITS)
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def _engine(data: bytes) -> Any:
    """A pyHanko font engine factory reading the font from ``data``."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    @dataclasses.dataclass(frozen=True)
    class InMemory(GlyphAccumulatorFactory):
        data: bytes = b""

        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
            return GlyphAccumulator(
                writer=writer, font_handle=io.BytesIO(self.data), font_size=self.font_size
            )

    return InMemory(font_file="DejaVuSans.ttf", font_size=_SIZE, data=data)


def stamp_style(signer: str) -> Any:
    """A pyHanko ``TextStampStyle``: two lines at the left of the signature line."""
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    font = _font_for(TEXT + signer + string.ascii_letters + string.digits + " -:+")
    tight = layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MIN,
        y_align=layout.AxisAlignment.ALIGN_MID,
        margins=layout.Margins(),
    )
    box = TextBoxStyle(
        font=_engine(font) if font else TextBoxStyle().font,
        font_size=_SIZE,
        leading=_SIZE + 1,
        box_layout_rule=tight,
    )
    return TextStampStyle(
        stamp_text=TEXT,
        timestamp_format=TIME_FORMAT,
        text_box_style=box,
        border_width=0,
        background=None,
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(left=1, right=1, top=1, bottom=1),
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
        ),
    )
