"""The picture of an agreement's targets, by kind (visual style): one or more charts each.

- a sales and marketing funnel: the funnel from the furthest stage through the leads needed to
  the customers needed, with the rate between each two and the revenue goal they make;
- an IT service: the downtime budget of each month at the availability target, the service
  credit of each availability band, and the response and resolution ladder by severity;
- a supply of goods: the deliveries of each month on the calendar, those a holiday moves hatched;
- any kind without a support ladder: the time limit of each goal held per event or on average.

Every figure comes from the computed targets (:class:`~slagen.targets.TargetSet`) or the
agreement's inputs and is printed as the document prints it; the charts are drawn by
:func:`slagen.render.goal_chart.drawn` (same bytes every run, text as paths, DejaVu Sans) and
read in black and white: bars differ by hatching and are labelled with their figures.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from slagen.agreement.model import Agreement
from slagen.i18n import N_, using
from slagen.i18n import gettext as _

from ..targets import TargetSet
from . import formatting as f
from .context.process import STAGE_LABELS
from .context.targets import DOWNTIME_PREFIX
from .context.terms import support_view
from .goal_chart import BAR_EDGE, GOAL_COLOUR, GRID_COLOUR, MET_FILL, MISSED_FILL, ChartImage, drawn

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .context import Chart

FUNNEL_FILLS = ("#dbe5f0", "#b3c7dd", "#86a5c6", "#4f7aa6", "#1f4e79")
"""Fills of the funnel's bars, outermost first: light to dark, so they differ in grey too."""
RESPONSE_FILL = "#cfe0ee"
RESOLUTION_FILL = "#e9b48f"
RESOLUTION_HATCH = "////"
MOVED_HATCH = "xxxx"


@dataclass(frozen=True)
class Bar:
    """One labelled bar of a process chart."""

    label: str
    value: Decimal
    text: str
    """The figure printed at the bar, as the document writes it."""


def _axes(fig: Figure) -> Axes:
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def _wrap(text: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _chart(cid: str, title: str, draw: Callable[[Figure], None], alt: str) -> Chart:
    from .context import Chart

    svg, png = drawn("", draw)  # captioned in the document's text
    image = ChartImage(svg, png, alt)
    return Chart(cid, title, image.alt, image.svg_uri, image.png_uri)


# --- sales: the funnel ------------------------------------------------------------------


def funnel_bars(a: Agreement, ts: TargetSet) -> tuple[tuple[Bar, ...], tuple[str, ...]]:
    """The funnel's bars, outermost stage first, and the text written under each: the rate down
    to the next bar, and under the customers what each one brings to the revenue goal ("× 100.00
    USD a sale")."""
    fn = a.inputs.funnel
    if fn is None or "funnel.customers_needed" not in ts.values:
        return (), ()
    leads = ts.values.get("tiers.leads_needed_total") or ts.values["funnel.leads_needed"]
    chain = [ts.values[f"funnel.{s.name}"] for s in reversed(fn.stages) if f"funnel.{s.name}" in ts.values]
    chain += [leads, ts.values["funnel.customers_needed"]]
    bars = tuple(Bar(_(c.label), c.value, f.number(c.value)) for c in chain)
    rates = [_("%(rate)s pass on") % {"rate": f.percent(s.rate)} for s in reversed(fn.stages)]
    rates.append(
        _("close rate by lead tier")
        if a.inputs.lead_tiers
        else _("%(rate)s close rate") % {"rate": f.percent(fn.close_rate)}
    )
    deal = _("× %(deal)s a sale") % {"deal": f.money(fn.average_deal_size, a.inputs.currency)}
    return bars, (*rates[-(len(bars) - 1) :], deal)


def _draw_funnel(bars: Sequence[Bar], rates: Sequence[str], revenue: Bar) -> Callable[[Figure], None]:
    def draw(fig: Figure) -> None:
        from matplotlib.patches import Polygon

        ax = _axes(fig)
        top = float(max(b.value for b in bars))
        n = len(bars)
        ys = [float(n - i) for i in range(n)]  # the revenue box below, at y = 0
        half = 0.3
        widths = [float(b.value) for b in bars]
        for i, (y, b, w) in enumerate(zip(ys, bars, widths, strict=True)):
            fill = FUNNEL_FILLS[max(0, len(FUNNEL_FILLS) - n + i - 1)]
            ax.barh(y, w, left=-w / 2, height=2 * half, color=fill, edgecolor=BAR_EDGE, linewidth=0.6)
            ax.text(w / 2 + top * 0.03, y, b.text, ha="left", va="center", fontsize=8, fontweight="bold")
            below = widths[i + 1] if i + 1 < n else w
            # the funnel's wall down to the next bar (or the revenue box)
            wall = [
                (-w / 2, y - half),
                (w / 2, y - half),
                (below / 2, y - 1 + half),
                (-below / 2, y - 1 + half),
            ]
            ax.add_patch(
                Polygon(wall, closed=True, facecolor="#eef2f6", edgecolor=GRID_COLOUR, linewidth=0.5)
            )
        for y, rate in zip(ys[:-1], rates[:-1], strict=True):
            ax.text(0, y - 0.5, "▼ " + rate, ha="center", va="center", fontsize=7, color="#1b1b1b")
        ax.text(0, ys[-1] - 0.5, rates[-1], ha="center", va="center", fontsize=7, color="#1b1b1b")
        last = widths[-1]
        ax.barh(0.0, last, left=-last / 2, height=2 * half, color="white", edgecolor=BAR_EDGE, linewidth=0.9)
        ax.text(0, 0.0, "=", ha="center", va="center", fontsize=8, fontweight="bold")
        ax.text(
            last / 2 + top * 0.03, 0.0, revenue.text, ha="left", va="center", fontsize=8, fontweight="bold"
        )
        ax.set_yticks([*ys, 0.0], [_wrap(b.label) for b in (*bars, revenue)], fontsize=7)
        ax.set_xlim(-top * 0.55, top * 0.9)
        ax.set_ylim(-0.5, n + 0.5)
        ax.set_xticks([])
        ax.spines[["left", "bottom"]].set_visible(False)
        ax.tick_params(axis="y", length=0)

    return draw


# --- IT service: downtime budget, credit tiers, support ladder -----------------------------


def downtime_bars(ts: TargetSet) -> tuple[Bar, ...]:
    """The allowed downtime of each month of the period, as the document writes it."""
    values = [c.value for n, c in ts.values.items() if n.startswith(DOWNTIME_PREFIX)]
    places = f.places_needed(values)
    months = [
        (n.removeprefix(DOWNTIME_PREFIX), c.value)
        for n, c in ts.values.items()
        if n.startswith(DOWNTIME_PREFIX) and n[len(DOWNTIME_PREFIX) :][:1].isdigit()
    ]
    return tuple(Bar(m, v, f.fixed(v, places)) for m, v in months)


def _draw_downtime(bars: Sequence[Bar], window: Bar | None, unit: str) -> Callable[[Figure], None]:
    def draw(fig: Figure) -> None:
        from matplotlib.lines import Line2D

        ax = _axes(fig)
        xs = [float(i) for i in range(len(bars))]
        top = max(float(b.value) for b in bars)
        for x, b in zip(xs, bars, strict=True):
            ax.bar(x, float(b.value), width=0.6, color=MET_FILL, edgecolor=BAR_EDGE, linewidth=0.6)
            ax.text(x, float(b.value) / 2, b.text, ha="center", va="center", fontsize=7.5, fontweight="bold")
        if window is not None:
            style: dict[str, Any] = {"color": GOAL_COLOUR, "linewidth": 1.2, "linestyle": "--"}
            ax.axhline(float(window.value), **style)
            line = Line2D([], [], label=f"{window.label}: {window.text}", **style)
            ax.legend(handles=[line], loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7)
        ax.set_xticks(xs, [b.label for b in bars])
        ax.set_xlim(-0.6, len(bars) - 0.4)
        ax.set_ylim(0, top * 1.15)
        ax.set_ylabel(unit)
        ax.grid(axis="y", color=GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)

    return draw


def credit_bars(a: Agreement, ts: TargetSet) -> tuple[Bar, ...]:
    """The credit of each availability band, best band (no credit) first."""
    sc = a.inputs.service_credits
    if sc is None or not sc.tiers:
        return ()
    tiers = sorted(sc.tiers, key=lambda t: t.below, reverse=True)
    out = [Bar(_("at least %(level)s") % {"level": f.percent(tiers[0].below)}, Decimal(0), _("no credit"))]
    for i, t in enumerate(tiers):
        band = (
            _("%(low)s to %(high)s") % {"low": f.percent(tiers[i + 1].below), "high": f.percent(t.below)}
            if i + 1 < len(tiers)
            else _("below %(level)s") % {"level": f.percent(t.below)}
        )
        n = sc.tiers.index(t) + 1
        amount = ts.values.get(f"credits.tier.{n}.amount")
        text = f.percent(t.credit)
        if amount is not None:
            text += f" ({f.money(amount.value, a.inputs.currency)})"
        out.append(Bar(band, t.credit, text))
    return tuple(out)


def _draw_credits(bars: Sequence[Bar], cap: str) -> Callable[[Figure], None]:
    def draw(fig: Figure) -> None:
        ax = _axes(fig)
        ys = [float(len(bars) - 1 - i) for i in range(len(bars))]
        top = max(float(b.value) for b in bars) or 1.0
        for i, (y, b) in enumerate(zip(ys, bars, strict=True)):
            ax.barh(
                y,
                float(b.value),
                height=0.6,
                color=MISSED_FILL if i else MET_FILL,
                edgecolor=BAR_EDGE,
                linewidth=0.6,
                hatch=RESOLUTION_HATCH if i else None,
            )
            ax.text(float(b.value) + top * 0.03, y, b.text, ha="left", va="center", fontsize=7)
        ax.set_yticks(ys, [_wrap(b.label, 16) for b in bars], fontsize=7)
        ax.set_xlim(0, top * 1.9)
        ax.set_xlabel(cap, fontsize=7)
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:g}%")
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color=GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)

    return draw


@dataclass(frozen=True)
class Rung:
    """One severity of the support ladder."""

    severity: str
    response_minutes: Decimal
    resolution_minutes: Decimal
    response: str
    resolution: str


def support_rungs(a: Agreement) -> tuple[Rung, ...]:
    """Each severity's response and resolution times, most severe first, labelled as the
    support table writes them (:func:`~slagen.render.context.terms.support_view`)."""
    out = []
    for s in a.inputs.support:
        view = support_view(a, s)
        out.append(
            Rung(view.severity, s.response_minutes, s.resolution_hours * 60, view.response, view.resolution)
        )
    return tuple(out)


_TIME_TICKS = (
    (15, N_("15 min")),
    (60, N_("1 h")),
    (240, N_("4 h")),
    (1440, N_("1 d")),
    (7200, N_("5 d")),
    (43200, N_("30 d")),
)


def _draw_ladder(rungs: Sequence[Rung], response: str, resolution: str) -> Callable[[Figure], None]:
    def draw(fig: Figure) -> None:
        from matplotlib.patches import Patch

        ax = _axes(fig)
        n = len(rungs)
        for i, r in enumerate(rungs):
            y = float(n - 1 - i)
            ax.barh(
                y + 0.17,
                float(r.response_minutes),
                height=0.32,
                color=RESPONSE_FILL,
                edgecolor=BAR_EDGE,
                linewidth=0.6,
            )
            ax.barh(
                y - 0.17,
                float(r.resolution_minutes),
                height=0.32,
                color=RESOLUTION_FILL,
                edgecolor=BAR_EDGE,
                linewidth=0.6,
                hatch=RESOLUTION_HATCH,
            )
            ax.text(float(r.response_minutes) * 1.12, y + 0.17, r.response, va="center", fontsize=7)
            ax.text(float(r.resolution_minutes) * 1.12, y - 0.17, r.resolution, va="center", fontsize=7)
        longest = max(float(r.resolution_minutes) for r in rungs)
        shortest = min(float(r.response_minutes) for r in rungs)
        ax.set_xscale("log")
        ax.set_xlim(shortest / 2, longest * 12)
        ticks = [(m, t) for m, t in _TIME_TICKS if shortest / 2 <= m <= longest * 12]
        ax.set_xticks([float(m) for m, _t in ticks], [_(t) for _m, t in ticks])
        ax.minorticks_off()
        ax.set_yticks([float(n - 1 - i) for i in range(n)], [r.severity for r in rungs])
        ax.set_ylim(-0.6, n - 0.4)
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color=GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        handles = [
            Patch(facecolor=RESPONSE_FILL, edgecolor=BAR_EDGE, linewidth=0.6, label=response),
            Patch(
                facecolor=RESOLUTION_FILL,
                edgecolor=BAR_EDGE,
                linewidth=0.6,
                hatch=RESOLUTION_HATCH,
                label=resolution,
            ),
        ]
        ax.legend(
            handles=handles, loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7, ncols=2
        )

    return draw


# --- supply: deliveries by month ----------------------------------------------------------


@dataclass(frozen=True)
class MonthDeliveries:
    """The deliveries of one month of the period: on their day, and moved by a holiday."""

    month: str
    on_day: int
    moved: int


def delivery_months(ts: TargetSet) -> tuple[MonthDeliveries, ...]:
    """Per month of the period (by the day each delivery is due), the deliveries of every
    schedule made on their day and those a holiday moves (a skipped one is in neither)."""
    counts: dict[str, list[int]] = {}
    for made in ts.deliveries.values():
        for d in made:
            month = f"{d.due.year:04d}-{d.due.month:02d}"
            row = counts.setdefault(month, [0, 0])
            if d.made == d.due:
                row[0] += 1
            elif d.made is not None:
                row[1] += 1
    return tuple(MonthDeliveries(m, *counts[m]) for m in sorted(counts))


def _draw_deliveries(
    months: Sequence[MonthDeliveries], on_day: str, moved: str, unit: str
) -> Callable[[Figure], None]:
    def draw(fig: Figure) -> None:
        from matplotlib.patches import Patch

        ax = _axes(fig)
        xs = [float(i) for i in range(len(months))]
        top = max(m.on_day + m.moved for m in months)
        for x, m in zip(xs, months, strict=True):
            ax.bar(x, m.on_day, width=0.6, color=MET_FILL, edgecolor=BAR_EDGE, linewidth=0.6)
            if m.moved:
                ax.bar(
                    x,
                    m.moved,
                    bottom=m.on_day,
                    width=0.6,
                    color=MISSED_FILL,
                    edgecolor=BAR_EDGE,
                    linewidth=0.6,
                    hatch=MOVED_HATCH,
                )
            ax.annotate(
                str(m.on_day + m.moved),
                (x, m.on_day + m.moved),
                textcoords="offset points",
                xytext=(0, 2),
                ha="center",
                fontsize=7,
            )
        ax.set_xticks(xs, [m.month for m in months])
        ax.set_xlim(-0.6, len(months) - 0.4)
        ax.set_ylim(0, top * 1.3)
        ax.set_yticks([float(t) for t in range(0, top + 1, max(1, top // 4))])
        ax.set_ylabel(unit)
        ax.grid(axis="y", color=GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        handles = [
            Patch(facecolor=MET_FILL, edgecolor=BAR_EDGE, linewidth=0.6, label=on_day),
            Patch(facecolor=MISSED_FILL, edgecolor=BAR_EDGE, linewidth=0.6, hatch=MOVED_HATCH, label=moved),
        ]
        ax.legend(
            handles=handles, loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7, ncols=2
        )

    return draw


# --- time limits per event (a supply, or any kind without a support ladder) --------------

#: Minutes in one of each time unit a goal may be written in (business days drawn as days:
#: the chart places a limit on its scale, its label gives the limit as the agreement writes it).
TIME_UNITS = {"minutes": 1, "hours": 60, "days": 1440, "business days": 1440, "weeks": 10080}


def limit_rungs(a: Agreement, ts: TargetSet) -> tuple[Bar, ...]:
    """The time limit of each goal held per event or on average (``at most``, in a unit of
    time), labelled by its stage and given as the document writes the target."""
    out = []
    for g in a.goals:
        gt = ts.goals.get(g.id)
        if gt is None or g.comparison != "at-most" or g.measure not in ("per-event", "average"):
            continue
        scale = TIME_UNITS.get(g.unit)
        if scale is None:
            continue
        label = _(STAGE_LABELS[g.stage]) if g.stage else g.metric
        out.append(Bar(label, gt.value * scale, f.quantity(gt.value, g.unit, a.inputs.currency)))
    return tuple(out)


def _draw_limits(bars: Sequence[Bar]) -> Callable[[Figure], None]:
    def draw(fig: Figure) -> None:
        ax = _axes(fig)
        n = len(bars)
        for i, b in enumerate(bars):
            y = float(n - 1 - i)
            ax.barh(y, float(b.value), height=0.55, color=RESPONSE_FILL, edgecolor=BAR_EDGE, linewidth=0.6)
            ax.text(float(b.value) * 1.15, y, b.text, va="center", fontsize=7.5, fontweight="bold")
        longest = max(float(b.value) for b in bars)
        shortest = min(float(b.value) for b in bars)
        ax.set_xscale("log")
        ax.set_xlim(shortest / 3, longest * 20)
        ticks = [(m, t) for m, t in _TIME_TICKS if shortest / 3 <= m <= longest * 20]
        ax.set_xticks([float(m) for m, _t in ticks], [_(t) for _m, t in ticks])
        ax.minorticks_off()
        ax.set_yticks([float(n - 1 - i) for i in range(n)], [_wrap(b.label) for b in bars], fontsize=7)
        ax.set_ylim(-0.6, n - 0.4)
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color=GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)

    return draw


# --- every kind -------------------------------------------------------------------------


def process_charts(a: Agreement, ts: TargetSet) -> tuple[Chart, ...]:
    """The charts of ``a``'s kind for the period of ``ts``, in the document's language: the
    funnel where there is one, the downtime budget and credit tiers where availability is
    promised, the support ladder where support times are, the deliveries where a schedule is."""
    with using(a.presentation.locale):
        return tuple(_charts(a, ts))


def _charts(a: Agreement, ts: TargetSet) -> list[Chart]:
    out = []
    cur = a.inputs.currency
    bars, rates = funnel_bars(a, ts)
    if bars:
        revenue = ts.values["funnel.marketing_revenue_goal"]
        goal = Bar(_(revenue.label), revenue.value, f.money(revenue.value, cur))
        title = _("The funnel: from leads to revenue")
        alt = "; ".join(f"{b.label}: {b.text}" for b in (*bars, goal))
        out.append(_chart("funnel", title, _draw_funnel(bars, rates, goal), f"{title}. {alt}."))
    months = downtime_bars(ts)
    if months:
        av = a.inputs.availability
        target = f.percent(av.target) if av is not None else ""
        title = _("Allowed downtime by month at %(target)s availability") % {"target": target}
        alt = "; ".join(f"{b.label}: {b.text}" for b in months)
        out.append(
            _chart(
                "downtime", title, _draw_downtime(months, _window(a, ts), _("minutes")), f"{title}. {alt}."
            )
        )
    tiers = credit_bars(a, ts)
    if tiers:
        sc = a.inputs.service_credits
        assert sc is not None
        cap = _("at most %(cap)s of the monthly charge in one month") % {"cap": f.percent(sc.monthly_cap)}
        title = _("Service credit by monthly availability")
        alt = "; ".join(f"{b.label}: {b.text}" for b in tiers)
        out.append(_chart("credits", title, _draw_credits(tiers, cap), f"{title}. {alt}; {cap}."))
    rungs = support_rungs(a)
    if rungs:
        response, resolution = _("First response"), _("Resolution")
        title = _("Response and resolution by severity")
        alt = "; ".join(f"{r.severity}: {r.response}, {r.resolution}" for r in rungs)
        out.append(_chart("support", title, _draw_ladder(rungs, response, resolution), f"{title}. {alt}."))
    deliveries = delivery_months(ts)
    if deliveries:
        on_day, moved = _("On the day"), _("Moved by a holiday")
        title = _("Deliveries by month")
        alt = "; ".join(
            _("%(month)s: %(total)s (moved by a holiday: %(moved)s)")
            % {"month": m.month, "total": m.on_day + m.moved, "moved": m.moved}
            for m in deliveries
        )
        draw = _draw_deliveries(deliveries, on_day, moved, _("deliveries"))
        out.append(_chart("deliveries", title, draw, f"{title}. {alt}."))
    limits = limit_rungs(a, ts)
    if not rungs and len(limits) >= 2:
        title = _("Time limits per event")
        alt = "; ".join(f"{b.label}: {b.text}" for b in limits)
        out.append(_chart("limits", title, _draw_limits(limits), f"{title}. {alt}."))
    return out


def _window(a: Agreement, ts: TargetSet) -> Bar | None:
    """The allowed downtime in any rolling window, when availability is measured so."""
    # One line only where every window allows the same: with windows of four or five weekly
    # maintenance windows there are several figures, which the downtime table states.
    window = ts.values.get(DOWNTIME_PREFIX + "window")
    av = a.inputs.availability
    if window is None or av is None or not av.rolling_days:
        return None
    places = f.places_needed([c.value for n, c in ts.values.items() if n.startswith(DOWNTIME_PREFIX)])
    label = _("any %(days)s days") % {"days": av.rolling_days}
    return Bar(label, window.value, f.fixed(window.value, places))
