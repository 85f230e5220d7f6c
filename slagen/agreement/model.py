"""The agreement model: what an SLA is made of, as typed, documented fields.

The same classes validate agreement files and generate the JSON Schema that
editors use (``slagen schema``). Field docstrings become schema descriptions.
Cross-references (a goal's owner, a report's recipient, a computed target's
name) are checked afterwards by :mod:`slagen.agreement.validate`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from slagen.agreement.base import Model as Model
from slagen.agreement.calendars import Calendar, Recurrence

# The clause sections live in their own module; named here so the schema lists them.
from slagen.agreement.clauses import (
    Amendments as Amendments,
)
from slagen.agreement.clauses import (
    Claims as Claims,
)
from slagen.agreement.clauses import (
    Clauses as Clauses,
)
from slagen.agreement.clauses import (
    Counterparts as Counterparts,
)
from slagen.agreement.clauses import (
    Definition as Definition,
)
from slagen.agreement.clauses import (
    Escalation as Escalation,
)
from slagen.agreement.clauses import (
    Exclusion as Exclusion,
)
from slagen.agreement.clauses import (
    GoverningLaw as GoverningLaw,
)
from slagen.agreement.clauses import (
    Measurement as Measurement,
)
from slagen.agreement.clauses import (
    Notice as Notice,
)
from slagen.agreement.clauses import (
    Precedence as Precedence,
)
from slagen.agreement.clauses import (
    Reference as Reference,
)
from slagen.agreement.clauses import (
    Remedies as Remedies,
)
from slagen.agreement.clauses import (
    VersionEntry as VersionEntry,
)
from slagen.agreement.fields import Bool, Date, Dec, Int, Pct, Slug, Text
from slagen.agreement.period import PATTERN as PERIOD_PATTERN
from slagen.agreement.vocabulary import (
    PLURAL_CATEGORIES,
    Comparison,
    Format,
    Interval,
    Kind,
    Measure,
    PluralCategory,
    Stage,
    Style,
)

# --- who ---------------------------------------------------------------------------


class Person(Model):
    """Someone named in the agreement."""

    id: Slug
    """Identifier other fields use to refer to this person (e.g. ``kendra``)."""
    name: Text
    """Full name as it appears in the contract."""
    role: Text
    """Job title or role (e.g. Head of Sales)."""
    email: Text = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    """E-mail address."""
    phone: Text | None = Field(default=None, pattern=r"^\+?[0-9][0-9 ()-]{5,}[0-9]$")
    """Phone number in international form (e.g. +49 69 1234 5670), when the agreement names one."""


class Party(Model):
    """A party to the agreement: a company, or a department of one."""

    id: Slug
    """Identifier other fields use to refer to this party (e.g. ``marketing``)."""
    name: Text
    """Name of the party as it appears in the contract."""
    roles: list[Literal["provider", "consumer"]] = Field(min_length=1)
    """Whether the party provides a service, consumes one, or both."""
    description: Text | None = None
    """One sentence on who the party is (company, address, department)."""
    address: Text | None = None
    """Registered or postal address, as named in the contract's preamble."""
    short_name: Text | None = None
    """The short name the legal style defines for the party and calls it by afterwards
    ("Sprzedaż"); by default the id in title case ("Sales" for ``sales``)."""
    people: list[Person] = Field(min_length=1)
    """The party's people named in the agreement."""
    lead: Slug
    """The person (by id) who leads the party in this agreement."""


class Term(Model):
    """When the agreement applies and how its results are reported."""

    start: Date
    """First day the agreement is in force."""
    end: Date
    """Last day the agreement is in force."""
    reporting_interval: Interval
    """How often results are measured and reported."""
    period: Text = Field(pattern=PERIOD_PATTERN)
    """The period the current document is for: a year ``2026``, quarter ``2026-Q4``, month
    ``2026-11``, ISO week ``2026-W47`` or range ``2026-11-15..2026-11-30``. A named period that
    runs past the term is clipped to it (the document says "16 of 30 days"); a range must lie
    within the term."""
    place: Text | None = None
    """Where the agreement is concluded, as the legal style's opening sentence names it, in
    the form that sentence needs: "Warsaw" ("made ... in Warsaw"), Polish "Warszawie" in the
    locative ("zawarta w dniu ... w Warszawie"); left out when not given."""


class Overview(Model):
    """What the agreement is about."""

    summary: Text
    """A paragraph on the purpose of the agreement."""
    services: list[Text] = Field(min_length=1)
    """The services delivered."""
    for_whom: Text
    """Who receives the services."""
    success_measures: list[Text] = Field(min_length=1)
    """How success is measured (the key metrics)."""


# --- goals and the inputs of their targets -----------------------------------------


class Target(Model):
    """A goal's target: a literal value, or the name of a computed target."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["value"]}, {"required": ["computed"]}]}
    )

    value: Dec | None = None
    """A literal target value."""
    computed: Text | None = None
    """The name of a computed target (see ``slagen targets``), e.g. ``funnel.leads_needed``."""

    @model_validator(mode="after")
    def _one_of(self) -> Target:
        if (self.value is None) == (self.computed is None):
            raise ValueError("expected exactly one of 'value' or 'computed'")
        return self


def _unit_schema(schema: dict[str, Any]) -> None:
    """The JSON Schema of ``Goal.unit``: one text, or a mapping of plural categories to texts."""
    text = {k: schema.pop(k) for k in ("type", "minLength", "maxLength", "pattern") if k in schema}
    forms = {
        "type": "object",
        "properties": {c: {"type": "string"} for c in PLURAL_CATEGORIES},
        "additionalProperties": False,
        "required": ["other"],
    }
    schema["anyOf"] = [text, forms]


class EventLimit(Model):
    """The limit each event is held to, for a goal that is a share of events meeting it."""

    comparison: Comparison
    """Whether each event must reach the limit (``at-least``) or stay within it (``at-most``)."""
    target: Target
    """The limit, literal or computed (e.g. ``{computed: support.p1.response_minutes}``)."""
    unit: Text
    """Unit of the limit (minutes, hours, attempts...)."""


class FigureTier(Model):
    """A step of credit over a range of the measured figure: from ``at_least`` up to, not
    including, ``below`` (either bound may be open)."""

    at_least: Dec | None = None
    """Lowest measured figure the tier covers (included); absent: no lower bound."""
    below: Dec | None = None
    """Measured figure the tier stops at (not included); absent: no upper bound."""
    credit: Pct
    """Credit as a share of the month's charge."""


class GoalCredits(Model):
    """The credits a missed goal earns the consumer, as data (no figure in free text)."""

    per_miss: Pct | None = None
    """Credit, as a share of the month's charge, for each miss: each event over its limit for a
    ``per-event`` goal (each missed delivery, each incident over its response time), else each
    interval in which the goal is missed."""
    tiers: list[FigureTier] = []
    """Credits by ranges of the measured figure; the ranges may not overlap, so one tier applies."""
    cap: Pct | None = None
    """Most credit this goal earns in one month, as a share of the month's charge."""


class Goal(Model):
    """A measurable goal one party commits to."""

    id: Slug
    """Identifier of the goal."""
    party: Slug
    """The party (by id) that commits to the goal."""
    shared_with: list[Slug] = []
    """Other parties (by id) that share the goal; a shared goal has its own column."""
    metric: Text
    """What is measured (e.g. Qualified leads delivered to sales)."""
    comparison: Comparison
    """Whether the target is a floor, a ceiling or an exact figure."""
    target: Target
    """The target value, literal or computed."""
    unit: Text = Field(json_schema_extra=_unit_schema)
    """Unit of the target (leads, USD, %, minutes, reams...)."""
    unit_forms: dict[PluralCategory, Text] | None = None
    """The unit's plural forms by CLDR category (``one``, ``few``, ``many``, ``other``), when
    ``unit`` is written as a mapping (``{one: lead, few: leady, many: leadów, other: leada}``);
    ``unit`` is then its ``other`` form. A locale with several forms needs every one of them."""

    @model_validator(mode="before")
    @classmethod
    def _unit_as_forms(cls, data: Any) -> Any:
        """``unit`` written as a mapping of plural forms: the mapping becomes ``unit_forms`` and
        ``unit`` its ``other`` form (a missing ``other`` is reported at ``unit_forms``)."""
        if isinstance(data, dict) and isinstance(data.get("unit"), dict):
            forms = data["unit"]
            data = {**data, "unit": forms.get("other", ""), "unit_forms": forms}
        return data

    interval: Interval | None = None
    """The interval the target applies per."""
    rolling_days: Int | None = None
    """For a rate (``measure: average`` or ``share``): measured over every rolling window of
    this many consecutive days (e.g. 28) instead of per calendar ``interval``; a period is then
    met when every window that ends in it is."""
    measured_by: Text | None = None
    """How the metric is measured (source of the figure)."""
    owner: Slug | None = None
    """The person (by id) responsible for the goal."""
    stage: Stage | None = None
    """The process stage the goal belongs to: the visual style is organised by the process of
    the agreement's kind (a sales funnel: ``goals``, ``qualification``, ``hand-off``,
    ``nurturing``, ``service``; an IT service: ``monitoring``, ``maintenance``, ``incident``,
    ``response``, ``resolution``, ``report``, ``credit``; a supply of goods: ``order``,
    ``delivery``, ``confirmation``, ``returns``, ``payment``)."""
    accrues: Bool = False
    """true when the target is an amount that adds up over time (leads, revenue, reams): it is
    then broken down over the period's calendar and given a daily goal line. ``measure: total``
    says the same."""
    measure: Measure | None = None
    """How the goal's figure is formed: ``total`` (the amount over each interval: leads, revenue,
    reams), ``average`` (the mean over the events of each interval), ``per-event`` (a limit each
    event must meet: each incident, each lead) or ``share`` (the share of events that meet
    ``limit``, e.g. 95% of severity-1 incidents answered within 15 minutes)."""
    per: Text | None = None
    """Per what, for ``average``, ``per-event`` and ``share``: one event, in the singular (``lead
    handed off``, ``lead not yet connected``, ``severity-1 incident``, ``delivery``)."""
    limit: EventLimit | None = None
    """For ``measure: share``: the limit each event is held to; the target is then the share
    (in ``%``) of events that meet it."""

    credits: GoalCredits | None = None
    """Service credits the consumer earns when this goal is missed."""

    @property
    def totals(self) -> bool:
        """Whether the target is an amount over each interval that adds up over time."""
        return self.accrues or self.measure == "total"


class FunnelStage(Model):
    """A further funnel stage before leads reach sales (e.g. lead qualification)."""

    name: Slug
    """Name of the stage's count, used in computed target names."""
    label: Text
    """What the stage counts (e.g. Marketing-qualified leads)."""
    rate: Pct
    """Share of this stage's items that pass to the next stage."""


class Funnel(Model):
    """Marketing's targets derived from sales' quota (the guide's funnel)."""

    per: Interval
    """Interval of the sales quota."""
    sales_quota: Dec
    """Total sales target (revenue) per interval."""
    marketing_share: Pct
    """Share of revenue that comes from marketing-generated leads."""
    average_deal_size: Dec
    """Average revenue of one closed deal."""
    close_rate: Pct
    """Share of worked leads that become customers."""
    stages: list[FunnelStage] = []
    """Further stages, from the one nearest sales outwards."""


class LeadTier(Model):
    """A tier of leads with its own funnel (decision-makers vs others)."""

    name: Slug
    """Name of the tier, used in computed target names."""
    label: Text
    """Who is in the tier (e.g. Decision-makers: C-level and directors)."""
    share_of_customers: Pct
    """Share of the customers needed expected from this tier."""
    close_rate: Pct
    """Close rate of this tier's leads."""
    value_per_lead: Dec | None = None
    """Value of one lead of this tier, for value-based goals."""


class FollowUp(Model):
    """Sales' follow-up targets: speed, depth and the reps' capacity."""

    first_follow_up_minutes: Dec
    """Target time from hand-off to first follow-up, in minutes."""
    attempts: Int
    """Target number of follow-up attempts on leads not yet connected."""
    reps: Int
    """Number of sales reps working marketing leads."""
    minutes_per_attempt: Dec
    """Average time one follow-up attempt takes, in minutes."""
    hours_per_rep: Dec
    """Hours each rep has for marketing leads per funnel interval."""


class MaintenanceWindow(Model):
    """Planned maintenance excluded from availability: a recurrence in local time (slagen
    computes its hours per month), or a described window with a cap."""

    description: Text | None = None
    """What the window is for, or when it is when it does not recur (e.g. Emergency security
    patches); needed without ``recurrence``."""
    recurrence: Recurrence | None = None
    """When the window recurs, in ``calendar.time_zone`` (e.g. every week on sunday 02:00-04:00)."""
    notice_days: Int | None = None
    """Calendar days of notice before each window is used."""
    notice_business_days: Int | None = None
    """Business days of notice before each window is used (by ``calendar.business_hours``)."""
    notice_hours: Int | None = None
    """Hours of notice before each window is used (for short-notice windows)."""
    hours_per_month: Dec | None = None
    """Most hours of maintenance per month, when bounded; with a recurrence, ``check`` names
    each month of the term whose calendar exceeds it."""


class Availability(Model):
    """The availability promise of a service."""

    target: Pct
    """Availability target as a percentage (e.g. 99.95)."""
    measured_per: Literal["week", "month", "quarter", "year", "rolling"]
    """The interval availability is measured over: a calendar week (ISO), month, quarter or
    year, or ``rolling``: every window of ``rolling_days`` consecutive days."""
    rolling_days: Int | None = None
    """With ``measured_per: rolling``: days of the rolling window (e.g. 28 or 30)."""
    maintenance_windows: list[MaintenanceWindow] = []
    """Maintenance excluded from the downtime count."""


class CreditTier(Model):
    """A step of service credit: availability below a bound earns a credit."""

    below: Pct
    """Availability bound of the tier."""
    strict: Bool
    """true: applies when availability < bound; false: when availability <= bound."""
    credit: Pct
    """Credit as a share of the period's charge."""


class LinearCredit(Model):
    """A credit that grows linearly with the shortfall below target."""

    credit: Pct
    """Credit for each full step below target."""
    per_step: Pct
    """Size of one step of availability (e.g. 0.1)."""


class ServiceCredits(Model):
    """Compensation when availability or response-time goals are missed."""

    basis: Literal["availability", "response-time"]
    """What the credits are measured on."""
    tiers: list[CreditTier] = []
    """Stepped tiers; the highest credit that applies is given."""
    linear: LinearCredit | None = None
    """A linear credit, instead of or besides tiers."""
    monthly_cap: Pct
    """Most credit in one month, as a share of its charge."""
    rolling_12_month_cap: Pct | None = None
    """Most credit over any 12 months, as a share of 12 months' charges."""
    monthly_charge: Dec | None = None
    """The monthly charge the credits are a share of."""


class SupportLevel(Model):
    """Support response and resolution times for one severity."""

    severity: Slug
    """Severity name (e.g. p1)."""
    description: Text
    """What counts as this severity."""
    response_minutes: Dec
    """Longest time to first response, in minutes."""
    resolution_hours: Dec
    """Longest time to resolution or workaround, in hours."""
    hours: Text | None = None
    """When the clock runs, in words (e.g. 24x7); needed unless ``clock`` is business-hours."""
    clock: Literal["24x7", "business-hours"] | None = None
    """When the clock runs, as data: ``business-hours`` counts only ``calendar.business_hours``
    (the document then states those hours and holidays)."""


class Inputs(Model):
    """Inputs to the computed targets."""

    currency: Text = Field(pattern=r"^[A-Z]{3}$")
    """ISO currency code of every amount in the agreement."""
    funnel: Funnel | None = None
    """Sales quota funnel."""
    lead_tiers: list[LeadTier] = []
    """Lead tiers for quality goals."""
    follow_up: FollowUp | None = None
    """Sales follow-up targets."""
    availability: Availability | None = None
    """Availability target."""
    service_credits: ServiceCredits | None = None
    """Service-credit tiers and caps."""
    support: list[SupportLevel] = []
    """Support times by severity."""
    monthly_charge: Dec | None = None
    """The monthly charge every service credit is a share of (when there are no
    ``service_credits``, or as well as their own ``monthly_charge``, which must then agree). How
    credits are claimed and paid is the ``clauses.claims`` section."""


# --- the other sections -------------------------------------------------------------


class Requirement(Model):
    """What one party needs from another to reach its goals."""

    party: Slug
    """The party (by id) that needs it."""
    from_party: Slug
    """The party (by id) that provides it."""
    text: Text
    """What is needed."""
    interval: Interval | None = None
    """How often, when it recurs."""


class Contact(Model):
    """A point of contact and what they are responsible for."""

    person: Slug
    """The person (by id)."""
    responsibility: Text
    """What they answer for."""


class Report(Model):
    """A reporting line: who reports what to whom, how often."""

    id: Slug
    """Identifier of the report."""
    title: Text
    """Name of the report."""
    from_person: Slug
    """Who sends it (person id)."""
    to_person: Slug
    """Who receives it (person id)."""
    every: Interval
    """How often it is sent."""
    content: Text
    """What it contains."""
    visible_to: list[Slug] = Field(min_length=1)
    """Parties (by id) with access to the report."""


class Strikes(Model):
    """A strikes system for repeated misses."""

    limit: Int
    """Strikes that trigger the consequence."""
    window: Interval
    """The interval strikes are counted over."""
    consequence: Text
    """What happens when the limit is reached."""
    goals: list[Slug] | None = Field(default=None, min_length=1)
    """The goals (by id) whose misses are strikes: a reporting interval in which one of them is
    missed is one strike. Absent: an interval with any missed goal is a strike."""


class MissedGoals(Model):
    """The plan when goals are missed."""

    consequences: list[Text] = Field(min_length=1)
    """What happens when a goal is missed."""
    diagnosed_by: list[Slug] = Field(min_length=1)
    """People (by id) responsible for diagnosing under-performance."""
    recovery: Text | None = None
    """How lost revenue or service is recovered."""
    strikes: Strikes | None = None
    """A strikes system, when the agreement uses one."""


class CancellationCondition(Model):
    """A condition under which the agreement may be cancelled."""

    text: Text
    """The condition in words."""
    by: Literal["consumer", "provider", "any"] | list[Slug] | None = None
    """Who may invoke the condition: ``consumer`` (the parties that consume the service),
    ``provider``, ``any`` party, or a list of party ids. A party never cancels over its own
    failure: a condition on the provider's goals is the consumers' to invoke."""
    missed_in_a_row: Int | None = None
    """Consecutive missed reporting intervals that meet the condition; absent: the condition is
    not a count of misses, and people judge it."""
    goals: list[Slug] | None = Field(default=None, min_length=1)
    """The goals (by id) the count is of: an interval counts when one of them is missed (or, with
    ``below``, falls below it). Absent: an interval with any missed goal counts."""
    below: Dec | None = None
    """A floor lower than the goals' targets (e.g. 99.0 for "availability below 99.0%"): an
    interval counts when the actual of one of ``goals`` is below it, rather than when the goal is
    missed. Needs ``goals``, each compared ``at-least``."""


class Cancellation(Model):
    """When the agreement ends early."""

    conditions: list[CancellationCondition] = Field(min_length=1)
    """Conditions for cancellation."""
    notice_days: Int
    """Written notice, in days, before cancellation takes effect."""


class UnexpectedEvents(Model):
    """Events that excuse a miss, and what still holds during them."""

    excused: list[Text] = Field(min_length=1)
    """Events that excuse missed goals."""
    minimum_standards: list[Text] = Field(min_length=1)
    """Standards that hold even during such events."""
    notice_hours: Int
    """Hours within which the affected party must be told."""


class Review(Model):
    """When the agreement and its metrics are reviewed."""

    mid_term: Date | None = None
    """Date of the mid-term review."""
    end_of_term: Date
    """Date of the full review at the end of the term."""
    metrics_every: Interval
    """How often the metrics are reviewed together."""


class Signatory(Model):
    """A person who signs the agreement, and whether they have."""

    person: Slug
    """The person (by id)."""
    signed_on: Date | None = None
    """The date they signed off the current period's document; absent while unsigned."""
    capacity: Text | None = None
    """The capacity in which they sign (e.g. Managing Director, authorised to represent the
    company alone); absent: they sign in the role named for them."""


class Presentation(Model):
    """How the agreement is rendered."""

    styles: list[Style] = Field(min_length=1)
    """Document styles to render."""
    formats: list[Format] = Field(default=["pdf"], min_length=1)
    """Output formats to render."""
    locale: Literal["en-US", "en-GB", "pl-PL"] = "en-US"
    """Language and conventions of the documents: words, numbers, money, dates and plural forms
    (``en-US``, ``en-GB`` or ``pl-PL``)."""
    page_size: Literal["A4", "Letter"] = "A4"
    """Page size."""
    logo: Text | None = None
    """Path of a logo image, relative to the agreement file (must stay in its folder)."""


class Agreement(Model):
    """A service-level agreement."""

    id: Slug
    """Identifier of the agreement; names its output folder."""
    title: Text
    """Title of the agreement."""
    kind: Kind
    """customer, internal or multi-level."""
    version: Text
    """Version of the agreement text (e.g. 1.2)."""
    term: Term
    """When the agreement applies."""
    parties: list[Party] = Field(min_length=2)
    """The parties."""
    overview: Overview
    """What the agreement is about."""
    inputs: Inputs
    """Inputs of the computed targets."""
    goals: list[Goal] = Field(min_length=1)
    """Goals of each party."""
    requirements: list[Requirement] = Field(min_length=1)
    """What each party needs from the others."""
    contacts: list[Contact] = Field(min_length=1)
    """Points of contact."""
    reports: list[Report] = []
    """Reporting lines."""
    missed_goals: MissedGoals
    """Plan for missed goals."""
    cancellation: Cancellation | None = None
    """Cancellation conditions."""
    unexpected_events: UnexpectedEvents | None = None
    """Unexpected events clause."""
    review: Review
    """Review schedule."""
    sign_off: list[Signatory] = Field(min_length=1)
    """Signatories."""
    calendar: Calendar | None = None
    """The agreement's calendar: IANA time zone, holiday calendars, business hours, deliveries."""
    clauses: Clauses | None = None
    """The standard clauses: definitions, measurement, claims, exclusions, remedies, governing
    law, notices, precedence, amendments, counterparts, confidentiality, escalation."""
    presentation: Presentation
    """How the agreement is rendered."""

    # --- derived lookups (no state of their own) ---
    def party(self, party_id: str) -> Party:
        """The party with ``party_id``."""
        return next(p for p in self.parties if p.id == party_id)

    def person(self, person_id: str) -> Person:
        """The person with ``person_id``."""
        return next(p for party in self.parties for p in party.people if p.id == person_id)

    def party_of(self, person_id: str) -> Party:
        """The party ``person_id`` belongs to."""
        return next(party for party in self.parties for p in party.people if p.id == person_id)

    @property
    def fully_signed(self) -> bool:
        """Whether every signatory has signed off."""
        return all(s.signed_on is not None for s in self.sign_off)


ZERO = Decimal(0)
