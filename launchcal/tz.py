"""One tz database for every conversion, and wall times that are never guessed.

Two IANA databases usually live on a machine: the system's (``/usr/share/zoneinfo``) and the
``tzdata`` package's. They disagree wherever a government changed its rules between the two
releases, so launchcal picks the newer one once, points :mod:`zoneinfo` at it for the whole
process (pendulum, icalendar and babel all read zones through :mod:`zoneinfo`), and reports its
version. ``LAUNCHCAL_TZDIR`` names a directory of compiled zones to use instead.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zoneinfo
from dataclasses import dataclass
from functools import cache
from typing import Literal

from launchcal.errors import AmbiguousTimeError, InputError, NonexistentTimeError

__all__ = [
    "Fold",
    "TzDatabase",
    "canonical_zone",
    "database",
    "format_offset",
    "listed_zones",
    "localize",
    "version_of",
    "zone",
    "zone_label",
    "zone_names",
]

Fold = Literal["earlier", "later"]

_VERSION_RE = re.compile(r"#\s*version\s+(\d{4})([a-z]*)")


@dataclass(frozen=True)
class TzDatabase:
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
        path = forced
        version = _read_version(path)
        if version is None:
            raise InputError(
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
        raise InputError("no tz database found: install the 'tzdata' package")
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


@dataclass(frozen=True)
class _Catalogue:
    zones: frozenset[str]
    links: dict[str, str]
    preferred: frozenset[str]
    by_folded: dict[str, str]
    listed: tuple[str, ...]


@cache
def _catalogue() -> _Catalogue:
    root = database().path
    with open(os.path.join(root, "tzdata.zi"), encoding="utf-8") as handle:
        text = handle.read()
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
    catalogue = _catalogue()
    found = catalogue.by_folded.get(name.strip().replace(" ", "_").casefold())
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


def zone(name: str) -> zoneinfo.ZoneInfo:
    """The :class:`~zoneinfo.ZoneInfo` for an IANA name, from the chosen database."""
    database()
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise InputError(f"unknown time zone {name!r}") from error


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
    first = wall.replace(tzinfo=tzinfo, fold=0)
    second = wall.replace(tzinfo=tzinfo, fold=1)
    if first.utcoffset() == second.utcoffset():
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
