"""Rendering the calendar wording from ``templates/export/*.j2`` (content is data).

Each event kind has one template with a ``title`` block and a ``description``
block; alarms share ``_alarm.j2``. The Jinja2 environment is the messages' own
(:func:`amends.texts.environment`), but values are inserted as they are (no
whitespace tidying), so names and places reach the calendar unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from amends.texts import environment

_BLANKS = re.compile(r"\n{3,}")


def render_block(template: str, block: str, context: dict[str, Any]) -> str:
    """Render one ``{% block %}`` of ``templates/export/<template>.j2``."""
    tmpl = environment().get_template(f"export/{template}.j2")
    ctx = tmpl.new_context(dict(context))
    text = "".join(tmpl.blocks[block](ctx))
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines))


def render_line(template: str, block: str, context: dict[str, Any]) -> str:
    """A one-line rendering (titles, alarm texts): inner line breaks become spaces."""
    return " ".join(render_block(template, block, context).split("\n")).strip()
