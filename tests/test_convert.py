from __future__ import annotations

import datetime as dt

import pytest

from launchcal.convert import see, see_all
from launchcal.event import Event
from launchcal.places import Place

XIAOMI = Event.at("Xiaomi 12S series launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")


def zone(name: str) -> Place:
    return Place(name=name, zone=name, kind="zone")


@pytest.mark.parametrize(
    ("zone_name", "local", "abbreviation", "day_shift", "night"),
    [
        ("Africa/Nairobi", "2022-07-04T14:00:00+03:00", "EAT", 0, False),
        ("America/Los_Angeles", "2022-07-04T04:00:00-07:00", "PDT", 0, True),
        ("Pacific/Kiritimati", "2022-07-05T01:00:00+14:00", "+14", 1, True),
        ("Pacific/Pago_Pago", "2022-07-04T00:00:00-11:00", "SST", 0, True),
        ("Asia/Kathmandu", "2022-07-04T16:45:00+05:45", "+0545", 0, False),
        ("Pacific/Chatham", "2022-07-04T23:45:00+12:45", "+1245", 0, False),
        ("Asia/Kolkata", "2022-07-04T16:30:00+05:30", "IST", 0, False),
        ("America/St_Johns", "2022-07-04T08:30:00-02:30", "NDT", 0, False),
        ("Australia/Lord_Howe", "2022-07-04T21:30:00+10:30", "+1030", 0, False),
        ("Europe/London", "2022-07-04T12:00:00+01:00", "BST", 0, False),
        ("America/Sao_Paulo", "2022-07-04T08:00:00-03:00", "-03", 0, False),
        ("America/New_York", "2022-07-04T07:00:00-04:00", "EDT", 0, False),
        ("Pacific/Honolulu", "2022-07-04T01:00:00-10:00", "HST", 0, True),
        ("UTC", "2022-07-04T11:00:00+00:00", "UTC", 0, False),
        ("Asia/Shanghai", "2022-07-04T19:00:00+08:00", "CST", 0, False),
    ],
)
def test_xiaomi_launch_around_the_world(
    zone_name: str, local: str, abbreviation: str, day_shift: int, night: bool
) -> None:
    seen = see(XIAOMI, zone(zone_name))
    assert seen.local.isoformat() == local
    assert seen.abbreviation == abbreviation
    assert seen.day_shift == day_shift
    assert seen.night is night
    assert seen.local == XIAOMI.start  # the same instant, only the clock differs


def test_night_hours_are_00_to_06_59() -> None:
    def at(hour: int, minute: int) -> bool:
        event = Event.at("x", dt.datetime(2022, 1, 1, hour, minute), "UTC")
        return see(event, zone("UTC")).night

    assert [at(h, 0) for h in (23, 0, 3, 6)] == [False, True, True, True]
    assert (at(6, 59), at(7, 0)) == (True, False)


@pytest.mark.parametrize(
    ("wall", "zone_name", "viewer", "local", "day_shift"),
    [
        # Samoa skipped 30 December 2011: the day after the 29th was the 31st.
        (dt.datetime(2011, 12, 29, 23), "Pacific/Apia", "UTC", "2011-12-30T09:00:00+00:00", 1),
        (dt.datetime(2011, 12, 31, 0, 30), "Pacific/Apia", "UTC", "2011-12-30T10:30:00+00:00", -1),
        (dt.datetime(2011, 12, 30, 9, 59), "UTC", "Pacific/Apia", "2011-12-29T23:59:00-10:00", -1),
        (dt.datetime(2011, 12, 30, 10), "UTC", "Pacific/Apia", "2011-12-31T00:00:00+14:00", 1),
        # Two days apart: Pago Pago late evening is the day after next in Kiritimati.
        (
            dt.datetime(2022, 7, 4, 23, 30), "Pacific/Pago_Pago", "Pacific/Kiritimati",
            "2022-07-06T00:30:00+14:00", 2,
        ),
        # Lord Howe's summer offset is 30 minutes ahead of its winter one.
        (dt.datetime(2026, 1, 15, 9), "UTC", "Australia/Lord_Howe", "2026-01-15T20:00:00+11:00", 0),
        (dt.datetime(2026, 7, 15, 9), "UTC", "Australia/Lord_Howe", "2026-07-15T19:30:00+10:30", 0),
        # St John's in winter: -03:30.
        (dt.datetime(2026, 1, 15, 12), "UTC", "America/St_Johns", "2026-01-15T08:30:00-03:30", 0),
    ],
)  # fmt: skip
def test_conversion_edges(
    wall: dt.datetime, zone_name: str, viewer: str, local: str, day_shift: int
) -> None:
    event = Event.at("Edge", wall, zone_name)
    seen = see(event, zone(viewer))
    assert seen.local.isoformat() == local
    assert seen.day_shift == day_shift


def test_see_all_keeps_order_and_drops_repeats() -> None:
    nairobi = Place("Nairobi", "Africa/Nairobi", "city")
    london = Place("London", "Europe/London", "city")
    seen = see_all(XIAOMI, [nairobi, london, nairobi])
    assert [s.place.name for s in seen] == ["Nairobi", "London"]


def test_labels() -> None:
    seen = see(XIAOMI, zone("Asia/Kathmandu"))
    assert (seen.utc_offset, seen.label) == ("+05:45", "UTC+05:45")
    seen = see(XIAOMI, zone("Africa/Nairobi"))
    assert (seen.utc_offset, seen.label) == ("+03:00", "EAT")
