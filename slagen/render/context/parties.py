"""Views of the parties, their people and goals, and the process stages the goals sit in."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from slagen.agreement.model import Agreement, Goal, Party
from slagen.i18n import N_
from slagen.i18n import gettext as _

from ...targets import TargetSet
from ...targets.base import MonthLine
from ...targets.rounding import AS_SET
from .. import formatting as f
from .. import words as spell
from ..commitment import Commitment, kind_label, rolling_window, statement, window_days
from .process import STAGE_LABELS, process_stages
from .targets import DOWNTIME_PREFIX, BreakdownGroup, BreakdownView, breakdown, downtime_text

#: Colour of each party in order of appearance, and of shared goals.
#: Party colours in order of appearance: each dark enough for white text and for a mark that
#: survives a black-and-white copy (contrast on white at least 4.5:1), the first three at
#: clearly different greys (navy, orange, purple); the shapes tell parties apart in any case.
PALETTE = ("#0b2e59", "#c0501a", "#5a3d8a", "#2e7a3c", "#7a6010", "#1d7080")
SHARED_COLOR = "#5b5b5b"
#: Shape of each party in order of appearance (shared goals are marked by a ring).
SHAPES = ("circle", "square", "diamond", "triangle", "bar", "hollow-square")
ROLES = {"provider": N_("provider"), "consumer": N_("consumer")}


@dataclass(frozen=True)
class PartyRef:
    """A party as other items refer to it."""

    id: str
    name: str
    color: str
    shape: str = "circle"
    """The shape marking the party, with its colour, so print in black and white still tells
    parties apart (visual style): ``circle``, ``square``, ``diamond``, ``triangle``, ``bar``, ``hollow-square``"""
    term: str = ""
    """The party's defined short name in the legal style ("Sprzedaż", by default "Sales" for
    the id ``sales``)."""


@dataclass(frozen=True)
class PersonView:
    """A person named in the agreement."""

    id: str
    name: str
    role: str
    email: str
    party: PartyRef


@dataclass(frozen=True)
class ContactView:
    """A point of contact."""

    person: PersonView
    responsibility: str


@dataclass(frozen=True)
class RequirementView:
    """What one party needs from another."""

    party: PartyRef
    from_party: PartyRef
    text: str
    every: str
    """``every week``; empty when it does not recur."""


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
class GoalView:
    """A goal with its target resolved for the document's period (in legal-narrative its
    texts write the agreement's defined terms as defined: :mod:`slagen.render.context.defined`)."""

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
    """The source of the figures; in legal-narrative as "The Goal shall be measured by"
    continues it, with the defined terms as defined (as :attr:`metric` there)."""
    owner: PersonView | None
    stage: str | None
    stage_label: str | None
    computed_name: str | None
    computed_label: str | None
    """The label of the computed value the target comes from, when it is derived (not a value
    set in the agreement), as the appendix names it; the id (``computed_name``) stays out of
    the body. In legal-narrative as "The Target is the" continues it."""
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
    statement_words: str = ""
    """The whole commitment with its figures in words and figures (legal-narrative):
    ``at most sixty (60) minutes per lead handed off, averaged over each week``."""
    measure: str | None = None
    """``total``, ``average``, ``per-event``, ``share`` (None when the goal does not say)."""
    measure_label: str = ""
    """What the figure is: ``average over each interval``, ``limit for each event``..."""
    limit: str = ""
    """For a share of events: the limit each event is held to, ``60 minutes`` (else empty)."""
    limit_words: str = ""
    """The limit in words and figures: ``sixty (60) minutes`` (legal-narrative)."""
    limit_comparison: str = ""
    """How each event is held to the limit: ``at most`` or ``at least`` (else empty)."""
    unit_forms: Mapping[str, str] | None = None
    """The unit's plural forms by CLDR category, when the agreement gives them (charts)."""

    @property
    def color(self) -> str:
        """The colour that marks the goal: its party's, or the shared goals' grey."""
        return SHARED_COLOR if self.shared else self.party.color

    @property
    def months(self) -> tuple[BreakdownView, ...]:
        """The target of each month of the period, for a goal that accrues (else empty)."""
        return tuple(r for b in self.breakdown if b.interval == "month" for r in b.rows)


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
    term: str = ""
    """The party's defined short name in the legal style (see :attr:`PartyRef.term`)."""


@dataclass(frozen=True)
class StageView:
    """The goals of one process stage (visual style), laid out as a grid of cards."""

    id: str
    label: str
    goals: tuple[GoalView, ...]
    number: int = 0
    """The stage's place in the process (its number in the stage strip)."""
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


def defined_name(p: Party) -> str:
    """The short name the legal style defines for ``p``: its ``short_name``, else its id in
    title case (``sales`` -> ``Sales``)."""
    return p.short_name or p.id.replace("-", " ").title()


def party_refs(a: Agreement) -> dict[str, PartyRef]:
    """Each party by id, with its colour and shape (in order of appearance)."""
    return {
        p.id: PartyRef(p.id, p.name, PALETTE[i % len(PALETTE)], SHAPES[i % len(SHAPES)], defined_name(p))
        for i, p in enumerate(a.parties)
    }


def person_views(a: Agreement, refs: dict[str, PartyRef]) -> dict[str, PersonView]:
    """Each person of every party, by id."""
    return {
        person.id: PersonView(person.id, person.name, person.role, person.email, refs[party.id])
        for party in a.parties
        for person in party.people
    }


def goal_view(
    g: Goal,
    a: Agreement,
    targets: TargetSet,
    refs: dict[str, PartyRef],
    people: dict[str, PersonView],
) -> GoalView:
    """A goal with its target for the period of ``targets``, in figures and in words."""
    cur, loc = a.inputs.currency, a.presentation.locale
    gt = targets.goals.get(g.id)
    computed = targets.values.get(g.target.computed) if g.target.computed else None
    if gt is not None:
        value = gt.value
    elif computed is not None:
        value = computed.value
    else:
        assert g.target.value is not None  # the model requires one of value or computed
        value = g.target.value
    forms = {str(k): v for k, v in g.unit_forms.items()} if g.unit_forms else None
    target = f.quantity(value, g.unit, cur, forms)
    if computed is not None and computed.name.startswith(DOWNTIME_PREFIX) and g.unit == "minutes":
        target = downtime_text(value, targets)
    per = f.per(g.interval)
    window = window_days(g, a)
    if window is not None:
        per = _("over %(window)s") % {"window": rolling_window(window)}
    comparison = f.comparison(g.comparison)
    total = gt.period_total if gt is not None else None
    limit = limit_words = limit_cmp = ""
    if g.limit is not None:
        lc = targets.values.get(g.limit.target.computed) if g.limit.target.computed else None
        lv = lc.value if lc is not None else g.limit.target.value
        if lv is not None:
            limit = f.quantity(lv, g.limit.unit, cur)
            limit_words = spell.quantity(lv, g.limit.unit, cur, loc)
        limit_cmp = f.comparison(g.limit.comparison)
    target_words = spell.quantity(value, g.unit, cur, loc, forms)
    measure = g.measure or ("total" if g.accrues else None)

    def said(t: str, lim: str, in_words: bool = False) -> str:
        days = "" if window is None or not in_words else spell.spelled(Decimal(window), "", loc)
        return statement(Commitment(measure, comparison, t, g.interval, g.per, limit_cmp, lim, window, days))

    return GoalView(
        id=g.id,
        metric=g.metric,
        party=refs[g.party],
        shared_with=tuple(refs[s] for s in g.shared_with),
        shared=bool(g.shared_with),
        comparison=comparison,
        target=target,
        per=per,
        statement=said(target, limit),
        unit=g.unit,
        measured_by=g.measured_by,
        owner=people[g.owner] if g.owner else None,
        stage=g.stage,
        stage_label=_(STAGE_LABELS[g.stage]) if g.stage else None,
        computed_name=computed.name if computed else None,
        computed_label=computed.title(_) if computed is not None and computed.rounding != AS_SET else None,
        period_total=f.quantity(total, g.unit, cur, forms) if total is not None else None,
        breakdown=breakdown(gt, g.unit, cur, loc, forms),
        rounding=_(gt.rounding) if gt is not None else "",
        goal_lines=gt.goal_lines if gt is not None else (),
        target_words=target_words,
        period_total_words=spell.quantity(total, g.unit, cur, loc, forms) if total is not None else None,
        statement_words=said(target_words, limit_words, in_words=True),
        measure=measure,
        measure_label=kind_label(g.measure, g.totals),
        limit=limit,
        limit_words=limit_words,
        limit_comparison=limit_cmp,
        unit_forms=forms,
    )


def party_view(
    p: Party,
    refs: dict[str, PartyRef],
    people: dict[str, PersonView],
    goals: tuple[GoalView, ...],
    reqs: tuple[RequirementView, ...],
    contacts: tuple[ContactView, ...],
) -> PartyView:
    """A party with its people, its own goals, what it needs and its points of contact."""
    return PartyView(
        id=p.id,
        name=p.name,
        color=refs[p.id].color,
        shape=refs[p.id].shape,
        address=p.address,
        term=refs[p.id].term,
        roles=f" {_('and')} ".join(_(ROLES[r]) for r in p.roles),
        description=p.description,
        lead=people[p.lead],
        people=tuple(people[x.id] for x in p.people),
        goals=tuple(g for g in goals if g.party.id == p.id and not g.shared),
        needs=tuple(r for r in reqs if r.party.id == p.id),
        contacts=tuple(c for c in contacts if c.person.party.id == p.id),
    )


def stages(goals: tuple[GoalView, ...], parties: tuple[PartyRef, ...]) -> tuple[StageView, ...]:
    """The process stages that have goals, in the order of the agreement's process
    (:func:`~.process.process_stages`), each with its grid of cards."""
    any_shared = any(g.shared for g in goals)
    out = []
    for number, stage in enumerate(process_stages([g.stage for g in goals]), start=1):
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
        out.append(
            StageView(
                id=stage,
                label=_(STAGE_LABELS[stage]),
                goals=mine,
                number=number,
                heads=tuple(head for head, _ in used),
                rows=rows,
                idle=tuple(p for p, cards in columns[:-1] if p is not None and not cards),
                no_shared=any_shared and not columns[-1][1],
            )
        )
    return tuple(out)
