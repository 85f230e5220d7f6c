"""The HTML vocabulary has one source, slagen/docx/vocabulary.py: the built-in templates keep to
it, it keeps no class that no template uses, and docs/templates.md documents every mapping.

The templates are read as written (not only as the examples render them), so a class behind an
``{% if %}`` that no example reaches is checked too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from slagen.docx.vocabulary import ELEMENTS, STYLE_ONLY, STYLE_PREFIXES

TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))
DOCS = ROOT / "docs" / "templates.md"
JINJA = r"\{\{.*?\}\}|\{%.*?%\}"
TAG = re.compile(rf"<([a-z][a-z0-9]*)\b((?:[^>{{]|{JINJA})*)>", re.S)
CLASS = re.compile(rf'\bclass="((?:[^"{{]|{JINJA})*)"', re.S)
EXPR = "\x00"  # stands for a {{ expression }} inside a class name


def template_uses(path: Path) -> list[tuple[int, str, str | None]]:
    """(line, tag, class) for every element of a template and every class it may carry; a class
    made partly of an expression (``shape-{{ ref.shape }}``) is given with the expression as
    ``\\x00``."""
    text = re.sub(
        r"\{#.*?#\}", lambda m: "\n" * m.group().count("\n"), path.read_text(encoding="utf-8"), flags=re.S
    )
    found: list[tuple[int, str, str | None]] = []
    for m in TAG.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        tag = m.group(1)
        found.append((line, tag, None))
        for attr in CLASS.finditer(m.group(2)):
            names = re.sub(r"\{%.*?%\}", " ", attr.group(1), flags=re.S)
            names = re.sub(r"\{\{.*?\}\}", EXPR, names, flags=re.S)
            found.extend((line, tag, name) for name in names.split())
    return found


def test_the_scanner_sees_static_conditional_and_computed_classes(tmp_path: Path) -> None:
    page = tmp_path / "t.html"
    page.write_text(
        '<div class="block goal-card{% if g.shared %} shared{% endif %}" data-color="{{ c }}">\n'
        '<span class="mark shape-{{ ref.shape }}"></span>{# <marquee class="x"> #}</div>\n',
        encoding="utf-8",
    )
    assert template_uses(page) == [
        (1, "div", None),
        (1, "div", "block"),
        (1, "div", "goal-card"),
        (1, "div", "shared"),
        (2, "span", None),
        (2, "span", "mark"),
        (2, "span", f"shape-{EXPR}"),
    ]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT / "templates")))
def test_built_in_templates_keep_to_the_vocabulary(path: Path) -> None:
    problems = []
    for line, tag, name in template_uses(path):
        where = f"{path.relative_to(ROOT)}:{line}: <{tag}>"
        if tag not in ELEMENTS:
            problems.append(f"{where} is not in slagen/docx/vocabulary.py")
        elif name is None:
            continue
        elif EXPR in name:
            if not name.startswith(STYLE_PREFIXES):
                problems.append(f"{where} class {name!r} is computed outside the prefixes {STYLE_PREFIXES}")
        elif name not in ELEMENTS[tag] and name not in STYLE_ONLY and not name.startswith(STYLE_PREFIXES):
            problems.append(f"{where} class {name!r} is not in slagen/docx/vocabulary.py")
    assert not problems, "\n".join(problems)


def test_style_only_classes_are_all_used() -> None:
    used = {name for path in TEMPLATES for _, _, name in template_uses(path) if name}
    assert sorted(STYLE_ONLY - used) == [], "classes in STYLE_ONLY that no template uses"


def test_docs_describe_the_vocabulary_and_point_at_its_source() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    assert "slagen/docx/vocabulary.py" in docs and "STYLE_ONLY" in docs and "STYLE_PREFIXES" in docs
    table = docs[docs.index("## HTML vocabulary") :]
    missing = [tag for tag in ELEMENTS if f"`{tag}" not in table and f" `{tag}`" not in table]
    for tag, names in ELEMENTS.items():
        missing += [
            f"{tag}.{n}" for n in sorted(names) if not re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", table)
        ]
    assert missing == [], "mapped in vocabulary.py but not documented in docs/templates.md"
