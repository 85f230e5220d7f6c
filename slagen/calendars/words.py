"""The calendar's words in the current locale: weekdays, recurrences, places, zones.

Outside a document (``slagen targets``, ``check``) the current locale is English; while a
document is built it is the document's (:func:`slagen.i18n.using`), so the targets' inputs and
the calendar section say the same in the document's language: weekday names and country names from CLDR (Babel), the sentences from the
message catalogues. Polish needs no declension here: weekday spans are written
``poniedziałek–piątek`` and places follow a colon (``według kalendarza: Polska``), the forms a
Polish contract uses; the accusative weekdays of "every Monday" are messages of their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from babel import Locale
from babel.dates import get_day_names

from slagen.agreement.model import Agreement
from slagen.i18n import N_, current, gettext, language, pgettext
from slagen.i18n.locales import babel_name

from . import recurrence as rec
from .business import ON_HOLIDAY
from .recurrence import Rule

#: "every <weekday>", Monday first (a language may inflect the weekday: "w każdą niedzielę").
EVERY = (
    N_("every Monday"),
    N_("every Tuesday"),
    N_("every Wednesday"),
    N_("every Thursday"),
    N_("every Friday"),
    N_("every Saturday"),
    N_("every Sunday"),
)

#: Ordinals of a monthly recurrence ("the first Saturday of every month"); ``last`` has its own sentence.
ORDINALS = {
    "first": N_("first"),
    "second": N_("second"),
    "third": N_("third"),
    "fourth": N_("fourth"),
    "fifth": N_("fifth"),
}


def weekday(index: int) -> str:
    """The weekday's name in the current locale, Monday = 0: ``Monday``, ``poniedziałek``."""
    return str(get_day_names("wide", locale=babel_name(current()))[index])


def weekday_of(name: str) -> str:
    """The name of a model weekday (``monday``) in the current locale."""
    return weekday(rec.WEEKDAYS.index(name))


def weekday_span(days: Sequence[str]) -> str:
    """``Monday to Friday`` for consecutive weekdays (three or more), else the days listed."""
    idx = [rec.WEEKDAYS.index(d) for d in days]
    names = [weekday(i) for i in idx]
    if len(idx) > 2 and idx == list(range(idx[0], idx[0] + len(idx))):
        return gettext("%(first)s to %(last)s") % {"first": names[0], "last": names[-1]}
    return ", ".join(names)


def when(rule: Rule) -> str:
    """The days a rule recurs on: ``every Monday``, ``the first Saturday of every month``."""
    i = rec.WEEKDAYS.index(rule.day)
    if rule.every == "week":
        return gettext(EVERY[i])
    if rule.which == "last":
        return _last(i)
    return gettext("the %(which)s %(day)s of every month") % {
        "which": gettext(ORDINALS[rule.which or "first"]),
        "day": _monthly_day(i),
    }


def _monthly_day(i: int) -> str:
    """The weekday as "the first ... of every month" needs it (Polish: the accusative, ``sobotę``)."""
    return (
        pgettext("the first ... of every month", "Monday"),
        pgettext("the first ... of every month", "Tuesday"),
        pgettext("the first ... of every month", "Wednesday"),
        pgettext("the first ... of every month", "Thursday"),
        pgettext("the first ... of every month", "Friday"),
        pgettext("the first ... of every month", "Saturday"),
        pgettext("the first ... of every month", "Sunday"),
    )[i]


def _last(i: int) -> str:
    """``the last Friday of every month`` (a whole message: Polish inflects "last" by the weekday)."""
    return (
        pgettext("monthly", "the last Monday of every month"),
        pgettext("monthly", "the last Tuesday of every month"),
        pgettext("monthly", "the last Wednesday of every month"),
        pgettext("monthly", "the last Thursday of every month"),
        pgettext("monthly", "the last Friday of every month"),
        pgettext("monthly", "the last Saturday of every month"),
        pgettext("monthly", "the last Sunday of every month"),
    )[i]


def window(rule: Rule) -> str:
    """A recurring window in words: ``every Sunday, 02:00-04:00 Europe/Berlin time`` (``w każdą
    niedzielę, 02:00–04:00 (czas strefy Europe/Berlin)``), ``(into the next day)`` when it ends
    after midnight."""
    over = rec.clock(rule.end) <= rec.clock(rule.start)
    message = (
        gettext("%(when)s, %(start)s-%(end)s (into the next day) %(zone)s time")
        if over
        else gettext("%(when)s, %(start)s-%(end)s %(zone)s time")
    )
    return message % {"when": when(rule), "start": rule.start, "end": rule.end, "zone": rule.zone}


def country(code: str) -> str:
    """The country's name: ``the United Kingdom`` in English, CLDR's in other languages (``Polska``)."""
    from slagen.calendars.public_holidays import country_name

    if language(current()) == "en":
        return country_name(code)
    return str(Locale.parse(babel_name(current())).territories.get(code, code))


def place(a: Agreement, party: str) -> str:
    """Where ``party``'s holiday calendar is from: the author's ``place`` (``Hesse, Germany``),
    else ``Hessen, Germany``, ``Polska``."""
    from slagen.calendars.public_holidays import subdivision_name

    for h in a.calendar.holidays if a.calendar else []:
        if h.party == party:
            if h.place:
                return h.place
            name = country(h.country)
            return f"{subdivision_name(h.country, h.subdivision)}, {name}" if h.subdivision else name
    return gettext("no holiday calendar")


def business_days(a: Agreement, party: str) -> str:
    """What a business day of ``party`` is: ``Monday to Friday less the public holidays of Poland``."""
    bh = a.calendar.business_hours if a.calendar else None
    days = weekday_span(bh.days) if bh is not None and bh.party == party else weekday_span(rec.WEEKDAYS[:5])
    return gettext("%(days)s less the public holidays of %(place)s") % {
        "days": days,
        "place": place(a, party),
    }


def business_hours(a: Agreement) -> str | None:
    """``Monday to Friday, 08:00-18:00 Europe/Berlin time, except public holidays of Hessen,
    Germany``; None without business hours."""
    cal = a.calendar
    bh = cal.business_hours if cal else None
    if cal is None or bh is None:
        return None
    return gettext("%(days)s, %(start)s-%(end)s %(zone)s time, except public holidays of %(place)s") % {
        "days": weekday_span(bh.days),
        "start": bh.start,
        "end": bh.end,
        "zone": cal.time_zone,
        "place": place(a, bh.party),
    }


def on_holiday(rule: str) -> str:
    """What happens to a delivery due on a day that is not a business day, under ``rule``."""
    return gettext(ON_HOLIDAY[rule])


def zone_offsets(name: str, year: int) -> str:
    """``CET, UTC+1 in winter; CEST, UTC+2 in summer`` (one entry for a zone without summer time)."""
    from slagen.calendars.zones import offsets

    seen = offsets(name, year)
    if len(seen) == 1:
        return gettext("%(abbr)s, %(offset)s all year") % {"abbr": seen[0][0], "offset": seen[0][1]}
    (w, wo), (s, so) = seen
    return gettext("%(winter)s, %(winter_offset)s in winter; %(summer)s, %(summer_offset)s in summer") % {
        "winter": w,
        "winter_offset": wo,
        "summer": s,
        "summer_offset": so,
    }
