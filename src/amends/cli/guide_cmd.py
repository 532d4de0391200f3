"""The guided interview: `amends` with no arguments in a terminal, or `amends guide`.

It asks only what a plan needs, validates each answer on the spot (re-asking
with the same one-line error the flags would give), then prints the plan.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from amends.cli.app import app
from amends.cli.common import (
    OutputFormat,
    resolve_now,
)
from amends.cli.options import NowOption
from amends.cli.plan_cmd import show_plan
from amends.dates.zones import gap_or_fold, is_zone, parse_local, zone
from amends.errors import InputError
from amends.fields import email_address, one_line, phone_number
from amends.plan.builder import make_plan
from amends.plan.reasons import get_reason, reason_codes
from amends.plan.request import DEFAULT_REASON, PlanRequest, check_fold, check_timing
from amends.profile import load_profile, save_profile
from amends.texts import snippet

GUIDE_HELP = """Answer a few questions and get the first-hour plan (the same as `amends plan`).
Running `amends` with no arguments in a terminal starts this too.

Example:

  amends guide --now 2026-11-23T10:40Z
"""


def system_zone() -> str | None:
    """The machine's IANA zone, if it can be told (TZ, then /etc/localtime)."""
    candidate = os.environ.get("TZ", "").lstrip(":")
    if is_zone(candidate):
        return candidate
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        return None
    marker = "zoneinfo/"
    if marker in target:
        name = target.split(marker, 1)[1]
        return name if is_zone(name) else None
    return None


def _ask(key: str, check: Callable[[str], Any], default: str | None = None, **ctx: Any) -> str:
    """Prompt until ``check`` accepts the answer; blank means ``default`` ("" = skip)."""
    question = snippet("guide", key, **ctx)
    while True:
        answer: str = typer.prompt(question, default=default or "", show_default=bool(default))
        answer = answer.strip()
        if not answer and default == "":
            return ""
        try:
            check(answer)
        except InputError as err:
            typer.echo(f"  {err.message}", err=True)
            continue
        return answer


def _in_fold(text: str, tz: str) -> bool:
    """True when the answered wall time happens twice (clocks going back)."""
    try:
        naive = datetime.strptime(text.strip().replace("T", " ")[:16], "%Y-%m-%d %H:%M")
    except ValueError:
        return False
    return gap_or_fold(naive, zone(tz)) == "fold"


def _start_fits(text: str, answers: dict[str, Any], now: datetime) -> None:
    """The start parses in the interviewer's zone and agrees with the scenario.

    A time inside a DST fold is accepted here; the next question resolves it.
    """
    tz = zone(answers["tz"])
    try:
        start = parse_local(text, tz, "at")
    except InputError:
        if not _in_fold(text, answers["tz"]):
            raise
        start = parse_local(text, tz, "at", "earlier")
    check_timing(answers["scenario"], start, now, now)


def _story(now: datetime, profile: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """ "What happened?": the fields the person's own account gives (and whether one was given)."""
    text: str = typer.prompt(snippet("guide", "story"), default="", show_default=False)
    if not text.strip():
        return {}, False
    from amends.intake import read_story  # the story parsers load only when a story is told

    try:
        intake = read_story(text, now, profile.get("my_tz") or system_zone() or "UTC")
    except InputError as err:
        typer.echo(snippet("guide", "story_unreadable", message=err.message), err=True)
        return {}, False
    known: dict[str, Any] = intake.plan_fields()
    if "fold" in intake.missing:
        known["fold_open"] = True
    if intake.at_on_my_clock:
        known["at_on_my_clock"] = True
    if known:
        shown = ", ".join(f"{k} {v}" for k, v in intake.fields.items())
        typer.echo(snippet("guide", "understood", fields=shown))
    return known, True


def _their_clock(known: dict[str, Any], tz: str, profile: dict[str, Any]) -> str | None:
    """The story's start, told on the person's own clock, on the interviewer's clock."""
    mine = profile.get("my_tz") or system_zone() or "UTC"
    if not known.get("at_on_my_clock") or not is_zone(mine):
        return None
    try:
        start = parse_local(str(known["at"]), zone(mine), "at")
    except InputError:
        return None  # a time the clocks skip or repeat on the person's clock: asked instead
    return start.astimezone(zone(tz)).strftime("%Y-%m-%d %H:%M")


def _fits(check: Callable[[str], Any], value: Any) -> bool:
    try:
        check(str(value))
    except InputError as err:
        typer.echo(f"  {err.message}", err=True)
        return False
    return True


def run_guide(now_text: str | None, profile_file: Path | None) -> None:
    """Ask, validate, build and print the plan; with a story, ask only what it leaves open."""
    now = resolve_now(now_text)
    profile = load_profile(profile_file)
    typer.echo(snippet("guide", "intro"))
    known, told = _story(now, profile)
    answers: dict[str, Any] = {
        k: known[k] for k in ("contact_role", "platform", "realised") if k in known
    }

    def ask(key: str, check: Callable[[str], Any], default: str | None = None, **ctx: Any) -> None:
        if key in known and _fits(check, known[key]):
            answers[key] = known[key]
        elif not (told and default == "" and key not in ("interviewer", "contact_email")):
            answers[key] = _ask(key, check, default, **ctx)

    ask("scenario", lambda v: PlanRequest(scenario=v)._check_choice("scenario"), "missed")
    ask("company", lambda v: one_line(v, "company"))
    ask("role", lambda v: one_line(v, "role"))
    ask("tz", lambda v: zone(v, "tz"), profile.get("my_tz") or system_zone() or "UTC")
    converted = _their_clock(known, answers["tz"], profile) if "tz" not in known else None
    if converted and _fits(lambda v: _start_fits(v, answers, now), converted):
        # The story gave the start on the person's own clock: it is converted, not re-asked.
        answers["at"] = converted
        typer.echo(snippet("guide", "at_converted", mine=known["at"], theirs=converted,
                           tz=answers["tz"]))  # fmt: skip
    elif "at" in known and "tz" not in known:
        # The story's time was read before their zone was known: confirm it on their clock.
        answers["at"] = _ask("at", lambda v: _start_fits(v, answers, now), default=known["at"])
    else:
        ask("at", lambda v: _start_fits(v, answers, now))
    if known.get("fold_open") or _in_fold(answers["at"], answers["tz"]):
        answers["fold"] = _ask("fold", check_fold, default="earlier")
    if not (told and (known.get("interviewer") or known.get("recruiter"))):
        ask("interviewer", lambda v: one_line(v, "interviewer"), default="")
    if not (told and (known.get("contact_email") or known.get("contact_phone"))):
        ask("contact_email", lambda v: email_address(v, "contact_email"), default="")
        ask("contact_phone", lambda v: phone_number(v, "contact_phone"), default="")
    ask("recruiter", lambda v: one_line(v, "recruiter"), default="")
    ask("mode", lambda v: PlanRequest(mode=v)._check_choice("mode"), default="video")
    ask(
        "reason",
        lambda v: get_reason(v),
        default=DEFAULT_REASON.get(answers["scenario"], "forgot"),
        codes=", ".join(reason_codes()),
    )
    mine: dict[str, Any] = {}
    mine["name"] = _ask("name", lambda v: one_line(v, "name"), default=profile.get("name"))
    mine["my_tz"] = _ask(
        "my_tz", lambda v: zone(v, "my_tz"), default=profile.get("my_tz") or answers["tz"]
    )
    if "phone" not in profile:
        mine["phone"] = _ask("phone", lambda v: phone_number(v, "phone"), default="")
    if "email" not in profile:
        mine["email"] = _ask("email", lambda v: email_address(v, "email"), default="")
    values = {**profile, **{k: v for k, v in {**answers, **mine}.items() if v not in ("", None)}}
    plan = make_plan(PlanRequest.from_values(values), now)
    if not profile and typer.confirm(snippet("guide", "save_profile"), default=True):
        stored = {"name": values["name"], "tz": values["my_tz"], "phone": values.get("phone"),
                  "email": values.get("email")}  # fmt: skip
        path = save_profile(stored, profile_file)
        typer.echo(snippet("guide", "saved", path=path))
    show_plan(plan, OutputFormat.text)


@app.command("guide", help=GUIDE_HELP)
def guide_command(
    profile: Annotated[
        Path | None, typer.Option("--profile", help="Profile TOML file.", show_default=False)
    ] = None,
    now: NowOption = None,
) -> None:
    run_guide(now, profile)
