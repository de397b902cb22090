"""The page's calendar parts: add-to-calendar links and the .ics, from the calendar-export issue.

``launchcal.links.links(event)`` and ``launchcal.ics.to_ics(calendar, *, stamp=None)`` come
from issue 3. The first tests stand in small fakes for them to pin how the page and ``build``
use them; the last ones run against the real modules once those are part of launchcal (they
skip, saying so, until then).
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import sys
import types
from pathlib import Path

import pytest

from launchcal import eventfile, render, site
from launchcal.event import Calendar, Event
from tests.conftest import DATA

STAMP = dt.datetime(2022, 6, 1, 12, tzinfo=dt.UTC)
LINKS = {
    "google": "https://calendar.google.com/calendar/render?action=TEMPLATE&text=X",
    "outlook": "https://outlook.live.com/calendar/0/action/compose?subject=X",
    "office365": "https://outlook.office.com/calendar/0/action/compose?subject=X",
    "yahoo": "https://calendar.yahoo.com/?v=60&title=X",
}


def example() -> Event:
    return eventfile.load(DATA / "xiaomi-12s-zones.toml").events[0]


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Calendar, dt.datetime | None]]:
    """Fake launchcal.links and launchcal.ics; returns the to_ics calls."""
    calls: list[tuple[Calendar, dt.datetime | None]] = []

    def to_ics(calendar: Calendar, *, stamp: dt.datetime | None = None) -> bytes:
        calls.append((calendar, stamp))
        return b"BEGIN:VCALENDAR\r\nX-TITLE:" + calendar.events[0].title.encode() + b"\r\n"

    links = types.ModuleType("launchcal.links")
    links.links = lambda event: {**LINKS, "evil": "javascript:alert(1)"}  # type: ignore[attr-defined]
    ics = types.ModuleType("launchcal.ics")
    ics.to_ics = to_ics  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "launchcal.links", links)
    monkeypatch.setitem(sys.modules, "launchcal.ics", ics)
    return calls


def test_page_lists_the_links_and_embeds_the_ics(fakes: list[tuple[Calendar, object]]) -> None:
    event = example()
    document = render.page(event, stamp=STAMP)
    anchors = re.findall(r'<li><a href="([^"]+)" rel="nofollow">([^<]+)</a></li>', document)
    assert anchors == [
        (LINKS["google"].replace("&", "&amp;"), "Google Calendar"),
        (LINKS["outlook"], "Outlook.com"),
        (LINKS["office365"], "Microsoft 365"),
        (LINKS["yahoo"].replace("&", "&amp;"), "Yahoo Calendar"),
    ]
    assert "javascript:" not in document
    (href,) = re.findall(r'<a href="(data:text/calendar[^"]+)" download="xiaomi-12s-launch.ics"',
                         document)  # fmt: skip
    payload = base64.b64decode(href.split("base64,", 1)[1])
    assert payload == b"BEGIN:VCALENDAR\r\nX-TITLE:Xiaomi 12S series launch\r\n"
    ((calendar, stamp),) = fakes
    assert calendar.events == (event,)
    assert stamp == STAMP


def test_build_writes_the_ics_and_links_it(fakes: list[object], tmp_path: Path) -> None:
    written = site.build(example(), tmp_path, stamp=STAMP)
    assert [p.name for p in written] == [
        "index.html", "widget.html", "xiaomi-12s-launch.ics", "xiaomi-12s-launch.json",
    ]  # fmt: skip
    assert (tmp_path / "xiaomi-12s-launch.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    page = (tmp_path / "index.html").read_text("utf-8")
    assert '<a href="xiaomi-12s-launch.ics" download="xiaomi-12s-launch.ics"' in page
    assert "data:text/calendar" not in page
    assert len(fakes) == 1  # the .ics is made once


def test_a_missing_dependency_of_the_module_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "launchcal.ics", None)  # import fails with the module's name
    assert render.ics_bytes(example()) is None

    def fail(name: str) -> None:
        raise ModuleNotFoundError("No module named 'icalendar'", name="icalendar")

    monkeypatch.setattr(render.importlib, "import_module", fail)
    with pytest.raises(ModuleNotFoundError, match="icalendar"):
        render.ics_bytes(example())


# --- against the real modules of issue 3 ------------------------------------------------------


def test_real_links_on_the_page() -> None:
    links = pytest.importorskip("launchcal.links", reason="launchcal.links (issue 3) not merged")
    event = example()
    found = links.links(event)
    assert set(found) >= {"google", "outlook", "office365", "yahoo"}
    document = render.page(event, stamp=STAMP)
    for url in found.values():
        assert f'href="{url.replace("&", "&amp;")}"' in document


def test_real_ics_in_build(tmp_path: Path) -> None:
    ics = pytest.importorskip("launchcal.ics", reason="launchcal.ics (issue 3) not merged")
    event = example()
    site.build(event, tmp_path, stamp=STAMP)
    expected = ics.to_ics(Calendar(events=(event,)), stamp=STAMP)
    assert (tmp_path / f"{event.id}.ics").read_bytes() == expected
    assert b"BEGIN:VEVENT" in expected
