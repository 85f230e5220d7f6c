"""Typing the rows of an actuals file: every value read strictly, every problem reported.

Each section declares its fields (:data:`~slagen.tracking.specs.SPECS`): a reader for the
text and whether it is required. A value that does not read gives ``expected ..., got
...`` at its line and column; checks across rows (a date given twice, a follow-up before
its hand-off) follow.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from slagen.agreement.period import EXPECTED, Period, parse_period
from slagen.errors import Problem
from slagen.tracking.read import RawActuals, Row, hint
from slagen.tracking.records import (
    Actuals,
    ActualsError,
    DailyLeads,
    DowntimeDay,
    GoalActual,
    Lead,
    MeasureOf,
    ServiceMonth,
    Ticket,
    Tracked,
    Where,
)
from slagen.tracking.specs import SPECS, Bad
from slagen.util.text import plural_word


def _typed(row: Row, problems: list[Problem]) -> dict[str, Any] | None:
    spec = SPECS[row.section]
    out: dict[str, Any] = {}
    ok = True
    for name, text in row.values.items():
        if name not in spec:
            problems.append(row.where.problem(name, f"unknown field {name!r}{hint(name, tuple(spec))}"))
            ok = False
            continue
        if text is None or not text.strip():
            continue
        try:
            out[name] = spec[name][0](text.strip())
        except Bad as exc:
            problems.append(row.where.problem(name, str(exc)))
            ok = False
    missing = [n for n, (_, required) in spec.items() if required and n not in row.values]
    if missing:
        noun = plural_word(len(missing), "field")
        problems.append(row.where.problem(None, f"missing {noun} {', '.join(repr(n) for n in missing)}"))
        ok = False
    for name, (_, required) in spec.items():
        text = row.values.get(name, "x")
        if required and (text is None or not text.strip()):
            problems.append(row.where.problem(name, f"expected a value for {name!r}, got nothing (empty)"))
            ok = False
    return out if ok else None


def _build(row: Row, v: dict[str, Any], problems: list[Problem]) -> object | None:
    w = row.where
    s = row.section
    if s == "daily":
        return DailyLeads(v["date"], v["qualified_leads"], w)
    if s == "leads":
        lead = Lead(v["id"], v["handed_off"], v.get("first_follow_up"), v["attempts"], v["connected"], w)
        if lead.first_follow_up is not None and lead.first_follow_up < lead.handed_off:
            problems.append(
                w.problem(
                    "first_follow_up",
                    f"expected a time after the hand-off ({lead.handed_off:%Y-%m-%d %H:%M}), got {lead.first_follow_up:%Y-%m-%d %H:%M}",
                )
            )
        if lead.connected and lead.attempts == 0:
            problems.append(w.problem("attempts", "a connected lead had at least 1 attempt, got 0"))
        return lead
    if s == "tracked":
        t = Tracked(
            v["month"],
            v["leads"],
            v["customers"],
            v["customer_revenue"],
            v["marketing_revenue"],
            v["total_revenue"],
            w,
        )
        if t.customers > t.leads:
            problems.append(
                w.problem("customers", f"expected at most the month's {t.leads} leads, got {t.customers}")
            )
        if t.marketing_revenue > t.total_revenue:
            problems.append(
                w.problem(
                    "marketing_revenue",
                    f"expected at most the total revenue ({t.total_revenue}), got {t.marketing_revenue}",
                )
            )
        return t
    if s == "service":
        m = ServiceMonth(v["month"], v.get("availability"), v.get("downtime_minutes"), w)
        if (m.availability is None) == (m.downtime_minutes is None):
            problems.append(w.problem(None, "expected exactly one of 'availability' or 'downtime_minutes'"))
        minutes = m.month.days * 1440
        if m.downtime_minutes is not None and m.downtime_minutes > minutes:
            problems.append(
                w.problem(
                    "downtime_minutes",
                    f"expected at most the {minutes} minutes of {m.month}, got {m.downtime_minutes}",
                )
            )
        return m
    if s == "downtime":
        d = DowntimeDay(v["date"], v["minutes"], w)
        if d.minutes > 1440:
            problems.append(
                w.problem("minutes", f"expected at most the 1440 minutes of a day, got {d.minutes}")
            )
        return d
    if s == "tickets":
        ticket = Ticket(
            v["id"],
            v["severity"],
            v["opened"],
            v.get("response_minutes"),
            v.get("resolution_hours"),
            w,
            v.get("responded"),
            v.get("resolved"),
        )
        _ticket_problems(ticket, problems)
        return ticket
    if s == "goals":
        return GoalActual(v["goal"], v["period"], v["actual"], w)
    from slagen.tracking.measures import MEASURES, is_measure

    if not is_measure(v["measure"]):
        problems.append(
            w.problem("measure", f"unknown measure {v['measure']!r}{hint(v['measure'], MEASURES)}")
        )
    return MeasureOf(v["goal"], v["measure"], w)


def _wall(when: datetime) -> datetime:
    """``when`` to sort by: a time with an offset as its UTC time (the zone orders them again)."""
    return when if when.tzinfo is None else when.astimezone(UTC).replace(tzinfo=None)


def _ticket_problems(t: Ticket, problems: list[Problem]) -> None:
    """A ticket gives each time once, as a figure or as a stamp, and no stamp before its opening."""
    w = t.where
    for figure, stamp in (("response_minutes", "responded"), ("resolution_hours", "resolved")):
        if getattr(t, figure) is not None and getattr(t, stamp) is not None:
            problems.append(
                w.problem(
                    stamp,
                    f"expected one of {figure!r} or {stamp!r} (the time stamp it is timed from), got both",
                )
            )
    if t.response_minutes is None and t.responded is None:
        problems.append(w.problem(None, "expected one of 'response_minutes' or 'responded' (a time stamp)"))
    for stamp in ("responded", "resolved"):
        when = getattr(t, stamp)
        # a time with an offset is compared once the zone is known (bind)
        if when is not None and when.tzinfo is None and t.opened.tzinfo is None and when < t.opened:
            problems.append(
                w.problem(
                    stamp,
                    f"expected a time after the ticket was opened ({t.opened:%Y-%m-%d %H:%M}), got {when:%Y-%m-%d %H:%M}",
                )
            )


def _covers(raw: RawActuals, problems: list[Problem]) -> Period | None:
    """The file's ``covers`` period, read as a period of the agreement is; None when absent or bad."""
    if raw.covers is None or raw.covers_where is None:
        return None
    try:
        return parse_period(raw.covers.strip())
    except ValueError:
        problems.append(raw.covers_where.problem(None, f"expected {EXPECTED}, got {raw.covers!r}"))
        return None


#: The field that dates a record of each section (as written, and its attribute), for the check
#: against ``covers``.
_DATED = {
    "daily": ("date", "day"),
    "leads": ("handed_off", "handed_off"),
    "tracked": ("month", "month"),
    "service": ("month", "month"),
    "downtime": ("date", "day"),
    "tickets": ("opened", "opened"),
    "goals": ("period", "period"),
}


def _outside(section: str, record: Any, covers: Period) -> Problem | None:
    """A problem when ``record`` is dated outside ``covers``: a day or time must lie in it, a
    month or period must overlap it, and a ``service`` month (every day of it measured) must
    lie in it."""
    if section not in _DATED:
        return None
    name, attribute = _DATED[section]
    value = getattr(record, attribute)
    where: Where = record.where
    within = f"within the days the file covers ({covers.start} to {covers.end})"
    if isinstance(value, Period):
        inside = covers.start <= value.start and value.end <= covers.end
        overlaps = value.start <= covers.end and covers.start <= value.end
        if inside or (overlaps and section != "service"):
            return None
        what = "a month" if section in ("tracked", "service") else "a period"
        return where.problem(name, f"expected {what} {within}, got {value.label}")
    day = value.date() if isinstance(value, datetime) else value
    if covers.start <= day <= covers.end:
        return None
    what = "a time" if isinstance(value, datetime) else "a day"
    return where.problem(name, f"expected {what} {within}, got {day}")


_KEYS: dict[str, Callable[[Any], object]] = {
    "daily": lambda r: r.day,
    "leads": lambda r: r.id,
    "tracked": lambda r: r.month,
    "service": lambda r: r.month,
    "downtime": lambda r: r.day,
    "tickets": lambda r: r.id,
    "goals": lambda r: (r.goal, r.period),
    "measures": lambda r: r.goal,
}


def _label(key: object) -> str:
    if isinstance(key, tuple):
        return " for ".join(_label(k) for k in key)
    return str(key)


def parse_rows(raw: RawActuals) -> Actuals:
    """Type every row of ``raw``; raise :class:`ActualsError` with every problem found."""
    problems: list[Problem] = list(raw.problems)
    built: dict[str, list[Any]] = {s: [] for s in SPECS}
    seen: dict[tuple[str, object], int] = {}
    for row in raw.rows:
        values = _typed(row, problems)
        if values is None:
            continue
        record = _build(row, values, problems)
        key = (row.section, _KEYS[row.section](record))
        if key in seen:
            problems.append(
                row.where.problem(
                    None, f"{_label(key[1])} is given twice in {row.section} (first on line {seen[key]})"
                )
            )
            continue
        seen[key] = row.where.line
        built[row.section].append(record)
    covers = _covers(raw, problems)
    if covers is not None:
        for section, records in built.items():
            problems.extend(p for r in records if (p := _outside(section, r, covers)) is not None)
    if problems:
        raise ActualsError(problems)
    order: dict[str, Callable[[Any], Any]] = {
        "daily": lambda r: r.day,
        "leads": lambda r: (r.handed_off, r.id),
        "tracked": lambda r: r.month.start,
        "service": lambda r: r.month.start,
        "downtime": lambda r: r.day,
        # a time with an offset by its UTC time; the agreement's zone orders them again (in_zone)
        "tickets": lambda r: (_wall(r.opened), r.id),
        "goals": lambda r: (r.goal, r.period.start, r.period.end),
        "measures": lambda r: r.goal,
    }
    sections = {s: tuple(sorted(rows, key=order[s])) for s, rows in built.items()}
    return Actuals(raw.file, raw.agreement, raw.agreement_where, **sections, covers=covers)
