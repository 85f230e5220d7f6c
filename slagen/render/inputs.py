"""What a document takes besides the agreement's terms: its period, its date and its logo.

Shared by the agreement's documents (:mod:`slagen.render`) and the tracking reports
(:mod:`slagen.report`), so both read ``--period``, ``SOURCE_DATE_EPOCH`` and the logo alike.
"""

from __future__ import annotations

import base64
import mimetypes
import os
from datetime import UTC, datetime
from pathlib import Path

from slagen.agreement.load import Loaded
from slagen.agreement.period import Period

from ..errors import RenderError, UsageError
from ..targets.present import period_for
from ..util.files import MAX_LOGO, FileRefused, read_regular, resolve


def period_in_term(loaded: Loaded, period: str | None) -> Period:
    """The period ``--period`` names (default: the agreement's), checked against the term."""
    return period_for(loaded.agreement, period)


def source_date_epoch() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as a naive UTC datetime, or ``None`` when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not (epoch.isascii() and epoch.isdigit()):
        raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, got {epoch!r}")
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC).replace(tzinfo=None)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH must be a time before the year 10000 (at most 253402300799), got {epoch}"
        ) from None


def logo_file(loaded: Loaded) -> Path | None:
    """The agreement's logo file, symlinks followed (None without a logo, or for a loop or a
    name too long). The one file of the agreement's folder a document may read."""
    logo = loaded.agreement.presentation.logo
    if logo is None:
        return None
    return resolve((resolve(loaded.path) or loaded.path.absolute()).parent / logo)


def logo_uri(loaded: Loaded) -> str | None:
    """The agreement's logo (a path relative to its file) as a ``data:`` URI, if it has one."""
    logo = loaded.agreement.presentation.logo
    if logo is None:
        return None
    path = logo_file(loaded)
    if path is None:
        raise RenderError(
            f"presentation.logo: cannot read {logo!r}: a name too long or a loop of symbolic links"
        )
    try:
        data = read_regular(path, MAX_LOGO)
    except FileRefused as exc:
        raise RenderError(f"presentation.logo: {logo!r}: {exc.message}") from None
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
