"""The reference for launchcal's VEVENT writer: the same events as icalendar component trees.

This is the straightforward way launchcal wrote a feed before it wrote each VEVENT straight
from icalendar's value types (``launchcal.ics._Writer``): an ``icalendar.Event`` and an
``icalendar.Alarm`` per reminder, every property set as an explicit icalendar value, the whole
tree serialized by icalendar's ``Component.to_ical``. tests/test_ics_writer.py checks that both
give the same bytes. The calendar's own properties and the VTIMEZONEs are built by launchcal's
``_head`` and ``_timezones`` for both, so only the event writer is compared.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Alarm
from icalendar import Calendar as IcsCalendar
from icalendar import Event as IcsEvent
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
)

from launchcal import ics, recurrence
from launchcal.errors import InputError
from launchcal.event import Calendar, Event
from launchcal.ics import _clean, _day_after, _moment, _text, _url


def tree_ics(
    calendar: Calendar,
    stamp: dt.datetime,
    *,
    utc: bool = False,
    publisher: tuple[str, str] | None = None,
) -> bytes:
    """The whole file as one icalendar component tree, serialized by icalendar."""
    return bytes(tree_calendar(calendar, stamp, utc=utc, publisher=publisher).to_ical(sorted=False))


def tree_calendar(
    calendar: Calendar,
    stamp: dt.datetime,
    *,
    utc: bool = False,
    publisher: tuple[str, str] | None = None,
) -> IcsCalendar:
    """The file as an icalendar ``Calendar`` holding every VTIMEZONE and VEVENT."""
    if utc and any(event.rrule is not None for event in calendar.events):
        raise InputError("a series cannot be written in UTC")
    head: IcsCalendar = ics._head(calendar, publisher)
    entries = [
        (part, None if part is event else ics.uid(event))
        for event in calendar.events
        for part in recurrence.parts(event)
    ]
    if not utc:
        head.subcomponents.extend(ics._timezones(part for part, _ in entries))
    for part, related in entries:
        head.subcomponents.append(tree_vevent(part, stamp, utc, publisher, related))
    return head


def tree_vevent(
    event: Event,
    stamp: dt.datetime,
    utc: bool,
    publisher: tuple[str, str] | None,
    related: str | None,
) -> IcsEvent:
    component = IcsEvent()
    component["UID"] = vText(ics.uid(event))
    component["DTSTAMP"] = vDDDTypes(stamp)
    if related is not None:
        component["RELATED-TO"] = vText(related)
    if event.rrule is not None:
        start = event.start
        if start.replace(fold=0).utcoffset() != start.replace(fold=1).utcoffset():
            raise InputError("a series that starts in a repeated hour")
        in_utc = _moment(event.start).tzinfo is dt.UTC
        component["DTSTART"] = vDatetime(event.start.astimezone(dt.UTC) if in_utc else event.start)
        if event.end is not None:
            component["DTEND"] = vDatetime(event.end.astimezone(dt.UTC) if in_utc else event.end)
        component["RRULE"] = vRecur.from_ical(event.rrule)
        if event.exdates:
            component["EXDATE"] = vDDDLists(
                [m.astimezone(dt.UTC) if in_utc else m for m in event.exdates]
            )
    elif event.time_known:
        component["DTSTART"] = vDatetime(_moment(event.start, utc=utc))
        if event.end is not None:
            component["DTEND"] = vDatetime(_moment(event.end, utc=utc))
    else:
        component["DTSTART"] = vDDDTypes(event.start.date())
        component["DTEND"] = vDDDTypes(_day_after(event))
    summary = _text(event.title)
    component["SUMMARY"] = summary
    link = event.link if event.link and ics._WEB.match(event.link) else None
    description = event.description
    if link is not None and link not in description:
        description = f"{description}\n\n{link}" if description else link
    if _clean(description):
        component["DESCRIPTION"] = _text(description)
    if event.location is not None and _clean(event.location.label):
        component["LOCATION"] = _text(event.location.label)
    if link is not None:
        component["URL"] = vUri(_url(link))
    if event.organizer is not None and event.organizer.email:
        name, address = event.organizer.name, event.organizer.email
    else:
        name, address = publisher or ("", "")
    if address:
        organizer = vCalAddress(_url(f"mailto:{address}"))
        if _clean(name):
            organizer.params["CN"] = _clean(name)
        component["ORGANIZER"] = organizer
    component["STATUS"] = vText(ics.status(event))
    component["SEQUENCE"] = vInt(ics.sequence(event))
    for before in event.reminders:
        alarm = Alarm()
        alarm["ACTION"] = vText("DISPLAY")
        alarm["DESCRIPTION"] = summary
        alarm["TRIGGER"] = vDuration(-before)
        component.subcomponents.append(alarm)
    return component
