"""Credits of goals: what each missed goal earns the consumer in a month, from the actuals.

A goal's credits (``goals[].credits``) are counted per calendar month, the month of the
monthly charge they are a share of, as the agreement's documents word them:

- ``per_miss`` on a goal of events (``per-event``, or a ``share`` of events meeting a limit):
  once for each event of the month that misses its limit (the goal's target, or the share's
  limit): "5% for each severity-1 incident that misses its limit";
- ``per_miss`` on a ``total``: once for each full unit short of the target in each of the
  goal's intervals that ends in the month: "5% for each delivery short of the target in a week";
- ``per_miss`` on any other goal: once for each of its intervals ending in the month in which
  it is missed;
- ``tiers``: each interval ending in the month whose actual falls in a tier (``at_least`` up
  to, not including, ``below``) earns that tier's credit;
- ``cap``: the goal's credits in one month stop at it.

An interval belongs to the month its last day falls in (a week from Monday 26 October to
Sunday 1 November is November's). Shares are exact; the month's credits together are held to
the agreement's caps in :func:`slagen.targets.all_credits`, which rounds the month's amount.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from slagen.agreement.model import Agreement, Goal
from slagen.agreement.period import Period, period_containing
from slagen.i18n import gettext as _
from slagen.i18n import ngettext
from slagen.targets.rounding import frac
from slagen.util.text import plural_word, singular

from . import words
from .measures import events
from .records import Actuals

#: The target and actual of a goal over one interval, and whether it was met there.
Judged = Callable[[Goal, Period], tuple[Decimal | None, Decimal | None, str]]
#: A share goal's limit over a period (comparison and value), or None.
LimitOf = Callable[[Goal, Period], tuple[str, Decimal] | None]


@dataclass(frozen=True)
class GoalCredit:
    """The credit one goal earns in one month."""

    month: str
    """``YYYY-MM``."""
    goal_id: str
    metric: str
    misses: str
    """What earned it, in words: ``1 severity-1 incident over its limit of 15 minutes``."""
    uncapped: Decimal
    """Share of the month's charge before the goal's own cap."""
    share: Decimal
    """Share of the month's charge within the goal's cap."""
    why: str
    """How the share follows: ``1 x 5% = 5%``, ``capped at 10% for this goal``."""


def _meets(comparison: str, value: Fraction, limit: Fraction) -> bool:
    if comparison == "at-least":
        return value >= limit
    if comparison == "at-most":
        return value <= limit
    return value == limit


def intervals_ending_in(month: Period, interval: str) -> list[Period]:
    """The intervals (days, weeks, months, quarters, years) whose last day falls in ``month``."""
    if interval == "day":
        days = [month.start + timedelta(days=n) for n in range(month.days)]
        return [Period(d.isoformat(), d, d) for d in days]
    out, day = [], month.start
    while day <= month.end:
        p = period_containing(day, interval)
        if month.start <= p.end <= month.end:
            out.append(p)
        day = p.end + timedelta(days=1)
    return out


class _Counter:
    """The credits of the goals of one agreement, month by month."""

    def __init__(
        self,
        a: Agreement,
        actuals: Actuals,
        judged: Judged,
        limit_of: LimitOf,
        measure_of: Callable[[Goal], str | None],
    ) -> None:
        self.a, self.actuals = a, actuals
        self.judged, self.limit_of, self.measure_of = judged, limit_of, measure_of

    def _in_term(self, p: Period) -> bool:
        return self.a.term.start <= p.start and p.end <= self.a.term.end

    def _event_misses(self, g: Goal, month: Period) -> tuple[int, str] | None:
        """Events of ``month`` that miss their limit, and what one is; None when the goal's
        measure is not made of events or its limit is unknown."""
        name = self.measure_of(g)
        found = events(self.actuals, name, month) if name is not None else None
        if found is None:
            return None
        values, _noun = found
        if not values:
            return None
        if g.measure == "share":
            limit = self.limit_of(g, month)
            unit = g.limit.unit if g.limit is not None else g.unit
        else:
            target, _actual, _status = self.judged(g, month)
            limit = None if target is None else (g.comparison, target)
            unit = g.unit
        if limit is None:
            return None
        op, bound = limit
        missed = sum(not _meets(op, v, frac(bound)) for v in values)
        limit_text = {
            "at-least": _("at least %(value)s %(unit)s"),
            "at-most": _("at most %(value)s %(unit)s"),
        }.get(op, _("exactly %(value)s %(unit)s")) % {"value": words.num(bound), "unit": unit}
        n = len(values)
        if g.per:
            # the agreement's own word for an event, in its plural as the documents write it
            of = f"{n} {plural_word(n, g.per)}"
        else:
            of = ngettext("%(n)s event", "%(n)s events", n) % {"n": n}
        return missed, _("%(missed)s of %(of)s missed the limit (%(limit)s)") % {
            "missed": missed,
            "of": of,
            "limit": limit_text,
        }

    def _misses(self, g: Goal, month: Period) -> tuple[int, str] | None:
        """How many times ``per_miss`` is earned in ``month``, and for what, in words."""
        if g.measure in ("per-event", "share") and g.per:
            return self._event_misses(g, month)
        parts = [p for p in intervals_ending_in(month, g.interval or "month") if self._in_term(p)]
        judged = [(p, *self.judged(g, p)) for p in parts]
        if g.accrues or g.measure == "total":
            short = 0
            for _p, target, actual, _status in judged:
                if target is None or actual is None:
                    continue
                gap = target - actual if g.comparison == "at-least" else actual - target
                if gap > 0:
                    q = frac(gap)
                    short += q.numerator // q.denominator
            noun = singular(g.unit) if short == 1 else g.unit
            over = words.intervals(len(parts), g.interval or "month")
            return short, _("%(short)s %(unit)s short of the target over %(intervals)s") % {
                "short": short,
                "unit": noun,
                "intervals": over,
            }
        missed = sum(status == "missed" for *_, status in judged)
        over = words.intervals(len(parts), g.interval or "month")
        return missed, _("missed in %(missed)s of %(intervals)s") % {"missed": missed, "intervals": over}

    def _tiers(self, g: Goal, month: Period) -> tuple[Decimal, str]:
        assert g.credits is not None
        total, notes = Decimal(0), []
        for p in intervals_ending_in(month, g.interval or "month"):
            if not self._in_term(p):
                continue
            _target, actual, status = self.judged(g, p)
            if actual is None or status in ("not judged", "not yet measured"):
                continue
            for t in g.credits.tiers:
                if (t.at_least is None or actual >= t.at_least) and (t.below is None or actual < t.below):
                    total += t.credit
                    notes.append(f"{p.label}: {words.num(actual)} {g.unit}, {words.pct(t.credit)}")
        return total, "; ".join(notes) or _("no interval's figure falls in a tier")

    def month(self, g: Goal, month: Period) -> GoalCredit | None:
        """The credit ``g`` earns in ``month``; None when it cannot be told from the actuals."""
        c = g.credits
        if c is None:
            return None
        uncapped, what, why = Decimal(0), [], []
        if c.per_miss is not None:
            found = self._misses(g, month)
            if found is None:
                return None
            n, text = found
            uncapped += c.per_miss * n
            what.append(text)
            why.append(f"{n} x {words.pct(c.per_miss)} = {words.pct(c.per_miss * n)}")
        if c.tiers:
            share, text = self._tiers(g, month)
            uncapped += share
            what.append(text)
            why.append(_("tiers: %(share)s") % {"share": words.pct(share)})
        granted = uncapped if c.cap is None else min(uncapped, c.cap)
        if granted < uncapped:
            assert c.cap is not None
            why.append(_("capped at %(cap)s for this goal") % {"cap": words.pct(c.cap)})
        return GoalCredit(
            month.label,
            g.id,
            g.metric,
            "; ".join(what),
            uncapped,
            granted,
            "; ".join(why) or words.pct(granted),
        )


def goal_credits(
    a: Agreement,
    actuals: Actuals,
    months: list[Period],
    judged: Judged,
    limit_of: LimitOf,
    measure_of: Callable[[Goal], str | None],
) -> tuple[GoalCredit, ...]:
    """The credit each goal with ``credits`` earns in each of ``months``, month by month."""
    counter = _Counter(a, actuals, judged, limit_of, measure_of)
    out = []
    for month in months:
        for g in a.goals:
            credit = counter.month(g, month)
            if credit is not None:
                out.append(credit)
    return tuple(out)
