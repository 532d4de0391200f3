"""A situation as stored JSON, read and written through pydantic.

The situation's records are standard-library dataclasses (the command line builds
them without pydantic); the case store keeps them as the JSON pydantic writes for
them, and validates what it reads back. Only the store and the web import this.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from amends.plan.situation import Situation

_SITUATION: TypeAdapter[Situation] = TypeAdapter(Situation)


def situation_json(situation: Situation) -> dict[str, Any]:
    """The situation as plain JSON values (times as ISO-8601 text), as the store keeps it."""
    data: dict[str, Any] = _SITUATION.dump_python(situation, mode="json")
    return data


def situation_from_json(data: Any) -> Situation:
    """The situation stored as ``data``; raises pydantic's ``ValidationError`` if it is not one."""
    return _SITUATION.validate_python(data)
