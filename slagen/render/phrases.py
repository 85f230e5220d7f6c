"""Sentences built from typed phrases, never by gluing strings in templates.

A clause is made of :class:`Phrase` s: a subject (one party or several, :class:`Subject`)
agrees with its verb through one plural message of the whole sentence (``ngettext`` on the
number of parties: "Meridian claims", "Stratus and Meridian claim"); a list is
joined "A, B and C" (:func:`join_and`); a defined term is capitalised as defined and quoted
typographically where it is defined (:func:`quoted`); :func:`sentence` gives the whole a
capital start and exactly one full stop, so a name that ends in an abbreviation
("Meridian Freight Logistics B.V.") never ends a sentence with "B.V..".

Figures follow one rule per style (:class:`Figures`): the legal-narrative style writes every
count, duration, percentage and amount in words and then figures ("thirty (30) days"),
and every other style in figures only ("30 days"). Dates, times of day, version numbers,
phone numbers and text the agreement's author wrote stay as written in every style.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from slagen.i18n import gettext, pgettext

from . import formatting as f
from . import words as spell

#: Characters that end a sentence already (an abbreviation's full stop, a question, a quote).
_ENDS = (".", "!", "?")


def join_and(items: tuple[str, ...] | list[str], conjunction: str = "and") -> str:
    """``("A", "B", "C")`` -> ``"A, B and C"``; one item is itself; none is an error."""
    items = tuple(items)
    if not items:
        raise ValueError("cannot join an empty list")
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def quoted(term: str) -> str:
    """A term in the typographic double quotes of the document's language: “Downtime”
    („Dzień Roboczy” in Polish)."""
    return f"{pgettext('opening quotation mark', '“')}{term}{pgettext('closing quotation mark', '”')}"


#: A pair of straight double quotes and what they hold.
_STRAIGHT = re.compile(r'"([^"\n]*)"')


def typographic_quotes(text: str) -> str:
    """Straight double quotes an author typed, as the document's language writes them: ``marked
    "credit claim"`` -> ``marked “credit claim”`` (``„credit claim”`` in Polish); a lone one stays."""
    return _STRAIGHT.sub(lambda m: quoted(m.group(1)), text)


def upfirst(text: str) -> str:
    """``text`` with its first letter capitalised, the rest as written."""
    return text[:1].upper() + text[1:]


def continuing(text: str, names: tuple[str, ...] = ()) -> str:
    """Text an author wrote as a sentence, to continue another one ("The Goal shall be measured
    by external checks ..."): its first letter lower-cased unless its first word begins a name
    of ``names``, is an acronym or a mixed-case word ("HTTPS", "iPhone") or is followed by a
    capitalised word (a name: "Example Customer Inc."), and without a full stop of its own."""
    text = clause_text(text)
    first, _, rest = text.partition(" ")
    bare = re.split(r"['’]", first, maxsplit=1)[0].rstrip(",;:")
    following = rest.split(" ", 1)[0]
    if not bare or any(n == bare or n.startswith(bare + " ") for n in names):
        return text
    if len(bare) > 1 and (bare.isupper() or not bare[1:].replace("-", "").islower()):
        return text  # an acronym or a mixed-case word
    if following[:1].isupper() and not following.isupper():
        return text  # the first word of a name ("Example Customer Inc.")
    return text[:1].lower() + text[1:]


def clause_text(text: str) -> str:
    """Text an author wrote, ready to sit inside a sentence: no trailing full stop or
    semicolon of its own (an abbreviation's full stop, as in "B.V.", is kept), and its straight
    quotes typographic (:func:`typographic_quotes`)."""
    text = typographic_quotes(text.strip())
    while text.endswith((";", ",")) or (text.endswith(".") and not _abbreviation(text)):
        text = text[:-1].rstrip()
    return text


#: Words written with a full stop of their own that may end a name or a sentence.
ABBREVIATIONS = frozenset({"Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Sr", "St", "No", "etc", "approx"})


def _abbreviation(text: str) -> bool:
    """Whether ``text`` ends in an abbreviation's full stop: a dotted one ("B.V.", "e.g.",
    "S.A.") or one of :data:`ABBREVIATIONS` ("Inc.", "Ltd.")."""
    last = text.rsplit(" ", 1)[-1]
    return last.endswith(".") and (last.count(".") > 1 or last[:-1] in ABBREVIATIONS)


def full_stop(text: str) -> str:
    """``text`` ending in exactly one full stop: "Meridian B.V." stays, "Stratus" -> "Stratus."."""
    text = text.rstrip()
    return text if text.endswith(_ENDS) else text + "."


def stop_after(text: str) -> str:
    """The full stop a sentence ending in ``text`` still needs: "" after "B.V.", else "."."""
    return "" if text.rstrip().endswith(_ENDS) else "."


def sentence(*parts: str) -> str:
    """``parts`` joined by spaces as one sentence: a capital start and exactly one full stop
    (none added after an abbreviation's own)."""
    text = " ".join(p.strip() for p in parts if p.strip())
    if not text:
        raise ValueError("an empty sentence")
    return full_stop(upfirst(text))


def lead(*parts: str) -> str:
    """``parts`` as the sentence that introduces a list or table: a capital start and a colon
    ("A claim shall state the following:"; after an abbreviation "... B.V.:")."""
    text = " ".join(p.strip() for p in parts if p.strip())
    if not text:
        raise ValueError("an empty sentence")
    text = upfirst(text)
    if text.endswith(".") and not _abbreviation(text):
        text = text[:-1]
    return text if text.endswith(":") else text + ":"


def list_items(texts: list[str] | tuple[str, ...], conjunction: str = "and") -> tuple[str, ...]:
    """Items of a list that continues the sentence introducing it, punctuated as a contract's
    list: each ends in ";", the one before last in "; and" (or "; or"), the last in ".";
    ``conjunction`` "" leaves the one before last with its ";"."""
    clean = [clause_text(t) for t in texts]
    out = []
    for i, t in enumerate(clean):
        if i == len(clean) - 1:
            out.append(full_stop(t))
        elif i == len(clean) - 2 and conjunction:
            out.append(f"{t}; {conjunction}")
        else:
            out.append(f"{t};")
    return tuple(out)


@dataclass(frozen=True)
class Subject:
    """One or several parties (or people) acting together.

    A verb agrees with them through the sentence's own plural message, chosen by
    ``len(names)`` (``ngettext``): Polish verbs and "each" agree in gender and case as well
    as number ("Strona zgłasza", "Strony zgłaszają", "każda ze Stron"), which only a
    translator of the whole sentence can write, so no verb is glued to the names here."""

    names: tuple[str, ...]

    @property
    def text(self) -> str:
        """The names joined in the document's language: "Stratus and Meridian" ("Stratus i
        Meridian")."""
        return join_and(self.names, gettext("and"))


@dataclass(frozen=True)
class Figures:
    """How a style writes figures: in words and figures (legal-narrative) or in figures."""

    in_words: bool
    locale: str
    currency: str

    def count(self, n: int | Decimal, unit: str, forms: Mapping[str, str] | None = None) -> str:
        """ "thirty (30) days" or "30 days" (a plural unit made singular for one; ``forms``:
        the unit's plural forms by CLDR category, as a translated unit has them)."""
        d = Decimal(n)
        if self.in_words:
            return spell.spelled(d, unit, self.locale, forms)
        return f"{f.number(d)} {f.counted(d, unit, forms)}"

    def counted(self, n: int | Decimal, word: str) -> str:
        """A count of one of slagen's own words (``day``, ``business day``, ``hour``, ``minute``):
        "five (5) business days" or "5 business days", in the form the count takes in the
        document's language ("2 (słownie: dwie) godziny", "2 godziny")."""
        return spell.count(Decimal(n), word, self.locale) if self.in_words else f.plural(n, word)

    def percent(self, d: Decimal) -> str:
        """ "ten percent (10%)" or "10%"."""
        return spell.percent(d, self.locale) if self.in_words else f.percent(d)

    def money(self, d: Decimal) -> str:
        """ "twelve thousand euros (EUR 12,000.00)" or "12,000.00 EUR"."""
        return spell.money(d, self.currency, self.locale) if self.in_words else f.money(d, self.currency)

    def quantity(self, d: Decimal, unit: str) -> str:
        """A value in its unit: money in the agreement's currency, a percentage for ``%``, else
        a count ("one hundred (100) leads" or "100 leads")."""
        if self.in_words:
            return spell.quantity(d, unit, self.currency, self.locale)
        return f.quantity(d, unit, self.currency)

    def number(self, d: int | Decimal) -> str:
        """ "three (3)" or "3"."""
        return spell.spelled(Decimal(d), "", self.locale) if self.in_words else f.number(Decimal(d))


#: Defined terms the legal-narrative style capitalises in the author's text wherever they occur
#: (the words "period" and "services" are left alone: authors use them in their plain sense).
CAPITALISED = ("Agreement", "Party", "Parties", "Term", "Goal", "Target")


def capitalise_terms(text: str, terms: tuple[str, ...] = CAPITALISED) -> str:
    """``text`` with each defined term (and its plural in "s") written as defined: "the
    agreement's goals" -> "the Agreement's Goals"; a word inside another ("long-term",
    "targeted") and "third parties" (not Parties to the Agreement) are left alone."""
    for term in sorted(terms, key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w-])(?<!third ){re.escape(term)}(s?)(?![\w-])", re.IGNORECASE)
        text = pattern.sub(rf"{term}\1", text)
    return text


FILTERS: dict[str, Callable[..., Any]] = {
    "capitalise_terms": capitalise_terms,
    "continuing": continuing,
    "full_stop": full_stop,
    "stop_after": stop_after,
    "join_and": join_and,
}
"""Jinja filters, by name: ``{{ text|continuing(names) }}``, ``{{ names|join_and }}``, ``{{ text|full_stop }}``, ``{{ name|stop_after }}``."""
