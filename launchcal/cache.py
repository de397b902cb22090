"""launchcal's cache folder: what it may rebuild at any time (compiled templates, VTIMEZONEs,
place answers, a page's .ics).

One folder for every cache, so that a user clears or moves one place: ``$LAUNCHCAL_CACHE_DIR``
(empty: no cache at all), else ``$XDG_CACHE_HOME/launchcal``, else ``~/.cache/launchcal``. Each
user of the folder keys its entries by what made them and treats a damaged entry or a folder it
cannot write as a miss, so the cache changes how fast launchcal is, never what it writes.

Paths are plain strings here: a ``when`` reads its place answers without importing pathlib
(2 ms of start-up).
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

#: The environment variable that names the folder (empty turns every cache off).
VARIABLE = "LAUNCHCAL_CACHE_DIR"


def folder() -> Path | None:
    """The cache folder, or ``None`` when caching is turned off or there is no home to keep it."""
    from pathlib import Path

    found = folder_name()
    return None if found is None else Path(found)


def folder_name() -> str | None:
    """:func:`folder` as a string."""
    chosen = os.environ.get(VARIABLE)
    if chosen is not None:
        return chosen or None
    base = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG rule: a relative XDG_CACHE_HOME is ignored.
    root = base if os.path.isabs(base) else os.path.expanduser(os.path.join("~", ".cache"))
    if root.startswith("~"):
        return None  # no home folder to expand "~" to
    return os.path.join(root, "launchcal")


def store(path: str | os.PathLike[str], data: bytes) -> None:
    """Keep ``data`` at ``path``, whole or not at all (a temporary file, then a rename); a
    cache folder that cannot be written is simply not used."""
    temporary = f"{os.fspath(path)}.{os.getpid()}.part"
    try:
        os.makedirs(os.path.dirname(temporary), exist_ok=True)
        with open(temporary, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
