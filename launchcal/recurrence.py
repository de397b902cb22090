"""Launches that are more than one instant: recurring series, rolling releases and sessions.

Each shape unfolds into plain one-instant :class:`~launchcal.event.Event` objects, so every
output that shows one launch shows any of its occurrences, markets or sessions the same way.

A series repeats the start's *wall time* in the event's zone, as RFC 5545 section 3.3.10 says
a recurrence with a TZID does: a show at 18:00 in London stays at 18:00 London time across
British summer time, and so moves by an hour for New York in the weeks the two countries change
their clocks on different dates. The rule is expanded by python-dateutil on naive wall times;
each wall time is then attached to the zone by :func:`launchcal.tz.localize`, which refuses a
time a DST change skips or repeats unless the event's ``fold`` picks one. Nothing is guessed.

A rolling release ("midnight local time in every market") goes live at the start's wall time
in each market's own zone: first where the clock is furthest ahead, last where it is furthest
behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from launchcal import tz
from launchcal.errors import InputError, WallTimeError

if TYPE_CHECKING:
    from dateutil import rrule as du_rrule

    from launchcal.event import Event

__all__ = [
    "CHECK_YEARS",
    "MAX_OCCURRENCES",
    "all_occurrences",
    "current",
    "is_finite",
    "markets",
    "normalize_rule",
    "occurrences",
    "parts",
    "sessions",
    "validate",
]

#: A finite series longer than this is refused: no launch repeats ten thousand times.
MAX_OCCURRENCES = 5000
#: An endless series is checked for DST gaps and overlaps this many years ahead.
CHECK_YEARS = 10

_RULE_PARTS = frozenset(
    [
        "FREQ",
        "UNTIL",
        "COUNT",
        "INTERVAL",
        "BYSECOND",
        "BYMINUTE",
        "BYHOUR",
        "BYDAY",
        "BYMONTHDAY",
        "BYYEARDAY",
        "BYWEEKNO",
        "BYMONTH",
        "BYSETPOS",
        "WKST",
    ]
)
_UNTIL_UTC = re.compile(r"\d{8}T\d{6}Z")
_FOLD_REMEDY = 'fold = "{}"'


def normalize_rule(text: str) -> str:
    """The RRULE value as RFC 5545 writes it: upper case, no ``RRULE:`` prefix, no spaces.

    Raises:
        InputError: a part RFC 5545 does not define, DTSTART inside the rule, no FREQ, both
            COUNT and UNTIL, or an UNTIL that is not in UTC.

    Examples:
        >>> normalize_rule("rrule:freq=weekly; byday=TU; count=12")
        'FREQ=WEEKLY;BYDAY=TU;COUNT=12'
    """
    rule = re.sub(r"\s+", "", text)
    if rule.upper().startswith("RRULE:"):
        rule = rule[len("RRULE:") :]
    if not rule:
        raise InputError("the rrule is empty; write e.g. 'FREQ=WEEKLY;BYDAY=TU;COUNT=12'")
    parts: dict[str, str] = {}
    for part in rule.split(";"):
        key, sep, value = part.partition("=")
        key = key.upper()
        if key in ("DTSTART", "RDATE", "EXDATE"):
            raise InputError(
                f"the rrule holds {key}; the series starts at 'start' and skips 'exdate', "
                "so write only the rule (FREQ=...;BYDAY=...)"
            )
        if not sep or key not in _RULE_PARTS:
            known = ", ".join(sorted(_RULE_PARTS))
            raise InputError(f"rrule part {part!r} is not an RFC 5545 rule part ({known})")
        if key in parts:
            raise InputError(f"the rrule gives {key} twice")
        parts[key] = value.upper()
    if "FREQ" not in parts:
        raise InputError("the rrule needs a FREQ, e.g. 'FREQ=WEEKLY;BYDAY=TU;COUNT=12'")
    if "COUNT" in parts and "UNTIL" in parts:
        raise InputError("the rrule gives both COUNT and UNTIL; RFC 5545 allows one of them")
    until = parts.get("UNTIL")
    if until is not None and not _UNTIL_UTC.fullmatch(until):
        raise InputError(
            f"UNTIL={until} is not in UTC; with a zoned start RFC 5545 (section 3.3.10) "
            "needs UNTIL as a UTC date-time ending in Z, e.g. UNTIL=20271231T235959Z"
        )
    return ";".join(f"{key}={value}" for key, value in parts.items())


def is_finite(event: Event) -> bool:
    """Whether the series ends (COUNT or UNTIL); a single event counts as finite."""
    if event.rrule is None:
        return True
    return any(part.startswith(("COUNT=", "UNTIL=")) for part in event.rrule.split(";"))


def _until(rule: str) -> dt.datetime | None:
    for part in rule.split(";"):
        if part.startswith("UNTIL="):
            return dt.datetime.strptime(part[6:], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    return None


def _rule(event: Event) -> du_rrule.rrule:
    """dateutil's rule on the start's naive wall time (UNTIL is applied to instants later)."""
    from dateutil import rrule as du_rrule  # a one-off event's page needs no dateutil

    assert event.rrule is not None
    text = ";".join(p for p in event.rrule.split(";") if not p.startswith("UNTIL="))
    wall = event.start.replace(tzinfo=None, fold=0)
    try:
        rule = du_rrule.rrulestr(text, dtstart=wall)
    except (ValueError, TypeError) as error:
        raise InputError(f"cannot read rrule {event.rrule!r}: {error}") from None
    assert isinstance(rule, du_rrule.rrule)
    return rule


def _instants(event: Event) -> Iterator[dt.datetime]:
    """Every occurrence's aware start, in order, before exdates are removed."""
    assert event.rrule is not None
    until = _until(event.rrule)
    for wall in _rule(event):
        try:
            start = tz.localize(wall, event.zone, event.fold)
        except WallTimeError as error:
            raise InputError(
                f"the occurrence on {wall:%Y-%m-%d}: {error.explain(_FOLD_REMEDY)}"
            ) from None
        if until is not None and start.astimezone(dt.UTC) > until:
            return
        yield start


def _occurrence(event: Event, start: dt.datetime) -> Event:
    duration = event.duration
    end = (
        None if duration is None else (start.astimezone(dt.UTC) + duration).astimezone(start.tzinfo)
    )
    stamp = start.astimezone(dt.UTC)
    return dataclasses.replace(
        event,
        id=f"{event.id}-{stamp:%Y%m%dT%H%M}Z",
        start=start,
        end=end,
        rrule=None,
        exdates=(),
    )


def occurrences(
    event: Event, *, after: dt.datetime | None = None, count: int | None = None
) -> list[Event]:
    """The series' occurrences that start at or after ``after``, at most ``count`` of them.

    A single event is its own one occurrence. With neither bound an endless series is refused:
    use :func:`all_occurrences` for the finite list.

    Examples:
        >>> from launchcal.event import Event
        >>> show = Event.at("Show", dt.datetime(2026, 3, 3, 18), "Europe/London",
        ...                 rrule="FREQ=WEEKLY;COUNT=6")
        >>> [o.utc_start.strftime("%d %b %H:%M") for o in occurrences(show, count=6)][3:]
        ['24 Mar 18:00', '31 Mar 17:00', '07 Apr 17:00']
    """
    if event.rrule is None:
        single = after is None or event.utc_start >= after
        return [event] if single and count != 0 else []
    if after is None and count is None and not is_finite(event):
        raise InputError(
            f"the series {event.title!r} never ends; give its rrule a COUNT or UNTIL "
            "for a finite list of occurrences"
        )
    skip = {moment.astimezone(dt.UTC) for moment in event.exdates}
    found: list[Event] = []
    for start in _instants(event):
        utc = start.astimezone(dt.UTC)
        if utc in skip or (after is not None and utc < after):
            continue
        found.append(_occurrence(event, start))
        if count is not None and len(found) >= count:
            break
        if len(found) > MAX_OCCURRENCES:
            raise InputError(
                f"the series {event.title!r} has more than {MAX_OCCURRENCES} occurrences; "
                "lower its COUNT or bring its UNTIL closer"
            )
    return found


def all_occurrences(event: Event) -> list[Event]:
    """Every occurrence of a finite series (an endless one is refused with a remedy)."""
    return occurrences(event)


def markets(event: Event) -> list[Event]:
    """A rolling release as one event per market, in the order the markets go live.

    Examples:
        >>> from launchcal.event import Event
        >>> from launchcal.places import Place
        >>> release = Event.at("Album", dt.datetime(2027, 1, 29), "Pacific/Kiritimati",
        ...     rolling=True, markets=(Place("Honolulu", "Pacific/Honolulu", "city"),
        ...                            Place("Tokyo", "Asia/Tokyo", "city")))
        >>> [(m.zone, m.utc_start.isoformat()) for m in markets(release)]
        [('Asia/Tokyo', '2027-01-28T15:00:00+00:00'), ('Pacific/Honolulu', \
'2027-01-29T10:00:00+00:00')]
    """
    if not event.rolling:
        return [event]
    from launchcal.event import slugify

    wall = event.start.replace(tzinfo=None, fold=0)
    duration = event.duration
    found = []
    for market in event.markets:
        try:
            start = tz.localize(wall, market.zone, event.fold)
        except WallTimeError as error:
            raise InputError(f"in market {market.name}: {error.explain(_FOLD_REMEDY)}") from None
        end = (
            None
            if duration is None
            else (start.astimezone(dt.UTC) + duration).astimezone(start.tzinfo)
        )
        found.append(
            dataclasses.replace(
                event,
                id=f"{event.id}-{slugify(market.name)}",
                start=start,
                zone=market.zone,
                end=end,
                rolling=False,
                markets=(),
                audience=(market,),
            )
        )
    return sorted(found, key=lambda e: (e.utc_start, e.audience[0].name))


def sessions(event: Event) -> list[Event]:
    """A launch's sessions as one event each, in the order they start."""
    if not event.sessions:
        return [event]
    found = [
        dataclasses.replace(
            event,
            id=f"{event.id}-{index}",
            title=f"{event.title}: {session.title}",
            start=session.start,
            zone=session.zone,
            end=session.end,
            url=session.url or event.url,
            sessions=(),
        )
        for index, session in enumerate(event.sessions, start=1)
    ]
    return sorted(found, key=lambda e: e.utc_start)


def parts(event: Event) -> list[Event]:
    """The one-instant events a launch holds: its sessions or markets, else itself."""
    if event.sessions:
        return sessions(event)
    if event.rolling:
        return markets(event)
    return [event]


def current(event: Event, now: dt.datetime, viewer_zone: str | None = None) -> list[Event]:
    """The one-instant events a countdown at ``now`` chooses among.

    A series gives its occurrence that is live or next (its last one once it is over); a
    launch with sessions gives every session; a rolling release gives the viewer's own market
    when one is in the viewer's zone, else every market (the next to go live comes first).
    """
    if event.rrule is not None:
        since = now - (event.duration or dt.timedelta(0))
        found = occurrences(event, after=since, count=1)
        if not found and is_finite(event):
            found = all_occurrences(event)[-1:]
        return found or [event]
    if event.rolling:
        found = markets(event)
        own = [market for market in found if market.zone == viewer_zone]
        return own[:1] or found
    return parts(event)


def validate(event: Event) -> None:
    """Refuse shapes that do not combine, and any occurrence or market with no single instant.

    Called by :class:`~launchcal.event.Event` itself, so a series, rolling release or set of
    sessions that exists is one every output can show.
    """
    if event.rrule is not None:
        if event.sessions:
            raise InputError(
                "a series cannot have sessions: give each session its own event with the "
                "rrule, or drop the rrule"
            )
        if event.rolling:
            raise InputError("a rolling release cannot repeat: drop the rrule or rolling")
        if not event.time_known:
            raise InputError("a series needs a start time, not just a date")
        object.__setattr__(event, "rrule", normalize_rule(event.rrule))
        _check_series(event)
    elif event.exdates:
        raise InputError("exdate skips occurrences of a series; it needs an rrule")
    if event.rolling:
        if event.sessions:
            raise InputError("a rolling release cannot have sessions: drop one of the two")
        if not event.markets:
            raise InputError(
                "a rolling release needs markets (or an audience): the places where it goes "
                "live at the start's wall time"
            )
        markets(event)
    if event.sessions and not event.time_known:
        raise InputError("sessions need start times, not just a date")


def _check_series(event: Event) -> None:
    rule = _rule(event)
    first = next(iter(rule), None)
    wall = event.start.replace(tzinfo=None, fold=0)
    if first != wall:
        hint = "" if first is None else f"; its first occurrence is {first:%Y-%m-%d %H:%M}"
        raise InputError(
            f"the start {wall:%Y-%m-%d %H:%M} is not an occurrence of rrule {event.rrule!r}"
            f"{hint}; start the series on its first occurrence"
        )
    horizon = event.utc_start + dt.timedelta(days=366 * CHECK_YEARS)
    seen: set[dt.datetime] = set()
    for index, start in enumerate(_instants(event)):
        utc = start.astimezone(dt.UTC)
        if index > MAX_OCCURRENCES:
            raise InputError(
                f"the series has more than {MAX_OCCURRENCES} occurrences; lower its COUNT or "
                "bring its UNTIL closer"
            )
        if not is_finite(event) and utc > horizon:
            break
        seen.add(utc)
    for moment in event.exdates:
        if moment.astimezone(dt.UTC) not in seen:
            raise InputError(
                f"exdate {moment.replace(tzinfo=None):%Y-%m-%d %H:%M} is not an occurrence of "
                "the series; give the wall time of an occurrence it skips"
            )
