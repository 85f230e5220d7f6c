"""Measures: what the actuals say about one figure over one period.

A goal's actual is a measure of the records over the goal's period. Goals whose
target is computed get their measure from the computed name
(:func:`default_measure`); others name it in the actuals' ``measures`` section,
or give their actual directly in ``goals``.

Sums are exact. Averages are to 2 decimal places, half-up. Availability is the agreement's
own formula, (Maximum Available Minutes - Downtime) / Maximum Available Minutes x 100: the
Maximum Available Minutes are the minutes of the months measured less the planned maintenance
the agreement's calendar schedules in them (:data:`Planned`, the figure the allowed downtime
of :mod:`slagen.targets.availability` is over), and the result is rounded down to 4 places
(:func:`~slagen.targets.availability.availability_over`) so it never shows more availability
than there was. A month given as a percentage is taken as measured; its downtime is that
share of the month's minutes outside maintenance.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from slagen.agreement.model import Agreement
from slagen.agreement.period import Period
from slagen.i18n import gettext as _
from slagen.i18n import ngettext
from slagen.targets.availability import availability_over, maintenance_rules
from slagen.targets.calendar import maintenance_minutes
from slagen.targets.rounding import CENT, HUNDRED, frac, round_to
from slagen.tracking.records import Actuals, ServiceMonth

from . import words

MINUTES_A_DAY = 1440

#: The minutes of planned maintenance scheduled from one day to another (both inclusive).
Planned = Callable[[date, date], int]


def no_maintenance(start: date, end: date) -> int:
    """No planned maintenance: an agreement without recurring maintenance windows."""
    return 0


def planned_maintenance(agreement: Agreement) -> Planned:
    """The planned maintenance of ``agreement``'s recurring windows, in real minutes (the
    figure its documents leave out of the Maximum Available Minutes)."""
    av = agreement.inputs.availability
    rules = [] if av is None else maintenance_rules(av, agreement.calendar)
    if not rules:
        return no_maintenance
    return lambda start, end: maintenance_minutes(rules, start, end)


#: Every measure name; ``<severity>`` stands for a support severity of the agreement.
MEASURES = (
    "qualified_leads",
    "customers",
    "customer_revenue",
    "marketing_revenue",
    "total_revenue",
    "first_follow_up_minutes",
    "attempts_unconnected",
    "availability",
    "downtime_minutes",
    "response_minutes.<severity>",
    "resolution_hours.<severity>",
)

_BY_COMPUTED = {
    "funnel.leads_needed": "qualified_leads",
    "funnel.customers_needed": "customers",
    "funnel.marketing_revenue_goal": "marketing_revenue",
    "follow_up.first_follow_up_minutes": "first_follow_up_minutes",
    "follow_up.attempts": "attempts_unconnected",
    "availability.target": "availability",
}


@dataclass(frozen=True)
class Measured:
    """A measure's value over a period, and what it was computed from."""

    value: Decimal | None
    """None when the actuals have no record for the period."""
    basis: str
    """In words: e.g. ``sum of 31 days``, ``average over 48 leads``."""


def is_measure(name: str) -> bool:
    """Whether ``name`` is a measure (``response_minutes.p1`` included)."""
    head, _sep, tail = name.partition(".")
    if tail:
        return head in ("response_minutes", "resolution_hours") and bool(tail)
    return name in MEASURES


def default_measure(computed: str | None) -> str | None:
    """The measure of a goal whose target is the computed value ``computed``, if one fits."""
    if computed is None:
        return None
    if computed in _BY_COMPUTED:
        return _BY_COMPUTED[computed]
    if computed.startswith("availability.downtime_minutes."):
        return "downtime_minutes"
    parts = computed.split(".")
    if len(parts) == 3 and parts[0] == "support" and parts[2] in ("response_minutes", "resolution_hours"):
        return f"{parts[2]}.{parts[1]}"
    return None


def _avg(values: Sequence[Fraction]) -> Decimal:
    return round_to(sum(values, Fraction(0)) / len(values), CENT, "half-up")


def _in(p: Period, start: Period) -> bool:
    return p.start <= start.start and start.end <= p.end


def available_minutes(month: Period, planned: Planned) -> int:
    """The Maximum Available Minutes of ``month``: its minutes less its planned maintenance."""
    return month.days * MINUTES_A_DAY - planned(month.start, month.end)


def _downtime(m: ServiceMonth, planned: Planned) -> Fraction:
    if m.downtime_minutes is not None:
        return frac(m.downtime_minutes)
    assert m.availability is not None
    return (HUNDRED - frac(m.availability)) / HUNDRED * available_minutes(m.month, planned)


def measure(actuals: Actuals, name: str, period: Period, planned: Planned = no_maintenance) -> Measured:
    """The measure ``name`` of ``actuals`` over ``period`` (availability over the minutes
    outside the ``planned`` maintenance)."""
    if name in _SERVICE:
        return _SERVICE[name](actuals, period, planned)
    fn = _SIMPLE.get(name)
    if fn is not None:
        return fn(actuals, period)
    head, _sep, severity = name.partition(".")
    tickets = [
        t for t in actuals.tickets if t.severity == severity and period.start <= t.opened.date() <= period.end
    ]
    if not tickets:
        return Measured(None, _("no %(severity)s tickets") % {"severity": severity})
    if head == "response_minutes":
        answered = [t.response_minutes for t in tickets if t.response_minutes is not None]
        if not answered:
            return Measured(None, _("no answered %(severity)s tickets") % {"severity": severity})
        n = len(answered)
        text = ngettext("slowest of %(n)s %(severity)s ticket", "slowest of %(n)s %(severity)s tickets", n)
        return Measured(max(answered), text % {"n": n, "severity": severity})
    resolved = [t.resolution_hours for t in tickets if t.resolution_hours is not None]
    if not resolved:
        return Measured(None, _("no resolved %(severity)s tickets") % {"severity": severity})
    n = len(resolved)
    text = ngettext(
        "slowest of %(n)s resolved %(severity)s ticket", "slowest of %(n)s resolved %(severity)s tickets", n
    )
    return Measured(max(resolved), text % {"n": n, "severity": severity})


def _qualified(a: Actuals, p: Period) -> Measured:
    days = [d for d in a.daily if p.start <= d.day <= p.end]
    if days:
        text = ngettext("sum of %(n)s day", "sum of %(n)s days", len(days)) % {"n": len(days)}
        return Measured(Decimal(sum(d.qualified_leads for d in days)), text)
    months = [t for t in a.tracked if _in(p, t.month)]
    if months:
        return Measured(Decimal(sum(t.leads for t in months)), _tracked_sum(len(months)))
    return Measured(None, _("no daily or tracked leads"))


def _tracked_sum(n: int) -> str:
    return ngettext("sum of %(n)s tracked month", "sum of %(n)s tracked months", n) % {"n": n}


def _tracked(field: str) -> Callable[[Actuals, Period], Measured]:
    def fn(a: Actuals, p: Period) -> Measured:
        months = [t for t in a.tracked if _in(p, t.month)]
        if not months:
            return Measured(None, _("no tracked months"))
        return Measured(Decimal(sum(getattr(t, field) for t in months)), _tracked_sum(len(months)))

    return fn


def _speed(a: Actuals, p: Period) -> Measured:
    minutes = [
        frac(m)
        for lead in a.leads
        if p.start <= lead.handed_off.date() <= p.end and (m := lead.minutes_to_first_follow_up) is not None
    ]
    if not minutes:
        return Measured(None, _("no leads followed up"))
    n = len(minutes)
    text = ngettext("average over %(n)s lead followed up", "average over %(n)s leads followed up", n)
    return Measured(_avg(minutes), text % {"n": n})


def _depth(a: Actuals, p: Period) -> Measured:
    attempts = [
        Fraction(x.attempts) for x in a.leads if p.start <= x.handed_off.date() <= p.end and not x.connected
    ]
    if not attempts:
        return Measured(None, _("no unconnected leads"))
    return Measured(
        _avg(attempts),
        _("average over %(count)s") % {"count": words.events(len(attempts), "unconnected lead")},
    )


def _service(a: Actuals, p: Period) -> list[ServiceMonth]:
    return [m for m in a.service if _in(p, m.month)]


def _availability(a: Actuals, p: Period, planned: Planned) -> Measured:
    months = _service(a, p)
    if not months:
        return Measured(None, _("no measured months"))
    if len(months) == 1 and months[0].availability is not None:
        return Measured(months[0].availability, _("measured"))
    minutes = sum(available_minutes(m.month, planned) for m in months)
    down = sum((_downtime(m, planned) for m in months), Fraction(0))
    maintenance = sum(m.month.days * MINUTES_A_DAY for m in months) - minutes
    n = len(months)
    values = {"minutes": words.grouped(minutes), "n": n, "maintenance": words.grouped(maintenance)}
    if maintenance:
        text = ngettext(
            "over the %(minutes)s minutes of %(n)s measured month outside planned maintenance"
            " (%(maintenance)s minutes)",
            "over the %(minutes)s minutes of %(n)s measured months outside planned maintenance"
            " (%(maintenance)s minutes)",
            n,
        )
    else:
        text = ngettext(
            "over the %(minutes)s minutes of %(n)s measured month",
            "over the %(minutes)s minutes of %(n)s measured months",
            n,
        )
    return Measured(availability_over(down, minutes), text % values)


def _downtime_total(a: Actuals, p: Period, planned: Planned) -> Measured:
    months = _service(a, p)
    if not months:
        return Measured(None, _("no measured months"))
    down = sum((_downtime(m, planned) for m in months), Fraction(0))
    n = len(months)
    text = ngettext("sum of %(n)s measured month", "sum of %(n)s measured months", n) % {"n": n}
    return Measured(round_to(down, CENT, "half-up"), text)


def events(actuals: Actuals, name: str, period: Period) -> tuple[list[Fraction], str] | None:
    """The value of each event a measure is made of in ``period`` (minutes to first follow-up of
    each lead followed up, attempts on each unconnected lead, each ticket's response or
    resolution), with what one event is; None for a measure that is not of events."""
    if name == "first_follow_up_minutes":
        values = [
            frac(m)
            for lead in actuals.leads
            if period.start <= lead.handed_off.date() <= period.end
            and (m := lead.minutes_to_first_follow_up) is not None
        ]
        return values, "followed-up lead"
    if name == "attempts_unconnected":
        return [
            Fraction(x.attempts)
            for x in actuals.leads
            if period.start <= x.handed_off.date() <= period.end and not x.connected
        ], "unconnected lead"
    head, _sep, severity = name.partition(".")
    if head not in ("response_minutes", "resolution_hours") or not severity:
        return None
    tickets = [
        t for t in actuals.tickets if t.severity == severity and period.start <= t.opened.date() <= period.end
    ]
    if head == "response_minutes":
        return [
            frac(t.response_minutes) for t in tickets if t.response_minutes is not None
        ], f"{severity} ticket"
    return [
        frac(t.resolution_hours) for t in tickets if t.resolution_hours is not None
    ], f"resolved {severity} ticket"


def _meets(comparison: str, value: Fraction, limit: Fraction) -> bool:
    if comparison == "at-least":
        return value >= limit
    if comparison == "at-most":
        return value <= limit
    return value == limit


def measure_of_kind(
    actuals: Actuals,
    name: str,
    period: Period,
    kind: str | None,
    comparison: str,
    limit: tuple[str, Decimal] | None = None,
    planned: Planned = no_maintenance,
) -> Measured:
    """The measure ``name`` over ``period`` formed as a goal of ``kind`` forms its figure: the
    average of the events, the worst event (``per-event``: every event must meet the target,
    so the goal is met when the worst one does), or the share of events meeting ``limit``
    (percent, rounded down to 2 places). Other kinds, and measures not made of events, are
    :func:`measure` as it stands."""
    found = events(actuals, name, period) if kind in ("average", "per-event", "share") else None
    if found is None:
        return measure(actuals, name, period, planned)
    values, noun = found
    if not values:
        return Measured(None, words.no_events(noun))
    count = words.events(len(values), noun)
    if kind == "average":
        return Measured(_avg(values), _("average over %(count)s") % {"count": count})
    if kind == "per-event":
        # never shown better than the worst event was: up for a ceiling, down for a floor
        high = comparison == "at-most"
        worst = max(values) if high else min(values)
        text = _("each event: the highest of %(count)s") if high else _("each event: the lowest of %(count)s")
        return Measured(round_to(worst, CENT, "up" if high else "down"), text % {"count": count})
    if limit is None:
        return Measured(None, _("no limit to count the events against"))
    op, bound = limit
    meeting = sum(_meets(op, v, frac(bound)) for v in values)
    share = round_to(HUNDRED * Fraction(meeting, len(values)), CENT, "down")
    return Measured(
        share, _("%(meeting)s of %(count)s within the limit") % {"meeting": meeting, "count": count}
    )


_SIMPLE: dict[str, Callable[[Actuals, Period], Measured]] = {
    "qualified_leads": _qualified,
    "customers": _tracked("customers"),
    "customer_revenue": _tracked("customer_revenue"),
    "marketing_revenue": _tracked("marketing_revenue"),
    "total_revenue": _tracked("total_revenue"),
    "first_follow_up_minutes": _speed,
    "attempts_unconnected": _depth,
}
_SERVICE: dict[str, Callable[[Actuals, Period, Planned], Measured]] = {
    "availability": _availability,
    "downtime_minutes": _downtime_total,
}
