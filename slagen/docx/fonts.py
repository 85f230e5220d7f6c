"""The DOCX's fonts embedded in it, so Word lays it out alike on any machine.

Word on Windows or macOS has no DejaVu font; without the font it substitutes another and
reflows every page. ECMA-376 lets a document carry its TrueType fonts (Part 1, 17.8.1): each
face is a part of the package (``word/fonts/fontN.odttf``), referenced from the font table
(``w:embedRegular``, ``w:embedBold``, ...) with a ``w:fontKey`` GUID, and *obfuscated*: its first
32 bytes XORed with the key's 16 bytes in reverse order. ``w:embedTrueTypeFonts`` in the
settings tells Word to use them.

Each face is a subset (fontTools), so a file grows by tens of kilobytes, not megabytes;
``w:subsetted`` says so. The subset keeps the font's timestamps and the key is derived from the
subset's bytes, so the same document gives the same bytes. A face missing on the machine is not
embedded (the document still names the font).

The subset holds the characters of the document *and* a fixed repertoire (:data:`REPERTOIRE`:
Latin-1, Latin Extended-A, the punctuation and the marks slagen writes). LibreOffice (7.4)
keeps the embedded faces of the first document it opens under the family's name and lays out
every later document of its session with them: a subset of an English document's characters
drew each "ł", "ż", "ę" and "„" of a Polish document opened after it as a missing-glyph box
(and an English "ß" or "“" after a Polish one). With the repertoire in every subset, any two
slagen documents in those scripts share their faces' coverage, whichever opens first.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
ODTTF = "application/vnd.openxmlformats-officedocument.obfuscatedFont"

#: The faces of each family slagen's styles use: (font table element, file name).
FACES: dict[str, tuple[tuple[str, str], ...]] = {
    "DejaVu Sans": (
        ("embedRegular", "DejaVuSans.ttf"),
        ("embedBold", "DejaVuSans-Bold.ttf"),
        ("embedItalic", "DejaVuSans-Oblique.ttf"),
        ("embedBoldItalic", "DejaVuSans-BoldOblique.ttf"),
    ),
    "DejaVu Serif": (
        ("embedRegular", "DejaVuSerif.ttf"),
        ("embedBold", "DejaVuSerif-Bold.ttf"),
        ("embedItalic", "DejaVuSerif-Italic.ttf"),
        ("embedBoldItalic", "DejaVuSerif-BoldItalic.ttf"),
    ),
}
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts")
#: Characters every subset holds besides the document's own (see the module's docstring):
#: printable ASCII, Latin-1 and Latin Extended-A (U+00A0-U+017F: the letters of English, Polish,
#: German, French, Czech ...), general punctuation (dashes, quotes, bullet, ellipsis, U+2010-U+2044),
#: the euro sign, arrows, minus and comparison signs, and the marks and bullets of slagen's styles.
REPERTOIRE = (
    "".join(
        chr(c)
        for lo, hi in ((0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x2044), (0x20AC, 0x20AC), (0x2190, 0x2193))
        for c in range(lo, hi + 1)
    )
    + "\u2212\u2264\u2265\u25a0\u25a1\u25aa\u25ac\u25b2\u25b6\u25bc\u25c6\u25c9\u25cb\u25ce\u25cf\u25e6\u2713"
)
#: Parts whose text the fonts must cover.
TEXT_PARTS = ("word/document.xml", "word/header", "word/footer")
#: The list numbering, whose bullet characters (``•``, ``▪``, ``◦``) the fonts must cover too.
NUMBERING = "word/numbering.xml"


def find_font(name: str) -> Path | None:
    """The installed font file called ``name`` (as fontconfig's folders hold it), or None."""
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in sorted(folder.rglob(name)):
                return path
    return None


def subset(path: Path, text: str) -> bytes:
    """The font at ``path`` cut down to the characters of ``text`` and :data:`REPERTOIRE`."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    options.drop_tables = [*options.drop_tables, "FFTM"]  # FontForge's timestamps: not needed
    font = TTFont(str(path), recalcTimestamp=False, recalcBBoxes=False)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in text + REPERTOIRE})
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def font_key(data: bytes) -> str:
    """A GUID for the face, derived from its bytes: ``{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}``."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """XOR the first 32 bytes of ``data`` with the key's bytes in reverse order (ECMA-376 17.8.1).

    The same operation undoes it."""
    key_bytes = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def _text(parts: dict[str, bytes]) -> str:
    chars: set[str] = set()
    for name, xml in parts.items():
        if name.startswith(TEXT_PARTS) and name.endswith(".xml"):
            root = etree.fromstring(xml)
            for t in root.iter(f"{{{W}}}t"):
                chars.update(t.text or "")
            if next(root.iter(f"{{{W}}}noBreakHyphen"), None) is not None:
                chars.add("\u2011")  # the character Word and LibreOffice draw for it
        elif name == NUMBERING:
            for level in etree.fromstring(xml).iter(f"{{{W}}}lvlText"):
                chars.update(level.get(f"{{{W}}}val") or "")
    return "".join(sorted(chars))


#: The faces set in italic, embedded only where the document sets any text in italic.
ITALIC_FACES = frozenset({"embedItalic", "embedBoldItalic"})


def _on(el: etree._Element) -> bool:
    return el.get(f"{{{W}}}val", "true") not in ("0", "false", "off")


def _uses_italic(parts: dict[str, bytes]) -> bool:
    """Whether any run of the document, its headers or footers, or any style they use, sets
    italic (``w:i`` on, not ``w:val="0"``); the template's unused styles (Quote, Emphasis ...)
    do not count."""
    used: set[str | None] = set()
    for name, xml in parts.items():
        if name.startswith(TEXT_PARTS) and name.endswith(".xml"):
            root = etree.fromstring(xml)
            if any(_on(el) for el in root.iter(f"{{{W}}}i")):
                return True
            for tag in ("pStyle", "rStyle"):
                used.update(el.get(f"{{{W}}}val") for el in root.iter(f"{{{W}}}{tag}"))
    styles = etree.fromstring(parts["word/styles.xml"])
    for style in styles.iter(f"{{{W}}}style"):
        default = style.get(f"{{{W}}}default") == "1" and style.get(f"{{{W}}}type") == "paragraph"
        if (style.get(f"{{{W}}}styleId") in used or default) and any(
            _on(el) for el in style.iterfind(f"{{{W}}}rPr/{{{W}}}i")
        ):
            return True
    return False


def _families(parts: dict[str, bytes]) -> list[str]:
    """The families of :data:`FACES` the styles or the document name."""
    used: set[str | None] = set()
    for name in ("word/styles.xml", "word/document.xml"):
        root = etree.fromstring(parts[name])
        for fonts in root.iter(f"{{{W}}}rFonts"):
            used.add(fonts.get(f"{{{W}}}ascii"))
    return [f for f in FACES if f in used]


def _xml(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def embed_fonts(data: bytes) -> bytes:
    """The DOCX ``data`` with the faces of its DejaVu families embedded (obfuscated subsets);
    the italic faces only where some text is italic."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    text = _text(parts)
    italic = _uses_italic(parts)
    table = etree.fromstring(parts["word/fontTable.xml"])
    rels = etree.Element(f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})
    n = 0
    for family in _families(parts):
        font = next((f for f in table.iter(f"{{{W}}}font") if f.get(f"{{{W}}}name") == family), None)
        if font is None:
            font = etree.SubElement(table, f"{{{W}}}font", {f"{{{W}}}name": family})
        for tag, file_name in FACES[family]:
            if tag in ITALIC_FACES and not italic:  # no text to draw with it
                continue
            path = find_font(file_name)
            if path is None:
                continue
            face = subset(path, text)
            key = font_key(face)
            n += 1
            parts[f"word/fonts/font{n}.odttf"] = obfuscate(face, key)
            rel_id = f"rIdFont{n}"
            etree.SubElement(
                rels,
                f"{{{PKG_RELS}}}Relationship",
                {"Id": rel_id, "Type": FONT_REL, "Target": f"fonts/font{n}.odttf"},
            )
            etree.SubElement(
                font,
                f"{{{W}}}{tag}",
                {f"{{{R}}}id": rel_id, f"{{{W}}}fontKey": key, f"{{{W}}}subsetted": "1"},
            )
    if not n:
        return data
    parts["word/fontTable.xml"] = _xml(table)
    parts["word/_rels/fontTable.xml.rels"] = _xml(rels)
    types = etree.fromstring(parts["[Content_Types].xml"])
    if not any(d.get("Extension") == "odttf" for d in types):
        types.insert(0, etree.Element(f"{{{CONTENT_TYPES}}}Default", Extension="odttf", ContentType=ODTTF))
    parts["[Content_Types].xml"] = _xml(types)
    settings = etree.fromstring(parts["word/settings.xml"])
    if settings.find(f"{{{W}}}embedTrueTypeFonts") is None:
        # CT_Settings order: ... zoom, removePersonalInformation, ..., embedTrueTypeFonts,
        # embedSystemFonts, saveSubsetFonts, ...: right after the view settings that precede it.
        before = (
            "writeProtection",
            "view",
            "zoom",
            "removePersonalInformation",
            "removeDateAndTime",
            "doNotDisplayPageBoundaries",
            "displayBackgroundShape",
            "printPostScriptOverText",
            "printFractionalCharacterWidth",
            "printFormsData",
        )
        at = 0
        for i, child in enumerate(settings):
            if etree.QName(child).localname in before:
                at = i + 1
        settings.insert(at, etree.Element(f"{{{W}}}embedTrueTypeFonts"))
        settings.insert(at + 1, etree.Element(f"{{{W}}}saveSubsetFonts"))
    parts["word/settings.xml"] = _xml(settings)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name, content in parts.items():
            dst.writestr(name, content)
    return out.getvalue()
