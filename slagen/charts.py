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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .targets.base import MonthLine

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .render.context import Chart, DocumentContext

STYLES_WITH_CHARTS = ("visual",)
"""The styles whose documents show the goal-line charts."""

WIDTH_IN = 4.0
"""Width of a chart in inches (two fit side by side in the text block of an A4 or Letter page)."""
HEIGHT_IN = 2.4
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
    if d == d.to_integral_value():
        return f"{int(d):,}"
    return f"{d.normalize():,f}"


def _month_name(month: str) -> str:
    y, m = (int(p) for p in month.split("-"))
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
        for n in range(1, days[-1].day + 1):
            total += actuals.get(line.points[n - 1].date, Decimal(0))
            xs.append(float(offsets[line.month] + n))
            ys.append(float(total))
        out.append((xs, ys))
    return out


def _draw(ax: Axes, lines: Sequence[MonthLine], unit: str, actuals: Mapping[date, Decimal] | None) -> None:
    offset = 0
    bounds, centres = [0], []
    for i, line in enumerate(lines):
        xs = [float(offset)] + [float(offset + p.day) for p in line.points]
        ys = [0.0] + [float(p.cumulative) for p in line.points]
        ax.plot(
            xs, ys, color=GOAL_COLOUR, linewidth=1.4, linestyle="-", label="Goal line" if i == 0 else None
        )
        ax.annotate(
            f"{_amount(line.goal)}",
            (xs[-1], ys[-1]),
            textcoords="offset points",
            xytext=(-2, 3),
            ha="right",
            va="bottom",
            fontsize=7,
            color=GOAL_COLOUR,
        )
        centres.append(offset + line.days / 2)
        offset += line.days
        bounds.append(offset)
    top = max(float(line.goal) for line in lines)
    if actuals:
        for i, (xs, ys) in enumerate(_cumulative_actuals(lines, actuals)):
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
                label="Actual" if i == 0 else None,
            )
    for b in bounds[1:-1]:
        ax.axvline(b, color=GRID_COLOUR, linewidth=0.6, linestyle=":")
    ax.set_xlim(0, offset)
    ax.set_ylim(0, top * 1.12 or 1.0)
    if len(lines) == 1:
        only = lines[0]
        ticks = [1, *range(5, only.days - 2, 5), only.days]
        ax.set_xticks([float(t) for t in ticks], [str(t) for t in ticks])
        ax.set_xlabel(f"Day of {_month_name(only.month)}")
    else:
        ax.set_xticks([float(b) for b in bounds], ["" for _ in bounds])
        ax.set_xticks(centres, [_month_name(line.month) for line in lines], minor=True)
        ax.tick_params(axis="x", which="minor", length=0)
    ax.set_ylabel(f"Cumulative {unit}")
    ax.grid(axis="y", color=GRID_COLOUR, linewidth=0.4, linestyle="-")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7, ncols=2)


def _figure(title: str) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=PNG_DPI, layout="constrained")
    FigureCanvasAgg(fig)
    fig.suptitle("\n".join(textwrap.wrap(title, 58)), fontsize=8.5, x=0.01, ha="left")
    return fig


def goal_line_chart(
    lines: Sequence[MonthLine],
    *,
    title: str,
    unit: str,
    actuals: Mapping[date, Decimal] | None = None,
) -> ChartImage:
    """The cumulative goal line of each month of ``lines``, with ``actuals`` against it.

    ``lines`` come from ``TargetSet.goals[goal_id].goal_lines``. ``actuals`` maps a day
    to the amount achieved on that day (not a running total); the chart accumulates
    them from the first day of each month, like the goal. Raises ``ValueError`` when
    there are no months or an actual falls outside them.
    """
    if not lines:
        raise ValueError("a goal-line chart needs at least one month")
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(title)
        _draw(fig.add_subplot(), lines, unit, actuals)
        svg, png = io.BytesIO(), io.BytesIO()
        fig.savefig(svg, format="svg", metadata=_SVG_METADATA)
        fig.savefig(png, format="png", dpi=PNG_DPI, metadata=_PNG_METADATA)
    months = ", ".join(f"{_amount(line.goal)} {unit} in {_month_name(line.month)}" for line in lines)
    alt = f"{title}: cumulative goal line rising each day to {months}"
    if actuals:
        alt += ", with cumulative actuals against it"
    return ChartImage(svg.getvalue(), png.getvalue(), alt + ".")


def build_charts(doc: DocumentContext) -> tuple[Chart, ...]:
    """The goal-line chart of every goal of ``doc`` that accrues, for styles that show charts
    (none for the others, which then never load matplotlib)."""
    from .render.context import Chart

    if doc.style not in STYLES_WITH_CHARTS:
        return ()
    out = []
    for goal in doc.goals:
        if not goal.goal_lines:
            continue
        image = goal_line_chart(goal.goal_lines, title=goal.metric, unit=goal.unit)
        out.append(Chart(goal.id, goal.metric, image.alt, image.svg_uri, image.png_uri))
    return tuple(out)
