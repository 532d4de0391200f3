"""Compose every first-hour message from the templates in ``templates/messages``.

This module only decides *which* messages a situation needs and gathers the
facts they state (when it happened relative to now, who is written to and by
name, which mode, what is offered, which safeguard fits the cause and the
mode); every sentence lives in the templates or in ``data/compose.toml``, in
one English variant per message (:mod:`amends.plan.english`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from amends.dates.format import English
from amends.dates.slot import Slot
from amends.plan.english import Renderer, english_for, localise, macros, snippet_in, snippets
from amends.plan.names import FAMILY_NAME_FIRST, PersonName, parse_name
from amends.plan.reasons import Reason
from amends.plan.result import FirstAction, Message, MessageKind
from amends.plan.situation import Candidate, Situation
from amends.plan.wording import (
    delay_line,
    slot_text,
    spoken_when,
    window_text,
    written_when,
)

if TYPE_CHECKING:
    from amends.slots.offer import Window


def _platforms(platform: str | None) -> str:
    key = (platform or "").strip().lower()
    others: dict[str, str] = snippets("compose")["other_platforms"]
    return others.get(key, others["other"])


def _address(name: PersonName | None, s: Situation, english: English) -> str | None:
    family_first = s.their_country in FAMILY_NAME_FIRST
    return name.address(english, s.candidate.greeting, family_first=family_first) if name else None


def _who(s: Situation, english: English) -> dict[str, Any]:
    """Names: how each person is greeted and how the others are named to them."""
    ct = s.contact
    contact = parse_name(ct.name)
    interviewer = parse_name(ct.interviewer) or (contact if ct.role == "interviewer" else None)
    recruiter = parse_name(ct.agency_recruiter)
    other = interviewer.full(english) if interviewer else s.interview.company
    whose = "with_them" if ct.role == "interviewer" else "with_other"
    return {
        "greet": _address(contact, s, english),
        "greet_recruiter": _address(recruiter, s, english),
        "interviewer_name": interviewer.full(english) if interviewer else None,
        "interviewer_or_company": other,
        "our_interview": snippet_in("compose", f"interview_name.{whose}", english, other=other),
        "our_interview_short": snippet_in("compose", f"interview_name.{whose}_short", english),
        "to_recruiter": ct.role == "recruiter",
    }


def _told_contact(s: Situation, english: English, interviewer: str | None) -> str:
    """What the recruiter email says about the interviewer, true when it is sent first."""
    ct = s.contact
    who = interviewer or s.interview.company
    key = "email" if ct.email else "phone" if ct.phone else "none"
    return snippet_in("compose", f"told_contact.{key}", english, contact=who)


def _reason_words(s: Situation, reason: Reason, english: English) -> dict[str, Any]:
    scenario = s.happening.scenario
    ahead = scenario in ("late", "conflict")
    control = "_outside" if reason.outside_control else ""
    mode = s.interview.mode
    # A note sent before the start (running late, a clash) is a request, kept short:
    # the prevention step belongs to the apology after the event.
    safeguard = "" if ahead else reason.email_safeguard(mode)
    return {
        "because": localise(reason.framing_ahead if ahead else reason.framing, english),
        "spoken_reason": localise(reason.spoken_ahead if ahead else reason.spoken, english),
        "mention": reason.mention,
        "outside": reason.outside_control,
        "absent": scenario == "late" and reason.absent_ahead,
        "ownership": snippet_in("compose", f"ownership.{scenario}{control}", english),
        "ownership_spoken": snippet_in("compose", f"ownership_spoken.{scenario}{control}", english),
        "safeguard": localise(safeguard, english),
        "delay_line": delay_line(s, reason, english) or "",
    }


def _offers(
    s: Situation,
    english: English,
    slots: Sequence[Slot],
    windows: Sequence[Window],
    interviewer: str | None,
    candidate: Candidate,
) -> dict[str, Any]:
    """What is offered; ``candidate`` is :meth:`Situation.candidate_as_read`, read once per plan."""
    iv, c = s.interview, s.candidate
    live = s.happening.scenario == "tech-failure"
    platforms = _platforms(iv.platform)
    # To the interviewer "you"; to a recruiter or coordinator, the interviewer by name.
    other = "_other" if s.contact.role != "interviewer" else ""
    them = interviewer or snippet_in("triage", "unnamed.interviewer", english)
    return {
        "slots": [slot_text(slot.start, s, english) for slot in slots]
        or [window_text(w, s, english) for w in windows],
        "windows_mode": not slots and bool(windows),
        "spoken_slots": [spoken_when(slot.start, s, english, on=False) for slot in slots[:2]]
        or [window_text(w, s, english) for w in windows[:2]],
        "alt_mode": "" if live else snippet_in("compose", f"alt_mode.{iv.mode}", english),
        "other_mode": snippet_in("compose", "alt_mode.in-person", english),
        "now_options": snippet_in(
            "compose",
            f"now_options.written{other}.{iv.mode}",
            english,
            phone=candidate.phone,
            platforms=platforms,
            interviewer=them,
        )
        if live
        else "",
        "now_spoken": snippet_in(
            "compose",
            f"now_options.spoken{other}.{iv.mode}",
            english,
            platforms=platforms,
            interviewer=them,
        )
        if live
        else "",
        "goodwill": snippet_in("compose", "goodwill.link", english)
        if c.link
        else snippet_in("compose", "goodwill.offer", english),
    }


@lru_cache(maxsize=1024)
def _greeting(english: English, to: str | None) -> str:
    """The ``greeting`` macro of ``to``: pure, and the same few names recur across plans."""
    return str(macros(english).greeting(to))


@lru_cache(maxsize=1024)
def _hello(english: English, to: str | None) -> str:
    """The ``hello`` macro of ``to`` (pure, like :func:`_greeting`)."""
    return str(macros(english).hello(to))


@lru_cache(maxsize=1024)
def _signature(english: English, candidate: Candidate) -> str:
    """The ``signature`` macro of the candidate as read (pure: the same user signs every plan)."""
    return str(macros(english).signature(candidate))


def _context(
    s: Situation,
    reason: Reason,
    slots: Sequence[Slot],
    windows: Sequence[Window] = (),
) -> dict[str, Any]:
    english = english_for(s)
    who = _who(s, english)
    candidate = s.candidate_as_read()
    offers = _offers(s, english, slots, windows, who["interviewer_name"], candidate)
    shared = macros(english)
    return {
        **who,
        **_reason_words(s, reason, english),
        **offers,
        # The pieces of templates/messages/_macros.j2 the messages share, rendered once.
        "greeting": _greeting(english, who["greet"]),
        "hello": _hello(english, who["greet"]),
        "availability": str(
            shared.availability(
                offers["slots"],
                windows_mode=offers["windows_mode"],
                otherwise=offers["now_options"] and offers["slots"],
            )
        ),
        "signature": _signature(english, candidate),
        "english": english,
        "candidate": candidate,
        "interview": s.interview,
        "contact": s.contact,
        "scenario": s.happening.scenario,
        "senior": s.candidate.senior,
        "when": written_when(s.interview.start, s, english),
        "when_spoken": spoken_when(s.interview.start, s, english),
        "recruiter": s.contact.agency_recruiter,
        "told_contact": _told_contact(s, english, who["interviewer_name"]),
    }


def _spoken(s: Situation, ctx: dict[str, Any], render: Renderer, variant: str) -> list[Message]:
    """The phone script and voicemail: always there, even without a direct number."""
    ct = s.contact
    note: dict[str, str | None] = {"phone-script": None, "voicemail": None}
    if not ct.phone:
        person = parse_name(ct.name) or parse_name(ct.interviewer)
        label = (
            person.full(ctx["english"])
            if person
            else snippet_in("triage", f"unnamed.{ct.role}", ctx["english"])
        )
        for kind, key in (("phone-script", "script"), ("voicemail", "voicemail")):
            note[kind] = snippet_in("compose", f"no_number.{key}", ctx["english"], contact=label)
    kinds: tuple[tuple[MessageKind, str], ...] = (
        ("phone-script", "messages/phone_script.txt.j2"),
        ("voicemail", "messages/voicemail.txt.j2"),
    )
    return [
        Message(
            kind=kind,
            body=render(template),
            to_name=ct.name or None,
            to_phone=ct.phone,
            variant=variant,
            note=note[kind],
        )
        for kind, template in kinds
    ]


def _to_recruiter(ctx: dict[str, Any]) -> dict[str, Any]:
    """What the recruiter email says differently: greeting the recruiter, the times without
    "otherwise"."""
    shared = macros(ctx["english"])
    return {
        "greeting": _greeting(ctx["english"], ctx["greet_recruiter"]),
        "availability": str(shared.availability(ctx["slots"], windows_mode=ctx["windows_mode"])),
    }


def compose_messages(
    s: Situation,
    reason: Reason,
    action: FirstAction,
    slots: Sequence[Slot],
    windows: Sequence[Window] = (),
) -> list[Message]:
    """Every message this situation calls for, most urgent first.

    ``action`` is the triage decision; the messages themselves never claim a
    contact was reached, because the user sends them.
    """
    del action  # the order of sending is the checklist's business, not the wording's
    ctx = _context(s, reason, slots, windows)
    english: English = ctx["english"]
    variant = "senior" if s.candidate.senior else "standard"
    ct = s.contact
    render = Renderer(english, ctx)
    messages = _spoken(s, ctx, render, variant)
    subject = render("messages/email_subject.txt.j2")
    email_to: dict[str, Any] = {
        "to_name": ct.name or None,
        "to_email": ct.email,
        "variant": variant,
    }
    messages.append(
        Message(
            kind="email",
            subject=subject,
            body=render("messages/email.txt.j2", with_reason=False),
            **email_to,
        )
    )
    if reason.mention:
        messages.append(
            Message(
                kind="email-with-reason",
                subject=subject,
                body=render("messages/email.txt.j2", with_reason=True),
                **email_to,
            )
        )
    if ct.agency_recruiter and ct.role != "recruiter":
        messages.append(
            Message(
                kind="recruiter-email",
                subject=render("messages/recruiter_subject.txt.j2"),
                body=render("messages/recruiter_email.txt.j2", **_to_recruiter(ctx)),
                to_name=ct.agency_recruiter,
                to_email=ct.recruiter_email,
                variant=variant,
            )
        )
    if s.interview.mode == "in-person" or s.happening.scenario == "tech-failure":
        messages.append(
            Message(
                kind="alternative-mode",
                subject=render("messages/alternative_subject.txt.j2"),
                body=render("messages/alternative_mode.txt.j2"),
                **email_to,
            )
        )
    return messages
