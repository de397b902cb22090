"""A season's site as files: what each path holds, before anything is written."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from launchcal import eventfile, render, site
from launchcal.errors import InputError, OutputError
from launchcal.event import Calendar, Event
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


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.mark.parametrize("base_url", [BASE, None])
def test_a_season_written_file_by_file_is_its_season_files(
    tmp_path: Path, base_url: str | None
) -> None:
    options = render.Options(inline_script=base_url is None)
    expected = site.season_files(_season(), options, base_url=base_url, stamp=NOW, now=NOW)
    written = site.build_season(
        _season(), tmp_path / "out", options, base_url=base_url, stamp=NOW, now=NOW
    )
    assert _tree(tmp_path / "out") == expected
    assert [path.relative_to(tmp_path / "out").as_posix() for path in written] == list(expected)
    assert written[-1] == written[len(written) - 1] == tmp_path / "out" / list(expected)[-1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary folder left


def test_events_json_is_json_dumps_of_the_season_data() -> None:
    files = site.season_files(_season(), stamp=NOW, now=NOW)
    text = json.dumps(site.season_data(_season()), indent=2, ensure_ascii=False) + "\n"
    assert files["events.json"].decode() == text


def test_a_failure_half_way_through_a_season_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "index.html").write_text("the last build", "utf-8")

    def fail_on_the_second(event: Event) -> None:
        if event.id == "berlin-hardware-night":
            raise InputError("stop here")

    with pytest.raises(InputError, match="stop here"):
        site.build_season(_season(), tmp_path / "out", progress=fail_on_the_second)
    assert _tree(tmp_path / "out") == {"index.html": b"the last build"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_folder_of_other_files_is_refused_before_the_season_is_rendered(tmp_path: Path) -> None:
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog" / "post.md").write_text("mine", "utf-8")
    seen: list[str] = []
    with pytest.raises(OutputError, match=r"holds the file 'post\.md'"):
        site.build_season(_season(), tmp_path / "blog", progress=lambda e: seen.append(e.id))
    assert seen == []
    assert _tree(tmp_path / "blog") == {"post.md": b"mine"}


def test_a_season_rebuilds_over_its_last_build(tmp_path: Path) -> None:
    options = render.Options(inline_script=False)
    for stamp in (NOW, NOW + dt.timedelta(days=1)):
        site.build_season(_season(), tmp_path / "out", options, base_url=BASE, stamp=stamp)
    feed = (tmp_path / "out" / "feed.ics").read_bytes()
    assert feed == render.calendar_ics(_season(), stamp=NOW + dt.timedelta(days=1))
    assert (tmp_path / "out" / "sitemap.xml").exists()
    assert (tmp_path / "out" / render.SCRIPT_NAME).exists()
