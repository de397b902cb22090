"""Turn what a person types ("Nairobi", "China", "Asia/Calcutta", "local") into a time zone.

Names come from a compact SQLite index, ``launchcal/data/places.sqlite``, that
``scripts/build_places.py`` builds from GeoNames (every city of at least 15,000 people, with its
alternate names), CLDR (country names, the zones' exemplar cities) and the tz database (each
country's zones, the abbreviations in use). Loading GeoNames itself costs 0.37 s and 74 MiB; a
lookup in the index costs well under a millisecond. Matching ignores case, accents and
punctuation: "sao paulo" is "São Paulo", "ZURICH" is "Zürich", "St Louis" is "St. Louis".

How a query is read:

1. ``local`` is the viewer's zone; anything with a ``/`` is an IANA name, legacy ones too
   (``Asia/Calcutta`` is reported as ``Asia/Kolkata``).
2. Otherwise the index is asked, and the best tier with a match wins (see :data:`TIERS`):
   ``UTC``/``GMT``; then country names (so "Mexico" is the country, not Mexico, Pampanga); then,
   on one footing, city names, the zones' own city names ("Kiritimati", "Calcutta"),
   abbreviations in current use and ISO country codes; then alternate names ("Peking",
   "Bombay", "北京") and tz names without a slash ("PRC"); last, airport-style codes ("NYC").
3. Within that tier, matches whose zones agree on every UTC offset from 2000 to 2037 count as
   one (America/Detroit with America/New_York). If they all agree, the most populous wins.
   Otherwise it wins only when it has at least :data:`DOMINANCE` times the people of the
   biggest match elsewhere and no match elsewhere is *pinned* (a zone's own city name, a
   country or an abbreviation: names a head count must not silence). "Paris" is Europe/Paris
   (2.1M against Paris, Texas, 25k); "Springfield" (Missouri 170k, Massachusetts 154k, ...),
   "Vancouver" (662k against 196k) and "Chatham" (Kent, Ontario, and the Chatham Islands'
   own zone) are ambiguous. Two-letter codes compete with cities this way: "SE" is Sweden
   (7.1M against Sé, Macau, 52k), "LA" is ambiguous (Los Angeles, Laos).
4. A country or an abbreviation stands for one zone or is ambiguous, as the build decided: a
   country when the zones agreeing with its biggest one hold 90% of its city population
   (China 98.5%: yes; Indonesia 82.7%, Brazil 64.7%: no), an abbreviation when every zone using
   it since two years before the tzdata release agrees from then on (EAT: yes; CST: China, US
   Central, Cuba...; IST: India, Israel, Ireland).
5. ``Name, Qualifier`` narrows cities by country (name or code) or region (US state name or
   code, Canadian and Australian codes, or a GeoNames letter code such as ``ZH``):
   ``Springfield, IL``, ``Paris, Texas``, ``Vancouver, BC``.

Issue 12 added what announcements write:

- clock names from CLDR's metazones ("Eastern Time", "India Standard Time", "ET", "AEST") and a
  few shorthands ("Pacific"), a tier above ISO codes, so "ET" is not Ethiopia; each means the
  zone CLDR's Windows mapping gives it ("Mountain Standard Time" is Denver, not Phoenix), and a
  standard or daylight name carries its UTC offset (:attr:`Place.offset`);
- regions (US states; Canadian, Australian, Brazilian and some Mexican states), which resolve
  like countries ("Arizona" is America/Phoenix), metro areas and launch sites ("Bay Area");
- UTC offsets as fixed-offset places (``UTC+3`` is ``Etc/GMT-3``, whose POSIX sign is shown);
- alternate names of metropolises that beat a town's own name unless the town's name is what
  was typed ("Pékin" is Beijing; "Pekin" and "Canton" are ambiguous), a code that never
  silently beats a name ("LON"), and every pick over namesakes marked :attr:`Place.picked` so
  that output names it in full ("Beijing, China");
- ``resolve(..., at=instant)``: candidates that agree on the offset then are one answer.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial
from typing import TYPE_CHECKING, Literal, NamedTuple, get_args

from launchcal import tz
from launchcal.errors import AmbiguousPlaceError, InputError, UnknownPlaceError

if TYPE_CHECKING:
    import sqlite3

__all__ = [
    "Place",
    "PlaceAt",
    "city_name_in",
    "complete",
    "index_metadata",
    "local_place",
    "resolve",
    "search",
    "zone_populations",
]

PlaceKind = Literal["city", "country", "region", "zone", "abbreviation", "offset", "local"]
_KINDS: dict[str, PlaceKind] = {
    "city": "city",
    "country": "country",
    "region": "region",
    "abbreviation": "abbreviation",
}

#: The shipped index and the layout this module reads.
INDEX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "places.sqlite")
INDEX_FORMAT = 3

#: The most populous match wins when it has this many times the people of the next one whose
#: zone behaves differently.
DOMINANCE = 10
#: The smallest city in the index (GeoNames cities15000): what a place of unknown size counts as.
MIN_POPULATION = 15_000
#: How many candidates an ambiguity error lists.
MAX_CANDIDATES = 8

#: Where a name comes from -> its tier; a query takes the best tier it matches, then the rules.
TIERS = {
    "u": 0,  # a tz name for UTC itself: UTC, GMT, Zulu
    "n": 1,  # a country's name: China, USA
    "s": 1,  # a clock's name (CLDR metazone) or shorthand: Eastern Time, ET, India Time
    "c": 2,  # a GeoNames city's name: Paris
    "x": 2,  # a zone's own city name (CLDR exemplar, zone id): Kiritimati, Lord Howe
    "a": 2,  # an abbreviation in current use: EAT, CST
    "i": 2,  # an ISO 3166 code: KE
    "r": 2,  # a region's name: Arizona, Ontario, Queensland
    "m": 2,  # a metro area or launch site: Bay Area, NYC, Cape Canaveral
    "o": 2,  # a two-letter city code: LA
    "z": 2,  # a legacy tz link's city: Calcutta, Saigon, South Pole
    "k": 3,  # a city's alternate name: Peking, Bombay, 北京
    "l": 3,  # another tz name without a slash: PRC, Eire
    "q": 4,  # a city's three- or four-letter code: NYC, NBO
    "e": 5,  # CLDR's English meaning of an abbreviation tzdata gives several: CST, PST
}
#: Tiers up to this one live in the ``names`` table, the rest in ``aliases``.
NAME_TIERS = 2

_SPECIAL = str.maketrans(
    {
        "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d",
        "ħ": "h", "ŧ": "t", "&": " and ", "'": "", "’": "", "ʻ": "", "ʼ": "", "`": "", ".": "",
    }
)  # fmt: skip


def fold(text: str) -> str:
    """The form names are compared in: no case, accents or punctuation.

    Only Latin combining accents are dropped, so non-Latin scripts keep their vowel signs;
    shared with ``scripts/build_places.py`` so that index keys and queries fold alike.

    Examples:
        >>> fold("São Paulo"), fold("ZÜRICH"), fold("St. John's"), fold("Bosnia & Herzegovina")
        ('sao paulo', 'zurich', 'st johns', 'bosnia and herzegovina')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    kept = []
    for char in decomposed:
        if "\u0300" <= char <= "\u036f":
            continue
        kept.append(char if unicodedata.category(char)[0] in "LNM" else " ")
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())


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
    #: The UTC offset (seconds) the name stands for, whatever the zone does: "EST", "UTC+3".
    offset: int | None = None
    #: Chosen over namesakes on other clocks ("Pekin" over Pekin, Illinois): shown in full.
    picked: bool = field(default=False, compare=False)

    def describe(self) -> str:
        """One phrase that tells candidates apart: ``Springfield, Illinois, United States
        (America/Chicago)``."""
        return f"{self.full_name()} ({self.zone})"

    def full_name(self) -> str:
        """``Pekin, Illinois, United States``: the name with its region and country."""
        parts = [self.name, *(p for p in (self.region, self.country) if p and p != self.name)]
        return ", ".join(parts)

    @property
    def label(self) -> str:
        """How output names the place: in full when it was picked over namesakes, so that a
        wrong pick shows ("Pekin, Illinois, United States"); else its name."""
        return self.full_name() if self.picked else self.name


class PlaceAt(NamedTuple):
    """A query whose candidates differ over the years: decided at an event's instant, when
    those that agree then are one answer (``--in PDT`` for a launch in July 2022)."""

    query: str

    def resolve(self, at: dt.datetime) -> Place:
        """The place ``query`` names at ``at`` (or the ambiguity error, listing candidates)."""
        return resolve(self.query, at=at)


# --- the index ----------------------------------------------------------------------------------


class _Index(NamedTuple):  # NamedTuple, not dataclass: 0.1 ms to define instead of 0.9
    db: sqlite3.Connection
    meta: dict[str, str]
    #: Built against another tz database than the one in use: re-check zone names.
    stale: bool


def _sqlite_uri(path: str) -> str:
    """A ``file:`` URI for SQLite (pathlib would cost this command 2 ms of imports).

    SQLite needs only ``%``, ``?`` and ``#`` escaped in the path part.
    """
    escaped = path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return "file:" + escaped


@cache
def _index() -> _Index:
    import sqlite3  # here: a name found among the remembered answers needs no index

    try:
        db = sqlite3.connect(
            _sqlite_uri(INDEX) + "?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
        meta = {str(k): str(v) for k, v in db.execute("SELECT key, value FROM meta")}
    except sqlite3.Error as error:
        raise InputError(
            f"the place index {INDEX} cannot be read ({error}); reinstall launchcal or run "
            "scripts/build_places.py"
        ) from error
    if meta.get("format") != str(INDEX_FORMAT):
        raise InputError(
            f"the place index {INDEX} has format {meta.get('format')!r}, not {INDEX_FORMAT}; "
            "run scripts/build_places.py"
        )
    return _Index(db, meta, meta.get("tzdata") != tz.database().version)


def index_db() -> sqlite3.Connection:
    """The place index itself, read-only, for modules that read its other tables (``words``)."""
    return _index().db


def index_metadata() -> dict[str, str]:
    """What the place index was built from: ``tzdata`` version, ``attribution``, sources.

    Examples:
        >>> "GeoNames" in index_metadata()["attribution"]
        True
    """
    return dict(_index().meta)


def city_name_in(place: Place, catalog: str) -> str | None:
    """GeoNames' name of a big city in a shipped catalog's language, if it differs from its own.

    The city is found by its own name, country and population (what a :class:`Place` keeps
    of its index row); a namesake cannot share all three.

    Examples:
        >>> munich = resolve("Munich")
        >>> city_name_in(munich, "de"), city_name_in(munich, "pl"), city_name_in(munich, "ja")
        ('München', 'Monachium', 'ミュンヘン')
        >>> city_name_in(Place("Mombasa", "Africa/Nairobi", "city"), "fr") is None
        True
    """
    if place.kind != "city" or not place.population:
        return None
    found = (
        _index()
        .db.execute(
            """
        SELECT l.name FROM names AS n
        JOIN places AS p ON p.id = n.place
        JOIN local_names AS l ON l.place = p.id AND l.locale = ?
        WHERE n.key = ? AND p.kind = 'city' AND p.country = ? AND p.population = ?
        """,
            (catalog, fold(place.name), place.country_code, place.population),
        )
        .fetchone()
    )
    return str(found[0]) if found else None


def zone_populations() -> dict[str, int]:
    """How many people (GeoNames cities of 15,000+) live on each zone's clock.

    Examples:
        >>> zone_populations()["Asia/Shanghai"] > zone_populations()["Asia/Urumqi"]
        True
    """
    return {
        _zone_name(name): population
        for name, population in _index().db.execute("SELECT name, population FROM zones")
    }


def _zone_name(stored: str) -> str:
    if _index().stale:
        return tz.canonical_zone(stored) or stored
    return stored


class _Row(NamedTuple):
    """A place row as a query sees it."""

    id: int
    kind: str
    name: str
    zone: str | None
    group: int
    country_code: str
    country: str
    region_code: str
    region: str
    population: int
    pinned: bool
    tier: int
    offset: int | None = None

    def place(self) -> Place:
        """The place itself; only valid when ``zone`` is known."""
        assert self.zone is not None
        zone = _zone_name(self.zone)
        if self.kind == "zone":
            zone = tz.canonical_zone(self.name) or zone
            return Place(name=zone, zone=zone, kind="zone")
        return Place(
            name=self.name,
            zone=zone,
            kind=_KINDS[self.kind],
            region=self.region,
            country=self.country,
            country_code=self.country_code,
            population=self.population,
            offset=self.offset,
        )


_SELECT = """
SELECT p.id, p.kind, p.name, z.name, z.grp, p.country, coalesce(c.name, ''), p.region,
       coalesce(r.name, ''), p.population, p.pinned, p.offset, {source}
FROM {table}
LEFT JOIN zones AS z ON z.id = p.zone
LEFT JOIN countries AS c ON c.code = p.country
LEFT JOIN regions AS r ON r.country = p.country AND r.code = p.region
WHERE {where} = ?
"""
_BY_NAME = _SELECT.format(
    source="n.source", table="names AS n JOIN places AS p ON p.id = n.place", where="n.key"
)
_BY_ALIAS = _BY_NAME.replace("names AS n", "aliases AS n")
_BY_ID = _SELECT.format(source="'c'", table="places AS p", where="p.id")


def _rows(sql: str, value: str | int) -> list[_Row]:
    rows = []
    for record in _index().db.execute(sql, (value,)):
        pid, kind, name, zone, group, code, country, rcode, region, pop, pinned, offset, source = (
            record
        )
        rows.append(
            _Row(
                id=pid,
                kind=kind,
                name=name,
                zone=zone,
                # A country or abbreviation spanning zones is a group of its own.
                group=group if zone is not None else -pid,
                country_code=code,
                country=country,
                region_code=rcode,
                region=region,
                population=pop,
                pinned=bool(pinned),
                tier=TIERS[source],
                offset=offset,
            )
        )
    return rows


def _lookup(key: str, *, every_tier: bool = False, typed: str = "") -> list[_Row]:
    """Rows a folded name matches, best tier first (only the best tier unless asked).

    A later tier's match joins the best tier's when it has :data:`DOMINANCE` times its people:
    an alternate name of a metropolis must not lose to a town's own name. It wins when the
    words ``typed`` differ from the town's own spelling ("Pékin" is Beijing, not Pekin,
    Illinois); when they are the town's name exactly ("Pekin", "Canton", "Alessandria"), both
    stand and the query is ambiguous: a town's own name is never silently taken for another.
    """
    rows = _rows(_BY_NAME, key) + _rows(_BY_ALIAS, key)
    best: dict[int, _Row] = {}
    for row in rows:
        if row.id not in best or row.tier < best[row.id].tier:
            best[row.id] = row
    ordered = sorted(best.values(), key=lambda r: (r.tier, -r.population, r.id))
    if every_tier or not ordered:
        return ordered
    first = ordered[0].tier
    if first < TIERS["c"]:
        # A country and a big region named alike compete ("Georgia").
        floor = max(r.population for r in ordered if r.tier == first) // DOMINANCE
        return [
            r
            for r in ordered
            if r.tier == first or (r.kind == "region" and r.population >= max(floor, 1))
        ]
    floor = DOMINANCE * max(MIN_POPULATION, *(r.population for r in ordered if r.tier == first))
    found = [r for r in ordered if r.tier == first or r.population >= floor]
    if len(found) > sum(r.tier == first for r in ordered) and _spelled_as_named(key, typed):
        found = [r._replace(pinned=True) if r.tier == first else r for r in found]
    return found


def _spelled_as_named(key: str, typed: str) -> bool:
    """Whether ``typed`` is exactly (but for case) how a best-tier place spells its name."""
    wanted = unicodedata.normalize("NFC", " ".join(typed.split())).casefold()
    return any(
        unicodedata.normalize("NFC", str(text)).casefold() == wanted
        for (text,) in _index().db.execute("SELECT text FROM names WHERE key = ?", (key,))
    )


def _choices(row: _Row) -> list[tuple[Place, str]]:
    """The candidates an ambiguous country or abbreviation stands for, biggest first, each
    with the name of a city on its zone (for the hint)."""
    found = []
    for zone, zone_country, country, population, city in _index().db.execute(
        """
        SELECT z.name, z.country, coalesce(c.name, ''), ch.population, ch.city
        FROM choices AS ch
        JOIN zones AS z ON z.id = ch.zone
        LEFT JOIN countries AS c ON c.code = z.country
        WHERE ch.place = ? ORDER BY ch.seq
        """,
        (row.id,),
    ):
        city_place = _place_by_id(city) if city is not None else None
        if row.kind == "abbreviation":
            place = Place(
                name=row.name,
                zone=_zone_name(zone),
                kind="abbreviation",
                country=country,
                country_code=zone_country,
                population=population,
                offset=row.offset,
            )
        elif city_place is not None:
            place = city_place
        else:
            place = Place(
                name=row.name,
                zone=_zone_name(zone),
                kind="country",
                country=row.country,
                country_code=row.country_code,
                population=population,
            )
        found.append((place, city_place.name if city_place else ""))
    return found


def _place_by_id(place_id: int) -> Place:
    return _rows(_BY_ID, place_id)[0].place()


def _expand(row: _Row) -> list[Place]:
    return [row.place()] if row.zone is not None else [p for p, _ in _choices(row)]


# --- deciding -----------------------------------------------------------------------------------


def _winner(rows: Sequence[_Row]) -> tuple[_Row | None, bool]:
    """The row that clearly wins, or ``None`` when the query is ambiguous (see module doc),
    and whether it won over namesakes on another clock."""
    ranked = sorted(rows, key=lambda r: (-r.population, r.id))
    top = ranked[0]
    elsewhere = [r for r in ranked if r.group != top.group]
    if not elsewhere:
        # On one clock: the name as typed before an alternate ("Ariel", not Jerusalem), and a
        # city before the region named like it ("New York").
        named = min(ranked, key=lambda r: (r.tier, r.kind == "region", -r.population, r.id))
        return named, False
    # A code ("LON") never silently beats a name on another clock (Lognes).
    if top.tier == TIERS["q"] or any(r.pinned for r in elsewhere):
        return None, True
    if top.population > 0 and top.population >= DOMINANCE * elsewhere[0].population:
        return top, True
    return None, True


def _agreeing(candidates: Sequence[Place], at: dt.datetime | None) -> Place | None:
    """The biggest candidate when all of them show the same UTC offset at ``at``: then they
    are one answer for that instant ("10am PDT": Los Angeles and Vancouver agree in 2022)."""
    if at is None or not candidates:
        return None
    offsets = {at.astimezone(tz.zone(p.zone)).utcoffset() for p in candidates}
    if len(offsets) != 1:
        return None
    biggest = max(candidates, key=lambda p: p.population)
    return replace(biggest, picked=True)


def _decide(
    query: str, rows: Sequence[_Row], at: dt.datetime | None = None, offsets: bool = False
) -> Place:
    winner, contested = _winner(rows)
    if winner is not None and winner.zone is not None:
        place = winner.place()
        return replace(place, picked=True) if contested else place
    if winner is not None:  # a country or an abbreviation that spans zones
        candidates = _choices(winner)
        if offsets and winner.offset is not None:
            return replace(candidates[0][0], picked=True)
        agreed = _agreeing([p for p, _ in candidates], at)
        if agreed is not None:
            return agreed
        top, city = candidates[0]
        from launchcal.errors import or_list
        from launchcal.messages import message

        example = or_list([city, top.zone]) if city else repr(top.zone)
        hint = message("name a city or a zone instead, e.g. %(example)s", example=example)
        raise AmbiguousPlaceError(query, _described(p for p, _ in candidates), hint)
    # One candidate per group first, so every zone on offer shows, then the rest by size.
    ranked = sorted(rows, key=lambda r: (-r.population, r.id))
    agreed = _agreeing([p for row in ranked for p in _expand(row)], at)
    if agreed is not None:
        return agreed
    firsts: dict[int, _Row] = {}
    for row in ranked:
        firsts.setdefault(row.group, row)
    chosen = list(firsts.values())[:MAX_CANDIDATES]
    chosen += [r for r in ranked if r not in chosen][: MAX_CANDIDATES - len(chosen)]
    chosen.sort(key=lambda r: (-r.population, r.id))
    places = [p for row in chosen for p in _expand(row)]
    raise AmbiguousPlaceError(query, _described(places), _city_hint(ranked))


def _described(places: Iterable[Place]) -> list[str]:
    """Each candidate's :meth:`Place.describe`, said in the reader's language once known."""
    from launchcal.messages import reworded

    found: dict[str, str] = {}
    for place in places:
        english = place.describe()
        if english not in found:
            found[english] = reworded(english, partial(_described_in, place))
    return list(found.values())[:MAX_CANDIDATES]


def _described_in(place: Place, locale: str) -> str:
    from launchcal import placenames

    return f"{placenames.local_name(replace(place, picked=True), locale)} ({place.zone})"


def _city_hint(ranked: Sequence[_Row]) -> str:
    """An example qualification that picks the biggest candidate out of the others."""
    top = ranked[0]
    cities = [r for r in ranked if r.kind == "city"]
    if top.kind == "region" and cities:
        top = cities[0]  # "Washington": the state first, but the hint names the city's spelling
    from launchcal.messages import message

    if top.kind != "city":
        return message(
            "name a city or a zone instead, e.g. %(example)s", example=repr(_expand(top)[0].zone)
        )
    others = [r for r in ranked if r.group != top.group]
    same_region = any(
        (r.country_code, r.region_code) == (top.country_code, top.region_code) for r in others
    )
    same_country = any(r.country_code == top.country_code for r in others)
    if top.region and top.region_code.isalpha() and not same_region:
        qualifier = top.region_code
    elif not same_country:
        qualifier = top.country or top.country_code
    elif top.region and not same_region:
        qualifier = top.region
    elif top.region_code.isalpha() and not same_region:
        qualifier = top.region_code
    else:
        zone = _expand(top)[0].zone
        return message("name the zone instead, e.g. %(example)s", example=repr(zone))
    example = f"'{top.name}, {qualifier}'"
    return message("add the region or country, e.g. %(example)s", example=example)


@cache
def _qualifier_matches(qualifier: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Countries and ``(country, region)`` pairs a folded qualifier names."""
    db = _index().db
    countries = {
        str(code)
        for (code,) in db.execute(
            "SELECT p.country FROM names AS n JOIN places AS p ON p.id = n.place "
            "WHERE n.key = ? AND n.source IN ('n', 'i')",
            (qualifier,),
        )
    }
    regions = {
        (str(country), str(code))
        for country, code in db.execute(
            "SELECT country, code FROM region_keys WHERE key = ?", (qualifier,)
        )
    }
    return frozenset(countries), frozenset(regions)


def _qualified(text: str) -> tuple[list[_Row], list[_Row]]:
    """Cities for ``Name, Qualifier[, Qualifier]``: ``(matching, named but not qualified)``."""
    parts = [part.strip() for part in text.split(",")]
    named: list[_Row] = []
    for cut in range(len(parts) - 1, 0, -1):
        rows = [
            r for r in _lookup(fold(", ".join(parts[:cut])), every_tier=True) if r.kind == "city"
        ]
        if not rows:
            continue
        named = named or rows
        matching = rows
        for qualifier in parts[cut:]:
            countries, regions = _qualifier_matches(fold(qualifier))
            matching = [
                r
                for r in matching
                if r.country_code in countries or (r.country_code, r.region_code) in regions
            ]
        if matching:
            best = min(r.tier for r in matching)
            return [r for r in matching if r.tier == best], named
    return [], named


def _qualify(row: _Row) -> str:
    """``Name, Region`` or ``Name, Country``: a spelling that finds this city again."""
    qualifier = (row.region_code if row.region_code.isalpha() else row.region) or row.country
    return f"{row.name}, {qualifier or row.country_code}"


# --- suggestions --------------------------------------------------------------------------------


def _suggestions(text: str) -> list[str]:
    """Up to three close names, for "did you mean": spelling first, then population."""
    if "/" in text:
        return _zone_suggestions(text)
    name, comma, qualifier = text.partition(",")
    if comma:
        return [f"{s}, {qualifier.strip()}" for s in _suggestions(name)]
    key = fold(name)
    if not key:
        return []
    from rapidfuzz.distance import OSA  # only "did you mean" needs it

    db = _index().db
    width = max(1, len(key) // 4)
    # Offer names of countries, cities, zone cities and abbreviations; not codes or alternates.
    select = (
        "SELECT n.key, n.text, p.population FROM names AS n JOIN places AS p ON p.id = n.place "
        "WHERE n.source IN ('n', 'c', 'x', 'a') AND length(n.key) BETWEEN ? AND ? "
    )
    band = (len(key) - width, len(key) + width)
    rows = db.execute(
        select + "AND n.key >= ? AND n.key < ?", (*band, key[0], chr(ord(key[0]) + 1))
    ).fetchall()
    # A wrong first letter ("Kairo"): try the big places whatever their initial.
    rows += db.execute(select + "AND p.population >= 1000000", band).fetchall()
    # Edits, with a swap of two neighbours as one edit (the commonest typo: "Chnia"), then size:
    # of the names one slip away, "China" comes before "Chania".
    best: dict[str, tuple[int, int, str]] = {}
    for candidate, spelling, population in rows:
        distance = OSA.distance(key, candidate, score_cutoff=width)
        if distance > width:
            continue
        rank = (distance, -population, spelling)
        if candidate not in best or rank < best[candidate]:
            best[candidate] = rank
    ranked = sorted(best.values())
    if not ranked:
        return []
    closest = ranked[0][0]
    return [spelling for distance, _, spelling in ranked if distance == closest][:3]


def _zone_suggestions(text: str) -> list[str]:
    import difflib

    names = {name.casefold(): name for name in tz.zone_names()}
    close = difflib.get_close_matches(text.strip().replace(" ", "_").casefold(), names, 3, 0.8)
    return [names[name] for name in close]


# --- the API ------------------------------------------------------------------------------------


# --- answers of earlier runs ---------------------------------------------------------------

#: How many answers the cache folder keeps (a line of about 80 bytes each).
_REMEMBER_AT_MOST = 500


@cache
def _made_from(database: tz.TzDatabase) -> str | None:
    """What a name's answer depends on, as the first line of the answers' file: this module's
    and :mod:`launchcal.tz`'s code (known, as Python's own bytecode cache knows a source, by
    its size and time), the index, the tz database and Python's Unicode tables (:func:`fold`).
    ``None`` if one cannot be read."""
    import sys

    try:
        files = [os.stat(path) for path in (__file__, tz.__file__, INDEX)]
    except OSError:
        return None
    sizes = [f"{found.st_size}:{found.st_mtime_ns}" for found in files]
    made_from = (*sizes, database.version, database.path, INDEX_FORMAT, sys.version_info[:2])
    return " ".join(map(str, made_from)).replace("\n", " ")


def _answers_path() -> str | None:
    from launchcal import cache as cache_folder

    folder = cache_folder.folder_name()
    return None if folder is None else os.path.join(folder, "places", "answers.tsv")


@cache
def _remembered(made_from: str | None) -> dict[str, str]:
    """The names earlier runs resolved, each with its answer's line, kept in the cache folder
    by what made them (:func:`_made_from`): a ``when`` whose audience they hold opens no index
    and imports no SQLite (3 ms of its start). A file made otherwise is ignored."""
    path = _answers_path()
    if made_from is None or path is None:
        return {}
    try:
        with open(path, encoding="utf-8") as stream:
            lines = stream.read().split("\n")
    except (OSError, UnicodeDecodeError):
        return {}
    if lines[0] != made_from:
        return {}
    return {text: line for text, _, line in (line.partition("\t") for line in lines[1:] if line)}


def _recalled(text: str) -> Place | None:
    """The place an earlier run found for the name ``text``, if the cache folder holds it."""
    line = _remembered(_made_from(tz.database())).get(text)
    if line is None:
        return None
    fields = line.split("\t")
    kinds: dict[str, PlaceKind] = {kind: kind for kind in get_args(PlaceKind)}
    if len(fields) != 9 or fields[2] not in kinds:
        return None  # not a line this code wrote
    name, zone, kind, region, country, code, population, offset, picked = fields
    try:
        return Place(
            name, zone, kinds[kind], region, country, code,
            int(population), None if offset == "" else int(offset), picked == "1",
        )  # fmt: skip
    except ValueError:
        return None


def _remember(text: str, place: Place) -> None:
    """Keep ``place`` as the answer for ``text`` in the cache folder (see :func:`_remembered`)."""
    made_from = _made_from(tz.database())
    answers = _remembered(made_from)
    path = _answers_path()
    if made_from is None or path is None or len(answers) >= _REMEMBER_AT_MOST:
        return
    fields = [place.name, place.zone, place.kind, place.region, place.country]
    fields += [place.country_code, str(place.population)]
    fields += ["" if place.offset is None else str(place.offset), "1" if place.picked else ""]
    if any(c in field for field in fields for c in "\t\n\r"):
        return  # a line holds one answer
    from launchcal import cache as cache_folder

    line = "\t".join(fields)
    try:  # a name or path with undecodable bytes (lone surrogates) has no UTF-8 line
        f"{made_from}{text}{line}".encode()
    except UnicodeEncodeError:
        return
    answers[text] = line
    lines = [made_from, *(f"{known}\t{line}" for known, line in answers.items())]
    cache_folder.store(path, ("\n".join(lines) + "\n").encode("utf-8"))


def local_place() -> Place:
    """The viewer's own zone, from ``TZ`` or the system settings (see :func:`tz.local_zone`).

    ``TZ`` is read on every call (tzlocal caches its answer for the whole process).
    """
    zone = tz.local_zone()
    return Place(name=zone, zone=zone, kind="local")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not "\u0300" <= c <= "\u036f")


#: The signs of a UTC offset: a query without one is no offset (and needs no pattern).
_SIGNS = ("+", "-", "\u2212")


# The two patterns below are compiled on first need (0.7 ms): "Nairobi" needs neither.
@cache
def _offset() -> re.Pattern[str]:
    """``UTC+8``, ``GMT-3``, ``UTC-05:00``, ``+05:30``, ``UTC+5:45``."""
    return re.compile(
        r"(?:UTC|GMT|Z)?\s*(?P<sign>[+\-\u2212])\s*(?P<h>\d{1,2})(?:[:.h]?(?P<m>\d{2}))?",
        re.IGNORECASE,
    )


@cache
def _time_suffix() -> re.Pattern[str]:
    """What people add after a place to say it is a clock: "India time", "Nairobi local time"."""
    return re.compile(r"^(?:local )?(?P<place>.+?)(?: local)?(?: standard)? time$")


def offset_place(text: str) -> Place | None:
    """``UTC+3`` as a place: a fixed offset, on the tz database's ``Etc/GMT-3``.

    Examples:
        >>> offset_place("UTC+3").zone, offset_place("UTC+3").name
        ('Etc/GMT-3', 'UTC+03:00')
        >>> offset_place("+05:30").offset
        19800
    """
    if not any(sign in text for sign in _SIGNS):
        return None
    match = _offset().fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes = int(match["h"]), int(match["m"] or 0)
    sign = -1 if match["sign"] in "-\u2212" else 1
    if hours > 14 or minutes > 59:
        raise InputError(f"{text!r} is not a UTC offset; offsets run from UTC-12 to UTC+14")
    seconds = sign * (hours * 3600 + minutes * 60)
    name = "UTC" + tz.format_offset(dt.timedelta(seconds=seconds))
    # Etc/GMT-3 is UTC+03:00: POSIX counts hours west of Greenwich as positive.
    zone = f"Etc/GMT{-sign * hours:+d}" if hours and not minutes and hours <= 12 else ""
    if not minutes and (hours == 0 or (sign == 1 and hours in (13, 14))):
        zone = "Etc/GMT" if hours == 0 else f"Etc/GMT-{hours}"
    return Place(name=name, zone=zone, kind="offset", offset=seconds)


def _etc_place(zone: str) -> Place:
    """``Etc/GMT+3`` says UTC-03:00 (POSIX signs): say so where the user typed it."""
    match = re.fullmatch(r"Etc/GMT([+-]\d+)", zone)
    if match is None or match[1] in ("+0", "-0"):
        return Place(name=zone, zone=zone, kind="zone")
    seconds = -int(match[1]) * 3600
    offset = "UTC" + tz.format_offset(dt.timedelta(seconds=seconds))
    return Place(
        name=f"{zone} ({offset}: the tz database's sign is the POSIX one, inverted)",
        zone=zone,
        kind="zone",
        offset=seconds,
    )


def resolve(
    query: str,
    *,
    at: dt.datetime | None = None,
    offsets: bool = False,
    home: str | None = None,
    suggest: bool = True,
) -> Place:
    """The one place ``query`` names (see the module docstring for the rules).

    ``at`` is the instant the place is wanted for: candidates whose clocks agree then are one
    answer (the most populous, marked :attr:`Place.picked`). With ``offsets``, a name that
    stands for one UTC offset is enough ("EST" in a claim is UTC-05:00, whichever of its
    zones is meant): the place returned carries :attr:`Place.offset`. An abbreviation whose
    zones differ is then read as the event's own zone ``home`` uses it ("19:00 CST" about a
    launch in Beijing is China's), else as CLDR's English meaning ("11am CST": US Central),
    labelled with its country so the reading shows. ``suggest=False`` leaves "did you mean"
    out of an unknown place's error (readers that try many spans do not need it).

    Examples:
        >>> resolve("Nairobi").zone, resolve("china").zone, resolve("Asia/Calcutta").zone
        ('Africa/Nairobi', 'Asia/Shanghai', 'Asia/Kolkata')
        >>> resolve("Springfield, IL").describe()
        'Springfield, Illinois, United States (America/Chicago)'
        >>> resolve("Pékin").label, resolve("Arizona").zone, resolve("ET").zone
        ('Beijing, China', 'America/Phoenix', 'America/New_York')

    Raises:
        UnknownPlaceError: nothing matches (with up to three suggestions).
        AmbiguousPlaceError: several places with different zones match.
    """
    text = " ".join(query.split())
    key = fold(text)
    if key == "local":
        return local_place()
    if "/" in text:
        zone = tz.canonical_zone(_strip_accents(text))
        if zone is not None:
            return _etc_place(zone) if zone.startswith("Etc/") else _zone_place(zone)
        raise UnknownPlaceError(query, _suggestions(text))
    fixed = offset_place(text)
    if fixed is not None:
        if not fixed.zone:
            raise InputError(
                f"{fixed.name} has no fixed-offset zone in the tz database; name a place on "
                f"it instead{_on_offset(fixed.offset)}"
            )
        return fixed
    if at is not None or offsets or home is not None:
        return _named(query, text, key, at=at, offsets=offsets, home=home, suggest=suggest)
    known = _recalled(text)
    if known is not None:
        return known
    found = _named(query, text, key, at=None, offsets=False, home=None, suggest=suggest)
    _remember(text, found)
    return found


def _named(
    query: str,
    text: str,
    key: str,
    *,
    at: dt.datetime | None,
    offsets: bool,
    home: str | None,
    suggest: bool,
) -> Place:
    """:func:`resolve` for a name (``text``, folded ``key``), which the index answers."""
    suffixed = _time_suffix().match(key) if key.endswith(" time") else None
    bare = re.sub(r"\s*\([^)]*\)", "", text)  # "Eastern Time (US & Canada)"
    attempts = (key, suffixed["place"] if suffixed else "", key.removeprefix("the "), fold(bare))
    for attempt in dict.fromkeys(attempts):
        if attempt:
            rows = [r for r in _lookup(attempt, typed=text) if r.tier != TIERS["e"]]
            if not rows:
                continue
            try:
                return _decide(query, rows, at, offsets)
            except AmbiguousPlaceError:
                if not offsets or not text.isupper():
                    raise
                return _abbreviation(query, attempt, at, home)
    if "," in text:
        matching, named = _qualified(text)
        if matching:
            return _decide(query, matching, at, offsets)
        if named:
            spellings = dict.fromkeys(_qualify(r) for r in named)
            raise UnknownPlaceError(query, list(spellings)[:3])
    raise UnknownPlaceError(query, _suggestions(text) if suggest else [])


def _abbreviation(query: str, key: str, at: dt.datetime | None, home: str | None) -> Place:
    """An ambiguous abbreviation in a claim: the event's own zone's, else CLDR's English one."""
    name = " ".join(query.split())
    for place in search(name):
        if place.kind == "abbreviation" and place.zone == home:
            offset = _offset_named(home, name, at)
            if offset is not None:
                return replace(place, offset=offset, picked=True)
    english = [r for r in _rows(_BY_ALIAS, key) if r.tier == TIERS["e"]]
    if english and english[0].zone is not None:
        return replace(english[0].place(), picked=True)
    from launchcal.messages import message

    raise AmbiguousPlaceError(
        query, _described(search(name)), message("name a city or a zone instead")
    )


def _offset_named(zone: str, abbreviation: str, at: dt.datetime | None) -> int | None:
    """The UTC offset ``zone`` shows while it calls itself ``abbreviation``, near ``at``."""
    moment = at or dt.datetime.now(dt.UTC)
    info = tz.zone(zone)
    for days in (0, 91, 182, 273):
        local = (moment + dt.timedelta(days=days)).astimezone(info)
        if local.tzname() == abbreviation.upper():
            offset = local.utcoffset()
            return int(offset.total_seconds()) if offset is not None else None
    return None


def _zone_place(zone: str) -> Place:
    return Place(name=zone, zone=zone, kind="zone")


def _on_offset(offset: int | None) -> str:
    """``, e.g. 'Asia/Kolkata'``: the most populous zone on that offset now."""
    now = dt.datetime.now(dt.UTC)
    populations = zone_populations()
    on = [
        z
        for z in populations
        if (now.astimezone(tz.zone(z)).utcoffset() or dt.timedelta()).total_seconds() == offset
    ]
    return f", e.g. '{max(on, key=populations.__getitem__)}'" if on else ""


def search(query: str, limit: int = 20) -> list[Place]:
    """Every place ``query`` could mean, best match first, for ``launchcal places``.

    Examples:
        >>> [p.zone for p in search("Paris")][:2]
        ['Europe/Paris', 'America/Chicago']
    """
    text = " ".join(query.split())
    key = fold(text)
    if key == "local":
        return [local_place()]
    if "/" in text:
        zone = tz.canonical_zone(_strip_accents(text))
        return [Place(name=zone, zone=zone, kind="zone")] if zone else []
    try:
        fixed = offset_place(text)
    except InputError:
        fixed = None
    if fixed is not None:
        return [fixed]
    rows = _lookup(key, every_tier=True) if key else []
    if not rows and "," in text:
        rows = _qualified(text)[0]
    found: dict[tuple[str, str, str, str, str], Place] = {}
    for row in rows:
        for place in _expand(row):
            found.setdefault(
                (place.name, place.zone, place.kind, place.region, place.country), place
            )
    return list(found.values())[:limit]


def complete(prefix: str, limit: int = 50) -> list[str]:
    """Place names that start with ``prefix``, most populous first, for shell completion.

    Accents and case are ignored ("sao" offers "São Paulo"); after a comma, the qualified
    spellings of that city ("Springfield, I" offers "Springfield, IL").

    Examples:
        >>> complete("nairo")[0]
        'Nairobi'
    """
    text = " ".join(prefix.split())
    if "/" in text:
        folded = text.casefold()
        return sorted(n for n in tz.zone_names() if n.casefold().startswith(folded))[:limit]
    key = fold(text)
    if "," in text:
        name = text.partition(",")[0]
        rows = [r for r in _lookup(fold(name), every_tier=True) if r.kind == "city"]
        spellings = (_qualify(r) for r in sorted(rows, key=lambda r: -r.population))
        return [s for s in dict.fromkeys(spellings) if fold(s).startswith(key)][:limit]
    found: list[str] = ["local"] if key and "local".startswith(key) else []
    seen_names = set(found)
    seen_places = set()
    upper = key[:-1] + chr(ord(key[-1]) + 1) if key else "\U0010ffff"
    # Places before abbreviations (whose zones add up to more people than any city).
    for spelling, place in _index().db.execute(
        "SELECT n.text, n.place FROM names AS n JOIN places AS p ON p.id = n.place "
        "WHERE n.key >= ? AND n.key < ? AND n.source IN ('n', 'c', 'x', 'a') "
        "ORDER BY n.source = 'a', p.population DESC, n.text != p.name, n.text LIMIT ?",
        (key, upper, limit * 4),
    ):
        folded = fold(spelling)
        if folded not in seen_names and place not in seen_places:
            seen_names.add(folded)
            seen_places.add(place)
            found.append(spelling)
    return found[:limit]
