from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from launchcal.errors import EventFileError, InputError
from launchcal.event import Status
from launchcal.eventfile import load, loads, parse_duration, parse_wall_time

ONE = """
title = "Launch"
start = 2022-07-04T19:00:00
zone = "Asia/Shanghai"
duration = "2h"
"""


def test_one_event_at_top_level() -> None:
    calendar = loads(ONE)
    (event,) = calendar.events
    assert event.start.isoformat() == "2022-07-04T19:00:00+08:00"
    assert event.end is not None
    assert event.end.isoformat() == "2022-07-04T21:00:00+08:00"
    assert event.id == "launch-2022-07-04"
    assert calendar.name == "Launch"


def test_many_events_with_calendar_table() -> None:
    calendar = loads(
        """
[calendar]
name = "Season"
refresh = "6h"

[[event]]
id = "a"
title = "A"
start = "2026-09-09 10:00"
zone = "America/Los_Angeles"
end = 2026-09-09T11:30:00
location = "online"
organizer = { name = "Org", email = "org@example.com" }
reminders = ["1d", "15m"]
status = "Rescheduled"
previous_start = 2026-09-02T10:00:00
sequence = 2

[[event]]
id = "b"
title = "B"
start = 2026-12-15
zone = "Asia/Tokyo"
location = { name = "Hall", address = "1 Main St" }
"""
    )
    assert calendar.name == "Season"
    assert calendar.refresh == dt.timedelta(hours=6)
    a, b = calendar.events
    assert a.duration == dt.timedelta(hours=1, minutes=30)
    assert a.is_online
    assert a.organizer is not None
    assert a.organizer.email == "org@example.com"
    assert a.reminders == (dt.timedelta(days=1), dt.timedelta(minutes=15))
    assert a.status is Status.RESCHEDULED
    assert a.previous_start is not None
    assert a.previous_start.isoformat() == "2026-09-02T10:00:00-07:00"
    assert a.sequence == 2
    assert not b.time_known
    assert b.start.isoformat() == "2026-12-15T00:00:00+09:00"
    assert b.location is not None
    assert (b.location.name, b.location.address, b.location.online) == ("Hall", "1 Main St", False)


def test_offset_must_agree_with_zone() -> None:
    ok = loads(ONE.replace("2022-07-04T19:00:00", "2022-07-04T19:00:00+08:00"))
    assert ok.events[0].utc_start.hour == 11
    with pytest.raises(
        EventFileError, match=r"is 2022-07-04 20:00 in Asia/Shanghai \(UTC\+08:00\)"
    ):
        loads(ONE.replace("2022-07-04T19:00:00", "2022-07-04T19:00:00+07:00"))


def test_offset_picks_the_instant_of_an_ambiguous_time() -> None:
    text = ONE.replace("2022-07-04T19:00:00", "2026-11-01T01:30:00-05:00").replace(
        "Asia/Shanghai", "America/New_York"
    )
    assert loads(text).events[0].utc_start.isoformat() == "2026-11-01T06:30:00+00:00"


def test_fold_field_and_default() -> None:
    text = ONE.replace("2022-07-04T19:00:00", "2026-11-01T01:30:00").replace(
        "Asia/Shanghai", "America/New_York"
    )
    with pytest.raises(EventFileError) as raised:
        loads(text, source="f.toml")
    assert str(raised.value) == (
        "f.toml, event 'Launch', field 'start', line 3: 2026-11-01 01:30 in America/New_York "
        'happens twice as the clocks go back; use fold = "earlier" for 2026-11-01 01:30 EDT '
        '(= 2026-11-01 05:30 UTC) or fold = "later" for 2026-11-01 01:30 EST '
        "(= 2026-11-01 06:30 UTC)"
    )
    assert loads(text, fold="later").events[0].utc_start.hour == 6
    assert loads(text + 'fold = "earlier"\n', fold="later").events[0].utc_start.hour == 5


ERRORS = [
    ('title = "x"\n', "f.toml, event 'x': missing field 'start'"),
    (ONE + "colour = 1\n", "f.toml, event 'Launch', field 'colour', line 6: unknown field"),
    (ONE + "descripton = 'x'\n", "field 'descripton', line 6: unknown field; did you mean 'description'?"),
    (ONE.replace('"2h"', '"2 parsecs"'), "field 'duration', line 5: cannot read the duration '2 parsecs'"),
    (ONE.replace('"2h"', "120"), "field 'duration', line 5: give a unit with the number: '120m' or '120h'"),
    (ONE.replace("Asia/Shanghai", "Mars/Olympus"), "field 'zone', line 4: unknown place 'Mars/Olympus'"),
    (ONE + 'url = "javascript:alert(1)"\n', "field 'url', line 6: url 'javascript:alert(1)' is not an http(s) URL"),
    (ONE + 'status = "maybe"\n', "field 'status', line 6: unknown status 'maybe'; use one of scheduled, postponed, cancelled, rescheduled"),
    (ONE + 'end = 2022-07-04T20:00:00\n', "field 'duration', line 5: give end or duration, not both"),
    (ONE + 'status = "rescheduled"\n', "event 'Launch': a rescheduled event needs previous_start"),
    (ONE.replace("2022-07-04T19:00:00", '"4 July"'), "field 'start', line 3: cannot read the time '4 July'"),
    (ONE.replace("2022-07-04T19:00:00", '"2022-02-30"'), "field 'start', line 3: '2022-02-30' is not a real date"),
    ("title = 'x\n", "f.toml: not valid TOML: "),
    ('[calendar]\nname = "x"\n', "f.toml: a [calendar] table needs [[event]] tables beside it"),
    ("event = 1\n", "f.toml: 'event' must be an array of tables: write [[event]]"),
    ('title = "x"\n[[event]]\ntitle = "y"\n', "f.toml, field 'title', line 1: top-level 'title' beside [[event]] tables"),
    (ONE + 'audience = "Nairobi"\n', "field 'audience', line 6: expected a list of places"),
    (ONE + "reminders = ['-1h']\n", "field 'reminders', line 6: cannot read the duration '-1h'"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_errors_name_file_event_field_and_line(text: str, message: str) -> None:
    with pytest.raises(EventFileError) as raised:
        loads(text, source="f.toml")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_error_line_inside_second_event() -> None:
    text = """[[event]]
title = "A"
start = 2026-01-01T10:00:00
zone = "UTC"

[[event]]
title = "B"
start = 2026-01-01T10:00:00
zone = "UTC"
duration = "soon"
"""
    with pytest.raises(EventFileError, match=r"event 'B', field 'duration', line 10:"):
        loads(text, source="f.toml")


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(EventFileError, match="no such event file"):
        load(tmp_path / "nope.toml")
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(EventFileError, match="not a UTF-8 text file"):
        load(binary)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("2h", 7200),
        ("1h30m", 5400),
        ("90 minutes", 5400),
        ("1 day", 86400),
        ("1d 2h", 93600),
        ("1 hour and 30 minutes", 5400),
        ("PT2H", 7200),
        ("pt1h30m", 5400),
        ("P1D", 86400),
        ("1.5h", 5400),
        ("45s", 45),
    ],
)
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text) == dt.timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "P", "PT", "2", "h", "2 parsecs", "2h x", "-1h"])
def test_parse_duration_errors(text: str) -> None:
    with pytest.raises(InputError, match="cannot read the duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2022-07-04 19:00", dt.datetime(2022, 7, 4, 19)),
        ("2022-07-04T19:00", dt.datetime(2022, 7, 4, 19)),
        ("2022-07-04 19:00:30", dt.datetime(2022, 7, 4, 19, 0, 30)),
        ("2022-07-04", dt.date(2022, 7, 4)),
    ],
)
def test_parse_wall_time(text: str, value: dt.datetime | dt.date) -> None:
    assert parse_wall_time(text) == value


def test_a_repeated_value_is_read_once_but_a_lookalike_is_read_again() -> None:
    """Venues, organizers, reminders and audiences are converted once per distinct value;
    1, 1.0 and true are equal in Python but not in a file, so each is read on its own."""
    event = '[[event]]\ntitle = "L{n}"\nstart = 2026-03-01T19:00:00\nzone = "Berlin"\n'
    good = 'location = {{ name = "Hall", online = true }}\nreminders = ["1h"]\n'
    text = "".join((event + good).format(n=n) for n in range(3))
    calendar = loads(text)
    first, *others = calendar.events
    assert all(e.location is first.location and e.reminders == (dt.timedelta(hours=1),)
               for e in others)  # fmt: skip
    lookalike = text + event.format(n=9) + 'location = { name = "Hall", online = 1 }\n'
    with pytest.raises(EventFileError, match="online must be true or false"):
        loads(lookalike)
    audience = 'audience = ["Nairobi", "Tokyo"]\n'
    calendar = loads("".join((event + audience).format(n=n) for n in range(2)))
    assert [p.zone for p in calendar.events[1].audience] == ["Africa/Nairobi", "Asia/Tokyo"]
