"""Calendar files: what ``launchcal ics`` writes, line by line, and that nothing can break it.

The golden files were written with
``SOURCE_DATE_EPOCH=1656633600 launchcal ics examples/<name>.toml -o tests/data/<name>.ics``.
The real consumers (Radicale, ical, icalendar, vobject, khal) are in ``test_consumers.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import freezegun
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar as IcsCalendar

from launchcal import eventfile, ics, tz
from launchcal.cli import cli
from launchcal.event import Calendar, Event, Location, Status
from tests.conftest import DATA, ROOT
from tests.ics_cases import EPOCH, STAMP, hard_calendar, stored_text

EXAMPLE = ROOT / "examples" / "xiaomi-12s.toml"
SEASON = ROOT / "examples" / "launch-season.toml"


def lines(data: bytes) -> list[str]:
    """The unfolded content lines of a file."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    return text[:-2].replace("\r\n ", "").split("\r\n")


def vevent_lines(data: bytes, uid: str) -> list[str]:
    unfolded = lines(data)
    start = unfolded.index(f"UID:{uid}") - 1
    return unfolded[start : unfolded.index("END:VEVENT", start) + 1]


def vtimezone(data: bytes, zone: str) -> list[str]:
    unfolded = lines(data)
    start = unfolded.index(f"TZID:{zone}") - 1
    return unfolded[start : unfolded.index("END:VTIMEZONE", start) + 1]


def test_example_matches_golden_file() -> None:
    calendar = eventfile.load(EXAMPLE)
    assert ics.to_ics(calendar, stamp=STAMP) == (DATA / "xiaomi-12s.ics").read_bytes()


def test_example_file_reads_as_the_issue_says() -> None:
    data = (DATA / "xiaomi-12s.ics").read_bytes()
    # No METHOD: the file is not an iTIP message (see test_consumers for libical's check).
    assert lines(data)[:6] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//launchcal//launchcal//EN",
        "CALSCALE:GREGORIAN",
        "NAME:Xiaomi 12S series launch",
        "X-WR-CALNAME:Xiaomi 12S series launch",
    ]
    assert vevent_lines(data, "xiaomi-12s-launch@launchcal") == [
        "BEGIN:VEVENT",
        "UID:xiaomi-12s-launch@launchcal",
        "DTSTAMP:20220701T000000Z",
        "DTSTART;TZID=Asia/Shanghai:20220704T190000",
        "DTEND;TZID=Asia/Shanghai:20220704T210000",
        "SUMMARY:Xiaomi 12S series launch",
        "DESCRIPTION:Xiaomi unveils the 12S\\, 12S Pro and 12S Ultra\\, co-engineered with "
        "Leica.\\nWatch the livestream from Beijing.\\n\\nhttps://www.mi.com/global/",
        "LOCATION:Online livestream",
        "URL:https://www.mi.com/global/",
        "STATUS:CONFIRMED",
        "SEQUENCE:0",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Xiaomi 12S series launch",
        "TRIGGER:-P1D",
        "END:VALARM",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Xiaomi 12S series launch",
        "TRIGGER:-PT15M",
        "END:VALARM",
        "END:VEVENT",
    ]
    # One VTIMEZONE with only what 2022 needs (not 1970-2038), from tzdata: China's clocks
    # last changed in September 1991, and nothing has changed since.
    assert vtimezone(data, "Asia/Shanghai") == [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Shanghai",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0800",
        "TZNAME:CST",
        "DTSTART:19910915T020000",
        "RDATE:19910915T020000",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    assert lines(data).count("BEGIN:VTIMEZONE") == 1
    assert "REFRESH-INTERVAL" not in data.decode()  # one event: a file to import, not a feed


def test_feed_matches_golden_file_and_is_a_subscription() -> None:
    data = ics.to_ics(eventfile.load(SEASON), stamp=STAMP)
    assert data == (DATA / "launch-season.ics").read_bytes()
    head = lines(data)[: lines(data).index("BEGIN:VTIMEZONE")]
    assert head[4:] == [
        "NAME:Launch season 2026",
        "X-WR-CALNAME:Launch season 2026",
        "DESCRIPTION:Keynotes and livestreams we are following.",
        "X-WR-CALDESC:Keynotes and livestreams we are following.",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
    ]
    assert lines(data).count("BEGIN:VEVENT") == 3
    # The TBA event is all-day (no zone): VTIMEZONEs only for the two timed events' zones.
    assert [line for line in lines(data) if line.startswith("TZID:")] == [
        "TZID:America/Los_Angeles",
        "TZID:Europe/Berlin",
    ]


def test_cli_writes_the_golden_file_with_source_date_epoch(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["ics", str(EXAMPLE)], env={"SOURCE_DATE_EPOCH": str(EPOCH)})
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout_bytes == (DATA / "xiaomi-12s.ics").read_bytes()


def test_two_runs_with_the_same_source_date_epoch_are_byte_identical(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"run-{seed}.ics"
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "launchcal", "ics", str(SEASON), "-o", str(target)],
            check=True, env=env, cwd=ROOT,
        )  # fmt: skip
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == (DATA / "launch-season.ics").read_bytes()


# --- DTSTAMP ---------------------------------------------------------------------------------


def test_stamp_is_given_or_source_date_epoch_or_now(monkeypatch: pytest.MonkeyPatch) -> None:
    calendar = eventfile.load(EXAMPLE)

    def stamp_line(data: bytes) -> str:
        return next(line for line in lines(data) if line.startswith("DTSTAMP"))

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert stamp_line(ics.to_ics(calendar)) == "DTSTAMP:20231114T221320Z"
    explicit = dt.datetime(2022, 6, 1, 12, 30, 15, 999, tzinfo=tz.zone("Africa/Nairobi"))
    assert stamp_line(ics.to_ics(calendar, stamp=explicit)) == "DTSTAMP:20220601T093015Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    with freezegun.freeze_time("2024-02-29 23:59:59"):
        assert stamp_line(ics.to_ics(calendar)) == "DTSTAMP:20240229T235959Z"
    with pytest.raises(ValueError, match="stamp must be an aware datetime"):
        ics.to_ics(calendar, stamp=dt.datetime(2022, 6, 1))


def test_bad_source_date_epoch_is_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    result = runner.invoke(
        cli, ["ics", str(EXAMPLE), "-o", str(target)], env={"SOURCE_DATE_EPOCH": "yesterday"},
        prog_name="launchcal",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds since "
        "1970-01-01; set it to one (e.g. $(git log -1 --format=%ct)) or unset it\n"
    )
    assert list(tmp_path.iterdir()) == []


# --- times and zones -------------------------------------------------------------------------


def hard() -> bytes:
    return ics.to_ics(hard_calendar(), stamp=STAMP)


@pytest.mark.parametrize(
    ("uid", "expected"),
    [
        # 01:30 happens twice in London that night. RFC 5545 reads such a wall time as the
        # first one, vobject (Radicale) as the second: both are written in UTC.
        ("fold-later", ["DTSTART:20261025T013000Z", "DTEND;TZID=Europe/London:20261025T020000"]),
        ("fold-earlier", ["DTSTART:20261025T003000Z", "DTEND:20261025T010000Z"]),
        ("utc", ["DTSTART:20260501T000000Z", "DTEND:20260501T010000Z"]),
        ("kathmandu", ["DTSTART;TZID=Asia/Kathmandu:20260501T164500"]),
        ("tba", ["DTSTART;VALUE=DATE:20261215", "DTEND;VALUE=DATE:20261216"]),
        ("london-january",
         ["DTSTART;TZID=Europe/London:20260115T120000",
          "DTEND;TZID=Europe/London:20260115T130000"]),
    ],
)  # fmt: skip
def test_start_and_end_lines(uid: str, expected: list[str]) -> None:
    found = vevent_lines(hard(), f"{uid}@launchcal")
    assert [line for line in found if line.startswith(("DTSTART", "DTEND"))] == expected


def test_vtimezones_come_from_launchcals_tz_database_trimmed_to_the_years_used() -> None:
    data = hard()
    zones = [line[5:] for line in lines(data) if line.startswith("TZID:")]
    # UTC needs none; the TBA date floats; every other zone exactly once.
    assert zones == sorted(
        {"Europe/London", "Asia/Shanghai", "Asia/Kathmandu", "America/Vancouver",
         "Europe/Amsterdam", "Europe/Istanbul", "Europe/Bucharest"}
    )  # fmt: skip
    # tzdata 2026f keeps British Columbia on UTC-7 from March 2026 on (2025b says UTC-8 from
    # November): the file says what launchcal's database says.
    assert tz.database().version == "2026f"
    assert vtimezone(data, "America/Vancouver") == [
        "BEGIN:VTIMEZONE",
        "TZID:America/Vancouver",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:-0700",
        "TZOFFSETTO:-0800",
        "TZNAME:PST",
        "DTSTART:20251102T020000",
        "RDATE:20251102T020000",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:-0800",
        "TZOFFSETTO:-0700",
        "TZNAME:PDT",
        "DTSTART:20260308T020000",
        "RDATE:20260308T020000",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
    ]
    # An event in 1990 (China's summer time) and one in 2026 share one Asia/Shanghai VTIMEZONE.
    shanghai = vtimezone(data, "Asia/Shanghai")
    # One RDATE per date: vobject (Radicale) reads only the first date of a list. DTSTART is
    # the first RDATE too, or ical.js (Thunderbird) misses that onset.
    assert shanghai[6:10] == [
        "DTSTART:19890917T020000",
        "RDATE:19890917T020000",
        "RDATE:19900916T020000",
        "RDATE:19910915T020000",
    ]
    assert shanghai[12:18] == [
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0900",
        "TZNAME:CDT",
        "DTSTART:19900415T020000",
        "RDATE:19900415T020000",
        "RDATE:19910414T020000",
    ]
    assert not any(line.startswith(("DTSTART:1970", "DTSTART:2038")) for line in lines(data))


# Zones with every kind of yearly rule: nth and last weekdays, both hemispheres, half-hour
# and 45-minute offsets, two-hour DST (Troll), negative DST (Dublin), changes at 24:00 (Santiago,
# Cairo), at -1:00 (Nuuk), on "the Friday before the last Sunday" (Jerusalem), rules that resume
# after a pause (Havana), no DST any more (Tehran, Vancouver), Ramadan breaks (Casablanca).
RULE_ZONES = [
    "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin",
    "Europe/Dublin", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland",
    "Pacific/Chatham", "America/Santiago", "America/Asuncion", "Asia/Jerusalem", "America/Nuuk",
    "America/Havana", "Africa/Cairo", "Asia/Tehran", "America/Vancouver", "Antarctica/Troll",
    "America/Sao_Paulo", "Asia/Kolkata", "Africa/Casablanca", "Pacific/Kiritimati",
]  # fmt: skip


@pytest.mark.parametrize("zone", RULE_ZONES)
def test_vtimezone_stays_right_for_thirty_years_after_its_events(zone: str) -> None:
    # A consumer that keeps the first VTIMEZONE it sees for a TZID (vobject, so Radicale) uses
    # this one for every later file: it must not end with the year of the events.
    event = Event.at("Launch", dt.datetime(2026, 6, 1, 12), zone)
    data = ics.event_ics(event, stamp=STAMP)
    parsed = IcsCalendar.from_ical(data).walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    reference = tz.zone(zone)
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    while moment.year < 2056:
        assert moment.astimezone(parsed).utcoffset() == moment.astimezone(reference).utcoffset(), (
            moment
        )
        moment += dt.timedelta(days=2, hours=7)  # every time of day, every weekday


@pytest.mark.slow
def test_every_zone_reads_back_as_the_tz_database_for_twenty_years() -> None:
    # Each zone's VTIMEZONE for a 2026 event, read from the file alone by icalendar and by
    # vobject (Radicale's parser), gives tzdata's offset at and around every change until 2046,
    # from UTC to wall time and back.
    import vobject

    second, minutes = dt.timedelta(seconds=1), dt.timedelta(minutes=90)
    wrong = []
    names = {tz.canonical_zone(name) or name for name in tz.zone_names()}
    # Etc/ offsets are written in UTC, with no VTIMEZONE.
    for zone in sorted(name for name in names - {"UTC"} if not name.startswith("Etc/")):
        data = ics.event_ics(Event.at("Launch", dt.datetime(2026, 6, 1, 12), zone), stamp=STAMP)
        readers = {
            "icalendar": IcsCalendar.from_ical(data).walk("VTIMEZONE")[0].to_tz(lookup_tzid=False),
            "vobject": vobject.readOne(data.decode("utf-8")).vtimezone.gettzinfo(),
        }
        reference = tz.zone(zone)
        probes = [dt.datetime(y, m, 15, tzinfo=dt.UTC) for y in range(2026, 2046) for m in (1, 7)]
        for year in range(2026, 2046):
            for when, _, _ in ics._changes(reference, year):
                probes += [when - minutes, when - second, when, when + minutes]
        for reader, parsed in readers.items():
            for moment in probes:
                local = moment.astimezone(reference)
                wall = local.replace(tzinfo=None)
                readings = {wall.replace(tzinfo=reference, fold=f).utcoffset() for f in (0, 1)}
                if moment.astimezone(parsed).utcoffset() != local.utcoffset() or (
                    len(readings) == 1 and wall.replace(tzinfo=parsed).utcoffset() != readings.pop()
                ):
                    wrong.append(f"{reader}: {zone} at {moment:%Y-%m-%d %H:%M:%S}Z")
                    break
    assert wrong == []


@pytest.mark.parametrize(
    ("zone", "rules"),
    [
        ("America/New_York", ["FREQ=YEARLY;BYDAY=2SU;BYMONTH=3", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"]),
        ("Asia/Jerusalem", ["FREQ=YEARLY;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29;BYMONTH=3",
                            "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"]),
        ("Australia/Sydney", ["FREQ=YEARLY;BYDAY=1SU;BYMONTH=4", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=10"]),
        ("Asia/Shanghai", []),
        ("Africa/Cairo", []),  # the end of October rule crosses into November: exact dates
    ],
)  # fmt: skip
def test_vtimezone_yearly_rules(zone: str, rules: list[str]) -> None:
    data = ics.event_ics(Event.at("Launch", dt.datetime(2026, 6, 1, 12), zone), stamp=STAMP)
    block = vtimezone(data, zone)
    assert [line[6:] for line in block if line.startswith("RRULE:")] == rules
    if zone == "Africa/Cairo":  # thirty years of dates instead
        dates = [line for line in block if line.startswith("RDATE:")]
        # Through 2056, and each observance's DTSTART again (Oct 2025, Apr 2026).
        assert len(dates) == 32 + 31
        assert {"RDATE:20561027T000000", "RDATE:20560428T000000"} <= set(dates)


def test_vtimezone_lists_the_years_before_rules_resume() -> None:
    # tzdata 2026f: Cuba keeps summer time from March 2026 to November 2027.
    data = ics.event_ics(Event.at("Launch", dt.datetime(2026, 6, 1, 12), "America/Havana"),
                         stamp=STAMP)  # fmt: skip
    block = vtimezone(data, "America/Havana")
    found = [line for line in block if line.startswith(("DTSTART:", "RDATE:", "RRULE:"))]
    assert found == [
        "DTSTART:20251102T010000",
        "RDATE:20251102T010000",
        "RDATE:20271107T010000",
        "DTSTART:20260308T000000",
        "RDATE:20260308T000000",
        "DTSTART:20280312T000000",
        "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
        "DTSTART:20281105T010000",
        "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
    ]


def test_reminders_reach_back_into_the_previous_year() -> None:
    new_year = Event.at(
        "New Year launch", dt.datetime(2027, 1, 1, 0, 30), "Europe/London",
        reminders=(dt.timedelta(days=1),),
    )  # fmt: skip
    # The reminder fires on 31 December 2026: the VTIMEZONE starts with the change that set
    # the clocks for 2026, not for 2027.
    block = vtimezone(ics.event_ics(new_year, stamp=STAMP), "Europe/London")
    starts = [line for line in block if line.startswith("DTSTART:")]
    assert starts == ["DTSTART:20250330T010000", "DTSTART:20251026T020000"]


@pytest.mark.parametrize(
    ("start", "end", "dates"),
    [
        ("2026-12-15", None, ("20261215", "20261216")),
        ("2026-12-15", "2026-12-17", ("20261215", "20261217")),  # ends at the start of the 17th
        ("2026-12-15", "2026-12-17 10:00", ("20261215", "20261218")),
        # Santiago's clocks skip from 00:00 to 01:00 on 2026-09-06: that day starts at 01:00.
        ("2026-09-05", "2026-09-06", ("20260905", "20260906")),
    ],
)
def test_time_tba_is_all_day_with_exclusive_end(
    start: str, end: str | None, dates: tuple[str, str]
) -> None:
    text = f'title = "TBA"\nstart = {start}\nzone = "America/Santiago"\n'
    if end is not None:
        text += f'end = "{end}"\n'
    data = ics.to_ics(eventfile.loads(text), stamp=STAMP)
    found = [line for line in lines(data) if line.startswith(("DTSTART;", "DTEND"))]
    assert found == [f"DTSTART;VALUE=DATE:{dates[0]}", f"DTEND;VALUE=DATE:{dates[1]}"]
    assert "BEGIN:VTIMEZONE" not in lines(data)


# --- identity, status, reminders -------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "sequence", "expected"),
    [
        (Status.SCHEDULED, 0, ("CONFIRMED", 0)),
        (Status.SCHEDULED, 4, ("CONFIRMED", 4)),
        # A status change must raise SEQUENCE (RFC 5546 2.1.4) or clients keep the old copy.
        (Status.RESCHEDULED, 0, ("CONFIRMED", 1)),
        (Status.RESCHEDULED, 3, ("CONFIRMED", 3)),
        (Status.POSTPONED, 0, ("TENTATIVE", 1)),
        (Status.CANCELLED, 0, ("CANCELLED", 1)),
        (Status.CANCELLED, 2, ("CANCELLED", 2)),
    ],
)
def test_status_and_sequence(status: Status, sequence: int, expected: tuple[str, int]) -> None:
    event = Event.at(
        "Launch", dt.datetime(2026, 6, 2, 18), "Europe/Amsterdam", id="launch", status=status,
        sequence=sequence, previous_start=tz.localize(dt.datetime(2026, 6, 1, 18),
                                                      "Europe/Amsterdam"),
    )  # fmt: skip
    found = vevent_lines(ics.event_ics(event, stamp=STAMP), "launch@launchcal")
    assert f"STATUS:{expected[0]}" in found
    assert f"SEQUENCE:{expected[1]}" in found


def test_uid_is_stable_and_follows_the_id() -> None:
    calendar = eventfile.load(SEASON)
    first = [line for line in lines(ics.to_ics(calendar, stamp=STAMP)) if line[:4] == "UID:"]
    later = ics.to_ics(calendar, stamp=STAMP + dt.timedelta(days=30))
    assert first == [line for line in lines(later) if line[:4] == "UID:"]
    assert first == [
        "UID:aurora-keynote@launchcal",
        "UID:berlin-hardware-night@launchcal",
        "UID:tba-showcase@launchcal",
    ]


def test_organizer_with_email_and_hostile_name() -> None:
    found = vevent_lines(hard(), "london-july@launchcal")
    organizer = [line for line in found if line.startswith("ORGANIZER")]
    # RFC 6868 escapes the quote and the line break inside the quoted parameter.
    assert organizer == [
        "ORGANIZER;CN=\"The ^'Press^'^nX-INJECTED:1; team\":mailto:press@example.com"
    ]


# --- text that tries to break the file -------------------------------------------------------


def test_no_text_can_start_a_line_or_a_component() -> None:
    data = hard()
    raw = data.decode("utf-8")
    calendar = hard_calendar()
    # Only CRLF ends a line; no other character some parser takes for a line end survives.
    assert re.search("\r(?!\n)|(?<!\r)\n|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029\x00]", raw) is None
    unfolded = lines(data)
    assert unfolded.count("BEGIN:VEVENT") == len(calendar.events)
    assert unfolded.count("BEGIN:VALARM") == sum(len(e.reminders) for e in calendar.events)
    assert unfolded.count("BEGIN:VCALENDAR") == unfolded.count("END:VCALENDAR") == 1
    assert not [line for line in unfolded if line.startswith(("X-INJECTED", "UID:evil"))]
    assert "X-WR-CALNAME:Hard cases\\nX-WR-CALNAME:injected" in unfolded
    # Lines are folded at 75 octets and never inside a UTF-8 sequence.
    for line in raw.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75


def test_text_round_trips_exactly_through_icalendar() -> None:
    parsed = IcsCalendar.from_ical(hard())
    events = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    for event in hard_calendar().events:
        found = events[f"{event.id}@launchcal"]
        assert str(found["SUMMARY"]) == stored_text(event.title)
        if event.location is not None:
            assert str(found["LOCATION"]) == stored_text(event.location.label)
    july = events["london-july@launchcal"]
    assert str(july["DESCRIPTION"]) == (
        "First line\nsecond line\nEND:VEVENT\nBEGIN:VALARM\nACTION:AUDIO\nEND:VALARM\nline "
        "separator\nnext line\nvertical tab\nform feed\nrecordnul C:\\New folder\\N, a; b\\n \\, "
        "\\\\ end\\\n\nhttps://example.com/launch?a=1&b=2;c"
    )
    cjk = events["cjk@launchcal"]
    assert str(cjk["DESCRIPTION"]) == hard_calendar().get("cjk").description
    assert len(str(cjk["DESCRIPTION"])) == 10_000
    # icalendar reads X- properties raw (unescaped); the value is one escaped line.
    assert parsed["X-WR-CALNAME"].to_ical() == b"Hard cases\\nX-WR-CALNAME:injected"


def test_output_does_not_rely_on_asserts() -> None:
    # icalendar's only guard against a raw line break is an assert: run with python -O too.
    script = (
        "import sys; sys.path.insert(0, '.'); from launchcal import ics; "
        "from tests.ics_cases import hard_calendar, STAMP; "
        "sys.stdout.buffer.write(ics.to_ics(hard_calendar(), stamp=STAMP))"
    )
    optimized = subprocess.run(
        [sys.executable, "-O", "-c", script], capture_output=True, check=True, cwd=ROOT
    )
    assert optimized.stdout == hard()


def test_urls_with_control_characters_are_percent_encoded() -> None:
    event = Event.at("Launch", dt.datetime(2026, 5, 1, 12), "UTC", url="https://x.test/a\x00b\x7f")
    found = vevent_lines(ics.event_ics(event, stamp=STAMP), event.id + "@launchcal")
    assert "URL:https://x.test/a%00b%7F" in found


# --- property tests ---------------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
NAMES = TEXT.filter(lambda text: text.strip() != "")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(NAMES, TEXT, st.one_of(st.none(), NAMES)), min_size=1, max_size=4),
    TEXT.filter(str.strip),
)
def test_any_text_gives_one_vevent_per_event_and_round_trips(
    items: list[tuple[str, str, str | None]], name: str
) -> None:
    from ical.calendar_stream import IcsCalendarStream

    events = tuple(
        Event.at(
            title, dt.datetime(2026, 7, 4, 19), "Asia/Shanghai", id=f"e{number}",
            description=description,
            location=None if location is None else Location(name=location),
        )
        for number, (title, description, location) in enumerate(items)
    )  # fmt: skip
    data = ics.to_ics(Calendar(events, name=name), stamp=STAMP)
    assert lines(data).count("BEGIN:VEVENT") == len(events)

    parsed = IcsCalendar.from_ical(data).walk("VEVENT")
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events
    assert len(parsed) == len(strict) == len(events)
    for event, loose, exact in zip(events, parsed, strict, strict=True):
        assert str(loose["SUMMARY"]) == exact.summary == stored_text(event.title)
        description = stored_text(event.description) or None
        assert (str(loose["DESCRIPTION"]) if "DESCRIPTION" in loose else None) == description
        assert exact.description == description
        location = stored_text(event.location.label) if event.location else None
        location = location or None
        assert (str(loose["LOCATION"]) if "LOCATION" in loose else None) == location
        assert exact.location == location
        assert exact.dtstart == event.start


def test_text_without_special_characters_is_kept_as_it_is() -> None:
    text = "Keynote: 12S, 12S Pro; Ultra — \\ “quotes” 発表 🚀\nSecond line\tand a tab"
    assert stored_text(text) == text
    event = Event.at(text, dt.datetime(2026, 7, 4, 19), "UTC", id="e", description=text)
    parsed = IcsCalendar.from_ical(ics.event_ics(event, stamp=STAMP)).walk("VEVENT")[0]
    assert str(parsed["SUMMARY"]) == str(parsed["DESCRIPTION"]) == text


# --- the command ------------------------------------------------------------------------------


def test_cli_flags_and_stdout(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["ics", "--title", "Launch", "--start", "2022-07-04 19:00", "--zone",
              "Asia/Shanghai", "--duration", "2h"],
        env={"SOURCE_DATE_EPOCH": str(EPOCH)},
    )  # fmt: skip
    assert (result.exit_code, result.stderr) == (0, "")
    found = vevent_lines(result.stdout_bytes, "launch-2022-07-04@launchcal")
    assert found[3:6] == [
        "DTSTART;TZID=Asia/Shanghai:20220704T190000",
        "DTEND;TZID=Asia/Shanghai:20220704T210000",
        "SUMMARY:Launch",
    ]


def test_cli_picks_events_and_writes_the_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "keynote.ics"
    target.write_text("old content")
    result = runner.invoke(
        cli, ["ics", str(SEASON), "--event", "aurora-keynote", "-o", str(target)],
        env={"SOURCE_DATE_EPOCH": str(EPOCH)},
    )  # fmt: skip
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keynote.ics"]
    data = target.read_bytes()
    assert lines(data).count("BEGIN:VEVENT") == 1
    # The feed's own name stays; one event is a file to import, not a feed.
    assert "X-WR-CALNAME:Launch season 2026" in lines(data)
    assert "X-PUBLISHED-TTL:PT6H" not in lines(data)


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing/out.ics", "cannot write {tmp}/missing/out.ics: the folder {tmp}/missing does "
                            "not exist"),
        ("file.txt/out.ics", "cannot write {tmp}/file.txt/out.ics: the folder {tmp}/file.txt "
                             "does not exist"),
        ("folder", "Invalid value for '-o' / '--output': File '{tmp}/folder' is a directory."),
    ],
)  # fmt: skip
def test_cli_unwritable_output_is_one_error_line_and_no_file(
    runner: CliRunner, tmp_path: Path, where: str, message: str
) -> None:
    (tmp_path / "file.txt").write_text("a file, not a folder")
    (tmp_path / "folder").mkdir()
    before = sorted(tmp_path.rglob("*"))
    result = runner.invoke(
        cli, ["ics", str(EXAMPLE), "-o", str(tmp_path / where)], prog_name="launchcal"
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "Error: " + message.format(tmp=tmp_path) + "\n"
    assert sorted(tmp_path.rglob("*")) == before


def test_cli_a_fault_in_a_later_event_leaves_the_old_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    # The feed is written into a temporary file as it is made; the second event's series
    # is refused only when it is written, after the first event's bytes.
    source = tmp_path / "season.toml"
    source.write_text(
        '[[event]]\nid = "first"\ntitle = "First"\nstart = 2026-09-09T10:00:00\n'
        'zone = "America/New_York"\n\n'
        '[[event]]\nid = "weekly"\ntitle = "Weekly"\nstart = 2026-11-01T01:30:00\n'
        'zone = "America/New_York"\nfold = "earlier"\nrrule = "FREQ=WEEKLY;COUNT=3"\n',
        encoding="utf-8",
    )
    target = tmp_path / "season.ics"
    target.write_bytes(b"the feed as it was")
    result = runner.invoke(cli, ["ics", str(source), "-o", str(target)], prog_name="launchcal")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: the series starts at 2026-11-01 01:30, an hour America/New_York repeats; "
        "calendars read a repeated wall time differently, so start it on another day\n"
    )
    assert target.read_bytes() == b"the feed as it was"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["season.ics", "season.toml"]


def test_cli_read_only_folder_leaves_no_file(runner: CliRunner, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write into a read-only folder")
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    result = runner.invoke(cli, ["ics", str(EXAMPLE), "-o", str(folder / "out.ics")])
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot write {folder}/out.ics: Permission denied\n"
    assert list(folder.iterdir()) == []


URL_FIELDS = [
    ('url = "javascript:alert(1)"', 3, "url 'javascript:alert(1)' is not an http(s) URL"),
    ('location = { online = true, url = "ftp://example.com/stream" }', 3,
     "location url 'ftp://example.com/stream' is not an http(s) URL"),
    ('organizer = { name = "X", url = "file:///etc/passwd" }', 3,
     "organizer url 'file:///etc/passwd' is not an http(s) URL"),
    ('url = "https://example.com/a b"', 3, "url 'https://example.com/a b' is not an http(s) URL"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "number", "message"), URL_FIELDS)
def test_cli_refuses_urls_that_are_not_http(
    runner: CliRunner, tmp_path: Path, line: str, number: int, message: str
) -> None:
    source = tmp_path / "event.toml"
    source.write_text(f'title = "Launch"\nstart = 2026-07-04T19:00:00\n{line}\nzone = "UTC"\n')
    target = tmp_path / "out.ics"
    result = runner.invoke(cli, ["ics", str(source), "-o", str(target)], prog_name="launchcal")
    assert result.exit_code == 2
    field = line.split(" ")[0]
    assert result.stderr == (
        f"Error: {source}, event 'Launch', field {field!r}, line {number}: {message}\n"
    )
    assert not target.exists()


def test_cli_refuses_a_calendar_url_that_is_not_http(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "feed.toml"
    source.write_text(
        '[calendar]\nurl = "data:text/html,hi"\n\n[[event]]\ntitle = "A"\n'
        'start = 2026-07-04T19:00:00\nzone = "UTC"\n'
    )
    result = runner.invoke(cli, ["ics", str(source)], prog_name="launchcal")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {source}: calendar url 'data:text/html,hi' is not an http(s) URL\n"
    )


def test_ics_module_examples() -> None:
    assert doctest.testmod(ics).failed == 0


def test_event_ics_is_a_one_event_calendar() -> None:
    event = eventfile.load(EXAMPLE).events[0]
    assert ics.event_ics(event, stamp=STAMP) == ics.to_ics(Calendar((event,)), stamp=STAMP)
    renamed = dataclasses.replace(eventfile.load(EXAMPLE), name="Other")
    assert b"X-WR-CALNAME:Other\r\n" in ics.to_ics(renamed, stamp=STAMP)


def test_etc_offsets_are_written_in_utc() -> None:
    # Etc/GMT-3 is UTC+03:00: Google refuses the name and people misread its sign.
    event = Event.at(
        "Launch", dt.datetime(2026, 5, 1, 12), "Etc/GMT-3", duration=dt.timedelta(hours=1)
    )
    data = ics.event_ics(event, stamp=STAMP)
    assert b"TZID" not in data
    assert b"DTSTART:20260501T090000Z\r\n" in data
    assert b"DTEND:20260501T100000Z\r\n" in data
