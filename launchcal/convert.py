"""An event seen from a place: local time, day shift and whether it falls at night."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from launchcal import tz
from launchcal.event import Event
from launchcal.places import Place

__all__ = ["NIGHT_HOURS", "ClockChange", "LocalTime", "clock_change", "see", "see_all"]

#: Local hours people are usually asleep: a start from 00:00 to 06:59 gets a night mark.
NIGHT_HOURS = range(0, 7)


class LocalTime(NamedTuple):  # NamedTuple, not dataclass: every command defines it (0.8 ms)
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


class ClockChange(NamedTuple):  # NamedTuple, not dataclass: every command defines it (0.8 ms)
    """The UTC offset of ``zone`` differs between two instants: clocks change in between.

    ``before`` is the last instant on the old offset and ``after`` the first on the new one,
    both in ``zone`` (of the last change, if there are several).
    """

    zone: str
    before: dt.datetime
    after: dt.datetime

    @property
    def shift(self) -> dt.timedelta:
        """How far the clocks move: positive forward (spring), negative back (autumn)."""
        return (self.after.utcoffset() or dt.timedelta(0)) - (
            self.before.utcoffset() or dt.timedelta(0)
        )


#: How far apart two offset changes can be and still both be found: longer than any DST period.
_STEP = dt.timedelta(days=1)


def clock_change(zone_name: str, since: dt.datetime, until: dt.datetime) -> ClockChange | None:
    """The clock change in ``zone_name`` between two instants, if the offset differs at them.

    A countdown across such a change counts real elapsed time; the viewer's wall clock
    jumps. When the offset goes there and back in between (a whole summer), nothing is
    reported: the wall clocks agree again.

    Examples:
        >>> utc = dt.timezone.utc
        >>> change = clock_change("Europe/London", dt.datetime(2026, 3, 1, tzinfo=utc),
        ...                       dt.datetime(2026, 4, 1, tzinfo=utc))
        >>> change.after.isoformat(), change.shift
        ('2026-03-29T02:00:00+01:00', datetime.timedelta(seconds=3600))
    """
    zone = tz.zone(zone_name)
    first = since.astimezone(zone)
    last = until.astimezone(zone)
    if first.utcoffset() == last.utcoffset() or until <= since:
        return None
    target = last.utcoffset()
    # Walk back from the end to the last moment on another offset, then bisect to the second.
    high = until.astimezone(dt.UTC)
    low = high
    floor = since.astimezone(dt.UTC)
    while low.astimezone(zone).utcoffset() == target:
        high = low
        low = max(low - _STEP, floor)
    while high - low > dt.timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).utcoffset() == target:
            high = middle
        else:
            low = middle
    high = high.replace(microsecond=0)
    return ClockChange(
        zone_name, (high - dt.timedelta(seconds=1)).astimezone(zone), high.astimezone(zone)
    )
