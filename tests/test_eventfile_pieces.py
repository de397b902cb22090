"""A big event file is parsed a thousand ``[[event]]`` tables at a time (eventfile.in_pieces):
the same calendar, or the same error, as parsing it whole."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

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


def read_file(data: bytes, monkeypatch: pytest.MonkeyPatch, piece: int, folder: Path) -> object:
    """As :func:`read`, from a file (``load`` cuts the bytes and decodes each piece)."""
    monkeypatch.setattr(eventfile, "PIECE_EVENTS", piece)
    path = folder / "feed.toml"
    path.write_bytes(data)
    try:
        return eventfile.load(path)
    except LaunchcalError as error:
        return f"{type(error).__name__}: {str(error).replace(str(path), 'feed.toml')}"


def same_as_whole(text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    whole = read(text, monkeypatch, 10**9)
    for piece in (1, 2, 7):
        assert read(text, monkeypatch, piece) == whole
    with tempfile.TemporaryDirectory() as name:
        data = text.encode("utf-8")
        for piece in (1, 2, 7):
            assert read_file(data, monkeypatch, piece, Path(name)) == whole
    return whole


def test_a_file_not_utf8_in_a_later_piece_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = events(5).encode("utf-8") + '[[event]]\ntitle = "Caf\xe9"\n'.encode("latin-1")
    data += events(2).encode("utf-8")
    for piece in (1, 2, 10**9):
        got = read_file(data, monkeypatch, piece, tmp_path)
        assert got == "EventFileError: feed.toml: not a UTF-8 text file"


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


# TOML 1.1 (newlines and a trailing comma in inline tables, \e and \x escapes, times without
# seconds), a byte-order mark and values where readers differ: the pieces' reader (toml-rs)
# must accept and give exactly what tomllib does, or refuse so that tomllib says what it says.
READER_CASES = [
    "x = { a = 1,\n b = 2 }\n",
    "x = { a = 1, }\n",
    'x = "\\e"\n',
    'x = "\\xE9"\n',
    "x = 2026-03-01T19:00\n",
    "x = 19:00\n",
    "\ufeffx = 1\n",
    "x = 2026-03-01T19:00:00+05:30\ny = 2026-03-01T19:00:00Z\nz = 2026-03-01 19:00:00.1234567\n",
    "x = 2026-02-30\n",
    "x = 2026-03-01T24:00:00\n",
    "x = 99999999999999999999\ny = 1e400\nz = -nan\nw = 0x_1\n",
    'x = """a\r\nb"""\r\n',
    'x = "\\uD800"\n',
    "x = 1\nx = 2\n",
    "[a]\nb.c = 1\n[a.b]\nd = 2\n",
    'x = "a\x7fb"\n',
]


@pytest.mark.parametrize("text", READER_CASES)
def test_the_pieces_reader_reads_toml_as_tomllib_does(text: str) -> None:
    import tomllib

    def outcome(loads: object) -> object:
        try:
            value = loads(text)  # type: ignore[operator]
        except ValueError:
            return "refused"
        return repr(value), [type(v.tzinfo) for v in value.values() if hasattr(v, "tzinfo")]

    expected = outcome(tomllib.loads)
    got = outcome(eventfile._piece_reader(text))
    assert got in (expected, "refused")


def test_every_toml_file_in_the_project_reads_the_same() -> None:
    import tomllib

    paths = [p for p in ROOT.rglob("*.toml") if not any(part.startswith(".") for part in p.parts)]
    assert paths
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
            expected = tomllib.loads(text)
        except (UnicodeDecodeError, RecursionError, tomllib.TOMLDecodeError):
            continue
        assert repr(eventfile._piece_reader(text)(text)) == repr(expected), path  # nan != nan


@pytest.mark.parametrize("text", READER_CASES[:7])
def test_toml_11_in_a_big_file_is_the_error_it_is_in_a_small_one(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    mark, _, rest = text.partition("x")  # the byte-order mark stays first
    result = same_as_whole(mark + events(3) + "x" + rest + events(2), monkeypatch)
    assert isinstance(result, str)
    assert "not valid TOML" in result


@pytest.mark.parametrize(
    "text",
    ["[[event]]\nx = 1\n[[event]]\n", "x = 1\n[[event]]\r\n[[event]] \t\n[[event]]", "\n[[event]]x\n",
     "[[event]]", "a[[event]]\n [[event]]\n\n\n[[event]]\t\r\n", "", "\r[[event]]\n", "[[event]]\r\r\n",
     '"""\n[[event]]\n"""\n[[ event ]]\n[[event]]\n'],
)  # fmt: skip
def test_the_event_headers_are_found_where_a_line_anchored_search_finds_them(text: str) -> None:
    anchored = [match.start() for match in eventfile._EVENT_HEADER.finditer(text)]
    assert (
        eventfile._header_starts(text, eventfile._EVENT_HEADER, eventfile._AFTER_A_LINE) == anchored
    )
    data = text.encode()
    assert eventfile._header_starts(
        data, eventfile._EVENT_HEADER_BYTES, eventfile._AFTER_A_LINE_BYTES
    ) == [match.start() for match in eventfile._EVENT_HEADER_BYTES.finditer(data)]
