"""The process an agreement follows, stage by stage (the visual style is organised by it).

Each kind of agreement has its own process (:data:`PROCESSES`): a sales and marketing funnel
runs from goals through lead qualification and hand-off to nurturing and customer service; an
IT service from monitoring through maintenance, incident, response and resolution to the report
and the credit; a supply of goods from the order through delivery and confirmation to returns
and payment. An agreement follows the process most of its goals' stages belong to
(:func:`process_of`); a stage its goals use outside that process follows it, in :data:`STAGES`
order. The stage strip shows every stage of the process, with what the agreement has there: its
goals, or for a stage without goals the severities, reports or credit tiers that happen there.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from slagen.agreement.model import Agreement
from slagen.i18n import N_, ngettext
from slagen.i18n import gettext as _

#: The stages of each process, in the order the process runs.
PROCESSES: dict[str, tuple[str, ...]] = {
    "sales": ("goals", "qualification", "hand-off", "nurturing", "service"),
    "it-service": ("monitoring", "maintenance", "incident", "response", "resolution", "report", "credit"),
    "supply": ("order", "delivery", "confirmation", "returns", "payment"),
}
PROCESS_LABELS = {
    "sales": N_("The sales and marketing process"),
    "it-service": N_("The service process"),
    "supply": N_("The supply process"),
    "other": N_("The process"),
}
#: Every stage a goal may name, processes one after the other.
STAGES: tuple[str, ...] = tuple(s for stages in PROCESSES.values() for s in stages)
STAGE_LABELS = {
    "goals": N_("Goals"),
    "qualification": N_("Lead qualification"),
    "hand-off": N_("Hand-off"),
    "nurturing": N_("Nurturing and follow-up"),
    "service": N_("Service"),
    "monitoring": N_("Monitoring"),
    "maintenance": N_("Maintenance"),
    "incident": N_("Incident"),
    "response": N_("Response"),
    "resolution": N_("Resolution"),
    "report": N_("Report"),
    "credit": N_("Credit"),
    "order": N_("Order"),
    "delivery": N_("Delivery"),
    "confirmation": N_("Confirmation"),
    "returns": N_("Returns"),
    "payment": N_("Payment"),
}


@dataclass(frozen=True)
class StepView:
    """One stage of the process strip."""

    number: int
    id: str
    label: str
    note: str
    """What the agreement has at this stage: ``2 goals``, ``4 severity levels``, ``2 reports``,
    ``3 credit tiers`` or ``no goal``."""
    has_goals: bool


@dataclass(frozen=True)
class ProcessView:
    """The process the document is organised by (``doc.process``)."""

    id: str
    """``sales``, ``it-service``, ``supply`` or ``other`` (no goal names a stage)."""
    label: str
    steps: tuple[StepView, ...]


def process_of(stages: Sequence[str | None]) -> str:
    """The process most of ``stages`` (the goals' stages) belong to; ``other`` when none does.
    A tie goes to the process named first in :data:`PROCESSES`."""
    used = [s for s in stages if s]
    counts = {p: sum(s in members for s in used) for p, members in PROCESSES.items()}
    best = max(counts, key=lambda p: counts[p])
    return best if counts[best] else "other"


def process_stages(stages: Sequence[str | None]) -> tuple[str, ...]:
    """The stages of the document, in order: every stage of its process, then any other stage
    a goal names (in :data:`STAGES` order)."""
    used = {s for s in stages if s}
    own = PROCESSES.get(process_of(stages), ())
    return own + tuple(s for s in STAGES if s in used and s not in own)


def _note(stage: str, goals: int, a: Agreement) -> str:
    """What the strip says under a stage: its goals, or what happens there without one."""
    if goals:
        return ngettext("%(n)s goal", "%(n)s goals", goals) % {"n": goals}
    credits = a.inputs.service_credits
    tiers = len(credits.tiers) if credits is not None else 0
    if stage == "incident" and a.inputs.support:
        n = len(a.inputs.support)
        return ngettext("%(n)s severity level", "%(n)s severity levels", n) % {"n": n}
    if stage == "report" and a.reports:
        n = len(a.reports)
        return ngettext("%(n)s report", "%(n)s reports", n) % {"n": n}
    if stage == "credit" and tiers:
        return ngettext("%(n)s credit tier", "%(n)s credit tiers", tiers) % {"n": tiers}
    return _("no goal")


def process_view(a: Agreement) -> ProcessView:
    """The process of ``a`` with a step per stage (see :func:`process_stages`)."""
    stages: list[str | None] = [g.stage for g in a.goals]
    process = process_of(stages)
    steps = tuple(
        StepView(
            number=i,
            id=s,
            label=_(STAGE_LABELS[s]),
            note=_note(s, stages.count(s), a),
            has_goals=s in stages,
        )
        for i, s in enumerate(process_stages(stages), start=1)
    )
    return ProcessView(process, _(PROCESS_LABELS[process]), steps)
