"""One tz database for every conversion, and wall times that are never guessed.

Two IANA databases usually live on a machine: the system's (``/usr/share/zoneinfo``) and the
``tzdata`` package's. They disagree wherever a government changed its rules between the two
releases, so launchcal picks the newer one once, points :mod:`zoneinfo` at it for the whole
process (pendulum, icalendar and babel all read zones through :mod:`zoneinfo`), and reports its
version. ``LAUNCHCAL_TZDIR`` names a directory of compiled zones to use instead.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import struct
import zoneinfo
from functools import cache
from typing import Literal, NamedTuple

from launchcal.errors import (
    AmbiguousTimeError,
    EnvironmentSetupError,
    InputError,
    NonexistentTimeError,
)

__all__ = [
    "Fold",
    "TzDatabase",
    "canonical_zone",
    "database",
    "elapsed",
    "format_offset",
    "listed_zones",
    "local_zone",
    "localize",
    "offset",
    "reads_twice",
    "version_of",
    "wall_in",
    "zone",
    "zone_label",
    "zone_names",
]

Fold = Literal["earlier", "later"]

_VERSION_RE = re.compile(r"#\s*version\s+(\d{4})([a-z]*)")


class TzDatabase(NamedTuple):  # NamedTuple, not dataclass: every command defines it (0.8 ms)
    """The compiled tz database launchcal uses, and where it came from."""

    version: str
    path: str
    source: str

    def __str__(self) -> str:
        return f"tzdata {self.version} ({self.source}, {self.path})"


def _read_version(directory: str) -> str | None:
    try:
        with open(os.path.join(directory, "tzdata.zi"), encoding="utf-8") as handle:
            match = _VERSION_RE.match(handle.readline())
    except OSError:
        return None
    return match.group(1) + match.group(2) if match else None


def version_of(directory: str) -> str | None:
    """The release of the compiled tz database in ``directory`` ("2025b"), from its
    ``tzdata.zi``; None when it has none."""
    return _read_version(directory)


def _version_key(version: str | None) -> tuple[int, str]:
    if not version:
        return (0, "")
    # "2026f" sorts after "2026e"; a release after "z" would be "2026za", which also sorts after.
    return (int(version[:4]), version[4:])


def _package_dir() -> str | None:
    try:
        import tzdata  # type: ignore[import-untyped]
    except ImportError:
        return None
    return os.path.join(os.path.dirname(tzdata.__file__), "zoneinfo")


def _choose() -> TzDatabase:
    forced = os.environ.get("LAUNCHCAL_TZDIR")
    if forced:
        # zoneinfo takes absolute paths only (a relative one raised ValueError).
        path = os.path.abspath(forced)
        version = _read_version(path)
        if version is None:
            raise EnvironmentSetupError(
                f"LAUNCHCAL_TZDIR={forced!r} holds no tz database (no tzdata.zi with a version); "
                "point it at a zoneinfo directory or unset it"
            )
        return TzDatabase(version, path, "LAUNCHCAL_TZDIR")
    candidates: list[TzDatabase] = []
    package = _package_dir()
    if package is not None and (version := _read_version(package)):
        candidates.append(TzDatabase(version, package, "tzdata package"))
    for entry in zoneinfo.TZPATH:
        if version := _read_version(entry):
            candidates.append(TzDatabase(version, entry, "system"))
    if not candidates:
        raise EnvironmentSetupError("no tz database found: install the 'tzdata' package")
    # max() keeps the first of equals, so the package wins a tie: the same data on every machine.
    return max(candidates, key=lambda db: _version_key(db.version))


@cache
def database() -> TzDatabase:
    """Choose the tz database (once) and make :mod:`zoneinfo` read only from it.

    Examples:
        >>> database().version >= "2024a"
        True
    """
    chosen = _choose()
    zoneinfo.reset_tzpath([chosen.path])
    zoneinfo.ZoneInfo.clear_cache()
    return chosen


class _Catalogue(NamedTuple):  # NamedTuple, not dataclass: every command defines it at start-up
    zones: frozenset[str]
    links: dict[str, str]
    preferred: frozenset[str]
    by_folded: dict[str, str]
    listed: tuple[str, ...]


@cache
def _zone_file(root: str) -> str:
    """The text of ``tzdata.zi`` (~100 kB): every zone and link of the database at ``root``."""
    with open(os.path.join(root, "tzdata.zi"), encoding="utf-8") as handle:
        return handle.read()


@cache
def _catalogue() -> _Catalogue:
    root = database().path
    text = _zone_file(root)
    # One regex pass over the file's ~4,000 lines (this runs on every `launchcal when`):
    # "Z name ..." is a zone, "L target alias" a link.
    zones: set[str] = set()
    links: dict[str, str] = {}
    for kind, first, second in re.findall(r"^([ZL]) (\S+) ?(\S*)", text, re.MULTILINE):
        if kind == "Z":
            zones.add(first)
        else:
            links[second] = first
    # A link that zone.tab still lists (Europe/Amsterdam, Africa/Addis_Ababa) is a name people use
    # for their own country; only the others (Asia/Calcutta, US/Pacific) are legacy spellings.
    preferred = set(zones) | {"UTC"}
    listed: set[str] = set()
    for table in ("zone.tab", "zone1970.tab"):
        try:
            with open(os.path.join(root, table), encoding="utf-8") as handle:
                found = re.findall(
                    r"^[^#\t][^\t]*\t[^\t]*\t([^\t\n]+)", handle.read(), re.MULTILINE
                )
        except OSError:
            continue
        preferred.update(found)
        if table == "zone.tab":
            listed.update(found)
    names = zones | set(links)
    by_folded = {name.casefold(): name for name in names}
    return _Catalogue(
        frozenset(zones), links, frozenset(preferred & names), by_folded, tuple(sorted(listed))
    )


def zone_names() -> frozenset[str]:
    """Every zone name the database knows, links included."""
    catalogue = _catalogue()
    return catalogue.zones | frozenset(catalogue.links)


def listed_zones() -> tuple[str, ...]:
    """The zones ``zone.tab`` lists: one per region people live in, each country's own name."""
    return _catalogue().listed


def canonical_zone(name: str) -> str | None:
    """The name to report for a zone name, or ``None`` if the database has no such zone.

    Matching ignores case and accepts spaces for underscores; legacy links are followed
    to the current name.

    Examples:
        >>> canonical_zone("asia/calcutta")
        'Asia/Kolkata'
        >>> canonical_zone("Europe/Amsterdam")
        'Europe/Amsterdam'
        >>> canonical_zone("Mars/Olympus") is None
        True
    """
    key = name.strip().replace(" ", "_")
    slot = (database().path, key)
    if slot in _CANONICAL:  # a feed names the same few zones 100,000 times
        return _CANONICAL[slot]
    if _is_zone_line(key):
        found: str | None = key
    elif key in ("UTC", "Etc/UTC") and _is_utc_link():
        found = "UTC"
    else:
        found = _catalogued_zone(key)
    if len(_CANONICAL) < 100_000:
        _CANONICAL[slot] = found
    return found


#: (database path, name as typed) -> :func:`canonical_zone`'s answer.
_CANONICAL: dict[tuple[str, str], str | None] = {}


def _catalogued_zone(key: str) -> str | None:
    catalogue = _catalogue()
    found = catalogue.by_folded.get(key.casefold())
    if found is None:
        return None
    seen = {found}
    while found not in catalogue.preferred and found in catalogue.links:
        found = catalogue.links[found]
        if found in seen:  # pragma: no cover - a cycle would be a broken database
            break
        seen.add(found)
    if found == "Etc/UTC":
        return "UTC"
    return found


def _is_zone_line(key: str) -> bool:
    """Whether ``key`` is, as written, the name of a ``Zone`` of the database (not a link).

    Such a name is its own canonical name, and it is what event files mostly hold
    ("Asia/Shanghai"); finding its line costs a tenth of a millisecond, where the catalogue
    that answers every other spelling (case, links, zone.tab) costs about 4 ms to build.
    ``Etc/UTC`` is reported as ``UTC``, so it takes the catalogue's way.
    """
    letters = key.replace("/", "").replace("_", "").replace("-", "").replace("+", "")
    if not (key.isascii() and letters.isalnum()):
        return False  # also keeps the test to one line: no space, no line break
    return key != "Etc/UTC" and f"\nZ {key} " in _zone_file(database().path)


def _is_utc_link() -> bool:
    """Whether the database has the zone ``Etc/UTC`` and ``UTC`` as its link: then both names
    are reported as ``UTC`` (the ``TZ`` of most servers), with no catalogue built."""
    text = _zone_file(database().path)
    return "\nZ Etc/UTC " in text and "\nL Etc/UTC UTC\n" in text


def zone(name: str) -> zoneinfo.ZoneInfo:
    """The :class:`~zoneinfo.ZoneInfo` for an IANA name, from the chosen database.

    A POSIX rule (``EST5EDT,M3.2.0,M11.1.0``, ``<+0530>-5:30``) is one too: it is how ``TZ``
    may name the viewer's zone (see :func:`local_zone`).
    """
    key = (database().path, name)
    found = _ZONES.get(key)
    if found is not None:
        return found
    try:
        found = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        rule = posix_zone(name)
        if rule is not None:
            return rule
        raise InputError(f"unknown time zone {name!r}") from error
    # zoneinfo keeps only 8 zones alive between uses; `when --in all` sees ~420 of them, and
    # reading each file again cost ~30 ms a call. Holding them keeps ZoneInfo's own identity
    # (ZoneInfo(name) is the same object while it lives), which aware datetimes rely on.
    _ZONES[key] = found
    return found


#: Every zone :func:`zone` has read, by (database path, name): at most the database's ~600.
_ZONES: dict[tuple[str, str], zoneinfo.ZoneInfo] = {}


@cache
def posix_zone(rule: str) -> zoneinfo.ZoneInfo | None:
    """The zone a POSIX TZ rule describes, or ``None`` if ``rule`` is not one.

    zoneinfo reads such rules as the footer of a compiled zone file (RFC 8536, section 3.3),
    so a file with no transitions and the rule as its footer is that zone, checked by the same
    parser the C library's rules were written for. (dateutil's ``tzstr`` reads ``garbage!`` as
    UTC and refuses ``<+0530>-5:30``: it cannot tell a rule from a typo.)

    Examples:
        >>> new_york = posix_zone("EST5EDT,M3.2.0,M11.1.0")
        >>> dt.datetime(2022, 7, 4, 12, tzinfo=new_york).tzname()
        'EDT'
        >>> posix_zone("Europe/Lodnon") is None
        True
    """
    if not rule or len(rule) > 100 or not rule.isascii() or "\n" in rule:
        return None

    def header() -> bytes:  # version 2, one local time type, four bytes of abbreviations
        return b"TZif2" + bytes(15) + struct.pack(">6l", 0, 0, 0, 0, 1, 4)

    block = struct.pack(">lbb", 0, 0, 0) + b"UTC\0"
    data = header() + block + header() + block + b"\n" + rule.encode() + b"\n"
    try:
        return zoneinfo.ZoneInfo.from_file(io.BytesIO(data), key=rule)
    except ValueError:
        return None


class LocalZoneWarning(UserWarning):
    """``TZ`` or the system names a zone launchcal cannot read; UTC is shown instead."""


def local_zone() -> str:
    """The viewer's own zone: ``TZ`` (a zone name, a zoneinfo path or a POSIX rule), else
    the zone ``/etc/localtime`` links to, else what tzlocal finds.

    ``TZ`` is read on every call. What cannot be read is never silently UTC: a
    :class:`LocalZoneWarning` says so (the CLI prints it as one ``Warning:`` line), naming a
    close zone where there is one.

    Examples:
        >>> os.environ["TZ"] = ":Asia/Calcutta"; local_zone()
        'Asia/Kolkata'
        >>> os.environ["TZ"] = "<+0530>-5:30"; local_zone()
        '<+0530>-5:30'
        >>> os.environ["TZ"] = "UTC"
    """
    database()
    raw = os.environ.get("TZ")
    if raw:
        name = raw.removeprefix(":")
        _, marker, tail = name.rpartition("zoneinfo/")
        if marker:  # a path into a zoneinfo directory, like /usr/share/zoneinfo/Asia/Tokyo
            name = tail.removeprefix("posix/").removeprefix("right/")
        found = canonical_zone(name) or (name if posix_zone(name) is not None else None)
        if found is not None:
            return found
        import difflib

        names = {each.casefold(): each for each in zone_names()}
        close = difflib.get_close_matches(name.replace(" ", "_").casefold(), names, 1, 0.8)
        hint = f"did you mean {names[close[0]]!r}? " if close else ""
        return _fallback(
            f"TZ={raw!r} is neither a time zone nor a POSIX TZ rule; {hint}showing your time as UTC"
        )
    linked = _linked_zone()
    if linked is not None:
        return linked
    try:
        import tzlocal  # 12 ms to import (logging, importlib.resources): only when needed

        name = tzlocal.get_localzone_name() or ""
    except Exception as error:  # tzlocal raises anything, AssertionError included
        return _fallback(f"cannot tell your time zone ({error}); showing your time as UTC")
    found = canonical_zone(name)
    if found is None:
        return _fallback(f"your system's zone {name!r} is unknown; showing your time as UTC")
    return found


def _fallback(message: str) -> str:
    import warnings

    warnings.warn(message, LocalZoneWarning, stacklevel=3)
    return "UTC"


def _linked_zone(link: str = "/etc/localtime") -> str | None:
    """The zone ``/etc/localtime`` links to: how most Linux and macOS systems name theirs.

    The C library reads the same link, so this is the zone every other program shows. Anything
    else (no link, a copied file, Windows) is left to tzlocal.

    Examples:
        >>> _linked_zone("/nonexistent") is None
        True
    """
    try:
        target = os.readlink(link)
    except OSError:
        return None
    _, marker, tail = target.rpartition("zoneinfo/")
    if not marker:
        return None
    for prefix in ("posix/", "right/"):
        tail = tail.removeprefix(prefix)
    return canonical_zone(tail)


def format_offset(offset: dt.timedelta | None) -> str:
    """``+05:45`` style, with seconds only when the offset has them (LMT before 1900).

    Examples:
        >>> format_offset(dt.timedelta(hours=-3, minutes=-30))
        '-03:30'
    """
    if offset is None:
        return "+00:00"
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return f"{text}:{secs:02d}" if secs else text


def zone_label(moment: dt.datetime) -> str:
    """The abbreviation people read ("EAT"), or ``UTC+05:45`` where the zone has none.

    Examples:
        >>> zone_label(dt.datetime(2022, 7, 4, tzinfo=zone("Asia/Kathmandu")))
        'UTC+05:45'
        >>> zone_label(dt.datetime(2022, 1, 4, tzinfo=zone("Europe/London")))
        'GMT'
    """
    name = moment.tzname() or ""
    # The database writes "+0545" or "-03" where a zone has no abbreviation in use.
    if name.isalpha():
        return name
    return "UTC" + format_offset(moment.utcoffset())


def _describe(moment: dt.datetime) -> str:
    utc = moment.astimezone(dt.UTC)
    return f"{moment:%Y-%m-%d %H:%M} {zone_label(moment)} (= {utc:%Y-%m-%d %H:%M} UTC)"


def wall_in(moment: dt.datetime, tzinfo: dt.tzinfo | None, fold: int = 0) -> dt.datetime:
    """``moment``'s wall time in ``tzinfo`` with ``fold``: ``moment.replace(tzinfo=tzinfo,
    fold=fold)``, made by the constructor in about half of replace()'s time (a feed of
    100,000 events localizes every start and asks every start and end again when it is
    written); replace() keeps a subclass's type.

    Examples:
        >>> wall_in(dt.datetime(2026, 11, 1, 1, 30), zone("America/New_York"), 1).isoformat()
        '2026-11-01T01:30:00-05:00'
    """
    if type(moment) is not dt.datetime:
        return moment.replace(tzinfo=tzinfo, fold=fold)
    if not fold:  # without the keyword the constructor takes ~40% less time
        return dt.datetime(
            moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second,
            moment.microsecond, tzinfo,
        )  # fmt: skip
    return dt.datetime(
        moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second,
        moment.microsecond, tzinfo, fold=fold,
    )  # fmt: skip


def offset(moment: dt.datetime) -> dt.timedelta | None:
    """``moment.utcoffset()``, asked of a ZoneInfo directly where ``moment`` has one.

    ``datetime.utcoffset()`` calls its tzinfo's method by name, which takes six times as long
    as the ZoneInfo's own answer (about 270 ns against 40 here), and reading and writing a
    feed of 100,000 events asks it a million times. A ZoneInfo reads the wall time and fold
    of the datetime it is given, whatever that datetime's tzinfo.

    Examples:
        >>> offset(dt.datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=zone("America/New_York")))
        datetime.timedelta(days=-1, seconds=68400)
    """
    tzinfo = moment.tzinfo
    if type(tzinfo) is zoneinfo.ZoneInfo:
        return tzinfo.utcoffset(moment)
    return moment.utcoffset()


def reads_twice(moment: dt.datetime) -> bool:
    """Whether ``moment``'s wall time stands for two instants in its zone: it occurs twice
    (the clocks go back over it) or, never made by :func:`localize`, not at all.

    Examples:
        >>> reads_twice(dt.datetime(2026, 11, 1, 1, 30, tzinfo=zone("America/New_York")))
        True
        >>> reads_twice(dt.datetime(2026, 11, 1, 2, 30, tzinfo=zone("America/New_York")))
        False
    """
    tzinfo = moment.tzinfo
    if type(tzinfo) is zoneinfo.ZoneInfo:  # see offset(): the other reading need not be aware
        return tzinfo.utcoffset(moment) != tzinfo.utcoffset(wall_in(moment, None, 1 - moment.fold))
    return moment.utcoffset() != wall_in(moment, tzinfo, 1 - moment.fold).utcoffset()


def elapsed(start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """The real time from ``start`` to ``end``: ``end.astimezone(UTC) - start.astimezone(UTC)``
    in well under half the time (every event read checks its length). Within one tzinfo
    Python subtracts the wall clocks and ignores fold, so the change of offset between the
    two is taken off too.

    Examples:
        >>> london = zone("Europe/London")
        >>> night = [dt.datetime(2026, 10, 25, 1, 30, fold=f, tzinfo=london) for f in (0, 1)]
        >>> elapsed(*night)
        datetime.timedelta(seconds=3600)
    """
    if end.tzinfo is start.tzinfo and type(start) is dt.datetime and type(end) is dt.datetime:
        end_offset, start_offset = offset(end), offset(start)
        if end_offset is not None and start_offset is not None:
            return end - start - (end_offset - start_offset)
    return end.astimezone(dt.UTC) - start.astimezone(dt.UTC)


def localize(wall: dt.datetime, zone_name: str, fold: Fold | None = None) -> dt.datetime:
    """Attach ``zone_name`` to a naive wall time, refusing to guess across a DST change.

    A wall time in a spring-forward gap does not exist and one in a fall-back overlap occurs
    twice; both raise unless ``fold`` picks the earlier or the later of the two instants it
    could mean. (pendulum 3 would silently take the later one; the stdlib keeps fold=0.)

    Examples:
        >>> localize(dt.datetime(2022, 7, 4, 19), "Asia/Shanghai").isoformat()
        '2022-07-04T19:00:00+08:00'
        >>> localize(dt.datetime(2026, 11, 1, 1, 30), "America/New_York", "later").isoformat()
        '2026-11-01T01:30:00-05:00'
    """
    if wall.tzinfo is not None:
        raise ValueError("localize() takes a naive wall time")
    tzinfo = zone(zone_name)
    first, second = wall_in(wall, tzinfo), wall_in(wall, tzinfo, 1)
    if tzinfo.utcoffset(first) == tzinfo.utcoffset(second):  # a ZoneInfo: see offset()
        return first
    # Normalise both readings through UTC: in a gap neither comes back as the same wall time.
    round_trip = [m.astimezone(dt.UTC).astimezone(tzinfo) for m in (first, second)]
    earlier, later = sorted(round_trip, key=lambda m: m.astimezone(dt.UTC))
    in_gap = all(m.replace(tzinfo=None) != wall for m in round_trip)
    if fold == "earlier":
        return earlier
    if fold == "later":
        return later
    when = f"{wall:%Y-%m-%d %H:%M} in {zone_name}"
    if in_gap:
        raise NonexistentTimeError(
            f"{when} does not exist: the clocks go forward from {zone_label(earlier)} to "
            f"{zone_label(later)} over it",
            _describe(earlier),
            _describe(later),
        )
    raise AmbiguousTimeError(
        f"{when} happens twice as the clocks go back", _describe(earlier), _describe(later)
    )
