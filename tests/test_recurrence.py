"""Series, rolling releases and sessions: the model refuses what has no single instant, and
``when`` and ``ics`` show every occurrence, market and session where it really falls."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from collections.abc import Callable

import pytest
from click.testing import CliRunner

from launchcal import eventfile, ics, recurrence, tz
from launchcal.cli import cli
from launchcal.errors import InputError
from launchcal.event import Calendar, Event
from launchcal.places import Place
from tests.conftest import ROOT
from tests.ics_cases import STAMP

UTC = dt.UTC
EXAMPLES = ROOT / "examples"
LINE = re.compile(r"starts at (\d\d:\d\d) in New York City: \w+ (\d+ \w+ \d{4}), ")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="launchcal")
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("date") is None, reason="GNU date is not installed")
def test_weekly_stream_in_new_york_agrees_with_gnu_date_for_every_occurrence() -> None:
    code, out = run(
        "when", str(EXAMPLES / "weekly-stream.toml"), "--in", "New York", "--next", "6",
        "--now", "2026-02-20T00:00Z",
    )  # fmt: skip
    assert code == 0, out
    shown = LINE.findall(out)
    assert [time for time, _ in shown] == ["13:00", "13:00", "14:00", "14:00", "14:00", "13:00"]
    # GNU date, on the same tz database, turns each London 18:00 into New York time.
    for time, day in shown:
        london = dt.datetime.strptime(f"{day} 18:00", "%d %b %Y %H:%M")
        theirs = subprocess.run(
            ["date", "-d", f'TZ="Europe/London" {london:%Y-%m-%d %H:%M}', "+%-d %b %Y %H:%M"],
            env={"TZDIR": str(tz.database().path), "TZ": "America/New_York", "LC_ALL": "C",
                 "PATH": "/usr/bin:/bin"},
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        assert theirs == f"{day} {time}"
    assert "From Tue 10 Mar 2026 this is 14:00 in New York City, not 13:00" in out
    assert "From Tue 31 Mar 2026 this is 13:00 in New York City, not 14:00" in out


def test_next_counts_from_now_and_skips_the_exdate() -> None:
    code, out = run(
        "when", str(EXAMPLES / "weekly-stream.toml"), "--in", "London", "--next", "2",
        "--now", "2026-12-20T00:00Z",
    )  # fmt: skip
    assert code == 0, out
    assert re.findall(r": \w+ (\d+ \w+ \d{4})", out) == ["22 Dec 2026"]
    assert run(
        "when", str(EXAMPLES / "weekly-stream.toml"), "--in", "London", "--now", "2027-02-01T00:00Z"
    )[1].strip() == "Studio Live has no occurrences after now"  # fmt: skip


def test_midnight_release_lists_markets_from_first_to_last_going_live() -> None:
    code, out = run("when", str(EXAMPLES / "midnight-release.toml"))
    assert code == 0, out
    lines = out.splitlines()
    places = [re.search(r" in (.+?): ", line).group(1) for line in lines[:-1]]  # type: ignore[union-attr]
    assert places[0] == "Kiritimati"
    assert places[-1] == "Pago Pago"
    calendar = eventfile.load(EXAMPLES / "midnight-release.toml")
    starts = [m.utc_start for m in recurrence.markets(calendar.events[0])]
    assert starts == sorted(starts)
    assert len(starts) == len(places) == 13
    assert starts[-1] - starts[0] == dt.timedelta(hours=25)
    assert lines[-1] == (
        "First live in Kiritimati at Thu 28 Jan 2027 10:00 UTC, "
        "last in Pago Pago at Fri 29 Jan 2027 11:00 UTC"
    )


def test_sessions_each_on_their_own_line_in_start_order() -> None:
    code, out = run("when", str(EXAMPLES / "keynote-sessions.toml"), "--in", "London")
    assert code == 0, out
    assert out.splitlines() == [
        "Orbit X launch: China keynote starts at 12:00 in London, United Kingdom: Tue 15 Sep 2026, "
        "BST (UTC+01:00), same day",
        "Orbit X launch: Global stream starts at 21:00 in London, United Kingdom: Tue 15 Sep 2026, "
        "BST (UTC+01:00), same day",
        "Orbit X launch: Hands-on starts at 22:30 in London, United Kingdom: Tue 15 Sep 2026, "
        "BST (UTC+01:00), same day",
    ]


def series(rule: str, wall: dt.datetime = dt.datetime(2026, 3, 1, 1, 30), **more: object) -> Event:
    return Event.at("Show", wall, "Europe/London", rrule=rule, **more)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: series("FREQ=WEEKLY;BYDAY=SU;COUNT=8"),
         r"the occurrence on 2026-03-29: 2026-03-29 01:30 in Europe/London does not exist.*"
         r'use fold = "earlier" for .* or fold = "later" for '),
        (lambda: series("FREQ=WEEKLY;UNTIL=20260601T000000"), r"UNTIL=20260601T000000 is not in UTC"),
        (lambda: series("FREQ=WEEKLY;COUNT=3;UNTIL=20260601T000000Z"), "both COUNT and UNTIL"),
        (lambda: series("BYDAY=TU;COUNT=3"), "needs a FREQ"),
        (lambda: series("FREQ=WEEKLY;DTSTART=20260301T013000"), "holds DTSTART"),
        (lambda: series("FREQ=WEEKLY;BYDAY=TU;COUNT=3"),
         "the start 2026-03-01 01:30 is not an occurrence .* its first occurrence is 2026-03-03"),
        (lambda: series("FREQ=WEEKLY;COUNT=3",
                        exdates=(tz.localize(dt.datetime(2026, 3, 2, 1, 30), "Europe/London"),)),
         "exdate 2026-03-02 01:30 is not an occurrence"),
        (lambda: Event.at("Show", dt.datetime(2026, 3, 1, 9), "UTC", exdates=(
            dt.datetime(2026, 3, 1, 9, tzinfo=UTC),)), "it needs an rrule"),
        (lambda: Event.at("Album", dt.datetime(2027, 1, 29), "UTC", rolling=True),
         "a rolling release needs markets"),
        (lambda: Event.at("Album", dt.datetime(2026, 3, 29, 1, 30), "UTC", rolling=True,
                          markets=(Place("London", "Europe/London", "city"),)),
         r"in market London: 2026-03-29 01:30 in Europe/London does not exist"),
    ],
)  # fmt: skip
def test_the_model_refuses_what_has_no_single_instant(build: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        build()  # type: ignore[operator]


def test_fold_picks_the_instant_in_every_occurrence_that_needs_it() -> None:
    show = series("FREQ=WEEKLY;BYDAY=SU;COUNT=5", fold="later")
    gap = recurrence.all_occurrences(show)[4]
    assert gap.utc_start == dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_an_endless_series_gives_next_occurrences_but_no_finite_list() -> None:
    show = series("FREQ=WEEKLY", wall=dt.datetime(2026, 1, 6, 18))
    assert (
        len(recurrence.occurrences(show, after=dt.datetime(2030, 1, 1, tzinfo=UTC), count=4)) == 4
    )
    with pytest.raises(InputError, match="never ends; give its rrule a COUNT or UNTIL"):
        recurrence.all_occurrences(show)


def test_series_and_sessions_do_not_combine_in_a_file() -> None:
    text = """
title = "Show"
rrule = "FREQ=WEEKLY;COUNT=3"
[[sessions]]
title = "One"
start = 2026-03-01T10:00:00
zone = "UTC"
"""
    with pytest.raises(InputError, match="a series cannot have sessions"):
        eventfile.loads(text)


def test_a_bad_rrule_is_one_error_line_naming_the_file() -> None:
    path = ROOT / "tests" / "data" / "bad-until.toml"
    code, out = run("ics", str(path), "-o", "-")
    assert code == 2
    assert out.startswith("Error: ")
    assert out.count("\n") == 1
    assert "not in UTC" in out
    assert "bad-until.toml" in out


def ics_lines(calendar: Calendar) -> list[str]:
    return ics.to_ics(calendar, stamp=STAMP).decode().split("\r\n")


def test_ics_writes_a_series_as_one_vevent_with_its_rule_and_exdate() -> None:
    lines = ics_lines(eventfile.load(EXAMPLES / "weekly-stream.toml"))
    assert lines.count("BEGIN:VEVENT") == 1
    assert "DTSTART;TZID=Europe/London:20260106T180000" in lines
    assert "RRULE:FREQ=WEEKLY;COUNT=52;BYDAY=TU" in lines
    assert "EXDATE;TZID=Europe/London:20261229T180000" in lines


def test_ics_refuses_a_series_in_utc() -> None:
    with pytest.raises(InputError, match="a series cannot be written in UTC"):
        ics.to_ics(eventfile.load(EXAMPLES / "weekly-stream.toml"), stamp=STAMP, utc=True)


def test_ics_writes_sessions_related_to_the_launch_and_a_market_each() -> None:
    lines = ics_lines(eventfile.load(EXAMPLES / "keynote-sessions.toml"))
    assert lines.count("BEGIN:VEVENT") == 3
    assert lines.count("RELATED-TO:orbit-launch@launchcal") == 3
    assert "DTSTART;TZID=Asia/Shanghai:20260915T190000" in lines
    lines = ics_lines(eventfile.load(EXAMPLES / "midnight-release.toml"))
    assert lines.count("BEGIN:VEVENT") == 13
    assert "DTSTART;TZID=Pacific/Pago_Pago:20270129T000000" in lines
    assert "DTSTART;TZID=Pacific/Kiritimati:20270129T000000" in lines
    assert lines.count("RELATED-TO:nightfall-album@launchcal") == 13


@pytest.mark.parametrize(
    ("example", "now", "zone", "line"),
    [
        ("weekly-stream", "2026-03-10T12:00Z", "UTC",
         "Studio Live starts in 6 hours (Tue 10 Mar 2026, 18:00 in UTC)"),
        ("weekly-stream", "2026-03-31T17:30Z", "UTC",
         "Studio Live is live now, started 30 minutes ago, ends in 30 minutes"),
        ("midnight-release", "2027-01-28T12:00Z", "Asia/Tokyo",
         "Nightfall (album release) starts in 3 hours (Fri 29 Jan 2027, 00:00 in Asia/Tokyo)"),
        ("midnight-release", "2027-01-28T12:00Z", "Europe/London",
         "Nightfall (album release) starts in 12 hours (Fri 29 Jan 2027, 00:00 in Europe/London)"),
        ("keynote-sessions", "2026-09-15T12:00Z", "UTC",
         "Orbit X launch: Global stream starts in 8 hours (Tue 15 Sep 2026, 20:00 in UTC)"),
    ],
)  # fmt: skip
def test_countdown_goes_to_the_next_occurrence_session_or_the_viewers_market(
    example: str, now: str, zone: str, line: str, viewer_zone: Callable[[str], None]
) -> None:
    viewer_zone(zone)
    code, out = run("countdown", str(EXAMPLES / f"{example}.toml"), "--now", now)
    assert code == 0, out
    first, *below = out.strip().splitlines()
    assert first == line
    if example == "midnight-release":
        # The viewer's own market above, the first and last market below.
        assert below == [
            "First live in Kiritimati at Thu 28 Jan 2027 10:00 UTC, "
            "last in Pago Pago at Fri 29 Jan 2027 11:00 UTC"
        ]
    else:
        assert below == []


def test_links_repeat_on_google_and_offer_the_ics_elsewhere() -> None:
    from launchcal import links

    show = eventfile.load(EXAMPLES / "weekly-stream.toml").events[0]
    result = links.calendar_links(show)
    assert list(result.urls) == ["google"]
    assert (
        "&ctz=Europe/London&recur=RRULE:FREQ%3DWEEKLY%3BBYDAY%3DTU%3BCOUNT%3D52"
        in (result.urls["google"])
    )
    assert result.unsupported == ("outlook", "office365", "yahoo")
    assert "without its 1 skipped date(s)" in result.left_out
    code, out = run("links", str(EXAMPLES / "weekly-stream.toml"))
    assert code == 0
    assert "Yahoo Calendar   cannot repeat an event from a link; import the .ics instead" in out


def test_links_give_each_session_its_own_links() -> None:
    code, out = run("links", str(EXAMPLES / "keynote-sessions.toml"), "--json")
    assert code == 0, out
    assert sorted(json.loads(out)) == ["orbit-launch-1", "orbit-launch-2", "orbit-launch-3"]


def test_json_ld_gives_sessions_and_markets_as_sub_events_and_a_series_as_event_series() -> None:
    from launchcal import jsonld

    now = dt.datetime(2026, 12, 1, tzinfo=UTC)
    show = jsonld.event_json_ld(eventfile.load(EXAMPLES / "weekly-stream.toml").events[0], now=now)
    assert show["@type"] == "EventSeries"
    assert len(show["subEvent"]) == 51  # 52 Tuesdays less the one skipped
    assert show["subEvent"][12]["startDate"] == "2026-03-31T18:00:00+01:00"
    keynote = jsonld.event_json_ld(eventfile.load(EXAMPLES / "keynote-sessions.toml").events[0])
    assert [s["name"] for s in keynote["subEvent"]] == [
        "Orbit X launch: China keynote", "Orbit X launch: Global stream", "Orbit X launch: Hands-on"
    ]  # fmt: skip
    assert all(s["@type"] == "Event" and "@context" not in s for s in keynote["subEvent"])
    album = jsonld.event_json_ld(eventfile.load(EXAMPLES / "midnight-release.toml").events[0])
    assert album["startDate"] == "2027-01-29T00:00:00+14:00"  # where it goes live first
    assert album["subEvent"][-1]["startDate"] == "2027-01-29T00:00:00-11:00"
    endless = Event.at("Show", dt.datetime(2026, 1, 6, 18), "Europe/London", rrule="FREQ=WEEKLY")
    assert len(jsonld.event_json_ld(endless, now=now)["subEvent"]) == jsonld.SERIES_SHOWN


def test_the_page_lists_the_next_times_and_counts_down_to_the_next_one() -> None:
    from launchcal import render

    show = eventfile.load(EXAMPLES / "weekly-stream.toml").events[0]
    page = render.page(show, stamp=dt.datetime(2026, 3, 9, tzinfo=UTC))
    assert '<h2 data-k="next_times">Next times</h2>' in page
    assert page.count('<li><time datetime="') == 6
    assert '<li><time datetime="2026-03-31T17:00:00Z">' in page
    # The widget's own countdown goes to Tuesday 10 March, not to the first show in January.
    assert 'data-s="2026-03-10T18:00:00Z" data-e="2026-03-10T19:00:00Z"' in page


def test_when_json_carries_the_next_occurrences_markets_and_sessions() -> None:
    code, out = run(
        "when", str(EXAMPLES / "weekly-stream.toml"), "--in", "New York", "--next", "2",
        "--now", "2026-03-04T00:00Z", "--json",
    )  # fmt: skip
    assert code == 0, out
    (show,) = json.loads(out)["events"]
    assert show["rrule"] == "FREQ=WEEKLY;BYDAY=TU;COUNT=52"
    assert [o["times"][0]["local"] for o in show["occurrences"]] == [
        "2026-03-10T14:00:00-04:00", "2026-03-17T14:00:00-04:00"
    ]  # fmt: skip
    (album,) = json.loads(run("when", str(EXAMPLES / "midnight-release.toml"), "--json")[1])[
        "events"
    ]
    assert [m["times"][0]["place"] for m in album["markets"]][::12] == ["Kiritimati", "Pago Pago"]
    (launch,) = json.loads(run("when", str(EXAMPLES / "keynote-sessions.toml"), "--json")[1])[
        "events"
    ]
    assert [s["utc"] for s in launch["sessions"]] == [
        "2026-09-15T11:00:00Z", "2026-09-15T20:00:00Z", "2026-09-15T21:30:00Z"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("locale", "note"),
    [
        ("fr", "À partir du mar. 10 mars 2026, c’est à 14:00 à New York City, et non à 13:00"),
        ("de", "Ab Di., 10. März 2026 ist das in New York City um 14:00, nicht um 13:00"),
    ],
)
def test_the_offset_change_note_is_in_the_readers_language(locale: str, note: str) -> None:
    code, out = run(
        "when", str(EXAMPLES / "weekly-stream.toml"), "--in", "New York", "--next", "6",
        "--now", "2026-02-20T00:00Z", "--locale", locale,
    )  # fmt: skip
    assert code == 0, out
    assert note in out.splitlines()
