"""Exports of a first-hour plan: ``.eml`` drafts and the follow-through ``.ics``.

``amends plan --eml DIR --ics FILE`` and the web app call these two
functions; everything is rendered and checked before the first file is
written, so bad input or a refused overwrite leaves nothing half done.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from amends.export.eml import eml_for_message
from amends.export.files import OutFile, write_all
from amends.export.ics import follow_up_calendar
from amends.plan.result import Message, Plan


def eml_name(index: int, message: Message) -> str:
    """``01-email.eml``, ``02-recruiter-email.eml``, ``03-email-short.eml``: ordered, safe names."""
    variant = re.sub(r"[^a-z0-9]+", "-", message.variant.lower()).strip("-")
    suffix = f"-{variant}" if variant and variant != "standard" else ""
    return f"{index:02d}-{message.kind}{suffix}.eml"


def plan_files(
    plan: Plan, *, eml_dir: Path | None, ics_file: Path | None, now: datetime
) -> list[OutFile]:
    """Render every export of ``plan`` in memory (raises InputError before anything is written)."""
    files: list[OutFile] = []
    if eml_dir is not None:
        written = [m for m in plan.messages if m.written]
        for index, message in enumerate(written, start=1):
            data = eml_for_message(message, plan.situation, now)
            files.append(OutFile(eml_dir / eml_name(index, message), data, "eml"))
    if ics_file is not None:
        files.append(OutFile(ics_file, follow_up_calendar(plan, now).data, "ics"))
    return files


def write_plan_exports(
    plan: Plan,
    *,
    eml_dir: Path | None,
    ics_file: Path | None,
    force: bool,
    now: datetime,
) -> list[Path]:
    """Write the ``.eml`` drafts into ``eml_dir`` and the follow-through calendar to ``ics_file``.

    Either may be ``None``. Files are written atomically and an existing file
    is never replaced unless ``force``; returns the paths written, in order.
    """
    return write_all(plan_files(plan, eml_dir=eml_dir, ics_file=ics_file, now=now), force=force)
