"""`slagen recalc` through the CLI: inputs written back, everything else kept byte for byte."""

from __future__ import annotations

import io
import stat
from pathlib import Path

from conftest import AGREEMENTS, example_text, run
from ruamel.yaml import YAML

ACTUALS = AGREEMENTS / "actuals" / "sales-marketing-2026.yaml"


def copy(tmp_path: Path, text: str | None = None) -> Path:
    p = tmp_path / "sales-marketing.yaml"
    p.write_text(example_text() if text is None else text, encoding="utf-8")
    return p


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_recalc_writes_the_changed_inputs_and_keeps_the_rest_byte_for_byte(tmp_path: Path) -> None:
    p = copy(tmp_path)
    before = p.read_text(encoding="utf-8")
    result = run("recalc", str(p), str(ACTUALS), "--period", "2026-Q3")
    assert result.exit_code == 0, result.output
    share, deal, close = (
        line_of(before, k) for k in ("marketing_share:", "average_deal_size:", "close_rate:")
    )
    assert result.output.splitlines() == [
        f"{p}: inputs recalculated from 2026-07, 2026-08, 2026-09",
        f"{p}:{share}: inputs.funnel.marketing_share: 100% -> 87.24%",
        f"{p}:{deal}: inputs.funnel.average_deal_size: 100 -> 98.04",
        f"{p}:{close}: inputs.funnel.close_rate: 50% -> 45.06%",
    ]
    after = p.read_text(encoding="utf-8")
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old) == len(new)
    changed = {i + 1 for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b}
    assert changed == {share, deal, close}
    assert new[share - 1] == "    marketing_share: 87.24%\n"
    assert new[deal - 1] == "    average_deal_size: 98.04\n"
    assert new[close - 1] == "    close_rate: 45.06%\n"
    assert [line for line in new if line.lstrip().startswith("#")] == [
        line for line in old if line.lstrip().startswith("#")
    ]
    assert run("check", "--strict", str(p)).exit_code == 0
    again = run("recalc", str(p), str(ACTUALS), "--period", "2026-Q3")
    assert again.output == f"{p}: inputs recalculated from 2026-07, 2026-08, 2026-09: no change\n"
    assert p.read_text(encoding="utf-8") == after


def test_default_period_is_the_terms_and_unchanged_inputs_are_left_alone(tmp_path: Path) -> None:
    p = copy(tmp_path)
    result = run("recalc", str(p), str(ACTUALS))
    assert result.exit_code == 0, result.output
    # October: close rate 52 / 104 = 50.00%, the same as the agreement's 50%: not rewritten
    assert result.output.splitlines()[0] == f"{p}: inputs recalculated from 2026-10"
    assert "close_rate" not in result.output
    assert "    close_rate: 50%\n" in p.read_text(encoding="utf-8")


def test_quotes_comments_and_four_space_indentation_are_kept(tmp_path: Path) -> None:
    text = example_text().replace("    close_rate: 50%", '    close_rate: "50%"  # from the 2025 CRM export')
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=4, sequence=6, offset=4)
    out = io.StringIO()
    y.dump(y.load(text), out)
    four = out.getvalue()
    assert "\n    funnel:\n        per: month\n" in four
    p = copy(tmp_path, four)
    result = run("recalc", str(p), str(ACTUALS), "--period", "2026-09")
    assert result.exit_code == 0, result.output
    assert 'inputs.funnel.close_rate: "50%" -> "44.59%"' in result.output
    after = p.read_text(encoding="utf-8")
    assert '        close_rate: "44.59%" # from the 2025 CRM export\n' in after
    changed = [a for a, b in zip(four.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 3


def test_a_layout_that_cannot_be_kept_is_refused(tmp_path: Path) -> None:
    text = example_text().replace(
        "  follow_up:\n    first_follow_up_minutes: 60", "  follow_up:\n     first_follow_up_minutes: 60"
    )
    text = text.replace("    attempts: 6\n    reps: 2", "     attempts: 6\n     reps: 2")
    text = text.replace(
        "    minutes_per_attempt: 10\n    hours_per_rep: 60",
        "     minutes_per_attempt: 10\n     hours_per_rep: 60",
    )
    p = copy(tmp_path, text)
    result = run("recalc", str(p), str(ACTUALS), "--period", "2026-Q3")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {p}: its layout (indentation) is not one ruamel.yaml can write back unchanged; "
        "nothing written, edit inputs.funnel by hand\n"
    )
    assert p.read_text(encoding="utf-8") == text


def test_file_mode_is_kept_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    p = copy(tmp_path)
    p.chmod(0o640)
    assert run("recalc", str(p), str(ACTUALS), "--period", "2026-Q3").exit_code == 0
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert sorted(f.name for f in tmp_path.iterdir()) == ["sales-marketing.yaml"]


def test_errors_name_what_is_missing(tmp_path: Path) -> None:
    p = copy(tmp_path)
    result = run("recalc", str(p), str(ACTUALS), "--period", "2026-Q1")
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {ACTUALS}: no tracked month inside 2026-Q1 to recalculate from\n",
    )
    result = run("recalc", str(p), str(ACTUALS), "--period", "Q3")
    assert (
        result.output
        == "Error: --period: expected a period such as 2026, 2026-Q4, 2026-11, 2026-W47 or 2026-11-15..2026-11-30, got 'Q3'\n"
    )
    zero = tmp_path / "zero.yaml"
    zero.write_text(
        "tracked:\n  - {month: 2026-10, leads: 10, customers: 0, customer_revenue: 0, marketing_revenue: 0,"
        " total_revenue: 100}\n",
        encoding="utf-8",
    )
    result = run("recalc", str(p), str(zero))
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {zero}: 2026-Q4: cannot compute the average deal size: the number of customers is 0 "
        "(division by zero)\n"
    )
    it = run(
        "recalc", str(AGREEMENTS / "it-service.yaml"), str(AGREEMENTS / "actuals" / "it-service-2026.yaml")
    )
    assert it.output == "Error: agreement 'it-service' has no inputs.funnel to recalculate\n"
    assert p.read_text(encoding="utf-8") == example_text()
