"""The words slagen counts in its own sentences, each with its plural forms in the catalogues.

One table (:data:`COUNTED`) for the words of slagen's sentences ("30 days", "5 business days",
"2 hours") and the units its calculations give ("100 leads", "50 customers"), by their
singular, and one way to write a count of one (:func:`plural`), in the form the count takes in
the current locale's CLDR plural rule: "1 dzień", "2 dni", "5 dni", "2 godziny". A count in
words and figures (the legal style's "five (5) business days", "2 (słownie: dwie) godziny")
takes the same forms (:func:`slagen.render.words.count`). Kept below the pipeline's stages so
targets, tracking and rendering all write a count the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from slagen.util.text import plural as english_plural

from .catalogue import ngettext
from .locales import current
from .numbers import number

#: slagen's counted words by their singular, each with its plural forms in the catalogues.
COUNTED: dict[str, Callable[[int], str]] = {
    "day": lambda n: ngettext("%(n)s day", "%(n)s days", n),
    "business day": lambda n: ngettext("%(n)s business day", "%(n)s business days", n),
    "hour": lambda n: ngettext("%(n)s hour", "%(n)s hours", n),
    "minute": lambda n: ngettext("%(n)s minute", "%(n)s minutes", n),
    "missed goal": lambda n: ngettext("%(n)s missed goal", "%(n)s missed goals", n),
    "lead": lambda n: ngettext("%(n)s lead", "%(n)s leads", n),
    "customer": lambda n: ngettext("%(n)s customer", "%(n)s customers", n),
}


def count_form(d: Decimal | int) -> int:
    """The count whose plural form a figure takes: itself when whole, else 2 (a fraction takes
    the form of 2: ``2.5 hours``, ``2,5 godziny``)."""
    d = Decimal(d)
    return int(d) if d == d.to_integral_value() else 2


def plural(n: int | Decimal, word: str) -> str:
    """``1 day``, ``30 days``, ``2.5 hours``: a count and a word slagen writes, in the form the
    count takes in the current locale (``1 dzień``, ``2 dni``, ``5 dni``, ``2,5 godziny``); other
    words as English counts them."""
    if word in COUNTED:
        return COUNTED[word](count_form(n)) % {"n": number(Decimal(n), current())}
    return english_plural(int(n), word)
