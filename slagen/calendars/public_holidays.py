"""Public holidays of a country or one of its subdivisions, from the ``holidays`` package.

The package (python-holidays, maintained against official sources, with observed and substitute
days such as Monday 28 December 2026 in England) is imported on first use only, so commands
and agreements without a holiday calendar never load it. Countries are ISO 3166-1 alpha-2
codes (``GB``, ``PL``); subdivisions the package's codes (``ENG``, ``HE``).
"""

from __future__ import annotations

import functools
import importlib
from datetime import date
from typing import Any

from slagen.util.text import did_you_mean


@functools.cache
def _classes() -> dict[str, tuple[str, str, str]]:
    """Country code -> (module, class name, English name), from the package's registry (no data)."""
    from holidays import registry

    out = {}
    for module, names in registry.COUNTRIES.items():
        cls, *codes = names
        for code in codes:
            if len(code) == 2 and code.isalpha() and code.isupper():
                out[code] = (module, cls, module.replace("_", " ").title())
    return out


@functools.cache
def _country(code: str) -> Any:
    module, cls, _ = _classes()[code]
    return getattr(importlib.import_module(f"holidays.countries.{module}"), cls)


#: Country names a sentence writes with "the".
_WITH_THE = ("United ", "Netherlands", "Philippines", "Czech", "Dominican", "Bahamas", "Gambia", "Maldives")


def country_name(code: str) -> str:
    """``the United Kingdom`` for ``GB``, ``Poland`` for ``PL``."""
    name = _classes()[code][2]
    return f"the {name}" if name.startswith(_WITH_THE) else name


def subdivision_name(code: str, subdivision: str) -> str:
    """The subdivision's name where the package knows it (``England`` for ``GB``/``ENG``), else its code."""
    aliases = getattr(_country(code), "subdivisions_aliases", {}) or {}
    names = [name for name, sub in aliases.items() if sub == subdivision and len(name) > len(subdivision)]
    return names[0] if names else subdivision


def calendar_problem(country: str, subdivision: str | None) -> tuple[str, str] | None:
    """Why the calendar cannot be used, as (key, message), or ``None`` when it exists."""
    known = _classes()
    if country not in known:
        return "country", (
            f"expected a country the holidays package knows (ISO 3166 code such as GB or PL), got "
            f"{country!r}" + did_you_mean(country, known)
        )
    if subdivision is not None:
        subs = tuple(_country(country).subdivisions)
        if subdivision not in subs:
            return "subdivision", (
                f"expected a subdivision of {_classes()[country][2]} ({', '.join(subs) or 'it has none'}), "
                f"got {subdivision!r}" + did_you_mean(subdivision, subs)
            )
    return None


@functools.cache
def _year(
    country: str, subdivision: str | None, year: int, lang: str = "en_US"
) -> tuple[tuple[date, str], ...]:
    days = _country(country)(subdiv=subdivision, years=year, language=lang)
    return tuple(sorted(days.items()))


def holiday_names(
    country: str, subdivision: str | None, start: date, end: date, locale: str
) -> dict[date, str]:
    """The holidays' names in the language of ``locale`` (``pl-PL``: "Narodowe Święto
    Niepodległości") where the country's calendar has that language; none where it has not."""
    lang = locale.split("-")[0]
    if lang == "en" or lang not in (getattr(_country(country), "supported_languages", ()) or ()):
        return {}
    return {
        d: name
        for year in range(start.year, end.year + 1)
        for d, name in _year(country, subdivision, year, lang)
        if start <= d <= end
    }


def holidays_between(country: str, subdivision: str | None, start: date, end: date) -> list[tuple[date, str]]:
    """The public holidays from ``start`` to ``end`` (inclusive), in date order, with their names."""
    out: list[tuple[date, str]] = []
    for year in range(start.year, end.year + 1):
        out.extend((d, name) for d, name in _year(country, subdivision, year) if start <= d <= end)
    return out
