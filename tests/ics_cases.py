"""Events that are hard to write as calendar files, and what a calendar must read back.

Shared by the .ics unit tests and the real-consumer tests (Radicale, ical, icalendar, vobject).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from launchcal import tz
from launchcal.event import Calendar, Event, Location, Organizer, Status

#: DTSTAMP of the golden files: 2022-07-01 00:00 UTC.
EPOCH = 1656633600
STAMP = dt.datetime.fromtimestamp(EPOCH, dt.UTC)

INJECTED_TITLE = "Launch\r\nBEGIN:VEVENT\r\nUID:evil@example.com\r\nSUMMARY:injected\r\nEND:VEVENT"
INJECTED_DESCRIPTION = (
    "First line\rsecond line\nEND:VEVENT\r\nBEGIN:VALARM\r\nACTION:AUDIO\r\nEND:VALARM"
    "\u2028line separator\x85next line\x0bvertical tab\x0cform feed\x1crecord\x00nul"
    " C:\\New folder\\N, a; b\\n \\, \\\\ end\\"
)
CJK_EMOJI = "发布会 🚀 ローンチ 출시 👩‍🚀🇰🇪 é (e\u0301) "
LONG_DESCRIPTION = (CJK_EMOJI * 400)[:10_000]


def wall(*args: int) -> dt.datetime:
    return dt.datetime(*args)  # type: ignore[arg-type]


def hard_calendar() -> Calendar:
    """Text that tries to break the file, zones with DST, TBA dates, every status."""
    hour = dt.timedelta(hours=1)
    events = (
        Event.at(
            INJECTED_TITLE, wall(2026, 7, 15, 12), "Europe/London", duration=hour,
            id="london-july", description=INJECTED_DESCRIPTION,
            location=Location(name="Hall 1;\r\nX-INJECTED:1", address="Line\nTwo, Street"),
            organizer=Organizer(name='The "Press"\r\nX-INJECTED:1; team', email="press@example.com"),
            url="https://example.com/launch?a=1&b=2;c",
            reminders=(dt.timedelta(days=1), dt.timedelta(minutes=15)),
        ),
        Event.at("London in January", wall(2026, 1, 15, 12), "Europe/London", duration=hour,
                 id="london-january"),
        Event.at(CJK_EMOJI.strip(), wall(2026, 3, 1, 20), "Asia/Shanghai", duration=2 * hour,
                 id="cjk", description=LONG_DESCRIPTION,
                 location=Location(name="上海世博中心 🏟️")),
        # 01:30 happens twice in London that night: this is the second one (GMT).
        Event.at("Second 01:30", wall(2026, 10, 25, 1, 30), "Europe/London", fold="later",
                 duration=dt.timedelta(minutes=30), id="fold-later"),
        Event.at("First 01:30", wall(2026, 10, 25, 1, 30), "Europe/London", fold="earlier",
                 duration=dt.timedelta(minutes=30), id="fold-earlier"),
        Event.at("UTC launch", wall(2026, 5, 1, 0), "UTC", duration=hour, id="utc"),
        Event.at("Kathmandu launch", wall(2026, 5, 1, 16, 45), "Asia/Kathmandu", id="kathmandu"),
        # tzdata 2026f keeps British Columbia on UTC-7 all winter; older releases say UTC-8.
        Event.at("Vancouver winter", wall(2026, 12, 15, 12), "America/Vancouver", duration=hour,
                 id="vancouver"),
        # China had summer time 1986-1991: the VTIMEZONE must cover it for this year.
        Event.at("Beijing 1990", wall(1990, 7, 1, 12), "Asia/Shanghai", duration=hour,
                 id="beijing-1990"),
        Event(title="Showcase (time to be announced)", zone="Asia/Tokyo", id="tba",
              start=tz.localize(wall(2026, 12, 15, 0), "Asia/Tokyo"), time_known=False,
              status=Status.POSTPONED, reminders=(dt.timedelta(days=1),)),
        Event.at("Moved launch", wall(2026, 6, 2, 18), "Europe/Amsterdam", duration=hour,
                 id="moved", status=Status.RESCHEDULED,
                 previous_start=tz.localize(wall(2026, 6, 1, 18), "Europe/Amsterdam")),
        Event.at("Moved twice", wall(2026, 6, 3, 18), "Europe/Istanbul", duration=hour,
                 id="moved-twice", status=Status.RESCHEDULED, sequence=2,
                 previous_start=tz.localize(wall(2026, 6, 2, 18), "Europe/Istanbul")),
        Event.at("Cancelled launch", wall(2026, 6, 4, 18), "Europe/Bucharest", duration=hour,
                 id="cancelled", status=Status.CANCELLED),
    )  # fmt: skip
    return Calendar(
        events, name="Hard cases\r\nX-WR-CALNAME:injected", description="Feed\nEND:VCALENDAR"
    )


# --- what a calendar must read back -------------------------------------------------------

_BREAKS = {"\r", "\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}


def stored_text(text: str) -> str:
    """The text a calendar reads back: line breaks as "\\n", no control characters."""
    out: list[str] = []
    previous = ""
    for char in text:
        code = ord(char)
        if char == "\n" and previous == "\r":
            pass  # CRLF is one break
        elif char in _BREAKS:
            out.append("\n")
        elif char != "\t" and (code < 0x20 or 0x7F <= code <= 0x9F):
            pass
        else:
            out.append(char)
        previous = char
    return "".join(out)


def expected_events(calendar: Calendar) -> list[dict[str, Any]]:
    """Each event as the parser scripts in test_consumers.py report it."""
    statuses = {
        Status.SCHEDULED: "CONFIRMED",
        Status.RESCHEDULED: "CONFIRMED",
        Status.POSTPONED: "TENTATIVE",
        Status.CANCELLED: "CANCELLED",
    }
    result = []
    for event in calendar.events:
        description = event.description
        if event.link and event.link not in description:
            description = f"{description}\n\n{event.link}" if description else event.link
        if event.time_known:
            start: str | None = event.utc_start.isoformat()
            end = event.utc_end.isoformat() if event.utc_end else None
        else:
            start = event.start.date().isoformat()
            end = (event.start.date() + dt.timedelta(days=1)).isoformat()
        result.append(
            {
                "uid": f"{event.id}@launchcal",
                "summary": stored_text(event.title),
                "description": stored_text(description) or None,
                "location": stored_text(event.location.label) if event.location else None,
                "url": event.link,
                "start": start,
                "end": end,
                "status": statuses[event.status],
                "sequence": max(event.sequence, 0 if event.status is Status.SCHEDULED else 1),
                "alarms": [-int(r.total_seconds()) for r in event.reminders],
            }
        )
    return result


# (id, wall time, zone): dates where readers have gone wrong, each an hour-long event.
TRICKY = [
    # Before the year's first change: ical.js once read these as UTC (a missed first onset).
    ("new-york-january", wall(2026, 1, 20, 20), "America/New_York"),
    ("new-york-july", wall(2026, 7, 20, 20), "America/New_York"),
    ("london-before-spring", wall(2026, 3, 29, 0, 30), "Europe/London"),
    ("london-after-spring", wall(2026, 3, 29, 3, 0), "Europe/London"),
    ("london-after-autumn", wall(2026, 10, 25, 3, 0), "Europe/London"),
    ("sao-paulo-2018-summer", wall(2018, 2, 10, 12), "America/Sao_Paulo"),
    ("sao-paulo-2018-after-gap", wall(2018, 11, 4, 1, 30), "America/Sao_Paulo"),
    ("lord-howe-january", wall(2026, 1, 15, 12), "Australia/Lord_Howe"),
    ("lord-howe-july", wall(2026, 7, 15, 12), "Australia/Lord_Howe"),
    ("chatham-january", wall(2026, 1, 15, 12), "Pacific/Chatham"),
    ("chatham-july", wall(2026, 7, 15, 12), "Pacific/Chatham"),
    ("kathmandu-1985", wall(1985, 12, 31, 12), "Asia/Kathmandu"),
    ("kathmandu-1986", wall(1986, 6, 1, 12), "Asia/Kathmandu"),
    ("st-johns-january", wall(2026, 1, 15, 12), "America/St_Johns"),
    ("st-johns-july", wall(2026, 7, 15, 12), "America/St_Johns"),
    ("casablanca-ramadan", wall(2026, 3, 1, 20), "Africa/Casablanca"),
    ("casablanca-june", wall(2026, 6, 1, 20), "Africa/Casablanca"),
    ("casablanca-december", wall(2026, 12, 1, 20), "Africa/Casablanca"),
    ("apia-before-the-skipped-day", wall(2011, 12, 29, 12), "Pacific/Apia"),
    ("apia-after-the-skipped-day", wall(2011, 12, 31, 12), "Pacific/Apia"),
    ("tehran-2021", wall(2021, 6, 1, 12), "Asia/Tehran"),
    ("tehran-2024", wall(2024, 6, 1, 12), "Asia/Tehran"),
    ("shanghai-1986-winter", wall(1986, 1, 15, 12), "Asia/Shanghai"),
    ("shanghai-1986-summer", wall(1986, 6, 1, 12), "Asia/Shanghai"),
    ("sydney-january", wall(2026, 1, 15, 12), "Australia/Sydney"),
    ("dublin-january", wall(2026, 1, 15, 12), "Europe/Dublin"),
    ("santiago-after-autumn", wall(2026, 4, 5, 1, 0), "America/Santiago"),
]


def tricky_calendars() -> dict[str, Calendar]:
    """One file per tricky event (each VTIMEZONE trimmed to that event's years), by id."""
    return {
        id_: Calendar((Event.at(id_, when, zone, duration=dt.timedelta(hours=1), id=id_),))
        for id_, when, zone in TRICKY
    }
