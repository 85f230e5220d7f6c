"""Defined terms the agreement uses: a definition no text of the agreement needs is noise a
reader looks for in vain, and often a sign the texts say the thing in other words ("qualified
leads" beside a defined "Kwalifikowany Lead")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from slagen.agreement.model import Agreement
from slagen.i18n import using
from slagen.i18n.inflection import english, forms

from .registry import Context, Finding, rule, strings

#: Terms slagen's own sentences use where the agreement has what they describe (by the
#: English name; a declined language's term is found through its catalogue's forms).
WRITTEN: dict[str, Callable[[Agreement], bool]] = {
    # a maintenance window's notice in business days ("announced at least five (5) Business Days ahead")
    "Business Day": lambda a: (
        a.inputs.availability is not None
        and any(w.notice_business_days is not None for w in a.inputs.availability.maintenance_windows)
    ),
    # the calendar clause ("Business Hours are ...") and the support times in them
    "Business Hours": lambda a: a.calendar is not None and a.calendar.business_hours is not None,
}


def _word(word: str) -> str:
    """A word of a term with any ending: its first letters (all but the last three, at least
    four) then any letters, so "Kwalifikowany" finds "Kwalifikowanych" and "Lead" "Leadów"."""
    keep = max(4, len(word) - 3)
    return re.escape(word[:keep]) + r"\w*"


def _pattern(term: str) -> re.Pattern[str]:
    """Any form of ``term``: its words with any ending, or a form the catalogue gives, words
    apart by spaces or a hyphen ("business-hours support")."""
    alternatives = [r"[\s-]+".join(re.escape(w) for w in f.split()) for f in forms(term)]
    alternatives.append(r"[\s-]+".join(_word(w) for w in term.split()))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


@rule("SLA019", "defined-term-unused", "a defined term that no text of the agreement uses")
def defined_term_unused(ctx: Context) -> Iterator[Finding]:
    """Each ``clauses.definitions[].term`` is used by some text of the agreement other than its
    own definition (any form of it, as the document's language declines it), or by a sentence
    slagen writes from the model (:data:`WRITTEN`)."""
    a = ctx.agreement
    if a.clauses is None or not a.clauses.definitions:
        return
    texts = list(strings(a.model_dump(mode="json", exclude_none=True)))
    with using(a.presentation.locale):
        for i, d in enumerate(a.clauses.definitions):
            own = ("clauses", "definitions", i)
            pattern = _pattern(d.term)
            if any(path[:3] != own and pattern.search(text) for path, text in texts):
                continue
            name = english(d.term) or d.term
            if name in WRITTEN and WRITTEN[name](a):
                continue
            yield Finding(
                (*own, "term"),
                f"the defined term {d.term!r} is used by no text of the agreement: use it where the "
                "texts mean it, or drop its definition",
            )
