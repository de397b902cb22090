"""Recurring series as real calendar parsers expand them: ical.js, libical, recurring-ical-events
and khal each unfold launchcal's RRULE/EXDATE and VTIMEZONE into occurrences, and every
occurrence's instant must be the wall time on the zone's clock that week, for two years across
the DST changes of London, New York, Sydney and Santiago (and ten years of Chile's changing
rules, so the VTIMEZONE must span the whole series).

The expected instants are worked out here without launchcal's recurrence code: each wall time
is stepped by hand (a week, a month's first Sunday, a day) and placed with the pinned tz
database. With the TZIDs renamed, a reader has only the file's VTIMEZONE to go by.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
import recurring_ical_events

from launchcal import ics, tz
from launchcal.clientsweep import rename_tzids
from launchcal.event import Calendar, Event
from tests.conftest import ROOT
from tests.ics_cases import STAMP
from tests.test_consumers import KHAL_CONFIG, NODE, SYSTEM_PYTHON, _missing, unavailable

UTC = dt.UTC
WEEK = dt.timedelta(weeks=1)
DAY = dt.timedelta(days=1)


def _first_sundays(year: int, month: int, count: int) -> Iterator[dt.date]:
    for _ in range(count):
        day = dt.date(year, month, 1)
        yield day + dt.timedelta(days=(6 - day.weekday()) % 7)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _walls(first: dt.datetime, step: dt.timedelta, count: int) -> list[dt.datetime]:
    return [first + step * index for index in range(count)]


# (uid, zone, first wall time, rrule, wall times it must give, exdates)
SERIES: list[tuple[str, str, dt.datetime, str, list[dt.datetime], list[dt.datetime]]] = [
    (
        "london-tuesdays", "Europe/London", dt.datetime(2026, 1, 6, 18),
        "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271228T235959Z",
        [w for w in _walls(dt.datetime(2026, 1, 6, 18), WEEK, 104)
         if w != dt.datetime(2026, 12, 29, 18)],
        [dt.datetime(2026, 12, 29, 18)],
    ),
    (
        # Sunday mornings: the US changes its clocks on Sundays at 02:00.
        "new-york-sundays", "America/New_York", dt.datetime(2026, 1, 4, 9),
        "FREQ=WEEKLY;BYDAY=SU;COUNT=105",
        _walls(dt.datetime(2026, 1, 4, 9), WEEK, 105), [],
    ),
    (
        # The first Sunday of April and October are Sydney's change days.
        "sydney-first-sundays", "Australia/Sydney", dt.datetime(2026, 1, 4, 10),
        "FREQ=MONTHLY;BYDAY=1SU;COUNT=24",
        [dt.datetime.combine(d, dt.time(10)) for d in _first_sundays(2026, 1, 24)], [],
    ),
    (
        # Chile changes at midnight between Saturday and Sunday.
        "santiago-saturdays", "America/Santiago", dt.datetime(2026, 1, 3, 22),
        "FREQ=WEEKLY;BYDAY=SA;COUNT=104",
        _walls(dt.datetime(2026, 1, 3, 22), WEEK, 104), [],
    ),
    (
        # Ten years across Chile's changing rules (no winter time in 2015, new dates in 2016,
        # 2019 and 2022): the VTIMEZONE must span the whole series, not just its first year.
        "santiago-decade", "America/Santiago", dt.datetime(2014, 1, 4, 12),
        "FREQ=WEEKLY;BYDAY=SA;UNTIL=20231231T000000Z",
        _walls(dt.datetime(2014, 1, 4, 12), WEEK, 522), [],
    ),
    (
        "santiago-daily", "America/Santiago", dt.datetime(2026, 1, 1, 12),
        "FREQ=DAILY;COUNT=730",
        [w for w in _walls(dt.datetime(2026, 1, 1, 12), DAY, 730)
         if w.date() not in (dt.date(2026, 9, 18), dt.date(2027, 9, 18))],
        [dt.datetime(2026, 9, 18, 12), dt.datetime(2027, 9, 18, 12)],
    ),
]  # fmt: skip


def _event(uid: str, zone: str, first: dt.datetime, rule: str, exdates: list[dt.datetime]) -> Event:
    return Event.at(
        f"Series {uid}", first, zone, id=uid, rrule=rule, duration=dt.timedelta(hours=1),
        exdates=tuple(tz.localize(moment, zone) for moment in exdates),
    )  # fmt: skip


def expected() -> dict[str, list[str]]:
    """Each series' starts as UTC instants, from the wall times stepped by hand."""
    return {
        uid: [tz.localize(wall, zone).astimezone(UTC).isoformat() for wall in walls]
        for uid, zone, _, _, walls, _ in SERIES
    }


@pytest.fixture(scope="module")
def series_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("series")
    calendar = Calendar(
        tuple(_event(uid, zone, first, rule, ex) for uid, zone, first, rule, _, ex in SERIES),
        name="Series",
    )
    data = ics.to_ics(calendar, stamp=STAMP)
    files = {"named": folder / "series.ics", "renamed": folder / "renamed.ics"}
    files["named"].write_bytes(data)
    files["renamed"].write_bytes(rename_tzids(data))
    return files


def _uid(value: str) -> str:
    return value.removesuffix("@launchcal")


def _run(command: list[str]) -> dict[str, Any]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _needs(consumer: str) -> None:
    reason = _missing(consumer)
    if reason is not None:
        unavailable(reason)


def test_the_hand_stepped_walls_cross_every_change_the_test_is_about() -> None:
    # Without this the comparison below could pass on series that never meet a DST change.
    for uid, zone, _, _, walls, _ in SERIES:
        offsets = {tz.localize(wall, zone).utcoffset() for wall in walls}
        assert len(offsets) == 2, uid


def test_launchcal_expands_its_own_series_to_the_same_instants() -> None:
    from launchcal import recurrence

    for uid, zone, first, rule, walls, ex in SERIES:
        got = [o.utc_start.isoformat() for o in recurrence.all_occurrences(
            _event(uid, zone, first, rule, ex))]  # fmt: skip
        assert got == expected()[uid]
        assert len(got) == len(walls)


@pytest.mark.parametrize("variant", ["named", "renamed"])
def test_icaljs_expands_every_occurrence_at_the_right_instant(
    series_files: dict[str, Path], variant: str
) -> None:
    _needs("ical.js")
    path = series_files[variant]
    got = _run(["node", str(NODE / "expand-ics.mjs"), str(path)])[str(path)]
    assert {_uid(uid): starts for uid, starts in got.items()} == expected()


@pytest.mark.parametrize("variant", ["named", "renamed"])
def test_libical_expands_every_occurrence_at_the_right_instant(
    series_files: dict[str, Path], variant: str
) -> None:
    _needs("libical")
    path = series_files[variant]
    reader = ROOT / "tests" / "readers" / "libical_expand.py"
    got = _run([SYSTEM_PYTHON, str(reader), str(path)])[str(path)]
    assert {_uid(uid): starts for uid, starts in got.items()} == expected()


def test_recurring_ical_events_expands_every_occurrence_at_the_right_instant(
    series_files: dict[str, Path],
) -> None:
    calendar = icalendar.Calendar.from_ical(series_files["named"].read_bytes())
    found: dict[str, list[str]] = {}
    between = recurring_ical_events.of(calendar).between(dt.date(2013, 12, 1), dt.date(2028, 3, 1))
    for occurrence in between:
        start = occurrence["DTSTART"].dt
        found.setdefault(_uid(str(occurrence["UID"])), []).append(start.astimezone(UTC).isoformat())
    assert {uid: sorted(starts) for uid, starts in found.items()} == expected()


@pytest.mark.parametrize("variant", ["named", "renamed"])
def test_khal_lists_every_occurrence_at_the_right_instant(
    series_files: dict[str, Path], tmp_path: Path, variant: str
) -> None:
    (tmp_path / "calendar").mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(folder=tmp_path), encoding="utf-8")
    env = {**os.environ, "TZ": "UTC", "HOME": str(tmp_path)}
    khal = [sys.executable, "-m", "khal", "-c", str(config)]
    subprocess.run([*khal, "import", "--batch", str(series_files[variant])], check=True,
                   env=env, capture_output=True)  # fmt: skip
    listed = subprocess.run(
        [*khal, "list", "--day-format", "", "--format", "{start} {title}",
         "2013-12-01", "2028-03-01"],
        check=True, env=env, capture_output=True, text=True,
    ).stdout  # fmt: skip
    found: dict[str, list[str]] = {}
    for line in listed.splitlines():
        day, time, _, uid = line.split(" ", 3)
        moment = dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=UTC)
        found.setdefault(uid, []).append(moment.isoformat())
    assert {uid: sorted(set(starts)) for uid, starts in found.items()} == expected()


# --- broader: every zone that changes its clocks, and rule shapes beyond a weekly show ----------


def _changing_zones() -> list[str]:
    """Every zone whose UTC offset at noon differs between January and July 2026."""
    found = []
    for name in sorted(tz.zone_names()):
        zone = tz.zone(name)
        winter = dt.datetime(2026, 1, 15, 12, tzinfo=zone).utcoffset()
        summer = dt.datetime(2026, 7, 15, 12, tzinfo=zone).utcoffset()
        if winter != summer:
            found.append(name)
    return found


def _sweep_calendar() -> tuple[Calendar, dict[str, list[str]]]:
    """A Sunday-noon series for two years in every changing zone, and the hand-stepped
    instants each must give."""
    first = dt.datetime(2026, 1, 4, 12)
    walls = _walls(first, WEEK, 105)
    events, want = [], {}
    for name in _changing_zones():
        uid = re.sub(r"[^A-Za-z0-9]+", "-", name).lower()
        events.append(_event(uid, name, first, "FREQ=WEEKLY;BYDAY=SU;COUNT=105", []))
        want[uid] = [tz.localize(w, name).astimezone(UTC).isoformat() for w in walls]
    return Calendar(tuple(events), name="Sweep"), want


RULES = [
    # (uid, zone, first wall time, rule): shapes calendar people write, checked against what
    # launchcal itself says (when, countdown) for each occurrence.
    ("last-friday", "Europe/London", dt.datetime(2026, 1, 30, 17), "FREQ=MONTHLY;BYDAY=-1FR;COUNT=24"),
    ("fortnightly", "America/New_York", dt.datetime(2026, 1, 6, 20), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=104"),
    ("day-31", "Australia/Sydney", dt.datetime(2026, 1, 31, 9), "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=14"),
    ("yearly", "America/Santiago", dt.datetime(2026, 4, 4, 21), "FREQ=YEARLY;BYMONTH=4,9;BYDAY=1SA;COUNT=6"),
    ("last-weekday", "Europe/London", dt.datetime(2026, 1, 30, 9), "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=24"),
    ("until", "America/New_York", dt.datetime(2026, 3, 1, 9), "FREQ=DAILY;UNTIL=20261108T140000Z"),
]  # fmt: skip


def _rules_calendar() -> tuple[Calendar, dict[str, list[str]]]:
    from launchcal import recurrence

    events = [_event(uid, zone, first, rule, []) for uid, zone, first, rule in RULES]
    want = {e.id: [o.utc_start.isoformat() for o in recurrence.all_occurrences(e)] for e in events}
    return Calendar(tuple(events), name="Rules"), want


@pytest.fixture(scope="module")
def broad_files(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[Path, dict[str, list[str]]]]:
    folder = tmp_path_factory.mktemp("broad")
    out = {}
    for name, (calendar, want) in (("sweep", _sweep_calendar()), ("rules", _rules_calendar())):
        data = ics.to_ics(calendar, stamp=STAMP)
        for label, content in ((name, data), (f"renamed-{name}", rename_tzids(data))):
            path = folder / f"{label}.ics"
            path.write_bytes(content)
            out[label] = (path, want)
    return out


def test_the_sweep_covers_the_zones_that_change_their_clocks() -> None:
    zones = _changing_zones()
    assert len(zones) > 100
    assert {"Europe/London", "America/New_York", "Australia/Sydney", "America/Santiago"} <= set(
        zones
    )


@pytest.mark.parametrize("consumer", ["ical.js", "libical"])
def test_every_changing_zone_and_rule_shape_expands_to_the_right_instants(
    broad_files: dict[str, tuple[Path, dict[str, list[str]]]], consumer: str
) -> None:
    _needs(consumer)
    if consumer == "ical.js":
        command = ["node", str(NODE / "expand-ics.mjs")]
    else:
        command = [SYSTEM_PYTHON, str(ROOT / "tests" / "readers" / "libical_expand.py")]
    paths = [path for path, _ in broad_files.values()]
    got = _run([*command, *map(str, paths)])
    wrong = {}
    for label, (path, want) in broad_files.items():
        found = {_uid(uid): starts for uid, starts in got[str(path)].items()}
        for uid, starts in want.items():
            if found.get(uid) != starts:
                wrong[f"{label}/{uid}"] = (
                    sum(a != b for a, b in zip(found.get(uid, []), starts, strict=False)) or "count"
                )
    assert wrong == {}


def test_recurring_ical_events_agrees_on_every_rule_shape(
    broad_files: dict[str, tuple[Path, dict[str, list[str]]]],
) -> None:
    path, want = broad_files["rules"]
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found: dict[str, list[str]] = {}
    for occurrence in recurring_ical_events.of(calendar).between(
        dt.date(2025, 1, 1), dt.date(2030, 1, 1)
    ):
        found.setdefault(_uid(str(occurrence["UID"])), []).append(
            occurrence["DTSTART"].dt.astimezone(UTC).isoformat()
        )
    assert {uid: sorted(starts) for uid, starts in found.items()} == want
