"""The sentence rules of the legal-narrative clauses, over generated agreements.

Agreements are generated from `slagen init` (two parties, and multi-level ones with three and
five; the model has no one-party agreement: an agreement binds at least two parties, an
internal one two teams), with party names that end in an abbreviation's full stop ("B.V.",
"Inc."), goals of each kind (availability, downtime, counts that accrue and ones that do not,
averages, shares, per event), and the clause sections filled in. Every sentence of the legal
document from its preamble to its sign-off (parties, recitals, definitions, services, term,
goals, service levels, requirements, contacts, reports, missed goals, strikes, credits,
cancellation, unexpected events, calendar, review, the standard clauses, general provisions,
the attestation) is checked against rules a test can read: a capital start, exactly one full
stop at the end, no doubled word, no template placeholder, and every capitalised word inside a
sentence a defined term or a name; a list continues the sentence introducing it (";", "; and",
"."), the recitals run into "NOW, THEREFORE". Phrases broken on purpose are caught.
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
from slagen.calendars.words import place as holiday_place
from slagen.render import render_html
from slagen.render.words import CURRENCIES

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


def _authored_names(node: object) -> set[str]:
    """The words the agreement's authors capitalised inside their own text (names of products,
    places and documents: "the Stratus help desk"), not a text's first word."""
    if isinstance(node, dict):
        return set().union(set(), *(_authored_names(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(set(), *(_authored_names(v) for v in node))
    if isinstance(node, str):
        return set(re.findall(r"(?<=[\s(])([A-Z][\w.-]+)", node))  # not "A", which starts a phrase
    return set()


def _allowed(path: Path, text: str) -> set[str]:
    """The words the legal document of ``path`` may capitalise inside a sentence: the terms it
    defines, the parties' names, their people and roles, and the names the authors wrote."""
    a = load_agreement(path).agreement
    allowed = set(KNOWN)
    for term in re.findall(r"“([^”]+)”", text):
        allowed.update(term.split())
    for p in a.parties:
        allowed.update(re.findall(r"[\w.]+", p.name))
        allowed.update(p.id.replace("-", " ").title().split())
        for person in p.people:
            allowed.update(person.name.split())
            allowed.update(person.role.split())
    allowed |= _authored_names(yaml.safe_load(path.read_text(encoding="utf-8")))
    allowed.update(a.title.split())  # the document's name
    allowed.update(w for name in CURRENCIES.values() for w in name.split())
    if a.calendar is not None:  # the time zone and the places of the holiday calendars
        allowed.update(re.split(r"[/_]", a.calendar.time_zone))
        for p in a.parties:
            allowed.update(re.findall(r"\w+", holiday_place(a, p.id)))
    return {w.rstrip(".,;:") for w in allowed} | allowed


#: What the sentence rules do not read: headings, tables (figures and labels), a goal's title
#: (its metric, the heading of its paragraph) and the signature blocks (form fields: name, role,
#: "Date:"); the document is read from its preamble to the end of its sign-off.
_NOT_SENTENCES = re.compile(
    r"<h\d[^>]*>.*?</h\d>|<table.*?</table>|<p class=\"goal-title\">.*?</p>"
    r"|<div class=\"signature\">.*?</div>",
    re.S,
)
#: What joins a list's items to the sentence that introduces them in the text the rules read:
#: an item begins on its own line after its letter, so its first word may keep its capital.
ITEM = "\u2063"


def _starts_upper(s: str) -> bool:
    """Whether ``s`` starts with a capital (after an opening quotation mark or bracket)."""
    return s.lstrip("“(\"'")[:1].isupper()


#: Where one sentence of a paragraph ends and the next begins.
_NEXT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“(§])")
_LIST_ENDS = re.compile(r"(;|; and|; or|\.)$")


def document_sentences(path: Path) -> tuple[list[str], list[str], set[str]]:
    """Every sentence of ``path``'s legal-narrative document from its preamble to its sign-off,
    the problems of its lists' punctuation, and the words it may capitalise.

    A paragraph is split into its sentences; a paragraph that introduces a list (ending in a
    colon) makes one sentence with the list's items, which end in ";" (the one before last
    "; and" or "; or", if the list is a choice) and the last in "." - unless every item is a
    whole sentence of its own (the measurement formulas). A lead into a table ends there."""
    text = html.unescape(render_html(load_agreement(path), style="legal-narrative").html)
    text = text[
        text.index('<p class="preamble">') : text.index("</section>", text.index('class="signatures"'))
    ]
    text = _NOT_SENTENCES.sub(" ", text)
    sentences: list[str] = []
    problems: list[str] = []
    recitals: list[str] = []
    blocks = list(
        re.finditer(
            r'<p(?: class="(?P<cls>[^"]*)")?[^>]*>(?P<p>.*?)</p>|<ol[^>]*>(?P<ol>.*?)</ol>', text, re.S
        )
    )
    for i, m in enumerate(blocks):
        if m["ol"] is not None:
            continue
        para = _plain(m["p"])
        if not para:
            continue
        following = blocks[i + 1]["ol"] if i + 1 < len(blocks) else None
        if para.endswith(":") and following is not None:
            items = [_plain(x) for x in re.findall(r"<li>(.*?)</li>", following, re.S)]
            if all(_starts_upper(x) and x.endswith(".") and not x.endswith("..") for x in items):
                sentences.extend(items)  # a list of whole sentences
                sentences.append(para[:-1] + ".")
                continue
            for n, x in enumerate(items):
                end = _LIST_ENDS.search(x)
                last = n == len(items) - 1
                if end is None or last != (end[0] == "."):
                    problems.append(f"a list's {'last' if last else 'inner'} item ends wrongly: {x!r}")
            # each item starts on its own line after its letter: its first word may keep a capital
            sentences.append(" ".join([para, *(ITEM + x for x in items)]))
            continue
        if m["cls"] == "recital":  # the recitals and the operative words are one sentence
            recitals.append(para)
            continue
        if m["cls"] == "operative":
            for n, r in enumerate(recitals):
                if not r.endswith("; and" if n == len(recitals) - 2 else ";"):
                    problems.append(f"a recital ends wrongly: {r!r}")
            sentences.append(" ".join([*recitals, para.removesuffix(":") + "."]))
            continue
        if para.endswith(":"):  # a lead into a table: the table ends the sentence
            para = para[:-1] + "."
        sentences.extend(_NEXT.split(para))
    return sentences, problems, _allowed(path, text)


def _clause_sentences(path: Path) -> tuple[list[str], set[str]]:
    """Every sentence of ``path``'s legal document, and the words it may capitalise."""
    sentences, _, allowed = document_sentences(path)
    return sentences, allowed


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def broken_rules(s: str, allowed: set[str]) -> list[str]:
    """The sentence rules ``s`` breaks."""
    out = []
    if not _starts_upper(s):
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
    sentences, lists, allowed = document_sentences(path)
    assert len(sentences) >= 60
    problems = {s: broken_rules(s, allowed) for s in sentences}
    assert {s: p for s, p in problems.items() if p} == {}
    assert lists == []


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


def test_a_broken_phrase_of_the_fixed_clauses_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _agreement(tmp_path, 2)
    # the author's sentence glued on as written, and a list whose every item ends in ";"
    monkeypatch.setattr(clause_views, "continuing", lambda text, names=(): text)
    monkeypatch.setattr(
        clause_views, "list_items", lambda texts, conjunction="and": tuple(f"{t};" for t in texts)
    )
    sentences, lists, allowed = document_sentences(path)
    broken = {s: broken_rules(s, allowed) for s in sentences}
    recital = next(s for s in sentences if s.startswith("WHEREAS,"))
    assert "the Parties intend that The " in recital and "capitalised 'The' is not defined" in broken[recital]
    assert "a list's last item ends wrongly: 'A support desk for incidents;'" in lists


def test_a_doubled_full_stop_after_an_abbreviation_is_caught() -> None:
    allowed = {"Meridian", "Freight", "Logistics", "B.V."}
    assert broken_rules("Notices go to Meridian Freight Logistics B.V..", allowed) == [
        "does not end with exactly one full stop"
    ]
    assert broken_rules("Notices go to Meridian Freight Logistics B.V.", allowed) == []
    assert broken_rules("The the claim is made.", allowed) == ["doubled word 'The'"]
    assert broken_rules("A claim goes to Stratus.", allowed) == ["capitalised 'Stratus' is not defined"]
