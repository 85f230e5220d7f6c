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
from .builtin import builtin_templates
from .bytecode import bytecode_cache
from .phrases import FILTERS as PHRASE_FILTERS
from .words import FILTERS

#: The built-in templates (in the installed package, or the source tree's ``templates/``).
BUILTIN = builtin_templates()


def search_path(templates: Path | None) -> tuple[Path, ...]:
    """The folders templates are looked up in, the user's first."""
    return (templates.resolve(), BUILTIN) if templates is not None else (BUILTIN,)


def upfirst(text: str) -> str:
    """``text`` with its first letter in upper case and the rest untouched (``USD`` stays)."""
    return text[:1].upper() + text[1:]


def _filters() -> dict[str, Callable[..., Any]]:
    """Every filter templates may use: ``upfirst``, the words of the legal narrative
    (numbers and dates spelled out, :mod:`slagen.render.words`) and the sentence endings of
    :mod:`slagen.render.phrases` (one full stop after a name such as "B.V.")."""
    return {"upfirst": upfirst, **FILTERS, **PHRASE_FILTERS}


@functools.lru_cache(maxsize=8)
def make_environment(templates: Path | None) -> SandboxedEnvironment:
    """A sandboxed environment over the search path for ``templates`` (or the built-ins).

    One per search path and process: compiled templates are kept (a build worker renders many
    documents; compiling the templates is most of the HTML step), and ``auto_reload`` still
    compiles a template again when its file changes. Compiled templates are also kept on disk
    for the next process (:mod:`.bytecode`).
    """
    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(p) for p in search_path(templates)]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
        bytecode_cache=bytecode_cache(),
    )
    env.filters.update(_filters())
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
