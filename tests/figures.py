"""The figures a document promises, read back from its PDF text, to compare styles.

Two kinds: the rows of the breakdown tables (an interval label and its target, counted, so a
dropped row shows), and every other figure stated with its unit (percentages, amounts of
money, counts and durations) up to the appendix of derivations, as a set: styles differ in arrangement and wording (the legal
style writes "sixty (60) minutes"), never in the figures they promise.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdf
from render_helpers import WATERMARK_LETTER

NBSP = "\u00a0"

_LABEL = r"(\d{4}-(?:W\d{2}|Q[1-4]|\d{2}))"
_CUR = "USD|EUR|GBP|PLN|CAD|AUD|CHF|JPY"


@dataclass(frozen=True)
class Language:
    """How documents of one language write what :func:`figures` reads: breakdown rows, dates,
    the appendix heading, running lines, money, percentages and counts with their units."""

    row: re.Pattern[str]
    """A breakdown table's row (``-layout`` text): its label and its target."""
    bullet_row: re.Pattern[str]
    """A breakdown row written as a bullet (the bulleted style)."""
    row_dates: re.Pattern[str]
    """The dates and days of a bulleted row (like a table's From, To and Days columns, which
    are not figures with a unit either)."""
    dates: re.Pattern[str]
    appendix: re.Pattern[str]
    """The appendix's heading (not its line in a table of contents, which ends in leader dots)."""
    running: re.Pattern[str]
    money: re.Pattern[str]
    """An amount and its currency: groups ``amount`` and ``cur``."""
    percent: re.Pattern[str]
    count: re.Pattern[str]
    """A number and its unit: groups ``n`` and ``unit`` (not a number glued to a word: the "7"
    of "24x7", which pdftotext may read before the next cell's "minutes")."""
    units: dict[str, str]
    """Each unit word the count pattern reads, to the one name its figures are compared by
    (``lead`` and ``leads``; ``leady`` and ``leadów``: a form of a word is grammar, not a figure)."""
    in_words: re.Pattern[str]
    """A figure spelled out beside its digits (the legal style), dropped before reading."""


def _forms(*words: str) -> dict[str, str]:
    """``{form: name}`` from ``"name|form|form"``: each unit's forms, to its first one."""
    return {form: w.split("|")[0] for w in words for form in w.split("|")}


_EN_UNITS = _forms(
    *(f"{u}s|{u}" for u in ("minute", "hour", "day", "business day", "attempt", "lead", "ream", "deal")),
    *(f"{u}s|{u}" for u in ("customer", "article", "meeting", "strike", "point")),
    "deliveries|delivery",
    "strikes|Strikes|Strike",  # the legal style's defined term
    "business days|Business Days|Business Day",  # the same, where the author defines it
)
_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ENGLISH = Language(
    row=re.compile(rf"^\s*{_LABEL}\s+\d{{2}}/\d{{2}}/\d{{4}}\s+\d{{2}}/\d{{2}}/\d{{4}}\s+\d+\s+(.+?)\s*$"),
    bullet_row=re.compile(
        rf"^\s*[•▪]\s*{_LABEL} \(\d{{2}}/\d{{2}}/\d{{4}} to \d{{2}}/\d{{2}}/\d{{4}}, \d+ days?\): (.+?)\.\s*$"
    ),
    row_dates=re.compile(r"\(\d{2}/\d{2}/\d{4} to \d{2}/\d{2}/\d{4}, \d+ days?\)"),
    dates=re.compile(
        r"\b\d{2}/\d{2}/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-(?:W\d{2}|Q[1-4]|\d{2})\b|"
        rf"\b(?:{_EN_MONTHS})(?: \d{{1,2}},)? \d{{4}}\b|\b\d{{1,2}}(?:st|nd|rd|th)? (?:day of )?(?:{_EN_MONTHS}),? \d{{4}}\b"
    ),
    appendix=re.compile(
        r"(?:Appendix: How these targets were computed|APPENDIX: HOW THESE TARGETS WERE COMPUTED|"
        r"Part B: Derivation of the computed Targets)(?! ?\.{3})"
    ),
    running=re.compile(r"^(Version \S+ · .*|Page \d+ of \d+|.* · \d{4}(?:-Q[1-4]|-\d{2})?)$"),
    money=re.compile(
        rf"\b(?P<cur>{_CUR}) (?P<amount>\d[\d,]*\.\d{{2}})\b|\b(?P<amount2>\d[\d,]*\.\d{{2}}) (?P<cur2>{_CUR})\b"
    ),
    percent=re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s?%"),
    count=re.compile(
        rf"(?<![\w.,/-])(?P<n>\d[\d,]*(?:\.\d+)?) (?P<unit>{'|'.join(sorted(_EN_UNITS, key=len, reverse=True))})\b"
    ),
    units=_EN_UNITS,
    # "sixty (60) minutes" -> "sixty 60 minutes"; "sixty US dollars (USD 60.00)"
    in_words=re.compile(r"\((\d[\d,.]*%?)\)|\(([A-Z]{3} \d[\d,]*\.\d{2})\)"),
)

#: A Polish whole number as CLDR writes it: a space groups digits from 10 000 on (1000, 10 000).
_PL_WHOLE = r"(?:\d{1,3}(?: \d{3}){2,}|\d{2,3} \d{3}|\d+)"
_PL_NUMBER = rf"{_PL_WHOLE}(?:,\d+)?"
_PL_UNITS = _forms(
    "leadów|lead|leady|leada",
    "klientów|klient|klienci|klienta",
    "raportów|raport|raporty|raportu",
    "dni|dzień|dnia",
    "dni roboczych|dzień roboczy|dni robocze|dnia roboczego",
    "godzin|godzina|godziny",
    "minut|minuta|minuty",
)
_PL_MONTHS = (
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
)
_PL_DATE = r"\d{2}\.\d{2}\.\d{4}"
POLISH = Language(
    row=re.compile(rf"^\s*{_LABEL}\s+{_PL_DATE}\s+{_PL_DATE}\s+\d+\s+(.+?)\s*$"),
    bullet_row=re.compile(
        rf"^\s*[•▪]\s*{_LABEL} \(od {_PL_DATE} do {_PL_DATE}, \d+ (?:dzień|dni)\): (.+?)\.\s*$"
    ),
    # and a table row's From, To and Days ("31 100 leadów" would read as 31 100 leads: Polish
    # groups digits with a space)
    row_dates=re.compile(
        rf"\(od {_PL_DATE} do {_PL_DATE}, \d+ (?:dzień|dni)\)|{_PL_DATE}\s+{_PL_DATE}\s+\d+(?= )"
    ),
    dates=re.compile(
        rf"\b{_PL_DATE}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{4}}-(?:W\d{{2}}|Q[1-4]|\d{{2}})\b|"
        rf"\b\d{{1,2}} (?:{_PL_MONTHS}) \d{{4}}(?: r\.)?"
    ),
    appendix=re.compile(
        r"(?:Załącznik: Jak obliczono cele|ZAŁĄCZNIK: JAK OBLICZONO CELE|"
        r"Część B: Sposób obliczenia Wartości Docelowych)(?! ?\.{3})"
    ),
    running=re.compile(r"^(Wersja \S+ · .*|Strona \d+ z \d+|.* · \d{4}(?:-Q[1-4]|-\d{2})?)$"),
    money=re.compile(rf"(?<![\d,])(?P<amount>{_PL_WHOLE},\d{{2}}) (?P<cur>{_CUR}|zł)\b"),
    percent=re.compile(rf"(?<![\d,])({_PL_NUMBER})\s?%"),
    count=re.compile(
        rf"(?<![\w.,/-])(?P<n>{_PL_NUMBER}) (?P<unit>{'|'.join(sorted(_PL_UNITS, key=len, reverse=True))})(?!\w)"
    ),
    units=_PL_UNITS,
    # "100 (słownie: sto) leadów", "5000,00 USD (słownie: pięć tysięcy dolarów amerykańskich 00/100)"
    in_words=re.compile(r" ?\(słownie: [^)]*\)"),
)
LANGUAGES = {"en": ENGLISH, "pl": POLISH}
#: The running lines of a document in any language.
RUNNING = re.compile("|".join(f"(?:{lang.running.pattern})" for lang in LANGUAGES.values()))


@dataclass(frozen=True)
class Figures:
    """What one document states: breakdown rows (counted) and figures with units (a set)."""

    rows: Counter[tuple[str, str]]
    figures: frozenset[str]


def layout_text(pdf: Path) -> str:
    """The PDF's text with its layout kept (table rows on one line)."""
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_text_lines(pdf: Path) -> list[str]:
    """The lines of the PDF's text, pages one after the other."""
    plain = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return plain.replace("\f", "\n").splitlines()


def _appendix_at(pdf: Path, lang: Language) -> tuple[int, float, float] | None:
    """Where the appendix heading is, from the PDF's outline: its page (0-based), its top (points
    from the page's top) and the page's width; None when there is no appendix."""
    reader = pypdf.PdfReader(str(pdf))
    items = list(reader.outline)
    while items:
        item = items.pop(0)
        if isinstance(item, list):
            items[:0] = item
            continue
        if lang.appendix.search(" ".join(str(item.title).split())):
            index = reader.get_destination_page_number(item)
            box = reader.pages[index].mediabox
            top = item.get("/Top")
            return index, float(box.height) - float(top) if top is not None else 0.0, float(box.width)
    return None


def before_appendix(pdf: Path, lang: Language) -> list[str]:
    """The lines of the PDF's text before its appendix heading: the pages before the heading's
    whole and, of its page, what lies above it. (Cut where the heading comes in pdftotext's
    reading order, a table right above the heading would lose its last column, which pdftotext
    reads after the heading.)"""
    at = _appendix_at(pdf, lang)
    if at is None:
        return pdf_text_lines(pdf)
    index, top, width = at

    def text(*options: str) -> list[str]:
        out = subprocess.run(
            ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
        )
        return out.stdout.replace("\f", "\n").splitlines()

    head = text("-l", str(index)) if index else []
    crop = ("-x", "0", "-y", "0", "-W", str(round(width) + 1), "-H", str(max(round(top) - 1, 1)))
    return head + text("-f", str(index + 1), "-l", str(index + 1), *crop)


def figures(pdf: Path, locale: str = "en-US") -> Figures:
    """The figures the PDF at ``pdf``, a document in ``locale``, states."""
    lang = LANGUAGES[locale.split("-")[0]]
    rows: Counter[tuple[str, str]] = Counter()
    for line in layout_text(pdf).replace(NBSP, " ").splitlines():
        m = lang.row.match(line) or lang.bullet_row.match(line)
        if m:
            rows[(m.group(1), m.group(2))] += 1
    # the running header and footer, and page numbers, interrupt sentences across pages
    kept = [line for line in before_appendix(pdf, lang) if not lang.running.match(line)]
    text = WATERMARK_LETTER.sub("", re.sub(r"\s+", " ", " ".join(kept)))
    # The appendix derives the targets (the same table in every style); it promises nothing
    # itself, and its columns come out of the PDF interleaved.
    text = lang.appendix.split(text, maxsplit=1)[0]
    text = lang.in_words.sub(lambda m: next((g for g in m.groups() if g), ""), text)
    return Figures(rows, stated(text, locale))


def stated(text: str, locale: str = "en-US") -> frozenset[str]:
    """The figures with a unit ``text`` states (dates and a bulleted row's days left out), each
    as one text whatever the form of its unit word: ``23 leadów`` for ``23 leady`` too."""
    lang = LANGUAGES[locale.split("-")[0]]
    text = lang.dates.sub(" ", lang.row_dates.sub(" ", text.replace(NBSP, " ")))
    found: set[str] = set()
    for m in lang.money.finditer(text):
        g = m.groupdict()
        found.add(f"{g['amount'] or g.get('amount2')} {g['cur'] or g.get('cur2')}")
    for m in lang.percent.finditer(text):
        found.add(f"{m.group(1)}%")
    for m in lang.count.finditer(text):
        found.add(f"{m['n']} {lang.units[m['unit']]}")
    return frozenset(found)
