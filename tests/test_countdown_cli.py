"""``launchcal countdown`` and ``launchcal when --locale`` as a user meets them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner
from freezegun import freeze_time

from launchcal.cli import cli
from tests.conftest import DATA, ROOT, imported_by, loaded

XIAOMI = ROOT / "examples" / "xiaomi-12s.toml"
SEASON = DATA / "season-iana.toml"
DONE_WHEN_NOW = "2022-07-01T14:48:00+08:00"


def run(runner: CliRunner, *args: str | Path, env: dict[str, str] | None = None) -> tuple[
    int, str, str
]:  # fmt: skip
    result = runner.invoke(cli, [str(a) for a in args], env=env)
    return result.exit_code, result.stdout, result.stderr


# --- Done when: the example at a fixed now, in en, sw and zh ----------------------------------


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        (
            "en",
            "Xiaomi 12S series launch starts in 3 days, 4 hours and 12 minutes "
            "(Mon 4 Jul 2022, 14:00 in Africa/Nairobi)",
        ),
        (
            "sw",
            "Tukio «Xiaomi 12S series launch» litaanza baada ya siku 3, saa 4 na dakika 12 "
            "(Jumatatu, 4 Jul 2022, saa 14:00, Nairobi)",
        ),
        (
            "zh",
            "Xiaomi 12S series launch将于3天4小时12分钟后开始（内罗毕时间2022年7月4日周一 14:00）",
        ),
    ],
)
def test_done_when_json(
    runner: CliRunner, viewer_zone: Callable[[str], None], locale: str, text: str
) -> None:
    viewer_zone("Africa/Nairobi")
    code, out, err = run(
        runner, "countdown", XIAOMI, "--json", "--now", DONE_WHEN_NOW, "--locale", locale
    )
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "now": "2022-07-01T06:48:00Z",
        "locale": locale,
        "events": [
            {
                "id": "xiaomi-12s-launch",
                "title": "Xiaomi 12S series launch",
                "state": "upcoming",
                "seconds": 274320,
                "text": text,
                "start": "2022-07-04T19:00:00+08:00",
                "end": "2022-07-04T21:00:00+08:00",
                "note": None,
            }
        ],
    }


def test_text_output_and_locale_from_environment(
    runner: CliRunner, viewer_zone: Callable[[str], None]
) -> None:
    viewer_zone("Africa/Nairobi")
    code, out, err = run(runner, "countdown", XIAOMI, "--now", DONE_WHEN_NOW,
                         env={"LANG": "sw_KE.UTF-8"})  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Tukio «Xiaomi 12S series launch» litaanza baada ya siku 3, saa 4 na dakika 12 "
        "(Jumatatu, 4 Jul 2022, saa 14:00, Nairobi)\n"
    )
    code, out, _ = run(runner, "countdown", XIAOMI, "--now", DONE_WHEN_NOW, "--locale", "C",
                       env={"LANG": "sw_KE.UTF-8"})  # fmt: skip
    assert out.startswith("Xiaomi 12S series launch starts in 3 days")


def test_flags_and_precision(runner: CliRunner) -> None:
    code, out, err = run(
        runner, "countdown", "--title", "Launch", "--start", "2022-07-04 19:00", "--zone",
        "Asia/Shanghai", "--now", "2022-07-04 10:58:30", "--precision", "4",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Launch starts in 1 minute and 30 seconds (Mon 4 Jul 2022, 11:00 in UTC)\n"


@freeze_time("2026-10-25T03:00:00Z")
def test_next_event_and_all(runner: CliRunner) -> None:
    # Berlin hardware day (02:30 CEST = 00:30Z, 8 hours) is live at 03:00Z, the clock's "now".
    code, out, err = run(runner, "countdown", SEASON)
    assert (code, err) == (0, "")
    assert out == (
        "Berlin hardware day is live now, started 2 hours and 30 minutes ago, ends in 5 hours "
        "and 30 minutes\n"
    )
    code, out, _ = run(runner, "countdown", SEASON, "--all", "--precision", "1")
    assert out.splitlines() == [
        "Aurora keynote ended 45 days ago",
        "Berlin hardware day is live now, started 2 hours ago, ends in 5 hours",
        "Winter showcase starts in 51 days (Tue 15 Dec 2026, 09:00 in UTC)",
    ]


def test_clock_change_note(runner: CliRunner, viewer_zone: Callable[[str], None]) -> None:
    viewer_zone("Europe/London")
    code, out, err = run(
        runner, "countdown", "--title", "Spring launch", "--start", "2026-03-29 10:00", "--zone",
        "Europe/London", "--now", "2026-03-28 10:00",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Spring launch starts in 23 hours (Sun 29 Mar 2026, 10:00 in Europe/London)\n"
        "Note: clocks in Europe/London go forward 1 hour on Sun 29 Mar 2026 (GMT to BST), "
        "before the launch.\n"
    )


BAD = [
    (
        ["--locale", "frr_XX"],
        "Error: Invalid value for '--locale': unknown locale 'frr_XX'; did you mean 'frr'?",
    ),
    (
        ["--locale", "swahili"],
        "Error: Invalid value for '--locale': unknown locale 'swahili'; did you mean 'sw'?",
    ),
    (
        ["--now", "next tuesday-ish"],
        "Error: Invalid value for '--now': cannot read 'next tuesday-ish' as a date and time; "
        "write it like '2022-07-01 14:48' or '2022-07-01T14:48:00+08:00'",
    ),
    (
        ["--now", "03/04/2022 10:00"],
        "Error: Invalid value for '--now': '03/04/2022 10:00' could mean either order of day and "
        "month; write it like '2022-07-01 14:48' or '2022-07-01T14:48:00+08:00'",
    ),
    (
        ["--precision", "0"],
        "Error: Invalid value for '--precision': 0 is not in the range 1<=x<=4.",
    ),
    (
        ["--watch", "--json"],
        "Error: --watch follows one event; leave out --json and --all "
        "(see 'launchcal countdown --help')",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD)
def test_bad_input(args: list[str], message: str) -> None:
    # Through the real entry point, as a user runs it: one line on stderr, exit 2.
    result = subprocess.run(
        [sys.executable, "-m", "launchcal", "countdown", str(XIAOMI), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message + "\n")


def test_when_locale_on_bad_value(runner: CliRunner) -> None:
    code, out, err = run(runner, "when", XIAOMI, "--locale", "xx")
    assert (code, out) == (2, "")
    assert err.startswith("Error: Invalid value for '--locale': unknown locale 'xx'")


# --- launchcal when --locale -----------------------------------------------------------------


def test_when_english_is_unchanged_by_locale(runner: CliRunner) -> None:
    _, default, _ = run(runner, "when", XIAOMI)
    for locale in ("en", "en_GB", "en_US.UTF-8", "C"):
        _, out, _ = run(runner, "when", XIAOMI, "--locale", locale)
        assert out == default
    assert default.splitlines()[0] == (
        "Xiaomi 12S series launch starts at 14:00 in Nairobi: Mon 4 Jul 2022, EAT "
        "(UTC+03:00), same day"
    )


def test_when_in_french(runner: CliRunner) -> None:
    code, out, err = run(runner, "when", XIAOMI, "--locale", "fr", "--in", "Asia/Kolkata",
                         "--in", "Pacific/Kiritimati")  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Xiaomi 12S series launch commence à 16:30 à Calcutta : lun. 4 juil. 2022, heure de "
        "l’Inde (UTC+05:30), le même jour",
        "Xiaomi 12S series launch commence à 01:00 à Kiritimati : mar. 5 juil. 2022, heure des "
        "îles de la Ligne (UTC+14:00), le lendemain (de nuit)",
    ]


def test_when_table_in_chinese_lines_up(runner: CliRunner) -> None:
    code, out, _ = run(runner, "when", XIAOMI, "--locale", "zh", "--format", "table", "--in",
                       "Asia/Kolkata", "--in", "Europe/Kyiv")  # fmt: skip
    assert code == 0
    assert out.splitlines() == [
        "Xiaomi 12S series launch: 2022年7月4日周一 中国标准时间 19:00 (GMT+08:00, Asia/Shanghai)",
        "",
        "地点      时间   日期              时区          UTC偏移    相对日期  夜间",
        "加尔各答  16:30  2022年7月4日周一  印度时间      GMT+05:30  当天",
        "基辅      14:00  2022年7月4日周一  东欧夏令时间  GMT+03:00  当天",
    ]


@freeze_time("2026-03-20T12:00:00Z")
def test_when_clock_change_note(runner: CliRunner, viewer_zone: Callable[[str], None]) -> None:
    viewer_zone("Europe/London")
    code, out, _ = run(runner, "when", "--start", "2026-04-02 19:00", "--zone", "Asia/Shanghai")
    assert code == 0
    assert out == (
        "The event starts at 12:00 in Europe/London (your zone): Thu 2 Apr 2026, BST (UTC+01:00), "
        "same day\n"
        "Note: clocks in Europe/London go forward 1 hour on Sun 29 Mar 2026 (GMT to BST), "
        "before the launch.\n"
    )


def test_english_when_does_not_load_babel_or_pendulum() -> None:
    modules = imported_by("when", str(XIAOMI), env={**os.environ, "LANG": "en_US.UTF-8"})
    assert loaded(modules, "babel", "pendulum") == []


# --- --watch in a real pseudo-terminal -----------------------------------------------------

WATCH = [
    "-m", "launchcal", "countdown", "--title", "Launch", "--start", "2022-07-04 19:00",
    "--zone", "Asia/Shanghai", "--watch",
]  # fmt: skip


def spawn(*args: str, env: dict[str, str] | None = None) -> pexpect.spawn:
    return pexpect.spawn(
        sys.executable,
        [*WATCH, *args],
        cwd=str(ROOT),
        env={**os.environ, **(env or {})},
        encoding="utf-8",
        timeout=10,
        dimensions=(24, 200),
    )


def test_watch_updates_in_place_and_ctrl_c_exits_130() -> None:
    # 1 h 0 min 10 s before the start, with seconds shown: every tick is a new line of text.
    child = spawn("--now", "2022-07-04 09:59:50", "--precision", "4", env={"NO_COLOR": "1"})
    child.expect_exact("\x1b[?25l")  # cursor hidden
    child.expect_exact("\r\x1b[2KLaunch starts in 1 hour and 10 seconds (Mon 4 Jul 2022")
    child.expect_exact("\r\x1b[2KLaunch starts in 1 hour and 9 seconds (Mon 4 Jul 2022")
    child.expect_exact("\r\x1b[2KLaunch starts in 1 hour and 8 seconds (Mon 4 Jul 2022")
    seen = child.before + child.after
    child.sendintr()  # Ctrl-C
    child.expect_exact("\x1b[?25h")  # cursor restored
    child.expect(pexpect.EOF)
    child.close()
    # 130, as a shell reports Ctrl-C: `launchcal countdown --watch && ./go-live.sh` stops.
    assert child.exitstatus == 130
    assert "\n" not in seen  # one line, redrawn in place
    assert "\x1b[1m" not in seen  # NO_COLOR


def test_watch_stops_when_live_and_says_so() -> None:
    child = spawn("--now", "2022-07-04 10:59:58")
    child.expect_exact("\x1b[1mLaunch starts in less than a minute (Mon 4 Jul 2022, 11:00 in UTC)")
    child.expect_exact("\x1b[1;32mLaunch started less than a minute ago\x1b[0m\x1b[?25h")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_watch_without_a_terminal_prints_lines() -> None:
    result = subprocess.run(
        [sys.executable, *WATCH, "--now", "2022-07-04 10:59:59.5"],
        capture_output=True, text=True, check=False, cwd=str(ROOT),
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Launch starts in less than a minute (Mon 4 Jul 2022, 11:00 in UTC)\n"
        "Launch started less than a minute ago\n"
    )
