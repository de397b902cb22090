"""The page's calendar parts: add-to-calendar links and the .ics, from launchcal.links/ics."""

from __future__ import annotations

import base64
import datetime as dt
import re
from pathlib import Path

from launchcal import eventfile, ics, links, render, site
from launchcal.event import Calendar, Event
from tests.conftest import EXAMPLES

STAMP = dt.datetime(2022, 6, 1, 12, tzinfo=dt.UTC)


def example() -> Event:
    return eventfile.load(EXAMPLES / "xiaomi-12s.toml").events[0]


def test_page_lists_the_links_and_embeds_the_ics() -> None:
    event = example()
    document = render.page(event, stamp=STAMP)
    found = links.links(event)
    anchors = re.findall(
        r'<li><a href="([^"]+)" rel="nofollow"(?: data-k="\w+")?>([^<]+)</a></li>', document
    )
    assert anchors == [
        (found[key].replace("&", "&amp;"), label) for key, label in links.SERVICES.items()
    ]
    (href,) = re.findall(r'<a href="(data:text/calendar[^"]+)" download="xiaomi-12s-launch.ics"',
                         document)  # fmt: skip
    payload = base64.b64decode(href.split("base64,", 1)[1])
    assert payload == ics.to_ics(Calendar(events=(event,)), stamp=STAMP)


def test_unsafe_links_are_dropped(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real = links.links
    monkeypatch.setattr(links, "links", lambda e: {**real(e), "google": "javascript:alert(1)"})
    document = render.page(example(), stamp=STAMP)
    assert "javascript:" not in document
    assert ">Google Calendar<" not in document
    assert ">Outlook.com<" in document


def test_build_writes_the_ics_and_links_it(tmp_path: Path) -> None:
    event = example()
    written = site.build(event, tmp_path, stamp=STAMP)
    assert [p.name for p in written] == [
        "index.html", "widget.html", "xiaomi-12s-launch.ics", "xiaomi-12s-launch.json",
    ]  # fmt: skip
    expected = ics.to_ics(Calendar(events=(event,)), stamp=STAMP)
    assert (tmp_path / "xiaomi-12s-launch.ics").read_bytes() == expected
    page = (tmp_path / "index.html").read_text("utf-8")
    assert '<a href="xiaomi-12s-launch.ics" download="xiaomi-12s-launch.ics"' in page
    assert "data:text/calendar" not in page
