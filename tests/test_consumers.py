"""The files launchcal writes, read by real calendar software: Radicale (a CalDAV server) through
the caldav client, the ical, icalendar and vobject parsers, khal, calcurse, Mozilla ical.js
(Thunderbird's parser, under node) and libical (Evolution's, through python3-gi).

ical.js, libical and calcurse are not Python packages: without them these tests skip with the
reason, unless LAUNCHCAL_REQUIRE_CONSUMERS=1 (CI, set by .ci/run), where a missing one fails.

A server answering 201 proves little (Radicale stores an event with a bogus TZID and files it
at the wrong time), so every Radicale test asks the server itself, with a CalDAV time-range
query, where it put the event.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import caldav
import pytest
import tzdata
from click.testing import CliRunner

from launchcal import clientsweep, eventfile, ics, tz
from launchcal.clientsweep import rename_tzids
from launchcal.event import Calendar, Event, Status
from tests.conftest import DATA, ROOT
from tests.ics_cases import (
    STAMP,
    expected_events,
    hard_calendar,
    tricky_calendars,
)
from tests.radicale_server import free_port, wait_until_listening

UTC = dt.UTC


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)  # type: ignore[misc]


# --- Radicale ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[caldav.Principal]:
    """A Radicale server on a free loopback port with empty storage, for this module."""
    storage = tmp_path_factory.mktemp("radicale")
    port = free_port()
    log = storage / "radicale.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", "",
             "--server-hosts", f"127.0.0.1:{port}", "--auth-type", "none",
             "--storage-filesystem-folder", str(storage / "collections"),
             "--web-type", "none", "--logging-level", "warning"],
            stdout=sink, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        try:
            wait_until_listening(port, server, log)
        except RuntimeError as error:
            pytest.fail(str(error))
        # With auth none, any user name is accepted and owns its own principal.
        client = caldav.DAVClient(
            url=f"http://127.0.0.1:{port}/", username="launchcal", password="launchcal"
        )
        yield client.principal()
    finally:
        server.terminate()
        server.wait(timeout=10)


def upload(principal: caldav.Principal, name: str, files: list[bytes]) -> caldav.Calendar:
    calendar = principal.make_calendar(name=name, cal_id=name)
    for data in files:
        calendar.add_event(data.decode("utf-8"))
    return calendar


def found(calendar: caldav.Calendar, start: dt.datetime, end: dt.datetime) -> set[str]:
    """UIDs the *server* files in [start, end): post_filter=False keeps caldav from widening
    the range and filtering on the client."""
    hits = calendar.search(start=start, end=end, event=True, post_filter=False)
    return {str(hit.icalendar_component["UID"]) for hit in hits}


def test_radicale_finds_the_two_hour_show_only_within_its_hours(
    radicale: caldav.Principal,
) -> None:
    calendar = upload(radicale, "example", [(DATA / "xiaomi-12s.ics").read_bytes()])
    show = {"xiaomi-12s-launch@launchcal"}
    assert found(calendar, utc(2022, 7, 4, 11, 0), utc(2022, 7, 4, 11, 1)) == show
    assert found(calendar, utc(2022, 7, 4, 12, 59), utc(2022, 7, 4, 13, 0)) == show
    assert found(calendar, utc(2022, 7, 4, 10, 0), utc(2022, 7, 4, 11, 0)) == set()
    assert found(calendar, utc(2022, 7, 4, 13, 0), utc(2022, 7, 4, 14, 0)) == set()


def hard_files() -> list[bytes]:
    # CalDAV stores one event (one UID) per resource: upload each as its own file.
    return [ics.event_ics(event, stamp=STAMP) for event in hard_calendar().events]


# (uid, a minute the server must file the event in, a minute it must not)
PLACEMENTS = [
    # London: 12:00 BST in July is 11:00Z, 12:00 GMT in January is 12:00Z.
    ("london-july", utc(2026, 7, 15, 11, 0), utc(2026, 7, 15, 12, 0)),
    ("london-july", utc(2026, 7, 15, 11, 59), utc(2026, 7, 15, 10, 59)),
    ("london-january", utc(2026, 1, 15, 12, 0), utc(2026, 1, 15, 11, 0)),
    ("london-january", utc(2026, 1, 15, 12, 59), utc(2026, 1, 15, 13, 0)),
    # The two 01:30s of 2026-10-25 in London: 00:30Z (BST) and 01:30Z (GMT).
    ("fold-earlier", utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30)),
    ("fold-later", utc(2026, 10, 25, 1, 30), utc(2026, 10, 25, 0, 30)),
    # tzdata 2026f: Vancouver stays on UTC-7 in December 2026 (older data: UTC-8, 20:00Z).
    ("vancouver", utc(2026, 12, 15, 19, 0), utc(2026, 12, 15, 20, 0)),
    ("kathmandu", utc(2026, 5, 1, 11, 0), utc(2026, 5, 1, 10, 59)),
    ("utc", utc(2026, 5, 1, 0, 0), utc(2026, 4, 30, 23, 59)),
    # Time to be announced: the whole date (floating, so read as UTC by the server).
    ("tba", utc(2026, 12, 15, 12, 0), utc(2026, 12, 16, 12, 0)),
]


@pytest.fixture(scope="module")
def hard_on_radicale(radicale: caldav.Principal) -> caldav.Calendar:
    return upload(radicale, "hard", hard_files())


@pytest.mark.parametrize(("uid", "inside", "outside"), PLACEMENTS)
def test_radicale_files_each_event_at_the_right_instant(
    hard_on_radicale: caldav.Calendar, uid: str, inside: dt.datetime, outside: dt.datetime
) -> None:
    minute = dt.timedelta(minutes=1)
    assert f"{uid}@launchcal" in found(hard_on_radicale, inside, inside + minute)
    assert f"{uid}@launchcal" not in found(hard_on_radicale, outside, outside + minute)


def test_radicale_reads_later_years_through_the_first_vtimezone_it_kept(
    radicale: caldav.Principal,
) -> None:
    # Radicale parses with vobject, which keeps the first VTIMEZONE it sees for a TZID for as
    # long as the server runs and ignores the ones in later files. A 2026 file's VTIMEZONE
    # must therefore place a later file's events right: its yearly rules go on.
    # (Before its first change it cannot: a 1990 event in Shanghai, uploaded after a 2022
    # file, lands an hour off. The parsers below read each file alone and get 1990 right.)
    hour = dt.timedelta(hours=1)
    first = [Event.at("Earlier", dt.datetime(2026, 1, 15, 12), zone, duration=hour,
                      id=f"earlier-{number}")
             for number, zone in enumerate(LATER_YEARS)]  # fmt: skip
    later = [
        Event.at("Later", wall, zone, duration=hour, id=f"later-{number}")
        for number, (zone, (wall, _, _)) in enumerate(LATER_YEARS.items())
    ]
    calendar = upload(radicale, "later-years", [ics.event_ics(e, stamp=STAMP) for e in first])
    for event in later:
        calendar.add_event(ics.event_ics(event, stamp=STAMP).decode("utf-8"))
    minute = dt.timedelta(minutes=1)
    for number, (_, inside, outside) in enumerate(LATER_YEARS.values()):
        assert f"later-{number}@launchcal" in found(calendar, inside, inside + minute)
        assert f"later-{number}@launchcal" not in found(calendar, outside, outside + minute)


# zone: (wall time of a later event, a minute the server must file it in, one it must not)
LATER_YEARS = {
    "America/New_York": (dt.datetime(2031, 7, 15, 12), utc(2031, 7, 15, 16), utc(2031, 7, 15, 17)),
    # Israel's summer time starts on the Friday before the last Sunday of March.
    "Asia/Jerusalem": (dt.datetime(2027, 3, 26, 12), utc(2027, 3, 26, 9), utc(2027, 3, 26, 10)),
    "America/Santiago": (dt.datetime(2030, 1, 15, 12), utc(2030, 1, 15, 15), utc(2030, 1, 15, 16)),
    "Europe/Dublin": (dt.datetime(2029, 7, 1, 12), utc(2029, 7, 1, 11), utc(2029, 7, 1, 12)),
}  # fmt: skip


def test_radicale_keeps_the_hostile_text_in_one_event(hard_on_radicale: caldav.Calendar) -> None:
    everything = hard_on_radicale.search(event=True, post_filter=False)
    assert len(everything) == len(hard_calendar().events)
    july = hard_on_radicale.event_by_uid("london-july@launchcal").icalendar_component
    assert str(july["SUMMARY"]) == (
        "Launch\nBEGIN:VEVENT\nUID:evil@example.com\nSUMMARY:injected\nEND:VEVENT"
    )
    assert len(july.walk("VALARM")) == 2


# --- three parsers, each file in its own process ----------------------------------------------

# Each script prints the events as expected_events() describes them. Times with a TZID are read
# through the file's own VTIMEZONE wherever the parser allows (icalendar's to_tz, vobject always),
# so the VTIMEZONEs launchcal writes are what is checked, not the parser's tz database.
PARSERS = {
    "icalendar": r"""
import datetime as dt, json, sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], "rb").read())
zones = {t.tz_name: t.to_tz(lookup_tzid=False) for t in cal.walk("VTIMEZONE")}
def when(prop):
    if prop is None:
        return None
    value = prop.dt
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    if "TZID" in prop.params:
        value = value.replace(tzinfo=zones[prop.params["TZID"]])
    return value.astimezone(dt.timezone.utc).isoformat()
def text(component, name):
    return str(component[name]) if name in component else None
print(json.dumps([{
    "uid": text(e, "UID"), "summary": text(e, "SUMMARY"), "description": text(e, "DESCRIPTION"),
    "location": text(e, "LOCATION"), "url": text(e, "URL"),
    "start": when(e.get("DTSTART")), "end": when(e.get("DTEND")),
    "status": text(e, "STATUS"), "sequence": int(e["SEQUENCE"]),
    "alarms": [int(a["TRIGGER"].dt.total_seconds()) for a in e.walk("VALARM")],
} for e in cal.walk("VEVENT")]))
""",
    "vobject": r"""
import datetime as dt, json, sys
import vobject
cal = vobject.readOne(open(sys.argv[1], encoding="utf-8").read())
def when(event, name):
    if name not in event.contents:
        return None
    value = event.contents[name][0].value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).isoformat()
    return value.isoformat()
def text(event, name):
    return event.contents[name][0].value if name in event.contents else None
print(json.dumps([{
    "uid": text(e, "uid"), "summary": text(e, "summary"), "description": text(e, "description"),
    "location": text(e, "location"), "url": text(e, "url"),
    "start": when(e, "dtstart"), "end": when(e, "dtend"),
    "status": text(e, "status"), "sequence": int(text(e, "sequence")),
    "alarms": [int(a.trigger.value.total_seconds()) for a in e.contents.get("valarm", [])],
} for e in cal.vevent_list]))
""",
    "ical": r"""
import datetime as dt, json, sys
from ical.calendar_stream import IcsCalendarStream
cal = IcsCalendarStream.calendar_from_ics(open(sys.argv[1], encoding="utf-8").read())
def when(value):
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).isoformat()
    return value.isoformat()
print(json.dumps([{
    "uid": e.uid, "summary": e.summary, "description": e.description, "location": e.location,
    "url": e.url, "start": when(e.dtstart), "end": when(e.dtend),
    "status": e.status.value if e.status else None, "sequence": e.sequence,
    "alarms": [int(a.trigger.total_seconds()) for a in e.alarm],
} for e in cal.events]))
""",
}


def files() -> dict[str, Calendar]:
    tricky = tuple(e for calendar in tricky_calendars().values() for e in calendar.events)
    return {
        "example": eventfile.load(ROOT / "examples" / "xiaomi-12s.toml"),
        "feed": eventfile.load(ROOT / "examples" / "launch-season.toml"),
        "hard": hard_calendar(),
        "tricky": Calendar(tricky, name="Tricky zones"),
    }


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Any]:
    """Every parser on every file, each pair in its own process, all at once."""
    folder = tmp_path_factory.mktemp("parsed")
    # ical reads zones by name through zoneinfo: give it the database launchcal uses.
    env = {**os.environ, "PYTHONTZPATH": str(Path(tzdata.__file__).parent / "zoneinfo")}
    running = {}
    for name, calendar in files().items():
        path = folder / f"{name}.ics"
        path.write_bytes(ics.to_ics(calendar, stamp=STAMP))
        renamed = folder / f"renamed-{name}.ics"
        renamed.write_bytes(rename_tzids(path.read_bytes()))
        for parser, script in PARSERS.items():
            # icalendar and vobject read the VTIMEZONE whatever the TZID; ical uses its own
            # database for a TZID it knows, and the file's VTIMEZONE for a renamed one.
            if parser == "ical":
                running[parser, f"renamed-{name}"] = subprocess.Popen(
                    [sys.executable, "-c", script, str(renamed)], env=env,
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                )  # fmt: skip
            running[parser, name] = subprocess.Popen(
                [sys.executable, "-c", script, str(path)], env=env,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            )  # fmt: skip
    results = {}
    for key, process in running.items():
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, f"{key} failed:\n{err}"
        results[key] = json.loads(out)
    return results


@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize("name", ["example", "feed", "hard", "tricky"])
def test_parsers_read_every_field_back_exactly(
    parsed: dict[tuple[str, str], Any], parser: str, name: str
) -> None:
    assert parsed[parser, name] == expected_events(files()[name])
    if parser == "ical":
        assert parsed[parser, f"renamed-{name}"] == expected_events(files()[name])


# --- khal -------------------------------------------------------------------------------------

KHAL_CONFIG = """\
[calendars]
[[launch]]
path = {folder}/calendar
type = calendar
[sqlite]
path = {folder}/khal.db
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
"""


@pytest.mark.parametrize(
    ("zone", "line"),
    [
        ("Africa/Nairobi", "2022-07-04 14:00 -> 2022-07-04 16:00 Xiaomi 12S series launch"),
        ("America/Los_Angeles", "2022-07-04 04:00 -> 2022-07-04 06:00 Xiaomi 12S series launch"),
    ],
)
def test_khal_imports_and_lists_the_launch_in_the_readers_zone(
    tmp_path: Path, zone: str, line: str
) -> None:
    (tmp_path / "calendar").mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(folder=tmp_path), encoding="utf-8")
    env = {**os.environ, "TZ": zone, "HOME": str(tmp_path)}
    khal = [sys.executable, "-m", "khal", "-c", str(config)]
    subprocess.run(
        [*khal, "import", "--batch", str(DATA / "xiaomi-12s.ics")], check=True, env=env,
        capture_output=True,
    )  # fmt: skip
    listed = subprocess.run(
        [*khal, "list", "--day-format", "", "--format", "{start} -> {end} {title}",
         "2022-07-04", "1d"],
        check=True, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert listed.stdout.splitlines() == [line]


# --- ical.js and libical: many files per process ------------------------------------------------

NODE = ROOT / "tests" / "node"
SYSTEM_PYTHON = clientsweep.READERS["libical"][0]


def unavailable(reason: str) -> None:
    """Skip with the reason, or fail where CI says these consumers must run."""
    if os.environ.get("LAUNCHCAL_REQUIRE_CONSUMERS") == "1":
        pytest.fail(f"LAUNCHCAL_REQUIRE_CONSUMERS=1 but {reason}", pytrace=False)
    pytest.skip(f"{reason} (CI installs it and sets LAUNCHCAL_REQUIRE_CONSUMERS=1)")


@functools.cache
def _missing(consumer: str) -> str | None:
    if consumer == "ical.js":
        if shutil.which("node") is None:
            return "node is not installed (apt-get install nodejs npm)"
        if not (NODE / "node_modules" / "ical.js").is_dir():
            return "ical.js is not installed (cd tests/node && npm ci)"
        return None
    if consumer == "libical":
        probe = "import gi; gi.require_version('ICalGLib', '3.0')"
        if (
            not Path(SYSTEM_PYTHON).exists()
            or subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True).returncode
        ):
            return "libical's GObject bindings are missing (apt-get install gir1.2-ical-3.0 python3-gi)"
        return None
    if consumer == "calcurse":
        return (
            None
            if shutil.which("calcurse")
            else "calcurse is not installed (apt-get install calcurse)"
        )
    if consumer == "KCalendarCore":
        probe = ["pkg-config", "--exists", "KF5CalendarCore", "Qt5Core", "Qt5Gui"]
        if (
            shutil.which("g++") is None
            or shutil.which("pkg-config") is None
            or (subprocess.run(probe, capture_output=True).returncode)
        ):
            return "KCalendarCore is not installed (apt-get install libkf5calendarcore-dev g++)"
        return None
    raise AssertionError(consumer)


def reader(consumer: str) -> list[str]:
    """The command that reads the files given after it and prints JSON keyed by path."""
    reason = _missing(consumer)
    if reason is not None:
        unavailable(reason)
    return clientsweep.READERS[consumer]


def read_all(consumer: str, paths: list[Path]) -> dict[str, Any]:
    done = subprocess.run(
        [*reader(consumer), *map(str, paths)], capture_output=True, text=True, encoding="utf-8",
        timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"{consumer} failed:\n{done.stderr}"
    result: dict[str, Any] = json.loads(done.stdout)
    return result


READ_BACK = ("uid", "summary", "description", "location", "url", "start", "end", "status",
             "sequence", "alarms")  # fmt: skip


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Calendar]]:
    """The golden files, the hard cases and one file per tricky event, each also with its
    TZIDs renamed so that the reader must use the file's VTIMEZONE."""
    folder = tmp_path_factory.mktemp("matrix")
    calendars = {
        "golden-example": eventfile.load(ROOT / "examples" / "xiaomi-12s.toml"),
        "golden-feed": eventfile.load(ROOT / "examples" / "launch-season.toml"),
        "hard": hard_calendar(),
        **tricky_calendars(),
    }
    out = {}
    for name, calendar in calendars.items():
        data = ics.to_ics(calendar, stamp=STAMP)
        for label, content in ((name, data), (f"renamed-{name}", rename_tzids(data))):
            path = folder / f"{label}.ics"
            path.write_bytes(content)
            out[label] = (path, calendar)
    # The golden files themselves, byte for byte as they are committed.
    assert out["golden-example"][0].read_bytes() == (DATA / "xiaomi-12s.ics").read_bytes()
    assert out["golden-feed"][0].read_bytes() == (DATA / "launch-season.ics").read_bytes()
    return out


@pytest.mark.parametrize("consumer", ["ical.js", "libical"])
def test_icaljs_and_libical_place_every_event_and_read_its_text_back(
    matrix: dict[str, tuple[Path, Calendar]], consumer: str
) -> None:
    results = read_all(consumer, [path for path, _ in matrix.values()])
    wrong = {}
    for label, (path, calendar) in matrix.items():
        got = results[str(path)]["events"]
        want = [{key: event[key] for key in READ_BACK} for event in expected_events(calendar)]
        if got != want:
            wrong[label] = [(g, w) for g, w in zip(got, want, strict=True) if g != w]
    assert wrong == {}


def test_icaljs_reads_the_issue_example_at_the_right_instant(tmp_path: Path) -> None:
    # The issue's example: ical.js read 20:00 New York as 20:00Z when the observance in force
    # was written DTSTART + RDATE (it missed the DTSTART onset).
    from launchcal.cli import cli

    path = tmp_path / "ny.ics"
    result = CliRunner().invoke(cli, ["ics", "--title", "T", "--start", "2026-01-20 20:00",
                                      "--zone", "America/New_York", "--duration", "1h",
                                      "-o", str(path)])  # fmt: skip
    assert result.exit_code == 0, result.output
    (event,) = read_all("ical.js", [path])[str(path)]["events"]
    assert (event["start"], event["end"]) == (
        "2026-01-21T01:00:00+00:00",
        "2026-01-21T02:00:00+00:00",
    )


def test_libical_restriction_check_finds_nothing(
    matrix: dict[str, tuple[Path, Calendar]],
) -> None:
    # launchcal writes no METHOD, so RFC 5546's iTIP rules (METHOD:PUBLISH needs an ORGANIZER)
    # do not apply; libical's check_restrictions still checks RFC 5545's own.
    results = read_all("libical", [path for path, _ in matrix.values()])
    assert {label: results[str(path)]["errors"] for label, (path, _) in matrix.items()
            if results[str(path)]["errors"]} == {}  # fmt: skip


def test_libical_restriction_check_is_real(tmp_path: Path) -> None:
    # The same check does flag the old layout: METHOD:PUBLISH and no ORGANIZER.
    data = (DATA / "xiaomi-12s.ics").read_bytes()
    path = tmp_path / "publish.ics"
    path.write_bytes(
        data.replace(b"CALSCALE:GREGORIAN\r\n", b"CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n")
    )
    (error,) = read_all("libical", [path])[str(path)]["errors"]
    assert "ORGANIZER" in error


# --- calcurse: its own tz database (given launchcal's through TZDIR), not the VTIMEZONE --------

CALCURSE_LINE = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d) (\d{4}-\d\d-\d\dT\d\d:\d\d) (.*)$")


def test_calcurse_places_every_timed_event(tmp_path: Path) -> None:
    reason = _missing("calcurse")
    if reason is not None:
        unavailable(reason)
    calendars = {"example": eventfile.load(ROOT / "examples" / "xiaomi-12s.toml"),
                 **tricky_calendars()}  # fmt: skip
    # calcurse reads zones through the C library: TZDIR gives it the database launchcal uses,
    # so the test checks launchcal's file, not which release this machine has.
    env = {**os.environ, "TZ": "UTC", "TZDIR": str(tz.database().path), "HOME": str(tmp_path)}
    store = tmp_path / "calcurse"
    store.mkdir()
    for name, calendar in calendars.items():
        path = tmp_path / f"{name}.ics"
        path.write_bytes(ics.to_ics(calendar, stamp=STAMP))
        subprocess.run(["calcurse", "-D", str(store), "-i", str(path)], env=env, check=True,
                       capture_output=True, stdin=subprocess.DEVNULL)  # fmt: skip
    listed = subprocess.run(
        ["calcurse", "-D", str(store), "--input-datefmt", "4", "-Q", "--from", "1985-01-01",
         "--days", "16000", "--format-apt", "%(start:%Y-%m-%dT%H:%M) %(end:%Y-%m-%dT%H:%M) %m\\n"],
        env=env, check=True, capture_output=True, text=True, stdin=subprocess.DEVNULL,
    ).stdout  # fmt: skip
    got = sorted(
        match.groups() for line in listed.splitlines() if (match := CALCURSE_LINE.match(line))
    )
    want = sorted(
        (f"{e.utc_start:%Y-%m-%dT%H:%M}", f"{e.utc_end:%Y-%m-%dT%H:%M}", e.title)
        for calendar in calendars.values() for e in calendar.events if e.utc_end is not None
    )  # fmt: skip
    # An event across midnight (UTC) is listed under both days.
    assert sorted(set(got)) == want


def test_khal_places_every_tricky_event_through_the_vtimezone(tmp_path: Path) -> None:
    # khal reads the VTIMEZONE; with the TZIDs renamed it has nothing else to go by.
    tricky = tuple(e for calendar in tricky_calendars().values() for e in calendar.events)
    path = tmp_path / "tricky.ics"
    path.write_bytes(rename_tzids(ics.to_ics(Calendar(tricky, name="Tricky"), stamp=STAMP)))
    (tmp_path / "calendar").mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(folder=tmp_path), encoding="utf-8")
    env = {**os.environ, "TZ": "UTC", "HOME": str(tmp_path)}
    khal = [sys.executable, "-m", "khal", "-c", str(config)]
    subprocess.run([*khal, "import", "--batch", str(path)], check=True, env=env,
                   capture_output=True)  # fmt: skip
    listed = subprocess.run(
        [*khal, "list", "--day-format", "", "--format", "{start} -> {end} {title}",
         "1985-01-01", "2027-01-01"],
        check=True, env=env, capture_output=True, text=True,
    ).stdout  # fmt: skip
    want = sorted(
        f"{e.utc_start:%Y-%m-%d %H:%M} -> {e.utc_end:%Y-%m-%d %H:%M} {e.title}"
        for e in tricky
        if e.utc_end is not None
    )
    # An event across midnight (UTC) is listed under both days.
    assert sorted(set(listed.splitlines())) == want


def test_readme_matrix_names_the_versions_tested() -> None:
    from importlib.metadata import version

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|", readme, re.MULTILINE))
    lock = json.loads((NODE / "package-lock.json").read_text(encoding="utf-8"))
    assert (
        rows["Mozilla ical.js (Thunderbird's parser), under node"]
        == (lock["packages"]["node_modules/ical.js"]["version"])
    )
    for name in ("icalendar", "vobject", "ical", "khal"):
        assert rows[name] == version(name)
    assert rows["Radicale (CalDAV) time-range search"] == version("radicale")


# --- a reschedule and a cancel, re-published over the same UID ---------------------------------

VDIRSYNCER_CONFIG = """\
[general]
status_path = "{folder}/status/"

[pair launch]
a = "launch_local"
b = "launch_remote"
collections = null

[storage launch_local]
type = "filesystem"
path = "{folder}/calendar/"
fileext = ".ics"

[storage launch_remote]
type = "caldav"
url = "{url}"
username = "launchcal"
password = "launchcal"
"""


def test_reschedule_and_cancel_reach_khal_and_icaljs_as_one_entry(
    radicale: caldav.Principal, tmp_path: Path
) -> None:
    hour = dt.timedelta(hours=1)
    first = Event.at("Launch", dt.datetime(2026, 6, 1, 18), "Europe/Amsterdam", duration=hour,
                     id="moving-launch")  # fmt: skip
    moved = dataclasses.replace(
        first,
        start=tz.localize(dt.datetime(2026, 6, 3, 20), "Europe/Amsterdam"),
        end=tz.localize(dt.datetime(2026, 6, 3, 21), "Europe/Amsterdam"),
        status=Status.RESCHEDULED,
        previous_start=first.start,
    )
    cancelled = dataclasses.replace(moved, status=Status.CANCELLED, sequence=2)
    calendar = radicale.make_calendar(name="moving", cal_id="moving")
    (tmp_path / "calendar").mkdir()
    sync_config = tmp_path / "vdirsyncer.conf"
    sync_config.write_text(VDIRSYNCER_CONFIG.format(folder=tmp_path, url=calendar.url))
    khal_config = tmp_path / "khal.conf"
    khal_config.write_text(KHAL_CONFIG.format(folder=tmp_path), encoding="utf-8")
    env = {**os.environ, "TZ": "UTC", "HOME": str(tmp_path)}
    sync = [sys.executable, "-m", "vdirsyncer", "-c", str(sync_config)]
    khal = [sys.executable, "-m", "khal", "-c", str(khal_config)]
    subprocess.run([*sync, "discover"], input="y\n", text=True, env=env, check=True,
                   capture_output=True)  # fmt: skip

    def publish_and_read(event: Event) -> tuple[list[str], dict[str, Any]]:
        # A plain PUT over the same resource, as a publisher sends it (the caldav client's
        # save_event would raise SEQUENCE itself).
        request = urllib.request.Request(
            f"{calendar.url}{event.id}.ics", data=ics.event_ics(event, stamp=STAMP),
            method="PUT", headers={"Content-Type": "text/calendar; charset=utf-8"},
        )  # fmt: skip
        urllib.request.urlopen(request, timeout=10).close()
        subprocess.run([*sync, "sync"], env=env, check=True, capture_output=True)
        listed = subprocess.run(
            [*khal, "list", "--day-format", "", "--format", "{start} -> {end} {status}{title}",
             "2026-05-30", "2026-06-06"],
            env=env, check=True, capture_output=True, text=True,
        ).stdout.splitlines()  # fmt: skip
        stored = calendar.search(event=True, post_filter=False)
        assert len(stored) == 1  # the server holds one entry, not one per publication
        path = tmp_path / "server.ics"
        path.write_text(stored[0].data, encoding="utf-8")
        (read,) = read_all("ical.js", [path])[str(path)]["events"]
        return listed, read

    listed, read = publish_and_read(first)
    assert listed == ["2026-06-01 16:00 -> 2026-06-01 17:00 CONFIRMED Launch"]
    assert (read["start"], read["sequence"]) == ("2026-06-01T16:00:00+00:00", 0)

    listed, read = publish_and_read(moved)
    assert listed == ["2026-06-03 18:00 -> 2026-06-03 19:00 CONFIRMED Launch"]
    assert (read["start"], read["sequence"], read["status"]) == (
        "2026-06-03T18:00:00+00:00", 1, "CONFIRMED")  # fmt: skip
    minute = dt.timedelta(minutes=1)
    assert found(calendar, utc(2026, 6, 3, 18, 0), utc(2026, 6, 3, 18, 0) + minute) == {
        "moving-launch@launchcal"
    }
    assert found(calendar, utc(2026, 6, 1, 16, 0), utc(2026, 6, 1, 16, 0) + minute) == set()

    listed, read = publish_and_read(cancelled)
    assert listed == ["2026-06-03 18:00 -> 2026-06-03 19:00 CANCELLED Launch"]
    assert (read["sequence"], read["status"]) == (2, "CANCELLED")


# --- KCalendarCore (KDE): a small reader built here -------------------------------------------


@pytest.fixture(scope="module")
def kcalcore(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = _missing("KCalendarCore")
    if reason is not None:
        unavailable(reason)
    binary = tmp_path_factory.mktemp("kcalcore") / "kcalcore-read"
    flags = subprocess.run(
        ["pkg-config", "--cflags", "--libs", "KF5CalendarCore", "Qt5Core", "Qt5Gui"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    source = ROOT / "tests" / "readers" / "kcalcore_read.cpp"
    subprocess.run(["g++", "-std=c++17", "-fPIC", "-O0", str(source), *flags, "-o", str(binary)],
                   check=True, capture_output=True)  # fmt: skip
    return binary


def test_kcalendarcore_places_every_event_where_its_tz_database_says(
    kcalcore: Path, matrix: dict[str, tuple[Path, Calendar]]
) -> None:
    # KCalendarCore reads a TZID it knows with Qt's zones, which come from the system's tz
    # database (Qt ignores TZDIR): it lands off exactly where that database differs from
    # launchcal's, and those are the events `launchcal ics` warns about (launchcal.tzdrift).
    # (For a renamed TZID it picks a system zone by offsets, so it is not tested that way.)
    from launchcal import tzdrift

    originals = {label: item for label, item in matrix.items() if not label.startswith("renamed-")}
    done = subprocess.run(
        [str(kcalcore), *(str(path) for path, _ in originals.values())],
        capture_output=True, text=True, check=True, env={**os.environ, "TZ": "UTC"},
    )  # fmt: skip
    results = json.loads(done.stdout)
    wrong, warned = set(), set()
    for path, calendar in originals.values():
        got = {e["uid"]: (e["start"], e["end"]) for e in results[str(path)]["events"]}
        for want in expected_events(calendar):
            start, end = got[want["uid"]]
            if start != want["start"] or (want["end"] is not None and end != want["end"]):
                wrong.add(want["uid"])
        for drift in tzdrift.drift(calendar):
            for event in calendar.events:
                if {event.start, event.end} & set(drift.walls):
                    warned.add(ics.uid(event))
    assert wrong == warned
