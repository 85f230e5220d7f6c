"""Rendering: an agreement becomes an HTML document in a style, then a PDF or a DOCX.

The stages, one module each: :mod:`.inputs` (the period, date and logo a document
takes), :mod:`.context` (typed, formatted context from the agreement and its
computed targets), :mod:`.environment` (sandboxed Jinja over the template search
path), :mod:`.pdf` (WeasyPrint with the confined :mod:`.fetcher`, metadata,
attachment, reproducible bytes) or :mod:`slagen.docx`, :mod:`.stamp` (version
stamp) and :mod:`.output` (where documents go; :mod:`slagen.util.atomic` writes them).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import click
import jinja2

from slagen.agreement.load import Loaded, load_agreement
from slagen.agreement.model import Agreement

from ..errors import RenderError, UsageError
from ..gcpolicy import batch_collections
from ..i18n import language
from ..targets import TargetSet, compute_targets
from ..util.atomic import all_or_nothing
from ..util.signed_pdf import carries_signatures
from .bidi import isolated
from .context import ContextInputs, DocumentContext, build_context
from .environment import BUILTIN, make_environment, render_bounded, search_path, template_error
from .inputs import logo_file, logo_uri, period_in_term, source_date_epoch
from .options import DEFAULTS, FORMATS, RenderOptions, parse_formats
from .output import output_path
from .stamp import version_stamp
from .typography import bind_lone_letters

__all__ = [
    "FORMATS",
    "RenderOptions",
    "Rendered",
    "document_date",
    "encode",
    "parse_formats",
    "render_agreement",
    "render_documents",
    "render_files",
    "render_html",
    "render_loaded",
]


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
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    a = loaded.agreement
    signed = [s.signed_on for s in a.sign_off if s.signed_on is not None]
    day: date = max(signed) if signed else a.term.start
    return datetime(day.year, day.month, day.day)


def _charts(ctx: DocumentContext, a: Agreement, targets: TargetSet) -> DocumentContext:
    """Add the charts of styles that show them (:mod:`slagen.render.goal_chart` and
    :mod:`slagen.render.process_charts`, which load matplotlib only when a style draws a chart),
    their labels and numbers in the document's language."""
    from slagen.i18n import using
    from slagen.render.goal_chart import STYLES_WITH_CHARTS, build_charts

    if ctx.style not in STYLES_WITH_CHARTS:
        return ctx
    from slagen.render.process_charts import process_charts

    with using(ctx.locale):
        return replace(ctx, charts=tuple(build_charts(ctx)), process_charts=process_charts(a, targets))


def render_html(loaded: Loaded, *, style: str, options: RenderOptions = DEFAULTS) -> Rendered:
    """Render ``loaded`` in ``style`` to HTML (for ``options.period``, from ``options.templates``);
    raise :class:`RenderError` on a template problem."""
    period, templates = options.period, options.templates
    p = period_in_term(loaded, period)
    targets = compute_targets(loaded.agreement, p)
    stamp = version_stamp(loaded.path, loaded.source.raw)
    when = document_date(loaded)
    inputs = ContextInputs(style=style, stamp=stamp.text, when=when, logo=logo_uri(loaded))
    # Charts draw the agreement's own text (matplotlib, not the browser, lays it out).
    ctx = _charts(build_context(isolated(loaded.agreement), targets, inputs), loaded.agreement, targets)
    env = make_environment(templates, loaded.agreement.presentation.locale)
    name = f"{style}/document.html"
    try:
        html = bind_lone_letters(render_bounded(env.get_template(name), doc=ctx), language(ctx.locale))
    except jinja2.TemplateNotFound as exc:
        looked = ", ".join(str(d) for d in search_path(templates))
        hint = (
            ""
            if BUILTIN.is_dir()
            else f"; the built-in templates are missing from {BUILTIN}: this installation of slagen is broken, reinstall it"
        )
        raise RenderError(
            f"no template {exc.name!r} for style {style!r} (looked in {looked}){hint}"
        ) from None
    except jinja2.TemplateError as exc:
        raise template_error(exc) from None
    logo = logo_file(loaded)  # the agreement's folder is not a root: its logo is the one file
    roots = (*search_path(templates), *((logo,) if logo else ()))
    return Rendered(html, ctx, roots, when)


def encode(
    loaded: Loaded,
    html: str,
    *,
    fmt: str,
    roots: tuple[Path, ...],
    when: datetime,
    pdf_variant: str | None = None,
    context: DocumentContext | None = None,
    custom_templates: bool = False,
) -> bytes:
    """The bytes of a page rendered from ``loaded`` in ``fmt``: the HTML itself, a PDF (fetching
    resources only under ``roots``, with the agreement attached and, given the document's
    ``context``, a signature field per signatory and the build facts) or a DOCX."""
    if fmt == "html":
        return html.encode("utf-8")
    if fmt == "pdf":
        from .glyphs import missing_glyphs_warning
        from .pdf import PdfJob, write_pdf
        from .pdf_finish import slots_and_facts

        warning = missing_glyphs_warning(html, str(loaded.path))
        if warning:
            click.echo(warning, err=True)

        slots, facts = slots_and_facts(
            context, loaded.path.name, when, pdf_variant, custom_templates=custom_templates
        )
        job = PdfJob(
            base_url=loaded.path.resolve().parent.as_uri() + "/",
            roots=roots,
            source_name=loaded.path.name,
            source=loaded.source.raw,
            when=when,
            variant=pdf_variant,
            slots=slots,
            facts=facts,
        )
        with batch_collections():
            return write_pdf(html, job)
    if fmt == "docx":
        from ..docx import DocxOptions, html_to_docx

        page_size = loaded.agreement.presentation.page_size
        with batch_collections():
            return html_to_docx(html, DocxOptions(page_size=page_size, when=when))
    raise UsageError(f"unknown format {fmt!r}; expected pdf, docx or html")


def render_documents(
    path: Path, *, style: str, options: RenderOptions = DEFAULTS, source: bytes | None = None
) -> list[tuple[Path, bytes]]:
    """Render the agreement at ``path`` in ``style`` once, in each of its formats (see
    :class:`RenderOptions`); return each output path with its bytes (nothing is written).
    ``source``: the agreement's bytes as already read (the file is then not read again)."""
    return render_loaded(load_agreement(path, raw=source), style=style, options=options)


def render_loaded(
    loaded: Loaded, *, style: str, options: RenderOptions = DEFAULTS
) -> list[tuple[Path, bytes]]:
    """:func:`render_documents` of an agreement already loaded."""
    a = loaded.agreement
    rendered = render_html(loaded, style=style, options=options)
    one = a.presentation.styles == [style]
    return [
        (
            output_path(options.out_dir, a.id, rendered.context.period, style, fmt, one_style=one),
            encode(
                loaded,
                rendered.html,
                fmt=fmt,
                roots=rendered.roots,
                when=rendered.when,
                pdf_variant=options.pdf_variant,
                context=rendered.context,
                custom_templates=options.templates is not None,
            ),
        )
        for fmt in options.formats_of(a)
    ]


def render_agreement(
    path: Path, *, style: str, options: RenderOptions = DEFAULTS, source: bytes | None = None
) -> list[Path]:
    """Render the agreement at ``path`` in ``style`` (in each of its formats) into
    ``options.out_dir``; return the files written (all of them, or none on an error)."""
    options.check()
    with all_or_nothing() as staged:
        for target, data in render_documents(path, style=style, options=options, source=source):
            staged.add(target, data)
    return staged.written


def render_files(paths: tuple[Path, ...], options: RenderOptions = DEFAULTS) -> list[Path]:
    """Render each agreement in the styles and formats of ``options``; return the files written.

    All or nothing: every document is rendered to a temporary file first, and the files are
    renamed into place only when all of them rendered, so an error leaves every earlier file
    as it was (a PDF is not replaced when the DOCX beside it fails). A PDF that carries
    digital signatures is never replaced.
    """
    options.check()
    try:
        with all_or_nothing() as staged:
            for path in paths:
                styles = (
                    (options.style,) if options.style else options.styles_of(load_agreement(path).agreement)
                )
                for s in styles:
                    for target, data in render_documents(path, style=s, options=options):
                        if carries_signatures(target):
                            raise RenderError(
                                f"{target} carries digital signatures; slagen render never overwrites it, "
                                "so nothing was written (move it away, or render with -o into another folder)"
                            )
                        staged.add(target, data)
    except OSError as exc:
        where = exc.filename or options.out_dir
        raise RenderError(f"cannot write {where}: {exc.strerror or exc}; no document was written") from None
    return staged.written
