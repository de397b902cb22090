"""The words and tables of ``launchcal when``: an event's start on many clocks at once."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Any, Literal

from launchcal import i18n, messages, placenames, tz
from launchcal.convert import LocalTime, see_all
from launchcal.event import Event, Status
from launchcal.places import Place

__all__ = [
    "WhenFormat",
    "all_zones",
    "day_shift_words",
    "first_and_last",
    "format_date",
    "tba_line",
    "text_table",
    "when_data",
    "when_line",
    "when_text",
    "world_clock",
]

WhenFormat = Literal["text", "table", "markdown"]


def format_date(moment: dt.date) -> str:
    """``Mon 4 Jul 2022``: weekday first, so a shifted day stands out.

    Examples:
        >>> format_date(dt.date(2022, 7, 4))
        'Mon 4 Jul 2022'
    """
    # %a and %b are English here: Python never calls setlocale() on its own.
    return f"{moment:%a} {moment.day} {moment:%b %Y}"


def day_shift_words(shift: int, locale: str = "en") -> str:
    """How the local date relates to the event's own date.

    Examples:
        >>> [day_shift_words(n) for n in (-1, 0, 1, 2)]
        ['previous day', 'same day', 'next day', '2 days later']
        >>> day_shift_words(1, "fr")
        'le lendemain'
    """
    say = messages.words(locale)
    if shift == 0:
        return say.gettext("same day")
    if shift == 1:
        return say.gettext("next day")
    if shift == -1:
        return say.gettext("previous day")
    if shift > 0:
        return say.ngettext("%(count)d day later", "%(count)d days later", shift)
    return say.ngettext("%(count)d day earlier", "%(count)d days earlier", -shift)


class _Reader:
    """The pieces of a sentence in one locale: launchcal's English, CLDR's words elsewhere."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self.english = i18n.is_english(locale)
        self.say = messages.words(locale)

    def time(self, moment: dt.datetime) -> str:
        return i18n.reader_time(moment, self.locale)

    def date(self, moment: dt.date) -> str:
        return i18n.reader_date(moment, self.locale)

    def zone(self, seen: LocalTime) -> str:
        """``EAT (UTC+03:00)`` in English; the CLDR zone name and offset elsewhere."""
        if self.english:
            label = seen.label
            offset = f"UTC{seen.utc_offset}"
            return label if label == offset or label == "UTC" else f"{label} ({offset})"
        name = i18n.zone_name(seen.local, self.locale)
        offset = self.say.isolate(i18n.offset_words(seen.local, self.locale))
        return (
            offset if name == i18n.offset_words(seen.local, self.locale) else f"{name} ({offset})"
        )

    def zone_column(self, seen: LocalTime) -> str:
        return seen.label if self.english else i18n.zone_name(seen.local, self.locale)

    def offset_column(self, seen: LocalTime) -> str:
        return seen.utc_offset if self.english else i18n.offset_words(seen.local, self.locale)

    def place(self, place: Place, at: dt.datetime) -> str:
        if place.kind == "local":
            zone = place.zone
            if not self.english and "/" in zone:
                zone = i18n.city_of_zone(zone, self.locale)  # "Paris", not "Europe/Paris"
            return self.say.gettext("%(zone)s (your zone)", zone=zone)
        return i18n.place_clock(place, self.locale, at) or placenames.local_name(place, self.locale)

    def own_start(self, event: Event) -> tuple[str, str]:
        """The start on the event's own clock, and its UTC offset, for a table's title."""
        own = event.start
        if self.english:
            when = f"{format_date(own.date())} {own:%H:%M} {tz.zone_label(own)}"
            return when, f"UTC{tz.format_offset(own.utcoffset())}"
        return i18n.date_time_words(own, self.locale, zone=True), i18n.offset_words(
            own, self.locale
        )

    def title(self, event: Event) -> str:
        """The title, with the status beside it when the event is not simply scheduled."""
        return messages.titled(event.title, event.status.value, self.locale)


def when_line(event: Event, seen: LocalTime, locale: str = "en") -> str:
    """One sentence for one place.

    Examples:
        >>> e = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
        >>> from launchcal.convert import see
        >>> when_line(e, see(e, Place("Nairobi", "Africa/Nairobi", "city")))
        'Launch starts at 14:00 in Nairobi: Mon 4 Jul 2022, EAT (UTC+03:00), same day'
        >>> print(when_line(e, see(e, Place("London", "Europe/London", "city")), "fr"))
        ... # doctest: +NORMALIZE_WHITESPACE
        Launch commence à 12:00 à Londres : lun. 4 juil. 2022, heure d’été britannique
        (UTC+01:00), le même jour
    """
    if not event.time_known:
        return tba_line(event, locale)
    reader = _Reader(locale)
    values = {
        "title": reader.title(event),
        "time": reader.time(seen.local),
        "place": reader.place(seen.place, seen.local),
        "date": reader.date(seen.local.date()),
        "zone": reader.zone(seen),
        "day": day_shift_words(seen.day_shift, locale),
    }
    say = reader.say
    clock = seen.place.kind in i18n.CLOCK_KINDS
    if event.status in (Status.CANCELLED, Status.POSTPONED):
        line = say.clocked(
            clock,
            "on a clock",
            "%(title)s was to start at %(time)s in %(place)s: %(date)s, %(zone)s, %(day)s",
            **values,
        )
    else:
        line = say.clocked(
            clock,
            "on a clock",
            "%(title)s starts at %(time)s in %(place)s: %(date)s, %(zone)s, %(day)s",
            **values,
        )
    if seen.night:
        # The sentence is whole already: no isolates around it.
        return say.gettext("%(sentence)s (night)") % {"sentence": line}
    return line


def tba_line(event: Event, locale: str = "en") -> str:
    """The one line for an event whose date is known but whose time is not.

    Examples:
        >>> e = Event.at("Showcase", dt.datetime(2026, 12, 15), "Asia/Tokyo", time_known=False)
        >>> tba_line(e)
        'Showcase is on Tue 15 Dec 2026 (Asia/Tokyo); the time is not announced yet'
    """
    reader = _Reader(locale)
    return reader.say.gettext(
        "%(title)s is on %(date)s (%(zone)s); the time is not announced yet",
        title=reader.title(event),
        date=reader.date(event.start.date()),
        zone=event.zone if reader.english else i18n.city_of_zone(event.zone, locale),
    )


def _headings(locale: str, *keys: str) -> list[str]:
    """The table headings named by ``keys``, in ``locale``."""
    say = messages.words(locale)
    words = {
        "place": say.pgettext("column", "Place"),
        "time": say.pgettext("column", "Time"),
        "date": say.pgettext("column", "Date"),
        "zone": say.pgettext("column", "Zone"),
        "offset": say.pgettext("column", "UTC offset"),
        "day": say.pgettext("column", "Day"),
        "night": say.pgettext("column", "Night"),
        "zones": say.pgettext("column", "Zones"),
    }
    return [words[key] for key in keys]


def _table(event: Event, seen: Sequence[LocalTime], locale: str, markdown: bool) -> str:
    reader = _Reader(locale)
    night = reader.say.pgettext("column value", "night")
    rows = [
        [
            reader.place(s.place, s.local),
            reader.time(s.local),
            reader.date(s.local.date()),
            reader.zone_column(s),
            reader.offset_column(s),
            day_shift_words(s.day_shift, locale),
            night if s.night else "",
        ]
        for s in seen
    ]
    if reader.say.rtl:
        rows = [[reader.say.isolate(cell) for cell in row] for row in rows]
    when, offset = reader.own_start(event)
    say = reader.say
    title = f"{say.isolate(reader.title(event))}: {say.isolate(when)} "
    title += f"({say.isolate(offset)}, {say.isolate(event.zone)})"
    head = _headings(locale, "place", "time", "date", "zone", "offset", "day", "night")
    return _layout(title, head, rows, markdown)


def _markdown_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")


def when_text(
    events: Sequence[Event],
    places: Sequence[Place] | None,
    fmt: WhenFormat = "text",
    *,
    locale: str = "en",
    now: dt.datetime | None = None,
    next_count: int = 3,
) -> str:
    """The report for ``launchcal when``.

    Args:
        events: the events to show.
        places: where to show them; ``None`` means each event's audience plus the viewer.
        fmt: one sentence per place (``text``), or a world-clock table (``table``, ``markdown``).
        locale: a CLDR locale: launchcal's sentences from its catalogs (English, the source,
            needs none), with CLDR dates, times, zone and city names in other languages.
        now: the instant for the clock-change note (default: the clock). When the viewer's
            own clocks change between now and a future start, one line says so. A series'
            occurrences are counted from here.
        next_count: how many of a series' occurrences to show.
    """
    blocks = []
    for event in events:
        if event.rrule is not None or event.rolling or event.sessions:
            blocks.append(_several_text(event, places, fmt, locale, now, next_count))
            continue
        seen = see_all(event, _places_for(event, places))
        if not event.time_known:
            block = tba_line(event, locale)  # the same for every place: say it once
        elif fmt == "text":
            block = "\n".join(when_line(event, s, locale) for s in seen)
        else:
            block = _table(event, seen, locale, markdown=fmt == "markdown")
        note = _clock_note(event, seen, locale, now)
        blocks.append(block + (f"\n{note}" if note else ""))
    return ("\n\n" if fmt != "text" or len(events) > 1 else "\n").join(blocks)


def _several_text(
    event: Event,
    places: Sequence[Place] | None,
    fmt: WhenFormat,
    locale: str,
    now: dt.datetime | None,
    next_count: int,
) -> str:
    """A series' next occurrences, a rolling release's markets or a launch's sessions."""
    from launchcal import recurrence

    now = dt.datetime.now(dt.UTC) if now is None else now
    say = messages.words(locale)
    if event.rolling:
        parts = recurrence.markets(event)
        seen = [see_all(part, part.audience)[0] for part in parts]
        lines = _lines_or_table(list(zip(parts, [[s] for s in seen], strict=True)), fmt, locale)
        return f"{lines}\n{first_and_last(event, locale)}"
    where = _places_for(event, places)
    if event.rrule is not None:
        parts = recurrence.occurrences(event, after=now, count=next_count)
        if not parts:
            return say.gettext("%(title)s has no occurrences after now", title=event.title)
    else:
        parts = recurrence.sessions(event)
    seen_each = [see_all(part, where) for part in parts]
    block = _lines_or_table(list(zip(parts, seen_each, strict=True)), fmt, locale)
    notes = _offset_notes(seen_each, locale) if event.rrule is not None else []
    clock = _clock_note(parts[0], seen_each[0], locale, now)
    return "\n".join([block, *notes, *([clock] if clock else [])])


def first_and_last(event: Event, locale: str = "en") -> str:
    """Where and when a rolling release goes live first and last, as instants in UTC.

    Examples:
        >>> from launchcal.places import Place
        >>> tokyo = Place("Tokyo", "Asia/Tokyo", "city")
        >>> lima = Place("Lima", "America/Lima", "city")
        >>> album = Event.at("Album", dt.datetime(2027, 1, 29), "Asia/Tokyo", rolling=True,
        ...                  markets=(tokyo, lima))
        >>> print(first_and_last(album))
        First live in Tokyo at Thu 28 Jan 2027 15:00 UTC, last in Lima at Fri 29 Jan 2027 05:00 UTC
    """
    from launchcal import recurrence

    parts = recurrence.markets(event)
    first, last = parts[0], parts[-1]
    reader = _Reader(locale)
    return reader.say.gettext(
        "First live in %(first)s at %(first_time)s, last in %(last)s at %(last_time)s",
        first=reader.place(first.audience[0], first.utc_start),
        first_time=_utc_words(first.utc_start, reader),
        last=reader.place(last.audience[0], last.utc_start),
        last_time=_utc_words(last.utc_start, reader),
    )


def _lines_or_table(
    shown: Sequence[tuple[Event, Sequence[LocalTime]]], fmt: WhenFormat, locale: str
) -> str:
    if fmt == "text":
        return "\n".join(when_line(part, s, locale) for part, seen in shown for s in seen)
    return "\n\n".join(
        _table(part, seen, locale, markdown=fmt == "markdown") for part, seen in shown
    )


def _utc_words(moment: dt.datetime, reader: _Reader) -> str:
    utc = moment.astimezone(dt.UTC)
    return f"{reader.date(utc.date())} {reader.time(utc)} UTC"


def _offset_notes(seen_each: Sequence[Sequence[LocalTime]], locale: str) -> list[str]:
    """A line wherever a place's clock moves against the event's between two occurrences.

    A London show at 18:00 is 13:00 in New York until the US changes its clocks; from then,
    until the UK changes its own, it is 14:00 there.
    """
    reader = _Reader(locale)
    notes = []
    for column in range(len(seen_each[0]) if seen_each else 0):
        for before, after in itertools.pairwise(seen_each):
            old, new = before[column], after[column]
            if old.local.time() == new.local.time():
                continue
            notes.append(
                reader.say.clocked(
                    new.place.kind in i18n.CLOCK_KINDS,
                    "on a clock",
                    "From %(date)s this is %(new)s in %(place)s, not %(old)s",
                    date=reader.date(new.local.date()),
                    new=reader.time(new.local),
                    place=reader.place(new.place, new.local),
                    old=reader.time(old.local),
                )
            )
    return notes


def _clock_note(
    event: Event, seen: Sequence[LocalTime], locale: str, now: dt.datetime | None
) -> str:
    """The one-line note when the viewer's clocks change before the start."""
    from launchcal.convert import clock_change

    viewer = next((s.place for s in seen if s.place.kind == "local"), None)
    if viewer is None or not event.time_known:
        return ""
    now = dt.datetime.now(dt.UTC) if now is None else now
    if now >= event.utc_start:
        return ""
    change = clock_change(viewer.zone, now, event.utc_start)
    return "" if change is None else i18n.clock_change_words(change, locale)


def _layout(title: str, head: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = [f"**{_markdown_escape(title)}**", ""]
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "|".join("---" for _ in head) + "|")
        lines.extend("| " + " | ".join(_markdown_escape(c) for c in row) + " |" for row in rows)
        return "\n".join(lines)
    return "\n".join([title, "", *text_table(head, rows)])


def text_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Aligned columns, two spaces apart, counting wide (CJK) characters as two.

    Examples:
        >>> text_table(["Place", "Time"], [["Nairobi", "14:00"], ["北京", "19:00"]])
        ['Place    Time', 'Nairobi  14:00', '北京     19:00']
    """
    widths = [max(i18n.cells(row[i]) for row in [head, *rows]) for i in range(len(head))]
    return [
        "  ".join(
            cell + " " * (width - i18n.cells(cell)) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in [head, *rows]
    ]


def all_zones() -> list[Place]:
    """Every zone people live in (the tz database's ``zone.tab``) and UTC, as places."""
    return [Place(name=zone, zone=zone, kind="zone") for zone in ("UTC", *tz.listed_zones())]


def _city(zone: str, locale: str) -> str:
    """The city a zone is named after; English reads it off the IANA name, without babel."""
    if i18n.is_english(locale):
        return zone.rsplit("/", 1)[-1].replace("_", " ")
    return i18n.city_of_zone(zone, locale)


def world_clock(
    events: Sequence[Event], fmt: WhenFormat = "table", shown: int = 5, *, locale: str = "en"
) -> str:
    """Each event on every clock in the world, one row per UTC offset (``when --in all``).

    Args:
        events: the events to show.
        fmt: ``markdown`` for a Markdown table; anything else gives a text table.
        shown: how many zones each row names before "+N more".
        locale: a CLDR locale for the words, dates and city names.
    """
    from launchcal.places import zone_populations

    markdown = fmt == "markdown"
    reader = _Reader(locale)
    say = reader.say
    night = say.pgettext("column value", "night")
    blocks = []
    everywhere = all_zones()
    population = zone_populations()
    for event in events:
        if not event.time_known:
            blocks.append(tba_line(event, locale))
            continue
        groups: dict[dt.timedelta | None, list[LocalTime]] = {}
        for seen in see_all(event, everywhere):
            groups.setdefault(seen.local.utcoffset(), []).append(seen)
        rows = []
        for _, members in sorted(groups.items(), key=lambda item: item[0] or dt.timedelta(0)):
            first = members[0]
            # The biggest cities first: "+08:00 Shanghai, Manila, Hong Kong" reads like a clock.
            zones = sorted(members, key=lambda m: (-population.get(m.place.zone, 0), m.place.zone))
            cities = list(dict.fromkeys(_city(m.place.zone, locale) for m in zones))
            names = ", ".join(cities[:shown])
            if len(cities) > shown:
                more = len(cities) - shown
                names += " " + say.ngettext("+%(count)d more", "+%(count)d more", more)
            row = [
                first.utc_offset,
                reader.time(first.local),
                reader.date(first.local.date()),
                day_shift_words(first.day_shift, locale),
                night if first.night else "",
                names,
            ]
            rows.append([say.isolate(cell) for cell in row])
        when, offset = reader.own_start(event)
        title = say.gettext(
            "%(title)s: %(when)s (%(offset)s, %(zone)s), on %(clocks)d clocks in %(offsets)d "
            "offsets",
            title=reader.title(event),
            when=when,
            offset=offset,
            zone=event.zone,
            clocks=len(everywhere),
            offsets=len(rows),
        )
        head = _headings(locale, "offset", "time", "date", "day", "night", "zones")
        blocks.append(_layout(title, head, rows, markdown))
    return "\n\n".join(blocks)


def when_data(
    events: Sequence[Event],
    places: Sequence[Place] | None,
    *,
    now: dt.datetime | None = None,
    next_count: int = 3,
    lazy: bool = False,
) -> dict[str, Any]:
    """The JSON document of ``launchcal when --json``.

    A series carries its next ``next_count`` occurrences from ``now`` under ``occurrences``,
    a rolling release its markets in going-live order under ``markets``, a launch its
    ``sessions``: each entry shaped like an event. With ``lazy``, ``events`` is an iterator
    that makes each entry as it is read (:func:`launchcal.jsonstream.iter_json` writes it so),
    so 100,000 events' document is never held whole.
    """
    now = dt.datetime.now(dt.UTC) if now is None else now
    entries = (_several_data(event, places, now, next_count) for event in events)
    return {"tzdata": tz.database().version, "events": entries if lazy else list(entries)}


def _several_data(
    event: Event, places: Sequence[Place] | None, now: dt.datetime, next_count: int
) -> dict[str, Any]:
    from launchcal import recurrence

    data = _event_data(event, places)
    if event.rrule is not None:
        data["rrule"] = event.rrule
        data["occurrences"] = [
            _event_data(part, places)
            for part in recurrence.occurrences(event, after=now, count=next_count)
        ]
    elif event.rolling:
        data["markets"] = [_event_data(part, part.audience) for part in recurrence.markets(event)]
    elif event.sessions:
        data["sessions"] = [_event_data(part, places) for part in recurrence.sessions(event)]
    return data


def _event_data(event: Event, places: Sequence[Place] | None) -> dict[str, Any]:
    end = event.end
    return {
        "id": event.id,
        "title": event.title,
        "start": event.start.isoformat(),
        "zone": event.zone,
        "utc": event.utc_start.isoformat().replace("+00:00", "Z"),
        "end": None if end is None else end.isoformat(),
        "time_known": event.time_known,
        "status": event.status.value,
        "times": [
            {
                "place": s.place.name,
                "kind": s.place.kind,
                "country": s.place.country,
                "zone": s.place.zone,
                "local": s.local.isoformat(),
                "utc_offset": s.utc_offset,
                "abbreviation": s.abbreviation,
                "day_shift": s.day_shift,
                "night": s.night,
            }
            for s in see_all(event, _places_for(event, places))
        ],
    }


def _places_for(event: Event, places: Sequence[Place] | None) -> Sequence[Place]:
    if places is not None:
        return places
    from launchcal.places import local_place

    return [*event.audience, local_place()]
