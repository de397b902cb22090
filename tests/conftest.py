"""Shared test set-up: one pinned tz database, a fixed viewer zone, and the CLI runner."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
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
# Compiled templates and VTIMEZONEs go to this session's own cache folder, never the user's
# ~/.cache (launchcal.cache).
_CACHE = tempfile.mkdtemp(prefix="launchcal-test-cache-")
os.environ["LAUNCHCAL_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)

ROOT = Path(__file__).resolve().parent.parent
# Readers the consumer tests run in other interpreters (the system python3, node): not tests.
collect_ignore = ["readers", "node"]
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


def imported_by(*args: str, env: dict[str, str] | None = None, site: bool = True) -> set[str]:
    """The modules a fresh interpreter holds after running ``launchcal ARGS`` (output dropped).

    Runs the click group itself, not the entry point (which leaves with ``os._exit``).
    ``site=False`` starts it without the environment's ``.pth`` files (``-S``): caldav's
    urllib3-future, a test dependency, imports shutil at every start through one.
    """
    command = [sys.executable, "-c"]
    if not site:
        import click

        packages = str(Path(click.__file__).parent.parent)
        env = {
            **(os.environ if env is None else env),
            "PYTHONPATH": f"{ROOT}{os.pathsep}{packages}",
        }
        command = [sys.executable, "-S", "-c"]
    code = (
        "import contextlib, io, json, sys\n"
        "from launchcal.cli import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    try:\n"
        "        cli.main(sys.argv[1:], prog_name='launchcal')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [*command, code, *args], capture_output=True, text=True, check=True, cwd=ROOT, env=env,
    )  # fmt: skip
    return set(json.loads(done.stdout))


def loaded(modules: set[str], *prefixes: str) -> list[str]:
    """Those of ``modules`` that are, or are inside, one of the named packages."""
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


def readme_blocks(heading: str, kind: str) -> list[str]:
    """The fenced blocks of this kind ("" for a plain ``` block) in the README's section that
    starts with ``heading``, up to the next ``## `` heading."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    found: list[tuple[str, list[str]]] = []
    inside = False
    for line in text[start : end if end != -1 else None].splitlines():
        if line.startswith("```"):
            if not inside:
                found.append((line[3:], []))
            inside = not inside
        elif inside:
            found[-1][1].append(line)
    return ["\n".join(lines) + "\n" for language, lines in found if language == kind]
