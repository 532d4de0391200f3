"""What `amends plan` does with its options, without Typer: build, write, save and show.

The options are declared once, on the Typer command in :mod:`amends.cli.plan_cmd`,
which hands them here by name; ordinary arguments reach :func:`run_plan` straight
from :mod:`amends.cli.fastargs` (the same names, read by the option table derived
from that command), so `amends plan` starts without Typer, Click or Rich.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import replace
from typing import Any

from amends.cli.common import OutputFormat, out, print_json, resolve_event_now, resolve_now
from amends.export.files import OutFile, write_all
from amends.plan.builder import make_plan
from amends.plan.request import PlanRequest, check_fold
from amends.plan.result import Plan
from amends.profile import load_profile

# The options that are the plan's request (the rest choose files, the store and the output).
REQUEST_OPTIONS = (
    "company", "role", "at", "tz", "scenario", "reason", "detail", "interviewer",
    "contact_name", "contact_role", "contact_phone", "contact_email", "recruiter",
    "recruiter_email", "mode", "platform", "address", "fold", "name", "phone", "email",
    "link", "my_tz", "senior", "slot", "realised", "now", "country", "hours", "my_hours",
    "duration", "days", "count", "busy", "windows", "greeting", "english",
)  # fmt: skip


def run_plan(options: Mapping[str, Any]) -> None:
    """`amends plan` with its options by parameter name (as the Typer command declares them)."""
    values: dict[str, Any] = load_profile(options["profile"])
    given = {name: options[name] for name in REQUEST_OPTIONS}
    given["slot"] = given["slot"] or []
    given["busy"] = given["busy"] or []
    values.update({k: v for k, v in given.items() if v is not None})
    story, save, now = options["story"], options["save"], options["now"]
    eml, ics, output_format = options["eml"], options["ics"], options["output_format"]
    if story is not None:
        from amends.cli.intake_cmd import story_values  # loads the story parsers only here

        values = story_values(story, values, resolve_now(now), values)
    if save and now is not None:
        resolve_event_now(now)  # a saved case starts its history: no far-future typo
    if values.get("fold") is not None:
        check_fold(values["fold"])
    # The real clock only when --now is absent: an explicit (even empty) --now is validated.
    plan = make_plan(PlanRequest.from_values(values), resolve_now(None) if now is None else None)
    # Everything is validated before anything is written: the files' contents, then the
    # database (a corrupt or locked one is refused here), then the files, then the case.
    # The exporters, the case store and the text view are imported only when asked for,
    # so `amends plan --format json` starts without them (see amends.cli.app).
    files: list[OutFile] = []
    if eml or ics:
        from amends.export.plan_exports import plan_files

        files = plan_files(plan, eml_dir=eml, ics_file=ics, now=plan.situation.now)
    if save:
        from amends.cases import save_plan
        from amends.store.opening import open_store  # psycopg loads only when saving
    with open_store(options["db"], options["url"]) if save else nullcontext() as store:
        written = write_all(files, force=options["force"]) if files else []
        if written:
            plan = replace(plan, files=tuple(str(path) for path in written))
        if store is not None:
            plan = replace(plan, case_id=save_plan(store, plan))
    show_plan(plan, output_format)
    if plan.case_id is not None and output_format is not OutputFormat.json:
        sys.stderr.write(f"saved as case {plan.case_id} (amends case show {plan.case_id})\n")
    if written and output_format is not OutputFormat.json:
        sys.stderr.write("".join(f"wrote {path}\n" for path in written))


def show_plan(plan: Plan, output_format: OutputFormat) -> None:
    """Print the plan in the requested format."""
    if output_format is OutputFormat.json:
        print_json(plan.to_json())
    elif output_format is OutputFormat.markdown:
        from amends.plan.markdown import plan_markdown

        sys.stdout.write(plan_markdown(plan))
    else:
        from amends.cli.plan_view import print_plan

        print_plan(out(), plan)
