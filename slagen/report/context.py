"""The report's context from the attainment of a period: every figure written out, nothing computed.

Targets and verdicts come from :func:`slagen.tracking.attainment.attainment` (which takes them
from :func:`slagen.targets.compute_targets`); this module only formats them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from slagen.agreement.model import Agreement
from slagen.i18n import N_, ngettext, pgettext
from slagen.i18n import gettext as _
from slagen.tracking.attainment import Attainment, GoalResult, IntervalResult, Recalculation
from slagen.tracking.words import intervals as count_of

from ..render import formatting as f
from ..render.commitment import Commitment, statement
from ..render.context import DocumentContext, RowView
from ..render.context.targets import figure
from ..render.context.terms import invoked_by
from ..targets import Computed
from ..targets.rounding import AS_SET
from .charts import STATUS, signed_quantity, unit_forms
from .views import (
    BarSection,
    CalendarView,
    CancellationRow,
    CancellationView,
    CreditRow,
    CreditView,
    GoalCreditRow,
    GoalRow,
    InputRow,
    IntervalRow,
    LeadChartView,
    MonthCreditRow,
    PlanView,
    RecalcView,
    ReportContext,
    ReportHeadings,
    ServiceView,
    TargetRow,
)

#: The words of the recalculation (:mod:`slagen.targets.recalc`), translated where they are shown.
RECALC_WORDS = (
    N_("Lead-to-customer close rate"),
    N_("Average deal size"),
    N_("Share of revenue from marketing leads"),
    N_("marketing leads that became customers / marketing leads x 100"),
    N_("revenue from those customers / marketing leads that became customers"),
    N_("revenue closed from marketing leads / total revenue closed x 100"),
    N_("became customers"),
    N_("marketing leads"),
    N_("revenue from those customers"),
    N_("revenue from marketing leads"),
    N_("total revenue"),
)

#: The targets of the next period shown beside the current ones: those the funnel drives.
FUNNEL_PREFIXES = ("funnel.", "tiers.", "follow_up.")


@dataclass(frozen=True)
class ReportInputs:
    """What the report context needs besides the agreement and its attainment."""

    agreement: DocumentContext
    actuals_file: str
    actuals_stamp: str
    report_date: str
    created: str
    marketing: tuple[LeadChartView, ...]
    sales: tuple[BarSection, ...]
    service: ServiceView | None
    calendar: CalendarView | None = None
    """The holidays that affected the measurement and the tickets timed from time stamps."""


def _status(r: GoalResult) -> str:
    if r.status == "not judged":
        return _("Not judged")
    if r.status == "not yet measured":
        return _("Not yet measured")
    return _(STATUS[{"met": True, "missed": False}.get(r.status)])


def _interval_status(i: IntervalResult) -> str:
    """Missed with a goal missed; else not yet measured while a goal waits for days the actuals
    do not measure yet; else met with a goal met; else no data."""
    if i.missed:
        return _("Missed")
    if any(g.status == "not yet measured" for g in i.goals):
        return _("Not yet measured")
    return _("Met") if any(g.status == "met" for g in i.goals) else _("No data")


def _which(goals: tuple[str, ...]) -> str:
    """``availability`` or ``availability or p1-response``: the goals a rule counts."""
    return _(" or ").join(goals)


def _goal_row(a: Agreement, r: GoalResult) -> GoalRow:
    g = next(x for x in a.goals if x.id == r.goal_id)
    cur = a.inputs.currency
    party = next(p.name for p in a.parties if p.id == r.party)
    target = _("no target")
    if r.target is not None:
        # A total over the period (accruing goals, or a computed ``.period`` value) is "in" it.
        whole = g.accrues or (g.target.computed or "").endswith(".period")
        when = _("in %(period)s") % {"period": r.period.label} if whole else f.per(g.interval)
        if r.window_days is not None:  # as the agreement's documents say it
            when = ngettext(
                "in every rolling window of %(n)s consecutive day",
                "in every rolling window of %(n)s consecutive days",
                r.window_days,
            ) % {"n": r.window_days}
        target = " ".join(
            x
            for x in (f.comparison(g.comparison), f.quantity(r.target, g.unit, cur, unit_forms(g)), when)
            if x
        )
        if not whole and g.measure in ("average", "per-event") and g.per:
            # worded for its kind, as the agreement's documents word it
            target = statement(
                Commitment(
                    g.measure,
                    f.comparison(g.comparison),
                    f.quantity(r.target, g.unit, cur, unit_forms(g)),
                    g.interval,
                    g.per,
                    window=g.rolling_days,
                )
            )
    actual = f.quantity(r.actual, g.unit, cur, unit_forms(g)) if r.actual is not None else _("no data")
    if r.status == "not judged":
        actual = "—"
    return GoalRow(g.id, g.metric, party, target, actual, _status(r), r.status == "missed", r.basis)


def _summary(att: Attainment) -> str:
    met = sum(g.status == "met" for g in att.goals)
    missed = sum(g.status == "missed" for g in att.goals)
    later = sum(g.status == "not judged" for g in att.goals)
    waiting = sum(g.status == "not yet measured" for g in att.goals)
    unknown = len(att.goals) - met - missed - later - waiting
    n = len(att.goals)
    parts = [
        ngettext("%(met)s of %(n)s goal met", "%(met)s of %(n)s goals met", n) % {"met": met, "n": n},
        pgettext("goals", "%(n)s missed") % {"n": missed},
    ]
    if waiting:
        parts.append(pgettext("goals", "%(n)s not yet measured") % {"n": waiting})
    if unknown:
        parts.append(_("%(n)s without data") % {"n": unknown})
    if later:
        parts.append(_("%(n)s judged over a longer interval") % {"n": later})
    return _("%(parts)s over %(period)s.") % {"parts": ", ".join(parts), "period": att.period.label}


#: The intervals table's headings, by reporting interval.
INTERVAL_LABEL = {"month": N_("Month"), "quarter": N_("Quarter"), "year": N_("Year")}
EACH_INTERVAL = {"month": N_("Each month"), "quarter": N_("Each quarter"), "year": N_("Each year")}

#: ``3 missed months``: a count of reporting intervals with a goal missed, in the current locale.
MISSED_INTERVALS = {
    "month": lambda n: ngettext("%(n)s missed month", "%(n)s missed months", n),
    "quarter": lambda n: ngettext("%(n)s missed quarter", "%(n)s missed quarters", n),
    "year": lambda n: ngettext("%(n)s missed year", "%(n)s missed years", n),
}


def _missed(n: int, unit: str) -> str:
    return MISSED_INTERVALS[unit](n) % {"n": n}


def _plan(a: Agreement, att: Attainment) -> PlanView:
    p = att.plan
    # missed over the period, or in one of its intervals (whose miss is what makes the plan
    # apply): a goal the period has not judged missed (not yet measured) names those intervals
    over_period = {g.goal_id for g in att.goals if g.status == "missed"}
    missed_in = {
        x.id: [
            i.period.label
            for i in att.intervals
            if any(g.goal_id == x.id and g.status == "missed" for g in i.goals)
        ]
        for x in a.goals
    }
    missed = tuple(
        x.metric
        if x.id in over_period or not missed_in[x.id]
        else _("%(metric)s (in %(intervals)s)")
        % {"metric": x.metric, "intervals": ", ".join(missed_in[x.id])}
        for x in a.goals
        if x.id in over_period or missed_in[x.id]
    )
    strikes, reached, consequence = None, False, None
    if p.strikes is not None:
        s = p.strikes
        unit = att.interval
        counted = _missed(s.count, unit)
        if s.goals is not None:
            counted = _("%(intervals)s with %(goals)s missed") % {
                "intervals": count_of(s.count, unit),
                "goals": _which(s.goals),
            }
        words = {"counted": counted, "window": s.window.label, "limit": s.limit}
        strikes = (
            _("%(counted)s counted in %(window)s, against a limit of %(limit)s: the limit is reached.")
            if s.reached
            else _(
                "%(counted)s counted in %(window)s, against a limit of %(limit)s: the limit is not reached."
            )
        ) % words
        reached, consequence = s.reached, s.consequence
    return PlanView(
        p.applies, missed, p.consequences, p.diagnosed_by, p.recovery, strikes, reached, consequence
    )


def _cancellation(a: Agreement, att: Attainment) -> CancellationView | None:
    if a.cancellation is None:
        return None
    unit = att.interval
    cur = a.inputs.currency
    rows = []
    for c in att.cancellation:
        if c.met is None or c.missed_in_a_row is None:
            verdict = _("Not a count of missed goals: for the parties to judge.")
        else:
            run = _("%(intervals)s in a row") % {"intervals": _missed(c.in_a_row, unit)}
            if c.goals is not None and c.below is not None:
                first = next(g for g in a.goals if g.id == c.goals[0])
                below = f.quantity(c.below, first.unit, cur, unit_forms(first))
                run = _("%(intervals)s in a row with %(goals)s below %(below)s") % {
                    "intervals": count_of(c.in_a_row, unit),
                    "goals": _which(c.goals),
                    "below": below,
                }
            elif c.goals is not None:
                run = _("%(intervals)s in a row with %(goals)s missed") % {
                    "intervals": count_of(c.in_a_row, unit),
                    "goals": _which(c.goals),
                }
            run = _("%(run)s (%(n)s needed)") % {"run": run, "n": c.missed_in_a_row}
            verdict = (_("Cancellation condition met: %(run)s.") if c.met else _("Not met: %(run)s.")) % {
                "run": run
            }
        rows.append(CancellationRow(c.text, verdict, bool(c.met)))
    any_met = any(r.met for r in rows)
    notice = f.plural(a.cancellation.notice_days, "day")
    # who may end it: the parties the met grounds name (a ground is the invoker's, not anyone's)
    who = list(
        dict.fromkeys(
            invoked_by(a, c.by) for c, r in zip(a.cancellation.conditions, rows, strict=True) if r.met
        )
    )
    summary = (
        _("A cancellation condition is now met: %(who)s may end the agreement with %(notice)s' notice.")
        % {"who": _(" or ").join(who), "notice": notice}
        if any_met
        else _("No cancellation condition that counts missed goals is met.")
    )
    return CancellationView(tuple(rows), notice, any_met, summary)


def _credits(a: Agreement, att: Attainment, doc: DocumentContext) -> CreditView | None:
    terms = doc.missed_goals.credits
    if terms is None:
        return None
    cur = a.inputs.currency
    rows = tuple(
        CreditRow(
            c.month,
            f.percent(c.result.measured),
            _of_charge(c.share),
            f.money(c.amount, cur) if c.amount is not None else _("not stated"),
            c.result.explanation + (_("; rolling 12-month cap applied") if c.rolling_capped else ""),
        )
        for c in att.credits
    )
    total = f.money(att.credit_total, cur) if att.credit_total is not None else None
    unknown = att.credits_unknown
    goal_rows = tuple(
        GoalCreditRow(c.month, c.metric, c.misses, _so_far(_of_charge(c.share), c.month in unknown), c.why)
        for c in att.goal_credits
    )
    measured = {c.month for c in att.credits}
    month_rows = tuple(
        MonthCreditRow(
            m.month,
            # a month not yet fully measured without a tier figure has no tier yet, not 0%
            _("not known yet") if m.month in unknown and m.month not in measured else f.percent(m.tiers),
            f.percent(m.goals),
            f.percent(m.uncapped),
            _so_far(_of_charge(m.share), m.month in unknown),
            _("not known yet")
            if m.month in unknown
            else f.money(m.amount, cur)
            if m.amount is not None
            else _("not stated"),
            "; ".join(m.capped_by) or _("within the caps"),
        )
        for m in att.month_credits
    )
    known = [r for r in (month_rows or rows) if r.month not in unknown]
    # what is owed is said for the months whose credits are known, the others said to be unknown
    label = ", ".join(r.month for r in known) if unknown else att.period.label
    if not known:
        owed = (
            _("No month of %(period)s has a measured figure, so no credit is computed.")
            % {"period": att.period.label}
            if not unknown
            else ""
        )
    elif att.credit_total is None:
        shares = ", ".join(_("%(share)s for %(month)s") % {"share": r.share, "month": r.month} for r in known)
        owed = _("Service credits owed for %(period)s: %(shares)s.") % {"period": label, "shares": shares}
    elif att.credit_total > 0:
        owed = _("A service credit of %(total)s is owed for %(period)s.") % {"total": total, "period": label}
    else:
        owed = _("No service credit is owed for %(period)s.") % {"period": label}
    if unknown:
        later = ngettext(
            "The service credit for %(months)s is not known yet: the month is not yet fully measured.",
            "The service credits for %(months)s are not known yet: the months are not yet fully measured.",
            len(unknown),
        ) % {"months": ", ".join(unknown)}
        owed = f"{owed} {later}" if owed else later
        total = None  # the table's total would read as the period's; the sentence says what is known
    rule = (
        _(
            "Each month's credits (the tiers' and the goals', each goal within its own cap) are added "
            "together and held to the agreement's monthly cap and rolling cap. Shares are exact; a month's "
            "amount is its share of the monthly charge, to the cent, half-up, and the period's total is the "
            "sum of its months' amounts. An interval belongs to the month its last day falls in."
        )
        if month_rows
        else ""
    )
    tier_amounts = [c.amount for c in att.credits if c.amount is not None]
    # with credits of goals, the total owed is the last table's (all credits of each month)
    tiers_total = (
        f.money(sum(tier_amounts, Decimal(0)), cur)
        if att.credits and len(tier_amounts) == len(att.credits) and not month_rows
        else None
    )
    measured_note = (
        _(
            "A month's availability is the lowest of the rolling windows of %(n)s days that end in it "
            "(availability is promised for every window), so one tier applies to each month; an outage "
            "in the windows of two months counts in both."
        )
        % {"n": att.credit_window_days}
        if att.credit_window_days is not None and rows
        else ""
    )
    return CreditView(terms, rows, owed, total, tiers_total, goal_rows, month_rows, rule, measured_note)


def _so_far(share: str, unknown: bool) -> str:
    """``0% of the monthly charge so far`` for a month not yet fully measured."""
    return _("%(share)s so far") % {"share": share} if unknown else share


def _of_charge(share: Decimal) -> str:
    """``10% of the monthly charge``."""
    return _("%(share)s of the monthly charge") % {"share": f.percent(share)}


def _value(c: Computed, cur: str) -> str:
    text = f.quantity(c.value, c.unit, cur)
    return f"{text} {f.per(c.per)}" if c.per else text


def _change(old: Decimal, new: Decimal, unit: str, cur: str, forms: Mapping[str, str] | None = None) -> str:
    """``+20 leads``, ``-171.50 USD``, ``-2.5 percentage points``, or ``no change``."""
    if old == new:
        return _("no change")
    diff = new - old
    sign = "+" if diff > 0 else ""
    if unit in f.PERCENT_UNITS:
        return _("%(sign)s%(n)s percentage points") % {"sign": sign, "n": f.number(diff)}
    return signed_quantity(diff, unit, cur, forms)


def _recalc(a: Agreement, r: Recalculation, loc: str) -> RecalcView:
    cur = a.inputs.currency
    funnel = a.inputs.funnel
    assert funnel is not None
    t = r.figures
    figures = (
        RowView(_("Marketing-generated leads"), f.number(t.marketing_leads)),
        RowView(_("Of them, became customers"), f.number(t.customers)),
        RowView(_("Revenue from those customers"), f.money(t.customer_revenue, cur)),
        RowView(_("Revenue closed from marketing leads"), f.money(t.marketing_revenue, cur)),
        RowView(_("Total revenue closed"), f.money(t.total_revenue, cur)),
    )
    pairs = (
        (r.result.close_rate, f.percent(funnel.close_rate)),
        (r.result.average_deal_size, f.money(funnel.average_deal_size, cur)),
        (r.result.marketing_share, f.percent(funnel.marketing_share)),
    )
    inputs = tuple(
        InputRow(
            c.title(_),
            current,
            f.quantity(c.value, c.unit, cur),
            c.how(_),
            "; ".join(f"{_(k)}: {figure(v, cur)}" for k, v in c.inputs),
        )
        for c, current in pairs
    )
    rows = []
    for name, new in r.implied.values.items():
        old = r.current.values.get(name)
        if old is None or not name.startswith(FUNNEL_PREFIXES) or new.rounding == AS_SET:
            continue
        rows.append(
            TargetRow(
                new.title(_),
                name,
                _value(old, cur),
                _value(new, cur),
                _change(old.value, new.value, new.unit, cur),
            )
        )
    for g in a.goals:
        old_g, new_g = r.current.goals.get(g.id), r.implied.goals.get(g.id)
        name = g.target.computed or ""
        computed = r.current.values.get(name)
        # Targets set in the agreement (follow-up speed and depth) do not move with the funnel.
        if old_g is None or new_g is None or not name.startswith(FUNNEL_PREFIXES):
            continue
        if computed is not None and computed.rounding == AS_SET:
            continue
        if old_g.period_total is not None and new_g.period_total is not None:
            label = _("Goal: %(metric)s, over %(period)s") % {
                "metric": g.metric,
                "period": r.next_period.label,
            }
            old_v, new_v = old_g.period_total, new_g.period_total
        else:
            label, old_v, new_v = _("Goal: %(metric)s") % {"metric": g.metric}, old_g.value, new_g.value
        rows.append(
            TargetRow(
                label,
                g.id,
                f.quantity(old_v, g.unit, cur, unit_forms(g)),
                f.quantity(new_v, g.unit, cur, unit_forms(g)),
                _change(old_v, new_v, g.unit, cur, unit_forms(g)),
            )
        )
    return RecalcView(
        ", ".join(r.months),
        figures,
        inputs,
        r.next_period.label,
        f.date_range(r.next_period.start, r.next_period.end, loc),
        tuple(rows),
    )


#: The reasons the tracked figures allow no recalculation (as :func:`slagen.targets.recalculated_agreement`
#: words them) that a document names in its language; others are given as the targets engine
#: words them.
RECALC_REASONS = {
    "no tracked lead became a customer: a 0% close rate implies no lead target": N_(
        "no tracked lead became a customer, and a close rate of zero implies no lead target"
    ),
    "the tracked customers brought no revenue: a 0 deal size implies no target": N_(
        "the tracked customers brought no revenue, and a deal size of zero implies no target"
    ),
}


def _no_recalculation(att: Attainment) -> str | None:
    """Why the report has no recalculation, in the report's language (not the command line's
    message, which names files)."""
    if att.no_recalculation is None:
        return None
    gap, why = att.no_recalculation
    words = {"period": att.period.label}
    if gap == "funnel":
        return _("The agreement has no funnel, so there is nothing to recalculate.")
    if gap == "tracked":
        return (
            _("No month inside %(period)s has tracked figures, so the funnel's inputs are not recalculated.")
            % words
        )
    return _("The tracked figures of %(period)s allow no recalculation: %(why)s.") % {
        **words,
        "why": _(RECALC_REASONS.get(why, why)),
    }


def build_report_context(a: Agreement, att: Attainment, extra: ReportInputs) -> ReportContext:
    """The typed, formatted context of the tracking report of ``a`` over ``att.period``."""
    doc = extra.agreement
    loc = a.presentation.locale
    p = att.period
    unsigned = None
    if doc.draft:
        missing = ", ".join(s.person.name for s in doc.signatories if not s.signed)
        unsigned = _("The agreement is not yet signed by every signatory (missing: %(missing)s).") % {
            "missing": missing
        }
    return ReportContext(
        id=a.id,
        title=_("Tracking report: %(title)s") % {"title": a.title},
        lang=doc.lang,
        authors=doc.authors,
        kind_label=_("tracking report"),
        period=p.label,
        version=a.version,
        keywords=(_("tracking report"), *doc.keywords),
        created=extra.created,
        page_size=doc.page_size,
        style=doc.style,
        stamp=doc.stamp,
        draft=False,
        logo=doc.logo,
        warnings=doc.warnings,
        agreement=doc,
        headings=ReportHeadings.translated(),
        period_text=f.period_text(p, loc),
        report_date=extra.report_date,
        actuals_file=extra.actuals_file,
        actuals_stamp=extra.actuals_stamp,
        unsigned=unsigned,
        summary=_summary(att),
        interval=att.interval,
        goals=tuple(_goal_row(a, g) for g in att.goals),
        intervals=tuple(
            IntervalRow(
                i.period.label,
                _interval_status(i),
                ", ".join(g.goal_id for g in i.goals if g.status == "missed") or _("none"),
            )
            for i in att.intervals
        )
        if len(att.intervals) > 1
        else (),
        marketing=extra.marketing,
        sales=extra.sales,
        service=extra.service,
        calendar=extra.calendar,
        credits=_credits(a, att, doc),
        plan=_plan(a, att),
        cancellation=_cancellation(a, att),
        funnel=a.inputs.funnel is not None,
        recalculation=_recalc(a, att.recalculation, loc) if att.recalculation is not None else None,
        recalculation_note=_no_recalculation(att),
        interval_label=_(INTERVAL_LABEL[att.interval]),
        intervals_heading=_(EACH_INTERVAL[att.interval]),
    )
