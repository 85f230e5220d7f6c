"""What a document takes besides the agreement's terms: its period, its date and its logo.

Shared by the agreement's documents (:mod:`slagen.render`) and the tracking reports
(:mod:`slagen.report`), so both read ``--period``, ``SOURCE_DATE_EPOCH`` and the logo alike.
"""

from __future__ import annotations

import base64
import mimetypes
import os
from datetime import UTC, datetime

from slagen.agreement.load import Loaded
from slagen.agreement.period import Period

from ..errors import UsageError
from ..targets.present import period_for


def period_in_term(loaded: Loaded, period: str | None) -> Period:
    """The period ``--period`` names (default: the agreement's), checked against the term."""
    return period_for(loaded.agreement, period)


def source_date_epoch() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as a naive UTC datetime, or ``None`` when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not epoch.isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, got {epoch!r}")
    return datetime.fromtimestamp(int(epoch), tz=UTC).replace(tzinfo=None)


def logo_uri(loaded: Loaded) -> str | None:
    """The agreement's logo (a path relative to its file) as a ``data:`` URI, if it has one."""
    logo = loaded.agreement.presentation.logo
    if logo is None:
        return None
    path = (loaded.path.resolve().parent / logo).resolve()
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
