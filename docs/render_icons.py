"""Render the app icons (PNG) from src/amends/web/static/icons/icon.svg with Debian's Chromium.

Run once after changing the SVG: ``.venv/bin/python docs/render_icons.py``. The
maskable icon puts the drawing inside the 80 % safe zone on a full-bleed colour.
"""

from __future__ import annotations

import base64
from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parents[1] / "src" / "amends" / "web" / "static" / "icons"
PAGE = """<!doctype html><html><body style="margin:0;background:{bg}">
<img src="data:image/svg+xml;base64,{svg}" style="display:block;width:{inner}px;height:{inner}px;
margin:{pad}px"></body></html>"""


def main() -> None:
    svg = base64.b64encode((ICONS / "icon.svg").read_bytes()).decode()
    jobs = [("icon-192.png", 192, 0), ("icon-512.png", 512, 0), ("icon-maskable-512.png", 512, 52)]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for name, size, pad in jobs:
            page = browser.new_page(viewport={"width": size, "height": size})
            bg = "#0b5c8a" if pad else "transparent"
            page.set_content(PAGE.format(bg=bg, svg=svg, inner=size - 2 * pad, pad=pad))
            page.screenshot(path=str(ICONS / name), omit_background=not pad)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
