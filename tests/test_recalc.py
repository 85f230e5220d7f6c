"""`slagen recalc` through the CLI: inputs written back, everything else kept byte for byte."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

from conftest import AGREEMENTS, ROOT, example_text, run
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


def test_crlf_files_are_written_back_with_crlf(tmp_path: Path) -> None:
    """Issue 12, item 15: a CRLF file it can write is not refused."""
    text = example_text().replace("\n", "\r\n")
    path = copy(tmp_path, text)
    result = run("recalc", str(path), str(ACTUALS))
    assert result.exit_code == 0, result.output
    new = path.read_bytes()
    assert new.count(b"\r\n") == new.count(b"\n") == text.count("\r\n")
    assert b"    average_deal_size: 104.00\r\n" in new


def test_an_anchor_on_a_rewritten_value_is_kept(tmp_path: Path) -> None:
    """Issue 12, item 15: ``&ads 100`` becomes ``&ads 104.00``."""
    text = example_text()
    assert "    average_deal_size: 100\n" in text and "    marketing_share: 100%\n" in text
    text = text.replace("    average_deal_size: 100\n", "    average_deal_size: &ads 100\n")
    text = text.replace("    marketing_share: 100%\n", "    marketing_share: &ms 100%\n")
    path = copy(tmp_path, text)
    result = run("recalc", str(path), str(ACTUALS))
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == text.replace("&ads 100\n", "&ads 104.00\n").replace(
        "&ms 100%\n", "&ms 96.57%\n"
    )


def test_a_tab_before_a_comment_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    """Issue 12, item 12: valid YAML that ruamel.yaml cannot read is refused clearly."""
    text = example_text()
    assert "    close_rate: 50%\n" in text
    path = copy(tmp_path, text.replace("    close_rate: 50%\n", "    close_rate: 50%\t# c\n"))
    before = path.read_bytes()
    assert run("check", str(path)).exit_code == 0  # valid YAML
    result = run("recalc", str(path), str(ACTUALS))
    assert result.exit_code == 1
    line = line_of(text, "close_rate: 50%")
    assert f"{path}:{line}: ruamel.yaml, which writes the file back, cannot read it" in result.output
    assert "nothing written" in result.output
    assert path.read_bytes() == before


def test_no_copy_of_the_agreement_is_written_beside_it(tmp_path: Path) -> None:
    """Issue 12, item 15: validation works from memory; the one file written beside the
    agreement is the atomic writer's temporary file, renamed over it."""
    path = copy(tmp_path)
    code = (
        "import sys\n"
        "opened = []\n"
        "def hook(event, args):\n"
        "    if event == 'open' and isinstance(args[0], str) and args[1] not in (None, 'r', 'rb'):\n"
        "        opened.append(args[0])\n"
        "    elif event == 'os.open' or (event == 'open' and isinstance(args[0], str) and isinstance(args[2], int)\n"
        "            and args[2] & 3):\n"
        "        opened.append(str(args[0]))\n"
        "sys.addaudithook(hook)\n"
        "from slagen.cli import cli\n"
        "try:\n"
        "    cli(sys.argv[1:], standalone_mode=False)\n"
        "finally:\n"
        "    print('\\n'.join(opened), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "recalc", str(path), str(ACTUALS)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    beside = [p for p in done.stderr.splitlines() if p.startswith(str(tmp_path))]
    assert beside and all(Path(p).name.startswith(f".{path.name}.") and p.endswith(".tmp") for p in beside), (
        beside
    )
