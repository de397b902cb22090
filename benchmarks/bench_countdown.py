"""Whole-process cost of ``launchcal countdown`` beside ``launchcal when`` (target: <= 1.5x).

Each command runs as a user runs it (a fresh interpreter, output discarded, in the runtime-only
venv of ``bench_cli.py``), several times; the median wall time is reported with its ratio to
``launchcal when`` and ``python -c pass``.

    python benchmarks/bench_countdown.py [--runs 21]

The event file is the Xiaomi example with IANA zones (tests/data), so the figure does not
depend on the place index. ``--now`` in ISO 8601 is read by the standard library; the free
form ("July 1 2022 2:48pm") loads pendulum, shown on its own line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import ROOT, bench_venv, time_commands

EVENT = ROOT / "examples" / "xiaomi-12s.toml"
NOW = "2022-07-01T14:48:00+08:00"
TARGET = 1.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv-bench")
    args = parser.parse_args()
    python = bench_venv(args.venv.resolve())
    launchcal = [str(python.with_name("launchcal"))]
    count = [*launchcal, "countdown", str(EVENT), "--now"]
    figures = time_commands(
        {
            "python -c pass": [str(python), "-c", "pass"],
            "launchcal when": [*launchcal, "when", str(EVENT)],
            "launchcal when --locale fr": [*launchcal, "when", str(EVENT), "--locale", "fr"],
            "launchcal countdown --now ISO": [*count, NOW],
            "launchcal countdown --now ISO --locale sw": [*count, NOW, "--locale", "sw"],
            "launchcal countdown --now free form": [*count, "July 1 2022 2:48pm"],
        },
        args.runs,
    )
    bare = figures["python -c pass"]
    when = figures["launchcal when"]
    assert bare is not None
    assert when is not None
    print(f"median of {args.runs} runs each; LANG=C.UTF-8")
    print(f"{'command':44} {'ms':>7} {'x pass':>7} {'x when':>7}")
    for name, ms in figures.items():
        assert ms is not None, name
        print(f"{name:44} {ms:7.1f} {ms / bare:7.1f} {ms / when:7.2f}")
    countdown = figures["launchcal countdown --now ISO"]
    assert countdown is not None
    ratio = countdown / when
    verdict = "ok" if ratio <= TARGET else "OVER"
    print(f"countdown / when = {ratio:.2f} (target <= {TARGET}): {verdict}")


if __name__ == "__main__":
    main()
