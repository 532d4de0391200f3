"""What every page and route shares: the app's settings, the CSRF token and rendering.

Kept apart from the app factory so routes can import it without importing the
app (which imports the routes): no cycle, and one place for the page context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from amends import __version__

Clock = Callable[[], datetime]
WEB_DIR = Path(str(resources.files("amends.web")))


def real_clock() -> datetime:
    """The only place the web app reads the real time."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class WebConfig:
    """Per-app settings the routes read from ``request.app.state.config``."""

    db_path: Path | None
    clock: Clock
    templates: Environment


def config(request: Request) -> WebConfig:
    """The running app's :class:`WebConfig`."""
    cfg: WebConfig = request.app.state.config
    return cfg


def csrf_token(request: Request) -> str:
    """The session's CSRF token (set by :class:`RequestGuard` on every request)."""
    return str(getattr(request.state, "csrf_token", ""))


def render_page(request: Request, template: str, page: Any, status: int = 200) -> HTMLResponse:
    """Render ``template`` with the single typed context object ``page``."""
    env = config(request).templates
    html = env.get_template(template).render(page=page)
    return HTMLResponse(html, status_code=status)


def wants_html(request: Request) -> bool:
    """True for page routes (HTML errors), False for ``/api/`` (JSON errors)."""
    return not request.url.path.startswith("/api/")


def page_templates() -> Environment:
    """The Jinja environment of the HTML pages (autoescaped, strict about missing names)."""
    env = Environment(
        loader=FileSystemLoader(str(WEB_DIR / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return env
