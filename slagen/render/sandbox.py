"""The template sandbox: Jinja's sandbox with what a template may compute bounded.

A user's ``--templates`` are not trusted (see the README's threat model). Jinja's
:class:`~jinja2.sandbox.SandboxedEnvironment` keeps them from Python's internals; this one also
keeps them from hanging or exhausting the machine, each bound refused with a
:class:`~jinja2.exceptions.SecurityError` that the render reports at the template's file and line:

- ``range()`` at most :data:`MAX_RANGE` items, ``'x' * n`` at most :data:`MAX_REPEAT`, powers at
  most :data:`MAX_EXPONENT`;
- no text or list a template makes longer than :data:`MAX_TEXT`: ``+``, ``~`` and ``%`` are
  checked, and so are the methods and filters that make a long text from a short one in one step
  (``center``, ``ljust``, ``rjust``, ``zfill``, ``expandtabs``, ``replace``, ``join``,
  ``translate``, ``format``, ``indent``, ``batch``, ``slice``, ``tojson``) before they run;
- per rendering (:func:`render_bounded`), a budget: :data:`MAX_STEPS` loop iterations and calls
  (every ``{% for %}`` iterates through :func:`counted`, every call goes through
  :meth:`BoundedSandbox.call`), :data:`MAX_MADE` characters printed, into the document or into a
  captured block (``{% set %}...{% endset %}``, a macro), and :data:`MAX_SECONDS` of time;
- :data:`MAX_OUTPUT` characters of output.

The bounds are far above what the built-in styles use (under 1,000 steps, 200,000 characters,
a tenth of a second), so only a template that computes for its own sake meets them.
"""

from __future__ import annotations

import re
import time
import types
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import update_wrapper
from typing import Any

import jinja2
import jinja2.runtime
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS
from jinja2.sandbox import SandboxedEnvironment

#: Most items a template's ``range()`` may give.
MAX_RANGE = 10_000
#: Longest text or list a template may make by repeating one (``'a' * n``).
MAX_REPEAT = 1_000_000
#: Largest exponent of ``**`` in a template.
MAX_EXPONENT = 1_000
#: Longest text or list a template may make in one operation.
MAX_TEXT = 20_000_000
#: Most characters of HTML a template may give (a long agreement renders to about 200,000).
MAX_OUTPUT = 20_000_000
#: Most loop iterations and calls one rendering of a template may make (a built-in style makes
#: under 1,000; this many loop iterations take a fifth of a second, calls a few seconds).
MAX_STEPS = 1_000_000
#: Most characters one rendering may print, its captured blocks and macros' output included.
MAX_MADE = 100_000_000
#: Most seconds one rendering of a template may take (the HTML step of a built-in style takes a
#: tenth of a second): the bound on the work each step does, which the other bounds do not count.
MAX_SECONDS = 30.0
#: The filters the sandbox puts round every ``{% for %}`` loop's iterable and every ``~``.
STEP_FILTER, TEXT_FILTER = "_slagen_steps", "_slagen_text"


def refused(what: str) -> SecurityError:
    """The error of a bound: what the template asked for, and that the sandbox refuses it."""
    return SecurityError(f"{what}: the template sandbox does not compute that much")


@dataclass
class _Budget:
    """What one rendering has left: steps, characters to print, and the time it must end by."""

    steps: int
    made: int
    deadline: float

    def spend(self, steps: int = 1, chars: int = 0) -> None:
        """``steps`` steps that print ``chars`` characters: refused once a budget runs out."""
        self.steps -= steps
        self.made -= chars
        if self.steps < 0:
            raise refused(f"more than {MAX_STEPS:,} loop iterations and calls")
        if self.made < 0:
            raise refused(f"more than {MAX_MADE:,} characters printed")
        if time.monotonic() > self.deadline:
            raise refused(f"more than {MAX_SECONDS:g} seconds of template work")


#: The budget of the rendering under way (none outside :func:`render_bounded`).
_BUDGET: ContextVar[_Budget | None] = ContextVar("slagen_template_budget", default=None)


def _spend(steps: int = 1, chars: int = 0) -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.spend(steps, chars)


@contextmanager
def budget() -> Iterator[None]:
    """A fresh budget for the rendering run inside the ``with`` block."""
    token = _BUDGET.set(_Budget(MAX_STEPS, MAX_MADE, time.monotonic() + MAX_SECONDS))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def counted(iterable: Iterable[Any], weight: int = 0) -> Iterator[Any]:
    """``iterable``'s items, each one step of the rendering's budget that prints ``weight``
    characters (the fixed text of the loop's body)."""
    budget = _BUDGET.get()
    if budget is None:
        yield from iterable
        return
    for item in iterable:
        budget.spend(1, weight)
        yield item


def printed(value: Any) -> Any:
    """Count a printed value against the rendering's budget (the environment's finalizer)."""
    if isinstance(value, str):
        _spend(0, len(value))
    return value


def bounded_range(*args: int) -> range:
    """``range`` for templates, at most :data:`MAX_RANGE` items."""
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise refused(f"range() of {len(r):,} items (at most {MAX_RANGE:,})")
    return r


def _text(value: Any) -> Any:
    """The result of a ``~``, refused when it is longer than :data:`MAX_TEXT`."""
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise refused(f"a text of {len(value):,} characters (at most {MAX_TEXT:,})")
    return value


def _at_most(n: int, what: str) -> None:
    if n > MAX_TEXT:
        raise refused(f"{what} of {n:,} characters (at most {MAX_TEXT:,})")


_WIDTHS = re.compile(r"\d+")
#: The format specs of a ``str.format`` string, and a spec that takes its width from an argument.
_SPECS, _NESTED = re.compile(r"\{[^{}:]*:([^{}]*)\}"), re.compile(r"\{[^{}:]*:[^{}]*\{")


def _widths(spec: str, what: str) -> None:
    """Refuse a format string whose widths or precisions exceed :data:`MAX_TEXT`."""
    for digits in _WIDTHS.findall(spec):
        if len(digits) > 8 or int(digits) > MAX_TEXT:
            raise refused(f"{what} with a width of {int(digits):,} (at most {MAX_TEXT:,})")


def _percent(fmt: str, args: Any) -> None:
    """Refuse ``fmt % args`` when it asks for widths beyond :data:`MAX_TEXT` (``*`` included)."""
    specs = re.findall(r"%[^a-zA-Z%]*", fmt)
    _widths("".join(specs), "% formatting")
    if any("*" in s for s in specs):
        for a in args if isinstance(args, tuple) else (args,):
            if isinstance(a, int) and a > MAX_TEXT:
                raise refused(f"% formatting with a width of {a:,} (at most {MAX_TEXT:,})")


def _length(items: Iterable[Any]) -> int:
    return sum(len(i) if isinstance(i, str) else 20 for i in items)


def _check_method(owner: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a text method that would make too long a text; the arguments to call it with."""
    values = [*args, *kwargs.values()]
    if name in ("center", "ljust", "rjust", "zfill") and values and isinstance(values[0], int):
        _at_most(values[0], f"{name}()")
    elif name == "expandtabs":
        size = values[0] if values and isinstance(values[0], int) else 8
        _at_most(len(owner) + owner.count("\t") * size, "expandtabs()")
    elif name == "replace" and len(values) >= 2 and all(isinstance(v, str) for v in values[:2]):
        old, new = values[0], values[1]
        hits = owner.count(old) if old else len(owner) + 1
        _at_most(len(owner) + hits * len(new), "replace()")
    elif name == "join" and args:
        items = list(args[0])
        _at_most(_length(items) + len(owner) * max(len(items) - 1, 0), "join()")
        return (items, *args[1:])
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
        _at_most(len(owner) * max(longest, 1), "translate()")
    return args


#: The text methods that can make a long text from a short one in one call.
_SIZED = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "replace", "join", "translate"})


def _bounded_method(method: Callable[..., Any], owner: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return method(*_check_method(owner, name, args, kwargs), **kwargs)

    return update_wrapper(call, method)


def _bounded_filters() -> dict[str, Callable[..., Any]]:
    """Jinja's filters that make long texts or lists from their arguments, checked first."""
    center, indent, fmt, join = FILTERS["center"], FILTERS["indent"], FILTERS["format"], FILTERS["join"]
    replace, batch, slice_, tojson = FILTERS["replace"], FILTERS["batch"], FILTERS["slice"], FILTERS["tojson"]

    def do_center(value: str, width: int = 80) -> str:
        _at_most(width, "center")
        return str(center(value, width))

    def do_indent(s: str, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
        pad = width if isinstance(width, int) else len(width)
        _at_most(len(str(s)) + (str(s).count("\n") + 1) * pad, "indent")
        return str(indent(s, width, first, blank))

    def do_format(value: str, *args: Any, **kwargs: Any) -> str:
        _percent(str(value), args)
        return str(fmt(value, *args, **kwargs))

    @jinja2.pass_eval_context
    def do_join(eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> str:
        items = list(value)
        _at_most(_length(items) + len(d) * max(len(items) - 1, 0), "join")
        return str(join(eval_ctx, items, d, attribute))

    @jinja2.pass_eval_context
    def do_replace(eval_ctx: Any, s: str, old: str, new: str, count: int | None = None) -> str:
        text = str(s)
        hits = text.count(str(old)) if old else len(text) + 1
        _at_most(len(text) + hits * len(str(new)), "replace")
        return str(replace(eval_ctx, s, old, new, count))

    def do_batch(value: Iterable[Any], linecount: int, fill_with: Any = None) -> Any:
        if linecount > MAX_REPEAT:
            raise refused(f"batch of {linecount:,} (at most {MAX_REPEAT:,})")
        return batch(value, linecount, fill_with)

    def do_slice(value: Any, slices: int, fill_with: Any = None) -> Any:
        if slices > MAX_RANGE:
            raise refused(f"slice into {slices:,} (at most {MAX_RANGE:,})")
        return slice_(value, slices, fill_with)

    @jinja2.pass_eval_context
    def do_tojson(eval_ctx: Any, value: Any, indent: int | None = None) -> Any:
        if indent is not None and indent > 100:
            raise refused(f"tojson with an indent of {indent:,} (at most 100)")
        return tojson(eval_ctx, value, indent)

    return {
        "center": do_center,
        "indent": do_indent,
        "format": do_format,
        "join": do_join,
        "replace": do_replace,
        "batch": do_batch,
        "slice": do_slice,
        "tojson": do_tojson,
    }


def _weight(body: list[nodes.Node]) -> int:
    """The characters of fixed text a loop body prints each time round (not its inner loops')."""
    total = 0
    stack: list[nodes.Node] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.TemplateData):
            total += len(node.data)
        elif not isinstance(node, nodes.For | nodes.Macro | nodes.CallBlock):
            stack.extend(node.iter_child_nodes())
    return total


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with what a template may compute bounded (see the module's notes)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = bounded_range
        self.filters.update(_bounded_filters())
        self.filters[STEP_FILTER] = counted
        self.filters[TEXT_FILTER] = _text

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The template's syntax tree, each ``for`` loop's iterable passed through
        :func:`counted` (with the fixed text its body prints) and each ``~`` through a length
        check (the compiled code changes with it: :data:`~slagen.render.bytecode.COMPILED`)."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            weight = nodes.Const(_weight(loop.body), lineno=loop.lineno)
            loop.iter = nodes.Filter(loop.iter, STEP_FILTER, [weight], [], None, None, lineno=loop.lineno)
        for parent in list(tree.find_all(nodes.Node)):
            for field in parent.fields:
                child = getattr(parent, field, None)
                if isinstance(child, nodes.Concat):
                    setattr(parent, field, self._checked(child))
                elif isinstance(child, list):
                    child[:] = [self._checked(c) if isinstance(c, nodes.Concat) else c for c in child]
        tree.set_environment(self)
        return tree

    @staticmethod
    def _checked(concat: nodes.Concat) -> nodes.Filter:
        return nodes.Filter(concat, TEXT_FILTER, [], [], None, None, lineno=concat.lineno)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` checked for its widths (Jinja's sandboxed formatting otherwise); a
        text method that can make a long text (:data:`_SIZED`) checked before it runs."""
        fmt = super().wrap_str_format(value)
        if fmt is not None:
            owner = value.__self__

            def checked(*args: Any, **kwargs: Any) -> str:
                _widths("".join(_SPECS.findall(owner)), "format()")
                if _NESTED.search(owner):  # a width from the arguments: {:{w}}
                    for a in (*args, *kwargs.values()):
                        if isinstance(a, int) and a > MAX_TEXT:
                            raise refused(f"format() with a width of {a:,} (at most {MAX_TEXT:,})")
                return fmt(*args, **kwargs)

            return update_wrapper(checked, fmt)
        if (
            isinstance(value, types.BuiltinMethodType)
            and isinstance(value.__self__, str)
            and value.__name__ in _SIZED
        ):
            return _bounded_method(value, value.__self__, value.__name__)
        return None

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call from the template (a macro, ``caller()``, a method): one step of the budget,
        and a list or mapping it grows (``append``, ``extend``, ``update``) kept under :data:`MAX_TEXT`."""
        _spend()
        result = super().call(__context, __obj, *args, **kwargs)
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, list | dict | set) and len(owner) > MAX_REPEAT:
            raise refused(f"a collection of more than {MAX_REPEAT:,} items")
        return result

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        """``left operator right``, refused when the result would be too large."""
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(n, int) and len(seq) * n > MAX_REPEAT:
                    raise refused(f"repeating {len(seq):,} items {n:,} times (at most {MAX_REPEAT:,} in all)")
        elif operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise refused(f"a power of {right} (at most {MAX_EXPONENT:,})")
        elif (
            operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple)
        ):
            _at_most(len(left) + len(right), "a sum")
        elif operator == "%" and isinstance(left, str):
            _percent(left, right)
        return super().call_binop(context, operator, left, right)
