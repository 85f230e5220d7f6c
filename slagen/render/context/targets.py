"""Views of computed targets: a derivation for the appendix, a goal's breakdown by interval."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from slagen.i18n import N_, current, language, pgettext
from slagen.i18n import gettext as _

from ...targets import Computed, TargetSet
from ...targets.base import GoalTarget
from .. import formatting as f

#: A figure as the calculations write it: a plain decimal, then ``%`` or a space and a unit.
_FIGURE = re.compile(r"(-?\d+(?:\.\d+)?)(%|\s+(\S.*))?")
#: A day as the calculations write it (ISO 8601).
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DOWNTIME_PREFIX = "availability.downtime_minutes."
#: The breakdowns of a goal, in the order the documents show them.
INTERVALS = ("quarter", "month", "week")
BY = {"quarter": N_("By quarter"), "month": N_("By month"), "week": N_("By week")}


@dataclass(frozen=True)
class RowView:
    """A labelled value: one row of a breakdown, a derivation input, a downtime figure."""

    label: str
    value: str


@dataclass(frozen=True)
class BreakdownView:
    """A goal's target over one interval of the calendar."""

    label: str
    start: str
    end: str
    days: str
    """The number of days (a table's Days column)."""
    duration: str
    """The days as a count in the form the number takes (``1 day``, ``7 days``; ``1 dzień``,
    ``2 dni``)."""
    value: str


@dataclass(frozen=True)
class BreakdownGroup:
    """The rows of one breakdown of a goal (by quarter, month or week)."""

    interval: str
    label: str
    """``By month``."""
    rows: tuple[BreakdownView, ...]


@dataclass(frozen=True)
class ComputedView:
    """A computed target and its derivation, for the appendix."""

    name: str
    label: str
    value: str
    per: str
    formula: str
    inputs: tuple[RowView, ...]
    rounding: str


def breakdown(
    gt: GoalTarget | None, unit: str, cur: str, loc: str, forms: Mapping[str, str] | None = None
) -> tuple[BreakdownGroup, ...]:
    """The breakdowns of a goal's target (quarters, months, weeks), each with its rows."""
    rows = gt.breakdown if gt is not None else ()
    groups = []
    for interval in INTERVALS:
        mine = tuple(
            BreakdownView(
                r.label,
                f.short_date(r.start, loc),
                f.short_date(r.end, loc),
                str(r.days),
                f.plural(r.days, "day"),
                f.quantity(r.value, unit, cur, forms),
            )
            for r in rows
            if r.interval == interval
        )
        if mine:
            groups.append(BreakdownGroup(interval, _(BY[interval]), mine))
    return tuple(groups)


def derivation(c: Computed, currency: str, targets: TargetSet | None = None) -> ComputedView:
    """A computed target with its formula, inputs and rounding, formatted (allowed downtime to
    the decimal places of every downtime figure of ``targets``)."""
    downtime = targets is not None and c.name.startswith(DOWNTIME_PREFIX)

    def said(text: str) -> str:
        return figure(text, currency)

    return ComputedView(
        name=c.name,
        label=c.title(_, said),
        value=downtime_text(c.value, targets)
        if downtime and targets is not None
        else f.quantity(c.value, c.unit, currency),
        per=f.per(c.per),
        formula=c.how(_, said),
        inputs=tuple(RowView(k, said(v)) for k, v in c.given(_, said)),
        rounding=c.rule(_, said),
    )


def figure(text: str, currency: str) -> str:
    """A derivation's input as the current locale writes it. The calculations write inputs as
    :func:`slagen.targets.rounding.fmt` and ``pct`` do (``5000.00 USD``, ``50%``, ``50``);
    English keeps them so, other languages reformat the figure by CLDR (``5000,00 USD``,
    ``99,95%``) and days as the locale's short dates (``01.10.2026``); a text of another shape
    stays as written."""
    if language(current()) == "en":
        return text
    if _DAY.fullmatch(text):
        return f.short_date(date.fromisoformat(text), current())
    m = _FIGURE.fullmatch(text)
    if m is None:
        return text
    d, unit = Decimal(m[1]), m[3]
    if m[2] == "%":
        return f.percent(d)
    if unit is None:
        return f.number(d)
    return f.quantity(d, unit, currency)


def downtime_text(minutes: Decimal, targets: TargetSet) -> str:
    """Allowed downtime in minutes, to the places every downtime figure of the document needs
    (one kind of figure, one number of decimals): ``21.60 minutes``, ``22.32 minutes``."""
    places = f.places_needed([c.value for n, c in targets.values.items() if n.startswith(DOWNTIME_PREFIX)])
    # written with decimals, so a fraction: CLDR's "other" form (Polish "44,64 minuty")
    return pgettext("a fraction of", "%(n)s minutes") % {"n": f.fixed(minutes, places)}
