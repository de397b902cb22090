"""benchmarks/bench_scale.py's table: targets judged on the figures, sizes not run said so, and
each decade's growth judged turn by turn."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_scale
from bench_scale import Figure, Sample


def once(seconds: float, peak: float) -> list[Sample]:
    return [Sample(0, Figure(seconds, seconds, peak))]


def test_the_table_judges_targets_and_names_what_did_not_run() -> None:
    samples = {
        10_000: {
            "ics": once(1.0, 50),
            "ics-py": once(2.0, 90),
            "plain icalendar": once(7.0, 180),
            "build": once(40.0, 60),
        },
        100_000: {
            "ics": once(12.0, 310),
            "ics-py": once(20.0, 700),
            "plain icalendar": once(70.0, 1500),
        },
    }
    rows, missed = bench_scale.report(samples)
    assert ("ics", "10,000", "1.00", "1.00", "50", "", "0.50x", "0.14x", "") in rows
    assert missed == [
        "ics 100,000: >= 10 s",
        "ics 100,000: >= 300 MB",
        "ics 100,000: exponent > 1.05",
    ]
    (build,) = [row for row in rows if row[:2] == ("build", "100,000")]
    assert build[-1].startswith("not run (--build-max 100000")


def run(turn: int, seconds: float) -> Sample:
    return Sample(turn, Figure(seconds, seconds, 100))


def test_a_decade_grows_by_the_median_of_its_turns() -> None:
    # Turn 0 ran on a fast machine throughout, turn 1 on a slow one, turn 2 sped up after
    # its first small run: each turn's growth is its big run against the mean of the small
    # runs around it, so the medians of the sizes (1.0 and 15.0: 15x) do not decide it.
    runs = {
        10_000: [run(0, 1.0), run(0, 1.0), run(1, 1.5), run(1, 1.5), run(2, 1.5), run(2, 0.5)],
        100_000: [run(0, 10.0), run(1, 15.0), run(2, 9.0)],
    }
    growth = bench_scale.exponent(runs, 100_000)
    assert growth is not None
    assert round(10**growth, 6) == 10.0  # the turns' growths: 10, 10 and 9; their median 10
    assert bench_scale.exponent(runs, 10_000) is None  # no 1,000-event runs


def test_a_command_run_once_above_ten_thousand_pairs_with_its_own_turn() -> None:
    # The peers and build run once above 10,000 events (turn 0); the other turns' smaller
    # runs have nothing to pair with and say nothing of that decade.
    runs = {
        10_000: [run(0, 2.0), run(0, 2.0), run(1, 4.0), run(1, 4.0)],
        100_000: [run(0, 20.0)],
    }
    growth = bench_scale.exponent(runs, 100_000)
    assert growth is not None
    assert round(growth, 6) == 1.0
