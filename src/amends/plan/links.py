"""The ``mailto:`` and ``tel:`` links of a plan's messages, computed once by the builder.

Every interface shows the same links (the CLI's JSON ``links``, the web's buttons),
so they are part of the plan result instead of being recomputed per interface.
"""

from __future__ import annotations

from collections.abc import Sequence

from amends.export.links import MessageLinks, PlanLinks, mailto_link, tel_link
from amends.plan.result import Message, Plan


def plan_links(plan: Plan) -> PlanLinks:
    """``mailto:`` and ``tel:`` links for each message of ``plan`` (same order as ``messages``).

    ``mailto`` is ``None`` for spoken messages; ``shortened`` means the body was
    left out (too long for a link): point the user to the ``.eml`` draft instead.
    """
    return message_links(plan.messages, plan.situation.contact.phone)


def message_links(messages: Sequence[Message], contact_phone: str | None) -> PlanLinks:
    """:func:`plan_links` of a plan's ``messages`` before the plan is assembled."""
    contact_tel = tel_link(contact_phone) if contact_phone else None
    items: list[MessageLinks] = []
    for message in messages:
        phone = message.to_phone or (contact_phone if message.spoken else None)
        mailto = None
        if message.written:
            mailto = mailto_link(message.to_email, message.subject, message.body)
        tel = tel_link(phone) if phone and message.spoken else None
        items.append(MessageLinks(message.kind, message.variant, mailto, tel))
    return PlanLinks(tel=contact_tel, messages=tuple(items))
