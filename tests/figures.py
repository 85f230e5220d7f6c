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

from render_helpers import WATERMARK_LETTER

_ROW = re.compile(
    r"^\s*(\d{4}-(?:W\d{2}|Q[1-4]|\d{2}))\s+\d{2}/\d{2}/\d{4}\s+\d{2}/\d{2}/\d{4}\s+\d+\s+(.+?)\s*$"
)
#: A breakdown row written as a bullet (the bulleted style):
#: ``• 2026-W41 (05/10/2026 to 11/10/2026, 7 days): 11 reams.``
_BULLET_ROW = re.compile(
    r"^\s*[•▪]\s*(\d{4}-(?:W\d{2}|Q[1-4]|\d{2})) \(\d{2}/\d{2}/\d{4} to \d{2}/\d{2}/\d{4}, \d+ days?\): (.+?)\.\s*$"
)
#: The dates and days of a bulleted row, which say when the row's interval is (like a table's
#: From, To and Days columns, which are not figures with a unit either).
_ROW_DATES = re.compile(r"\(\d{2}/\d{2}/\d{4} to \d{2}/\d{2}/\d{4}, \d+ days?\)")
_DATES = re.compile(
    r"\b\d{2}/\d{2}/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-(?:W\d{2}|Q[1-4]|\d{2})\b|"
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?: \d{1,2},)? \d{4}\b|\b\d{1,2}(?:st|nd|rd|th)? (?:day of )?(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December),? \d{4}\b"
)
#: The appendix's heading (not its line in a table of contents, which ends in leader dots).
_APPENDIX = re.compile(
    r"(?:Appendix: How these targets were computed|APPENDIX: HOW THESE TARGETS WERE COMPUTED|"
    r"Part B: Derivation of the computed Targets)(?! ?\.{3})"
)
RUNNING = re.compile(r"^(Version \S+ · .*|Page \d+ of \d+|.* · \d{4}(?:-Q[1-4]|-\d{2})?)$")
_CUR = "USD|EUR|GBP|PLN|CAD|AUD|CHF|JPY"
_MONEY = re.compile(rf"\b({_CUR}) (\d[\d,]*\.\d{{2}})\b|\b(\d[\d,]*\.\d{{2}}) ({_CUR})\b")
_PERCENT = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s?%")
_COUNT = re.compile(
    r"(?<![\d.,/-])(\d[\d,]*(?:\.\d+)?) (minutes?|hours?|days?|business days?|attempts?|leads?|reams?|"
    r"deals?|customers?|deliveries|delivery|articles?|meetings?|strikes?|points?)\b"
)


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


def figures(pdf: Path) -> Figures:
    """The figures the PDF at ``pdf`` states."""
    rows: Counter[tuple[str, str]] = Counter()
    for line in layout_text(pdf).splitlines():
        m = _ROW.match(line) or _BULLET_ROW.match(line)
        if m:
            rows[(m.group(1), m.group(2))] += 1
    # the running header and footer, and page numbers, interrupt sentences across pages
    kept = [line for line in pdf_text_lines(pdf) if not RUNNING.match(line)]
    text = WATERMARK_LETTER.sub("", re.sub(r"\s+", " ", " ".join(kept)))
    # The appendix derives the targets (the same table in every style); it promises nothing
    # itself, and its columns come out of the PDF interleaved.
    text = _APPENDIX.split(text, maxsplit=1)[0]
    text = re.sub(r"\((\d[\d,.]*%?)\)", r"\1", text)  # "sixty (60) minutes" -> "sixty 60 minutes"
    text = re.sub(r"\(([A-Z]{3} \d[\d,]*\.\d{2})\)", r"\1", text)
    text = _DATES.sub(" ", _ROW_DATES.sub(" ", text))
    found: set[str] = set()
    for m in _MONEY.finditer(text):
        cur, amount = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        found.add(f"{amount} {cur}")
    for m in _PERCENT.finditer(text):
        found.add(f"{m.group(1)}%")
    for m in _COUNT.finditer(text):
        unit = m.group(2)
        unit = unit if unit.endswith("s") or unit == "delivery" else unit + "s"
        found.add(f"{m.group(1)} {'deliveries' if unit == 'delivery' else unit}")
    return Figures(rows, frozenset(found))
