"""launchcal's VEVENT writer gives the bytes icalendar's own component tree gives.

``launchcal.ics`` writes each VEVENT straight from icalendar's value types (no component
tree, short lines not walked by the fold loop); tests/ics_tree.py builds the same events as
icalendar ``Event``/``Alarm`` trees serialized by ``Component.to_ical``. Both must agree to the
byte on the examples, the hard and tricky cases, a generated feed like the benchmark's, and
generated events: any text (long lines that fold, multi-byte characters at the fold, line
breaks, controls, backslashes), every property launchcal writes (UID, DTSTAMP, RELATED-TO,
DTSTART/DTEND with TZID, in UTC and as dates, RRULE, EXDATE, SUMMARY, DESCRIPTION, LOCATION,
URL, ORGANIZER with CN, STATUS, SEQUENCE, VALARM), in UTC mode and as an iTIP message.
"""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from launchcal import eventfile, ics, tz
from launchcal.errors import InputError
from launchcal.event import MAX_DURATION, Calendar, Event, Location, Organizer, Session, Status
from tests.conftest import ROOT
from tests.ics_cases import STAMP, hard_calendar, tricky_calendars
from tests.ics_tree import tree_calendar, tree_ics

PUBLISHER = ('Launch desk; "press"', "desk@example.org")


def same(calendar: Calendar) -> None:
    for options in ({}, {"utc": True}, {"publisher": PUBLISHER}):
        try:
            expected = tree_ics(calendar, STAMP, **options)  # type: ignore[arg-type]
        except InputError:
            with pytest.raises(InputError):
                ics.to_ics(calendar, stamp=STAMP, **options)  # type: ignore[arg-type]
            continue
        assert ics.to_ics(calendar, stamp=STAMP, **options) == expected, options  # type: ignore[arg-type]


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.toml")), ids=lambda p: p.name)
def test_examples(path: object) -> None:
    same(eventfile.load(path))  # type: ignore[arg-type]


def test_hard_and_tricky_cases() -> None:
    same(hard_calendar())
    for calendar in tricky_calendars().values():
        same(calendar)


def test_a_text_that_starts_with_a_byte_order_mark() -> None:
    """icalendar reads a value back with utf-8-sig, which drops a BOM at its start: the
    writer's lines do the same (hypothesis found the title "\ufeff")."""
    event = Event.at("\ufeffLaunch", dt.datetime(2027, 3, 1, 9), "Europe/London", id="bom")
    same(Calendar((event,), name="\ufeff", description="\ufeffSeason"))
    all_day = Event("\ufeff", dt.datetime(2020, 1, 1, tzinfo=tz.zone("Europe/London")),
                    "Europe/London", id="e0-", time_known=False)  # fmt: skip
    same(Calendar((all_day,)))


def test_a_generated_feed_like_the_benchmarks() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_scale

    text, _ = bench_scale.event_file(400)
    same(eventfile.loads(text))


def test_lines_are_icalendars_own_serialization() -> None:
    """The calendar's own lines and VTIMEZONEs go through ``_lines``, icalendar's content-line
    code without ``Component.to_ical``'s per-line overhead."""
    for calendar in (hard_calendar(), eventfile.load(ROOT / "examples" / "launch-season.toml")):
        tree = tree_calendar(calendar, STAMP)
        assert b"".join(ics._lines(tree)) == tree.to_ical(sorted=False)


def test_the_fold_limit_is_icalendars() -> None:
    from icalendar.parser import Contentline

    limit = ics._fold_limit()
    assert b"\r\n" not in Contentline("X" * (limit - 1)).to_ical()
    assert b"\r\n" in Contentline("X" * limit).to_ical()


# --- generated events ---------------------------------------------------------------------

ZONES = ("Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
         "Asia/Kathmandu", "UTC", "Etc/GMT+3", "America/Argentina/Buenos_Aires",
         "Pacific/Chatham", "Africa/Casablanca", "Europe/Dublin", "Zulu", "Etc/UCT")  # fmt: skip
# Characters that are 1 to 4 bytes in UTF-8 and the ones TEXT escapes, so a fold lands next
# to each; any other character is drawn too.
SPECIAL = st.sampled_from([*',;\\:"\n\r\t\x0b\x1b\x85\u2028é上🚀\x00N', "\\N", "\r\n"])
TEXT = st.lists(
    st.one_of(SPECIAL, st.characters(exclude_categories=("Cs",)), st.just("x" * 70)),
    max_size=60,
).map("".join)
LINE = TEXT.map(lambda text: " ".join(text.split())).filter(str.strip)
RULES = ("FREQ=WEEKLY;COUNT=5", "FREQ=MONTHLY;COUNT=4", "FREQ=DAILY;INTERVAL=3")


@st.composite
def events(draw: st.DrawFn, number: int) -> Event:
    zone = draw(st.sampled_from(ZONES))
    day = dt.datetime(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 16 * 365)))
    wall = day.replace(hour=draw(st.integers(0, 23)), minute=draw(st.sampled_from((0, 30, 45))))
    fold = draw(st.sampled_from(("earlier", "later")))
    start = tz.localize(wall, zone, fold)  # type: ignore[arg-type]
    end = None
    if draw(st.booleans()):
        end = start.astimezone(dt.UTC) + dt.timedelta(minutes=draw(st.integers(1, 3000)))
        end = end.astimezone(start.tzinfo)
    location = draw(
        st.one_of(
            st.none(),
            st.builds(Location, name=LINE),
            st.just(Location(online=True, url="https://example.com/live")),
            st.builds(Location, name=LINE, address=TEXT),
        )
    )
    organizer = draw(
        st.one_of(
            st.none(),
            st.builds(Organizer, name=LINE),
            st.builds(Organizer, name=LINE, email=st.sampled_from(("a@b.co", "x.y+z@ex.org"))),
        )
    )
    time_known = draw(st.integers(0, 9)) > 0
    rrule = draw(st.sampled_from((None, None, None, *RULES))) if time_known else None
    fields: dict[str, object] = {
        "title": draw(LINE),
        "start": start,
        "zone": zone,
        "end": end,
        "id": f"e{number}-" + draw(st.text("abc-_.@9", max_size=80)),
        "time_known": time_known,
        "url": draw(st.sampled_from((None, "https://example.com/a?b=1&c=2;d", "http://x.test/é"))),
        "location": location,
        "description": draw(TEXT),
        "organizer": organizer,
        "status": draw(st.sampled_from(list(Status))),
        "sequence": draw(st.integers(0, 2**31 - 1)),
        "reminders": tuple(draw(st.lists(st.sampled_from(REMINDERS), max_size=3))),
        "rrule": rrule,
    }
    if fields["status"] is Status.RESCHEDULED:
        fields["previous_start"] = start - dt.timedelta(days=1)
    if rrule is not None and rrule.startswith("FREQ=WEEKLY") and draw(st.booleans()):
        fields["exdates"] = (start + dt.timedelta(weeks=1),)
    if rrule is None and time_known and draw(st.integers(0, 9)) == 0:
        later = start + dt.timedelta(hours=2)
        fields["sessions"] = (
            Session(draw(LINE), start, start + dt.timedelta(hours=1)),
            Session(draw(LINE), later, None, "https://example.com/s"),
        )
    try:
        return Event(**fields)  # type: ignore[arg-type]
    except InputError:
        return Event.at(draw(LINE), wall.replace(hour=12), "UTC", id=f"plain-{number}")


REMINDERS = (
    dt.timedelta(minutes=15),
    dt.timedelta(days=1),
    dt.timedelta(hours=1, seconds=7),
    MAX_DURATION,  # from 1 January, back into the year before last
)


@st.composite
def calendars(draw: st.DrawFn) -> Calendar:
    count = draw(st.integers(1, 4))
    chosen = tuple(draw(events(number)) for number in range(count))
    return Calendar(chosen, name=draw(TEXT), description=draw(TEXT))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars())
def test_generated_events_give_icalendars_bytes(calendar: Calendar) -> None:
    same(calendar)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(2020, 2035), st.integers(0, 1), st.booleans()), max_size=30))
def test_the_years_each_vtimezone_covers_are_every_events(
    picks: list[tuple[int, int, bool]],
) -> None:
    """The writer skips widening a zone's years for a time inside them; the years still come
    out as :func:`ics._zone_years` finds them one event at a time."""
    made = []
    for number, (year, day, remind) in enumerate(picks):
        # 1 January just after midnight, or midsummer: a reminder may reach two years back.
        wall = dt.datetime(year, 1, 1, 0, 30) if day == 0 else dt.datetime(year, 6, 30, 23)
        reminders = (MAX_DURATION,) if remind else ()
        zone = ("Europe/Paris", "America/Havana")[number % 2]
        made.append(Event.at(f"e{number}", wall, zone, id=f"e{number}", reminders=reminders))
    writer = ics._Writer(STAMP, utc=False, publisher=None)
    for event in made:
        writer.moments(event)
    assert writer.years == {zone: (first, last) for zone, first, last in ics._zone_years(made)}
