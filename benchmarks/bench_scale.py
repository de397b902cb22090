"""launchcal at every size: 10 to 100,000 events, whole processes, time and peak memory.

For each size an event file is generated (``[calendar]`` plus ``[[event]]`` tables, as in
``examples/launch-season.toml``): 75 zones written as cities, countries and IANA names, starts
from 2020 through 2035 on each zone's wall clock, durations, reminders, descriptions (some long
enough to fold, some not ASCII), venues, organizers, audiences of 2-5 cities, a few cancelled,
postponed or time-to-be-announced events. Then each command runs as a fresh process, as a user
runs it, in a venv of launchcal's runtime dependencies plus ics-py (``.venv-bench-scale``, made
from ``uv.lock`` with the ``bench`` extra on first use):

- ``launchcal ics FILE -o OUT.ics`` (TZIDs and VTIMEZONEs, the drift check against the
  system's tz database included), beside two peers reading the same file (``scale_peers.py``
  says exactly what each does): ics-py (tomllib, zoneinfo, ``ics.Event`` per event, UTC only,
  no VTIMEZONE) and the straightforward icalendar way (launchcal's reader, then icalendar's
  documented ``Event.new`` / ``add_missing_timezones`` / ``to_ical``);
  launchcal's VTIMEZONEs come from its cache folder once a run has made them (the untimed
  warm-up run does), as on a user's machine after the first run with a tz database;
- ``launchcal when FILE --json``, ``launchcal links FILE --json`` (output discarded) and
  ``launchcal build FILE -o DIR``.

Each figure is the median of its runs over ``--repeat`` turns, each turn running every size,
so that a busy moment on a shared machine hits the commands and sizes alike and does not bend
one decade's growth exponent (one run that timed each size's turns back to back read
``build`` 1k -> 10k as 1.08, a rerun minutes later 0.83). Within a turn the sizes go up and
then back down, so each size is timed just before and just after the next larger one, and a
decade's exponent is the median over the turns of that turn's growth (the larger size against
the mean of the smaller one's two runs around it): the machine's speed drifts within the
seconds a 100,000-event run takes, and one run whose 10,000-event ``when`` fell in a fast spell
read 10k -> 100k as 1.07 though the same two sizes read 0.97 timed back to back minutes later.
Above 10,000 events the peers and ``build`` run once a run (they take half a minute to minutes
there), launchcal's other commands in every turn: one 100,000-event ``ics`` read anywhere from
7.7 to 12.4 CPU seconds within an hour on a shared machine, so a single run says little
about the 10 s target. Both clocks are shown: wall seconds, and CPU seconds (user + system,
from ``os.wait4``), which is what the ratios, the growth exponents and the targets use,
because on a shared machine the wall clock also counts the time a process waits for a core
(alone on a machine the two agree to a few per cent).
Peak memory is the process's maximum resident set. The growth exponent of a decade is
``log10(t(10n) / t(n))`` (per turn, as above): 1.0 is linear; start-up makes the small sizes'
lower.

    python benchmarks/bench_scale.py [--sizes 10,100,1000,10000,100000] [--commands ics,when]
                                     [--build-max 10000] [--repeat 3] [--markdown] [--venv DIR]

``build`` writes four files an event (page, widget, overlay, .ics): at 100,000 events it runs
for minutes (about 7 on a shared 2-core machine), so by default it stops at ``--build-max``
10,000 and the table says so in a row of its own; ``--build-max 100000`` measures it too.

Targets (issue 17): ``ics`` at 10,000 events <= 1.0x ics-py, at 100,000 under 10 s; every peak
under 300 MB at 100,000; growth exponents <= 1.05 from 1,000 to 100,000. Exit status 1 when a
figure measured in the run misses its target.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from bench_venv import ROOT, pip_venv

PEERS = Path(__file__).resolve().with_name("scale_peers.py")
SIZES = (10, 100, 1_000, 10_000, 100_000)
COMMANDS = ("ics", "when", "links", "build")
ONCE_ABOVE = 10_000
#: What runs once above ONCE_ABOVE (see the module's docstring).
ONCE = frozenset({"ics-py", "plain icalendar", "build"})
BUILD_MAX = 10_000
TARGET_ICSPY = 1.0
TARGET_SECONDS_100K = 10.0
TARGET_PEAK_MB = 300.0
TARGET_EXPONENT = 1.05

# (what the file says, the zone it means). 75 zones; a quarter written as a place.
ZONES = (
    ("America/New_York", "America/New_York"), ("Los Angeles", "America/Los_Angeles"),
    ("America/Chicago", "America/Chicago"), ("America/Denver", "America/Denver"),
    ("America/Phoenix", "America/Phoenix"), ("Anchorage", "America/Anchorage"),
    ("Pacific/Honolulu", "Pacific/Honolulu"), ("Toronto", "America/Toronto"),
    ("America/Vancouver", "America/Vancouver"), ("America/Mexico_City", "America/Mexico_City"),
    ("Bogota", "America/Bogota"), ("America/Lima", "America/Lima"),
    ("America/Santiago", "America/Santiago"), ("Sao Paulo", "America/Sao_Paulo"),
    ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
    ("America/Caracas", "America/Caracas"), ("America/Havana", "America/Havana"),
    ("America/Halifax", "America/Halifax"), ("America/St_Johns", "America/St_Johns"),
    ("Atlantic/Reykjavik", "Atlantic/Reykjavik"), ("London", "Europe/London"),
    ("Europe/Dublin", "Europe/Dublin"), ("Europe/Lisbon", "Europe/Lisbon"),
    ("Madrid", "Europe/Madrid"), ("Europe/Paris", "Europe/Paris"), ("Berlin", "Europe/Berlin"),
    ("Europe/Rome", "Europe/Rome"), ("Europe/Amsterdam", "Europe/Amsterdam"),
    ("Zurich", "Europe/Zurich"), ("Europe/Stockholm", "Europe/Stockholm"),
    ("Europe/Warsaw", "Europe/Warsaw"), ("Europe/Prague", "Europe/Prague"),
    ("Athens, Greece", "Europe/Athens"), ("Europe/Helsinki", "Europe/Helsinki"),
    ("Europe/Kyiv", "Europe/Kyiv"), ("Istanbul", "Europe/Istanbul"),
    ("Europe/Moscow", "Europe/Moscow"), ("Africa/Cairo", "Africa/Cairo"),
    ("Nairobi", "Africa/Nairobi"), ("Africa/Lagos", "Africa/Lagos"),
    ("Johannesburg", "Africa/Johannesburg"), ("Africa/Casablanca", "Africa/Casablanca"),
    ("Africa/Accra", "Africa/Accra"), ("Asia/Jerusalem", "Asia/Jerusalem"),
    ("Asia/Beirut", "Asia/Beirut"), ("Asia/Tehran", "Asia/Tehran"), ("Dubai", "Asia/Dubai"),
    ("Asia/Karachi", "Asia/Karachi"), ("Kolkata", "Asia/Kolkata"),
    ("Asia/Kathmandu", "Asia/Kathmandu"), ("Asia/Dhaka", "Asia/Dhaka"),
    ("Asia/Yangon", "Asia/Yangon"), ("Bangkok", "Asia/Bangkok"),
    ("Asia/Jakarta", "Asia/Jakarta"), ("Singapore", "Asia/Singapore"),
    ("Asia/Manila", "Asia/Manila"), ("China", "Asia/Shanghai"),
    ("Asia/Hong_Kong", "Asia/Hong_Kong"), ("Asia/Taipei", "Asia/Taipei"),
    ("Seoul", "Asia/Seoul"), ("Asia/Tokyo", "Asia/Tokyo"), ("Australia/Perth", "Australia/Perth"),
    ("Australia/Adelaide", "Australia/Adelaide"), ("Sydney", "Australia/Sydney"),
    ("Australia/Brisbane", "Australia/Brisbane"), ("Australia/Lord_Howe", "Australia/Lord_Howe"),
    ("Auckland", "Pacific/Auckland"), ("Pacific/Chatham", "Pacific/Chatham"),
    ("Pacific/Fiji", "Pacific/Fiji"), ("Pacific/Tongatapu", "Pacific/Tongatapu"),
    ("Pacific/Kiritimati", "Pacific/Kiritimati"), ("Asia/Almaty", "Asia/Almaty"),
    ("Asia/Tashkent", "Asia/Tashkent"), ("Atlantic/Azores", "Atlantic/Azores"),
    ("UTC", "UTC"),
)  # fmt: skip
AUDIENCE = (
    "Nairobi", "London", "New York", "Kolkata", "Sao Paulo", "Tokyo", "Bangalore", "Berlin",
    "Paris, FR", "Springfield, IL", "Lagos", "Mexico City", "Jakarta", "Sydney", "Toronto",
    "Zurich", "Seoul", "Cairo",
)  # fmt: skip
PRODUCTS = ("phone", "watch", "tablet", "laptop", "headset", "camera", "car", "speaker")
BRANDS = ("Aurora", "Nimbus", "Quasar", "Xiaomi", "Zephyr", "Helios", "Kōbō", "Škoda Labs")
VENUES = (
    '"online"',
    '"Moscone Center, San Francisco"',
    '"上海世博中心"',
    '{ name = "Kraftwerk Berlin", address = "Köpenicker Str. 70, 10179 Berlin" }',
    '{ online = true, url = "https://example.com/live", name = "Online livestream" }',
    '"Estadio Azteca, Ciudad de México"',
)
ORGANIZERS = (
    '{ name = "Hardware Day e.V.", email = "hello@example.org" }',
    '{ name = "Xiaomi", url = "https://www.mi.com/" }',
    '"Nimbus Inc."',
)
REMINDERS = ("", '["1h"]', '["1d", "15m"]', '["15m"]', '["2d", "1h", "10m"]')
DURATIONS = ("30m", "1h", "1h30m", "2h", "45m", "3h", "8h")


def write_file(count: int, folder: Path) -> None:
    """``events.toml`` of ``count`` events and ``zones.json`` (event id -> zone) in ``folder``."""
    text, zones = event_file(count)
    (folder / "events.toml").write_text(text, encoding="utf-8")
    (folder / "zones.json").write_text(json.dumps(zones), encoding="utf-8")


def event_file(count: int) -> tuple[str, dict[str, str]]:
    """The TOML text of ``count`` events, and the zone each ``zone`` string names."""
    lines = [
        "[calendar]",
        f'name = "Launch season: {count} launches"',
        'description = "Keynotes and livestreams we are following."',
        'refresh = "6h"',
        "",
    ]
    first = dt_ordinal(2020)
    days = dt_ordinal(2036) - first
    for number in range(count):
        place, _ = ZONES[number * 7 % len(ZONES)]
        day = first + number * 9973 % days  # spread over 2020-2035 in no order
        year, month, mday = ymd(day)
        hour, minute = 9 + number * 5 % 12, 15 * (number % 4)
        brand, product = BRANDS[number % len(BRANDS)], PRODUCTS[number * 3 % len(PRODUCTS)]
        title = f"{brand} {product} {number % 41 + 1} launch"
        lines += ["[[event]]", f'id = "launch-{number}"', f'title = "{title}"']
        if number % 200 == 199:  # the day is announced, not the time
            lines.append(f"start = {year:04}-{month:02}-{mday:02}")
        else:
            lines.append(f"start = {year:04}-{month:02}-{mday:02}T{hour:02}:{minute:02}:00")
            lines.append(f'duration = "{DURATIONS[number % len(DURATIONS)]}"')
        lines.append(f'zone = "{place}"')
        lines.append(f'url = "https://example.com/{number % len(BRANDS)}/launch-{number}"')
        lines.append(f"location = {VENUES[number % len(VENUES)]}")
        if number % 3 == 0:
            lines.append(f"organizer = {ORGANIZERS[number % len(ORGANIZERS)]}")
        if number % 5:
            lines.append(f'description = """\n{description(number, title, place)}"""')
        size = 2 + number % 4
        audience = ", ".join(f'"{AUDIENCE[(number + k * 5) % len(AUDIENCE)]}"' for k in range(size))
        lines.append(f"audience = [{audience}]")
        reminders = REMINDERS[number % len(REMINDERS)]
        if reminders:
            lines.append(f"reminders = {reminders}")
        if number % 50 == 0:
            lines.append('status = "cancelled"')
        elif number % 200 == 199:
            lines.append('status = "postponed"')
        lines.append("")
    return "\n".join(lines), dict(ZONES)


def description(number: int, title: str, place: str) -> str:
    """One to three paragraphs; every fourth is long enough to fold, some are not ASCII."""
    text = f"{title}, live from {place}. New {PRODUCTS[number % len(PRODUCTS)]}s and a surprise."
    if number % 4 == 1:
        text += (
            "\nDoors open 30 minutes before the keynote; the livestream starts 10 minutes "
            "early with a countdown, and the replay stays online for a week afterwards."
        )
    if number % 6 == 2:
        text += "\nÜbertragung auf Deutsch, 日本語の同時通訳あり, en español también."
    return text


def dt_ordinal(year: int) -> int:
    import datetime as dt

    return dt.date(year, 1, 1).toordinal()


def ymd(ordinal: int) -> tuple[int, int, int]:
    import datetime as dt

    day = dt.date.fromordinal(ordinal)
    return day.year, day.month, day.day


def bench_venv(folder: Path) -> Path:
    """launchcal (editable) with its runtime dependencies and the ``bench`` extra, from uv.lock."""
    python = folder / "bin" / "python"
    where = [Path(sys.executable).parent, ROOT / ".venv" / "bin", os.environ["PATH"]]
    uv = shutil.which("uv", path=os.pathsep.join(map(str, where)))
    if uv:
        # Synced on every run (a no-op when current): a venv made before the lock last
        # changed would time other dependencies than launchcal's (tomllib for toml-rs).
        env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(folder)}
        command = [uv, "sync", "-q", "--locked", "--extra", "bench"]
        subprocess.run(command, check=True, cwd=ROOT, env=env)
        return python
    # No uv: the newest releases instead of the lock's.
    return pip_venv(folder, f"{ROOT}[bench]", "launchcal's runtime dependencies and ics-py")


class Figure(NamedTuple):
    """One whole process: seconds on the clock, seconds on a core (user + system), peak MB."""

    wall: float
    cpu: float
    peak: float


def run(command: list[str], env: dict[str, str]) -> Figure:
    """Wall and CPU seconds and peak resident MB of one whole process (output discarded)."""
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        tail = errors.decode(errors="replace").strip().splitlines()[-1:]
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}: {tail}")
    # ru_maxrss is in KiB on Linux
    return Figure(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def sides(python: Path, folder: Path, wanted: tuple[str, ...]) -> dict[str, list[str]]:
    """Label -> command line, for the files in ``folder``."""
    launchcal = str(python.with_name("launchcal"))
    events, zones = str(folder / "events.toml"), str(folder / "zones.json")
    plain = str(folder / "plain.ics")
    table = {
        "ics": [launchcal, "ics", events, "-o", str(folder / "launchcal.ics")],
        "ics-py": [str(python), str(PEERS), "icspy", events, zones, str(folder / "icspy.ics")],
        "plain icalendar": [str(python), str(PEERS), "icalendar", events, plain],
        "when": [launchcal, "when", events, "--json"],
        "links": [launchcal, "links", events, "--json"],
        "build": [launchcal, "build", events, "-o", str(folder / "site")],
    }
    chosen = [*wanted]
    if "ics" in wanted:
        chosen[chosen.index("ics") + 1 : chosen.index("ics") + 1] = ["ics-py", "plain icalendar"]
    return {label: table[label] for label in chosen}


class Sample(NamedTuple):
    """One timed run, and the turn it ran in."""

    turn: int
    figure: Figure


Samples = dict[int, dict[str, list[Sample]]]


def measure(python: Path, wanted: dict[int, tuple[str, ...]], repeat: int) -> Samples:
    """Size -> label -> every timed run.

    Every size's file is made first; then each turn runs the sizes in order up to the largest
    and back down, so that a busy spell on a shared machine falls on the small sizes and the
    big ones alike instead of on one decade's growth exponent. On the way down a command runs
    only below the largest size it runs at. The first size's commands run once untimed before
    the first turn, which writes the bytecode caches as an installed program has them.
    """
    env = {**os.environ, "LANG": "C.UTF-8", "TZ": "UTC", "SOURCE_DATE_EPOCH": "1767225600"}
    env.pop("LC_ALL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with contextlib.ExitStack() as stack:
        commands: dict[int, dict[str, list[str]]] = {}
        folders: dict[int, Path] = {}
        for size, here in wanted.items():
            name = stack.enter_context(tempfile.TemporaryDirectory(prefix=f"bench-scale-{size}-"))
            folder = folders[size] = Path(name)
            # In a child: a timed process's peak (ru_maxrss) starts at the high-water mark of
            # the process it was spawned from, so this one never holds a big file's text.
            subprocess.run(
                [sys.executable, __file__, "--write-file", str(size), str(folder)], check=True
            )
            commands[size] = sides(python, folder, here)
        first = min(wanted)
        for command in commands[first].values():
            run(command, env)
            shutil.rmtree(folders[first] / "site", ignore_errors=True)
        largest = {
            label: max(size for size, table in commands.items() if label in table)
            for table in commands.values()
            for label in table
        }
        samples: Samples = {
            size: {label: [] for label in table} for size, table in commands.items()
        }
        up = sorted(commands)
        order = [(size, False) for size in up] + [(size, True) for size in reversed(up[:-1])]
        for turn in range(repeat):
            for size, down in order:
                print(f"turn {turn + 1}/{repeat}: {size:,} events ...", file=sys.stderr, flush=True)
                for label, command in commands[size].items():
                    if turn and size > ONCE_ABOVE and label in ONCE:
                        continue
                    if down and size >= largest[label]:
                        continue
                    if label == "build":
                        shutil.rmtree(folders[size] / "site", ignore_errors=True)
                    samples[size][label].append(Sample(turn, run(command, env)))
        for size, table in commands.items():
            if "ics" in table:
                check_feeds(folders[size], size)
    return samples


def medians(samples: Samples) -> dict[int, dict[str, Figure]]:
    """Size -> label -> median wall and CPU seconds and the largest peak."""
    return {
        size: {
            label: Figure(
                statistics.median(run.figure.wall for run in runs),
                statistics.median(run.figure.cpu for run in runs),
                max(run.figure.peak for run in runs),
            )
            for label, runs in figures.items()
        }
        for size, figures in samples.items()
    }


def check_feeds(folder: Path, size: int) -> None:
    """Every side wrote every event (a peer that drops events would flatter nobody)."""
    for name in ("launchcal.ics", "icspy.ics", "plain.ics"):
        data = (folder / name).read_bytes()
        found = data.count(b"BEGIN:VEVENT")
        if found != size:
            raise SystemExit(f"{name} holds {found} events, not {size}")


def exponent(runs: dict[int, list[Sample]], size: int) -> float | None:
    """The growth over the decade that ends at ``size``: the median over the turns that ran
    both sizes of log10 of that turn's CPU seconds at ``size`` against the mean of its runs at
    a tenth of it (timed just before and just after)."""
    smaller = size // 10
    if not runs.get(smaller) or not runs.get(size):
        return None
    growths = []
    for turn in sorted({run.turn for run in runs[size]}):
        small = [run.figure.cpu for run in runs[smaller] if run.turn == turn]
        if small and statistics.mean(small) > 0:
            big = statistics.median(run.figure.cpu for run in runs[size] if run.turn == turn)
            growths.append(big / statistics.mean(small))
    if not growths:
        return None
    return math.log10(statistics.median(growths)) / math.log10(size / smaller)


def report(samples: Samples) -> tuple[list[tuple[str, ...]], list[str]]:
    """The table's rows and the targets missed."""
    rows: list[tuple[str, ...]] = []
    missed: list[str] = []
    results = medians(samples)
    labels = list(next(iter(results.values())))
    for label in labels:
        runs = {size: table[label] for size, table in samples.items() if label in table}
        for size, figures in results.items():
            if label not in figures:  # build above --build-max
                note = f"not run (--build-max {size} runs it; minutes)"
                rows.append((label, f"{size:,}", "", "", "", "", "", "", note))
                continue
            wall, cpu, peak = figures[label]
            grow = exponent(runs, size)
            cells = [label, f"{size:,}", f"{wall:.2f}", f"{cpu:.2f}", f"{peak:.0f}"]
            cells.append("" if grow is None else f"{grow:.2f}")
            notes = []
            if label == "ics":
                peer, plain = figures.get("ics-py"), figures.get("plain icalendar")
                cells.append("" if peer is None else f"{cpu / peer.cpu:.2f}x")
                cells.append("" if plain is None else f"{cpu / plain.cpu:.2f}x")
                if size == 10_000 and peer and cpu / peer.cpu > TARGET_ICSPY:
                    notes.append(f"> {TARGET_ICSPY}x ics-py")
                if size == 100_000 and cpu >= TARGET_SECONDS_100K:
                    notes.append(f">= {TARGET_SECONDS_100K:g} s")
            else:
                cells += ["", ""]
            own = label in COMMANDS
            if own and size == 100_000 and peak >= TARGET_PEAK_MB:
                notes.append(f">= {TARGET_PEAK_MB:g} MB")
            if own and grow is not None and size >= 10_000 and grow > TARGET_EXPONENT:
                notes.append(f"exponent > {TARGET_EXPONENT}")
            cells.append("MISSED " + ", ".join(notes) if notes else "")
            missed += [f"{label} {size:,}: {note}" for note in notes]
            rows.append(tuple(cells))
    return rows, missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES)),
        help="comma-separated event counts (default: %(default)s)",
    )
    parser.add_argument(
        "--commands",
        default=",".join(COMMANDS),
        help="comma-separated, of ics, when, links, build (default: all); ics brings its peers",
    )
    parser.add_argument(
        "--build-max",
        type=int,
        default=BUILD_MAX,
        help="largest size build runs at (default: %(default)s; 100000 takes minutes)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="median of this many turns")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv-bench-scale")
    parser.add_argument("--write-file", nargs=2, metavar=("COUNT", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.write_file:
        write_file(int(args.write_file[0]), Path(args.write_file[1]))
        return 0
    sizes = sorted(int(size.replace("_", "")) for size in args.sizes.split(","))
    wanted = tuple(c.strip() for c in args.commands.split(",") if c.strip())
    unknown = set(wanted) - set(COMMANDS)
    if unknown:
        parser.error(f"unknown command {sorted(unknown)[0]!r}; use {', '.join(COMMANDS)}")
    python = bench_venv(args.venv.resolve())
    plan = {
        size: tuple(c for c in wanted if c != "build" or size <= args.build_max) for size in sizes
    }
    rows, missed = report(measure(python, plan, args.repeat))
    head = ("command", "events", "wall s", "cpu s", "peak MB", "exponent", "vs ics-py",
            "vs plain icalendar")  # fmt: skip
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows:
            last = f"{row[-2]} {row[-1]}".strip()
            print("| " + " | ".join((*row[:-2], last)) + " |")
    else:
        table = [(*head, ""), *rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(head) + 1)]
        for row in table:
            cells = zip(row, widths, strict=True)
            print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(cells)))
    print(
        f"\nmedian of {args.repeat} turns (the peers and build once above {ONCE_ABOVE:,}; each "
        "smaller size twice a turn, before and after the next larger one); python "
        f"{sys.version.split()[0]}, {os.cpu_count()} cores; exponent = log10 growth per decade "
        "(median over the turns); "
        "ratios, exponents and the 10 s target use CPU seconds (each command is one process)"
    )
    if missed:
        print("missed: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
