"""Start-up: what each command leaves unimported (issue 17's start-up targets rest on it).

Timings are the benchmark's (benchmarks/bench_cli.py); these tests check the cause, which is
deterministic: the modules a fresh interpreter holds after the command.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, imported_by, loaded

XIAOMI = str(EXAMPLES / "xiaomi-12s.toml")
#: What English output never needs: another language, the page, the .ics, a repeating series.
NOT_FOR_WHEN = ("jinja2", "icalendar", "babel", "pendulum", "dateutil", "rapidfuzz",
                "launchcal.render", "launchcal.ics", "launchcal.recurrence")  # fmt: skip
#: The network stack (xml.sax.saxutils pulls it in through urllib.request).
NETWORK = ("ssl", "http", "email", "socket", "urllib.request")


@pytest.mark.parametrize(
    ("args", "unloaded"),
    [
        (["when", XIAOMI], NOT_FOR_WHEN),
        (["when", "--start", "2022-07-04 19:00", "--zone", "China", "--in", "Nairobi"],
         (*NOT_FOR_WHEN, "tomllib")),
        # A claim that reads: "did you mean" (rapidfuzz) is for the ones that do not.
        (["check", XIAOMI, "--claim", "around 3am in Nairobi"], NOT_FOR_WHEN),
        (["ics", XIAOMI, "-o", "{out}"], ("jinja2", "babel", "pendulum", *NETWORK)),
        (["countdown", XIAOMI, "--now", "2022-07-01T14:48:00+08:00"],
         ("jinja2", "icalendar", *NETWORK)),
        # The widget embeds no .ics and its event does not repeat.
        (["html", XIAOMI, "-o", "{out}"],
         ("icalendar", "dateutil", "babel", "launchcal.commands.build", *NETWORK)),
        (["html", XIAOMI, "--page", "-o", "{out}"],
         ("babel", "pendulum", "launchcal.commands.build", *NETWORK)),
    ],
    ids=["when", "when-flags", "check-claim", "ics", "countdown", "html", "html-page"],
)  # fmt: skip
def test_command_leaves_unneeded_modules_unimported(
    args: list[str], unloaded: tuple[str, ...], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    modules = imported_by(*(arg.format(out=out) for arg in args))
    assert loaded(modules, *unloaded) == []
    assert out.is_file() or "-o" not in args


#: Work a one-event command does not need, each a cache that stays empty unless it is done:
#: the tz catalogue (every zone, link and zone.tab row: 4 ms), babel's list of ~1,000 locale
#: files (1-2 ms), the terminal sanitiser's pattern (0.5 ms, for text that is not printable).
SKIPPED_WORK = {
    "catalogue": "launchcal.tz:_catalogue",
    "locale files": "launchcal.i18n:_locale_files",
    "unsafe pattern": "launchcal.terminal:_unsafe",
}


def work_done_by(*args: str) -> set[str]:
    """Which of :data:`SKIPPED_WORK` a fresh interpreter did while running ``launchcal ARGS``."""
    code = (
        "import contextlib, importlib, io, json, sys\n"
        "from launchcal.cli import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    try:\n"
        "        cli.main(sys.argv[2:], prog_name='launchcal')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "done = []\n"
        "for name, where in json.loads(sys.argv[1]).items():\n"
        "    module, _, function = where.partition(':')\n"
        "    if module in sys.modules and getattr(sys.modules[module], function).cache_info().currsize:\n"
        "        done.append(name)\n"
        "print(json.dumps(done))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(SKIPPED_WORK), *args],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return set(json.loads(done.stdout))


@pytest.mark.parametrize(
    "args",
    [
        ["when", XIAOMI],
        ["check", XIAOMI, "--claim", "around 3am in Nairobi"],
        ["html", XIAOMI, "--page", "-o", "{out}"],
        ["build", XIAOMI, "-o", "{out}"],
    ],
    ids=["when", "check-claim", "html-page", "build"],
)
def test_one_event_commands_skip_work_they_do_not_need(args: list[str], tmp_path: Path) -> None:
    assert work_done_by(*(arg.format(out=tmp_path / "out") for arg in args)) == set()


def test_the_skipped_work_is_done_where_it_is_needed(tmp_path: Path) -> None:
    # The same probe sees each piece of work when a command needs it: the guard above can fail.
    assert work_done_by("when", XIAOMI, "--in", "all") >= {"catalogue"}
    assert work_done_by("html", XIAOMI, "--page", "--locale", "fr", "-o", str(tmp_path / "p")) >= {
        "locale files"
    }
    assert work_done_by("when", "--start", "2022-07-04 19:00", "--zone", "china", "--title",
                        "Launch\u00a0day") >= {"unsafe pattern"}  # fmt: skip


def test_a_countdown_loads_shutil_only_to_watch() -> None:
    # shutil loads the compression modules (2.5 ms); only --watch asks the terminal's width.
    args = ("countdown", XIAOMI, "--now", "2022-07-01T14:48:00+08:00")
    assert loaded(imported_by(*args, site=False), "shutil", "bz2", "lzma") == []


def test_build_without_a_sitemap_loads_no_network_stack(tmp_path: Path) -> None:
    modules = imported_by("build", XIAOMI, "-o", str(tmp_path / "site"))
    assert (tmp_path / "site" / "index.html").is_file()
    assert loaded(modules, "xml", "secrets", "launchcal.commands.html", *NETWORK) == []


def test_importing_launchcal_leaves_garbage_collection_alone() -> None:
    # Only the `launchcal` program collects less often; a program that imports launchcal keeps
    # its own thresholds.
    code = "import gc, launchcal.cli, launchcal.report; print(gc.get_threshold())"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == str(gc.get_threshold())


def test_the_program_starts_with_fewer_collections_and_without_ctypes() -> None:
    code = (
        "import gc, sys, launchcal\n"
        "launchcal._program_starts()\n"
        "import launchcal.ics\n"
        "from dateutil.tz import tz\n"
        "print(gc.get_threshold(), 'ctypes' in sys.modules, tz.tzwin)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    # dateutil has no Windows zones on this platform either way (tzwin is None).
    expected = "(50000, 10, 10) False None" if sys.platform != "win32" else "(50000, 10, 10)"
    assert done.stdout.startswith(expected)
