"""The widget and the page in a real browser: Debian's Chromium driven by Playwright.

One browser for the whole session; each test gets fresh contexts (zone, locale, colour scheme)
and pages served from 127.0.0.1. Every request outside 127.0.0.1 is aborted and recorded, every
dialog and page error is recorded, and each test ends by checking that there were none.
Without Chromium these tests skip with the reason, unless LAUNCHCAL_REQUIRE_BROWSER=1 (CI),
where they fail instead.
"""

from __future__ import annotations

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

from launchcal import eventfile, render
from launchcal.event import Event
from launchcal.places import Place
from tests.conftest import EXAMPLES

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
        clock: dt.datetime | None = None,
    ) -> Any:
        context = self.browser.new_context(
            timezone_id=zone,
            locale=locale,
            java_script_enabled=javascript,
            color_scheme=scheme,
            reduced_motion=motion,
            viewport={"width": width, "height": 900},
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
        f"<title>Post</title></head><body>\n<h1>My post</h1>\n{body}\n</body></html>\n"
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
    page = browse.open(url, clock=at - dt.timedelta(seconds=1))
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
    page = browse.open(url, clock=at - dt.timedelta(seconds=1))
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
    page = browse.open(url, clock=at, motion="reduce")
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
    winter = render.snippet(WINTER, render.Options(theme="dark", locale="de"))
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
        "Starts in 154 Tage, 0 Stunden, 30 Minuten und 0 Sekunden"
    )
    assert " ".join(widgets.nth(1).locator(".lcw-y").inner_text().split()) == (
        "Mo., 5. Dez., 14:00 your time"
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
    page = browse.open(url, zone=zone, clock=now - dt.timedelta(seconds=1))
    page.clock.pause_at(now)
    assert _text(page, ".lcw-n") == counting
    assert _text(page, ".lcw-y") == yours
