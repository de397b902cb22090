"""How fast launchcal feels: whole processes, as a user runs them, against ``python -c pass``.

Every command runs ``--runs`` times as a fresh process (output discarded), round-robin so that
a busy moment on a shared machine hits all of them alike; the median is reported with its
ratio to ``python -c pass`` measured in the same run, beside the target of issue 6. The
all-zones world clock (``when --in all``) is timed in-process.

    python benchmarks/bench_cli.py [--runs 15] [--markdown] [--venv DIR]

The processes run in a venv of their own holding launchcal and its runtime dependencies only
(made on first use, by default in .venv-bench/): a test dependency's ``.pth`` file (caldav pulls
in urllib3-future, whose ``.pth`` imports shutil at every start) would otherwise slow down
``python -c pass`` itself and flatter every ratio.

Exit status 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "xiaomi-12s.toml")
NOW = "2022-07-01T14:48:00+08:00"


def bench_venv(folder: Path) -> Path:
    """A venv with launchcal (editable, so it is this checkout) and its runtime dependencies."""
    python = folder / "bin" / "python"
    if not (folder / "bin" / "launchcal").exists():
        print(f"making {folder} (launchcal and its runtime dependencies only) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "-e", str(ROOT)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return python


def environment() -> dict[str, str]:
    env = {**os.environ, "LANG": "C.UTF-8", "TZ": "Africa/Nairobi"}
    env.pop("LC_ALL", None)
    # As installed for a user: bytecode cached (the warm-up run writes it), not recompiled.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def rows(python: Path) -> list[tuple[str, list[str], float | None, str]]:
    """(label, command, target ratio, what the ratio is against)."""
    lc = [str(python.with_name("launchcal"))]
    return [
        ("python -c pass", [str(python), "-c", "pass"], None, "pass"),
        ("launchcal --help", [*lc, "--help"], 4.0, "pass"),
        (
            "launchcal when --start ... --zone China --in Nairobi",
            [*lc, "when", "--start", "2022-07-04 19:00", "--zone", "China", "--in", "Nairobi"],
            6.0,
            "pass",
        ),
        ("launchcal when examples/xiaomi-12s.toml", [*lc, "when", EXAMPLE], 6.0, "pass"),
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
            12.0,
            "pass",
        ),
    ]


def time_commands(commands: dict[str, list[str]], runs: int) -> dict[str, float | None]:
    """Median wall time (ms) of each command, run round-robin; ``None`` where it fails."""
    env = environment()
    available: dict[str, list[str]] = {}
    for label, command in commands.items():
        warm = subprocess.run(command, capture_output=True, env=env, check=False)
        if warm.returncode == 0:
            available[label] = command
    samples: dict[str, list[float]] = {label: [] for label in available}
    for _ in range(runs):
        for label, command in available.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=True)
            samples[label].append(time.perf_counter() - start)
    return {
        label: (statistics.median(samples[label]) * 1000 if label in samples else None)
        for label in commands
    }


def measure(python: Path, runs: int) -> dict[str, float | None]:
    return time_commands({label: command for label, command, _, _ in rows(python)}, runs)


def all_zones_ms(repeats: int = 7) -> float:
    """In-process: the Xiaomi launch on every zone's clock, grouped by offset (the worse of the
    first, cold call and the median warm one)."""
    sys.path.insert(0, str(ROOT))
    from launchcal import eventfile, report

    events = list(eventfile.load(EXAMPLE).events)
    start = time.perf_counter()
    report.world_clock(events)  # the first run reads ~420 zone files and the place index
    first = time.perf_counter() - start
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        report.world_clock(events)
        times.append(time.perf_counter() - start)
    return max(first, statistics.median(times)) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv-bench")
    args = parser.parse_args()
    python = bench_venv(args.venv.resolve())
    figures = measure(python, args.runs)
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
    zones_ms = all_zones_ms()
    zones_ok = zones_ms < 50
    if not zones_ok:
        missed.append("when --in all")
    lines.append(
        ("when --in all (in-process, every zone)", f"{zones_ms:.1f}", "", "< 50 ms",
         "ok" if zones_ok else "MISSED")
    )  # fmt: skip
    head = ("command", "median ms", "ratio", "target", "")
    if args.markdown:
        print("| " + " | ".join(head[:4]) + " |")
        print("|---|---:|---:|---|")
        for row in lines:
            print("| " + " | ".join(row[:4]) + " |")
    else:
        widths = [max(len(r[i]) for r in (head, *lines)) for i in range(len(head))]
        for row in (head, *lines):
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    print(
        f"\n{args.runs} runs each, median; python {sys.version.split()[0]}, {os.cpu_count()} cores"
    )
    if missed:
        print("missed: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
