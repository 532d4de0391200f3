"""The guided interview: `amends` with no arguments in a terminal, or `amends guide`.

It asks only what a plan needs, validates each answer on the spot (re-asking
with the same one-line error the flags would give), then prints the plan.
"""

from __future__ import annotations

import os
import sys
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


def run_guide(now_text: str | None, profile_file: Path | None) -> None:
    """Ask, validate, build and print the plan."""
    now = resolve_now(now_text)
    profile = load_profile(profile_file)
    typer.echo(snippet("guide", "intro"))
    answers: dict[str, Any] = {}
    answers["scenario"] = _ask(
        "scenario",
        lambda v: PlanRequest(scenario=v)._check_choice("scenario"),
        default="missed",
    )
    answers["company"] = _ask("company", lambda v: one_line(v, "company"))
    answers["role"] = _ask("role", lambda v: one_line(v, "role"))
    their_default = profile.get("my_tz") or system_zone() or "UTC"
    answers["tz"] = _ask("tz", lambda v: zone(v, "tz"), default=their_default)
    answers["at"] = _ask("at", lambda v: _start_fits(v, answers, now))
    if _in_fold(answers["at"], answers["tz"]):
        answers["fold"] = _ask("fold", check_fold, default="earlier")
    answers["interviewer"] = _ask("interviewer", lambda v: one_line(v, "interviewer"), default="")
    answers["contact_email"] = _ask(
        "contact_email", lambda v: email_address(v, "contact_email"), default=""
    )
    answers["contact_phone"] = _ask(
        "contact_phone", lambda v: phone_number(v, "contact_phone"), default=""
    )
    answers["recruiter"] = _ask("recruiter", lambda v: one_line(v, "recruiter"), default="")
    answers["mode"] = _ask(
        "mode", lambda v: PlanRequest(mode=v)._check_choice("mode"), default="video"
    )
    answers["reason"] = _ask(
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
    values = {**profile, **{k: v for k, v in {**answers, **mine}.items() if v != ""}}
    plan = make_plan(PlanRequest(**values), now)
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


@app.callback(invoke_without_command=True)
def root(ctx: typer.Context) -> None:
    """With no command: the guided interview in a terminal, otherwise the help."""
    if ctx.invoked_subcommand is not None:
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        run_guide(None, None)
    else:
        typer.echo(ctx.get_help())
