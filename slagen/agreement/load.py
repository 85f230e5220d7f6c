"""From an agreement file to a validated :class:`~slagen.agreement.model.Agreement`.

``load_agreement`` reads the YAML (:mod:`slagen.agreement.source`), validates its
structure against the model and then its meaning (:mod:`slagen.agreement.validate`),
and raises :class:`~slagen.errors.AgreementError` with every problem found,
each at ``file:line:column`` with its key path.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from slagen.agreement.calendars import CLOCK_PATTERN
from slagen.agreement.fields import describe
from slagen.agreement.model import Agreement
from slagen.agreement.period import EXPECTED as PERIOD_EXPECTED
from slagen.agreement.period import PATTERN as PERIOD_PATTERN
from slagen.agreement.source import Path_, Source, parse_source, read_source
from slagen.errors import AgreementError, Problem, UsageError
from slagen.util.text import closest, did_you_mean, plural

if TYPE_CHECKING:
    from slagen.targets import TargetSet

_PATTERNS = {
    r"^[a-z0-9][a-z0-9_-]*$": "an identifier of lower-case letters, digits, '-' and '_'",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "an e-mail address",
    r"^[A-Z]{3}$": "a three-letter currency code such as USD",
    PERIOD_PATTERN: PERIOD_EXPECTED,
    CLOCK_PATTERN: 'a time of day written HH:MM on the 24-hour clock, such as "02:00"',
    r"^[A-Z]{2}$": "a two-letter country code such as GB or PL",
}


@dataclass(frozen=True)
class Loaded:
    """A validated agreement with the source it came from."""

    agreement: Agreement
    source: Source
    path: Path
    warnings: tuple[Problem, ...] = ()
    targets: TargetSet | None = None
    """The computed targets for the term's period as validation computed them (without the
    daily goal lines); None when the agreement was not validated."""

    def term_targets(self) -> TargetSet:
        """The computed targets for the term's period, without the daily goal lines: those
        validation computed, else computed now (raises :class:`~slagen.targets.TargetError`)."""
        if self.targets is not None:
            return self.targets
        from slagen.targets import compute_targets

        return compute_targets(self.agreement, goal_lines=False, holidays=False)


def unwrap_type(tp: Any) -> Any:
    """A field's type without its ``Annotated`` and ``X | None`` wrappers: the class or list type."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        else:
            return tp


def _model_at(loc: Iterable[str | int]) -> Any:
    """The model class (or type) that describes the value at key path ``loc``."""
    tp: Any = Agreement
    for part in loc:
        tp = unwrap_type(tp)
        if isinstance(part, int):
            if typing.get_origin(tp) is list:
                tp = typing.get_args(tp)[0]
            continue
        if isinstance(tp, type) and issubclass(tp, BaseModel) and part in tp.model_fields:
            tp = tp.model_fields[part].annotation
        else:
            return None
    return unwrap_type(tp)


def _keys_at(loc: tuple[str | int, ...]) -> list[str]:
    model = _model_at(loc)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def _message(err: Any) -> tuple[str, bool]:
    """A readable message for one pydantic error, and whether it points at a key."""
    kind = err["type"]
    loc = tuple(err["loc"])
    found = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return f"missing required key {loc[-1]!r}", False
    if kind == "extra_forbidden":
        allowed = _keys_at(loc[:-1])
        hint = did_you_mean(str(loc[-1]), allowed) or (
            f" (expected one of: {', '.join(allowed)})" if allowed else ""
        )
        return f"unknown key {loc[-1]!r}{hint}", True
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(found), choices) if isinstance(found, str) else ""
        return f"expected one of {expected}, got {describe(found)}{hint}", False
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping, got {describe(found)}", False
    if kind == "list_type":
        return f"expected a list, got {describe(found)}", False
    if kind == "string_type":
        return f"expected text, got {describe(found)}", False
    if kind == "string_too_short":
        return f"expected text, got {describe(found)}", False
    if kind == "too_short":
        n = int(ctx.get("min_length", 1))
        return f"expected at least {plural(n, 'item')}, got {len(found or [])}", False
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        return f"expected {_PATTERNS.get(pattern, 'text matching ' + pattern)}, got {describe(found)}", False
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, "), False
    return str(err["msg"]), False


def structural_problems(src: Source, exc: ValidationError) -> list[Problem]:
    """Map pydantic's errors to problems at the lines the values were written on.

    A misspelled key gives one problem, not two: when an unknown key's suggestion is a
    required key missing from the same mapping, the "missing" problem is left out.
    """
    errors = exc.errors(include_url=False)
    suggested: set[Path_] = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            close = closest(str(loc[-1]), _keys_at(loc[:-1]))
            if close:
                suggested.add((*loc[:-1], close))
    out = []
    for err in errors:
        loc = tuple(err["loc"])
        if (err["type"] == "missing" and loc in suggested) or any(loc[: len(r)] == r for r in src.refused):
            continue
        message, at_key = _message(err)
        out.append(src.problem(loc, message, key=at_key))
    return out


def load_agreement(path: Path | str, *, display: str | None = None, raw: bytes | None = None) -> Loaded:
    """Load and validate one agreement; raise :class:`AgreementError` with every problem.

    ``raw``: the file's bytes as already read (a build hands its workers the bytes it hashed
    and sealed); the file at ``path`` is then not read, only its folder used (for the logo).
    """
    p = Path(path)
    src = read_source(p, display) if raw is None else parse_source(raw, display or str(path))
    return validate_source(src, p)


def validate_source(src: Source, path: Path) -> Loaded:
    """Validate an agreement already read into ``src``; raise :class:`AgreementError` with
    every problem. ``path`` is where it lies: its logo is looked for beside it."""
    from slagen.agreement.validate import reference_problems, semantic_problems, target_problems

    if src.problems and src.data is None:
        raise AgreementError(src.problems)
    problems = list(src.problems)
    try:
        agreement = Agreement.model_validate(src.data)
    except ValidationError as exc:
        # The meaning is not checked on a broken structure, but references are cheap to
        # check on the data as written, so they are reported in the same run.
        refs = reference_problems(src.data, src) if isinstance(src.data, dict) else []
        raise AgreementError(problems + structural_problems(src, exc) + refs) from None
    found = semantic_problems(agreement, src, path)
    targets = None
    if not any(f.severity == "error" for f in found):  # targets need inputs that make sense
        targets, more = target_problems(agreement, src)
        found += more
    errors = problems + [f for f in found if f.severity == "error"]
    if errors:
        raise AgreementError(errors + [f for f in found if f.severity != "error"] + src.warnings)
    return Loaded(agreement, src, path, (*found, *src.warnings), targets)


def agreement_files(paths: Iterable[Path | str]) -> list[Path]:
    """The agreement files named by ``paths`` (files, or folders searched for ``*.yaml``)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(
                sorted(f for f in p.rglob("*.y*ml") if f.suffix in (".yaml", ".yml") and not is_data(f, p))
            )
        elif p.is_file():
            out.append(p)
        else:
            raise UsageError(f"no such file or folder: {raw}")
    return out


def is_data(f: Path, folder: Path | None = None) -> bool:
    """Whether ``f``, found in ``folder``, is a file beside agreements that is not one: a hidden
    file, or actuals (``*.actuals.yaml``, or anything in an ``actuals/`` folder below ``folder``;
    a folder named ``actuals`` above it, as in ``/x/actuals/agreements``, does not count).
    Without ``folder``, ``f`` is a path relative to the folder searched (e.g. a repository's)."""
    below = (f.relative_to(folder) if folder is not None else f).parts[:-1]
    return f.name.startswith(".") or "actuals" in below or f.stem.endswith(".actuals")
