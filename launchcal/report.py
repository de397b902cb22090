"""The words and tables of ``launchcal when``: an event's start on many clocks at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from launchcal import tz
from launchcal.convert import LocalTime, see_all
from launchcal.event import Event, Status
from launchcal.places import Place

__all__ = [
    "WhenFormat",
    "all_zones",
    "day_shift_words",
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


def day_shift_words(shift: int) -> str:
    """How the local date relates to the event's own date.

    Examples:
        >>> [day_shift_words(n) for n in (-1, 0, 1, 2)]
        ['previous day', 'same day', 'next day', '2 days later']
    """
    if shift == 0:
        return "same day"
    if shift == 1:
        return "next day"
    if shift == -1:
        return "previous day"
    return f"{shift} days later" if shift > 0 else f"{-shift} days earlier"


def _place_label(place: Place) -> str:
    if place.kind == "local":
        return f"{place.zone} (your zone)"
    return place.label


def _zone_words(seen: LocalTime) -> str:
    label = seen.label
    offset = f"UTC{seen.utc_offset}"
    return label if label == offset or label == "UTC" else f"{label} ({offset})"


def _subject(event: Event) -> str:
    if event.status in (Status.CANCELLED, Status.POSTPONED):
        return f"{event.title} ({event.status.value}) was to start"
    if event.status is Status.RESCHEDULED:
        return f"{event.title} (rescheduled) starts"
    return f"{event.title} starts"


def when_line(event: Event, seen: LocalTime) -> str:
    """One sentence for one place.

    Examples:
        >>> e = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
        >>> from launchcal.convert import see
        >>> when_line(e, see(e, Place("Nairobi", "Africa/Nairobi", "city")))
        'Launch starts at 14:00 in Nairobi: Mon 4 Jul 2022, EAT (UTC+03:00), same day'
    """
    place = _place_label(seen.place)
    if not event.time_known:
        return tba_line(event)
    line = (
        f"{_subject(event)} at {seen.local:%H:%M} in {place}: {format_date(seen.local.date())}, "
        f"{_zone_words(seen)}, {day_shift_words(seen.day_shift)}"
    )
    return line + " (night)" if seen.night else line


def tba_line(event: Event) -> str:
    """The one line for an event whose date is known but whose time is not.

    Examples:
        >>> e = Event.at("Showcase", dt.datetime(2026, 12, 15), "Asia/Tokyo", time_known=False)
        >>> tba_line(e)
        'Showcase is on Tue 15 Dec 2026 (Asia/Tokyo); the time is not announced yet'
    """
    status = f" ({event.status.value})" if event.status is not Status.SCHEDULED else ""
    return (
        f"{event.title}{status} is on {format_date(event.start.date())} ({event.zone}); "
        "the time is not announced yet"
    )


def _table(event: Event, seen: Sequence[LocalTime], markdown: bool) -> str:
    head = ["Place", "Time", "Date", "Zone", "UTC offset", "Day", "Night"]
    rows = [
        [
            _place_label(s.place),
            f"{s.local:%H:%M}",
            format_date(s.local.date()),
            s.label,
            s.utc_offset,
            day_shift_words(s.day_shift),
            "night" if s.night else "",
        ]
        for s in seen
    ]
    own = event.start
    title = (
        f"{event.title}: {format_date(own.date())} {own:%H:%M} {tz.zone_label(own)} "
        f"(UTC{tz.format_offset(own.utcoffset())}, {event.zone})"
    )
    return _layout(title, head, rows, markdown)


def _width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _markdown_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")


def when_text(
    events: Sequence[Event],
    places: Sequence[Place] | None,
    fmt: WhenFormat = "text",
    *,
    locale: str = "en",
    now: dt.datetime | None = None,
) -> str:
    """The report for ``launchcal when``.

    Args:
        events: the events to show.
        places: where to show them; ``None`` means each event's audience plus the viewer.
        fmt: one sentence per place (``text``), or a world-clock table (``table``, ``markdown``).
        locale: a CLDR locale; English is launchcal's own wording (no babel), other locales
            get CLDR dates, weekday and month names and zone names.
        now: the instant for the clock-change note (default: the clock). When the viewer's
            own clocks change between now and a future start, one line says so.
    """
    from launchcal import i18n

    english = i18n.is_english(locale)
    blocks = []
    for event in events:
        seen = see_all(event, _places_for(event, places))
        if english and not event.time_known:
            block = tba_line(event)  # the same for every place: say it once
        elif fmt == "text":
            block = "\n".join(
                when_line(event, s) if english else _local_when_line(event, s, locale) for s in seen
            )
        elif english:
            block = _table(event, seen, markdown=fmt == "markdown")
        else:
            block = _local_table(event, seen, locale, markdown=fmt == "markdown")
        note = _clock_note(event, seen, locale, now)
        blocks.append(block + (f"\n{note}" if note else ""))
    return ("\n\n" if fmt != "text" or len(events) > 1 else "\n").join(blocks)


def _clock_note(
    event: Event, seen: Sequence[LocalTime], locale: str, now: dt.datetime | None
) -> str:
    """The one-line note when the viewer's clocks change before the start."""
    from launchcal import i18n
    from launchcal.convert import clock_change

    viewer = next((s.place for s in seen if s.place.kind == "local"), None)
    if viewer is None or not event.time_known:
        return ""
    now = dt.datetime.now(dt.UTC) if now is None else now
    if now >= event.utc_start:
        return ""
    change = clock_change(viewer.zone, now, event.utc_start)
    return "" if change is None else i18n.clock_change_words(change, locale)


# --- other languages: CLDR words throughout (launchcal's English above stays as it is) -------


def _local_extras(seen: LocalTime, locale: str) -> list[str]:
    from babel.dates import format_datetime

    from launchcal import i18n

    extras = []
    if seen.day_shift:
        sign = "+" if seen.day_shift > 0 else "\u2212"
        extras.append(sign + i18n.duration_words([("day", abs(seen.day_shift))], locale))
    if seen.night:
        extras.append(str(format_datetime(seen.local, "BBBB", locale=locale)))
    return extras


def _local_title(event: Event) -> str:
    if event.status in (Status.CANCELLED, Status.POSTPONED, Status.RESCHEDULED):
        return f"{event.title} ({event.status.value})"
    return event.title


def _local_when_line(event: Event, seen: LocalTime, locale: str) -> str:
    from launchcal import i18n

    place = seen.place.label
    if not event.time_known:
        return f"{_local_title(event)}: {place}: {i18n.date_words(event.start.date(), locale)}"
    words = i18n.date_time_words(seen.local, locale, zone=True)
    offset = i18n.offset_words(seen.local, locale)
    extras = "".join(f", {extra}" for extra in _local_extras(seen, locale))
    return f"{_local_title(event)}: {place}: {words} ({offset}){extras}"


def _local_table(event: Event, seen: Sequence[LocalTime], locale: str, markdown: bool) -> str:
    from launchcal import i18n

    head = ["Place", "Time", "Date", "Zone", "UTC offset", "Day", "Night"]
    rows = []
    for s in seen:
        extras = _local_extras(s, locale)
        rows.append(
            [
                _place_label(s.place) if s.place.kind != "local" else s.place.name,
                i18n.clock_words(s.local, locale),
                i18n.date_words(s.local.date(), locale),
                i18n.zone_name(s.local, locale),
                i18n.offset_words(s.local, locale),
                extras[0] if s.day_shift else "",
                extras[-1] if s.night else "",
            ]
        )
    own = event.start
    title = (
        f"{_local_title(event)}: {i18n.date_time_words(own, locale, zone=True)} "
        f"({i18n.offset_words(own, locale)}, {event.zone})"
    )
    return _layout(title, head, rows, markdown)


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
    widths = [max(_width(row[i]) for row in [head, *rows]) for i in range(len(head))]
    return [
        "  ".join(
            cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in [head, *rows]
    ]


def all_zones() -> list[Place]:
    """Every zone people live in (the tz database's ``zone.tab``) and UTC, as places."""
    return [Place(name=zone, zone=zone, kind="zone") for zone in ("UTC", *tz.listed_zones())]


def _city(zone: str) -> str:
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def world_clock(events: Sequence[Event], fmt: WhenFormat = "table", shown: int = 5) -> str:
    """Each event on every clock in the world, one row per UTC offset (``when --in all``).

    Args:
        events: the events to show.
        fmt: ``markdown`` for a Markdown table; anything else gives a text table.
        shown: how many zones each row names before "+N more".
    """
    from launchcal.places import zone_populations

    markdown = fmt == "markdown"
    blocks = []
    everywhere = all_zones()
    population = zone_populations()
    for event in events:
        if not event.time_known:
            blocks.append(tba_line(event))
            continue
        groups: dict[dt.timedelta | None, list[LocalTime]] = {}
        for seen in see_all(event, everywhere):
            groups.setdefault(seen.local.utcoffset(), []).append(seen)
        rows = []
        for _, members in sorted(groups.items(), key=lambda item: item[0] or dt.timedelta(0)):
            first = members[0]
            # The biggest cities first: "+08:00 Shanghai, Manila, Hong Kong" reads like a clock.
            zones = sorted(members, key=lambda m: (-population.get(m.place.zone, 0), m.place.zone))
            cities = list(dict.fromkeys(_city(m.place.zone) for m in zones))
            names = ", ".join(cities[:shown])
            if len(cities) > shown:
                names += f" +{len(cities) - shown} more"
            rows.append(
                [
                    first.utc_offset,
                    f"{first.local:%H:%M}",
                    format_date(first.local.date()),
                    day_shift_words(first.day_shift),
                    "night" if first.night else "",
                    names,
                ]
            )
        own = event.start
        title = (
            f"{event.title}: {format_date(own.date())} {own:%H:%M} {tz.zone_label(own)} "
            f"(UTC{tz.format_offset(own.utcoffset())}, {event.zone}), on {len(everywhere)} "
            f"clocks in {len(rows)} offsets"
        )
        head = ["UTC offset", "Time", "Date", "Day", "Night", "Zones"]
        blocks.append(_layout(title, head, rows, markdown))
    return "\n\n".join(blocks)


def when_data(events: Sequence[Event], places: Sequence[Place] | None) -> dict[str, Any]:
    """The JSON document of ``launchcal when --json``."""
    return {
        "tzdata": tz.database().version,
        "events": [_event_data(event, places) for event in events],
    }


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
