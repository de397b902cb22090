"""``launchcal ics`` warns where another tz database places an event elsewhere; ``--utc``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar as IcsCalendar

from launchcal import tz, tzdrift
from launchcal.cli import cli
from launchcal.event import Calendar, Event
from tests.conftest import DATA

OLD = DATA / "tzdir-2025b"  # Casablanca and Vancouver as a 2025b system has them
CASABLANCA = ["ics", "--title", "T", "--start", "2026-12-01 20:00", "--zone",
              "Africa/Casablanca", "--duration", "1h"]  # fmt: skip
CASABLANCA_WARNING = (
    "warning: Africa/Casablanca 2026-12-01 20:00 is 2026-12-01 20:00Z in launchcal's tz "
    "database (2026f) but 2026-12-01 19:00Z in tzdata 2025b ({dir}) (2 times in all): clients "
    "with older data will show it 1 hour early; --utc writes times every client reads\n"
)


def test_casablanca_warns_against_2025b_and_still_writes(tmp_path: Path) -> None:
    out = tmp_path / "casablanca.ics"
    result = CliRunner().invoke(cli, [*CASABLANCA, "--compare-tzdir", str(OLD), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stderr == CASABLANCA_WARNING.format(dir=OLD)
    assert result.stdout == ""
    assert b"DTSTART;TZID=Africa/Casablanca:20261201T200000" in out.read_bytes()


@pytest.mark.skipif(
    tz.version_of(tzdrift.SYSTEM_TZDIR) != "2025b",
    reason=f"the system's tz database is {tz.version_of(tzdrift.SYSTEM_TZDIR)}, not 2025b",
)
def test_the_default_compares_with_the_systems_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, [*CASABLANCA, "-o", str(tmp_path / "c.ics")])
    assert result.stderr == CASABLANCA_WARNING.format(dir=tzdrift.SYSTEM_TZDIR)


@pytest.mark.parametrize(
    ("wall", "zone"),
    [
        (dt.datetime(2026, 6, 1, 20), "Africa/Casablanca"),  # +01 in both releases
        (dt.datetime(2026, 7, 15, 12), "America/Vancouver"),  # UTC-7 in both
        (dt.datetime(2026, 11, 1, 1, 30), "America/Vancouver"),  # 2025b: twice; ours: UTC
    ],
)
def test_no_warning_where_both_agree(wall: dt.datetime, zone: str) -> None:
    event = Event.at("Launch", wall, zone, fold="earlier")
    assert tzdrift.drift(Calendar((event,)), OLD) == []


def test_the_drift_names_both_instants_and_the_shift() -> None:
    event = Event.at("Launch", dt.datetime(2026, 12, 15, 12), "America/Vancouver")
    (found,) = tzdrift.drift(Calendar((event,)), OLD)
    assert found.theirs == (dt.datetime(2026, 12, 15, 20, tzinfo=dt.UTC),)
    assert "19:00Z" in found.message()
    assert "show it 1 hour late" in found.message()


def test_a_zone_the_other_database_lacks_is_said(tmp_path: Path) -> None:
    (tmp_path / "tzdata.zi").write_text("# version 2020a\n", encoding="utf-8")
    event = Event.at("Launch", dt.datetime(2026, 12, 15, 12), "America/Vancouver")
    (found,) = tzdrift.drift(Calendar((event,)), tmp_path)
    assert "tzdata 2020a in" in found.message()
    assert "has no America/Vancouver" in found.message()


@pytest.mark.parametrize("tzdir", ["/nonexistent", str(tz.database().path)])
def test_no_database_or_the_same_one_says_nothing(tzdir: str) -> None:
    event = Event.at("Launch", dt.datetime(2026, 12, 1, 20), "Africa/Casablanca")
    assert tzdrift.drift(Calendar((event,)), tzdir) == []


def test_utc_writes_instants_and_no_vtimezone() -> None:
    result = CliRunner().invoke(cli, [*CASABLANCA, "--utc", "--compare-tzdir", str(OLD)])
    assert result.exit_code == 0
    assert result.stderr == ""
    data = result.stdout_bytes
    assert b"VTIMEZONE" not in data
    assert b"TZID" not in data
    event = IcsCalendar.from_ical(data).walk("VEVENT")[0]
    assert event["DTSTART"].dt == dt.datetime(2026, 12, 1, 20, tzinfo=dt.UTC)
    assert event["DTEND"].dt == dt.datetime(2026, 12, 1, 21, tzinfo=dt.UTC)


def _drifted_the_long_way(calendar: Calendar, tzdir: Path) -> list[tuple[str, dt.datetime]]:
    """Each start and end the database in ``tzdir`` reads elsewhere, by converting both."""
    found = []
    for event in calendar.events:
        if not event.time_known or event.zone == "UTC":
            continue
        theirs = tzdrift._zone(str(tzdir), event.zone)
        for moment in (event.start, event.end):
            if moment is None or tz.reads_twice(moment):
                continue
            if theirs is None:
                found.append((event.zone, moment))
                continue
            wall = dt.datetime(*moment.timetuple()[:6], tzinfo=theirs)  # the first reading
            if wall.astimezone(dt.UTC) != moment.astimezone(dt.UTC):
                found.append((event.zone, moment))
    return found


def test_the_drift_is_every_time_the_other_database_reads_elsewhere() -> None:
    # Every half hour for two years in the zones the old database holds (Casablanca moves
    # between +00 and +01; Vancouver's 2025b rules differ from 2026 on), fold=1 included on
    # times that occur once (fold then changes nothing in launchcal's database).
    events = []
    for zone in ("Africa/Casablanca", "America/Vancouver"):
        tzinfo = tz.zone(zone)
        first = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        for step in range(0, 2 * 365 * 48, 5):
            start = (first + dt.timedelta(minutes=30 * step)).astimezone(tzinfo)
            if step % 3 == 0 and not tz.reads_twice(start):
                start = start.replace(fold=1)
            events.append(Event(title="T", start=start, zone=zone, id=f"e{len(events)}",
                                end=start + dt.timedelta(minutes=45)))  # fmt: skip
    # The night the 2025b rules put Vancouver's clocks back and 2026f does not: the old
    # database reads 01:30 twice, and a client takes the first reading, as launchcal does.
    vancouver = tz.zone("America/Vancouver")
    for minute in (0, 30, 59):
        start = dt.datetime(2026, 11, 1, 1, minute, fold=1, tzinfo=vancouver)
        events.append(Event(title="T", start=start, zone="America/Vancouver",
                            id=f"e{len(events)}"))  # fmt: skip
    calendar = Calendar(tuple(events))
    drifts = tzdrift.drift(calendar, OLD)
    found = [(d.zone, wall) for d in drifts for wall in d.walls]
    expected = _drifted_the_long_way(calendar, OLD)
    assert sorted(found, key=str) == sorted(expected, key=str)
    assert {zone for zone, _ in found} == {"Africa/Casablanca", "America/Vancouver"}
