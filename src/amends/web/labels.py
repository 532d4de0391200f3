"""The web's words for the core's codes: field labels, choices, states, events and messages.

The core names things by code (``contact_email``, ``awaiting-reply``,
``reply-yes``) and writes its errors in words without any interface's terms;
this module is where the web turns every code into what a person reads, so no
page ever shows a field code, a state code or a command-line flag.
"""

from __future__ import annotations

from amends.errors import InputError

FIELD_LABELS: dict[str, str] = {
    "scenario": "Situation",
    "reason": "Main reason",
    "detail": "One factual detail",
    "company": "Company",
    "role": "Role",
    "at": "Start (their local time)",
    "tz": "Their time zone",
    "mode": "How it was held",
    "platform": "Video platform",
    "address": "Address",
    "interviewer": "Interviewer's name",
    "contact_role": "You will contact",
    "contact_name": "Contact's name",
    "contact_email": "Contact's email",
    "contact_phone": "Contact's phone",
    "recruiter": "Agency recruiter who set it up",
    "recruiter_email": "Recruiter's email",
    "name": "Your full name",
    "email": "Your email",
    "phone": "Your phone",
    "link": "Your profile or portfolio link",
    "my_tz": "Your time zone",
    "slot": "Your proposed times",
    "realised": "When you realised",
    "fold": "If the start time happened twice",
    "now": "The current time",
    "hours": "Working hours",
    "country": "Country",
    "via": "How you made contact",
    "text": "Note",
    "topic": "Topic you discussed",
    "kind": "Message",
    "event": "What happened",
    "step": "Step",
    "entry": "Entry to withdraw",
    "minutes": "Length in minutes",
    "case": "Case",
    "request": "The plan",
}
# What to say when a required field is left empty (the core's message lists codes).
EMPTY_MESSAGES: dict[str, str] = {
    "reason": "Choose the main reason. Be honest: amends never invents one.",
    "company": "Enter the company's name.",
    "role": "Enter the role you interviewed for.",
    "at": "Enter the date and time the interview starts.",
    "tz": "Enter their time zone, such as Europe/London.",
    "name": "Enter your full name.",
}
SCENARIO_CHOICES: tuple[tuple[str, str], ...] = (
    ("missed", "I missed it"),
    ("late", "I am running late"),
    ("conflict", "I cannot make it (known in advance)"),
    ("tech-failure", "The video call failed"),
)
MODE_CHOICES: tuple[tuple[str, str], ...] = (
    ("video", "Video call"),
    ("phone", "Phone call"),
    ("in-person", "In person"),
)
CONTACT_ROLE_CHOICES: tuple[tuple[str, str], ...] = (
    ("interviewer", "The interviewer"),
    ("recruiter", "A recruiter"),
    ("coordinator", "An HR coordinator"),
)
CHOICE_LABELS: dict[str, dict[str, str]] = {
    "scenario": dict(SCENARIO_CHOICES),
    "mode": dict(MODE_CHOICES),
    "contact_role": dict(CONTACT_ROLE_CHOICES),
}
STATE_WORDS: dict[str, str] = {
    "planned": "Plan made, nothing sent yet",
    "contacted": "You have spoken to them or left a voicemail",
    "awaiting-reply": "Waiting for their reply",
    "rescheduled": "New interview agreed",
    "declined": "They said no",
    "no-reply": "No reply yet",
    "followed-up": "Followed up, waiting",
    "interviewed": "Interview done",
    "thanked": "Thank-you sent",
    "closed": "Closed",
}
# The buttons that record an event: what the person did, in their words.
EVENT_WORDS: dict[str, str] = {
    "contacted": "I made contact",
    "waiting": "I am waiting for their reply",
    "reply-yes": "They said yes",
    "reply-no": "They said no",
    "no-reply": "Still no reply",
    "followed-up": "I sent the follow-up",
    "interviewed": "I had the interview",
    "thanked": "I sent the thank-you",
    "close": "Close this case",
    "correction": "I corrected a mistaken entry",
}
# History entries that change no state, as the case's history lists them.
ANNOTATION_WORDS: dict[str, str] = {
    "planned": "Plan saved",
    "note": "Note",
    "lesson": "Lesson",
    "safeguard": "Safeguard",
    "promised": "Promised",
    "delivered": "Delivered",
    "done": "Step done",
}
VIA_WORDS: dict[str, str] = {
    "call": "I called",
    "voicemail": "I left a voicemail",
    "email": "I sent the email",
    "recruiter": "I told the recruiter",
}
MESSAGE_TITLES: dict[str, str] = {
    "phone-script": "Phone script",
    "voicemail": "Voicemail",
    "email": "Email",
    "email-with-reason": "Email (naming the reason)",
    "recruiter-email": "Email to the recruiter",
    "alternative-mode": "Offer another way to meet",
    "apology-email": "Apology email",
    "confirmation": "Confirmation",
    "joined-early": "Note when you join early",
    "thank-you": "Thank-you note",
    "decline-reply": "Gracious reply",
    "follow-up": "Follow-up",
    "recruiter": "Message to the recruiter",
    "stay-in-touch": "Stay-in-touch note",
}
STATUS_WORDS: dict[str, str] = {"overdue": "Overdue", "due": "Due now", "upcoming": "Coming up"}


def label(field: str) -> str:
    """The label a person sees for ``field`` (its code, spaced, when unknown)."""
    return FIELD_LABELS.get(field, field.replace("_", " ").capitalize())


def error_text(err: InputError, typed: str | None = None) -> str:
    """An :class:`InputError` as the web says it: a sentence, choices by their labels.

    ``typed`` is what the person entered in the field (empty required fields get
    a plain "Enter ..." instead of the core's list of codes).
    """
    if typed is not None and not typed.strip() and err.field in EMPTY_MESSAGES:
        return EMPTY_MESSAGES[err.field]
    text = err.message[:1].upper() + err.message[1:]
    if err.alternatives:
        options = " or ".join(
            f"“{CHOICE_LABELS.get(a.field, {}).get(a.value, a.value)}”" for a in err.alternatives
        )
        fields = {label(a.field) for a in err.alternatives}
        text = f"{text}. Choose {options} under {' / '.join(sorted(fields))}."
    elif not text.endswith((".", "?", "!")):
        text += "."
    return text
