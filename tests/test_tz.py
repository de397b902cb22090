from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from launchcal import tz
from launchcal.errors import (
    AmbiguousTimeError,
    EnvironmentSetupError,
    InputError,
    NonexistentTimeError,
)
from tests.conftest import TZDATA_VERSION


def test_database_is_the_pinned_package() -> None:
    db = tz.database()
    assert db.version == TZDATA_VERSION
    assert db.source == "LAUNCHCAL_TZDIR"


def write_db(root: Path, version: str) -> Path:
    root.mkdir(parents=True)
    (root / "tzdata.zi").write_text(f"# version {version}\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("package", "system", "chosen"),
    [
        ("2026f", "2025b", "tzdata package"),
        ("2025b", "2026a", "system"),
        ("2026f", "2026f", "tzdata package"),  # a tie keeps the package: same data everywhere
        ("2026z", "2026za", "system"),
    ],
)
def test_newest_database_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, package: str, system: str, chosen: str
) -> None:
    monkeypatch.delenv("LAUNCHCAL_TZDIR")
    package_dir = write_db(tmp_path / "pkg", package)
    system_dir = write_db(tmp_path / "sys", system)
    monkeypatch.setattr(tz, "_package_dir", lambda: package_dir)
    monkeypatch.setattr(tz.zoneinfo, "TZPATH", (str(tmp_path / "missing"), str(system_dir)))
    db = tz._choose()
    assert db.source == chosen
    assert db.version == max(package, system, key=tz._version_key)


def test_forced_directory_without_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAUNCHCAL_TZDIR", str(tmp_path))
    with pytest.raises(EnvironmentSetupError, match="LAUNCHCAL_TZDIR"):
        tz._choose()


@pytest.mark.parametrize(
    ("typed", "reported"),
    [
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("asia/kolkata", "Asia/Kolkata"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("Asia/Katmandu", "Asia/Kathmandu"),
        ("America/Godthab", "America/Nuuk"),
        ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
        ("US/Pacific", "America/Los_Angeles"),
        ("America/New York", "America/New_York"),
        ("Europe/Amsterdam", "Europe/Amsterdam"),  # a link, but still a country's own name
        ("Africa/Addis_Ababa", "Africa/Addis_Ababa"),
        ("Etc/UTC", "UTC"),
        ("utc", "UTC"),
        ("Etc/GMT-14", "Etc/GMT-14"),
    ],
)
def test_canonical_zone(typed: str, reported: str) -> None:
    assert tz.canonical_zone(typed) == reported


def test_a_zone_found_by_its_line_is_the_catalogue_answer() -> None:
    # The shortcut for a Zone's own name (no catalogue built) answers what the catalogue does,
    # for every name the database knows, in every case they can be typed.
    names = sorted(tz.zone_names())
    shortcut = [name for name in names if tz._is_zone_line(name)]
    assert "Asia/Shanghai" in shortcut
    assert len(shortcut) > 300
    for link in ("Asia/Calcutta", "Europe/Amsterdam", "Etc/UTC", "UTC", "asia/shanghai"):
        assert not tz._is_zone_line(link)
    assert tz._is_utc_link()
    assert tz._catalogued_zone("UTC") == tz._catalogued_zone("Etc/UTC") == "UTC"
    for name in names:
        for typed in (name, name.lower(), name.replace("_", " ")):
            expected = tz._catalogued_zone(typed.replace(" ", "_"))
            assert tz.canonical_zone(typed) == expected
            if tz._is_zone_line(typed):
                assert expected == typed


def test_a_line_break_or_space_in_a_name_never_takes_the_shortcut() -> None:
    text = tz._zone_file(tz.database().path)
    for typed in ("Asia/Shanghai 8:5:43", "Asia/Shanghai\nZ Asia/Urumqi", "Z Asia/Shanghai"):
        assert not tz._is_zone_line(typed)
    assert "\nZ Asia/Shanghai " in text


@pytest.mark.parametrize("typed", ["Mars/Olympus", "", "Africa", "tzdata.zi", "../etc/passwd"])
def test_not_a_zone(typed: str) -> None:
    assert tz.canonical_zone(typed) is None


def test_zone_rejects_unknown_name() -> None:
    with pytest.raises(InputError, match="unknown time zone 'Mars/Olympus'"):
        tz.zone("Mars/Olympus")


@pytest.mark.parametrize(
    ("wall", "zone", "iso"),
    [
        (dt.datetime(2022, 7, 4, 19), "Asia/Shanghai", "2022-07-04T19:00:00+08:00"),
        (dt.datetime(2026, 3, 8, 1, 59), "America/New_York", "2026-03-08T01:59:00-05:00"),
        (dt.datetime(2026, 3, 8, 3, 0), "America/New_York", "2026-03-08T03:00:00-04:00"),
        (dt.datetime(2026, 7, 1, 12), "Australia/Lord_Howe", "2026-07-01T12:00:00+10:30"),
        (dt.datetime(2011, 12, 31, 12), "Pacific/Apia", "2011-12-31T12:00:00+14:00"),
        (dt.datetime(2011, 12, 29, 12), "Pacific/Apia", "2011-12-29T12:00:00-10:00"),
    ],
)
def test_localize_plain_times(wall: dt.datetime, zone: str, iso: str) -> None:
    assert tz.localize(wall, zone).isoformat() == iso


GAPS_AND_FOLDS = [
    # (wall, zone, error, earlier, later)
    (
        dt.datetime(2026, 3, 8, 2, 30), "America/New_York", NonexistentTimeError,
        "2026-03-08T01:30:00-05:00", "2026-03-08T03:30:00-04:00",
    ),
    (
        dt.datetime(2026, 11, 1, 1, 30), "America/New_York", AmbiguousTimeError,
        "2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00",
    ),
    (
        dt.datetime(2026, 3, 29, 1, 30), "Europe/London", NonexistentTimeError,
        "2026-03-29T00:30:00+00:00", "2026-03-29T02:30:00+01:00",
    ),
    (  # Lord Howe moves its clocks by 30 minutes
        dt.datetime(2026, 10, 4, 2, 15), "Australia/Lord_Howe", NonexistentTimeError,
        "2026-10-04T01:45:00+10:30", "2026-10-04T02:45:00+11:00",
    ),
    (
        dt.datetime(2026, 4, 5, 1, 45), "Australia/Lord_Howe", AmbiguousTimeError,
        "2026-04-05T01:45:00+11:00", "2026-04-05T01:45:00+10:30",
    ),
    (  # Samoa skipped 30 December 2011 entirely
        dt.datetime(2011, 12, 30, 12), "Pacific/Apia", NonexistentTimeError,
        "2011-12-29T12:00:00-10:00", "2011-12-31T12:00:00+14:00",
    ),
    (
        dt.datetime(2026, 11, 1, 0, 30), "America/St_Johns", None, None, None,
    ),
    (
        dt.datetime(2026, 11, 1, 1, 30), "America/St_Johns", AmbiguousTimeError,
        "2026-11-01T01:30:00-02:30", "2026-11-01T01:30:00-03:30",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("wall", "zone", "error", "earlier", "later"), GAPS_AND_FOLDS)
def test_gaps_and_folds_are_never_guessed(
    wall: dt.datetime, zone: str, error: type[Exception] | None, earlier: str, later: str
) -> None:
    if error is None:
        assert tz.localize(wall, zone).fold == 0
        return
    with pytest.raises(error) as raised:
        tz.localize(wall, zone)
    message = str(raised.value)
    assert "--fold earlier" in message
    assert "--fold later" in message
    assert tz.localize(wall, zone, "earlier").isoformat() == earlier
    assert tz.localize(wall, zone, "later").isoformat() == later
    # Same-zone datetimes compare by wall time (fold ignored), so compare the instants.
    assert tz.localize(wall, zone, "earlier").astimezone(dt.UTC) < tz.localize(
        wall, zone, "later"
    ).astimezone(dt.UTC)


class _Wall(dt.datetime):
    """A datetime of another type: :func:`tz.localize` reads it by ``replace()``."""


@pytest.mark.parametrize(("wall", "zone", "error", "earlier", "later"), GAPS_AND_FOLDS)
@pytest.mark.parametrize("fold", [None, "earlier", "later"])
@pytest.mark.parametrize("wall_fold", [0, 1])
def test_a_plain_datetime_localizes_as_replace_does(
    wall: dt.datetime, zone: str, error: object, earlier: str, later: str, fold: tz.Fold | None,
    wall_fold: int,
) -> None:  # fmt: skip
    """A plain datetime is made aware by the constructor, not replace(): the same instant, fold,
    zone and error, whatever fold and microseconds the wall time has."""
    wall = wall.replace(microsecond=123_456, fold=wall_fold)
    other = _Wall(*wall.timetuple()[:6], wall.microsecond, fold=wall_fold)

    def seen(moment: dt.datetime) -> object:
        try:
            found = tz.localize(moment, zone, fold)
        except InputError as raised:
            return str(raised)
        return (found.isoformat(), found.fold, found.tzinfo, found.utcoffset())

    assert seen(wall) == seen(other)


def test_gap_message_names_both_instants() -> None:
    with pytest.raises(NonexistentTimeError) as raised:
        tz.localize(dt.datetime(2026, 3, 8, 2, 30), "America/New_York")
    assert str(raised.value) == (
        "2026-03-08 02:30 in America/New_York does not exist: the clocks go forward from EST to "
        "EDT over it; use --fold earlier for 2026-03-08 01:30 EST (= 2026-03-08 06:30 UTC) or "
        "--fold later for 2026-03-08 03:30 EDT (= 2026-03-08 07:30 UTC)"
    )


def test_localize_refuses_aware_input() -> None:
    with pytest.raises(ValueError, match="naive"):
        tz.localize(dt.datetime(2022, 1, 1, tzinfo=dt.UTC), "UTC")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "+00:00"), (20700, "+05:45"), (-12600, "-03:30"), (-17762, "-04:56:02")],
)
def test_format_offset(seconds: int, text: str) -> None:
    assert tz.format_offset(dt.timedelta(seconds=seconds)) == text


GNU_DATE = shutil.which("date")


@pytest.mark.skipif(GNU_DATE is None, reason="GNU date is not installed")
def test_every_zone_agrees_with_gnu_date() -> None:
    """The Xiaomi launch instant in every zone, against GNU date on the same database."""
    instant = dt.datetime(2022, 7, 4, 11, tzinfo=dt.UTC)
    names = sorted(tz.zone_names())
    script = 'for z in "$@"; do TZ="$z" date -d @1656932400 "+%Y-%m-%dT%H:%M:%S%:z %Z"; done'
    out = subprocess.run(
        ["bash", "-c", script, "sweep", *names],
        env={"TZDIR": str(tz.database().path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert len(out) == len(names) > 500
    mismatches = []
    for name, line in zip(names, out, strict=True):
        theirs, abbreviation = line.split()
        ours = instant.astimezone(tz.zone(name))
        # GNU writes "-00:00" for the "-00" (unknown offset) of the Factory zone: parse, don't
        # compare strings.
        if (ours, ours.utcoffset(), ours.tzname()) != (
            dt.datetime.fromisoformat(theirs), dt.datetime.fromisoformat(theirs).utcoffset(),
            abbreviation,
        ):  # fmt: skip
            mismatches.append((name, ours.isoformat(), ours.tzname(), line))
    assert mismatches == []


@pytest.mark.parametrize(
    "zone", ["Europe/London", "Australia/Lord_Howe", "Pacific/Apia", "America/Havana", "UTC"]
)
def test_elapsed_is_the_difference_of_the_two_instants(zone: str) -> None:
    # Both folds of every wall time, every 20 minutes of 2011-2012, against an end up to a
    # day later on the same tzinfo, on another zone's, and on UTC.
    tzinfo, other = tz.zone(zone), tz.zone("America/New_York")
    first = dt.datetime(2011, 1, 1)
    for step in range(0, 2 * 365 * 72, 11):
        wall = first + dt.timedelta(minutes=20 * step)
        for fold in (0, 1):
            start = wall.replace(tzinfo=tzinfo, fold=fold)
            for later in (dt.timedelta(minutes=40), dt.timedelta(hours=25)):
                for end in (
                    (wall + later).replace(tzinfo=tzinfo, fold=1 - fold),
                    (start.astimezone(dt.UTC) + later).astimezone(other),
                    start.astimezone(dt.UTC) + later,
                ):
                    expected = end.astimezone(dt.UTC) - start.astimezone(dt.UTC)
                    assert tz.elapsed(start, end) == expected


def test_offset_is_utcoffset_for_every_kind_of_tzinfo() -> None:
    # tz.offset asks a ZoneInfo itself (and so may be handed a datetime on another clock);
    # any other tzinfo goes through datetime.utcoffset(), checks included.
    new_york = tz.zone("America/New_York")
    fixed = dt.timezone(dt.timedelta(hours=5, minutes=45))
    for wall in (dt.datetime(2026, 11, 1, 1, 30), dt.datetime(2026, 3, 8, 2, 30),
                 dt.datetime(2031, 7, 4, 19)):  # fmt: skip
        for fold in (0, 1):
            for tzinfo in (new_york, fixed, dt.UTC, tz.zone("EST5EDT,M3.2.0,M11.1.0")):
                moment = wall.replace(tzinfo=tzinfo, fold=fold)
                assert tz.offset(moment) == moment.utcoffset()
                assert tz.reads_twice(moment) == (
                    moment.utcoffset() != moment.replace(fold=1 - fold).utcoffset()
                )
    assert tz.offset(dt.datetime(2026, 1, 1)) is None
    assert not tz.reads_twice(dt.datetime(2026, 11, 1, 1, 30))
