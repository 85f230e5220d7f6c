"""A PDF page's characters, paths and images, read with pypdfium2 as pdfplumber's objects.

PDFium (pypdfium2) parses a page's content stream about ten times faster than pdfminer, which
pdfplumber uses. This module reads what the layout check needs from PDFium and gives it the
shape of pdfplumber's objects (dicts with ``x0``, ``x1``, ``top``, ``bottom``, ... in points from
the page's top-left), so pdfplumber's pure-Python line grouping and table finder work on it as
they do on pdfminer's objects, with the same results:

- **characters**: one per glyph drawn, as pdfminer makes them. PDFium's own additions (the spaces
  and line breaks it generates) are left out, a ligature PDFium splits into its letters ("f",
  "i" at one position) is one character again ("fi"), and PDFium's mark for a hyphen (U+0002)
  is the hyphen. The box is pdfminer's: from the font's descent under the baseline up one font
  size (PDFium's loose box has the same bottom; its top is the font's ascent, so it is taller),
  and ``size`` is the font size times the text's vertical scale. A character is ``upright``
  when its text is neither rotated nor skewed.
- **paths**: each subpath classified as pdfminer does (``pdfminer.converter.paint_path``): one
  segment is a ``line``, four segments closing an axis-aligned box a ``rect``, anything else a
  ``curve`` whose points are the segments' end points. Paths in form XObjects are included.
- **images**: the box of each image, in form XObjects too.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw

Obj = dict[str, Any]
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]

#: PDFium's code for a hyphen it found at the end of a line.
_HYPHEN = 2
#: A font subset's tag before its name ("BAAAAA+DejaVuSans"), which PDFium leaves out.
_SUBSET = re.compile(r"^[A-Z]{6}\+")
#: The descent of two subsets of a font with different descriptors: PDFium's is taken.
_AMBIGUOUS = 1.0


def descents(path: Path) -> dict[str, float]:
    """Each font's descent (a share of its size, negative: under the baseline) by its base font
    name without the subset tag (as PDFium names it), as pdfminer reads it: the font
    descriptor's ``/Descent``, 0 when it has none.

    PDFium reads the descriptor too, but where it says 0 (LibreOffice's fonts) PDFium takes the
    bottom of the letter "g" instead, and its API does not tell the two apart.
    """
    reader = pypdf.PdfReader(path)
    found: dict[str, float] = {}
    seen: set[int] = set()

    def walk(resources: Any) -> None:
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if descriptor is not None:
                descent = -abs(float(descriptor.get_object().get("/Descent", 0))) / 1000
                name = _SUBSET.sub("", str(font.get("/BaseFont", ""))[1:])
                found[name] = descent if found.get(name, descent) == descent else _AMBIGUOUS
        for xobject in (resources.get("/XObject") or {}).values():
            ref = xobject.indirect_reference
            if ref is not None and ref.idnum in seen:
                continue
            if ref is not None:
                seen.add(ref.idnum)
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return found


def _font_descent(font: Any, descents: dict[str, float]) -> float:
    """The descent of a PDFium font (a share of its size), from ``descents`` by its name."""
    size = raw.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(size)
    raw.FPDFFont_GetBaseFontName(font, buffer, size)
    name = buffer.value.decode("utf-8", "replace")
    if descents.get(name, _AMBIGUOUS) != _AMBIGUOUS:
        return descents[name]
    descent = ctypes.c_float()
    raw.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), descent)
    return descent.value / 1000


def _object_text(run: Any, tp: Any) -> str:
    """The text of a text object, as PDFium reads it."""
    size = raw.FPDFTextObj_GetText(run, tp, None, 0)
    buffer = (ctypes.c_ushort * (size // 2))()
    raw.FPDFTextObj_GetText(run, tp, buffer, size)
    return bytes(buffer).decode("utf-16-le", "replace").rstrip("\x00")


def chars(page: pdfium.PdfPage, descents: dict[str, float]) -> list[Obj]:
    """The page's characters in the order they are drawn; ``descents`` are the fonts' descents
    (:func:`descents`)."""
    height = page.get_height()
    textpage = page.get_textpage()
    tp = textpage.raw
    box, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    found: list[Obj] = []
    last: tuple[float, float, float] | None = None
    runs: dict[int | None, tuple[float, bool, float]] = {}
    current: tuple[int | None, Any] = (None, None)

    def end_run() -> None:
        # PDFium leaves out the space a text object ends with when the line goes on in the next
        # object (it generates one of its own, zero wide, instead): the space is put back, so
        # that it parts the words as in pdfminer's reading (LibreOffice's "Umowa o " "poziomie")
        run = current[1]
        if run is not None and found and found[-1]["text"] != " " and _object_text(run, tp).endswith(" "):
            end = found[-1]
            found.append({**end, "text": " ", "x0": end["x1"], "width": 0.0})

    try:
        for i in range(raw.FPDFText_CountChars(tp)):
            if raw.FPDFText_IsGenerated(tp, i):
                continue
            code = raw.FPDFText_GetUnicode(tp, i)
            text = "-" if code == _HYPHEN else chr(code)
            raw.FPDFText_GetLooseCharBox(tp, i, box)
            raw.FPDFText_GetCharOrigin(tp, i, x, y)
            where = (x.value, y.value, box.right)
            if where == last:  # a ligature's next letter: the same glyph
                found[-1]["text"] += text
                continue
            last = where
            run = raw.FPDFText_GetTextObject(tp, i)
            key = ctypes.cast(run, ctypes.c_void_p).value
            if key != current[0]:
                end_run()
                current = (key, run)
            if key not in runs:  # a text object's characters share its matrix, size and font
                raw.FPDFText_GetMatrix(tp, i, matrix)
                size = raw.FPDFText_GetFontSize(tp, i) * abs(matrix.d)
                upright = matrix.b == 0 and matrix.c == 0 and matrix.a * matrix.d > 0
                runs[key] = (size, upright, _font_descent(raw.FPDFTextObj_GetFont(run), descents) * size)
            size, upright, descent = runs[key]
            bottom = height - (y.value + descent)
            top = bottom - size
            found.append(
                {
                    "object_type": "char",
                    "text": text,
                    "x0": x.value,
                    "x1": box.right,
                    "top": top,
                    "bottom": bottom,
                    "doctop": top,
                    "width": box.right - x.value,
                    "height": size,
                    "size": size,
                    "upright": upright,
                }
            )
        end_run()
    finally:
        textpage.close()
    return found


def _multiply(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer``, as PDF's matrices compose."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer  # the second matrix, named as in the PDF reference
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, x: float, y: float) -> Point:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _matrix(obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, m)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _walk(objects: Iterator[Any], outer: Matrix) -> Iterator[tuple[int, Any, Matrix]]:
    """Every path and image object with its matrix to the page, into form XObjects."""
    for obj in objects:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            inner = (raw.FPDFFormObj_GetObject(obj, i) for i in range(raw.FPDFFormObj_CountObjects(obj)))
            yield from _walk(inner, _multiply(_matrix(obj), outer))
        elif kind in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE):
            yield kind, obj, _multiply(_matrix(obj), outer)


def _subpaths(path: Any, m: Matrix) -> Iterator[list[tuple[str, Point]]]:
    """A path's subpaths as pdfminer sees them: operators (m, l, c, h) with their end points."""
    ops: list[tuple[str, Point]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    count = raw.FPDFPath_CountSegments(path)
    i = 0
    while i < count:
        seg = raw.FPDFPath_GetPathSegment(path, i)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_BEZIERTO:  # two control points, then the end point
            i += 2
            seg = raw.FPDFPath_GetPathSegment(path, i)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        point = _apply(m, x.value, y.value)
        closes = bool(raw.FPDFPathSegment_GetClose(seg))
        if kind == raw.FPDF_SEGMENT_MOVETO:
            if len(ops) > 1:
                yield ops
            ops = [("m", point)]
        elif kind == raw.FPDF_SEGMENT_LINETO and closes and ops and point == ops[0][1]:
            # PDFium ends a closed subpath (``h``, or ``re``) with a line back to its start
            ops.append(("h", point))
            closes = False
        else:
            ops.append(("c" if kind == raw.FPDF_SEGMENT_BEZIERTO else "l", point))
        if closes and ops:
            ops.append(("h", ops[0][1]))
        i += 1
    if len(ops) > 1:
        yield ops


def _painted(ops: list[tuple[str, Point]], height: float) -> Obj:
    """One subpath as pdfminer's line, rect or curve (``pdfminer.converter.paint_path``)."""
    shape = "".join(op for op, _ in ops)
    pts = [p for _, p in ops]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    kind = "curve"
    if shape in {"ml", "mh"}:
        kind = "line"
    elif shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if pts[0] == pts[4] and square:
            kind = "rect"
            pts = [(x0, y0), (x2, y0), (x2, y2), (x0, y2)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    top, bottom = height - max(ys), height - min(ys)
    return {
        "object_type": kind,
        "x0": min(xs),
        "x1": max(xs),
        "y0": min(ys),
        "y1": max(ys),
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": max(xs) - min(xs),
        "height": bottom - top,
        "pts": [(px, height - py) for px, py in pts],
    }


def graphics(page: pdfium.PdfPage) -> tuple[list[Obj], list[Obj]]:
    """The page's painted paths (lines, rects and curves) and its images' boxes."""
    height = page.get_height()
    identity: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    top_level = (raw.FPDFPage_GetObject(page.raw, i) for i in range(raw.FPDFPage_CountObjects(page.raw)))
    paths: list[Obj] = []
    images: list[Obj] = []
    for kind, obj, m in _walk(top_level, identity):
        if kind == raw.FPDF_PAGEOBJ_PATH:
            paths.extend(_painted(ops, height) for ops in _subpaths(obj, m))
            continue
        corners = [_apply(m, cx, cy) for cx, cy in ((0, 0), (1, 0), (1, 1), (0, 1))]
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        images.append(
            {
                "object_type": "image",
                "x0": min(xs),
                "x1": max(xs),
                "top": height - max(ys),
                "bottom": height - min(ys),
            }
        )
    return paths, images
