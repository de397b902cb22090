"""The two peers of ``bench_scale.py``, each run as a whole process on the same event file.

    python benchmarks/scale_peers.py icspy EVENTS.toml ZONES.json OUT.ics
    python benchmarks/scale_peers.py icalendar EVENTS.toml OUT.ics

``icspy``: ics-py's way. The file is read with ``tomllib`` (as launchcal reads it); each event's
``zone`` string is looked up in ``ZONES.json`` (the IANA zone the generator chose for every place
string in the file, so ics-py does no place search: launchcal does); its wall time gets a
``zoneinfo`` zone, its duration is parsed, and it becomes an ``ics.Event`` with title, start, end,
uid, description, location, url, status and one ``DisplayAlarm`` per reminder, in one
``ics.Calendar`` streamed to ``OUT.ics`` by ``serialize_iter``. ics-py writes every time in UTC,
with no VTIMEZONE and no DTSTAMP, and folds no lines, so it does less than launchcal.

``icalendar``: the straightforward icalendar way. launchcal's own reader loads the file (so both
sides do the same reading, place resolution included), then ``bench_ics.straightforward`` builds
the feed as icalendar's documentation does (``Event.new`` and ``Alarm.new_display`` per event,
``add_missing_timezones``, ``to_ical``) and the bytes go to ``OUT.ics``.

Imports stay inside each side so that neither pays for the other's start-up.
"""

from __future__ import annotations

import sys


def icspy(events_path: str, zones_path: str, out_path: str) -> None:
    """The feed written with ics-py, from the same TOML file."""
    import datetime as dt
    import json
    import re
    import tomllib
    import zoneinfo

    import ics
    from ics.alarm import DisplayAlarm

    with open(events_path, "rb") as handle:  # noqa: PTH123
        data = tomllib.load(handle)
    with open(zones_path, encoding="utf-8") as handle:  # noqa: PTH123
        zone_of: dict[str, str] = json.load(handle)
    units = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}

    def duration(text: str) -> dt.timedelta:
        parts = re.findall(r"(\d+)([dhms])", text)
        return dt.timedelta(**{units[unit]: int(amount) for amount, unit in parts})

    calendar = ics.Calendar()
    for raw in data["event"]:
        start = raw["start"]
        item = ics.Event(
            name=raw["title"],
            uid=f"{raw['id']}@launchcal",
            description=raw.get("description"),
            url=raw.get("url"),
        )
        if isinstance(start, dt.datetime):
            zone = zoneinfo.ZoneInfo(zone_of[raw["zone"]])
            item.begin = start.replace(tzinfo=zone, fold=int(raw.get("fold") == "later"))
            if "duration" in raw:
                item.duration = duration(raw["duration"])
        else:
            item.begin = start
            item.make_all_day()
        location = raw.get("location")
        if isinstance(location, dict):
            location = location.get("name") or "Online"
        item.location = location
        if "status" in raw:
            item.status = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}.get(
                raw["status"], "CONFIRMED"
            )
        for before in raw.get("reminders", ()):
            item.alarms.append(DisplayAlarm(trigger=-duration(before)))
        calendar.events.add(item)
    with open(out_path, "w", encoding="utf-8", newline="") as out:  # noqa: PTH123
        out.writelines(calendar.serialize_iter())


def plain_icalendar(events_path: str, out_path: str) -> None:
    """The feed the straightforward icalendar way, from launchcal's reading of the file."""
    import datetime as dt
    import os

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # noqa: PTH100, PTH120
    from bench_ics import straightforward

    from launchcal import eventfile

    calendar = eventfile.load(events_path)
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with open(out_path, "wb") as out:  # noqa: PTH123
        out.write(straightforward(calendar, stamp))


if __name__ == "__main__":
    side, *paths = sys.argv[1:]
    if side == "icspy":
        icspy(*paths)
    elif side == "icalendar":
        plain_icalendar(*paths)
    else:
        raise SystemExit(f"unknown side {side!r}; use icspy or icalendar")
