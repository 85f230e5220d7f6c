"""The sentence rules of the legal-narrative clauses, over generated agreements.

Agreements are generated from `slagen init` (two parties, and multi-level ones with three and
five), with party names that end in an abbreviation's full stop ("B.V.", "Inc."), goals of
each kind (availability, downtime, counts that accrue and ones that do not), and the clause
sections filled in. Each sentence of the standard clauses is checked against rules a test can
read: a capital start, exactly one full stop at the end, no doubled word, no template
placeholder, and every capitalised word inside a sentence a defined term or a name.
A phrase broken on purpose is caught.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from conftest import run

import slagen.render.context.clauses as clause_views
from slagen.agreement.load import load_agreement
from slagen.render import render_html

MONTHS = "January February March April May June July August September October November December"
KNOWN = set(MONTHS.split()) | {"Monday", "Friday", "Sunday", "I", "EU"}
NAMES = [
    "Stratus Cloud Services GmbH",
    "Meridian Freight Logistics B.V.",
    "Northwind Software Inc.",
    "Birchwood Paper Supply Ltd.",
    "Acme Holdings S.A.",
]


def _agreement(tmp_path: Path, parties: int) -> Path:
    kind = "customer" if parties == 2 else "multi-level"
    target = tmp_path / f"gen-{parties}.yaml"
    run("init", str(target), "--kind", kind, "--style", "legal-narrative")
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    base = data["parties"]
    while len(data["parties"]) < parties:
        n = len(data["parties"])
        extra = {**base[-1], "id": f"extra-{n}", "lead": f"p{n}"}
        extra["people"] = [
            {
                "id": f"p{n}",
                "name": f"Alex Extra{n}",
                "role": "Head of Operations",
                "email": f"alex{n}@extra.example",
            }
        ]
        data["parties"].append(extra)
        data["sign_off"].append({"person": f"p{n}"})
        data["contacts"].append({"person": f"p{n}", "responsibility": "Operations"})
    for p, name in zip(data["parties"], NAMES, strict=False):
        p["name"] = name
    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run("check", str(target))
    assert result.exit_code == 0, result.output
    return target


def _customer_with_every_goal_kind(tmp_path: Path) -> Path:
    target = _agreement(tmp_path, 2)
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    data["goals"][0]["target"] = {"computed": "availability.target"}
    data["goals"].append(
        {
            **data["goals"][0],
            "id": "downtime",
            "metric": "Unplanned downtime of the service",
            "comparison": "at-most",
            "target": {"computed": "availability.downtime_minutes.period"},
            "unit": "minutes",
            "interval": "quarter",
        }
    )
    reports = {
        **data["goals"][1],
        "id": "reports",
        "metric": "Monthly service reports sent",
        "comparison": "at-least",
        "target": {"value": 1},
        "unit": "reports",
        "accrues": True,
        "measure": "total",
    }
    reports.pop("per", None)  # a total is not per event
    data["goals"].append(reports)
    data["goals"].append(
        {
            **reports,
            "id": "answer-time",
            "metric": "Average time to answer a call",
            "comparison": "at-most",
            "target": {"value": 45},
            "unit": "seconds",
            "accrues": False,
            "measure": "average",
            "per": "call answered",
            "measured_by": "Telephone system logs",
        }
    )
    data["goals"].append(
        {
            **reports,
            "id": "fixed-on-time",
            "metric": "Severity-2 incidents resolved in time",
            "comparison": "at-least",
            "target": {"value": 90},
            "unit": "%",
            "accrues": False,
            "measure": "share",
            "per": "severity-2 incident",
            "limit": {"comparison": "at-most", "target": {"value": 8}, "unit": "hours"},
        }
    )
    data["clauses"]["claims"]["automatic"] = True
    data["clauses"]["remedies"] = {"sole_remedy": False, "cash": True, "liability_cap": "in-addition"}
    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert run("check", str(target)).exit_code == 0
    return target


def _clause_sentences(path: Path) -> tuple[list[str], set[str]]:
    """The sentences of the standard clauses of ``path``'s legal document, and the words the
    document may capitalise (defined terms, names)."""
    loaded = load_agreement(path)
    text = render_html(loaded, style="legal-narrative").html
    a = loaded.agreement
    allowed = set(KNOWN)
    for term in re.findall(r"“([^”]+)”", html.unescape(text)):
        allowed.update(term.split())
    for p in a.parties:
        allowed.update(re.findall(r"[\w.]+", p.name))
        allowed.update(p.id.replace("-", " ").title().split())
        for person in p.people:
            allowed.update(person.name.split())
            allowed.update(person.role.split())
    c = a.clauses
    if c is not None:  # the names of places, laws and documents the author wrote
        g = c.governing_law
        named = [g.law, g.courts, g.excluded or ""] if g else []
        named += c.precedence.order if c.precedence else []
        named += [r.document for r in (c.confidentiality, c.data_protection) if r]
        allowed.update(w for text in named for w in re.findall(r"[\w.]+", text))
    sentences: list[str] = []
    for m in re.finditer(
        r'<h2 id="(?P<id>[\w-]+)" class="clause">(?P<body>.*?)(?=<h2 |</section>)', text, re.S
    ):
        if m["id"] not in SECTION_IDS:
            continue
        body = m["body"]
        for para, items in re.findall(
            r'<p class="sub">(.*?)</p>\s*(?:<ol class="alpha">(.*?)</ol>)?', body, re.S
        ):
            plain = _plain(para)
            lis = [_plain(i) for i in re.findall(r"<li>(.*?)</li>", items, re.S)]
            if lis and all(i[:1].isupper() and i.endswith(".") for i in lis):
                sentences.extend(lis)  # a list of whole sentences (the measurement formulas)
                plain = plain[:-1] + "."
            elif lis:
                plain += " " + " ".join(lis)
            elif plain.endswith(":"):
                plain = plain[:-1] + "."  # a lead into a table: the table ends the sentence
            sentences.append(plain)
    return sentences, allowed


SECTION_IDS = {
    "measurement",
    "claims",
    "exclusions",
    "remedies",
    "governing-law",
    "notices",
    "precedence",
    "amendments",
    "counterparts",
    "confidentiality",
    "escalation",
}


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def broken_rules(s: str, allowed: set[str]) -> list[str]:
    """The sentence rules ``s`` breaks."""
    out = []
    if not s[:1].isupper():
        out.append("does not start with a capital")
    if not s.endswith(".") or s.endswith("..") or re.search(r"\.\s*\.$", s):
        out.append("does not end with exactly one full stop")
    body = s.rstrip(".")
    for m in re.finditer(r"(?<![\w.])(\w+)\s+\1\b", body, re.I):
        out.append(f"doubled word {m.group(1)!r}")
    if re.search(r"\{\{|\}\}|\{%|\bNone\b|\bundefined\b|\bTODO\b", s):
        out.append("template placeholder")
    words = re.findall(r"(?<=[\s(])([A-Z][\w.-]*)", s)
    for w in words:
        bare = w.rstrip(".,;:")
        if (
            bare.isupper()
            or bare in allowed
            or bare.removesuffix("s") in allowed
            or any(part in allowed for part in bare.split("-"))
        ):
            continue
        out.append(f"capitalised {bare!r} is not defined")
    return out


@pytest.mark.parametrize("parties", [2, 3, 5])
def test_every_clause_sentence_follows_the_rules(tmp_path: Path, parties: int) -> None:
    path = _customer_with_every_goal_kind(tmp_path) if parties == 2 else _agreement(tmp_path, parties)
    sentences, allowed = _clause_sentences(path)
    assert len(sentences) >= (15 if parties == 2 else 3)
    problems = {s: broken_rules(s, allowed) for s in sentences}
    assert {s: p for s, p in problems.items() if p} == {}


def test_each_goal_kind_states_its_formula(tmp_path: Path) -> None:
    path = _customer_with_every_goal_kind(tmp_path)
    loaded = load_agreement(path)
    formulas = {}
    for style in ("legal-narrative", "two-column"):
        text = " ".join(_plain(render_html(loaded, style=style).html).split())
        formulas[style] = text
    legal, plain = formulas["legal-narrative"], formulas["two-column"]
    assert (
        "Average time to answer a call for each month is S ÷ N, where N is the number of events in "
        "the month, an event being one call answered, and S is the sum of the events' figures; the "
        "figures are taken from telephone system logs, and the Goal is met when it is at most "
        "forty-five (45) seconds." in legal
    )
    assert (
        "Severity-2 incidents resolved in time for each month is M ÷ N × 100, where N is the number of "
        "events in the month, an event being one severity-2 incident, and M is the number of those "
        "whose figure is at most eight (8) hours; the figures are taken from " in legal
    )
    assert "and the Goal is met when it is at least ninety percent (90%)." in legal
    assert "is measured for each severity-1 incident on its own, from " in legal
    assert "Monthly service reports sent is the total counted over each month, from " in legal
    assert "is (Maximum Available Minutes − Downtime) ÷ Maximum Available Minutes × 100" in legal
    # the other styles state the same formulas with figures only
    assert "an event being one call answered" in plain and "when it is at most 45 seconds." in plain
    assert "whose figure is at most 8 hours;" in plain and "when it is at least 90%." in plain


def test_a_broken_phrase_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _customer_with_every_goal_kind(tmp_path)

    def glued(*parts: str) -> str:  # string concatenation: no capital, a full stop after "B.V."
        return " ".join(parts) + "."

    monkeypatch.setattr(clause_views, "sentence", glued)
    sentences, allowed = _clause_sentences(path)
    problems = [p for s in sentences for p in broken_rules(s, allowed)]
    assert "does not start with a capital" in problems


def test_a_doubled_full_stop_after_an_abbreviation_is_caught() -> None:
    allowed = {"Meridian", "Freight", "Logistics", "B.V."}
    assert broken_rules("Notices go to Meridian Freight Logistics B.V..", allowed) == [
        "does not end with exactly one full stop"
    ]
    assert broken_rules("Notices go to Meridian Freight Logistics B.V.", allowed) == []
    assert broken_rules("The the claim is made.", allowed) == ["doubled word 'The'"]
    assert broken_rules("A claim goes to Stratus.", allowed) == ["capitalised 'Stratus' is not defined"]
