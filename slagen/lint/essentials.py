"""The clauses a customer agreement cannot do without (the guide's and the anchors' SLAs all
have them): how each figure is measured, how credits are claimed, what is excluded, and the
governing law. Internal and multi-level agreements are not contracts between companies and
are not held to them."""

from __future__ import annotations

from collections.abc import Iterator

from .registry import Context, Finding, rule


def _customer_without(ctx: Context, key: str) -> bool:
    a = ctx.agreement
    return a.kind == "customer" and not (a.clauses is not None and getattr(a.clauses, key))


@rule("SLA014", "no-measurement", "a customer agreement without a measurement clause")
def no_measurement(ctx: Context) -> Iterator[Finding]:
    """Azure and Common Paper state the formula of the measured figure; without it a credit is argued."""
    if _customer_without(ctx, "measurement"):
        yield Finding(
            ("clauses",) if ctx.agreement.clauses else ("kind",),
            "a customer agreement without clauses.measurement: say what counts as downtime "
            "(measurement.downtime) and how partial periods count (measurement.partial_periods); "
            "the formula of each goal is generated from it",
        )


@rule("SLA015", "no-claims", "a customer agreement with service credits but no claims procedure")
def no_claims(ctx: Context) -> Iterator[Finding]:
    """A credit nobody knows how to claim is never paid, or paid on argument."""
    if ctx.agreement.inputs.service_credits is not None and _customer_without(ctx, "claims"):
        yield Finding(
            ("clauses",) if ctx.agreement.clauses else ("inputs", "service_credits"),
            "service credits without clauses.claims: say who claims (claimant), how, within how many "
            "days (deadline_days), with what evidence, how fast the claim is decided (processing_days) "
            "and whether credits are automatic",
        )


@rule("SLA016", "no-exclusions", "a customer agreement without exclusions")
def no_exclusions(ctx: Context) -> Iterator[Finding]:
    """Force majeure, the customer's own equipment or breach, beta features and third parties."""
    if _customer_without(ctx, "exclusions"):
        yield Finding(
            ("clauses",) if ctx.agreement.clauses else ("kind",),
            "a customer agreement without clauses.exclusions: list the causes that do not count "
            "against the provider (force-majeure, customer-equipment, customer-breach, "
            "beta-features, third-party)",
        )


@rule("SLA017", "no-governing-law", "a customer agreement without governing law and jurisdiction")
def no_governing_law(ctx: Context) -> Iterator[Finding]:
    """Two companies, often in two countries: say which law applies and which courts decide."""
    if _customer_without(ctx, "governing_law"):
        yield Finding(
            ("clauses",) if ctx.agreement.clauses else ("kind",),
            "a customer agreement without clauses.governing_law: name the law (law), the courts "
            "(courts) and whether they alone decide (exclusive)",
        )
