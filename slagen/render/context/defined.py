"""The legal-narrative context with the agreement's defined terms written as defined.

An author writes "each incident" and "outside maintenance windows" in the plain words of the
trade; a contract that defines "Incident" and "Maintenance Window" writes them as defined
wherever they occur, in the author's texts and in slagen's own sentences. The defined terms are
known once the clauses are (:attr:`ClausesView.terms`: the style's fixed ones and the
agreement's own), so :func:`as_defined` rewrites the legal-narrative views after they are built,
and the template prints finished text: one name for a goal in clause 3 and in Schedule 1, and
no filter call in the template.

Texts that continue a sentence of the clause ("The Goal shall be measured by ...") are given
continued (:func:`~slagen.render.phrases.continuing`) before the terms are capitalised, as a
defined term that begins the text keeps its capital that way.
"""

from dataclasses import dataclass, replace
from functools import partial

from slagen.i18n import gettext as _

from ..phrases import capitalise_terms, continuing, upfirst
from .calendar import CalendarView
from .clauses import ClausesView
from .parties import GoalView
from .terms import CancellationView, MissedGoalsView, ServiceLevelView


@dataclass(frozen=True)
class LegalSentences:
    """slagen's own sentences of the legal-narrative style that name a defined term
    (``doc.legal``; None in the other styles)."""

    downtime_allowed: str
    """``. The Downtime this allows is set out in Schedule 1.``, ending the availability sentence."""
    support_times: str
    """``Stratus shall respond to and resolve each Incident within the following times:``"""


def goal(g: GoalView, terms: tuple[str, ...], names: tuple[str, ...]) -> GoalView:
    """``g`` as the legal style writes it: its metric, commitment, source (continuing "The
    Goal shall be measured by") and computed target's label (continuing "The Target is the")
    with the defined terms as defined."""
    cap = partial(capitalise_terms, terms=terms)
    return replace(
        g,
        metric=cap(g.metric),
        statement_words=cap(g.statement_words),
        measured_by=cap(continuing(g.measured_by, names)) if g.measured_by else g.measured_by,
        computed_label=cap(continuing(g.computed_label)) if g.computed_label else g.computed_label,
    )


def continued(text: str, cl: ClausesView) -> str:
    """An author's sentence as a clause of the legal style continues it ("The Services are
    provided for ..."), with the defined terms as defined."""
    return capitalise_terms(continuing(text, cl.names), cl.terms)


def service_levels(sl: ServiceLevelView | None, terms: tuple[str, ...]) -> ServiceLevelView | None:
    """The service levels with the maintenance windows and support hours as defined."""
    if sl is None:
        return None
    cap = partial(capitalise_terms, terms=terms)
    return replace(
        sl,
        maintenance_words=tuple(cap(w) for w in sl.maintenance_words),
        support=tuple(replace(s, hours=_clock(s.clock_term, s.hours, terms)) for s in sl.support),
    )


def _clock(term: str, hours: str, terms: tuple[str, ...]) -> str:
    """A support clock as the legal table names it: by the term the agreement defines for it
    ("Business Hours"), not its definition again; else in full, with the terms as defined."""
    if term and any(t.casefold() == term.casefold() for t in terms):
        return upfirst(capitalise_terms(term, terms))
    return capitalise_terms(hours, terms)


def missed_goals(mg: MissedGoalsView, terms: tuple[str, ...]) -> MissedGoalsView:
    """The plan for missed goals with the recovery, the strikes rule and the credits as defined."""
    cap = partial(capitalise_terms, terms=terms)
    return replace(
        mg,
        recovery=cap(mg.recovery) if mg.recovery else mg.recovery,
        strikes=replace(mg.strikes, statement_words=cap(mg.strikes.statement_words)) if mg.strikes else None,
        credits=replace(mg.credits, items=tuple(cap(t) for t in mg.credits.items)) if mg.credits else None,
    )


def cancellation(c: CancellationView | None, terms: tuple[str, ...]) -> CancellationView | None:
    """The grounds for cancellation with the defined terms as defined."""
    if c is None:
        return None
    return replace(c, conditions=tuple(capitalise_terms(t, terms) for t in c.conditions))


def calendar(cal: CalendarView | None, terms: tuple[str, ...]) -> CalendarView | None:
    """The calendar clause with its heading and sentences as defined ("Business Hours are ...")."""
    if cal is None:
        return None
    cap = partial(capitalise_terms, terms=terms)
    return replace(
        cal,
        heading=cap(cal.heading),
        time_zone=cap(cal.time_zone),
        business_hours=cap(cal.business_hours) if cal.business_hours else cal.business_hours,
        calendars=tuple(cap(c) for c in cal.calendars),
        deliveries=tuple(replace(d, statement=cap(d.statement)) for d in cal.deliveries),
    )


def clauses(cl: ClausesView) -> ClausesView:
    """The clauses with each definition's meaning written with the other defined terms."""
    return replace(
        cl,
        definitions=tuple(replace(d, meaning=capitalise_terms(d.meaning, cl.terms)) for d in cl.definitions),
    )


def sentences(provider: str, terms: tuple[str, ...]) -> LegalSentences:
    """slagen's sentences of the legal style that name a defined term, with it as defined."""
    return LegalSentences(
        capitalise_terms(_(". The downtime this allows is set out in Schedule 1."), terms),
        capitalise_terms(
            _("%(provider)s shall respond to and resolve each incident within the following times:")
            % {"provider": provider},
            terms,
        ),
    )
