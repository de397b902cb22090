from __future__ import annotations

import datetime as dt

import pytest

from launchcal.check import check_claim, parse_claim
from launchcal.errors import InputError, UnknownPlaceError
from launchcal.event import Event

XIAOMI = Event.at("Xiaomi 12S series launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")


@pytest.mark.parametrize(
    ("claim", "time", "zone", "approximate"),
    [
        ("around 3am in Nairobi", "03:00", "Africa/Nairobi", True),
        ("3 a.m. in Nairobi", "03:00", "Africa/Nairobi", False),
        ("at 3 A.M. Nairobi time", "03:00", "Africa/Nairobi", False),
        ("15:00 in London", "15:00", "Europe/London", False),
        ("7pm Beijing time", "19:00", "Asia/Shanghai", False),
        ("7.30 p.m. in Beijing", "19:30", "Asia/Shanghai", False),
        ("19h in Shanghai", "19:00", "Asia/Shanghai", False),
        ("19h30 in Shanghai", "19:30", "Asia/Shanghai", False),
        ("noon in London", "12:00", "Europe/London", False),
        ("about midnight in Pago Pago", "00:00", "Pacific/Pago_Pago", True),
        ("12am in Pago Pago", "00:00", "Pacific/Pago_Pago", False),
        ("12pm in London", "12:00", "Europe/London", False),
        ("~4am in Los Angeles", "04:00", "America/Los_Angeles", True),
        ("4ish in the morning in Los Angeles", "04:00", "America/Los_Angeles", True),
        ("It starts at 2pm in Africa/Nairobi.", "14:00", "Africa/Nairobi", False),
        ("around 16:45, Asia/Kathmandu", "16:45", "Asia/Kathmandu", True),
    ],
)
def test_parse_claim(claim: str, time: str, zone: str, approximate: bool) -> None:
    parsed = parse_claim(claim)
    assert parsed.time.strftime("%H:%M") == time
    assert parsed.place.zone == zone
    assert parsed.approximate is approximate


@pytest.mark.parametrize(
    ("claim", "right", "message"),
    [
        (
            "around 3am in Nairobi", False,
            "wrong: it starts at 14:00 in Nairobi, same day, not 03:00",
        ),
        ("around 2pm in Nairobi", True, "right: it starts at 14:00 in Nairobi, same day"),
        ("around 2:30pm in Nairobi", True, "right: it starts at 14:00 in Nairobi, same day"),
        (
            "around 2:31pm in Nairobi", False,
            "wrong: it starts at 14:00 in Nairobi, same day, not 14:31",
        ),
        ("2:15pm in Nairobi", False, "wrong: it starts at 14:00 in Nairobi, same day, not 14:15"),
        ("4am in Los Angeles", True, "right: it starts at 04:00 in Los Angeles, California, United States, same day"),
        ("1am in Kiritimati", True, "right: it starts at 01:00 in Kiritimati, next day"),
        ("around 11:45pm in Pago Pago", True, "right: it starts at 00:00 in Pago Pago, same day"),
        ("7pm China time", True, "right: it starts at 19:00 in China Time, same day"),
    ],
)  # fmt: skip
def test_check_claim(claim: str, right: bool, message: str) -> None:
    verdict = check_claim(XIAOMI, parse_claim(claim))
    assert verdict.right is right
    assert verdict.message == message


@pytest.mark.parametrize(
    ("claim", "message"),
    [
        ("3 in Nairobi", "'3' in '3 in Nairobi' could be morning or evening; write it as '3am', "
         "'3pm' or a 24-hour time like '15:00'"),
        ("in Nairobi", "no time of day in 'in Nairobi'; write a claim like 'around 3am in Nairobi'"),
        (
            "around 3am",
            "no place in 'around 3am': it gives a time but not where; write a claim like "
            "'2pm in Nairobi'",
        ),
        (
            "2pm on Tuesday",
            "no place in '2pm on Tuesday': it gives a time but not where; write a claim like "
            "'2pm in Nairobi'",
        ),
        ("25:00 in Nairobi", "'25:00' in '25:00 in Nairobi' is not a time of day"),
        ("13pm in Nairobi", "'13pm' in '13pm in Nairobi' is not a 12-hour time"),
    ],
)  # fmt: skip
def test_bad_claims(claim: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_claim(claim)
    assert str(raised.value) == message


def test_claim_with_unknown_place() -> None:
    with pytest.raises(UnknownPlaceError, match="Nairobbi"):
        parse_claim("3am in Nairobbi")


def test_time_to_be_announced_cannot_be_checked() -> None:
    event = Event.at("TBA", dt.datetime(2026, 12, 15), "Asia/Tokyo", time_known=False)
    with pytest.raises(InputError, match="has no announced time yet"):
        check_claim(event, parse_claim("noon in Asia/Tokyo"))
