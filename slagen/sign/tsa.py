"""An RFC 3161 time-stamp client over the standard library's HTTP (for PAdES B-T)."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from typing import Any

from slagen.errors import UsageError

_TIMEOUT = 20


def timestamper(url: str) -> Any:
    """A pyHanko ``TimeStamper`` that posts requests to ``url``."""
    if not url.startswith(("http://", "https://")):
        raise UsageError(f"--timestamp-url: expected an http:// or https:// URL, got {url!r}")
    from asn1crypto import tsp
    from pyhanko.sign.timestamps.api import TimeStamper
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    class HttpTimeStamper(TimeStamper):
        """Posts a ``TimeStampReq`` and reads the ``TimeStampResp``."""

        def __init__(self) -> None:
            super().__init__(include_nonce=True)  # type: ignore[no-untyped-call]

        async def async_request_tsa_response(self, req: Any) -> Any:
            def post() -> Any:
                request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
                    url,
                    data=req.dump(),
                    headers={"Content-Type": "application/timestamp-query"},
                    method="POST",
                )
                try:
                    with urllib.request.urlopen(request, timeout=_TIMEOUT) as reply:  # noqa: S310
                        kind = reply.headers.get("Content-Type", "")
                        body = reply.read()
                except (urllib.error.URLError, OSError) as exc:
                    raise TimestampRequestError(f"the time-stamp server at {url} failed: {exc}") from None
                if kind != "application/timestamp-reply":
                    raise TimestampRequestError(
                        f"the time-stamp server at {url} answered {kind or 'no content type'}, "
                        "not application/timestamp-reply"
                    )
                return tsp.TimeStampResp.load(body)

            return await asyncio.to_thread(post)

    return HttpTimeStamper()
