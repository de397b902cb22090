"""The command line as a user meets it: exact output, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from launchcal.cli import COMMANDS, cli
from tests.conftest import TZDATA_VERSION, imported_by, loaded

FLAGS = ["--start", "2022-07-04 19:00", "--zone", "China"]


def run(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_when_by_flags(runner: CliRunner) -> None:
    code, out, err = run(runner, "when", *FLAGS, "--title", "Xiaomi 12S series launch", "--in",
                         "Nairobi")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Xiaomi 12S series launch starts at 14:00 in Nairobi: Mon 4 Jul 2022, EAT (UTC+03:00), "
        "same day\n"
    )


def test_when_json_done_when(runner: CliRunner) -> None:
    code, out, _ = run(runner, "when", *FLAGS, "--in", "Nairobi", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["tzdata"] == TZDATA_VERSION
    (event,) = data["events"]
    assert event["start"] == "2022-07-04T19:00:00+08:00"
    assert event["zone"] == "Asia/Shanghai"
    assert event["times"] == [
        {
            "place": "Nairobi",
            "kind": "city",
            "country": "Kenya",
            "zone": "Africa/Nairobi",
            "local": "2022-07-04T14:00:00+03:00",
            "utc_offset": "+03:00",
            "abbreviation": "EAT",
            "day_shift": 0,
            "night": False,
        }
    ]


def test_when_example_defaults_to_audience_and_viewer(runner: CliRunner, example: Path) -> None:
    code, out, err = run(runner, "when", example)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Xiaomi 12S series launch starts at 14:00 in Nairobi: Mon 4 Jul 2022, EAT (UTC+03:00), "
        "same day",
        "Xiaomi 12S series launch starts at 12:00 in London, United Kingdom: Mon 4 Jul 2022, BST (UTC+01:00), "
        "same day",
        "Xiaomi 12S series launch starts at 07:00 in New York City: Mon 4 Jul 2022, EDT "
        "(UTC-04:00), same day",
        "Xiaomi 12S series launch starts at 16:30 in Kolkata: Mon 4 Jul 2022, IST (UTC+05:30), "
        "same day",
        "Xiaomi 12S series launch starts at 08:00 in São Paulo: Mon 4 Jul 2022, UTC-03:00, same day",
        "Xiaomi 12S series launch starts at 11:00 in UTC (your zone): Mon 4 Jul 2022, UTC, same day",
    ]


def test_when_viewer_zone_follows_tz(runner: CliRunner, example: Path, viewer_zone) -> None:  # type: ignore[no-untyped-def]
    viewer_zone("Pacific/Honolulu")
    code, out, _ = run(runner, "when", example)
    assert code == 0
    assert out.splitlines()[-1] == (
        "Xiaomi 12S series launch starts at 01:00 in Pacific/Honolulu (your zone): "
        "Mon 4 Jul 2022, HST (UTC-10:00), same day (night)"
    )


def test_when_day_shift_and_night(runner: CliRunner) -> None:
    code, out, _ = run(runner, "when", *FLAGS, "--in", "Pacific/Kiritimati", "--in",
                       "Asia/Kathmandu")  # fmt: skip
    assert code == 0
    assert out == (
        "The event starts at 01:00 in Pacific/Kiritimati: Tue 5 Jul 2022, UTC+14:00, next day "
        "(night)\n"
        "The event starts at 16:45 in Asia/Kathmandu: Mon 4 Jul 2022, UTC+05:45, same day\n"
    )


def test_when_table_and_markdown(runner: CliRunner) -> None:
    code, out, _ = run(runner, "when", *FLAGS, "--in", "Africa/Nairobi", "--in",
                       "Pacific/Kiritimati", "--format", "table")  # fmt: skip
    assert code == 0
    assert out == (
        "The event: Mon 4 Jul 2022 19:00 CST (UTC+08:00, Asia/Shanghai)\n"
        "\n"
        "Place               Time   Date            Zone       UTC offset  Day       Night\n"
        "Africa/Nairobi      14:00  Mon 4 Jul 2022  EAT        +03:00      same day\n"
        "Pacific/Kiritimati  01:00  Tue 5 Jul 2022  UTC+14:00  +14:00      next day  night\n"
    )
    code, out, _ = run(runner, "when", *FLAGS, "--in", "Africa/Nairobi", "--format", "markdown")
    assert code == 0
    assert out == (
        "**The event: Mon 4 Jul 2022 19:00 CST (UTC+08:00, Asia/Shanghai)**\n"
        "\n"
        "| Place | Time | Date | Zone | UTC offset | Day | Night |\n"
        "|---|---|---|---|---|---|---|\n"
        "| Africa/Nairobi | 14:00 | Mon 4 Jul 2022 | EAT | +03:00 | same day |  |\n"
    )


def test_when_multi_event_file_and_selection(runner: CliRunner) -> None:
    season = Path(__file__).parent.parent / "examples" / "launch-season.toml"
    code, out, _ = run(runner, "when", season, "--in", "UTC")
    assert code == 0
    assert out.split("\n\n") == [
        "Aurora keynote starts at 17:00 in UTC: Wed 9 Sep 2026, UTC, same day",
        "Berlin hardware night starts at 00:30 in UTC: Sun 25 Oct 2026, UTC, same day (night)",
        "Winter showcase (postponed) is on Tue 15 Dec 2026 (Asia/Tokyo); the time is not announced "
        "yet\n",
    ]
    code, out, _ = run(runner, "when", season, "--event", "aurora-keynote", "--in", "Tokyo")
    assert code == 0
    assert out == (
        "Aurora keynote starts at 02:00 in Tokyo: Thu 10 Sep 2026, JST (UTC+09:00), next day "
        "(night)\n"
    )


def test_check_done_when(runner: CliRunner, example: Path) -> None:
    code, out, err = run(runner, "check", example, "--claim", "around 3am in Nairobi")
    assert (code, out, err) == (
        1,
        "wrong: it starts at 14:00 in Nairobi, same day, not 03:00\n",
        "",
    )
    code, out, _ = run(runner, "check", example, "--claim", "2pm in Nairobi")
    assert (code, out) == (0, "right: it starts at 14:00 in Nairobi, same day\n")


def test_check_json(runner: CliRunner, example: Path) -> None:
    code, out, _ = run(runner, "check", example, "--claim", "around 3am in Nairobi", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["right"] is False
    assert data["claimed"] == "03:00"
    assert data["local"] == "2022-07-04T14:00:00+03:00"


def test_places_lists_candidates(runner: CliRunner) -> None:
    code, out, _ = run(runner, "places", "Nairobi")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Name", "Region", "Country", "Zone", "Population", "Kind"]
    assert "Africa/Nairobi" in lines[1]


def test_version_names_tz_database(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--version")
    assert code == 0
    assert out.startswith(f"launchcal 0.1.0, tzdata {TZDATA_VERSION} (")


def test_every_command_has_help(runner: CliRunner) -> None:
    assert isinstance(cli, click.Group)
    names = cli.list_commands(click.Context(cli))
    assert names == [
        "when", "check", "countdown", "ics", "links", "html", "build", "places", "publish", "share",
        "lint",
    ]  # fmt: skip
    for name in names:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None
        assert command.name == name
        assert command.help, f"{name} has no help text"
        assert command.short_help == COMMANDS[name][1]
        code, out, _ = run(runner, name, "--help")
        assert code == 0
        assert out.startswith(f"Usage: cli {name}") or out.startswith(f"Usage: launchcal {name}")


def test_top_level_help_loads_no_command_and_no_heavy_library() -> None:
    modules = imported_by("--help")
    heavy = ("launchcal.commands", "launchcal.places", "jinja2", "babel", "icalendar", "pendulum",
             "tzlocal", "sqlite3", "zoneinfo")  # fmt: skip
    assert loaded(modules, *heavy) == []
    assert "click" in modules


BAD = [
    (
        ["when", "--start", "2022-07-04 19:00", "--zone", "Nairobbi"],
        "Error: Invalid value for '--zone': unknown place 'Nairobbi'; did you mean 'Nairobi'?",
    ),
    (
        ["when", "--start", "4 July 19:00", "--zone", "China"],
        "Error: Invalid value for '--start': cannot read the time '4 July 19:00'; write it as "
        "'YYYY-MM-DD HH:MM' (24-hour clock, the event's own local time)",
    ),
    (
        ["when", "--start", "2026-03-08 02:30", "--zone", "America/New_York"],
        "Error: 2026-03-08 02:30 in America/New_York does not exist: the clocks go forward from "
        "EST to EDT over it; use --fold earlier for 2026-03-08 01:30 EST (= 2026-03-08 06:30 UTC) "
        "or --fold later for 2026-03-08 03:30 EDT (= 2026-03-08 07:30 UTC)",
    ),
    (
        ["when", "--start", "2026-11-01 01:30", "--zone", "America/New_York"],
        "Error: 2026-11-01 01:30 in America/New_York happens twice as the clocks go back; use "
        "--fold earlier for 2026-11-01 01:30 EDT (= 2026-11-01 05:30 UTC) or --fold later for "
        "2026-11-01 01:30 EST (= 2026-11-01 06:30 UTC)",
    ),
    (
        ["when"],
        "Error: give an event file, or --start and --zone (e.g. --start '2022-07-04 19:00' "
        "--zone China) (see 'launchcal when --help')",
    ),
    (
        ["when", "missing.toml"],
        "Error: missing.toml: no such event file",
    ),
    (
        ["when", *FLAGS, "--duration", "soon"],
        "Error: Invalid value for '--duration': cannot read the duration 'soon'; write it like "
        "'2h', '1h30m', '90m' or 'PT2H'",
    ),
    (
        ["when", *FLAGS, "--fold", "middle"],
        "Error: Invalid value for '--fold': 'middle' is not one of 'earlier', 'later'.",
    ),
    (
        ["when", *FLAGS, "--bogus"],
        "Error: No such option '--bogus' (see 'launchcal when --help')",
    ),
    (
        ["whn"],
        "Error: No such command 'whn'. Did you mean 'when'? (see 'launchcal --help')",
    ),
    (
        ["check", *FLAGS, "--claim", "3 in Nairobi"],
        "Error: '3' in '3 in Nairobi' could be morning or evening; write it as '3am', '3pm' or a "
        "24-hour time like '15:00'",
    ),
    (
        ["places", "Nairobbi"],
        "Error: unknown place 'Nairobbi'; did you mean 'Nairobi'?",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_one_error_line(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(cli, args, prog_name="launchcal")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message + "\n"


def test_ambiguous_place_lists_candidates(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["when", *FLAGS, "--in", "Springfield"], prog_name="launchcal")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: Invalid value for '--in': 'Springfield' is ambiguous: ")
    assert "America/Chicago" in result.stderr
    assert "America/New_York" in result.stderr


def test_file_and_flags_conflict(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(cli, ["when", str(example), "--zone", "UTC"], prog_name="launchcal")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: give an event file or --zone, not both (to change the file's event, edit the "
        "file) (see 'launchcal when --help')\n"
    )


def test_python_dash_m_and_no_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "launchcal", "when", "--start", "2022-07-04 19:00", "--zone",
         "Asia/Shanghai", "--in", "Mars/Olympus"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("Error: Invalid value for '--in': unknown place 'Mars/Olympus'")
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_shell_completion_offers_place_names() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "launchcal"],
        env={
            "_LAUNCHCAL_COMPLETE": "bash_complete",
            "COMP_WORDS": "launchcal when --in Nairob",
            "COMP_CWORD": "3",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "plain,Nairobi" in done.stdout.splitlines()


def test_when_in_all_is_a_world_clock(runner: CliRunner, example: Path) -> None:
    code, out, _ = run(runner, "when", example, "--in", "all")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Xiaomi 12S series launch: Mon 4 Jul 2022 19:00 CST (UTC+08:00, Asia/Shanghai), on 419 "
        "clocks in 36 offsets"
    )
    assert lines[2].split() == ["UTC", "offset", "Time", "Date", "Day", "Night", "Zones"]
    assert lines[3].split() == ["-11:00", "00:00", "Mon", "4", "Jul", "2022", "same", "day",
                                "night", "Pago", "Pago,", "Niue,", "Midway"]  # fmt: skip
    assert "Kolkata, Colombo" in next(line for line in lines if line.startswith("+05:30"))
    assert lines[-1].split()[:7] == ["+14:00", "01:00", "Tue", "5", "Jul", "2022", "next"]
    assert len(lines) == 3 + 36


def test_when_in_all_json_lists_every_zone(runner: CliRunner, example: Path) -> None:
    code, out, _ = run(runner, "when", example, "--in", "ALL", "--json")
    assert code == 0
    times = json.loads(out)["events"][0]["times"]
    assert len(times) == 419
    kiritimati = next(t for t in times if t["zone"] == "Pacific/Kiritimati")
    assert kiritimati["local"] == "2022-07-05T01:00:00+14:00"


@pytest.mark.parametrize(
    ("args", "code", "first_line"),
    [
        (["when", "examples/xiaomi-12s.toml", "--in", "all"], 0, "Xiaomi 12S series launch: "),
        (["check", "examples/xiaomi-12s.toml", "--claim", "3am in Nairobi"], 1, "wrong: "),
        (["--version"], 0, "launchcal 0.1.0, tzdata "),
    ],
)
def test_entry_point_flushes_everything_and_keeps_the_exit_status(
    tmp_path: Path, args: list[str], code: int, first_line: str
) -> None:
    """main() leaves with os._exit: the output must still be complete, the status kept."""
    out = tmp_path / "out.txt"
    with out.open("w") as stream:
        done = subprocess.run(
            [sys.executable, "-m", "launchcal", *args],
            stdout=stream, cwd=Path(__file__).parent.parent, check=False,
        )  # fmt: skip
    assert done.returncode == code
    text = out.read_text()
    assert text.startswith(first_line)
    assert text.endswith("\n")
    if "all" in args:
        assert len(text.splitlines()) == 3 + 36


@pytest.mark.parametrize(
    ("args", "start", "must_name"),
    [
        (["--zone", "USA"], "Error: Invalid value for '--zone': 'USA' is ambiguous: ",
         ["America/New_York", "America/Chicago", "America/Los_Angeles"]),
        (["--zone", "CST"], "Error: Invalid value for '--zone': 'CST' is ambiguous: ",
         ["China (Asia/Shanghai)", "United States (America/Chicago)"]),
        (["--zone", "Brazil"], "Error: Invalid value for '--zone': 'Brazil' is ambiguous: ",
         ["America/Sao_Paulo"]),
        (["--zone", "Russia"], "Error: Invalid value for '--zone': 'Russia' is ambiguous: ",
         ["Europe/Moscow"]),
    ],
)  # fmt: skip
def test_ambiguous_zones_list_candidates(
    runner: CliRunner, args: list[str], start: str, must_name: list[str]
) -> None:
    result = runner.invoke(
        cli, ["when", "--start", "2022-07-04 19:00", *args], prog_name="launchcal"
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(start)
    assert result.stderr.count("\n") == 1
    for name in must_name:
        assert name in result.stderr


def test_event_file_error_is_one_line_exit_2(runner: CliRunner) -> None:
    bad = Path(__file__).parent / "data" / "bad-zone.toml"
    result = runner.invoke(cli, ["when", str(bad)], prog_name="launchcal")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {bad}, event 'launch', field 'zone', line 3: unknown place 'Chnia'; did you mean "
        "'China', 'Chía' or 'Chaniá'?\n"
    )


def test_check_needs_one_event(runner: CliRunner) -> None:
    season = Path(__file__).parent.parent / "examples" / "launch-season.toml"
    result = runner.invoke(cli, ["check", str(season), "--claim", "3am in Tokyo"],
                           prog_name="launchcal")  # fmt: skip
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: the claim is for one event; pick it with --event (aurora-keynote, "
        "berlin-hardware-night, tba-showcase) (see 'launchcal check --help')\n"
    )
