"""The local web app of ``amends serve``: FastAPI pages and JSON API over the core."""

from __future__ import annotations

from amends.web.app import create_app

__all__ = ["create_app"]
