"""The profile file: the candidate's own details, typed once, validated like the flags.

Rules protected (issue 2 item 7; ARCHITECTURE "Bad input"): profile values fill in
absent flags; flags override the profile; a broken profile (bad TOML, unknown key,
bad zone, wrong type, bad value) is one line naming the profile file, exit 2; an
explicit --profile that does not exist is an error; the saved file is private (0600).
"""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from amends.errors import InputError
from amends.paths import profile_path
from amends.profile import load_profile, save_profile
from tests.conftest import CliResult, CliRun

PLAN = [
    "plan",
    "--company", "Acme",
    "--role", "Data Analyst",
    "--interviewer", "Dana Lee",
    "--contact-email", "dana@acme.example",
    "--at", "2026-11-23 10:00",
    "--tz", "Europe/London",
    "--scenario", "missed",
    "--reason", "overslept",
    "--now", "2026-11-23T10:40Z",
    "--format", "json",
]  # fmt: skip

GOOD = """\
name = "Sam Patel"
phone = "+1 212 555 0100"
email = "sam@example.org"
link = "https://sam.example/portfolio"
tz = "America/New_York"
senior = true
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def plan_json(result: CliResult) -> dict[str, Any]:
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def email_body(data: dict[str, Any]) -> str:
    return str(next(m["body"] for m in data["messages"] if m["kind"] == "email"))


def assert_profile_refused(result: CliResult, path: Path) -> str:
    assert result.exit_code == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("amends: error: --profile: "), result.stderr
    assert str(path) in result.stderr
    return result.stderr


def test_profile_values_are_used_when_flags_are_absent(cli: CliRun, tmp_path: Path) -> None:
    profile = write(tmp_path / "me.toml", GOOD)
    data = plan_json(cli([*PLAN, "--profile", str(profile)]))
    body = email_body(data)
    assert "Sam Patel" in body
    assert "+1 212 555 0100" in body
    assert data["situation"]["candidate_tz"] == "America/New_York"


def test_default_profile_location_is_read_without_flag(cli: CliRun) -> None:
    write(profile_path(), GOOD)
    data = plan_json(cli(PLAN))
    assert "Sam Patel" in email_body(data)
    assert data["situation"]["candidate_tz"] == "America/New_York"


def test_flags_override_the_profile(cli: CliRun, tmp_path: Path) -> None:
    profile = write(tmp_path / "me.toml", GOOD)
    args = [*PLAN, "--profile", str(profile), "--name", "Alex Kim", "--my-tz", "Asia/Tokyo"]
    args += ["--phone", "+81 3 1234 5678"]
    data = plan_json(cli(args))
    body = email_body(data)
    assert "Alex Kim" in body and "Sam Patel" not in body
    assert "+81 3 1234 5678" in body and "+1 212 555 0100" not in body
    assert data["situation"]["candidate_tz"] == "Asia/Tokyo"


def test_not_senior_flag_overrides_a_senior_profile(tmp_path: Path, cli: CliRun) -> None:
    profile = write(tmp_path / "me.toml", GOOD)
    senior = plan_json(cli([*PLAN, "--profile", str(profile)]))
    plain = plan_json(cli([*PLAN, "--profile", str(profile), "--not-senior"]))
    assert email_body(senior) != email_body(plain)


def test_missing_explicit_profile_is_an_error(cli: CliRun, tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    assert "no such file" in assert_profile_refused(
        cli([*PLAN, "--profile", str(missing)]), missing
    )


def test_missing_default_profile_is_fine(cli: CliRun) -> None:
    assert not profile_path().exists()
    assert cli([*PLAN, "--name", "Sam Patel"]).exit_code == 0


BROKEN = {
    "bad TOML": 'name = "Sam\ntz = Europe/London\n',
    "not TOML at all": "\x00\x01\x02",
    "unknown key": 'name = "Sam"\npassword = "hunter2"\n',
    "bad zone": 'name = "Sam"\ntz = "Eastern Standard Time"\n',
    "path-like zone": 'name = "Sam"\ntz = "../etc/passwd"\n',
    "name is a number": "name = 5\n",
    "senior is a string": 'name = "Sam"\nsenior = "yes"\n',
    "tz is a table": 'name = "Sam"\n[tz]\nx = 1\n',
    "bad email": 'name = "Sam"\nemail = "sam-at-example"\n',
    "bad phone": 'name = "Sam"\nphone = "call me"\n',
    "bad link": 'name = "Sam"\nlink = "javascript:alert(1)"\n',
    "empty name": 'name = "  "\n',
    "multi-line name": 'name = "Sam\\nBcc: eve@evil.example"\n',
    "overlong name": f'name = "{"S" * 5000}"\n',
}


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_invalid_profile_is_one_line_naming_the_profile(
    cli: CliRun, tmp_path: Path, text: str
) -> None:
    profile = write(tmp_path / "me.toml", text)
    assert_profile_refused(cli([*PLAN, "--profile", str(profile)]), profile)


def test_invalid_default_profile_is_reported_too(cli: CliRun) -> None:
    path = write(profile_path(), "tz = 3\n")
    assert_profile_refused(cli([*PLAN, "--name", "Sam"]), path)


def test_profile_that_is_not_utf8_is_refused(cli: CliRun, tmp_path: Path) -> None:
    profile = tmp_path / "me.toml"
    profile.write_bytes(b'name = "S\xe9bastien"\n')
    assert_profile_refused(cli([*PLAN, "--profile", str(profile)]), profile)


def test_profile_error_message_names_the_bad_key() -> None:
    path = write(profile_path(), 'name = "Sam"\nsecret = 1\n')
    with pytest.raises(InputError) as err:
        load_profile()
    assert err.value.field == "profile"
    assert "'secret'" in err.value.message
    assert str(path) in err.value.message


def test_load_profile_maps_keys_to_plan_options(tmp_path: Path) -> None:
    values = load_profile(write(tmp_path / "me.toml", GOOD))
    assert values == {
        "name": "Sam Patel",
        "phone": "+1 212 555 0100",
        "email": "sam@example.org",
        "link": "https://sam.example/portfolio",
        "my_tz": "America/New_York",
        "senior": True,
    }


def test_saved_profile_is_private_and_reads_back(tmp_path: Path) -> None:
    path = save_profile(
        {"name": 'Sam "Sammy" Patel', "tz": "Europe/London", "phone": None, "email": ""},
        tmp_path / "cfg" / "profile.toml",
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_profile(path) == {"name": 'Sam "Sammy" Patel', "my_tz": "Europe/London"}


def test_saving_over_a_readable_profile_makes_it_private(tmp_path: Path) -> None:
    path = write(tmp_path / "profile.toml", 'name = "Old"\n')
    path.chmod(0o644)
    save_profile({"name": "Sam"}, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_profile(path) == {"name": "Sam"}


def test_saving_defaults_to_the_config_folder() -> None:
    path = save_profile({"name": "Sam", "tz": "Asia/Tokyo"})
    assert path == profile_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_invalid_values_are_never_saved(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    with pytest.raises(InputError):
        save_profile({"name": "Sam", "tz": "Mars/Olympus_Mons"}, path)
    assert not path.exists()
