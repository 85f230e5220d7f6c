"""Checks that an agreement's obligations can be signed as written.

Each check is registered with :func:`~.registry.check`: what a goal measures, credit tiers that can
apply, ratios written as fractions, cancellation grounds that work, wording that
fits the number of parties and figures that belong in data rather than free text.
:func:`funnel_problems` needs the computed targets and runs after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

from slagen.agreement.model import Agreement, CancellationCondition, FigureTier
from slagen.agreement.source import Path_, Source
from slagen.errors import Problem
from slagen.targets.rounding import CENT, round_to
from slagen.util.spelled import SpelledFigure, spelled_figures

from .registry import Context, Finding, check


def _n(d: Decimal) -> str:
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- what a goal measures ------------------------------------------------------------

_KINDS = "total, average, per-event or share"


@check(
    "goal-measures", "each goal says how its figure is formed (total, average, per-event, share) and per what"
)
def goal_measures(ctx: Context) -> Iterator[Finding]:
    """Each goal says how its figure is formed, and per what."""
    a = ctx.agreement
    for i, g in enumerate(a.goals):
        at = ("goals", i)
        if g.measure is None:
            if not g.accrues:
                yield Finding(
                    at,
                    f"goal {g.id!r} does not say how its figure is formed: add measure: {_KINDS} "
                    "(and per: the event, e.g. 'lead handed off'), so every style words it one way",
                    "warning",
                )
            continue
        if g.accrues and g.measure != "total":
            yield Finding(
                (*at, "measure"),
                f"a goal that accrues is a total over each interval; got measure: {g.measure} "
                "(drop accrues, or write measure: total)",
            )
        if g.measure != "total" and g.per is None:
            yield Finding(
                (*at, "measure"),
                f"a goal measured as {g.measure} needs per: the one event it is of, in the singular "
                "(e.g. 'lead not yet connected', 'severity-1 incident')",
            )
        if g.measure == "total" and g.per is not None:
            yield Finding(
                (*at, "per"), "a total is over each interval, not per event: drop per, or change measure"
            )
        if g.measure == "share":
            if g.limit is None:
                yield Finding(
                    (*at, "measure"),
                    "a share of events needs limit: the limit each event is held to "
                    "(e.g. {comparison: at-most, target: {value: 15}, unit: minutes})",
                )
            if g.unit not in ("%", "percent"):
                yield Finding(
                    (*at, "unit"), f"a share of events is a percentage: expected unit '%', got {g.unit!r}"
                )
        elif g.limit is not None:
            yield Finding(
                (*at, "limit"), f"only a share of events has a limit; this goal is measured as {g.measure}"
            )
        if g.measure in ("average", "per-event", "share") and g.interval is None:
            yield Finding(
                (*at, "measure"),
                f"a goal measured as {g.measure} needs an interval: the events of which interval are judged",
            )


# --- credit tiers ----------------------------------------------------------------------


@check("credit-tiers", "credit tiers have their own bounds, each can apply, and the cap can bind")
def availability_tiers(ctx: Context) -> Iterator[Finding]:
    """Stepped credits: no two tiers with one bound, none that can never apply, a cap that binds."""
    a = ctx.agreement
    sc = a.inputs.service_credits
    if sc is None:
        return
    at = ("inputs", "service_credits", "tiers")
    seen: dict[Decimal, int] = {}
    for j, t in enumerate(sc.tiers):
        if t.below in seen:
            yield Finding(
                (*at, j, "below"),
                f"tiers {seen[t.below] + 1} and {j + 1} have the same bound {_n(t.below)}%: a figure "
                "below it would earn both; give each tier its own bound",
            )
            continue
        seen[t.below] = j
        for k, other in enumerate(sc.tiers):
            if k != j and other.below > t.below and other.credit >= t.credit:
                yield Finding(
                    (*at, j, "credit"),
                    f"tier {j + 1} (below {_n(t.below)}%: {_n(t.credit)}%) can never apply: every figure "
                    f"below {_n(t.below)}% is also below {_n(other.below)}%, where tier {k + 1} gives "
                    f"{_n(other.credit)}%; a lower bound needs a higher credit",
                )
                break
    top = max((t.credit for t in sc.tiers), default=None)
    others = any(g.credits is not None for g in a.goals)
    if top is not None and sc.linear is None and not others and sc.monthly_cap >= top:
        yield Finding(
            ("inputs", "service_credits", "monthly_cap"),
            f"the monthly cap {_n(sc.monthly_cap)}% never limits a month's credit: the highest tier gives "
            f"{_n(top)}%; set the cap below it, or drop the tier it duplicates",
            "warning",
        )


def _range(t: FigureTier) -> str:
    low = f"from {_n(t.at_least)}" if t.at_least is not None else "any figure"
    return low + (f" below {_n(t.below)}" if t.below is not None else " up")


@check("goal-credits", "credits of goals have ranges that exist and do not overlap, and a way to be paid")
def goal_credit_tiers(ctx: Context) -> Iterator[Finding]:
    """Credits of a goal: ranges that exist, do not overlap, and a goal that can earn them."""
    a = ctx.agreement
    for i, g in enumerate(a.goals):
        c = g.credits
        if c is None:
            continue
        at = ("goals", i, "credits")
        if c.per_miss is None and not c.tiers:
            yield Finding(at, "expected per_miss, tiers or both")
        for j, t in enumerate(c.tiers):
            if t.at_least is None and t.below is None:
                yield Finding((*at, "tiers", j), "expected at_least, below or both: a tier needs a bound")
            elif t.at_least is not None and t.below is not None and t.at_least >= t.below:
                yield Finding(
                    (*at, "tiers", j, "below"),
                    f"the tier can never apply: no figure is at least {_n(t.at_least)} and below {_n(t.below)}",
                )
        for j, t in enumerate(c.tiers):
            for k in range(j):
                o = c.tiers[k]
                lo1, hi1 = t.at_least, t.below
                lo2, hi2 = o.at_least, o.below
                if (hi1 is None or lo2 is None or lo2 < hi1) and (hi2 is None or lo1 is None or lo1 < hi2):
                    yield Finding(
                        (*at, "tiers", j),
                        f"tiers {k + 1} ({_range(o)}) and {j + 1} ({_range(t)}) overlap: a figure in both "
                        "would earn both; make the ranges meet without overlapping",
                    )
                    break
        charge = _charge(a)
        if charge is None:
            yield Finding(
                at,
                "credits are shares of the month's charge: state it in inputs.monthly_charge",
                "warning",
            )
    if any(g.credits for g in a.goals) and (a.clauses is None or a.clauses.claims is None):
        yield Finding(
            ("inputs",),
            "the agreement gives credits but does not say how they are paid: add clauses.claims "
            "(automatic: true for credits applied unasked, or the deadline of a claim)",
            "warning",
        )


def _charge(a: Agreement) -> Decimal | None:
    sc = a.inputs.service_credits
    if a.inputs.monthly_charge is not None:
        return a.inputs.monthly_charge
    return sc.monthly_charge if sc is not None else None


@check("credit-charge", "one monthly charge for every credit")
def credit_charge(ctx: Context) -> Iterator[Finding]:
    """The charge credits are shares of is stated once."""
    a = ctx.agreement
    sc, charge = a.inputs.service_credits, a.inputs.monthly_charge
    if charge is not None and sc is not None and sc.monthly_charge not in (None, charge):
        yield Finding(
            ("inputs", "monthly_charge"),
            f"two monthly charges: {_n(charge)} here and {_n(sc.monthly_charge)} in "
            "service_credits; state it once",
        )


# --- ratios written as fractions -------------------------------------------------------


def _raw(src: Source, path: Path_) -> Any:
    node: Any = src.data
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return None
            node = node[part]
        else:
            if not isinstance(node, dict):
                return None
            node = node.get(part)
    return node


def _fraction_like(src: Source, path: Path_, value: Decimal) -> Iterator[Finding]:
    raw = _raw(src, path)
    if isinstance(raw, str) and "%" not in raw and Decimal(0) < value <= Decimal(1):
        yield Finding(
            path,
            f"{raw} is read as {_n(value)}%, a percentage; if you mean {_n(value * 100)}% "
            f"(a fraction {raw}), write {_n(value * 100)} or {_n(value * 100)}%",
            "warning",
        )


@check("ratios-as-percentages", "a share written as a fraction where a percentage is expected")
def ratios(ctx: Context) -> Iterator[Finding]:
    """A share written as a fraction (``close_rate: 0.5``) where a percentage is expected."""
    a, src = ctx.agreement, ctx.source
    f = a.inputs.funnel
    if f is not None:
        for key in ("marketing_share", "close_rate"):
            yield from _fraction_like(src, ("inputs", "funnel", key), getattr(f, key))
        for j, s in enumerate(f.stages):
            yield from _fraction_like(src, ("inputs", "funnel", "stages", j, "rate"), s.rate)
    for j, t in enumerate(a.inputs.lead_tiers):
        yield from _fraction_like(src, ("inputs", "lead_tiers", j, "close_rate"), t.close_rate)
        yield from _fraction_like(
            src, ("inputs", "lead_tiers", j, "share_of_customers"), t.share_of_customers
        )


# --- cancellation grounds ---------------------------------------------------------------

_END_OF_TERM = re.compile(r"\b(end|expiry|expiration) of (the |its )?term\b|\bterm (ends|expires)\b", re.I)


def invokers(a: Agreement, c: CancellationCondition) -> list[str]:
    """The ids of the parties that may invoke ``c`` (all parties when it does not say)."""
    if isinstance(c.by, list):
        return list(c.by)
    if c.by == "consumer":
        return [p.id for p in a.parties if "consumer" in p.roles]
    if c.by == "provider":
        return [p.id for p in a.parties if "provider" in p.roles]
    return [p.id for p in a.parties]


@check("cancellation-grounds", "grounds end the agreement early, and no party cancels over its own failure")
def cancellation_grounds(ctx: Context) -> Iterator[Finding]:
    """A ground ends the agreement early, and no party may cancel over its own failure."""
    a = ctx.agreement
    if a.cancellation is None:
        return
    goals = {g.id: g for g in a.goals}
    party_ids = {p.id for p in a.parties}
    for i, c in enumerate(a.cancellation.conditions):
        at = ("cancellation", "conditions", i)
        if _END_OF_TERM.search(c.text):
            yield Finding(
                (*at, "text"),
                "a ground for early cancellation cannot be the end of the term: the agreement ends then "
                "anyway; drop it, or say what lets a party end it early",
            )
        if isinstance(c.by, list):
            for j, ident in enumerate(c.by):
                if ident not in party_ids:
                    yield Finding(
                        (*at, "by", j), f"expected a party id ({', '.join(sorted(party_ids))}), got {ident!r}"
                    )
        own = sorted({goals[gid].party for gid in c.goals or [] if gid in goals} & set(invokers(a, c)))
        if own:
            yield Finding(
                (*at, "by"),
                f"{' and '.join(own)} could cancel over {'its' if len(own) == 1 else 'their'} own failure "
                f"(the goals counted are {'its' if len(own) == 1 else 'theirs'}); let the other "
                "parties invoke it (e.g. by: consumer)",
            )
        elif c.by is None:
            yield Finding(
                at,
                "say who may invoke this ground: by: consumer, provider, any, or a list of party ids",
                "warning",
            )


# --- wording that fits the parties, and figures that belong in data -----------------------

_EITHER = re.compile(r"\b(either|both|neither)\b( of the)? (party|parties|sides?|teams?)\b", re.I)
_FIGURE = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|percent\b)|\b(?:[A-Z]{3}|[$£€])\s?\d|\d\s?(?:[A-Z]{3})\b|"
    r"\bwithin \d+ (?:business )?days\b",
    re.I,
)
#: A consequence about money: a deadline in it ("claims them within 30 days") is a claims term.
_MONEY_TALK = re.compile(r"\b(?:credit|claim|invoice|refund|pay|paid|payment|charge)", re.I)
_MONEY_WORDS = ("euro", "euros", "dollar", "dollars", "pound", "pounds")
_CREDIT = re.compile(r"\bcredit(s|ed)?\b", re.I)


def _free_texts(a: Agreement) -> Iterator[tuple[Path_, str, bool]]:
    """Free texts that state obligations, and whether each states a consequence of a miss."""
    m = a.missed_goals
    for i, t in enumerate(m.consequences):
        yield ("missed_goals", "consequences", i), t, True
    if m.recovery:
        yield ("missed_goals", "recovery"), m.recovery, True
    if m.strikes is not None:
        yield ("missed_goals", "strikes", "consequence"), m.strikes.consequence, True
    for i, c in enumerate(a.cancellation.conditions if a.cancellation else []):
        yield ("cancellation", "conditions", i, "text"), c.text, False
    for i, r in enumerate(a.requirements):
        yield ("requirements", i, "text"), r.text, False
    if a.unexpected_events is not None:
        for i, t in enumerate(a.unexpected_events.minimum_standards):
            yield ("unexpected_events", "minimum_standards", i), t, False


def _n_text(d: Decimal) -> str:
    return format(d.normalize(), "f")


def _said(f: SpelledFigure) -> str:
    """``'ninety-nine point nine percent' (99.9%)``: the words as written and the figure read."""
    unit = "%" if f.percent else f" {f.unit}" if f.unit else ""
    return f"{f.words!r} ({_n_text(f.value)}{unit})"


_NUMERAL_FIGURE = re.compile(
    r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(%|percent\b|per cent\b|(?:business |calendar )?days?\b|"
    r"weeks?\b|months?\b|quarters?\b|intervals?\b)",
    re.I,
)
_IN_A_ROW = re.compile(r"^\s*(?:in a row|running|consecutive)|\bconsecutive\s*$", re.I)
_ROW_UNITS = ("week", "weeks", "month", "months", "quarter", "quarters", "interval", "intervals")


def _figures(text: str) -> Iterator[tuple[int, int, Decimal, str, str]]:
    """Every figure with a unit in ``text``, in numerals or in words: (start, end, value, unit,
    as written)."""
    spelled = list(spelled_figures(text))
    for f in spelled:
        if f.unit is not None:
            yield f.start, f.end, f.value, "%" if f.percent else f.unit.lower(), _said(f)
    for m in _NUMERAL_FIGURE.finditer(text):
        if any(f.start <= m.start() < f.end for f in spelled):
            continue  # the numeral beside the words: "thirty (30) days"
        unit = m.group(2).lower()
        value = Decimal(m.group(1).replace(",", ""))
        yield (
            m.start(),
            m.end(),
            value,
            "%" if unit in ("%", "percent", "per cent") else unit,
            repr(m.group(0)),
        )


def _ground_figures(path: Path_, text: str, c: CancellationCondition) -> Iterator[Finding]:
    """A ground whose words state a count or a floor other than its data."""
    for start, end, value, unit, said in _figures(text):
        before, after = text[:start], text[end:]
        if (
            unit in _ROW_UNITS
            and c.missed_in_a_row is not None
            and (_IN_A_ROW.search(after[:20]) or _IN_A_ROW.search(before[-15:]))
        ):
            if value != c.missed_in_a_row:
                yield Finding(
                    path,
                    f"the text says {said} in a row, but missed_in_a_row is {c.missed_in_a_row}: the "
                    "documents and the tracking report count the data; make the text say the same",
                    "error",
                )
        elif unit == "%" and c.below is not None and value != c.below:
            yield Finding(
                path,
                f"the text says {said}, but the ground's floor (below) is {_n_text(c.below)}%: the "
                "tracking report counts the data; make the text say the same",
                "error",
            )


def _data_figure(f: SpelledFigure, text: str) -> bool:
    """Whether a figure in words is one the agreement's data should hold: a share, an amount,
    or a deadline in a consequence about credits or payment (as in numerals, see ``_FIGURE``)."""
    if f.percent or f.unit in _MONEY_WORDS:
        return True
    days = f.unit is not None and f.unit.endswith(("day", "days"))
    return days and text[: f.start].rstrip().lower().endswith("within") and bool(_MONEY_TALK.search(text))


@check("free-text", "wording that fits the number of parties; figures of consequences as data")
def free_text(ctx: Context) -> Iterator[Finding]:
    """'Either party' with more than two parties; consequences whose figures (in numerals or in
    words) should be data; figures in words that disagree with the numeral beside them or with
    the data of their cancellation ground."""
    a = ctx.agreement
    n = len(a.parties)
    grounds = a.cancellation.conditions if a.cancellation else []
    for path, text, consequence in _free_texts(a):
        for f in spelled_figures(text):
            if f.numeral is not None and f.numeral != f.value:
                yield Finding(
                    path,
                    f"{f.words!r} is {_n_text(f.value)}, but the figure beside it is {_n_text(f.numeral)}: "
                    "the words and the figure must say the same",
                    "error",
                )
        if path[0] == "cancellation":
            yield from _ground_figures(path, text, grounds[int(path[2])])
        m = _EITHER.search(text)
        if m and n > 2:
            yield Finding(
                path,
                f"{m.group(0)!r} cannot be right with {n} parties: name the parties, or write "
                "'any party' / 'all parties' (the documents choose the words by the number of parties)",
                "warning",
            )
        if not consequence:
            continue
        fig = _FIGURE.search(text)
        words = next((f for f in spelled_figures(text) if _data_figure(f, text)), None)
        if fig or words:
            said = repr(fig.group(0).strip()) if fig else _said(words) if words else ""
            yield Finding(
                path,
                f"a consequence with a figure ({said}) is free text no calculation "
                "or report can check: state it as data (a goal's credits, clauses.claims, "
                "strikes), and keep the text for what has no number",
                "warning",
            )
        elif _CREDIT.search(text):
            yield Finding(
                path,
                "credits in free text can contradict the credits the documents state: give them as "
                "data (a goal's credits, inputs.service_credits, clauses.claims)",
                "warning",
            )


# --- goals that must be met together (needs the computed targets) ---------------------------


def funnel_problems(a: Agreement, src: Source, values: dict[str, Decimal]) -> list[Problem]:
    """Lead tiers and the funnel's close rate describe one funnel, so every lead goal can be met
    at once: the tiers' leads before rounding (customers x share / the tier's close rate) add up
    to the customers / the funnel's close rate. (Rounded, the leads needed are the tiers' sum.)"""
    f = a.inputs.funnel
    tiers = a.inputs.lead_tiers
    customers = values.get("funnel.customers_needed")
    if not tiers or f is None or customers is None or f.close_rate <= 0:
        return []
    if any(t.close_rate <= 0 for t in tiers):
        return []
    c = Fraction(customers)
    exact = [c * Fraction(t.share_of_customers) / Fraction(t.close_rate) for t in tiers]
    summed = sum(exact, Fraction(0))
    funnel = c * 100 / Fraction(f.close_rate)
    if summed == funnel:
        return []
    stages = {f"funnel.{s.name}" for s in f.stages}
    users = [
        g.id
        for g in a.goals
        if (name := g.target.computed or "").startswith("tiers.") or name in {"funnel.leads_needed", *stages}
    ]
    blended = _n(round_to(c * 100 / summed, CENT, "half-up"))
    parts = " + ".join(_n(round_to(x, CENT, "half-up")) for x in exact)
    named = f"goals {', '.join(repr(u) for u in users)} " if users else "the lead goals "
    return [
        src.problem(
            ("inputs", "lead_tiers"),
            f"{named}cannot all be met together: the tiers need {parts} = "
            f"{_n(round_to(summed, CENT, 'half-up'))} leads for {_n(customers)} customers (a blended close "
            f"rate of {blended}%), but the close rate {_n(f.close_rate)}% needs "
            f"{_n(round_to(funnel, CENT, 'half-up'))}; make the tiers' close rates and shares give the "
            "funnel's close rate, or set the close rate to the tiers' blended one",
        )
    ]
