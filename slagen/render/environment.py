"""The Jinja environment: sandboxed, autoescaping, strict, with a template search path.

A user's ``--templates DIR`` is searched before the built-in ``templates/``;
a style's entry template is ``<style>/document.html`` and extends
``base/base.html``, so a user overrides a whole file by name (for example
``DIR/two-column/document.html`` or ``DIR/base/base.css``) or only some blocks
of the base template. Filters are registered here and nowhere else.
"""

from __future__ import annotations

import functools
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.exceptions
import jinja2.runtime
from jinja2 import FileSystemLoader, StrictUndefined, nodes
from jinja2.sandbox import SandboxedEnvironment

from ..errors import RenderError
from ..i18n import DEFAULT, translations
from ..util.files import confined, resolve
from .bidi import isolate
from .builtin import builtin_templates
from .bytecode import bytecode_cache
from .phrases import FILTERS as PHRASE_FILTERS
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


#: Most items a template's ``range()`` may give.
MAX_RANGE = 10_000
#: Longest text or list a template may make by repeating one (``'a' * n``).
MAX_REPEAT = 1_000_000
#: Largest exponent of ``**`` in a template.
MAX_EXPONENT = 1_000


def _refused(what: str) -> jinja2.exceptions.SecurityError:
    return jinja2.exceptions.SecurityError(f"{what}: the template sandbox does not compute that much")


def bounded_range(*args: int) -> range:
    """``range`` for templates, at most :data:`MAX_RANGE` items."""
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise _refused(f"range() of {len(r):,} items (at most {MAX_RANGE:,})")
    return r


#: Most loop iterations and calls one rendering of a template may make (a built-in style
#: makes under 1,000; this many loop iterations take a fifth of a second, calls a few seconds).
MAX_STEPS = 1_000_000
#: Most seconds one rendering of a template may take (the HTML step of a built-in style takes
#: a tenth of a second): the bound on work each step does, which :data:`MAX_STEPS` does not count.
MAX_SECONDS = 30.0
#: The filter the sandbox wraps round every ``{% for %}`` loop's iterable (see :meth:`BoundedSandbox._parse`).
STEP_FILTER = "_slagen_steps"


@dataclass
class _Budget:
    """What one rendering has left: steps, and the clock time it must end by."""

    steps: int
    deadline: float

    def spend(self) -> None:
        """One step: refused once the steps or the time run out."""
        self.steps -= 1
        if self.steps < 0:
            raise _refused(f"more than {MAX_STEPS:,} loop iterations and calls")
        if time.monotonic() > self.deadline:
            raise _refused(f"more than {MAX_SECONDS:g} seconds of template work")


#: The budget of the rendering under way in this thread (none outside :func:`render_bounded`).
_BUDGET: ContextVar[_Budget | None] = ContextVar("slagen_template_budget", default=None)


def _spend() -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.spend()


def counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """``iterable``'s items, one step of the rendering's budget each (the loop filter)."""
    budget = _BUDGET.get()
    if budget is None:
        yield from iterable
        return
    for item in iterable:
        budget.spend()
        yield item


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with what a template may compute bounded: ``range()``, repetition with
    ``*`` and powers with ``**``, and, in :func:`render_bounded`, the loop iterations, calls
    and time of a rendering (each refused with a clear error, never a hang). A loop that
    writes nothing is bounded too: every ``{% for %}`` iterates through :func:`counted`."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = bounded_range
        self.filters[STEP_FILTER] = counted

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The template's syntax tree, each ``for`` loop's iterable passed through :func:`counted`
        (the compiled code changes with it: :data:`~slagen.render.bytecode.COMPILED`)."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, STEP_FILTER, [], [], None, None, lineno=loop.lineno)
        return tree

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call from the template (a macro, ``caller()``, a method), one step of the budget."""
        _spend()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        """``left operator right``, refused when the result would be too large."""
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(n, int) and len(seq) * n > MAX_REPEAT:
                    raise _refused(
                        f"repeating {len(seq):,} items {n:,} times (at most {MAX_REPEAT:,} in all)"
                    )
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise _refused(f"a power of {right} (at most {MAX_EXPONENT:,})")
        return super().call_binop(context, operator, left, right)


#: Most characters of HTML a template may give (a long agreement renders to about 200,000).
MAX_OUTPUT = 20_000_000


def render_bounded(template: jinja2.Template, **context: Any) -> str:
    """Render ``template``, stopping with a sandbox error once its output passes
    :data:`MAX_OUTPUT` characters or it spends :data:`MAX_STEPS` loop iterations and calls or
    :data:`MAX_SECONDS` seconds; an overflow or a recursion in it is a template error too."""
    parts: list[str] = []
    size = 0
    token = _BUDGET.set(_Budget(MAX_STEPS, time.monotonic() + MAX_SECONDS))
    try:
        for part in template.generate(**context):
            size += len(part)
            if size > MAX_OUTPUT:
                raise _refused(f"more than {MAX_OUTPUT:,} characters of output")
            parts.append(part)
    except (OverflowError, MemoryError, RecursionError) as exc:
        raise RenderError(
            f"{_where(exc)}template error: {type(exc).__name__}: {exc} (the template sandbox)"
        ) from None
    finally:
        _BUDGET.reset(token)
    return "".join(parts)


def upfirst(text: str) -> str:
    """``text`` with its first letter in upper case and the rest untouched (``USD`` stays)."""
    return text[:1].upper() + text[1:]


def _filters() -> dict[str, Callable[..., Any]]:
    """Every filter templates may use: ``upfirst``, the words of the legal narrative
    (numbers and dates spelled out, :mod:`slagen.render.words`) and the sentence endings of
    :mod:`slagen.render.phrases` (one full stop after a name such as "B.V.")."""
    return {"upfirst": upfirst, **FILTERS, **PHRASE_FILTERS}


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
        finalize=isolate,
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
