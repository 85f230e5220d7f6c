"""``slagen init``: a new agreement that passes ``check``, with a comment on each field."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from slagen.agreement.model import Agreement
from slagen.i18n import LOCALES, language
from slagen.util.atomic import write_atomic

from ..errors import UsageError
from .content import KINDS, starter
from .content_pl import starter_pl
from .emit import mapping

SCHEMA_FILE = Path("schema") / "agreement.schema.json"
#: Where the schema lives seen from ``agreements/``, when no project folder is found.
DEFAULT_SCHEMA_REF = "../schema/agreement.schema.json"


def schema_ref(target: Path) -> str:
    """The modeline's path to the schema, relative to the folder ``target`` is written in.

    The nearest folder above ``target`` that holds ``schema/agreement.schema.json`` is the
    project; without one, the layout of a slagen project is assumed.
    """
    folder = target.resolve().parent
    for base in (folder, *folder.parents):
        if (base / SCHEMA_FILE).is_file():
            return Path(os.path.relpath(base / SCHEMA_FILE, folder)).as_posix()
    return DEFAULT_SCHEMA_REF


#: ``--locale`` values: the document locales, and a language alone for its main locale.
LOCALE_ALIASES = {"en": "en-US", "pl": "pl-PL"}


def scaffold_text(
    path: Path, *, kind: str, style: str, today: date | None = None, locale: str = "en-US"
) -> str:
    """The text of a commented starter agreement of ``kind`` in ``style`` and ``locale``, to be
    written at ``path`` (Polish: :mod:`.content_pl`)."""
    if kind not in KINDS:
        raise UsageError(f"expected a kind ({', '.join(KINDS)}), got {kind!r}")
    locale = LOCALE_ALIASES.get(locale, locale)
    if locale not in LOCALES:
        raise UsageError(f"expected a locale ({', '.join(LOCALES)}), got {locale!r}")
    if language(locale) == "pl":
        data = starter_pl(kind, style, today or date.today())
    else:
        data = starter(kind, style, today or date.today())
        data["presentation"]["locale"] = locale
    header = [
        f"# yaml-language-server: $schema={schema_ref(path)}",
        f"# A new {kind} agreement written by `slagen init`. Each field has its meaning above it;",
        "# replace the placeholders, then run `slagen check` on this file.",
    ]
    return "\n".join(header + mapping(data, Agreement)) + "\n"


def write_scaffold(
    path: Path,
    *,
    kind: str,
    style: str,
    force: bool = False,
    today: date | None = None,
    locale: str = "en-US",
) -> None:
    """Write a commented starter agreement of ``kind`` in ``style`` and ``locale`` to ``path``;
    an existing file is replaced only with ``force``.

    The file is written whole or not at all (a temporary file renamed into place).
    """
    if path.exists() and not force:
        raise UsageError(f"{path} exists; pass --force to overwrite it")
    text = scaffold_text(path, kind=kind, style=style, today=today, locale=locale)
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"cannot write {path}: {folder} is not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"))
