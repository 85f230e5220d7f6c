"""Figures spelled out in Polish, as a Polish contract writes them: the figure, then
"(słownie: ...)" with the words.

"100 (słownie: sto) leadów", "30 (słownie: trzydzieści) dni",
"5000,00 USD (słownie: pięć tysięcy dolarów amerykańskich 00/100)",
"99,95% (słownie: dziewięćdziesiąt dziewięć przecinek dziewięć pięć procent)",
"1 października 2026 r.". The words of a whole number come from num2words (``lang="pl"``),
which is given only Python integers: a ``Decimal`` is split exactly into its whole part and
its digits, the grosze (cents) of an amount are written "xx/100", and an amount finer than a
cent is an error, as in English. The currency's name takes the form its count needs (CLDR
plural rules, through Babel): "1 dolar amerykański", "2 dolary amerykańskie", "5 dolarów
amerykańskich".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.numbers import get_currency_name

from . import formatting as f


def applies(locale: str) -> bool:
    """Whether ``locale`` spells figures in Polish."""
    return locale.split("-")[0] == "pl"


def _whole(n: int) -> str:
    # num2words loads every language it has (about 15 ms): only a Polish document pays for it.
    from num2words import num2words

    return str(num2words(n, lang="pl"))


def _parts(d: Decimal) -> tuple[int, str]:
    """The whole part and the fraction digits of ``abs(d)``, exactly (no trailing zeros)."""
    whole, _, frac = format(abs(d), "f").partition(".")
    return int(whole), frac.rstrip("0")


#: slagen's own counted words whose Polish noun is feminine ("godzina", "minuta"): a count of
#: them ends in "dwie", not "dwa" ("2 (słownie: dwie) godziny"), and one is "jedna".
FEMININE = frozenset({"hour", "minute"})


def _feminine(words: str, whole: int) -> str:
    """The words of ``whole`` before a feminine noun: only the last word agrees with it
    ("dwadzieścia dwie", "tysiąc dwie"); 21 stays "dwadzieścia jeden", as Polish has it."""
    if whole == 1:
        return "jedna"
    head, _, last = words.rpartition(" ")
    return f"{head} dwie".lstrip() if last == "dwa" else words


def number_words(d: Decimal, feminine: bool = False) -> str:
    """``d`` in Polish words: 105 -> "sto pięć", 99.95 -> "dziewięćdziesiąt dziewięć przecinek
    dziewięć pięć", -3 -> "minus trzy"; a whole number before a feminine noun agrees with it
    (2 -> "dwie", 1 -> "jedna")."""
    whole, frac = _parts(d)
    words = _whole(whole)
    if feminine and not frac:
        words = _feminine(words, whole)
    if frac:
        words += " przecinek " + " ".join(_whole(int(c)) for c in frac)
    return ("minus " if d < 0 and (whole or frac) else "") + words


def spelled(d: Decimal, unit: str = "") -> str:
    """The figure, the words, then the unit as given: "100 (słownie: sto) leadów"."""
    text = f"{f.number(d)} (słownie: {number_words(d)})"
    return f"{text} {unit}" if unit else text


def counted(d: Decimal, word: str) -> str:
    """A count of one of slagen's own words (``day``, ``hour``, ``minute``) in the form the
    count needs, with its words: "24 (słownie: dwadzieścia cztery) godziny"."""
    spelled = number_words(d, feminine=word in FEMININE)
    return f.COUNTED[word](f.count_form(d)) % {"n": f"{f.number(d)} (słownie: {spelled})"}


def percent(d: Decimal) -> str:
    """A percentage: "50% (słownie: pięćdziesiąt procent)"."""
    return f"{f.percent(d)} (słownie: {number_words(d)} procent)"


def money(d: Decimal, currency: str) -> str:
    """An amount as a Polish contract writes it, grosze as "xx/100":
    "5000,00 USD (słownie: pięć tysięcy dolarów amerykańskich 00/100)"."""
    whole, _ = _parts(d)
    cents = (abs(d) - whole).scaleb(2)
    if cents != cents.to_integral_value():
        raise ValueError(f"{d} {currency} is not a whole number of cents")
    name = get_currency_name(currency, count=whole, locale="pl")
    sign = "minus " if d < 0 else ""
    return f"{f.money(d, currency)} (słownie: {sign}{_whole(whole)} {name} {int(cents):02d}/100)"


def formal_date(d: date) -> str:
    """A date as a Polish contract writes it: "1 października 2026 r."."""
    return f"{f.long_date(d, 'pl-PL')} r."
