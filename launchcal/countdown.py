"""Remaining time and its words, in any locale, and a countdown that runs in the terminal.

Time is counted in real elapsed seconds between UTC instants, so a countdown across a DST
change in the viewer's zone is not off by an hour; the viewer is told their clocks change.
Remaining time is floored: a countdown never says a launch has started before it has.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TextIO

from launchcal import i18n, messages, placenames, tz
from launchcal.convert import ClockChange, clock_change
from launchcal.errors import InputError, WallTimeError
from launchcal.event import Event, Status, check_moment
from launchcal.places import Place, local_place
from launchcal.terminal import safe

__all__ = [
    "Countdown",
    "State",
    "choose",
    "countdown",
    "countdown_data",
    "countdown_text",
    "countdowns",
    "parse_now",
    "parse_now_here",
    "watch",
]

State = Literal["upcoming", "live", "ended", "started"]


@dataclass(frozen=True)
class Countdown:
    """Where an event stands at ``now``, for one viewer, in one locale."""

    event: Event
    now: dt.datetime
    state: State
    seconds: int
    text: str
    note: str
    locale: str
    clock_change: ClockChange | None

    def to_dict(self) -> dict[str, Any]:
        """The entry of ``launchcal countdown --json``."""
        end = self.event.end
        return {
            "id": self.event.id,
            "title": self.event.title,
            "state": self.state,
            "seconds": self.seconds,
            "text": self.text,
            "start": self.event.start.isoformat(),
            "end": None if end is None else end.isoformat(),
            "note": self.note or None,
        }


def _floor_seconds(delta: dt.timedelta) -> int:
    return math.floor(delta.total_seconds())


def _state(event: Event, now: dt.datetime) -> State:
    if now < event.utc_start:
        return "upcoming"
    end = event.utc_end
    if end is None:
        return "started"
    return "live" if now < end else "ended"


def countdown(
    event: Event,
    *,
    now: dt.datetime | None = None,
    locale: str | None = None,
    precision: int = 3,
    viewer: Place | None = None,
) -> Countdown:
    """How long until ``event`` starts (or since it started or ended), in words.

    Args:
        event: the launch.
        now: the instant to count from (aware); default: the clock.
        locale: a CLDR locale (see :func:`launchcal.i18n.resolve_locale`); default: the
            environment's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
        precision: how many units to keep, largest first (1-4: days, hours, minutes, seconds).
        viewer: whose clock the start is shown on; default: the viewer's own zone.

    Examples:
        >>> from launchcal.places import Place
        >>> e = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai",
        ...              duration=dt.timedelta(hours=2))
        >>> now = dt.datetime(2022, 7, 1, 14, 48, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        >>> nairobi = Place("Nairobi", "Africa/Nairobi", "city")
        >>> c = countdown(e, now=now, locale="en", viewer=nairobi)
        >>> c.state, c.seconds
        ('upcoming', 274320)
        >>> c.text
        'Launch starts in 3 days, 4 hours and 12 minutes (Mon 4 Jul 2022, 14:00 in Nairobi)'
    """
    if precision < 1:
        raise InputError("precision must be 1 or more")
    if now is None:
        now = dt.datetime.now(dt.UTC)
    elif now.tzinfo is None or now.utcoffset() is None:
        raise InputError("now must carry its time zone")
    now = now.astimezone(dt.UTC)
    locale = i18n.locale_from_environment() if locale is None else locale
    viewer = viewer or local_place()
    state = _state(event, now)
    seconds = _floor_seconds(event.utc_start - now)
    words = _Words(event, now, locale, precision, viewer)
    change = clock_change(viewer.zone, now, event.utc_start) if state == "upcoming" else None
    note = i18n.clock_change_words(change, locale) if change else ""
    return Countdown(event, now, state, seconds, words.sentence(state), note, locale, change)


class _Words:
    """The sentence for one state, from launchcal's catalogs, with CLDR's words inside."""

    def __init__(
        self, event: Event, now: dt.datetime, locale: str, precision: int, viewer: Place
    ) -> None:
        self.event = event
        self.now = now
        self.locale = locale
        self.precision = precision
        self.viewer = viewer
        self.say = messages.words(locale)

    def relative(self, delta: dt.timedelta, future: bool, precision: int | None = None) -> str:
        parts = i18n.split_seconds(_floor_seconds(delta), precision or self.precision)
        if not parts:  # CLDR has no "less than a minute": launchcal's catalogs do
            if future:
                return self.say.gettext("in less than a minute")
            return self.say.gettext("less than a minute ago")
        return i18n.relative_words(parts, future, self.locale)

    def start_words(self) -> str:
        if not self.event.time_known:  # a date, on the event's own calendar
            return self.say.gettext(
                "%(date)s in %(zone)s, time to be announced",
                date=i18n.reader_date(self.event.start.date(), self.locale),
                zone=self.event.zone
                if i18n.is_english(self.locale)
                else i18n.city_of_zone(self.event.zone, self.locale),
            )
        local = self.event.start.astimezone(tz.zone(self.viewer.zone))
        return self.say.clocked(
            self.viewer.kind in i18n.CLOCK_KINDS,
            "on a clock",
            "%(date)s, %(time)s in %(place)s",
            date=i18n.reader_date(local.date(), self.locale),
            time=i18n.reader_time(local, self.locale),
            place=i18n.place_clock(self.viewer, self.locale, local)
            or placenames.local_name(self.viewer, self.locale),
        )

    def title(self) -> str:
        event = self.event
        if event.status in (Status.CANCELLED, Status.POSTPONED):
            return messages.titled(event.title, event.status.value, self.locale)
        return messages.event_title(event.title, self.locale)

    def sentence(self, state: State) -> str:
        event, now, say = self.event, self.now, self.say
        # A date whose time is still to be announced is counted in whole days.
        precision = self.precision if event.time_known else 1
        since_start = self.relative(now - event.utc_start, False, precision)
        if state == "upcoming":
            until = self.relative(event.utc_start - now, True, precision)
            return say.gettext(
                "%(title)s starts %(until)s (%(start)s)",
                title=self.title(),
                until=until,
                start=self.start_words(),
            )
        end = event.utc_end
        if state == "started" or end is None:
            return say.gettext("%(title)s started %(since)s", title=self.title(), since=since_start)
        if state == "live":
            return say.gettext(
                "%(title)s is live now, started %(since)s, ends %(left)s",
                title=self.title(),
                since=since_start,
                left=self.relative(end - now, True),
            )
        since_end = self.relative(now - end, False)
        return say.gettext("%(title)s ended %(since)s", title=self.title(), since=since_end)


def choose(
    events: Sequence[Event],
    now: dt.datetime,
    *,
    all_events: bool = False,
    viewer: Place | None = None,
) -> list[Event]:
    """The events to count down to: the next one that has not ended, or all in start order.

    "Not ended" means upcoming or live; an event without an end that has started is past
    once a later one exists. When every event is past, the most recent one is shown. A
    series counts down to its next occurrence, a launch with sessions to its next session,
    a rolling release to the viewer's own market (see :func:`launchcal.recurrence.current`).
    """
    from launchcal import recurrence

    zone = None if viewer is None else viewer.zone
    parts = [part for event in events for part in recurrence.current(event, now, zone)]
    ordered = sorted(parts, key=lambda e: e.utc_start)
    if all_events or not ordered:
        return ordered
    now = now.astimezone(dt.UTC)
    for event in ordered:
        if _state(event, now) in ("upcoming", "live"):
            return [event]
    return [ordered[-1]]


def countdowns(
    events: Sequence[Event],
    *,
    now: dt.datetime | None = None,
    locale: str | None = None,
    precision: int = 3,
    all_events: bool = False,
    viewer: Place | None = None,
) -> list[Countdown]:
    """:func:`countdown` for the events :func:`choose` picks, all at the same ``now``."""
    now = dt.datetime.now(dt.UTC) if now is None else now
    locale = i18n.locale_from_environment() if locale is None else locale
    viewer = viewer or local_place()
    found = [
        countdown(event, now=now, locale=locale, precision=precision, viewer=viewer)
        for event in choose(events, now, all_events=all_events, viewer=viewer)
    ]
    rolling = [event for event in events if event.rolling]
    if not rolling:
        return found
    # A rolling release's countdown goes to one market; the first and last go below it.
    from dataclasses import replace

    from launchcal import recurrence
    from launchcal.report import first_and_last

    notes = {
        market.id: first_and_last(event, locale)
        for event in rolling
        for market in recurrence.markets(event)
    }
    return [
        replace(c, note="\n".join(filter(None, [c.note, notes[c.event.id]])))
        if c.event.id in notes
        else c
        for c in found
    ]


def countdown_text(found: Sequence[Countdown]) -> str:
    """Each countdown's sentence, with its clock-change note on the next line."""
    return "\n".join(c.text + (f"\n{c.note}" if c.note else "") for c in found)


def countdown_data(found: Sequence[Countdown]) -> dict[str, Any]:
    """The document of ``launchcal countdown --json``."""
    locale = found[0].locale if found else i18n.ENGLISH
    return {
        "now": found[0].now.isoformat().replace("+00:00", "Z") if found else None,
        "locale": locale,
        "events": [c.to_dict() for c in found],
    }


# --- --now in the forms people type ------------------------------------------------------

_DAY_MONTH = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b")


def parse_now_here(text: str) -> dt.datetime:
    """:func:`parse_now` on the viewer's own clock (``--now`` without an offset)."""
    from launchcal.places import local_place

    return parse_now(text, local_place().zone)


def parse_now(text: str, zone: str) -> dt.datetime:
    """Read ``--now``: ISO 8601 first, then the free forms pendulum reads ("July 1 2022 2pm").

    A time without an offset is on the viewer's clock (``zone``). Forms that would be a
    guess are refused: ``01/07/2022`` (day or month first?), a time that a DST change makes
    nonexistent or ambiguous, an abbreviation such as ``PDT`` that pendulum cannot place.

    Examples:
        >>> parse_now("2022-07-01T14:48:00+08:00", "UTC").isoformat()
        '2022-07-01T14:48:00+08:00'
        >>> parse_now("2022-07-01 14:48", "Africa/Nairobi").isoformat()
        '2022-07-01T14:48:00+03:00'
        >>> parse_now("July 1 2022 2:48pm", "UTC").isoformat()
        '2022-07-01T14:48:00+00:00'
    """
    cleaned = text.strip()
    if cleaned.casefold() == "now":
        return dt.datetime.now(dt.UTC)
    try:
        value = dt.datetime.fromisoformat(cleaned)
    except ValueError:
        value = _parse_free(text, cleaned)
    check_moment(value, "--now")  # the bound on every date launchcal accepts
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value
    wall = value.replace(tzinfo=None)
    try:
        return tz.localize(wall, zone)
    except WallTimeError as error:
        readings = " or ".join(
            repr(tz.localize(wall, zone, fold).isoformat()) for fold in ("earlier", "later")
        )
        raise InputError(f"{error.problem}; write {readings}") from None


def _parse_free(text: str, cleaned: str) -> dt.datetime:
    hint = messages.message("write it like '2022-07-01 14:48' or '2022-07-01T14:48:00+08:00'")
    typed = repr(text)
    day_month = _DAY_MONTH.match(cleaned)
    first, second = (int(day_month.group(i)) for i in (1, 2)) if day_month else (0, 0)
    if first != second and max(first, second) <= 12 and min(first, second) >= 1:
        raise InputError(
            messages.message(
                "%(text)s could mean either order of day and month; %(hint)s",
                text=typed,
                hint=hint,
            )
        )
    tz.database()  # pendulum reads zones through zoneinfo: point it at our database first
    import pendulum

    try:
        with warnings.catch_warnings():
            # dateutil drops a zone abbreviation it does not know with only a warning.
            warnings.simplefilter("error")
            parsed = pendulum.parse(cleaned, strict=False, tz=None)
    except Exception:  # pendulum raises ParserError, ValueError, OverflowError or a warning
        raise InputError(
            messages.message(
                "cannot read %(text)s as a date and time; %(hint)s", text=typed, hint=hint
            )
        ) from None
    if not isinstance(parsed, dt.datetime):
        raise InputError(
            messages.message("%(text)s is not a date and time; %(hint)s", text=typed, hint=hint)
        )
    offset = parsed.utcoffset()
    if parsed.tzinfo is None or offset is None:
        return dt.datetime(*parsed.timetuple()[:6], parsed.microsecond)
    return dt.datetime(*parsed.timetuple()[:6], parsed.microsecond, tzinfo=dt.timezone(offset))


# --- the live terminal countdown -----------------------------------------------------------

_HIDE_CURSOR, _SHOW_CURSOR, _CLEAR_LINE = "\x1b[?25l", "\x1b[?25h", "\r\x1b[2K"
_COLORS: dict[State, str] = {
    "upcoming": "\x1b[1m",
    "live": "\x1b[1;32m",
    "started": "\x1b[1;32m",
    "ended": "\x1b[2m",
}
_RESET = "\x1b[0m"


def _fit(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` terminal cells (wide CJK characters take two), with "…"."""
    cells = [i18n.cell_width(c) for c in text]
    if sum(cells) <= columns:
        return text
    used = 0
    for index, width in enumerate(cells):
        if used + width > columns - 1:
            return text[:index] + "…"
        used += width
    return text  # pragma: no cover - the sum above was larger


def watch(
    event: Event,
    stream: TextIO,
    *,
    now: dt.datetime | None = None,
    locale: str | None = None,
    precision: int = 3,
    viewer: Place | None = None,
    interactive: bool | None = None,
    color: bool | None = None,
    clock: Callable[[], float] = time.time,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Count down on ``stream`` until ``event`` goes live, then say so and return.

    On a terminal one line is redrawn in place once a second (cursor hidden, restored on
    every exit, Ctrl-C included); elsewhere (a pipe, a log) a line is printed once a minute
    and no control codes are written. Colour only on a terminal, and never with ``NO_COLOR``.
    ``now`` starts the countdown's clock at another instant; it then runs in real time.
    """
    locale = i18n.locale_from_environment() if locale is None else locale
    viewer = viewer or local_place()
    if interactive is None:
        interactive = stream.isatty()
    if color is None:
        color = interactive and not os.environ.get("NO_COLOR")
    started = clock()
    base = dt.datetime.fromtimestamp(started, dt.UTC) if now is None else now.astimezone(dt.UTC)

    def current() -> dt.datetime:
        return base + dt.timedelta(seconds=clock() - started)

    def paint(found: Countdown) -> str:
        import shutil  # here, not at start-up: it loads the compression modules (2.5 ms)

        # A line longer than the terminal would wrap, and only its last row be redrawn.
        text = _fit(safe(found.text), shutil.get_terminal_size().columns - 1)
        return f"{_COLORS[found.state]}{text}{_RESET}" if color else text

    found = countdown(event, now=base, locale=locale, precision=precision, viewer=viewer)
    if found.note:
        stream.write(safe(found.note) + "\n")
    if interactive:
        stream.write(_HIDE_CURSOR)
    printed_at: float | None = None
    try:
        while True:
            if interactive:
                stream.write(_CLEAR_LINE + paint(found))
            elif printed_at is None or clock() - printed_at >= 60 or found.state != "upcoming":
                stream.write(safe(found.text) + "\n")
                printed_at = clock()
            stream.flush()
            if found.state != "upcoming":
                return
            # Floored seconds change as the remaining time crosses a whole second: look half a
            # second after that, so each frame shows a new second, and at the start itself.
            remaining = (event.utc_start - current()).total_seconds()
            sleep(min((remaining - 0.5) % 1 or 1.0, remaining))
            found = countdown(
                event, now=current(), locale=locale, precision=precision, viewer=viewer
            )
    finally:
        # Ctrl-C (KeyboardInterrupt) passes on: the CLI exits 130, so `&& go-live` stops.
        if interactive:
            stream.write(_SHOW_CURSOR + "\n")
            stream.flush()
