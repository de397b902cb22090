"""Whole-process cost of ``launchcal countdown`` beside ``launchcal when`` (target: <= 1.5x).

Each command runs as a user runs it (a fresh interpreter, output discarded), several times;
the median wall time is reported with its ratio to ``launchcal when`` and ``python -c pass``.

    python benchmarks/bench_countdown.py [--runs 21]

The event file is the Xiaomi example with IANA zones (tests/data), so the figure does not
depend on the place index. ``--now`` in ISO 8601 is read by the standard library; the free
form ("July 1 2022 2:48pm") loads pendulum, shown on its own line.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENT = ROOT / "tests" / "data" / "xiaomi-12s-iana.toml"
TARGET = 1.5


def _launchcal() -> list[str]:
    script = Path(sys.executable).with_name("launchcal")
    found = str(script) if script.exists() else shutil.which("launchcal")
    return [found] if found else [sys.executable, "-m", "launchcal"]


def median_ms(command: list[str], runs: int, env: dict[str, str]) -> float:
    subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=True)  # warm the caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    env = {**os.environ, "LANG": "C.UTF-8", "TZ": "Africa/Nairobi"}
    env.pop("LC_ALL", None)
    # As installed for a user: bytecode cached (the warm-up run writes it), not compiled each run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    launchcal = _launchcal()
    rows = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("launchcal when", [*launchcal, "when", str(EVENT)]),
        ("launchcal when --locale fr", [*launchcal, "when", str(EVENT), "--locale", "fr"]),
        (
            "launchcal countdown --now ISO",
            [*launchcal, "countdown", str(EVENT), "--now", "2022-07-01T14:48:00+08:00"],
        ),
        (
            "launchcal countdown --now ISO --locale sw",
            [
                *launchcal,
                "countdown",
                str(EVENT),
                "--now",
                "2022-07-01T14:48:00+08:00",
                "--locale",
                "sw",
            ],
        ),
        (
            "launchcal countdown --now free form",
            [*launchcal, "countdown", str(EVENT), "--now", "July 1 2022 2:48pm"],
        ),
    ]
    figures = {name: median_ms(command, args.runs, env) for name, command in rows}
    bare = figures["python -c pass"]
    when = figures["launchcal when"]
    print(f"median of {args.runs} runs each; TZ=Africa/Nairobi, LANG=C.UTF-8")
    print(f"{'command':44} {'ms':>7} {'x pass':>7} {'x when':>7}")
    for name, ms in figures.items():
        print(f"{name:44} {ms:7.1f} {ms / bare:7.1f} {ms / when:7.2f}")
    ratio = figures["launchcal countdown --now ISO"] / when
    verdict = "ok" if ratio <= TARGET else "OVER"
    print(f"countdown / when = {ratio:.2f} (target <= {TARGET}): {verdict}")


if __name__ == "__main__":
    main()
