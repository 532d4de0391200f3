"""Rules for drafts phrased indirectly (issue 13), each with the near miss it must not swallow.

- Told by ``--kind apology`` that a draft is the apology, the checker holds it to saying the
  user still wants the role even without a subject line; a text whose kind is only inferred
  may leave it out, and a confirmation never owes it; nor does a voicemail that promises the
  times by e-mail (the pitch goes in that e-mail), while a call offering its own times does.
- The interview (or "it", a day, a time) as the subject of a need or a must with the day set
  ("the interview needs to move to Friday", "this has to be rescheduled by Thursday") is a
  demand; asked ("could we move it to Friday?") or supposed ("if it needs to move") it is not.
- One zone written beside an offered time covers the draft's other times; two zones, a time
  on the reader's clock too ("02:00 for you"), or a zone only on the missed interview do not.
- A loose window ("sometime next week", "any afternoon") stays vague though the day is left to
  them ("whichever day suits you": the hour is still open); concrete zoned times with "or
  whichever suits you" are clean; a season offered ("maybe early in the new year?"), a day
  not named ("one day next week") or a part of the day preferred ("mornings are better for
  me") is vague, not missing; a season told in passing offers nothing. An hour on no day in
  particular ("after 3pm GMT most weekdays") is still a loose window; a time on a named day
  beside it ("Tuesday at 10:00 GMT, or any afternoon") is something to book.
- A stand-in where the role, the employer or a name goes ("the XYZ role", "the TBA position",
  "[Company]", "<name>", "Mr/Ms ___", a bare "Mr/Ms") is an unfilled placeholder; a real
  acronym (COO, CFO, CTO, HR, QA, SRE, UX) or a filled name never is.
- Their link, call or platform failing ("your video link kept dropping") as the reason is
  blame; one's own call dropping is a factual reason.
"""

from __future__ import annotations

import pytest

from amends.check import check_text

OWNED = "I'm sorry I missed our interview this morning; the mistake was mine."
KEEN = "I remain very interested in the role."
TIMES = "Could we meet on Tuesday at 10:00 GMT or Wednesday at 14:00 GMT?"


def _email(body: str) -> str:
    return (
        "Subject: Missed interview – Sam Lee, Analyst\n\nDear Dana,\n\n"
        f"{body}\n\nThank you for your understanding,\nSam Lee\n07700 900123\n"
    )


def _apology(*lines: str) -> set[str]:
    return set(check_text(_email(" ".join(lines)), kind="apology").categories)


def _request(*lines: str) -> set[str]:
    return set(check_text(_email(" ".join(lines)), kind="request").categories)


UNINTERESTED_TEXTS = [
    "sorry i missed the interview today, that was my mistake. could do tues 10am GMT or "
    "weds 2pm GMT. thanks",
    "Dear Dana,\n\nPlease accept my apologies for missing this morning's interview; the error "
    "was mine. Would Tuesday at 10:00 GMT or Wednesday at 14:00 GMT suit?\n\nMany thanks,\nSam",
    "Hello, I am very sorry for not coming to interview today, it was my fault with the "
    "schedule. I can come Tuesday 10:00 GMT or Wednesday 14:00 GMT. Thank you.",
    "Apologies for missing our 9am earlier. Entirely on me. Free Tue 10:00 GMT or Wed 14:00 GMT "
    "if either works. Thanks for bearing with me.",
]


@pytest.mark.parametrize("text", UNINTERESTED_TEXTS)
def test_a_draft_named_an_apology_must_say_it_still_wants_the_role(text: str) -> None:
    assert "missing-interest" in check_text(text, kind="apology").categories
    keen = text.replace("Thank", "I remain very keen on the role. Thank").replace(
        "thanks", "still really keen on the role. thanks"
    )
    assert "missing-interest" not in check_text(keen, kind="apology").categories


def test_a_text_only_inferred_to_be_an_apology_may_leave_interest_out() -> None:
    report = check_text(UNINTERESTED_TEXTS[0])
    assert report.kind == "apology" and report.kind_inferred
    assert "missing-interest" not in report.categories


def test_a_confirmation_never_owes_a_line_about_the_role() -> None:
    text = "Thanks Dana, Tuesday at 10:00 GMT is perfect. I will join ten minutes early."
    assert "missing-interest" not in check_text(text, kind="confirmation").categories


@pytest.mark.parametrize(
    "line",
    [
        "The interview needs to move to Friday.",
        "This has to be rescheduled by Thursday.",
        "The call will have to be tomorrow.",
        "sorry but the interview got to be next week, im away",
        "Regrettably, Monday's session will have to shift to Wednesday.",
        "Our meeting will need to be on Friday instead, as I am travelling.",
        "Kindly note the second round has got to happen before the 14th.",
    ],
)
def test_the_interview_as_subject_of_a_need_with_a_set_day_is_a_demand(line: str) -> None:
    assert "demand" in _request("I'm sorry for the short notice.", line, KEEN)


@pytest.mark.parametrize(
    "line",
    [
        "Could we move the interview to Friday?",
        "Would it be possible for the interview to move to Friday at 10:00 GMT?",
        "If the interview needs to move, I could do Friday at 10:00 GMT.",
        "I understand the panel has to be this week, so Friday at 10:00 GMT works for me.",
        "You mentioned the final round has to be done by the 14th, so Friday at 10:00 GMT works.",
    ],
)
def test_asking_or_supposing_a_move_is_not_a_demand(line: str) -> None:
    assert "demand" not in _request("I'm sorry for the short notice.", line, KEEN, TIMES)


@pytest.mark.parametrize(
    "line",
    [
        "Could we meet on Tuesday at 10:00 GMT? Failing that, Wednesday at 14:00 would work.",
        "I could do Tuesday at 10am Eastern. I am also free Thursday at 3pm.",
        "i can do tues 10am pacific. or weds 2pm",
        "I can do Tuesday at 10:00 London time. Otherwise Wednesday 14:00 or Thursday 09:30.",
        "First choice: Tuesday, 10:00 Central European Time. Thursday 11:30 is a backup.",
        "Could we do Tuesday at 10:00? Otherwise I am free Wednesday at 14:00 GMT.",
    ],
)
def test_one_zone_stated_for_an_offered_time_covers_the_drafts_other_times(line: str) -> None:
    assert "missing-timezone" not in _apology(OWNED, KEEN, line)


@pytest.mark.parametrize(
    "line",
    [
        # two places: the bare time could be on either clock
        "I could do Tuesday at 10:00 GMT (11:00 CET). Or Wednesday at 14:00.",
        "I could do Tuesday at 10:00 SGT, which is 02:00 for you. Or Wednesday at 15:00.",
        # a zone on the missed interview says nothing of the new time's clock
        "I missed our 9:30 GMT interview. Could we try Wednesday at 14:00 instead?",
        # no zone at all
        "Could we meet on Tuesday at 10:00? Wednesday at 14:00 is also possible.",
    ],
)
def test_a_bare_time_stays_unzoned_beside_two_clocks_or_none(line: str) -> None:
    assert "missing-timezone" in _apology(OWNED, KEEN, line)


@pytest.mark.parametrize(
    "line",
    [
        "I am free sometime next week, whichever day suits you.",
        "I could do any afternoon, whichever day suits you best.",
        "I'm flexible next week, so whatever day suits you.",
        "Im around most of next week, just pick whichever day suits you",
    ],
)
def test_a_loose_window_stays_vague_though_the_day_is_left_to_them(line: str) -> None:
    assert "vague-time" in _apology(OWNED, KEEN, line)


@pytest.mark.parametrize(
    "line",
    [
        "I could do Tuesday at 10:00 GMT or Wednesday at 14:00 GMT, or whichever suits you.",
        "Could we meet Tuesday at 10am Eastern or Wednesday at 2pm Eastern, whichever suits you?",
    ],
)
def test_concrete_zoned_times_with_whichever_suits_you_are_clean(line: str) -> None:
    assert _apology(OWNED, KEEN, line) == set()


@pytest.mark.parametrize(
    "keen",
    [
        "I remain very interested in the XYZ role.",
        "I remain very interested in the TBA position.",
        "i am still keen on the ABC position at your firm",
        "I remain very interested in the role at [Company].",
        "I remain keen on the role; please pass my apologies to <name>.",
        "I remain keen on the role; please pass my apologies to Mr/Ms ___.",
        "I remain keen on the role, and kindly convey my regrets to Mr/Ms.",
        "I remain keen on the role; please pass my apologies to Dr Surname.",
    ],
)
def test_a_stand_in_for_the_role_or_a_name_is_an_unfilled_placeholder(keen: str) -> None:
    assert "unfilled-placeholder" in _apology(OWNED, keen, TIMES)


@pytest.mark.parametrize(
    "keen",
    [
        "I remain very interested in the COO role.",
        "I remain keen on the CFO position and would be glad to meet your CTO.",
        "Please pass my apologies to HR; I remain keen on the QA role.",
        "I remain keen on the SRE post, and the UX team were very kind.",
        "I remain keen on the role; please pass my apologies to Mr/Ms Patel.",
    ],
)
def test_real_acronyms_and_filled_names_are_never_placeholders(keen: str) -> None:
    assert "unfilled-placeholder" not in _apology(OWNED, keen, TIMES)


@pytest.mark.parametrize(
    "script",
    [
        "Hello, this is Sam Lee about the 3 pm interview for the analyst post. I'm sorry, I got "
        "the time wrong and missed it; the mistake is mine. I'll email my availability in UK time "
        "straight after this message. Thank you.",
        "hi its sam lee, sorry i missed the 10am today, my fault. ill send over two times by "
        "email in the next hour. thanks",
    ],
)
def test_a_voicemail_promising_times_by_email_leaves_the_pitch_to_the_email(script: str) -> None:
    assert "missing-interest" not in check_text(script, kind="script").categories


def test_a_call_that_offers_its_own_times_still_says_it_wants_the_role() -> None:
    script = (
        "Hello, this is Sam Lee about the 3 pm interview for the analyst post. I'm sorry, I "
        "missed it and the mistake is mine. Could we try Tuesday at 10:00 GMT? Thank you."
    )
    assert "missing-interest" in check_text(script, kind="script").categories


@pytest.mark.parametrize(
    "line",
    [
        "Maybe early in the new year?",
        "perhaps we could try again after easter",
        "I could make it one day next week.",
        "Mornings are generally better for me.",
        "Could we speak during half-term, if that works?",
    ],
)
def test_a_season_an_unnamed_day_or_a_part_of_the_day_is_a_vague_time(line: str) -> None:
    found = _apology(OWNED, KEEN, line)
    assert "vague-time" in found
    assert "missing-availability" not in found


@pytest.mark.parametrize(
    "line",
    [
        "I start a new job after the holidays, so I wanted to write now.",
        "Perhaps the panel is busy over Christmas; I understand either way.",
        "My mornings are usually busy with the school run, which is no excuse.",
    ],
)
def test_a_season_or_a_busy_morning_told_in_passing_offers_no_time(line: str) -> None:
    assert "vague-time" not in _apology(OWNED, KEEN, line, TIMES)
    assert "vague-time" not in _apology(OWNED, KEEN, line)


@pytest.mark.parametrize(
    "line",
    [
        "I am sorry. Your video link kept dropping and I could not rejoin.",
        "sorry, ur zoom call kept kicking me out so i gave up",
        "Apologies, your platform would not let me join at all.",
    ],
)
def test_their_link_or_platform_failing_as_the_reason_is_blame(line: str) -> None:
    assert "blame" in _apology(line, KEEN, TIMES)


def test_ones_own_call_dropping_is_a_factual_reason_not_blame() -> None:
    line = "I am sorry. My video call kept dropping and I could not rejoin."
    assert "blame" not in _apology(line, KEEN, TIMES)


@pytest.mark.parametrize(
    "line",
    [
        "I am free after 3pm GMT most weekdays.",
        "Any day after 2pm UK time works for me.",
        "im around from 9am GMT most days next week, just say when",
    ],
)
def test_an_hour_on_no_day_in_particular_is_still_a_loose_window(line: str) -> None:
    assert "vague-time" in _apology(OWNED, KEEN, line)


def test_a_time_on_a_named_day_beside_a_loose_window_is_something_to_book() -> None:
    line = "I could do Tuesday at 10:00 GMT, or really any afternoon after 2pm GMT."
    assert "vague-time" not in _apology(OWNED, KEEN, line)


def test_an_afternoon_after_a_date_names_no_clock_time() -> None:
    """The word "afternoon" holds "noon": a part of the day after a date is no clock time."""
    assert "vague-time" in _apology(OWNED, KEEN, "Any afternoon after the 10th would be fine.")
