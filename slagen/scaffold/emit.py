"""YAML text for a starter agreement, with each field's docstring as a comment above it.

The comments are the model's field docstrings (:func:`slagen.agreement.fielddocs.field_docs`), so they say
exactly what ``slagen schema`` and the editors say, and stay in step with the model.
"""

from __future__ import annotations

import json
import re
import textwrap
import typing
from datetime import date
from decimal import Decimal
from typing import Any

import yaml
from pydantic import BaseModel

from slagen.agreement.fielddocs import field_docs
from slagen.agreement.load import unwrap_type

_PLAIN = re.compile(r"^[A-Za-z0-9(][A-Za-z0-9 .,;()/'+%&@_-]*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
WIDTH = 100


def scalar(value: Any) -> str:
    """``value`` as a YAML scalar that every YAML reader (1.1 and 1.2) reads back as written."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.match(text) and not text.endswith(" ") and _resolve(text) == _STR:
        return text
    return json.dumps(text, ensure_ascii=False)


def _resolve(text: str) -> str:
    """The tag a YAML 1.1 reader gives ``text`` written as a plain scalar."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag


def _comment(doc: str | None, indent: str) -> list[str]:
    words = " ".join((doc or "").replace("``", "`").split())
    if not words:
        return []
    return [f"{indent}# {line}" for line in textwrap.wrap(words, WIDTH - len(indent) - 2)]


def _inner(annotation: Any) -> tuple[Any, bool]:
    """The type a field holds, and whether it holds a list of them."""
    tp = unwrap_type(annotation)
    if typing.get_origin(tp) is list:
        return unwrap_type(typing.get_args(tp)[0]), True
    return tp, False


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def mapping(data: dict[str, Any], model: type[BaseModel], indent: str = "", dash: bool = False) -> list[str]:
    """Lines for ``data`` (keys of ``model``), each key with its field's docstring above it.

    With ``dash`` the mapping is a list item: its first key follows ``- ``.
    """
    out: list[str] = []
    docs = field_docs(model)
    for n, (key, value) in enumerate(data.items()):
        if value is None:
            continue
        field = model.model_fields[key]
        if n and not indent and not dash:
            out.append("")  # a blank line between the sections of the agreement
        first = dash and n == 0
        key_indent = indent + "  " if dash else indent
        comment_indent = indent if first else key_indent
        out.extend(_comment(docs.get(key), comment_indent))
        lead = indent + "- " if first else key_indent
        tp, is_list = _inner(field.annotation)
        if is_list:
            if all(isinstance(v, str) and _SLUG.match(v) for v in value):
                out.append(f"{lead}{key}: [{', '.join(value)}]")
                continue
            out.append(f"{lead}{key}:")
            for item in value:
                if _is_model(tp):
                    out.extend(mapping(item, tp, key_indent + "  ", dash=True))
                else:
                    out.append(f"{key_indent}  - {scalar(item)}")
        elif _is_model(tp):
            out.append(f"{lead}{key}:")
            out.extend(mapping(value, tp, key_indent + "  "))
        elif isinstance(value, dict):  # a mapping of texts: a unit's plural forms
            out.append(f"{lead}{key}: {{{', '.join(f'{k}: {scalar(v)}' for k, v in value.items())}}}")
        else:
            out.append(f"{lead}{key}: {scalar(value)}")
    return out
