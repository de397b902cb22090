"""A common event is read by eventfile's short way (``_Reader._common_event``): the same event
as reading it field by field (``_Reader._any_event``), and any fault left to the field-by-field
reading, so that every error is the one it gives, naming the same field."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from launchcal import event, eventfile
from launchcal.errors import EventFileError, LaunchcalError

BASE: dict[str, Any] = {
    "id": "launch-1",
    "title": "Aurora phone launch",
    "start": dt.datetime(2026, 5, 1, 10),
    "zone": "Berlin",
    "duration": "1h30m",
    "url": "https://example.com/1",
    "location": "online",
    "description": "Live from Berlin.\nDoors open at 9.",
    "organizer": {"name": "Hardware Day e.V.", "email": "hello@example.org"},
    "audience": ["Nairobi", "Tokyo"],
    "reminders": ["1h", "15m"],
    "status": "cancelled",
}
GONE = object()  # a variant that removes the field

VARIANTS: list[dict[str, Any]] = [
    {},
    {"title": "A\x1b[8mB"},
    {"title": "A\nB"},
    {"title": "A\rB"},
    {"title": "A\tB"},
    {"title": "A\ud800B"},
    {"title": "x" * 10_001},
    {"title": "x" * 10_000},
    {"title": "   "},
    {"title": 5},
    {"title": GONE},
    {"title": "Ünïcode 日本語 launch"},
    {"title": "A\u00a0B"},
    {"title": "A\u2028B"},
    {"title": "A\x85B"},
    {"id": "bad id"},
    {"id": "x" * 201},
    {"id": ""},
    {"id": GONE},
    {"id": "a\x7f"},
    {"id": "é"},
    {"id": 7},
    {"description": "a\rb\tc"},
    {"description": "a\x00b"},
    {"description": "a\x0bb"},
    {"description": "x\udfff"},
    {"description": "x" * 10_001},
    {"description": "x" * 9_990},
    {"description": 5},
    {"description": "Übertragung\u00a0auf Deutsch\n日本語"},
    {"description": "a\x9fb"},
    {"url": "https://example.com/a b"},
    {"url": "https://example.com/a\u00a0b"},
    {"url": "https://example.com/a\u3000b"},
    {"url": "ftp://example.com/"},
    {"url": "HTTPS://EXAMPLE.COM/X"},
    {"url": "https://"},
    {"url": "https:///path"},
    {"url": "http://x"},
    {"url": 5},
    {"url": "https://example.com/\x1b"},
    {"url": "https://example.com/\n"},
    {"url": GONE},
    {"url": ""},
    {"image": ""},
    {"image": "https://example.com/a.png"},
    {"image": "javascript:alert(1)"},
    {"replay_url": "https://example.com/replay"},
    {"replay_url": "https://example.com/re play"},
    {"start": dt.date(2026, 5, 1)},
    {"start": "2026-05-01 10:00"},
    {"start": "2026-05-01"},
    {"start": "4 July"},
    {"start": dt.datetime(2026, 3, 29, 2, 30)},
    {"start": dt.datetime(2026, 3, 29, 2, 30), "fold": "later"},
    {"start": dt.datetime(2026, 10, 25, 2, 30)},
    {"start": dt.datetime(2026, 10, 25, 2, 30), "fold": "earlier"},
    {"start": dt.datetime(2026, 5, 1, 10, tzinfo=dt.timezone(dt.timedelta(hours=2)))},
    {"start": dt.datetime(2026, 5, 1, 10, tzinfo=dt.UTC)},
    {"start": dt.datetime(9500, 5, 1, 10)},
    {"start": dt.time(10)},
    {"start": GONE},
    {"zone": "Mars/Olympus"},
    {"zone": "Asia/Tokyo"},
    {"zone": 5},
    {"zone": GONE},
    {"end": dt.datetime(2026, 5, 1, 12)},
    {"end": dt.datetime(2026, 5, 1, 12), "duration": GONE},
    {"end": dt.datetime(2026, 5, 1, 9), "duration": GONE},
    {"end": dt.datetime(2027, 6, 1, 9), "duration": GONE},
    {"end": "soon", "duration": GONE},
    {"duration": "0m"},
    {"duration": "400d"},
    {"duration": 120},
    {"duration": True},
    {"duration": "2 parsecs"},
    {"duration": GONE},
    {"fold": "earlier"},
    {"fold": "sideways"},
    {"fold": 1},
    {"status": "rescheduled"},
    {"status": "rescheduled", "previous_start": dt.datetime(2026, 4, 1, 10)},
    {"status": "Postponed"},
    {"status": "maybe"},
    {"status": 5},
    {"previous_start": "bad"},
    {"previous_start": dt.datetime(1700, 1, 1)},
    {"sequence": 3},
    {"sequence": -1},
    {"sequence": True},
    {"sequence": 2**31},
    {"sequence": 1.5},
    {"location": {"name": "Hall", "colour": 1}},
    {"location": {"online": "yes"}},
    {"location": {"name": "Hall", "url": "ftp://x"}},
    {"location": {"name": "Hall", "address": "Street 1\nBerlin"}},
    {"location": "Moscone Center"},
    {"location": ""},
    {"location": ["x"]},
    {"location": {"name": "Hall", "address": ["x"]}},
    {"organizer": {"name": "", "email": "a@b.org"}},
    {"organizer": {"name": "X", "email": "not an email"}},
    {"organizer": {"name": "X", "url": "https://x", "extra": 1}},
    {"organizer": "Org"},
    {"organizer": {"name": ["X"]}},
    {"audience": "Nairobi"},
    {"audience": ["Nairobbi"]},
    {"audience": [1]},
    {"audience": [True]},
    {"audience": [["Nairobi"]]},
    {"audience": []},
    {"reminders": ["-1h"]},
    {"reminders": "1h"},
    {"reminders": ["0m"]},
    {"reminders": [60]},
    {"reminders": [1.5]},
    {"reminders": []},
    {"colour": 1},
    {"rrule": "FREQ=WEEKLY;COUNT=3"},
    {"rolling": True, "markets": ["London", "Tokyo"]},
    {"title": "A\x1b", "zone": "Mars/Olympus"},
    {"description": "a\x00b", "zone": "Mars/Olympus"},
    {"url": "ftp://x", "status": "maybe"},
    {"title": "A\nB", "id": "bad id", "url": "https://x y"},
]


def table(variant: dict[str, Any]) -> dict[str, Any]:
    found = {**BASE, **variant}
    return {key: value for key, value in found.items() if value is not GONE}


def outcome(read: Any) -> str:
    """The event read (its repr, which shows each datetime's zone and fold) or the error."""
    try:
        return repr(read())
    except LaunchcalError as error:
        return f"{type(error).__name__}: {error}"


@pytest.mark.parametrize("variant", VARIANTS, ids=[repr(v)[:60] for v in VARIANTS])
def test_the_short_way_reads_what_field_by_field_reads(variant: dict[str, Any]) -> None:
    short = eventfile._Reader("", "feed.toml", None)
    each = eventfile._Reader("", "feed.toml", None)
    by_field = outcome(lambda: each._any_event(table(variant), 0))
    assert outcome(lambda: short.event(table(variant), 0)) == by_field
    common = short._common_event(table(variant))
    if common is not None:  # it never reads an event that the long way refuses
        assert repr(common) == by_field
        assert common == each._any_event(table(variant), 0)
    # the values one reader has converted and shares, then read the other way
    assert outcome(lambda: short._any_event(table(variant), 0)) == by_field
    assert outcome(lambda: each.event(table(variant), 0)) == by_field


def test_the_short_way_reads_every_correct_event_of_common_fields() -> None:
    """Not a test that passes by always deferring: each correct event without a rarer field
    (a series, a rolling release) is read the short way."""
    reader = eventfile._Reader("", "feed.toml", None)
    rarer = {"rrule", "rolling"}
    correct = [v for v in VARIANTS if not outcome(lambda v=v: reader._any_event(table(v), 0))
               .startswith(("EventFileError", "InputError"))]  # fmt: skip
    assert len(correct) >= 35
    for variant in correct:
        assert (reader._common_event(table(variant)) is None) is bool(rarer & set(variant))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('title = "A\\u001b[8mB"', "field 'title', line 3: the text holds the control character U+001B; remove it"),
        ('description = "a\\u0000b"', "field 'description', line 8: the text holds the control character U+0000; remove it"),
        ('url = "https://example.com/a b"', "field 'url', line 7: url 'https://example.com/a b' is not an http(s) URL"),
        ('image = "https://example.com/\\u3000"', "field 'image', line 9: url 'https://example.com/\\u3000' is not an http(s) URL"),
        ('id = "launch\\n1"', "field 'id', line 2: the text must be one line; remove the line break"),
    ],
)  # fmt: skip
def test_a_text_fault_in_a_big_feed_names_its_field_and_line(line: str, message: str) -> None:
    """Texts are searched together; a fault is still named by field and line, in any event."""
    fields = {
        "id": 'id = "launch-{n}"',
        "title": 'title = "Launch {n}"',
        "start": "start = 2026-03-01T19:00:00",
        "zone": 'zone = "Berlin"',
        "duration": 'duration = "1h"',
        "url": 'url = "https://example.com/{n}"',
        "description": 'description = "Live {n}"',
    }
    key = line.split(" ")[0]
    events = []
    for number in range(eventfile.PIECE_EVENTS + 5):
        lines = [value.format(n=number) for value in fields.values()]
        if number == eventfile.PIECE_EVENTS + 2:
            lines = [line if value.startswith(key) else value for value in lines]
            if key not in fields:
                lines.append(line)
        events.append("[[event]]\n" + "\n".join(lines) + "\n")
    with pytest.raises(EventFileError) as raised:
        eventfile.loads("".join(events), source="feed.toml")
    label = "launch\n1" if key == "id" else "launch-1002"
    head = f"feed.toml, event {label!r}, "
    number = (eventfile.PIECE_EVENTS + 2) * 8 + int(re.search(r"line (\d+)", message)[1])  # type: ignore[index]
    assert str(raised.value) == head + re.sub(r"line \d+", f"line {number}", message)


EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def test_printable_text_holds_nothing_the_searches_look_for() -> None:
    """The premise of event._PRINTABLE, on this Python's Unicode tables: a printable character
    is no control, line break, lone surrogate or (but the space) white space."""
    printable = "".join(c for c in EVERY_CHARACTER if c.isprintable())
    assert event._CONTROL.search(printable) is None
    assert event._BREAK.search(printable) is None
    assert event._surrogate().search(printable) is None
    assert event._SPACE.findall(printable) == [" "]
    assert set(event._CONTROL_OR_BREAK.findall(EVERY_CHARACTER)) == set(
        event._CONTROL.findall(EVERY_CHARACTER) + event._BREAK.findall(EVERY_CHARACTER)
    )


TEXTS = ["", "Launch", "A\tB", "A\nB", "A\rB", "A\x1bB", "A\x85B", "A\u00a0B", "A\u2028B",
         "A\ud800B", "x" * 10_000, "x" * 10_001, "日本語", "a\x7f", "\udc00"]  # fmt: skip


@pytest.mark.parametrize("first", TEXTS)
@pytest.mark.parametrize("second", TEXTS)
def test_texts_pass_together_as_they_pass_one_by_one(first: str, second: str) -> None:
    def passes(text: str, *, multiline: bool) -> bool:
        try:
            event.check_text(text, "it", typed=True, multiline=multiline)
        except LaunchcalError:
            return False
        return True

    lines = (first, second)
    alone = all(passes(text, multiline=False) for text in lines)
    assert event.typed_texts_pass(lines, ()) is alone
    assert event.typed_texts_pass((first,), (second,)) is (
        passes(first, multiline=False) and passes(second, multiline=True)
    )
    assert event.typed_texts_pass((), lines) is all(passes(t, multiline=True) for t in lines)


@pytest.mark.parametrize(
    "url",
    ["https://example.com/x", "HTTP://X", "https://", "https:///x", "https://?q", "https://#x",
     "https://x/a b", "https://x/a\u00a0b", "https://x/\u2029", "https://x/\t", " https://x",
     "ftp://x", "https:/x", "https://x\u3000", "https://日本.jp/"],
)  # fmt: skip
def test_a_web_url_is_what_the_searches_say(url: str) -> None:
    expected = re.match(r"https?://[^\s/?#]+", url, re.IGNORECASE) is not None and not re.search(
        r"\s", url
    )
    assert event.is_web_url(url) is expected
