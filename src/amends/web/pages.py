"""HTML routes: the plan, check and cases pages.

Every form works as a plain POST that returns a full page (JavaScript off);
when htmx sends it (``HX-Request``), the same route returns only the page's
main fragment. Bad input re-renders the form with the message beside the
field and everything the user typed kept.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from amends.cases import KINDS
from amends.cases.machine import allowed, spoken
from amends.errors import InputError, StateError
from amends.plan.request import PlanRequest
from amends.web import services
from amends.web.auth import current_user
from amends.web.context import config, csrf_token, render_page
from amends.web.forms import (
    blank_form,
    forget_profile,
    form_from_post,
    remember_profile,
    request_from_form,
    stored_profile,
    validated_request,
)
from amends.web.views import (
    CasesPage,
    CaseView,
    CheckPage,
    Choice,
    FindingView,
    Layout,
    MessageView,
    PlanPage,
    plan_page,
    plan_view,
    segments,
)

router = APIRouter(include_in_schema=False)
MAX_DRAFT = 20_000


def _layout(request: Request, active: str, title: str) -> Layout:
    return Layout(csrf=csrf_token(request), active=active, title=title)


def _htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def _plan_response(request: Request, page: PlanPage, status: int = 200) -> HTMLResponse:
    template = "_plan_main.html" if _htmx(request) else "plan.html"
    return render_page(request, template, page, status)


@router.get("/", response_class=HTMLResponse)
@router.get("/plan", response_class=HTMLResponse)
def plan_form(request: Request) -> HTMLResponse:
    """The empty plan form, prefilled with the remembered profile."""
    profile = stored_profile()
    layout = _layout(request, "plan", "Plan your recovery")
    return render_page(request, "plan.html", plan_page(layout, blank_form(profile)))


@router.post("/plan", response_class=HTMLResponse)
async def plan_submit(request: Request) -> HTMLResponse:
    """Compute the plan from the form, or show the form again with the problem marked."""
    data = await request.form()
    slots = [str(v) for v in data.getlist("slot")]
    form = form_from_post(dict(data), slots)
    layout = _layout(request, "plan", "Your plan")
    try:
        result = services.make_plan(request_from_form(form), config(request).clock())
    except InputError as err:
        form.errors[err.field] = err.message
        layout = _layout(request, "plan", "Check the form")
        return _plan_response(request, plan_page(layout, form), 422)
    view = plan_view(result.plan, result.request, services.message_links(result.plan), True)
    if form.remember:
        remember_profile(form)
    return _plan_response(request, plan_page(layout, form, view))


def _frozen_request(raw: str) -> PlanRequest:

    try:
        payload = json.loads(raw)
    except ValueError:
        raise InputError("request", "the plan data is damaged; make the plan again") from None
    if not isinstance(payload, dict):
        raise InputError("request", "the plan data is damaged; make the plan again")
    return validated_request(payload)


@router.post("/plan/eml")
def plan_eml(
    request: Request, plan_request: Annotated[str, Form()], message: Annotated[int, Form()]
) -> Response:
    """Download one email of the plan as an ``.eml`` draft."""
    now = config(request).clock()
    result = services.make_plan(_frozen_request(plan_request), now)
    name, data = services.eml_file(result.plan, message, now)
    return _download(data, name, "message/rfc822")


@router.post("/plan/ics")
def plan_ics(request: Request, plan_request: Annotated[str, Form()]) -> Response:
    """Download the proposed slots (or the plan's reminders) as an ``.ics`` calendar."""
    now = config(request).clock()
    result = services.make_plan(_frozen_request(plan_request), now)
    name, data = services.ics_file(result.plan, now)
    return _download(data, name, "text/calendar; charset=utf-8")


@router.post("/plan/save")
def plan_save(request: Request, plan_request: Annotated[str, Form()]) -> Response:
    """Save the plan as a tracked case and go to the cases page."""
    cfg = config(request)
    result = services.make_plan(_frozen_request(plan_request), cfg.clock())
    case_id = services.save_case(cfg.db_path, result)
    return RedirectResponse(f"/cases?saved={case_id}", status_code=303)


@router.post("/profile/forget")
def profile_forget() -> Response:
    """Forget the remembered profile (the profile file the CLI shares)."""
    forget_profile()
    return RedirectResponse("/plan", status_code=303)


def _download(data: bytes, filename: str, media_type: str) -> Response:
    safe = "".join(ch for ch in filename if ch.isalnum() or ch in "-_.") or "amends"
    return Response(
        data,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{safe}"'},
    )


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request) -> HTMLResponse:
    """The draft checker: paste a draft."""
    return render_page(request, "check.html", CheckPage(_layout(request, "check", "Check a draft")))


@router.post("/check", response_class=HTMLResponse)
def check_submit(request: Request, text: Annotated[str, Form()] = "") -> HTMLResponse:
    """Show the draft with every finding's span highlighted and explained."""
    layout = _layout(request, "check", "Draft check")
    template = "_check_main.html" if _htmx(request) else "check.html"
    if not text.strip():
        page = CheckPage(layout, text=text, error="Paste the draft you want to check.")
        return render_page(request, template, page, 422)
    if len(text) > MAX_DRAFT:
        page = CheckPage(layout, text=text, error=f"Keep the draft under {MAX_DRAFT} characters.")
        return render_page(request, template, page, 422)
    report = services.check(text).to_json()
    findings = report.get("findings", [])
    page = CheckPage(
        layout,
        text=text,
        checked=True,
        segments=segments(text, [(int(f["start"]), int(f["end"])) for f in findings]),
        findings=tuple(
            FindingView(
                number=i + 1,
                rule=str(f.get("rule", "")),
                category=str(f.get("category", "")),
                severity=str(f.get("severity", "")),
                excerpt=str(f.get("excerpt", "")),
                message=str(f.get("message", "")),
                suggestion=f.get("suggestion") or None,
            )
            for i, f in enumerate(findings)
        ),
        summary=dict(report.get("summary", {})),
    )
    return render_page(request, template, page)


def _cases_page(request: Request, **extra: Any) -> CasesPage:
    cfg = config(request)
    now = cfg.clock()
    user = current_user.get()  # hosted mode: cases are mine or shared with me
    views = []
    for summary in services.case_summaries(cfg.db_path, now):
        nxt = summary.get("next") or {}
        state = str(summary["state"])
        case_id = str(summary["id"])
        owner = str(summary.get("owner") or "")
        mine = user is None or owner == user.email
        # a coach reading a case shared with them adds notes only
        events: tuple[str, ...] = tuple(allowed(state)) if mine else ("note",)  # type: ignore[arg-type]
        views.append(
            CaseView(
                id=case_id,
                title=f"{summary['role']} at {summary['company']}",
                state=state,
                next_due=str(nxt.get("title")) if nxt else None,
                next_text=str(nxt.get("text")) if nxt else None,
                outcomes=tuple(Choice(kind, spoken(kind)) for kind in events),
                contact=str(summary.get("contact") or ""),
                owner=owner,
                mine=mine,
                coaches=tuple(services.case_coaches(cfg.db_path, case_id)) if user and mine else (),
            )
        )
    layout = _layout(request, "cases", "Your cases")
    kinds = tuple(Choice(k, k.replace("-", " ")) for k in KINDS)
    sharing = user is not None
    return CasesPage(layout, cases=tuple(views), kinds=kinds, sharing=sharing, **extra)


def _cases_response(request: Request, page: CasesPage, status: int = 200) -> HTMLResponse:
    return render_page(
        request, "_cases_main.html" if _htmx(request) else "cases.html", page, status
    )


@router.get("/cases", response_class=HTMLResponse)
def cases_list(request: Request, saved: str | None = None) -> HTMLResponse:
    """Open cases with what is due next."""
    notice = f"Saved as case {saved}." if saved else None
    return _cases_response(request, _cases_page(request, notice=notice))


@router.post("/cases/{case_id}/record", response_class=HTMLResponse)
def cases_record(
    request: Request,
    case_id: str,
    event: Annotated[str, Form()],
    via: Annotated[str, Form()] = "",
    slot: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Record an outcome (a call made, a reply, ...) and show the cases again."""
    cfg = config(request)
    options: dict[str, Any] = {
        "via": via.strip().lower() or None,
        "slot": slot.strip().replace("T", " ") or None,
        "text": text.strip() or None,
    }
    try:
        result = services.record_event(cfg.db_path, case_id, event, cfg.clock, options)
    except InputError as err:
        if err.field == "case":
            raise  # no such case (or another user's): the error page, 404 when hosted
        page = _cases_page(request, error=err.cli_text(), error_case=case_id)
        return _cases_response(request, page, 422)
    except StateError as err:
        page = _cases_page(request, error=str(err), error_case=case_id)
        return _cases_response(request, page, 422)
    notice = f"Recorded on case {case_id}: now {result['state']}."
    return _cases_response(request, _cases_page(request, notice=notice))


@router.post("/cases/{case_id}/write", response_class=HTMLResponse)
def cases_write(
    request: Request,
    case_id: str,
    kind: Annotated[str, Form()],
    topic: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Generate the follow-up message a case calls for (thank-you, confirmation, ...)."""
    cfg = config(request)
    try:
        draft = services.write_message(cfg.db_path, case_id, kind, cfg.clock(), topic or None)
    except InputError as err:
        if err.field == "case":
            raise  # no such case (or another user's): the error page, 404 when hosted
        page = _cases_page(request, error=err.cli_text(), error_case=case_id)
        return _cases_response(request, page, 422)
    except StateError as err:
        page = _cases_page(request, error=str(err), error_case=case_id)
        return _cases_response(request, page, 422)
    follow = MessageView(
        dom_id="followup",
        kind=str(draft["kind"]),
        title=str(draft["kind"]).replace("-", " ").capitalize(),
        subject=draft.get("subject"),
        body=str(draft["body"]),
        words=int(draft["words"]),
        speaking_seconds=None,
        to_name=(draft.get("to") or {}).get("name"),
    )
    page = _cases_page(request, followups=(follow,), followup_case=case_id)
    return _cases_response(request, page)
