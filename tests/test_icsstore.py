"""The .ics kept from an earlier run (launchcal/icsstore.py): the same bytes as writing it
afresh, for any stamp, and never another calendar's."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from launchcal import ics, icsstore, tz
from launchcal.event import Calendar, Event, Location
from launchcal.render import Options, page
from tests.conftest import imported_by, loaded

STAMP = dt.datetime(2022, 6, 1, 8, 30, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 12, 2, 7, 45, 12, tzinfo=dt.UTC)


def launch(**changes: object) -> Event:
    fields: dict[str, object] = {
        "duration": dt.timedelta(hours=2),
        "id": "launch",
        "description": "Xiaomi 12S series.\nWatch live.",
        "reminders": (dt.timedelta(minutes=30),),
        "location": Location(name="Beijing", address="No. 1 Road"),
    }
    fields.update(changes)
    title = str(fields.pop("title", "Launch"))
    return Event.at(title, dt.datetime(2022, 7, 4, 19), "Asia/Shanghai", **fields)  # type: ignore[arg-type]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, and a run's budget not yet spent."""
    monkeypatch.setenv("LAUNCHCAL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(icsstore, "_asked", [])
    return tmp_path / "ics"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.ics")) if folder.is_dir() else []


def kept(calendar: Calendar, stamp: dt.datetime) -> bytes:
    """The calendar's .ics by way of the store, as a new run (a fresh budget) has it."""
    icsstore._asked.clear()
    return icsstore.calendar_ics(calendar, stamp=stamp)


def test_a_kept_ics_is_what_icalendar_writes_for_each_stamp(folder: Path) -> None:
    calendar = Calendar((launch(),))
    assert kept(calendar, STAMP) == ics.to_ics(calendar, stamp=STAMP)
    [entry] = entries(folder)
    # Read back: once with the stamp it was written with, once with another.
    assert kept(calendar, STAMP) == ics.to_ics(calendar, stamp=STAMP)
    assert kept(calendar, LATER) == ics.to_ics(calendar, stamp=LATER)
    assert entries(folder) == [entry]


def test_a_kept_entry_is_read_not_written_again(folder: Path) -> None:
    calendar = Calendar((launch(),))
    kept(calendar, STAMP)
    entry = entries(folder)[0]
    # Tell apart a read from a write: a different DTSTAMP in the entry shows it was read.
    content = entry.read_bytes().replace(b"DTSTAMP:20220601T083000Z", b"DTSTAMP:20220601T083001Z")
    entry.write_bytes(content)
    assert b"DTSTAMP:20220601T083001Z" in kept(
        calendar, dt.datetime(2022, 6, 1, 8, 30, 1, tzinfo=dt.UTC)
    )


def test_every_event_of_a_kept_calendar_gets_the_new_stamp(folder: Path) -> None:
    calendar = Calendar((launch(), launch(id="replay", title="Replay")), name="Launches")
    kept(calendar, STAMP)
    again = kept(calendar, LATER)
    assert again == ics.to_ics(calendar, stamp=LATER)
    assert again.count(b"\r\nDTSTAMP:20261202T074512Z\r\n") == 2


def test_a_stamp_from_source_date_epoch_is_written_in(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calendar = Calendar((launch(),))
    kept(calendar, STAMP)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    icsstore._asked.clear()
    assert icsstore.calendar_ics(calendar) == ics.to_ics(calendar)
    assert b"DTSTAMP:20231114T221320Z" in icsstore.calendar_ics(calendar)


@pytest.mark.parametrize(
    "text",
    [
        "Old time:\r\nDTSTAMP:20220601T083000Z\r\nignored",  # the stamp's own line, as text
        "x" * 62 + "DTSTAMP:20220601T083000Z" + "y" * 80,  # where a fold falls
        "DTSTAMP:20220601T083000Z",
    ],
    ids=["line-breaks", "folded", "whole"],
)
def test_a_text_that_spells_the_stamp_line_is_left_as_written(folder: Path, text: str) -> None:
    calendar = Calendar((launch(description=text, title=text[:200]),))
    kept(calendar, STAMP)
    assert kept(calendar, LATER) == ics.to_ics(calendar, stamp=LATER)


@pytest.mark.parametrize(
    "changed",
    [
        {"title": "Launch!"},
        {"description": "Xiaomi 12S series."},
        {"duration": dt.timedelta(hours=3)},
        {"reminders": ()},
        {"location": Location(name="Beijing", address="No. 2 Road")},
        {"sequence": 1},
    ],
    ids=lambda changed: next(iter(changed)),
)
def test_a_changed_event_is_written_afresh(folder: Path, changed: dict[str, object]) -> None:
    kept(Calendar((launch(),)), STAMP)
    calendar = Calendar((launch(**changed),))
    assert kept(calendar, STAMP) == ics.to_ics(calendar, stamp=STAMP)
    assert len(entries(folder)) == 2


def test_an_entry_under_the_same_name_with_another_key_is_a_miss(folder: Path) -> None:
    calendar = Calendar((launch(),))
    other = Calendar((launch(title="Other"),))
    kept(other, STAMP)
    kept(calendar, STAMP)
    first, second = entries(folder)
    # Put the other calendar's entry where this one's is: its key does not match, so it is
    # written afresh rather than trusted.
    mine = second if ics.to_ics(calendar, stamp=STAMP) in second.read_bytes() else first
    theirs = first if mine == second else second
    mine.write_bytes(theirs.read_bytes())
    assert kept(calendar, STAMP) == ics.to_ics(calendar, stamp=STAMP)
    assert ics.to_ics(calendar, stamp=STAMP) in mine.read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[:-3],
        lambda data: b"",
        lambda data: data.replace(b"\0", b"\n", 1),
        lambda data: b"\0".join(data.split(b"\0", 2)[::2]).replace(b"\0", b"\0soon\0", 1),
    ],
    ids=["half", "cut-short", "empty", "no-key-end", "bad-stamp"],
)
def test_a_damaged_entry_is_a_miss(folder: Path, damage: object) -> None:
    calendar = Calendar((launch(),))
    kept(calendar, STAMP)
    [entry] = entries(folder)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert kept(calendar, LATER) == ics.to_ics(calendar, stamp=LATER)


def test_no_cache_folder_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAUNCHCAL_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    calendar = Calendar((launch(),))
    assert kept(calendar, STAMP) == ics.to_ics(calendar, stamp=STAMP)
    assert list(tmp_path.iterdir()) == []


def test_a_cache_folder_that_cannot_hold_entries_is_not_used(folder: Path) -> None:
    folder.parent.mkdir(exist_ok=True)
    folder.write_bytes(b"")  # "ics" is a file: nothing can be read or kept under it
    calendar = Calendar((launch(),))
    assert kept(calendar, STAMP) == ics.to_ics(calendar, stamp=STAMP)
    assert folder.read_bytes() == b""


def test_a_run_keeps_only_its_first_few_calendars(folder: Path) -> None:
    for number in range(icsstore.BUDGET + 3):
        calendar = Calendar((launch(id=f"launch-{number}"),))
        assert icsstore.calendar_ics(calendar, stamp=STAMP) == ics.to_ics(calendar, stamp=STAMP)
    assert len(entries(folder)) == icsstore.BUDGET


def test_the_folder_keeps_the_most_recent_entries(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(icsstore, "_MAX_ENTRIES", 3)
    for number in range(5):
        kept(Calendar((launch(id=f"launch-{number}"),)), STAMP)
        for entry in entries(folder):  # the newest last, whatever the file system's clock
            os.utime(entry, ns=(entry.stat().st_mtime_ns - 10**9,) * 2)
    names = {entry.read_bytes().split(b"id='")[1].split(b"'")[0] for entry in entries(folder)}
    assert names == {b"launch-2", b"launch-3", b"launch-4"}


def test_the_key_holds_the_code_it_was_written_with(tmp_path: Path) -> None:
    made_by = icsstore._made_by()
    for module in ("ics.py", "icsstore.py", "tz.py", "event.py", "recurrence.py"):
        assert f"launchcal{os.sep}{module}:" in made_by
    assert f"icalendar{os.sep}__init__.py:" in made_by
    assert tz.database().version in made_by


def test_a_naive_stamp_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        icsstore.dtstamp(dt.datetime(2022, 6, 1))


def test_a_page_is_the_same_with_its_ics_kept_or_not(folder: Path) -> None:
    event = launch()
    afresh = page(event, Options(), stamp=STAMP)
    assert entries(folder) != []
    icsstore._asked.clear()
    assert page(event, Options(), stamp=STAMP) == afresh
    icsstore._asked.clear()
    assert page(event, Options(), stamp=LATER) != afresh


def test_a_page_whose_ics_was_kept_imports_no_icalendar(tmp_path: Path) -> None:
    event_file = str(Path(__file__).parent.parent / "examples" / "xiaomi-12s.toml")
    env = {**os.environ, "LAUNCHCAL_CACHE_DIR": str(tmp_path), "SOURCE_DATE_EPOCH": "1656000000"}
    args = ["html", event_file, "--page", "-o", str(tmp_path / "page.html")]
    first = imported_by(*args, env=env)
    assert "icalendar" in first
    written = (tmp_path / "page.html").read_bytes()
    again = imported_by(*args, env=env)
    assert loaded(again, "icalendar", "launchcal.ics", "dateutil") == []
    assert (tmp_path / "page.html").read_bytes() == written


def test_another_tz_database_makes_another_key(monkeypatch: pytest.MonkeyPatch) -> None:
    ours = icsstore._made_by()
    other = tz.TzDatabase("2025b", "/elsewhere/zoneinfo", "test")
    monkeypatch.setattr(tz, "database", lambda: other)
    theirs = icsstore._made_by()
    assert theirs != ours
    assert theirs.startswith("2025b\n/elsewhere/zoneinfo\n")


def test_a_tz_database_path_with_undecodable_bytes_is_kept_and_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On POSIX a file name's undecodable bytes arrive as lone surrogates.
    odd = tz.TzDatabase("2025b", "/opt/zone\udcffinfo", "test")
    monkeypatch.setattr(tz, "database", lambda: odd)
    calendar = Calendar((launch(),))
    assert kept(calendar, STAMP) == ics.to_ics(calendar, stamp=STAMP)
    [entry] = entries(folder)
    assert b"/opt/zone\xed\xb3\xbfinfo" in entry.read_bytes()
    assert kept(calendar, LATER) == ics.to_ics(calendar, stamp=LATER)
    assert entries(folder) == [entry]
