"""Seeded mutation of the example agreements, for the fuzz test and ``bench/fuzz.py``.

Each mutant is an example's text with a few random edits of the kinds a user or an attacker
makes: a value replaced by a strange one (huge, negative, non-ASCII digits, bidi overrides,
control characters, YAML syntax), a line deleted, duplicated or re-indented, a key renamed,
an anchor and aliases, the file cut short. The same seed gives the same mutants.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "agreements").glob("*.yaml"))

STRANGE = [
    "",
    "~",
    "null",
    "0",
    "-1",
    "1e999",
    "99999999999999999999999999999",
    "0.000000000000000000001",
    "5\u066000",
    "\uff15",
    "50%%",
    "150%",
    "-5%",
    "yes",
    "no",
    "2026-02-30",
    "2026-13-01",
    "9999-12-31",
    "0001-01-01",
    "1:20",
    "012",
    "&a x",
    "*nope",
    "!!python/object:os.system",
    "[1, [2, [3]]]",
    "{a: 1}",
    "'unterminated",
    '"\\e]0;title\\a"',
    "Kendra\u202eMills",
    "\u200b",
    "\u05e9\u05dc\u05d5\u05dd",
    "\U0001f600 \u4e2d\u6587",
    "x" * 300,
    "<script>alert(1)</script>",
    "{{ 7 * 7 }}",
    "a\tb",
    "|",
    ">",
    "- item",
    "key: value",
]

_VALUE = re.compile(r"^(\s*(?:- )?[A-Za-z_][\w-]*: )(.+)$")


def mutate(text: str, rng: random.Random) -> str:
    """``text`` with one to four random edits."""
    lines = text.splitlines()
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        kind = rng.randrange(9)
        m = _VALUE.match(lines[i])
        if kind <= 2 and m:
            lines[i] = m.group(1) + rng.choice(STRANGE)
        elif kind == 3:
            del lines[i]
        elif kind == 4:
            lines.insert(i, lines[i])
        elif kind == 5:
            lines[i] = " " * rng.choice([1, 2, 3, 4]) + lines[i]
        elif kind == 6 and m:
            key = m.group(1).rstrip(": ")
            lines[i] = lines[i].replace(key, key[::-1] or "x", 1)
        elif kind == 7 and m:
            lines[i] = m.group(1) + "&anchor " + m.group(2)
            j = rng.randrange(len(lines))
            n = _VALUE.match(lines[j])
            if n:
                lines[j] = n.group(1) + "*anchor"
        else:
            cut = rng.randrange(len(text))
            return text[:cut]
    return "\n".join(lines) + "\n"


def mutants(n: int, seed: int) -> Iterator[tuple[str, str]]:
    """``n`` mutants, each with the name of the example it came from."""
    rng = random.Random(seed)
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in EXAMPLES]
    for _ in range(n):
        name, text = rng.choice(texts)
        yield name, mutate(text, rng)
