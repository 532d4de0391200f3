"""Rendering the calendar wording from ``templates/export/*.j2`` (content is data).

Each event kind has one template with a ``title`` block and a ``description``
block; alarms share ``_alarm.j2``. Values are inserted as they are (no
whitespace tidying), so names and places reach the calendar unchanged.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

_BLANKS = re.compile(r"\n{3,}")


@cache
def environment() -> Environment:
    """Plain-text Jinja2 environment over ``amends/templates`` (no HTML escaping)."""
    return Environment(
        loader=PackageLoader("amends", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        autoescape=False,
    )


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
