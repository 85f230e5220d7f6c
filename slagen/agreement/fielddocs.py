"""Each model field's docstring, read from the source of :mod:`slagen.agreement.model` when asked.

The docstring under a field (``name: Text`` then ``\"\"\"Full name ...\"\"\"``) documents it in
``slagen schema`` and in the comments ``slagen init`` writes. pydantic can collect them
itself (``use_attribute_docstrings``), but it does so for every class at import, by reading
and parsing the source: about 0.1 s of every command's start-up, spent for the two commands
that need them. Here they are read once, when one of those commands asks.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
from collections.abc import Mapping
from typing import Any


@functools.cache
def _module_docs(module: str) -> Mapping[str, Mapping[str, str]]:
    """``{class name: {field name: docstring}}`` for the classes defined in ``module``."""
    tree = ast.parse(inspect.getsource(sys.modules[module]))
    out: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        docs: dict[str, str] = {}
        for stmt, after in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(stmt, ast.AnnAssign)
                and isinstance(stmt.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                docs[stmt.target.id] = inspect.cleandoc(after.value.value)
        out[node.name] = docs
    return out


@functools.cache
def field_docs(cls: type[Any]) -> Mapping[str, str]:
    """The docstring of each field of ``cls``, its own and those it inherits."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("slagen."):
            docs.update(_module_docs(klass.__module__).get(klass.__qualname__, {}))
    return docs
