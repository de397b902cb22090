from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from launchcal.errors import InputError, OutputError
from launchcal.files import STDOUT, StagedFolder, write_atomic, write_folder, write_output


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


def test_pieces_are_written_as_they_come(tmp_path: Path) -> None:
    made: list[int] = []

    def pieces() -> Iterator[bytes]:
        for number in range(3):
            made.append(number)
            yield f"piece {number}\r\n".encode()

    target = write_atomic(tmp_path / "feed.ics", pieces())
    assert target.read_bytes() == b"piece 0\r\npiece 1\r\npiece 2\r\n"
    assert made == [0, 1, 2]
    assert [p.name for p in tmp_path.iterdir()] == ["feed.ics"]


@pytest.mark.parametrize("fault", [InputError("the third event is wrong"), KeyboardInterrupt()])
def test_a_piece_that_fails_leaves_the_target_as_it_was(
    tmp_path: Path, fault: BaseException
) -> None:
    target = tmp_path / "feed.ics"
    target.write_bytes(b"the old feed")

    def pieces() -> Iterator[bytes]:
        yield b"BEGIN:VCALENDAR\r\n"
        yield b"x" * 100_000  # past the write buffer: bytes are on disk when the fault comes
        raise fault

    with pytest.raises(type(fault)):
        write_atomic(target, pieces())
    assert target.read_bytes() == b"the old feed"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.ics"]


def test_standard_output_and_a_fifo_get_the_pieces_only_once_all_are_made(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    def failing() -> Iterator[bytes]:
        yield b"BEGIN:VCALENDAR\r\n"
        raise InputError("the second event is wrong")

    with pytest.raises(InputError):
        write_output(STDOUT, failing())
    assert capsysbinary.readouterr().out == b""
    write_output(STDOUT, iter([b"a", b"b"]))
    assert capsysbinary.readouterr().out == b"ab"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError):  # refused before the FIFO is opened: no reader needed
        write_output(fifo, failing())


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


def test_a_staged_folder_appears_whole_when_its_block_ends(tmp_path: Path) -> None:
    target = tmp_path / "site"
    with StagedFolder(target, names=["index.html"]) as folder:
        folder.write("index.html", "<p>día</p>")
        folder.write("e/e.ics", b"BEGIN:VCALENDAR\r\n")
        folder.write("e/index.html", (piece for piece in ["<p>", "上海", "</p>"]))
        assert not target.exists()  # nothing in place until the folder is complete
    assert (target / "index.html").read_text("utf-8") == "<p>día</p>"
    assert (target / "e" / "index.html").read_text("utf-8") == "<p>上海</p>"
    assert list(folder.paths) == [
        target / "index.html",
        target / "e/e.ics",
        target / "e/index.html",
    ]
    assert folder.paths[-2:] == [target / "e/e.ics", target / "e/index.html"]
    assert len(folder.paths) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def _stage(target: Path, names: list[str], files: dict[str, str], error: str = "") -> None:
    with StagedFolder(target, names=names) as folder:
        for name, text in files.items():
            folder.write(name, text)
        if error:
            raise RuntimeError(error)


def test_a_staged_folder_left_by_an_error_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "site"
    write_folder(target, {"index.html": "old"})
    with pytest.raises(RuntimeError, match="rendering failed"):
        _stage(target, ["index.html"], {"index.html": "new"}, "rendering failed")
    assert (target / "index.html").read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_kind_of_file_named_late_is_checked_against_the_existing_folder(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old", "utf-8")
    (target / "notes.txt").write_text("mine", "utf-8")
    late = {"index.html": "new", "e/launch.txt": "a kind the first check did not know of"}
    with pytest.raises(OutputError, match=r"notes\.txt"):
        _stage(target, ["index.html"], late)
    assert (target / "notes.txt").read_text("utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_staged_folder_holds_two_levels_of_folders_and_no_more(tmp_path: Path) -> None:
    target = tmp_path / "site"
    names = ["index.html", "e/index.html", "fr/e/index.html"]
    _stage(target, names, {name: name for name in names})
    assert (target / "fr" / "e" / "index.html").read_text("utf-8") == "fr/e/index.html"
    # A rebuild replaces a folder of those, and refuses one holding a file a build does not
    # write as deep as its own.
    _stage(target, names, dict.fromkeys(names, "again"))
    assert (target / "fr" / "e" / "index.html").read_text("utf-8") == "again"
    (target / "fr" / "e" / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(OutputError, match=r"'fr/e/notes\.txt'"):
        _stage(target, names, dict.fromkeys(names, "new"))
    assert (target / "fr" / "e" / "notes.txt").read_text("utf-8") == "mine"
    with pytest.raises(OutputError, match="not a plain file name"):
        _stage(tmp_path / "deep", ["a/b/c/index.html"], {})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
