"""Check that real calendar clients place launchcal's events where launchcal means them.

For every zone (links included), events on the 15th of every month of 2026 and 2027 at noon,
and 1 hour either side of every change of UTC offset from 2020 through 2030, are written by
:func:`launchcal.ics.to_ics`, one file per zone, with the TZIDs renamed so that no reader can
fall back to a tz database of its own: the file's VTIMEZONE is all it has. Mozilla ical.js
(Thunderbird's parser, under node) and libical (Evolution's, through python3-gi) read every
file in one process each, and each DTSTART and DTEND must come back as the same UTC instant.
Run ``python -m launchcal.clientsweep`` in a checkout (the readers live under ``tests/``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from launchcal import ics, tz, verify
from launchcal.event import Calendar, Event

__all__ = ["Report", "events_for", "main", "rename_tzids", "sweep"]

FIRST_YEAR = 2020
LAST_YEAR = 2030
MONTHLY_YEARS = (2026, 2027)
_CHECKOUT = Path(__file__).resolve().parent.parent
#: The reader commands, each followed by the files to read; each prints JSON keyed by path.
READERS: dict[str, list[str]] = {
    "ical.js": ["node", str(_CHECKOUT / "tests" / "node" / "read-ics.mjs")],
    "libical": ["/usr/bin/python3", str(_CHECKOUT / "tests" / "readers" / "libical_read.py")],
}
_STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
_TZID = re.compile(rb"(TZID[:=])([^:;\r\n]+)")


def rename_tzids(data: bytes) -> bytes:
    """The file with every TZID renamed (``Renamed-<zone>``), so no reader can use its own tz
    database for it and must place the events through the file's VTIMEZONE.

    Examples:
        >>> rename_tzids(b"TZID:Asia/Tokyo\\r\\nDTSTART;TZID=Asia/Tokyo:20260101T000000\\r\\n")
        b'TZID:Renamed-Asia/Tokyo\\r\\nDTSTART;TZID=Renamed-Asia/Tokyo:20260101T000000\\r\\n'
    """
    return _TZID.sub(rb"\1Renamed-\2", data)


@dataclass
class Report:
    """What the sweep wrote and what the readers got wrong."""

    zones: int = 0
    events: int = 0
    readers: tuple[str, ...] = ()
    mismatches: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The counts, one per line, as ``python -m launchcal.clientsweep`` prints them."""
        return [
            f"tz database       {tz.database()}",
            f"zones             {self.zones}",
            f"events            {self.events} (the 15th of each month {MONTHLY_YEARS[0]}-"
            f"{MONTHLY_YEARS[-1]}, +-1 h around each change {FIRST_YEAR}-{LAST_YEAR})",
            f"readers           {', '.join(self.readers)} (TZIDs renamed: VTIMEZONE only)",
            f"wrong instants    {len(self.mismatches)}",
        ]


def events_for(zone: str, changes: Sequence[verify.Transition]) -> tuple[Event, ...]:
    """The sweep's events for ``zone``: noon on each 15th, and 1 h either side of each change."""
    tzinfo = tz.zone(zone)
    hour = dt.timedelta(hours=1)
    starts = [
        tz.localize(dt.datetime(year, month, 15, 12), zone, "earlier")
        for year in MONTHLY_YEARS
        for month in range(1, 13)
    ]
    for change in changes:
        at = dt.datetime.fromtimestamp(change.at, dt.UTC)
        if change.before != change.after and FIRST_YEAR <= at.year <= LAST_YEAR:
            starts += [(at - hour).astimezone(tzinfo), (at + hour).astimezone(tzinfo)]
    return tuple(
        Event(title=f"{zone} {number}", zone=zone, id=f"e{number}", start=start,
              end=(start.astimezone(dt.UTC) + hour).astimezone(tzinfo))
        for number, start in enumerate(starts)
    )  # fmt: skip


def sweep(zones: Sequence[str] | None = None, readers: Sequence[str] = tuple(READERS)) -> Report:
    """Write each zone's events and have every reader place them (default: every zone)."""
    names = sorted(tz.zone_names() - {"UTC"}) if zones is None else list(zones)
    report = Report(zones=len(names), readers=tuple(readers))
    expected: dict[str, dict[str, tuple[str, str]]] = {}
    with tempfile.TemporaryDirectory(prefix="launchcal-clientsweep.") as folder:
        paths: list[str] = []
        for zone, changes in verify.transitions(names).items():
            events = events_for(zone, changes)
            report.events += len(events)
            # One file per zone and year, so that each file's VTIMEZONE starts where that
            # year needs it: early-year events are where readers have missed a first onset.
            years = sorted({event.start.year for event in events})
            for year in years:
                batch = tuple(event for event in events if event.start.year == year)
                path = Path(folder) / f"{len(paths)}.ics"
                path.write_bytes(rename_tzids(ics.to_ics(Calendar(batch), stamp=_STAMP)))
                paths.append(str(path))
                expected[str(path)] = {f"{ics.uid(e)} {zone}": _instants(e) for e in batch}
        for reader in readers:
            done = subprocess.run(
                [*READERS[reader], *paths], capture_output=True, text=True, check=False
            )
            if done.returncode != 0:
                raise RuntimeError(f"{reader} failed: {done.stderr.strip()[-500:]}")
            for path, result in json.loads(done.stdout).items():
                _compare(reader, expected[path], result, report)
    return report


def _instants(event: Event) -> tuple[str, str]:
    end = event.utc_end
    return event.utc_start.isoformat(), end.isoformat() if end is not None else ""


def _compare(
    reader: str, expected: dict[str, tuple[str, str]], result: dict[str, object], report: Report
) -> None:
    events = result.get("events")
    if not isinstance(events, list):
        report.mismatches.append(f"{reader}: could not read a file: {result.get('error')}")
        return
    got = {str(event["uid"]): (event["start"], event["end"]) for event in events}
    for label, want in expected.items():
        uid, _, zone = label.partition(" ")
        if got.get(uid) != want:
            report.mismatches.append(
                f"{reader}: {zone} {uid} should be {want[0]} - {want[1]}, read as {got.get(uid)}"
            )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m launchcal.clientsweep [ZONE...]``: print the counts; exit 1 on any mismatch."""
    from launchcal.verify import sweep_main

    return sweep_main("launchcal.clientsweep", __doc__, sweep, argv)


if __name__ == "__main__":
    sys.exit(main())
