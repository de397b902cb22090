"""Add-to-calendar links: exact URLs per service, zones, all-day events, the 2,000-character cap."""

from __future__ import annotations

import dataclasses
import datetime as dt
import doctest
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from launchcal import eventfile, links, tz
from launchcal.cli import cli
from launchcal.event import Event, Location
from tests.conftest import DATA, ROOT, imported_by, loaded
from tests.ics_cases import CJK_EMOJI

EXAMPLE = ROOT / "examples" / "xiaomi-12s.toml"
SEASON = ROOT / "examples" / "launch-season.toml"
HOUR = dt.timedelta(hours=1)


def query(url: str) -> dict[str, str]:
    """The URL's query, decoded, one value per key (and no key given twice)."""
    values = parse_qs(urlsplit(url).query, keep_blank_values=True)
    assert all(len(v) == 1 for v in values.values())
    return {key: value[0] for key, value in values.items()}


def test_example_links_match_golden_file() -> None:
    event = eventfile.load(EXAMPLE).events[0]
    golden = json.loads((DATA / "xiaomi-12s.links.json").read_text(encoding="utf-8"))
    assert links.links(event) == golden
    assert list(golden) == ["google", "outlook", "office365", "yahoo"]


def test_example_links_say_what_the_issue_says() -> None:
    found = links.links(eventfile.load(EXAMPLE).events[0])
    details = (
        "Xiaomi unveils the 12S, 12S Pro and 12S Ultra, co-engineered with Leica.\n"
        "Watch the livestream from Beijing.\n\nhttps://www.mi.com/global/"
    )
    assert found["google"].startswith("https://calendar.google.com/calendar/render?")
    assert query(found["google"]) == {
        "action": "TEMPLATE",
        "text": "Xiaomi 12S series launch",
        "dates": "20220704T190000/20220704T210000",
        "ctz": "Asia/Shanghai",
        "details": details,
        "location": "Online livestream",
    }
    for key, host in (("outlook", "outlook.live.com"), ("office365", "outlook.office.com")):
        assert found[key].startswith(f"https://{host}/calendar/0/action/compose?")
        assert query(found[key]) == {
            "rru": "addevent",
            "startdt": "2022-07-04T11:00:00Z",
            "enddt": "2022-07-04T13:00:00Z",
            "subject": "Xiaomi 12S series launch",
            "location": "Online livestream",
            "body": details,
        }
    assert found["yahoo"].startswith("https://calendar.yahoo.com/?")
    assert query(found["yahoo"]) == {
        "v": "60",
        "title": "Xiaomi 12S series launch",
        "st": "20220704T110000Z",
        "et": "20220704T130000Z",
        "desc": details,
        "in_loc": "Online livestream",
    }


# Zones whose names hold letters that look like abbreviations (AMSTerdam, ISTanbul,
# buchAREST): the zone must reach Google whole, and the UTC instants must be right.
ZONES = [
    ("Europe/Amsterdam", (2026, 3, 29, 10), "20260329T100000/20260329T110000",
     "2026-03-29T08:00:00Z", "2026-03-29T09:00:00Z"),
    ("Europe/Amsterdam", (2026, 1, 10, 10), "20260110T100000/20260110T110000",
     "2026-01-10T09:00:00Z", "2026-01-10T10:00:00Z"),
    ("Europe/Istanbul", (2026, 7, 1, 20), "20260701T200000/20260701T210000",
     "2026-07-01T17:00:00Z", "2026-07-01T18:00:00Z"),
    ("Europe/Bucharest", (2026, 10, 24, 10), "20261024T100000/20261024T110000",
     "2026-10-24T07:00:00Z", "2026-10-24T08:00:00Z"),
    ("Europe/Bucharest", (2026, 10, 25, 10), "20261025T100000/20261025T110000",
     "2026-10-25T08:00:00Z", "2026-10-25T09:00:00Z"),
    ("Africa/Nairobi", (2022, 7, 4, 14), "20220704T140000/20220704T150000",
     "2022-07-04T11:00:00Z", "2022-07-04T12:00:00Z"),
]  # fmt: skip


@pytest.mark.parametrize(("zone", "start", "dates", "utc_start", "utc_end"), ZONES)
def test_zones_with_abbreviation_like_names(
    zone: str, start: tuple[int, int, int, int], dates: str, utc_start: str, utc_end: str
) -> None:
    event = Event.at("Launch", dt.datetime(*start), zone, duration=HOUR)
    found = links.links(event)
    assert query(found["google"])["dates"] == dates
    assert query(found["google"])["ctz"] == zone
    assert f"&ctz={zone}&" in found["google"] or found["google"].endswith(f"&ctz={zone}")
    for key in ("outlook", "office365"):
        assert query(found[key])["startdt"] == utc_start
        assert query(found[key])["enddt"] == utc_end
    compact = utc_start.replace("-", "").replace(":", "")
    assert query(found["yahoo"])["st"] == compact


@pytest.mark.parametrize(
    ("zone", "wall", "fold", "dates"),
    [
        ("UTC", (2026, 5, 1, 12), None, "20260501T120000Z/20260501T130000Z"),
        ("Etc/GMT-3", (2026, 5, 1, 12), None, "20260501T090000Z/20260501T100000Z"),
        # 02:30 happens twice in Berlin that night: Google cannot be told which, so UTC.
        ("Europe/Berlin", (2026, 10, 25, 2, 30), "earlier", "20261025T003000Z/20261025T013000Z"),
        ("Europe/Berlin", (2026, 10, 25, 2, 30), "later", "20261025T013000Z/20261025T023000Z"),
    ],
)
def test_google_gets_utc_without_ctz_when_a_zone_name_would_mislead(
    zone: str, wall: tuple[int, ...], fold: tz.Fold | None, dates: str
) -> None:
    event = Event.at("Launch", dt.datetime(*wall), zone, fold=fold, duration=HOUR)  # type: ignore[arg-type]
    google = query(links.links(event)["google"])
    assert google["dates"] == dates
    assert "ctz" not in google


@pytest.mark.parametrize(
    ("end", "google", "microsoft", "yahoo"),
    [
        (None, "20261215/20261216", ("2026-12-15", "2026-12-16"), ("20261215", "20261216")),
        ('"2026-12-18"', "20261215/20261218", ("2026-12-15", "2026-12-18"),
         ("20261215", "20261218")),
    ],
)  # fmt: skip
def test_all_day_events_have_exclusive_end_dates_and_no_zone(
    end: str | None, google: str, microsoft: tuple[str, str], yahoo: tuple[str, str]
) -> None:
    text = 'title = "Showcase"\nstart = 2026-12-15\nzone = "Asia/Tokyo"\n'
    if end:
        text += f"end = {end}\n"
    found = links.links(eventfile.loads(text).events[0])
    assert query(found["google"]) == {"action": "TEMPLATE", "text": "Showcase", "dates": google}
    for key in ("outlook", "office365"):
        found_query = query(found[key])
        assert (found_query["startdt"], found_query["enddt"]) == microsoft
        assert found_query["allday"] == "true"
    yahoo_query = query(found["yahoo"])
    assert (yahoo_query["st"], yahoo_query["et"], yahoo_query["dur"]) == (*yahoo, "allday")


def test_event_without_end_is_a_moment() -> None:
    found = links.links(Event.at("Launch", dt.datetime(2026, 5, 1, 12), "Asia/Tokyo"))
    assert query(found["google"])["dates"] == "20260501T120000/20260501T120000"
    assert query(found["outlook"])["enddt"] == query(found["outlook"])["startdt"]


def test_text_survives_percent_encoding() -> None:
    title = "Launch & Q&A? #1 + 50% = 100/100 — 発表 🚀"
    event = Event.at(
        title, dt.datetime(2026, 5, 1, 12), "Asia/Tokyo", duration=HOUR,
        description="a=b&c\r\nnext line\x00", location=Location(name="Hall; 1, Tokyo"),
    )  # fmt: skip
    for key, url in links.links(event).items():
        assert " " not in url
        assert "\n" not in url
        fields = query(url)
        assert title in fields.values(), key
        assert "a=b&c\nnext line" in fields.values(), key
        assert "Hall; 1, Tokyo" in fields.values(), key


# --- the 2,000-character cap ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["word " * 2000, (CJK_EMOJI * 400)[:10_000]], ids=["ascii", "cjk"])
def test_long_descriptions_are_cut_under_2000_characters(text: str) -> None:
    event = Event.at(
        "Launch", dt.datetime(2026, 5, 1, 12), "Asia/Tokyo", duration=HOUR, description=text,
        url="https://example.com/launch",
    )  # fmt: skip
    result = links.calendar_links(event)
    assert result.cut == dict.fromkeys(links.SERVICES, ("description",))
    for key, url in result.urls.items():
        assert len(url) < links.URL_LIMIT
        assert len(url) > links.URL_LIMIT - 60  # cut no more than needed (one word at most)
        details = next(v for k, v in query(url).items() if k in ("details", "body", "desc"))
        kept, link = details.split("…\n\n")
        assert link == "https://example.com/launch", key
        assert text.startswith(kept)
        assert not kept.endswith(("\u200d", "\u0301", " "))


def test_a_long_title_and_location_are_cut_too_and_a_huge_link_dropped() -> None:
    event = Event.at(
        "T" * 3000, dt.datetime(2026, 5, 1, 12), "Asia/Tokyo", description="d" * 3000,
        location=Location(name="L" * 3000), url="https://example.com/" + "p" * 2500,
    )  # fmt: skip
    result = links.calendar_links(event)
    assert result.cut["google"] == ("description", "location", "title", "link")
    for url in result.urls.values():
        assert len(url) < links.URL_LIMIT
    assert result.describe_cut("T") == (
        "cut the description, the location, the title and the web address of 'T' to keep the "
        "Google Calendar, Outlook.com, Microsoft 365 and Yahoo Calendar links under 2,000 "
        "characters"
    )


def test_short_text_is_not_cut() -> None:
    result = links.calendar_links(eventfile.load(EXAMPLE).events[0])
    assert result.cut == {}
    assert result.describe_cut("x") == ""


def test_links_module_examples() -> None:
    assert doctest.testmod(links).failed == 0


# --- the command ------------------------------------------------------------------------------


def test_cli_text(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["links", str(EXAMPLE)])
    assert (result.exit_code, result.stderr) == (0, "")
    found = links.links(eventfile.load(EXAMPLE).events[0])
    assert result.stdout == (
        "Xiaomi 12S series launch\n"
        f"  Google Calendar  {found['google']}\n"
        f"  Outlook.com      {found['outlook']}\n"
        f"  Microsoft 365    {found['office365']}\n"
        f"  Yahoo Calendar   {found['yahoo']}\n"
    )


def test_cli_json_one_event_and_many(runner: CliRunner) -> None:
    one = runner.invoke(cli, ["links", str(EXAMPLE), "--json"])
    assert (one.exit_code, one.stderr) == (0, "")
    assert one.stdout == (DATA / "xiaomi-12s.links.json").read_text(encoding="utf-8")
    many = runner.invoke(cli, ["links", str(SEASON), "--json"])
    assert (many.exit_code, many.stderr) == (0, "")
    assert many.stdout == (DATA / "launch-season.links.json").read_text(encoding="utf-8")
    assert list(json.loads(many.stdout)) == ["aurora-keynote", "berlin-hardware-night",
                                             "tba-showcase"]  # fmt: skip


def test_cli_says_on_stderr_when_it_cut(runner: CliRunner, tmp_path: Path) -> None:
    event = eventfile.load(EXAMPLE).events[0]
    path = tmp_path / "long.toml"
    path.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace(
            '"""\nXiaomi unveils', '"""\n' + "Xiaomi unveils " * 200 + "\nXiaomi unveils"
        ),
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["links", str(path), "--json"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"Note: cut the description of {event.title!r} to keep the Google Calendar, "
        "Outlook.com, Microsoft 365 and Yahoo Calendar links under 2,000 characters\n"
    )
    assert all(len(url) < 2000 for url in json.loads(result.stdout).values())


def test_links_and_help_do_not_import_icalendar() -> None:
    for args in (["--help"], ["links", str(EXAMPLE)], ["ics", "--help"]):
        modules = imported_by(*args)
        assert loaded(modules, "icalendar", "jinja2", "babel", "pendulum") == [], args


def test_links_by_id_is_the_links_of_each_id_as_a_dict_keeps_them() -> None:
    season = eventfile.load(SEASON).events
    again = dataclasses.replace(season[2], id=season[0].id, title="Second of the same id")
    events = [*season, again, season[1]]
    seen: list[str] = []
    found = links.links_by_id(events, seen=lambda event, _: seen.append(event.title))
    assert list(found) == list({event.id: links.links(event) for event in events}.items())
    assert seen == [event.title for event in events]  # every event, in order, once


def test_links_by_id_makes_each_events_links_as_it_is_read() -> None:
    events = eventfile.load(SEASON).events
    seen: list[str] = []
    found = links.links_by_id(events, seen=lambda event, _: seen.append(event.id))
    assert next(found)[0] == events[0].id
    assert seen == [events[0].id]


def test_a_title_recurring_across_links_is_quoted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    quoted: list[str] = []
    real = links.quote
    links._quoted.cache_clear()
    monkeypatch.setattr(links, "quote", lambda text, **kw: quoted.append(text) or real(text, **kw))
    event = Event.at("Unique title 7f3a", dt.datetime(2030, 1, 1, 9), "Asia/Tokyo")
    first = links.links(event)
    assert quoted.count("Unique title 7f3a") == 1  # in all four links
    assert links.links(event) == first


def test_cli_text_is_a_block_per_event_with_a_blank_line_between(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["links", str(SEASON)])
    assert (result.exit_code, result.stderr) == (0, "")
    width = max(len(name) for name in links.SERVICES.values())
    blocks = [
        "\n".join(
            [event.title]
            + [f"  {links.SERVICES[k]:<{width}}  {url}" for k, url in links.links(event).items()]
        )
        for event in eventfile.load(SEASON).events
    ]
    assert result.stdout == "\n\n".join(blocks) + "\n"
