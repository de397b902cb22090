"""Screenshots of each widget style, the event page and the overlay, light and dark, for the
README.

    python scripts/screenshots.py [OUT_DIR]     (default: docs/)

Uses Debian's Chromium through Playwright, a reader in Nairobi (en-GB) and a clock stopped
two days before the example launch, so the pictures are the same on every run.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from launchcal import eventfile, render  # noqa: E402
from launchcal.event import Event  # noqa: E402

CLOCK = dt.datetime(2022, 7, 2, 7, 55, 55, tzinfo=dt.UTC)
POST = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Post</title>
<style>body{{margin:0;padding:12px;background:{bg};font-family:system-ui,sans-serif}}</style>
</head><body>{snippet}</body></html>"""


def _event() -> Event:
    return eventfile.load(ROOT / "examples" / "xiaomi-12s.toml").events[0]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    event = _event()
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for scheme, bg in (("light", "#f4f4f4"), ("dark", "#000")):
            context = browser.new_context(
                locale="en-GB", timezone_id="Africa/Nairobi", color_scheme=scheme,
                viewport={"width": 480, "height": 800}, device_scale_factor=1,
            )  # fmt: skip
            page = context.new_page()
            page.clock.install(time=CLOCK)
            for style in render.STYLES:
                post = Path(folder) / f"post-{style}-{scheme}.html"
                snippet = render.snippet(event, render.Options(style=style))
                post.write_text(POST.format(bg=bg, snippet=snippet), "utf-8")
                page.set_viewport_size({"width": 720 if style == "banner" else 480, "height": 800})
                page.goto(post.as_uri())
                page.clock.pause_at(CLOCK + dt.timedelta(seconds=10))
                name = "widget" if style == "text" else f"widget-{style}"
                page.locator(".lcw").screenshot(path=out / f"{name}-{scheme}.png")
            whole = Path(folder) / "page.html"
            whole.write_text(render.page(event), "utf-8")
            page.set_viewport_size({"width": 720, "height": 800})
            page.goto(whole.as_uri())
            page.clock.pause_at(CLOCK + dt.timedelta(seconds=10))
            page.screenshot(path=out / f"page-{scheme}.png", full_page=True)
            context.close()
        browser.close()
    for png in sorted(out.glob("*.png")):
        print(f"{png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}: "
              f"{png.stat().st_size // 1024} KB")  # fmt: skip


if __name__ == "__main__":
    main()
