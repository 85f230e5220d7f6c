"""Rendering: an agreement becomes an HTML document in a style, then a PDF.

The stages, one module each: :mod:`.context` (typed, formatted context from the
agreement and its computed targets), :mod:`.environment` (sandboxed Jinja over
the template search path), :mod:`.pdf` (WeasyPrint with the confined
:mod:`.fetcher`, metadata, attachment, reproducible bytes), :mod:`.stamp`
(version stamp) and :mod:`.output` (paths and atomic writes).
"""

from __future__ import annotations

import base64
import importlib
import importlib.util
import mimetypes
import os
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import jinja2
from jinja2.exceptions import SecurityError

from ..errors import RenderError, UsageError
from ..load import Loaded, load_agreement
from ..period import Period, parse_period
from ..targets import compute_targets
from .context import ContextInputs, DocumentContext, build_context
from .environment import make_environment, search_path
from .output import output_path, write_atomic
from .stamp import version_stamp

__all__ = ["Rendered", "document_date", "render_agreement", "render_files", "render_html"]


@dataclass(frozen=True)
class Rendered:
    """A document rendered to HTML, with what the PDF stage needs."""

    html: str
    context: DocumentContext
    roots: tuple[Path, ...]
    """Folders resources may be fetched from."""
    when: datetime


def document_date(loaded: Loaded) -> datetime:
    """The date every date in the file takes: ``SOURCE_DATE_EPOCH`` when set, else the last
    signature, else the start of the term (never the wall clock)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, got {epoch!r}")
        return datetime.fromtimestamp(int(epoch), tz=UTC).replace(tzinfo=None)
    a = loaded.agreement
    signed = [s.signed_on for s in a.sign_off if s.signed_on is not None]
    day: date = max(signed) if signed else a.term.start
    return datetime(day.year, day.month, day.day)


def _period(loaded: Loaded, period: str | None) -> Period:
    if period is None:
        return parse_period(loaded.agreement.term.period)
    try:
        p = parse_period(period)
    except ValueError as exc:
        raise UsageError(f"--period: {exc}") from None
    t = loaded.agreement.term
    if p.start < t.start or p.end > t.end:
        raise UsageError(
            f"--period: {period} ({p.start} to {p.end}) is outside the term ({t.start} to {t.end})"
        )
    return p


def _logo(loaded: Loaded) -> str | None:
    logo = loaded.agreement.presentation.logo
    if logo is None:
        return None
    path = (loaded.path.resolve().parent / logo).resolve()
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _charts(ctx: DocumentContext) -> DocumentContext:
    """Add the charts of styles that show them (built by :mod:`slagen.charts`)."""
    if importlib.util.find_spec("slagen.charts") is None:
        return ctx
    charts = importlib.import_module("slagen.charts")
    return replace(ctx, charts=tuple(charts.build_charts(ctx)))


def _where(exc: BaseException) -> str:
    """``file:line`` of the template frame an error was raised in, when there is one."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return f"{exc.filename}:{exc.lineno}: "
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".css")):
            return f"{frame.filename}:{frame.lineno}: "
    return ""


def render_html(
    loaded: Loaded, *, style: str, period: str | None = None, templates: Path | None = None
) -> Rendered:
    """Render ``loaded`` in ``style`` to HTML; raise :class:`RenderError` on a template problem."""
    p = _period(loaded, period)
    targets = compute_targets(loaded.agreement, p)
    stamp = version_stamp(loaded.path, loaded.path.read_bytes())
    when = document_date(loaded)
    inputs = ContextInputs(style=style, stamp=stamp.text, when=when, logo=_logo(loaded))
    ctx = _charts(build_context(loaded.agreement, targets, inputs))
    env = make_environment(templates)
    name = f"{style}/document.html"
    try:
        html = env.get_template(name).render(doc=ctx)
    except jinja2.TemplateNotFound as exc:
        looked = ", ".join(str(d) for d in search_path(templates))
        raise RenderError(f"no template {exc.name!r} for style {style!r} (looked in {looked})") from None
    except (jinja2.TemplateError, SecurityError) as exc:
        raise RenderError(f"{_where(exc)}template error: {exc.message or exc}") from None
    roots = (*search_path(templates), loaded.path.resolve().parent)
    return Rendered(html, ctx, roots, when)


def render_agreement(
    path: Path,
    *,
    style: str,
    fmt: str = "pdf",
    period: str | None = None,
    templates: Path | None = None,
    out_dir: Path = Path("output"),
    pdf_variant: str | None = None,
) -> Path:
    """Render the agreement at ``path`` in ``style`` into ``out_dir`` and return the file written."""
    loaded = load_agreement(path)
    a = loaded.agreement
    rendered = render_html(loaded, style=style, period=period, templates=templates)
    one = a.presentation.styles == [style]
    target = output_path(out_dir, a.id, rendered.context.period, style, fmt, one_style=one)
    if fmt == "html":
        data = rendered.html.encode("utf-8")
    elif fmt == "pdf":
        from .pdf import PdfJob, write_pdf

        job = PdfJob(
            base_url=loaded.path.resolve().parent.as_uri() + "/",
            roots=rendered.roots,
            source_name=loaded.path.name,
            source=loaded.path.read_bytes(),
            when=rendered.when,
            variant=pdf_variant,
        )
        data = write_pdf(rendered.html, job)
    elif fmt == "docx":
        from ..docx import DocxOptions, html_to_docx

        data = html_to_docx(
            rendered.html, DocxOptions(page_size=a.presentation.page_size, when=rendered.when)
        )
    else:
        raise UsageError(f"unknown format {fmt!r}; expected pdf, docx or html")
    write_atomic(target, data)
    return target


FORMATS = ("pdf", "docx", "html")


def parse_formats(text: str) -> tuple[str, ...]:
    """``pdf``, ``docx``, ``html`` or a comma-separated list of them (``pdf,docx``)."""
    out = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    bad = [f for f in out if f not in FORMATS]
    if bad or not out:
        raise UsageError(f"--format: expected pdf, docx or html, or a list such as pdf,docx; got {text!r}")
    return out


def render_files(
    paths: tuple[Path, ...],
    *,
    style: str | None,
    fmt: str,
    period: str | None = None,
    templates: Path | None = None,
    out_dir: Path = Path("output"),
    pdf_variant: str | None = None,
) -> Iterator[Path]:
    """Render each agreement in ``style``, or in every style it declares; yield each file written."""
    if templates is not None and not templates.is_dir():
        raise UsageError(f"--templates: {templates} is not a folder")
    formats = parse_formats(fmt)
    for path in paths:
        styles = (style,) if style else tuple(load_agreement(path).agreement.presentation.styles)
        for s, f in ((s, f) for s in styles for f in formats):
            yield render_agreement(
                path,
                style=s,
                fmt=f,
                period=period,
                templates=templates,
                out_dir=out_dir,
                pdf_variant=pdf_variant,
            )
