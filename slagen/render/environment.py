"""The Jinja environment: sandboxed, autoescaping, strict, with a template search path.

A user's ``--templates DIR`` is searched before the built-in ``templates/``;
a style's entry template is ``<style>/document.html`` and extends
``base/base.html``, so a user overrides a whole file by name (for example
``DIR/two-column/document.html`` or ``DIR/base/base.css``) or only some blocks
of the base template. Filters are registered here and nowhere else.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..errors import RenderError
from ..i18n import DEFAULT, translations
from ..util.files import confined, resolve
from .bidi import isolate
from .breaks import FILTERS as BREAK_FILTERS
from .builtin import builtin_templates
from .bytecode import bytecode_cache
from .phrases import FILTERS as PHRASE_FILTERS
from .sandbox import MAX_OUTPUT, BoundedSandbox, budget, printed, refused
from .words import FILTERS

#: The built-in templates (in the installed package, or the source tree's ``templates/``).
BUILTIN = builtin_templates()


def search_path(templates: Path | None) -> tuple[Path, ...]:
    """The folders templates are looked up in, the user's first."""
    return (templates.resolve(), BUILTIN) if templates is not None else (BUILTIN,)


class TemplateRefused(jinja2.TemplateError):
    """A template asked for a file outside the template folders, or to compute too much."""


class ConfinedLoader(FileSystemLoader):
    """A :class:`~jinja2.FileSystemLoader` that loads only files resolving (symlinks
    followed) inside the search path's folders: the rule the resource fetcher applies."""

    def __init__(self, roots: tuple[Path, ...]) -> None:
        super().__init__([str(p) for p in roots])
        self.roots = tuple(resolve(r) or r for r in roots)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """The template's source, or :class:`TemplateRefused` for a file outside the folders."""
        source, filename, uptodate = super().get_source(environment, template)
        if confined(Path(filename), self.roots) is None:
            raise TemplateRefused(
                f"refused to load template {template!r}: it is outside the template folders "
                "(a symbolic link out of them, or not a regular file)"
            )
        return source, filename, uptodate


def render_bounded(template: jinja2.Template, **context: Any) -> str:
    """Render ``template`` within the sandbox's bounds (:mod:`.sandbox`: steps, characters,
    time, and at most :data:`~.sandbox.MAX_OUTPUT` characters of output); an overflow, a
    recursion or memory running out in it is a template error too."""
    parts: list[str] = []
    size = 0
    try:
        with budget():
            for part in template.generate(**context):
                size += len(part)
                if size > MAX_OUTPUT:
                    raise refused(f"more than {MAX_OUTPUT:,} characters of output")
                parts.append(part)
    except (OverflowError, MemoryError, RecursionError) as exc:
        raise RenderError(
            f"{_where(exc)}template error: {type(exc).__name__}: {exc} (the template sandbox)"
        ) from None
    return "".join(parts)


def _finalize(value: Any) -> Any:
    """Every printed value: isolated when it can reorder (:func:`.bidi.isolate`), and counted
    against the rendering's budget of printed characters."""
    return printed(isolate(value))


def upfirst(text: str) -> str:
    """``text`` with its first letter in upper case and the rest untouched (``USD`` stays)."""
    return text[:1].upper() + text[1:]


def _filters() -> dict[str, Callable[..., Any]]:
    """Every filter templates may use: ``upfirst``, the words of the legal narrative
    (numbers and dates spelled out, :mod:`slagen.render.words`) and the sentence endings of
    :mod:`slagen.render.phrases` (one full stop after a name such as "B.V.") and the
    e-mail addresses that wrap at their dots (:mod:`slagen.render.breaks`)."""
    return {"upfirst": upfirst, **FILTERS, **PHRASE_FILTERS, **BREAK_FILTERS}


@functools.lru_cache(maxsize=16)
def make_environment(templates: Path | None, locale: str = DEFAULT) -> SandboxedEnvironment:
    """A sandboxed environment over the search path for ``templates`` (or the built-ins).

    One per search path, locale (its catalogue: ``{{ _("...") }}`` and ``{% trans %}`` through
    ``jinja2.ext.i18n``) and process: compiled templates are kept (a build worker renders many
    documents; compiling the templates is most of the HTML step), and ``auto_reload`` still
    compiles a template again when its file changes. Compiled templates are also kept on disk
    for the next process (:mod:`.bytecode`).
    """
    env = BoundedSandbox(
        extensions=["jinja2.ext.i18n"],
        loader=ConfinedLoader(search_path(templates)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
        bytecode_cache=bytecode_cache(),
        finalize=_finalize,
    )
    env.filters.update(_filters())
    # {{ _("...") }} and {% trans %}: the messages of slagen's catalogue for ``locale``
    env.install_gettext_translations(translations(locale), newstyle=True)  # type: ignore[attr-defined]
    return env


def template_error(exc: jinja2.TemplateError) -> RenderError:
    """The :class:`RenderError` for an error a template raised (a syntax error, an undefined
    field, the sandbox refusing an operation), at the ``file:line`` of the template when known."""
    return RenderError(f"{_where(exc)}template error: {exc.message or exc}")


def _where(exc: BaseException) -> str:
    """``file:line`` of the template frame an error was raised in, when there is one."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return f"{exc.filename}:{exc.lineno}: "
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".css")):
            return f"{frame.filename}:{frame.lineno}: "
    return ""
