"""The next-step engine across business days, weekends, holidays and time zones (injected now)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from amends.cases import Case, Due, add_business_days, next_steps
from amends.cases.engine import case_steps
from amends.store import Store
from tests.case_factory import apply, at, new_case
from tests.zones_edge import FAR_EAST, FIXED_OFFSET, FRI_SAT_WEEKEND, US_EAST


def steps(case: Case, now: str, days: int = 3) -> dict[str, Due]:
    return {d.step: d for d in case_steps(case, at(now), days)}


def local(moment: datetime, tz: str) -> str:
    return moment.astimezone(ZoneInfo(tz)).strftime("%a %Y-%m-%d %H:%M")


# -- business days ---------------------------------------------------------------


def test_follow_up_skips_the_weekend_and_lands_in_their_morning(store: Store) -> None:
    # Email on Friday 20 Nov 2026 in London: three business days is Wednesday.
    case = apply(
        store,
        # Awake at any hour: this test is about business days, not waking hours.
        new_case(store, at="2026-11-20 10:00", now="2026-11-20T10:40+00:00", my_hours="0-24"),
        ("contacted", "2026-11-20T16:30+00:00", {"via": "email"}),
    )
    follow = steps(case, "2026-11-21T09:00+00:00")["follow-up"]
    assert local(follow.at, "Europe/London") == "Wed 2026-11-25 10:00"
    assert follow.status == "upcoming"
    assert follow.write == "follow-up"


def test_public_holidays_and_closures_of_the_interviewers_country_do_not_count(
    store: Store,
) -> None:
    # Thanksgiving (Thu 26 Nov 2026) is a holiday in New York, the Friday after a customary
    # closure: three business days from Tuesday 24 November end on Tuesday 1 December.
    case = apply(
        store,
        new_case(store, tz=US_EAST, at="2026-11-24 10:00", now="2026-11-24T16:00+00:00"),
        ("contacted", "2026-11-24T16:30+00:00", {"via": "email"}),
    )
    follow = steps(case, "2026-11-25T12:00+00:00")["follow-up"]
    assert local(follow.at, US_EAST) == "Tue 2026-12-01 10:00"


def test_a_friday_saturday_weekend_is_honoured(store: Store) -> None:
    # Riyadh: Wednesday email -> Thursday (1), Sunday (2), Monday (3).
    case = apply(
        store,
        new_case(
            store,
            tz=FRI_SAT_WEEKEND,
            at="2026-11-18 10:00",
            now="2026-11-18T08:00+00:00",
            my_hours="0-24",
        ),
        ("contacted", "2026-11-18T08:30+00:00", {"via": "email"}),
    )
    follow = steps(case, "2026-11-18T09:00+00:00")["follow-up"]
    assert local(follow.at, FRI_SAT_WEEKEND) == "Mon 2026-11-23 10:00"


def test_days_are_counted_on_the_interviewers_calendar_not_mine(store: Store) -> None:
    # Thursday 23:00 in London is already Friday noon in Auckland: count from Friday there.
    case = apply(
        store,
        new_case(
            store,
            tz=FAR_EAST,
            my_tz="Europe/London",
            at="2026-11-19 10:00",
            now="2026-11-19T22:40+00:00",
            my_hours="0-24",
        ),
        ("contacted", "2026-11-19T23:00+00:00", {"via": "email"}),
    )
    follow = steps(case, "2026-11-20T09:00+00:00")["follow-up"]
    assert local(follow.at, FAR_EAST) == "Wed 2026-11-25 10:00"
    assert local(follow.at, "Europe/London") == "Tue 2026-11-24 21:00"


def test_the_number_of_business_days_is_a_setting(store: Store) -> None:
    case = apply(
        store,
        new_case(store, at="2026-11-20 10:00", now="2026-11-20T10:40+00:00", my_hours="0-24"),
        ("contacted", "2026-11-20T16:30+00:00", {"via": "email"}),
    )
    assert local(steps(case, "2026-11-21T09:00+00:00", days=5)["follow-up"].at, "UTC") == (
        "Fri 2026-11-27 10:00"
    )


@settings(max_examples=150, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)),
    days=st.integers(min_value=1, max_value=15),
)
def test_adding_business_days_counts_exactly_that_many_weekdays(start: datetime, days: int) -> None:
    # A fixed-offset zone has no country, so no holidays: plain Monday to Friday.
    tz = ZoneInfo(FIXED_OFFSET)
    moment = start.replace(tzinfo=tz)
    result = add_business_days(moment, days, FIXED_OFFSET).astimezone(tz)
    assert result.weekday() < 5 and (result.hour, result.minute) == (10, 0)
    span = (result.date() - moment.date()).days
    counted = sum(
        1 for i in range(1, span + 1) if (moment.date() + timedelta(days=i)).weekday() < 5
    )
    assert counted == days


# -- from first contact to moving on ---------------------------------------------


def test_a_fresh_case_asks_for_first_contact_within_the_hour(store: Store) -> None:
    case = new_case(store)
    first = steps(case, "2026-11-23T10:41+00:00")["first-contact"]
    assert first.status == "due" and first.by is not None
    assert first.by - first.at <= timedelta(hours=1)
    assert steps(case, "2026-11-23T12:00+00:00")["first-contact"].status == "overdue"


def test_voicemail_alone_calls_for_the_email_and_the_email_clears_it(store: Store) -> None:
    case = apply(
        store, new_case(store), ("contacted", "2026-11-23T10:45+00:00", {"via": "voicemail"})
    )
    send = steps(case, "2026-11-23T10:50+00:00")["send-email"]
    assert send.status == "due" and send.write == "apology-email"
    assert send.by == at("2026-11-23T11:45+00:00")
    assert steps(case, "2026-11-23T12:00+00:00")["send-email"].status == "overdue"
    case = apply(store, case, ("contacted", "2026-11-23T11:00+00:00", {"via": "email"}))
    assert "send-email" not in steps(case, "2026-11-23T11:05+00:00")


def test_the_recruiter_is_involved_until_contacted(store: Store) -> None:
    case = apply(store, new_case(store), ("contacted", "2026-11-23T10:45+00:00", {"via": "email"}))
    assert steps(case, "2026-11-23T10:50+00:00")["involve-recruiter"].write == "recruiter"
    case = apply(store, case, ("contacted", "2026-11-23T11:00+00:00", {"via": "recruiter"}))
    assert "involve-recruiter" not in steps(case, "2026-11-23T11:05+00:00")
    no_recruiter = apply(
        store,
        new_case(store, recruiter=None),
        ("contacted", "2026-11-23T10:45+00:00", {"via": "email"}),
    )
    assert "involve-recruiter" not in steps(no_recruiter, "2026-11-23T10:50+00:00")


def test_silence_then_one_follow_up_then_move_on(store: Store) -> None:
    case = apply(store, new_case(store), ("contacted", "2026-11-23T11:00+00:00", {"via": "email"}))
    assert steps(case, "2026-11-25T09:00+00:00")["follow-up"].status == "upcoming"
    # The follow-up goes out where London's working day meets New York's waking day.
    assert steps(case, "2026-11-26T12:55+00:00")["follow-up"].status == "upcoming"
    assert steps(case, "2026-11-26T13:00+00:00")["follow-up"].status == "due"
    case = apply(
        store,
        case,
        ("no-reply", "2026-11-26T10:05+00:00", {}),
        ("followed-up", "2026-11-26T10:10+00:00", {}),
    )
    after = steps(case, "2026-11-26T10:15+00:00")
    assert "follow-up" not in after
    # 10:00 in London is 05:00 in New York: moving on waits for my 08:00 (13:00 GMT).
    assert local(after["move-on"].at, "Europe/London") == "Tue 2026-12-01 13:00"
    assert steps(case, "2026-12-01T13:00+00:00")["move-on"].status == "due"
    case = apply(store, case, ("close", "2026-12-01T10:30+00:00", {}))
    assert next_steps([case], at("2026-12-01T10:31+00:00")) == []


# -- after they said yes ---------------------------------------------------------


def _rescheduled(store: Store, slot: str, **overrides: object) -> Case:
    return apply(
        store,
        new_case(store, **overrides),
        ("contacted", "2026-11-23T11:00+00:00", {"via": "email"}),
        ("reply-yes", "2026-11-24T09:00+00:00", {"slot": slot, "link": "https://meet.example/x"}),
    )


def test_yes_brings_confirmations_checks_and_joining_early(store: Store) -> None:
    case = _rescheduled(store, "2026-11-27 14:00")
    due = steps(case, "2026-11-24T13:05+00:00")
    assert due["confirm-written"].status == "due" and due["confirm-written"].write == "confirmation"
    start = at("2026-11-27T14:00+00:00")
    assert due["confirm-24h"].at == start - timedelta(hours=24)
    # The morning of the interview is the candidate's own (New York), not London's 08:00.
    assert local(due["confirm-morning"].at, US_EAST) == "Fri 2026-11-27 08:00"
    assert (due["tech-check"].at, due["tech-check"].by) == (
        start - timedelta(minutes=60),
        start - timedelta(minutes=30),
    )
    assert due["join-early"].by == start - timedelta(minutes=10)
    assert "follow-up" not in due and "thank-you" not in due


def test_morning_confirmation_starts_my_waking_day_not_the_interviewers(
    store: Store,
) -> None:
    # A London interview at 14:00 GMT for a candidate in New York: "this morning" is 08:00
    # EST on the candidate's clock, never 08:00 GMT (03:00 EST).
    case = _rescheduled(store, "2026-12-03 14:00")
    morning = steps(case, "2026-11-24T15:00+00:00")["confirm-morning"]
    assert local(morning.at, US_EAST) == "Thu 2026-12-03 08:00"


def test_morning_confirmation_is_left_out_before_an_interview_earlier_than_my_morning(
    store: Store,
) -> None:
    case = _rescheduled(store, "2026-11-27 08:30", tz=US_EAST, at="2026-11-23 05:00")
    due = steps(case, "2026-11-24T15:00+00:00")
    assert "confirm-morning" not in due
    assert local(due["confirm-24h"].at, US_EAST) == "Thu 2026-11-26 08:30"


def test_no_tech_check_for_an_in_person_interview(store: Store) -> None:
    case = apply(
        store,
        new_case(store),
        ("contacted", "2026-11-23T11:00+00:00", {"via": "email"}),
        ("reply-yes", "2026-11-24T09:00+00:00", {"slot": "2026-11-27 14:00", "mode": "in-person"}),
    )
    due = steps(case, "2026-11-24T09:05+00:00")
    assert "tech-check" not in due and "join-early" in due


def test_after_the_interview_the_thank_you_is_due_within_24_hours(store: Store) -> None:
    case = _rescheduled(store, "2026-11-27 14:00")
    during = steps(case, "2026-11-27T14:30+00:00")
    assert not {"confirm-24h", "confirm-morning", "tech-check", "join-early"} & set(during)
    after = steps(case, "2026-11-27T15:30+00:00")
    assert after["record-outcome"].status == "due"
    assert after["thank-you"].by == at("2026-11-28T15:00+00:00")
    case = apply(store, case, ("interviewed", "2026-11-27T15:10+00:00", {}))
    thanks = steps(case, "2026-11-28T16:00+00:00")["thank-you"]
    assert thanks.status == "overdue"
    case = apply(store, case, ("thanked", "2026-11-28T16:05+00:00", {}))
    assert "thank-you" not in steps(case, "2026-11-28T16:10+00:00")
    assert "log-lessons" in steps(case, "2026-11-28T16:10+00:00")


def test_marking_a_step_done_removes_it(store: Store) -> None:
    case = _rescheduled(store, "2026-11-27 14:00")
    case = apply(store, case, ("done", "2026-11-24T09:30+00:00", {"step": "confirm-written"}))
    assert "confirm-written" not in steps(case, "2026-11-24T09:35+00:00")


def test_promised_material_is_due_until_delivered(store: Store) -> None:
    case = _rescheduled(store, "2026-11-27 14:00")
    case = apply(
        store, case, ("promised", "2026-11-27T15:00+00:00", {"text": "the churn case study"})
    )
    deliver = steps(case, "2026-11-27T15:05+00:00")["deliver"]
    assert "the churn case study" in deliver.text
    assert deliver.by == at("2026-11-28T15:00+00:00")
    case = apply(
        store, case, ("delivered", "2026-11-27T18:00+00:00", {"text": "The churn case study"})
    )
    assert "deliver" not in steps(case, "2026-11-27T18:05+00:00")


# -- after they said no ----------------------------------------------------------


def test_no_brings_a_gracious_reply_and_a_stay_in_touch_note_months_later(
    store: Store,
) -> None:
    case = apply(
        store,
        new_case(store),
        ("contacted", "2026-11-23T11:00+00:00", {"via": "email"}),
        ("reply-no", "2026-11-24T09:00+00:00", {}),
    )
    # Recorded at 04:00 in New York: the reply is due from my 08:00, not in the night.
    early = steps(case, "2026-11-24T09:05+00:00")["decline-reply"]
    assert local(early.at, US_EAST) == "Tue 2026-11-24 08:00" and early.status == "upcoming"
    due = steps(case, "2026-11-24T13:05+00:00")
    assert due["decline-reply"].status == "due" and due["decline-reply"].write == "decline-reply"
    assert due["stay-in-touch"].status == "upcoming"
    assert due["stay-in-touch"].at == at("2026-11-24T13:00+00:00") + timedelta(days=90)


def test_next_lists_all_open_cases_earliest_first(store: Store) -> None:
    a = apply(store, new_case(store), ("contacted", "2026-11-23T11:00+00:00", {"via": "email"}))
    b = new_case(store, company="Globex", now="2026-11-23T12:00+00:00")
    items = next_steps([a, b], at("2026-11-23T12:05+00:00"))
    assert {d.case_id for d in items} == {a.id, b.id}
    assert [d.at for d in items] == sorted(d.at for d in items)
    assert all(d.to_json()["status"] in ("upcoming", "due", "overdue") for d in items)


def test_a_reply_to_the_interviewer_waits_until_their_working_day_meets_mine(
    store: Store,
) -> None:
    # Candidate in London (awake at 09:00 GMT), interviewer in New York (04:00 EST then):
    # the gracious reply is due from 09:00 EST, when both days have begun.
    case = apply(
        store,
        new_case(
            store,
            tz=US_EAST,
            my_tz="Europe/London",
            at="2026-11-23 10:00",
            now="2026-11-23T15:40+00:00",
        ),
        ("contacted", "2026-11-23T16:00+00:00", {"via": "email"}),
        ("reply-no", "2026-11-24T09:00+00:00", {}),
    )
    reply = steps(case, "2026-11-24T09:05+00:00")["decline-reply"]
    assert local(reply.at, US_EAST) == "Tue 2026-11-24 09:00"
    assert reply.status == "upcoming"
