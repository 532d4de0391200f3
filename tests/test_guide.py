"""The guided interview: `amends guide` (and `amends` with no arguments in a terminal).

Rules protected (issue 2 item 7): the guide asks only what a plan needs, re-asks after
an invalid answer with the same message a flag would give, prints the plan, and offers
to save the candidate's own details (privately) so they are not typed again; without a
terminal, `amends` with no arguments prints the help instead of waiting for answers.
"""

from __future__ import annotations

import stat
from collections.abc import Mapping
from pathlib import Path

import pytest

from amends.paths import profile_path
from amends.profile import load_profile, save_profile
from tests.conftest import CliRun

NOW = ["--now", "2026-11-23T10:40Z"]

# In prompt order: scenario, company, role, tz, at, interviewer, contact email,
# contact phone, recruiter, mode, reason, your name, your zone, your phone, your email.
ANSWERS = {
    "scenario": "missed",
    "company": "Acme",
    "role": "Data Analyst",
    "tz": "Europe/London",
    "at": "2026-11-23 10:00",
    "interviewer": "Dana Lee",
    "contact_email": "dana@acme.example",
    "contact_phone": "+44 20 7946 0000",
    "recruiter": "",
    "mode": "",
    "reason": "overslept",
    "name": "Sam Patel",
    "my_tz": "America/New_York",
    "phone": "+1 212 555 0100",
    "email": "sam@example.org",
}


def typed(answers: Mapping[str, str | list[str]], save: str | None = "y") -> str:
    """The keyboard input: each answer on its own line (lists = wrong tries first)."""
    lines: list[str] = [""]  # "What happened?" left blank: question by question
    for value in answers.values():
        lines += value if isinstance(value, list) else [value]
    if save is not None:
        lines.append(save)
    return "\n".join(lines) + "\n"


def test_guide_prints_the_plan_and_saves_a_private_profile(cli: CliRun) -> None:
    result = cli(["guide", *NOW], input=typed(ANSWERS, save="y"))
    assert result.exit_code == 0, result.stderr
    assert "Acme" in result.stdout and "Data Analyst" in result.stdout
    assert "Dana Lee" in result.stdout
    assert "Traceback" not in result.stderr
    path = profile_path()
    assert str(path) in result.stdout.replace("\n", "")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_profile() == {
        "name": "Sam Patel",
        "my_tz": "America/New_York",
        "phone": "+1 212 555 0100",
        "email": "sam@example.org",
    }


def test_guide_does_not_save_when_declined(cli: CliRun) -> None:
    result = cli(["guide", *NOW], input=typed(ANSWERS, save="n"))
    assert result.exit_code == 0, result.stderr
    assert not profile_path().exists()
    assert "Acme" in result.stdout


@pytest.mark.parametrize(
    ("field", "wrong", "message"),
    [
        ("scenario", "sideways", "use one of: late, conflict, missed, tech-failure"),
        ("company", "", "must not be empty"),
        ("company", "Acme\tInc", "single line"),
        ("role", " ", "must not be empty"),
        ("tz", "Eastern Standard Time", "America/New_York"),
        ("tz", "../etc/passwd", "IANA time zone"),
        ("at", "2026-11-23 25:00", "date and time"),
        ("contact_email", "dana-at-acme", "email address"),
        ("contact_phone", "call me", "phone number"),
        ("mode", "hologram", "in-person, video, phone"),
        ("reason", "dog-ate-it", "overslept"),
        ("my_tz", "EST", "America/New_York"),
        ("phone", "12", "phone number"),
        ("email", "sam@", "email address"),
    ],
)
def test_guide_re_asks_after_an_invalid_answer(
    cli: CliRun, field: str, wrong: str, message: str
) -> None:
    answers: dict[str, str | list[str]] = dict(ANSWERS)
    answers[field] = [wrong, ANSWERS[field]]
    result = cli(["guide", *NOW], input=typed(answers, save="n"))
    assert result.exit_code == 0, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert "Acme" in result.stdout


def test_guide_dst_gap_answer_is_re_asked(cli: CliRun) -> None:
    answers: dict[str, str | list[str]] = dict(ANSWERS)
    answers["scenario"] = "late"
    answers["reason"] = "transit"
    answers["at"] = ["2026-03-29 01:30", "2026-03-29 02:30"]
    result = cli(["guide", "--now", "2026-03-28T10:00Z"], input=typed(answers, save="n"))
    assert result.exit_code == 0, result.stderr
    assert "does not exist" in result.stderr


def test_guide_uses_the_profile_and_does_not_ask_for_saved_details(cli: CliRun) -> None:
    save_profile({"name": "Sam Patel", "tz": "America/New_York", "phone": "+1 212 555 0100",
                  "email": "sam@example.org"})  # fmt: skip
    answers = {k: v for k, v in ANSWERS.items() if k not in ("phone", "email")}
    answers["name"] = ""  # accept the profile's name
    answers["my_tz"] = ""  # and its zone
    result = cli(["guide", *NOW], input=typed(dict(answers), save=None))
    assert result.exit_code == 0, result.stderr
    assert "Sam Patel" in result.stdout
    assert "Save your" not in result.stdout  # nothing new to offer


def test_guide_with_an_explicit_profile_file(cli: CliRun, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "me.toml"
    result = cli(["guide", "--profile", str(tmp_path / "missing.toml"), *NOW], input="")
    assert result.exit_code == 2
    assert result.stderr.startswith("amends: error: --profile: ")
    save_profile({"name": "Sam Patel", "tz": "Europe/London"}, target)
    answers = {k: v for k, v in ANSWERS.items() if k not in ("name", "my_tz")}
    answers = {**answers, "name": "", "my_tz": ""}
    # Profile without phone/email: the guide asks for them (answers left blank).
    answers["phone"], answers["email"] = "", ""
    result = cli(["guide", "--profile", str(target), *NOW], input=typed(dict(answers), save=None))
    assert result.exit_code == 0, result.stderr
    assert "Sam Patel" in result.stdout


def test_guide_re_asks_a_start_time_that_conflicts_with_the_scenario(cli: CliRun) -> None:
    # "missed", but 12:00 is still ahead of --now: asked again, then the real time.
    answers = dict(ANSWERS, at=["2026-11-23 12:00", "2026-11-23 10:00"])
    result = cli(["guide", *NOW], input=typed(answers, save="n"))
    assert result.exit_code == 0, result.stderr
    assert "starts in the future" in result.stderr
    assert "Sam Patel" in result.stdout
    assert not profile_path().exists()


def test_guide_asks_which_one_when_the_start_falls_in_a_dst_fold(cli: CliRun) -> None:
    # London's clocks go back on 25 October 2026: 01:30 happens twice.
    answers = dict(ANSWERS, at="2026-10-25 01:30")
    keys = list(answers)
    lines = ["", *[answers[k] for k in keys[: keys.index("at") + 1]], "sideways", "later"]
    lines += [answers[k] for k in keys[keys.index("at") + 1 :]] + ["n"]
    result = cli(["guide", "--now", "2026-10-25T09:40:00+00:00"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "use earlier or later" in result.stderr
    assert "01:30 GMT" in result.stdout  # the later 01:30 is GMT (UTC+0), not BST


def test_guide_running_out_of_answers_is_cancelled_cleanly(cli: CliRun) -> None:
    result = cli(["guide", *NOW], input="missed\nAcme\n")
    assert result.exit_code != 0
    assert "Traceback" not in result.stderr
    assert "cancelled" in result.stderr


def test_no_arguments_without_a_terminal_prints_help(cli: CliRun) -> None:
    result = cli([], input="")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    assert "plan" in result.stdout and "guide" in result.stdout
    assert not profile_path().exists()


def test_guide_help_has_an_example(cli: CliRun) -> None:
    result = cli(["guide", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout


def test_guide_starts_with_what_happened_and_asks_only_what_the_story_leaves_open(
    cli: CliRun,
) -> None:
    story = (
        "missed my 10am zoom interview with Dana Lee for the data analyst role at Acme, "
        "my alarm didnt go off. her email is dana@acme.example. they are in London"
    )
    # The story gives all but the interviewer's zone is said ("in London"); left to ask:
    # nothing about the interview, then your own details.
    mine = ["Sam Patel", "America/New_York", "", ""]
    result = cli(["guide", *NOW], input="\n".join([story, *mine, "n"]) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "What happened?" in result.stdout
    for question in ("Company", "Role (job title)", "Interview start", "Reason code"):
        assert question not in result.stdout
    assert "Data Analyst at Acme" in result.stdout
    assert "Dana Lee" in result.stdout


def test_guide_asks_what_a_story_cannot_tell(cli: CliRun) -> None:
    story = "i missed my interview this morning, overslept"
    answers = ["Acme", "Data Analyst", "Europe/London", "2026-11-23 09:00", "", "", "", ""]
    mine = ["Sam Patel", "Europe/London", "", ""]
    result = cli(["guide", *NOW], input="\n".join([story, *answers, *mine, "n"]) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Company" in result.stdout and "Interview start" in result.stdout
    assert "What happened? late / conflict" not in result.stdout  # scenario came from the story


def test_guide_converts_a_start_told_on_your_own_clock_instead_of_asking_it_again(
    cli: CliRun,
) -> None:
    save_profile({"name": "Sam Patel", "tz": "Europe/London", "email": "sam@example.org"})
    story = (
        "missed my video interview with Acme for the data analyst role today at 9am my time, "
        "overslept. dana@acme.example"
    )
    # Only their zone is asked; 09:00 London is 04:00 in New York, shown, not asked.
    answers = ["America/New_York", "", "", "", ""]
    result = cli(["guide", *NOW], input="\n".join([story, *answers, "", ""]) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Interview start" not in result.stdout
    assert "2026-11-23 09:00 on your clock, is 2026-11-23 04:00 on theirs" in result.stdout
    assert "4:00" in result.stdout and "America/New_York" in result.stdout
