"""The shared helpers: one atomic writer with one file-mode rule, counted nouns, suggestions,
key paths and the strict scalar readers."""

from __future__ import annotations

import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from slagen.util import scalars
from slagen.util.atomic import all_or_nothing, write_atomic
from slagen.util.keypath import format_path
from slagen.util.text import did_you_mean, plural


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_a_new_file_gets_the_umask_mode_and_an_existing_one_keeps_its_own(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        new = tmp_path / "sub" / "new.pdf"
        write_atomic(new, b"one")
        assert (new.read_bytes(), _mode(new)) == (b"one", 0o640)
        old = tmp_path / "old.pdf"
        old.write_bytes(b"before")
        old.chmod(0o600)
        write_atomic(old, b"after")
        assert (old.read_bytes(), _mode(old)) == (b"after", 0o600)
    finally:
        os.umask(mask)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["new.pdf", "old.pdf", "sub"]


def test_a_failed_block_writes_nothing_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"before")
    with pytest.raises(RuntimeError), all_or_nothing() as staged:
        staged.add(tmp_path / "a.pdf", b"after")
        staged.add(tmp_path / "b.pdf", b"new")
        raise RuntimeError("render failed")
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
    assert (tmp_path / "a.pdf").read_bytes() == b"before"


def test_counted_nouns_suggestions_and_key_paths() -> None:
    assert [plural(n, "day") for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]
    assert did_you_mean("ownr", ["owner", "party"]) == " (did you mean 'owner'?)"
    assert did_you_mean("zzz", ["owner"]) == ""
    assert format_path(("goals", 2, "target")) == "goals[2].target"


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", Decimal(12)), ("-0.5", Decimal("-0.5")), ("+3", Decimal(3)), (".25", Decimal(".25"))],
)
def test_numbers_read_exactly(text: str, value: Decimal) -> None:
    assert scalars.number(text) == value


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("012", scalars.LEADING_ZERO_NOTE),
        ("١٢", ""),
        ("１２", ""),
        ("1e3", ""),
        ("1,5", ""),
        ("1_000", ""),
        ("", ""),
    ],
)
def test_numbers_refused_with_what_was_expected(text: str, note: str) -> None:
    with pytest.raises(scalars.Unreadable) as exc:
        scalars.number(text)
    assert str(exc.value) == f"expected a number, got {text!r}{note}"


def test_whole_numbers_dates_and_times_take_ascii_digits_only() -> None:
    assert scalars.whole("-3") == -3
    for text in ("3.0", "٣", "03"):
        with pytest.raises(scalars.Unreadable):
            scalars.whole(text)
    assert str(scalars.calendar_date("2026-10-01")) == "2026-10-01"
    with pytest.raises(scalars.Unreadable, match="a date written YYYY-MM-DD"):
        scalars.calendar_date("２026-10-01")
    with pytest.raises(scalars.Unreadable, match="a real calendar date"):
        scalars.calendar_date("2026-02-30")
    assert scalars.is_month("2026-10") and not scalars.is_month("2026-١٠")
    with pytest.raises(scalars.Unreadable, match="a date and time written"):
        scalars.date_time("2026-10-01 ٠9:00")
