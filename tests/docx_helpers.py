"""Helpers of the DOCX tests: a document's text as Word shows it, list numbers included."""

from __future__ import annotations

import re
from pathlib import Path

import docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _label(fmt: str, n: int) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + n - 1)
    return "" if fmt == "bullet" else str(n)


def docx_text(path: Path) -> str:
    """The body text in reading order, with the numbers Word puts before list items."""
    d = docx.Document(str(path))
    numbering = d.part.numbering_part.element
    abstract = {}
    for an in numbering.findall(f"{W}abstractNum"):
        abstract[an.get(f"{W}abstractNumId")] = {
            int(lvl.get(f"{W}ilvl")): (
                lvl.find(f"{W}numFmt").get(f"{W}val"),
                lvl.find(f"{W}lvlText").get(f"{W}val"),
            )
            for lvl in an.findall(f"{W}lvl")
        }
    nums = {
        n.get(f"{W}numId"): n.find(f"{W}abstractNumId").get(f"{W}val") for n in numbering.findall(f"{W}num")
    }
    counters: dict[str, list[int]] = {}
    out: list[str] = []
    for p in d.element.body.iter(f"{W}p"):
        num = p.find(f"{W}pPr/{W}numPr")
        label = ""
        if num is not None:
            num_id, ilvl = num.find(f"{W}numId").get(f"{W}val"), int(num.find(f"{W}ilvl").get(f"{W}val"))
            levels = abstract[nums[num_id]]
            count = counters.setdefault(num_id, [0] * 9)
            count[ilvl] += 1
            count[ilvl + 1 :] = [0] * (8 - ilvl)
            fmt, text = levels[ilvl]
            label = "".join(
                _label(levels[int(part) - 1][0], count[int(part) - 1]) if i % 2 else part
                for i, part in enumerate(re.split(r"%(\d)", text))
            )
            label = "" if fmt == "bullet" else label
        text = "".join(
            (t.text or "") if t.tag == f"{W}t" else " " for t in p.iter(f"{W}t", f"{W}br", f"{W}tab")
        )
        out.append(label + " " + text)
    return "\n".join(out)
