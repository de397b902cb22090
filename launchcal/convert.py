"""An event seen from a place: local time, day shift and whether it falls at night."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from launchcal import tz
from launchcal.event import Event
from launchcal.places import Place

__all__ = ["NIGHT_HOURS", "LocalTime", "see", "see_all"]

#: Local hours people are usually asleep: a start from 00:00 to 06:59 gets a night mark.
NIGHT_HOURS = range(0, 7)


@dataclass(frozen=True)
class LocalTime:
    """The event's start on one place's clock."""

    place: Place
    local: dt.datetime
    day_shift: int

    @property
    def night(self) -> bool:
        """Whether the start falls in the place's night hours (00:00-06:59)."""
        return self.local.hour in NIGHT_HOURS

    @property
    def utc_offset(self) -> str:
        """``+03:00``."""
        return tz.format_offset(self.local.utcoffset())

    @property
    def abbreviation(self) -> str:
        """What the tz database calls the zone then ("EAT", or "+0545" where it has no name)."""
        return self.local.tzname() or ""

    @property
    def label(self) -> str:
        """A readable zone label: the abbreviation, or ``UTC+05:45`` where there is none."""
        return tz.zone_label(self.local)


def see(event: Event, place: Place) -> LocalTime:
    """Where the hands of ``place``'s clocks point when ``event`` starts.

    ``day_shift`` is the local date minus the event's own date, in days.

    Examples:
        >>> import datetime as dt
        >>> from launchcal.places import Place
        >>> e = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
        >>> seen = see(e, Place("Kiritimati", "Pacific/Kiritimati", "city"))
        >>> seen.local.isoformat(), seen.day_shift
        ('2022-07-05T01:00:00+14:00', 1)
    """
    local = event.start.astimezone(tz.zone(place.zone))
    return LocalTime(place, local, (local.date() - event.start.date()).days)


def see_all(event: Event, places: Iterable[Place]) -> list[LocalTime]:
    """:func:`see` for each place, in the order given, each zone's place once."""
    seen: list[LocalTime] = []
    keys: set[tuple[str, str]] = set()
    for place in places:
        key = (place.name, place.zone)
        if key not in keys:
            keys.add(key)
            seen.append(see(event, place))
    return seen
