from __future__ import annotations

import dataclasses
import datetime as dt
import inspect

import pytest

from launchcal import tz
from launchcal.errors import InputError, NonexistentTimeError
from launchcal.event import (
    Calendar,
    Event,
    Location,
    Organizer,
    Status,
    end_after,
    many_events,
    slugify,
)


def launch(**fields: object) -> Event:
    values: dict[str, object] = {"duration": dt.timedelta(hours=2)}
    values.update(fields)
    return Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai", **values)  # type: ignore[arg-type]


def test_event_is_frozen_and_aware() -> None:
    event = launch()
    assert event.start.isoformat() == "2022-07-04T19:00:00+08:00"
    assert event.utc_start.isoformat() == "2022-07-04T11:00:00+00:00"
    assert event.utc_end is not None
    assert event.utc_end.isoformat() == "2022-07-04T13:00:00+00:00"
    assert event.duration == dt.timedelta(hours=2)
    assert event.id == "launch-2022-07-04"
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.title = "Other"  # type: ignore[misc]


def test_duration_is_elapsed_time_across_dst() -> None:
    # 00:30 + 3 hours on the night London's clocks go forward ends at 04:30 BST, not 03:30.
    event = Event.at(
        "Night", dt.datetime(2026, 3, 29, 0, 30), "Europe/London", duration=dt.timedelta(hours=3)
    )
    assert event.end is not None
    assert event.end.isoformat() == "2026-03-29T04:30:00+01:00"
    assert event.duration == dt.timedelta(hours=3)


def test_gap_start_is_refused() -> None:
    with pytest.raises(NonexistentTimeError):
        Event.at("Gap", dt.datetime(2026, 3, 29, 1, 30), "Europe/London")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": " "}, "an event needs a title"),
        ({"url": "javascript:alert(1)"}, "url 'javascript:alert(1)' is not an http(s) URL"),
        ({"url": "ftp://example.com"}, "is not an http(s) URL"),
        ({"status": Status.RESCHEDULED}, "needs previous_start"),
        ({"id": "has space"}, "event id 'has space' may hold only"),
        ({"reminders": (dt.timedelta(0),)}, "a reminder must come a positive time"),
        ({"sequence": -1}, "sequence -1 is outside 0 to 2,147,483,647"),
    ],
)
def test_model_validation(fields: dict[str, object], message: str) -> None:
    base = launch()
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        dataclasses.replace(base, **fields)  # type: ignore[arg-type]


def test_naive_start_is_refused() -> None:
    with pytest.raises(InputError, match="must carry its time zone"):
        Event(title="x", start=dt.datetime(2022, 7, 4, 19), zone="UTC")


def test_zone_must_match_start() -> None:
    start = tz.localize(dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
    with pytest.raises(InputError, match="but the event zone is UTC"):
        Event(title="x", start=start, zone="UTC")


def test_end_after_start() -> None:
    event = launch()
    with pytest.raises(InputError, match="must come after the start"):
        dataclasses.replace(event, end=event.start)


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ({}, "a location needs a name unless it is online"),
        ({"online": True, "url": "mailto:x@example.com"}, r"is not an http\(s\) URL"),
    ],
)
def test_location_validation(location: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        Location(**location)  # type: ignore[arg-type]


def test_organizer_validation() -> None:
    assert Organizer("Xiaomi", email="press@mi.com").email == "press@mi.com"
    with pytest.raises(InputError, match="is not an email address"):
        Organizer("Xiaomi", email="not an email")


def test_calendar_ids_are_unique_and_selectable() -> None:
    first = launch(id="a")
    second = launch(id="b")
    calendar = Calendar(events=(first, second))
    assert calendar.name == "Launch"
    assert calendar.get("b") is second
    with pytest.raises(InputError, match="no event with id 'c'; the ids are: a, b"):
        calendar.get("c")
    with pytest.raises(InputError, match="two events share the id 'a'"):
        Calendar(events=(first, first))
    with pytest.raises(InputError, match="needs at least one event"):
        Calendar(events=())


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Xiaomi 12S series launch 2022-07-04", "xiaomi-12s-series-launch-2022-07-04"),
        ("Café: Über-Launch!", "cafe-uber-launch"),
        ("小米发布会 2022-07-04", "2022-07-04"),
        ("!!!", "event"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_end_after_fall_back_is_after_start() -> None:
    # 01:30 BST + 30 minutes = 01:00 GMT: an earlier wall time, but a later instant.
    event = Event.at(
        "Night", dt.datetime(2026, 10, 25, 1, 30), "Europe/London", fold="earlier",
        duration=dt.timedelta(minutes=30),
    )  # fmt: skip
    assert event.end is not None
    assert event.end.isoformat() == "2026-10-25T01:00:00+00:00"
    assert event.duration == dt.timedelta(minutes=30)


@pytest.mark.parametrize(
    "zone",
    ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Tehran",
     "Africa/Casablanca", "America/Sao_Paulo", "Asia/Kathmandu", "UTC"],
)  # fmt: skip
def test_end_after_is_elapsed_time_through_utc(zone: str) -> None:
    # end_after hands the end's UTC fields to fromutc() itself: the same value, fold
    # included, as converting through a UTC datetime, every half hour of 2011-2012 (Samoa
    # skipped a day, Lord Howe moves by 30 minutes, Casablanca pauses for Ramadan).
    tzinfo = tz.zone(zone)
    first = dt.datetime(2011, 1, 1, tzinfo=dt.UTC)
    durations = [dt.timedelta(minutes=30), dt.timedelta(hours=2, minutes=15), dt.timedelta(days=1)]
    for step in range(0, 2 * 365 * 48, 7):
        start = (first + dt.timedelta(minutes=30 * step)).astimezone(tzinfo)
        for duration in durations:
            end = end_after(start, duration)
            expected = (start.astimezone(dt.UTC) + duration).astimezone(tzinfo)
            assert (end, end.fold, end.utcoffset()) == (
                expected,
                expected.fold,
                expected.utcoffset(),
            )
            assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == duration


def test_end_after_keeps_a_datetime_subclass_on_the_slow_path() -> None:
    class Stamp(dt.datetime):
        pass

    start = Stamp(2026, 10, 25, 0, 30, tzinfo=tz.zone("Europe/London"))
    end = end_after(start, dt.timedelta(hours=2))  # from 00:30 BST
    assert end.astimezone(dt.UTC) == dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC)
    assert (end.hour, end.fold) == (1, 1)  # 01:30 GMT, the second 01:30 of the night


def test_event_init_takes_every_field_as_the_dataclass_declares_it() -> None:
    # A reader of many events swaps in an __init__ that sets the slots directly
    # (event.many_events): the same parameters, in order, with the same defaults, keyword or
    # positional, and the instance stays frozen.
    many_events()
    assert Event.__init__.__qualname__ == "Event.__init__"
    assert "_set_title" in Event.__init__.__code__.co_names
    fields = dataclasses.fields(Event)
    parameters = list(inspect.signature(Event).parameters.values())
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields, strict=True):
        expected = (
            inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
        )
        assert parameter.default == expected
    start = tz.localize(dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
    by_keyword = Event(title="Launch", start=start, zone="Asia/Shanghai", sequence=3)
    by_position = Event("Launch", start, "Asia/Shanghai", "", None, True, None, None, "", None,
                        Status.SCHEDULED, None, 3)  # fmt: skip
    assert by_keyword == by_position
    assert by_keyword.id == "launch-2022-07-04"  # __post_init__ ran
    assert dataclasses.replace(by_keyword, title="Other").title == "Other"
    for field in fields:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(by_keyword, field.name, None)
    with pytest.raises(InputError, match="an event needs a title"):
        Event(title=" ", start=start, zone="Asia/Shanghai")
    with pytest.raises(TypeError):
        Event(title="Launch", start=start, zone="Asia/Shanghai", colour="red")  # type: ignore[call-arg]
