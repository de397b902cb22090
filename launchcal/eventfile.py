"""Event files: TOML in, a :class:`~launchcal.event.Calendar` out.

A file holds one event as top-level keys, or many as ``[[event]]`` tables with an optional
``[calendar]`` table. Every error names the file, the event, the field and, where it can be
found, the line, so a publisher can fix the file without guessing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, AnyStr, cast

from launchcal import places, tz
from launchcal.errors import (
    AmbiguousTimeError,
    EventFileError,
    InputError,
    LaunchcalError,
    NonexistentTimeError,
    WallTimeError,
)
from launchcal.event import (
    MAX_DURATION,
    Calendar,
    Event,
    Location,
    Organizer,
    Session,
    Status,
    check_duration,
    check_moment,
    check_text,
    check_web_url,
    end_after,
    many_events,
    typed_texts_pass,
)
from launchcal.messages import DEFAULT_TITLE

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["EVENT_FIELDS", "from_flags", "load", "loads", "parse_duration", "parse_wall_time"]

EVENT_FIELDS = (
    "id",
    "title",
    "start",
    "zone",
    "end",
    "duration",
    "fold",
    "url",
    "location",
    "description",
    "organizer",
    "status",
    "previous_start",
    "sequence",
    "audience",
    "reminders",
    "image",
    "replay_url",
    "rrule",
    "exdate",
    "rolling",
    "markets",
    "sessions",
)
SESSION_FIELDS = ("title", "start", "zone", "end", "duration", "url")
CALENDAR_FIELDS = ("name", "description", "url", "refresh")

#: The largest event file read: far beyond any real one, and ``/dev/zero`` stops here.
MAX_FILE_BYTES = 128 * 1024 * 1024  # a feed of 100,000 described events is ~45 MB
#: No duration or time needs more characters (and a 5,000-digit number is slow to read).
_MAX_FIELD = 100

_DURATION_UNITS = {
    "w": 604800, "week": 604800, "weeks": 604800,
    "d": 86400, "day": 86400, "days": 86400,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
}  # fmt: skip
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)")
_ISO_DURATION = re.compile(
    r"P(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)S)?)?"
)


def parse_duration(text: str) -> dt.timedelta:
    """Read "2h", "1h30m", "90 minutes", "1 day" or ISO 8601 "PT2H".

    Examples:
        >>> parse_duration("1h30m")
        datetime.timedelta(seconds=5400)
        >>> parse_duration("PT2H")
        datetime.timedelta(seconds=7200)
    """
    cleaned = text.strip()
    if len(cleaned) > _MAX_FIELD:
        raise InputError(f"the duration {text[:20]!r}... is too long to be a duration")
    iso = _ISO_DURATION.fullmatch(cleaned.upper())
    if iso and cleaned.upper() not in ("P", "PT") and any(iso.groupdict().values()):
        parts = {k: int(v or 0) for k, v in iso.groupdict().items()}
        return _bounded(
            text,
            parts["w"] * 604800 + parts["d"] * 86400 + parts["h"] * 3600 + parts["m"] * 60
            + parts["s"],
        )  # fmt: skip
    lowered = cleaned.lower().replace(",", " ").replace(" and ", " ")
    seconds = 0.0
    position = 0
    for match in _DURATION_PART.finditer(lowered):
        if lowered[position : match.start()].strip():
            break
        unit = _DURATION_UNITS.get(match.group(2))
        if unit is None:
            break
        seconds += float(match.group(1)) * unit
        position = match.end()
    else:
        if position and not lowered[position:].strip():
            return _bounded(text, seconds)
    raise InputError(
        f"cannot read the duration {text!r}; write it like '2h', '1h30m', '90m' or 'PT2H'"
    )


def _bounded(text: str, seconds: float) -> dt.timedelta:
    """The duration, if within :data:`~launchcal.event.MAX_DURATION` (timedelta overflows)."""
    if seconds > MAX_DURATION.total_seconds():
        raise InputError(
            f"the duration {text!r} is longer than {MAX_DURATION.days} days, the limit"
        )
    return dt.timedelta(seconds=round(seconds))


def parse_wall_time(text: str) -> dt.datetime | dt.date:
    """Read "2022-07-04 19:00" (a wall time) or "2022-07-04" (a date, time to be announced).

    Examples:
        >>> parse_wall_time("2022-07-04 19:00")
        datetime.datetime(2022, 7, 4, 19, 0)
        >>> parse_wall_time("2022-07-04")
        datetime.date(2022, 7, 4)
    """
    cleaned = text.strip()
    # A date alone, extended (2022-07-04) or basic (20220704): the time is to be announced.
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{8}", cleaned):
        try:
            date = dt.date.fromisoformat(cleaned)
        except ValueError as error:
            raise InputError(f"{text!r} is not a real date: {error}") from None
        check_moment(date, "the date")
        return date
    try:
        if len(cleaned) > _MAX_FIELD:
            raise ValueError(cleaned)
        moment = dt.datetime.fromisoformat(cleaned.replace("T", " ", 1))
    except ValueError:
        raise InputError(
            f"cannot read the time {text[:40]!r}; write it as 'YYYY-MM-DD HH:MM' "
            "(24-hour clock, the event's own local time)"
        ) from None
    check_moment(moment, "the time")
    return moment


def load(path: str | Path, *, fold: tz.Fold | None = None) -> Calendar:
    """Read an event file.

    Args:
        path: the TOML file.
        fold: how to read a start that a DST change makes ambiguous or nonexistent, for
            events whose file does not say (``fold = "earlier"`` in the event).

    Raises:
        EventFileError: the file cannot be read or one of its fields is wrong.
    """
    file = str(path)
    try:
        with open(file, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise EventFileError(f"{file}: no such event file") from None
    except OSError as error:
        raise EventFileError(f"{file}: cannot read it ({error.strerror})") from None
    if len(data) > MAX_FILE_BYTES:
        raise EventFileError(
            f"{file}: larger than {MAX_FILE_BYTES // 2**20} MB, which no event file needs; "
            "is it the right file?"
        )
    cuts = _header_starts(data, _EVENT_HEADER_BYTES, _AFTER_A_LINE_BYTES)
    if len(cuts) > PIECE_EVENTS:
        many_events()
        # Each piece decoded as it is parsed: the whole file is never held as text too (a
        # str of 45 MB with one CJK character in it takes 90 MB). A cut is at the start of a
        # line, so never inside a character's UTF-8 bytes.
        pieces = (data[start:end].decode("utf-8") for start, end in _spans(cuts, len(data)))
        with _collector_paused():
            try:
                return _Reader("", file, fold).in_pieces(pieces)
            except (_NotInPiecesError, UnicodeDecodeError):
                pass  # read as one, below: the same result, or the error it has always given
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise EventFileError(f"{file}: not a UTF-8 text file") from None
    del data  # the text is all that is read from here on
    return _loads(text, file, fold, pieces=False)


def _spans(cuts: list[int], size: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the head (before the first cut) and of each piece of
    :data:`PIECE_EVENTS` events."""
    starts = [0, *cuts[::PIECE_EVENTS]]
    return zip(starts, [*starts[1:], size], strict=True)


def loads(text: str, *, source: str = "<string>", fold: tz.Fold | None = None) -> Calendar:
    """Read event-file text; ``source`` names it in error messages."""
    return _loads(text, source, fold, pieces=True)


def _loads(text: str, source: str, fold: tz.Fold | None, *, pieces: bool) -> Calendar:
    import tomllib  # not needed for events given by flags

    with _collector_paused():
        if pieces:
            cuts = _header_starts(text, _EVENT_HEADER, _AFTER_A_LINE)
            if len(cuts) > PIECE_EVENTS:
                parts = (text[start:end] for start, end in _spans(cuts, len(text)))
                try:
                    return _Reader(text, source, fold).in_pieces(parts)
                except _NotInPiecesError:
                    pass  # read as one, below: the same result, or the error it always gave
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise EventFileError(f"{source}: not valid TOML: {error}") from None
        except RecursionError:
            raise EventFileError(f"{source}: arrays or tables nested too deeply") from None
        return _Reader(text, source, fold).calendar(data)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a file is read: reading makes millions of
    small objects (a dict, strings and dates per event) and no reference cycles, and each
    collection would walk the whole growing heap again, a cost that grows faster than the
    file (a feed of 100,000 events)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


#: A file of more events than this is parsed this many ``[[event]]`` tables at a time.
PIECE_EVENTS = 1000
_EVENT_HEADER = re.compile(r"^\[\[event\]\][ \t]*\r?$", re.MULTILINE)
_EVENT_HEADER_BYTES = re.compile(_EVENT_HEADER.pattern.encode("ascii"), re.MULTILINE)
# The header after a line break: a pattern that starts with a literal is searched for by it,
# while ``^`` is tried at every position (0.39 s against 0.07 s in a feed of 100,000 events).
_AFTER_A_LINE = re.compile("\n" + _EVENT_HEADER.pattern.removeprefix("^"), re.MULTILINE)
_AFTER_A_LINE_BYTES = re.compile(_AFTER_A_LINE.pattern.encode("ascii"), re.MULTILINE)


def _header_starts(
    text: AnyStr, header: re.Pattern[AnyStr], after_a_line: re.Pattern[AnyStr]
) -> list[int]:
    """Where each ``[[event]]`` line starts: what ``header.finditer`` finds, found faster."""
    starts = [0] if header.match(text) else []
    starts += [match.start() + 1 for match in after_a_line.finditer(text)]
    return starts


def _piece_reader(text: str) -> Callable[[str], dict[str, Any]]:
    """The TOML reader for a big file's pieces.

    toml-rs (Rust's ``toml`` crate) held to TOML 1.0, the version tomllib reads, parses a
    piece about four times faster than tomllib and gives the same values, datetimes and
    offsets included (``tests/test_eventfile_pieces.py`` compares the two). Whatever it
    refuses (a ``ValueError``, as tomllib's errors are), tomllib then reads the whole file
    and gives the error it has always given. tomllib refuses a byte-order mark that toml-rs
    skips, so such a file stays with tomllib.
    """
    if not text.startswith("\ufeff"):
        try:
            import toml_rs
        except ImportError:  # pragma: no cover - a runtime dependency; tomllib reads the same
            pass
        else:
            return partial(toml_rs.loads, toml_version="1.0.0")
    import tomllib

    return tomllib.loads


class _NotInPiecesError(Exception):
    """The file must be parsed as a whole (see :meth:`_Reader.in_pieces`)."""


def from_flags(
    *,
    start: dt.datetime | dt.date,
    zone: places.Place,
    title: str | None = None,
    end: dt.datetime | dt.date | None = None,
    duration: dt.timedelta | None = None,
    fold: tz.Fold | None = None,
) -> Calendar:
    """A one-event calendar from command-line flags (``--start``, ``--zone``, ...)."""
    if end is not None and duration is not None:
        raise InputError("give --end or --duration, not both")
    start_at = _moment(start, zone.zone, fold, "--fold {}")
    end_at = None if end is None else _moment(end, zone.zone, fold, "--fold {}")
    if duration is not None:
        check_duration(duration, "--duration")
        end_at = end_after(start_at, duration)
    time_known = isinstance(start, dt.datetime)
    if title is not None:
        check_text(title, "--title", typed=True)
    event = Event(
        title=DEFAULT_TITLE if title is None else title,
        start=start_at,
        zone=zone.zone,
        end=end_at,
        time_known=time_known,
    )
    return Calendar(events=(event,))


class _Reader:
    def __init__(self, text: str, source: str, fold: tz.Fold | None) -> None:
        self.text = text  # split into lines only to name one in an error
        self.source = source
        self.fold = fold
        # A feed names the same few places thousands of times (each event's zone and
        # audience): each distinct string is looked up once per file.
        self.places: dict[str, places.Place] = {}
        self.shared: dict[tuple[str, str], Any] = {}

    def place(self, value: Any) -> places.Place:
        """The place a ``zone``, ``audience`` or ``markets`` string names (looked up once)."""
        found = self.places.get(value) if isinstance(value, str) else None
        if found is None:
            text = _text(value)
            found = self.places[text] = places.resolve(text)
        return found

    def audience(self, value: Any) -> tuple[places.Place, ...]:
        if not isinstance(value, list):
            raise InputError('expected a list of places, like ["Nairobi", "London"]')
        return tuple(self.place(item) for item in value)

    def fail(
        self, message: str, *, event: int | None = None, label: str = "", key: str = ""
    ) -> EventFileError:
        where = [self.source]
        if event is not None:
            where.append(f"event {label!r}" if label else f"event #{event + 1}")
        if key:
            where.append(f"field {key!r}")
            line = self._line_of(key, event)
            if line:
                where.append(f"line {line}")
        return EventFileError(", ".join(where) + ": " + message)

    def _line_of(self, key: str, event: int | None) -> int | None:
        """Where ``key`` is set: inside the event's ``[[event]]`` table, or at the top."""
        header = re.compile(r"\s*\[")
        assignment = re.compile(rf"\s*{re.escape(key)}\s*=")
        section = -1  # -1: top level, before any table
        in_event = True
        for number, line in enumerate(self.text.splitlines(), start=1):
            if header.match(line):
                if re.match(r"\s*\[\[\s*event\s*\]\]", line):
                    section += 1
                    in_event = event is None or section == event
                else:
                    in_event = re.match(r"\s*\[\s*calendar\s*\]", line) is not None and (
                        event is None
                    )
                continue
            wanted_section = event is not None and section == event
            at_top = section == -1 and event in (None, 0)
            if (wanted_section or (at_top and in_event)) and assignment.match(line):
                return number
        return None

    def calendar(self, data: dict[str, Any], read: tuple[Event, ...] | None = None) -> Calendar:
        """The calendar in ``data`` (``read``: its events, already read piece by piece)."""
        raw_events = data.get("event")
        if raw_events is None:
            meta: Mapping[str, Any] = {}
            if "calendar" in data:
                raise self.fail("a [calendar] table needs [[event]] tables beside it")
            raw_events = [data]
        else:
            if not isinstance(raw_events, list):
                raise self.fail("'event' must be an array of tables: write [[event]]")
            meta = data.get("calendar", {})
            extra = set(data) - {"event", "calendar"}
            if extra:
                key = sorted(extra)[0]
                raise self.fail(
                    f"top-level {key!r} beside [[event]] tables; move it into an event or "
                    "into [calendar]",
                    key=key,
                )
            if not isinstance(meta, dict):
                raise self.fail("'calendar' must be a table: write [calendar]")
            self._check_keys(meta, CALENDAR_FIELDS, None, "", "in [calendar]")
        if read is not None:
            events = read
        elif not raw_events:
            raise self.fail("the file holds no events; add an [[event]] table")
        else:
            events = tuple(self._each_event(raw_events))
        try:
            return Calendar(
                events=events,
                name=self._meta(meta, "name", _text, ""),
                description=self._meta(meta, "description", _paragraph, ""),
                url=self._meta(meta, "url", _text, None),
                refresh=self._meta(meta, "refresh", _duration, dt.timedelta(hours=12)),
            )
        except EventFileError:
            raise
        except InputError as error:
            raise self.fail(str(error)) from None

    def in_pieces(self, pieces: Iterator[str]) -> Calendar:
        """The calendar from its text in ``pieces``: the head (the text before the first
        ``[[event]]`` line), then pieces that each start at an ``[[event]]`` line. Each piece
        is parsed and its events read before the next is parsed, so that the whole file's
        TOML tree (five times the size of the text) is never in memory at once.

        Raises:
            _NotInPiecesError: the pieces do not add up to the file as one parse reads it (a cut
                inside a multi-line string leaves a piece that does not parse; a table given
                twice), or something is wrong: :func:`loads` then reads the whole file, as
                it always has, and says what.
        """
        head = next(pieces)
        parse = _piece_reader(head)
        try:
            data = parse(head)
            if "event" in data:
                raise _NotInPiecesError
            events: list[Event] = []
            for piece in pieces:
                part = parse(piece)
                tables = part.pop("event", None)
                if not isinstance(tables, list) or set(part) & set(data):
                    raise _NotInPiecesError
                data.update(part)
                for table in tables:
                    events.append(self.event(table, len(events)))
                del part, tables
        except (ValueError, RecursionError, LaunchcalError):  # TOMLDecodeError is a ValueError
            raise _NotInPiecesError from None
        data["event"] = []
        try:
            return self.calendar(data, read=tuple(events))
        except LaunchcalError:
            raise _NotInPiecesError from None

    def _each_event(self, raw_events: list[Any]) -> Iterator[Event]:
        """The events in file order; each table is let go once read (a big feed's tables
        and its events need not all be in memory at once)."""
        for index in range(len(raw_events)):
            raw, raw_events[index] = raw_events[index], None
            yield self.event(raw, index)

    def _meta(
        self, meta: Mapping[str, Any], key: str, convert: Callable[[Any], Any], default: Any
    ) -> Any:
        """A [calendar] field, read like an event's (text must be text, 5 is not a name)."""
        if key not in meta:
            return default
        try:
            return convert(meta[key])
        except InputError as error:
            raise self.fail(f"in [calendar]: {error}", key=key) from None

    def _check_keys(
        self,
        raw: Mapping[str, Any],
        known: tuple[str, ...],
        index: int | None,
        label: str,
        where: str,
    ) -> None:
        if _known_keys(known).issuperset(raw):
            return
        for key in raw:
            if key not in known:
                import difflib

                close = difflib.get_close_matches(key, known, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(known)}"
                problem = f"unknown field {where}".strip()
                raise self.fail(f"{problem}; {hint}", event=index, label=label, key=key)

    def event(self, raw: Any, index: int) -> Event:
        """The event in table ``raw``, the ``index``-th of the file."""
        found = self._common_event(raw) if type(raw) is dict else None
        return self._any_event(raw, index) if found is None else found

    def _common_event(self, raw: dict[str, Any]) -> Event | None:
        """The event, if ``raw`` is a common one that reads without a fault; else ``None``.

        A feed's events are nearly all alike (a one-off launch with a title, a start, a zone,
        a link and a few shared values) and nearly all correct, and a feed of 100,000 of them
        spent half its reading time in the per-field care of :meth:`_any_event`: a call and
        a handler per field, the texts searched one by one. This reads such an event with
        the same conversions and the same checks, the texts searched together. Whatever it
        is not sure of (a rarer field, a value of another type, any check that fails) it
        leaves to :meth:`_any_event`, which reads the event again and names what is wrong:
        so the events and the errors are the ones :meth:`_any_event` alone gives.
        """
        if not _COMMON_FIELDS.issuperset(raw):
            return None
        get = raw.get
        title, start_value, zone_value = get("title"), get("start"), get("zone")
        id_, url, image, replay_url = get("id", ""), get("url"), get("image"), get("replay_url")
        description = get("description", "")
        if not (
            type(title) is str
            and type(id_) is str
            and type(description) is str
            and type(zone_value) is str
            and (url is None or type(url) is str)
            and (image is None or type(image) is str)
            and (replay_url is None or type(replay_url) is str)
        ):
            return None
        if image is None and replay_url is None:  # nearly every event: no generator to run
            links: tuple[str, ...] = () if url is None else (url,)
        else:
            links = tuple(link for link in (url, image, replay_url) if link is not None)
        # A link that is not http(s) is refused by the Event (check_web_url), and then read
        # again below, field by field.
        if not typed_texts_pass((title, id_, *links), (description,)):
            return None
        zone_place = self.places.get(zone_value)
        try:
            if zone_place is None:
                zone_place = self.place(zone_value)
            fold = _fold(raw["fold"]) if "fold" in raw else self.fold
            zone = zone_place.zone
            start = _moment(start_value, zone, fold)
            end = None if "end" not in raw else _moment(raw["end"], zone, fold)
            if "duration" in raw:
                if end is not None:
                    return None
                end = end_after(start, _duration(raw["duration"]))
            previous = raw.get("previous_start")
            return Event(
                title=title,
                start=start,
                zone=zone,
                end=end,
                time_known=_has_time(start_value),
                id=id_,
                url=url,
                location=self._shared(raw, "location", _location),
                description=description,
                organizer=self._shared(raw, "organizer", _organizer),
                status=_status(raw["status"]) if "status" in raw else Status.SCHEDULED,
                previous_start=None if previous is None else _moment(previous, zone, fold),
                sequence=_int(raw["sequence"]) if "sequence" in raw else 0,
                audience=self._shared(raw, "audience", self.audience) or (),
                reminders=self._shared(raw, "reminders", _reminders) or (),
                image=image,
                replay_url=replay_url,
                fold=fold,
            )
        except (InputError, TypeError):
            return None

    def _shared(self, raw: dict[str, Any], key: str, convert: Callable[[Any], Any]) -> Any:
        """A field whose values a feed repeats (a venue, an organizer, reminders), each
        distinct value converted once: the model's values are frozen, so events share them."""
        if key not in raw:
            return None
        value = raw[key]
        seen = (key, _same(value))
        found = self.shared.get(seen)  # a table in the table: TypeError, _any_event reads it
        if found is None:
            found = self.shared[seen] = convert(value)
        return found

    def _any_event(self, raw: Any, index: int) -> Event:
        """The event in table ``raw``, read field by field to name any field that is wrong."""
        if not isinstance(raw, dict):
            raise self.fail("each event must be a table", event=index)
        label = str(raw.get("id") or raw.get("title") or "")
        if len(label) > 60:  # errors name the event; a 10,000-character title is no name
            label = label[:57] + "..."
        self._check_keys(raw, EVENT_FIELDS, index, label, "")

        def field(key: str, convert: Callable[[Any], Any], default: Any = None) -> Any:
            if key not in raw:
                return default
            try:
                return convert(raw[key])
            except InputError as error:
                raise self.fail(str(error), event=index, label=label, key=key) from None

        def shared(key: str, convert: Callable[[Any], Any]) -> Any:
            """:meth:`_shared`, with a fault named by its field."""
            try:
                return self._shared(raw, key, lambda _: field(key, convert))
            except TypeError:  # a table in the table: converted each time
                return field(key, convert)

        fold = field("fold", _fold, self.fold)
        audience = shared("audience", self.audience) or ()
        rolling = field("rolling", _bool, False)
        markets = field("markets", self.audience, audience if rolling else ())
        sessions = field("sessions", lambda v: self.sessions(v, fold), ())
        if sessions and "start" not in raw:
            # The launch starts when its first session does.
            first = min(sessions, key=lambda s: s.start.astimezone(dt.UTC))
            raw = {**raw, "start": first.start.replace(tzinfo=None), "zone": first.zone}
            if first.end is not None and "end" not in raw and "duration" not in raw:
                raw["end"] = first.end.replace(tzinfo=None)
        if rolling and markets and "zone" not in raw and "start" in raw:
            # The wall time is each market's own; the launch starts where it goes live first.
            raw = {**raw, "zone": _first_market(raw["start"], markets, fold)}
        for required in ("title", "start", "zone"):
            if required not in raw:
                raise self.fail(f"missing field {required!r}", event=index, label=label)
        title = field("title", _text)
        zone_place = field("zone", self.place)
        zone = zone_place.zone
        start_value = raw["start"]
        time_known = _has_time(start_value)
        start = field("start", lambda v: _moment(v, zone, fold))
        end = field("end", lambda v: _moment(v, zone, fold))
        duration = field("duration", _duration)
        if end is not None and duration is not None:
            raise self.fail(
                "give end or duration, not both", event=index, label=label, key="duration"
            )
        if duration is not None:
            end = end_after(start, duration)
        fields: dict[str, Any] = {
            "title": title,
            "start": start,
            "zone": zone,
            "end": end,
            "time_known": time_known,
            "id": field("id", _text, ""),
            "url": field("url", _url),
            "location": shared("location", _location),
            "description": field("description", _paragraph, ""),
            "organizer": shared("organizer", _organizer),
            "status": field("status", _status, Status.SCHEDULED),
            "previous_start": field("previous_start", lambda v: _moment(v, zone, fold)),
            "sequence": field("sequence", _int, 0),
            "audience": audience,
            "reminders": shared("reminders", _reminders) or (),
            "image": field("image", _url),
            "replay_url": field("replay_url", _url),
            "rrule": field("rrule", _text),
            "exdates": field("exdate", lambda v: _exdates(v, zone, fold), ()),
            "rolling": rolling,
            "markets": markets,
            "sessions": sessions,
            "fold": fold,
        }
        try:
            return Event(**fields)
        except InputError as error:
            raise self.fail(str(error), event=index, label=label) from None

    def sessions(self, value: Any, fold: tz.Fold | None) -> tuple[Session, ...]:
        """``sessions = [...]`` or ``[[event.sessions]]``: each a table of its own times."""
        if not isinstance(value, list) or not value:
            raise InputError(
                'expected a list of session tables, like [{ title = "Keynote", '
                'start = 2026-09-09T10:00:00, zone = "Cupertino" }]'
            )
        found = []
        for number, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                raise InputError(f"session {number} must be a table with title, start, zone")
            unknown = set(item) - set(SESSION_FIELDS)
            if unknown:
                known = ", ".join(SESSION_FIELDS)
                raise InputError(
                    f"session {number}: unknown key {sorted(unknown)[0]!r}; use {known}"
                )
            for required in ("title", "start", "zone"):
                if required not in item:
                    raise InputError(f"session {number} needs {required!r}")
            if "end" in item and "duration" in item:
                raise InputError(f"session {number}: give end or duration, not both")
            zone = self.place(item["zone"]).zone
            start = _moment(item["start"], zone, fold)
            end = _moment(item["end"], zone, fold) if "end" in item else None
            if "duration" in item:
                end = end_after(start, _duration(item["duration"]))
            url = _url(item["url"]) if "url" in item else None
            found.append(Session(_text(item["title"]), start, end, url))
        return tuple(found)


def _has_time(start: Any) -> bool:
    """Whether an event's ``start`` value gives a time of day (a TOML date alone does not)."""
    return not (isinstance(start, dt.date) and not isinstance(start, dt.datetime))


def _same(value: Any) -> Any:
    """What tells a TOML value from any other: text itself, a table's or list's items with
    their types (1, 1.0 and true are equal in Python, not in an event file)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        items = value.values()
        return (dict, tuple(value), tuple(map(type, items)), *items)
    if isinstance(value, list):
        return (list, tuple(map(type, value)), *value)
    return (type(value), value)


#: The fields :meth:`_Reader._common_event` reads; an event with any other goes field by field.
_COMMON_FIELDS = frozenset(EVENT_FIELDS) - {"rolling", "markets", "sessions", "rrule", "exdate"}


@lru_cache(maxsize=8)
def _known_keys(known: tuple[str, ...]) -> frozenset[str]:
    return frozenset(known)


def _first_market(start: Any, markets: tuple[places.Place, ...], fold: tz.Fold | None) -> str:
    """The zone of the market where ``start`` comes first (the first listed if none reads)."""
    found = []
    for market in markets:
        try:
            found.append((_moment(start, market.zone, fold).astimezone(dt.UTC), market.zone))
        except InputError:
            continue  # the Event itself reports the market whose wall time has no instant
    return min(found)[1] if found else markets[0].zone


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise InputError(f"expected true or false, got {value!r}")
    return value


def _exdates(value: Any, zone: str, fold: tz.Fold | None) -> tuple[dt.datetime, ...]:
    if not isinstance(value, list):
        value = [value]
    return tuple(_moment(item, zone, fold) for item in value)


def _text(value: Any) -> str:
    """One line of text: a title, a name (the field's name is added by the reader)."""
    if not isinstance(value, str):
        raise InputError(f"expected text in quotes, got {_shown(value)}")
    return check_text(value, "the text", typed=True)


def _paragraph(value: Any) -> str:
    """Text that may run over several lines: a description, an address."""
    if not isinstance(value, str):
        raise InputError(f"expected text in quotes, got {_shown(value)}")
    return check_text(value, "the text", typed=True, multiline=True)


def _shown(value: Any) -> str:
    """A wrong value, as an error message quotes it: short, whatever its size."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _url(value: Any) -> str:
    url = _text(value)
    check_web_url(url, "url")
    return url


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InputError(f"expected a whole number, got {_shown(value)}")
    return value


def _fold(value: Any) -> tz.Fold:
    if value not in ("earlier", "later"):
        raise InputError(f"expected 'earlier' or 'later', got {_shown(value)}")
    return cast(tz.Fold, value)


def _duration(value: Any) -> dt.timedelta:
    if isinstance(value, int) and not isinstance(value, bool):
        raise InputError(f"give a unit with the number: '{value}m' or '{value}h'")
    if not isinstance(value, str):
        _text(value)  # says what was expected
    return _checked_duration(value)


@lru_cache(maxsize=512)
def _checked_duration(text: str) -> dt.timedelta:
    """A duration field's value; a feed repeats a few ("1h", "15m") thousands of times."""
    duration = parse_duration(_text(text))
    check_duration(duration, "the duration")
    return duration


def _moment(
    value: Any, zone: str, fold: tz.Fold | None, remedy: str = 'fold = "{}"'
) -> dt.datetime:
    """A start/end value: TOML local date-time, date, offset date-time, or a string of those."""
    if isinstance(value, str):
        value = parse_wall_time(value)
    if isinstance(value, dt.date):
        check_moment(value, "the time" if isinstance(value, dt.datetime) else "the date")
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            try:
                return tz.localize(value, zone, fold)
            except WallTimeError as error:
                raise InputError(error.explain(remedy)) from None
        # An explicit offset pins the instant; it must agree with the event's zone.
        local = value.astimezone(tz.zone(zone))
        if local.replace(tzinfo=None) != value.replace(tzinfo=None):
            raise InputError(
                f"{value.isoformat()} is {local:%Y-%m-%d %H:%M} in {zone} "
                f"(UTC{tz.format_offset(local.utcoffset())}); write the wall time in {zone} "
                "without an offset"
            )
        return local
    if isinstance(value, dt.date):
        # A date alone: the event is that whole day, from the first instant the date exists.
        midnight = dt.datetime.combine(value, dt.time())
        try:
            return tz.localize(midnight, zone)
        except NonexistentTimeError:
            return tz.localize(midnight, zone, "later")
        except AmbiguousTimeError:
            return tz.localize(midnight, zone, "earlier")
    raise InputError(f"expected a date-time like 2022-07-04T19:00:00, got {_shown(value)}")


def _location(value: Any) -> Location:
    if isinstance(value, str):
        if value.strip().lower() == "online":
            return Location(online=True)
        return Location(name=_text(value))
    if isinstance(value, dict):
        unknown = set(value) - {"name", "online", "url", "address"}
        if unknown:
            raise InputError(
                f"unknown location key {sorted(unknown)[0]!r}; use name, online, url, address"
            )
        online = value.get("online", False)
        if not isinstance(online, bool):
            raise InputError("location.online must be true or false")
        url = value.get("url")
        return Location(
            name=_text(value.get("name", "")),
            online=online,
            url=None if url is None else _text(url),
            address=_paragraph(value.get("address", "")),
        )
    raise InputError('expected "online", a venue name, or a table {name, online, url}')


def _organizer(value: Any) -> Organizer:
    if isinstance(value, str):
        return Organizer(name=_text(value))
    if isinstance(value, dict):
        unknown = set(value) - {"name", "email", "url"}
        if unknown:
            raise InputError(f"unknown organizer key {sorted(unknown)[0]!r}; use name, email, url")
        return Organizer(
            name=_text(value.get("name", "")),
            email=None if value.get("email") is None else _text(value["email"]),
            url=None if value.get("url") is None else _text(value["url"]),
        )
    raise InputError("expected a name, or a table {name, email, url}")


def _status(value: Any) -> Status:
    try:
        return Status(_text(value).lower())
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise InputError(f"unknown status {value!r}; use one of {choices}") from None


def _reminders(value: Any) -> tuple[dt.timedelta, ...]:
    if not isinstance(value, list):
        raise InputError('expected a list of durations before the start, like ["1d", "15m"]')
    return tuple(_duration(item) for item in value)
