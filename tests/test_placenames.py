"""Place names in the reader's language: CLDR's exemplar cities, GeoNames' names of big cities."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest
from click.testing import CliRunner

from launchcal import messages, placenames, places
from launchcal.cli import cli


@pytest.mark.parametrize(
    ("typed", "locale", "expected"),
    [
        ("Munich", "de", "München"),
        ("Munich", "pl", "Monachium"),
        ("Munich", "cs", "Mnichov"),
        ("Munich", "it", "Monaco di Baviera"),
        ("Munich", "ja", "ミュンヘン"),
        ("Munich", "ru", "Мюнхен"),
        ("Cologne", "nl", "Keulen"),
        ("Cologne", "pl", "Kolonia"),
        ("Cape Town", "de", "Kapstadt"),
        ("Cape Town", "fr", "Le Cap"),
        ("Cape Town", "fr_CA", "Le Cap"),  # a regional locale reads its language's catalog
        ("Jeddah", "tr", "Cidde"),
        # Each Chinese catalog in its own script, whichever GeoNames gave.
        ("Guangzhou", "zh", "广州"),
        ("Guangzhou", "zh_Hant", "廣州"),
        ("Guangzhou", "zh_Hant_TW", "廣州"),
        ("Shenzhen", "zh", "深圳"),  # "深圳市": the word for "city" dropped
        # A zone's exemplar city keeps CLDR's name (GeoNames' "紐約市" is not used).
        ("Rome", "de", "Rom"),
        ("New York", "zh", "纽约"),
    ],
)
def test_big_cities_take_their_name_in_the_readers_language(
    typed: str, locale: str, expected: str
) -> None:
    assert placenames.own_name(places.resolve(typed), locale) == expected


@pytest.mark.parametrize(
    ("typed", "locale"),
    [
        ("Garmisch-Partenkirchen", "ru"),  # under 100,000 people: its own name
        ("Munich", "en"),
        ("Munich", "da"),  # no catalog ships for Danish, so no names of ours either
        ("Mombasa", "fr"),  # French writes it as its own name
    ],
)
def test_other_places_keep_their_own_name(typed: str, locale: str) -> None:
    place = places.resolve(typed)
    assert placenames.own_name(place, locale) == place.name


@pytest.mark.parametrize(
    ("typed", "city"),
    [
        ("Kapstadt", "Cape Town"),
        ("Monachium", "Munich"),
        ("Dschidda", "Jeddah"),
        ("廣州", "Guangzhou"),
    ],
)
def test_the_names_are_read_too(typed: str, city: str) -> None:
    assert places.resolve(typed).name == city


def test_when_says_the_city_in_german() -> None:
    result = CliRunner().invoke(
        cli,
        ["when", "--start", "2022-07-04T19:00", "--zone", "Asia/Shanghai", "--in", "Munich",
         "--in", "Cape Town", "--locale", "de"],
        prog_name="launchcal",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "um 13:00 in München:" in result.output
    assert "um 13:00 in Kapstadt:" in result.output


def _local_names() -> list[tuple[str, str, str]]:
    db: sqlite3.Connection = places.index_db()
    return db.execute(
        "SELECT l.locale, p.name, l.name FROM local_names AS l JOIN places AS p ON p.id = l.place"
    ).fetchall()


#: Languages that write city names in scripts other than Latin.
NON_LATIN = {
    "ar", "bn", "el", "fa", "he", "hi", "ja", "ko", "ru", "ta", "th", "uk", "ur", "zh", "zh_Hant",
}  # fmt: skip


def test_the_index_names_read_as_names() -> None:
    """What the build kept: one name, in its language's script, no qualifier or stray mark."""
    rows = _local_names()
    shipped = set(messages.catalog_locales())
    assert {locale for locale, _, _ in rows} <= shipped
    assert len({locale for locale, _, _ in rows}) >= 25
    for locale, own, name in rows:
        assert name != own
        assert name == " ".join(name.split()), (locale, own, name)
        assert not set(name) & set(",،，、()0123456789\u200e\u200f\u061c"), (locale, own, name)
        letters = {
            unicodedata.name(c).split()[0] for c in name if unicodedata.category(c)[0] == "L"
        }
        if locale in NON_LATIN:
            assert "LATIN" not in letters, (locale, own, name)
        else:
            assert letters <= {"LATIN"}, (locale, own, name)


def test_the_index_keeps_no_name_cldr_gives() -> None:
    """A zone's exemplar city is named by CLDR in every locale, so the index holds none."""
    for typed in ("London", "Nairobi", "Tokyo", "Paris", "New York", "Rome"):
        city = places.resolve(typed)
        assert placenames.is_zone_city(city.name, city.zone)
        assert all(places.city_name_in(city, c) is None for c in messages.catalog_locales())


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("fr", "Error: Valeur non valide pour '--in' : lieu inconnu 'Lodnon' ; vouliez-vous dire "
               "'London' ?"),
        ("de", "Error: Ungültiger Wert für '--in': unbekannter Ort 'Lodnon'; meinten Sie 'London'?"),
        ("zh", "Error: '--in' 的值无效：未知地点 'Lodnon'；您是不是要找 'London'？"),
        ("en", "Error: Invalid value for '--in': unknown place 'Lodnon'; did you mean 'London'?"),
    ],
)  # fmt: skip
def test_an_unknown_place_is_said_in_the_commands_locale(locale: str, expected: str) -> None:
    """--locale is read before --in, wherever it stands, so the error is in its language."""
    result = CliRunner().invoke(
        cli, ["when", "examples/xiaomi-12s.toml", "--in", "Lodnon", "--locale", locale]
    )
    assert result.exit_code == 2
    assert result.output.strip() == expected


def test_an_ambiguous_place_lists_its_candidates_in_the_readers_language() -> None:
    result = CliRunner().invoke(
        cli, ["when", "examples/xiaomi-12s.toml", "--locale", "fr", "--in", "Springfield"]
    )
    assert result.exit_code == 2
    line = result.output.strip()
    assert line.startswith("Error: Valeur non valide pour '--in' : 'Springfield' est ambigu : ")
    assert "Springfield, Illinois, États-Unis (America/Chicago); " in line
    assert line.endswith("(ajoutez la région ou le pays, par exemple 'Springfield, MO')")
    assert "\n" not in line


def test_the_or_of_a_suggestion_list_is_the_readers() -> None:
    from launchcal.errors import UnknownPlaceError
    from launchcal.messages import translated

    error = UnknownPlaceError("Pari", ["Paris", "Parin", "Pari Alam"])
    assert str(error) == "unknown place 'Pari'; did you mean 'Paris', 'Parin' or 'Pari Alam'?"
    assert translated(error.args[0], "es") == (
        "lugar desconocido 'Pari'; ¿quisiste decir 'Paris', 'Parin' o 'Pari Alam'?"
    )
