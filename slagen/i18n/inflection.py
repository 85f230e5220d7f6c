"""The inflected forms of the terms agreements often define, as the catalogues give them.

A language that declines its nouns writes a defined term in more than one form: Polish
"Dzień Roboczy" is "Dni Robocze" in a heading and "pięciu Dni Roboczych" in a sentence. Each
term's message (context ``inflected forms of a defined term``) gives the term as defined
first and its other forms after it, separated by ", "; English adds only an "s", which the
term's own matching allows, so its catalogue gives none. The legal style capitalises every
form of a term the agreement defines, and ``lint`` counts every form as a use.
"""

from __future__ import annotations

from .catalogue import NP_, pgettext

#: The terms whose forms the catalogues give, by their English name.
INFLECTED = (
    NP_("inflected forms of a defined term", "Business Day"),
    NP_("inflected forms of a defined term", "Business Hours"),
)


def forms(term: str) -> tuple[str, ...]:
    """The forms of a defined ``term`` in the current locale's catalogue, ``term`` first (only
    ``term`` when the catalogue gives none)."""
    for message in INFLECTED:
        found = tuple(pgettext(*message).split(", "))
        if found[0] == term:
            return found
    return (term,)


def english(term: str) -> str | None:
    """The English name of a term whose forms the catalogue gives (``Dzień Roboczy`` ->
    ``Business Day`` in Polish), or None."""
    for message in INFLECTED:
        if pgettext(*message).split(", ")[0] == term:
            return message[1]
    return None
