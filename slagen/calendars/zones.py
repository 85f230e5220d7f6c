"""IANA time zones (``Europe/Berlin``) through the standard library's :mod:`zoneinfo`.

A zone is named by place, never by abbreviation: ``CET`` is an hour offset that is wrong for
the half of the year on summer time (and the zone database keeps ``CET`` only as a legacy
alias), so :func:`zone_problem` refuses abbreviations and suggests a place. Where the system
has no zone database, the ``tzdata`` package provides it (``zoneinfo`` falls back to it).
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from slagen.util.text import did_you_mean

#: Abbreviations people write for a zone, with places that use them.
ABBREVIATIONS: dict[str, str] = {
    "CET": "Europe/Berlin, Europe/Paris or Europe/Warsaw",
    "CEST": "Europe/Berlin, Europe/Paris or Europe/Warsaw",
    "MET": "Europe/Berlin, Europe/Paris or Europe/Warsaw",
    "MEST": "Europe/Berlin, Europe/Paris or Europe/Warsaw",
    "EET": "Europe/Athens, Europe/Helsinki or Europe/Bucharest",
    "EEST": "Europe/Athens, Europe/Helsinki or Europe/Bucharest",
    "WET": "Europe/Lisbon",
    "WEST": "Europe/Lisbon",
    "GMT": "Europe/London (or UTC, which has no summer time)",
    "BST": "Europe/London",
    "IST": "Europe/Dublin or Asia/Kolkata",
    "EST": "America/New_York or America/Toronto",
    "EDT": "America/New_York or America/Toronto",
    "CST": "America/Chicago or Asia/Shanghai",
    "CDT": "America/Chicago",
    "MST": "America/Denver or America/Phoenix",
    "MDT": "America/Denver",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "JST": "Asia/Tokyo",
    "AEST": "Australia/Sydney or Australia/Brisbane",
    "AEDT": "Australia/Sydney",
}
#: Zone names without a slash that are places in their own right.
PLAIN = frozenset({"UTC"})


@functools.cache
def zone(name: str) -> ZoneInfo:
    """The zone called ``name`` (checked by :func:`zone_problem` first)."""
    return ZoneInfo(name)


def zone_problem(name: str) -> str | None:
    """Why ``name`` is not an IANA zone an agreement may name, or ``None`` when it is one."""
    upper = name.strip().upper()
    if upper in ABBREVIATIONS or ("/" not in name and name not in PLAIN):
        places = ABBREVIATIONS.get(upper)
        hint = f", e.g. {places}" if places else " such as Europe/Berlin"
        return (
            f"expected an IANA time-zone name{hint}, got {name!r}: an abbreviation names an offset, "
            "not a place, and is wrong for the part of the year on summer time"
        )
    try:
        zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return f"expected an IANA time-zone name such as Europe/Berlin, got {name!r}, which is not one" + (
            did_you_mean(name, sorted(available_timezones()))
        )
    return None


def offsets(name: str, year: int) -> list[tuple[str, str]]:
    """The abbreviations and UTC offsets of zone ``name`` in winter and summer of ``year``:
    ``[("CET", "UTC+1"), ("CEST", "UTC+2")]``, one entry for a zone without summer time."""
    tz = zone(name)
    seen: list[tuple[str, str]] = []
    for month in (1, 7):
        at = datetime(year, month, 15, 12, tzinfo=tz)
        entry = (at.tzname() or "", offset_text(at.utcoffset() or timedelta(0)))
        if entry not in seen:
            seen.append(entry)
    return seen


def offset_text(delta: timedelta) -> str:
    """``UTC+1``, ``UTC+5:30``, ``UTC-4``: an offset from UTC as the documents write it."""
    sign, h, m = _parts(delta)
    return f"UTC{sign}{h}" + (f":{m:02d}" if m else "")


def local(stamp: datetime, name: str) -> datetime:
    """``stamp`` as a time in zone ``name``: a wall-clock time (no offset) is read there (the
    first of an hour that happens twice, see :func:`local_problem`); a time with an offset is
    the same instant, told in the zone's time."""
    tz = zone(name)
    return stamp.replace(tzinfo=tz) if stamp.tzinfo is None else stamp.astimezone(tz)


def local_problem(stamp: datetime, name: str) -> str | None:
    """Why the wall-clock time ``stamp`` (without an offset) does not name one instant in zone
    ``name``: it falls in the hour skipped when summer time starts, or in the hour that happens
    twice when it ends; None when it names one."""
    if stamp.tzinfo is not None:
        return None
    tz = zone(name)
    first, second = stamp.replace(tzinfo=tz, fold=0), stamp.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    when = f"{stamp:%Y-%m-%d %H:%M}"
    if first.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != stamp:
        return f"expected a time that exists in {name}, got {when}: the clocks go forward over it"
    a, b = (f"{when}{iso_offset(x.utcoffset() or timedelta(0))}" for x in (first, second))
    return (
        f"expected one time, got {when}, which happens twice in {name} as the clocks go back: "
        f"write its UTC offset ({a} or {b})"
    )


def iso_offset(delta: timedelta) -> str:
    """``+02:00``: an offset as ISO 8601 writes it after a time."""
    sign, h, m = _parts(delta)
    return f"{sign}{h:02d}:{m:02d}"


def abbreviations(name: str, year: int) -> str:
    """``CET, UTC+1 in winter; CEST, UTC+2 in summer`` in English (a document writes it in its
    own language with :func:`slagen.calendars.words.zone_offsets`)."""
    seen = offsets(name, year)
    if len(seen) == 1:
        return f"{seen[0][0]}, {seen[0][1]} all year"
    (w, wo), (s, so) = seen
    return f"{w}, {wo} in winter; {s}, {so} in summer"


def _parts(delta: timedelta) -> tuple[str, int, int]:
    """An offset's sign, hours and minutes: ``("+", 5, 30)``."""
    minutes = int(delta.total_seconds()) // 60
    h, m = divmod(abs(minutes), 60)
    return ("+" if minutes >= 0 else "-"), h, m
