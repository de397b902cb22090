"""A sample of the client sweep (``python -m launchcal.clientsweep`` runs every zone): ical.js
and libical, with the TZIDs renamed, place every event at launchcal's instant."""

from __future__ import annotations

import os
import shutil

import pytest

from launchcal import clientsweep
from tests.test_consumers import reader
from tests.test_verify import SAMPLE

pytestmark = pytest.mark.skipif(
    shutil.which("zdump") is None,
    reason="zdump (Debian's libc-bin) lists the transitions the sweep tests around",
)

# Zones whose rules are hard to write: the Friday before the last Sunday (Jerusalem), the
# Saturday-evening change of Scoresbysund, rules resuming (Havana), Egypt's end of October.
CLIENT_SAMPLE = [*SAMPLE, "Asia/Jerusalem", "America/Scoresbysund", "America/Havana",
                 "Africa/Cairo", "Europe/Kyiv", "America/Mexico_City"]  # fmt: skip


@pytest.fixture(autouse=True)
def _readers_present() -> None:
    for consumer in clientsweep.READERS:
        reader(consumer)  # skips (or fails in CI) with the reason when one is missing


def test_sample_is_placed_right_by_icaljs_and_libical() -> None:
    report = clientsweep.sweep(CLIENT_SAMPLE)
    assert report.mismatches == []
    assert report.zones == len(CLIENT_SAMPLE)
    assert report.events > 1300
    assert report.lines()[-1] == "wrong instants    0"


def test_sweep_reports_a_reader_that_misplaces(monkeypatch: pytest.MonkeyPatch) -> None:
    # A VTIMEZONE that ical.js misreads (BYDAY with a negative BYMONTHDAY, which launchcal
    # wrote before) is counted: the sweep is not blind to the failure it looks for.
    real = clientsweep.ics.to_ics

    def negative_monthdays(*args: object, **kwargs: object) -> bytes:
        data: bytes = real(*args, **kwargs)  # type: ignore[arg-type]
        return data.replace(b"BYMONTHDAY=23,24,25,26,27,28,29", b"BYMONTHDAY=-9,-8,-7,-6,-5,-4,-3")

    monkeypatch.setattr(clientsweep.ics, "to_ics", negative_monthdays)
    report = clientsweep.sweep(["Asia/Jerusalem"], readers=["ical.js"])
    assert report.mismatches
    assert all(line.startswith("ical.js: Asia/Jerusalem ") for line in report.mismatches)


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("LAUNCHCAL_FULL_SWEEP") != "1",
    reason="the full client sweep takes about 30 s: LAUNCHCAL_FULL_SWEEP=1 (CI) runs it",
)
def test_every_zone_is_placed_right_by_icaljs_and_libical() -> None:
    report = clientsweep.sweep()
    assert report.mismatches == []
    assert report.zones > 590
