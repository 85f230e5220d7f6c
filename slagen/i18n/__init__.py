"""Document languages: locales, CLDR formatting of figures, plural forms and message catalogues.

A document's language and conventions come from ``presentation.locale`` (:data:`LOCALES`).
Figures are formatted by Babel from CLDR data (:mod:`.numbers`); words that depend on a count
choose their CLDR plural form (:mod:`.plurals`); every sentence a document prints is a gettext
message translated through the ``.po`` catalogues in ``slagen/locale/`` (:mod:`.catalogue`),
extracted from the templates and the code with Babel's tools (``babel.cfg``,
``scripts/extract_messages.py``). Command-line messages stay English.

While a document is built, the locale is the *current locale* (:func:`using`), so the
formatting helpers of :mod:`slagen.render.formatting` and the marked strings of the context
follow it without every call passing it on.
"""

from .catalogue import N_, NP_, gettext, ngettext, pgettext, translations
from .locales import DEFAULT, LOCALES, current, language, using

__all__ = [
    "DEFAULT",
    "LOCALES",
    "NP_",
    "N_",
    "current",
    "gettext",
    "language",
    "ngettext",
    "pgettext",
    "translations",
    "using",
]
