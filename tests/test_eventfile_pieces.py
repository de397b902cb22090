"""A big event file is parsed a thousand ``[[event]]`` tables at a time (eventfile.in_pieces):
the same calendar, or the same error, as parsing it whole."""

from __future__ import annotations

import sys

import pytest

from launchcal import eventfile
from launchcal.errors import LaunchcalError
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_scale

EVENT = (
    '[[event]]\nid = "e{n}"\ntitle = "Launch {n}"\nstart = 2026-03-0{d}T19:00:00\nzone = "Berlin"\n'
)


def read(text: str, monkeypatch: pytest.MonkeyPatch, piece: int) -> object:
    monkeypatch.setattr(eventfile, "PIECE_EVENTS", piece)
    try:
        return eventfile.loads(text, source="feed.toml")
    except LaunchcalError as error:
        return f"{type(error).__name__}: {error}"


def same_as_whole(text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    whole = read(text, monkeypatch, 10**9)
    for piece in (1, 2, 7):
        assert read(text, monkeypatch, piece) == whole
    return whole


def events(count: int) -> str:
    return "".join(EVENT.format(n=n, d=n % 9 + 1) for n in range(count))


def test_a_generated_feed_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    text, _ = bench_scale.event_file(60)
    calendar = same_as_whole(text, monkeypatch)
    assert len(calendar.events) == 60  # type: ignore[attr-defined]


def test_the_examples_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    for path in sorted((ROOT / "examples").glob("*.toml")):
        same_as_whole(path.read_text(encoding="utf-8"), monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        # An [[event]] line inside a multi-line string is text, not a table.
        events(3) + 'description = """\nFirst line\n[[event]]\nid = "fake"\n"""\n' + events(2),
        events(3) + "description = '''\n[[event]]\n'''\n" + events(2),
        # [calendar] after the events, once (fine) and twice (a TOML error).
        events(4) + '[calendar]\nname = "Late"\n',
        '[calendar]\nname = "Early"\n' + events(4) + '[calendar]\nname = "Late"\n',
        # A top-level table after the events, and a key given twice in one event.
        events(4) + "[extra]\nx = 1\n",
        events(3) + 'title = "again"\n' + events(2),
        # Errors in a later event, and TOML broken in the last piece.
        events(5) + '[[event]]\ntitle = "Bad"\nstart = 2026-03-01T19:00:00\nzone = "Nairobbi"\n',
        events(5) + "[[event]]\ntitle = \n",
        # Sessions as sub-tables of the event before them; an inline array of events first.
        events(2) + '[[event.sessions]]\ntitle = "S"\nstart = 2026-03-01T20:00:00\nzone = "Tokyo"\n'
        + events(2),
        "event = []\n" + events(3),
        '[event.location]\nname = "x"\n' + events(3),
        events(3).replace("\n", "\r\n"),
        "# only a comment\n" + events(1) + "[[event]] # with a comment\n" + events(1)[10:],
    ],
    ids=["string", "literal", "late-calendar", "two-calendars", "extra", "duplicate-key",
         "bad-place", "bad-toml", "sessions", "inline-array", "sub-table-first", "crlf",
         "comment"],
)  # fmt: skip
def test_hard_files_read_as_a_whole_parse_reads_them(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    same_as_whole(text, monkeypatch)
