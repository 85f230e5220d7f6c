"""Service credits: what a measured month earns under the agreement's tiers and caps.

Stepped tiers: a tier applies when the measured figure is below its bound
(``strict: true``: measured < bound; ``strict: false``: measured <= bound); of the
tiers that apply, the highest credit is given. Linear: ``credit`` for each *full*
step of ``per_step`` below target. With both, the larger credit is given. The
monthly cap then limits the month's credit; over months, the rolling 12-month cap
limits the sum of the credits granted in any 12 consecutive months (as a share of
12 months' charges). Shares are exact; amounts are to the cent, half-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from slagen.agreement.model import CreditTier, ServiceCredits
from slagen.i18n import N_

from .base import Computed, FigureError, TargetSet
from .rounding import AS_SET, HUNDRED, MONEY, cents, fmt, frac, pct

_AT = ("inputs", "service_credits")


@dataclass(frozen=True)
class CreditResult:
    """The credit one measured month earns."""

    measured: Decimal
    target: Decimal
    tier: CreditTier | None
    """The tier that applied (the one with the highest credit), if any."""
    tier_share: Decimal
    steps: int
    """Full steps below target, for a linear credit."""
    linear_share: Decimal
    uncapped: Decimal
    """Credit before the monthly cap, as a percentage of the month's charge."""
    share: Decimal
    """Credit after the monthly cap, as a percentage of the month's charge."""
    capped: bool
    amount: Decimal | None
    """The credit in money, when the agreement states the monthly charge."""
    explanation: str


@dataclass(frozen=True)
class MonthCredit:
    """The credit granted for one month once the rolling 12-month cap is applied."""

    month: str
    result: CreditResult
    share: Decimal
    """Credit granted, as a percentage of the month's charge."""
    rolling_capped: bool
    amount: Decimal | None


def applies(tier: CreditTier, measured: Decimal) -> bool:
    """Whether ``tier`` applies to ``measured`` (``<`` when strict, else ``<=``)."""
    return measured < tier.below if tier.strict else measured <= tier.below


def _amount(sc: ServiceCredits, share: Decimal) -> Decimal | None:
    return None if sc.monthly_charge is None else cents(frac(share) * frac(sc.monthly_charge) / HUNDRED)


def credit_for(credits: ServiceCredits, target: Decimal, measured: Decimal) -> CreditResult:
    """The credit a month with ``measured`` percent (availability, or responses on time) earns."""
    if not Decimal(0) <= measured <= Decimal(100):
        raise FigureError(f"measured {credits.basis} must be between 0 and 100%, got {fmt(measured)}%")
    tiers = [t for t in credits.tiers if applies(t, measured)]
    tier = max(tiers, key=lambda t: t.credit, default=None)
    tier_share = tier.credit if tier is not None else Decimal(0)
    steps, linear_share = 0, Decimal(0)
    if credits.linear is not None and measured < target:
        q = (frac(target) - frac(measured)) / frac(credits.linear.per_step)
        steps = q.numerator // q.denominator
        linear_share = credits.linear.credit * steps
    uncapped = max(tier_share, linear_share)
    share = min(uncapped, credits.monthly_cap)
    why = []
    if tier is not None:
        why.append(f"{fmt(measured)}% {'<' if tier.strict else '<='} {fmt(tier.below)}%: {pct(tier.credit)}")
    if credits.linear is not None:
        why.append(
            f"{steps} full step(s) of {pct(credits.linear.per_step)} below {pct(target)} "
            f"x {pct(credits.linear.credit)} = {pct(linear_share)}"
        )
    if share < uncapped:
        why.append(f"capped at {pct(credits.monthly_cap)} a month")
    return CreditResult(
        measured,
        target,
        tier,
        tier_share,
        steps,
        linear_share,
        uncapped,
        share,
        share < uncapped,
        _amount(credits, share),
        "; ".join(why) or "no tier applies",
    )


def _month_index(label: str) -> int:
    try:
        y, m = label.split("-")
        year, month = int(y), int(m)
    except ValueError:
        raise FigureError(f"expected a month written YYYY-MM, got {label!r}") from None
    if not 1 <= month <= 12:
        raise FigureError(f"expected a month written YYYY-MM, got {label!r}")
    return year * 12 + month - 1


def credits_over_months(
    credits: ServiceCredits, target: Decimal, measured: Sequence[tuple[str, Decimal]]
) -> list[MonthCredit]:
    """The credit granted each month (``YYYY-MM``, measured), in order, under both caps.

    The credit granted in a month is its monthly-capped credit, reduced so that
    the credits granted in it and the 11 months before stay within the rolling
    12-month cap (a share of 12 months' charges, i.e. 12 x cap of one month's charge).
    """
    limit = None if credits.rolling_12_month_cap is None else credits.rolling_12_month_cap * 12
    granted: list[tuple[int, Decimal]] = []
    out = []
    for label, value in measured:
        idx = _month_index(label)
        if granted and idx <= granted[-1][0]:
            raise FigureError(f"expected months in order, each once: {label} comes after a later month")
        result = credit_for(credits, target, value)
        share = result.share
        if limit is not None:
            used = sum((s for i, s in granted if idx - 12 < i), Decimal(0))
            share = min(share, max(limit - used, Decimal(0)))
        granted.append((idx, share))
        out.append(MonthCredit(label, result, share, share < result.share, _amount(credits, share)))
    return out


#: The labels and formulas of the credits' figures, by basis (messages a document translates).
_TIER_LABEL = {
    "availability": N_("Credit when availability %(op)s %(bound)s"),
    "response-time": N_("Credit when share of responses on time %(op)s %(bound)s"),
}
_TIER_AMOUNT = {
    "availability": N_("Credit when availability %(op)s %(bound)s, amount"),
    "response-time": N_("Credit when share of responses on time %(op)s %(bound)s, amount"),
}
_TIER_FORMULA = {
    ("availability", True): N_("credit when the measured availability is below the bound"),
    ("availability", False): N_("credit when the measured availability is at or below the bound"),
    ("response-time", True): N_("credit when the measured share of responses on time is below the bound"),
    ("response-time", False): N_(
        "credit when the measured share of responses on time is at or below the bound"
    ),
}
_LINEAR_LABEL = {
    "availability": N_("Credit per full %(step)s of availability below target"),
    "response-time": N_("Credit per full %(step)s of share of responses on time below target"),
}
_LINEAR_AMOUNT = {
    "availability": N_("Credit per full %(step)s of availability below target, amount"),
    "response-time": N_("Credit per full %(step)s of share of responses on time below target, amount"),
}


def credit_targets(ts: TargetSet, sc: ServiceCredits, currency: str) -> None:
    """Add ``credits.monthly_cap``, the rolling cap, one value per tier and the linear credit."""
    charge = (
        ((N_("monthly charge"), f"{fmt(sc.monthly_charge)} {currency}"),)
        if sc.monthly_charge is not None
        else ()
    )

    def add(
        name: str,
        labels: tuple[str, str],
        share: Decimal,
        formula: str,
        inputs: tuple[tuple[str, str], ...],
        args: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """The credit's share (``labels[0]``) and, with a monthly charge, its amount (``labels[1]``)."""
        ts.add(Computed(name, labels[0], share, "%", "month", formula, inputs, AS_SET, args=args))
        amount = _amount(sc, share)
        if amount is not None:
            ts.add(
                Computed(
                    f"{name}.amount",
                    labels[1],
                    amount,
                    currency,
                    "month",
                    N_("share x monthly charge"),
                    ((N_("share"), pct(share)), *charge),
                    MONEY,
                    args=args,
                )
            )

    add(
        "credits.monthly_cap",
        (N_("Most credit in one month"), N_("Most credit in one month, amount")),
        sc.monthly_cap,
        N_("set in the agreement, as a share of the month's charge"),
        ((N_("monthly cap"), pct(sc.monthly_cap)),),
    )
    if sc.rolling_12_month_cap is not None:
        ts.add(
            Computed(
                "credits.rolling_12_month_cap",
                N_("Most credit over any 12 months"),
                sc.rolling_12_month_cap,
                "%",
                None,
                N_("set in the agreement, as a share of 12 months' charges"),
                ((N_("rolling 12-month cap"), pct(sc.rolling_12_month_cap)),),
                AS_SET,
            )
        )
    for n, tier in enumerate(sc.tiers, start=1):
        args = (("op", "<" if tier.strict else "<="), ("bound", pct(tier.below)))
        add(
            f"credits.tier.{n}",
            (_TIER_LABEL[sc.basis], _TIER_AMOUNT[sc.basis]),
            tier.credit,
            _TIER_FORMULA[sc.basis, tier.strict],
            ((N_("bound"), N_("%(op)s %(bound)s")), (N_("credit"), pct(tier.credit))),
            args,
        )
    if sc.linear is not None:
        add(
            "credits.linear",
            (_LINEAR_LABEL[sc.basis], _LINEAR_AMOUNT[sc.basis]),
            sc.linear.credit,
            N_("credit x full steps below target, up to the monthly cap"),
            ((N_("credit per step"), pct(sc.linear.credit)), (N_("step"), pct(sc.linear.per_step))),
            (("step", pct(sc.linear.per_step)),),
        )


@dataclass(frozen=True)
class MonthTotal:
    """Every credit one month earns, together, under the agreement's caps.

    Shares are exact percentages of the month's charge; the amount is the granted share of the
    monthly charge, to the cent, half-up (one rounding per month, never per credit)."""

    month: str
    tiers: Decimal
    """The stepped or linear credit of :class:`ServiceCredits` before any cap."""
    goals: Decimal
    """The goals' credits, each already within its own goal cap."""
    uncapped: Decimal
    share: Decimal
    """Granted: within the monthly cap (all credits together) and the rolling 12-month cap."""
    capped_by: tuple[str, ...]
    """The caps that reduced the month's credit, in words."""
    amount: Decimal | None


def monthly_charge(inputs_charge: Decimal | None, sc: ServiceCredits | None) -> Decimal | None:
    """The monthly charge credits are a share of: ``inputs.monthly_charge``, else the service
    credits' own (``check`` makes sure the two agree when both are given)."""
    if inputs_charge is not None:
        return inputs_charge
    return sc.monthly_charge if sc is not None else None


def all_credits(
    sc: ServiceCredits | None,
    charge: Decimal | None,
    months: Sequence[tuple[str, Decimal, Decimal]],
) -> list[MonthTotal]:
    """Each month's credits together (``YYYY-MM``, tier credit before caps, goals' credits), in
    order: their sum is held to the monthly cap of ``sc`` (which covers all credits), then the
    credits granted in any 12 consecutive months to the rolling cap (12 x its share of one
    month's charge). Without ``sc`` there is no cap beyond each goal's own."""
    limit = None if sc is None or sc.rolling_12_month_cap is None else sc.rolling_12_month_cap * 12
    granted: list[tuple[int, Decimal]] = []
    out = []
    for label, tiers, goals in months:
        idx = _month_index(label)
        if granted and idx <= granted[-1][0]:
            raise FigureError(f"expected months in order, each once: {label} comes after a later month")
        uncapped = tiers + goals
        share, why = uncapped, []
        if sc is not None and share > sc.monthly_cap:
            share = sc.monthly_cap
            why.append(f"the monthly cap of {pct(sc.monthly_cap)}, all credits together")
        if limit is not None:
            used = sum((s for i, s in granted if idx - 12 < i), Decimal(0))
            room = max(limit - used, Decimal(0))
            if share > room:
                share = room
                assert sc is not None and sc.rolling_12_month_cap is not None
                why.append(f"the rolling cap of {pct(sc.rolling_12_month_cap)} of twelve months' charges")
        granted.append((idx, share))
        amount = None if charge is None else cents(frac(share) * frac(charge) / HUNDRED)
        out.append(MonthTotal(label, tiers, goals, uncapped, share, tuple(why), amount))
    return out
