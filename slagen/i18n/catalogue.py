"""The message catalogues: ``slagen/locale/<language>/LC_MESSAGES/slagen.po``.

Messages are the English text, so English needs no catalogue. A catalogue is read from its
``.po`` file (what a translator edits with ordinary gettext tools) and compiled in memory with
Babel, once per process; a message missing from it stays English, which the catalogue test
refuses (``tests/test_i18n_catalogue.py``).
"""

from __future__ import annotations

import functools
import gettext as _gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from .locales import current, language

#: The folder of the catalogues, and the template they are made from (``slagen.pot``).
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "slagen"


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (translated where it is used)."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """Mark ``message`` in ``context`` for extraction without translating it (Babel keyword
    ``NP_:1c,2``): the pair is translated where it is used, ``pgettext(*pair)``."""
    return context, message


def po_path(lang: str) -> Path:
    """The ``.po`` file of ``lang``."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.lru_cache(maxsize=8)
def translations(locale: str) -> _gettext.NullTranslations:
    """The translations of ``locale`` (English: none), from its ``.po`` catalogue."""
    lang = language(locale)
    path = po_path(lang)
    if lang == "en" or not path.is_file():
        return NullTranslations()
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(buf, domain=DOMAIN)


def gettext(message: str) -> str:
    """``message`` in the current locale."""
    return translations(current()).gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current locale, as used in ``context`` (one English word, several forms)."""
    return translations(current()).pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count ``n`` in the current locale (its CLDR plural rule)."""
    return translations(current()).ngettext(singular, plural, n)
