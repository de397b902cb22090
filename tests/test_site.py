"""A season's site as files: what each path holds, before anything is written."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from launchcal import eventfile, render, site
from launchcal.errors import InputError
from launchcal.event import Calendar
from tests.conftest import EXAMPLES

NOW = dt.datetime(2026, 9, 30, 12, tzinfo=dt.UTC)
BASE = "https://example.com/launches"


def _season() -> Calendar:
    return eventfile.load(EXAMPLES / "launch-season.toml")


def test_season_files_hold_the_whole_site() -> None:
    tiles = render.Options(style="tiles")
    files = site.season_files(_season(), tiles, base_url=BASE, stamp=NOW, now=NOW)
    ids = ["aurora-keynote", "berlin-hardware-night", "tba-showcase"]
    assert sorted(files) == sorted(
        ["index.html", "feed.ics", "events.json", "sitemap.xml"]
        + [f"{i}/{name}" for i in ids for name in ("index.html", "widget.html", "overlay.html")]
        + [f"{i}/{i}.ics" for i in ids]
    )
    feed = files["feed.ics"].decode()
    assert feed.count("BEGIN:VEVENT") == 3
    assert feed == render.calendar_ics(_season(), stamp=NOW).decode()
    data = json.loads(files["events.json"])
    assert [e["id"] for e in data["events"]] == ids
    assert data["name"] == "Launch season 2026"
    sitemap = files["sitemap.xml"].decode()
    assert "<loc>https://example.com/launches/berlin-hardware-night/</loc>" in sitemap
    index = files["index.html"].decode()
    assert 'href="webcal://example.com/launches/feed.ics"' in index
    # Upcoming first (in order), then the past.
    order = [index.index(f'href="{i}/"') for i in ("berlin-hardware-night", "tba-showcase")]
    assert order == sorted(order)
    assert index.index('<h2 data-k="past">Past</h2>') < index.index('href="aurora-keynote/"')
    assert index.count("<script>") == 1
    assert index.count('class="lcw lcw-ti') == 3
    widget = files["aurora-keynote/widget.html"].decode()
    # A widget embedded elsewhere carries its .ics, and the site's for iOS in-app browsers.
    assert 'href="data:text/calendar' in widget
    assert 'href="webcal://example.com/launches/aurora-keynote/aurora-keynote.ics"' in widget
    page = files["aurora-keynote/index.html"].decode()
    assert 'href="aurora-keynote.ics"' in page


def test_without_a_base_url_there_is_no_sitemap_or_webcal() -> None:
    files = site.season_files(_season(), render.Options(style="banner"), stamp=NOW, now=NOW)
    assert "sitemap.xml" not in files
    assert b"webcal:" not in files["index.html"]
    assert b"open this page in Safari" in files["aurora-keynote/widget.html"]


def test_progress_is_called_once_per_event() -> None:
    seen: list[str] = []
    site.season_files(_season(), stamp=NOW, now=NOW, progress=lambda e: seen.append(e.id))
    assert seen == ["aurora-keynote", "berlin-hardware-night", "tba-showcase"]


def test_bad_base_url_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"base url 'example\.com' is not an http"):
        site.build_season(_season(), tmp_path / "out", base_url="example.com")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("text", "units"),
    [("hours-minutes", ("hours", "minutes")), ("minutes", ("minutes", "seconds")),
     ("Days-Hours", ("days", "hours"))],
)  # fmt: skip
def test_parse_units(text: str, units: tuple[str, str]) -> None:
    assert render.parse_units(text) == units


@pytest.mark.parametrize(
    ("text", "message"),
    [("hour-minutes", "unknown unit 'hour'; did you mean hours?"),
     ("seconds-days", "give the largest first (days-seconds)")],
)  # fmt: skip
def test_bad_units(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        render.parse_units(text)


def test_replay_url_is_read_and_checked() -> None:
    text = 'title = "T"\nstart = 2026-09-09T10:00:00\nzone = "UTC"\nreplay_url = "{}"\n'
    event = eventfile.loads(text.format("https://example.com/r")).events[0]
    assert event.replay_url == "https://example.com/r"
    with pytest.raises(InputError, match="replay_url"):
        eventfile.loads(text.format("ftp://example.com/r"))


def test_day_strip_marks_the_start_and_the_shift() -> None:
    event = eventfile.load(EXAMPLES / "launch-season.toml").events[0]  # 10:00 Los Angeles
    page = render.page(event)
    assert 'aria-label="Tokyo: 02:00 Thu 10 Sep 2026, next day"' in page
    assert '<rect class="lcp-sm" x="20.0"' in page  # 02:00 of 24 hours, 240 wide
