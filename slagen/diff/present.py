"""A :class:`~slagen.diff.compare.DiffReport` shown three ways: terminal text, Markdown, JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import click

from .compare import PERCENT_ROUNDING, AgreementDiff, DiffReport, TargetChange
from .redline import plain_redline, redline
from .terms import TermChange, canonical, flatten, summary

Style = Callable[..., str]
NONE = "—"


def number(value: Decimal | None, unit: str, label: str) -> str:
    """A target value as documents show it: ``5,000.00 USD``, ``99.95%``, ``120`` (leads)."""
    if value is None:
        return NONE
    text = f"{value:,}"
    if unit == "%":
        return f"{text}%"
    if not unit or unit.lower() in label.lower():
        return text
    return f"{text} {unit}"


def percent(change: TargetChange) -> str:
    """The relative change, e.g. ``+20%``; a share's change in points (``+25.00 pp``)."""
    if change.old is None:
        return "new"
    if change.new is None:
        return "removed"
    if change.unit == "%":  # a share moves by points: 99.9% -> 99.95% is +0.05 pp, not +0.05%
        points = change.new - change.old
        return f"+{points:,} pp" if points > 0 else f"{points:,} pp"
    pct = change.percent
    if pct is None:
        return "from 0"
    text = format(pct.normalize(), "f") if pct == pct.to_integral_value() else format(pct, "f")
    return f"+{text}%" if pct > 0 else f"{text}%"


def values(change: TargetChange) -> tuple[str, str]:
    """Old and new value of a target change, as shown."""
    return (
        number(change.old, change.unit, change.label),
        number(change.new, change.unit, change.label),
    )


def target_line(change: TargetChange) -> str:
    """``Leads needed per month: 100 -> 120 (+20%)``."""
    old, new = values(change)
    return f"{change.title}: {old} -> {new} ({percent(change)})"


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else canonical(value)


def _period(diff: AgreementDiff) -> str:
    """The period the new version's documents cover (its ``term.period``)."""
    shown = diff.versions[1] or diff.versions[0]
    return shown.agreement.term.period if shown is not None else "the period"


def _header(diff: AgreementDiff) -> str:
    what = {"added": "new agreement", "removed": "removed agreement", "modified": "changed"}[diff.status]
    return f"{diff.file}: {what}: {diff.title} [{diff.id}]"


# --- terminal text ------------------------------------------------------------------


def text(report: DiffReport, *, color: bool = False) -> str:
    """The report for a terminal; coloured when ``color``, else git word-diff marks for redlines."""

    def style(s: str, **kw: Any) -> str:
        return click.style(s, **kw) if color else s

    out: list[str] = []
    for diff in report.agreements:
        out.append(style(_header(diff), bold=True))
        out.append(f"  ({diff.old_name or 'nothing'} -> {diff.new_name or 'nothing'})")
        if diff.targets:
            out.append(style("  Targets that move:", bold=True))
            for t in diff.targets:
                old, new = values(t)
                out.append(
                    f"    {t.title}: {style(old, fg='red')} -> {style(new, fg='green')} ({percent(t)})"
                )
        if diff.calendar:
            out.append(style(f"  Days of {_period(diff)} that change:", bold=True))
            out.extend(f"    {c.kind}: {c.text}" for c in diff.calendar)
        terms = [c for c in diff.terms if not c.prose]
        if terms:
            out.append(style("  Terms that changed:", bold=True))
            out.extend(_term_text(c, style) for c in terms)
        prose = [c for c in diff.terms if c.prose]
        if prose:
            out.append(style("  Wording:", bold=True))
            for c in prose:
                out.append(f"    {c.path}:")
                out.append(f"      {_redline_text(c, style, color)}")
        out.append("")
    return "\n".join(out)


def _term_text(c: TermChange, style: Style) -> str:
    if c.kind == "changed":
        return f"    {c.path}: {style(_shown(c.old), fg='red')} -> {style(_shown(c.new), fg='green')}"
    if c.kind == "reordered":
        return f"    {c.path}: order {c.old} -> {c.new}"
    value = c.new if c.kind == "added" else c.old
    mark, fg = ("+", "green") if c.kind == "added" else ("-", "red")
    lines = [style(f"  {mark} {c.path}: {c.kind}: {summary(value)}", fg=fg)]
    if isinstance(value, dict):
        lines += [style(f"  {mark}     {k}: {v}", fg=fg) for k, v in flatten(value)]
    return "\n".join(lines)


def _redline_text(c: TermChange, style: Style, color: bool) -> str:
    segments = redline(c.old, c.new)
    if not color:
        return plain_redline(segments)
    kw: dict[str, dict[str, Any]] = {
        "=": {},
        "-": {"fg": "red", "strikethrough": True},
        "+": {"fg": "green", "underline": True},
    }
    return " ".join(style(s, **kw[op]) if kw[op] else s for op, s in segments)


# --- Markdown -----------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_~\[\]<>|])")


def md(s: str) -> str:
    """``s`` with Markdown's special characters escaped (safe in a table cell too)."""
    return _MD_SPECIAL.sub(r"\\\1", s.replace("\n", " "))


def markdown(report: DiffReport) -> str:
    """The report as a pull-request comment: a table of moved targets, terms, and redlines."""
    head = f"### Agreement changes: `{report.old_label}` -> `{report.new_label}`"
    if not report.agreements:
        return f"{head}\n\nNo agreement changed.\n"
    out = [head, ""]
    for diff in report.agreements:
        out += [f"#### {md(diff.title)} (`{diff.file}`)", ""]
        if diff.status != "modified":
            out += [f"*{'New' if diff.status == 'added' else 'Removed'} agreement `{diff.id}`.*", ""]
        if diff.targets:
            out += ["**Targets that move**", "", "| target | old | new | change |", "|---|---:|---:|---:|"]
            for t in diff.targets:
                old, new = values(t)
                out.append(f"| {md(t.title)} | {md(old)} | {md(new)} | {percent(t)} |")
            out.append("")
        if diff.calendar:
            out += [f"**Days of {md(_period(diff))} that change**", ""]
            out += [f"- {c.kind}: {md(c.text)}" for c in diff.calendar]
            out.append("")
        changed = [c for c in diff.terms if c.kind in ("changed", "reordered") and not c.prose]
        if changed:
            out += ["**Terms**", "", "| term | old | new |", "|---|---|---|"]
            for c in changed:
                old, new = _shown(c.old), _shown(c.new)
                out.append(f"| `{c.path}` | {md(old)} | {md(new)} |")
            out.append("")
        for c in diff.terms:
            if c.kind in ("added", "removed"):
                value = c.new if c.kind == "added" else c.old
                out.append(f"- **{c.kind}** `{c.path}`: {md(summary(value))}")
                if isinstance(value, dict):
                    out += [f"  - {md(k)}: {md(v)}" for k, v in flatten(value)]
        if any(c.kind in ("added", "removed") for c in diff.terms):
            out.append("")
        prose = [c for c in diff.terms if c.prose]
        if prose:
            out += ["**Wording**", ""]
            for c in prose:
                out += [f"`{c.path}`", "", "> " + _redline_md(c), ""]
    out.append(f"<sub>Change: relative, in {PERCENT_ROUNDING}; shares (%) in percentage points (pp).</sub>")
    return "\n".join(out) + "\n"


def _redline_md(c: TermChange) -> str:
    marks = {"=": "{}", "-": "~~{}~~", "+": "**{}**"}
    return " ".join(marks[op].format(md(s)) for op, s in redline(c.old, c.new))


# --- JSON ---------------------------------------------------------------------------


def _dec(d: Decimal | None) -> str | None:
    return None if d is None else str(d)


def _term_json(c: TermChange) -> dict[str, Any]:
    out: dict[str, Any] = {"path": c.path, "change": c.kind, "old": c.old, "new": c.new}
    if c.prose:
        out["redline"] = [{"op": op, "text": s} for op, s in redline(c.old, c.new)]
    return out


def as_json(report: DiffReport) -> str:
    """The report as JSON: keys in a fixed order, numbers as exact decimal strings."""
    data = {
        "old": report.old_label,
        "new": report.new_label,
        "changed": report.changed,
        "percent_rounding": PERCENT_ROUNDING,
        "agreements": [
            {
                "file": d.file,
                "id": d.id,
                "title": d.title,
                "status": d.status,
                "old": d.old_name,
                "new": d.new_name,
                "targets": [
                    {
                        "name": t.name,
                        "label": t.title,
                        "unit": t.unit,
                        "old": _dec(t.old),
                        "new": _dec(t.new),
                        "change_percent": _dec(t.percent),
                    }
                    for t in d.targets
                ],
                "calendar": [{"change": c.kind, "day": c.text} for c in d.calendar],
                "terms": [_term_json(c) for c in d.terms],
            }
            for d in report.agreements
        ],
        "unchanged": report.unchanged,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
