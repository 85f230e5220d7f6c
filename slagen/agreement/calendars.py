"""The calendar an agreement lives in: its time zone, recurring windows, holiday calendars,
business hours and delivery schedules, as typed data.

Times of day are local to ``calendar.time_zone``, an IANA name (``Europe/Berlin``); the
checks in :mod:`slagen.agreement.validate.calendar` refuse abbreviations such as ``CET``.
The figures they imply (hours of maintenance per month across clock changes, business days,
holidays of the period, the day each delivery is made) come from :mod:`slagen.calendars`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from slagen.agreement.base import Model
from slagen.agreement.fields import Slug, Text

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
Which = Literal["first", "second", "third", "fourth", "fifth", "last"]
CLOCK_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
#: A local time of day, ``HH:MM`` on the 24-hour clock.
Clock = Annotated[Text, StringConstraints(pattern=CLOCK_PATTERN)]


class Recurrence(Model):
    """When a window recurs, in local time: every week on a weekday, or every month on its
    first (second, ..., last) such weekday."""

    every: Literal["week", "month"]
    """``week``: every week on ``day``; ``month``: once a month, on the ``which`` ``day``."""
    day: Weekday
    """The weekday the window starts on (e.g. sunday)."""
    which: Which | None = None
    """With ``every: month``: which of the month's ``day`` s (first ... fifth, or last)."""
    start: Clock
    """Local start time, ``HH:MM`` (e.g. "02:00")."""
    end: Clock
    """Local end time, ``HH:MM``; not after ``start``: the window runs into the next day."""


class HolidayCalendar(Model):
    """The public holidays a party keeps: a country, or one of its subdivisions."""

    party: Slug
    """The party (by id) whose holidays these are."""
    country: Text = Field(pattern=r"^[A-Z]{2}$")
    """ISO 3166-1 code of the country (e.g. GB, PL, DE), as the ``holidays`` package knows it."""
    subdivision: Text | None = None
    """The state, province or nation whose holidays apply (e.g. ENG for England, HE for Hesse)."""
    place: Text | None = None
    """Where these holidays are kept, as the document writes it (e.g. ``Hesse, Germany``, as
    the author's own definitions say it), so a document names each place one way; default:
    the ``holidays`` package's name of the subdivision (``Hessen``) and the country's name in
    the document's language (``Hessen, Germany``)."""


class BusinessHours(Model):
    """When a party works: business days (the weekdays listed, less its public holidays) and
    the local hours of each."""

    party: Slug
    """The party (by id) whose business hours these are; its holiday calendar closes business days."""
    days: list[Weekday] = Field(min_length=1)
    """The weekdays that are business days (e.g. monday to friday)."""
    start: Clock
    """Local time business hours start, ``HH:MM``."""
    end: Clock
    """Local time business hours end, ``HH:MM`` (after ``start``)."""


class DeliverySchedule(Model):
    """A recurring delivery, and what happens when it falls on a day that is not a business day."""

    id: Slug
    """Identifier of the schedule (e.g. monday-delivery)."""
    what: Text
    """What is delivered, and where (e.g. Paper to both addresses, before noon)."""
    party: Slug
    """The party (by id) that delivers."""
    every: Literal["week", "month"]
    """``week``: every week on ``day``; ``month``: on the ``which`` ``day`` of each month."""
    day: Weekday
    """The weekday deliveries are due (e.g. monday)."""
    which: Which | None = None
    """With ``every: month``: which of the month's ``day`` s."""
    holidays_of: Slug
    """The party (by id) whose business days decide (their holiday calendar and business hours)."""
    on_holiday: Literal["next-business-day", "previous-business-day", "skipped"]
    """What happens to a delivery due on a holiday: made on the next business day, on the one
    before, or skipped."""


class Calendar(Model):
    """The agreement's calendar: time zone, holiday calendars, business hours and schedules."""

    time_zone: Text
    """IANA time-zone name (e.g. Europe/Berlin) of every time of day in the agreement; an
    abbreviation such as CET is refused (it is wrong for the part of the year on summer time)."""
    holidays: list[HolidayCalendar] = []
    """The parties' public-holiday calendars; the document lists the holidays of its period."""
    business_hours: BusinessHours | None = None
    """Business days and hours, for support times in business hours and notice in business days."""
    deliveries: list[DeliverySchedule] = []
    """Recurring deliveries and what a holiday does to them."""
