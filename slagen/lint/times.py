"""Times of day in free text: a zone abbreviation (``CET``, ``BST``, ``EST``) names one UTC
offset, which is wrong for the part of the year on summer time. ``calendar.time_zone`` already
refuses them (``check``); this rule finds them in the agreement's wording."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slagen.calendars.zones import ABBREVIATIONS

from .registry import Context, Finding, rule, strings

_WORD = re.compile(r"\b(" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\b")


@rule("SLA018", "zone-abbreviation", "a time-zone abbreviation (CET, BST, EST...) in the wording")
def zone_abbreviation(ctx: Context) -> Iterator[Finding]:
    """Wording that gives a time in a zone abbreviation instead of the agreement's zone."""
    a = ctx.agreement
    zone = a.calendar.time_zone if a.calendar is not None else None
    for path, text in strings(a.model_dump(mode="json", exclude_none=True)):
        if path[:2] == ("calendar", "time_zone"):
            continue  # check refuses it there
        m = _WORD.search(text)
        if m is None:
            continue
        instead = f"'{zone} time' (calendar.time_zone)" if zone else f"a place: {ABBREVIATIONS[m.group(1)]}"
        yield Finding(
            path,
            f"{m.group(1)!r} is one UTC offset, wrong for the part of the year on summer time: write "
            f"{instead}",
        )
