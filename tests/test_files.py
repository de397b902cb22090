from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from launchcal.errors import OutputError
from launchcal.files import write_atomic


def test_writes_whole_file_with_normal_permissions(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "out.ics", "BEGIN:VCALENDAR\r\n")
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["out.ics"]


def test_replaces_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    write_atomic(target, b"new")
    assert target.read_text() == "new"


@pytest.mark.parametrize("name", ["missing/out.ics", "."])
def test_refuses_bad_targets_and_leaves_nothing(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / name, "x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            write_atomic(folder / "out.ics", "x")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
