"""Size and speed of ``launchcal html``, each beside its target.

    python benchmarks/bench_html.py [--runs N]

Prints the example's snippet and page sizes (raw and gzipped) against the 3 KB gzipped budget
of the snippet (and the widgets it replaces), then the time of ``launchcal html`` against
``python -c pass`` (budget: 12x).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "xiaomi-12s.toml"
# The same event with IANA zone names, for checkouts without the place index.
FALLBACK = ROOT / "tests" / "data" / "xiaomi-12s-zones.toml"
BUDGET = 3 * 1024
# Published sizes of the alternatives the issue names (before gzip, without their CSS).
OTHERS = {"flipdown (JS)": 10 * 1024, "pqina Tick (JS)": 64 * 1024}


def _event_file() -> Path:
    from launchcal import eventfile
    from launchcal.errors import LaunchcalError

    try:
        eventfile.load(EXAMPLE)
    except LaunchcalError as error:
        print(f"note: {EXAMPLE.name} does not load here ({error}); using {FALLBACK.name}")
        return FALLBACK
    return EXAMPLE


def _gz(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9))


def sizes(path: Path) -> None:
    from launchcal import eventfile, render

    event = eventfile.load(path).events[0]
    snippet = render.snippet(event)
    page = render.page(event)
    script = render.script()
    print(f"{'output':<28}{'bytes':>8}{'gzip -9':>9}")
    for name, text in (("snippet (whole)", snippet), ("  of which script", script),
                       ("page (--page)", page)):  # fmt: skip
        print(f"{name:<28}{len(text.encode()):>8}{_gz(text):>9}")
    size = _gz(snippet)
    verdict = "within" if size <= BUDGET else "OVER"
    print(f"snippet gzipped: {size} B = {size / BUDGET:.2f} x the 3 KB budget ({verdict})")
    for name, other in OTHERS.items():
        print(
            f"  {name} {other // 1024} KB before gzip = {other / len(snippet):.1f} x this snippet"
        )


def _median_seconds(command: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def speed(path: Path, runs: int) -> None:
    base = _median_seconds([sys.executable, "-c", "pass"], runs)
    cli = [sys.executable, "-m", "launchcal"]
    print(f"python -c pass: {base * 1000:.0f} ms (median of {runs})")
    for args in (["html", str(path)], ["html", str(path), "--page"]):
        took = _median_seconds([*cli, *args], runs)
        print(
            f"launchcal {' '.join(args[:1] + args[2:])}: {took * 1000:.0f} ms = "
            f"{took / base:.1f} x python -c pass (budget 12x)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = _event_file()
    sizes(path)
    speed(path, args.runs)


if __name__ == "__main__":
    main()
