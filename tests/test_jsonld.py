"""Event pages for Google's Event rich results: a location always, image, og:url and canonical
from a base URL, eventStatus and previousStartDate for every status."""

from __future__ import annotations

import datetime as dt
import html.parser
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from launchcal import eventfile, render
from launchcal.cli import cli
from launchcal.event import Event, Location, Status
from launchcal.jsonld import event_json_ld
from tests.conftest import ROOT

IMAGE = "https://example.com/launch.jpg"


def launch(**fields: object) -> Event:
    return Event.at("Launch", dt.datetime(2026, 6, 1, 18), "Europe/Amsterdam", **fields)  # type: ignore[arg-type]


def postal(text: str) -> dict[str, str]:
    return {"@type": "PostalAddress", "streetAddress": text}


@pytest.mark.parametrize(
    ("fields", "page_url", "location", "mode"),
    [
        ({"url": "https://x.example/"}, None,
         {"@type": "VirtualLocation", "url": "https://x.example/"}, "Online"),
        ({}, "https://site.example/launch/",
         {"@type": "VirtualLocation", "url": "https://site.example/launch/"}, "Online"),
        ({"location": Location(online=True)}, "https://site.example/",
         {"@type": "VirtualLocation", "url": "https://site.example/"}, "Online"),
        ({"location": Location(name="Kraftwerk Berlin")}, None,
         {"@type": "Place", "name": "Kraftwerk Berlin", "address": postal("Kraftwerk Berlin")},
         "Offline"),
        ({"location": Location(name="Kraftwerk", address="Köpenicker Str. 70, Berlin")}, None,
         {"@type": "Place", "name": "Kraftwerk", "address": postal("Köpenicker Str. 70, Berlin")},
         "Offline"),
    ],
)  # fmt: skip
def test_a_location_always(
    fields: dict[str, object], page_url: str | None, location: dict[str, object], mode: str
) -> None:
    data = event_json_ld(launch(**fields), page_url=page_url)
    assert data["location"] == location
    assert data["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"


def test_nothing_known_of_a_place_is_not_made_up() -> None:
    assert "location" not in event_json_ld(launch())


@pytest.mark.parametrize(
    ("status", "schema"),
    [
        (Status.SCHEDULED, "EventScheduled"),
        (Status.POSTPONED, "EventPostponed"),
        (Status.CANCELLED, "EventCancelled"),
        (Status.RESCHEDULED, "EventRescheduled"),
    ],
)
def test_every_status(status: Status, schema: str) -> None:
    previous = launch().start - dt.timedelta(days=2)
    data = event_json_ld(launch(status=status, previous_start=previous))
    assert data["eventStatus"] == f"https://schema.org/{schema}"
    assert data["previousStartDate"] == "2026-05-30T18:00:00+02:00"


class _Head(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("property"):
            self.meta[str(found["property"])] = str(found["content"])
        if tag == "link" and found.get("rel"):
            self.links[str(found["rel"])] = str(found["href"])
        self._in_ld = tag == "script" and found.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.ld.append(data)
            self._in_ld = False


def head(page: str) -> _Head:
    parser = _Head()
    parser.feed(page)
    return parser


def event_file(tmp_path: Path, extra: str = "", calendar: str = "") -> Path:
    text = (ROOT / "examples" / "xiaomi-12s.toml").read_text(encoding="utf-8")
    path = tmp_path / "event.toml"
    path.write_text(calendar + text + extra, encoding="utf-8")
    return path


def test_image_and_base_url_reach_the_page(tmp_path: Path) -> None:
    path = event_file(tmp_path, f'image = "{IMAGE}"\n')
    result = CliRunner().invoke(
        cli, ["html", str(path), "--page", "--base-url", "https://launches.example/xiaomi/"]
    )
    assert result.exit_code == 0, result.output
    found = head(result.stdout)
    assert found.meta["og:image"] == IMAGE
    assert found.meta["og:url"] == "https://launches.example/xiaomi/"
    assert found.links["canonical"] == "https://launches.example/xiaomi/"
    data = json.loads(found.ld[0])
    assert data["image"] == [IMAGE]
    assert {"name", "startDate", "location", "endDate", "eventStatus", "image"} <= set(data)


def test_the_calendar_url_is_the_default_base(tmp_path: Path) -> None:
    # A [calendar] table must come before the event's own keys in TOML: put it in a second file.
    text = (ROOT / "examples" / "xiaomi-12s.toml").read_text(encoding="utf-8")
    path = tmp_path / "season.toml"
    path.write_text(
        '[calendar]\nurl = "https://launches.example/"\n\n[[event]]\n' + text, encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["html", str(path), "--page"])
    assert result.exit_code == 0, result.output
    assert head(result.stdout).links["canonical"] == "https://launches.example/"


def test_without_a_base_url_no_canonical_is_guessed() -> None:
    found = head(render.page(eventfile.load(ROOT / "examples" / "xiaomi-12s.toml").events[0]))
    assert "canonical" not in found.links
    assert "og:url" not in found.meta


def test_a_bad_image_is_one_error_line(tmp_path: Path) -> None:
    path = event_file(tmp_path, 'image = "javascript:alert(1)"\n')
    result = CliRunner().invoke(cli, ["html", str(path), "--page"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "field 'image', line 16: url 'javascript:alert(1)' is not an http(s) URL" in (
        result.stderr
    )
