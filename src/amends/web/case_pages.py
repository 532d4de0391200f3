"""HTML routes of the cases page: list, record what happened, write a message, downloads.

Every button is a plain form POST that answers with the whole page (JavaScript
off) or, for htmx, the page's main fragment. A problem is shown inside the
card it belongs to, beside the button that caused it, never at the top of a
long page.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from amends.errors import InputError, StateError
from amends.web import services
from amends.web.auth import current_user
from amends.web.case_views import CasesPage, Pages, case_view
from amends.web.context import config, csrf_token, render_page
from amends.web.labels import EVENT_WORDS, MESSAGE_TITLES, STATE_WORDS, error_text, label
from amends.web.pages import download
from amends.web.views import Layout, MessageView

router = APIRouter(include_in_schema=False)


def _page(request: Request, show_closed: bool = False, number: int = 1, **card: Any) -> CasesPage:
    """Page ``number`` of the cases page; ``card`` holds what one card shows extra
    (``case_id`` names it, and that card is shown whatever page it would be on)."""
    cfg = config(request)
    now = cfg.clock()
    target = card.pop("case_id", None)
    per_page = services.CARDS_PER_PAGE
    found = services.case_cards(
        cfg.db_path, now, show_closed, (per_page, (number - 1) * per_page), target
    )
    user = current_user.get()  # hosted mode: cases are mine or shared with me
    views = []
    for c in found.cards:
        mine = user is None or c.case.record.owner == user.email
        coaches = tuple(services.case_coaches(cfg.db_path, c.case.id)) if user and mine else ()
        extra = card if c.case.id == target else {}
        views.append(case_view(c, mine, coaches=coaches, **extra))
    layout = Layout(csrf=csrf_token(request), active="cases", title="Your cases")
    notice = None
    if found.damaged:
        notice = (
            f"Some saved cases are damaged and cannot be shown ({', '.join(found.damaged)}); "
            "the others are below."
        )
    pages = Pages(number, max(1, -(-found.total // per_page)), "&closed=1" if show_closed else "")
    return CasesPage(
        layout, tuple(views), notice, show_closed, found.closed, user is not None, pages=pages
    )


def _respond(request: Request, page: CasesPage, status: int = 200) -> HTMLResponse:
    htmx = request.headers.get("hx-request") == "true"
    return render_page(request, "_cases_main.html" if htmx else "cases.html", page, status)


OUT_OF_TURN = {
    "record": "That step does not fit this case at the moment; the buttons on this card "
    "are the ones that fit now.",
    "write": "That message does not fit this case at the moment; the list on this card "
    "has the ones that fit now.",
}


def _problem(err: InputError | StateError, action: str) -> str:
    """The error in the web's words, after the label of the field it is about (a state
    error names codes, so it is said plainly)."""
    if isinstance(err, InputError):
        return f"{label(err.field)}: {error_text(err)}"
    return OUT_OF_TURN[action]


def _refused(request: Request, case_id: str, err: InputError | StateError, action: str) -> Response:
    """The page again (422) with the problem inside the card that caused it.

    An unknown case (or, hosted, another user's) is not a card's problem: it is
    the error page (a 404 when hosted).
    """
    if isinstance(err, InputError) and err.field == "case":
        raise err
    page = _page(request, case_id=case_id, error=_problem(err, action))
    return _respond(request, page, 422)


@router.get("/cases", response_class=HTMLResponse)
def cases_list(
    request: Request,
    saved: str | None = None,
    closed: str = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """The open cases, most urgent first, with what is due next, a page at a time."""
    if saved:
        shown = _page(
            request, bool(closed), page, case_id=saved, notice="Saved. This is your case now."
        )
    else:
        shown = _page(request, bool(closed), page)
    return _respond(request, shown)


@router.post("/cases/{case_id}/record", response_class=HTMLResponse)
def cases_record(
    request: Request,
    case_id: str,
    event: Annotated[str, Form()],
    via: Annotated[str, Form()] = "",
    slot: Annotated[str, Form()] = "",
    link: Annotated[str, Form()] = "",
    address: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    step: Annotated[str, Form()] = "",
    entry: Annotated[str, Form()] = "",
) -> Response:
    """Record what happened (a call, their yes with the new time and link, a step done),
    or withdraw a mistaken entry (``correction`` with the ``entry`` chosen)."""
    cfg = config(request)
    options: dict[str, Any] = {
        "entry": int(entry) if entry.strip().isdigit() and len(entry.strip()) < 9 else None,
        "via": via.strip().lower() or None,
        "slot": slot.strip().replace("T", " ") or None,
        "link": link.strip() or None,
        "address": address.strip() or None,
        "text": text.strip() or None,
        "step": step.strip() or None,
    }
    try:
        result = services.record_event(cfg.db_path, case_id, event, cfg.clock, options)
    except (InputError, StateError) as err:
        return _refused(request, case_id, err, "record")
    if event in ("done", "note"):
        notice = "Marked as done." if event == "done" else "Note saved."
    elif event == "correction":
        state = STATE_WORDS.get(str(result["state"]), "")
        kept = "it stays in the history"
        notice = f"Entry {options['entry']} is withdrawn ({kept}). Now: {state.lower()}."
    else:
        state = STATE_WORDS.get(str(result["state"]), "")
        notice = f"Recorded “{EVENT_WORDS.get(event, 'done')}”. Now: {state.lower()}."
    return _respond(request, _page(request, case_id=case_id, notice=notice))


@router.post("/cases/{case_id}/write", response_class=HTMLResponse)
def cases_write(
    request: Request,
    case_id: str,
    kind: Annotated[str, Form()],
    topic: Annotated[str, Form()] = "",
) -> Response:
    """Write the message the case calls for now (thank-you, confirmation, follow-up...)."""
    cfg = config(request)
    try:
        draft = services.write_message(cfg.db_path, case_id, kind, cfg.clock(), topic or None)
    except (InputError, StateError) as err:
        return _refused(request, case_id, err, "write")
    written = MessageView(
        dom_id=f"written-{case_id}",
        kind=str(draft["kind"]),
        title=MESSAGE_TITLES.get(str(draft["kind"]), "Message"),
        subject=draft.get("subject"),
        body=str(draft["body"]),
        words=int(draft["words"]),
        speaking_seconds=None,
        to_name=(draft.get("to") or {}).get("name"),
        mailto=services.mailto_for(draft),
    )
    return _respond(request, _page(request, case_id=case_id, written=written))


@router.get("/cases/{case_id}/interview.ics")
def cases_interview_ics(request: Request, case_id: str) -> Response:
    """The agreed interview with its reminders (24 h, 1 h, tech check) as a calendar file."""
    cfg = config(request)
    name, data = services.interview_calendar(cfg.db_path, case_id, cfg.clock())
    return download(data, name, "text/calendar; charset=utf-8")
