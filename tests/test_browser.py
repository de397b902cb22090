"""The widget and the page in a real browser: Debian's Chromium driven by Playwright.

One browser for the whole session; each test gets fresh contexts (zone, locale, colour scheme)
and pages served from 127.0.0.1. Every request outside 127.0.0.1 is aborted and recorded, every
dialog and page error is recorded, and each test ends by checking that there were none.
Without Chromium these tests skip with the reason, unless LAUNCHCAL_REQUIRE_BROWSER=1 (CI),
where they fail instead.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import http.server
import itertools
import json
import os
import shutil
import threading
import zoneinfo
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from launchcal import eventfile, render, tz
from launchcal.event import Event
from launchcal.places import Place
from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = "</script><script>alert(1)</script>"
SUMMER = dt.datetime(2022, 7, 4, 11, tzinfo=dt.UTC)  # 19:00 in Shanghai
#: How long before the moment a test reads the fake clock starts: loading a page on a busy
#: machine can take seconds, and ``pause_at`` cannot go back to a moment already passed.
SLACK = dt.timedelta(seconds=30)


def _unavailable(reason: str) -> None:
    if os.environ.get("LAUNCHCAL_REQUIRE_BROWSER") == "1":
        pytest.fail(f"LAUNCHCAL_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason} (CI sets LAUNCHCAL_REQUIRE_BROWSER=1)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session."""
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield launched
        launched.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        # Files under /csp/ are served as a site with a strict Content-Security-Policy would be.
        if self.path.startswith("/csp/"):
            self.send_header(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'",
            )
        super().end_headers()


@dataclasses.dataclass
class Site:
    """A folder served on a random port of 127.0.0.1."""

    root: Path
    base: str

    def publish(self, name: str, html: str) -> str:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        return self.base + name


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(root, f"http://127.0.0.1:{server.server_port}/")
    server.shutdown()
    server.server_close()
    thread.join()


@dataclasses.dataclass
class Browse:
    """Opens pages in fresh contexts and records what must never happen."""

    browser: Any
    outside: list[str] = dataclasses.field(default_factory=list)
    dialogs: list[str] = dataclasses.field(default_factory=list)
    errors: list[str] = dataclasses.field(default_factory=list)
    contexts: list[Any] = dataclasses.field(default_factory=list)

    def open(
        self,
        url: str,
        *,
        zone: str = "Africa/Nairobi",
        locale: str = "en-GB",
        javascript: bool = True,
        scheme: str = "light",
        motion: str = "no-preference",
        width: int = 800,
        height: int = 900,
        clock: dt.datetime | None = None,
        user_agent: str | None = None,
    ) -> Any:
        extra = {} if user_agent is None else {"user_agent": user_agent}
        context = self.browser.new_context(
            timezone_id=zone,
            locale=locale,
            java_script_enabled=javascript,
            color_scheme=scheme,
            reduced_motion=motion,
            viewport={"width": width, "height": height},
            **extra,
        )
        self.contexts.append(context)
        context.route("**/*", self._guard)
        page = context.new_page()
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        if clock is not None:
            page.clock.install(time=clock)
        page.goto(url)
        return page

    def _guard(self, route: Any) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https") and parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def browse(browser: Any) -> Iterator[Browse]:
    watcher = Browse(browser)
    yield watcher
    watcher.close()
    assert watcher.outside == [], "requests outside 127.0.0.1"
    assert watcher.dialogs == [], "a dialog opened"
    assert watcher.errors == [], "script errors"


def _example() -> Event:
    return eventfile.load(EXAMPLES / "xiaomi-12s.toml").events[0]


def blog_post(*snippets: str) -> str:
    """A minimal blog post that embeds snippets, as a blogger's page would."""
    body = "\n<p>Some text of the post.</p>\n".join(snippets)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Post</title></head><body><main>\n<h1>My post</h1>\n{body}\n</main></body></html>\n"
    )


def _text(page: Any, selector: str) -> str:
    return " ".join((page.locator(selector).first.text_content() or "").split())


# --- local time in the viewer's zone ---------------------------------------------------------

WINTER = Event.at("Winter launch", dt.datetime(2022, 12, 5, 19), "Asia/Shanghai")

ZONES = [
    # browser zone, event, what the reader sees (en-GB), the local instant it must be
    ("Africa/Nairobi", "summer", "Mon 4 Jul, 14:00", "2022-07-04T14:00:00+03:00"),
    ("America/Los_Angeles", "summer", "Mon 4 Jul, 04:00", "2022-07-04T04:00:00-07:00"),
    ("Pacific/Kiritimati", "summer", "Tue 5 Jul, 01:00", "2022-07-05T01:00:00+14:00"),
    ("Asia/Kolkata", "summer", "Mon 4 Jul, 16:30", "2022-07-04T16:30:00+05:30"),
    ("Europe/London", "summer", "Mon 4 Jul, 12:00", "2022-07-04T12:00:00+01:00"),
    ("Europe/London", "winter", "Mon 5 Dec, 11:00", "2022-12-05T11:00:00+00:00"),
]


@pytest.mark.parametrize(("zone", "which", "shown", "instant"), ZONES)
def test_viewer_sees_own_local_time(
    browse: Browse, site: Site, zone: str, which: str, shown: str, instant: str
) -> None:
    event = _example() if which == "summer" else WINTER
    # The table is right by the tz database too, not only by the browser.
    assert event.start.astimezone(zoneinfo.ZoneInfo(zone)).isoformat() == instant
    url = site.publish(f"zone-{which}.html", blog_post(render.snippet(event)))
    page = browse.open(url, zone=zone)
    assert _text(page, ".lcw-y") == f"{shown} your time"
    assert page.locator(".lcw-y").is_visible()


def test_viewer_locale_comes_from_the_browser_unless_given(browse: Browse, site: Site) -> None:
    event = _example()
    url = site.publish("locale-browser.html", blog_post(render.snippet(event)))
    page = browse.open(url, zone="Europe/Berlin", locale="de-DE")
    assert _text(page, ".lcw-y") == "Mo., 4. Juli, 13:00 your time"
    fixed = render.snippet(event, render.Options(locale="en-GB"))
    url = site.publish("locale-given.html", blog_post(fixed))
    page = browse.open(url, zone="Europe/Berlin", locale="de-DE")
    assert _text(page, ".lcw-y") == "Mon 4 Jul, 13:00 your time"


# --- the countdown on a fixed clock ----------------------------------------------------------


def test_countdown_exact_ticks_then_live_then_ended(browse: Browse, site: Site) -> None:
    event = _example()
    assert event.duration == dt.timedelta(hours=2)
    url = site.publish("clock.html", blog_post(render.snippet(event)))
    at = SUMMER - dt.timedelta(days=2, hours=3, minutes=4, seconds=5)
    page = browse.open(url, clock=at - SLACK)
    page.clock.pause_at(at)
    widget = page.locator(".lcw")
    assert _text(page, ".lcw-n") == "Starts in 2 days, 3 hours, 4 minutes, 5 seconds"
    assert _text(page, "[role=timer]") == "Starts in 2 days, 3 hours, 5 minutes"
    page.clock.run_for(1000)
    assert _text(page, ".lcw-n") == "Starts in 2 days, 3 hours, 4 minutes, 4 seconds"
    page.clock.pause_at(SUMMER - dt.timedelta(seconds=1))
    assert _text(page, ".lcw-n") == "Starts in 1 second"
    page.clock.run_for(1000)
    assert _text(page, ".lcw-n") == "Live now"
    assert widget.get_attribute("data-st") == "live"
    page.clock.run_for(2 * 3600 * 1000 - 1)
    assert _text(page, ".lcw-n") == "Live now"
    page.clock.run_for(1)
    assert _text(page, ".lcw-n") == "Ended"
    assert _text(page, "[role=timer]") == "Ended"
    assert widget.get_attribute("data-st") == "ended"


def test_no_end_means_started_not_ended(browse: Browse, site: Site) -> None:
    event = Event.at("Open-ended stream", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
    url = site.publish("no-end.html", blog_post(render.snippet(event)))
    page = browse.open(url, clock=SUMMER + dt.timedelta(days=3))
    assert _text(page, ".lcw-n") == "Started"


def test_timer_speaks_at_most_once_a_minute(browse: Browse, site: Site) -> None:
    url = site.publish("spoken.html", blog_post(render.snippet(_example())))
    at = SUMMER - dt.timedelta(minutes=4, seconds=30)
    page = browse.open(url, clock=at - SLACK)
    page.clock.pause_at(at)
    assert page.locator(".lcw [role=timer]").count() == 1
    page.evaluate(
        """() => {
        window.spoken = []; window.shown = 0;
        const w = document.querySelector('.lcw');
        new MutationObserver(() => spoken.push([Date.now(), w.querySelector('[role=timer]')
            .textContent])).observe(w.querySelector('[role=timer]'), {childList: true});
        new MutationObserver(() => shown++).observe(w.querySelector('.lcw-n'), {childList: true});
        }"""
    )
    page.clock.run_for(6 * 60 * 1000)
    spoken = page.evaluate("spoken")
    times = [moment for moment, _ in spoken]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert [text for _, text in spoken] == [
        "Starts in 4 minutes",
        "Starts in 3 minutes",
        "Starts in 2 minutes",
        "Starts in 1 minute",
        "Live now",
    ]
    assert times[0] == (SUMMER - dt.timedelta(minutes=4)).timestamp() * 1000
    assert gaps == [60_000] * 4
    assert page.evaluate("shown") >= 4 * 60  # the visible text ticks every second


def test_reduced_motion_counts_minutes_and_stops_the_pulse(browse: Browse, site: Site) -> None:
    url = site.publish("motion.html", blog_post(render.snippet(_example())))
    at = SUMMER - dt.timedelta(minutes=4, seconds=30)
    page = browse.open(url, clock=at - SLACK, motion="reduce")
    page.clock.pause_at(at + dt.timedelta(seconds=1))
    assert _text(page, ".lcw-n") == "Starts in 5 minutes"
    page.clock.pause_at(SUMMER + dt.timedelta(seconds=1))
    animation = page.evaluate(
        "getComputedStyle(document.querySelector('.lcw-n'), '::before').animationName"
    )
    assert animation == "none"
    moving = browse.open(url, clock=SUMMER + dt.timedelta(seconds=1))
    assert (
        moving.evaluate(
            "getComputedStyle(document.querySelector('.lcw-n'), '::before').animationName"
        )
        == "lcw-p"
    )


# --- without JavaScript ----------------------------------------------------------------------


def test_javascript_off_shows_the_server_times(browse: Browse, site: Site) -> None:
    event = _example()
    url = site.publish("nojs.html", render.page(event))
    page = browse.open(url, javascript=False)
    time = page.locator(".lcw-m time")
    assert time.get_attribute("datetime") == "2022-07-04T11:00:00Z"
    assert _text(page, ".lcw-m") == "Mon 4 Jul 2022, 19:00 CST (UTC+08:00), Asia/Shanghai"
    assert page.locator(".lcw-a li").all_inner_texts() == [
        "Nairobi Mon 4 Jul, 14:00",
        "London Mon 4 Jul, 12:00",
        "New York City Mon 4 Jul, 07:00",
        "Kolkata Mon 4 Jul, 16:30",
        "São Paulo Mon 4 Jul, 08:00",
    ]
    assert page.locator("table tbody tr").count() == 5
    # Nothing the script would fill is left showing empty.
    assert not page.locator(".lcw-c").is_visible()
    assert not page.locator(".lcw-y").is_visible()


# --- safety ----------------------------------------------------------------------------------


def test_hostile_title_is_text_and_opens_no_dialog(browse: Browse, site: Site) -> None:
    event = Event.at(
        HOSTILE, dt.datetime(2022, 7, 4, 19), "Asia/Shanghai", duration=dt.timedelta(hours=2),
        description=f"<img src=x onerror=alert(2)> {HOSTILE}",
    )  # fmt: skip
    url = site.publish("hostile-page.html", render.page(event))
    page = browse.open(url)
    assert page.locator("h1").inner_text() == HOSTILE
    assert page.title() == HOSTILE
    data = json.loads(page.locator("script[type='application/ld+json']").text_content())
    assert data["name"] == HOSTILE
    assert page.locator(".lcw-y").is_visible()  # the widget's own script still ran
    url = site.publish("hostile-post.html", blog_post(render.snippet(event)))
    post = browse.open(url)
    assert post.locator(".lcw-h").inner_text() == HOSTILE
    assert post.locator("script").count() == 1
    assert browse.dialogs == []


def test_no_request_leaves_127_0_0_1(browse: Browse, site: Site) -> None:
    url = site.publish("offline.html", render.page(_example()))
    page = browse.open(url)
    page.wait_for_load_state("networkidle")
    assert browse.outside == []
    # The guard is real: a page that does reach out is caught.
    control = site.publish("control.html", '<img src="https://example.com/pixel.png">')
    browse.open(control).wait_for_load_state("networkidle")
    assert browse.outside == ["https://example.com/pixel.png"]
    browse.outside.clear()


def test_strict_csp_needs_and_gets_the_external_script(browse: Browse, site: Site) -> None:
    event = _example()
    inline = site.publish("csp/inline.html", blog_post(render.snippet(event)))
    page = browse.open(inline)
    assert not page.locator(".lcw-y").is_visible()  # the CSP blocked the inline script
    result = render.html(event, render.Options(inline_script=False))
    assert result.script is not None
    site.publish(f"csp/{render.SCRIPT_NAME}", result.script)
    external = site.publish("csp/external.html", blog_post(result.html))
    page = browse.open(external)
    assert _text(page, ".lcw-y") == "Mon 4 Jul, 14:00 your time"


# --- several widgets, no globals ---------------------------------------------------------------


def test_several_widgets_are_independent_and_leak_no_globals(browse: Browse, site: Site) -> None:
    # German only (no English beside it): an English browser gets German too.
    winter = render.snippet(WINTER, render.Options(theme="dark", locale="de", languages=()))
    summer = render.snippet(_example(), render.Options(theme="light"))
    blank = browse.open(site.publish("blank.html", blog_post("")), clock=SUMMER)
    baseline = set(blank.evaluate("Object.getOwnPropertyNames(window)"))
    url = site.publish("two.html", blog_post(summer, winter))
    page = browse.open(url, clock=SUMMER - dt.timedelta(hours=1))
    page.clock.pause_at(SUMMER - dt.timedelta(minutes=30))
    widgets = page.locator(".lcw")
    assert widgets.count() == 2
    assert _text(page, ".lcw >> nth=0 >> .lcw-n") == "Starts in 30 minutes, 0 seconds"
    assert " ".join(widgets.nth(1).locator(".lcw-n").inner_text().split()) == (
        "Noch 154 Tage, 0 Stunden, 30 Minuten und 0 Sekunden bis zum Start"
    )
    assert " ".join(widgets.nth(1).locator(".lcw-y").inner_text().split()) == (
        "Mo., 5. Dez., 14:00 bei Ihnen"
    )
    colours = [w.evaluate("e => getComputedStyle(e).backgroundColor") for w in widgets.all()]
    assert colours == ["rgb(255, 255, 255)", "rgb(28, 28, 30)"]
    leaked = set(page.evaluate("Object.getOwnPropertyNames(window)")) - baseline
    assert leaked == set()
    page.add_script_tag(content="var probe = 1;")  # the check would see a leak
    assert set(page.evaluate("Object.getOwnPropertyNames(window)")) - baseline == {"probe"}


# --- accessibility: contrast, narrow screens, right-to-left ------------------------------------

_COLOURS_JS = """(selectors) => {
  const bg = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e)
      .backgroundColor; if (c !== 'rgba(0, 0, 0, 0)') return c; } return 'rgb(255, 255, 255)'; };
  const out = [];
  for (const s of selectors) for (const e of document.querySelectorAll(s))
    if (e.getClientRects().length) out.push([s, getComputedStyle(e).color, bg(e)]);
  return out;
}"""
_TEXT_SELECTORS = [".lcw-h", ".lcw-n", ".lcw-y", ".lcw-m", ".lcw-a li", "h1", "h2", "dt", "dd",
                   "a", "th", "td", ".lcp-n td", "footer", ".lcp-d"]  # fmt: skip


def _luminance(css: str) -> float:
    channels = [int(part) / 255 for part in css[css.index("(") + 1 : -1].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two computed ``rgb(...)`` colours."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_ratio_formula() -> None:
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(
    ("theme", "scheme"),
    [("auto", "light"), ("auto", "dark"), ("light", "dark"), ("dark", "light")],
)
def test_text_meets_wcag_aa_contrast(browse: Browse, site: Site, theme: str, scheme: str) -> None:
    options = render.Options(theme=theme)  # type: ignore[arg-type]
    night = Place("Pacific/Kiritimati", "Pacific/Kiritimati", "zone")
    event = dataclasses.replace(_example(), audience=(*_example().audience, night))
    url = site.publish(f"contrast-{theme}.html", render.page(event, options))
    page = browse.open(url, scheme=scheme, clock=SUMMER - dt.timedelta(hours=5))
    found = page.evaluate(_COLOURS_JS, _TEXT_SELECTORS)
    assert {selector for selector, _, _ in found} >= {".lcw-n", ".lcw-y", ".lcw-m", ".lcp-n td"}
    ratios = {(s, fg, bg): round(contrast(fg, bg), 2) for s, fg, bg in found}
    assert min(ratios.values()) >= 4.5, ratios
    dark = _luminance(page.evaluate("getComputedStyle(document.body).backgroundColor")) < 0.2
    assert dark == (theme == "dark" or (theme == "auto" and scheme == "dark"))


@pytest.mark.parametrize("kind", ["snippet", "page"])
@pytest.mark.parametrize("locale", ["en-GB", "ar"])
def test_usable_at_320_px(browse: Browse, site: Site, kind: str, locale: str) -> None:
    event = _example()
    options = render.Options(locale=None if locale == "en-GB" else locale)
    html = (
        render.page(event, options) if kind == "page" else blog_post(render.snippet(event, options))
    )
    url = site.publish(f"narrow-{kind}-{locale}.html", html)
    page = browse.open(url, width=320, locale=locale, clock=SUMMER - dt.timedelta(days=2))
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    box = page.locator(".lcw").bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 320
    assert page.locator(".lcw-n").is_visible()


def test_right_to_left_locale(browse: Browse, site: Site) -> None:
    url = site.publish(
        "rtl.html", blog_post(render.snippet(_example(), render.Options(locale="ar")))
    )
    page = browse.open(url, locale="ar", clock=SUMMER - dt.timedelta(hours=1))
    widget = page.locator(".lcw")
    assert widget.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "يوليو" in page.locator(".lcw-y").inner_text()
    # Text starts at the right edge: the title's text ends where the widget's content does.
    edges = widget.evaluate(
        """e => { const r = document.createRange(); r.selectNodeContents(e.querySelector('.lcw-h'));
        const s = getComputedStyle(e); return [r.getBoundingClientRect().right,
        e.getBoundingClientRect().right - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth)];
        }"""
    )
    assert edges[0] == pytest.approx(edges[1], abs=1)


# --- calendar parts ------------------------------------------------------------------------


def test_ics_download_and_calendar_links(browse: Browse, site: Site) -> None:
    event = _example()
    stamp = dt.datetime(2022, 6, 1, 12, tzinfo=dt.UTC)
    expected = render.ics_bytes(event, stamp=stamp)
    page = browse.open(site.publish("calendar.html", render.page(event, stamp=stamp)))
    with page.expect_download() as download:
        page.get_by_text("Download .ics").click()
    assert download.value.suggested_filename == "xiaomi-12s-launch.ics"
    assert Path(download.value.path()).read_bytes() == expected
    hrefs = page.locator(".lcp-c a[rel=nofollow]").evaluate_all("as => as.map(a => a.href)")
    assert [href.split("/")[2] for href in hrefs] == [
        "calendar.google.com", "outlook.live.com", "outlook.office.com", "calendar.yahoo.com",
    ]  # fmt: skip
    assert browse.outside == []  # links are for the reader to follow, nothing was fetched


# --- styles, states, the calendar menu, the overlay, axe-core ----------------------------------

AXE = ROOT / "tests" / "node" / "node_modules" / "axe-core" / "axe.min.js"
#: 2 days, 3 hours, 3 minutes and 55 seconds before the example launch.
BEFORE = SUMMER - dt.timedelta(days=2, hours=3, minutes=3, seconds=55)
SENTENCE = "Starts in 2 days, 3 hours, 3 minutes, 55 seconds"
IN_APP = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 Instagram 337.0.3.23.54"
)


def axe_violations(page: Any) -> list[Any]:
    """What axe-core (from tests/node, injected into the page) finds wrong, rule by rule."""
    if not AXE.exists():
        _unavailable(f"axe-core is not installed ({AXE} missing: cd tests/node && npm ci)")
    page.add_script_tag(path=str(AXE))
    # axe waits on timers: a paused fake clock (the countdown tests') would stall it forever.
    with contextlib.suppress(Exception):
        page.clock.resume()
    violations: list[Any] = page.evaluate(
        """async () => (await axe.run(document)).violations.map(
            (v) => [v.id, v.nodes.map((n) => n.target.join(" "))])"""
    )
    return violations


def _tiles(page: Any) -> list[str]:
    return [t.strip() for t in page.locator(".lcw-d").all_inner_texts()]


def test_tiles_from_the_cli_show_the_digits_and_pass_axe(
    browse: Browse, site: Site, runner: Any
) -> None:
    from tests.test_cli_html import run

    code, out, err = run(runner, "html", EXAMPLES / "xiaomi-12s.toml", "--style", "tiles")
    assert (code, err) == (0, "")
    url = site.publish("cli-tiles.html", blog_post(out))
    page = browse.open(url, clock=BEFORE - SLACK)
    page.clock.pause_at(BEFORE)
    assert _tiles(page) == ["2", "03", "03", "55"]
    assert page.locator(".lcw-g").is_visible()
    assert page.locator(".lcw-g>span").all_inner_texts() == [
        "2\ndays",
        "03\nhours",
        "03\nminutes",
        "55\nseconds",
    ]
    # The tiles are for the eye; a screen reader hears whole minutes, rounded up.
    assert _text(page, "[role=timer]") == "Starts in 2 days, 3 hours, 4 minutes"
    page.clock.run_for(1000)
    assert _tiles(page) == ["2", "03", "03", "54"]
    assert axe_violations(page) == []


STYLE_CASES = list(itertools.product(render.STYLES, ("light", "dark"), (320, 1280)))


@pytest.mark.parametrize(("style", "theme", "width"), STYLE_CASES)
def test_each_style_and_theme_on_narrow_and_wide_screens(
    browse: Browse, site: Site, style: str, theme: str, width: int
) -> None:
    options = render.Options(style=style, theme=theme)  # type: ignore[arg-type]
    url = site.publish(
        f"style-{style}-{theme}.html", blog_post(render.snippet(_example(), options))
    )
    page = browse.open(url, width=width, scheme=theme, clock=BEFORE - SLACK)
    page.clock.pause_at(BEFORE)
    if style == "tiles":
        assert _tiles(page) == ["2", "03", "03", "55"]
        assert _text(page, ".lcw-n") == "Starts in"
    else:
        assert _text(page, ".lcw-n") == SENTENCE
    assert _text(page, ".lcw-y") == "Mon 4 Jul, 14:00 your time"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    box = page.locator(".lcw").bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    if style == "banner" and width == 1280:
        assert box["width"] > 1000  # full width, not the 34rem card
    if style == "compact":
        assert not page.locator(".lcw-a").is_visible()  # one line: no audience list
    found = page.evaluate(_COLOURS_JS, [*_TEXT_SELECTORS, ".lcw-d", ".lcw-g span", "summary"])
    ratios = {(sel, fg, bg): round(contrast(fg, bg), 2) for sel, fg, bg in found}
    assert min(ratios.values()) >= 4.5, ratios
    assert axe_violations(page) == []


def test_units_and_twelve_hour_clock(browse: Browse, site: Site) -> None:
    options = render.Options(style="tiles", units=("hours", "minutes"), clock=12)
    text = render.Options(units=("hours", "minutes"), clock=12)
    html = blog_post(render.snippet(_example(), options), render.snippet(_example(), text))
    page = browse.open(site.publish("units.html", html), clock=BEFORE - SLACK)
    page.clock.pause_at(BEFORE)
    # 51 hours and 3 minutes 55 seconds: counts up to whole minutes.
    assert _tiles(page) == ["51", "04"]
    assert _text(page, ".lcw >> nth=1 >> .lcw-n") == "Starts in 51 hours, 4 minutes"
    assert _text(page, ".lcw-y") == "Mon 4 Jul, 02:00 pm your time"
    assert "Mon 4 Jul 2022, 7:00 PM" in _text(page, ".lcw-m")
    assert "Nairobi Mon 4 Jul, 2:00 PM" in _text(page, ".lcw-a")


def test_live_links_the_stream_and_ended_links_the_replay(browse: Browse, site: Site) -> None:
    replay = dataclasses.replace(_example(), replay_url="https://example.com/replay")
    url = site.publish(
        "states.html", blog_post(render.snippet(replay, render.Options(style="tiles")))
    )
    page = browse.open(url, clock=SUMMER - SLACK)
    page.clock.pause_at(SUMMER - dt.timedelta(seconds=1))
    assert not page.locator(".lcw-w").is_visible()
    page.clock.run_for(1000)
    assert page.locator(".lcw").get_attribute("data-st") == "live"
    assert _text(page, ".lcw-n") == "Live now"
    assert not page.locator(".lcw-g").is_visible()
    watch = page.get_by_role("link", name="Watch now")
    assert watch.is_visible()
    assert watch.get_attribute("href") == "https://www.mi.com/global/"
    assert not page.locator(".lcw-p").is_visible()
    page.clock.run_for(2 * 3600 * 1000)
    assert _text(page, ".lcw-n") == "Ended"
    assert not watch.is_visible()
    assert page.get_by_role("link", name="Watch the replay").get_attribute("href") == (
        "https://example.com/replay"
    )
    assert axe_violations(page) == []
    # Without a replay url the ended words are all.
    plain = site.publish("ended.html", blog_post(render.snippet(_example())))
    page = browse.open(plain, clock=SUMMER + dt.timedelta(hours=3))
    assert _text(page, ".lcw-n") == "Ended"
    assert page.locator(".lcw-p").count() == 0


@pytest.mark.parametrize(
    ("status", "words"),
    [("cancelled", "Cancelled"), ("postponed", "Postponed: the new date is not known yet")],
)
def test_cancelled_and_postponed_say_so_and_stop_counting(
    browse: Browse, site: Site, status: str, words: str
) -> None:
    from launchcal.event import Status

    event = dataclasses.replace(_example(), status=Status(status))
    html = blog_post(*(render.snippet(event, render.Options(style=s)) for s in render.STYLES))
    page = browse.open(site.publish(f"{status}.html", html), clock=BEFORE)
    assert [" ".join(t.split()) for t in page.locator(".lcw-s").all_inner_texts()] == [words] * 4
    assert page.locator(".lcw-c:visible, .lcw-g:visible, .lcw-y:visible").count() == 0
    assert axe_violations(page) == []


def test_time_to_be_announced(browse: Browse, site: Site) -> None:
    event = Event.at("Showcase", dt.datetime(2026, 12, 15), "Asia/Tokyo", time_known=False)
    html = blog_post(render.snippet(event, render.Options(style="tiles")))
    page = browse.open(site.publish("tba.html", html), clock=BEFORE)
    assert _text(page, ".lcw-m") == "Tue 15 Dec 2026, time to be announced Asia/Tokyo"
    assert page.locator(".lcw-d").count() == 0
    assert axe_violations(page) == []


def test_calendar_menu_by_keyboard(browse: Browse, site: Site) -> None:
    url = site.publish(
        "menu.html", blog_post(render.snippet(_example(), render.Options(style="tiles")))
    )
    page = browse.open(url, clock=BEFORE)
    menu = page.locator(".lcw-k")
    assert not page.get_by_role("link", name="Google Calendar").is_visible()
    page.keyboard.press("Tab")  # the first focusable thing on the page is the menu's button
    assert page.evaluate("document.activeElement.textContent") == "Add to calendar"
    page.keyboard.press("Enter")
    assert menu.evaluate("d => d.open")
    names = []
    for _ in range(5):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.textContent"))
    assert names == [
        "Google Calendar", "Outlook.com", "Microsoft 365", "Yahoo Calendar", "Apple / other (.ics)",
    ]  # fmt: skip
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "xiaomi-12s-launch.ics"
    ics = Path(download.value.path()).read_bytes()
    assert b"DTSTART;TZID=Asia/Shanghai:20220704T190000" in ics
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # back on the button: closes the menu
    assert not menu.evaluate("d => d.open")
    assert axe_violations(page) == []


def test_calendar_menu_without_javascript(browse: Browse, site: Site) -> None:
    url = site.publish(
        "menu-nojs.html", blog_post(render.snippet(_example(), render.Options(style="banner")))
    )
    page = browse.open(url, javascript=False)
    page.locator(".lcw-k summary").click()
    hrefs = page.locator(".lcw-k a").evaluate_all("as => as.map(a => a.href.split(':')[0])")
    assert hrefs == ["https", "https", "https", "https", "data"]
    assert _text(page, ".lcw-m") == "Mon 4 Jul 2022, 19:00 CST (UTC+08:00), Asia/Shanghai"
    assert not page.locator(".lcw-g, .lcw-c, .lcw-y").first.is_visible()


def test_ios_in_app_browser_gets_the_site_feed_or_a_safari_note(browse: Browse, site: Site) -> None:
    alone = render.snippet(_example(), render.Options(style="tiles", menu=True))
    page = browse.open(site.publish("ios-alone.html", blog_post(alone)), user_agent=IN_APP)
    page.locator(".lcw-k summary").click()
    assert not page.locator(".lcw-i").is_visible()
    assert _text(page, ".lcw-o") == "To save the .ics, open this page in Safari"
    options = render.Options(style="tiles", ics_url="https://example.com/x/xiaomi-12s-launch.ics")
    built = render.snippet(_example(), options)
    page = browse.open(site.publish("ios-site.html", blog_post(built)), user_agent=IN_APP)
    page.locator(".lcw-k summary").click()
    assert page.locator(".lcw-f a").get_attribute("href") == (
        "webcal://example.com/x/xiaomi-12s-launch.ics"
    )
    assert page.locator(".lcw-f").is_visible()
    assert not page.locator(".lcw-i").is_visible()
    # Everywhere else the .ics download is offered as it is.
    page = browse.open(site.publish("ios-site.html", blog_post(built)))
    page.locator(".lcw-k summary").click()
    assert page.locator(".lcw-i").is_visible()
    assert not page.locator(".lcw-f").is_visible()


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_overlay_fills_a_browser_source(
    browse: Browse, site: Site, width: int, height: int
) -> None:
    html = render.overlay(_example(), render.Options(theme="dark"))
    url = site.publish("overlay.html", html)
    page = browse.open(url, width=width, height=height, clock=BEFORE - SLACK)
    page.clock.pause_at(BEFORE)
    assert _tiles(page) == ["2", "03", "03", "55"]
    assert page.locator("a").count() == 0
    transparent = "rgba(0, 0, 0, 0)"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == transparent
    assert (
        page.evaluate("getComputedStyle(document.documentElement).backgroundColor") == transparent
    )
    box = page.locator(".lcw").bounding_box()
    assert box["width"] <= width
    assert box["height"] <= height
    assert box["width"] >= width * 0.4  # large: readable from a stream's corner
    digit = page.locator(".lcw-d").first.bounding_box()["height"]
    assert digit == pytest.approx(height * 0.1, rel=0.25)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("document.documentElement.scrollHeight") <= height
    assert axe_violations(page) == []


# --- a season's site -------------------------------------------------------------------------

SEASON_NOW = dt.datetime(2026, 9, 30, 12, tzinfo=dt.UTC)  # after the keynote, before the rest


@pytest.fixture(scope="module")
def season(site: Site) -> str:
    """examples/launch-season.toml built as a site under /season/ (one writer call)."""
    from launchcal import site as season_site

    calendar = eventfile.load(EXAMPLES / "launch-season.toml")
    season_site.build_season(
        calendar, site.root / "season", base_url="https://example.com/launches/",
        stamp=SEASON_NOW, now=SEASON_NOW,
    )  # fmt: skip
    return site.base + "season/"


@pytest.mark.parametrize(
    ("zone", "berlin", "aurora"),
    [
        ("America/Los_Angeles", "Sat 24 Oct, 17:30", "Wed 9 Sept, 10:00"),
        ("Asia/Tokyo", "Sun 25 Oct, 09:30", "Thu 10 Sept, 02:00"),
        ("Africa/Nairobi", "Sun 25 Oct, 03:30", "Wed 9 Sept, 20:00"),
    ],
)
def test_season_index_in_three_viewer_zones(
    browse: Browse, season: str, zone: str, berlin: str, aurora: str
) -> None:
    page = browse.open(season, zone=zone, clock=SEASON_NOW - SLACK)
    page.clock.pause_at(SEASON_NOW)
    assert [" ".join(h.split()) for h in page.locator("h2").all_inner_texts()] == [
        "Upcoming", "Past",
    ]  # fmt: skip
    assert page.locator("h3").all_inner_texts() == [
        "Berlin hardware night", "Winter showcase", "Aurora keynote",
    ]  # fmt: skip
    widgets = page.locator(".lcw")
    assert _text(page, ".lcw >> nth=0 >> .lcw-y") == f"{berlin} your time"
    assert _text(page, ".lcw >> nth=0 >> .lcw-n") == (
        "Starts in 24 days, 12 hours, 30 minutes, 0 seconds"
    )
    assert _text(page, ".lcw >> nth=1 >> .lcw-s") == "Postponed: the new date is not known yet"
    assert _text(page, ".lcw >> nth=2 >> .lcw-y") == f"{aurora} your time"
    assert _text(page, ".lcw >> nth=2 >> .lcw-n") == "Ended"
    assert widgets.count() == 3
    assert page.locator("script").count() == 1  # one script for every widget
    subscribe = page.get_by_role("link", name="Subscribe to all launches")
    assert subscribe.get_attribute("href") == "webcal://example.com/launches/feed.ics"
    page.get_by_role("link", name="Berlin hardware night").click()
    assert page.locator("h1").inner_text() == "Berlin hardware night"
    assert axe_violations(page) == []


SEASON_PAGES = [
    "index.html",
    *(f"{event}/{name}" for event in ("aurora-keynote", "berlin-hardware-night", "tba-showcase")
      for name in ("index.html", "widget.html", "overlay.html")),
]  # fmt: skip


@pytest.mark.parametrize("name", SEASON_PAGES)
def test_every_page_of_the_season_passes(
    browse: Browse, site: Site, season: str, name: str
) -> None:
    url = season + name
    if name.endswith("widget.html"):  # a snippet: seen inside a blog post
        snippet = (site.root / "season" / name).read_text("utf-8")
        url = site.publish(f"season-post-{name.replace('/', '-')}", blog_post(snippet))
    for scheme, width in (("light", 320), ("dark", 1280)):
        page = browse.open(url, scheme=scheme, width=width, clock=SEASON_NOW)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator(".lcw").count() >= 1
        assert axe_violations(page) == []


# --- a rolling release: the reader's own market ----------------------------------------------

ROLLING = [
    # browser zone, the countdown at 12:00 UTC on 28 Jan 2027, the reader's own start
    ("Asia/Tokyo", "Starts in 3 hours, 0 minutes, 0 seconds", "Fri 29 Jan, 00:00 your time"),
    ("Europe/London", "Starts in 12 hours, 0 minutes, 0 seconds", "Fri 29 Jan, 00:00 your time"),
    # Not a market: the countdown goes to the next market to go live when the widget was made
    # (Sydney, 13:00 UTC; Kiritimati and Auckland have gone live by then).
    ("America/Chicago", "Starts in 1 hour, 0 minutes, 0 seconds", "Thu 28 Jan, 07:00 your time"),
]


@pytest.mark.parametrize(("zone", "counting", "yours"), ROLLING)
def test_rolling_release_counts_down_to_the_readers_own_market(
    browse: Browse, site: Site, zone: str, counting: str, yours: str
) -> None:
    event = eventfile.load(EXAMPLES / "midnight-release.toml").events[0]
    now = dt.datetime(2027, 1, 28, 12, tzinfo=dt.UTC)
    url = site.publish("rolling.html", blog_post(render.snippet(event, now=now)))
    page = browse.open(url, zone=zone, clock=now - SLACK)
    page.clock.pause_at(now)
    assert _text(page, ".lcw-n") == counting
    assert _text(page, ".lcw-y") == yours


# --- the viewer's language ---------------------------------------------------------------------

#: What a widget shipping English (the page's), French, Swahili, Chinese, Arabic and German
#: says an hour before the start, by the browser's locale: the catalogs' sentence around
#: Chromium's own unit and list words. Japanese is not shipped: the page's English.
SPEAKS = {
    "fr-FR": ("fr", "ltr", "Commence dans 1 heure, 0 minute et 0 seconde", "lun. 4 juil., 14:00"),
    "sw": ("sw", "ltr", "Inaanza baada ya saa 1, dakika 0 na sekunde 0", "Jumatatu, 4 Jul, 14:00"),
    "zh-CN": ("zh", "ltr", "距离开始还有 1小时0分钟0秒钟", "7月4日周一 14:00"),
    "ar": ("ar", "rtl", "يبدأ بعد ساعة، و0 دقيقة، و0 ثانية", "الاثنين، 4 يوليو، 02:00 م"),
    "de-DE": ("de", "ltr", "Noch 1 Stunde, 0 Minuten und 0 Sekunden bis zum Start", "Mo., 4. Juli, 14:00"),
    "ja-JP": ("en", "ltr", "Starts in 1 hour, 0 minutes, 0 seconds", "Mon, Jul 4, 02:00 PM"),
}  # fmt: skip


#: The server's own words for the start and for London, said again in the viewer's language.
SERVER = {
    "fr": ("lun. 4 juil. 2022, 19:00", "Londres, Royaume-Uni"),
    "sw": ("Jumatatu, 4 Jul 2022 19:00", "London, Ufalme wa Muungano"),
    "zh": ("2022年7月4日周一 19:00", "伦敦，英国"),
    "ar": ("الاثنين، 4 يوليو 2022، 7:00 م", "لندن، المملكة المتحدة"),
    "de": ("Mo., 4. Juli 2022, 19:00", "London, Vereinigtes Königreich"),
    "en": ("Mon 4 Jul 2022, 19:00", "London"),
}


@pytest.mark.parametrize("viewer", list(SPEAKS))
def test_widget_says_its_states_in_the_viewers_language(
    browse: Browse, site: Site, viewer: str
) -> None:
    language, direction, soon, time = SPEAKS[viewer]
    said = render.words(language)
    event = dataclasses.replace(_example(), replay_url="https://example.com/replay")
    options = render.Options(locale="en", languages=("fr", "sw", "zh", "ar", "de"))
    url = site.publish(f"speaks-{viewer}.html", blog_post(render.snippet(event, options)))
    page = browse.open(url, locale=viewer, clock=SUMMER - dt.timedelta(hours=1) - SLACK)
    page.clock.pause_at(SUMMER - dt.timedelta(hours=1))
    widget = page.locator(".lcw")
    assert (widget.get_attribute("lang"), widget.get_attribute("dir")) == (language, direction)
    assert widget.evaluate("e => getComputedStyle(e).direction") == direction
    assert _text(page, ".lcw-n") == soon
    assert soon.startswith(said["w"].split("%(time)s")[0].strip())
    # The viewer's own time, isolated (<bdi>) inside the sentence around it.
    assert _text(page, ".lcw-y bdi") == time
    assert _text(page, ".lcw-y") == " ".join(said["y"].replace("%(time)s", time).split())
    # The start on the event's clock and the audience's cities, as the server writes them in
    # that language.
    start, london = SERVER[language]
    assert _text(page, ".lcw-m time") == start
    assert _text(page, ".lcw-a li >> nth=1").startswith(london)
    page.clock.run_for(3_600_000 + 1000)  # live
    assert _text(page, ".lcw-n") == said["v"]
    assert _text(page, ".lcw-w a") == said["watch"]
    page.clock.run_for(2 * 3_600_000)  # ended
    assert _text(page, ".lcw-n") == said["x"]
    assert _text(page, ".lcw-p a") == said["replay"]


@pytest.mark.parametrize("viewer", list(SPEAKS))
def test_page_says_the_servers_lines_in_the_viewers_language(
    browse: Browse, site: Site, viewer: str
) -> None:
    """The page (whose size is not counted, unlike a snippet's) also says again what its
    server wrote: the start on the event's clock and the audience's cities and times."""
    language = SPEAKS[viewer][0]
    start, london = SERVER[language]
    options = render.Options(locale="en", languages=("fr", "sw", "zh", "ar", "de"))
    url = site.publish(f"page-speaks-{viewer}.html", render.page(_example(), options))
    page = browse.open(url, locale=viewer, clock=SUMMER - dt.timedelta(hours=1))
    assert page.locator("html").get_attribute("lang") == language
    assert _text(page, ".lcw-m time") == start
    assert _text(page, "tbody th >> nth=1") == london
    assert _text(page, "thead th >> nth=0") == render.words(language)["place"]


def test_french_viewer_reads_french_states(browse: Browse, site: Site) -> None:
    """The issue's words: with locale=fr-FR the widget says its states in French."""
    url = site.publish(
        "fr.html", blog_post(render.snippet(_example(), render.Options(locale="fr")))
    )
    page = browse.open(url, locale="fr-FR", clock=SUMMER - SLACK)
    page.clock.pause_at(SUMMER - dt.timedelta(seconds=1))
    assert _text(page, ".lcw-n") == "Commence dans 1 seconde"
    page.clock.run_for(2000)
    assert _text(page, ".lcw-n") == "En direct"
    page.clock.run_for(2 * 3_600_000)
    assert _text(page, ".lcw-n") == "Terminé"


def test_regional_and_script_variants_pick_their_language(browse: Browse, site: Site) -> None:
    """fr-CA takes fr (with Canadian dates); zh-TW takes Traditional Chinese, never the
    Simplified catalog; a language the author did not ship gets the page's own."""
    options = render.Options(locale="zh", languages=("zh-Hant", "fr"))
    url = site.publish("variants.html", blog_post(render.snippet(_example(), options)))
    found = {}
    for viewer in ("fr-CA", "zh-TW", "zh-CN", "ko-KR"):
        page = browse.open(url, locale=viewer, clock=SUMMER - dt.timedelta(days=1))
        found[viewer] = page.locator(".lcw").get_attribute("lang")
    assert found == {"fr-CA": "fr", "zh-TW": "zh-Hant", "zh-CN": "zh", "ko-KR": "zh"}


def test_without_javascript_the_page_is_in_its_own_language(browse: Browse, site: Site) -> None:
    options = render.Options(locale="fr", languages=("sw", "ar"))
    url = site.publish("nojs-fr.html", render.page(_example(), options))
    page = browse.open(url, locale="sw", javascript=False)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert _text(page, "h2") == "Dans le monde"
    assert "Londres, Royaume-Uni" in _text(page, "tbody")
    assert "lun. 4 juil. 2022, 19:00" in _text(page, ".lcw-m")


def test_page_lays_out_right_to_left_for_an_arabic_viewer(browse: Browse, site: Site) -> None:
    options = render.Options(locale="en", languages=("fr", "ar"))
    url = site.publish("page-ar.html", render.page(_example(), options))
    page = browse.open(url, locale="ar", clock=SUMMER - dt.timedelta(hours=3))
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    said = render.words("ar")
    assert _text(page, "h2 >> nth=0") == said["around"]
    assert _text(page, "footer") == said["footer"].replace("%(version)s", tz.database().version)
    assert page.locator(".lcw").evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert _text(page, ".lcw-n").startswith("يبدأ بعد")
    assert axe_violations(page) == []


def test_built_pages_per_language_pass_and_link_each_other(
    browse: Browse, site: Site, tmp_path: Path
) -> None:
    from launchcal import site as build_site

    options = render.Options(locale="fr", languages=("sw", "zh", "ar"))
    folder = site.root / "languages"
    build_site.build(_example(), folder, options, per_language=True)
    expected = {"fr": "fr", "sw": "sw", "zh": "zh", "ar": "ar", "x-default": ""}
    for name, (lang, direction) in {
        "": ("fr", "ltr"), "fr/": ("fr", "ltr"), "sw/": ("sw", "ltr"), "zh/": ("zh", "ltr"),
        "ar/": ("ar", "rtl"),
    }.items():  # fmt: skip
        # A French browser: each language's page stays in its language; index.html picks.
        page = browse.open(f"{site.base}languages/{name}", locale="fr-FR", clock=SUMMER)
        html = page.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == (lang, direction)
        links = page.locator("link[rel=alternate]")
        hreflang = {links.nth(i).get_attribute("hreflang") for i in range(links.count())}
        assert hreflang == set(expected)
        assert page.locator(".lcw").evaluate("e => getComputedStyle(e).direction") == direction
        assert _text(page, ".lcw-n") == render.words(lang)["v"]
        assert axe_violations(page) == []


def test_a_season_built_per_language_in_chromium(browse: Browse, site: Site) -> None:
    from launchcal import site as build_site

    calendar = eventfile.load(EXAMPLES / "launch-season.toml")
    options = render.Options(locale="fr", languages=("sw", "ar"), inline_script=False)
    build_site.build_season(
        calendar, site.root / "season-languages", options, stamp=SEASON_NOW, now=SEASON_NOW,
        per_language=True,
    )  # fmt: skip
    for name, lang, direction in [
        ("sw/", "sw", "ltr"), ("ar/", "ar", "rtl"), ("sw/berlin-hardware-night/", "sw", "ltr"),
        ("ar/berlin-hardware-night/", "ar", "rtl"),
    ]:  # fmt: skip
        # A French browser: each language's page stays in its language, its linked script (two
        # folders up) counting down.
        page = browse.open(f"{site.base}season-languages/{name}", locale="fr-FR", clock=SEASON_NOW)
        html = page.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == (lang, direction)
        links = page.locator("link[rel=alternate]")
        hreflang = {links.nth(i).get_attribute("hreflang") for i in range(links.count())}
        assert hreflang == {"fr", "sw", "ar", "x-default"}
        starts = render.words(lang)["w"].split("%(time)s")[0].strip()
        assert _text(page, ".lcw-n >> nth=0").startswith(starts)
        assert axe_violations(page) == []


def test_tiles_and_menu_in_the_viewers_language_pass_axe(browse: Browse, site: Site) -> None:
    options = render.Options(locale="en", languages=("fr", "ar"), style="tiles")
    url = site.publish("tiles-fr.html", blog_post(render.snippet(_example(), options)))
    page = browse.open(url, locale="fr-FR", clock=BEFORE - SLACK)
    page.clock.pause_at(BEFORE)
    assert _text(page, ".lcw-n") == "Commence dans"
    assert page.locator(".lcw-g>span").all_inner_texts() == [
        "2\njours", "03\nheures", "03\nminutes", "55\nsecondes",
    ]  # fmt: skip
    assert _text(page, ".lcw-r").startswith("Commence dans 2 jours, 3 heures")
    assert _text(page, "summary") == "Ajouter à l’agenda"
    labels = page.locator(".lcw-k a").all_text_contents()
    assert labels[0] == "Google Agenda"
    assert labels[-1] == "Apple / autre (.ics)"
    assert axe_violations(page) == []
