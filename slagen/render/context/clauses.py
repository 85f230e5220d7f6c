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
from slagen.i18n import gettext as _
from slagen.i18n import pgettext

from .. import formatting as f
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
from .parties import GoalView, defined_name
from .terms import maintenance_words

LEGAL = "legal-narrative"
LIABILITY = {
    "counts-toward": "Service Credits count toward any limit of liability that applies between the Parties",
    "in-addition": "Service Credits are owed in addition to, and do not count toward, any limit of liability",
    "none": "No limit of liability applies to Service Credits",
}


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


def _items(texts: list[str] | tuple[str, ...], style: str, conjunction: str = "and") -> tuple[str, ...]:
    """List items punctuated as a contract's list ("a;", "b; and", "c.") in legal-narrative,
    as written elsewhere."""
    if style != LEGAL:
        return tuple(upfirst(clause_text(t)) for t in texts)
    return list_items(texts, conjunction)


def _defines(a: Agreement, style: str) -> tuple[DefinitionView, ...]:
    """The terms slagen defines from the model, then the agreement's own."""
    out: list[tuple[str, str]] = []
    c = a.clauses
    av = a.inputs.availability
    measured = c is not None and c.measurement is not None
    if c is not None and c.measurement is not None and c.measurement.downtime:
        out.append(("Downtime", clause_text(c.measurement.downtime)))
    if av is not None and av.maintenance_windows and (measured or (c is not None and c.exclusions)):
        fig = Figures(style == LEGAL, a.presentation.locale, a.inputs.currency)
        windows = join_and(tuple(maintenance_words(w, a.calendar, fig) for w in av.maintenance_windows), "or")
        out.append(
            ("Maintenance Window", f"a period of planned maintenance announced as agreed, that is {windows}")
        )
    if av is not None and measured:
        out.append(
            (
                "Maximum Available Minutes",
                f"the minutes of {_each(a)} less the minutes of Maintenance Windows in it"
                if av.maintenance_windows
                else f"the minutes of {_each(a)}",
            )
        )
    if a.inputs.service_credits is not None:
        consumers = Subject(tuple(_name(p, style) for p in a.parties if "consumer" in p.roles))
        basis = "availability" if a.inputs.service_credits.basis == "availability" else "response times"
        out.append(
            (
                "Service Credit",
                f"a credit, as a share of the monthly charge, that {consumers.text} "
                f"{'earn' if consumers.plural else 'earns'} when {basis} falls short of its Goal",
            )
        )
    if c is not None:
        out.extend((d.term, clause_text(d.meaning)) for d in c.definitions)
    return tuple(DefinitionView(t, m, sentence(f"{quoted(t)} means {m}")) for t, m in out)


def _terms(defs: tuple[DefinitionView, ...]) -> tuple[str, ...]:
    """The terms the legal-narrative style capitalises: the fixed ones and those defined here."""
    return CAPITALISED + tuple(d.term for d in defs if d.term not in CAPITALISED)


def _formula(g: Goal, view: GoalView, a: Agreement, style: str, names: tuple[str, ...]) -> str:
    """How the figure of goal ``g`` is computed, from its target and its window."""
    target = view.target_words if style == LEGAL else view.target
    av = a.inputs.availability
    window: str = g.interval or a.term.reporting_interval
    if g.rolling_days is not None and g.measure in ("average", "share"):
        window = f"rolling window of {g.rolling_days} consecutive days"
    computed = g.target.computed or ""
    if av is not None and (
        computed == "availability.target" or (g.unit == "%" and g.target.value == av.target)
    ):
        return sentence(
            f"{g.metric} for {_each(a, 'each')} is (Maximum Available Minutes − Downtime) "
            f"÷ Maximum Available Minutes × 100, and the Goal is met when it is {view.comparison} {target}"
        )
    if computed.startswith("availability.downtime_minutes."):
        return sentence(
            f"{g.metric} is the sum of the minutes of Downtime in each {window}, and the Goal is met "
            f"when it is {view.comparison} {target}"
        )
    source = f", from {continuing(g.measured_by, names)}" if g.measured_by else ""
    met = f"the Goal is met when it is {view.comparison} {target}"
    taken = f"the figures are taken{source.removeprefix(',')}, and " if source else ""
    per = clause_text(g.per) if g.per else "event"
    if view.measure == "average":
        return sentence(
            f"{g.metric} for each {window} is S ÷ N, where N is the number of events in the {window}, "
            f"an event being one {per}, and S is the sum of the events' figures; {taken}{met}"
        )
    if view.measure == "share":
        limit = view.limit_words if style == LEGAL else view.limit
        return sentence(
            f"{g.metric} for each {window} is M ÷ N × 100, where N is the number of events in the {window}, "
            f"an event being one {per}, and M is the number of those whose figure is "
            f"{view.limit_comparison} {limit}; {taken}{met}"
        )
    if view.measure == "per-event":
        return sentence(
            f"{g.metric} is measured for each {per} on its own{source}, and the Goal is met for that {per} "
            f"when its figure is {view.comparison} {target}"
        )
    how = "the total counted" if view.measure == "total" else "the figure measured"
    return sentence(f"{g.metric} is {how} over each {window}{source}, and {met}")


def _each(a: Agreement, article: str = "a") -> str:
    """``a calendar month`` (``each calendar month``), or ``a rolling window of 30 consecutive days``."""
    av = a.inputs.availability
    if av is not None and av.measured_per == "rolling":
        return f"{article} rolling window of {av.rolling_days} consecutive days"
    return f"{article} calendar {av.measured_per if av else a.term.reporting_interval}"


def _window(a: Agreement, *, credits: bool = False) -> str:
    """The stretch availability is measured over, in words: ``month``, or ``rolling window of 30
    days``; credits are earned per month (``credits``), whatever the measurement window."""
    av = a.inputs.availability
    if av is None:
        return a.term.reporting_interval
    if av.measured_per == "rolling":
        return "month" if credits else f"rolling window of {av.rolling_days} days"
    return av.measured_per


def _measurement(
    a: Agreement, c: Clauses, goals: tuple[GoalView, ...], style: str, names: tuple[str, ...]
) -> ClauseView | None:
    if c.measurement is None:
        return None
    window = _window(a)
    units = "minutes" if a.inputs.availability is not None else "days"
    partial = (
        f"A {window} that the Term covers only in part is measured over the {units} the Term covers"
        if c.measurement.partial_periods == "prorated"
        else f"A {window} that the Term covers only in part is measured as if the Term covered all of it"
    )
    views = {v.id: v for v in goals}
    return ClauseView(
        "measurement",
        "Measurement",
        (lead("Each measured figure is computed as follows"),),
        items=tuple(_formula(g, views[g.id], a, style, names) for g in a.goals),
        after=(sentence(partial),),
    )


def _claims(a: Agreement, c: Clauses, fig: Figures, style: str, provider: Subject) -> ClauseView | None:
    cl = c.claims
    if cl is None:
        return None
    claimant = Subject((_name(a.party(cl.claimant), style),))
    window = _window(a, credits=True)
    first = (
        sentence(
            f"Service Credits are due without a claim; {claimant.text} may nevertheless claim one "
            f"that was not applied by {clause_text(cl.how)} within {fig.count(cl.deadline_days, 'days')} "
            f"after the end of the {window} it was earned in"
        )
        if cl.automatic
        else sentence(
            f"{claimant.verb('shall claim', 'shall claim')} each Service Credit by {clause_text(cl.how)} "
            f"within {fig.count(cl.deadline_days, 'days')} after the end of the {window} it was earned in; "
            "a Service Credit not claimed in time is forfeited"
        )
    )
    return ClauseView(
        "claims",
        "Claims for Service Credits",
        (first, lead("A claim shall state the following")),
        items=_items(cl.evidence, style),
        after=(
            sentence(
                f"{provider.verb('shall decide', 'shall decide')} each claim and notify {claimant.text} of "
                f"the decision within {fig.count(cl.processing_days, 'days')} of receiving it"
            ),
            sentence(f"An accepted Service Credit is {clause_text(cl.applied)}"),
        ),
    )


def _exclusions(c: Clauses, style: str, provider: Subject, has_windows: bool) -> ClauseView | None:
    if not c.exclusions:
        return None
    return ClauseView(
        "exclusions",
        "Exclusions",
        (lead(f"A Goal missed because of any of the following does not count against {provider.text}"),),
        items=_items([e.text for e in c.exclusions], style, "or"),
        after=(sentence("Maintenance within a Maintenance Window is not Downtime"),) if has_windows else (),
    )


def _remedies(c: Clauses, consumer: Subject, provider: Subject) -> ClauseView | None:
    r = c.remedies
    if r is None:
        return None
    sole = (
        f"Service Credits are the sole and exclusive remedy of {consumer.text} for any failure of "
        f"{provider.text} to meet a Goal"
        if r.sole_remedy
        else f"Service Credits are without prejudice to any other right or remedy of {consumer.text}"
    )
    cash = (
        "Service Credits that cannot be set off against charges are paid in cash"
        if r.cash
        else "Service Credits are never paid in cash; they are only set off against charges under this Agreement"
    )
    return ClauseView(
        "remedies", "Remedies", (sentence(sole), sentence(cash), sentence(LIABILITY[r.liability_cap]))
    )


def _law(c: Clauses) -> ClauseView | None:
    g = c.governing_law
    if g is None:
        return None
    excluded = f", excluding {clause_text(g.excluded)}" if g.excluded else ""
    exclusive = "exclusive " if g.exclusive else ""
    return ClauseView(
        "governing-law",
        "Governing law and jurisdiction",
        (
            sentence(f"This Agreement is governed by {clause_text(g.law)}{excluded}"),
            sentence(
                f"{clause_text(g.courts)} have {exclusive}jurisdiction over any dispute arising out of or in "
                "connection with this Agreement"
            ),
        ),
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
        "Notices",
        (
            sentence("A Party that changes its address for notices shall tell the other Parties in writing"),
            lead(
                "Notices under this Agreement shall be given in writing, by letter or by e-mail, to the "
                "following addresses, and take effect when received"
            ),
        ),
        table=TableView(("Party", "For the attention of", "Address", "E-mail"), rows),
    )


def _precedence(c: Clauses) -> ClauseView | None:
    p = c.precedence
    if p is None:
        return None
    order = tuple(clause_text(d) for d in p.order)
    return ClauseView(
        "precedence",
        "Order of precedence",
        (sentence(f"If {join_and(order)} conflict, the one named first prevails over those named after it"),),
    )


def _amendments(a: Agreement, c: Clauses) -> ClauseView | None:
    m = c.amendments
    if m is None:
        return None
    who = "every Party" if m.signed_by == "every-party" else "the signatories of this Agreement"
    loc = a.presentation.locale
    rows = tuple((v.version, f.long_date(v.date, loc), upfirst(clause_text(v.summary))) for v in m.history)
    last = m.history[-1]
    return ClauseView(
        "amendments",
        "Amendments and versions",
        (
            sentence(f"This Agreement may be amended only by a new version in writing, signed by {who}"),
            sentence(f"This document is version {last.version} of {f.long_date(last.date, loc)}"),
            lead("The versions of this Agreement are the following"),
        ),
        table=TableView(("Version", "Date", "Changes"), rows),
    )


def _counterparts(c: Clauses) -> ClauseView | None:
    k = c.counterparts
    if k is None:
        return None
    out = []
    if k.counterparts:
        out.append(
            sentence(
                "This Agreement may be signed in counterparts, each an original and together one instrument"
            )
        )
    if k.electronic:
        # the kind of signature, with or without the "as" the sentence puts before it
        method = f", and are made as {clause_text(k.method).removeprefix('as ')}" if k.method else ""
        out.append(
            sentence(f"Electronic signatures bind their signatories as handwritten signatures do{method}")
        )
    else:
        out.append(sentence("This Agreement is signed by hand"))
    return ClauseView("counterparts", "Counterparts and signature", tuple(out))


def _references(c: Clauses) -> ClauseView | None:
    out = []
    for ref, what in (
        (c.confidentiality, "Confidentiality"),
        (c.data_protection, "The processing of personal data"),
    ):
        if ref is not None:
            where = f"clause {clause_text(ref.clause)} of " if ref.clause else ""
            out.append(
                sentence(f"{what} under this Agreement is governed by {where}{clause_text(ref.document)}")
            )
    if not out:
        return None
    return ClauseView("confidentiality", "Confidentiality and data protection", tuple(out))


def _escalation(a: Agreement, c: Clauses, style: str) -> ClauseView | None:
    if not c.escalation:
        return None
    rows = tuple(
        (
            str(e.level),
            f"{a.person(e.person).name}, {a.person(e.person).role} ({_name(a.party_of(e.person), style)})",
            e.phone,
            upfirst(clause_text(e.when)),
        )
        for e in c.escalation
    )
    return ClauseView(
        "escalation",
        "Escalation",
        (lead("A matter is escalated by phone, level by level, to the following contacts"),),
        table=TableView(("Level", "Contact", "Phone", "When"), rows),
    )


def _quoted_title(title: str) -> str:
    """A title in the quotation marks of the document's language: “Monthly service report”."""
    return f"{pgettext('opening quotation mark', '“')}{title}{pgettext('closing quotation mark', '”')}"


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
            "title": _quoted_title(clause_text(r.title)),
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
        _measurement(a, c, goals, style, names),
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
        provider.text,
        consumer.text,
        representatives,
        terms,
        capitalise_terms(continuing(a.overview.summary, names), terms),
        names,
        _lists(a, terms, names) if style == LEGAL else ListsView(),
    )
