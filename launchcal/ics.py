"""Calendar files (RFC 5545): one launch, or a whole season of them as a subscription feed.

This is the only module that imports icalendar. icalendar escapes, quotes and folds every
line; launchcal decides what goes in:

* ``DTSTART;TZID=<IANA zone>`` with a ``VTIMEZONE`` per zone, generated from the same tz
  database as every other output (:func:`launchcal.tz.database`), from the change that set the
  clocks for the events' first year: under current rules one STANDARD and one DAYLIGHT RRULE,
  the layout every client (Outlook included) reads alike, with exact onsets only for years the
  rules do not describe (see :func:`_vtimezone`); a wall time that occurs twice, and the
  ``Etc/`` offsets, are written in UTC instead (``utc=True`` writes every time so);
* no ``METHOD``: the file is a calendar object, not an iTIP message (see :func:`_build`);
* a ``UID`` that stays the same for the same event id across runs, and a ``SEQUENCE`` that grows
  when the organizer changes the time or the status (RFC 5546 section 2.1.4), so clients update
  the entry they already have instead of adding a second one;
* ``DTSTAMP`` from ``SOURCE_DATE_EPOCH`` when it is set, so two builds are byte-identical;
* an all-day entry with the exclusive ``DTEND`` for a launch whose time is not announced yet.

Every text value is built as an explicit icalendar type: icalendar 7 stores ``X-`` and several
RFC 7986 properties given as plain strings (``NAME``) as ``vUnknown``, which writes CR/LF
through unescaped (only an ``assert``, gone under ``python -O``, stops it).
"""

from __future__ import annotations

import calendar as calendar_module
import datetime as dt
import io
import re
import zoneinfo
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from icalendar import Calendar as IcsCalendar
from icalendar import Component, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar.parser import Contentline, Parameters, _escape_char, _foldline
from icalendar.parser_tools import to_unicode
from icalendar.prop import (
    vCalAddress,
    vDatetime,
    vDDDLists,
    vDDDTypes,
    vDuration,
    vInt,
    vRecur,
    vText,
    vUri,
    vUTCOffset,
)

from launchcal import recurrence, tz
from launchcal.errors import InputError
from launchcal.event import MAX_DURATION, Calendar, Event, Location, Status
from launchcal.icsstore import dtstamp as _stamp

__all__ = ["PRODID", "UID_DOMAIN", "chunks", "event_ics", "sequence", "status", "to_ics", "uid"]

# No version number in it: golden files and published feeds stay the same across releases.
PRODID = "-//launchcal//launchcal//EN"
#: The right-hand side of every UID: ``<event id>@launchcal``.
UID_DOMAIN = "launchcal"

_STATUS = {
    Status.SCHEDULED: "CONFIRMED",
    Status.RESCHEDULED: "CONFIRMED",
    # The launch will happen, but not at the time shown: the closest RFC 5545 has is TENTATIVE.
    Status.POSTPONED: "TENTATIVE",
    Status.CANCELLED: "CANCELLED",
}

_WEB = re.compile(r"https?://", re.IGNORECASE)
# What _clean and _url change, as ASCII text can hold it. A class reaching past Latin-1 costs
# 0.25-0.4 ms to compile (a page's .ics paid 1.5 ms at every start): the full patterns
# (_cleaning, _url_unsafe) are compiled for the first text that is not ASCII or not clean.
_UNCLEAN_ASCII = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_URL_UNSAFE_ASCII = re.compile("[\x00-\x20\x7f]")
# The ASCII characters _clean or TEXT escaping (backslash, semicolon, comma, line breaks)
# changes: ASCII text without one is written as it is (tab is taken the long way, though
# neither changes it).
_PLAIN = re.compile("[\\\\;,\x00-\x1f\x7f]")
# How many years back a reminder can reach from the year of the start: 2 (366 days before
# 1 January may be 31 December of the year before last).
_REMINDER_YEARS = MAX_DURATION.days // 365 + 1


def to_ics(
    calendar: Calendar,
    *,
    stamp: dt.datetime | None = None,
    utc: bool = False,
    publisher: tuple[str, str] | None = None,
) -> bytes:
    """The calendar as ``.ics`` bytes: a ``VCALENDAR`` with one ``VEVENT`` per event.

    A calendar of several events carries ``REFRESH-INTERVAL`` and ``X-PUBLISHED-TTL`` so that
    it works as a subscription feed.

    Args:
        calendar: the events and the calendar's name, description, url and refresh interval.
        stamp: the ``DTSTAMP`` of every event; by default ``SOURCE_DATE_EPOCH`` when that is
            set (reproducible builds), else the current time.
        utc: write every DTSTART and DTEND in UTC, with no VTIMEZONE: for readers whose tz
            database is older than the zone's latest rules (see :mod:`launchcal.tzdrift`).
        publisher: ``(name, email)`` makes the file an iTIP ``METHOD:PUBLISH`` message, what an
            email attachment needs for Thunderbird and Outlook to offer "add to calendar":
            every VEVENT then carries an ORGANIZER (RFC 5546 section 3.2.1), the event's own
            when it has an email, else this publisher.

    Raises:
        InputError: ``SOURCE_DATE_EPOCH`` is set but is not a whole number of seconds.

    Examples:
        >>> from launchcal.event import Event
        >>> launch = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai",
        ...                   duration=dt.timedelta(hours=2))
        >>> text = to_ics(Calendar((launch,)), stamp=dt.datetime(2022, 6, 1, tzinfo=dt.UTC))
        >>> [line for line in text.decode().splitlines() if line.startswith(("DTS", "DTEND"))][1:]
        ['DTSTAMP:20220601T000000Z', 'DTSTART;TZID=Asia/Shanghai:20220704T190000', \
'DTEND;TZID=Asia/Shanghai:20220704T210000']
    """
    out = io.BytesIO()  # written into as it is made: a 100,000-event feed is ~60 MB
    for chunk in chunks(calendar, stamp=stamp, utc=utc, publisher=publisher):
        out.write(chunk)
    return out.getvalue()


def chunks(
    calendar: Calendar,
    *,
    stamp: dt.datetime | None = None,
    utc: bool = False,
    publisher: tuple[str, str] | None = None,
) -> Iterator[bytes]:
    """The bytes of :func:`to_ics`, a piece at a time, for a writer that streams them into a
    file (:func:`launchcal.files.write_output`): a 100,000-event feed is then never held whole.

    The stamp is read at the call (``SOURCE_DATE_EPOCH`` may be wrong); any other error comes
    with a later piece, so a writer keeps what it wrote from everyone until the last one
    (:func:`launchcal.files.write_output` writes a temporary file and renames it).

    Raises:
        InputError: as :func:`to_ics`.
    """
    return _chunks(calendar, _stamp(stamp), utc=utc, publisher=publisher)


def event_ics(event: Event, *, stamp: dt.datetime | None = None) -> bytes:
    """A file holding just this event (what an "add to calendar" download serves)."""
    return to_ics(Calendar((event,)), stamp=stamp)


def uid(event: Event) -> str:
    """The event's UID: its id, the same in every run, so a new file updates the old entry.

    Examples:
        >>> from launchcal.event import Event
        >>> uid(Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai",
        ...              id="xiaomi-12s-launch"))
        'xiaomi-12s-launch@launchcal'
    """
    return f"{event.id}@{UID_DOMAIN}"


def sequence(event: Event) -> int:
    """The ``SEQUENCE``: the event's own, but at least 1 once its status has changed.

    A launch published as scheduled went out with ``SEQUENCE:0``. When it is rescheduled,
    postponed or cancelled, RFC 5546 section 2.1.4 says the number must grow, or clients such
    as Outlook keep the old copy; a file that says ``status = "rescheduled"`` without a
    ``sequence`` therefore gets 1.
    """
    if event.status is Status.SCHEDULED:
        return event.sequence
    return max(event.sequence, 1)


def status(event: Event) -> str:
    """The RFC 5545 ``STATUS`` for the event's status."""
    return _STATUS[event.status]


# --- building the components ----------------------------------------------------------------


def _chunks(
    calendar: Calendar,
    stamp: dt.datetime,
    *,
    utc: bool = False,
    publisher: tuple[str, str] | None = None,
) -> Iterator[bytes]:
    """The file in pieces: the calendar's own lines, its VTIMEZONEs, then one VEVENT a piece."""
    database = tz.database()
    # Sessions and a rolling release's markets are one VEVENT each, related to the launch by
    # its UID (RFC 5545 section 3.8.4.5): a calendar shows each at its own instant. A market is
    # not written as floating time: a floating 00:00 is read on each *reader's* clock, so a
    # Londoner following the Tokyo release would see London midnight, and Google Calendar and
    # Outlook pin floating times to the importing calendar's zone on import anyway.
    entries = [
        (part, None if part is event else uid(event))
        for event in calendar.events
        for part in recurrence.parts(event)
    ]
    if utc and any(event.rrule is not None for event in calendar.events):
        raise InputError(
            "a series cannot be written in UTC: its occurrences keep the wall time of its "
            "zone across DST changes, which only a TZID and VTIMEZONE carry; drop --utc"
        )
    *opening, closing = _lines(_head(calendar, publisher))
    writer = _Writer(stamp, utc=utc, publisher=publisher)
    # Each VEVENT's DTSTART and DTEND values first: they tell the years each zone's
    # VTIMEZONE must cover, and the VTIMEZONEs come before the VEVENTs.
    moments = [writer.moments(part) for part, _ in entries]
    for part, _ in entries:
        if part.rrule is not None and part.time_known:  # a series is never written in UTC
            for moment in (part.start, part.end):
                if moment is not None:
                    _note_years(writer.years, part, _moment(moment))
    yield from opening
    if not utc:
        for zone, (first, last) in sorted(writer.years.items()):
            yield _vtimezone_bytes(database, zone, first, last)
    for (part, related), (start, end) in zip(entries, moments, strict=True):
        yield writer.vevent(part, related, start, end)
    yield closing


def _head(calendar: Calendar, publisher: tuple[str, str] | None) -> IcsCalendar:
    """The VCALENDAR's own properties (its components are written after them)."""
    head = IcsCalendar()
    head["VERSION"] = vText("2.0")
    head["PRODID"] = vText(PRODID)
    head["CALSCALE"] = vText("GREGORIAN")
    if publisher is not None:
        head["METHOD"] = vText("PUBLISH")  # an iTIP message (email): see to_ics
    # No METHOD: the file is a plain calendar object, not an iTIP message. METHOD:PUBLISH
    # would oblige every VEVENT to carry an ORGANIZER (RFC 5546 section 3.2.1; libical flags
    # the file otherwise), and launchcal knows one only when it has an email; a CalDAV server
    # must refuse METHOD in what it stores (RFC 4791 section 4.1), and a static host serves
    # the file as text/calendar without the method parameter RFC 5545 section 3.7.2 pairs it
    # with. Importing and subscribing need no METHOD in any client.
    head["NAME"] = head["X-WR-CALNAME"] = _text(calendar.name)
    if _clean(calendar.description):
        head["DESCRIPTION"] = head["X-WR-CALDESC"] = _text(calendar.description)
    if calendar.url:
        head["URL"] = vUri(_url(calendar.url))
    if len(calendar.events) > 1:
        refresh = vDuration(calendar.refresh)
        refresh.params["VALUE"] = "DURATION"  # RFC 7986 section 5.7 requires the parameter
        head["REFRESH-INTERVAL"] = refresh
        # The older spelling (Outlook, Apple); an X- property, so it is given as explicit TEXT.
        head["X-PUBLISHED-TTL"] = vText(refresh.to_ical().decode("ascii"))  # type: ignore[no-untyped-call]
    return head


class _Writer:
    """Writes each VEVENT straight from icalendar's value types, with no component tree.

    icalendar still escapes every TEXT value, formats every date, duration and recurrence
    rule, quotes every parameter and folds every line that is long enough to need it. What a
    feed of 100,000 events no longer pays for is what ``Component.to_ical`` adds around that:
    a component and a ``Parameters`` object per property, a ``Contentline`` per line, and
    icalendar's fold loop over every character of the 9 lines in 10 that are too short to
    fold. Lines many events share (DTSTAMP, STATUS, a reminder's TRIGGER, a venue, an
    organizer) are made once. tests/test_ics_writer.py checks the bytes against icalendar's
    own serialization of the component tree, for every property launchcal writes.
    """

    def __init__(self, stamp: dt.datetime, *, utc: bool, publisher: tuple[str, str] | None) -> None:
        self.utc = utc
        self.publisher = publisher
        self.limit = _fold_limit()
        self.stamp = self.property("DTSTAMP", vDDDTypes(stamp))
        self.status = {key: self.property("STATUS", vText(value)) for key, value in _STATUS.items()}
        self.action = self.property("ACTION", vText("DISPLAY"))
        self.begin, self.end = (_begin_end("VEVENT")[n].decode() for n in (0, 1))
        self.alarm_begin, self.alarm_end = (_begin_end("VALARM")[n].decode() for n in (0, 1))
        self.clock = _Clock(stamp)  # formats every DATE-TIME: its ``dt`` is set to each
        self.tzids: dict[dt.tzinfo, str] = {}
        self.repeated: dict[tuple[str, str, str], str] = {}
        self.integers: dict[int, str] = {}
        self.triggers: dict[dt.timedelta, str] = {}
        self.years: dict[str, tuple[int, int]] = {}  # the VTIMEZONEs to write: see _zone_years
        # Each venue's LOCATION line (or None), by the Location the events share (kept, so
        # that its id is not reused).
        self.locations: dict[int, tuple[Location, str | None]] = {}

    def moments(self, event: Event) -> tuple[dt.datetime | None, dt.datetime | None]:
        """DTSTART and DTEND as written (None for a series, or a date with no time), and
        the years they need noted for the VTIMEZONEs."""
        if event.rrule is not None or not event.time_known:
            return None, None
        start = _moment(event.start, utc=self.utc)
        end = None if event.end is None else _moment(event.end, utc=self.utc)
        # Most events fall in years their zone already covers: nothing to widen. A reminder
        # (at most MAX_DURATION before) may reach back into an earlier year.
        found = self.years.get(event.zone)
        margin = _REMINDER_YEARS if event.reminders else 0
        if (
            found is None
            or not found[0] + margin <= start.year <= found[1]
            or (end is not None and not found[0] + margin <= end.year <= found[1])
        ):
            _note_years(self.years, event, start)
            if end is not None:
                _note_years(self.years, event, end)
        return start, end

    def vevent(
        self,
        event: Event,
        related: str | None,
        start: dt.datetime | None,
        end: dt.datetime | None,
    ) -> bytes:
        """The VEVENT's lines, given the DTSTART and DTEND that :meth:`moments` chose."""
        lines = [self.begin, self.text("UID", uid(event)), self.stamp]
        if related is not None:
            lines.append(self.text("RELATED-TO", related))
        if event.rrule is not None:
            lines += self.series(event)
        elif start is not None:
            lines.append(self.moment("DTSTART", start))
            if end is not None:
                lines.append(self.moment("DTEND", end))
        else:
            # Time to be announced: an all-day entry. DTEND is exclusive (RFC 5545 section 3.6.1).
            lines.append(self.property("DTSTART", vDDDTypes(event.start.date())))
            lines.append(self.property("DTEND", vDDDTypes(_day_after(event))))
        summary = _escaped(event.title)
        lines.append(self.fold(f"SUMMARY:{summary}"))
        # The model only takes http(s) URLs; the file never carries anything else.
        link = event.link
        if not link or _WEB.match(link) is None:
            link = None
        description = event.description
        if link is not None and link not in description:
            # Google Calendar and Outlook drop URL on import: the description carries it too.
            description = f"{description}\n\n{link}" if description else link
        value = _escaped(description)
        if value:  # empty exactly when _clean leaves nothing
            lines.append(self.fold(f"DESCRIPTION:{value}"))
        if event.location is not None:
            located = self.locations.get(id(event.location))
            if located is None or located[0] is not event.location:
                label = event.location.label
                line = self.shared("LOCATION", label) if _clean(label) else None
                located = self.locations[id(event.location)] = (event.location, line)
            if located[1] is not None:
                lines.append(located[1])
        if link is not None:
            # vUri's own check (no CR or LF) cannot fail on _url's text, which escapes both.
            lines.append(self.fold(f"URL:{str.__new__(vUri, _url(link)).to_ical().decode()}"))
        if event.organizer is not None and event.organizer.email:
            name, address = event.organizer.name, event.organizer.email
        else:
            name, address = self.publisher or ("", "")
        if address:
            lines.append(self.organizer(name, address))
        lines.append(self.status[event.status])
        lines.append(self.integer("SEQUENCE", sequence(event)))
        if event.reminders:
            alarm_text = self.fold(f"DESCRIPTION:{summary}")
            for before in event.reminders:
                lines += (self.alarm_begin, self.action, alarm_text, self.trigger(before))
                lines.append(self.alarm_end)
        lines.append(self.end)
        lines.append("")
        return "\r\n".join(lines).encode("utf-8")

    def series(self, event: Event) -> list[str]:
        """DTSTART and DTEND on the zone's clock, the RRULE, and EXDATEs in the same TZID.

        The rule expands in the TZID's wall time (RFC 5545 section 3.3.10), so every reader
        keeps 18:00 London at 18:00 London across British summer time. A start in a repeated
        hour is refused: written in UTC the rule would expand in UTC and drift by an hour at
        every change.
        """
        start = event.start
        if tz.reads_twice(start):
            raise InputError(
                f"the series starts at {start:%Y-%m-%d %H:%M}, an hour {event.zone} repeats; "
                "calendars read a repeated wall time differently, so start it on another day"
            )
        in_utc = _moment(start).tzinfo is dt.UTC
        lines = [self.property("DTSTART", vDatetime(start.astimezone(dt.UTC) if in_utc else start))]
        if event.end is not None:
            end = event.end.astimezone(dt.UTC) if in_utc else event.end
            lines.append(self.property("DTEND", vDatetime(end)))
        assert event.rrule is not None
        lines.append(self.property("RRULE", vRecur.from_ical(event.rrule)))
        if event.exdates:
            moments = [m.astimezone(dt.UTC) if in_utc else m for m in event.exdates]
            lines.append(self.property("EXDATE", vDDDLists(moments)))
        return lines

    def property(self, name: str, value: Any) -> str:
        """``name`` and ``value`` as the content line ``Contentline.from_parts`` makes."""
        text = value.to_ical()
        text = _unicode(text)
        params = value.params.to_ical(sorted=False) if value.params else ""
        params = _unicode(params)
        return self.fold(f"{name};{params}:{text}" if params else f"{name}:{text}")

    def text(self, name: str, value: str) -> str:
        return self.fold(f"{name}:{_escaped(value)}")

    def shared(self, name: str, value: str) -> str:
        """A TEXT line that many events repeat (a venue), escaped and folded once."""
        key = (name, value, "")
        found = self.repeated.get(key)
        if found is None:
            found = self.repeated[key] = self.text(name, value)
        return found

    def organizer(self, name: str, address: str) -> str:
        key = ("ORGANIZER", name, address)
        found = self.repeated.get(key)
        if found is None:
            organizer = vCalAddress(_url(f"mailto:{address}"))
            if _clean(name):
                organizer.params["CN"] = _clean(name)
            found = self.repeated[key] = self.property("ORGANIZER", organizer)
        return found

    def integer(self, name: str, value: int) -> str:
        found = self.integers.get(value)
        if found is None:
            found = self.integers[value] = self.property(name, vInt(value))
        return found

    def trigger(self, before: dt.timedelta) -> str:
        found = self.triggers.get(before)
        if found is None:
            found = self.triggers[before] = self.property("TRIGGER", vDuration(-before))
        return found

    def moment(self, name: str, moment: dt.datetime) -> str:
        """A DATE-TIME line: the TZID parameter worked out once per zone, the value formatted
        by icalendar's ``vDatetime``."""
        tzinfo = moment.tzinfo
        assert tzinfo is not None
        params = self.tzids.get(tzinfo)
        if params is None:
            found = vDatetime(moment).params
            text = found.to_ical(sorted=False) if found else ""
            params = _unicode(text)
            # A ZoneInfo's TZID is its key, the same for every instant; another tzinfo's may
            # be its abbreviation, which changes with the season.
            if tzinfo is dt.UTC or isinstance(tzinfo, zoneinfo.ZoneInfo):
                self.tzids[tzinfo] = params
        # icalendar writes the Z of UTC where it gives no TZID, and looks the zone up again
        # for every value: given a TZID, the wall time alone has the same digits and no Z.
        if params or tzinfo is dt.UTC:
            clock = self.clock
            clock.dt, clock.utc = moment, not params
            value = clock.to_ical().decode("ascii")  # type: ignore[no-untyped-call]
        else:  # no TZID, not UTC: icalendar decides what the value says
            value = vDatetime(moment).to_ical().decode("ascii")  # type: ignore[no-untyped-call]
        return self.fold(f"{name};{params}:{value}" if params else f"{name}:{value}")

    def fold(self, line: str) -> str:
        """The line folded as icalendar folds it; a line shorter than icalendar's limit is
        left as it is without walking over its characters."""
        if len(line) < self.limit and (line.isascii() or len(line.encode("utf-8")) < self.limit):
            return line
        # What Contentline(line).to_ical() runs, without the copy of the line it makes and
        # the UTF-8 bytes it returns (the VEVENT is encoded as a whole).
        return _foldline(line)


@cache
def _fold_limit() -> int:
    """The length in bytes from which icalendar folds a line (75 today: RFC 5545 section 3.1
    asks for at most 75 octets a line), found by asking icalendar rather than assumed."""

    def folds(length: int) -> bool:
        return b"\r\n" in Contentline("X" * length).to_ical()  # type: ignore[no-untyped-call]

    length = 60  # the longest line known to stay whole; a few steps from the limit
    while length > 1 and folds(length):
        length -= 1
    while length < 1000 and not folds(length + 1):
        length += 1
    return length + 1


def _begin_end(name: str) -> tuple[bytes, bytes]:
    begin_end = _BEGIN_END.get(name)
    if begin_end is None:
        begin_end = _BEGIN_END[name] = (
            Contentline.from_parts("BEGIN", Parameters(), vText(name)).to_ical(),
            Contentline.from_parts("END", Parameters(), vText(name)).to_ical(),
        )
    return begin_end


def _moment(moment: dt.datetime, *, utc: bool = False) -> dt.datetime:
    """The value for DTSTART/DTEND: wall time with its TZID, unless that could be misread.

    A wall time that occurs twice (the night the clocks go back) is written in UTC. RFC 5545
    section 3.3.5 says such a time means the first of the two, but vobject (and so Radicale)
    takes the second. UTC itself needs no VTIMEZONE either, nor do the ``Etc/`` offsets.
    """
    if utc or moment.tzinfo is None or _always_utc(moment.tzinfo):
        return moment.astimezone(dt.UTC)
    # The other reading of the same wall time: another offset means it occurs twice.
    if tz.reads_twice(moment):
        return moment.astimezone(dt.UTC)
    return moment


@cache
def _always_utc(tzinfo: dt.tzinfo) -> bool:
    """UTC itself, and the ``Etc/`` offsets: a bare offset with no place (Etc/GMT+3 is
    UTC-03:00), whose names Google Calendar refuses and people read the wrong way round."""
    name = str(tzinfo)
    return name in ("UTC", "Etc/UTC") or name.startswith("Etc/")


def _day_after(event: Event) -> dt.date:
    """The exclusive end date of an all-day event: the first day it no longer covers."""
    if event.end is None:
        return event.start.date() + dt.timedelta(days=1)
    end_day = event.end.date()
    # An end at the very first instant of a day (midnight, or later where midnight does not
    # exist) does not cover that day; any later instant does.
    just_before = (event.end.astimezone(dt.UTC) - dt.timedelta(microseconds=1)).astimezone(
        event.end.tzinfo
    )
    return end_day if just_before.date() < end_day else end_day + dt.timedelta(days=1)


def _timezones(events: Iterable[Event]) -> Iterator[Timezone]:
    """One VTIMEZONE per zone in use, from the first year its events need."""
    for zone, first, last in _zone_years(events):
        yield _vtimezone(zone, first, last)


@lru_cache(maxsize=4096)
def _vtimezone_bytes(database: tz.TzDatabase, zone: str, first: int, last: int) -> bytes:
    """A VTIMEZONE's lines, made once per zone, span of years and tz database.

    Working a zone's rules out takes milliseconds (its changes, week by week, over the years
    its events need and 30 more): a feed in 75 zones spent a third of a second on it. So the
    lines are kept in this process (a site's folder holds an .ics per event) and in the
    user's cache folder (:func:`launchcal.cache.folder`), where the next run finds them.
    """
    path = _cache_path(database, zone, first, last)
    if path is not None:
        try:
            found = path.read_bytes()
        except OSError:
            pass
        else:
            if found.startswith(b"BEGIN:VTIMEZONE\r\n") and found.endswith(b"END:VTIMEZONE\r\n"):
                return found
    made = b"".join(_lines(_vtimezone(zone, first, last)))
    if path is not None:
        from launchcal import cache as cache_folder

        cache_folder.store(path, made)
    return made


def _cache_path(database: tz.TzDatabase, zone: str, first: int, last: int) -> Path | None:
    from launchcal import cache

    folder = cache.folder()
    if folder is None:
        return None
    name = zone.replace("%", "%25").replace("/", "%2F")
    return folder / "vtimezone" / _fingerprint(database) / f"{name}-{first}-{last}.ics"


@cache
def _fingerprint(database: tz.TzDatabase) -> str:
    """What a stored VTIMEZONE was made from: the tz database, and the code that reads it
    and writes the lines (this module, :mod:`launchcal.tz`, icalendar, Python's zoneinfo).
    A change to any of them starts a new folder rather than trusting old lines."""
    import sys
    import zlib  # icalendar has loaded it already; hashlib would cost ~10 ms of start-up

    import icalendar

    code = b"".join(Path(module).read_bytes() for module in (__file__, tz.__file__))
    made_by = f"{database.version}|{database.path}|{sys.version_info[:2]}|{icalendar.__version__}"
    data = code + made_by.encode("utf-8", "surrogatepass")  # a path may hold lone surrogates
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _zone_years(events: Iterable[Event]) -> Iterator[tuple[str, int, int]]:
    """Each zone the events' times are written in, with the first and last year it needs."""
    years: dict[str, tuple[int, int]] = {}
    for event in events:
        if not event.time_known:
            continue  # all-day dates are floating: no zone
        for moment in (event.start, event.end):
            if moment is not None:
                _note_years(years, event, _moment(moment))
    for zone, (first, last) in sorted(years.items()):
        yield zone, first, last


def _note_years(years: dict[str, tuple[int, int]], event: Event, value: dt.datetime) -> None:
    """Widen the years the event's zone needs to cover ``value`` (as DTSTART/DTEND writes
    it) and its reminders; a time written in UTC needs no zone."""
    if value.tzinfo is dt.UTC:
        return
    earliest = (value - max(event.reminders, default=_ZERO)).year
    latest = _last_year(event, value.year)
    found = years.get(event.zone)
    years[event.zone] = (
        (earliest, latest) if found is None else (min(found[0], earliest), max(found[1], latest))
    )


def _last_year(event: Event, year: int) -> int:
    """The last year a VTIMEZONE must cover: a series' last occurrence (or ten years on)."""
    if event.rrule is None:
        return year
    if not recurrence.is_finite(event):
        return year + recurrence.CHECK_YEARS
    occurrences = recurrence.all_occurrences(event)
    last = occurrences[-1] if occurrences else event
    return max(year, (last.end or last.start).year)


def _vtimezone(zone: str, first: int, last: int) -> Timezone:
    """The zone's observances from the change in force when ``first`` begins: its yearly
    rules where they hold, exact dates where they do not.

    Events under a zone's current rules get what every reader takes the same way, Outlook's
    model included ([MS-STANOICAL] keeps one yearly pair): one STANDARD and one DAYLIGHT, each
    an RRULE whose DTSTART is the onset that set the clocks for the events' first year, so no
    event falls before the first onset (parsers guess badly there). Open-ended rules also
    serve consumers that keep the first VTIMEZONE they see for a TZID for as long as they run
    (vobject, and so Radicale). Years the rules do not describe (China's summer time in
    1986-91, Samoa skipping 2011-12-30) are listed as exact onsets first.

    Every onset is the wall time before the change (RFC 5545 section 3.6.5), and summer time
    is DAYLIGHT even where tzdata says "negative DST" (Ireland).
    """
    tzinfo = tz.zone(zone)
    # The change that set the clocks the events' first year begins with: every observance is
    # a real change (parsers guess badly around one whose TZOFFSETFROM is made up).
    setting = _last_change_before(tzinfo, first)
    since = (setting[0][0] + setting[0][1]).year if setting else first
    # The rules may start a little later (Cuba stays on summer time through 2026-27): the
    # years in between are listed as exact dates.
    for rules_from in range(since, last + 6):
        rules = _yearly_rules(zone, rules_from, last + 1)
        if rules is not None:
            break
    else:
        # No yearly pattern (Egypt's end of October, Palestine's Ramadan breaks): exact
        # dates far enough ahead instead.
        rules_from, rules = last + 1 + _RULE_YEARS, ()
    changes = [*setting] if rules_from > since else []
    for year in range(first, rules_from):
        changes.extend(_changes(tzinfo, year))
    onsets: dict[tuple[dt.timedelta, dt.timedelta, str, bool], list[dt.datetime]] = {}
    # No change found before the first year (a zone that never changed, or London before
    # 1916: its last change was in 1847): one observance from January, or the events of
    # 1900-1915 would fall before the VTIMEZONE's first onset and parsers would guess.
    if not setting:
        local = dt.datetime(first, 1, 1, tzinfo=dt.UTC).astimezone(tzinfo)
        offset = local.utcoffset() or dt.timedelta(0)
        onsets[offset, offset, _abbreviation(local), False] = [dt.datetime(first, 1, 1)]
    for when, before, after in changes:
        key = (before, after, _abbreviation(when.astimezone(tzinfo)), _daylight(tzinfo, when))
        onsets.setdefault(key, []).append((when + before).replace(tzinfo=None))
    if not rules and onsets and all(daylight for *_, daylight in onsets):
        # Only a change to summer time, which then stayed for good (Istanbul since 2016): a
        # VTIMEZONE with no STANDARD is misread (KCalendarCore takes it as UTC), so the last
        # observance is what tzdata calls the time from then on, standard time.
        (before, after, _, _), starts = onsets.popitem()
        later = dt.datetime(rules_from, 1, 1, tzinfo=dt.UTC)
        daylight = _daylight(tzinfo, later)
        onsets[before, after, _abbreviation(later.astimezone(tzinfo)), daylight] = starts
    component = Timezone()
    component["TZID"] = vText(zone)
    for (before, after, name, daylight), starts in onsets.items():
        observance = _observance(before, after, name, daylight, starts[0])
        # Every onset is an RDATE, DTSTART included: ical.js (Thunderbird) counts DTSTART as
        # an onset only in an observance with neither RDATE nor RRULE, the ical package only
        # in one with an RRULE; either would read an event before the next onset as UTC. One
        # RDATE per date: vobject (Radicale) keeps only the first of a list.
        observance["RDATE"] = [vDDDLists([start]) for start in starts]
        component.subcomponents.append(observance)
    for rule in rules:
        observance = _observance(rule.before, rule.after, rule.name, rule.daylight, rule.onset)
        observance["RRULE"] = vRecur(rule.recur)
        component.subcomponents.append(observance)
    return component


def _last_change_before(
    tzinfo: dt.tzinfo, year: int
) -> tuple[tuple[dt.datetime, dt.timedelta, dt.timedelta], ...]:
    """The last offset change before ``year`` began (searching back to 1900), if any.

    Without one, :func:`_vtimezone` starts with an observance from January of ``year``.
    """
    for earlier in range(year - 1, 1899, -1):
        changes = _changes(tzinfo, earlier)
        if changes:
            return changes[-1:]
    return ()


def _observance(
    before: dt.timedelta, after: dt.timedelta, name: str, daylight: bool, onset: dt.datetime
) -> TimezoneStandard | TimezoneDaylight:
    observance: TimezoneStandard | TimezoneDaylight = (
        TimezoneDaylight() if daylight else TimezoneStandard()
    )
    observance["TZOFFSETFROM"] = vUTCOffset(before)
    observance["TZOFFSETTO"] = vUTCOffset(after)
    observance["TZNAME"] = vText(name)
    observance["DTSTART"] = vDDDTypes(onset)
    return observance


def _daylight(tzinfo: dt.tzinfo, when: dt.datetime) -> bool:
    """Whether the clocks set at ``when`` show summer time.

    tzdata marks Irish winter time as "negative DST" (and summer time as standard); calendar
    clients only know summer time as DAYLIGHT, so a change out of negative DST counts too.
    """
    after = when.astimezone(tzinfo).dst() or dt.timedelta(0)
    before = (when - dt.timedelta(seconds=1)).astimezone(tzinfo).dst() or dt.timedelta(0)
    return after > dt.timedelta(0) or before < dt.timedelta(0)


def _abbreviation(local: dt.datetime) -> str:
    return local.tzname() or tz.format_offset(local.utcoffset())


# How far ahead a zone's yearly rules are checked against the tz database before they are
# written as open-ended RRULEs.
_RULE_YEARS = 30
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class _Rule(NamedTuple):  # NamedTuple, not dataclass: every .ics defines it (0.8 ms)
    """A yearly change of offset: the first one on or after the window, and its RRULE."""

    onset: dt.datetime  # wall time before the change, as DTSTART wants it
    before: dt.timedelta
    after: dt.timedelta
    name: str
    daylight: bool
    recur: dict[str, Any]


@cache
def _yearly_rules(zone: str, year: int, through: int) -> tuple[_Rule, ...] | None:
    """The zone's offset changes in ``year`` as yearly rules that hold for 30 years, and at
    least through the year ``through``.

    Empty when the offset does not change at all in those years; None when the changes follow
    no rule an RRULE can say.
    """
    tzinfo = tz.zone(zone)
    changes = _changes(tzinfo, year)
    rules = []
    for when, before, after in changes:
        onset = (when + before).replace(tzinfo=None)
        recur = next(
            (
                recur
                for recur in _candidates(onset)
                if all(
                    _happens(tzinfo, _on(recur, later, onset.time()), before, after)
                    for later in range(year, max(year + _RULE_YEARS, through + 1))
                )
            ),
            None,
        )
        if recur is None:
            return None
        name = _abbreviation(when.astimezone(tzinfo))
        rules.append(_Rule(onset, before, after, name, _daylight(tzinfo, when), recur))
    # No other changes in between: every later year changes exactly as often.
    for later in range(year + 1, max(year + _RULE_YEARS, through + 1)):
        if len(_changes(tzinfo, later)) != len(rules):
            return None
    return tuple(rules)


def _candidates(onset: dt.datetime) -> Iterator[dict[str, Any]]:
    """RRULEs that put a change on ``onset``'s date: "2nd Sunday", "last Sunday", or a weekday
    in a 7-day span of the month (Israel's "Friday before the last Sunday")."""
    day, weekday = onset.day, _WEEKDAYS[onset.weekday()]
    days_in_month = calendar_module.monthrange(onset.year, onset.month)[1]
    from_end = day - days_in_month - 1  # -1 is the last day of the month
    yearly = {"FREQ": "YEARLY", "BYMONTH": onset.month}
    if day <= 28:
        yield {**yearly, "BYDAY": f"{(day - 1) // 7 + 1}{weekday}"}
    if from_end >= -7:
        yield {**yearly, "BYDAY": f"-1{weekday}"}
    # Days counted from the start of the month wherever its length never changes: ical.js
    # (Thunderbird) finds no date at all for BYDAY with a negative BYMONTHDAY.
    shortest = 28 if onset.month == 2 else days_in_month
    for first in range(max(1, day - 6), min(day, shortest - 6) + 1):
        yield {**yearly, "BYDAY": weekday, "BYMONTHDAY": list(range(first, first + 7))}
    for first in range(max(-13, from_end - 6), min(from_end, -7) + 1):
        yield {**yearly, "BYDAY": weekday, "BYMONTHDAY": list(range(first, first + 7))}


def _on(recur: dict[str, Any], year: int, clock: dt.time) -> dt.datetime:
    """The wall time at which ``recur`` falls in ``year``."""
    month = recur["BYMONTH"]
    days_in_month = calendar_module.monthrange(year, month)[1]
    byday: str = recur["BYDAY"]
    weekday = _WEEKDAYS.index(byday[-2:])
    if "BYMONTHDAY" in recur:
        days = [d if d > 0 else days_in_month + 1 + d for d in recur["BYMONTHDAY"]]
    elif byday.startswith("-1"):
        days = list(range(days_in_month - 6, days_in_month + 1))
    else:
        nth = int(byday[:-2])
        days = list(range(7 * nth - 6, 7 * nth + 1))
    day = next(d for d in days if dt.date(year, month, d).weekday() == weekday)
    return dt.datetime.combine(dt.date(year, month, day), clock)


def _happens(
    tzinfo: dt.tzinfo, onset: dt.datetime, before: dt.timedelta, after: dt.timedelta
) -> bool:
    """Whether the offset changes from ``before`` to ``after`` at wall time ``onset``."""
    when = (onset - before).replace(tzinfo=dt.UTC)
    second = dt.timedelta(seconds=1)
    return (when - second).astimezone(tzinfo).utcoffset() == before and (
        when.astimezone(tzinfo).utcoffset() == after
    )


@cache
def _changes(
    tzinfo: dt.tzinfo, year: int
) -> tuple[tuple[dt.datetime, dt.timedelta, dt.timedelta], ...]:
    """The offset changes whose wall-clock onset falls in ``year``: (UTC instant, before,
    after), found week by week (no zone changes twice within a week) and then to the second."""

    def offset(second: int) -> dt.timedelta:
        return dt.datetime.fromtimestamp(second, tzinfo).utcoffset() or _ZERO

    weeks = _weeks(year)
    # The zone's offset at each week of the year, then a search to the second only inside
    # the weeks where it changes (in whole seconds since 1970: one C call a step).
    local = dt.datetime.fromtimestamp
    offsets = [local(second, tzinfo).utcoffset() or _ZERO for second in weeks]
    found = []
    for index in range(len(weeks) - 1):
        current = offsets[index]
        if offsets[index + 1] == current:
            continue
        low, high = weeks[index], weeks[index + 1]  # offset(low) == current != offset(high)
        while high - low > 1:
            middle = (low + high) // 2
            if offset(middle) == current:
                low = middle
            else:
                high = middle
        instant = _EPOCH + dt.timedelta(seconds=high)
        if (instant + current).year == year:
            found.append((instant, current, offsets[index + 1]))
    return tuple(found)


_ZERO = dt.timedelta(0)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@cache
def _weeks(year: int) -> tuple[int, ...]:
    """Seconds since 1970, a week apart, from 25 December before ``year`` to past 8 January
    after it."""
    first = dt.datetime(year - 1, 12, 25, tzinfo=dt.UTC)
    end = dt.datetime(year + 1, 1, 8, tzinfo=dt.UTC)
    count = -(-(end - first) // dt.timedelta(days=7))
    start = (first - _EPOCH) // dt.timedelta(seconds=1)
    return tuple(start + 7 * 86400 * n for n in range(count + 1))


# --- text -----------------------------------------------------------------------------------


class _Clock(vDatetime):
    """The writer's ``vDatetime``, given one value after another: a wall time whose TZID is
    on the line already, or a UTC time. ``utc`` says which (the writer knows), so that
    ``vDatetime.is_utc`` need not ask the parameters and the value's zone each time (about 5%
    of a feed's writing), nor the wall time be copied without its zone first."""

    utc = False

    def is_utc(self) -> bool:
        return self.utc


class _Text(vText):
    """A TEXT value that keeps a literal backslash before "N".

    icalendar 7 (``_escape_char``) first turns the two characters ``\\N`` into a line break,
    so "C:\\New" would come back as "C:" and a new line. The pair travels as NUL (which
    :func:`_clean` has removed from the text) and becomes the escaped ``\\\\N`` after
    icalendar's escaping.
    """

    __slots__ = ()

    def to_ical(self) -> bytes:
        return super().to_ical().replace(b"\0", b"\\\\N")


def _text(value: str) -> _Text:
    return _Text(_clean(value).replace("\\N", "\0"))


def _escaped(value: str) -> str:
    """``value`` as a TEXT property's value, escaped by icalendar (``vText.to_ical``).

    The same as ``_text(value).to_ical()``, less the ``Parameters`` object ``vText`` makes
    for each value (a third of the time, and a VEVENT writes three or four texts): the value
    goes straight into a line, where no parameter is ever read. icalendar's escaping
    function, which ``vText.to_ical`` runs, is given the text itself: no ``_Text`` is made,
    and the escaped text is not encoded and decoded again.
    """
    if value.isascii() and _PLAIN.search(value) is None:
        return value  # nothing for _clean or icalendar's escaping to change
    cleaned = _clean(value).replace("\\N", "\0")
    escaped = _escape_char(cleaned).replace("\0", "\\\\N")
    if escaped.startswith("\ufeff"):  # _unicode drops it as Contentline would: the long way
        text = str.__new__(_Text, cleaned)
        text.encoding = "utf-8"  # type: ignore[attr-defined]
        return _unicode(text.to_ical())
    return escaped


class _Cleaning(NamedTuple):
    """The patterns of :func:`_clean`, compiled on first need (see :data:`_UNCLEAN_ASCII`)."""

    #: Any character the three below change (tab and "\n" stay as they are).
    unclean: re.Pattern[str]
    #: Characters some parsers take as a line end (Python's str.splitlines() does): CR/LF are
    #: the obvious ones, but VT, FF, FS/GS/RS, NEL and the Unicode line/paragraph separators
    #: would let text start a new content line in such a parser. They become "\n", which is
    #: escaped as "\n".
    line_break: re.Pattern[str]
    #: Other control characters are not allowed in TEXT (RFC 5545 section 3.3.11).
    control: re.Pattern[str]
    #: Lone surrogates (from undecodable command-line bytes) cannot be written as UTF-8.
    surrogate: re.Pattern[str]


@cache
def _cleaning() -> _Cleaning:
    return _Cleaning(
        unclean=re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"),
        line_break=re.compile("\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]"),
        control=re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]"),
        surrogate=re.compile("[\ud800-\udfff]"),
    )


def _unicode(value: bytes | str) -> str:
    """A serialized value as ``Contentline.from_parts`` reads it back, with icalendar's
    ``to_unicode``, which drops a byte-order mark at the start (its utf-8-sig codec is
    Python code: a plain UTF-8 decode answers for every value that starts otherwise)."""
    if isinstance(value, str):
        return value
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        text = "\ufeff"  # icalendar decodes it its own way
    return str(to_unicode(value)) if text.startswith("\ufeff") else text


def _clean(value: str) -> str:
    """Text as calendar clients can store it: one kind of line break, no control characters."""
    # Printable ASCII with line feeds, the common case, told without a regular expression
    # (which reads a feed's descriptions a character at a time).
    if value.isascii() and (
        value.replace("\n", " ").isprintable() or _UNCLEAN_ASCII.search(value) is None
    ):
        return value
    cleaning = _cleaning()
    if cleaning.unclean.search(value) is None:
        return value
    value = cleaning.line_break.sub("\n", value)
    value = cleaning.control.sub("", value)
    return cleaning.surrogate.sub("\ufffd", value)


@cache
def _url_unsafe() -> re.Pattern[str]:
    """Characters a URI value keeps out, as :func:`_clean` does (a URI is written as it is)."""
    return re.compile("[\x00-\x20\x7f-\x9f\u2028\u2029]")


def _url(value: str) -> str:
    unsafe = _URL_UNSAFE_ASCII if value.isascii() else _url_unsafe()
    if unsafe.search(value) is None:
        return value
    return unsafe.sub(lambda match: "".join(f"%{b:02X}" for b in match[0].encode()), value)


# --- serialization --------------------------------------------------------------------------

_BEGIN_END: dict[str, tuple[bytes, bytes]] = {}


def _lines(component: Component) -> Iterator[bytes]:
    """Serialize ``component`` line by line with icalendar's own content-line code.

    The output is byte for byte what ``component.to_ical(sorted=False)`` gives (a test checks),
    in about half the time for a large feed: ``Component.to_ical`` builds a throw-away
    ``Parameters()`` for every line and re-creates the BEGIN/END lines of every component.
    Escaping, parameter quoting and folding stay icalendar's (``Contentline``).
    """
    begin, end = _begin_end(str(component.name))
    yield begin + b"\r\n"
    for key, values in component.items():
        for value in values if isinstance(values, list) else (values,):
            line = Contentline.from_parts(key, value.params, value, sorted=False)
            yield line.to_ical() + b"\r\n"
    for sub in component.subcomponents:
        yield from _lines(sub)
    yield end + b"\r\n"
