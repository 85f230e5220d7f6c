"""An agreement as normalized plain text, for ``git diff`` and ``git log -p``.

Configured as a git textconv filter (see the README), it makes git show agreement changes
as changes of terms and of the computed targets, whatever the YAML's layout, comments or
quoting. The text has the model's field order and one way of writing each value, and list
items with an identity are headed by it (``[marketing]``) so that inserting one adds lines
and moves none. The output never names the file: git converts old versions from temporary
files, and their names would show up as changes.

git also converts old revisions that no longer validate, so a file that does not load is
shown as its raw text under a note that lists its problems, never as an error.
"""

from __future__ import annotations

from pathlib import Path

from slagen.agreement.load import Loaded, validate_source
from slagen.agreement.model import Agreement
from slagen.agreement.source import MAX_BYTES, Source, parse_source
from slagen.diff.calendar import day_text, full_targets
from slagen.diff.compare import goal_totals
from slagen.diff.present import number
from slagen.diff.terms import Plain, identity_key, plain
from slagen.errors import AgreementError, UsageError
from slagen.targets import TargetError, TargetSet
from slagen.util.files import FileRefused, read_regular

INDENT = "  "


def textconv(path: Path) -> str:
    """The normalized text of the agreement in ``path`` (or its raw text with a note)."""
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileRefused as exc:
        raise UsageError(f"cannot read {path}: {exc.message.removeprefix('cannot read file: ')}") from None
    src = parse_source(raw, "agreement")
    try:
        loaded = validate_source(src, path)
    except AgreementError as exc:
        found = _unchecked_logo(path, src, exc)
        if found is None:
            return _raw(raw, exc)
        loaded = found
    return render_text(loaded)


def _unchecked_logo(path: Path, src: Source, exc: AgreementError) -> Loaded | None:
    """The agreement, when its only error is a logo file git did not copy beside it.

    git converts old versions from a temporary file, away from the folder their logo is in.
    """
    if any(p.path != "presentation.logo" for p in exc.problems if p.severity == "error"):
        return None
    return Loaded(Agreement.model_validate(src.data), src, path)


def _raw(raw: bytes, exc: AgreementError) -> str:
    lines = [
        "slagen textconv: this version of the agreement does not validate; its raw text follows.",
        *(
            f"  line {p.line}, column {p.column}: {p.path + ': ' if p.path else ''}{p.message}"
            for p in exc.problems
        ),
        "",
    ]
    return "\n".join(lines) + raw.decode("utf-8", "replace")


def render_text(loaded: Loaded) -> str:
    """Terms in the model's order, then computed targets and goal totals for the period."""
    a = loaded.agreement
    out = [a.title, "=" * len(a.title), ""]
    terms = plain(a)
    for key, value in terms.items():
        section = isinstance(value, dict | list)
        if section and out[-1] != "":
            out.append("")
        out.extend(_lines(key, value, 0))
        if section:
            out.append("")
    if out[-1] != "":
        out.append("")
    out.extend(_targets(loaded))
    return "\n".join(out).rstrip("\n") + "\n"


def _lines(key: str, value: Plain, depth: int) -> list[str]:
    pad = INDENT * depth
    if isinstance(value, str):
        return [f"{pad}{key}: {value}"]
    if isinstance(value, dict):
        return [f"{pad}{key}:", *(line for k, v in value.items() for line in _lines(k, v, depth + 1))]
    if all(isinstance(v, str) for v in value):
        if sum(len(v) for v in value) < 60 and all(" " not in v for v in value):
            return [f"{pad}{key}: {', '.join(value)}"]
        return [f"{pad}{key}:", *(f"{pad}{INDENT}- {v}" for v in value)]
    out = [f"{pad}{key}:"]
    ident = identity_key(value, [])
    for item in value:
        if ident is not None:
            out.append(f"{pad}{INDENT}[{item[ident]}]")
            out.extend(line for k, v in item.items() if k != ident for line in _lines(k, v, depth + 2))
        else:
            body = [line for k, v in item.items() for line in _lines(k, v, depth + 2)]
            first = body[0].lstrip()
            out.append(f"{pad}{INDENT}- {first}")
            out.extend(body[1:])
    return out


def _targets(loaded: Loaded) -> list[str]:
    try:
        ts = full_targets(loaded)
    except TargetError as exc:
        return [f"computed targets: not computed ({exc.message})"]
    out = [f"computed targets ({ts.period.label}):"]
    for name, c in ts.values.items():
        label = c.title()
        title = f"{label} per {c.per}" if c.per else label
        out.append(f"{INDENT}{title} [{name}]: {number(c.value, c.unit, label)}")
        inputs = ", ".join(f"{k} {v}" for k, v in c.inputs)
        out.append(f"{INDENT * 2}= {c.formula} ({inputs}); {c.rounding}")
    totals = goal_totals(loaded.agreement, ts)
    if totals:
        out += ["", f"goal totals ({ts.period.label}):"]
        out += [f"{INDENT}{v.label}: {number(v.value, v.unit, v.label)}" for v in totals.values()]
    return out + _days(loaded.agreement, ts)


def _days(a: Agreement, ts: TargetSet) -> list[str]:
    """The period's holidays, one a line, and the deliveries a holiday moves: a calendar change
    shows in ``git diff`` as the days it adds or removes."""
    out: list[str] = []
    for party, days in ts.holidays.items():
        out += ["", f"holidays of {a.party(party).name} ({ts.period.label}):"]
        out += [f"{INDENT}{day_text(d)}: {name}" for d, name in days] or [f"{INDENT}none"]
    for sid, made in ts.deliveries.items():
        moved = [x for x in made if x.made != x.due]
        out += ["", f"deliveries of {sid} a holiday moves ({ts.period.label}):"]
        out += [
            f"{INDENT}due {day_text(x.due)}: {'skipped' if x.made is None else 'made ' + day_text(x.made)}"
            for x in moved
        ] or [f"{INDENT}none"]
    return out
