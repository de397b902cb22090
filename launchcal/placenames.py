"""A place's name in the reader's language: "London" is "Londres", "伦敦", "Лондон".

The names come from CLDR through babel: every locale's exemplar city of each time zone (the
city a zone is named after, ~450 of the world's largest and best-known cities) and its
territory names for countries. A city is given its CLDR name when it *is* the zone's exemplar
city (the English exemplar name matches the place's own name); any other city of at least
100,000 people takes GeoNames' name for it in the language of one of launchcal's catalogs
("München", "Monachium", "ミュンヘン"; built into the place index, see
``scripts/build_places.py``); smaller cities, or UTC, keep the name launchcal found them under;
a zone named by its IANA name reads as its city.
"""

from __future__ import annotations

import unicodedata

from launchcal.places import Place

__all__ = ["is_zone_city", "local_name", "own_name"]


def _folded(text: str) -> str:
    """Case and accents folded, a trailing "City" dropped: "New York City" ~ "New York"."""
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()
    return plain.removesuffix(" city").strip()


def is_zone_city(name: str, zone: str) -> bool:
    """Whether a city called ``name`` on ``zone`` is the zone's CLDR exemplar city, whose name
    CLDR gives in every locale.

    Examples:
        >>> is_zone_city("New York City", "America/New_York")
        True
        >>> is_zone_city("Munich", "Europe/Berlin")
        False
    """
    from launchcal import i18n

    return _folded(name) == _folded(i18n.city_of_zone(zone, "en"))


def local_name(place: Place, locale: str) -> str:
    """``place``'s name as a reader of ``locale`` writes it; its own name where CLDR has none.

    Examples:
        >>> local_name(Place("London", "Europe/London", "city"), "fr")
        'Londres'
        >>> local_name(Place("New York City", "America/New_York", "city"), "zh")
        '纽约'
        >>> local_name(Place("Kenya", "Africa/Nairobi", "country", country_code="KE"), "ar")
        'كينيا'
        >>> local_name(Place("Mombasa", "Africa/Nairobi", "city"), "fr")
        'Mombasa'
        >>> from launchcal.places import resolve
        >>> local_name(resolve("Munich"), "de"), local_name(resolve("Cologne"), "nl")
        ('München', 'Keulen')
    """
    if locale == "en" or locale.startswith("en_"):
        return place.label
    name = _own_name(place, locale)
    if place.picked and place.label != place.name:
        # Picked over namesakes: the region and country show, so a wrong pick shows too.
        from launchcal import i18n

        country = place.country
        if place.country_code:
            found = i18n.locale_data(locale).territories.get(place.country_code)
            country = str(found) if found else country
        parts = [name, *(p for p in (place.region, country) if p and p not in (place.name, name))]
        from launchcal import messages

        # NOTE: what stands between a city and its region and country ("London, United
        # Kingdom"): your language's comma, with the space it takes (none after "，" or "、").
        return messages.words(locale).pgettext("place name parts", ", ").join(parts)
    return name


def own_name(place: Place, locale: str) -> str:
    """``place``'s own name in ``locale``, without the region and country that tell namesakes
    apart (a list of the audience's cities, where those would crowd the line).

    Examples:
        >>> own_name(Place("London", "Europe/London", "city", picked=True), "fr")
        'Londres'
    """
    if locale == "en" or locale.startswith("en_"):
        return place.name
    return _own_name(place, locale)


def _own_name(place: Place, locale: str) -> str:
    from launchcal import i18n

    if place.kind == "city":
        if is_zone_city(place.name, place.zone):
            return i18n.exemplar_city(place.zone, locale) or place.name
        from launchcal import messages, places

        catalog = messages.catalog_for(locale)
        return (catalog and places.city_name_in(place, catalog)) or place.name
    if place.kind in ("zone", "local") and "/" in place.zone and place.name == place.zone:
        return i18n.city_of_zone(place.zone, locale)  # "Asia/Kolkata" reads "Calcutta" in French
    if place.kind == "country" and place.country_code:
        found = i18n.locale_data(locale).territories.get(place.country_code)
        return str(found) if found else place.name
    return place.name
