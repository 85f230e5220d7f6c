"""CLDR plural forms: which form of a word a count takes in a locale.

English has ``one`` and ``other`` (1 lead, 2 leads); Polish ``one``, ``few`` and ``many``
(1 lead, 2 leady, 5 leadów, 12 leadów, 22 leady, 25 leadów; ``other`` for fractions).
A unit an agreement writes may be one text or a mapping of these categories to texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from babel import Locale

from .locales import babel_name

#: The order CLDR lists plural categories in.
ORDER = ("zero", "one", "two", "few", "many", "other")


def category(n: Decimal | int, locale: str) -> str:
    """The CLDR plural category of ``n`` in ``locale``: ``one``, ``few``, ``many`` or ``other``."""
    return str(Locale.parse(babel_name(locale)).plural_form(n))


def categories(locale: str) -> tuple[str, ...]:
    """The plural categories a count of whole things needs in ``locale`` (``other`` included,
    for fractions): ``("one", "other")`` in English, ``("one", "few", "many", "other")`` in Polish."""
    tags = set(Locale.parse(babel_name(locale)).plural_form.tags) | {"other"}
    return tuple(t for t in ORDER if t in tags)


def choose(forms: Mapping[str, str], n: Decimal | int, locale: str) -> str:
    """The form of ``forms`` for ``n``: its category's, else ``other``'s."""
    cat = category(n, locale)
    return forms.get(cat) or forms["other"]


def missing(forms: Mapping[str, str], locale: str) -> tuple[str, ...]:
    """The categories of ``locale`` that ``forms`` does not give (``other`` stands in for a
    category given neither way only when it is present)."""
    return tuple(c for c in categories(locale) if c not in forms)
