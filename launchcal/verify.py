"""Check launchcal's conversions against GNU ``date`` and ``zdump`` on the same tz database.

For every zone and every transition from 1970 through 2037 (as ``zdump`` lists them), the
instants 1 hour and 1 second either side of the transition and the transition itself are shown
on the zone's clock by launchcal and by GNU ``date``; a wall time inside each gap or overlap is
classified by both (GNU ``date`` tells how many instants show that wall time) and launchcal must
refuse to guess it, naming the instants GNU agrees with. Run ``python -m launchcal.verify``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from launchcal import tz
from launchcal.errors import AmbiguousTimeError, NonexistentTimeError

__all__ = ["Report", "main", "sweep", "transitions"]

FIRST_YEAR = 1970
LAST_YEAR = 2037
_ZDUMP_LINE = re.compile(
    r"^(?P<zone>\S+)\s+(?P<ut>\w{3} \w{3} +\d+ \d\d:\d\d:\d\d -?\d+) UT = .* "
    r"isdst=\d gmtoff=(?P<offset>-?\d+)$"
)
_SIDES = (-3600, -1, 0, 1, 3600)


@dataclass(frozen=True)
class Transition:
    """The instant a zone's clock changed, with the UTC offsets before and after (seconds)."""

    zone: str
    at: int
    before: int
    after: int


@dataclass
class Report:
    """What a sweep checked and what disagreed."""

    zones: int = 0
    transitions: int = 0
    offset_transitions: int = 0
    instants: int = 0
    gaps: int = 0
    folds: int = 0
    mismatches: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The counts, one per line, as the verification command prints them."""
        return [
            f"tz database       {tz.database()}",
            f"zones             {self.zones}",
            f"transitions       {self.transitions} ({self.offset_transitions} change the UTC "
            f"offset), {FIRST_YEAR}-{LAST_YEAR}",
            f"instants checked  {self.instants} (each transition, +-1 s, +-1 h)",
            f"wall times        {self.gaps} in gaps, {self.folds} in overlaps: refused with both "
            "instants named",
            f"mismatches        {len(self.mismatches)}",
        ]


def _gnu(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise RuntimeError(f"GNU {tool} is not installed")
    return path


def _environment() -> dict[str, str]:
    return {"TZDIR": str(tz.database().path), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}


def transitions(zones: Sequence[str]) -> dict[str, list[Transition]]:
    """Every clock change of each zone from 1970 through 2037, as GNU ``zdump`` reads them."""
    out = subprocess.run(
        [_gnu("zdump"), "-v", "-c", f"{FIRST_YEAR},{LAST_YEAR + 1}", *zones],
        env=_environment(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found: dict[str, list[Transition]] = {zone: [] for zone in zones}
    previous: tuple[str, int] | None = None
    for line in out.splitlines():
        match = _ZDUMP_LINE.match(line)
        if match is None:
            previous = None
            continue
        zone, offset = match["zone"], int(match["offset"])
        moment = dt.datetime.strptime(" ".join(match["ut"].split()), "%a %b %d %H:%M:%S %Y")
        at = int(moment.replace(tzinfo=dt.UTC).timestamp())
        # zdump prints each change as a pair: the last second before it, then the first after.
        if previous is not None and previous[0] == zone:
            found[zone].append(Transition(zone, at, previous[1], offset))
            previous = None
        else:
            previous = (zone, offset)
    return found


def _gnu_clock(zone: str, instants: Iterable[int]) -> list[tuple[str, int, str]]:
    """GNU ``date``'s reading of each instant on ``zone``'s clock: wall time, offset, name."""
    text = "".join(f"@{instant}\n" for instant in instants)
    out = subprocess.run(
        [_gnu("date"), "-f", "-", "+%Y-%m-%dT%H:%M:%S %::z %Z"],
        input=text,
        env={**_environment(), "TZ": zone},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    readings = []
    for line in out.splitlines():
        wall, offset, name = line.split(" ", 2)
        sign = -1 if offset.startswith("-") else 1
        hours, minutes, seconds = (int(part) for part in offset[1:].split(":"))
        readings.append((wall, sign * (hours * 3600 + minutes * 60 + seconds), name))
    return readings


def _ours(zone: str, instant: int) -> tuple[str, int, str]:
    moment = dt.datetime.fromtimestamp(instant, tz.zone(zone))
    offset = moment.utcoffset()
    assert offset is not None
    return (
        moment.strftime("%Y-%m-%dT%H:%M:%S"),
        int(offset.total_seconds()),
        moment.tzname() or "",
    )


def _wall_samples(changes: Sequence[Transition]) -> list[tuple[Transition, dt.datetime]]:
    """A wall time in the middle of each gap (clocks forward) and overlap (clocks back)."""
    samples = []
    for change in changes:
        shift = change.after - change.before
        if shift == 0:
            continue
        # A gap skips the wall times from at+before to at+after; an overlap repeats those from
        # at+after to at+before. Either way: |shift| seconds from the smaller of the two.
        middle = change.at + min(change.before, change.after) + abs(shift) // 2
        samples.append((change, dt.datetime(1970, 1, 1) + dt.timedelta(seconds=middle)))
    return samples


def _check_zone(zone: str, changes: Sequence[Transition], report: Report) -> None:
    instants = sorted({change.at + side for change in changes for side in _SIDES})
    samples = _wall_samples(changes)
    # For each sampled wall time, the instants it could be: wall minus either offset.
    candidates = sorted(
        {
            int((wall - dt.datetime(1970, 1, 1)).total_seconds()) - offset
            for change, wall in samples
            for offset in (change.before, change.after)
        }
    )
    readings = _gnu_clock(zone, [*instants, *candidates])
    gnu = dict(zip([*instants, *candidates], readings, strict=True))
    for instant in instants:
        report.instants += 1
        ours = _ours(zone, instant)
        if ours != gnu[instant]:
            report.mismatches.append(
                f"{zone} @{instant}: launchcal {ours}, GNU date {gnu[instant]}"
            )
    for change, wall in samples:
        epoch = int((wall - dt.datetime(1970, 1, 1)).total_seconds())
        text = wall.strftime("%Y-%m-%dT%H:%M:%S")
        shown = sorted(
            {epoch - offset for offset in (change.before, change.after)
             if gnu[epoch - offset][0] == text}
        )  # fmt: skip
        _check_wall(zone, wall, shown, [epoch - change.after, epoch - change.before], report)


def _check_wall(
    zone: str, wall: dt.datetime, shown: list[int], both: list[int], report: Report
) -> None:
    """``shown``: the instants GNU displays as ``wall`` (0 = a gap, 2 = an overlap)."""
    label = f"{zone} wall {wall:%Y-%m-%d %H:%M:%S}"
    try:
        single = tz.localize(wall, zone)
    except NonexistentTimeError:
        report.gaps += 1
        if shown:
            report.mismatches.append(f"{label}: launchcal says it does not exist, GNU shows it")
            return
        expected = sorted(both)
    except AmbiguousTimeError:
        report.folds += 1
        if len(shown) != 2:
            report.mismatches.append(f"{label}: launchcal says it happens twice, GNU {shown}")
            return
        expected = shown
    else:
        report.mismatches.append(
            f"{label}: launchcal read it as {single.isoformat()} without asking; GNU {shown}"
        )
        return
    earlier = int(tz.localize(wall, zone, "earlier").timestamp())
    later = int(tz.localize(wall, zone, "later").timestamp())
    if [earlier, later] != expected:
        report.mismatches.append(f"{label}: launchcal offers {earlier}, {later}; GNU {expected}")


def sweep(zones: Sequence[str] | None = None) -> Report:
    """Check ``zones`` (default: every zone name in the database, links included)."""
    names = sorted(tz.zone_names()) if zones is None else list(zones)
    report = Report(zones=len(names))
    for zone, changes in transitions(names).items():
        report.transitions += len(changes)
        report.offset_transitions += sum(1 for c in changes if c.before != c.after)
        _check_zone(zone, changes, report)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m launchcal.verify [ZONE...]``: print the counts; exit 1 on any mismatch."""
    return sweep_main("launchcal.verify", __doc__, sweep, argv)


def sweep_main(
    module: str, description: str | None, run: Callable[[list[str] | None], Any], argv: Any
) -> int:
    """The command line of a sweep (this one, :mod:`launchcal.clientsweep`): zones to check
    (default: all), the report's counts, the first 50 mismatches; exit 1 on any."""
    parser = argparse.ArgumentParser(prog=f"python -m {module}", description=description)
    parser.add_argument("zones", nargs="*", help="zones to check (default: all)")
    args = parser.parse_args(argv)
    report = run(args.zones or None)
    for line in report.lines():
        print(line)
    for mismatch in report.mismatches[:50]:
        print("MISMATCH", mismatch)
    return 1 if report.mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
