"""The schema.org ``Event`` an event page carries, shaped for Google's Event rich results.

Google requires ``name``, ``startDate`` and ``location`` and recommends ``image``, ``endDate``,
``eventStatus``, ``description`` and ``organizer``. A location is therefore always written when
launchcal knows anything of one: a ``VirtualLocation`` with the stream's (or the event's, or
the page's) URL for an online event, a ``Place`` with a ``PostalAddress`` for a venue (a venue
given only by name carries that name as its address text, since a Place without an address is
rejected).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from launchcal.event import Event, Status, check_web_url

__all__ = ["SERIES_SHOWN", "event_json_ld"]

_SCHEMA_STATUS = {
    Status.SCHEDULED: "https://schema.org/EventScheduled",
    Status.POSTPONED: "https://schema.org/EventPostponed",
    Status.CANCELLED: "https://schema.org/EventCancelled",
    Status.RESCHEDULED: "https://schema.org/EventRescheduled",
}
_MODE = "https://schema.org/{}EventAttendanceMode"


def _web(url: str | None) -> str | None:
    if url is None:
        return None
    try:
        check_web_url(url, "url")
    except ValueError:
        return None
    return url


#: How many occurrences of an endless series a page lists (from the time it is built).
SERIES_SHOWN = 10


def event_json_ld(
    event: Event, *, page_url: str | None = None, now: dt.datetime | None = None
) -> dict[str, Any]:
    """The event as schema.org JSON-LD; ``page_url`` is where its page is served.

    Sessions and a rolling release's markets are ``subEvent`` entries, each with its own
    start; a series is an ``EventSeries`` whose ``subEvent`` entries are its occurrences (all
    of a finite one, the next :data:`SERIES_SHOWN` from ``now`` of an endless one).

    Examples:
        >>> import datetime as dt
        >>> e = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai",
        ...              url="https://example.com/launch")
        >>> event_json_ld(e)["location"]
        {'@type': 'VirtualLocation', 'url': 'https://example.com/launch'}
    """
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.start.isoformat() if event.time_known else str(event.start.date()),
        "eventStatus": _SCHEMA_STATUS[event.status],
    }
    if event.end is not None and event.time_known:
        data["endDate"] = event.end.isoformat()
    if event.previous_start is not None:
        data["previousStartDate"] = event.previous_start.isoformat()
    if event.description:
        data["description"] = event.description
    if _web(event.url):
        data["url"] = event.url
    if _web(event.image):
        data["image"] = [event.image]
    places = _places(event, _web(page_url))
    if places:
        online = any(place["@type"] == "VirtualLocation" for place in places)
        mode = "Mixed" if len(places) == 2 else "Online" if online else "Offline"
        data["eventAttendanceMode"] = _MODE.format(mode)
        data["location"] = places[0] if len(places) == 1 else places
    if event.organizer is not None:
        organizer: dict[str, Any] = {"@type": "Organization", "name": event.organizer.name}
        if _web(event.organizer.url):
            organizer["url"] = event.organizer.url
        data["organizer"] = organizer
    parts = _parts(event, now)
    if event.rrule is not None:
        data["@type"] = "EventSeries"
    if parts:
        data["subEvent"] = [
            {key: value for key, value in event_json_ld(part, page_url=page_url).items()
             if key != "@context"}
            for part in parts
        ]  # fmt: skip
    return data


def _parts(event: Event, now: dt.datetime | None) -> list[Event]:
    from launchcal import recurrence

    if event.rrule is not None:
        if recurrence.is_finite(event):
            return recurrence.all_occurrences(event)
        now = dt.datetime.now(dt.UTC) if now is None else now
        return recurrence.occurrences(event, after=now, count=SERIES_SHOWN)
    if event.sessions or event.rolling:
        return recurrence.parts(event)
    return []


def _places(event: Event, page_url: str | None) -> list[dict[str, Any]]:
    location = event.location
    stream = _web(location.url if location else None) or _web(event.url) or page_url
    if location is None:
        # Nothing says where: a launch with a web address happens there (its stream or page).
        return [{"@type": "VirtualLocation", "url": stream}] if stream else []
    places: list[dict[str, Any]] = []
    if location.online:
        virtual: dict[str, Any] = {"@type": "VirtualLocation"}
        if stream:
            virtual["url"] = stream
        places.append(virtual)
    physical = location.address or ("" if location.online else location.name)
    if physical:
        places.append(
            {
                "@type": "Place",
                "name": location.name or physical,
                "address": {"@type": "PostalAddress", "streetAddress": physical},
            }
        )
    return places
