"""Charts of the targets: the cumulative goal line of each month, as SVG and PNG.

The guide plots, for a goal that accrues (leads, revenue), the cumulative target
of each day of the month, d x g / n, and the cumulative actuals against it. The
chart runs over the document's period, month after month: the line climbs to the
month's goal g on its last day and starts again from zero on the next.

matplotlib is imported inside :func:`goal_line_chart`, so that commands which
draw no chart (``slagen check``) never load it. Output is byte-reproducible: no
dates in the metadata, a fixed SVG hash salt, a fixed font (DejaVu Sans, which
matplotlib ships), size and resolution. Lines differ by style and marker, not by
colour alone, so the chart reads in black and white.
"""

from __future__ import annotations

import base64
import io
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from babel.dates import format_date

from slagen.i18n import N_, current, language
from slagen.i18n import gettext as _
from slagen.i18n import numbers as cldr
from slagen.i18n.locales import babel_name
from slagen.targets.base import MonthLine

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from slagen.render.context import Chart, DocumentContext

STYLES_WITH_CHARTS = ("visual",)
"""The styles whose documents show the goal-line charts."""

WIDTH_IN = 3.3
"""Width of a chart in inches: two side by side fill the text block of an A4 page (3.37 in
each), so the charts print at their own size and a 7 pt label prints at 7 pt."""
HEIGHT_IN = 2.2
"""Height of a chart in inches."""
PNG_DPI = 150
"""Resolution of the PNG (DOCX) version."""
GOAL_COLOUR = "#1f4e79"
ACTUAL_COLOUR = "#c55a11"
GRID_COLOUR = "#b0b0b0"

_RC: dict[Any, Any] = {
    "svg.hashsalt": "slagen",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 8.0,
    "axes.titlesize": 9.0,
    "axes.linewidth": 0.6,
    "path.simplify": False,
}
_SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
_PNG_METADATA = {"Software": None}


@dataclass(frozen=True)
class ChartImage:
    """A chart in the two forms documents need, with its text alternative."""

    svg: bytes
    """Vector image, for the PDF."""
    png: bytes
    """Raster image, for DOCX."""
    alt: str
    """What the chart shows, in words (the image's ``alt`` text)."""

    @property
    def svg_uri(self) -> str:
        """The SVG as a ``data:`` URI."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg).decode("ascii")

    @property
    def png_uri(self) -> str:
        """The PNG as a ``data:`` URI."""
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


def _amount(d: Decimal) -> str:
    """A number as the chart labels show it: grouped thousands, no trailing zeros."""
    if language(current()) != "en":
        return cldr.number(d, current())
    if d == d.to_integral_value():
        return f"{int(d):,}"
    return f"{d.normalize():,f}"


def _month_name(month: str) -> str:
    y, m = (int(p) for p in month.split("-"))
    if language(current()) != "en":
        return format_date(date(y, m, 1), "LLL y", locale=babel_name(current()))
    return date(y, m, 1).strftime("%b %Y")


def _cumulative_actuals(
    lines: Sequence[MonthLine], actuals: Mapping[date, Decimal]
) -> list[tuple[list[float], list[float]]]:
    """Per month, the (x, y) points of the actuals accumulated from the month's first day."""
    offsets: dict[str, int] = {}
    offset = 0
    for line in lines:
        offsets[line.month] = offset
        offset += line.days
    for day in actuals:
        if f"{day.year:04d}-{day.month:02d}" not in offsets:
            raise ValueError(f"actual for {day.isoformat()} falls outside the chart's months")
    out = []
    for line in lines:
        days = sorted(d for d in actuals if f"{d.year:04d}-{d.month:02d}" == line.month)
        if not days:
            continue
        xs, ys, total = [float(offsets[line.month])], [0.0], Decimal(0)
        # the line's own days (a month clipped to the term starts on its first day in it)
        for n, point in enumerate((p for p in line.points if p.date <= days[-1]), start=1):
            total += actuals.get(point.date, Decimal(0))
            xs.append(float(offsets[line.month] + n))
            ys.append(float(total))
        out.append((xs, ys))
    return out


def _draw(
    ax: Axes, lines: Sequence[MonthLine], unit: str, actuals: Mapping[date, Decimal] | None, colour: str
) -> None:
    offset = 0
    bounds, centres = [0], []
    cumulative = _cumulative_actuals(lines, actuals) if actuals else []
    for i, line in enumerate(lines):
        xs = [float(offset)] + [float(offset + p.day) for p in line.points]
        ys = [0.0] + [float(p.cumulative) for p in line.points]
        ax.plot(xs, ys, color=colour, linewidth=1.4, linestyle="-", label=_("Goal line") if i == 0 else None)
        # The goal's figure above the line's end, or below it when the actuals end above it.
        below = i < len(cumulative) and bool(cumulative[i][1]) and cumulative[i][1][-1] >= ys[-1]
        ax.annotate(
            f"{_amount(line.goal)}",
            (xs[-1], ys[-1]),
            textcoords="offset points",
            xytext=(-4, -4) if below else (-2, 3),
            ha="right",
            va="top" if below else "bottom",
            fontsize=7,
            color=colour,
        )
        centres.append(offset + line.days / 2)
        offset += line.days
        bounds.append(offset)
    top = max(float(line.goal) for line in lines)
    if actuals:
        for i, (xs, ys) in enumerate(cumulative):
            top = max(top, *ys)
            ax.plot(
                xs,
                ys,
                color=ACTUAL_COLOUR,
                linewidth=1.1,
                linestyle="--",
                marker="s",
                markersize=2.2,
                markevery=max(1, len(xs) // 10),
                label=_("Actual") if i == 0 else None,
            )
    for b in bounds[1:-1]:
        ax.axvline(b, color=GRID_COLOUR, linewidth=0.6, linestyle=":")
    ax.set_xlim(0, offset)
    ax.set_ylim(0, top * 1.12 or 1.0)
    if len(lines) == 1:
        only = lines[0]
        # The line's n-th point is drawn at x = n; its label is the day of the month it stands
        # for (a month clipped to the term, from the 15th, is labelled 15-31, not 1-17).
        first, last = only.points[0].date.day, only.points[-1].date.day
        days = [first, *(d for d in range(5, last - 2, 5) if d > first + 2), last]
        ax.set_xticks([float(d - first + 1) for d in days], [str(d) for d in days])
        ax.set_xlabel(_("Day of %(month)s") % {"month": _month_name(only.month)})
    else:
        ax.set_xticks([float(b) for b in bounds], ["" for _ in bounds])
        ax.set_xticks(centres, [_month_name(line.month) for line in lines], minor=True)
        ax.tick_params(axis="x", which="minor", length=0)
    ax.set_ylabel(_("Cumulative %(unit)s") % {"unit": unit})
    ax.grid(axis="y", color=GRID_COLOUR, linewidth=0.4, linestyle="-")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7, ncols=2)


def _figure(title: str, size: tuple[float, float] = (WIDTH_IN, HEIGHT_IN)) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=PNG_DPI, layout="constrained")
    FigureCanvasAgg(fig)
    width = int(58 * size[0] / WIDTH_IN)
    if title:  # (untitled: the document captions the chart in text)
        fig.suptitle("\n".join(textwrap.wrap(title, width)), fontsize=8.5, x=0.01, ha="left")
    return fig


def drawn(
    title: str, draw: Callable[[Figure], None], size: tuple[float, float] = (WIDTH_IN, HEIGHT_IN)
) -> tuple[bytes, bytes]:
    """The figure ``draw`` fills (given a titled, empty figure of ``size`` inches) as SVG and
    PNG bytes, the same bytes every run (see the module's docstring)."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(title, size)
        draw(fig)
        svg, png = io.BytesIO(), io.BytesIO()
        fig.savefig(svg, format="svg", metadata=_SVG_METADATA)
        fig.savefig(png, format="png", dpi=PNG_DPI, metadata=_PNG_METADATA)
    return svg.getvalue(), png.getvalue()


def goal_line_chart(
    lines: Sequence[MonthLine],
    *,
    title: str,
    unit: str,
    actuals: Mapping[date, Decimal] | None = None,
    gaps: Sequence[Gap] = (),
    size: tuple[float, float] = (WIDTH_IN, HEIGHT_IN),
    colour: str = GOAL_COLOUR,
    amount: Callable[[Decimal], str] | None = None,
) -> ChartImage:
    """The cumulative goal line of each month of ``lines``, with ``actuals`` against it.

    ``lines`` come from ``TargetSet.goals[goal_id].goal_lines``. ``actuals`` maps a day
    to the amount achieved on that day (not a running total); the chart accumulates
    them from the first day of each month, like the goal. ``gaps`` are marked as a
    bracket between the line and the actuals, labelled. ``size`` is (width, height) in
    inches; ``colour`` is the goal line's (the goal's party's); ``amount`` writes a month's goal
    with its unit in the alt text (``100 leadów``; default: the number and ``unit``). Raises ``ValueError`` when
    there are no months or an actual falls outside them.
    """
    if not lines:
        raise ValueError("a goal-line chart needs at least one month")
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(title, size)
        ax = fig.add_subplot()
        _draw(ax, lines, unit, actuals, colour)
        _draw_gaps(ax, lines, gaps)
        svg, png = io.BytesIO(), io.BytesIO()
        fig.savefig(svg, format="svg", metadata=_SVG_METADATA)
        fig.savefig(png, format="png", dpi=PNG_DPI, metadata=_PNG_METADATA)
    return ChartImage(svg.getvalue(), png.getvalue(), _alt(lines, title, unit, amount, bool(actuals)))


def _alt(
    lines: Sequence[MonthLine], title: str, unit: str, amount: Callable[[Decimal], str] | None, actuals: bool
) -> str:
    """What a goal-line chart shows, in the current locale's words and numbers."""

    def goal(d: Decimal) -> str:
        return amount(d) if amount is not None else f"{_amount(d)} {unit}"

    months = ", ".join(
        _("%(goal)s in %(month)s") % {"goal": goal(line.goal), "month": _month_name(line.month)}
        for line in lines
    )
    if actuals:
        text = _(
            "%(title)s: cumulative goal line rising each day to %(months)s, with cumulative actuals against it"
        )
    else:
        text = _("%(title)s: cumulative goal line rising each day to %(months)s")
    return text % {"title": title, "months": months} + "."


@dataclass(frozen=True)
class Gap:
    """Actuals against the goal line on one day, marked on a goal-line chart (tracking reports)."""

    day: date
    goal: Decimal
    """The cumulative goal line on ``day``."""
    actual: Decimal
    """The cumulative actuals on ``day``."""
    label: str


def _draw_gaps(ax: Axes, lines: Sequence[MonthLine], gaps: Sequence[Gap]) -> None:
    """A bracket from the goal line to the actuals on each gap's day, labelled to its right."""
    offsets: dict[str, tuple[int, date]] = {}
    offset = 0
    for line in lines:
        offsets[line.month] = (offset, line.points[0].date)
        offset += line.days
    for gap in gaps:
        # the n-th day of a month's line stands at x = n (from the 15th in a month clipped to the term)
        start, first = offsets[f"{gap.day.year:04d}-{gap.day.month:02d}"]
        x = float(start + (gap.day - first).days + 1)
        y0, y1 = float(gap.goal), float(gap.actual)
        ax.annotate(
            "",
            xy=(x, y1),
            xytext=(x, y0),
            arrowprops={"arrowstyle": "<->", "color": "#1b1b1b", "lw": 0.8, "shrinkA": 0, "shrinkB": 0},
        )
        ax.annotate(
            gap.label,
            (x, (y0 + y1) / 2),
            textcoords="offset points",
            xytext=(3, 0),
            ha="left",
            va="center",
            fontsize=7,
            bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"},
        )
    if gaps:
        # Room right of the last month for its label (the next month's start is empty above).
        ax.set_xlim(0, offset * 1.1)


MET_FILL = "#cfe0ee"
"""Fill of a bar that meets its target (light, no hatching)."""
MISSED_FILL = "#e9b48f"
"""Fill of a bar that misses its target (hatched, so it reads in black and white)."""
MISSED_HATCH = "////"
BAR_EDGE = "#1b1b1b"


@dataclass(frozen=True)
class BarValue:
    """One bar of a tracking chart: an interval's measure against its target."""

    label: str
    """The interval, as the axis shows it (``W41``, ``Oct 2026``)."""
    value: Decimal | None
    """None: no data for the interval (marked, no bar)."""
    target: Decimal
    met: bool | None
    text: str
    """Printed above the bar (the value as the report writes it)."""


def _draw_bars(ax: Axes, bars: Sequence[BarValue], unit: str, target_label: str) -> None:
    from matplotlib.artist import Artist
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    xs = [float(i) for i in range(len(bars))]
    top = max(float(b.target) for b in bars)
    for x, b in zip(xs, bars, strict=True):
        if b.value is None:
            ax.text(x, 0, " no data", rotation=90, ha="center", va="bottom", fontsize=7, color="#444")
            continue
        missed = b.met is False
        ax.bar(
            x,
            float(b.value),
            width=0.62,
            color=MISSED_FILL if missed else MET_FILL,
            edgecolor=BAR_EDGE,
            linewidth=0.6,
            hatch=MISSED_HATCH if missed else None,
        )
        ax.annotate(
            b.text,
            (x, float(b.value)),
            textcoords="offset points",
            xytext=(0, 2),
            ha="center",
            va="bottom",
            fontsize=7,
        )
        top = max(top, float(b.value))
    style: dict[str, Any] = {"color": GOAL_COLOUR, "linewidth": 1.3, "linestyle": "--"}
    if len({b.target for b in bars}) == 1:
        ax.axhline(float(bars[0].target), **style)
    else:
        for x, b in zip(xs, bars, strict=True):
            ax.hlines(float(b.target), x - 0.42, x + 0.42, **style)
    handles: list[Artist] = [Patch(facecolor=MET_FILL, edgecolor=BAR_EDGE, linewidth=0.6, label=_("Met"))]
    handles.append(
        Patch(facecolor=MISSED_FILL, edgecolor=BAR_EDGE, linewidth=0.6, hatch=MISSED_HATCH, label=_("Missed"))
    )
    handles.append(Line2D([], [], label=target_label, **style))
    step = max(1, -(-len(bars) // 16))
    ax.set_xticks(xs[::step], [b.label for b in bars][::step])
    ax.set_xlim(-0.6, len(bars) - 0.4)
    ax.set_ylim(0, top * 1.25 or 1.0)
    ax.set_ylabel(_upper_first(unit))
    ax.grid(axis="y", color=GRID_COLOUR, linewidth=0.4, linestyle="-")
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(
        handles=handles, loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7, ncols=3
    )


#: How a bar's interval did, in the chart's text alternative.
BAR_STATUS = {True: N_("met"), False: N_("missed"), None: N_("no data")}


def _upper_first(text: str) -> str:
    """``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def bar_chart(
    bars: Sequence[BarValue],
    *,
    title: str,
    unit: str,
    target_label: str,
    size: tuple[float, float] = (WIDTH_IN, HEIGHT_IN),
) -> ChartImage:
    """One bar per interval against its target (a dashed line, or a dashed mark per bar when
    the target differs between intervals). Missed bars are hatched, so the chart reads in
    black and white. Raises ``ValueError`` when there are no bars."""
    if not bars:
        raise ValueError("a bar chart needs at least one bar")
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(title, size)
        _draw_bars(fig.add_subplot(), bars, unit, target_label)
        svg, png = io.BytesIO(), io.BytesIO()
        fig.savefig(svg, format="svg", metadata=_SVG_METADATA)
        fig.savefig(png, format="png", dpi=PNG_DPI, metadata=_PNG_METADATA)
    each = "; ".join(
        _("%(interval)s: %(value)s (%(status)s)")
        % {"interval": b.label, "value": b.text or _("no data"), "status": _(BAR_STATUS[b.met])}
        for b in bars
    )
    return ChartImage(svg.getvalue(), png.getvalue(), f"{title}. {each}. {target_label}.")


def build_charts(doc: DocumentContext) -> tuple[Chart, ...]:
    """The goal-line chart of every goal of ``doc`` that accrues, for styles that show charts
    (none for the others, which then never load matplotlib)."""
    from slagen.render import formatting as f
    from slagen.render.context import Chart

    if doc.style not in STYLES_WITH_CHARTS:
        return ()
    out = []
    for goal in doc.goals:
        if not goal.goal_lines:
            continue
        forms = goal.unit_forms

        def amount(d: Decimal, unit: str = goal.unit, forms: Mapping[str, str] | None = forms) -> str:
            return f.quantity(d, unit, doc.currency, forms)

        # The axis names the unit as a count of many takes it ("leadów", not the fraction's "leada").
        unit = f.counted(Decimal(5), goal.unit, forms)
        image = goal_line_chart(
            goal.goal_lines, title=goal.metric, unit=unit, colour=goal.color, amount=amount
        )
        out.append(Chart(goal.id, goal.metric, image.alt, image.svg_uri, image.png_uri))
    return tuple(out)
