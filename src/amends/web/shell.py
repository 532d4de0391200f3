"""What makes the web app installable: the service worker at the root and the offline page.

The worker must be served from ``/sw.js`` (not ``/static/``) for its scope to
cover the whole app; it is never cached by the browser's HTTP cache, so an
upgrade of amends reaches it at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from amends.web.context import WEB_DIR, csrf_token, render_page
from amends.web.views import Layout

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class ShellPage:
    layout: Layout


@router.get("/sw.js")
def service_worker() -> FileResponse:
    """The service worker (app shell and last plan kept for offline reading)."""
    return FileResponse(
        WEB_DIR / "static" / "sw.js",
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )


@router.get("/offline", response_class=HTMLResponse)
def offline(request: Request) -> HTMLResponse:
    """What the app shows when there is no connection to this computer's amends."""
    layout = Layout(csrf=csrf_token(request), active="", title="Offline")
    return render_page(request, "offline.html", ShellPage(layout))
