"""The launch event: one instant, held as wall time in an IANA zone, plus what to say about it.

The model is frozen and always aware. Building an event never touches files or the clock;
:mod:`launchcal.eventfile` and the CLI turn user input into these objects.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from launchcal import tz
from launchcal.errors import InputError

if TYPE_CHECKING:
    from launchcal.places import Place

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_DURATION",
    "MAX_ID",
    "MAX_SEQUENCE",
    "MAX_TEXT",
    "MIN_REFRESH",
    "Calendar",
    "Event",
    "Location",
    "Organizer",
    "Session",
    "Status",
    "check_duration",
    "check_moment",
    "check_text",
    "check_web_url",
    "end_after",
    "is_web_url",
    "slugify",
    "typed_texts_pass",
]


# --- the bounds on everything an event holds (stated in the README's Reliability section) ---

#: The years an event may fall in: the tz database is coarse before 1800 (local mean time), and
#: beyond 9000 a VTIMEZONE's search for the next change, or a UTC offset, runs past year 9999.
FIRST_YEAR = 1800
LAST_YEAR = 9000
#: The longest duration: an event's length, a reminder, a calendar's refresh interval.
MAX_DURATION = dt.timedelta(days=366)
#: A calendar asks to be fetched at most once a minute.
MIN_REFRESH = dt.timedelta(minutes=1)
#: The longest text field (a title, a description): a page stays a page.
MAX_TEXT = 10_000
#: The longest id: it names files (``<id>.ics``, ``<id>.json``) and a file name holds 255 bytes.
MAX_ID = 200
#: RFC 5545 integers (SEQUENCE) are signed 32-bit values (section 3.3.8).
MAX_SEQUENCE = 2**31 - 1
_ZERO = dt.timedelta(0)

# C0 controls (tab, newline and carriage return are dealt with apart), DEL, C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BREAK = re.compile("[\n\r]")
_WEB_URL = re.compile(r"https?://[^\s/?#]", re.IGNORECASE)  # a scheme, then a host
_SPACE = re.compile(r"\s")  # str.isspace()'s characters: the same Unicode table
# _PRINTABLE: text that str.isprintable() passes holds none of _CONTROL's, _BREAK's or
# _SPACE's characters but the space, and no lone surrogate: all are in the categories Cc, Cs,
# Zs, Zl or Zp, which it refuses. That C loop reads the common text several times faster than
# a search, so the searches run only on the rest (a tab, a no-break space, a line break).
# What typed one-line text may not hold: _CONTROL's characters and _BREAK's, in one class.
_CONTROL_OR_BREAK = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@cache
def _surrogate() -> re.Pattern[str]:
    """Lone surrogates; compiled for the first text that is not ASCII (0.2 ms), not at start-up."""
    return re.compile("[\ud800-\udfff]")


def check_text(
    value: str, what: str, *, typed: bool = False, multiline: bool = False, limit: int = MAX_TEXT
) -> str:
    r"""Refuse text no output can carry: too long, or not UTF-8; typed text also with controls.

    A lone surrogate (bytes that were not UTF-8, as ``$'A\xffB'`` gives) cannot be written
    to a page. Text a person typed (``typed``: an event file, a flag) may not hold control
    characters either: a title ending in ``ESC[8m`` would hide the real time on a terminal.
    Outputs still escape them (the model may be built from any string), and
    :mod:`launchcal.terminal` makes them inert on a terminal.

    Examples:
        >>> check_text("Xiaomi 12S launch", "title")
        'Xiaomi 12S launch'
        >>> check_text("A\x1b[8mB", "title", typed=True)
        Traceback (most recent call last):
        ...
        launchcal.errors.InputError: title holds the control character U+001B; remove it
    """
    if len(value) > limit:
        raise InputError(f"{what} is {len(value):,} characters long; the limit is {limit:,}")
    if not value.isascii() and _surrogate().search(value):
        raise InputError(f"{what} holds bytes that are not UTF-8 text; write it in UTF-8")
    if not typed or value.isprintable():  # see _PRINTABLE
        return value
    found = _CONTROL.search(value) or (None if multiline else _BREAK.search(value))
    if found is None:
        return value
    if found.group() in "\n\r":
        raise InputError(f"{what} must be one line; remove the line break")
    raise InputError(f"{what} holds the control character U+{ord(found.group()):04X}; remove it")


def typed_texts_pass(lines: tuple[str, ...], paragraphs: tuple[str, ...]) -> bool:
    r"""Whether :func:`check_text` with ``typed=True`` passes each of ``lines`` and, with
    ``multiline=True`` too, each of ``paragraphs``: the texts read together, not one by one.

    An event file's event holds half a dozen texts and nearly every one passes, so a reader
    of 100,000 events asks this first and checks text by text (to name the field, in the
    order it reads them) only when it is ``False``.

    Examples:
        >>> typed_texts_pass(("Launch", "launch-1"), ("Doors open at 9.\nLivestream.",))
        True
        >>> typed_texts_pass(("Launch\n",), ())
        False
    """
    line = "".join(lines)
    paragraph = "".join(paragraphs)
    if len(line) + len(paragraph) > MAX_TEXT and any(
        len(text) > MAX_TEXT for text in (*lines, *paragraphs)
    ):
        return False
    if not line.isprintable() and not _holds_none(line, _CONTROL_OR_BREAK):  # see _PRINTABLE
        return False
    return all(map(str.isprintable, paragraph.split("\n"))) or _holds_none(paragraph, _CONTROL)


def _holds_none(text: str, faults: re.Pattern[str]) -> bool:
    """Whether ``text`` holds no lone surrogate and none of the characters ``faults`` finds."""
    return (text.isascii() or _surrogate().search(text) is None) and faults.search(text) is None


def check_moment(moment: dt.date, what: str) -> None:
    """Refuse a date outside :data:`FIRST_YEAR` to :data:`LAST_YEAR`.

    Examples:
        >>> check_moment(dt.date(9999, 12, 31), "start")
        Traceback (most recent call last):
        ...
        launchcal.errors.InputError: start 9999-12-31 is outside the years 1800 to 9000
    """
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise InputError(
            f"{what} {moment.isoformat()[:10]} is outside the years {FIRST_YEAR} to {LAST_YEAR}"
        )


def check_duration(duration: dt.timedelta, what: str) -> None:
    """Refuse a duration that is not positive or is longer than :data:`MAX_DURATION`."""
    if duration <= _ZERO:
        raise InputError(f"{what} must be longer than zero")
    if duration > MAX_DURATION:
        raise InputError(f"{what} is longer than {MAX_DURATION.days} days, the limit")


class Status(enum.StrEnum):
    """Where the launch stands; ``RESCHEDULED`` comes with the start it moved from."""

    SCHEDULED = "scheduled"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"


@dataclass(frozen=True, slots=True)
class Location:
    """Where the launch happens: online (a stream URL), a venue, or both."""

    name: str = ""
    online: bool = False
    url: str | None = None
    address: str = ""

    def __post_init__(self) -> None:
        check_text(self.name, "location name")
        check_text(self.address, "location address")
        if not self.online and not self.name:
            raise InputError("a location needs a name unless it is online")
        if self.url is not None:
            check_web_url(self.url, "location url")

    @property
    def label(self) -> str:
        """The place as one line for a calendar's location field.

        Examples:
            >>> Location("Kraftwerk Berlin", address="Köpenicker Str. 70, Berlin").label
            'Kraftwerk Berlin, Köpenicker Str. 70, Berlin'
            >>> Location(online=True).label
            'Online'
        """
        parts = [part for part in (self.name, self.address) if part]
        return ", ".join(parts) or "Online"


@dataclass(frozen=True, slots=True)
class Organizer:
    """Who runs the launch."""

    name: str
    email: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        check_text(self.name, "organizer name")
        if not self.name.strip():
            raise InputError("an organizer needs a name")
        if self.email is not None and not _EMAIL.fullmatch(self.email):
            raise InputError(f"organizer email {self.email!r} is not an email address")
        if self.url is not None:
            check_web_url(self.url, "organizer url")


@dataclass(frozen=True, slots=True)
class Session:
    """One of several times of a launch (a regional keynote, the global stream, a hands-on).

    ``start`` is aware; ``end`` (if known) is in the same zone; ``title`` names the session.
    """

    title: str
    start: dt.datetime
    end: dt.datetime | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise InputError("a session needs a title")
        if self.start.tzinfo is None or self.start.utcoffset() is None:
            raise InputError(f"session {self.title!r}: its start must carry its time zone")
        if self.end is not None and (
            self.end.tzinfo is None or self.end.astimezone(dt.UTC) <= self.start.astimezone(dt.UTC)
        ):
            raise InputError(f"session {self.title!r}: its end must come after its start")
        if self.url is not None:
            check_web_url(self.url, f"session {self.title!r} url")

    @property
    def zone(self) -> str:
        """The IANA zone the session is announced in."""
        return str(self.start.tzinfo)


@dataclass(frozen=True, slots=True)
class Event:
    """A launch, livestream or keynote: the single source every output is made from.

    ``start`` is aware and carries the event's own zone; ``end`` (if known) is in the same zone.
    ``time_known=False`` marks a date whose time is still to be announced: ``start`` is then
    midnight of that date and calendars get an all-day entry.
    """

    title: str
    start: dt.datetime
    zone: str
    id: str = ""
    end: dt.datetime | None = None
    time_known: bool = True
    url: str | None = None
    location: Location | None = None
    description: str = ""
    organizer: Organizer | None = None
    status: Status = Status.SCHEDULED
    previous_start: dt.datetime | None = None
    sequence: int = 0
    audience: tuple[Place, ...] = ()
    reminders: tuple[dt.timedelta, ...] = ()
    image: str | None = None  # an http(s) picture of the launch (event pages, og:image)
    #: Where to watch the recording once the event has ended (the widget links it then).
    replay_url: str | None = None
    # More than one instant (see launchcal.recurrence): a series repeats the start's wall time
    # by an RFC 5545 RRULE, less the exdates; a rolling release goes live at the start's wall
    # time in each market; sessions are several times of one launch. ``fold`` is what picks the
    # instant when some occurrence or market falls in a DST overlap or gap.
    rrule: str | None = None
    exdates: tuple[dt.datetime, ...] = ()
    rolling: bool = False
    markets: tuple[Place, ...] = ()
    sessions: tuple[Session, ...] = ()
    fold: tz.Fold | None = None

    def __post_init__(self) -> None:
        check_text(self.title, "title")
        check_text(self.description, "description", multiline=True)
        if not self.title.strip():
            raise InputError("an event needs a title")
        if self.start is not None:
            check_moment(self.start, "start")
        if self.end is not None:
            check_moment(self.end, "end")
        if self.previous_start is not None:
            check_moment(self.previous_start, "previous_start")
        if self.start.tzinfo is None or tz.offset(self.start) is None:
            raise InputError("an event start must carry its time zone")
        if str(self.start.tzinfo) != self.zone:
            raise InputError(f"start is in {self.start.tzinfo}, but the event zone is {self.zone}")
        if self.end is not None:
            if self.end.tzinfo is None:
                raise InputError("an event end must carry its time zone")
            # Compare instants: with one shared tzinfo Python compares wall times and ignores
            # fold, so an end just after a fall-back (01:00 GMT after 01:30 BST) looked earlier.
            lasting = tz.elapsed(self.start, self.end)
            if lasting <= _ZERO:
                raise InputError(
                    f"the end ({self.end.isoformat()}) must come after the start "
                    f"({self.start.isoformat()})"
                )
            check_duration(lasting, "the event (end minus start)")
        if self.previous_start is not None and self.previous_start.tzinfo is None:
            raise InputError("previous_start must carry its time zone")
        if self.status is Status.RESCHEDULED and self.previous_start is None:
            raise InputError("a rescheduled event needs previous_start, the start it moved from")
        if self.url is not None:
            check_web_url(self.url, "url")
        if self.image is not None:
            check_web_url(self.image, "image")
        if self.replay_url is not None:
            check_web_url(self.replay_url, "replay_url")
        if not 0 <= self.sequence <= MAX_SEQUENCE:
            raise InputError(
                f"sequence {self.sequence} is outside 0 to {MAX_SEQUENCE:,} (RFC 5545 integers)"
            )
        for reminder in self.reminders:
            if reminder <= _ZERO:
                raise InputError("a reminder must come a positive time before the start")
            check_duration(reminder, "a reminder")
        if len(self.id) > MAX_ID:
            raise InputError(f"event id is {len(self.id)} characters long; the limit is {MAX_ID}")
        if not self.id:
            slug = slugify(f"{self.title} {self.start:%Y-%m-%d}")
            if len(slug) > MAX_ID:
                slug = slugify(self.title)[: MAX_ID - 11].rstrip("-") + f"-{self.start:%Y-%m-%d}"
            object.__setattr__(self, "id", slug)
        elif not _ID.fullmatch(self.id):
            raise InputError(
                f"event id {self.id!r} may hold only letters, digits, '.', '_', '@' and '-'"
            )
        if self.rrule is not None or self.rolling or self.sessions or self.exdates:
            from launchcal import recurrence

            recurrence.validate(self)

    @classmethod
    def at(
        cls,
        title: str,
        wall: dt.datetime,
        zone: str,
        *,
        fold: tz.Fold | None = None,
        duration: dt.timedelta | None = None,
        **fields: object,
    ) -> Event:
        """Build an event from a naive wall time in ``zone``, refusing DST guesses.

        Examples:
            >>> e = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai",
            ...              duration=dt.timedelta(hours=2))
            >>> e.utc_start.isoformat(), e.end.isoformat()
            ('2022-07-04T11:00:00+00:00', '2022-07-04T21:00:00+08:00')
        """
        start = tz.localize(wall, zone, fold)
        end = None if duration is None else end_after(start, duration)
        return cls(title=title, start=start, zone=zone, end=end, fold=fold, **fields)  # type: ignore[arg-type]

    @property
    def utc_start(self) -> dt.datetime:
        """The start as a UTC instant."""
        return self.start.astimezone(dt.UTC)

    @property
    def utc_end(self) -> dt.datetime | None:
        """The end as a UTC instant, if the event has one."""
        return None if self.end is None else self.end.astimezone(dt.UTC)

    @property
    def duration(self) -> dt.timedelta | None:
        """Real elapsed time from start to end (DST changes in between included)."""
        if self.end is None:
            return None
        return tz.elapsed(self.start, self.end)

    @property
    def link(self) -> str | None:
        """The web page to open for the event: its own url, else the location's (a stream)."""
        if self.url is not None:
            return self.url
        return self.location.url if self.location is not None else None

    @property
    def stream_url(self) -> str | None:
        """Where to watch it live: an online location's url, else the event's own."""
        if not self.is_online:
            return None
        assert self.location is not None
        return self.location.url or self.url

    @property
    def is_series(self) -> bool:
        """Whether the event repeats (an RRULE)."""
        return self.rrule is not None

    @property
    def is_online(self) -> bool:
        """Whether people attend over the internet."""
        return self.location is not None and self.location.online


@dataclass(frozen=True, slots=True)
class Calendar:
    """Several events published together (a feed, a season of launches)."""

    events: tuple[Event, ...]
    name: str = ""
    description: str = ""
    url: str | None = None
    refresh: dt.timedelta = field(default=dt.timedelta(hours=12))

    def __post_init__(self) -> None:
        if not self.events:
            raise InputError("a calendar needs at least one event")
        seen: set[str] = set()
        for event in self.events:
            if event.id in seen:
                raise InputError(f"two events share the id {event.id!r}; give each its own id")
            seen.add(event.id)
        check_text(self.name, "calendar name")
        check_text(self.description, "calendar description", multiline=True)
        if not self.name:
            object.__setattr__(self, "name", self.events[0].title)
        if self.url is not None:
            check_web_url(self.url, "calendar url")
        if not MIN_REFRESH <= self.refresh <= MAX_DURATION:
            raise InputError(
                f"refresh must be between {MIN_REFRESH.seconds // 60} minute and "
                f"{MAX_DURATION.days} days"
            )

    def get(self, event_id: str) -> Event:
        """The event with this id, or an error listing the ids there are."""
        for event in self.events:
            if event.id == event_id:
                return event
        ids = ", ".join(e.id for e in self.events)
        raise InputError(f"no event with id {event_id!r}; the ids are: {ids}")


def _slot_init(cls: type[Any]) -> None:
    """Give ``cls``, a frozen dataclass with slots, an ``__init__`` that sets each field
    through its slot's descriptor.

    A frozen dataclass's own ``__init__`` sets each field with ``object.__setattr__(self,
    name, value)``, which looks the name up again for every field: reading a feed of 100,000
    events spent a sixth of its time there (an Event has 24 fields). This ``__init__`` takes
    the same arguments in the same order with the same defaults and then calls
    ``__post_init__``; the instance is as frozen as before (``tests/test_event.py``).
    Compiling it takes half a millisecond, so only a reader of many events asks for it
    (:func:`many_events`).
    """
    fields = dataclasses.fields(cls)
    assert all(f.init and f.default_factory is dataclasses.MISSING for f in fields)
    scope: dict[str, object] = {f"_set_{f.name}": cls.__dict__[f.name].__set__ for f in fields}
    scope.update({f"_default_{f.name}": f.default for f in fields})
    parameters = ", ".join(
        f.name if f.default is dataclasses.MISSING else f"{f.name}=_default_{f.name}"
        for f in fields
    )
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fields)
    exec(f"def __init__(self, {parameters}):\n{body}    self.__post_init__()\n", scope)  # noqa: S102
    init: Any = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = cls.__init__.__annotations__
    cls.__init__ = init


@cache
def many_events() -> None:
    """Make building an :class:`Event` faster from here on (see :func:`_slot_init`): for a
    reader of thousands of events, not for a command that starts up to show one."""
    _slot_init(Event)


def end_after(start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    """The end of an event lasting ``duration`` of real time, on the start's own clock.

    Elapsed time is added in UTC: three hours from 00:30 on the night London's clocks go
    forward end at 04:30 BST.

    Examples:
        >>> from launchcal import tz
        >>> start = tz.localize(dt.datetime(2026, 3, 29, 0, 30), "Europe/London")
        >>> end_after(start, dt.timedelta(hours=3)).isoformat()
        '2026-03-29T04:30:00+01:00'
    """
    tzinfo = start.tzinfo
    offset = tz.offset(start)
    if type(start) is dt.datetime and tzinfo is not None and offset is not None:
        # What astimezone() does, without making the UTC value and converting it back:
        # the fields of the end's UTC time, handed to the zone's fromutc().
        return tzinfo.fromutc(start - offset + duration)
    return (start.astimezone(dt.UTC) + duration).astimezone(tzinfo)


def slugify(text: str) -> str:
    """A stable, URL-safe id from free text.

    Examples:
        >>> slugify("Xiaomi 12S series launch 2022-07-04")
        'xiaomi-12s-series-launch-2022-07-04'
        >>> slugify("Café: Über-Launch!")
        'cafe-uber-launch'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "event"


def check_web_url(url: str, what: str) -> None:
    """Refuse anything but an absolute http(s) URL: other schemes end up as links in pages."""
    if not isinstance(url, str):
        raise InputError(f"{what} must be text in quotes, got {url!r}")
    check_text(url, what)
    if not is_web_url(url):
        raise InputError(f"{what} {url!r} is not an http(s) URL")


def is_web_url(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) URL with no space in it: :func:`check_web_url`'s
    test without its text checks, for a reader that has checked the text already."""
    return _WEB_URL.match(url) is not None and (
        (url.isprintable() and " " not in url) or _SPACE.search(url) is None  # see _PRINTABLE
    )
