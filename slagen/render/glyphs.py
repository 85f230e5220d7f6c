"""Characters no installed font can draw: named in a warning at render time, never silently
shown as blank boxes.

WeasyPrint (through Pango and fontconfig) falls back to any installed font for a character
the style's font lacks, so a character is drawable when any font fontconfig knows has it.
Their character maps are read with fontTools once per process, and only for a document with
characters outside the ranges DejaVu Sans (the styles' font) covers.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata

#: Ranges the styles' own font covers: Latin, general punctuation, arrows, maths operators.
_COVERED_RANGES = ((0x20, 0x24F), (0x2000, 0x22FF))


def _plainly_covered(c: str) -> bool:
    n = ord(c)
    return any(lo <= n <= hi for lo, hi in _COVERED_RANGES) or unicodedata.category(c) in (
        "Cc",
        "Cf",
        "Zs",
        "Zl",
        "Zp",
    )


@functools.cache
def installed_coverage() -> frozenset[int] | None:
    """Every code point some font fontconfig lists can draw (None when fontconfig is missing)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    from fontTools.ttLib import TTFont, TTLibError

    files = subprocess.run(
        [fc_list, "--format", "%{file}\n"], capture_output=True, text=True, check=False
    ).stdout.split("\n")
    covered: set[int] = set()
    for file in sorted({f for f in files if f}):
        try:
            with TTFont(file, lazy=True, fontNumber=0) as font:
                covered.update(font.getBestCmap() or {})
        except (OSError, TTLibError, AssertionError, KeyError, ValueError):
            continue
    return frozenset(covered)


def missing_glyphs(text: str) -> list[str]:
    """The characters of ``text`` that no installed font can draw, in code point order."""
    unusual = {c for c in set(text) if not _plainly_covered(c)}
    if not unusual:
        return []
    covered = installed_coverage()
    if covered is None:
        return []
    return sorted((c for c in unusual if ord(c) not in covered), key=ord)


def missing_glyphs_warning(text: str, document: str) -> str | None:
    """A warning naming the characters of ``text`` no installed font can draw, if any."""
    missing = missing_glyphs(text)
    if not missing:
        return None
    named = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in missing[:12])
    more = f" and {len(missing) - 12} more" if len(missing) > 12 else ""
    return (
        f"warning: {document}: no installed font can draw {named}{more}; they show as blank boxes. "
        "Install a font that has them (Debian: fonts-noto-cjk for Chinese, Japanese and Korean, "
        "fonts-noto-color-emoji for emoji)"
    )
