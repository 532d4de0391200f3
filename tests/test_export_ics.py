"""The .ics calendars: RFC 5545 structure, stable identity, reminder timing, plain-word times."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from amends.dates.calendar import add_business_days
from amends.errors import InputError
from amends.export.ics import follow_up_calendar, prepare_calendar
from tests.export_support import NOW, by_kind, confirmed, events, plan
from tests.zones_edge import ALL_EDGE_ZONES, FRI_SAT_WEEKEND, HALF_HOUR_DST, SKIPPED_DAY

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")


def _tzids(data: bytes) -> set[bytes]:
    return set(re.findall(rb";TZID=([^:;]+)[:;]", data))


def _vtimezones(data: bytes) -> set[bytes]:
    return set(re.findall(rb"\r\nTZID:([^\r]+)\r\n", data))


def test_calendar_without_an_organizer_has_no_method_and_crlf_line_endings() -> None:
    data = prepare_calendar(confirmed(), NOW).data
    # iTIP's PUBLISH requires an ORGANIZER (RFC 5546, 3.2.1): no address, no METHOD.
    assert b"METHOD" not in data and b"ORGANIZER" not in data
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b""), "every line ends with CRLF"
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded"


@pytest.mark.parametrize("mine", ALL_EDGE_ZONES)
def test_every_tzid_has_its_vtimezone(mine: str) -> None:
    data = prepare_calendar(confirmed(candidate_tz=mine), NOW).data
    used = _tzids(data)
    assert used, "events carry TZIDs"
    assert used <= _vtimezones(data)


def test_interview_event_carries_place_interviewer_both_zones_and_alarms() -> None:
    interview = by_kind(prepare_calendar(confirmed(), NOW).data)["interview"]
    assert interview.decoded("dtstart") == datetime(2026, 11, 26, 10, 0, tzinfo=NY)
    assert str(interview["location"]) == "https://meet.example/abc-def"
    assert str(interview["url"]) == "https://meet.example/abc-def"
    assert "Dana Lee" in str(interview["summary"])
    text = str(interview["description"])
    assert "10:00 EST (UTC−5)" in text and "15:00 GMT" in text
    triggers = sorted(-a.decoded("trigger") for a in interview.walk("VALARM"))
    assert triggers == [timedelta(minutes=15), timedelta(hours=1), timedelta(hours=24)]
    assert all(str(a["action"]) == "DISPLAY" for a in interview.walk("VALARM"))


def test_alarm_times_are_also_written_in_plain_words_in_every_description() -> None:
    for event in events(prepare_calendar(confirmed(), NOW).data):
        text = str(event["description"])
        assert "24 hours before: Wednesday 25 November 2026 at 15:00 GMT" in text
        assert "1 hour before: Thursday 26 November 2026 at 14:00 GMT" in text
        assert "15 minutes before: Thursday 26 November 2026 at 14:45 GMT" in text


def test_video_interview_reminders_follow_the_rules() -> None:
    kinds = by_kind(prepare_calendar(confirmed(), NOW).data)
    start = datetime(2026, 11, 26, 10, 0, tzinfo=NY)
    assert set(kinds) == {
        "interview",
        "confirm-day-before",
        "confirm-morning",
        "tech-check",
        "preparation",
        "thank-you",
    }
    assert kinds["confirm-day-before"].decoded("dtstart") == start - timedelta(hours=24)
    check = start - kinds["tech-check"].decoded("dtstart")
    assert timedelta(minutes=30) <= check <= timedelta(minutes=60)
    morning = kinds["confirm-morning"].decoded("dtstart")
    assert morning.astimezone(LONDON).date() == start.astimezone(LONDON).date()
    assert morning < start
    prep = kinds["preparation"].decoded("dtstart").astimezone(LONDON)
    assert prep.date() == start.astimezone(LONDON).date() - timedelta(days=1)
    prep_text = str(kinds["preparation"]["description"])
    assert "three" in prep_text and "60-second" in prep_text and "questions" in prep_text


def test_in_person_gets_a_travel_block_with_route_check_instead_of_a_tech_check() -> None:
    slot = confirmed(mode="in-person", address="Rue de l'Église 3; Bâtiment B, 2e", link=None)
    kinds = by_kind(prepare_calendar(slot, NOW).data)
    assert "tech-check" not in kinds
    travel = kinds["travel"]
    assert travel.decoded("dtend") == slot.start - timedelta(minutes=15)
    assert travel.decoded("dtstart") == slot.start - timedelta(minutes=60)
    assert str(travel["location"]) == "Rue de l'Église 3; Bâtiment B, 2e"
    assert "route" in str(travel["description"])
    assert str(kinds["interview"]["location"]) == "Rue de l'Église 3; Bâtiment B, 2e"
    assert "url" not in kinds["interview"]


def test_uids_are_stable_across_exports_and_sequence_increases() -> None:
    first = by_kind(prepare_calendar(confirmed(), NOW).data)
    later = by_kind(prepare_calendar(confirmed(), NOW + timedelta(minutes=5)).data)
    assert {k: str(e["uid"]) for k, e in first.items()} == {
        k: str(e["uid"]) for k, e in later.items()
    }
    assert len({str(e["uid"]) for e in first.values()}) == len(first)
    for kind, event in later.items():
        assert int(event["sequence"]) > int(first[kind]["sequence"])


def test_moving_the_slot_again_updates_the_same_events() -> None:
    original = datetime(2026, 11, 23, 10, 0, tzinfo=LONDON)
    one = by_kind(prepare_calendar(confirmed(original_start=original), NOW).data)
    moved = confirmed(original_start=original, start=datetime(2026, 11, 27, 11, 0, tzinfo=NY))
    two = by_kind(prepare_calendar(moved, NOW + timedelta(hours=1)).data)
    assert str(one["interview"]["uid"]) == str(two["interview"]["uid"])


def test_different_cases_get_different_uids() -> None:
    one = by_kind(prepare_calendar(confirmed(), NOW).data)
    two = by_kind(prepare_calendar(confirmed(company="Globex"), NOW).data)
    assert str(one["interview"]["uid"]) != str(two["interview"]["uid"])


def test_reminders_already_past_are_left_out_and_reported() -> None:
    soon = confirmed(
        start=datetime(2026, 11, 23, 15, 0, tzinfo=LONDON), candidate_tz="Europe/London"
    )
    export = prepare_calendar(soon, datetime(2026, 11, 23, 9, 0, tzinfo=LONDON))
    kinds = by_kind(export.data)
    assert "confirm-day-before" in export.skipped
    assert "confirm-day-before" not in kinds
    # The preparation hour moves to the next quarter hour when the evening before has passed.
    assert kinds["preparation"].decoded("dtstart") == datetime(2026, 11, 23, 9, 0, tzinfo=LONDON)


def test_confirmed_time_in_the_past_is_refused() -> None:
    with pytest.raises(InputError) as info:
        prepare_calendar(confirmed(), datetime(2026, 12, 1, tzinfo=NY))
    assert info.value.field == "at"


@pytest.mark.parametrize("mine", [HALF_HOUR_DST, SKIPPED_DAY, "Asia/Kathmandu", "Etc/GMT-14"])
def test_edge_zones_keep_every_event_at_the_same_instants(mine: str) -> None:
    slot = confirmed(candidate_tz=mine)
    interview = by_kind(prepare_calendar(slot, NOW).data)["interview"]
    assert interview.decoded("dtstart") == slot.start


def test_follow_up_calendar_has_holds_the_one_follow_up_and_move_on() -> None:
    p = plan()
    export = follow_up_calendar(p, NOW)
    kinds = [str(e["categories"].cats[1]) for e in events(export.data)]
    assert kinds.count("slot-hold") == 2
    assert "follow-up" in kinds and "move-on" in kinds
    data = by_kind(export.data)
    follow = data["follow-up"].decoded("dtstart").astimezone(LONDON)
    # Sent by Monday 23 November; three UK business days later is Thursday 26 November,
    # at 13:00 GMT: the first time inside both London's working hours and the New York
    # candidate's waking hours (08:00 EST), not 10:00 GMT (05:00 EST).
    assert follow == datetime(2026, 11, 26, 13, 0, tzinfo=LONDON)
    text = str(data["follow-up"]["description"])
    assert "Thursday 26 November 2026 at 13:00 GMT" in text
    assert "08:00 EST" in text, "both zones are written out"
    assert b"\r\nMETHOD:PUBLISH\r\n" in export.data
    assert all(str(e["organizer"]) == "mailto:sam@example.org" for e in events(export.data))
    holds = [e for e in events(export.data) if str(e["categories"].cats[1]) == "slot-hold"]
    assert all(str(e["status"]) == "TENTATIVE" for e in holds)


def test_follow_up_skips_weekends_and_public_holidays_of_the_interviewer() -> None:
    p = plan(at="2026-12-23 10:00", now="2026-12-23T10:40Z", slot=[])
    follow = by_kind(follow_up_calendar(p, datetime(2026, 12, 23, 11, tzinfo=LONDON)).data)
    day = follow["follow-up"].decoded("dtstart").astimezone(LONDON).date()
    assert day == datetime(2026, 12, 30).date()  # 25, 26-27 weekend, 28 substitute holiday


def test_business_days_default_to_monday_to_friday() -> None:
    friday = datetime(2026, 11, 27, 12, tzinfo=ZoneInfo("UTC"))  # UTC: no country, no holidays
    assert add_business_days(friday, 1, "UTC").date().isoformat() == "2026-11-30"
    assert add_business_days(friday, 3, "UTC").date().isoformat() == "2026-12-02"


def test_follow_up_uses_a_friday_saturday_weekend_where_that_is_the_rule() -> None:
    p = plan(tz=FRI_SAT_WEEKEND, at="2026-11-25 10:00", now="2026-11-25T08:00Z", slot=[])
    follow = by_kind(follow_up_calendar(p, NOW).data)["follow-up"]
    day = follow.decoded("dtstart").astimezone(ZoneInfo(FRI_SAT_WEEKEND)).date()
    assert day.isoformat() == "2026-11-30"  # Thu 26, Sun 29, Mon 30 (Fri/Sat skipped)
