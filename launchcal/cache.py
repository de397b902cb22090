"""launchcal's cache folder: what it may rebuild at any time (compiled templates, VTIMEZONEs).

One folder for every cache, so that a user clears or moves one place: ``$LAUNCHCAL_CACHE_DIR``
(empty: no cache at all), else ``$XDG_CACHE_HOME/launchcal``, else ``~/.cache/launchcal``. Each
user of the folder keys its entries by what made them and treats a damaged entry or a folder it
cannot write as a miss, so the cache changes how fast launchcal is, never what it writes.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable that names the folder (empty turns every cache off).
VARIABLE = "LAUNCHCAL_CACHE_DIR"


def folder() -> Path | None:
    """The cache folder, or ``None`` when caching is turned off or there is no home to keep it."""
    chosen = os.environ.get(VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME", "")
    try:
        # The XDG rule: a relative XDG_CACHE_HOME is ignored.
        root = Path(base) if Path(base).is_absolute() else Path("~/.cache").expanduser()
    except RuntimeError:  # no home folder to expand "~" to
        return None
    return root / "launchcal"
