"""libical (Evolution's parser) reads each file named on the command line, through GObject
introspection, and prints one JSON object keyed by path: every VEVENT's text, the UTC instant
of DTSTART and DTEND worked out from the file's own VTIMEZONE for its TZID (libical's built-in
zones only when the file has none), and what ``check_restrictions`` found (X-LIC-ERROR).

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


def instant(component, kind, zones):
    prop = component.get_first_property(kind)
    if prop is None:
        return None
    value = prop.get_dtstart() if kind == KIND.DTSTART_PROPERTY else prop.get_dtend()
    if value.is_date():
        return f"{value.get_year():04d}-{value.get_month():02d}-{value.get_day():02d}"
    tzid = prop.get_parameter_as_string("TZID")
    if value.is_utc():
        seconds = value.as_timet()
    elif tzid is not None and tzid in zones:
        seconds = value.as_timet_with_zone(zones[tzid])
    elif tzid is not None and value.get_timezone() is not None:
        seconds = value.as_timet_with_zone(value.get_timezone())
    else:
        return "floating"
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()


def text(component, kind):
    prop = component.get_first_property(kind)
    return None if prop is None else prop.get_value_as_string()


def alarms(vevent):
    found = []
    alarm = vevent.get_first_component(I.ComponentKind.VALARM_COMPONENT)
    while alarm is not None:
        trigger = alarm.get_first_property(KIND.TRIGGER_PROPERTY).get_trigger()
        found.append(trigger.get_duration().as_int())
        alarm = vevent.get_next_component(I.ComponentKind.VALARM_COMPONENT)
    return found


def errors(component):
    found = []
    prop = component.get_first_property(KIND.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(prop.get_value_as_string())
        prop = component.get_next_property(KIND.XLICERROR_PROPERTY)
    child = component.get_first_component(I.ComponentKind.ANY_COMPONENT)
    while child is not None:
        found.extend(errors(child))
        child = component.get_next_component(I.ComponentKind.ANY_COMPONENT)
    return found


def read(path):
    with open(path, encoding="utf-8") as source:
        root = I.Component.new_from_string(source.read())
    if root is None:
        return {"error": "libical could not parse the file"}
    root.check_restrictions()
    zones = file_zones(I, root)
    events = []
    vevent = root.get_first_component(I.ComponentKind.VEVENT_COMPONENT)
    while vevent is not None:
        sequence = vevent.get_first_property(KIND.SEQUENCE_PROPERTY)
        events.append(
            {
                "uid": text(vevent, KIND.UID_PROPERTY),
                "summary": vevent.get_summary(),
                "description": vevent.get_description(),
                "location": vevent.get_location(),
                "status": text(vevent, KIND.STATUS_PROPERTY),
                "sequence": None if sequence is None else sequence.get_sequence(),
                "start": instant(vevent, KIND.DTSTART_PROPERTY, zones),
                "end": instant(vevent, KIND.DTEND_PROPERTY, zones),
                "url": text(vevent, KIND.URL_PROPERTY),
                "alarms": alarms(vevent),
            }
        )
        vevent = root.get_next_component(I.ComponentKind.VEVENT_COMPONENT)
    return {"events": events, "errors": errors(root)}


print(json.dumps({path: read(path) for path in sys.argv[1:]}))
