"""The terms of an agreement as plain, comparable text, and the changes between two versions.

:func:`plain` turns a validated agreement into nested dicts and lists of strings, in the
model's field order, with every value written one way (``50%``, ``2026-01-01``, ``5000``),
so that two versions differ only where their meaning differs, never in how the YAML was
written. :func:`diff_terms` compares two such trees. List items are matched by their
identity (``id``, ``person``, ``name`` or ``severity``), and lists without one are aligned
with :mod:`difflib`, so inserting a goal or a requirement reports that item alone.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel

from slagen.agreement.fields import Pct

Plain = Any
"""A string, a list of :data:`Plain` or a dict of str to :data:`Plain`."""

Kind = Literal["changed", "added", "removed", "reordered"]

#: Keys that identify a list item, in order of preference.
IDENTITY_KEYS = ("id", "person", "name", "severity")
#: Two id-less items this similar (0..1) are one item edited, not one removed and one added.
SAME_ITEM_RATIO = 0.5

_PCT_MARK = typing.get_args(Pct)[1]


@dataclass(frozen=True)
class TermChange:
    """One change to the terms, at a key path such as ``goals[revenue].target.value``."""

    path: str
    kind: Kind
    old: Plain = None
    new: Plain = None

    @property
    def prose(self) -> bool:
        """Whether both versions are text of several words (shown as a word-level redline)."""
        return (
            self.kind == "changed"
            and isinstance(self.old, str)
            and isinstance(self.new, str)
            and (" " in self.old.strip() or " " in self.new.strip())
        )


def _is_pct(info: Any) -> bool:
    if _PCT_MARK in info.metadata:
        return True
    return any(
        typing.get_origin(arg) is typing.Annotated and _PCT_MARK in typing.get_args(arg)[1:]
        for arg in typing.get_args(info.annotation)
    )


def scalar(value: Any, *, pct: bool = False) -> str:
    """One value as the terms show it: ``5000``, ``50%``, ``2026-01-01``, ``true``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return f"{text}%" if pct else text
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def plain(value: Any, *, pct: bool = False) -> Plain:
    """``value`` (a model, list or scalar) as plain text in a fixed order; unset values omitted."""
    if isinstance(value, BaseModel):
        out: dict[str, Plain] = {}
        for name, info in type(value).model_fields.items():
            v = getattr(value, name)
            if v is None or v == []:
                continue
            out[name] = plain(v, pct=_is_pct(info))
        return out
    if isinstance(value, list | tuple):
        return [plain(v, pct=pct) for v in value]
    return scalar(value, pct=pct)


def identity_key(old: list[Plain], new: list[Plain]) -> str | None:
    """The key that identifies the items of both lists, if they all have a distinct one."""
    items = old + new
    if not items or not all(isinstance(i, dict) for i in items):
        return None
    for key in IDENTITY_KEYS:
        if all(key in i for i in items) and all(
            len({i[key] for i in side}) == len(side) for side in (old, new)
        ):
            return key
    return None


def canonical(value: Plain) -> str:
    """A one-line text of ``value`` used to align and compare id-less list items."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {canonical(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(canonical(v) for v in value) + "]"
    return str(value)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def diff_terms(old: Plain, new: Plain, path: str = "") -> list[TermChange]:
    """Every change from ``old`` to ``new`` (both from :func:`plain`), in document order."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[TermChange] = []
        for key in list(new) + [k for k in old if k not in new]:
            sub = _join(path, key)
            if key not in old:
                out.append(TermChange(sub, "added", new=new[key]))
            elif key not in new:
                out.append(TermChange(sub, "removed", old=old[key]))
            else:
                out.extend(diff_terms(old[key], new[key], sub))
        return out
    if isinstance(old, list) and isinstance(new, list):
        key = identity_key(old, new)
        if key is not None:
            return _diff_keyed(old, new, key, path)
        return _diff_aligned(old, new, path)
    return [TermChange(path, "changed", old, new)]


def _diff_keyed(old: list[Plain], new: list[Plain], key: str, path: str) -> list[TermChange]:
    before = {i[key]: i for i in old}
    after = {i[key]: i for i in new}
    out: list[TermChange] = []
    common_old = [k for k in before if k in after]
    common_new = [k for k in after if k in before]
    if common_old != common_new:
        out.append(TermChange(path, "reordered", ", ".join(common_old), ", ".join(common_new)))
    for k, item in after.items():
        sub = f"{path}[{k}]"
        if k in before:
            out.extend(diff_terms(before[k], item, sub))
        else:
            out.append(TermChange(sub, "added", new=item))
    out.extend(
        TermChange(f"{path}[{k}]", "removed", old=item) for k, item in before.items() if k not in after
    )
    return out


def _similar(a: Plain, b: Plain) -> bool:
    if isinstance(a, dict) != isinstance(b, dict):
        return False
    if not isinstance(a, dict | str):
        return False
    if isinstance(a, str) and " " not in a and " " not in b:
        return True  # a single word or number replaced by another
    return (
        difflib.SequenceMatcher(None, canonical(a).split(), canonical(b).split()).ratio() >= SAME_ITEM_RATIO
    )


def _diff_aligned(old: list[Plain], new: list[Plain], path: str) -> list[TermChange]:
    matcher = difflib.SequenceMatcher(None, [canonical(i) for i in old], [canonical(i) for i in new], False)
    out: list[TermChange] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
        removed = list(range(i1, i2))
        added = list(range(j1, j2))
        for n in range(pairs):
            i, j = i1 + n, j1 + n
            if _similar(old[i], new[j]):
                out.extend(diff_terms(old[i], new[j], f"{path}[{j}]"))
                removed.remove(i)
                added.remove(j)
        out.extend(TermChange(f"{path}[{j}]", "added", new=new[j]) for j in added)
        out.extend(TermChange(f"{path}[{i}]", "removed", old=old[i]) for i in removed)
    return out


def summary(value: Plain) -> str:
    """A short name for an added or removed item: its name, title, metric or text."""
    if isinstance(value, dict):
        for key in ("name", "title", "metric", "text", "responsibility", "description", "label"):
            if isinstance(value.get(key), str):
                return str(value[key])
        return canonical(value)
    if isinstance(value, list):
        return ", ".join(summary(v) for v in value)
    return str(value)


def flatten(value: Plain, path: str = "") -> list[tuple[str, str]]:
    """``value`` as (relative key path, text) lines, for showing an added or removed item whole.

    An item's identity (its ``id``, or ``person``...) is left out: its key path shows it.
    """
    if isinstance(value, dict):
        own = next((k for k in IDENTITY_KEYS if k in value), None)
        return [line for k, v in value.items() if k != own for line in flatten(v, _join(path, k))]
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return [(path, ", ".join(value))]
        key = identity_key(value, [])
        return [line for n, v in enumerate(value) for line in flatten(v, f"{path}[{v[key] if key else n}]")]
    return [(path, str(value))]
