"""Views of the agreement's terms: service levels, the plan for missed goals, service credits,
cancellation, unexpected events, review and sign-off."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from slagen.agreement.calendars import Calendar
from slagen.agreement.model import Agreement, Goal, MaintenanceWindow, Strikes, SupportLevel
from slagen.i18n import N_, ngettext, pgettext
from slagen.i18n import gettext as _

from ...calendars.recurrence import hours as maintenance_hours
from ...targets import TargetSet
from ...targets.base import Span
from ...targets.calendar import clock_text, window_text
from .. import formatting as f
from .. import words as spell
from ..phrases import (
    Figures,
    capitalise_terms,
    clause_text,
    continuing,
    full_stop,
    join_and,
    list_items,
    upfirst,
)
from .parties import PersonView
from .targets import DOWNTIME_PREFIX, RowView, downtime_text


@dataclass(frozen=True)
class SupportView:
    """Support times for one severity."""

    severity: str
    description: str
    response: str
    resolution: str
    hours: str
    clock_term: str = ""
    """The clock as the term the legal style defines (``business hours``, capitalised where the
    agreement defines it), so its table does not repeat the definition; empty for other clocks."""


@dataclass(frozen=True)
class ServiceLevelView:
    """Availability and support promises (IT service agreements)."""

    availability: str | None
    measured_per: str | None
    maintenance: tuple[str, ...]
    downtime: tuple[RowView, ...]
    """Allowed downtime per month of the period, the period, quarter and year."""
    support: tuple[SupportView, ...]
    availability_words: str | None = None
    """The availability target in words and figures (legal-narrative)."""
    maintenance_words: tuple[str, ...] = ()
    """The maintenance windows with their hours in words and figures (legal-narrative)."""


@dataclass(frozen=True)
class StrikesView:
    """A strikes system."""

    limit: str
    window: str
    consequence: str
    statement: str
    """The whole rule, as every style states it: what counts as a strike, and what the limit
    sets off."""
    limit_words: str = ""
    """The limit in words and figures: ``three (3)`` (legal-narrative)."""
    rule: str = ""
    """What counts as one strike: ``Each month in which the goal Monday deliveries is missed
    counts as one strike.``"""
    statement_words: str = ""
    """:attr:`statement` with the limit in words and figures (legal-narrative)."""
    count: str = ""
    """The limit as a count of strikes: ``3 strikes`` (``3 ostrzeżenia``)."""
    within: str = ""
    """The window the strikes are counted in: ``in one quarter`` (``w jednym kwartale``)."""


@dataclass(frozen=True)
class CreditsView:
    """Service credits when goals are missed: every one stated as data, with its amount."""

    basis: str | None
    """What the stepped tiers are measured on (``availability``); None without tiers."""
    tiers: tuple[RowView, ...]
    """Range (``availability below 99.95% and at least 99%``) and credit (``10% of the monthly
    charge (1,200.00 EUR)``)."""
    linear: str | None
    monthly_cap: str | None
    """Most credit in one month, all credits together, with its amount."""
    rolling_cap: str | None
    monthly_charge: str | None
    per_goal: tuple[RowView, ...] = ()
    """Credits of goals: the goal's metric and what it earns (``5% of the monthly charge
    (22.50 GBP) for each delivery short of the target in a week``)."""
    payment: str = ""
    """How credits are paid: deducted from the next invoice, or claimed by a deadline."""
    stacking: str = ""
    """Whether tiers add up (they never do: one tier applies)."""
    all_capped: bool = False
    """Whether the monthly cap covers the goals' credits too."""
    items: tuple[str, ...] = ()
    """Every credit as an item of the legal style's list (tiers, the linear credit, the goals'
    credits), punctuated as a list that continues the sentence introducing it."""
    cap_sentence: str = ""
    """The caps as one sentence of the legal style: ``Service Credits shall not exceed ...``."""


@dataclass(frozen=True)
class MissedGoalsView:
    """The plan when goals are missed."""

    consequences: tuple[str, ...]
    diagnosed_by: tuple[PersonView, ...]
    recovery: str | None
    strikes: StrikesView | None
    credits: CreditsView | None


@dataclass(frozen=True)
class CancellationView:
    """When the agreement ends early."""

    conditions: tuple[str, ...]
    """Each ground with who may invoke it: ``Stratus loses its certification (invoked by
    Meridian Freight Logistics B.V.)``."""
    notice: str
    notice_words: str = ""
    """The notice in words and figures: ``thirty (30) days`` (legal-narrative)."""


@dataclass(frozen=True)
class UnexpectedEventsView:
    """Events that excuse a miss, and what still holds."""

    excused: tuple[str, ...]
    minimum_standards: tuple[str, ...]
    notice: str
    notice_words: str = ""
    """The notice in words and figures: ``twenty-four (24) hours`` (legal-narrative)."""


@dataclass(frozen=True)
class ReviewView:
    """The review schedule."""

    mid_term: str | None
    end_of_term: str
    metrics_every: str


@dataclass(frozen=True)
class SignatoryView:
    """A signatory and whether they have signed."""

    person: PersonView
    signed: bool
    signed_on: str | None
    capacity: str = ""
    """The capacity in which they sign (e.g. Managing Director); empty: in their role."""


def _measured(per: str, days: int | None, fig: Figures) -> str:
    """``monthly``, or ``over every rolling window of 30 consecutive days`` (of ``thirty (30)``)."""
    if per == "rolling":
        n = days or 0
        return ngettext(
            "over every rolling window of %(n)s consecutive day",
            "over every rolling window of %(n)s consecutive days",
            n,
        ) % {"n": fig.number(n)}
    return f.adjective(per)


def _downtime_label(span: Span) -> str:
    """The label of a downtime row, from the stretch it covers: the month, the period with its
    days (``2026-Q4 (92 days)``, the figure the period's downtime goal refers to), or the
    rolling window (with the planned maintenance it holds when a window can hold several
    amounts)."""
    if span.kind == "window":
        n = {"n": f.number(Decimal(span.days))}
        if span.planned_minutes is None:
            return ngettext("any %(n)s consecutive day", "any %(n)s consecutive days", span.days) % n
        hours = maintenance_hours(span.planned_minutes)
        if hours == 1:
            text = ngettext(
                "any %(n)s consecutive day with %(hours)s hour of planned maintenance",
                "any %(n)s consecutive days with %(hours)s hour of planned maintenance",
                span.days,
            )
        else:
            text = ngettext(
                "any %(n)s consecutive day with %(hours)s hours of planned maintenance",
                "any %(n)s consecutive days with %(hours)s hours of planned maintenance",
                span.days,
            )
        return text % {**n, "hours": f.number(hours)}
    if span.kind == "period":
        return _("%(period)s (%(days)s)") % {"period": span.label, "days": f.plural(span.days, "day")}
    return span.label or span.kind


def maintenance_words(w: MaintenanceWindow, cal: Calendar | None, fig: Figures) -> str:
    """A maintenance window as a phrase of the legal style, its figures in words and figures:
    ``planned platform maintenance, every Sunday, 02:00-04:00 Europe/Berlin time, announced at
    least five (5) business days ahead (at most ten (10) hours a month)`` (the one wording of
    :func:`slagen.targets.calendar.window_text`)."""
    return window_text(w, cal, fig.counted, phrase=continuing)


def service_levels(a: Agreement, targets: TargetSet, fig: Figures) -> ServiceLevelView | None:
    """Availability, allowed downtime and support times; ``None`` when the agreement sets none
    (the legal style's phrases with their figures as ``fig`` writes them)."""
    av = a.inputs.availability
    if av is None and not a.inputs.support:
        return None
    loc = a.presentation.locale
    downtime = tuple(
        RowView(
            _downtime_label(c.span),
            downtime_text(c.value, targets),
        )
        for name, c in targets.values.items()
        if name.startswith(DOWNTIME_PREFIX) and c.span is not None
    )
    return ServiceLevelView(
        availability=f.percent(av.target) if av else None,
        measured_per=_measured(av.measured_per, av.rolling_days, fig) if av else None,
        maintenance=tuple(
            window_text(w, a.calendar, fig.counted) for w in (av.maintenance_windows if av else [])
        ),
        downtime=downtime,
        availability_words=spell.percent(av.target, loc) if av else None,
        maintenance_words=tuple(
            maintenance_words(w, a.calendar, fig) for w in (av.maintenance_windows if av else [])
        ),
        support=tuple(support_view(a, s) for s in a.inputs.support),
    )


def support_view(a: Agreement, s: SupportLevel) -> SupportView:
    """One severity's support times as every document writes them: the support table, and the
    visual style's response and resolution ladder."""
    return SupportView(
        s.severity.upper(),
        s.description,
        f.duration(s.response_minutes, "minutes"),
        f.duration(s.resolution_hours, "hours"),
        clock_text(a, s.hours, s.clock),
        _("business hours") if s.clock == "business-hours" else "",
    )


def missed_goals(a: Agreement, people: dict[str, PersonView], fig: Figures) -> MissedGoalsView:
    """The plan for missed goals: consequences, diagnosis, recovery, strikes and credits (their
    figures as ``fig`` writes them: in words and figures in the legal style)."""
    m = a.missed_goals
    strikes = None
    if m.strikes is not None:
        s = m.strikes
        every = (
            a.term.reporting_interval
            if a.term.reporting_interval in ("month", "quarter", "year")
            else "month"
        )
        rule = _strike_rule(a, s, every)
        words = spell.spelled(s.limit, "", a.presentation.locale)
        end = "" if s.consequence.endswith((".", "!")) else "."
        after = ngettext(
            "After %(n)s strike in one %(window)s: %(consequence)s",
            "After %(n)s strikes in one %(window)s: %(consequence)s",
            s.limit,
        ) % {
            "n": f.number(Decimal(s.limit)),
            "window": pgettext("period, locative", s.window),
            "consequence": s.consequence + end,
        }
        strikes = StrikesView(
            str(s.limit),
            s.window,
            s.consequence,
            f"{rule} {after}",
            words,
            rule,
            _legal_strikes(a, s, every, words),
            ngettext("%(n)s strike", "%(n)s strikes", s.limit) % {"n": f.number(Decimal(s.limit))},
            _("in one %(window)s") % {"window": pgettext("period, locative", s.window)},
        )
    return MissedGoalsView(
        tuple(m.consequences),
        tuple(people[p] for p in m.diagnosed_by),
        m.recovery,
        strikes,
        credits(a, fig),
    )


def _metrics(a: Agreement, s: Strikes) -> list[str]:
    """The names of the goals whose misses count as strikes."""
    return [next(g.metric for g in a.goals if g.id == i) for i in s.goals or ()]


def _strike_rule(a: Agreement, s: Strikes, every: str) -> str:
    """What counts as one strike: ``Each month in which the goal Monday deliveries is missed
    counts as one strike.`` (``every`` the reporting interval)."""
    each = {"every": pgettext("period, nominative", every)}
    metrics = _metrics(a, s)
    if not metrics:
        return _("Each %(every)s in which any goal is missed counts as one strike.") % each
    if len(metrics) == 1:
        return _("Each %(every)s in which the goal %(goal)s is missed counts as one strike.") % {
            **each,
            "goal": metrics[0],
        }
    return _("Each %(every)s in which one of the goals %(goals)s is missed counts as one strike.") % {
        **each,
        "goals": "; ".join(metrics),
    }


def _legal_strikes(a: Agreement, s: Strikes, every: str, words: str) -> str:
    """The strikes rule as the legal style states it: "Strike" and "Goal" as defined, the
    goals by their titles in quotes, the consequence continuing the sentence: ``Each month in
    which the Goal “Monday deliveries” is missed counts as one Strike. After three (3) Strikes
    in one quarter, the heads of all Parties review ....``"""
    each = {"every": pgettext("period, nominative", every)}
    # the document's quotation marks: “Monday deliveries”, „Dostępność usługi”
    metrics = [pgettext("quotation marks", "“%(text)s”") % {"text": clause_text(m)} for m in _metrics(a, s)]
    if not metrics:
        rule = _("Each %(every)s in which any Goal is missed counts as one Strike.") % each
    elif len(metrics) == 1:
        rule = _("Each %(every)s in which the Goal %(goal)s is missed counts as one Strike.") % {
            **each,
            "goal": metrics[0],
        }
    else:
        rule = _("Each %(every)s in which one of the Goals %(goals)s is missed counts as one Strike.") % {
            **each,
            "goals": join_and(metrics, _("or")),
        }
    after = ngettext(
        "After %(n)s Strike in one %(window)s, %(consequence)s",
        "After %(n)s Strikes in one %(window)s, %(consequence)s",
        s.limit,
    ) % {
        "n": words,
        "window": pgettext("period, locative", s.window),
        "consequence": full_stop(capitalise_terms(continuing(s.consequence))),
    }
    return f"{rule} {after}"


def _charge(a: Agreement) -> Decimal | None:
    sc = a.inputs.service_credits
    if a.inputs.monthly_charge is not None:
        return a.inputs.monthly_charge
    return sc.monthly_charge if sc is not None else None


def _share(a: Agreement, fig: Figures, share: Decimal, *, twelve: bool = False, more: bool = False) -> str:
    """``10% of the monthly charge (1,200.00 EUR)`` (of ``twelve months' charges``): a share,
    and its amount where the charge is known; in words and figures, ``ten percent (10%) of the
    monthly charge, that is one thousand two hundred euros (EUR 1,200.00)`` (the amount after
    "that is", its figure in brackets), with a comma closing the "that is" when the sentence
    goes on (``more``)."""
    charge = _charge(a)
    of = _("%(share)s of twelve months' charges") if twelve else _("%(share)s of the monthly charge")
    text = of % {"share": fig.percent(share)}
    if charge is None:
        return text
    amount = fig.money(cents(share * (charge * 12 if twelve else charge) / 100))
    if not fig.in_words:
        return f"{text} ({amount})"
    return _("%(share)s, that is %(amount)s") % {"share": text, "amount": amount} + ("," if more else "")


def cents(d: Decimal) -> Decimal:
    """``d`` to the cent, half-up (amounts of credit)."""
    return d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


#: A tier's range, by whether its own bound and the next tier's are strict (``None``: the
#: last tier, with no bound below it).
_RANGES = {
    (True, None): N_("%(basis)s below %(upper)s"),
    (False, None): N_("%(basis)s at or below %(upper)s"),
    (True, True): N_("%(basis)s below %(upper)s and at least %(lower)s"),
    (True, False): N_("%(basis)s below %(upper)s and above %(lower)s"),
    (False, True): N_("%(basis)s at or below %(upper)s and at least %(lower)s"),
    (False, False): N_("%(basis)s at or below %(upper)s and above %(lower)s"),
}


def _tier_rows(a: Agreement, basis: str, fig: Figures) -> tuple[RowView, ...]:
    """Each availability tier with both its bounds: the range it covers, so a reader sees
    that one tier applies to a month and the tiers do not add up."""
    sc = a.inputs.service_credits
    assert sc is not None
    tiers = sorted(sc.tiers, key=lambda t: t.below, reverse=True)
    rows = []
    for i, t in enumerate(tiers):
        n = tiers[i + 1] if i + 1 < len(tiers) else None
        label = _(_RANGES[t.strict, n.strict if n is not None else None]) % {
            "basis": basis,
            "upper": fig.percent(t.below),
            "lower": fig.percent(n.below) if n is not None else "",
        }
        rows.append(RowView(label, _share(a, fig, t.credit)))
    return tuple(rows)


def _amount(fig: Figures, d: Decimal, g: Goal) -> str:
    """A bound of a goal's credit tier in the goal's unit, in the form its count takes."""
    if g.unit_forms:
        return fig.count(d, g.unit, {str(k): v for k, v in g.unit_forms.items()})
    return fig.quantity(d, g.unit)


def _per_miss(a: Agreement, fig: Figures, g: Goal, share: Decimal) -> str:
    """What a goal's credit per miss earns, and for what: ``5% of the monthly charge (22.50 GBP)
    for each delivery short of the target in a week``."""
    v = {"share": _share(a, fig, share, more=True)}
    interval = g.interval or "month"
    if g.measure in ("per-event", "share") and g.per:
        return _("%(share)s for each %(event)s that misses its limit") % {**v, "event": g.per}
    if g.accrues or g.measure == "total":
        one = g.unit_forms.get("one", g.unit) if g.unit_forms else f.singular(g.unit)
        return _("%(share)s for each %(unit)s short of the target in a %(interval)s") % {
            **v,
            "unit": one,
            "interval": pgettext("period, locative", interval),
        }
    return _("%(share)s for each %(interval)s the goal is missed") % {
        **v,
        "interval": pgettext("period, nominative", interval),
    }


def _goal_credit_rows(a: Agreement, fig: Figures) -> tuple[RowView, ...]:
    rows = []
    for g in a.goals:
        c = g.credits
        if c is None:
            continue
        if c.per_miss is not None:
            rows.append(RowView(g.metric, _per_miss(a, fig, g, c.per_miss)))
        for t in c.tiers:
            v = {"metric": g.metric}
            if t.at_least is not None:
                v["low"] = _amount(fig, t.at_least, g)
            if t.below is not None:
                v["high"] = _amount(fig, t.below, g)
            if t.at_least is not None and t.below is not None:
                label = _("%(metric)s: at least %(low)s and below %(high)s") % v
            elif t.at_least is not None:
                label = _("%(metric)s: at least %(low)s") % v
            elif t.below is not None:
                label = _("%(metric)s: below %(high)s") % v
            else:
                label = g.metric + ":"
            rows.append(RowView(label, _share(a, fig, t.credit)))
        if c.cap is not None:
            rows.append(
                RowView(_("%(metric)s: most in one month") % {"metric": g.metric}, _share(a, fig, c.cap))
            )
    return tuple(rows)


def _payment(a: Agreement, fig: Figures) -> str:
    """How credits are paid: applied without a claim, or due when claimed by a deadline (in
    days, ``thirty (30) days`` in the legal style)."""
    cl = a.clauses.claims if a.clauses is not None else None
    if cl is None:
        return _("The agreement does not say how credits are paid.")
    # every credit is a share of a month's charge, earned in a calendar month (even when
    # availability is measured over rolling windows or a goal over weeks)
    applied = {"applied": cl.applied.rstrip(".")}
    if cl.automatic:
        return _("Credits are applied without a claim; an accepted credit is %(applied)s.") % applied
    loc = a.presentation.locale
    days = spell.days(cl.deadline_days, loc) if fig.in_words else f.plural(cl.deadline_days, "day")
    return _(
        "A credit is due only when claimed within %(days)s after the end of the month it was "
        "earned in; an accepted credit is %(applied)s."
    ) % {**applied, "days": days}


def credits(a: Agreement, fig: Figures) -> CreditsView | None:
    """Every service credit of the agreement (availability tiers and the credits of goals), with
    its caps and how it is paid, its figures as ``fig`` writes them; ``None`` when the
    agreement gives no credits."""
    sc = a.inputs.service_credits
    per_goal = _goal_credit_rows(a, fig)
    if sc is None and not per_goal:
        return None
    basis = None
    tiers: tuple[RowView, ...] = ()
    linear = monthly_cap = rolling = None
    if sc is not None:
        basis = _("availability") if sc.basis == "availability" else _("response times")
        tiers = _tier_rows(a, basis, fig)
        linear = (
            _("%(share)s for each full %(step)s below target")
            % {"share": _share(a, fig, sc.linear.credit, more=True), "step": fig.percent(sc.linear.per_step)}
            if sc.linear
            else None
        )
        # the caps are followed by "in one month" and "over any twelve months"
        monthly_cap = _share(a, fig, sc.monthly_cap, more=True)
        if sc.rolling_12_month_cap:
            rolling = _share(a, fig, sc.rolling_12_month_cap, twelve=True, more=True)
    charge = _charge(a)
    items = [f"{upfirst(t.label)}: {t.value}" for t in tiers]
    items += [upfirst(linear)] if linear else []
    items += [f"{t.label}: {t.value}" for t in per_goal]
    cap = ""
    if monthly_cap is not None:
        cap = _("Service Credits shall not exceed %(cap)s in one month") % {"cap": monthly_cap}
        cap += _(", all credits together") if per_goal else ""
        cap += _(", nor %(cap)s over any twelve months") % {"cap": rolling} if rolling else ""
        cap = full_stop(cap)
    return CreditsView(
        basis=basis,
        tiers=tiers,
        linear=linear,
        monthly_cap=monthly_cap,
        rolling_cap=rolling,
        monthly_charge=fig.money(charge) if charge is not None else None,
        per_goal=per_goal,
        payment=_payment(a, fig),
        stacking=(
            _("Each month earns the credit of the one tier its figure falls in; the tiers do not add up.")
            if len(tiers) > 1
            else ""
        ),
        all_capped=bool(per_goal) and monthly_cap is not None,
        items=list_items(items, "") if items else (),
        cap_sentence=cap,
    )


def invoked_by(a: Agreement, by: object) -> str:
    """Who may invoke a ground, worded for the number of parties."""
    names = {p.id: p.name for p in a.parties}
    if isinstance(by, list):
        ids = list(by)
    elif by in ("consumer", "provider"):
        ids = [p.id for p in a.parties if by in p.roles]
    else:
        return _("either party") if len(a.parties) == 2 else _("any party")
    if len(ids) == len(a.parties):
        return _("either party") if len(a.parties) == 2 else _("any party")
    return join_and([names[i] for i in ids], _("and"))


def cancellation(a: Agreement) -> CancellationView | None:
    """The conditions for early cancellation, each with who may invoke it, and the notice;
    ``None`` when there are none."""
    c = a.cancellation
    if c is None:
        return None
    return CancellationView(
        tuple(
            _("%(ground)s (invoked by %(who)s)") % {"ground": x.text, "who": invoked_by(a, x.by)}
            for x in c.conditions
        ),
        f.plural(c.notice_days, "day"),
        spell.days(c.notice_days, a.presentation.locale),
    )


def unexpected_events(a: Agreement) -> UnexpectedEventsView | None:
    """The events that excuse a miss and the standards that still hold; ``None`` when absent."""
    u = a.unexpected_events
    if u is None:
        return None
    return UnexpectedEventsView(
        tuple(u.excused),
        tuple(u.minimum_standards),
        f.plural(u.notice_hours, "hour"),
        spell.hours(u.notice_hours, a.presentation.locale),
    )


def review(a: Agreement) -> ReviewView:
    """The dates of the mid-term and end-of-term reviews, and how often metrics are reviewed."""
    loc = a.presentation.locale
    return ReviewView(
        f.long_date(a.review.mid_term, loc) if a.review.mid_term else None,
        f.long_date(a.review.end_of_term, loc),
        f.every(a.review.metrics_every),
    )


def signatories(a: Agreement, people: dict[str, PersonView]) -> tuple[SignatoryView, ...]:
    """Each signatory, and the date they signed."""
    loc = a.presentation.locale
    return tuple(
        SignatoryView(
            people[s.person],
            s.signed_on is not None,
            f.long_date(s.signed_on, loc) if s.signed_on else None,
            s.capacity or "",
        )
        for s in a.sign_off
    )
