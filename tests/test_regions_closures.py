"""Regions inferred from the zone, customary closures, typed-slot warnings, round identity."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amends.dates.calendar import calendar_for
from amends.dates.closures import catalogue
from amends.dates.country import country_names, parse_country, zone_regions
from amends.export.ics import prepare_calendar
from amends.plan import make_plan
from amends.plan.request import PlanRequest
from amends.slots import SlotRequest, SlotResult, find_slots
from tests.conftest import CliRun
from tests.export_support import NOW, confirmed, events
from tests.web_support import PLAN_BODY, api_headers, form_token, make_client


def _days(result: SlotResult) -> set[date]:
    return {s.start.date() for s in result.slots}


def test_europe_london_means_england_so_easter_monday_is_never_proposed() -> None:
    result = find_slots(
        SlotRequest(
            now=datetime(2026, 4, 1, 9, tzinfo=UTC), interviewer_tz="Europe/London", count=5
        )
    )
    assert result.country == "GB-ENG"
    assert date(2026, 4, 6) not in _days(result)
    assert any("Easter Monday" in note for note in result.notes)


def test_country_with_a_region_overrides_the_zone() -> None:
    # Scotland has no Easter Monday bank holiday.
    scot = calendar_for("Europe/London", "GB-SCT")
    assert scot.is_business_day(date(2026, 4, 6))


def test_australia_sydney_skips_labour_day_in_new_south_wales() -> None:
    now = datetime(2026, 10, 1, 23, tzinfo=UTC)
    result = find_slots(SlotRequest(now=now, interviewer_tz="Australia/Sydney", count=5, days=5))
    assert result.country == "AU-NSW"
    assert date(2026, 10, 5) not in {
        s.start.astimezone(ZoneInfo("Australia/Sydney")).date() for s in result.slots
    }
    assert str(calendar_for("Australia/Melbourne").country) == str(parse_country("AU-VIC"))
    assert str(calendar_for("America/Toronto").country) == str(parse_country("CA-ON"))


@pytest.mark.parametrize(
    ("now", "zone_name", "closed", "note"),
    [
        (datetime(2026, 12, 22, 10, tzinfo=UTC), "Europe/Berlin", date(2026, 12, 24),
         "Christmas Eve, not a public holiday"),
        (datetime(2026, 11, 24, 15, tzinfo=UTC), "America/New_York", date(2026, 11, 27),
         "Day after Thanksgiving, not a public holiday"),
    ],
)  # fmt: skip
def test_customary_closures_are_never_proposed_and_are_explained(
    now: datetime, zone_name: str, closed: date, note: str
) -> None:
    # Christmas Eve in Germany; the Friday after Thanksgiving in the US.
    result = find_slots(SlotRequest(now=now, interviewer_tz=zone_name, count=5))
    assert closed not in _days(result)
    assert any(note in line for line in result.notes), result.notes


def test_every_region_in_the_table_is_a_real_zone_and_a_holidays_subdivision() -> None:
    zones = available_timezones()
    for zone_name, label in zone_regions().items():
        assert zone_name in zones, zone_name
        code, _, region = label.partition("-")
        assert region in holidays.list_supported_countries()[code], label
        assert parse_country(label).label == label


def test_every_closure_names_real_countries_and_a_date_each_year() -> None:
    for closure in catalogue():
        assert closure.countries <= set(country_names()), closure.name
        assert {closure.on(year).year for year in (2026, 2027, 2030)} == {2026, 2027, 2030}


REGION_ZONES = sorted(
    z for z in zone_regions() if "/" in z and z.split("/")[0] in ("Europe", "Australia", "America")
)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([*REGION_ZONES, "Europe/Berlin", "America/New_York", "Asia/Tokyo"]),
       st.sampled_from([datetime(2026, 4, 1, tzinfo=UTC), datetime(2026, 10, 1, tzinfo=UTC),
                        datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 12, 21, tzinfo=UTC)]),
       st.integers(0, 3 * 24 * 60))  # fmt: skip
def test_no_proposed_slot_falls_on_a_closed_day_of_the_interviewers_region(
    zone_name: str, week: datetime, minutes: int
) -> None:
    now = week + timedelta(minutes=minutes)
    result = find_slots(SlotRequest(now=now, interviewer_tz=zone_name, count=5, days=10))
    calendar = calendar_for(zone_name)
    for slot in result.slots:
        day = slot.start.astimezone(ZoneInfo(zone_name)).date()
        assert calendar.closed_reason(day) is None and calendar.is_business_day(day), day


def _typed(slot: list[str]) -> dict[str, Any]:
    plan = make_plan(PlanRequest(
        name="Sam Patel", my_tz="America/New_York", company="Acme", role="Analyst",
        contact_email="dana@acme.example", at="2026-11-23 10:00", tz="Europe/London",
        scenario="missed", reason="forgot", slot=slot, now="2026-11-23T10:40Z",
    ))  # fmt: skip
    return plan.to_json()


def test_a_typed_saturday_0300_slot_is_kept_but_warned_about() -> None:
    data = _typed(["2026-11-28 03:00"])
    assert len(data["slots"]) == 1
    messages = [w["message"] for w in data["warnings"]]
    assert all(w["field"] == "slot" for w in data["warnings"])
    assert any("weekend" in m for m in messages)
    assert any("interviewer's working hours" in m for m in messages)
    assert any("your own hours" in m for m in messages)


def test_a_typed_slot_on_a_closure_or_holiday_is_warned_and_a_good_one_is_not() -> None:
    assert _typed(["2026-11-25 14:00"])["warnings"] == []
    boxing = _typed(["2026-12-28 14:00"])  # Boxing Day substitute in England
    assert any("public holiday" in w["message"] for w in boxing["warnings"])


def test_typed_slot_warnings_show_in_the_markdown_and_text_views(cli: CliRun) -> None:
    args = ["plan", "--name", "Sam", "--my-tz", "America/New_York", "--company", "Acme",
            "--role", "Analyst", "--contact-email", "dana@acme.example", "--at", "2026-11-23 10:00",
            "--tz", "Europe/London", "--scenario", "missed", "--reason", "forgot",
            "--slot", "2026-11-28 03:00", "--now", "2026-11-23T10:40Z"]  # fmt: skip
    markdown = cli([*args, "--format", "markdown"])
    assert (
        markdown.exit_code == 0 and "**Check:**" in markdown.stdout and "weekend" in markdown.stdout
    )
    text = cli(args)
    assert text.exit_code == 0 and "Check:" in text.stdout


def test_amends_slots_reads_my_zone_and_hours_from_the_profile(
    cli: CliRun, tmp_path: object
) -> None:
    from pathlib import Path

    profile = Path(str(tmp_path)) / "profile.toml"
    profile.write_text('tz = "America/New_York"\nmy_hours = "07:00-12:00"\n', encoding="utf-8")
    done = cli(
        [
            "slots",
            "--tz",
            "Europe/London",
            "--profile",
            str(profile),
            "--now",
            "2026-11-23T14:05Z",
            "--format",
            "json",
        ]
    )
    assert done.exit_code == 0, done.stderr
    import json

    slots = json.loads(done.stdout)["slots"]
    assert slots and all("EST" in s["candidate_local"] for s in slots)
    for s in slots:
        local = datetime.fromisoformat(s["start"]).astimezone(ZoneInfo("America/New_York"))
        assert 7 <= local.hour < 12


def _uids(data: bytes) -> set[str]:
    return {str(e["uid"]) for e in events(data)}


def test_one_identity_per_round_unchanged_by_original_at_and_new_for_round_two() -> None:
    plain = _uids(prepare_calendar(confirmed(), NOW).data)
    missed = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("America/New_York"))
    assert _uids(prepare_calendar(confirmed(original_start=missed), NOW).data) == plain
    assert _uids(prepare_calendar(confirmed(round=2), NOW).data).isdisjoint(plain)
    by_case = _uids(prepare_calendar(confirmed(case="c-1"), NOW).data)
    assert by_case.isdisjoint(plain)
    assert _uids(prepare_calendar(confirmed(case="c-1", company="Acme Inc"), NOW).data) == by_case


def test_next_names_an_unnamed_contact_by_role_instead_of_an_empty_to(cli: CliRun) -> None:
    saved = cli(["plan", "--name", "Sam", "--company", "Acme", "--role", "Analyst",
                "--contact-email", "jobs@acme.example", "--at", "2026-11-23 10:00",
                "--tz", "Europe/London", "--scenario", "missed", "--reason", "forgot",
                "--now", "2026-11-23T10:40Z", "--save"])  # fmt: skip
    assert saved.exit_code == 0, saved.stderr
    listed = cli(["next", "--now", "2026-11-23T10:45Z"])
    assert "to )" not in listed.stdout and "(email, to the" in listed.stdout, listed.stdout


def test_the_web_shows_typed_slot_warnings_beside_the_field_and_in_the_api() -> None:
    # PLAN_BODY offers Thursday 10:00 GMT, which is 05:00 for the New York candidate.
    client = make_client()
    token = form_token(client.get("/plan").text)
    html = client.post("/plan", data={**PLAN_BODY, "csrf_token": token}).text
    beside = html.split('id="f-slot-warnings"', 1)[1].split("</ul>", 1)[0]
    assert "Check:" in beside and "outside your own hours" in beside
    data = client.post("/api/plan", json=PLAN_BODY, headers=api_headers(client)).json()
    assert [w["field"] for w in data["warnings"]] == ["slot"]
