"""The standard clauses of a professional SLA, as optional typed sections.

An agreement's ``clauses`` section holds what makes an SLA enforceable besides its goals:
definitions, how each measured figure is computed, the claims procedure, exclusions,
remedies, governing law and jurisdiction, notices, order of precedence, amendments with
their version history, counterparts and electronic signature, confidentiality and data
protection references, and escalation contacts. Each part is optional where a real SLA may
omit it; ``slagen lint`` names the ones a customer agreement should not omit.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from slagen.agreement.base import Model
from slagen.agreement.fields import Bool, Date, Int, Slug, Text

ExclusionKind = Literal[
    "force-majeure", "customer-equipment", "customer-breach", "beta-features", "third-party", "other"
]


class Definition(Model):
    """A term the agreement defines, printed capitalised wherever the document uses it."""

    term: Text = Field(pattern=r"^[A-Z]")
    """The defined term, capitalised as the document writes it (e.g. Business Day)."""
    meaning: Text
    """What the term means, as the rest of the sentence "“Term” means ..." (no full stop)."""


class Measurement(Model):
    """How measured figures are computed: what counts as downtime, and partial periods."""

    downtime: Text | None = None
    """What counts as a minute of downtime (e.g. a minute in which two of three regions saw
    the health check fail), as the rest of "“Downtime” means ..."; for availability goals."""
    partial_periods: Literal["prorated", "whole"]
    """prorated: a measurement period the agreement covers only in part counts its covered
    minutes only; whole: partial periods are measured as if whole."""


class Claims(Model):
    """How a service credit is claimed, by whom, by when, with what evidence, and when it is paid."""

    claimant: Slug
    """The party (by id) that claims credits (usually the customer)."""
    automatic: Bool
    """true: credits are applied without a claim; false: only a timely claim earns them."""
    how: Text
    """How a claim is made (e.g. a ticket in the help desk marked "credit claim")."""
    deadline_days: Int
    """Days after the end of the measurement period within which a claim must arrive."""
    evidence: list[Text] = Field(min_length=1)
    """What a claim must contain (e.g. the dates and times of the downtime)."""
    processing_days: Int
    """Days within which the provider decides a claim and tells the claimant."""
    applied: Text
    """How an accepted credit is given (e.g. deducted from the next invoice)."""


class Exclusion(Model):
    """A cause of a missed figure that does not count against the provider."""

    kind: ExclusionKind
    """What kind of cause it is: force-majeure, customer-equipment, customer-breach,
    beta-features, third-party or other."""
    text: Text
    """The exclusion in words, as an item of "does not count: ..." (no full stop)."""


class Remedies(Model):
    """What service credits are worth besides the money: sole remedy, cash, liability caps."""

    sole_remedy: Bool
    """true: service credits are the customer's sole and exclusive remedy for missed service
    levels; false: other remedies remain."""
    cash: Bool
    """true: credits may be paid out in cash; false: credits are never paid in cash."""
    liability_cap: Literal["counts-toward", "in-addition", "none"]
    """How credits relate to the liability cap of the master agreement: counts-toward (credits
    count toward the cap), in-addition (credits are owed besides it), none (no cap applies)."""


class GoverningLaw(Model):
    """The law the agreement is under and the courts that decide disputes."""

    law: Text
    """The governing law (e.g. the laws of the Federal Republic of Germany)."""
    courts: Text
    """The courts with jurisdiction (e.g. the courts of Frankfurt am Main)."""
    exclusive: Bool
    """true: those courts have exclusive jurisdiction."""
    excluded: Text | None = None
    """A law that does not apply (e.g. the United Nations Convention on Contracts for the
    International Sale of Goods)."""


class Notice(Model):
    """Where one party receives formal notices."""

    party: Slug
    """The party (by id)."""
    attention: Slug
    """The person (by id) notices are addressed to."""
    address: Text
    """The postal address for notices."""
    email: Text = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    """The e-mail address for notices."""


class Precedence(Model):
    """How the agreement ranks against the documents it sits with."""

    order: list[Text] = Field(min_length=2)
    """The documents from the one that prevails to the one that yields; write this agreement
    as "this Agreement" (e.g. [the Master Services Agreement of 1 September 2026, this Agreement])."""


class VersionEntry(Model):
    """One version of the agreement text."""

    version: Text
    """The version (e.g. 2.0)."""
    date: Date
    """The date of the version."""
    summary: Text
    """What changed (no full stop)."""


class Amendments(Model):
    """How the agreement is changed, and the versions it has had."""

    signed_by: Literal["every-party", "signatories"]
    """Who must sign an amendment: every party, or the signatories of this agreement."""
    history: list[VersionEntry] = Field(min_length=1)
    """The versions of the agreement, oldest first; the last is this document's version."""


class Counterparts(Model):
    """Signing in counterparts and electronically."""

    counterparts: Bool
    """true: the agreement may be signed in counterparts, together one instrument."""
    electronic: Bool
    """true: electronic signatures bind as handwritten ones do."""
    method: Text | None = None
    """The kind of electronic signature, as the documents' "made as ..." continues it (e.g.
    qualified electronic signatures under Regulation (EU) No 910/2014 (eIDAS))."""


class Reference(Model):
    """A document or clause elsewhere that governs a matter this agreement does not restate."""

    document: Text
    """The document (e.g. the Data Processing Agreement of 1 September 2026)."""
    clause: Text | None = None
    """The clause of it, when one (e.g. clause 12)."""


class Escalation(Model):
    """One level of escalation: whom to call, when, at which number."""

    level: Int
    """The level, from 1 (first contact) upwards."""
    person: Slug
    """The person (by id) reached at this level."""
    phone: Text = Field(pattern=r"^\+?[0-9][0-9 ()-]{5,}[0-9]$")
    """The phone number, in international form (e.g. +49 69 1234 5670)."""
    when: Text
    """When to escalate to this level (e.g. a severity-1 incident not answered within 15 minutes)."""


class Clauses(Model):
    """The standard clauses of the agreement; each part is optional."""

    definitions: list[Definition] = []
    """Terms the agreement defines, besides those slagen defines from the model."""
    measurement: Measurement | None = None
    """How measured figures are computed; the formula of each goal is generated from it."""
    claims: Claims | None = None
    """The claims procedure for service credits."""
    exclusions: list[Exclusion] = []
    """Causes that do not count against the provider, besides the maintenance windows."""
    remedies: Remedies | None = None
    """Whether credits are the sole remedy, never cash, and how they relate to liability caps."""
    governing_law: GoverningLaw | None = None
    """Governing law and jurisdiction."""
    notices: list[Notice] = []
    """Where each party receives formal notices."""
    precedence: Precedence | None = None
    """Order of precedence with a master agreement."""
    amendments: Amendments | None = None
    """How the agreement is amended, with its version history."""
    counterparts: Counterparts | None = None
    """Counterparts and electronic signature."""
    confidentiality: Reference | None = None
    """Where confidentiality is governed."""
    data_protection: Reference | None = None
    """Where the processing of personal data is governed (e.g. a data processing agreement)."""
    escalation: list[Escalation] = []
    """Escalation contacts with phone numbers, by level."""
