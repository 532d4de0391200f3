"""Issue 15, stated fields only: the interviewer is read only when the story says who
interviews, and a firm's name stops where the name ends.

Every story is written for this file, in several styles (lower case, run-on, quoted email).
"""

from __future__ import annotations

from amends.dates.zones import parse_instant
from amends.intake import read_story

LONDON = ("2026-03-10T13:00:00+00:00", "Europe/London")  # Tuesday 10 March, 13:00


def read(text: str, now: str = LONDON[0], my_tz: str = LONDON[1]) -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


def test_the_one_who_only_sent_the_invite_is_not_the_interviewer() -> None:
    for story in (
        "Mrs Ahmed emailed me the invite for the 11am interview at Orbis. I missed it, overslept",
        "missed my 11am interview at Orbis, overslept. Dr Amy Lin sent the calendar invite",
        "Hiring manager Paul Reed sent the invite for an 11am panel interview at Orbis. missed"
        " it, overslept",
        "mr tan booked the 11am interview at orbis for me and i overslept and missed it",
    ):
        assert "interviewer" not in read(story), story


def test_a_receptionist_or_the_sender_of_an_email_is_not_the_interviewer() -> None:
    for story in (
        "missed my 11am interview at Orbis, overslept. Mr Grant from reception called",
        "Kind regards, Dr Moore. Missed my 11am interview at Orbis, overslept",
        "missed my 11am interview at Orbis, overslept. Got an email from Ms Rhee asking where I"
        " was",
    ):
        assert "interviewer" not in read(story), story


def test_a_story_that_says_who_interviews_still_names_the_interviewer() -> None:
    assert (
        read("Interview with Dana Kim at Orbis at 11am, missed it, overslept")["interviewer"]
        == "Dana Kim"
    )
    assert (
        read("Dana will be interviewing me at Orbis at 11am, missed it, overslept")["interviewer"]
        == "Dana"
    )
    assert (
        read("panel led by Prof Stone at Orbis at 11am, missed it, overslept")["interviewer"]
        == "Stone"
    )
    assert (
        read("I was meeting Dr Osei at Orbis at 11am, missed it, overslept")["interviewer"]
        == "Osei"
    )
    # the one who sent the invite and also interviews is the interviewer
    got = read(
        "Dr Amy Lin sent the calendar invite for the 11am at Orbis, I was meant to speak to Dr"
        " Lin and I overslept"
    )
    assert got["interviewer"].endswith("Lin")


def test_a_hiring_manager_who_wrote_about_the_missed_call_is_still_the_interviewer() -> None:
    got = read(
        "Ms Laura Pike, the hiring manager at Orbis, emailed at 11:20 to ask whether I was"
        " joining the Teams call at 11:00. I had it down for tomorrow."
    )
    assert got["interviewer"] == "Laura Pike"


def test_a_firms_name_ends_before_a_sign_off_or_plea_typed_after_it() -> None:
    got = read("Jo from Hartwell Recruiting Thanks. Missed the 9am interview at Acme")
    assert got["recruiter"] == "Jo (Hartwell Recruiting)"
    got = read("Tom from Hartwell Recruiting Thanks for reading. missed my 9am interview w Acme")
    assert got["recruiter"] == "Tom (Hartwell Recruiting)"
    assert read("missed my 9am interview at Brightwater Logistics Cheers")["company"] == (
        "Brightwater Logistics"
    )
    got = read("I missed the 9am interview with Brightwater Logistics Please help")
    assert got["company"] == "Brightwater Logistics"
    got = read("I missed the 9am interview with Brightwater Logistics Many thanks in advance")
    assert got["company"] == "Brightwater Logistics"


def test_a_firm_whose_own_name_holds_a_courtesy_word_first_keeps_it() -> None:
    # only a word after the name's first is cut: "Best Foods", "Help Desk Co" stay whole
    assert read("missed my 9am interview at Best Foods, overslept")["company"] == "Best Foods"


def test_a_plural_title_anywhere_names_the_panel_not_an_earlier_single_name() -> None:
    got = read("Interview with Tom Hill at Orbis at 11am. The panel: Drs Patel and Lee. Missed it")
    assert got["interviewer"] == "Patel and Lee"
    got = read("the hiring manager is Tom Hill. the panel: Drs. Patel & Lee. missed the 11am")
    assert got["interviewer"] == "Patel and Lee"


def test_a_plural_title_reads_full_names_lists_and_capitals() -> None:
    assert (
        read("missed the 11am at Orbis with Drs Anna Patel and Ben Lee, overslept")["interviewer"]
        == "Anna Patel and Ben Lee"
    )
    assert (
        read("missed the 11am at Orbis with Drs Patel, Lee and Okafor, overslept")["interviewer"]
        == "Patel, Lee and Okafor"
    )
    assert read("missed the 11am at Orbis with DRS PATEL AND LEE, overslept")["interviewer"] == (
        "Patel and Lee"
    )
    got = read("missed the 11am at orbis with drs patel and lee interviewing, overslept")
    assert got["interviewer"] == "Patel and Lee"


def test_a_panel_under_a_plural_title_is_no_company() -> None:
    got = read("missed the 11am at Orbis with Profs Patel and Lee, overslept")
    assert (got["company"], got["interviewer"]) == ("Orbis", "Patel and Lee")


def test_the_one_named_as_having_booked_it_is_not_the_interviewer() -> None:
    for story in (
        "missed my 11am interview at Orbis, overslept. the person who set it up is Ms Kaur"
        " kaur@orbis.example",
        "missed the 11am at orbis, overslept. the lady who organised it is dana kim,"
        " dana.kim@orbis.example",
        "missed the 11am at Orbis, the MRI ran late. voicemail from the office manager Rosa"
        " Vidal who booked me in, 020 7946 0991",
        # a name written surname first after its title
        "missed the 11am at Orbis, overslept. the person who set it up is Ms Tan Wei Ling"
        " tan.weiling@orbis.example",
    ):
        assert "interviewer" not in read(story), story
    # named as the booker and said to interview: the interviewer
    got = read(
        "the person who set it up is Ms Kaur, and the interview at 11am was with Ms Kaur too."
        " I overslept and missed it"
    )
    assert got["interviewer"] == "Kaur"
