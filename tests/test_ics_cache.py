"""VTIMEZONEs kept between runs: the same bytes, found again, and never trusted blindly."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from launchcal import cache as cache_folder
from launchcal import eventfile, ics, tz
from tests.conftest import ROOT
from tests.ics_cases import STAMP

SEASON = ROOT / "examples" / "launch-season.toml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LAUNCHCAL_CACHE_DIR", str(folder))
    ics._vtimezone_bytes.cache_clear()
    yield folder
    ics._vtimezone_bytes.cache_clear()


def stored(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.ics"))


def fresh() -> bytes:
    """The season's feed with the cache folder turned off (every zone worked out)."""
    ics._vtimezone_bytes.cache_clear()
    os.environ["LAUNCHCAL_CACHE_DIR"], saved = "", os.environ["LAUNCHCAL_CACHE_DIR"]
    try:
        return ics.to_ics(eventfile.load(SEASON), stamp=STAMP)
    finally:
        os.environ["LAUNCHCAL_CACHE_DIR"] = saved
        ics._vtimezone_bytes.cache_clear()


def test_a_second_run_reads_the_stored_lines_and_writes_the_same_bytes(cache: Path) -> None:
    calendar = eventfile.load(SEASON)
    expected = fresh()
    assert ics.to_ics(calendar, stamp=STAMP) == expected
    files = stored(cache)
    zones = {event.zone for event in calendar.events if event.time_known}
    assert len(files) == len(zones)
    # The next process finds them: a marked copy shows the stored lines are the ones used.
    target = next(f for f in files if f.name.startswith("America%2FLos_Angeles"))
    marked = target.read_bytes().replace(b"TZNAME:PDT", b"TZNAME:XDT")
    target.write_bytes(marked)
    ics._vtimezone_bytes.cache_clear()
    assert b"TZNAME:XDT" in ics.to_ics(calendar, stamp=STAMP)


def test_a_damaged_entry_is_made_again(cache: Path) -> None:
    calendar = eventfile.load(SEASON)
    expected = ics.to_ics(calendar, stamp=STAMP)
    for path in stored(cache):
        path.write_bytes(path.read_bytes()[:40])  # cut short, as by a full disk
    ics._vtimezone_bytes.cache_clear()
    assert ics.to_ics(calendar, stamp=STAMP) == expected
    assert all(path.read_bytes().endswith(b"END:VTIMEZONE\r\n") for path in stored(cache))


def test_another_database_or_code_gets_its_own_folder(cache: Path) -> None:
    database = tz.database()
    other = tz.TzDatabase("2000a", database.path, database.source)
    assert ics._fingerprint(database) != ics._fingerprint(other)
    assert ics._cache_path(database, "Europe/London", 2026, 2026) != ics._cache_path(
        other, "Europe/London", 2026, 2026
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_a_folder_that_cannot_be_written_is_not_used(cache: Path) -> None:
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert ics.to_ics(eventfile.load(SEASON), stamp=STAMP) == fresh()
        assert stored(cache) == []
    finally:
        cache.chmod(stat.S_IRWXU)


def test_a_cache_path_that_is_a_file_is_not_used(cache: Path) -> None:
    cache.write_text("not a folder")
    assert ics.to_ics(eventfile.load(SEASON), stamp=STAMP) == fresh()


def test_no_folder_when_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LAUNCHCAL_CACHE_DIR", "")
    assert cache_folder.folder() is None
    ics._vtimezone_bytes.cache_clear()
    assert ics.to_ics(eventfile.load(SEASON), stamp=STAMP) == fresh()
    assert not list(tmp_path.rglob("*.ics"))
