"""The web's pydantic models of the plan and slot request bodies, derived from the core's records.

The core's :class:`~amends.plan.request.PlanRequest` is a standard-library
dataclass (the command line builds it without loading pydantic). The web needs a
pydantic model of the same body: FastAPI validates JSON with it and documents it
in ``/openapi.json``, and a model remembers which fields were sent (the profile
fills the others). :data:`PlanBody` is built from the dataclass's own fields, so
the two cannot drift apart; ``to_request`` gives the core's record back.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from amends.plan.request import MAX_RAW, PlanRequest, readable_text
from amends.slots.options import SlotOptions, nest_slot_options


def _fields_of(record: type) -> dict[str, Any]:
    """``create_model``'s field definitions for every field of the dataclass ``record``."""
    hints = get_type_hints(record)
    spec: dict[str, Any] = {}
    for item in dataclasses.fields(record):
        if item.default_factory is not dataclasses.MISSING:
            default = Field(default_factory=item.default_factory)
        else:
            default = item.default if item.default is not dataclasses.MISSING else ...
        spec[item.name] = (hints[item.name], default)
    return spec


class _PlanBody(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=MAX_RAW)

    @model_validator(mode="before")
    @classmethod
    def _readable_text(cls, data: Any) -> Any:
        return readable_text(data) if isinstance(data, dict) else data

    def to_request(self) -> PlanRequest:
        """The core's request of these values."""
        return PlanRequest(**{name: getattr(self, name) for name in type(self).model_fields})


class SlotsRequest(BaseModel):
    """Body of ``POST /api/slots``: the ``amends slots`` options in snake_case.

    ``--busy`` calendar files are a command-line feature and are refused here.
    """

    model_config = ConfigDict(extra="forbid", str_max_length=200)

    tz: str
    my_tz: str | None = None
    now: str | None = None
    slot_options: SlotOptions = Field(default_factory=SlotOptions)

    @model_validator(mode="before")
    @classmethod
    def _nest(cls, data: Any) -> Any:
        return nest_slot_options(data) if isinstance(data, dict) else data


if TYPE_CHECKING:
    PlanBody = _PlanBody
else:
    PlanBody = create_model(
        "PlanRequest",
        __base__=_PlanBody,
        __doc__=PlanRequest.__doc__,
        __module__=__name__,
        **_fields_of(PlanRequest),
    )


def body_of(request: PlanRequest) -> PlanBody:
    """The web's model of a core request (to dump it as pydantic does)."""
    return PlanBody.model_validate(
        {item.name: getattr(request, item.name) for item in dataclasses.fields(request)}
    )


def request_of(values: dict[str, Any]) -> PlanRequest:
    """The core's request of JSON ``values``, validated as the API validates a body."""
    return PlanBody.model_validate(values).to_request()
