"""The language checks of a translated document, shared by the tests that read one: the words of
a rendered page, the words an agreement's authors wrote, the words slagen itself writes in
English (the English-word check of a Polish document), and the text of a template left
unmarked for translation."""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml
from conftest import run

NBSP = "\u00a0"
#: Words an English and a Polish document may both print: a Polish word spelt like an English one,
#: the time zone's abbreviations (which the tz database gives in every language) and ``min``, the
#: abbreviation of a minute in both languages (durations "44 min 38 s").
SHARED_WORDS = frozenset({"data", "minimum", "status", "plan", "raport", "mail", "cet", "cest", "utc", "min"})


def words(text: str) -> set[str]:
    """The words of ``text`` (three letters or more, not part of a token with digits nor of a
    dotted name such as ``calendar.business_days.2026-10``, which a narrow column wraps before a
    dot: "calendar" / ".business_days"), folded."""
    text = re.sub(r"\s+(?=\.\w)", "", text)
    return {w.casefold() for w in re.findall(r"(?<![\w:])(?<!\w\.)[^\W\d_]{3,}(?!\w|\.\w)", text)}


def html_text(path: Path) -> str:
    """The text a rendered HTML page shows: no markup, no style sheet, entities decoded."""
    text = re.sub(r"<style.*?</style>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"<wbr\s*/?>", "", text)  # a break opportunity is no word boundary (in e-mail addresses)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def written(node: object, key: str = "") -> set[str]:
    """The words the agreement's authors wrote: every text value of the YAML, and every unit,
    but not its keys nor one-word values of slagen's vocabulary (``month``, ``qualification``,
    ``at-least``), which are English and must not reach a Polish document."""
    if isinstance(node, dict):
        return set().union(set(), *(written(v, "unit" if key == "unit" else str(k)) for k, v in node.items()))
    if isinstance(node, list):
        return set().union(set(), *(written(v, key) for v in node))
    if isinstance(node, str) and (key in ("unit", "id") or not re.fullmatch(r"[a-z-]+", node)):
        return words(node)
    return set()


def slagen_english(source: str, folder: Path) -> set[str]:
    """The words slagen itself writes in English into the documents of the Polish agreement
    ``source`` (its YAML text): those of the same agreement rendered (HTML, every style it
    declares, into ``folder``) with ``locale: en-US``, less every word its authors wrote and
    :data:`SHARED_WORDS`."""
    assert "locale: pl-PL" in source
    english = folder / "agreement.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    english.write_text(source.replace("locale: pl-PL", "locale: en-US"), encoding="utf-8")
    result = run("render", str(english), "--format", "html", "-o", str(folder / "out"))
    assert result.exit_code == 0, result.output
    found = set().union(*(words(html_text(p)) for p in (folder / "out").rglob("*.html")))
    assert {"the", "goals", "appendix"} <= found
    return found - written(yaml.safe_load(source)) - SHARED_WORDS


#: Jinja's tags, expressions and comments, which are no text of the page.
_JINJA = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", re.S)
#: Blocks that set a style's parameters (its font, margins), not text of the page.
_PARAMETERS = re.compile(
    r"\{%\s*block\s+(?:font|page_margins|line_height|font_size)\s*%\}.*?\{%\s*endblock\s*%\}", re.S
)


def unmarked(path: Path) -> list[str]:
    """The English words of a template (or a style sheet's ``content:``) not marked for
    translation."""
    text = _JINJA.sub(" ", _PARAMETERS.sub(" ", path.read_text(encoding="utf-8")))
    if path.suffix == ".css":  # only the text CSS adds to the page
        return [t for t in re.findall(r'content:\s*"([^"]*)"', text) if re.search(r"[A-Za-z]", t)]
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)  # CSS: see the .css files
    text = re.sub(r"<[^>]*>", " ", text)
    text = text.replace("&nbsp;", " ").replace("DejaVu Sans", "")
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text)]
