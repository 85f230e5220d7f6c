"""Every kind of error `slagen check` reports: exact text, the line it points at, the exit code.

The agreements are the examples with one thing broken; line numbers are found in the text
(not hard-coded), so the examples can grow without breaking these tests.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import AGREEMENTS, ROOT, at, example_text, run

from slagen.agreement.load import load_agreement

BASE = example_text("paper-supplier")
#: Seconds a refusal may take at most in these tests: far above what it takes (milliseconds),
#: far below what reading the refused document would (minutes); timings belong to bench/.
FAR = 30.0
#: The paper supplier with funnel inputs, for the checks of rates and of computed targets.
FUNNEL = BASE.replace(
    "inputs:\n  currency: GBP\n",
    "inputs:\n  currency: GBP\n  funnel:\n    per: month\n    sales_quota: 5000\n"
    "    marketing_share: 100%\n    average_deal_size: 100\n    close_rate: 50%\n"
    "  follow_up:\n    first_follow_up_minutes: 60\n    attempts: 6\n    reps: 2\n"
    "    minutes_per_attempt: 10\n    hours_per_rep: 60\n",
)


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def check(tmp_path: Path, text: str | bytes, *args: str, name: str = "a.yaml") -> tuple[Path, int, str]:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    result = run("check", *args, str(p))
    assert "Traceback" not in result.output
    return p, result.exit_code, result.stderr


def only(p: Path, *lines: str) -> str:
    """The whole stderr of a run that found exactly ``lines``."""
    n = len(lines)
    return "".join(f"{p}:{line}\n" for line in lines) + f"{n} error{'s' if n != 1 else ''}\n"


def fails(tmp_path: Path, text: str | bytes, *lines: str) -> None:
    """`slagen check` of ``text`` exits 1 and prints exactly ``lines`` (then the count)."""
    p, code, err = check(tmp_path, text)
    assert (code, err) == (1, only(p, *lines))


# --- structure and types ---------------------------------------------------------------


def test_an_unknown_key_in_a_list_item_suggests_the_right_one_and_is_one_error(tmp_path: Path) -> None:
    text = edit(BASE, "    owner: tomasz", "    ownr: tomasz")
    # one error, not also "missing key 'owner'" (owner is optional here, but the rule holds)
    fails(
        tmp_path,
        text,
        f"{at(text, 'ownr: tomasz', 'ownr')}: goals[1].ownr: unknown key 'ownr' (did you mean 'owner'?)",
    )


def test_a_misspelled_required_key_is_one_error_not_also_a_missing_one(tmp_path: Path) -> None:
    text = edit(BASE, "  notice_days: 30", "  notice_dayz: 30")
    fails(
        tmp_path,
        text,
        f"{at(text, 'notice_dayz', 'notice_dayz')}: cancellation.notice_dayz: unknown key 'notice_dayz' "
        "(did you mean 'notice_days'?)",
    )


def test_an_unknown_key_without_a_close_match_lists_the_keys_expected(tmp_path: Path) -> None:
    text = edit(BASE, "  metrics_every: month", "  metrics_every: month\n  colour: blue")
    fails(
        tmp_path,
        text,
        f"{at(text, 'colour: blue', 'colour')}: review.colour: unknown key 'colour' "
        "(expected one of: mid_term, end_of_term, metrics_every)",
    )


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        ("  sales_quota: 5000", "  sales_quota: lots", "inputs.funnel.sales_quota", "expected a number, got 'lots'"),
        ("  start: 2026-07-01", "  start: January 2026", "term.start", "expected a date written YYYY-MM-DD, got 'January 2026'"),
        ("  start: 2026-07-01", "  start: 2026-02-30", "term.start", "expected a real calendar date, got '2026-02-30'"),
        ("  attempts: 6", "  attempts: 6.5", "inputs.follow_up.attempts", "expected a whole number, got '6.5'"),
        ("  reporting_interval: month", "  reporting_interval: montly", "term.reporting_interval",
         "expected one of 'day', 'week', 'month', 'quarter' or 'year', got 'montly' (did you mean 'month'?)"),
        ("  marketing_share: 100%", "  marketing_share: [100]", "inputs.funnel.marketing_share",
         "expected a percentage such as 99.95 or 50%, got a list"),
        ("    email: oliver.grant@birchwood-paper.example", "    email: oliver at birchwood", "parties[0].people[0].email",
         "expected an e-mail address, got 'oliver at birchwood'"),
        ("  - id: damaged-reams", "  - id: Damaged Reams", "goals[3].id",
         "expected an identifier of lower-case letters, digits, '-' and '_', got 'Damaged Reams'"),
    ],
)  # fmt: skip
def test_a_wrong_type_says_what_was_expected_and_what_was_found(
    tmp_path: Path, old: str, new: str, path: str, message: str
) -> None:
    text = edit(FUNNEL, old, new)
    value = new.split(": ", 1)[1]
    fails(tmp_path, text, f"{at(text, new, value)}: {path}: {message}")


def test_a_mapping_where_a_list_belongs_and_the_reverse(tmp_path: Path) -> None:
    text = edit(BASE, "  diagnosed_by: [priya, maria]", "  diagnosed_by: priya")
    text = edit(text, "review:\n  mid_term: 2027-01-04\n  end_of_term: 2027-06-14\n  metrics_every: month",
                "review: [2027-01-04]")  # fmt: skip
    fails(
        tmp_path,
        text,
        f"{at(text, 'diagnosed_by: priya', 'priya')}: missed_goals.diagnosed_by: expected a list, got 'priya'",
        f"{at(text, 'review: [', '[')}: review: expected a mapping, got a list",
    )


def test_a_missing_key_is_named_with_its_path(tmp_path: Path) -> None:
    text = edit(BASE, "  end: 2027-06-30\n", "")
    fails(tmp_path, text, f"{at(text, '  start: 2026-07-01', 'start')}: term.end: missing required key 'end'")


def test_a_target_needs_exactly_one_of_value_or_computed(tmp_path: Path) -> None:
    text = edit(BASE, "target: {value: 50}", "target: {value: 50, computed: funnel.leads_needed}")
    fails(
        tmp_path,
        text,
        f"{at(text, 'computed: funnel', '{')}: goals[0].target: expected exactly one of 'value' or 'computed'",
    )


def test_a_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    text = edit(BASE, "  period: 2026-Q4", "  period: 2026-Q4\n  period: 2026-Q3")
    first, again = at(text, "period: 2026-Q4").split(":")[0], at(text, "period: 2026-Q3").split(":")[0]
    fails(
        tmp_path,
        text,
        f"{again}:3: term.period: duplicate key 'period': first written on line {first}, "
        f"again on line {again}; YAML would silently keep only the last",
    )


# --- no silent conversions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        ("    accrues: true", "    accrues: no", "goals[0].accrues", "expected true or false, got 'no'"),
        ("    accrues: true", "    accrues: yes", "goals[0].accrues", "expected true or false, got 'yes'"),
        ("  attempts: 6", "  attempts: 012", "inputs.follow_up.attempts",
         "expected a whole number, got '012' (a leading zero is ambiguous: YAML 1.1 would read it as octal)"),
        ("  sales_quota: 5000", "  sales_quota: 05000", "inputs.funnel.sales_quota",
         "expected a number, got '05000' (a leading zero is ambiguous: YAML 1.1 would read it as octal)"),
        ("  minutes_per_attempt: 10", "  minutes_per_attempt: 1:20", "inputs.follow_up.minutes_per_attempt",
         "expected a number, got '1:20'"),
        ("  notice_days: 30", "  notice_days: 1_000", "cancellation.notice_days", "expected a whole number, got '1_000'"),
        ("  sales_quota: 5000", "  sales_quota: ٥٠٠٠", "inputs.funnel.sales_quota", "expected a number, got '٥٠٠٠'"),
        ("  attempts: 6", "  attempts: ６", "inputs.follow_up.attempts", "expected a whole number, got '６'"),
        ("  start: 2026-07-01", "  start: 2026-٠٧-01", "term.start", "expected a date written YYYY-MM-DD, got '2026-٠٧-01'"),
        ("  period: 2026-Q4", "  period: ２０２６-Q4", "term.period",
         "expected a period such as 2026, 2026-Q4, 2026-11, 2026-W47 or 2026-11-15..2026-11-30, got '２０２６-Q4'"),
    ],
)  # fmt: skip
def test_yaml_1_1_readings_are_refused_where_the_field_is_not_text(
    tmp_path: Path, old: str, new: str, path: str, message: str
) -> None:
    text = edit(FUNNEL, old, new)
    fails(tmp_path, text, f"{at(text, new, new.split(': ')[1])}: {path}: {message}")


def test_where_no_012_and_1_20_are_legal_text_they_are_kept_verbatim(tmp_path: Path) -> None:
    text = edit(BASE, 'version: "2.1"', "version: 012")
    text = edit(text, '      - version: "2.1"', "      - version: 012")  # the version history ends at it
    text = edit(text, "title: Office Paper Supply Service-Level Agreement", "title: no")
    text = edit(text, "    - Severe weather in which", "    - 1:20\n    - Severe weather in which")
    p, code, err = check(tmp_path, text)
    assert (code, err) == (0, "checked 1 agreement: 0 errors, 0 warnings\n")
    a = load_agreement(p).agreement
    assert (a.version, a.title) == ("012", "no")
    assert a.unexpected_events is not None and a.unexpected_events.excused[0] == "1:20"


# --- safe and bounded loading ---------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        '!!python/object/apply:os.system ["echo pwned"]',
        "!!binary aGVsbG8=",
        '!custom "2.1"',
    ],
)
def test_tags_are_refused(tmp_path: Path, value: str) -> None:
    text = edit(BASE, 'version: "2.1"', f"version: {value}")
    tag = {"!!": "tag:yaml.org,2002:"}
    shown = value.split(" ")[0]
    shown = shown if shown.startswith("!c") else tag["!!"] + shown[2:]
    fails(
        tmp_path,
        text,
        f"{at(text, 'version: ', '!')}: version: tag {shown!r} is not allowed; write the value as plain text",
    )


def test_an_alias_bomb_is_refused_without_expanding_it(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    bomb = "\n".join(lines) + "\n"  # a few hundred bytes, 9**9 (387 million) values when walked
    assert len(bomb) < 500
    start = time.perf_counter()
    p, code, err = check(tmp_path, bomb)
    # A far bound, safe on a loaded machine (the walk of 387 million values would take many
    # minutes); how fast the refusal is belongs to the bench (bench/bench_check.py).
    assert time.perf_counter() - start < FAR
    assert code == 1
    assert err == only(
        p, "6:8: document expands to more than 100,000 values through aliases; refusing it (an alias bomb?)"
    )


def test_a_recursive_alias_and_deep_nesting_are_refused(tmp_path: Path) -> None:
    p1, code1, err1 = check(tmp_path, "title: &x [*x]\n", name="recursive.yaml")
    assert (code1, err1) == (
        1,
        only(p1, "1:12: alias *x refers to a value that contains it; refusing a recursive document"),
    )
    start = time.perf_counter()
    p2, code2, err2 = check(tmp_path, "title: " + "[" * 100_000 + "]" * 100_000 + "\n", name="deep.yaml")
    assert time.perf_counter() - start < FAR
    # The composer refuses at the 65th level (1:71); PyYAML 6.0.4's scanner may stop first, at
    # its own limit further on the line: the same message either way.
    assert code2 == 1
    assert re.fullmatch(
        re.escape(f"{p2}:1:") + r"(71|\d+): values nested more than 64 levels deep; refusing it\n1 error\n",
        err2,
    ), err2


def test_a_file_that_is_not_utf8_is_refused_at_its_line(tmp_path: Path) -> None:
    raw = BASE.encode().replace(b"Oliver Grant", b"Oliver Gr\xe4nt")
    line = at(BASE, "Oliver Grant").split(":")[0]
    offset = raw.index(b"\xe4")
    fails(tmp_path, raw, f"{line}:1: file is not UTF-8 text (byte 0xe4 at offset {offset})")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "1:1: file is empty; expected a mapping of agreement fields"),
        ("# only a comment\n\n", "1:1: file is empty; expected a mapping of agreement fields"),
        ("- id: a\n- id: b\n", "1:1: expected a mapping of agreement fields at the top level, got a list"),
        ("just some words\n", "1:1: expected a mapping of agreement fields at the top level, got the value 'just some words'"),
        ("id: a\ntitle: [unclosed\n", "3:1: invalid YAML: did not find expected ',' or ']'"),
        ("id: a\n\ttitle: b\n", "2:1: invalid YAML: found a tab character that violates indentation"),
        ("id: a\n---\nid: b\n", "2:1: expected one document, found a second one ('---'); split the file"),
    ],
)  # fmt: skip
def test_files_that_are_not_an_agreement_get_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    p, code, err = check(tmp_path, text)
    assert code == 1
    if "second one" in message:  # the first document is still checked
        assert f"{p}:{message}\n" in err
    else:
        assert err == only(p, message)


def test_merge_keys_and_complex_keys_are_refused(tmp_path: Path) -> None:
    text = edit(BASE, "  reporting_interval: month", "  <<: {reporting_interval: month}")
    text = edit(text, "  - id: reams-delivered", "  - ? [id]\n    : x\n    id: reams-delivered")
    fails(
        tmp_path,
        text,
        f"{at(text, 'start: 2026-07-01', 'start')}: term.reporting_interval: missing required key 'reporting_interval'",
        f"{at(text, '  <<:', '<<')}: term: merge key '<<' is not supported; write the keys out",
        f"{at(text, '? [id]', '[')}: goals[0]: a complex key is not supported; write the keys out",
    )


# --- meaning ---------------------------------------------------------------------------------


def test_every_kind_of_reference_is_checked_with_a_suggestion(tmp_path: Path) -> None:
    text = edit(BASE, "    party: supplier\n    metric: Reams", "    party: suplier\n    metric: Reams")
    text = edit(text, "    owner: oliver", "    owner: oliverr")
    text = edit(text, "    lead: maria", "    lead: mario")
    text = edit(text, "    to_person: maria", "    to_person: marie")
    text = edit(text, "    visible_to: [supplier, xeno]", "    visible_to: [supplier, xenoo]")
    text = edit(text, "  diagnosed_by: [priya, maria]", "  diagnosed_by: [priya, nobody]")
    text = edit(text, "  - person: tomasz\n    responsibility", "  - person: tomas\n    responsibility")
    people = "(daniel, maria, oliver, priya, tomasz)"
    fails(
        tmp_path,
        text,
        f"{at(text, 'lead: mario', 'mario')}: parties[1].lead: expected one of the party's own people "
        "(maria, daniel), got 'mario' (did you mean 'maria'?)",
        f"{at(text, 'party: suplier', 'suplier')}: goals[0].party: expected a party id (supplier, xeno), "
        "got 'suplier' (did you mean 'supplier'?)",
        f"{at(text, 'owner: oliverr', 'oliverr')}: goals[0].owner: expected a person id {people}, "
        "got 'oliverr' (did you mean 'oliver'?)",
        f"{at(text, 'person: tomas', 'tomas')}: contacts[1].person: expected a person id {people}, "
        "got 'tomas' (did you mean 'tomasz'?)",
        f"{at(text, 'to_person: marie', 'marie')}: reports[0].to_person: expected a person id {people}, "
        "got 'marie' (did you mean 'maria'?)",
        f"{at(text, 'visible_to: [supplier, xenoo]', 'xenoo')}: reports[0].visible_to[1]: expected a party id "
        "(supplier, xeno), got 'xenoo' (did you mean 'xeno'?)",
        f"{at(text, 'diagnosed_by: [priya, nobody]', 'nobody')}: missed_goals.diagnosed_by[1]: "
        f"expected a person id {people}, got 'nobody'",
    )


def test_references_are_reported_even_when_the_structure_has_errors(tmp_path: Path) -> None:
    text = edit(BASE, "    owner: oliver", "    owner: oliverr")
    text = edit(text, "  notice_days: 30", "  notice_days: thirty")
    fails(
        tmp_path,
        text,
        f"{at(text, 'owner: oliverr', 'oliverr')}: goals[0].owner: expected a person id "
        "(daniel, maria, oliver, priya, tomasz), got 'oliverr' (did you mean 'oliver'?)",
        f"{at(text, 'notice_days: thirty', 'thirty')}: cancellation.notice_days: expected a whole number, got 'thirty'",
    )


def test_a_computed_target_name_must_exist_with_a_suggestion(tmp_path: Path) -> None:
    text = edit(FUNNEL, "target: {value: 50}", "target: {computed: funnel.leads_neded}")
    p, code, err = check(tmp_path, text)
    assert code == 1
    assert (
        f"{p}:{at(text, 'funnel.leads_neded', 'funnel.leads_neded')}: goals[0].target.computed: no computed "
        "target named 'funnel.leads_neded' (did you mean 'funnel.leads_needed'?); available: "
    ) in err


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        ("  close_rate: 50%", "  close_rate: 150%", "inputs.funnel.close_rate", "expected a percentage from 0 to 100, got 150"),
        ("  marketing_share: 100%", "  marketing_share: -5", "inputs.funnel.marketing_share",
         "expected a percentage from 0 to 100, got -5"),
        ("  close_rate: 50%", "  close_rate: 0%", "inputs.funnel.close_rate", "expected a value above zero (it is a divisor), got 0"),
        ("  average_deal_size: 100", "  average_deal_size: 0", "inputs.funnel.average_deal_size",
         "expected a value above zero (it is a divisor), got 0"),
    ],
)  # fmt: skip
def test_percentages_lie_in_their_range_and_divisors_are_above_zero(
    tmp_path: Path, old: str, new: str, path: str, message: str
) -> None:
    text = edit(FUNNEL, old, new)
    fails(tmp_path, text, f"{at(text, new, new.split(': ')[1])}: {path}: {message}")


def test_a_lead_tier_and_a_funnel_stage_rate_of_zero_are_refused(tmp_path: Path) -> None:
    text = edit(FUNNEL, "    close_rate: 50%\n", "    close_rate: 50%\n    stages:\n      - name: mql\n"
                "        label: Marketing-qualified leads\n        rate: 0\n")  # fmt: skip
    text = edit(text, "  follow_up:\n", "  lead_tiers:\n    - name: ceo\n      label: Chief executives\n"
                "      share_of_customers: 100%\n      close_rate: 0%\n  follow_up:\n")  # fmt: skip
    fails(
        tmp_path,
        text,
        f"{at(text, 'rate: 0', '0')}: inputs.funnel.stages[0].rate: expected a rate above zero (it is a divisor), got 0",
        f"{at(text, 'close_rate: 0%', '0%')}: inputs.lead_tiers[0].close_rate: expected a rate above zero "
        "(it is a divisor), got 0",
    )


def test_dates_are_ordered_and_the_period_lies_in_the_term(tmp_path: Path) -> None:
    text = edit(BASE, "  end: 2027-06-30", "  end: 2026-06-30")
    fails(
        tmp_path,
        text,
        f"{at(text, 'end: 2026-06-30', '2026')}: term.end: expected a date after the start (2026-07-01), got 2026-06-30",
        f"{at(text, 'period: 2026-Q4', '2026')}: term.period: expected a period that overlaps the term "
        "(2026-07-01 to 2026-06-30), got 2026-Q4 (2026-10-01 to 2026-12-31)",
        f"{at(text, 'mid_term: 2027-01-04', '2027')}: review.mid_term: expected a date inside the term "
        "(2026-07-01 to 2026-06-30), got 2027-01-04",
        f"{at(text, 'end_of_term: 2027-06-14', '2027')}: review.end_of_term: expected a date inside the "
        "term (2026-07-01 to 2026-06-30), got 2027-06-14",
    )


def test_the_period_must_overlap_the_term(tmp_path: Path) -> None:
    text = edit(BASE, "  period: 2026-Q4", "  period: 2027-Q3")
    fails(
        tmp_path,
        text,
        f"{at(text, 'period: 2027-Q3', '2027')}: term.period: expected a period that overlaps the term "
        "(2026-07-01 to 2027-06-30), got 2027-Q3 (2027-07-01 to 2027-09-30)",
    )


def test_the_end_of_term_review_follows_the_mid_term_one(tmp_path: Path) -> None:
    text = edit(BASE, "  end_of_term: 2027-06-14", "  end_of_term: 2026-12-01")
    fails(
        tmp_path,
        text,
        f"{at(text, 'end_of_term: 2026-12-01', '2026')}: review.end_of_term: expected a date after the "
        "mid-term review (2027-01-04), got 2026-12-01",
    )


def test_a_review_before_the_last_signature_is_refused(tmp_path: Path) -> None:
    text = edit(BASE, "  mid_term: 2027-01-04", "  mid_term: 2026-09-01")
    fails(
        tmp_path,
        text,
        f"{at(text, 'mid_term: 2026-09-01', '2026')}: review.mid_term: expected a date on or after the "
        "last signature (2026-09-28, by maria), got 2026-09-01",
    )
    signed_late = edit(BASE, "    signed_on: 2026-09-28", "    signed_on: 2027-02-01")
    fails(
        tmp_path,
        signed_late,
        f"{at(signed_late, 'mid_term: 2027-01-04', '2027')}: review.mid_term: expected a date on or after "
        "the last signature (2027-02-01, by maria), got 2027-01-04",
    )


def test_the_end_of_term_review_lies_inside_the_term(tmp_path: Path) -> None:
    text = edit(BASE, "  end_of_term: 2027-06-14", "  end_of_term: 2027-07-15")
    fails(
        tmp_path,
        text,
        f"{at(text, 'end_of_term: 2027-07-15', '2027')}: review.end_of_term: expected a date inside the "
        "term (2026-07-01 to 2027-06-30), got 2027-07-15",
    )
    assert check(tmp_path, edit(BASE, "  end_of_term: 2027-06-14", "  end_of_term: 2027-06-30"))[1] == 0


# --- the run as a whole ---------------------------------------------------------------------


def test_all_errors_in_all_files_are_reported_in_one_run(tmp_path: Path) -> None:
    one = tmp_path / "one.yaml"
    two = tmp_path / "sub" / "two.yaml"
    two.parent.mkdir()
    one.write_text(
        edit(edit(BASE, "  notice_days: 30", "  notice_days: x"), "    lead: maria", "    lead: mario")
    )
    two.write_text(edit(BASE, "  period: 2026-Q4", "  period: Q4"))
    (tmp_path / "three.yaml").write_text(BASE)
    result = run("check", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line.split(": ", 1)[0].rsplit(":", 2)[0] for line in lines[:-1]] == [str(one), str(one), str(two)]
    assert lines[-1] == "3 errors"


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nowhere.yaml"))
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: no such file or folder: {tmp_path / 'nowhere.yaml'}\n",
    )
    bad_option = run("check", "--strikt")
    assert bad_option.exit_code == 2
    assert "Error: No such option '--strikt'. Did you mean '--strict'?" in bad_option.stderr


def test_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    # one rep with 10 hours cannot follow up 100 leads 6 times at 10 minutes each
    text = edit(FUNNEL, "  reps: 2", "  reps: 1")
    text = edit(text, "  hours_per_rep: 60", "  hours_per_rep: 10")
    where = at(text, "first_follow_up_minutes", "first")
    p, code, err = check(tmp_path, text)
    assert code == 0
    assert f"{p}:{where}: inputs.follow_up: warning: " in err
    assert err.endswith("checked 1 agreement: 0 errors, 1 warning\n")
    p, code, err = check(tmp_path, text, "--strict")
    assert code == 1
    assert f"{p}:{where}: inputs.follow_up: " in err and "warning:" not in err
    assert err.endswith("\n1 error\n")


def test_checking_imports_none_of_the_writing_libraries() -> None:
    # WeasyPrint, python-docx, matplotlib, ruamel.yaml (recalc) and Jinja (templates)
    code = (
        "import sys\n"
        "from slagen.cli import cli\n"
        "try:\n"
        f"    cli(['check', {str(AGREEMENTS)!r}], prog_name='slagen')\n"
        "except SystemExit:\n"
        "    pass\n"
        "libs = ('weasyprint', 'pydyf', 'docx', 'matplotlib', 'ruamel', 'jinja2')\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in libs)\n"
        "print('heavy:', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert "Traceback" not in out.stderr
    assert out.stdout == "heavy: []\n"
