"""Turn what a person types ("Nairobi", "China", "Asia/Calcutta", "local") into a time zone.

This first version knows IANA zone names and ``local``; cities, countries and abbreviations
come from a compact GeoNames index (in progress).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from launchcal import tz
from launchcal.errors import UnknownPlaceError

__all__ = ["Place", "complete", "local_place", "resolve", "search"]

PlaceKind = Literal["city", "country", "zone", "abbreviation", "local"]


@dataclass(frozen=True)
class Place:
    """A named place and the IANA zone its clocks follow."""

    name: str
    zone: str
    kind: PlaceKind
    region: str = ""
    country: str = ""
    country_code: str = ""
    population: int = 0

    def describe(self) -> str:
        """One phrase that tells candidates apart: ``Springfield, Illinois, United States
        (America/Chicago)``."""
        parts = [self.name, *(p for p in (self.region, self.country) if p and p != self.name)]
        return f"{', '.join(parts)} ({self.zone})"


def local_place() -> Place:
    """The viewer's own zone, from ``TZ`` or the system settings (via tzlocal)."""
    import tzlocal

    tz.database()
    name = tzlocal.get_localzone_name() or "UTC"
    zone = tz.canonical_zone(name) or "UTC"
    return Place(name=zone, zone=zone, kind="local")


def resolve(query: str) -> Place:
    """The one place ``query`` names.

    Raises:
        UnknownPlaceError: nothing matches (with up to three suggestions).
        AmbiguousPlaceError: several places in different zones match.
    """
    text = query.strip()
    if text.casefold() == "local":
        return local_place()
    zone = tz.canonical_zone(text)
    if zone is not None:
        return Place(name=zone, zone=zone, kind="zone")
    raise UnknownPlaceError(query)


def search(query: str, limit: int = 20) -> list[Place]:
    """Every place ``query`` could mean, most populous first."""
    try:
        return [resolve(query)][:limit]
    except UnknownPlaceError:
        return []


def complete(prefix: str, limit: int = 50) -> list[str]:
    """Place names that start with ``prefix``, for shell completion."""
    folded = prefix.casefold()
    return sorted(n for n in tz.zone_names() if n.casefold().startswith(folded))[:limit]
