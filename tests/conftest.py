"""Shared test set-up: one pinned tz database, a fixed viewer zone, and the CLI runner."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import tzdata
import tzlocal
from click.testing import CliRunner

# Pin the tz database to the tzdata package before launchcal reads it, whatever the system has:
# the expected values below were checked against this release.
os.environ["LAUNCHCAL_TZDIR"] = str(Path(tzdata.__file__).parent / "zoneinfo")
# The viewer's own zone ("local") is part of some outputs: make it the same everywhere.
os.environ["TZ"] = "UTC"
time.tzset()
# The reader's language ("--locale" default) comes from LC_ALL, LC_MESSAGES, LANG: English here.
for _variable in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
TZDATA_VERSION = tzdata.IANA_VERSION


@pytest.fixture
def runner() -> CliRunner:
    """A click runner; stderr is kept apart so tests see exactly what a user sees."""
    return CliRunner()


@pytest.fixture
def example() -> Path:
    """The bundled Xiaomi 12S launch event file."""
    return EXAMPLES / "xiaomi-12s.toml"


@pytest.fixture
def viewer_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set the viewer's system zone (``local``) for one test: ``viewer_zone("Africa/Nairobi")``."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        tzlocal.reload_localzone()

    yield set_zone
    monkeypatch.setenv("TZ", "UTC")
    tzlocal.reload_localzone()
