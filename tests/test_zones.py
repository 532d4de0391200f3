"""Zone names and local times: unknown zones, DST gaps and folds are refused or resolved exactly.

Rules protected (issue 2, "Bad input"): a zone name is checked against the installed
IANA list before anything is constructed, with suggestions; a wall-clock time inside a
DST gap is refused (gaps are 30 minutes, one hour, two hours or a whole day); a time
inside a fold is refused unless ``--fold`` or an explicit offset picks one, and the
picked time lands on the right UTC instant.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from amends.dates.zones import gap_or_fold, is_zone, parse_instant, parse_local, zone, zone_names
from amends.errors import InputError
from amends.plan.request import PlanRequest
from tests.conftest import CliResult, CliRun
from tests.zones_edge import (
    ALL_EDGE_ZONES,
    EU_WEST,
    HALF_HOUR_DST,
    NO_DST,
    SKIPPED_DAY,
    TWO_HOUR_DST,
    US_EAST,
)

LONG_NAME = "Europe/" + "X" * 293  # 300 characters
BAD_ZONES = ["", "   ", "../etc/passwd", LONG_NAME, "Eastern Standard Time", "EST", "europe/london"]


def plan_args(*extra: str, tz: str = EU_WEST) -> list[str]:
    """A late-for-interview plan that is valid apart from what ``extra`` changes."""
    return [
        "plan",
        "--name", "Sam Patel",
        "--company", "Acme",
        "--role", "Data Analyst",
        "--interviewer", "Dana Lee",
        "--contact-email", "dana@acme.example",
        "--reason", "transit",
        "--scenario", "late",
        "--tz", tz,
        "--format", "json",
        *extra,
    ]  # fmt: skip


def assert_refused(result: CliResult, field: str) -> str:
    """Exit 2, nothing on stdout, exactly one stderr line naming ``field``; returns it."""
    assert result.exit_code == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    assert result.stderr.startswith(f"amends: error: {field}:"), result.stderr
    return result.stderr


def start_of(result: CliResult) -> datetime:
    assert result.exit_code == 0, result.stderr
    return datetime.fromisoformat(json.loads(result.stdout)["situation"]["interview_start"])


# --- unknown zone names -------------------------------------------------------------


@pytest.mark.parametrize("name", BAD_ZONES)
@pytest.mark.parametrize("option", ["--tz", "--my-tz"])
def test_unknown_zone_is_one_line_error_naming_the_option(
    cli: CliRun, option: str, name: str
) -> None:
    args = plan_args("--at", "2026-11-24 10:00", "--now", "2026-11-23T10:40Z")
    args += [option, name]  # the later --tz wins over plan_args' own
    line = assert_refused(cli(args), option)
    assert "IANA time zone" in line


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("Eastern Standard Time", "America/New_York"),
        ("EST", "America/New_York"),
        ("europe/london", "Europe/London"),
        ("Europe/Londn", "Europe/London"),
        ("Tokyo", "Asia/Tokyo"),
    ],
)
def test_unknown_zone_error_suggests_close_valid_names(
    cli: CliRun, name: str, suggested: str
) -> None:
    args = plan_args("--at", "2026-11-24 10:00", "--now", "2026-11-23T10:40Z", "--tz", name)
    assert f"did you mean {suggested}" in assert_refused(cli(args), "--tz")


def test_overlong_zone_name_is_not_echoed_in_full(cli: CliRun) -> None:
    args = plan_args("--at", "2026-11-24 10:00", "--now", "2026-11-23T10:40Z", "--tz", LONG_NAME)
    line = assert_refused(cli(args), "--tz")
    assert LONG_NAME not in line
    assert len(line) < 200


@pytest.mark.parametrize("name", ["EST", "MST", "HST", "CET", "EST5EDT", "localtime", "Factory"])
def test_abbreviations_and_machine_dependent_names_are_not_accepted_as_zones(name: str) -> None:
    # "EST" is a legacy fixed UTC-5 zone, not New York; "localtime" differs per machine.
    assert not is_zone(name)
    assert name not in zone_names()
    with pytest.raises(InputError) as err:
        zone(name, "tz")
    assert err.value.field == "tz"


@pytest.mark.parametrize("name", ["../etc/passwd", "/etc/localtime", "posix/Europe/London"])
def test_path_like_zone_names_never_reach_the_file_system(name: str) -> None:
    with pytest.raises(InputError):
        zone(name)


@pytest.mark.parametrize("name", [*ALL_EDGE_ZONES, "UTC"])
def test_every_named_edge_zone_is_accepted(name: str) -> None:
    assert zone(name).key == name


def test_a_name_is_accepted_exactly_when_the_installed_list_holds_it() -> None:
    """``zone()`` looks one name up instead of listing every zone: same answers, name by name."""
    names = zone_names()
    tricky = ["posixrules", "zone.tab", "tzdata.zi", "leapseconds", "iso3166.tab", "Europe",
              "Etc", "US", "/Europe/London", "Europe/London/", "Europe//London", "./UTC",
              "Europe/./London", "right/UTC", "posix/UTC", "US/Eastern",
              "Asia/Calcutta"]  # fmt: skip
    rng = random.Random(18)
    for name in rng.sample(sorted(names), 150):
        tricky += [name.lower(), name.upper(), name + "x", name[:-1], "posix/" + name]
    for name in [*sorted(names), *tricky]:
        assert is_zone(name) == (name in names), name


def test_zone_names_come_from_the_installed_database() -> None:
    names = zone_names()
    assert {EU_WEST, US_EAST, NO_DST, SKIPPED_DAY} <= names
    assert not any(n.startswith(("posix/", "right/")) for n in names)


def test_request_names_my_tz_field_for_a_bad_candidate_zone() -> None:
    request = PlanRequest(
        name="Sam",
        company="Acme",
        role="Analyst",
        at="2026-11-24 10:00",
        tz=EU_WEST,
        my_tz="Eastern Standard Time",
        scenario="late",
        reason="transit",
        now="2026-11-23T10:40Z",
    )
    with pytest.raises(InputError) as err:
        request.to_situation()
    assert err.value.field == "my_tz"
    assert "America/New_York" in err.value.message


# --- DST gaps -------------------------------------------------------------------------

GAPS = [
    # zone, wall time in the gap, --now shortly before, suggested wall time
    (EU_WEST, "2026-03-29 01:30", "2026-03-28T10:00Z", "02:30"),  # one hour
    (HALF_HOUR_DST, "2026-10-04 02:15", "2026-10-03T10:00Z", "02:45"),  # 30 minutes
    (TWO_HOUR_DST, "2026-03-29 01:30", "2026-03-28T10:00Z", "03:30"),  # two hours
    (TWO_HOUR_DST, "2026-03-29 02:59", "2026-03-28T10:00Z", "04:59"),
    (SKIPPED_DAY, "2011-12-30 10:00", "2011-12-29T10:00Z", "2011-12-31 10:00"),  # a whole day
    (SKIPPED_DAY, "2011-12-30 00:00", "2011-12-29T10:00Z", "2011-12-31 00:00"),
]


@pytest.mark.parametrize(("tz", "at", "now", "suggested"), GAPS)
def test_time_in_a_dst_gap_is_refused_with_the_real_time_suggested(
    cli: CliRun, tz: str, at: str, now: str, suggested: str
) -> None:
    line = assert_refused(cli(plan_args("--at", at, "--now", now, tz=tz)), "--at")
    assert "does not exist" in line
    assert tz in line
    assert f"did you mean {suggested}?" in line


@pytest.mark.parametrize(("tz", "at", "now", "suggested"), GAPS)
def test_gap_is_refused_even_with_a_fold_choice(
    cli: CliRun, tz: str, at: str, now: str, suggested: str
) -> None:
    for fold in ("earlier", "later"):
        assert_refused(cli(plan_args("--at", at, "--now", now, "--fold", fold, tz=tz)), "--at")


@pytest.mark.parametrize(("tz", "at", "now", "suggested"), GAPS)
def test_gap_time_with_an_invented_offset_is_refused(
    cli: CliRun, tz: str, at: str, now: str, suggested: str
) -> None:
    naive = datetime.strptime(at, "%Y-%m-%d %H:%M")
    for fold in (0, 1):
        offset = naive.replace(tzinfo=ZoneInfo(tz), fold=fold).strftime("%z")
        text = f"{at}{offset[:3]}:{offset[3:]}"
        assert_refused(cli(plan_args("--at", text, "--now", now, tz=tz)), "--at")


@pytest.mark.parametrize(
    ("tz", "at", "now", "utc"),
    [
        (EU_WEST, "2026-03-29 02:30", "2026-03-28T10:00Z", "2026-03-29T01:30Z"),
        (HALF_HOUR_DST, "2026-10-04 02:30", "2026-10-03T10:00Z", "2026-10-03T15:30Z"),
        (TWO_HOUR_DST, "2026-03-29 03:00", "2026-03-28T10:00Z", "2026-03-29T01:00Z"),
        (SKIPPED_DAY, "2011-12-29 10:00", "2011-12-28T10:00Z", "2011-12-29T20:00Z"),
        (SKIPPED_DAY, "2011-12-31 10:00", "2011-12-29T10:00Z", "2011-12-30T20:00Z"),
    ],
)
def test_times_just_around_a_gap_land_on_the_right_utc_instant(
    cli: CliRun, tz: str, at: str, now: str, utc: str
) -> None:
    assert start_of(cli(plan_args("--at", at, "--now", now, tz=tz))) == datetime.fromisoformat(utc)


def test_gap_detection_matches_the_zone_database() -> None:
    assert gap_or_fold(datetime(2026, 3, 29, 1, 30), ZoneInfo(EU_WEST)) == "gap"
    assert gap_or_fold(datetime(2026, 10, 25, 1, 30), ZoneInfo(EU_WEST)) == "fold"
    assert gap_or_fold(datetime(2026, 7, 1, 1, 30), ZoneInfo(EU_WEST)) is None
    assert gap_or_fold(datetime(2026, 3, 29, 1, 30), ZoneInfo(NO_DST)) is None


# --- DST folds ------------------------------------------------------------------------

FOLDS = [
    # zone, wall time in the fold, --now before it, UTC if earlier, UTC if later
    (EU_WEST, "2026-10-25 01:30", "2026-10-24T10:00Z", "2026-10-25T00:30Z", "2026-10-25T01:30Z"),
    (US_EAST, "2026-11-01 01:30", "2026-10-31T10:00Z", "2026-11-01T05:30Z", "2026-11-01T06:30Z"),
    (
        HALF_HOUR_DST,
        "2026-04-05 01:45",
        "2026-04-03T10:00Z",
        "2026-04-04T14:45Z",
        "2026-04-04T15:15Z",
    ),
    (
        TWO_HOUR_DST,
        "2026-10-25 02:00",
        "2026-10-24T10:00Z",
        "2026-10-25T00:00Z",
        "2026-10-25T02:00Z",
    ),
]


@pytest.mark.parametrize(("tz", "at", "now", "earlier", "later"), FOLDS)
def test_ambiguous_time_in_a_fold_is_refused_without_a_choice(
    cli: CliRun, tz: str, at: str, now: str, earlier: str, later: str
) -> None:
    line = assert_refused(cli(plan_args("--at", at, "--now", now, tz=tz)), "--at")
    assert "happens twice" in line
    assert "earlier/later" in line


@pytest.mark.parametrize(("tz", "at", "now", "earlier", "later"), FOLDS)
def test_fold_choice_resolves_to_the_right_utc_instant(
    cli: CliRun, tz: str, at: str, now: str, earlier: str, later: str
) -> None:
    first = start_of(cli(plan_args("--at", at, "--now", now, "--fold", "earlier", tz=tz)))
    second = start_of(cli(plan_args("--at", at, "--now", now, "--fold", "later", tz=tz)))
    assert first == datetime.fromisoformat(earlier)
    assert second == datetime.fromisoformat(later)
    assert first < second


@pytest.mark.parametrize(("tz", "at", "now", "earlier", "later"), FOLDS)
def test_explicit_offset_in_at_resolves_a_fold(
    cli: CliRun, tz: str, at: str, now: str, earlier: str, later: str
) -> None:
    naive = datetime.strptime(at, "%Y-%m-%d %H:%M")
    for fold, expected in ((0, earlier), (1, later)):
        offset = naive.replace(tzinfo=ZoneInfo(tz), fold=fold).strftime("%z")
        text = f"{at}{offset[:3]}:{offset[3:]}"
        assert start_of(cli(plan_args("--at", text, "--now", now, tz=tz))) == (
            datetime.fromisoformat(expected)
        )


def test_offset_the_zone_never_uses_is_refused(cli: CliRun) -> None:
    args = plan_args("--at", "2026-10-25 01:30+02:00", "--now", "2026-10-24T10:00Z")
    assert "offset does not match" in assert_refused(cli(args), "--at")


def test_invalid_fold_value_is_refused(cli: CliRun) -> None:
    args = plan_args("--at", "2026-10-25 01:30", "--now", "2026-10-24T10:00Z", "--fold", "both")
    assert_refused(cli(args), "--fold")


def test_fold_choice_is_harmless_on_an_unambiguous_time(cli: CliRun) -> None:
    args = plan_args("--at", "2026-11-24 10:00", "--now", "2026-11-23T10:00Z", "--fold", "later")
    assert start_of(cli(args)) == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def test_slot_in_a_dst_gap_is_refused(cli: CliRun) -> None:
    args = plan_args("--at", "2026-03-27 10:00", "--now", "2026-03-26T10:00Z")
    assert "does not exist" in assert_refused(cli([*args, "--slot", "2026-03-29 01:30"]), "--slot")


def test_slot_in_a_fold_is_refused(cli: CliRun) -> None:
    args = plan_args("--at", "2026-10-23 10:00", "--now", "2026-10-22T10:00Z")
    assert "happens twice" in assert_refused(cli([*args, "--slot", "2026-10-25 01:30"]), "--slot")


# --- parse_local / parse_instant directly ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "tomorrow", "2026-11-24", "10:00", "2026-02-30 10:00", "2026-11-24 25:00", "x" * 500],
)
def test_unparseable_local_time_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(InputError) as err:
        parse_local(text, ZoneInfo(EU_WEST), "at")
    assert err.value.field == "at"


@pytest.mark.parametrize(
    "text", ["2026-11-24 10:00", "2026-11-24T10:00", "2026-11-24 10:00:00", " 2026-11-24 10:00 "]
)
def test_local_time_formats_accepted(text: str) -> None:
    moment = parse_local(text, ZoneInfo(NO_DST), "at")
    assert moment.utcoffset() is not None
    assert moment.astimezone(UTC) == datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text", ["", "2026-11-23 10:40", "2026-11-23T10:40", "yesterday", "2026-13-45T10:00Z", "Z"]
)
def test_instant_without_offset_or_unparseable_is_refused(text: str) -> None:
    with pytest.raises(InputError) as err:
        parse_instant(text, "now")
    assert err.value.field == "now"
    assert "offset" in err.value.message


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2026-11-23T10:40Z", "2026-11-23T10:40+00:00"),
        ("2026-11-23T10:40z", "2026-11-23T10:40+00:00"),
        ("2026-11-23T05:40-05:00", "2026-11-23T10:40+00:00"),
        ("2026-11-23 16:25+05:45", "2026-11-23T10:40+00:00"),
    ],
)
def test_instant_with_offset_is_exact(text: str, utc: str) -> None:
    assert parse_instant(text) == datetime.fromisoformat(utc)
