"""`slagen init`: a new agreement of each kind that passes `check --strict`, every field commented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT, run
from language_helpers import NBSP, html_text, slagen_english, words

from slagen.agreement.load import load_agreement

KINDS = ["customer", "internal", "multi-level"]


@pytest.mark.parametrize("kind", KINDS)
def test_init_writes_an_agreement_that_passes_strict_check(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "agreements" / f"{kind}.yaml"
    result = run("init", str(target), "--kind", kind, "--style", "legal-narrative")
    assert (result.exit_code, result.stderr) == (0, f"wrote {target}\n")
    check = run("check", "--strict", str(target))
    assert (check.exit_code, check.stderr) == (0, "checked 1 agreement: 0 errors, 0 warnings\n")
    a = load_agreement(target).agreement
    assert a.kind == kind
    assert a.presentation.styles == ["legal-narrative"]
    assert len(a.parties) == (3 if kind == "multi-level" else 2)


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_has_a_comment_above_it(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "new.yaml"
    run("init", str(target), "--kind", kind, "--style", "tabular")
    lines = target.read_text(encoding="utf-8").splitlines()
    keyed = [i for i, line in enumerate(lines) if not line.lstrip().startswith("#") and ":" in line]
    assert len(keyed) > 60
    uncommented = [lines[i] for i in keyed if not lines[i - 1].lstrip().startswith("#")]
    assert uncommented == []
    text = "\n".join(lines)
    # the comments are the model's field docstrings
    assert "  # Last day the agreement is in force.\n  end: " in text
    assert "    # The person (by id) responsible for the goal.\n    owner: " in text


def test_the_file_carries_the_schema_modeline_relative_to_the_project(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "agreement.schema.json").write_text("{}")
    deep = tmp_path / "teams" / "emea" / "new.yaml"
    assert run("init", str(deep), "--kind", "internal").exit_code == 0
    assert (
        deep.read_text().splitlines()[0]
        == "# yaml-language-server: $schema=../../schema/agreement.schema.json"
    )
    loose = tmp_path.parent / f"{tmp_path.name}-loose" / "new.yaml"
    assert run("init", str(loose), "--kind", "internal").exit_code == 0
    assert (
        loose.read_text().splitlines()[0] == "# yaml-language-server: $schema=../schema/agreement.schema.json"
    )


def test_the_new_file_is_valid_against_the_committed_schema(tmp_path: Path) -> None:
    schema = json.loads((ROOT / "schema" / "agreement.schema.json").read_text(encoding="utf-8"))
    for kind in KINDS:
        target = tmp_path / f"{kind}.yaml"
        run("init", str(target), "--kind", kind, "--style", "visual")
        data = json.loads(json.dumps(yaml.safe_load(target.read_text()), default=str))
        jsonschema.validate(data, schema)


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("keep me\n")
    result = run("init", str(target), "--kind", "customer")
    assert (result.exit_code, result.stderr) == (2, f"Error: {target} exists; pass --force to overwrite it\n")
    assert target.read_text() == "keep me\n"
    assert run("init", str(target), "--kind", "customer", "--force").exit_code == 0
    assert target.read_text().startswith("# yaml-language-server:")


@pytest.mark.parametrize("style", ["bulleted", "summary-first"])
def test_init_in_the_new_styles_renders(tmp_path: Path, style: str) -> None:
    target = tmp_path / "new.yaml"
    assert run("init", str(target), "--kind", "customer", "--style", style).exit_code == 0
    assert run("check", "--strict", str(target)).exit_code == 0
    assert load_agreement(target).agreement.presentation.styles == [style]
    out = tmp_path / "out"
    result = run("render", str(target), "--format", "pdf,docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(list(out.rglob("*.pdf"))) == len(list(out.rglob("*.docx"))) == 1


def test_init_usage_errors(tmp_path: Path) -> None:
    no_kind = run("init", str(tmp_path / "a.yaml"))
    assert no_kind.exit_code == 2
    assert "Error: Missing option '--kind'." in no_kind.stderr
    bad_style = run("init", str(tmp_path / "a.yaml"), "--kind", "customer", "--style", "bulletted")
    assert bad_style.exit_code == 2
    assert "Invalid value for '--style'" in bad_style.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_same_day_gives_the_same_bytes(tmp_path: Path) -> None:
    run("init", str(tmp_path / "a.yaml"), "--kind", "multi-level")
    run("init", str(tmp_path / "b.yaml"), "--kind", "multi-level")
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()


def test_init_writes_a_file_others_can_read_like_any_new_file(tmp_path: Path) -> None:
    import os

    mask = os.umask(0o022)
    try:
        target = tmp_path / "new.yaml"
        assert run("init", str(target), "--kind", "internal").exit_code == 0
        assert target.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(mask)


def test_the_title_names_the_kind_as_written(tmp_path: Path) -> None:
    titles = {}
    for kind in KINDS:
        target = tmp_path / f"{kind}.yaml"
        assert run("init", str(target), "--kind", kind).exit_code == 0
        titles[kind] = load_agreement(target).agreement.title
    assert titles == {
        "customer": "Customer Service-Level Agreement",
        "internal": "Internal Service-Level Agreement",
        "multi-level": "Multi-level Service-Level Agreement",
    }


# --- slagen init --locale pl-PL -----------------------------------------------------------

STYLES = ("tabular", "two-column", "visual", "legal-narrative", "bulleted", "summary-first")


def _html_texts(folder: Path) -> dict[str, str]:
    """The text of each style's rendered HTML in ``folder``, its spaces made one."""
    out = {}
    for page in folder.rglob("*.html"):
        (style,) = [s for s in STYLES if page.stem.endswith(f"-{s}")]
        out[style] = " ".join(html_text(page).replace(NBSP, " ").split())
    return out


def _polish_and_english(tmp_path: Path, kind: str) -> tuple[dict[str, str], set[str]]:
    """The Polish starter of ``kind`` rendered (HTML) in all six styles: the text of each style,
    and the words slagen writes in English in the same agreement with ``locale: en-US`` (less
    every word of the YAML: :func:`language_helpers.slagen_english`)."""
    polish = tmp_path / "umowa.yaml"
    result = run("init", str(polish), "--kind", kind, "--locale", "pl-PL", "--style", "bulleted")
    assert (result.exit_code, result.stderr) == (0, f"wrote {polish}\n")
    check = run("check", "--strict", str(polish))
    assert (check.exit_code, check.stderr) == (0, "checked 1 agreement: 0 errors, 0 warnings\n")
    text = polish.read_text(encoding="utf-8")
    assert "locale: pl-PL" in text and "styles: [bulleted]" in text
    every = text.replace("styles: [bulleted]", f"styles: [{', '.join(STYLES)}]")
    polish.write_text(every, encoding="utf-8")
    result = run("render", str(polish), "--format", "html", "-o", str(tmp_path / "out-pl"))
    assert result.exit_code == 0, result.output
    pl = _html_texts(tmp_path / "out-pl")
    assert sorted(pl) == sorted(STYLES)
    return pl, slagen_english(every, tmp_path / "en")


@pytest.mark.parametrize("kind", KINDS)
def test_init_in_polish_renders_every_style_with_no_english(tmp_path: Path, kind: str) -> None:
    pl, english = _polish_and_english(tmp_path, kind)
    assert {style: sorted(words(pl[style]) & english) for style in STYLES} == {style: [] for style in STYLES}
    for style in STYLES:
        assert {"cele", "wymagania", "podpisy"} <= words(pl[style]), style
        # the strikes system of every starter, as the style states it
        assert "liczy się jako jedno ostrzeżenie" in pl[style].casefold(), style
    assert len(load_agreement(tmp_path / "umowa.yaml").agreement.parties) == (
        3 if kind == "multi-level" else 2
    )
    if kind == "multi-level":  # the share goal's sentence is Polish: the event in the genitive
        for style in STYLES:
            assert "dla każdego nowego klienta" in pl[style], style


def test_the_polish_multi_level_goal_reads_as_polish(tmp_path: Path) -> None:
    target = tmp_path / "umowa.yaml"
    assert (
        run("init", str(target), "--kind", "multi-level", "--locale", "pl", "--style", "tabular").exit_code
        == 0
    )
    result = run("render", str(target), "--format", "pdf", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    (pdf,) = (tmp_path / "out").rglob("*.pdf")
    from render_helpers import pdf_text

    found = " ".join(pdf_text(pdf).replace("\u00a0", " ").split())
    assert (
        "Najwyżej 5 dni roboczych od zawarcia umowy dla każdego nowego klienta, "
        "w co najmniej 95% przypadków w każdym miesiącu" in found
    )
    assert "Strona 1 z" in found and "Dział Obsługi Klienta" in found


def test_the_polish_customer_starters_support_times_are_polish(tmp_path: Path) -> None:
    target = tmp_path / "umowa.yaml"
    assert (
        run("init", str(target), "--kind", "customer", "--locale", "pl", "--style", "tabular").exit_code == 0
    )
    result = run("render", str(target), "--format", "pdf,docx", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    from render_helpers import pdf_text
    from test_docx import docx_text

    (pdf,), (word,) = (tmp_path / "out").rglob("*.pdf"), (tmp_path / "out").rglob("*.docx")
    for text in (pdf_text(pdf), docx_text(word)):
        found = " ".join(text.replace("\u00a0", " ").split())
        # P1: 30 minutes to respond, 4 hours to resolve; P2: 240 minutes, 48 hours
        for time in ("30 minut", "4 godziny", "240 minut", "48 godzin"):
            assert re.search(rf"(?<!\d){time}(?!\w)", found), time
        assert not re.search(r"\d (minutes|hours)\b", found.split("Załącznik")[0])
        # allowed downtime: 99.9% of a 31-day month's 44,640 minutes leaves 44.64, a fraction
        assert "44,64 minuty" in found and "44.64" not in found
