"""The locales a document may be written in, and the current locale while one is built."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: ``presentation.locale`` values: language and conventions of a document.
LOCALES: tuple[str, ...] = ("en-US", "en-GB", "pl-PL")
DEFAULT = "en-US"

_CURRENT: ContextVar[str] = ContextVar("slagen_locale", default=DEFAULT)


def babel_name(locale: str) -> str:
    """The Babel / CLDR name of a locale: ``pl-PL`` -> ``pl_PL``."""
    return locale.replace("-", "_")


def language(locale: str) -> str:
    """The language of a locale, which names its message catalogue: ``pl-PL`` -> ``pl``."""
    return locale.split("-")[0]


def current() -> str:
    """The locale of the document being built (``en-US`` outside :func:`using`)."""
    return _CURRENT.get()


@contextmanager
def using(locale: str) -> Iterator[None]:
    """Make ``locale`` the current locale for the ``with`` block."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; expected one of {', '.join(LOCALES)}")
    token = _CURRENT.set(locale)
    try:
        yield
    finally:
        _CURRENT.reset(token)
