"""Views of the agreement's terms: service levels, the plan for missed goals, service credits,
cancellation, unexpected events, review and sign-off."""

from dataclasses import dataclass

from slagen.agreement.model import Agreement, Availability

from ...targets import TargetSet
from ...targets.calendar import clock_text, window_text
from .. import formatting as f
from .. import words as spell
from .parties import PersonView
from .targets import RowView

DOWNTIME_PREFIX = "availability.downtime_minutes."


@dataclass(frozen=True)
class SupportView:
    """Support times for one severity."""

    severity: str
    description: str
    response: str
    resolution: str
    hours: str


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
    limit_words: str = ""
    """The limit in words and figures: ``three (3)`` (legal-narrative)."""


@dataclass(frozen=True)
class CreditsView:
    """Service credits when goals are missed."""

    basis: str
    tiers: tuple[RowView, ...]
    """Condition (``availability below 99.9%``) and credit (``10% of the monthly charge``)."""
    linear: str | None
    monthly_cap: str
    rolling_cap: str | None
    monthly_charge: str | None
    tiers_words: tuple[RowView, ...] = ()
    """The tiers in words and figures: ``availability is below ninety-nine point nine percent
    (99.9%)`` and ``ten percent (10%) of the monthly charge`` (legal-narrative)."""
    linear_words: str | None = None
    monthly_cap_words: str = ""
    rolling_cap_words: str | None = None
    monthly_charge_words: str | None = None


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


def _measured(per: str, days: int | None) -> str:
    """``monthly``, or ``over every rolling window of 30 consecutive days``."""
    if per == "rolling":
        return f"over every rolling window of {days} consecutive days"
    return f.adjective(per)


def _downtime_label(name: str, av: Availability | None) -> str:
    """The label of a downtime row: the month, ``period``, ``quarter``, ``year``, or the window."""
    if name == "window" and av is not None:
        return f"any {av.rolling_days} consecutive days"
    return name


def service_levels(a: Agreement, targets: TargetSet) -> ServiceLevelView | None:
    """Availability, allowed downtime and support times; ``None`` when the agreement sets none."""
    av = a.inputs.availability
    if av is None and not a.inputs.support:
        return None
    loc = a.presentation.locale
    downtime = tuple(
        RowView(
            _downtime_label(name.removeprefix(DOWNTIME_PREFIX), av),
            f.quantity(c.value, c.unit, a.inputs.currency),
        )
        for name, c in targets.values.items()
        if name.startswith(DOWNTIME_PREFIX)
    )
    return ServiceLevelView(
        availability=f.percent(av.target) if av else None,
        measured_per=_measured(av.measured_per, av.rolling_days) if av else None,
        maintenance=tuple(window_text(w, a.calendar) for w in (av.maintenance_windows if av else [])),
        downtime=downtime,
        availability_words=spell.percent(av.target, loc) if av else None,
        maintenance_words=tuple(
            window_text(w, a.calendar, cap=False)
            + (f" (at most {spell.hours(w.hours_per_month, loc)} a month)" if w.hours_per_month else "")
            for w in (av.maintenance_windows if av else [])
        ),
        support=tuple(
            SupportView(
                s.severity.upper(),
                s.description,
                f"{f.number(s.response_minutes)} minutes",
                f"{f.number(s.resolution_hours)} hours",
                clock_text(a, s.hours, s.clock),
            )
            for s in a.inputs.support
        ),
    )


def missed_goals(a: Agreement, people: dict[str, PersonView]) -> MissedGoalsView:
    """The plan for missed goals: consequences, diagnosis, recovery, strikes and credits."""
    m = a.missed_goals
    strikes = None
    if m.strikes is not None:
        s = m.strikes
        strikes = StrikesView(
            str(s.limit),
            s.window,
            s.consequence,
            f"{f.plural(s.limit, 'missed goal')} in one {s.window} count as a strike-out: {s.consequence}",
            spell.spelled(s.limit, "", a.presentation.locale),
        )
    return MissedGoalsView(
        tuple(m.consequences),
        tuple(people[p] for p in m.diagnosed_by),
        m.recovery,
        strikes,
        credits(a),
    )


def credits(a: Agreement) -> CreditsView | None:
    """The service credit tiers and caps; ``None`` when the agreement gives no credits."""
    sc = a.inputs.service_credits
    if sc is None:
        return None
    cur = a.inputs.currency
    basis = "availability" if sc.basis == "availability" else "response times"
    tiers = tuple(
        RowView(
            f"{basis} {'below' if t.strict else 'at or below'} {f.percent(t.below)}",
            f"{f.percent(t.credit)} of the monthly charge",
        )
        for t in sc.tiers
    )
    linear = (
        f"{f.percent(sc.linear.credit)} of the monthly charge for each full "
        f"{f.percent(sc.linear.per_step)} below target"
        if sc.linear
        else None
    )
    loc = a.presentation.locale
    charge = "of the monthly charge"
    tiers_words = tuple(
        RowView(
            f"{basis} {('is' if basis == 'availability' else 'are')} {('below' if t.strict else 'at or below')} {spell.percent(t.below, loc)}",
            f"{spell.percent(t.credit, loc)} {charge}",
        )
        for t in sc.tiers
    )
    linear_words = (
        f"{spell.percent(sc.linear.credit, loc)} {charge} for each full {spell.percent(sc.linear.per_step, loc)} below target"
        if sc.linear
        else None
    )
    monthly_cap_words = f"{spell.percent(sc.monthly_cap, loc)} {charge}"
    rolling_cap_words = (
        f"{spell.percent(sc.rolling_12_month_cap, loc)} of twelve months' charges"
        if sc.rolling_12_month_cap
        else None
    )
    monthly_charge_words = spell.money(sc.monthly_charge, cur, loc) if sc.monthly_charge is not None else None
    return CreditsView(
        tiers_words=tiers_words,
        linear_words=linear_words,
        monthly_cap_words=monthly_cap_words,
        rolling_cap_words=rolling_cap_words,
        monthly_charge_words=monthly_charge_words,
        basis=basis,
        tiers=tiers,
        linear=linear,
        monthly_cap=f"{f.percent(sc.monthly_cap)} of the monthly charge",
        rolling_cap=(
            f"{f.percent(sc.rolling_12_month_cap)} of twelve months' charges"
            if sc.rolling_12_month_cap
            else None
        ),
        monthly_charge=f.money(sc.monthly_charge, cur) if sc.monthly_charge is not None else None,
    )


def cancellation(a: Agreement) -> CancellationView | None:
    """The conditions for early cancellation and the notice; ``None`` when there are none."""
    c = a.cancellation
    if c is None:
        return None
    return CancellationView(
        tuple(x.text for x in c.conditions),
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
