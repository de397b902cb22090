"""How fast launchcal feels: whole processes, as a user runs them, against ``python -c pass``.

Every command runs ``--runs`` times as a fresh process (output discarded), round-robin so that
a busy moment on a shared machine hits all of them alike; the median is reported with its
ratio to ``python -c pass`` measured in the same run, beside its target (issues 6 and 17). The
all-zones world clock (``when --in all``) is timed inside fresh processes of the same venv: the
first call (it reads every zone file, as a user's ``when --in all`` does) and a warm one.

    python benchmarks/bench_cli.py [--runs 15] [--markdown] [--venv DIR]

The processes run in a venv of their own holding launchcal and its runtime dependencies only
(made on first use, by default in .venv-bench/): a test dependency's ``.pth`` file (caldav pulls
in urllib3-future, whose ``.pth`` imports shutil at every start) would otherwise slow down
``python -c pass`` itself and flatter every ratio.

As installed for a user, the warm-up run of each command leaves its bytecode and the compiled
templates behind (a cache folder of the run's own, ``LAUNCHCAL_CACHE_DIR``); the timed runs
use them. So does the event's .ics, which a page embeds (:mod:`launchcal.icsstore`): the row
"an event not seen before" times the page whose .ics no earlier run kept, the first page of a
new or edited event (its cache folder keeps everything else, but cannot keep an .ics).

Exit status 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_venv import ROOT, pip_venv

EXAMPLE = str(ROOT / "examples" / "xiaomi-12s.toml")
NOW = "2022-07-01T14:48:00+08:00"


def bench_venv(folder: Path) -> Path:
    """A venv with launchcal (editable, so it is this checkout) and its runtime dependencies."""
    return pip_venv(folder, str(ROOT), "launchcal and its runtime dependencies only")


#: This run's own folder: the built site (``build``) and launchcal's cache (compiled templates).
SCRATCH = Path(tempfile.mkdtemp(prefix="launchcal-bench-"))
atexit.register(shutil.rmtree, SCRATCH, True)


def environment() -> dict[str, str]:
    env = {**os.environ, "LANG": "C.UTF-8", "TZ": "Africa/Nairobi"}
    env.pop("LC_ALL", None)
    # As installed for a user: bytecode cached (the warm-up run writes it), not recompiled;
    # templates likewise, in a cache folder of this run's own.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["LAUNCHCAL_CACHE_DIR"] = str(SCRATCH / "cache")
    return env


#: The page of an event whose .ics no earlier run kept (see the module's docstring).
UNSEEN = "launchcal html examples/xiaomi-12s.toml --page, an event not seen before"


def unseen_environment() -> dict[str, str]:
    """A cache folder of its own whose ``ics`` is a file: no .ics is read there or kept."""
    folder = SCRATCH / "cache-no-ics"
    folder.mkdir(exist_ok=True)
    (folder / "ics").write_bytes(b"")
    return {**environment(), "LAUNCHCAL_CACHE_DIR": str(folder)}


def rows(python: Path) -> list[tuple[str, list[str], float | None, str]]:
    """(label, command, target ratio, what the ratio is against)."""
    lc = [str(python.with_name("launchcal"))]
    return [
        ("python -c pass", [str(python), "-c", "pass"], None, "pass"),
        ("launchcal --help", [*lc, "--help"], 4.0, "pass"),
        (
            "launchcal when --start ... --zone China --in Nairobi",
            [*lc, "when", "--start", "2022-07-04 19:00", "--zone", "China", "--in", "Nairobi"],
            5.0,
            "pass",
        ),
        ("launchcal when examples/xiaomi-12s.toml", [*lc, "when", EXAMPLE], 5.0, "pass"),
        (
            "launchcal countdown examples/xiaomi-12s.toml --now ...",
            [*lc, "countdown", EXAMPLE, "--now", NOW],
            1.5,
            "when",
        ),
        # Another language reads CLDR through babel and one compiled catalog; English reads none.
        (
            "launchcal when examples/xiaomi-12s.toml --locale fr",
            [*lc, "when", EXAMPLE, "--locale", "fr"],
            12.0,
            "pass",
        ),
        (
            "launchcal countdown examples/xiaomi-12s.toml --now ... --locale sw",
            [*lc, "countdown", EXAMPLE, "--now", NOW, "--locale", "sw"],
            12.0,
            "pass",
        ),
        ("launchcal ics examples/xiaomi-12s.toml", [*lc, "ics", EXAMPLE], 12.0, "pass"),
        ("launchcal html examples/xiaomi-12s.toml", [*lc, "html", EXAMPLE], 12.0, "pass"),
        (
            "launchcal html examples/xiaomi-12s.toml --page",
            [*lc, "html", EXAMPLE, "--page"],
            10.0,
            "pass",
        ),
        (UNSEEN, [*lc, "html", EXAMPLE, "--page"], 12.0, "pass"),
        (
            "launchcal build examples/xiaomi-12s.toml -o DIR",
            [*lc, "build", EXAMPLE, "-o", str(SCRATCH / "site")],
            10.0,
            "pass",
        ),
    ]


def time_commands(commands: dict[str, list[str]], runs: int) -> dict[str, float | None]:
    """Median wall time (ms) of each command, run round-robin; ``None`` where it fails."""
    env = {label: unseen_environment() if label == UNSEEN else environment() for label in commands}
    available: dict[str, list[str]] = {}
    for label, command in commands.items():
        warm = subprocess.run(command, capture_output=True, env=env[label], check=False)
        if warm.returncode == 0:
            available[label] = command
    samples: dict[str, list[float]] = {label: [] for label in available}
    for _ in range(runs):
        for label, command in available.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, env=env[label], check=True)
            samples[label].append(time.perf_counter() - start)
    return {
        label: (statistics.median(samples[label]) * 1000 if label in samples else None)
        for label in commands
    }


def measure(python: Path, runs: int) -> dict[str, float | None]:
    return time_commands({label: command for label, command, _, _ in rows(python)}, runs)


#: Run by the bench venv's interpreter: the Xiaomi launch on every zone's clock, grouped by
#: offset; prints the first call's time and the median of warm ones (ms).
ALL_ZONES = """
import statistics, sys, time
from launchcal import eventfile, report
events = list(eventfile.load(sys.argv[1]).events)
start = time.perf_counter()
report.world_clock(events)
first = time.perf_counter() - start
warm = []
for _ in range(7):
    start = time.perf_counter()
    report.world_clock(events)
    warm.append(time.perf_counter() - start)
print(first * 1000, statistics.median(warm) * 1000)
"""


def all_zones_ms(python: Path, processes: int = 7) -> tuple[float, float]:
    """``when --in all`` inside fresh processes of the bench venv: the median first call (it
    reads ~420 zone files and the place index, as every ``launchcal when --in all`` does) and
    the median warm call.

    Measured in the venv whose processes are timed, never in the interpreter running this
    script: another interpreter may read another tz database (without the tzdata package, the
    system's files, which the timed processes never touched) and would time a cold disk.
    """
    env = environment()
    firsts, warms = [], []
    for _ in range(processes):
        out = subprocess.run(
            [str(python), "-c", ALL_ZONES, EXAMPLE], capture_output=True, text=True, env=env,
            check=True,
        ).stdout.split()  # fmt: skip
        firsts.append(float(out[0]))
        warms.append(float(out[1]))
    return statistics.median(firsts), statistics.median(warms)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv-bench")
    args = parser.parse_args()
    return report(bench_venv(args.venv.resolve()), args.runs, markdown=args.markdown)


def report(python: Path, runs: int, *, markdown: bool) -> int:
    figures = measure(python, runs)
    base = figures["python -c pass"]
    assert base is not None
    when = figures["launchcal when examples/xiaomi-12s.toml"]
    lines = []
    missed = []
    for label, _, target, against in rows(python):
        ms = figures[label]
        if ms is None:
            lines.append((label, "n/a", "", "", "command not available"))
            continue
        if target is None:
            lines.append((label, f"{ms:.1f}", "1.0x pass", "", ""))
            continue
        reference = base if against == "pass" else when
        assert reference is not None
        ratio = ms / reference
        ok = ratio <= target
        if not ok:
            missed.append(label)
        lines.append(
            (label, f"{ms:.1f}", f"{ratio:.2f}x {against}", f"<= {target:g}x {against}",
             "ok" if ok else "MISSED")
        )  # fmt: skip
    first_ms, warm_ms = all_zones_ms(python)
    zones_ok = first_ms < 50
    if not zones_ok:
        missed.append("when --in all")
    lines.append(
        ("when --in all (in-process, every zone: first call; warm)",
         f"{first_ms:.1f}; {warm_ms:.1f}", "", "< 50 ms", "ok" if zones_ok else "MISSED")
    )  # fmt: skip
    head = ("command", "median ms", "ratio", "target", "")
    if markdown:
        print("| " + " | ".join(head[:4]) + " |")
        print("|---|---:|---:|---|")
        for row in lines:
            print("| " + " | ".join(row[:4]) + " |")
    else:
        widths = [max(len(r[i]) for r in (head, *lines)) for i in range(len(head))]
        for row in (head, *lines):
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    print(f"\n{runs} runs each, median; python {sys.version.split()[0]}, {os.cpu_count()} cores")
    if missed:
        print("missed: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
