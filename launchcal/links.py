"""Add-to-calendar links: Google Calendar, Outlook.com, Microsoft 365 and Yahoo.

None of these services documents its link format; the formats below are the ones the widely
used generators send (add-to-calendar-button, spatie/calendar-links), with three rules kept
strictly:

* Google gets the wall time plus ``ctz=<IANA zone>``, so the entry keeps the event's own zone.
  The zone name is passed as it is (add-to-calendar-button tests it with an unanchored regex for
  abbreviations and so drops ``Europe/Amsterdam``, ``Europe/Istanbul``, ``Europe/Bucharest``).
  Google rejects ``Etc/GMT+N`` and has no way to say which of two readings a repeated wall
  time means (the night the clocks go back), so those, and UTC, go as UTC instants without
  ``ctz``.
* Outlook and Yahoo get UTC instants (``Z``); they show them in the reader's zone.
* An event whose time is not announced yet is an all-day entry with an exclusive end date and
  no zone.

Links longer than about 2,000 characters fail in some browsers, mail clients and proxies, so
the description (then the location, then the title) is cut to keep every URL shorter than
:data:`URL_LIMIT`; :func:`calendar_links` says which links were cut.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache, lru_cache, partial
from typing import NamedTuple
from urllib.parse import quote

from launchcal import tz
from launchcal.event import Event
from launchcal.messages import N_

__all__ = [
    "SERVICES",
    "URL_LIMIT",
    "CalendarLinks",
    "calendar_links",
    "links",
    "links_by_id",
    "links_text",
    "service_name",
]

#: Every URL stays shorter than this many characters.
URL_LIMIT = 2000
#: The link keys, in the order they are shown, with the names people know them by.
SERVICES: Mapping[str, str] = {
    # NOTE: the name the service itself uses in your language (Google's own, for Google).
    "google": N_("Google Calendar"),
    "outlook": "Outlook.com",
    "office365": "Microsoft 365",
    # NOTE: the name the service itself uses in your language.
    "yahoo": N_("Yahoo Calendar"),
}


def service_name(key: str, locale: str = "en") -> str:
    """The name a reader of ``locale`` knows the service by ("Google Agenda" in French).

    Examples:
        >>> service_name("google", "fr"), service_name("office365", "fr")
        ('Google Agenda', 'Microsoft 365')
    """
    from launchcal import messages

    return messages.words(locale).gettext(SERVICES[key])


_ELLIPSIS = "…"
# Text fields in the order they are given up when a URL is too long; the event's page is
# dropped whole, last (half a URL is worse than none).
_CUTTABLE = ("description", "location", "title", "link")
_FIELD_WORDS = {
    "description": N_("the description"),
    "location": N_("the location"),
    "title": N_("the title"),
    "link": N_("the web address"),
}
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}
_WEB = re.compile(r"https?://", re.IGNORECASE)
# Control characters as ASCII text can hold them; the full class (_control) reaches past Latin-1
# and costs 0.25 ms to compile, so it waits for the first text that is not ASCII.
_CONTROL_ASCII = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


@cache
def _control() -> re.Pattern[str]:
    return re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


class CalendarLinks(NamedTuple):  # NamedTuple, not dataclass: the page defines it (0.8 ms)
    """The four links for one event, and what had to be shortened to fit :data:`URL_LIMIT`.

    ``cut`` maps a link key to the fields ("description", "location", "title", and "link" for
    the event's page dropped from the details) that were cut short in it; it is empty when
    every link holds the full text.
    """

    urls: Mapping[str, str]
    cut: Mapping[str, tuple[str, ...]]
    limit: int = URL_LIMIT
    #: Services whose links cannot hold the event (a series: Outlook and Yahoo take no
    #: recurrence rule); the .ics is what to offer there.
    unsupported: tuple[str, ...] = ()
    #: What the links leave out that the .ics keeps (a series' skipped dates).
    left_out: str = ""

    #: How many skipped dates of a series the Google link leaves out (``left_out``).
    skipped: int = 0

    def describe_cut(self, title: str, locale: str = "en") -> str:
        """What was cut, in a sentence for the person who publishes the links.

        Examples:
            >>> CalendarLinks({}, {"google": ("description",), "yahoo": ("description",)}
            ...               ).describe_cut("Launch")
            "cut the description of 'Launch' to keep the Google Calendar and Yahoo Calendar \
links under 2,000 characters"
            >>> print(CalendarLinks({}, {"google": ("description", "location")}
            ...                     ).describe_cut("Launch", "de"))
            gekürzt: die Beschreibung und der Ort von „Launch“, damit der Link für Google Kalender \
unter 2.000 Zeichen bleibt
        """
        from launchcal import i18n, messages

        if not self.cut:
            return ""
        say = messages.words(locale)
        fields = [name for name in _CUTTABLE if any(name in cut for cut in self.cut.values())]
        words = [say.gettext(_FIELD_WORDS[name]) for name in fields]
        services = [service_name(key, locale) for key in SERVICES if key in self.cut]
        english = i18n.is_english(locale)
        return say.ngettext(
            "cut %(fields)s of %(title)s to keep the %(services)s link under %(limit)s characters",
            "cut %(fields)s of %(title)s to keep the %(services)s links under %(limit)s characters",
            len(services),
            fields=_and(words) if english else i18n.format_list(words, locale, "standard"),
            # The note names the event; it need not repeat a 10,000-character title.
            title=repr(_shorten(title, 60))
            if english
            else messages.quoted(_shorten(title, 60), locale),
            services=_and(services) if english else i18n.format_list(services, locale, "standard"),
            limit=f"{self.limit:,}" if english else i18n.number_words(self.limit, locale),
        )

    def left_out_words(self, title: str, locale: str = "en") -> str:
        """``left_out`` in the reader's language ("" when the links leave nothing out)."""
        from launchcal import i18n, messages

        if not self.skipped:
            return ""
        english = i18n.is_english(locale)
        return messages.words(locale).ngettext(
            "the %(service)s link repeats %(title)s without its %(count)d skipped date(s); "
            "the .ics skips them",
            "the %(service)s link repeats %(title)s without its %(count)d skipped date(s); "
            "the .ics skips them",
            self.skipped,
            service=service_name("google", locale),
            title=repr(title) if english else messages.quoted(title, locale),
        )


def links(event: Event) -> dict[str, str]:
    """``{"google": url, "outlook": url, "office365": url, "yahoo": url}`` for the event.

    Examples:
        >>> launch = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai",
        ...                   duration=dt.timedelta(hours=2))
        >>> links(launch)["google"]
        'https://calendar.google.com/calendar/render?action=TEMPLATE&text=Launch\
&dates=20220704T190000/20220704T210000&ctz=Asia/Shanghai'
        >>> links(launch)["outlook"]
        'https://outlook.live.com/calendar/0/action/compose?rru=addevent\
&startdt=2022-07-04T11:00:00Z&enddt=2022-07-04T13:00:00Z&subject=Launch'
    """
    return dict(calendar_links(event).urls)


def links_text(found: Sequence[tuple[Event, CalendarLinks]], locale: str = "en") -> str:
    """What ``launchcal links`` prints: per event, its title and one named link per service.

    A service that cannot take the event (a series on Outlook) gets a sentence instead of a
    link. Names line up in terminal columns, wide characters counting two.
    """
    from launchcal import i18n, messages

    say = messages.words(locale)
    names = {key: service_name(key, locale) for key in SERVICES}
    width = max(i18n.cells(name) for name in names.values())

    def row(key: str, text: str) -> str:
        return f"  {names[key]}{' ' * (width - i18n.cells(names[key]))}  {text}"

    blocks = []
    for event, result in found:
        rows = [row(key, url) for key, url in result.urls.items()]
        unsupported = say.gettext(
            "cannot repeat an event from a link; import the .ics instead (launchcal ics)"
        )
        rows += [row(key, unsupported) for key in result.unsupported]
        title = messages.event_title(event.title, locale)
        blocks.append("\n".join([title, *rows]))
    return "\n\n".join(blocks)


def calendar_links(event: Event, *, limit: int = URL_LIMIT) -> CalendarLinks:
    """The four links, each shorter than ``limit`` characters, and which ones were cut."""
    fields = {
        "title": _clean(event.title),
        "description": _clean(event.description),
        "location": _clean(event.location.label) if event.location is not None else "",
        # The model only takes http(s) URLs; a link is never made of anything else.
        "link": event.link if event.link and _WEB.match(event.link) else "",
    }
    urls: dict[str, str] = {}
    cut: dict[str, tuple[str, ...]] = {}
    # Only Google's link takes a recurrence rule (recur=RRULE:...); Outlook's and Yahoo's
    # compose links have no such field, and one entry for the first show would be wrong.
    builders = {"google": _google} if event.rrule is not None else _BUILDERS
    times = _times(event)
    for key, build in builders.items():
        urls[key], shortened = _fit(event, build, times, fields, limit)
        if shortened:
            cut[key] = shortened
    unsupported = tuple(key for key in _BUILDERS if key not in builders)
    found = CalendarLinks(urls, cut, limit, unsupported, skipped=len(event.exdates))
    return found._replace(left_out=found.left_out_words(event.title))


def links_by_id(
    events: Sequence[Event], *, seen: Callable[[Event, CalendarLinks], None] | None = None
) -> Iterator[tuple[str, dict[str, str]]]:
    """``(event id, its links)`` in the order of ``events``, each made as it is read.

    As ``{event.id: links(event) for event in events}`` has it: an id given twice keeps its
    first place and its last event's links. ``seen`` is told every event's links (to say
    what was cut) as they are made, so 100,000 events' links are never held at once.
    """
    last = {event.id: index for index, event in enumerate(events)}
    first = {} if len(last) == len(events) else {
        event.id: index for index, event in reversed(list(enumerate(events)))
    }  # fmt: skip
    for index, event in enumerate(events):
        result = calendar_links(event)
        if seen is not None:
            seen(event, result)
        if first.get(event.id, index) != index:
            continue  # its place came earlier
        if last[event.id] != index:
            result = calendar_links(events[last[event.id]])
        yield event.id, dict(result.urls)


# --- the four formats -----------------------------------------------------------------------


def _google(event: Event, text: Mapping[str, str], times: _Times) -> str:
    query = [("action", "TEMPLATE"), ("text", text["title"]), *times.google]
    if event.rrule is not None:
        # Google expands the rule on the ctz clock, as RFC 5545 does on DTSTART's TZID.
        query.append(("recur", f"RRULE:{event.rrule}"))
    query += [("details", text["details"]), ("location", text["location"])]
    return _url("https://calendar.google.com/calendar/render", query)


def _microsoft(event: Event, text: Mapping[str, str], times: _Times, *, host: str) -> str:
    query = [("rru", "addevent"), *times.microsoft]
    query += [("subject", text["title"]), ("location", text["location"]),
              ("body", text["details"])]  # fmt: skip
    return _url(f"https://{host}/calendar/0/action/compose", query)


def _yahoo(event: Event, text: Mapping[str, str], times: _Times) -> str:
    query = [("v", "60"), ("title", text["title"]), *times.yahoo]
    query += [("desc", text["details"]), ("in_loc", text["location"])]
    return _url("https://calendar.yahoo.com/", query)


Query = tuple[tuple[str, str], ...]


class _Times(NamedTuple):
    """The event's dates and times as each link writes them (the query's items)."""

    google: Query
    microsoft: Query
    yahoo: Query


def _times(event: Event) -> _Times:
    """The times of the event's links, formatted once for its four links (and each try
    :func:`_fit` makes): a feed of 100,000 events spent a sixth of its links' time
    formatting the same instants again for each service."""
    if not event.time_known:
        start, end = _all_day(event)
        first, last = f"{start:%Y%m%d}", f"{end:%Y%m%d}"
        return _Times(
            (("dates", f"{first}/{last}"),),
            (("startdt", start.isoformat()), ("enddt", end.isoformat()), ("allday", "true")),
            (("st", first), ("et", last), ("dur", "allday")),
        )
    start_utc, end_utc = _utc_span(event)
    utc = _compact(start_utc) + "Z", _compact(end_utc) + "Z"
    zone = _google_zone(event)
    if zone is None:
        google: Query = (("dates", f"{utc[0]}/{utc[1]}"),)
    else:
        end = event.end or event.start
        google = (("dates", f"{_compact(event.start)}/{_compact(end)}"), ("ctz", zone))
    return _Times(
        google,
        (("startdt", _dashed(start_utc) + "Z"), ("enddt", _dashed(end_utc) + "Z")),
        (("st", utc[0]), ("et", utc[1])),
    )


def _compact(moment: dt.datetime) -> str:
    """``f"{moment:%Y%m%dT%H%M%S}"`` (the years are 1800-9000: four digits), formatted in
    half of strftime's time."""
    fields = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return "%04d%02d%02dT%02d%02d%02d" % fields  # noqa: UP031 - format specs take twice as long


def _dashed(moment: dt.datetime) -> str:
    """``f"{moment:%Y-%m-%dT%H:%M:%S}"``, as :func:`_compact` makes it."""
    fields = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return "%04d-%02d-%02dT%02d:%02d:%02d" % fields  # noqa: UP031 - see _compact


_Builder = Callable[[Event, Mapping[str, str], _Times], str]
_BUILDERS: dict[str, _Builder] = {
    "google": _google,
    "outlook": partial(_microsoft, host="outlook.live.com"),
    "office365": partial(_microsoft, host="outlook.office.com"),
    "yahoo": _yahoo,
}


def _url(base: str, query: list[tuple[str, str]]) -> str:
    # "/" and ":" are legal in a query and keep dates and zone names readable.
    # ";" and "=" are quoted: inside recur=RRULE:... they would end the parameter.
    parts = [f"{key}={_quoted(value)}" for key, value in query if value]
    return base + "?" + "&".join(parts)


@lru_cache(maxsize=1024)
def _quoted(value: str) -> str:
    """Percent-encoded once per text: an event's title, place and times recur in its four
    links (and in each try while a long text is cut), zone names and fixed values in all."""
    return quote(value, safe="/:", errors="replace")


# --- times ----------------------------------------------------------------------------------


def _google_zone(event: Event) -> str | None:
    """The zone to send as ``ctz``, or None when the instant must go as UTC."""
    zone = event.zone
    if zone == "UTC" or zone.startswith("Etc/"):
        return None
    if any(tz.reads_twice(moment) for moment in (event.start, event.end) if moment):
        return None
    return zone


def _utc_span(event: Event) -> tuple[dt.datetime, dt.datetime]:
    """Start and end as UTC instants; an event without an end is a moment (end = start)."""
    return event.utc_start, event.utc_end or event.utc_start


def _all_day(event: Event) -> tuple[dt.date, dt.date]:
    """First day and the exclusive end day of an event whose time is not known."""
    first = event.start.date()
    if event.end is None:
        return first, first + dt.timedelta(days=1)
    end_day = event.end.date()
    just_before = (event.end.astimezone(dt.UTC) - dt.timedelta(microseconds=1)).astimezone(
        event.end.tzinfo
    )
    return first, end_day if just_before.date() < end_day else end_day + dt.timedelta(days=1)


# --- text -----------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """One kind of line break and no control characters (they mean nothing in a form field)."""
    control = _CONTROL_ASCII if text.isascii() else _control()
    return control.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _details(text: Mapping[str, str]) -> dict[str, str]:
    """The fields a link shows; the details end with the event's page (no URL field there)."""
    description, link = text["description"], text["link"]
    details = description
    if link and link not in description:
        details = f"{description}\n\n{link}" if description else link
    return {**text, "details": details}


def _fit(
    event: Event, builder: _Builder, times: _Times, fields: Mapping[str, str], limit: int
) -> tuple[str, tuple[str, ...]]:
    """Build the URL, cutting fields (in :data:`_CUTTABLE` order) until it is short enough."""

    def build(text: Mapping[str, str]) -> str:
        return builder(event, _details(text), times)

    current = dict(fields)
    url = build(current)
    cut: list[str] = []
    for name in _CUTTABLE:
        if len(url) < limit:
            break
        full = current[name]
        if not full:
            continue
        if name == "link":
            current[name] = ""
            cut.append(name)
            url = build(current)
            continue
        # The longest prefix that fits: the URL grows with the prefix, so bisect on its length.
        low, high = 0, len(full)
        while low < high:
            middle = (low + high + 1) // 2
            if len(build({**current, name: _shorten(full, middle)})) < limit:
                low = middle
            else:
                high = middle - 1
        current[name] = _shorten(full, low)
        cut.append(name)
        url = build(current)
    return url, tuple(cut)


def _shorten(text: str, length: int) -> str:
    """``text`` cut to about ``length`` characters at a word or at least a character boundary.

    Examples:
        >>> _shorten("Watch the livestream from Beijing", 22)
        'Watch the livestream…'
    """
    if length >= len(text):
        return text
    if length <= 1:
        return ""
    end = length - 1  # room for the ellipsis
    # Never split a letter from the accent or an emoji from the joiner that follows it.
    while end > 0 and (
        unicodedata.combining(text[end]) or text[end] in _JOINERS or text[end - 1] == "\u200d"
    ):
        end -= 1
    space = text.rfind(" ", 0, end + 1)
    if space > end - 40 and space > 0:
        end = space
    return text[:end].rstrip() + _ELLIPSIS


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
