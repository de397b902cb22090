"""A 10,000-launch feed: ``launchcal.ics.to_ics`` against the straightforward icalendar way.

Both build the same feed (mixed zones, reminders, VTIMEZONEs) from the same events, in the same
run, and icalendar serializes both. The straightforward way is what icalendar's documentation
shows: ``Event.new`` per event, ``Alarm.new_display`` per reminder, ``add_missing_timezones`` and
``to_ical``. Target: launchcal takes at most half the time (ratio <= 0.5).

    python benchmarks/bench_ics.py [--events 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable, Sequence

from launchcal import ics, tz
from launchcal.event import Calendar, Event, Location, Status

ZONES = (
    "Asia/Shanghai", "Europe/London", "America/New_York", "Africa/Nairobi", "Asia/Kolkata",
    "Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo",
    "Asia/Kathmandu", "Pacific/Chatham", "Europe/Istanbul", "America/Santiago", "UTC",
)  # fmt: skip
REMINDERS = (
    (),
    (dt.timedelta(minutes=15),),
    (dt.timedelta(days=1), dt.timedelta(minutes=15)),
    (dt.timedelta(hours=1),),
)
VENUES = ("Online livestream", "Kraftwerk Berlin", "Moscone Center, San Francisco", "上海世博中心")
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
TARGET = 0.5


def make_events(count: int) -> tuple[Event, ...]:
    """``count`` launches over 2026-2027, each with its own title, text and link."""
    events = []
    for number in range(count):
        zone = ZONES[number % len(ZONES)]
        wall = dt.datetime(2026, 1, 1, 9) + dt.timedelta(hours=13 * number + number % 7 * 10)
        events.append(
            Event.at(
                f"Launch #{number}: product {number % 97} keynote",
                wall,
                zone,
                fold="earlier",
                duration=dt.timedelta(minutes=30 + 15 * (number % 8)),
                id=f"launch-{number}",
                url=f"https://example.com/launches/{number}",
                location=Location(name=VENUES[number % len(VENUES)], online=number % 4 == 0),
                description=(
                    f"Keynote number {number}; new phones, watches and a surprise, live from "
                    f"{zone}.\nDoors open 30 minutes before. Stream: https://example.com/live/"
                    f"{number}"
                ),
                reminders=REMINDERS[number % len(REMINDERS)],
                status=Status.CANCELLED if number % 50 == 0 else Status.SCHEDULED,
            )
        )
    return tuple(events)


def straightforward(calendar: Calendar, stamp: dt.datetime) -> bytes:
    """The feed as icalendar's documentation builds it."""
    import icalendar

    feed = icalendar.Calendar.new(
        prodid=ics.PRODID,
        name=calendar.name,
        method="PUBLISH",
        refresh_interval=calendar.refresh,
    )
    for event in calendar.events:
        description = event.description
        if event.link and event.link not in description:
            description = f"{description}\n\n{event.link}"
        item = icalendar.Event.new(
            uid=ics.uid(event),
            stamp=stamp,
            start=event.start,
            end=event.end,
            summary=event.title,
            description=description,
            location=event.location.label if event.location else None,
            url=event.link,
            status=ics.status(event),
            sequence=ics.sequence(event),
        )
        for before in event.reminders:
            item.add_component(icalendar.Alarm.new_display(event.title, -before))
        feed.add_component(item)
    feed.add_missing_timezones()
    return bytes(feed.to_ical())


def best_of(repeat: int, build: Callable[[], bytes]) -> tuple[float, bytes]:
    best, output = float("inf"), b""
    for _ in range(repeat):
        began = time.perf_counter()
        output = build()
        best = min(best, time.perf_counter() - began)
    return best, output


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args(argv)

    database = tz.database()
    calendar = Calendar(make_events(args.events), name="Launch season")

    def ours_cold() -> bytes:
        # Every run works out the zones' rules afresh, as a new process would.
        ics._yearly_rules.cache_clear()
        ics._changes.cache_clear()
        ics._vtimezone_bytes.cache_clear()
        return ics.to_ics(calendar, stamp=STAMP)

    ours_time, ours = best_of(args.repeat, ours_cold)
    plain_time, plain = best_of(args.repeat, lambda: straightforward(calendar, STAMP))
    for name, output in (("launchcal", ours), ("icalendar", plain)):
        events = output.count(b"BEGIN:VEVENT\r\n")
        alarms = output.count(b"BEGIN:VALARM\r\n")
        zones = output.count(b"BEGIN:VTIMEZONE\r\n")
        if events != args.events:
            raise SystemExit(f"{name} wrote {events} events, not {args.events}")
        print(
            f"{name:<10} {events} events, {alarms} alarms, {zones} VTIMEZONEs, "
            f"{len(output) / 1e6:.1f} MB"
        )
    ratio = ours_time / plain_time
    print(f"tz database: {database}")
    print(f"launchcal.ics.to_ics:          {ours_time:6.2f} s (best of {args.repeat})")
    print(f"icalendar, straightforward:    {plain_time:6.2f} s (best of {args.repeat})")
    verdict = "ok" if ratio <= TARGET else "MISSED"
    print(f"ratio launchcal/icalendar:     {ratio:6.2f}   (target <= {TARGET}: {verdict})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
