"""``.eml`` drafts a desktop mail client opens ready to edit and send.

Built with :mod:`email` (``policy.default``) and
:class:`email.headerregistry.Address`, never by formatting header strings, so
display names such as ``Doe, Jane (HR)`` are quoted and ``Zoë Núñez`` is
RFC 2047 encoded. Every header input is checked by
:func:`amends.export.guard.header_text` first. ``X-Unsent: 1`` makes Outlook
and Thunderbird open the file as a draft instead of a received message.
"""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.errors import HeaderParseError, MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime

from amends.errors import InputError
from amends.export.guard import LINE_BREAKS, body_text, header_text
from amends.fields import email_address, split_address
from amends.plan.result import Message
from amends.plan.situation import Situation

# RFC 5322 files use CRLF line endings.
WRITE_POLICY = policy.default.clone(linesep="\r\n")


def address(name: str | None, email: str, *, name_field: str, email_field: str) -> Address:
    """A validated :class:`Address`; bad names or addresses raise :class:`InputError`."""
    display = header_text(name, name_field) if name else ""
    addr = email_address(header_text(email, email_field), email_field)
    local, domain = split_address(addr)
    try:
        return Address(display_name=display, username=local, domain=domain)
    except (ValueError, IndexError, HeaderParseError, MessageError):
        raise InputError(
            email_field, f"{addr!r} is not an email address like name@example.org"
        ) from None


def build_email(
    *,
    subject: str | None,
    body: str,
    to: Address | None,
    sender: Address | None,
    now: datetime,
) -> EmailMessage:
    """The draft as an :class:`EmailMessage` (UTF-8 body, ``X-Unsent: 1``)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    msg = EmailMessage(policy=policy.default)
    if sender is not None:
        msg["From"] = sender
    if to is not None:
        msg["To"] = to
    subject_text = header_text(subject, "subject") if subject else ""
    if subject_text:
        msg["Subject"] = subject_text
    msg["Date"] = format_datetime(now)
    msg["X-Unsent"] = "1"
    text = body_text(body) + "\n"
    # Controls other than tab/newline are not allowed raw in an 8bit body; base64 keeps them.
    raw_unsafe = any(ch < " " and ch not in "\t\n" for ch in text) or "\x7f" in text
    msg.set_content(text, charset="utf-8", cte="base64" if raw_unsafe else None)
    return msg


def eml_bytes(msg: EmailMessage) -> bytes:
    """Serialise with CRLF line endings, checking that every header reads back unchanged."""
    # A mailbox with non-ASCII letters (jürgen@...) cannot be RFC 2047 encoded: such a
    # draft is written as an internationalised message (RFC 6532, UTF-8 headers).
    needs_utf8 = any(
        not address.username.isascii()
        for name in ("To", "From")
        for address in getattr(msg.get(name), "addresses", ())
    )
    try:
        data = msg.as_bytes(policy=WRITE_POLICY.clone(utf8=True) if needs_utf8 else WRITE_POLICY)
    except (UnicodeError, MessageError, ValueError) as exc:
        raise InputError(
            "contact_email", f"cannot be written into an email draft ({exc})"
        ) from None
    back = BytesParser(policy=policy.default).parsebytes(data)
    if needs_utf8:
        return data  # the parser reads UTF-8 headers as escaped bytes; nothing to compare
    for name in ("Subject", "To", "From"):
        if str(back.get(name, "")) != str(msg.get(name, "")):
            field = {"Subject": "subject", "To": "contact_name", "From": "name"}[name]
            raise InputError(field, "cannot be written faithfully into an email header")
    return data


def eml_for_message(message: Message, situation: Situation, now: datetime) -> bytes:
    """The ``.eml`` draft of one written message of a plan, as bytes ready to save.

    To is the message's recipient when its address is known (otherwise the
    draft has no recipient and the client asks); From is the candidate when
    their address is known.
    """
    to = None
    if message.to_email:
        to = address(
            message.to_name,
            message.to_email,
            name_field="contact_name",
            email_field="contact_email",
        )
    elif message.to_name:
        header_text(message.to_name, "contact_name")
    candidate = situation.candidate
    sender = None
    if candidate.email:
        sender = address(candidate.name, candidate.email, name_field="name", email_field="email")
    msg = build_email(subject=message.subject, body=message.body, to=to, sender=sender, now=now)
    return eml_bytes(msg)


__all__ = ["LINE_BREAKS", "address", "build_email", "eml_bytes", "eml_for_message"]
