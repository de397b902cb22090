"""The one output path: every file or folder launchcal writes goes through here.

A failure never leaves a half-written file or folder behind, an output never replaces the
input it was made from, and special files (a FIFO, ``/dev/null``, a terminal) are written
into as streams instead of being replaced by a regular file. Every ``OSError`` becomes an
:class:`~launchcal.errors.OutputError` that names the target.
"""

from __future__ import annotations

import array
import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import overload

from launchcal.errors import OutputError

__all__ = ["STDOUT", "StagedFolder", "write_atomic", "write_folder", "write_output"]

#: The output name that means standard output, as for most Unix tools.
STDOUT = "-"

#: How many folder levels a build writes: a season's ``e/`` folders inside its ``fr/`` ones.
_MAX_DEPTH = 2

#: Retries of the final rename when other writers keep swapping the same folder.
_SWAP_TRIES = 200


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _refuse_inputs(target: Path, inputs: Iterable[str | Path], *, folder: bool) -> None:
    """Raise if writing ``target`` would replace (or, for a folder, swap away) an input."""
    for source in inputs:
        try:
            source_stat = Path(source).stat()
        except OSError:
            continue
        try:
            if _same_file(target.stat(), source_stat):
                raise OutputError(
                    f"cannot write {target}: it is the input {source}; give another output name"
                )
        except (FileNotFoundError, NotADirectoryError):
            pass
        except OSError as error:
            raise _fail(target, error) from None
        if folder:
            # The swap replaces the whole folder: an input inside it would be lost.
            parent = Path(os.path.realpath(source)).parent
            real_target = Path(os.path.realpath(target))
            if real_target == parent or real_target in parent.parents:
                raise OutputError(
                    f"cannot build into {target}: it holds the input {source}; "
                    "give a folder of its own, like site/"
                )


def _fail(target: Path, error: OSError) -> OutputError:
    reason = error.strerror or str(error)
    return OutputError(f"cannot write {target}: {reason}")


def _target_stat(target: Path) -> os.stat_result | None:
    try:
        return target.stat()
    except (FileNotFoundError, NotADirectoryError):  # the folder check names the problem
        return None
    except OSError as error:
        raise _fail(target, error) from None


def write_output(
    target: str | Path, data: bytes | str | Iterable[bytes], *, inputs: Iterable[str | Path] = ()
) -> Path | None:
    """Write ``data`` to ``target``: ``-`` is standard output, anything else a file.

    ``inputs`` are the files the output was made from; an output that would replace one of
    them is refused (``launchcal ics ev.toml -o ev.toml`` would have lost the event file).
    ``data`` may come in pieces (a big feed, as it is made): see :func:`write_atomic`.

    Returns:
        The path written, or ``None`` for standard output.

    Raises:
        OutputError: see :func:`write_atomic`; also when ``target`` is one of ``inputs``.
    """
    if str(target) == STDOUT:
        _write_stdout(_whole(data))
        return None
    return write_atomic(target, data, inputs=inputs)


def _whole(data: bytes | str | Iterable[bytes]) -> bytes:
    """``data`` as one bytes object: every piece made before any is written (a piece may
    raise, and a stream cannot take back what it was given)."""
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, bytes):
        return data
    return b"".join(data)


def _write_stdout(payload: bytes) -> None:
    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write to standard output: it is closed; give -o FILE")
    try:
        stream.flush()
        stream.buffer.write(payload)
        stream.buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or "it is closed"
        raise OutputError(f"cannot write to standard output: {reason}") from None


def write_atomic(
    path: str | Path, data: bytes | str | Iterable[bytes], *, inputs: Iterable[str | Path] = ()
) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    Readers see the old file or the whole new one, never a part; on any error the target is
    untouched and the temporary file is removed. ``data`` in pieces is written into the
    temporary file as each is made, so that it is never all in memory; an error raised while
    making a piece leaves the target as it was too. A symlink is followed (the link stays), a
    file that exists keeps its permission bits (a 0600 file stays 0600), and a FIFO or device
    is written into as a stream: renaming over it would replace ``/dev/null`` itself.

    Raises:
        OutputError: the folder is missing or not writable, ``path`` is a directory, the
            name is too long, the disk is full, or ``path`` is one of ``inputs``.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if not str(target):
        raise OutputError("cannot write to an empty file name; give a file name")
    _refuse_inputs(target, inputs, folder=False)
    try:
        real = Path(os.path.realpath(target))
    except OSError as error:
        raise _fail(target, error) from None
    existing = _target_stat(real)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise OutputError(f"cannot write {target}: it is a directory; give a file name")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_stream(target, real, _whole(payload))
        return target
    folder = real.parent
    try:
        folder_is_dir = folder.is_dir()
    except OSError as error:
        raise _fail(target, error) from None
    if not folder_is_dir:
        raise OutputError(f"cannot write {target}: the folder {target.parent} does not exist")
    # A short temporary name: a 254-character target must still fit in NAME_MAX.
    temporary = folder / f".launchcal-{os.urandom(6).hex()}.tmp"
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise _fail(target, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            for piece in (payload,) if isinstance(payload, bytes) else payload:
                stream.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
        temporary.chmod(mode)
        temporary.replace(real)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise _fail(target, error) from None
    except BaseException:  # a piece could not be made (bad input, Ctrl-C): nothing is kept
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return target


def _write_stream(target: Path, real: Path, payload: bytes) -> None:
    """Write into a FIFO, a terminal or a device as it is; sockets cannot be opened."""
    try:
        with real.open("wb", buffering=0) as stream:
            view = memoryview(payload)
            while view:
                written = stream.write(view)
                view = view[written or 0 :]
    except OSError as error:
        raise _fail(target, error) from None


def _replaceable(folder: Path, suffixes: set[str], depth: int, given: Path) -> None:
    """Refuse to swap away a folder that holds anything a build did not write.

    A rebuild replaces the whole folder, so it may hold only regular files with the kinds of
    names a build writes (``index.html``, ``e.ics``, ``e.json``, ...; ``suffixes``, and
    ``depth`` levels of folders of them): ``-o ~/public_html`` must not delete a blog.
    """
    _only_build_files(folder, suffixes, given, Path(), depth=depth)


def _only_build_files(
    folder: Path, suffixes: set[str], given: Path, inside: Path, *, depth: int
) -> None:
    """Raise unless ``folder`` holds only build-named files (and, ``depth`` levels down,
    folders of them: a season's per-event folders, kept or since removed from the file, and
    its per-language folders of them)."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return  # another build moved it aside a moment ago: nothing here to protect
    except OSError as error:
        raise OutputError(f"cannot build into {given}: {error.strerror}") from None
    for entry in entries:
        if entry.name.startswith(".launchcal-"):
            continue  # another writer's leftover temporary file
        if entry.is_dir(follow_symlinks=False) and depth > 0:
            _only_build_files(Path(entry.path), suffixes, given, inside / entry.name,
                              depth=depth - 1)  # fmt: skip
            continue
        if not entry.is_file(follow_symlinks=False) or Path(entry.name).suffix not in suffixes:
            what = "folder" if entry.is_dir(follow_symlinks=False) else "file"
            raise OutputError(
                f"cannot build into {given}: it holds the {what} "
                f"{(inside / entry.name).as_posix()!r}, which a build does not write, and a "
                "build replaces the whole folder; give a new or empty folder"
            )


def write_folder(
    target: str | Path,
    contents: Mapping[str, bytes | str],
    *,
    inputs: Iterable[str | Path] = (),
) -> list[Path]:
    """Write a whole folder, all or nothing: ``contents`` maps file names to their data.

    The files are written into a temporary sibling folder, which is then renamed onto
    ``target`` (see :class:`StagedFolder`, which writes a folder a file at a time).

    Returns:
        The paths written, inside ``target``, in the order of ``contents``.

    Raises:
        OutputError: ``target`` is a file, holds other files or an input, or cannot be
            written; nothing has changed then.
    """
    with StagedFolder(target, names=contents, inputs=inputs) as folder:
        for name, data in contents.items():
            folder.write(name, data)
    return list(folder.paths)


class StagedFolder:
    """A folder written a file at a time, then put in place whole: all or nothing.

    The files go into a temporary sibling folder as they are written (so a site of 100,000
    events is never held in memory); leaving the ``with`` block renames it onto ``target``.
    Renaming a folder is atomic, so ``target`` is always one writer's complete output: never a
    mix of two concurrent builds, never half a build after an error (an exception in the block
    removes the temporary folder and leaves ``target`` as it was). An existing ``target`` must
    hold only files a build writes (see :func:`_replaceable`).

    Args:
        target: the folder to write.
        names: names of the files it will hold (at least one of each kind: ``index.html``,
            ``e/index.html``, ``fr/e/index.html``), to refuse a folder that holds others before
            writing anything; the check is made again, with every name written, before the rename.
        inputs: files that no output may replace (the event file).

    Raises:
        OutputError: as :func:`write_folder`; nothing has changed then.
    """

    def __init__(
        self,
        target: str | Path,
        *,
        names: Iterable[str] = (),
        inputs: Iterable[str | Path] = (),
    ) -> None:
        if not str(target) or str(target) == STDOUT:
            raise OutputError("a build needs a folder name, like site/")
        self.given = Path(target)
        self._suffixes: set[str] = set()
        self._depth = 0  # how many folder levels the names have (a season per language: 2)
        self._names = WrittenPaths(self.given)
        for name in names:
            self._check_name(name)
        _refuse_inputs(self.given, inputs, folder=True)
        try:
            self._folder = Path(os.path.realpath(self.given))
        except OSError as error:
            raise _fail(self.given, error) from None
        self._existing = _target_stat(self._folder)
        if self._existing is not None and not stat.S_ISDIR(self._existing.st_mode):
            raise OutputError(f"cannot build into {self.given}: it is a file; give a folder")
        parent = self._folder.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(
                f"cannot make the folder {self.given.parent}: {error.strerror}"
            ) from None
        if self._existing is not None:
            self._check_existing()
        self._staging = parent / f".launchcal-{os.urandom(6).hex()}.new"
        self._folders: set[str] = set()
        # Without os.sync (Windows) each file is flushed to disk as it is written.
        self._sync_each = not hasattr(os, "sync")

    def _check_name(self, name: str) -> None:
        # A file name, or up to two folders and a file name ("e/index.html": a season's events;
        # "fr/e/index.html": its pages in one language).
        parts = name.split("/")
        if len(parts) > _MAX_DEPTH + 1 or not all(
            p and not p.startswith(".") and "\\" not in p for p in parts
        ):
            raise OutputError(f"cannot build {name!r}: not a plain file name")
        self._suffixes.add(Path(name).suffix)
        self._depth = max(self._depth, len(parts) - 1)

    def _check_existing(self) -> None:
        _replaceable(self._folder, self._suffixes, self._depth, self.given)

    def __enter__(self) -> StagedFolder:
        try:
            self._staging.mkdir(mode=0o700)
        except OSError as error:
            raise _fail(self.given, error) from None
        return self

    def write(self, name: str, data: bytes | str | Iterable[str]) -> None:
        """Write one file: bytes, text, or text in pieces (written as they come, as UTF-8)."""
        kinds = (len(self._suffixes), self._depth)
        self._check_name(name)
        if self._existing is not None and kinds != (len(self._suffixes), self._depth):
            self._check_existing()  # a kind of file the first check did not know of
        path = self._staging / name
        try:
            folder, _, _ = name.rpartition("/")
            if folder and folder not in self._folders:
                self._make_folders(folder)
            with path.open("xb", buffering=1 << 16) as stream:
                if isinstance(data, bytes):
                    stream.write(data)
                elif isinstance(data, str):
                    stream.write(data.encode("utf-8"))
                else:
                    for piece in data:
                        stream.write(piece.encode("utf-8"))
                if self._sync_each:
                    stream.flush()
                    os.fsync(stream.fileno())
            path.chmod(0o666 & ~_umask())
        except OSError as error:
            raise _fail(self.given, error) from None
        self._names.add(name)

    def _make_folders(self, folder: str) -> None:
        """Make ``folder`` (and its parent) in the staging folder, with the usual permissions."""
        parent, _, _ = folder.rpartition("/")
        if parent and parent not in self._folders:
            self._make_folders(parent)
        path = self._staging / folder
        path.mkdir(exist_ok=True)
        path.chmod(0o777 & ~_umask())
        self._folders.add(folder)

    @property
    def paths(self) -> WrittenPaths:
        """The paths written, inside ``target``, in the order they were written."""
        return self._names

    def _discard(self) -> None:
        import shutil  # not at start-up: it loads the compression modules

        shutil.rmtree(self._staging, ignore_errors=True)

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None:
            self._discard()
            return
        try:
            if not self._sync_each:
                os.sync()  # every file on disk before the rename makes them the folder
            existing = self._existing
            mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o777 & ~_umask()
            self._staging.chmod(mode)
            _swap_in(self._staging, self._folder)
        except OSError as error:
            self._discard()
            raise _fail(self.given, error) from None


class WrittenPaths(Sequence[Path]):
    """The paths of the files a build wrote, in order, each made when asked for.

    A season of 100,000 events writes 400,000 files; as ``Path`` objects their names would
    take 120 MB, as one text and its offsets 6 MB.
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._pieces: list[str] = []
        self._text = ""
        self._ends = array.array("Q")

    def add(self, name: str) -> None:
        self._pieces.append(name)
        self._ends.append((self._ends[-1] if self._ends else 0) + len(name))
        if len(self._pieces) >= 4096:
            self._text += "".join(self._pieces)
            self._pieces.clear()

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...
    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        number = range(len(self))[index]  # negative indexes, IndexError
        if self._pieces:
            self._text += "".join(self._pieces)
            self._pieces.clear()
        start = self._ends[number - 1] if number else 0
        return self._folder / self._text[start : self._ends[number]]


def _swap_in(staging: Path, folder: Path) -> None:
    """Rename ``staging`` onto ``folder``, moving aside whatever folder is there."""
    for _ in range(_SWAP_TRIES):
        try:
            staging.rename(folder)
            return
        except OSError as error:
            if error.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                raise  # not a clash: the rename failed for its own reason
        # Another build's folder (or the old one) is in the way: move it aside, then retry.
        aside = folder.parent / f".launchcal-{os.urandom(6).hex()}.old"
        try:
            folder.rename(aside)
        except FileNotFoundError:
            continue  # a concurrent writer moved it first
        import shutil

        shutil.rmtree(aside, ignore_errors=True)
    raise OSError(0, "other writers kept replacing the folder; try again")
