"""libical (Evolution's parser) expands every recurring VEVENT of each file named on the
command line and prints one JSON object keyed by path and then UID: the UTC instant of each
occurrence's start, from libical's own RRULE iterator (``RecurIterator``) on DTSTART's wall time,
less the EXDATEs, each turned into an instant with the file's own VTIMEZONE for its TZID.

Run with the system Python (/usr/bin/python3): python3-gi is Debian's, not the venv's.
"""

import datetime as dt
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as I  # noqa: E402
from libical_zones import file_zones  # noqa: E402

KIND = I.PropertyKind
LIMIT = 5000


def seconds(value, zone):
    if value.is_utc() or zone is None:
        return value.as_timet()
    return value.as_timet_with_zone(zone)


def expand(vevent, zones):
    prop = vevent.get_first_property(KIND.DTSTART_PROPERTY)
    start = prop.get_dtstart()
    tzid = prop.get_parameter_as_string("TZID")
    zone = zones.get(tzid) if tzid else None
    rule = vevent.get_first_property(KIND.RRULE_PROPERTY)
    if rule is None:
        return [seconds(start, zone)]
    skip = set()
    exdate = vevent.get_first_property(KIND.EXDATE_PROPERTY)
    while exdate is not None:
        skip.add(seconds(exdate.get_exdate(), zone))
        exdate = vevent.get_next_property(KIND.EXDATE_PROPERTY)
    iterator = I.RecurIterator.new(rule.get_rrule(), start)
    found = []
    moment = iterator.next()
    while moment is not None and not moment.is_null_time() and len(found) < LIMIT:
        instant = seconds(moment, zone)
        if instant not in skip:
            found.append(instant)
        moment = iterator.next()
    return found


def read(path):
    with open(path, encoding="utf-8") as source:
        root = I.Component.new_from_string(source.read())
    zones = file_zones(I, root)
    found = {}
    vevent = root.get_first_component(I.ComponentKind.VEVENT_COMPONENT)
    while vevent is not None:
        uid = vevent.get_first_property(KIND.UID_PROPERTY).get_value_as_string()
        found[uid] = [
            dt.datetime.fromtimestamp(value, dt.UTC).isoformat() for value in expand(vevent, zones)
        ]
        vevent = root.get_next_component(I.ComponentKind.VEVENT_COMPONENT)
    return found


print(json.dumps({path: read(path) for path in sys.argv[1:]}))
