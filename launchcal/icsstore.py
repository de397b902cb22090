"""An event's .ics as an earlier run wrote it, so that a page needs no icalendar to embed it.

``html --page`` embeds the event's .ics in the page (a ``data:`` link) and a one-event site
writes it beside the page; icalendar, which writes it (:mod:`launchcal.ics`), takes about
30 ms to import, a fifth of the page's start-up. So the bytes a run writes are kept in the
cache folder (:mod:`launchcal.cache`), keyed by everything they are made from:

* the calendar as its repr spells it (every field of every event, its zone and its venue);
* the tz database (version and folder) and the Python that reads it;
* launchcal's and icalendar's code, each file by size and modification time (the check
  Python's own bytecode cache makes), so an upgrade or an edited checkout starts afresh.

The key is stored in the entry and compared whole, so two calendars never share bytes. The
``DTSTAMP`` lines are the one part that changes from run to run: the entry holds the stamp it
was written with, and a later run writes its own into each. A run keeps at most
:data:`BUDGET` calendars: a page or a one-event site writes one or two, while a season's
site writes one per event, each once, which a cache would only slow down.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from launchcal.errors import InputError

if TYPE_CHECKING:
    from launchcal.event import Calendar

#: How many calendars one run looks up and keeps (see the module's docstring).
BUDGET = 4

#: Bumped when the entry's layout changes.
_LAYOUT = b"launchcal-ics-1"

#: The most entries the folder keeps; past it the oldest go.
_MAX_ENTRIES = 64

_asked: list[bytes] = []  # the keys this run has looked up, at most BUDGET


def calendar_ics(calendar: Calendar, *, stamp: dt.datetime | None = None) -> bytes:
    """:func:`launchcal.ics.to_ics` of ``calendar``, from the cache folder when an earlier
    run wrote the same calendar with the same code and tz database.

    Examples:
        >>> from launchcal.event import Calendar, Event
        >>> launch = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
        >>> stamp = dt.datetime(2022, 6, 1, tzinfo=dt.UTC)
        >>> from launchcal import ics
        >>> calendar_ics(Calendar((launch,)), stamp=stamp) == ics.to_ics(
        ...     Calendar((launch,)), stamp=stamp)
        True
    """
    moment = dtstamp(stamp)
    path, head = _entry(calendar)
    if path is not None:
        found = _read(path, head)
        if found is not None:
            return _restamped(found, moment)
    from launchcal import ics

    data = ics.to_ics(calendar, stamp=moment)
    if path is not None and data.count(_stamp_line(moment)) == len(calendar.events):
        _keep(path, head, moment, data)
    return data


def dtstamp(stamp: dt.datetime | None) -> dt.datetime:
    """The ``DTSTAMP`` of a file written now: ``stamp`` in whole UTC seconds if given, else
    ``SOURCE_DATE_EPOCH`` when that is set (reproducible builds), else the current time.

    Raises:
        InputError: ``SOURCE_DATE_EPOCH`` is set but is not a whole number of seconds.
        ValueError: ``stamp`` is naive.
    """
    if stamp is not None:
        if stamp.tzinfo is None:
            raise ValueError("stamp must be an aware datetime")
        return stamp.astimezone(dt.UTC).replace(microsecond=0)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise InputError(
            f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds since 1970-01-01; "
            "set it to one (e.g. $(git log -1 --format=%ct)) or unset it"
        ) from None


def _stamp_line(moment: dt.datetime) -> bytes:
    # The line as icalendar writes a UTC DATE-TIME; were it ever written otherwise, the count
    # in calendar_ics would not match and nothing would be kept.
    return b"\r\nDTSTAMP:" + moment.strftime("%Y%m%dT%H%M%SZ").encode("ascii") + b"\r\n"


def _restamped(found: tuple[dt.datetime, bytes], moment: dt.datetime) -> bytes:
    written, data = found
    if written == moment:
        return data
    return data.replace(_stamp_line(written), _stamp_line(moment))


def _entry(calendar: Calendar) -> tuple[Path | None, bytes]:
    """Where this calendar's entry is and the head it must start with (the layout and the
    key); no path when the cache is off or this run has used its budget."""
    from launchcal import cache

    folder = cache.folder()
    if folder is None or len(_asked) >= BUDGET:
        return None, b""
    # A repr escapes every control character, and a path holds no NUL: the key holds no NUL.
    # A path's undecodable bytes are lone surrogates (surrogateescape), hence surrogatepass.
    key = f"{_made_by()}\n{calendar!r}".encode("utf-8", "surrogatepass")
    _asked.append(key)
    import hashlib  # jinja2 has loaded it already on the page's way

    name = hashlib.sha256(key).hexdigest()[:32]
    return folder / "ics" / f"{name}.ics", _LAYOUT + b"\n" + key


def _read(path: Path, head: bytes) -> tuple[dt.datetime, bytes] | None:
    """The entry's stamp and bytes when it starts with exactly ``head``; anything else is a
    miss."""
    try:
        content = path.read_bytes()
    except OSError:
        return None
    found, _, rest = content.partition(b"\0")
    stamp, _, data = rest.partition(b"\0")
    if found != head:
        return None
    try:
        written = dt.datetime.fromtimestamp(int(stamp), dt.UTC)
    except (ValueError, OverflowError, OSError):
        return None
    if not data.startswith(b"BEGIN:VCALENDAR\r\n") or not data.endswith(b"END:VCALENDAR\r\n"):
        return None
    return written, data


def _keep(path: Path, head: bytes, moment: dt.datetime, data: bytes) -> None:
    from launchcal import cache

    cache.store(path, b"\0".join((head, str(int(moment.timestamp())).encode("ascii"), data)))
    _forget_oldest(path.parent)


def _forget_oldest(folder: Path) -> None:
    """Keep the folder to :data:`_MAX_ENTRIES` entries, removing the least recently written."""
    try:
        entries = list(folder.glob("*.ics"))
        if len(entries) <= _MAX_ENTRIES:
            return
        entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
        for entry in entries[: len(entries) - _MAX_ENTRIES]:
            entry.unlink()
    except OSError:
        return


def _made_by() -> str:
    """What the bytes are made from besides the calendar: the tz database (asked each time:
    a program may choose another), Python, and the code of launchcal and icalendar."""
    from launchcal import tz

    database = tz.database()
    return f"{database.version}\n{database.path}\n{_code()}"


@cache
def _code() -> str:
    """Python's version and each module file of launchcal and icalendar, by path, size and
    modification time."""
    import importlib.util
    import sys

    folders = [Path(__file__).parent]
    spec = importlib.util.find_spec("icalendar")
    if spec is not None and spec.origin is not None:
        folders.append(Path(spec.origin).parent)
    parts = [sys.version]
    for folder in folders:
        for module in sorted(folder.glob("*.py")):
            found = module.stat()
            parts.append(f"{module}:{found.st_size}:{found.st_mtime_ns}")
    return "\n".join(parts)
