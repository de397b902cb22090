"""CLDR words: locales, multi-unit phrases, relative times, zone names, babel's gaps filled."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from babel import localedata
from babel.core import Locale, get_global

from launchcal import i18n, tz
from launchcal.convert import clock_change

THREE = [("day", 3), ("hour", 4), ("minute", 12)]
UTC = dt.UTC


# --- which locale --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("fr", "fr"),
        ("FR-ca", "fr_CA"),
        ("sw_KE.UTF-8", "sw_KE"),
        ("de_DE@euro", "de_DE"),
        ("C", "en"),
        ("POSIX", "en"),
        ("C.UTF-8", "en"),
        ("zh_CN", "zh_Hans_CN"),  # not a file of its own: babel's likely subtags find it
        ("zh-Hant", "zh_Hant"),
        ("ar", "ar"),
    ],
)
def test_resolve_locale(typed: str, expected: str) -> None:
    assert i18n.resolve_locale(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("frr_XX", "unknown locale 'frr_XX'; did you mean 'frr'?"),
        ("swahili", "unknown locale 'swahili'; did you mean 'sw'?"),
        ("Chinese", "unknown locale 'Chinese'; did you mean 'zh'?"),
        ("fr_XY", "unknown locale 'fr_XY'; did you mean 'fr'?"),
        ("de_CG", "unknown locale 'de_CG'; did you mean 'de'?"),
        (
            "12",
            "unknown locale '12'; use a CLDR locale such as 'en', 'fr_CA', 'sw' or 'zh_Hant'",
        ),
    ],
)
def test_unknown_locale_suggests(typed: str, message: str) -> None:
    with pytest.raises(i18n.UnknownLocaleError) as caught:
        i18n.resolve_locale(typed)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "sw_KE.UTF-8"}, "sw_KE"),
        ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"}, "de_DE"),
        ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "de_DE", "LC_ALL": "zh_CN.UTF-8"}, "zh_Hans_CN"),
        ({"LC_ALL": "", "LANG": "hi_IN"}, "hi_IN"),
        ({"LANG": "xx_YY.UTF-8"}, "en"),  # unknown to CLDR: a preference, not an error
        ({"LANG": "de_XX.UTF-8"}, "de"),  # the language survives an unknown region
    ],
)
def test_locale_from_environment(environ: dict[str, str], expected: str) -> None:
    assert i18n.locale_from_environment(environ) == expected


# --- lists and units: babel's inheritance gaps ----------------------------------------------


def _clear_probes() -> None:
    for probe in (i18n._babel_units_work, i18n._babel_lists_work, i18n.zone_keys):
        probe.cache_clear()


@pytest.fixture
def babel_with_gaps(monkeypatch: pytest.MonkeyPatch) -> object:
    """babel as releases with CLDR inheritance gaps behave: raw unit keys, unit-list KeyErrors."""
    import babel.lists
    import babel.units

    real_unit, real_list = babel.units.format_unit, babel.lists.format_list

    def raw_unit(value: object, unit: str, *args: object, **kwargs: object) -> str:
        return f"{value} {unit}"

    def strict_list(items: list[str], style: str = "standard", **kwargs: object) -> str:
        if style == "unit":
            raise KeyError("start")
        return str(real_list(items, style=style, **kwargs))

    monkeypatch.setattr(babel.units, "format_unit", raw_unit)
    monkeypatch.setattr(babel.lists, "format_list", strict_list)
    _clear_probes()
    yield real_unit
    monkeypatch.undo()
    _clear_probes()


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("sw", "siku 3, saa 4 na dakika 12"),
        ("zh", "3天4小时12分钟"),
        ("de", "3 Tage, 4 Stunden und 12 Minuten"),
    ],
)
def test_words_are_right_when_babel_has_gaps(
    babel_with_gaps: object, locale: str, expected: str
) -> None:
    """The probes notice babel's gaps by their effect and resolve CLDR's inheritance instead."""
    assert not i18n._babel_units_work(locale)
    assert not i18n._babel_lists_work(locale, "unit")
    assert i18n.duration_words(THREE, locale) == expected


@pytest.mark.parametrize("locale", ["en", "fr", "de", "sw", "zh", "ar", "hi", "ja", "ru"])
def test_words_do_not_depend_on_which_path_is_taken(locale: str) -> None:
    """babel's own formatting (where it works) and launchcal's resolution give the same words."""
    _clear_probes()
    direct = i18n.duration_words(THREE, locale)
    units = [i18n._unit_pattern(u, i18n._plural(v, locale), locale).replace(
        "{0}", i18n.number_words(v, locale)) for u, v in THREE]  # fmt: skip
    style_locale = "en_GB" if locale == "en" else locale
    style = "standard" if locale == "en" else "unit"
    assert direct == i18n._format_list_by_part(units, style_locale, style)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        # unit list, resolved per part: start/middle from "standard" where "unit" lacks them
        ("en", "3 days, 4 hours and 12 minutes"),
        (
            "fr",
            "3\u00a0jours, 4\u00a0heures et 12 minutes",
        ),  # CLDR: "{0}\u00a0jours", "{0} minutes"
        ("de", "3 Tage, 4 Stunden und 12 Minuten"),
        ("sw", "siku 3, saa 4 na dakika 12"),  # long -> short unit patterns
        ("zh", "3天4小时12分钟"),  # unit-short list: no separator
        ("ar", "3 أيام، و4 ساعات، و12 دقيقة"),  # plural "few" from short
        ("hi", "3 दिन, 4 घंटे और 12 मिनट"),
    ],
)
def test_duration_words_seven_locales(locale: str, expected: str) -> None:
    assert i18n.duration_words(THREE, locale) == expected


def test_fr_uses_cldr_no_break_spaces() -> None:
    # fr unit patterns are "{0}\u00a0jours": the phrase keeps CLDR's spacing.
    assert i18n.duration_words([("day", 3)], "fr") == "3\u00a0jours"


def test_list_parts_resolve_one_by_one() -> None:
    # de has only unit-short "2" = "{0}, {1}": two items take it, three take standard's end.
    assert i18n.format_list(["a", "b"], "de") == "a, b"
    assert i18n.format_list(["a", "b", "c", "d"], "de") == "a, b, c und d"
    assert i18n.format_list(["a", "b", "c"], "de", style="standard") == "a, b und c"


@pytest.mark.parametrize(
    ("locale", "future", "past"),
    [
        ("en", "in 3 days, 4 hours and 12 minutes", "3 days, 4 hours and 12 minutes ago"),
        (
            "fr",
            "dans 3\u00a0jours, 4\u00a0heures et 12 minutes",
            "il y a 3\u00a0jours, 4\u00a0heures et 12 minutes",
        ),
        # "in 3 Tagen" inflects the unit: the direction stays on the first unit
        ("de", "in 3 Tagen, 4 Stunden und 12 Minuten", "vor 3 Tagen, 4 Stunden und 12 Minuten"),
        ("sw", "baada ya siku 3, saa 4 na dakika 12", "siku 3, saa 4 na dakika 12 zilizopita"),
        ("zh", "3天4小时12分钟后", "3天4小时12分钟前"),
        ("ar", "خلال 3 أيام، و4 ساعات، و12 دقيقة", "قبل 3 أيام، و4 ساعات، و12 دقيقة"),
        ("hi", "3 दिन, 4 घंटे और 12 मिनट में", "3 दिन, 4 घंटे और 12 मिनट पहले"),
    ],
)
def test_relative_words_seven_locales(locale: str, future: str, past: str) -> None:
    assert i18n.relative_words(THREE, True, locale) == future
    assert i18n.relative_words(THREE, False, locale) == past


@pytest.mark.parametrize(
    ("parts", "future", "locale", "expected"),
    [
        ([("hour", 1)], False, "en", "1 hour ago"),
        ([("day", 2)], False, "ar", "قبل يومين"),  # CLDR's dual, no digit
        # Arabic "one hour" has no digit: it cannot stand for the list, the list follows it
        ([("hour", 1), ("minute", 40)], True, "ar", "خلال ساعة واحدة و40 دقيقة"),
        ([], True, "en", "in less than a minute"),
        ([], False, "en", "less than a minute ago"),
        ([], True, "fr", "dans <1 minute"),
        ([], True, "zh", "<1分钟后"),
        ([], False, "sw", "dakika <1 iliyopita"),
        ([], True, "ar", "خلال <1 دقيقة"),
    ],
)
def test_relative_words_edges(
    parts: list[i18n.Part], future: bool, locale: str, expected: str
) -> None:
    assert i18n.relative_words(parts, future, locale) == expected


def test_relative_words_match_the_cldr_pattern_for_one_unit() -> None:
    # One unit is CLDR's relative-time pattern itself, as babel's format_timedelta prints it.
    from babel.dates import format_timedelta

    for locale in ("en", "fr", "de", "sw", "zh", "ar", "hi", "ja", "ru"):
        for seconds, part in ((3 * 86400, ("day", 3)), (5 * 3600, ("hour", 5))):
            for sign, future in ((1, True), (-1, False)):
                expected = format_timedelta(
                    dt.timedelta(seconds=sign * seconds),
                    threshold=1,
                    add_direction=True,
                    locale=locale,
                )
                assert i18n.relative_words([part], future, locale) == expected


@pytest.mark.parametrize(
    ("seconds", "precision", "expected"),
    [
        (3 * 86400 + 4 * 3600 + 12 * 60 + 59, 1, [("day", 3)]),
        (3 * 86400 + 4 * 3600 + 12 * 60 + 59, 2, [("day", 3), ("hour", 4)]),
        (3 * 86400 + 4 * 3600 + 12 * 60 + 59, 3, [("day", 3), ("hour", 4), ("minute", 12)]),
        (
            3 * 86400 + 4 * 3600 + 12 * 60 + 59,
            4,
            [("day", 3), ("hour", 4), ("minute", 12), ("second", 59)],
        ),
        (3 * 86400 + 12 * 60, 3, [("day", 3), ("minute", 12)]),  # a zero unit is left out
        (3 * 86400 + 12 * 60, 2, [("day", 3)]),
        (3 * 3600 + 59, 3, [("hour", 3), ("second", 59)]),
        (119, 4, [("minute", 1), ("second", 59)]),
        (60, 1, [("minute", 1)]),
        (59, 4, []),
        (0, 3, []),
        (-3700, 2, [("hour", 1), ("minute", 1)]),
    ],
)
def test_split_seconds(seconds: int, precision: int, expected: list[i18n.Part]) -> None:
    assert i18n.split_seconds(seconds, precision) == expected


# --- every locale babel has -------------------------------------------------------------

_RAW = re.compile(r"duration-|\{[0-9]\}|∅∅∅")


@pytest.mark.slow
def test_every_babel_locale_makes_clean_phrases() -> None:
    """No exception, no raw CLDR key, no unfilled placeholder, the number present."""
    moment = dt.datetime(2022, 7, 4, 14, tzinfo=tz.zone("Asia/Kolkata"))
    failures = []
    identifiers = sorted(set(localedata.locale_identifiers()) - {"root"})
    assert len(identifiers) > 1000
    for locale in identifiers:
        try:
            phrases = [
                i18n.duration_words(THREE, locale),
                i18n.relative_words(THREE, True, locale),
                i18n.relative_words(THREE[:2], False, locale),
                i18n.relative_words([], True, locale),
                i18n.relative_words([("second", 5)], False, locale),
                i18n.date_time_words(moment, locale, zone=True),
            ]
        except Exception as error:  # the sweep reports every locale that fails
            failures.append(f"{locale}: {error!r}")
            continue
        bad = [p for p in phrases if _RAW.search(p)]
        if bad:
            failures.append(f"{locale}: {bad}")
    assert failures == []


# --- zone names ---------------------------------------------------------------------------

RENAMED = {
    # zone IANA renamed -> (name babel gives, the CLDR name launchcal gives)
    "Asia/Kolkata": "India Standard Time",
    "Europe/Kyiv": "Eastern European Summer Time",
    "Asia/Kathmandu": "Nepal Time",
    "Asia/Yangon": "Myanmar Time",
    "Asia/Ho_Chi_Minh": "Indochina Time",
    "America/Nuuk": "Greenland Summer Time",
    "Pacific/Kanton": "Phoenix Islands Time",
    "America/Argentina/Buenos_Aires": "Argentina Standard Time",
    "America/Argentina/Cordoba": "Argentina Standard Time",
    "America/Argentina/Mendoza": "Argentina Standard Time",
}


@pytest.mark.parametrize(("zone", "expected"), sorted(RENAMED.items()))
def test_renamed_zones_get_their_cldr_name(zone: str, expected: str) -> None:
    moment = dt.datetime(2022, 7, 4, 12, tzinfo=tz.zone(zone))
    assert i18n.zone_name(moment, "en") == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("fr", "heure de l’Inde"),
        ("sw", "Saa za Wastani za India"),
        ("zh", "印度时间"),
        ("hi", "भारतीय मानक समय"),
        ("ar", "توقيت الهند"),
    ],
)
def test_kolkata_in_other_languages(locale: str, expected: str) -> None:
    moment = dt.datetime(2022, 7, 4, 12, tzinfo=tz.zone("Asia/Kolkata"))
    assert i18n.zone_name(moment, locale) == expected


@pytest.mark.parametrize(("zone", "expected"), sorted(RENAMED.items()))
def test_old_names_found_through_tz_links(
    monkeypatch: pytest.MonkeyPatch, zone: str, expected: str
) -> None:
    """A babel whose metazone table knows only the old names still gives the CLDR name."""
    import babel.core

    real = babel.core.get_global
    table = real("meta_zones")
    old_names = [n for n in tz.zone_names() if n != zone and tz.canonical_zone(n) == zone]
    assert old_names, zone
    old_keyed = {name: meta for name, meta in table.items() if name != zone}
    old_keyed[old_names[0]] = table.get(zone) or table[old_names[0]]
    monkeypatch.setattr(
        babel.core, "get_global", lambda key: old_keyed if key == "meta_zones" else real(key)
    )
    _clear_probes()
    try:
        assert old_names[0] in i18n.zone_keys(zone)
        moment = dt.datetime(2022, 7, 4, 12, tzinfo=tz.zone(zone))
        assert i18n.zone_name(moment, "en") == expected
    finally:
        monkeypatch.undo()
        _clear_probes()


def test_every_zone_with_a_named_metazone_gets_its_name() -> None:
    """Any zone whose tz-link family has a CLDR metazone with an English name is named.

    (CLDR's "Turkey" and "Urumqi" metazones have no names: GMT+03:00 is CLDR's answer there.)
    """
    meta_zones = get_global("meta_zones")
    named = Locale.parse("en").meta_zones
    unnamed = []
    for zone in sorted(tz.zone_names()):
        keys = i18n.zone_keys(zone)
        if not any(named.get(meta_zones.get(k, ""), {}).get("long") for k in keys):
            continue
        moment = dt.datetime(2022, 1, 15, 12, tzinfo=tz.zone(zone))
        if i18n.zone_name(moment, "en").startswith(("GMT", "UTC")):
            unnamed.append(zone)
    assert unnamed == []


def test_zone_without_metazone_falls_back_to_cldr_gmt_format() -> None:
    moment = dt.datetime(2022, 7, 4, 12, tzinfo=tz.zone("Asia/Amman"))
    assert i18n.zone_name(moment, "en") == "GMT+03:00"
    assert i18n.zone_name(moment, "fr") == "UTC+03:00"


# --- dates and the clock-change line ------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "Mon, Jul 4, 2022, 2:00\u202fPM East Africa Time"),
        ("fr", "lun. 4 juil. 2022, 14:00 heure normale d’Afrique de l’Est"),
        ("de", "Mo., 4. Juli 2022, 14:00 Ostafrikanische Zeit"),
        ("sw", "Jumatatu, 4 Jul 2022 14:00 Saa za Afrika Mashariki"),
        ("zh", "2022年7月4日周一 东部非洲时间 14:00"),  # zh's full time format puts the zone first
        ("ar", "الاثنين، 4 يوليو 2022، 2:00 م توقيت شرق أفريقيا"),
        ("hi", "सोम, 4 जुल॰ 2022, 2:00 pm पूर्वी अफ़्रीका समय"),
    ],
)
def test_date_time_words(locale: str, expected: str) -> None:
    moment = dt.datetime(2022, 7, 4, 14, tzinfo=tz.zone("Africa/Nairobi"))
    assert i18n.date_time_words(moment, locale, zone=True) == expected


def test_rtl() -> None:
    assert i18n.is_rtl("ar")
    assert i18n.is_rtl("he")
    assert not i18n.is_rtl("fr")


SPRING = (dt.datetime(2026, 3, 1, tzinfo=UTC), dt.datetime(2026, 4, 1, tzinfo=UTC))
AUTUMN = (dt.datetime(2026, 10, 1, tzinfo=UTC), dt.datetime(2026, 11, 15, tzinfo=UTC))


@pytest.mark.parametrize(
    ("zone", "span", "locale", "expected"),
    [
        (
            "Europe/London",
            SPRING,
            "en",
            "Note: clocks in Europe/London go forward 1 hour on Sun 29 Mar 2026 "
            "(GMT to BST), before the launch.",
        ),
        (
            "America/New_York",
            AUTUMN,
            "en",
            "Note: clocks in America/New_York go back 1 hour on Sun 1 Nov 2026 (EDT to EST), "
            "before the launch.",
        ),
        (
            "Australia/Lord_Howe",
            AUTUMN,
            "en",
            "Note: clocks in Australia/Lord_Howe go forward 30 minutes on Sun 4 Oct 2026 "
            "(UTC+10:30 to UTC+11:00), before the launch.",
        ),
        (
            "Europe/Berlin",
            AUTUMN,
            "de",
            "Hinweis: In Berlin wird die Uhr am So., 25. Okt. 2026 um 1 Stunde zurückgestellt "
            "(Mitteleuropäische Sommerzeit → Mitteleuropäische Normalzeit), noch vor dem Start.",
        ),
        (
            "Europe/London",
            SPRING,
            "zh",
            "注意：活动开始前，伦敦的时钟将于2026年3月29日周日拨快1小时（格林尼治标准时间 → 英国夏令时间）。",
        ),
    ],
)
def test_clock_change_words(
    zone: str, span: tuple[dt.datetime, dt.datetime], locale: str, expected: str
) -> None:
    change = clock_change(zone, *span)
    assert change is not None
    assert i18n.clock_change_words(change, locale) == expected


def test_a_list_that_repeats_an_item_is_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A babel that builds two-item lists from start + end ("x، وy، وy") is not used."""
    import babel.lists

    def repeating(items: list[str], style: str = "standard", **kwargs: object) -> str:
        return "، و".join([*items, items[-1]])

    monkeypatch.setattr(babel.lists, "format_list", repeating)
    _clear_probes()
    try:
        assert not i18n._babel_lists_work("ar", "unit")
        assert i18n.format_list(["x", "y"], "ar") == "x وy"
    finally:
        monkeypatch.undo()
        _clear_probes()


# --- the clocks readers name ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "zone", "offset", "locale", "expected"),
    [
        # One of CLDR's English names: the same name (generic, standard or summer) in the locale.
        ("Eastern Time", "America/New_York", None, "fr", "heure de l’Est nord-américain"),
        ("Eastern Standard Time", "America/New_York", -18000, "es", "hora estándar oriental"),
        ("Central European Summer Time", "Europe/Berlin", 7200, "de", "Mitteleuropäische Sommerzeit"),
        ("India Standard Time", "Asia/Kolkata", 19800, "zh", "印度时间"),
        # An abbreviation: its offset on the zone's clock says which season's name.
        ("PDT", "America/Los_Angeles", -25200, "ar", "توقيت المحيط الهادي الصيفي"),
        ("PST", "America/Los_Angeles", -28800, "ja", "米国太平洋標準時"),
        ("BST", "Europe/London", 3600, "sw", "Saa za Majira ya Joto za Uingereza"),
        # Dublin's winter is the tz database's negative DST: still CLDR's winter name.
        ("GMT", "Europe/Dublin", 0, "fr", "heure moyenne de Greenwich"),
    ],
)  # fmt: skip
def test_clock_names_in_the_readers_language(
    name: str, zone: str, offset: int | None, locale: str, expected: str
) -> None:
    assert i18n.clock_name(name, zone, locale, offset=offset, year=2022) == expected


def test_a_place_named_by_its_clock_reads_in_the_language() -> None:
    from launchcal.places import Place

    at = dt.datetime(2022, 7, 4, 11, tzinfo=dt.UTC)
    pdt = Place("PDT", "America/Los_Angeles", "abbreviation", offset=-25200)
    eastern = Place("Eastern Time", "America/New_York", "abbreviation")
    assert i18n.place_clock(pdt, "fr", at) == "PDT, heure d’été du Pacifique nord-américain"
    assert i18n.place_clock(pdt, "zh", at) == "PDT（北美太平洋夏令时间）"
    # Ukrainian's names carry the abbreviation already.
    assert i18n.place_clock(pdt, "uk", at) == "за тихоокеанським літнім часом (PDT)"
    assert i18n.place_clock(eastern, "ko", at) == "미 동부 시간"
    # English shows the name as given; a city is no clock.
    assert i18n.place_clock(eastern, "en", at) is None
    assert i18n.place_clock(Place("London", "Europe/London", "city"), "fr", at) is None
