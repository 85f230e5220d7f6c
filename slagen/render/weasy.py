"""WeasyPrint, imported without the compiler runs of its library lookup.

WeasyPrint opens Pango, HarfBuzz and fontconfig by trying a list of names per library,
Windows and macOS names first. On Linux each name that is not a file goes through
``ctypes.util.find_library``, which runs ``ldconfig``, then ``gcc`` and ``ld``: about 25
processes and 0.2 s of CPU (0.3 s of wall time) on every start, before the soname that
follows in the same list (``libpango-1.0.so.0``) opens directly. On Linux slagen imports
WeasyPrint with ``find_library`` answering "not found", so the list goes straight on to
the soname: the same libraries load, the dynamic loader finds them as before, and a missing
one fails exactly as before. Elsewhere WeasyPrint is imported as it is.
"""

from __future__ import annotations

import ctypes.util
import importlib
import sys


def _not_found(name: str) -> None:
    return None


def _import() -> None:
    """Import ``weasyprint`` (on Linux with ``find_library`` answering "not found")."""
    if "weasyprint" in sys.modules or sys.platform != "linux":
        importlib.import_module("weasyprint")
        return
    find_library = ctypes.util.find_library
    ctypes.util.find_library = _not_found
    try:
        importlib.import_module("weasyprint")
    finally:
        ctypes.util.find_library = find_library


_import()

from weasyprint import HTML, Attachment  # noqa: E402
from weasyprint.text.ffi import harfbuzz, harfbuzz_subset  # noqa: E402
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse  # noqa: E402

__all__ = [
    "HTML",
    "Attachment",
    "FatalURLFetchingError",
    "URLFetcher",
    "URLFetcherResponse",
    "harfbuzz",
    "harfbuzz_subset",
]
