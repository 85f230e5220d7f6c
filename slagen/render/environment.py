"""The Jinja environment: sandboxed, autoescaping, strict, with a template search path.

A user's ``--templates DIR`` is searched before the built-in ``templates/``;
a style's entry template is ``<style>/document.html`` and extends
``base/base.html``, so a user overrides a whole file by name (for example
``DIR/two-column/document.html`` or ``DIR/base/base.css``) or only some blocks
of the base template. Filters are registered here and nowhere else.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

#: The built-in templates: the top-level ``templates/`` of the source tree slagen runs from
#: (an editable install, as ``scripts/setup.sh`` makes). A wheel does not carry them.
BUILTIN = Path(__file__).resolve().parent.parent.parent / "templates"


def search_path(templates: Path | None) -> tuple[Path, ...]:
    """The folders templates are looked up in, the user's first."""
    return (templates.resolve(), BUILTIN) if templates is not None else (BUILTIN,)


def upfirst(text: str) -> str:
    """``text`` with its first letter in upper case and the rest untouched (``USD`` stays)."""
    return text[:1].upper() + text[1:]


def _filters() -> dict[str, Callable[..., Any]]:
    """Every filter templates may use: the built-in ones and those of the word styles."""
    filters: dict[str, Callable[..., Any]] = {"upfirst": upfirst}
    # The legal-narrative style spells numbers and dates out (slagen/render/words.py).
    if importlib.util.find_spec("slagen.render.words") is not None:
        words = importlib.import_module("slagen.render.words")
        filters.update(words.FILTERS)
    return filters


def make_environment(templates: Path | None) -> SandboxedEnvironment:
    """A sandboxed environment over the search path for ``templates`` (or the built-ins)."""
    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(p) for p in search_path(templates)]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(_filters())
    return env
