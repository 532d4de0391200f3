"""`amends intake`, `amends plan --story`, `POST /api/intake` and the web "What happened?" box.

Rules protected (issue 15): a story typed the way people type on a phone becomes the
plan's fields; nothing is invented (what is not stated is missing, with a question);
relative days resolve against --now on the right clock; unusable input is one line
(exit 2 / 422), never a traceback; DST folds, impossible dates and two conflicting
times are asked about, not guessed; the JSON is exactly fields/missing/questions and
is the same from the CLI and the API; the story parsers never slow down other commands.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from typing import Any

import pytest

from amends.dates.zones import parse_instant
from amends.errors import InputError
from amends.intake import read_story
from tests.conftest import CliRun
from tests.web_support import api_headers, form_token, make_client

NOW = "2026-11-23T10:40:00+00:00"  # Monday 10:40 in London
LONDON = ["--now", NOW, "--my-tz", "Europe/London"]
STORY = (
    "missed my 10am zoom interview w dana lee for the data analyst role at Acme, "
    "alarm didnt go off. dana@acme.example"
)


def fields(text: str, now: str = NOW, my_tz: str = "Europe/London") -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


def test_json_is_exactly_fields_missing_questions_with_plan_option_names(cli: CliRun) -> None:
    result = cli(["intake", STORY, *LONDON, "--format", "json"])
    data = json.loads(result.stdout)
    assert list(data) == ["fields", "missing", "questions"]
    assert data["fields"] == {
        "scenario": "missed",
        "reason": "overslept",
        "at": "2026-11-23 10:00",
        "company": "Acme",
        "role": "Data Analyst",
        "interviewer": "Dana Lee",
        "contact_role": "interviewer",
        "contact_email": "dana@acme.example",
        "mode": "video",
        "platform": "Zoom",
    }
    assert data["missing"] == ["tz"]  # a video call: their zone is not known, so it is asked
    assert len(data["questions"]) == 1 and "time zone" in data["questions"][0]
    assert result.exit_code == 1  # something a plan needs is still missing


def test_a_complete_story_exits_0_and_stdin_works(cli: CliRun) -> None:
    story = STORY + ". they are in London"
    result = cli(["intake", "-", *LONDON], input=story)
    assert result.exit_code == 0, result.stdout
    assert "Understood:" in result.stdout and "Europe/London" in result.stdout


def test_nothing_is_invented_from_a_story_without_details() -> None:
    assert fields("i missed my interview") == {"scenario": "missed"}
    # The interview need not be named: "going to be late" is about it.
    assert fields("im going to be late, train stuck outside Reading") == {
        "scenario": "late",
        "reason": "transit",
    }
    assert fields("the weather is awful and my cat knocked over my coffee") == {}


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("im going to be late for my interview, it's at half past ten", "2026-11-23 10:30"),
        ("cant make my interview tmrw at 2pm, kid is sick", "2026-11-24 14:00"),
        ("missed my interview yesterday at 3, overslept", "2026-11-22 15:00"),
        ("my interview on thursday at 9.30 clashes with an exam", "2026-11-26 09:30"),
        ("interview starts in 20 min and the train is stuck", "2026-11-23 11:00"),
        ("i forgot my interview this morning at 9", "2026-11-23 09:00"),
    ],
)
def test_relative_days_and_phone_typed_times_resolve_against_now(text: str, at: str) -> None:
    assert fields(text)["at"] == at


def test_relative_days_are_read_on_the_clock_the_time_is_written_on() -> None:
    # 22:30 on Monday in New York is already Tuesday in London.
    now = "2026-11-24T03:30:00+00:00"
    got = fields("I have an interview tomorrow at 9am London time, my flight is delayed", now,
                 "America/New_York")  # fmt: skip
    assert got["at"] == "2026-11-25 09:00" and got["tz"] == "Europe/London"


def test_zone_words_and_places_give_the_interviewers_zone() -> None:
    july = "2026-07-14T12:10:00+00:00"
    assert fields("interview with Dune at 9am EST today, power cut", july)["tz"] == (
        "America/New_York"  # "EST" in July still means New York's clock
    )
    toronto = fields("interview with the Toronto team at 10am EST tomorrow, I have jury duty")
    assert toronto["tz"] == "America/Toronto"
    sydney = fields("missed the call, it was 9am their time (Sydney), mixed up the zones")
    assert sydney["tz"] == "Australia/Sydney" and sydney["at"] == "2026-11-23 09:00"
    # "my time" is converted onto their clock: 15:00 London is 16:00 in Berlin.
    berlin = fields("interview with Quill in Berlin at 3pm my time, late, train delayed",
                    "2026-11-23T14:40:00+00:00")  # fmt: skip
    assert berlin["at"] == "2026-11-23 16:00" and berlin["tz"] == "Europe/Berlin"


def test_an_in_person_interview_is_on_the_persons_own_clock() -> None:
    got = fields("stuck in traffic, my onsite at Rivet starts at 11 and I'll be late")
    assert got["tz"] == "Europe/London" and got["mode"] == "in-person"


def test_indirect_reasons_map_to_the_catalogue() -> None:
    cases = {
        "my alarm didn't go off and I missed the interview at 9": "overslept",
        "had my interview in my calendar for next week, missed it at 9": "calendar-error",
        "thought it was 3pm my time but it was theirs, missed the interview": "timezone-mistake",
        "kid got sick, took him to urgent care and missed my interview at 9": "family-emergency",
        "zoom link wouldnt load for my 10:30 interview": "technical",
    }
    for text, reason in cases.items():
        assert fields(text).get("reason") == reason, text


def test_agency_recruiter_and_embedded_contacts() -> None:
    got = fields("Tom from Hays set it up. missed the phone screen at 9, his number 07700 900123")
    assert got["recruiter"] == "Tom (Hays)" and got["contact_phone"] == "07700 900123"
    assert got["contact_role"] == "recruiter" and got["mode"] == "phone"
    mine = fields("missed my zoom with Fathom at 9, overslept. my email is sam@mail.example")
    assert "contact_email" not in mine  # the person's own address is not the contact's


def test_two_dates_give_the_start_and_when_it_was_noticed() -> None:
    got = fields("interview was yesterday at 3 with Copperline, only noticed at 9 this morning")
    assert got["at"] == "2026-11-22 15:00" and got["realised"] == "2026-11-23T09:00+00:00"


def test_two_conflicting_times_are_asked_not_guessed() -> None:
    result = read_story("interview at Osprey is at 2pm, or was it 3pm? running late",
                        parse_instant("2026-11-23T12:40:00+00:00"), "Europe/London")  # fmt: skip
    assert "at" not in result.fields and "at" in result.missing
    assert "2pm" in result.questions[result.missing.index("at")]


def test_an_impossible_date_is_asked_about() -> None:
    result = read_story("need to move my interview on 30 february, exam that day",
                        parse_instant("2026-01-10T10:00:00+00:00"), "Europe/London")  # fmt: skip
    assert "at" not in result.fields
    assert "not a real date" in result.questions[result.missing.index("at")]


def test_a_time_in_a_dst_fold_asks_which_one() -> None:
    result = read_story("my interview is on 25 october at 1:30am london time, i have a clash",
                        parse_instant("2026-10-20T10:00:00+00:00"), "Europe/London")  # fmt: skip
    assert result.fields["at"] == "2026-10-25 01:30" and "fold" in result.missing
    assert "twice" in result.questions[result.missing.index("fold")]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["intake", ""], None, "TEXT is empty"),
        (["intake", "-"], "\x00\x07  \n", "TEXT is empty"),
        (["intake", "x" * 20_000], None, "characters long"),
        (["intake", "missed it", "--my-tz", "Mars/Base"], None, "--my-tz"),
        (["intake", "missed it", "--now", "yesterday"], None, "--now"),
    ],
)
def test_unusable_input_is_one_line_and_exit_2(
    cli: CliRun, args: list[str], stdin: str | None, message: str
) -> None:
    full = [*args, *(["--my-tz", "Europe/London"] if "--my-tz" not in args else [])]
    result = cli(full, input=stdin)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("amends: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr


def test_control_characters_are_read_as_spaces() -> None:
    assert fields("missed\x07 my interview at\x00 Bramble at 10am, overslept")["company"] == (
        "Bramble"
    )


def test_core_refuses_a_naive_now() -> None:
    with pytest.raises(InputError) as err:
        read_story("missed it", datetime(2026, 11, 23, 10, 0), "Europe/London")
    assert err.value.field == "now"


def test_plan_from_a_story_with_explicit_flags_winning(cli: CliRun) -> None:
    args = ["plan", "--name", "Sam Patel", "--story", STORY, "--tz", "Europe/London",
            "--company", "Acme Analytics", *LONDON, "--format", "json"]  # fmt: skip
    result = cli(args)
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    text = json.dumps(plan)
    assert "Acme Analytics" in text and "Data Analyst" in text and "dana@acme.example" in text


def test_plan_from_a_story_puts_a_start_told_on_your_clock_on_the_interviewers(
    cli: CliRun,
) -> None:
    story = (
        "missed my video interview with Acme for the data analyst role at 9am my time, overslept"
    )
    args = ["plan", "--name", "Sam Patel", "--story", story, "--tz", "America/New_York",
            *LONDON, "--format", "json"]  # fmt: skip
    result = cli(args)
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert '"2026-11-23T04:00:00-05:00"' in json.dumps(plan)  # 09:00 London is 04:00 New York


def test_plan_from_a_story_names_what_is_still_open(cli: CliRun) -> None:
    result = cli(["plan", "--name", "Sam", "--story", STORY, *LONDON])
    assert result.exit_code == 2
    assert result.stderr.startswith("amends: error: --story: ") and "--tz" in result.stderr


def test_api_intake_returns_exactly_what_the_cli_prints(cli: CliRun) -> None:
    client = make_client()
    body: dict[str, Any] = {"text": STORY, "now": NOW, "my_tz": "Europe/London"}
    response = client.post("/api/intake", json=body, headers=api_headers(client))
    assert response.status_code == 200
    printed = cli(["intake", STORY, *LONDON, "--format", "json"]).stdout
    assert response.json() == json.loads(printed)


def test_api_intake_bad_input_is_422_with_the_field() -> None:
    client = make_client()
    body = {"text": "   ", "now": NOW, "my_tz": "Europe/London"}
    response = client.post("/api/intake", json=body, headers=api_headers(client))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "text"]


def test_web_plan_page_opens_with_what_happened_and_fills_the_form() -> None:
    client = make_client()
    page = client.get("/plan").text
    assert "What happened?" in page and 'action="/plan/story"' in page
    client.get("/api/csrf")
    data = {"story": STORY + ". they are in London", "my_tz": "Europe/London",
            "csrf_token": form_token(page)}  # fmt: skip
    response = client.post("/plan/story", data=data)
    assert response.status_code == 200
    html = response.text
    assert "What we understood" in html and "<mark>Acme</mark>" in html
    assert 'value="Data Analyst"' in html and 'value="2026-11-23T10:00"' in html
    assert 'class="field understood"' in html


def test_web_story_asks_only_for_what_is_missing() -> None:
    client = make_client()
    page = client.get("/plan").text
    data = {"story": "i missed my interview, overslept", "my_tz": "Europe/London",
            "csrf_token": form_token(page)}  # fmt: skip
    html = client.post("/plan/story", data=data).text
    assert "Still needed" in html and "Which company is the interview with?" in html
    assert "What was the main reason?" not in html  # the story said it: overslept


def test_other_commands_do_not_load_the_story_parsers() -> None:
    code = (
        "import sys\n"
        "from amends.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        # phonenumbers and email-validator are the core's field validators (every
        # command with contact details uses them); the story's own parsers load only
        # for a story.
        "print(sorted(m for m in ('dateparser', 'amends.intake') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_intake_help_shows_an_example(cli: CliRun) -> None:
    result = cli(["intake", "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout and "--my-tz" in result.stdout
