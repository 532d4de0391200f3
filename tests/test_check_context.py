"""What the draft is about changes what it must say: kinds, reason codes, times referred to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from amends.check import check_text, reasons
from amends.errors import InputError
from tests.conftest import CliRun

TIMES = "Could we meet on Tuesday at 10:00 GMT or Wednesday at 14:00 GMT?"


def _apology(middle: str, times: str = TIMES) -> str:
    return (
        "Subject: Apology for missing our interview – Sam Lee, Analyst\n\n"
        "Dear Dana,\n\n"
        f"I'm sorry I missed our interview this morning. {middle}\n\n"
        f"I remain very interested in the role. {times}\n\n"
        "Thank you for your understanding,\nSam Lee\n"
    )


def test_no_ownership_demanded_when_the_reason_code_is_outside_control() -> None:
    text = _apology("There was a signal failure on the line.")
    assert "missing-ownership" not in check_text(text, reason="transit").categories


def test_a_weak_reason_code_still_needs_ownership() -> None:
    text = _apology("There was a signal failure on the line.")
    assert "missing-ownership" in check_text(text, reason="overslept").categories


@pytest.mark.parametrize(
    "cause",
    [
        "My train was cancelled and the next one was an hour later.",
        "I was taken ill overnight.",
        "I had a family emergency and could not get to a phone.",
    ],
)
def test_a_factual_outside_cause_in_the_draft_needs_no_ownership_line(cause: str) -> None:
    report = check_text(_apology(cause))
    assert report.findings == (), [(f.rule, f.excerpt) for f in report.findings]


def test_ownership_phrased_without_the_stock_words_is_recognised() -> None:
    report = check_text(_apology("The mistake was mine: I mixed up the dates, and I now check."))
    assert "missing-ownership" not in report.categories


def test_unknown_reason_is_bad_input_naming_the_valid_codes() -> None:
    with pytest.raises(InputError) as info:
        check_text("Hello", reason="abducted-by-aliens")
    assert info.value.field == "reason"
    assert all(code in info.value.message for code in reasons())


def test_unknown_reason_on_the_command_line_exits_2(cli: CliRun, tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text(_apology("I overslept, which is on me."), encoding="utf-8")
    result = cli(["check", str(path), "--reason", "aliens"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("amends: error: --reason: 'aliens' is not a known reason")
    assert "transit" in result.stderr and result.stderr.count("\n") == 1


def test_advance_request_is_inferred_owes_no_ownership_but_apologises_for_the_trouble() -> None:
    text = (
        "Subject: Request to move Thursday's interview – Sam Lee\n\n"
        "Dear Dana,\n\nI'm writing to ask whether we could move our interview on Thursday, "
        "as I have a hospital appointment that morning that I cannot change.{sorry}\n\n"
        f"{TIMES} I'm happy to fit around your diary, and I remain keen on the role."
        "\n\nThank you,\nSam Lee\n"
    )
    report = check_text(text.format(sorry=" I am sorry for the inconvenience."))
    assert report.kind == "request" and report.kind_inferred
    assert report.findings == (), [(f.rule, f.excerpt) for f in report.findings]
    assert check_text(text.format(sorry="")).categories == {"missing-apology"}


def test_confirmation_owes_no_apology() -> None:
    text = (
        "Subject: Confirming Tuesday – Sam Lee\n\nDear Dana,\n\n"
        "Thank you for rescheduling. I'm writing to confirm our interview on Tuesday "
        "3 December at 10:00 GMT on Teams.\n\nBest regards,\nSam Lee\n"
    )
    report = check_text(text)
    assert report.kind == "confirmation"
    assert report.findings == (), [(f.rule, f.excerpt) for f in report.findings]
    assert "missing-apology" in check_text(text, kind="apology").categories


def test_follow_up_is_inferred() -> None:
    text = (
        "Subject: Following up – Sam Lee\n\nDear Dana,\n\nI'm following up on my email of "
        "Monday about a new time. I remain very interested in the role.\n\nThank you,\nSam\n"
    )
    report = check_text(text)
    assert report.kind == "follow-up" and report.findings == ()


def test_email_is_still_accepted_as_the_apology_kind() -> None:
    assert check_text(_apology("That was my mistake."), kind="email").kind == "apology"
    with pytest.raises(InputError) as info:
        check_text("Hello", kind="letter")
    assert info.value.field == "kind"


def test_a_time_the_draft_refers_to_is_not_a_time_offered() -> None:
    text = _apology("That was my mistake.", times="")
    text = text.replace("our interview this morning", "the 10am call")
    report = check_text(text)
    assert "missing-availability" in report.categories
    assert "missing-timezone" not in report.categories


def test_an_emailed_request_or_follow_up_still_says_it_wants_the_role() -> None:
    request = (
        "Subject: Request to move Thursday's interview - Sam Lee\n\nDear Dana,\n\n"
        "I'm writing to ask whether we could move our interview on Thursday; I have a "
        "hospital appointment I cannot move. Could we meet on Friday at 10:00 GMT instead?\n\n"
        "Thank you,\nSam"
    )
    assert "missing-interest" in check_text(request).categories
    keen = request.replace("instead?", "instead? I remain very keen on the role.")
    assert "missing-interest" not in check_text(keen).categories
    as_text = request.split("\n\n", 1)[1]
    assert "missing-interest" not in check_text(as_text, kind="request").categories


def test_a_note_about_arriving_late_owes_no_line_about_the_role() -> None:
    late = (
        "Subject: Running late - Sam Lee\n\nDear Dana,\n\nI'm sorry, my train is held and I "
        "will be about ten minutes late for our 10:00 interview.\n\nThank you,\nSam"
    )
    assert "missing-interest" not in check_text(late, kind="request").categories


def test_a_weak_reason_owned_after_a_semicolon_is_not_a_bare_excuse() -> None:
    owned = _apology("I overslept; I did not leave myself a proper margin, and that is down to me.")
    report = check_text(owned, reason="overslept")
    assert not report.categories & {"excuse", "missing-ownership"}, report.categories


def test_a_vague_offer_is_reported_as_vague_time_not_also_as_missing_availability() -> None:
    report = check_text(_apology("That was my mistake.", times="I'm free most days next week."))
    assert "vague-time" in report.categories
    assert "missing-availability" not in report.categories


@pytest.mark.parametrize(
    "promise",
    ["I'll email you two times this afternoon.", "I will send my available times by email."],
)
def test_a_call_that_promises_times_by_email_offers_availability(promise: str) -> None:
    script = f"Hello, this is Sam Lee about the 10am interview. I'm sorry, I'm unwell. {promise}"
    report = check_text(script + " Thank you.", kind="script")
    assert "missing-availability" not in report.categories


def test_a_clock_time_is_not_split_into_clauses_at_its_colon() -> None:
    text = _apology("That was my mistake.", times="I remain keen.").replace(
        "our interview this morning", "our 10:00 AM Eastern interview today"
    )
    assert "missing-availability" in check_text(text).categories


@pytest.mark.parametrize(
    "reference",
    [
        "I could not make our 2pm chat because of a signal failure.",
        "I am sorry I was not there at 1:30 today; I was taken ill.",
        "The meeting before it ran until 09:15 and I lost track of the time.",
        "Thank you for inviting me to interview on Friday at 11:00.",
    ],
)
def test_only_times_put_forward_need_a_zone(reference: str) -> None:
    report = check_text(_apology(reference, times="Could we meet on Tuesday at 10:00 GMT?"))
    assert "missing-timezone" not in report.categories


@pytest.mark.parametrize(
    "offer",
    [
        "Could we try Tuesday at 10 or Wednesday at 3?",
        "I'm free Thursday at 2pm if that suits.",
        "Would Monday at 11:00 work for you instead?",
    ],
)
def test_a_time_offered_without_its_zone_is_flagged_even_as_a_bare_hour(offer: str) -> None:
    assert (
        "missing-timezone" in check_text(_apology("That was my mistake.", times=offer)).categories
    )


def test_the_words_time_zone_name_no_zone_for_the_rest_of_the_draft() -> None:
    middle = "I mixed up the time zones, which is my mistake."
    report = check_text(_apology(middle, times="Could we do Thursday at 9:00 or Friday at 17:00?"))
    assert "missing-timezone" in report.categories


@pytest.mark.parametrize(
    "times",
    [
        "Could we speak on Tuesday at 2 PM Eastern?",
        "I'm free Wednesday between 9 and 12 Pacific.",
        "Would Thursday at 14:00 London time work?",
        "Could we do Tuesday at any time between 10:00 and 13:00 GMT?",
    ],
)
def test_region_words_count_as_zones_and_an_explicit_window_is_not_vague(times: str) -> None:
    report = check_text(_apology("That was my mistake.", times=times))
    assert not report.categories & {"missing-timezone", "vague-time"}, report.categories


@pytest.mark.parametrize(
    "slot", ["Dear (interviewer),", "Could we meet on DATE at TIME?", "(add two times here)"]
)
def test_template_slots_in_other_shapes_are_errors(slot: str) -> None:
    report = check_text(_apology("That was my mistake.") + slot + "\n")
    assert "unfilled-placeholder" in report.categories and not report.passed


def test_a_zone_in_brackets_is_not_a_placeholder() -> None:
    times = "Could we meet on Tuesday at 10:00 GMT (your time)?"
    assert "unfilled-placeholder" not in check_text(_apology("My mistake.", times)).categories


def test_errors_come_first_and_one_place_gets_one_finding_per_category() -> None:
    text = _apology("Sorry, but it wasn't my fault: the invite was wrong.", times="10:00 works.")
    report = check_text(text)
    severities = [f.severity for f in report.findings]
    assert severities == sorted(severities, key=lambda s: s != "error")
    blame = [f for f in report.findings if f.category == "blame"]
    assert len(blame) == 1 and blame[0].excerpt.startswith("wasn't my fault")


def test_the_rewrite_uses_the_reason_codes_own_honest_framing() -> None:
    text = _apology("I overslept because my alarm never went off.")
    report = check_text(text, reason="overslept")
    excuse = next(f for f in report.findings if f.category == "excuse")
    assert reasons()["overslept"].framing in excuse.suggestion


def test_json_summary_reports_the_kind_and_reason(cli: CliRun, tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text(_apology("My train was cancelled."), encoding="utf-8")
    result = cli(["check", str(path), "--reason", "transit", "-f", "json"])
    summary = json.loads(result.stdout)["summary"]
    assert summary["kind"] == "apology" and summary["kind_inferred"] is True
    assert summary["reason"] == "transit" and result.exit_code == 0


_CALL_NO_REASON = (
    "Hi, this is Sam Lee calling for Ms Patel. I'm so sorry I missed our interview at nine "
    "this morning. I'm still very interested in the role. I'll email two times for later "
    "this week. Thank you."
)


def test_a_call_after_a_miss_owes_ownership_when_the_reason_code_is_weak() -> None:
    report = check_text(_CALL_NO_REASON, kind="script", reason="overslept")
    assert "missing-ownership" in report.categories


def test_a_call_after_a_miss_owes_no_ownership_for_a_private_or_outside_reason() -> None:
    for code in ("personal", "transit"):
        report = check_text(_CALL_NO_REASON, kind="script", reason=code)
        assert "missing-ownership" not in report.categories, code
    assert "missing-ownership" not in check_text(_CALL_NO_REASON, kind="script").categories


@pytest.mark.parametrize(
    "text",
    [
        "Subject: Re: Second interview\n\nHi Kofi,\n\nWednesday at 11:30 EAT suits me well "
        "(09:30 in Lisbon). I'll have the case study with me.\n\nMany thanks,\nRui\n",
        "Subject: Panel interview confirmed\n\nDear Ms Havel,\n\nThank you for the invitation. "
        "I confirm that I will attend on Friday 6 March at 09:00 CET.\n\nKind regards,\nJana\n",
        "confirmed for thu 2pm EST, thanks! see you then",
    ],
)
def test_agreeing_to_an_offered_time_is_inferred_as_a_confirmation(text: str) -> None:
    report = check_text(text)
    assert report.kind == "confirmation", report.kind
    assert "missing-apology" not in report.categories
    assert "missing-ownership" not in report.categories


@pytest.mark.parametrize(
    "text",
    [
        # a miss is still an apology, however it ends
        "Subject: Today\n\nHi Kofi,\n\nI missed our call this morning. Tuesday at 10:00 EAT "
        "works for me if it suits you. See you then,\nRui\n",
        # moving the interview is still a request
        "Subject: Friday\n\nHi Kofi,\n\nCould we move our interview on Friday? Monday at 10:00 "
        "EAT works for me. Thank you for the invitation,\nRui\n",
        # running late is still a request
        "Hi Kofi, I'm running about 15 minutes late, see you then. Rui",
    ],
)
def test_a_miss_a_move_or_running_late_is_never_read_as_a_confirmation(text: str) -> None:
    assert check_text(text).kind != "confirmation"
