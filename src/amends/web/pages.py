"""HTML routes: the plan form, the plan at its own address, and the draft checker.

Every form works as a plain POST (JavaScript off); when htmx sends it
(``HX-Request``), the same route returns only the page's main fragment. Bad
input re-renders the form with every message beside its field and everything
the user typed kept. A good plan is kept as a draft and shown at
``/plan/<id>`` (post/redirect/get), until it is saved as a case or discarded.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from amends.errors import InputError
from amends.store import DraftRecord
from amends.web import services
from amends.web.context import config, csrf_token, render_page
from amends.web.forms import (
    blank_form,
    forget_profile,
    form_from_post,
    form_from_request,
    form_from_story,
    remember_profile,
    request_from_form,
    show_errors,
    stored_profile,
)
from amends.web.views import (
    CheckPage,
    Choice,
    FindingView,
    Layout,
    PlanPage,
    plan_page,
    plan_view,
    segments,
)

router = APIRouter(include_in_schema=False)
MAX_DRAFT = 20_000
GONE = (
    "This plan is no longer kept here: it was discarded, or it is more than two weeks old. "
    "Saved plans are under Cases."
)


def _layout(request: Request, active: str, title: str) -> Layout:
    return Layout(csrf=csrf_token(request), active=active, title=title)


def _htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def _plan_response(request: Request, page: PlanPage, status: int = 200) -> HTMLResponse:
    template = "_plan_main.html" if _htmx(request) else "plan.html"
    return render_page(request, template, page, status)


@router.get("/", response_class=HTMLResponse)
@router.get("/plan", response_class=HTMLResponse)
def plan_form(request: Request, discarded: str = "") -> HTMLResponse:
    """The empty plan form, prefilled with the remembered profile."""
    profile = stored_profile()
    layout = _layout(request, "plan", "Plan your recovery")
    notice = "The plan was discarded." if discarded else None
    page = plan_page(layout, blank_form(profile), notice=notice)
    return render_page(request, "plan.html", page)


@router.post("/plan", response_class=HTMLResponse)
async def plan_submit(request: Request) -> Response:
    """Check every field; then keep the plan as a draft and go to its own address.

    Post/redirect/get: the plan lives at ``/plan/<draft id>``, so a reload, the
    back button or a bookmark shows it again instead of resubmitting the form.
    """
    data = await request.form()
    slots = [str(v) for v in data.getlist("slot")]
    form = form_from_post(dict(data), slots)
    cfg = config(request)
    now = cfg.clock()
    plan_request, errors = request_from_form(form)
    if plan_request is not None:
        errors = services.plan_errors(plan_request, now)
    try:
        if plan_request is None or errors:
            raise InputError(errors[0].field, errors[0].message, errors[0].alternatives)
        result = services.make_plan(plan_request, now, cli=False)
    except InputError as err:
        show_errors(form, errors or [err])
        layout = _layout(request, "plan", "Check the form")
        return _plan_response(request, plan_page(layout, form), 422)
    if form.remember:
        remember_profile(form)
    draft_id = services.keep_draft(cfg.db_path, result, now)
    return _see(request, f"/plan/{draft_id}")


def _see(request: Request, url: str) -> Response:
    """303 to ``url``; htmx is told to load it as a full page (so the address changes)."""
    if _htmx(request):
        return Response(status_code=200, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


@router.post("/plan/story", response_class=HTMLResponse)
async def plan_story(request: Request) -> HTMLResponse:
    """ "What happened?": fill the form from the story and ask only what it leaves open."""
    data = await request.form()
    story = str(data.get("story") or "")
    profile = stored_profile()
    my_tz = str(data.get("my_tz") or "").strip() or profile.get("my_tz")
    layout = _layout(request, "plan", "Check what we understood")
    try:
        result = services.intake(story, None, my_tz, config(request).clock())
    except InputError as err:
        form = blank_form(profile)
        form.story = story
        form.values["my_tz"] = my_tz or ""
        form.errors["story" if err.field == "text" else err.field] = err.message
        return _plan_response(request, plan_page(layout, form), 422)
    if my_tz:
        profile = {**profile, "my_tz": my_tz}
    open_fields = list(zip(result.missing, result.questions, strict=True))
    form = form_from_story(profile, story, result.plan_fields(), open_fields)
    return _plan_response(request, plan_page(layout, form))


def _draft(request: Request, draft_id: str) -> tuple[DraftRecord, services.PlanResult]:
    record = services.draft(config(request).db_path, draft_id)
    if record is None:
        raise StarletteHTTPException(404, GONE)
    return record, services.draft_plan(record, config(request).clock())


def _draft_page(
    request: Request, record: DraftRecord, result: services.PlanResult, **extra: Any
) -> PlanPage:
    plan = result.plan
    now = config(request).clock()
    view = plan_view(plan, services.message_links(plan), True, record.id, now)
    layout = _layout(request, "plan", f"Your plan: {view.role} at {view.company}")
    form = form_from_request(result.request)
    return plan_page(layout, form, view, saved_case=record.case_id, **extra)


@router.get("/plan/{draft_id}", response_class=HTMLResponse)
def plan_show(request: Request, draft_id: str, confirm: str = "") -> HTMLResponse:
    """The plan at its own address, exactly as it was made (its "now" is kept).

    ``confirm`` is set when "Save as case" found this interview saved already:
    the page then asks before saving a second case.
    """
    record, result = _draft(request, draft_id)
    same: tuple[Choice, ...] = ()
    if confirm:
        found = services.same_interview_cases(config(request).db_path, result.plan)
        same = tuple(Choice(c.id, c.title) for c in found)
    page = _draft_page(request, record, result, duplicates=same)
    response = render_page(request, "plan.html", page)
    # Never from the HTTP cache: "back" after saving must show the plan as saved.
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/plan/{draft_id}/message-{number}.eml")
def plan_eml(request: Request, draft_id: str, number: int) -> Response:
    """Download one email of the plan as an ``.eml`` draft."""
    _, result = _draft(request, draft_id)
    name, data = services.eml_file(result.plan, number - 1, config(request).clock())
    return download(data, name, "message/rfc822")


@router.get("/plan/{draft_id}/follow-up.ics")
def plan_ics(request: Request, draft_id: str) -> Response:
    """Download the proposed slots and follow-through reminders as an ``.ics`` calendar."""
    _, result = _draft(request, draft_id)
    name, data = services.ics_file(result.plan, config(request).clock())
    return download(data, name, "text/calendar; charset=utf-8")


@router.post("/plan/{draft_id}/save")
def plan_save(request: Request, draft_id: str, again: Annotated[str, Form()] = "") -> Response:
    """Save the plan as a tracked case; when the same interview is saved already, ask first."""
    cfg = config(request)
    record, result = _draft(request, draft_id)
    if not again and services.same_interview_cases(cfg.db_path, result.plan):
        return _see(request, f"/plan/{draft_id}?confirm=1#keep")
    case_id = services.save_draft_case(cfg.db_path, record, result)
    return _see(request, f"/cases?saved={case_id}#case-{case_id}")


@router.post("/plan/{draft_id}/discard")
def plan_discard(request: Request, draft_id: str) -> Response:
    """Forget the unsaved plan and start again."""
    services.discard_draft(config(request).db_path, draft_id)
    return _see(request, "/plan?discarded=1")


@router.post("/profile/forget")
def profile_forget() -> Response:
    """Forget the remembered profile (the profile file the CLI shares)."""
    forget_profile()
    return RedirectResponse("/plan", status_code=303)


def download(data: bytes, filename: str, media_type: str) -> Response:
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
