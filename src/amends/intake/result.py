"""The intake's answer: the fields understood, the fields missing, one question each.

``Intake.to_json()`` is the contract shared by ``amends intake --format json``
and ``POST /api/intake``: exactly ``{"fields", "missing", "questions"}``, with
field names that are the ``amends plan`` options in snake_case, so the fields
can be passed straight on to a plan request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from amends.intake.lexicon import question
from amends.texts import environment

FIELD_ORDER = (
    "scenario", "reason", "at", "tz", "company", "role", "interviewer", "contact_role",
    "contact_email", "contact_phone", "recruiter", "mode", "platform", "realised",
)  # fmt: skip
# Read from the story for the plan, but not part of the JSON contract (whose field list is
# fixed by issue 15): the agency recruiter's address fills ``--recruiter-email``.
PLAN_ONLY = ("recruiter_email",)
# Without these a plan cannot be built (reason has a default for some scenarios).
REQUIRED = ("scenario", "at", "tz", "fold", "company", "role", "reason")
MISSING_ORDER = (*REQUIRED, "mode", "interviewer", "contact_email")
# A reason the plan supplies itself for these scenarios (see amends.request.DEFAULT_REASON).
REASON_DEFAULTS = ("tech-failure", "conflict")


@dataclass
class Intake:
    """A partial situation read from a story."""

    fields: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    # ``at`` is on the person's own clock ("3pm my time", "in 20 min") because the
    # interviewer's zone is still unknown: convert it once the zone is answered, never
    # ask for it again. Not part of the JSON contract.
    at_on_my_clock: bool = False
    my_tz: str = ""  # the person's zone the story was read in
    # Values for a plan request outside the JSON contract (see ``PLAN_ONLY``).
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """True when nothing a plan needs is missing."""
        return not any(name in REQUIRED for name in self.missing)

    def plan_fields(self) -> dict[str, str]:
        """The fields plus the plan-only values: everything a plan request can take."""
        return {**self.fields, **self.extra}

    def to_json(self) -> dict[str, Any]:
        return {
            "fields": dict(self.fields),
            "missing": list(self.missing),
            "questions": list(self.questions),
        }


def ask(key: str, **context: Any) -> str:
    """The question for ``key`` (``data/intake.toml`` ``[questions]``), rendered."""
    return environment().from_string(question(key)).render(**context).strip()


def build(fields: dict[str, str], special: dict[str, str], at_on_my_clock: bool = False) -> Intake:
    """Order the fields and list what is missing, with ``special`` questions taking priority."""
    ordered = {name: fields[name] for name in FIELD_ORDER if fields.get(name)}
    missing: list[str] = []
    for name in MISSING_ORDER:
        if name in special:
            missing.append(name)
        elif name == "fold":
            continue
        elif name == "reason":
            if "reason" not in ordered and ordered.get("scenario") not in REASON_DEFAULTS:
                missing.append(name)
        elif name == "interviewer":
            if not (ordered.get("interviewer") or ordered.get("recruiter")):
                missing.append(name)
        elif name == "contact_email":
            if not (ordered.get("contact_email") or ordered.get("contact_phone")):
                missing.append(name)
        elif name not in ordered:
            missing.append(name)
    questions = [
        special[name] if name in special else ask("contact" if name == "contact_email" else name)
        for name in missing
    ]
    mine = at_on_my_clock and "at" in ordered and "tz" not in ordered
    extra = {name: fields[name] for name in PLAN_ONLY if fields.get(name)}
    return Intake(
        fields=ordered, missing=missing, questions=questions, at_on_my_clock=mine, extra=extra
    )
