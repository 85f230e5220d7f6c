"""A goal's commitment in words: what its figure is (a total, an average, a limit for each
event, a share of events) and per what, the same in every style.

    total      at least 100 leads a month
    average    at most 60 minutes per lead handed off, averaged over each week
    per-event  at least 6 attempts for each lead not yet connected
    share      at most 15 minutes for each severity-1 incident, met for at least 95% of them
               in each month

The target (and a share's limit) come in already formatted, in figures or in words, so the
legal style's "one hundred (100) leads" and the other styles' "100 leads" read alike.

In Polish the event (the goal's ``per``) follows "dla każdego" / "dla jednego", so it is written
in the genitive: "najwyżej 30 minut dla każdego zgłoszenia o priorytecie 1".
"""

from __future__ import annotations

from dataclasses import dataclass

from slagen.agreement.model import Agreement, Goal
from slagen.i18n import N_, ngettext
from slagen.i18n import gettext as _

from .formatting import per

#: The interval a rate is judged in, after "in" or "averaged over" (Polish: "każdym miesiącu",
#: after "w").
EACH = {
    "day": N_("each day"),
    "week": N_("each week"),
    "month": N_("each month"),
    "quarter": N_("each quarter"),
    "year": N_("each year"),
}
KIND_LABELS = {
    "total": "total over each interval",
    "average": "average over each interval",
    "per-event": "limit for each event",
    "share": "share of events within a limit",
}


@dataclass(frozen=True)
class Commitment:
    """What a goal's statement is made of (every figure already formatted)."""

    measure: str | None
    comparison: str
    """``at least``, ``at most``, ``exactly``."""
    target: str
    interval: str | None
    event: str | None = None
    limit_comparison: str = ""
    limit: str = ""
    window: int | None = None
    """Days of the rolling window the figure is measured over, instead of ``interval`` (see
    :func:`window_days`)."""
    window_figure: str = ""
    """``window`` as the style writes figures (``thirty (30)`` in the legal style); empty: in digits."""


def statement(c: Commitment) -> str:
    """The whole commitment in one phrase (see the module's examples); a figure measured over
    rolling windows says ``every rolling window of 28 consecutive days`` for its interval
    (``at least 99.95% in every rolling window of 30 consecutive days``)."""
    each = _(EACH[c.interval]) if c.interval in EACH else ""
    if c.window is not None:
        each = rolling_window(c.window, c.window_figure)
    words = {
        "comparison": c.comparison,
        "target": c.target,
        "event": c.event,
        "each": each,
        "limit_comparison": c.limit_comparison,
        "limit": c.limit,
    }
    if c.measure == "average" and c.event:
        if each:
            return _("%(comparison)s %(target)s per %(event)s, averaged over %(each)s") % words
        return _("%(comparison)s %(target)s per %(event)s, on average") % words
    if c.measure == "per-event" and c.event:
        return _("%(comparison)s %(target)s for each %(event)s") % words
    if c.measure == "share" and c.event and c.limit:
        if each:
            return (
                _(
                    "%(limit_comparison)s %(limit)s for each %(event)s, met for %(comparison)s %(target)s of them in %(each)s"
                )
                % words
            )
        return (
            _("%(limit_comparison)s %(limit)s for each %(event)s, met for %(comparison)s %(target)s of them")
            % words
        )
    if c.window is not None:
        return _("%(comparison)s %(target)s in %(each)s") % words
    return " ".join(x for x in (c.comparison, c.target, per(c.interval)) if x)


def rolling_window(days: int, figure: str = "") -> str:
    """``every rolling window of 28 consecutive days`` (``każdym kroczącym oknie 28 kolejnych
    dni``, after "w"); ``figure``: the count as the style writes it (``twenty-eight (28)``)."""
    return ngettext(
        "every rolling window of %(n)s consecutive day",
        "every rolling window of %(n)s consecutive days",
        days,
    ) % {"n": figure or days}


def window_days(g: Goal, a: Agreement) -> int | None:
    """The days of the rolling window goal ``g``'s figure is measured over, or None when it is
    measured over its interval: a rate's own ``rolling_days``, or, for the availability goal
    (its target ``availability.target``), the window of ``inputs.availability`` when that is
    measured per rolling window. The goal's interval is then only when its results are reported:
    availability promised for every rolling window of 30 days is met in a month when every window
    that ends in it is (as tracking evaluates it)."""
    if g.rolling_days is not None and g.measure in ("average", "share"):
        return g.rolling_days
    av = a.inputs.availability
    if av is not None and av.measured_per == "rolling" and g.target.computed == AVAILABILITY:
        return av.rolling_days
    return None


#: The computed value an availability goal's target is (its figure is the availability).
AVAILABILITY = "availability.target"


def kind_label(measure: str | None, accrues: bool) -> str:
    """What the figure is, as a table column states it: ``average over each interval``."""
    if measure is None:
        return KIND_LABELS["total"] if accrues else "not stated"
    return KIND_LABELS[measure]
