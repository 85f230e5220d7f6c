"""`slagen diff` and `slagen textconv` on calendar changes: the holidays a new holiday calendar
adds to the period, the business days it takes away, and the deliveries a holiday rule moves,
shown as targets and as days (checked against the calendars by hand)."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

from conftest import AGREEMENTS, run
from git_helpers import GitRepo

IT = (AGREEMENTS / "it-service.yaml").read_text(encoding="utf-8")
PAPER = (AGREEMENTS / "paper-supplier.yaml").read_text(encoding="utf-8")
TEXTCONV = f"{shlex.quote(sys.executable)} -m slagen textconv"


def _versions(tmp_path: Path, old: str, new: str) -> tuple[str, str]:
    a, b = tmp_path / "old.yaml", tmp_path / "new.yaml"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    return str(a), str(b)


def _edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _section(output: str, title: str) -> list[str]:
    out = output.splitlines()
    start = out.index(title) + 1
    end = next((i for i in range(start, len(out)) if not out[i].startswith("    ")), len(out))
    return out[start:end]


def test_a_holiday_calendar_of_another_state_adds_its_holidays(tmp_path: Path) -> None:
    # Saxony keeps two holidays in 2026-Q4 that Hesse does not: Reformation Day (Saturday 31
    # October) and Repentance and Prayer Day (Wednesday 18 November), which takes a business day
    # out of November: 21 weekdays -> 20 business days.
    old, new = _versions(tmp_path, IT, _edit(IT, "subdivision: HE", "subdivision: SN"))
    result = run("diff", old, new)
    assert result.exit_code == 1, result.output
    assert _section(result.stdout, "  Days of 2026-Q4 that change:") == [
        "    holiday added: Stratus Cloud Services GmbH: Saturday 2026-10-31, Reformation Day",
        "    holiday added: Stratus Cloud Services GmbH: Wednesday 2026-11-18, Repentance and Prayer Day",
    ]
    assert _section(result.stdout, "  Targets that move:") == [
        "    Public holidays of Stratus Cloud Services GmbH in 2026-Q4 (DE-SN): 3 -> 5 (+66.7%)",
        "    Business days of Stratus Cloud Services GmbH in 2026-11: 21 -> 20 (-4.8%)",
    ]
    assert _section(result.stdout, "  Terms that changed:") == [
        "    calendar.holidays[0].subdivision: HE -> SN"
    ]
    back = run("diff", new, old)
    assert _section(back.stdout, "  Days of 2026-Q4 that change:")[0] == (
        "    holiday removed: Stratus Cloud Services GmbH: Saturday 2026-10-31, Reformation Day"
    )
    data = json.loads(run("diff", old, new, "--format", "json").stdout)
    assert data["agreements"][0]["calendar"][1] == {
        "change": "holiday added",
        "day": "Stratus Cloud Services GmbH: Wednesday 2026-11-18, Repentance and Prayer Day",
    }
    md = run("diff", old, new, "--format", "markdown").stdout
    assert "**Days of 2026-Q4 that change**" in md
    assert (
        "- holiday added: Stratus Cloud Services GmbH: Wednesday 2026-11-18, Repentance and Prayer Day" in md
    )


def test_a_changed_holiday_rule_moves_a_delivery(tmp_path: Path) -> None:
    # Monday 28 December 2026 is Boxing Day (observed) in England. The business day before it is
    # Thursday 24 December: Sunday, Saturday (Boxing Day) and Friday (Christmas Day) are not.
    old, new = _versions(
        tmp_path, PAPER, _edit(PAPER, "on_holiday: next-business-day", "on_holiday: previous-business-day")
    )
    result = run("diff", old, new)
    assert result.exit_code == 1, result.output
    assert _section(result.stdout, "  Days of 2026-Q4 that change:") == [
        "    delivery moved: monday-delivery, due Monday 2026-12-28: made Tuesday 2026-12-29 -> made "
        "Thursday 2026-12-24"
    ]


def test_git_diff_through_textconv_shows_the_days_added(repo: GitRepo) -> None:
    repo.commit(
        "slagen textconv for agreements",
        {".gitattributes": "agreements/*.yaml diff=slagen\n", "agreements/it-service.yaml": IT},
    )
    repo.git("config", "diff.slagen.textconv", TEXTCONV)
    repo.commit("Saxony", {"agreements/it-service.yaml": _edit(IT, "subdivision: HE", "subdivision: SN")})
    changed = [
        line
        for line in repo.git("diff", "HEAD~1", "HEAD").splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert "-      subdivision: HE" in changed
    assert "+      subdivision: SN" in changed
    assert "+  Saturday 2026-10-31: Reformation Day" in changed
    assert "+  Wednesday 2026-11-18: Repentance and Prayer Day" in changed
    assert (
        "-  Business days of Stratus Cloud Services GmbH in 2026-11 [calendar.business_days.2026-11]: 21"
        in changed
    )
    assert (
        "+  Business days of Stratus Cloud Services GmbH in 2026-11 [calendar.business_days.2026-11]: 20"
        in changed
    )
    # The unchanged holidays are context, not changes.
    assert not [line for line in changed if "Christmas Day" in line and line.startswith("+  Friday")]
