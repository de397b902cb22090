"""The one output path: every file or folder launchcal writes goes through here.

A failure never leaves a half-written file or folder behind, an output never replaces the
input it was made from, and special files (a FIFO, ``/dev/null``, a terminal) are written
into as streams instead of being replaced by a regular file. Every ``OSError`` becomes an
:class:`~launchcal.errors.OutputError` that names the target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from launchcal.errors import OutputError

__all__ = ["STDOUT", "write_atomic", "write_folder", "write_output"]

#: The output name that means standard output, as for most Unix tools.
STDOUT = "-"

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
    target: str | Path, data: bytes | str, *, inputs: Iterable[str | Path] = ()
) -> Path | None:
    """Write ``data`` to ``target``: ``-`` is standard output, anything else a file.

    ``inputs`` are the files the output was made from; an output that would replace one of
    them is refused (``launchcal ics ev.toml -o ev.toml`` would have lost the event file).

    Returns:
        The path written, or ``None`` for standard output.

    Raises:
        OutputError: see :func:`write_atomic`; also when ``target`` is one of ``inputs``.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if str(target) == STDOUT:
        _write_stdout(payload)
        return None
    return write_atomic(target, payload, inputs=inputs)


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


def write_atomic(path: str | Path, data: bytes | str, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    Readers see the old file or the whole new one, never a part; on any error the target is
    untouched and the temporary file is removed. A symlink is followed (the link stays), a
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
        _write_stream(target, real, payload)
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
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
        temporary.chmod(mode)
        temporary.replace(real)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise _fail(target, error) from None
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


def _replaceable(folder: Path, names: Iterable[str], given: Path) -> None:
    """Refuse to swap away a folder that holds anything a build did not write.

    A rebuild replaces the whole folder, so it may hold only regular files with the kinds of
    names a build writes (``index.html``, ``e.ics``, ``e.json``, ...): ``-o ~/public_html``
    must not delete a blog.
    """
    suffixes = {Path(name).suffix for name in names}
    nested = any("/" in name for name in names)
    _only_build_files(folder, suffixes, given, Path(), depth=1 if nested else 0)


def _only_build_files(
    folder: Path, suffixes: set[str], given: Path, inside: Path, *, depth: int
) -> None:
    """Raise unless ``folder`` holds only build-named files (and, ``depth`` levels down,
    folders of them: a season's per-event folders, kept or since removed from the file)."""
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
    ``target``. Renaming a folder is atomic, so ``target`` is always one writer's complete
    output: never a mix of two concurrent builds, never half a build after an error. An
    existing ``target`` must hold only files a build writes (see :func:`_replaceable`).

    Returns:
        The paths written, inside ``target``, in the order of ``contents``.

    Raises:
        OutputError: ``target`` is a file, holds other files or an input, or cannot be
            written; nothing has changed then.
    """
    if not str(target) or str(target) == STDOUT:
        raise OutputError("a build needs a folder name, like site/")
    given = Path(target)
    for name in contents:
        # A file name, or one folder and a file name ("e/index.html": a season's events).
        parts = name.split("/")
        if len(parts) > 2 or not all(p and not p.startswith(".") and "\\" not in p
                                     for p in parts):  # fmt: skip
            raise OutputError(f"cannot build {name!r}: not a plain file name")
    _refuse_inputs(given, inputs, folder=True)
    try:
        folder = Path(os.path.realpath(given))
    except OSError as error:
        raise _fail(given, error) from None
    existing = _target_stat(folder)
    if existing is not None and not stat.S_ISDIR(existing.st_mode):
        raise OutputError(f"cannot build into {given}: it is a file; give a folder")
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot make the folder {given.parent}: {error.strerror}") from None
    if existing is not None:
        _replaceable(folder, contents, given)
    staging = parent / f".launchcal-{os.urandom(6).hex()}.new"
    try:
        staging.mkdir(mode=0o700)
        for name, data in contents.items():
            payload = data.encode("utf-8") if isinstance(data, str) else data
            if "/" in name:
                (staging / name).parent.mkdir(exist_ok=True)
                (staging / name).parent.chmod(0o777 & ~_umask())
            with (staging / name).open("xb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            (staging / name).chmod(0o666 & ~_umask())
        mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o777 & ~_umask()
        staging.chmod(mode)
        _swap_in(staging, folder)
    except OSError as error:
        import shutil  # not at start-up: it loads the compression modules

        shutil.rmtree(staging, ignore_errors=True)
        raise _fail(given, error) from None
    return [given / name for name in contents]


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
