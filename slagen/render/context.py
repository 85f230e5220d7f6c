"""The typed context templates render: frozen dataclasses, every figure already formatted.

Templates never see the pydantic model or a dict: in Jinja ``{{ row.items }}`` on
a dict is the dict's method, and no undefined-check catches it. Every value here
is either text ready to print, a tuple of further views, or ``None`` for an
optional section that is absent (the template then prints the matching
sentence of :class:`Absent`, never a blank).

The targets come from :func:`slagen.targets.compute_targets` only (one source of
truth): this module formats them and computes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..model import Agreement, Goal, Party
from ..period import Period
from ..targets import Computed, TargetSet
from ..targets.base import GoalTarget, MonthLine
from . import formatting as f
from . import words as spell

#: Colour of each party in order of appearance, and of shared goals.
PALETTE = ("#1f5f8b", "#a4452c", "#2e7d4f", "#6d4c9f", "#8a6d1f", "#2b7a86")
SHARED_COLOR = "#5b5b5b"
#: Shape of each party in order of appearance (shared goals are marked by a ring).
SHAPES = ("circle", "square", "diamond", "triangle", "bar", "hollow-square")
STAGES = ("goals", "qualification", "hand-off", "nurturing", "service", "delivery")
STAGE_LABELS = {
    "goals": "Goals",
    "qualification": "Lead qualification",
    "hand-off": "Hand-off",
    "nurturing": "Nurturing and follow-up",
    "service": "Service",
    "delivery": "Delivery",
}
KIND_LABELS = {
    "customer": "customer agreement",
    "internal": "internal agreement",
    "multi-level": "multi-level agreement",
}


@dataclass(frozen=True)
class Headings:
    """The section headings every style uses (a style may number them)."""

    overview: str = "Agreement overview"
    goals: str = "Goals"
    requirements: str = "Requirements"
    contacts: str = "Contacts and reporting"
    missed_goals: str = "Plan for missed goals"
    cancellation: str = "Cancellation"
    unexpected_events: str = "Unexpected events"
    review: str = "Review"
    sign_off: str = "Sign-off"
    appendix: str = "How these targets were computed"


@dataclass(frozen=True)
class Absent:
    """The sentence printed where an optional part of the agreement is absent."""

    reports: str = "The agreement sets no regular reports."
    recovery: str = "The agreement sets no recovery plan beyond the consequences above."
    strikes: str = "The agreement uses no strikes system."
    credits: str = "The agreement gives no service credits."
    cancellation: str = "The agreement sets no conditions for early cancellation; it ends with its term."
    unexpected_events: str = "The agreement makes no exception for unexpected events."
    mid_term: str = "The agreement sets no mid-term review."
    derivations: str = "Every target in this agreement is stated directly; none is computed."
    shared: str = "The parties share no goals."
    measured_by: str = "Not stated."
    owner: str = "Not named."


@dataclass(frozen=True)
class PartyRef:
    """A party as other items refer to it."""

    id: str
    name: str
    color: str
    shape: str = "circle"
    """The shape marking the party, with its colour, so print in black and white still tells
    parties apart (visual style): ``circle``, ``square``, ``diamond``, ``triangle``, ``bar``, ``hollow-square``"""


@dataclass(frozen=True)
class PersonView:
    """A person named in the agreement."""

    id: str
    name: str
    role: str
    email: str
    party: PartyRef


@dataclass(frozen=True)
class RowView:
    """A labelled value: one row of a breakdown, a derivation input, a downtime figure."""

    label: str
    value: str


@dataclass(frozen=True)
class BreakdownView:
    """A goal's target over one interval of the calendar."""

    label: str
    start: str
    end: str
    days: str
    value: str


@dataclass(frozen=True)
class BreakdownGroup:
    """The rows of one breakdown of a goal (by quarter, month or week)."""

    interval: str
    label: str
    """``By month``."""
    rows: tuple[BreakdownView, ...]


@dataclass(frozen=True)
class GoalView:
    """A goal with its target resolved for the document's period."""

    id: str
    metric: str
    party: PartyRef
    shared_with: tuple[PartyRef, ...]
    shared: bool
    comparison: str
    target: str
    """The target in its unit, e.g. ``100 leads`` or ``5,000.00 USD``."""
    per: str
    """``a month``; empty when the goal has no interval."""
    statement: str
    """The whole commitment: ``at least 100 leads a month``."""
    unit: str
    measured_by: str | None
    owner: PersonView | None
    stage: str | None
    stage_label: str | None
    computed_name: str | None
    computed_label: str | None
    period_total: str | None
    """The target summed over the document's period, for goals that accrue."""
    breakdown: tuple[BreakdownGroup, ...]
    """Quarters, months and weeks of the period, for goals that accrue."""
    rounding: str
    """How the period total and the breakdown are rounded."""
    goal_lines: tuple[MonthLine, ...]
    """The daily goal line per month (numbers, for charts)."""
    target_words: str = ""
    """The target in words and figures: ``one hundred (100) leads`` (legal-narrative)."""
    period_total_words: str | None = None
    """The period total in words and figures, for goals that accrue."""


@dataclass(frozen=True)
class RequirementView:
    """What one party needs from another."""

    party: PartyRef
    from_party: PartyRef
    text: str
    every: str
    """``every week``; empty when it does not recur."""


@dataclass(frozen=True)
class PartyView:
    """A party with everything that belongs to it."""

    id: str
    name: str
    color: str
    roles: str
    """``provider``, ``consumer`` or ``provider and consumer``."""
    description: str | None
    lead: PersonView
    people: tuple[PersonView, ...]
    goals: tuple[GoalView, ...]
    """Goals the party commits to alone."""
    needs: tuple[RequirementView, ...]
    """What the party needs from the others."""
    contacts: tuple[ContactView, ...]
    """The points of contact among the party's people."""
    shape: str = "circle"
    """The shape marking the party (see :attr:`PartyRef.shape`)."""
    address: str | None = None
    """Registered or postal address, as the contract's preamble names it."""


@dataclass(frozen=True)
class StageView:
    """The goals of one process stage (visual style), laid out as a grid of cards."""

    id: str
    label: str
    goals: tuple[GoalView, ...]
    heads: tuple[PartyRef | None, ...] = ()
    """The grid's columns: each party with a goal of its own at this stage, in party order,
    then ``None`` for shared goals when the stage has any."""
    rows: tuple[tuple[GoalView | None, ...], ...] = ()
    """The cards, row by row: the n-th row holds each column's n-th goal (``None`` where a
    column has fewer), so the grid breaks across pages between rows and keeps each card
    whole. A stage with one column sets its cards two to a row under that column's head."""
    idle: tuple[PartyRef, ...] = ()
    """The parties with no goal of their own at this stage."""
    no_shared: bool = False
    """Whether the agreement has shared goals but none at this stage."""


@dataclass(frozen=True)
class ComputedView:
    """A computed target and its derivation, for the appendix."""

    name: str
    label: str
    value: str
    per: str
    formula: str
    inputs: tuple[RowView, ...]
    rounding: str


@dataclass(frozen=True)
class ContactView:
    """A point of contact."""

    person: PersonView
    responsibility: str


@dataclass(frozen=True)
class ReportView:
    """A reporting line."""

    id: str
    title: str
    sender: PersonView
    recipient: PersonView
    every: str
    content: str
    visible_to: tuple[PartyRef, ...]


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
class ServiceLevelView:
    """Availability and support promises (IT service agreements)."""

    availability: str | None
    measured_per: str | None
    maintenance: tuple[str, ...]
    downtime: tuple[RowView, ...]
    """Allowed downtime per month of the period, the period, quarter and year."""
    support: tuple[SupportView, ...]


@dataclass(frozen=True)
class SupportView:
    """Support times for one severity."""

    severity: str
    description: str
    response: str
    resolution: str
    hours: str


@dataclass(frozen=True)
class SignatoryView:
    """A signatory and whether they have signed."""

    person: PersonView
    signed: bool
    signed_on: str | None


@dataclass(frozen=True)
class Chart:
    """A chart image (built by :mod:`slagen.charts` for styles that show one)."""

    id: str
    title: str
    alt: str
    src: str
    """A ``data:image/svg+xml`` or ``data:image/png`` URI."""
    png: str
    """A ``data:image/png`` URI of the same chart, for DOCX."""


@dataclass(frozen=True)
class DocumentContext:
    """Everything a style's template may print (the name ``doc`` in templates)."""

    id: str
    title: str
    kind: str
    kind_label: str
    version: str
    style: str
    locale: str
    lang: str
    page_size: str
    currency: str
    period: str
    period_text: str
    """``October 1, 2026 to December 31, 2026``."""
    term_start: str
    term_end: str
    reporting_interval: str
    headings: Headings
    absent: Absent
    summary: str
    services: tuple[str, ...]
    for_whom: str
    success_measures: tuple[str, ...]
    parties: tuple[PartyView, ...]
    goals: tuple[GoalView, ...]
    shared_goals: tuple[GoalView, ...]
    stages: tuple[StageView, ...]
    requirements: tuple[RequirementView, ...]
    service_levels: ServiceLevelView | None
    derivations: tuple[ComputedView, ...]
    contacts: tuple[ContactView, ...]
    reports: tuple[ReportView, ...]
    missed_goals: MissedGoalsView
    cancellation: CancellationView | None
    unexpected_events: UnexpectedEventsView | None
    review: ReviewView
    signatories: tuple[SignatoryView, ...]
    draft: bool
    stamp: str
    """The version stamp printed in the footer."""
    document_date: str
    created: str
    """The document date as a W3C timestamp, for the PDF metadata."""
    authors: tuple[str, ...]
    keywords: tuple[str, ...]
    warnings: tuple[str, ...]
    logo: str | None
    """The agreement's logo as a ``data:`` URI."""
    charts: tuple[Chart, ...] = ()
    term_start_formal: str = ""
    """The first day of the term as a contract's preamble writes it: ``the 1st day of January, 2026``."""


@dataclass(frozen=True)
class ContextInputs:
    """What :func:`build_context` needs besides the agreement and its targets."""

    style: str
    stamp: str
    when: datetime
    """The document date (UTC, from the agreement or ``SOURCE_DATE_EPOCH``)."""
    logo: str | None = None


def _stages(goals: tuple[GoalView, ...], parties: tuple[PartyRef, ...]) -> tuple[StageView, ...]:
    """The process stages that have goals, in process order, each with its grid of cards."""
    any_shared = any(g.shared for g in goals)
    stages = []
    for stage in STAGES:
        mine = tuple(g for g in goals if g.stage == stage)
        if not mine:
            continue
        columns: list[tuple[PartyRef | None, tuple[GoalView, ...]]] = [
            (p, tuple(g for g in mine if g.party.id == p.id and not g.shared)) for p in parties
        ]
        columns.append((None, tuple(g for g in mine if g.shared)))
        used = [(head, cards) for head, cards in columns if cards]
        # One column: its cards two to a row; else the n-th card of each column in row n.
        grid = [used[0][1][::2], used[0][1][1::2]] if len(used) == 1 else [c for _, c in used]
        rows = tuple(
            tuple(c[n] if n < len(c) else None for c in grid) for n in range(max(len(c) for c in grid))
        )
        stages.append(
            StageView(
                id=stage,
                label=STAGE_LABELS[stage],
                goals=mine,
                heads=tuple(head for head, _ in used),
                rows=rows,
                idle=tuple(p for p, cards in columns[:-1] if p is not None and not cards),
                no_shared=any_shared and not columns[-1][1],
            )
        )
    return tuple(stages)


def build_context(a: Agreement, targets: TargetSet, extra: ContextInputs) -> DocumentContext:
    """The typed, formatted context of ``a`` for the period ``targets`` was computed for."""
    loc = a.presentation.locale
    cur = a.inputs.currency
    refs = {
        p.id: PartyRef(p.id, p.name, PALETTE[i % len(PALETTE)], SHAPES[i % len(SHAPES)])
        for i, p in enumerate(a.parties)
    }
    people = {
        person.id: PersonView(person.id, person.name, person.role, person.email, refs[party.id])
        for party in a.parties
        for person in party.people
    }
    goals = tuple(_goal(g, targets.goals.get(g.id), targets, refs, people, a, loc) for g in a.goals)
    contacts = tuple(ContactView(people[c.person], c.responsibility) for c in a.contacts)
    reqs = tuple(
        RequirementView(refs[r.party], refs[r.from_party], r.text, f.every(r.interval))
        for r in a.requirements
    )
    period = targets.period
    return DocumentContext(
        id=a.id,
        title=a.title,
        kind=a.kind,
        kind_label=KIND_LABELS[a.kind],
        version=a.version,
        style=extra.style,
        locale=loc,
        lang=loc,
        page_size=a.presentation.page_size,
        currency=cur,
        period=period.label,
        period_text=_period_text(period, loc),
        term_start=f.long_date(a.term.start, loc),
        term_end=f.long_date(a.term.end, loc),
        term_start_formal=spell.formal_date(a.term.start, loc),
        reporting_interval=f.adjective(a.term.reporting_interval),
        headings=Headings(),
        absent=Absent(),
        summary=a.overview.summary,
        services=tuple(a.overview.services),
        for_whom=a.overview.for_whom,
        success_measures=tuple(a.overview.success_measures),
        parties=tuple(_party(p, refs, people, goals, reqs, contacts) for p in a.parties),
        goals=goals,
        shared_goals=tuple(g for g in goals if g.shared),
        stages=_stages(goals, tuple(refs.values())),
        requirements=reqs,
        service_levels=_service_levels(a, targets),
        derivations=tuple(_computed(c, cur) for c in targets.values.values()),
        contacts=contacts,
        reports=tuple(
            ReportView(
                r.id,
                r.title,
                people[r.from_person],
                people[r.to_person],
                f.every(r.every),
                r.content,
                tuple(refs[v] for v in r.visible_to),
            )
            for r in a.reports
        ),
        missed_goals=_missed(a, people),
        cancellation=_cancellation(a),
        unexpected_events=_unexpected(a),
        review=ReviewView(
            f.long_date(a.review.mid_term, loc) if a.review.mid_term else None,
            f.long_date(a.review.end_of_term, loc),
            f.every(a.review.metrics_every),
        ),
        signatories=tuple(
            SignatoryView(
                people[s.person],
                s.signed_on is not None,
                f.long_date(s.signed_on, loc) if s.signed_on else None,
            )
            for s in a.sign_off
        ),
        draft=not a.fully_signed,
        stamp=extra.stamp,
        document_date=f.long_date(extra.when.date(), loc),
        created=extra.when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        authors=tuple(p.name for p in a.parties),
        keywords=("service-level agreement", a.id, a.kind, period.label, *(p.id for p in a.parties)),
        warnings=tuple(w.message for w in targets.warnings),
        logo=extra.logo,
    )


def _period_text(p: Period, loc: str) -> str:
    return f"{f.long_date(p.start, loc)} to {f.long_date(p.end, loc)}"


def _goal(
    g: Goal,
    gt: GoalTarget | None,
    targets: TargetSet,
    refs: dict[str, PartyRef],
    people: dict[str, PersonView],
    a: Agreement,
    loc: str,
) -> GoalView:
    cur = a.inputs.currency
    computed = targets.values.get(g.target.computed) if g.target.computed else None
    if gt is not None:
        value = gt.value
    elif computed is not None:
        value = computed.value
    else:
        assert g.target.value is not None  # the model requires one of value or computed
        value = g.target.value
    target = f.quantity(value, g.unit, cur)
    per = f.per(g.interval)
    comparison = f.COMPARISON[g.comparison]
    return GoalView(
        id=g.id,
        metric=g.metric,
        party=refs[g.party],
        shared_with=tuple(refs[s] for s in g.shared_with),
        shared=bool(g.shared_with),
        comparison=comparison,
        target=target,
        per=per,
        statement=" ".join(x for x in (comparison, target, per) if x),
        unit=g.unit,
        measured_by=g.measured_by,
        owner=people[g.owner] if g.owner else None,
        stage=g.stage,
        stage_label=STAGE_LABELS[g.stage] if g.stage else None,
        computed_name=computed.name if computed else None,
        computed_label=computed.label if computed else None,
        period_total=(
            f.quantity(gt.period_total, g.unit, cur)
            if gt is not None and gt.period_total is not None
            else None
        ),
        breakdown=_breakdown(gt, g.unit, cur, loc),
        rounding=gt.rounding if gt is not None else "",
        goal_lines=gt.goal_lines if gt is not None else (),
        target_words=spell.quantity(value, g.unit, cur, loc),
        period_total_words=(
            spell.quantity(gt.period_total, g.unit, cur, loc)
            if gt is not None and gt.period_total is not None
            else None
        ),
    )


def _breakdown(gt: GoalTarget | None, unit: str, cur: str, loc: str) -> tuple[BreakdownGroup, ...]:
    rows = gt.breakdown if gt is not None else ()
    groups = []
    for interval in ("quarter", "month", "week"):
        mine = tuple(
            BreakdownView(
                r.label,
                f.short_date(r.start, loc),
                f.short_date(r.end, loc),
                str(r.days),
                f.quantity(r.value, unit, cur),
            )
            for r in rows
            if r.interval == interval
        )
        if mine:
            groups.append(BreakdownGroup(interval, f"By {interval}", mine))
    return tuple(groups)


def _party(
    p: Party,
    refs: dict[str, PartyRef],
    people: dict[str, PersonView],
    goals: tuple[GoalView, ...],
    reqs: tuple[RequirementView, ...],
    contacts: tuple[ContactView, ...],
) -> PartyView:
    return PartyView(
        id=p.id,
        name=p.name,
        color=refs[p.id].color,
        shape=refs[p.id].shape,
        address=p.address,
        roles=" and ".join(p.roles),
        description=p.description,
        lead=people[p.lead],
        people=tuple(people[x.id] for x in p.people),
        goals=tuple(g for g in goals if g.party.id == p.id and not g.shared),
        needs=tuple(r for r in reqs if r.party.id == p.id),
        contacts=tuple(c for c in contacts if c.person.party.id == p.id),
    )


def _computed(c: Computed, currency: str) -> ComputedView:
    return ComputedView(
        name=c.name,
        label=c.label,
        value=f.quantity(c.value, c.unit, currency),
        per=f.per(c.per),
        formula=c.formula,
        inputs=tuple(RowView(k, v) for k, v in c.inputs),
        rounding=c.rounding,
    )


def _service_levels(a: Agreement, targets: TargetSet) -> ServiceLevelView | None:
    av = a.inputs.availability
    if av is None and not a.inputs.support:
        return None
    prefix = "availability.downtime_minutes."
    downtime = tuple(
        RowView(name.removeprefix(prefix), f.quantity(c.value, c.unit, a.inputs.currency))
        for name, c in targets.values.items()
        if name.startswith(prefix)
    )
    return ServiceLevelView(
        availability=f.percent(av.target) if av else None,
        measured_per=f.adjective(av.measured_per) if av else None,
        maintenance=tuple(
            w.description
            + (f" (at most {f.number(w.hours_per_month)} hours a month)" if w.hours_per_month else "")
            for w in (av.maintenance_windows if av else [])
        ),
        downtime=downtime,
        support=tuple(
            SupportView(
                s.severity.upper(),
                s.description,
                f"{f.number(s.response_minutes)} minutes",
                f"{f.number(s.resolution_hours)} hours",
                s.hours,
            )
            for s in a.inputs.support
        ),
    )


def _missed(a: Agreement, people: dict[str, PersonView]) -> MissedGoalsView:
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
        _credits(a),
    )


def _credits(a: Agreement) -> CreditsView | None:
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
    return CreditsView(
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


def _cancellation(a: Agreement) -> CancellationView | None:
    c = a.cancellation
    if c is None:
        return None
    return CancellationView(
        tuple(x.text for x in c.conditions),
        f.plural(c.notice_days, "day"),
        spell.days(c.notice_days, a.presentation.locale),
    )


def _unexpected(a: Agreement) -> UnexpectedEventsView | None:
    u = a.unexpected_events
    if u is None:
        return None
    return UnexpectedEventsView(
        tuple(u.excused),
        tuple(u.minimum_standards),
        f.plural(u.notice_hours, "hour"),
        spell.hours(u.notice_hours, a.presentation.locale),
    )


__all__ = ["Chart", "ContextInputs", "DocumentContext", "build_context"]
