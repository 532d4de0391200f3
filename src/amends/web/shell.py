"""What makes the web app installable: the service worker at the root and the offline page.

The worker must be served from ``/sw.js`` (not ``/static/``) for its scope to
cover the whole app; it is never cached by the browser's HTTP cache, so an
upgrade of amends reaches it at once. Its shell cache is named after a digest of
the files it keeps, so any change to the stylesheet, script or icons makes an
installed app fetch them again instead of showing the old ones.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from amends.web.context import WEB_DIR, csrf_token, render_page
from amends.web.views import Layout

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class ShellPage:
    layout: Layout


SHELL_NAME = "amends-shell-v1"
"""The cache name written in ``sw.js``; served with the shell's digest in its place."""


@cache
def worker_source() -> str:
    """``sw.js`` with its shell cache named after the digest of the shell's files."""
    digest = hashlib.sha256()
    shell_files = [*sorted((WEB_DIR / "static").rglob("*")), WEB_DIR / "templates" / "offline.html"]
    for path in shell_files:
        if path.is_file():
            digest.update(path.relative_to(WEB_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    source = (WEB_DIR / "static" / "sw.js").read_text(encoding="utf-8")
    return source.replace(SHELL_NAME, f"amends-shell-{digest.hexdigest()[:12]}")


@router.get("/sw.js")
def service_worker() -> Response:
    """The service worker (app shell and last plan kept for offline reading)."""
    return Response(
        worker_source(),
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )


@router.get("/offline", response_class=HTMLResponse)
def offline(request: Request) -> HTMLResponse:
    """What the app shows when there is no connection to this computer's amends."""
    layout = Layout(csrf=csrf_token(request), active="", title="Offline")
    return render_page(request, "offline.html", ShellPage(layout))
