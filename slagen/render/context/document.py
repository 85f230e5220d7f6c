"""The whole document's context (:class:`DocumentContext`) and :func:`build_context`."""

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, TypeVar

from slagen.agreement.model import Agreement
from slagen.i18n import N_, language, using
from slagen.i18n import gettext as _

from ...targets import TargetSet
from ...targets.rounding import AS_SET
from .. import formatting as f
from .. import words as spell
from ..phrases import Figures
from . import defined
from .calendar import CalendarView, calendar_view
from .clauses import LEGAL, ClausesView, clauses
from .defined import LegalSentences
from .parties import (
    ContactView,
    GoalView,
    PartyView,
    ReportView,
    RequirementView,
    StageView,
    goal_view,
    party_refs,
    party_view,
    person_views,
    stages,
)
from .process import ProcessView, process_view
from .targets import ComputedView, derivation
from .terms import (
    CancellationView,
    MissedGoalsView,
    ReviewView,
    ServiceLevelView,
    SignatoryView,
    UnexpectedEventsView,
    cancellation,
    missed_goals,
    review,
    service_levels,
    signatories,
    unexpected_events,
)

T = TypeVar("T")

KIND_LABELS = {
    "customer": N_("customer agreement"),
    "internal": N_("internal agreement"),
    "multi-level": N_("multi-level agreement"),
}


#: Targets the calendar section lists day by day (``slagen targets`` still shows them).
LISTED_BY_CALENDAR = ("calendar.holidays.", "calendar.deliveries.")


@dataclass(frozen=True)
class Headings:
    """The section headings every style uses (a style may number them)."""

    overview: str = N_("Agreement overview")
    goals: str = N_("Goals")
    requirements: str = N_("Requirements")
    contacts: str = N_("Contacts and reporting")
    missed_goals: str = N_("Plan for missed goals")
    cancellation: str = N_("Cancellation")
    unexpected_events: str = N_("Unexpected events")
    review: str = N_("Review")
    sign_off: str = N_("Sign-off")
    appendix: str = N_("How these targets were computed")


@dataclass(frozen=True)
class PartyWords:
    """Words that depend on the number of parties, so no template writes "either party" to
    three: two parties read ``either party``, ``both parties``, ``the other party``."""

    either: str = "either party"
    both: str = "both parties"
    other: str = "the other party"
    """The party or parties besides the one in question."""
    each_other: str = "each other"
    other_defined: str = "the other Party"
    """:attr:`other` with the defined term, as the legal style writes it."""
    needs: str = "What each party needs from the other to reach its goals."
    """The sentence that opens the parties' requirements (two-column)."""

    @classmethod
    def of(cls, n: int) -> "PartyWords":
        """The words for ``n`` parties."""
        if n == 2:
            return cls(
                _("either party"),
                _("both parties"),
                _("the other party"),
                _("each other"),
                _("the other Party"),
                _("What each party needs from the other to reach its goals."),
            )
        return cls(
            _("any party"),
            _("all parties"),
            _("the other parties"),
            _("one another"),
            _("the other Parties"),
            _("What each party needs from the others to reach its goals."),
        )


@dataclass(frozen=True)
class Absent:
    """The sentence printed where an optional part of the agreement is absent."""

    reports: str = N_("The agreement sets no regular reports.")
    recovery: str = N_("The agreement sets no recovery plan beyond the consequences above.")
    strikes: str = N_("The agreement uses no strikes system.")
    credits: str = N_("The agreement gives no service credits.")
    cancellation: str = N_("The agreement sets no conditions for early cancellation; it ends with its term.")
    unexpected_events: str = N_("The agreement makes no exception for unexpected events.")
    mid_term: str = N_("The agreement sets no mid-term review.")
    shared: str = N_("The parties share no goals.")
    measured_by: str = N_("Not stated.")
    owner: str = N_("Not named.")


def translated(cls: type[T]) -> T:
    """An instance of the text dataclass ``cls`` with every default in the current locale."""
    texts: dict[str, Any] = {
        fl.name: _(fl.default)
        for fl in fields(cls)  # type: ignore[arg-type]  # Headings and Absent are dataclasses
        if isinstance(fl.default, str)
    }
    return cls(**texts)


@dataclass(frozen=True)
class Chart:
    """A chart image (built by :mod:`slagen.render.goal_chart` for styles that show one)."""

    id: str
    title: str
    alt: str
    src: str
    """A ``data:image/svg+xml`` or ``data:image/png`` URI."""
    png: str
    """A ``data:image/png`` URI of the same chart, for DOCX."""


@dataclass(frozen=True)
class GoalOverflow:
    """A party's goals beyond the rows of the goal grid, in rows as wide as the grid."""

    party: PartyView | None
    """The party whose goals these are; None for the shared goals."""
    rows: tuple[tuple[GoalView | None, ...], ...]


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
    """``October 1, 2026 to December 31, 2026``; a period clipped to the term says how many of
    its days it covers (``... (16 of the 30 days of 2026-11; the term starts ...)``)."""
    term_start: str
    term_end: str
    reporting_interval: str
    headings: Headings
    absent: Absent
    summary: str
    services: tuple[str, ...]
    for_whom: str
    """Whom the services are for; in legal-narrative as its clause 2 continues it ("The
    Services are provided for ..."), with the defined terms as defined."""
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
    calendar: CalendarView | None = None
    """The time zone, business hours, holidays of the period and deliveries; None without a calendar."""
    charts: tuple[Chart, ...] = ()
    """The cumulative goal line of each goal that accrues (styles that show charts)."""
    process: ProcessView | None = None
    """The process the agreement follows, stage by stage (the visual style's stage strip)."""
    process_charts: tuple[Chart, ...] = ()
    """The picture of the targets of the agreement's kind (styles that show charts): the funnel
    of a sales agreement, the downtime budget, credit tiers and support ladder of an IT service,
    the delivery schedule of a supply agreement."""
    term_start_formal: str = ""
    """The first day of the term as a contract's preamble writes it: ``the 1st day of January, 2026``."""
    place: str | None = None
    """Where the agreement is concluded (``term.place``), as the legal style's opening names it."""
    paragraph_marks: bool = False
    """Whether the legal style numbers its clauses as a Polish contract does (``§ 1``, its
    sub-clauses ``1.``, ``2.``) rather than ``1.`` and ``1.1``."""
    clauses: ClausesView | None = None
    """The standard clauses (definitions, measurement, claims, exclusions, remedies, law...)."""
    words: PartyWords = PartyWords()
    """Words chosen by the number of parties (``either party`` or ``any party``)."""
    other_parties: int = 1
    """How many parties each party has besides itself: the count a sentence about "the other
    Party" (or "Parties") takes its plural form by."""
    legal: LegalSentences | None = None
    """slagen's sentences of the legal-narrative style that name a defined term (None in the
    other styles). In that style the agreement's own texts of every view (goals, service
    levels, credits, calendar...) write the defined terms as defined too (:mod:`.defined`)."""

    @property
    def accruing(self) -> tuple[GoalView, ...]:
        """The goals that add up over time: those with a total over the period (and a target for
        each month of it)."""
        return tuple(g for g in self.goals if g.period_total)

    def _goal_columns(self) -> list[tuple[GoalView, ...]]:
        columns = [p.goals for p in self.parties]
        if self.shared_goals:
            columns.append(self.shared_goals)
        return columns

    def _grid_depth(self) -> int:
        """How many rows the party grid has: as many as the second-longest column, so that no
        row holds a single card beside empty columns (the longest column's surplus goes to
        :attr:`goal_overflow`), unless that surplus is a single goal (left in the grid)."""
        lengths = sorted((len(c) for c in self._goal_columns()), reverse=True)
        if not lengths:
            return 0
        second = max(lengths[1] if len(lengths) > 1 else 0, 1)
        return lengths[0] if lengths[0] - second < 2 else second

    @property
    def goal_rows(self) -> tuple[tuple[GoalView | None, ...], ...]:
        """The goals as a grid with one column per party (and one for shared goals, if any):
        row n holds the n-th goal of each column (None where a column has fewer), so a page
        breaks between rows of goals, never inside a column. A column far longer than the
        others continues below the grid (:attr:`goal_overflow`)."""
        columns = self._goal_columns()
        depth = self._grid_depth()
        return tuple(tuple(c[n] if n < len(c) else None for c in columns) for n in range(depth))

    @property
    def goal_overflow(self) -> tuple[GoalOverflow, ...]:
        """The goals of a column beyond the grid's rows, laid out across every column under
        the party's own head ("continued"), so one party's many goals fill the width of the
        page instead of one column beside empty ones."""
        columns = self._goal_columns()
        width = len(columns)
        depth = self._grid_depth()
        owners: list[PartyView | None] = [*self.parties, None][: len(columns)]
        out = []
        for party, column in zip(owners, columns, strict=True):
            rest = column[depth:]
            if rest:
                rows = tuple(
                    tuple(rest[i + j] if i + j < len(rest) else None for j in range(width))
                    for i in range(0, len(rest), width)
                )
                out.append(GoalOverflow(party, rows))
        return tuple(out)


@dataclass(frozen=True)
class ContextInputs:
    """What :func:`build_context` needs besides the agreement and its targets."""

    style: str
    stamp: str
    when: datetime
    """The document date (UTC, from the agreement or ``SOURCE_DATE_EPOCH``)."""
    logo: str | None = None


def build_context(a: Agreement, targets: TargetSet, extra: ContextInputs) -> DocumentContext:
    """The typed, formatted context of ``a`` for the period ``targets`` was computed for, in the
    language and conventions of its locale."""
    with using(a.presentation.locale):
        return _build(a, targets, extra)


def _build(a: Agreement, targets: TargetSet, extra: ContextInputs) -> DocumentContext:
    loc = a.presentation.locale
    cur = a.inputs.currency
    fig = Figures(extra.style == LEGAL, loc, cur)  # figures in words and figures in the legal style
    refs = party_refs(a)
    people = person_views(a, refs)
    goals = tuple(goal_view(g, a, targets, refs, people) for g in a.goals)
    cl = clauses(a, goals, extra.style)
    legal = extra.style == LEGAL  # its texts write the defined terms as defined, cl.terms
    if legal:
        goals = tuple(defined.goal(g, cl.terms, cl.names) for g in goals)
    sl = service_levels(a, targets, fig)
    mg = missed_goals(a, people, fig)
    ends = cancellation(a)
    cal = calendar_view(a, targets)
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
        kind_label=_(KIND_LABELS[a.kind]),
        version=a.version,
        style=extra.style,
        locale=loc,
        lang=loc,
        page_size=a.presentation.page_size,
        currency=cur,
        period=period.label,
        period_text=f.period_text(period, loc),
        term_start=f.long_date(a.term.start, loc),
        term_end=f.long_date(a.term.end, loc),
        term_start_formal=spell.formal_date(a.term.start, loc),
        place=a.term.place,
        paragraph_marks=language(loc) == "pl",
        reporting_interval=f.adjective(a.term.reporting_interval),
        headings=translated(Headings),
        absent=translated(Absent),
        summary=a.overview.summary,
        services=tuple(a.overview.services),
        for_whom=defined.continued(a.overview.for_whom, cl) if legal else a.overview.for_whom,
        success_measures=tuple(a.overview.success_measures),
        parties=tuple(party_view(p, refs, people, goals, reqs, contacts) for p in a.parties),
        goals=goals,
        shared_goals=tuple(g for g in goals if g.shared),
        stages=stages(goals, tuple(refs.values())),
        process=process_view(a),
        requirements=reqs,
        service_levels=defined.service_levels(sl, cl.terms) if legal else sl,
        calendar=defined.calendar(cal, cl.terms) if legal else cal,
        # The appendix derives computed figures only: a value set in the agreement is not derived,
        # and the holidays and deliveries of the period are listed, not derived, by the calendar.
        derivations=tuple(
            derivation(c, cur, targets)
            for c in targets.values.values()
            if c.rounding != AS_SET and not c.name.startswith(LISTED_BY_CALENDAR)
        ),
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
        missed_goals=defined.missed_goals(mg, cl.terms) if legal else mg,
        cancellation=defined.cancellation(ends, cl.terms) if legal else ends,
        unexpected_events=unexpected_events(a),
        review=review(a),
        signatories=signatories(a, people),
        draft=not a.fully_signed,
        stamp=extra.stamp,
        document_date=f.long_date(extra.when.date(), loc),
        created=extra.when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        authors=tuple(p.name for p in a.parties),
        keywords=("service-level agreement", a.id, a.kind, period.label, *(p.id for p in a.parties)),
        warnings=tuple(w.message for w in targets.warnings),
        logo=extra.logo,
        clauses=defined.clauses(cl) if legal else cl,
        legal=defined.sentences(cl.provider, cl.terms) if legal else None,
        words=PartyWords.of(len(a.parties)),
        other_parties=len(a.parties) - 1,
    )
