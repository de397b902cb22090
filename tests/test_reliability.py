"""Nothing breaks, nothing is lost: one test per reproducer of the reliability issue.

Each runs beside ``ev.toml`` (``id="e"``, ``title="T"``, 2022-07-04 19:00 in Asia/Shanghai) with
``TZ=UTC``, as the issue did. Real processes where the operating system is part of the story
(FIFOs, devices, a full disk, a closed stdout, signals, concurrent writers); the click runner
elsewhere.
"""

from __future__ import annotations

import datetime as dt
import io
import multiprocessing
import os
import re
import select
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from launchcal import countdown, files, ics, terminal, tz
from launchcal.cli import cli
from launchcal.errors import OutputError
from launchcal.event import Calendar, Event
from tests.conftest import ROOT

GOOD = 'id = "e"\ntitle = "T"\nstart = 2022-07-04T19:00:00\nzone = "Asia/Shanghai"\n'


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding ev.toml, made the current one."""
    (tmp_path / "ev.toml").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="launchcal")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stdout, result.stderr


def launch(
    *args: str | bytes, cwd: Path, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """``python -m launchcal ARGS`` in a real process (bytes arguments pass as they are)."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "launchcal", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=kwargs.pop("capture_output", True),
        check=False,
        timeout=60,
        **kwargs,
    )


def one_error(stderr: str | bytes) -> str:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in text
    return lines[0]


# --- 1. extreme but readable values ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ics", "--start", "9999-12-31 12:00", "--zone", "Europe/London"], "outside the years"),
        (
            ["when", "--start", "0001-01-01 00:00", "--zone", "Asia/Shanghai", "--in", "UTC"],
            "the time 0001-01-01 is outside the years 1800 to 9000",
        ),
        (["ics", "--start", "2022-07-04 19:00", "--zone", "UTC", "--duration", "9999999d"],
         "longer than 366 days"),
        (["ics", "--start", "2022-07-04 19:00", "--zone", "UTC", "--duration", "P99999999999W"],
         "longer than 366 days"),
    ],
)  # fmt: skip
def test_extreme_flag_values_are_one_error(here: Path, args: list[str], message: str) -> None:
    code, _, stderr = invoke(*args)
    assert code == 2
    assert message in one_error(stderr)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('reminders = ["156000w"]', "longer than 366 days"),
        ("sequence = 9223372036854775807", "outside 0 to 2,147,483,647"),
        ('[calendar]\nrefresh = "9999999999w"', "longer than 366 days"),
        ("[calendar]\nurl = 5", "expected text in quotes, got 5"),
    ],
)
def test_extreme_file_values_are_one_error(here: Path, extra: str, message: str) -> None:
    at_top = extra.startswith("[calendar]")
    text = f"{extra}\n[[event]]\n{GOOD}" if at_top else GOOD + extra + "\n"
    (here / "x.toml").write_text(text, encoding="utf-8")
    for command in ("when", "ics", "html"):
        code, _, stderr = invoke(command, "x.toml")
        assert code == 2
        assert message in one_error(stderr)


@pytest.mark.parametrize("now", ["9999-12-31T23:59:59+00:00", "0001-01-01 00:00"])
def test_countdown_now_has_the_same_bound(here: Path, now: str) -> None:
    code, _, stderr = invoke("countdown", "ev.toml", "--now", now)
    assert code == 2
    assert "is outside the years 1800 to 9000" in one_error(stderr)


def test_the_bounds_themselves_are_accepted(here: Path) -> None:
    for start, duration in (("1800-01-01 00:00", "366d"), ("9000-12-31 12:00", "11h")):
        code, stdout, stderr = invoke(
            "ics", "--start", start, "--zone", "Europe/London", "--duration", duration
        )
        assert code == 0, stderr
        assert "BEGIN:VEVENT" in stdout


# --- 2. an output onto its own input -------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["ics", "ev.toml", "-o", "ev.toml"],
        ["html", "ev.toml", "-o", "ev.toml"],
        ["html", "ev.toml", "--page", "-o", "./ev.toml"],
        ["build", "ev.toml", "-o", "."],
    ],
)
def test_an_output_never_replaces_its_input(here: Path, args: list[str]) -> None:
    (here / "link.toml").symlink_to("ev.toml")
    for given in (args, [a.replace("-o", "-o") for a in args]):
        code, _, stderr = invoke(*given)
        assert code == 2
        assert "input ev.toml" in one_error(stderr)
    code, _, stderr = invoke("ics", "link.toml", "-o", "ev.toml")  # same file, another name
    assert code == 2
    assert (here / "ev.toml").read_text(encoding="utf-8") == GOOD
    assert sorted(p.name for p in here.iterdir()) == ["ev.toml", "link.toml"]


# --- 3. special files are written into, not replaced ---------------------------------------


def test_a_fifo_gets_the_calendar_and_stays_a_fifo(here: Path) -> None:
    fifo = here / "p.ics"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = launch("ics", "ev.toml", "-o", "p.ics", cwd=here)
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received[0].startswith(b"BEGIN:VCALENDAR\r\n")
    assert sorted(p.name for p in here.iterdir()) == ["ev.toml", "p.ics"]


def test_a_device_is_written_as_a_stream() -> None:
    # A terminal device (as /dev/null or /dev/tty would be): renaming over it would replace it.
    master, slave = os.openpty()
    try:
        device = Path(os.ttyname(slave))
        files.write_output(device, b"hello")
        assert stat.S_ISCHR(device.stat().st_mode)
        assert os.read(master, 100).startswith(b"hello")
    finally:
        os.close(master)
        os.close(slave)


# --- 4. build is all or nothing ----------------------------------------------------------


def test_a_clash_inside_the_folder_writes_nothing(here: Path) -> None:
    (here / "site" / "e.json").mkdir(parents=True)
    code, _, stderr = invoke("build", "ev.toml", "-o", "site")
    assert code == 2
    assert "holds the folder 'e.json'" in one_error(stderr)
    assert [str(p.relative_to(here)) for p in sorted((here / "site").rglob("*"))] == ["site/e.json"]


def test_a_folder_of_other_files_is_not_swapped_away(here: Path) -> None:
    (here / "blog").mkdir()
    (here / "blog" / "post.md").write_text("mine", encoding="utf-8")
    code, _, stderr = invoke("build", "ev.toml", "-o", "blog")
    assert code == 2
    assert "holds the file 'post.md'" in one_error(stderr)
    assert (here / "blog" / "post.md").read_text(encoding="utf-8") == "mine"


def test_a_rebuild_replaces_the_whole_folder_and_keeps_its_mode(here: Path) -> None:
    assert invoke("build", "ev.toml", "-o", "site")[0] == 0
    (here / "site").chmod(0o750)
    (here / "ev.toml").write_text(GOOD.replace('"e"', '"f"'), encoding="utf-8")
    assert invoke("build", "ev.toml", "-o", "site")[0] == 0
    assert sorted(p.name for p in (here / "site").iterdir()) == [
        "f.ics", "f.json", "index.html", "widget.html",
    ]  # fmt: skip
    assert stat.S_IMODE((here / "site").stat().st_mode) == 0o750
    assert sorted(p.name for p in here.iterdir()) == ["ev.toml", "site"]  # no leftovers


def test_the_longest_id_builds(here: Path) -> None:
    (here / "ev.toml").write_text(GOOD.replace('"e"', '"' + "a" * 200 + '"'), encoding="utf-8")
    code, _, stderr = invoke("build", "ev.toml", "-o", "site")
    assert code == 0, stderr
    assert (here / "site" / ("a" * 200 + ".json")).exists()


def _build_as(title: str, folder: Path, barrier: Any) -> None:
    from launchcal import site

    event = Event.at(title, dt.datetime(2022, 7, 4, 19), "UTC", id="e")
    barrier.wait()  # every writer starts writing at once
    site.build(event, folder / "site")


def _write_as(title: str, folder: Path, barrier: Any) -> None:
    contents = {name: f"{title} {name}" for name in ("index.html", "widget.html", "e.ics")}
    barrier.wait()
    files.write_folder(folder / "site", contents)


def _concurrently(writer: Any, folder: Path, writers: int = 20) -> set[str]:
    """Run ``writers`` processes that write differently titled sites into one folder at
    once; the titles found in the folder's files afterwards."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(writers)
    titles = [f"Writer{n:02d}" for n in range(writers)]
    processes = [context.Process(target=writer, args=(title, folder, barrier)) for title in titles]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=300)
        assert process.exitcode == 0  # no writer failed because of another
    found: set[str] = set()
    for path in (folder / "site").iterdir():
        text = path.read_text(encoding="utf-8")
        found.update(title for title in titles if title in text)
    assert sorted(p.name for p in folder.iterdir()) == ["site"]  # no temporary folders left
    return found


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(10))
def test_twenty_concurrent_folder_writers_leave_one_writers_folder(
    tmp_path: Path, round_: int
) -> None:
    assert len(_concurrently(_write_as, tmp_path)) == 1


@pytest.mark.slow
def test_twenty_concurrent_builds_leave_one_writers_site(tmp_path: Path) -> None:
    assert len(_concurrently(_build_as, tmp_path)) == 1
    names = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert names == ["e.ics", "e.json", "index.html", "widget.html"]


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(int(os.environ.get("LAUNCHCAL_BUILD_ROUNDS", "1"))))
def test_twenty_concurrent_build_commands_leave_one_writers_site(
    tmp_path: Path, round_: int
) -> None:
    """The issue's reproducer as it was run: 20 `launchcal build -o site` processes at once
    (LAUNCHCAL_BUILD_ROUNDS=10 for the ten rounds of the issue)."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "launchcal", "build", "--title", f"Writer{n:02d}",
             "--start", "2022-07-04 19:00", "--zone", "UTC", "-o", "site"],
            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        for n in range(20)
    ]  # fmt: skip
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    site = tmp_path / "site"
    found = {
        f"Writer{n:02d}"
        for path in site.iterdir()
        for n in range(20)
        if f"Writer{n:02d}" in path.read_text(encoding="utf-8")
    }
    assert len(found) == 1
    assert len(list(site.iterdir())) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# --- 6. terminal escape injection ------------------------------------------------------------


def test_a_title_that_drives_the_terminal_is_refused(here: Path) -> None:
    (here / "x.toml").write_text(GOOD.replace('"T"', '"T\\u001b[8m"'), encoding="utf-8")
    for command in ("when", "countdown", "links", "check"):
        extra = ["--claim", "3am in Nairobi"] if command == "check" else []
        code, stdout, stderr = invoke(command, "x.toml", *extra)
        assert code == 2
        assert "control character U+001B" in one_error(stderr)
        assert stdout == ""


def test_event_text_from_the_library_reaches_the_terminal_inert() -> None:
    # The model accepts any string (the API is not typed input): the output escapes it.
    title = "T\x1b[8m 03:00\x1b]0;owned\x07\u009b2J\u202e"
    event = Event.at(title, dt.datetime(2030, 1, 1), "UTC")
    out = io.StringIO()
    countdown.watch(event, out, now=dt.datetime(2030, 1, 1, tzinfo=dt.UTC), interactive=False)
    text = out.getvalue()
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\u009b" not in text
    assert "\u202e" not in text
    assert "T\\x1b[8m 03:00\\x1b]0;owned\\x07\\x9b2J\\u202e" in text


def test_json_output_is_inert_too() -> None:
    assert terminal.safe_json('"\u009b\u202e\\u001b"') == '"\\u009b\\u202e\\u001b"'


def test_the_printable_shortcut_never_passes_an_unsafe_character() -> None:
    # Text that str.isprintable() clears skips the pattern: no character the pattern escapes
    # may be printable, and text the shortcut clears is what the pattern leaves as it is.
    unsafe = [chr(code) for code in range(0x110000) if terminal._unsafe().fullmatch(chr(code))]
    assert len(unsafe) == 0x20 - 2 + 0x21 + 5 + 4 + 0x800
    for char in unsafe:
        assert not terminal._printable(f"ok {char} ok")
        assert terminal.safe(f"ok {char} ok") != f"ok {char} ok"
    for text in ("Launch\n\tat 19:00 — Nairobi 14:00 (+1)", "北京时间 19:00", "\u00a0nbsp"):
        assert terminal.safe(text) == text == terminal.safe_json(text)


# --- 7. operating-system errors ------------------------------------------------------------


def test_a_name_too_long_is_one_error_and_the_longest_valid_name_works(here: Path) -> None:
    code, _, stderr = invoke("ics", "ev.toml", "-o", "a" * 300)
    assert code == 2
    assert one_error(stderr).endswith(": File name too long")
    code, _, stderr = invoke("ics", "ev.toml", "-o", "b" * 254)
    assert code == 0, stderr
    assert (here / ("b" * 254)).read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_on_stdout_is_one_error(here: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = launch("when", "ev.toml", cwd=here, stdout=full, capture_output=False,
                      stderr=subprocess.PIPE)  # fmt: skip
    assert done.returncode == 2
    assert (
        one_error(done.stderr) == "Error: cannot write to standard output: No space left on device"
    )


def test_a_closed_stdout_is_one_error(here: Path) -> None:
    done = subprocess.run(
        f"{sys.executable} -m launchcal when ev.toml >&-",
        shell=True, cwd=here, env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert one_error(done.stderr) == "Error: cannot write to standard output: it is closed"


def test_a_closed_stdout_does_not_matter_when_writing_a_file(here: Path) -> None:
    done = subprocess.run(
        f"{sys.executable} -m launchcal ics ev.toml -o out.ics >&-",
        shell=True, cwd=here, env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (here / "out.ics").exists()


# --- 8. a --title that is not UTF-8 --------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["html", "-o", "w.html"], ["html", "--page", "-o", "p.html"],
                ["build", "-o", "site"], ["ics", "-o", "e.ics"]],
)  # fmt: skip
def test_a_title_that_is_not_utf8_is_one_error_and_writes_nothing(
    here: Path, command: list[str]
) -> None:
    done = launch(*command, "--title", b"A\xffB", "--start", "2022-07-04 19:00", "--zone", "UTC",
                  cwd=here)  # fmt: skip
    assert done.returncode == 2
    assert (
        one_error(done.stderr)
        == "Error: --title holds bytes that are not UTF-8 text; write it in UTF-8"
    )
    assert sorted(p.name for p in here.iterdir()) == ["ev.toml"]


# --- 9. countdown --watch and Ctrl-C ---------------------------------------------------------


def _site_packages() -> str:
    import click

    return str(Path(click.__file__).parent.parent)


#: What pip writes as the `launchcal` console script (see .venv/bin/launchcal).
ENTRY_POINT = """import sys
from launchcal.cli import main
if __name__ == "__main__":
    sys.exit(main())
"""


@pytest.mark.parametrize("delay_ms", [*range(0, 21, 2), 40, 200])
def test_ctrl_c_at_any_moment_exits_130_without_a_traceback_from_launchcal(
    delay_ms: int, tmp_path: Path
) -> None:
    script = tmp_path / "launchcal"
    script.write_text(ENTRY_POINT, encoding="utf-8")
    # -S: the dev environment's third-party .pth files (urllib3-future) run code at every
    # interpreter start, before any of launchcal's; this measures the program as installed.
    process = subprocess.Popen(
        [sys.executable, "-S", str(script), "countdown", "--watch",
         "--start", "2030-01-01 00:00", "--zone", "UTC"],
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), _site_packages()])},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    if delay_ms >= 40:
        # "Well after start-up" means after the first tick is out, however loaded the machine.
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 20)
        assert ready, "no first tick within 20 s"
        first = process.stdout.read1(4096)  # type: ignore[attr-defined]
        assert first
    else:
        time.sleep(delay_ms / 1000)
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
        # CPython itself can eat a Ctrl-C that lands in its own start-up (while it looks at
        # argv[0], or inside an import lock's callback: it prints "Failed checking if argv[0]
        # ..." or "Exception ignored in ...") and runs the program on: before launchcal exists.
        frames = re.findall(r'File "([^"]+)"', err.decode())
        assert not [f for f in frames if "/launchcal/" in f.replace(os.sep, "/")], err
        assert err.startswith((b"Failed checking if argv[0]", b"Exception ignored in")), err
        return
    # Before launchcal's first line, a Ctrl-C lands in CPython's own start-up, which reports
    # it in its own ways (-SIGINT, a KeyboardInterrupt traceback, "Fatal Python error", a
    # failed import of its own modules, status 1): none of that is launchcal's to change.
    # What is launchcal's: no frame of its code past the package's first lines, where the
    # handler goes in (a Ctrl-C still pending from CPython's start-up can surface there).
    # "line 0" of launchcal/__init__.py is the import machinery entering the module, before
    # its first statement (the handler) has run.
    frames = re.findall(r'File "([^"]+)", line (\d+)', err.decode())
    ours = [f for f, _ in frames if "/launchcal/" in f.replace(os.sep, "/")
            and not f.replace(os.sep, "/").endswith("/launchcal/__init__.py")]  # fmt: skip
    assert not ours, err
    if delay_ms >= 40:  # well after start-up, even on a loaded machine
        assert process.returncode == 130
        assert b"Traceback" not in err


def test_ctrl_c_while_counting_down_exits_130_so_a_follow_up_does_not_run(
    tmp_path: Path,
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "launchcal", "countdown", "--watch",
         "--start", "2030-01-01 00:00", "--zone", "UTC"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline().startswith(b"The event starts in")  # counting down
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    # `launchcal countdown --watch ... && ./go-live.sh`: the shell sees 130 and stops.
    assert process.returncode == 130
    assert err.strip() == b"Aborted."


# --- 10. input limits --------------------------------------------------------------------


def test_an_endless_input_is_refused_quickly(here: Path) -> None:
    started = time.monotonic()
    done = launch("when", "/dev/zero", cwd=here)
    assert time.monotonic() - started < 30
    assert done.returncode == 2
    assert "larger than 128 MB" in one_error(done.stderr)


def test_the_links_note_names_a_long_title_briefly(here: Path) -> None:
    title = "Launch " * 1400  # under the 10,000-character limit
    (here / "x.toml").write_text(
        GOOD.replace('"T"', f'"{title.strip()}"') + f'description = "{"d" * 3000}"\n',
        encoding="utf-8",
    )
    code, _, stderr = invoke("links", "x.toml")
    assert code == 0
    (note,) = stderr.splitlines()
    assert note.startswith("Note: cut the")
    assert len(note) < 250


# --- 11. environment -------------------------------------------------------------------------


def test_a_relative_tzdir_works(here: Path) -> None:
    absolute = Path(os.environ["LAUNCHCAL_TZDIR"])
    relative = os.path.relpath(absolute, here)
    done = launch("when", "ev.toml", "--in", "UTC", cwd=here, env={"LAUNCHCAL_TZDIR": relative})
    assert done.returncode == 0, done.stderr
    done = launch("when", "ev.toml", cwd=here, env={"LAUNCHCAL_TZDIR": "fake"})
    assert done.returncode == 2
    assert "LAUNCHCAL_TZDIR='fake' holds no tz database" in one_error(done.stderr)


@pytest.mark.parametrize(
    ("tz_value", "shown"),
    [
        ("EST5EDT,M3.2.0,M11.1.0", "07:00 in EST5EDT,M3.2.0,M11.1.0 (your zone): Mon 4 Jul 2022, EDT"),
        ("<+0530>-5:30", "16:30 in <+0530>-5:30 (your zone): Mon 4 Jul 2022, UTC+05:30"),
        ("JST-9", "20:00 in JST-9 (your zone): Mon 4 Jul 2022, JST"),
        (":Asia/Tokyo", "20:00 in Asia/Tokyo (your zone)"),
        ("/usr/share/zoneinfo/Asia/Kolkata", "16:30 in Asia/Kolkata (your zone)"),
    ],
)  # fmt: skip
def test_tz_is_read_as_a_zone_a_path_or_a_posix_rule(here: Path, tz_value: str, shown: str) -> None:
    done = launch("when", "ev.toml", cwd=here, env={"TZ": tz_value})
    assert done.returncode == 0
    assert done.stderr == b""
    assert shown in done.stdout.decode()


@pytest.mark.parametrize(
    ("tz_value", "warning"),
    [
        (":/etc/passwd", "Warning: TZ=':/etc/passwd' is neither a time zone nor a POSIX TZ rule; "
                         "showing your time as UTC"),
        ("Europe/Lodnon", "Warning: TZ='Europe/Lodnon' is neither a time zone nor a POSIX TZ rule; "
                          "did you mean 'Europe/London'? showing your time as UTC"),
        ("garbage!", "Warning: TZ='garbage!' is neither a time zone nor a POSIX TZ rule; "
                     "showing your time as UTC"),
    ],
)  # fmt: skip
def test_a_tz_that_cannot_be_read_is_warned_about(here: Path, tz_value: str, warning: str) -> None:
    done = launch("when", "ev.toml", cwd=here, env={"TZ": tz_value})
    assert done.returncode == 0
    assert done.stderr.decode().splitlines() == [warning]
    assert "11:00 in UTC (your zone)" in done.stdout.decode()


def test_a_posix_rule_zone_changes_its_clocks_like_the_rule() -> None:
    rule = tz.posix_zone("EST5EDT,M3.2.0,M11.1.0")
    assert rule is not None
    new_york = tz.zone("America/New_York")
    for month in range(1, 13):
        moment = dt.datetime(2022, month, 15, 12, tzinfo=dt.UTC)
        assert moment.astimezone(rule).utcoffset() == moment.astimezone(new_york).utcoffset()


# --- 12. small inconsistencies -----------------------------------------------------------


def test_a_basic_date_means_time_to_be_announced_like_an_extended_one(here: Path) -> None:
    basic = invoke("ics", "--start", "20220704", "--zone", "UTC")[1]
    extended = invoke("ics", "--start", "2022-07-04", "--zone", "UTC")[1]
    assert "DTSTART;VALUE=DATE:20220704" in basic
    assert basic.replace("20220704", "X") == extended.replace("20220704", "X")


@pytest.mark.parametrize("title", ["", "   "])
def test_an_empty_title_is_refused_like_a_blank_one(here: Path, title: str) -> None:
    code, _, stderr = invoke(
        "ics", "--title", title, "--start", "2022-07-04 19:00", "--zone", "UTC"
    )
    assert code == 2
    assert one_error(stderr) == "Error: an event needs a title"


def test_html_dash_means_stdout(here: Path) -> None:
    code, stdout, _ = invoke("html", "ev.toml", "-o", "-")
    assert code == 0
    assert stdout.startswith('<div class="lcw')
    assert sorted(p.name for p in here.iterdir()) == ["ev.toml"]


def test_build_into_an_empty_name_is_refused(here: Path) -> None:
    code, _, stderr = invoke("build", "ev.toml", "-o", "")
    assert code == 2
    assert one_error(stderr) == "Error: a build needs a folder name, like site/"
    assert sorted(p.name for p in here.iterdir()) == ["ev.toml"]


def test_rewriting_a_file_keeps_its_mode(here: Path) -> None:
    target = here / "private.ics"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    assert invoke("ics", "ev.toml", "-o", "private.ics")[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_an_output_never_overwrites_your_own_templates(here: Path) -> None:
    (here / "tpl").mkdir()
    (here / "tpl" / "page.html").write_text("mine", encoding="utf-8")
    for args in (["html", "--page", "-o", "tpl/page.html"], ["build", "-o", "tpl"]):
        code, _, stderr = invoke(*args, "ev.toml", "--template-dir", "tpl")
        assert code == 2
        assert "input tpl/page.html" in one_error(stderr)
    assert (here / "tpl" / "page.html").read_text(encoding="utf-8") == "mine"


def test_a_symlinked_output_stays_a_link(here: Path) -> None:
    (here / "real.ics").write_text("old", encoding="utf-8")
    (here / "link.ics").symlink_to("real.ics")
    assert invoke("ics", "ev.toml", "-o", "link.ics")[0] == 0
    assert (here / "link.ics").is_symlink()
    assert (here / "real.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_folder_writer_error_leaves_no_staging_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="not a plain file name"):
        files.write_folder(tmp_path / "site", {"../escape.txt": b"x"})
    assert list(tmp_path.iterdir()) == []


# --- 13. VTIMEZONE for early dates ---------------------------------------------------------


@pytest.mark.parametrize("year", [1800, 1850, 1900, 1905, 1915])
def test_an_early_london_event_has_a_vtimezone_that_covers_it(year: int) -> None:
    import icalendar

    event = Event.at("Old", dt.datetime(year, 6, 1, 12), "Europe/London", id="old")
    parsed = icalendar.Calendar.from_ical(ics.to_ics(Calendar((event,))))
    (zone,) = parsed.walk("VTIMEZONE")
    onsets = []
    for observance in zone.subcomponents:
        starts = [observance["DTSTART"].dt]
        for rdate in (
            observance.get("RDATE", [])
            if isinstance(observance.get("RDATE"), list)
            else ([observance["RDATE"]] if "RDATE" in observance else [])
        ):
            starts.extend(period.dt for period in rdate.dts)
        onsets.extend((start, observance["TZOFFSETTO"].td) for start in starts)
    wall = dt.datetime(year, 6, 1, 12)
    # The observance in force at the event is the latest onset at or before it (RFC 5545
    # 3.6.5); it must exist (no parser should have to guess) and give tzdata's offset.
    in_force = max((onset for onset in onsets if onset[0] <= wall), default=None)
    assert in_force is not None
    assert in_force[1] == event.start.utcoffset()
