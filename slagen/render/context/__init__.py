"""The typed context templates render: frozen dataclasses, every figure already formatted.

Templates never see the pydantic model or a dict: in Jinja ``{{ row.items }}`` on
a dict is the dict's method, and no undefined-check catches it. Every value here
is either text ready to print, a tuple of further views, or ``None`` for an
optional section that is absent (the template then prints the matching
sentence of :class:`Absent`, never a blank).

The targets come from :func:`slagen.targets.compute_targets` only (one source of
truth): this package formats them and computes nothing. One module per part of
the document: :mod:`.parties` (parties, people, goals and process stages),
:mod:`.terms` (service levels, the plan for missed goals, cancellation, unexpected
events, review, sign-off), :mod:`.targets` (derivations and breakdowns) and
:mod:`.document` (the whole :class:`DocumentContext` and :func:`build_context`).

Every view is named ``slagen.render.context.<View>`` wherever Python shows its type,
as in the message a template author gets for a misspelled field
(``'slagen.render.context.GoalView object' has no attribute 'penalty'``), so that
message does not change with the module a view is kept in. (The view modules do not
postpone their annotations, so ``typing.get_type_hints`` still resolves them.)
"""

from __future__ import annotations

from .calendar import CalendarView, DeliveryView, HolidayView
from .clauses import ClausesView, ClauseView, DefinitionView, TableView
from .defined import LegalSentences
from .document import Absent, Chart, ContextInputs, DocumentContext, Headings, PartyWords, build_context
from .parties import (
    PALETTE,
    SHAPES,
    SHARED_COLOR,
    ContactView,
    GoalView,
    PartyRef,
    PartyView,
    PersonView,
    ReportView,
    RequirementView,
    StageView,
)
from .process import PROCESSES, STAGE_LABELS, STAGES, ProcessView, StepView
from .targets import BreakdownGroup, BreakdownView, ComputedView, RowView
from .terms import (
    CancellationView,
    CreditsView,
    MissedGoalsView,
    ReviewView,
    ServiceLevelView,
    SignatoryView,
    StrikesView,
    SupportView,
    UnexpectedEventsView,
)

VIEWS: tuple[type, ...] = (
    ProcessView,
    Absent,
    BreakdownGroup,
    BreakdownView,
    CalendarView,
    DeliveryView,
    HolidayView,
    LegalSentences,
    CancellationView,
    Chart,
    ClauseView,
    ClausesView,
    ComputedView,
    ContactView,
    ContextInputs,
    CreditsView,
    DefinitionView,
    DocumentContext,
    GoalView,
    Headings,
    MissedGoalsView,
    PartyRef,
    PartyView,
    PartyWords,
    PersonView,
    ReportView,
    RequirementView,
    ReviewView,
    RowView,
    ServiceLevelView,
    SignatoryView,
    StageView,
    StepView,
    StrikesView,
    SupportView,
    TableView,
    UnexpectedEventsView,
)
for _view in VIEWS:
    _view.__module__ = __name__

__all__ = [
    "PALETTE",
    "PROCESSES",
    "SHAPES",
    "SHARED_COLOR",
    "STAGES",
    "STAGE_LABELS",
    "Absent",
    "BreakdownGroup",
    "BreakdownView",
    "CalendarView",
    "CancellationView",
    "Chart",
    "ClauseView",
    "ClausesView",
    "ComputedView",
    "ContactView",
    "ContextInputs",
    "CreditsView",
    "DefinitionView",
    "DeliveryView",
    "DocumentContext",
    "GoalView",
    "Headings",
    "HolidayView",
    "LegalSentences",
    "MissedGoalsView",
    "PartyRef",
    "PartyView",
    "PartyWords",
    "PersonView",
    "ProcessView",
    "ReportView",
    "RequirementView",
    "ReviewView",
    "RowView",
    "ServiceLevelView",
    "SignatoryView",
    "StageView",
    "StepView",
    "StrikesView",
    "SupportView",
    "TableView",
    "UnexpectedEventsView",
    "build_context",
]
