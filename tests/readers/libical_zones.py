"""What both libical readers share: the file's own VTIMEZONEs as libical zones, by TZID.

Imported by libical_read.py and libical_expand.py (their folder is on sys.path when they run).
"""


def file_zones(ical, root):
    """Every VTIMEZONE of ``root`` as an ``ICalGLib.Timezone``, keyed by its TZID."""
    zones = {}
    kind = ical.ComponentKind.VTIMEZONE_COMPONENT
    vtimezone = root.get_first_component(kind)
    while vtimezone is not None:
        zone = ical.Timezone.new()
        zone.set_component(vtimezone.clone())
        zones[zone.get_tzid()] = zone
        vtimezone = root.get_next_component(kind)
    return zones
