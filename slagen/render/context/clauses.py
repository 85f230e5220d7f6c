"""Views of the standard clauses: definitions, measurement formulas, claims, exclusions,
remedies, governing law, notices, precedence, amendments, counterparts, references and
escalation.

Every sentence is built here from typed phrases (:mod:`slagen.render.phrases`), once per
style: the legal-narrative style gets parties by their defined names and figures in words
and figures, the other styles the parties' names and figures only. Templates print the
sentences, lists and tables as they are.
"""

from dataclasses import dataclass, replace

from slagen.agreement.clauses import Clauses
from slagen.agreement.model import Agreement, Goal, Party
from slagen.i18n import NP_, ngettext, pgettext
from slagen.i18n import gettext as _
from slagen.i18n.inflection import forms

from .. import formatting as f
from .. import words as spell
from ..commitment import window_days
from ..phrases import (
    CAPITALISED,
    Figures,
    Subject,
    capitalise_terms,
    clause_text,
    continuing,
    join_and,
    lead,
    list_items,
    quoted,
    sentence,
    upfirst,
)
from ..typography import NBSP
from .parties import GoalView, defined_name
from .terms import maintenance_words

LEGAL = "legal-narrative"


def _liability(kind: str) -> str:
    """The sentence on Service Credits and a limit of liability, in the document's language."""
    if kind == "counts-toward":
        return _("Service Credits count toward any limit of liability that applies between the Parties")
    if kind == "in-addition":
        return _("Service Credits are owed in addition to, and do not count toward, any limit of liability")
    return _("No limit of liability applies to Service Credits")


#: The grammatical cases a period's noun takes in a clause sentence (Polish declines it):
#: ``nominative`` ("a month that ..."), ``genitive`` ("the end of the month"), ``locative``
#: ("in each month").
CASES = ("nominative", "genitive", "locative")
#: Each interval's noun in each of :data:`CASES` (marked one by one, as extraction needs the
#: words written out); English writes the interval as it is.
_PERIODS: dict[str, tuple[tuple[str, str], ...]] = {
    "day": (NP_("period, nominative", "day"), NP_("period, genitive", "day"), NP_("period, locative", "day")),
    "week": (
        NP_("period, nominative", "week"),
        NP_("period, genitive", "week"),
        NP_("period, locative", "week"),
    ),
    "month": (
        NP_("period, nominative", "month"),
        NP_("period, genitive", "month"),
        NP_("period, locative", "month"),
    ),
    "quarter": (
        NP_("period, nominative", "quarter"),
        NP_("period, genitive", "quarter"),
        NP_("period, locative", "quarter"),
    ),
    "year": (
        NP_("period, nominative", "year"),
        NP_("period, genitive", "year"),
        NP_("period, locative", "year"),
    ),
}
#: A rolling window in each of :data:`CASES`.
_ROLLING = (
    NP_("period, nominative", "rolling window of %(n)s consecutive days"),
    NP_("period, genitive", "rolling window of %(n)s consecutive days"),
    NP_("period, locative", "rolling window of %(n)s consecutive days"),
)


def _period(interval: str, case: str) -> str:
    """A reporting period's noun in the grammatical ``case`` its sentence needs (:data:`CASES`)."""
    forms = _PERIODS.get(interval)
    return pgettext(*forms[CASES.index(case)]) if forms else interval


def _rolling(days: int, case: str, fig: Figures) -> str:
    """``rolling window of 30 consecutive days`` in the case its sentence needs, the count as
    ``fig`` writes figures (``thirty (30)`` in the legal style)."""
    return pgettext(*_ROLLING[CASES.index(case)]) % {"n": fig.number(days)}


def _days(fig: Figures, n: int) -> str:
    """``thirty (30) days`` / ``30 days`` (``30 (słownie: trzydzieści) dni`` / ``30 dni``): slagen's
    own counted word, in the document's language."""
    return spell.days(n, fig.locale) if fig.in_words else f.plural(n, "day")


@dataclass(frozen=True)
class DefinitionView:
    """A defined term and its meaning."""

    term: str
    meaning: str
    """The rest of "“Term” means ...", without a full stop."""
    sentence: str
    """The whole definition: ``“Downtime” means a minute in which ....``"""


@dataclass(frozen=True)
class TableView:
    """A small table of a clause: its column heads and rows of text."""

    heads: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ClauseView:
    """One clause: a heading, its sentences, an optional list after the first sentence and an
    optional table after the list."""

    id: str
    heading: str
    sentences: tuple[str, ...]
    items: tuple[str, ...] = ()
    """The list the first sentence introduces, each item punctuated for the style."""
    after: tuple[str, ...] = ()
    """Sentences after the list."""
    table: TableView | None = None

    @property
    def lines(self) -> tuple["ClauseLine", ...]:
        """The clause as bullets (bulleted style): one a sentence, its list nested under the last
        sentence before it and its table's rows (each cell named by its column's head) under the
        last sentence; a list or table with no sentence to go under is a bullet of its own."""
        texts = [*self.sentences, *self.after]
        rows = (
            tuple(
                "; ".join(f"{h}: {c}" for h, c in zip(self.table.heads, r, strict=True)) + "."
                for r in self.table.rows
            )
            if self.table
            else ()
        )
        lines = [ClauseLine(t) for t in texts]
        if self.items:
            at = len(self.sentences) - 1
            if at < 0:
                lines.insert(0, ClauseLine("", self.items))
            else:
                lines[at] = replace(lines[at], items=self.items)
        if rows:
            if lines:
                lines[-1] = replace(lines[-1], rows=rows)
            else:
                lines.append(ClauseLine("", rows=rows))
        return tuple(lines)


@dataclass(frozen=True)
class ClauseLine:
    """A bullet of a clause (bulleted style): a sentence and what nests under it."""

    text: str
    items: tuple[str, ...] = ()
    """The clause's list, under the sentence that introduces it."""
    rows: tuple[str, ...] = ()
    """The rows of the clause's table, under the last sentence: ``Version: 1.1; Date: ...``."""


@dataclass(frozen=True)
class ListsView:
    """The lists of the legal style's fixed clauses, each item a phrase that continues the
    sentence introducing it, punctuated as a contract's list ("a;", "b; and", "c.")."""

    services: tuple[str, ...] = ()
    success_measures: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    """``Meridian shall provide to Stratus incidents reported through the help desk;``"""
    contacts: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()
    """``Ingrid Vogel shall send to Amira Benali, every month, the report “Monthly service
    report”, containing ..., and shall make it available to Stratus and Meridian;``"""
    consequences: tuple[str, ...] = ()
    excused: tuple[str, ...] = ()
    minimum_standards: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClausesView:
    """The standard clauses of the agreement, each ``None`` or empty when it has none."""

    definitions: tuple[DefinitionView, ...]
    """The terms the document defines besides the ones every document of its style defines."""
    sections: tuple[ClauseView, ...]
    """The clauses in document order (measurement, claims, exclusions, ...)."""
    provider: str = ""
    """The providing party or parties as the style names them: ``Stratus`` (legal-narrative)."""
    consumer: str = ""
    """The consuming party or parties as the style names them."""
    representatives: tuple[tuple[str, str], ...] = ()
    """Each party's representative (name, role) in party order: its first signatory, else its lead."""
    terms: tuple[str, ...] = ()
    """The defined terms the legal-narrative style capitalises in the author's text."""
    summary: str = ""
    """The overview's summary as the legal style's recital continues it ("the Parties intend
    that ..."): lower-cased first letter (not a name's), no full stop, defined terms capitalised."""
    names: tuple[str, ...] = ()
    """The names a phrase may start with and keep its capital: parties, their defined names, people."""
    lists: ListsView = ListsView()
    heading: str = "Terms"
    """The heading of the part that holds the clauses (styles other than legal-narrative)."""
    definitions_heading: str = "Definitions"


def _name(p: Party, style: str) -> str:
    """A party as the style names it: its defined name in legal-narrative, else its name."""
    return (p.short_name or p.id.replace("-", " ").title()) if style == LEGAL else p.name


def _items(texts: list[str] | tuple[str, ...], style: str, conjunction: str = "") -> tuple[str, ...]:
    """List items punctuated as a contract's list ("a;", "b; and", "c.") in legal-narrative,
    as written elsewhere (``conjunction``: the document's "and" unless given)."""
    if style != LEGAL:
        return tuple(upfirst(clause_text(t)) for t in texts)
    return list_items(texts, conjunction or _("and"))


def _defines(a: Agreement, style: str) -> tuple[DefinitionView, ...]:
    """The terms slagen defines from the model, then the agreement's own."""
    out: list[tuple[str, str]] = []
    c = a.clauses
    av = a.inputs.availability
    fig = Figures(style == LEGAL, a.presentation.locale, a.inputs.currency)
    measured = c is not None and c.measurement is not None
    if c is not None and c.measurement is not None and c.measurement.downtime:
        out.append((_("Downtime"), clause_text(c.measurement.downtime)))
    if av is not None and av.maintenance_windows and (measured or (c is not None and c.exclusions)):
        windows = join_and(
            tuple(maintenance_words(w, a.calendar, fig) for w in av.maintenance_windows), _("or")
        )
        out.append(
            (
                _("Maintenance Window"),
                _("a period of planned maintenance announced as agreed, that is %(windows)s")
                % {"windows": windows},
            )
        )
    if av is not None and measured:
        each = {"each": _each(a, fig)}
        out.append(
            (
                _("Maximum Available Minutes"),
                _("the minutes of %(each)s less the minutes of Maintenance Windows in it") % each
                if av.maintenance_windows
                else _("the minutes of %(each)s") % each,
            )
        )
    if a.inputs.service_credits is not None:
        consumers = Subject(tuple(_name(p, style) for p in a.parties if "consumer" in p.roles))
        n = len(consumers.names)
        values = {"consumers": join_and(consumers.names, _("and"))}
        text = (
            ngettext(
                "a credit, as a share of the monthly charge, that %(consumers)s earns when availability "
                "falls short of its Goal",
                "a credit, as a share of the monthly charge, that %(consumers)s earn when availability "
                "falls short of its Goal",
                n,
            )
            if a.inputs.service_credits.basis == "availability"
            else ngettext(
                "a credit, as a share of the monthly charge, that %(consumers)s earns when response times "
                "falls short of its Goal",
                "a credit, as a share of the monthly charge, that %(consumers)s earn when response times "
                "falls short of its Goal",
                n,
            )
        )
        out.append((_("Service Credit"), text % values))
    if c is not None:
        out.extend((d.term, clause_text(d.meaning)) for d in c.definitions)
    means = _("%(term)s means %(meaning)s")
    return tuple(DefinitionView(t, m, sentence(means % {"term": quoted(t), "meaning": m})) for t, m in out)


def _terms(defs: tuple[DefinitionView, ...]) -> tuple[str, ...]:
    """The terms the legal-narrative style capitalises: the fixed ones and those defined here,
    each in every inflected form the catalogue gives (a heading's "dni robocze" is the defined
    "Dzień Roboczy" too, written "Dni Robocze")."""
    out = list(CAPITALISED)
    for d in defs:
        out += [form for form in forms(d.term) if form not in out]
    return tuple(out)


def _goal_window(g: Goal, a: Agreement, case: str, fig: Figures) -> str:
    """The stretch goal ``g`` is measured over, in ``case``: ``month``, or ``rolling window of
    28 consecutive days`` (its own, or the availability's: :func:`window_days`)."""
    days = window_days(g, a)
    if days is not None:
        return _rolling(days, case, fig)
    return _period(g.interval or a.term.reporting_interval, case)


def _formula(g: Goal, view: GoalView, a: Agreement, fig: Figures, names: tuple[str, ...]) -> str:
    """How the figure of goal ``g`` is computed, from its target and its window."""
    target = view.target_words if fig.in_words else view.target
    av = a.inputs.availability
    computed = g.target.computed or ""
    v = {
        "metric": g.metric,
        "comparison": view.comparison,
        "target": target,
        "each": _goal_window(g, a, "locative", fig),
        "window": _goal_window(g, a, "locative", fig),
    }
    if av is not None and (
        computed == "availability.target" or (g.unit == "%" and g.target.value == av.target)
    ):
        v["each"] = _each(a, fig, "each")
        return sentence(
            _(
                "%(metric)s for %(each)s is (Maximum Available Minutes − Downtime) "
                "÷ Maximum Available Minutes × 100, and the Goal is met when it is %(comparison)s %(target)s"
            )
            % v
        )
    if computed.startswith("availability.downtime_minutes."):
        return sentence(
            _(
                "%(metric)s is the sum of the minutes of Downtime in each %(window)s, and the Goal is met "
                "when it is %(comparison)s %(target)s"
            )
            % v
        )
    v["source"] = continuing(g.measured_by, names) if g.measured_by else ""
    v["per"] = clause_text(g.per) if g.per else _("event")
    v["met"] = _("the Goal is met when it is %(comparison)s %(target)s") % v
    v["taken"] = _("the figures are taken from %(source)s, and ") % v if g.measured_by else ""
    if view.measure == "average":
        return sentence(
            _(
                "%(metric)s for each %(window)s is S ÷ N, where N is the number of events in the %(window)s, "
                "an event being one %(per)s, and S is the sum of the events' figures; %(taken)s%(met)s"
            )
            % v
        )
    if view.measure == "share":
        v["limit"] = view.limit_words if fig.in_words else view.limit
        v["limit_comparison"] = view.limit_comparison
        return sentence(
            _(
                "%(metric)s for each %(window)s is M ÷ N × 100, where N is the number of events in the "
                "%(window)s, an event being one %(per)s, and M is the number of those whose figure is "
                "%(limit_comparison)s %(limit)s; %(taken)s%(met)s"
            )
            % v
        )
    if view.measure == "per-event":
        text = (
            _(
                "%(metric)s is measured for each %(per)s on its own, from %(source)s, and the Goal is met for "
                "that %(per)s when its figure is %(comparison)s %(target)s"
            )
            if g.measured_by
            else _(
                "%(metric)s is measured for each %(per)s on its own, and the Goal is met for that %(per)s "
                "when its figure is %(comparison)s %(target)s"
            )
        )
        return sentence(text % v)
    if view.measure == "total":
        text = (
            _("%(metric)s is the total counted over each %(window)s, from %(source)s, and %(met)s")
            if g.measured_by
            else _("%(metric)s is the total counted over each %(window)s, and %(met)s")
        )
    else:
        text = (
            _("%(metric)s is the figure measured over each %(window)s, from %(source)s, and %(met)s")
            if g.measured_by
            else _("%(metric)s is the figure measured over each %(window)s, and %(met)s")
        )
    return sentence(text % v)


def _each(a: Agreement, fig: Figures, article: str = "a") -> str:
    """``a calendar month`` (``each calendar month``), or ``a rolling window of thirty (30)
    consecutive days`` (the count as ``fig`` writes figures)."""
    av = a.inputs.availability
    per = av.measured_per if av else a.term.reporting_interval
    if av is not None and av.measured_per == "rolling":
        n = {"n": fig.number(av.rolling_days or 0)}
        if article == "each":
            return _("each rolling window of %(n)s consecutive days") % n
        return _("a rolling window of %(n)s consecutive days") % n
    word = {"period": _period(per, "locative" if article == "each" else "genitive")}
    return _("each calendar %(period)s") % word if article == "each" else _("a calendar %(period)s") % word


def _window(a: Agreement, case: str, fig: Figures, *, credits: bool = False) -> str:
    """The stretch availability is measured over, in words and in ``case``: ``month``, or
    ``rolling window of thirty (30) consecutive days``; credits are earned per month
    (``credits``), whatever the measurement window."""
    av = a.inputs.availability
    if av is None:
        return _period(a.term.reporting_interval, case)
    if av.measured_per == "rolling":
        return _period("month", case) if credits else _rolling(av.rolling_days or 0, case, fig)
    return _period(av.measured_per, case)


def _month_of_windows(a: Agreement, fig: Figures) -> str:
    """With availability measured per rolling window, how a month's availability follows from
    the windows (what the monthly Service Credits, Strikes and reports judge, as tracking
    evaluates it); empty otherwise."""
    av = a.inputs.availability
    if av is None or av.measured_per != "rolling":
        return ""
    v = {"n": fig.number(av.rolling_days or 0)}
    sc = a.inputs.service_credits
    if sc is not None and sc.basis == "availability":
        text = _(
            "The availability of a month is the lowest availability of the rolling windows of %(n)s "
            "consecutive days that end in it: a Goal on availability is missed in a month in which that "
            "availability is below its Target, and the month's Service Credit is the one for that availability"
        )
    else:
        text = _(
            "The availability of a month is the lowest availability of the rolling windows of %(n)s "
            "consecutive days that end in it: a Goal on availability is missed in a month in which that "
            "availability is below its Target"
        )
    return sentence(text % v)


def _measurement(
    a: Agreement, c: Clauses, goals: tuple[GoalView, ...], fig: Figures, names: tuple[str, ...]
) -> ClauseView | None:
    if c.measurement is None:
        return None
    v = {"window": _window(a, "nominative", fig)}
    if c.measurement.partial_periods == "prorated":
        partial = (
            _("A %(window)s that the Term covers only in part is measured over the minutes the Term covers")
            if a.inputs.availability is not None
            else _("A %(window)s that the Term covers only in part is measured over the days the Term covers")
        )
    else:
        partial = _(
            "A %(window)s that the Term covers only in part is measured as if the Term covered all of it"
        )
    views = {v.id: v for v in goals}
    return ClauseView(
        "measurement",
        _("Measurement"),
        (lead(_("Each measured figure is computed as follows")),),
        items=tuple(_formula(g, views[g.id], a, fig, names) for g in a.goals),
        after=tuple(x for x in (_month_of_windows(a, fig), sentence(partial % v)) if x),
    )


def _claims(a: Agreement, c: Clauses, fig: Figures, style: str, provider: Subject) -> ClauseView | None:
    cl = c.claims
    if cl is None:
        return None
    v = {
        "claimant": _name(a.party(cl.claimant), style),
        "how": clause_text(cl.how),
        "deadline": _days(fig, cl.deadline_days),
        "window": _window(a, "genitive", fig, credits=True),
        "provider": join_and(provider.names, _("and")),
        "processing": _days(fig, cl.processing_days),
        "applied": clause_text(cl.applied),
    }
    first = (
        _(
            "Service Credits are due without a claim; %(claimant)s may nevertheless claim one "
            "that was not applied by %(how)s within %(deadline)s after the end of the %(window)s it was earned in"
        )
        if cl.automatic
        else _(
            "%(claimant)s shall claim each Service Credit by %(how)s within %(deadline)s after the end of "
            "the %(window)s it was earned in; a Service Credit not claimed in time is forfeited"
        )
    )
    decide = ngettext(
        "%(provider)s shall decide each claim and notify %(claimant)s of the decision within "
        "%(processing)s of receiving it",
        "%(provider)s shall decide each claim and notify %(claimant)s of the decision within "
        "%(processing)s of receiving it",
        len(provider.names),
    )
    return ClauseView(
        "claims",
        _("Claims for Service Credits"),
        (sentence(first % v), lead(_("A claim shall state the following"))),
        items=_items(cl.evidence, style),
        after=(sentence(decide % v), sentence(_("An accepted Service Credit is %(applied)s") % v)),
    )


def _exclusions(c: Clauses, style: str, provider: Subject, has_windows: bool) -> ClauseView | None:
    if not c.exclusions:
        return None
    who = {"provider": join_and(provider.names, _("and"))}
    return ClauseView(
        "exclusions",
        _("Exclusions"),
        (lead(_("A Goal missed because of any of the following does not count against %(provider)s") % who),),
        items=_items([e.text for e in c.exclusions], style, _("or")),
        after=(sentence(_("Maintenance within a Maintenance Window is not Downtime")),)
        if has_windows
        else (),
    )


def _remedies(c: Clauses, consumer: Subject, provider: Subject) -> ClauseView | None:
    r = c.remedies
    if r is None:
        return None
    v = {"consumer": join_and(consumer.names, _("and")), "provider": join_and(provider.names, _("and"))}
    sole = (
        _(
            "Service Credits are the sole and exclusive remedy of %(consumer)s for any failure of "
            "%(provider)s to meet a Goal"
        )
        if r.sole_remedy
        else _("Service Credits are without prejudice to any other right or remedy of %(consumer)s")
    )
    cash = (
        _("Service Credits that cannot be set off against charges are paid in cash")
        if r.cash
        else _(
            "Service Credits are never paid in cash; they are only set off against charges under this Agreement"
        )
    )
    return ClauseView(
        "remedies", _("Remedies"), (sentence(sole % v), sentence(cash), sentence(_liability(r.liability_cap)))
    )


def _law(c: Clauses) -> ClauseView | None:
    g = c.governing_law
    if g is None:
        return None
    v = {
        "law": clause_text(g.law),
        "excluded": clause_text(g.excluded or ""),
        "courts": clause_text(g.courts),
    }
    governed = (
        _("This Agreement is governed by %(law)s, excluding %(excluded)s")
        if g.excluded
        else _("This Agreement is governed by %(law)s")
    )
    courts = (
        _(
            "%(courts)s have exclusive jurisdiction over any dispute arising out of or in connection with this Agreement"
        )
        if g.exclusive
        else _(
            "%(courts)s have jurisdiction over any dispute arising out of or in connection with this Agreement"
        )
    )
    return ClauseView(
        "governing-law",
        _("Governing law and jurisdiction"),
        (sentence(governed % v), sentence(courts % v)),
    )


def _notices(a: Agreement, c: Clauses, style: str) -> ClauseView | None:
    if not c.notices:
        return None
    rows = tuple(
        (_name(a.party(n.party), style), a.person(n.attention).name, clause_text(n.address), n.email)
        for n in c.notices
    )
    return ClauseView(
        "notices",
        _("Notices"),
        (
            sentence(
                ngettext(
                    "A Party that changes its address for notices shall tell the other Party in writing",
                    "A Party that changes its address for notices shall tell the other Parties in writing",
                    len(a.parties) - 1,
                )
            ),
            lead(
                _(
                    "Notices under this Agreement shall be given in writing, by letter or by e-mail, to the "
                    "following addresses, and take effect when received"
                )
            ),
        ),
        table=TableView((_("Party"), _("For the attention of"), _("Address"), _("E-mail")), rows),
    )


def _precedence(c: Clauses) -> ClauseView | None:
    p = c.precedence
    if p is None:
        return None
    order = tuple(clause_text(d) for d in p.order)
    return ClauseView(
        "precedence",
        _("Order of precedence"),
        (
            sentence(
                _("If %(documents)s conflict, the one named first prevails over those named after it")
                % {"documents": join_and(order, _("and"))}
            ),
        ),
    )


def _amendments(a: Agreement, c: Clauses) -> ClauseView | None:
    m = c.amendments
    if m is None:
        return None
    loc = a.presentation.locale
    rows = tuple((v.version, f.long_date(v.date, loc), upfirst(clause_text(v.summary))) for v in m.history)
    last = m.history[-1]
    amended = (
        _("This Agreement may be amended only by a new version in writing, signed by every Party")
        if m.signed_by == "every-party"
        else _(
            "This Agreement may be amended only by a new version in writing, signed by the signatories of this Agreement"
        )
    )
    return ClauseView(
        "amendments",
        _("Amendments and versions"),
        (
            sentence(amended),
            sentence(
                _("This document is version %(version)s of %(date)s")
                % {"version": last.version, "date": f.long_date(last.date, loc)}
            ),
            lead(_("The versions of this Agreement are the following")),
        ),
        table=TableView((_("Version"), _("Date"), _("Changes")), rows),
    )


def _counterparts(c: Clauses) -> ClauseView | None:
    k = c.counterparts
    if k is None:
        return None
    out = []
    if k.counterparts:
        out.append(
            sentence(
                _(
                    "This Agreement may be signed in counterparts, each an original and together one instrument"
                )
            )
        )
    if k.electronic:
        # the kind of signature, with or without the "as" the sentence puts before it
        if k.method:
            method = clause_text(k.method).removeprefix("as ")
            out.append(
                sentence(
                    _(
                        "Electronic signatures bind their signatories as handwritten signatures do, and are made as %(method)s"
                    )
                    % {"method": method}
                )
            )
        else:
            out.append(
                sentence(_("Electronic signatures bind their signatories as handwritten signatures do"))
            )
    else:
        out.append(sentence(_("This Agreement is signed by hand")))
    return ClauseView("counterparts", _("Counterparts and signature"), tuple(out))


def _references(c: Clauses) -> ClauseView | None:
    out = []
    for ref, confidential in ((c.confidentiality, True), (c.data_protection, False)):
        if ref is None:
            continue
        v = {"clause": clause_text(ref.clause or ""), "document": clause_text(ref.document)}
        if confidential:
            text = (
                _("Confidentiality under this Agreement is governed by clause %(clause)s of %(document)s")
                if ref.clause
                else _("Confidentiality under this Agreement is governed by %(document)s")
            )
        else:
            text = (
                _(
                    "The processing of personal data under this Agreement is governed by clause %(clause)s of %(document)s"
                )
                if ref.clause
                else _("The processing of personal data under this Agreement is governed by %(document)s")
            )
        out.append(sentence(text % v))
    if not out:
        return None
    return ClauseView("confidentiality", _("Confidentiality and data protection"), tuple(out))


def _escalation(a: Agreement, c: Clauses, style: str) -> ClauseView | None:
    if not c.escalation:
        return None
    rows = tuple(
        (
            str(e.level),
            f"{a.person(e.person).name}, {a.person(e.person).role} ({_name(a.party_of(e.person), style)})",
            e.phone.replace(" ", NBSP),  # a number is dialled whole: never broken across lines
            upfirst(clause_text(e.when)),
        )
        for e in c.escalation
    )
    return ClauseView(
        "escalation",
        _("Escalation"),
        (lead(_("A matter is escalated by phone, level by level, to the following contacts")),),
        table=TableView((_("Level"), _("Contact"), _("Phone"), _("When")), rows),
    )


def _lists(a: Agreement, terms: tuple[str, ...], names: tuple[str, ...]) -> ListsView:
    """The fixed clauses' lists as the legal style writes them (parties by their defined names)."""
    term = {p.id: defined_name(p) for p in a.parties}
    person = {x.id: (x, p) for p in a.parties for x in p.people}

    def cap(texts: list[str] | tuple[str, ...]) -> list[str]:
        return [capitalise_terms(clause_text(t), terms) for t in texts]

    requirements = []
    for r in a.requirements:
        text = _("%(term)s shall provide to %(term2)s %(text)s") % {
            "term": term[r.from_party],
            "term2": term[r.party],
            "text": capitalise_terms(continuing(r.text, names), terms),
        }
        requirements.append(f"{text}, {f.every(r.interval)}" if r.interval else text)
    contacts = []
    for c in a.contacts:
        x, p = person[c.person]
        contacts.append(
            f"{x.name} ({x.role}, {term[p.id]}; {x.email}): {capitalise_terms(c.responsibility, terms)}"
        )
    reports = [
        _(
            "%(sender)s shall send to %(recipient)s, %(every)s, the report %(title)s, containing "
            "%(content)s, and shall make it available to %(visible)s"
        )
        % {
            "sender": person[r.from_person][0].name,
            "recipient": person[r.to_person][0].name,
            "every": f.every(r.every),
            "title": quoted(clause_text(r.title)),
            "content": capitalise_terms(continuing(r.content, names), terms),
            "visible": join_and([term[v] for v in r.visible_to], _("and")),
        }
        for r in a.reports
    ]
    u = a.unexpected_events
    return ListsView(
        services=list_items(cap(a.overview.services), _("and")),
        success_measures=list_items(cap(a.overview.success_measures), _("and")),
        requirements=list_items(requirements, _("and")),
        contacts=list_items(contacts, _("and")),
        reports=list_items(reports, _("and")) if reports else (),
        consequences=list_items(cap(a.missed_goals.consequences), _("and")),
        excused=list_items(cap(u.excused), _("or")) if u else (),
        minimum_standards=list_items(cap(u.minimum_standards), _("and")) if u else (),
    )


def _sections(
    a: Agreement,
    goals: tuple[GoalView, ...],
    style: str,
    names: tuple[str, ...],
    fig: Figures,
    provider: Subject,
    consumer: Subject,
) -> tuple[ClauseView, ...]:
    """The standard clauses the agreement has, in their order (none without a ``clauses`` section)."""
    c = a.clauses
    if c is None:
        return ()
    has_windows = bool(a.inputs.availability and a.inputs.availability.maintenance_windows)
    sections = (
        _measurement(a, c, goals, fig, names),
        _claims(a, c, fig, style, provider),
        _exclusions(c, style, provider, has_windows),
        _remedies(c, consumer, provider),
        _law(c),
        _notices(a, c, style),
        _precedence(c),
        _amendments(a, c),
        _counterparts(c),
        _references(c),
        _escalation(a, c, style),
    )
    return tuple(x for x in sections if x is not None)


def clauses(a: Agreement, goals: tuple[GoalView, ...], style: str) -> ClausesView:
    """The standard clauses of ``a`` as ``style`` writes them."""
    fig = Figures(style == LEGAL, a.presentation.locale, a.inputs.currency)
    provider = Subject(tuple(_name(p, style) for p in a.parties if "provider" in p.roles))
    consumer = Subject(tuple(_name(p, style) for p in a.parties if "consumer" in p.roles))
    names = tuple(
        n for p in a.parties for n in (p.name, defined_name(p), _name(p, style), *(x.name for x in p.people))
    )
    signers = [s.person for s in a.sign_off]
    reps = []
    for p in a.parties:
        rep = next((x for x in p.people if x.id in signers), a.person(p.lead))
        reps.append((rep.name, rep.role))
    representatives = tuple(reps)
    defs = _defines(a, style)
    terms = _terms(defs)
    kept = _sections(a, goals, style, names, fig, provider, consumer)
    if style == LEGAL:  # the author's list items with the defined terms capitalised
        kept = tuple(replace(x, items=tuple(capitalise_terms(t, terms) for t in x.items)) for x in kept)
    return ClausesView(
        defs,
        kept,
        join_and(provider.names, _("and")),
        join_and(consumer.names, _("and")),
        representatives,
        terms,
        capitalise_terms(continuing(a.overview.summary, names), terms),
        names,
        _lists(a, terms, names) if style == LEGAL else ListsView(),
        _("Terms"),
        _("Definitions"),
    )
