"""``mailto:`` and ``tel:`` links that open the user's own mail and phone apps.

``mailto:`` follows RFC 6068: every reserved or non-ASCII character is
percent-encoded as UTF-8, spaces become ``%20`` (never ``+``) and line breaks
in the body ``%0D%0A``. Common clients and browsers cut links somewhere past
2,000 characters, so above :data:`MAX_MAILTO` the link keeps only the recipient
and subject and says so; the interface then points to the ``.eml`` draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from amends.export.guard import body_text, header_text
from amends.fields import email_address, phone_e164, phone_number, split_address

MAX_MAILTO = 1900


@dataclass(frozen=True)
class MailtoLink:
    """A ``mailto:`` URL; ``shortened`` is True when the body had to be left out."""

    url: str
    shortened: bool
    includes_subject: bool = True

    def to_json(self) -> dict[str, object]:
        return {
            "url": self.url,
            "shortened": self.shortened,
            "includes_subject": self.includes_subject,
        }


@dataclass(frozen=True)
class MessageLinks:
    """The links of one plan message: ``mailto`` for what is written, ``tel`` for what is said."""

    kind: str
    variant: str
    mailto: MailtoLink | None
    tel: str | None

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "variant": self.variant,
            "mailto": self.mailto.to_json() if self.mailto else None,
            "tel": self.tel,
        }


@dataclass(frozen=True)
class PlanLinks:
    """Every link of a plan, in the order of its messages, and the contact's own ``tel:``."""

    tel: str | None
    messages: tuple[MessageLinks, ...]

    def to_json(self) -> dict[str, object]:
        return {"tel": self.tel, "messages": [m.to_json() for m in self.messages]}


# RFC 3986 unreserved characters stay; every other character becomes its UTF-8 bytes as
# ``%XX`` (upper-case hex), exactly as ``urllib.parse.quote(text, safe="")`` writes it.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")


@lru_cache(maxsize=4096)  # pure; a message uses a few dozen distinct characters
def _percent(ch: str) -> str:
    return "".join(f"%{byte:02X}" for byte in ch.encode("utf-8", "strict"))


def _encode(text: str) -> str:
    """``text`` percent-encoded as UTF-8 (a lone surrogate raises, as ``quote`` does).

    One ``replace`` per distinct character to encode (a message uses a dozen or so)
    instead of a Python step per byte; ``%`` goes first, as every later replacement
    brings its own ``%``.
    """
    special = set(text) - _UNRESERVED
    if "%" in special:
        text = text.replace("%", "%25")
        special.discard("%")
    for ch in special:
        text = text.replace(ch, _percent(ch))
    return text


@lru_cache(maxsize=8192)
def _encode_line(line: str) -> str:
    """:func:`_encode` of one line, kept: greetings, sign-offs, a subject and most sentences
    recur across the messages of a plan (the apology with and without its reason) and
    across plans, and encoding is pure."""
    return _encode(line)


def mailto_link(
    to: str | None,
    subject: str | None,
    body: str | None,
    *,
    max_length: int = MAX_MAILTO,
    to_field: str = "contact_email",
) -> MailtoLink:
    """Build an RFC 6068 link; past ``max_length`` characters drop the body (then the subject).

    ``to`` is validated as an email address and ``subject`` must be one line;
    the body's line breaks, whatever their style, are sent as ``%0D%0A``.
    """
    address = ""
    if to:
        local, domain = split_address(email_address(to, to_field))
        address = _encode(local) + "@" + domain
    fields: list[tuple[str, str]] = []
    if subject:
        fields.append(("subject", _encode_line(header_text(subject, "subject"))))
    too_long = False
    if body:
        lines = body_text(body).split("\n")
        # Percent-encoding never shortens text: a body longer than the limit cannot fit
        # (each line break is sent as two characters, CR LF).
        too_long = sum(map(len, lines)) + 2 * (len(lines) - 1) > max_length
        if not too_long:
            fields.append(("body", "%0D%0A".join(map(_encode_line, lines))))

    def build(parts: list[tuple[str, str]]) -> str:
        query = "&".join(f"{key}={value}" for key, value in parts)
        return f"mailto:{address}" + (f"?{query}" if query else "")

    url = build(fields)
    if len(url) <= max_length and not too_long:
        return MailtoLink(url=url, shortened=False, includes_subject=bool(subject))
    without_body = [item for item in fields if item[0] != "body"]
    url = build(without_body)
    if len(url) <= max_length:
        return MailtoLink(url=url, shortened=True, includes_subject=bool(subject))
    return MailtoLink(url=build([]), shortened=True, includes_subject=False)


def tel_link(phone: str, field: str = "contact_phone") -> str:
    """``tel:+442079460000`` from any validated spelling (RFC 3966, E.164 when it has ``+``)."""
    return "tel:" + phone_e164(phone_number(phone, field))
