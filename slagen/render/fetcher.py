"""A confined URL fetcher: WeasyPrint reads files only from the allowed folders.

Out of the box WeasyPrint fetches ``file:///etc/passwd`` in an ``<img>``, calls
loopback HTTP servers and embeds any local file through ``<link
rel="attachment">``. This fetcher allows ``data:`` URIs and ``file:`` URLs that
resolve (symlinks followed) inside one of the allowed folders (the template folders) or to
the agreement's logo file (:func:`slagen.util.files.confined`, the rule template includes
follow too), and refuses
everything else before any file is opened or any connection made. A refusal
stops the render (fail closed) and is reported with the URL.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from ..util.files import FileRefused, confined, read_regular
from .weasy import FatalURLFetchingError, URLFetcher, URLFetcherResponse

#: Largest resource fetched (an image, a font, a style sheet), in bytes.
MAX_RESOURCE = 32 * 1024 * 1024


class ResourceRefused(FatalURLFetchingError):  # type: ignore[misc]
    """A template or document asked for a resource outside the allowed folders."""


class ConfinedFetcher(URLFetcher):  # type: ignore[misc]
    """Fetch ``data:`` URIs and files under ``roots``; refuse anything else."""

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols=("data", "file"), allow_redirects=False, fail_on_errors=True)
        self.roots = tuple(sorted({r.resolve() for r in roots}))
        self.refused: list[str] = []

    def _refuse(self, url: str, why: str) -> ResourceRefused:
        self.refused.append(url)
        return ResourceRefused(f"refused to fetch {url}: {why}")

    def allowed_path(self, url: str) -> Path | None:
        """The resolved file ``url`` points to, when it lies inside an allowed folder."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        return confined(Path(url2pathname(parts.path)), self.roots)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        """Return the resource at ``url``, or raise :class:`ResourceRefused`."""
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise self._refuse(url, "only files in the template folders and the agreement's logo may be used")
        path = self.allowed_path(url)
        if path is None:
            raise self._refuse(url, "it is outside the template folders and is not the agreement's logo")
        try:
            data = read_regular(path, MAX_RESOURCE)
        except FileRefused as exc:
            raise self._refuse(url, exc.message) from None
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), data, {"Content-Type": kind})
