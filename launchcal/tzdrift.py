"""Where another tz database would put an event somewhere else than launchcal's does.

Most calendar clients ignore a file's VTIMEZONE for a zone they know and read the wall time
with their own tz database (Google, calcurse, KCalendarCore, icalendar, ical, Radicale's
time-range search). Where a government changed its rules between two releases, a client with
older data shows the event off by the difference, and nothing tells the publisher. This module
compares each event's times between launchcal's database and another (the system's by
default), so ``launchcal ics`` can say so; ``ics --utc`` writes times no database can misread.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from launchcal import tz
from launchcal.event import Calendar

__all__ = ["SYSTEM_TZDIR", "Drift", "drift"]

#: The system's compiled tz database, compared with by default.
SYSTEM_TZDIR = "/usr/share/zoneinfo"


@dataclass(frozen=True)
class Drift:
    """A zone whose event times another database reads differently."""

    zone: str
    walls: tuple[dt.datetime, ...]  # each wall time, as the file says it (aware, ours)
    theirs: tuple[dt.datetime | None, ...]  # the UTC instant the other database reads
    version: str
    tzdir: str

    def message(self) -> str:
        """One line for stderr: which zone, which instants, how far off."""
        wall, other = self.walls[0], self.theirs[0]
        ours = wall.astimezone(dt.UTC)
        more = f" ({len(self.walls)} times in all)" if len(self.walls) > 1 else ""
        head = (
            f"warning: {self.zone} {wall:%Y-%m-%d %H:%M} is {ours:%Y-%m-%d %H:%M}Z in "
            f"launchcal's tz database ({tz.database().version})"
        )
        if other is None:
            return (
                f"{head}, but tzdata {self.version} in {self.tzdir} has no {self.zone}{more}: "
                "clients with that data cannot place it; --utc writes times every client reads"
            )
        shift = ours - other
        direction = "early" if shift > dt.timedelta(0) else "late"
        return (
            f"{head} but {other:%Y-%m-%d %H:%M}Z in tzdata {self.version} ({self.tzdir}){more}: "
            f"clients with older data will show it {_span(abs(shift))} {direction}; --utc "
            "writes times every client reads"
        )


def drift(calendar: Calendar, tzdir: str | Path = SYSTEM_TZDIR) -> list[Drift]:
    """The zones whose event times the database in ``tzdir`` reads at other instants.

    Nothing when ``tzdir`` holds no tz database, or the same release as launchcal's.

    Examples:
        >>> from launchcal.event import Event
        >>> event = Event.at("Launch", dt.datetime(2026, 12, 1, 20), "Africa/Casablanca")
        >>> [d.theirs for d in drift(Calendar((event,)), "tests/data/tzdir-2025b")]
        [(datetime.datetime(2026, 12, 1, 19, 0, tzinfo=datetime.timezone.utc),)]
    """
    directory = str(tzdir)
    version = tz.version_of(directory)
    if version is None or version == tz.database().version:
        return []
    found: dict[str, tuple[list[dt.datetime], list[dt.datetime | None]]] = {}
    for event in calendar.events:
        if not event.time_known or event.zone == "UTC":
            continue
        other = _zone(directory, event.zone)
        for moment in (event.start, event.end):
            if moment is None:
                continue
            offset = tz.offset(moment)
            theirs = None
            if other is not None:
                # The same wall time: the same instant exactly when the offsets agree (asked
                # first: it is the answer for nearly every time). A ZoneInfo reads the offset
                # from the wall time and fold it is given, whatever that datetime's zone: the
                # first reading (fold 0), as RFC 5545 reads a TZID time.
                first = moment if moment.fold == 0 else tz.wall_in(moment, moment.tzinfo)
                if other.utcoffset(first) == offset:
                    continue
                theirs = tz.wall_in(moment, other).astimezone(dt.UTC)
            if tz.reads_twice(moment):
                continue  # written in UTC (see ics._moment): nothing to misread
            walls, readings = found.setdefault(event.zone, ([], []))
            walls.append(moment)
            readings.append(theirs)
    return [
        Drift(zone, tuple(walls), tuple(readings), version, directory)
        for zone, (walls, readings) in sorted(found.items())
    ]


@cache
def _zone(directory: str, name: str) -> zoneinfo.ZoneInfo | None:
    path = Path(directory, name)
    try:
        with path.open("rb") as handle:
            return zoneinfo.ZoneInfo.from_file(handle, key=name)
    except (OSError, ValueError):
        return None


def _span(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    hours, minutes = divmod(minutes, 60)
    if not minutes:
        return f"{hours} hour" + ("s" if hours != 1 else "")
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} minutes"
