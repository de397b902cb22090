"""benchmarks/bench_scale.py's table: targets judged on the figures, sizes not run said so."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_scale
from bench_scale import Figure


def test_the_table_judges_targets_and_names_what_did_not_run() -> None:
    results = {
        10_000: {
            "ics": Figure(1.0, 1.0, 50),
            "ics-py": Figure(2.0, 2.0, 90),
            "plain icalendar": Figure(7.0, 7.0, 180),
            "build": Figure(40.0, 40.0, 60),
        },
        100_000: {
            "ics": Figure(12.0, 12.0, 310),
            "ics-py": Figure(20.0, 20.0, 700),
            "plain icalendar": Figure(70.0, 70.0, 1500),
        },
    }
    rows, missed = bench_scale.report(results)
    assert ("ics", "10,000", "1.00", "1.00", "50", "", "0.50x", "0.14x", "") in rows
    assert missed == [
        "ics 100,000: >= 10 s",
        "ics 100,000: >= 300 MB",
        "ics 100,000: exponent > 1.05",
    ]
    (build,) = [row for row in rows if row[:2] == ("build", "100,000")]
    assert build[-1].startswith("not run (--build-max 100000")
