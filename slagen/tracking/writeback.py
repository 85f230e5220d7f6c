"""``slagen recalc``: write the funnel's recalculated inputs back into the agreement YAML.

The file is edited with ruamel.yaml's round-trip mode, so comments, key order,
quoting and layout stay as the author wrote them and the change reads as a
small pull request. Before anything is written, the new text is checked: only
the lines of the changed values may differ from the old text, and it must
still be a valid agreement. The write is atomic (a temporary file renamed over
the original).
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from slagen.agreement.load import load_agreement
from slagen.agreement.period import Period, in_term
from slagen.errors import AgreementError, SlagenError
from slagen.targets.rounding import fmt
from slagen.tracking import check_against, load_actuals
from slagen.tracking.attainment import Recalculation, recalculation
from slagen.util.atomic import write_atomic

#: The funnel inputs a recalculation replaces, with the recalculated value each takes.
FIELDS = ("close_rate", "average_deal_size", "marketing_share")


@dataclass(frozen=True)
class Change:
    """One input written back: where, and its text before and after."""

    path: str
    line: int
    old: str
    new: str


@dataclass(frozen=True)
class RecalcResult:
    """What ``slagen recalc`` did."""

    file: Path
    period: Period
    recalculation: Recalculation
    changes: tuple[Change, ...]

    @property
    def summary(self) -> str:
        """The changes, one a line, or that there was none."""
        months = ", ".join(self.recalculation.months)
        head = f"{self.file}: inputs recalculated from {months}"
        if not self.changes:
            return f"{head}: no change"
        lines = [f"{self.file}:{c.line}: {c.path}: {c.old} -> {c.new}" for c in self.changes]
        return "\n".join([head, *lines])


class AnchoredDecimal(Decimal):
    """A new number that keeps the anchor of the value it replaces (``&ads 100``)."""

    anchor: str


def _anchored(value: Decimal, anchor: str) -> AnchoredDecimal:
    out = AnchoredDecimal(value)
    out.anchor = anchor
    return out


def _yaml() -> Any:
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096

    def decimal(rep: Any, d: Decimal) -> Any:
        text = fmt(d)
        tag = "float" if "." in text else "int"
        anchor: Any = None
        if isinstance(d, AnchoredDecimal):
            from ruamel.yaml.anchor import Anchor

            anchor = Anchor()
            anchor.value = d.anchor
            anchor.always_dump = True
        return rep.represent_scalar(f"tag:yaml.org,2002:{tag}", text, anchor=anchor)

    y.representer.add_representer(Decimal, decimal)
    y.representer.add_representer(AnchoredDecimal, decimal)
    return y


def _new_value(old: Any, value: Decimal) -> Any:
    """The new scalar, written in the style of the old one (quotes, a ``%`` sign, its anchor)."""
    from ruamel.yaml.scalarstring import PlainScalarString, ScalarString

    anchor = getattr(getattr(old, "anchor", None), "value", None)
    if isinstance(old, str):
        text = fmt(value) + ("%" if old.strip().endswith("%") else "")
        new: Any = type(old)(text) if isinstance(old, ScalarString) else text
    else:
        new = value
    if anchor is not None:  # an anchored value keeps its anchor
        if isinstance(new, Decimal):
            return _anchored(new, anchor)
        if not isinstance(new, ScalarString):
            new = PlainScalarString(new)
        new.yaml_set_anchor(anchor, always_dump=True)
    return new


#: Indentation layouts tried, (mapping, sequence, offset) in ruamel.yaml's terms.
LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 3, 1), (3, 5, 3))


def _dump(y: Any, data: Any) -> str:
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()


def _layout(text: str, file: Path) -> Any:
    """A round-trip YAML whose no-op dump of ``text`` is ``text`` itself."""
    for mapping, sequence, offset in LAYOUTS:
        y = _yaml()
        y.indent(mapping=mapping, sequence=sequence, offset=offset)
        if _dump(y, y.load(text)).rstrip("\n") == text.replace("\r\n", "\n").rstrip("\n"):
            return y
    raise SlagenError(
        f"{file}: its layout (indentation) is not one ruamel.yaml can write back unchanged; "
        "nothing written, edit inputs.funnel by hand"
    )


def _value_text(line: str, col: int) -> str:
    """The value written at column ``col`` (0-based) of ``line``, without a trailing comment."""
    return line[col:].split(" #")[0].strip()


def _render(text: str, values: dict[str, Decimal], file: Path) -> tuple[str, list[Change]]:
    """The file's text with the new values, and the changes; CRLF line ends are kept."""
    crlf = "\r\n" in text
    if crlf and text.count("\n") != text.count("\r\n"):
        raise SlagenError(f"{file}: its lines end in both CRLF and LF; nothing written, use one of them")
    new_text, changes = _render_lf(text.replace("\r\n", "\n"), values, file)
    return (new_text.replace("\n", "\r\n") if crlf else new_text), changes


def _render_lf(text: str, values: dict[str, Decimal], file: Path) -> tuple[str, list[Change]]:
    from ruamel.yaml.error import YAMLError

    try:
        y = _layout(text, file)
        data = y.load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or exc
        raise SlagenError(
            f"{file}{where}: ruamel.yaml, which writes the file back, cannot read it ({problem}); "
            "nothing written, edit inputs.funnel by hand"
        ) from None
    funnel = data["inputs"]["funnel"]
    lines = text.splitlines()
    edited: list[tuple[str, int, int, str]] = []
    for key in FIELDS:
        old = funnel[key]
        if Decimal(str(old).rstrip("%").strip()) == values[key]:
            continue
        line, col = funnel.lc.value(key)
        edited.append((key, line, col, _value_text(lines[line], col)))
        funnel[key] = _new_value(old, values[key])
    new_text = _dump(y, data)
    if not text.endswith("\n"):
        new_text = new_text.removesuffix("\n")
    new_lines = new_text.splitlines()
    changes = [
        Change(f"inputs.funnel.{key}", line + 1, old_text, _value_text(new_lines[line], col))
        for key, line, col, old_text in sorted(edited, key=lambda e: e[1])
    ]
    allowed = {c.line for c in changes}
    matcher = difflib.SequenceMatcher(
        a=text.splitlines(keepends=True), b=new_text.splitlines(keepends=True), autojunk=False
    )
    for op, a0, a1, _b0, _b1 in matcher.get_opcodes():
        touched = set(range(a0 + 1, a1 + 1)) if op != "insert" else {a0 + 1}
        if op != "equal" and not touched <= allowed:
            raise SlagenError(
                f"{file}:{min(touched - allowed)}: rewriting the file would also change this line "
                "(a layout ruamel.yaml cannot keep); nothing written, edit inputs.funnel by hand"
            )
    return new_text, changes


def recalc_file(file: Path, actuals_file: Path, period: str | None = None) -> RecalcResult:
    """Recalculate ``file``'s funnel inputs from ``actuals_file`` over ``period`` and write them."""
    loaded = load_agreement(file)
    a = loaded.agreement
    actuals = load_actuals(actuals_file)
    check_against(a, actuals, str(file))
    try:
        p = in_term(period or a.term.period, a.term.start, a.term.end)
    except ValueError as exc:
        raise SlagenError(f"--period: {exc}") from None
    r = recalculation(a, actuals, p)
    values = {
        "close_rate": r.result.close_rate.value,
        "average_deal_size": r.result.average_deal_size.value,
        "marketing_share": r.result.marketing_share.value,
    }
    new_text, changes = _render(loaded.source.text, values, file)
    if loaded.source.bom:
        new_text = "\ufeff" + new_text
    if changes:
        _check_valid(file, new_text)
        write_atomic(file, new_text.encode("utf-8"))
    return RecalcResult(file, p, r, tuple(changes))


def _check_valid(file: Path, text: str) -> None:
    """Refuse to write ``text`` when it is no longer a valid agreement (validated from memory:
    no copy of the agreement is ever written beside it, so a kill leaves nothing behind)."""
    try:
        load_agreement(file, display=str(file), raw=text.encode("utf-8"))
    except AgreementError as exc:
        raise SlagenError(
            f"the recalculated inputs would make {file} invalid; nothing written:\n{exc.format_message()}"
        ) from None
