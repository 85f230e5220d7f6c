"""Tracking reports: what happened in a period against an agreement's goals, as a document.

The stages: the actuals are read (:mod:`slagen.tracking`) and judged
(:func:`slagen.tracking.attainment.attainment`), the chart series drawn (:mod:`.charts`),
everything formatted into a typed context (:mod:`.context`, :mod:`.views`), and
the context rendered by ``<style>/report.html`` (or ``base/report.html``) in the
agreement's first style, then written as PDF, DOCX or HTML like the agreement's
own documents: atomically, and the same bytes for the same inputs.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import jinja2

from slagen.agreement.load import Loaded, load_agreement
from slagen.agreement.period import Period
from slagen.i18n import using
from slagen.tracking import check_against, load_actuals
from slagen.tracking.attainment import attainment
from slagen.tracking.clock import on_the_clock

from ..errors import RenderError, UsageError
from ..render import FORMATS, encode
from ..render import formatting as f
from ..render.bidi import isolated
from ..render.context import ContextInputs, build_context
from ..render.environment import make_environment, render_bounded, search_path, template_error
from ..render.inputs import logo_file, logo_uri, period_in_term, source_date_epoch
from ..render.stamp import version_stamp
from ..targets import compute_targets
from ..util.atomic import write_atomic
from . import charts
from .calendar import calendar_view
from .context import ReportInputs, build_report_context
from .views import ReportContext

__all__ = ["FORMATS", "ReportContext", "report_file", "report_path"]


def report_path(out_dir: Path, agreement_id: str, period: str, ext: str) -> Path:
    """``<out>/<id>/<id>-report-<period>.<ext>``."""
    return out_dir / agreement_id / f"{agreement_id}-report-{period}.{ext}"


def report_date(period: Period) -> datetime:
    """The date every date in the report takes: ``SOURCE_DATE_EPOCH`` when set, else the
    last day of the period (never the wall clock)."""
    return source_date_epoch() or datetime(period.end.year, period.end.month, period.end.day)


def report_context(loaded: Loaded, actuals_path: Path, period: str | None) -> tuple[ReportContext, datetime]:
    """The report context of ``loaded`` against the actuals at ``actuals_path``, and its date;
    raise :class:`~slagen.tracking.ActualsError` for bad actuals. Every word and figure is
    written in the agreement's ``presentation.locale``."""
    with using(loaded.agreement.presentation.locale):
        return _report_context(loaded, actuals_path, period)


def _report_context(loaded: Loaded, actuals_path: Path, period: str | None) -> tuple[ReportContext, datetime]:
    a = loaded.agreement
    actuals = load_actuals(actuals_path)
    check_against(a, actuals, str(loaded.path))
    actuals = on_the_clock(a, actuals)
    p = period_in_term(loaded, period)
    att = attainment(a, actuals, p)
    targets = compute_targets(a, p)
    when = report_date(p)
    stamp = version_stamp(loaded.path, loaded.source.raw)
    style = a.presentation.styles[0]
    doc = build_context(isolated(a), targets, ContextInputs(style, stamp.text, when, logo_uri(loaded)))
    extra = ReportInputs(
        agreement=doc,
        actuals_file=actuals_path.name,
        actuals_stamp="sha256:" + hashlib.sha256(actuals_path.read_bytes()).hexdigest()[:12],
        report_date=f.long_date(when.date(), a.presentation.locale),
        created=when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        marketing=charts.marketing(a, actuals, p, targets),
        sales=charts.sales(a, actuals, p),
        service=charts.service(a, actuals, p),
        calendar=calendar_view(a, actuals, p, targets),
    )
    return build_report_context(a, att, extra), when


def render_report_html(ctx: ReportContext, templates: Path | None = None) -> str:
    """The report as HTML, from ``<style>/report.html`` when the style has one, else
    ``base/report.html``, in the agreement's locale; raise :class:`RenderError` on a template problem."""
    with using(ctx.agreement.locale):
        return _render(ctx, templates)


def _render(ctx: ReportContext, templates: Path | None) -> str:
    env = make_environment(templates, ctx.agreement.locale)
    names = [f"{ctx.style}/report.html", "base/report.html"]
    try:
        return render_bounded(env.select_template(names), doc=ctx)
    except jinja2.TemplatesNotFound:
        looked = ", ".join(str(d) for d in search_path(templates))
        raise RenderError(f"no report template ({' or '.join(names)}; looked in {looked})") from None
    except jinja2.TemplateError as exc:
        raise template_error(exc) from None


def report_file(
    path: Path,
    actuals_path: Path,
    *,
    period: str | None = None,
    fmt: str = "pdf",
    out_dir: Path = Path("output"),
    templates: Path | None = None,
) -> Path:
    """Write the tracking report of the agreement at ``path`` for ``period`` and return its path."""
    if fmt not in FORMATS:
        raise UsageError(f"--format: expected pdf, docx or html, got {fmt!r}")
    if templates is not None and not templates.is_dir():
        raise UsageError(f"--templates: {templates} is not a folder")
    loaded = load_agreement(path)
    ctx, when = report_context(loaded, actuals_path, period)
    html = render_report_html(ctx, templates)
    logo = logo_file(loaded)  # the agreement's folder is not a root: its logo is the one file
    roots = (*search_path(templates), *((logo,) if logo else ()))
    data = encode(loaded, html, fmt=fmt, roots=roots, when=when)
    target = report_path(out_dir, loaded.agreement.id, ctx.period, fmt)
    write_atomic(target, data)
    return target
