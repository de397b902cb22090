"""Words in the reader's language, from CLDR (through babel) and from nothing else.

Everything here reads CLDR data as babel ships it. Where a babel release leaves out part of
CLDR's inheritance, launchcal notices the effect at run time (once per locale, cached) and
resolves the inheritance itself; a babel release without the gap is used as it is:

* **Unit lengths.** CLDR's root aliases a missing ``long`` unit pattern to ``short``; some babel
  releases do not, so ``babel.units.format_unit(3, "duration-day", locale="sw")`` prints
  ``"3 duration-day"``. :func:`duration_words` then looks each plural form up in ``long``, then
  ``short``.
* **List styles.** CLDR resolves each part (start, middle, end, 2) of a list pattern on its own,
  through the aliases ``unit`` -> ``unit-short`` -> ``standard``; babel takes the first style that
  exists at all, so a German or Hindi ``unit`` list can raise ``KeyError``. :func:`format_list`
  then resolves per part.
* **Renamed zones.** Some babel releases key the metazone table by old IANA names (Asia/Calcutta,
  Europe/Kiev), so Asia/Kolkata, Europe/Kyiv, ... get a bare ``GMT+05:30``. When the table lacks
  a zone's name, :func:`zone_name` looks the metazone up under every name the tz database links
  to the zone.

English takes no babel at all where launchcal's own English wording is used (``launchcal
when``); :func:`resolve_locale` and :func:`locale_from_environment` find the locale files
without importing babel.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Literal

from launchcal.errors import InputError

if TYPE_CHECKING:
    from babel.core import Locale

    from launchcal.convert import ClockChange
    from launchcal.places import Place

__all__ = [
    "CLOCK_KINDS",
    "ENGLISH",
    "UNITS",
    "UnknownLocaleError",
    "cell_width",
    "cells",
    "city_of_zone",
    "clock_change_words",
    "clock_name",
    "clock_words",
    "date_time_words",
    "date_words",
    "day_month_words",
    "duration_words",
    "exemplar_city",
    "format_list",
    "is_abbreviation",
    "is_english",
    "is_rtl",
    "locale_data",
    "locale_from_environment",
    "offset_words",
    "place_clock",
    "range_words",
    "reader_date",
    "reader_time",
    "relative_words",
    "resolve_locale",
    "split_seconds",
    "twelve_hour_words",
    "weekday_words",
    "zone_keys",
    "zone_name",
]

#: The locale used when the environment names none, or names ``C``/``POSIX``.
ENGLISH = "en"

Unit = Literal["day", "hour", "minute", "second"]
#: The units of a countdown, largest first, with their length in seconds.
UNITS: tuple[tuple[Unit, int], ...] = (
    ("day", 86400),
    ("hour", 3600),
    ("minute", 60),
    ("second", 1),
)

Part = tuple[Unit, int]
#: The CLDR list styles launchcal joins with.
ListStyle = Literal["standard", "unit", "unit-short", "or"]


class UnknownLocaleError(InputError):
    """A locale CLDR does not have; ``suggestions`` holds up to three close identifiers."""

    def __init__(self, text: str, suggestions: Sequence[str]) -> None:
        self.text = text
        self.suggestions = tuple(suggestions)
        message = f"unknown locale {text!r}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        else:
            message += "; use a CLDR locale such as 'en', 'fr_CA', 'sw' or 'zh_Hant'"
        super().__init__(message)


# --- which locale: without importing babel when it can be helped ----------------------------


@cache
def _locale_files() -> dict[str, str]:
    """CLDR locale identifiers babel ships, keyed by their case-folded form."""
    import importlib.util

    spec = importlib.util.find_spec("babel")
    names: list[str] = []
    if spec is not None and spec.submodule_search_locations:
        folder = os.path.join(next(iter(spec.submodule_search_locations)), "locale-data")
        names = [entry[:-4] for entry in os.listdir(folder) if entry.endswith(".dat")]
    return {name.casefold(): name for name in names if name != "root"}


def _clean(text: str) -> str:
    """``en_US.UTF-8`` -> ``en_US``; ``fr-CA`` -> ``fr_CA``."""
    return text.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_")


def resolve_locale(text: str) -> str:
    """The CLDR identifier for what a person typed, or an error with close suggestions.

    ``C`` and ``POSIX`` mean English. Case, ``-`` for ``_`` and an encoding suffix do not
    matter; a region CLDR knows by another name is found through babel's likely subtags.

    Examples:
        >>> resolve_locale("fr-ca"), resolve_locale("en_US.UTF-8"), resolve_locale("C")
        ('fr_CA', 'en_US', 'en')
        >>> resolve_locale("zh_CN")
        'zh_Hans_CN'
    """
    cleaned = _clean(text)
    if cleaned.upper() in ("C", "POSIX"):
        return ENGLISH
    files = _locale_files()
    found = files.get(cleaned.casefold())
    if found is not None:
        return found
    if cleaned and re.fullmatch(r"[A-Za-z]{2,8}(_[A-Za-z0-9]{2,8})*", cleaned):
        from babel.core import Locale
        from babel.core import UnknownLocaleError as BabelUnknown

        try:
            return str(Locale.parse(cleaned))
        except (BabelUnknown, ValueError):
            pass
    raise UnknownLocaleError(text, _suggestions(cleaned, files))


def _suggestions(cleaned: str, files: Mapping[str, str]) -> list[str]:
    """Close identifiers, or the code of a language typed by its English name ("Swahili")."""
    import difflib

    folded = cleaned.casefold()
    if "_" in folded and folded.split("_", 1)[0] in files:
        # A region CLDR lacks for a language it has: the language itself is the useful answer.
        return [files[folded.split("_", 1)[0]]]
    if len(folded) > 3:
        from babel.core import Locale

        names = {str(name).casefold(): code for code, name in Locale("en").languages.items()}
        named = difflib.get_close_matches(folded.replace("_", " "), list(names), n=3, cutoff=0.8)
        found = [names[n] for n in named if names[n].casefold() in files]
        if found:
            return [files[code.casefold()] for code in found]
    close = difflib.get_close_matches(folded, list(files), n=3, cutoff=0.6)
    return [files[c] for c in close]


def locale_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The reader's locale from ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` (in that order).

    Unset, ``C`` and ``POSIX`` give English; a locale CLDR lacks falls back to its language,
    then to English: the environment is a preference, not an input to reject.

    Examples:
        >>> locale_from_environment({"LANG": "sw_KE.UTF-8"})
        'sw_KE'
        >>> locale_from_environment({"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"})
        'en'
    """
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if not value:
            continue
        for candidate in (value, _clean(value).split("_", 1)[0]):
            try:
                return resolve_locale(candidate)
            except UnknownLocaleError:
                continue
        return ENGLISH
    return ENGLISH


def is_english(locale: str) -> bool:
    """Whether launchcal's own English sentences apply (``en``, ``en_GB``, ...)."""
    return locale == ENGLISH or locale.startswith(ENGLISH + "_")


@cache
def _locale(identifier: str) -> Locale:
    from babel.core import Locale

    return Locale.parse(identifier)


def locale_data(identifier: str) -> Locale:
    """babel's ``Locale`` for a CLDR identifier, parsed once per process."""
    return _locale(identifier)


def is_rtl(locale: str) -> bool:
    """Whether the locale's script runs right to left (ar, he, fa, ur, ...)."""
    return bool(_locale(locale).character_order == "right-to-left")


# --- CLDR lookups with the inheritance babel leaves out ------------------------------------

_LIST_STYLE_CHAIN = {
    # CLDR root.xml aliases, resolved part by part.
    "unit": ("unit", "unit-short", "standard"),
    "unit-short": ("unit-short", "standard"),
    "standard": ("standard",),
    "or": ("or", "standard"),
}


def format_list(items: Sequence[str], locale: str, style: ListStyle = "unit") -> str:
    """Join items with the locale's CLDR list pattern, each part resolved on its own.

    Examples:
        >>> format_list(["3 days", "4 hours", "12 minutes"], "en")
        '3 days, 4 hours and 12 minutes'
        >>> format_list(["3 Tage", "4 Stunden", "12 Minuten"], "de")
        '3 Tage, 4 Stunden und 12 Minuten'
        >>> format_list(["3天", "4小时"], "zh")
        '3天4小时'
        >>> format_list(["'Paris'", "'Perth'"], "fr", "or")
        "'Paris' ou 'Perth'"
    """
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if style == "unit" and is_english(locale):
        # launchcal's English is British in form ("Mon 4 Jul 2022"), and announcements write
        # "3 days, 4 hours and 12 minutes": CLDR's en_GB standard list (its unit list has no
        # "and" at all).
        locale, style = "en_GB", "standard"
    if not _babel_lists_work(locale, style):
        return _format_list_by_part(items, locale, style)
    from babel.lists import format_list as babel_format_list

    return str(babel_format_list(list(items), style=style, locale=_locale(locale)))


@cache
def _babel_lists_work(locale: str, style: ListStyle) -> bool:
    """Whether babel formats this locale's ``style`` lists right by itself.

    Some releases raise ``KeyError`` where a style lacks a part (German ``unit``), others
    build a two-item list from a style without its own ``2`` part by applying ``start``
    and ``end`` and repeat the last item (Arabic ``unit``: "x، وy، وy").
    """
    from babel.lists import format_list as babel_format_list

    for count in (2, 3, 4):
        items = [chr(0xE000 + i) for i in range(count)]  # private-use marks, one each
        try:
            found = str(babel_format_list(items, style=style, locale=_locale(locale)))
        except KeyError:
            return False
        marks = [char for char in found if char in items]
        if marks != items:
            return False
    return True


def _format_list_by_part(items: Sequence[str], locale: str, style: ListStyle) -> str:
    """CLDR's list inheritance resolved part by part, as root.xml's aliases say."""
    patterns = _locale(locale).list_patterns

    def part(name: str) -> str:
        for candidate in _LIST_STYLE_CHAIN[style]:
            found = patterns.get(candidate, {}).get(name)
            if found:
                return str(found)
        raise KeyError(name)  # pragma: no cover - root defines every standard part

    if len(items) == 2:
        return part("2").format(items[0], items[1])
    result = part("start").format(items[0], items[1])
    for item in items[2:-1]:
        result = part("middle").format(result, item)
    return part("end").format(result, items[-1])


def number_words(value: int, locale: str) -> str:
    """``value`` with the locale's digits grouping (``1,000``, ``1 000``, ``1.000``)."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=_locale(locale)))


def _plural(value: int, locale: str) -> str:
    return str(_locale(locale).plural_form(value))


def _pick(forms: Mapping[str, str], plural: str, need_number: bool) -> str | None:
    for form in (plural, "other"):
        pattern = forms.get(form)
        if pattern and (not need_number or "{0}" in pattern):
            return str(pattern)
    return None


def _unit_pattern(unit: Unit, plural: str, locale: str, need_number: bool = False) -> str:
    patterns = _locale(locale)._data["unit_patterns"].get(f"duration-{unit}", {})
    # root.xml: <unitLength type="long"><alias ... unitLength[@type='short']/>
    for length in ("long", "short"):
        found = _pick(patterns.get(length, {}), plural, need_number)
        if found:
            return found
    raise KeyError(f"duration-{unit}")  # pragma: no cover - root has every short pattern


def _relative_pattern(unit: Unit, plural: str, future: bool, locale: str, need_number: bool) -> str:
    fields = _locale(locale)._data["date_fields"]
    direction = "future" if future else "past"
    for key in (unit, f"{unit}-short", f"{unit}-narrow"):
        found = _pick(fields.get(key, {}).get(direction, {}), plural, need_number)
        if found:
            return found
    raise KeyError(unit)  # pragma: no cover - root has every relative pattern


@cache
def _babel_units_work(locale: str) -> bool:
    """Whether babel finds this locale's long duration units (some releases print the raw key)."""
    from babel.units import format_unit

    for unit, _ in UNITS:
        for value in (1, 3):
            if "duration-" in str(format_unit(value, f"duration-{unit}", locale=_locale(locale))):
                return False
    return True


def _unit_words(part: Part, locale: str) -> str:
    unit, value = part
    if _babel_units_work(locale):
        from babel.units import format_unit

        return str(format_unit(value, f"duration-{unit}", length="long", locale=_locale(locale)))
    return _unit_pattern(unit, _plural(value, locale), locale).replace(
        "{0}", number_words(value, locale)
    )


def _relative_unit(part: Part, future: bool, locale: str) -> str:
    unit, value = part
    pattern = _relative_pattern(unit, _plural(value, locale), future, locale, False)
    return pattern.replace("{0}", number_words(value, locale))


def split_seconds(seconds: int, precision: int) -> list[Part]:
    """The ``precision`` largest units of a time, floored, zero units left out.

    The window starts at the largest unit that is not zero, but never below minutes: under
    a minute gives ``[]`` ("less than a minute"). Flooring means a countdown never reaches
    zero before the moment itself.

    Examples:
        >>> split_seconds(3 * 86400 + 4 * 3600 + 12 * 60 + 59, 3)
        [('day', 3), ('hour', 4), ('minute', 12)]
        >>> split_seconds(3 * 86400 + 12 * 60, 2)
        [('day', 3)]
        >>> split_seconds(59, 3)
        []
    """
    if precision < 1:
        raise ValueError("precision must be at least 1")
    rest = abs(seconds)
    if rest < 60:
        return []
    first = next(i for i, (_, size) in enumerate(UNITS) if rest >= size)
    parts: list[Part] = []
    for unit, size in UNITS[first : first + precision]:
        value, rest = divmod(rest, size)
        if value:
            parts.append((unit, value))
    return parts


def duration_words(parts: Sequence[Part], locale: str) -> str:
    """``3 days, 4 hours and 12 minutes`` from CLDR unit and list patterns.

    An empty ``parts`` (under a minute) is "less than a minute" in English and ``<1`` minute
    in other languages (CLDR has no "less than" phrase).

    Examples:
        >>> duration_words([("day", 3), ("hour", 4), ("minute", 12)], "sw")
        'siku 3, saa 4 na dakika 12'
        >>> duration_words([], "fr")
        '<1 minute'
    """
    if not parts:
        if is_english(locale):
            return "less than a minute"
        return _unit_pattern("minute", _plural(1, locale), locale, True).replace("{0}", "<1")
    return format_list([_unit_words(part, locale) for part in parts], locale)


def _spaces(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def relative_words(parts: Sequence[Part], future: bool, locale: str) -> str:
    """``in 3 days, 4 hours and 12 minutes`` / ``2 days ago``, from CLDR relative-time patterns.

    CLDR's relative patterns hold one unit ("in {0} days"). Where the unit phrase appears
    inside that pattern, the whole list takes its place ("in [3 days and 4 hours]"); where
    the pattern inflects the unit (German "in 3 Tagen"), the direction stays on the unit
    that carries it: the first unit when the direction word leads, the last when it trails.

    Examples:
        >>> relative_words([("day", 3), ("hour", 4)], True, "zh")
        '3天4小时后'
        >>> relative_words([("day", 2), ("hour", 5)], False, "de")
        'vor 2 Tagen, 5 Stunden'
        >>> relative_words([], True, "en")
        'in less than a minute'
    """
    if not parts:
        one = _plural(1, locale)
        pattern = _relative_pattern("minute", one, future, locale, True)
        if is_english(locale):
            pattern = pattern.replace("{0} minute", "less than a minute")
        return pattern.replace("{0}", "<1")
    if len(parts) == 1:
        return _relative_unit(parts[0], future, locale)
    words = [_unit_words(part, locale) for part in parts]
    unit, value = parts[0]
    first_pattern = _relative_pattern(unit, _plural(value, locale), future, locale, False)
    # The direction leads ("in {0} days", "vor {0} Tagen") or trails ("{0} days ago", "{0}天后").
    index = 0 if not first_pattern.startswith("{0}") else -1
    relative = _relative_unit(parts[index], future, locale)
    whole = format_list(words, locale)
    number = number_words(parts[index][1], locale)
    # Only a unit phrase that holds its number can stand for the whole list: Arabic "ساعة"
    # (one hour, no digit) also occurs inside "خلال ساعة واحدة" ("in one hour").
    needles = [w for w in (words[index], _spaces(words[index])) if number in w]
    for needle in dict.fromkeys(needles):
        at = _word_at(relative, needle)
        if at >= 0:
            return relative[:at] + whole + relative[at + len(needle) :]
    if index == 0:
        return format_list([relative, *words[1:]], locale)
    return format_list([*words[:-1], relative], locale)


def _cased(char: str) -> bool:
    return char.lower() != char.upper()


def _word_at(text: str, needle: str) -> int:
    """Where ``needle`` stands as whole words in ``text``, or -1.

    "2 Tage" inside "vor 2 Tagen" is not a match: the unit is inflected there. Only cased
    scripts (Latin, Cyrillic, Greek, ...) glue inflections on; "3天" inside "3天后" is a match.
    """
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (_cased(before) and _cased(needle[0])) and not (
            _cased(after) and _cased(needle[-1])
        ):
            return start
        start = text.find(needle, start + 1)
    return -1


# --- dates, times and zones --------------------------------------------------------------


def date_words(moment: dt.date, locale: str) -> str:
    """A date with its weekday, in the locale's own order (CLDR skeleton ``yMMMEd``).

    Examples:
        >>> date_words(dt.date(2022, 7, 4), "fr")
        'lun. 4 juil. 2022'
    """
    from babel.dates import format_skeleton

    return str(format_skeleton("yMMMEd", moment, locale=_locale(locale)))


def clock_words(moment: dt.datetime, locale: str) -> str:
    """The locale's short time (``14:00``, ``2:00 PM``, ``14:00``), in ``moment``'s own zone."""
    from babel.dates import format_time

    return str(format_time(moment.timetz(), "short", locale=_locale(locale)))


def twelve_hour_words(moment: dt.datetime, locale: str) -> str:
    """The time on a 12-hour clock with the locale's own day-period words (CLDR ``hm``).

    The pattern and the AM/PM words are CLDR's: "7:00 PM", "7:00 p.m." in Spanish, "下午7:00"
    in Chinese, "7:00 PM" in Swahili; launchcal's English keeps an ASCII space before the
    period.

    Examples:
        >>> moment = dt.datetime(2022, 7, 4, 19)
        >>> twelve_hour_words(moment, "en"), twelve_hour_words(moment, "zh")
        ('7:00 PM', '下午7:00')
    """
    from babel.dates import format_skeleton

    # CLDR 42+ puts a narrow no-break space before "PM"; a terminal shows it as a space.
    text = str(format_skeleton("hm", moment.timetz(), locale=_locale(locale)))
    return text.replace("\u202f", " ") if is_english(locale) else text


def weekday_words(weekday: int, locale: str) -> str:
    """The weekday's full name (0 is Monday), as the locale writes it in a date.

    Examples:
        >>> weekday_words(1, "en"), weekday_words(1, "fr"), weekday_words(1, "sw")
        ('Tuesday', 'mardi', 'Jumanne')
    """
    if is_english(locale):
        return dt.date(2024, 1, 1 + weekday).strftime("%A")  # Python never calls setlocale
    return str(_locale(locale).days["format"]["wide"][weekday])


def day_month_words(moment: dt.date, locale: str) -> str:
    """A day and month with the month's full name, in the locale's order (CLDR ``MMMMd``).

    Examples:
        >>> day = dt.date(2022, 7, 4)
        >>> day_month_words(day, "en"), day_month_words(day, "de"), day_month_words(day, "zh")
        ('4 July', '4. Juli', '7月4日')
    """
    if is_english(locale):
        return f"{moment.day} {moment:%B}"
    from babel.dates import format_skeleton

    return str(format_skeleton("MMMMd", moment, locale=_locale(locale)))


def date_time_words(moment: dt.datetime, locale: str, *, zone: bool = False) -> str:
    """Date and short time joined by the locale's CLDR date-time pattern (``{1}, {0}``).

    With ``zone``, the zone's long name goes beside the time on the side the locale's full
    time format puts it ("14:00 heure normale d’Afrique de l’Est", "东部非洲时间 14:00").
    """
    time_words = clock_words(moment, locale)
    if zone:
        full = str(_locale(locale).time_formats["full"].pattern)
        name = zone_name(moment, locale)
        zone_first = full.find("z") < min(
            i for i in (full.find("H"), full.find("h"), 10**6) if i >= 0
        )
        time_words = (
            f"{name} {time_words}" if zone_first and "z" in full else f"{time_words} {name}"
        )
    pattern = str(_locale(locale).datetime_formats["medium"])
    return pattern.replace("{1}", date_words(moment, locale)).replace("{0}", time_words)


def offset_words(moment: dt.datetime, locale: str) -> str:
    """The UTC offset as the locale writes it (``UTC+03:00``, ``GMT+03:00``, ``غرينتش+03:00``)."""
    from babel.dates import get_timezone_gmt

    return str(get_timezone_gmt(moment, "long", locale=_locale(locale)))


@cache
def zone_keys(zone: str) -> tuple[str, ...]:
    """``zone`` and the older names that link to it, the names babel's tables are keyed by."""
    from babel.core import get_global

    from launchcal import tz

    current = tz.canonical_zone(zone) or zone
    targets = {zone, current}
    names = [zone, current]
    if current in get_global("meta_zones"):
        return tuple(dict.fromkeys(names))  # babel's table knows the zone by its own name
    names += sorted(n for n in tz.zone_names() if tz.canonical_zone(n) in targets)
    names += sorted(old for old, new in get_global("zone_aliases").items() if new in targets)
    return tuple(dict.fromkeys(names))


def zone_name(moment: dt.datetime, locale: str) -> str:
    """The CLDR long name of ``moment``'s zone at that moment ("heure normale d’Afrique de l’Est").

    Some babel releases key their metazones by the zone names of old tz releases, so a zone
    IANA has renamed (Asia/Kolkata, was Asia/Calcutta) gets only ``GMT+05:30`` from
    ``babel.dates.get_timezone_name``. When babel's table lacks the zone's current name, the
    metazone is looked up under every name the tz database links to it.

    Examples:
        >>> from launchcal import tz
        >>> zone_name(dt.datetime(2022, 7, 4, tzinfo=tz.zone("Asia/Kolkata")), "en")
        'India Standard Time'
    """
    from babel.core import get_global

    babel_locale = _locale(locale)
    key = getattr(moment.tzinfo, "key", None)
    if key is not None:
        variant = "daylight" if _summer(moment) else "standard"
        keys = zone_keys(str(key))
        for name in keys:
            own = babel_locale.time_zones.get(name, {}).get("long", {}).get(variant)
            if own and own != "∅∅∅":
                return str(own)
        meta_zones: Mapping[str, str] = get_global("meta_zones")
        for name in keys:
            metazone = meta_zones.get(name)
            if metazone is None:
                continue
            if _negative_dst(str(key), moment.year) is not None:
                fits = _metazone_offsets(metazone, str(key), moment.year)
                if fits is not None and moment.utcoffset() not in fits:
                    # babel knows only today's metazone: Windhoek, on West Africa Time with a
                    # negative-DST winter 1994-2017, is not on Central Africa Time then.
                    break
            long_names = babel_locale.meta_zones.get(metazone, {}).get("long", {})
            found = long_names.get(variant)
            if not found and not _two_seasons(str(key), moment.year):
                found = long_names.get("generic")
            if found and found != "∅∅∅":
                return str(found)
    return offset_words(moment, locale)


#: The kinds of place that are a clock rather than somewhere ("Eastern Time", "PDT", "UTC+3"):
#: a sentence says "at 07:00, Eastern Time", not "at 07:00 in Eastern Time", where the
#: language tells the two apart (the catalogs' "on a clock" messages).
CLOCK_KINDS = frozenset({"abbreviation", "offset"})


def clock_name(
    name: str, zone: str, locale: str, *, offset: int | None = None, year: int
) -> str | None:
    """CLDR's long name in ``locale`` of the clock a reader named on ``zone``: the same name
    if it is one of CLDR's English names ("Eastern Standard Time" -> "heure normale de l’Est
    nord-américain"), else the one for ``offset`` (seconds; "PDT" is UTC-07:00 on Los Angeles'
    clocks: its summer name), else the clock's generic name; ``None`` where CLDR has none.

    Examples:
        >>> clock_name("Eastern Time", "America/New_York", "fr", year=2022)
        'heure de l’Est nord-américain'
        >>> clock_name("PDT", "America/Los_Angeles", "zh", offset=-25200, year=2022)
        '北美太平洋夏令时间'
    """
    from babel.core import get_global

    english = _locale("en")
    wanted = _clock_folded(name)
    meta_zones: Mapping[str, str] = get_global("meta_zones")
    for key in zone_keys(zone):
        tables = [("zone", key, english.time_zones.get(key, {}))]
        metazone = meta_zones.get(key)
        if metazone is not None:
            tables.append(("meta", metazone, english.meta_zones.get(metazone, {})))
        for kind, table_key, names in tables:
            if not names:
                continue
            variant = next(
                (
                    variant
                    for length in ("long", "short")
                    for variant, text in names.get(length, {}).items()
                    if _clock_folded(str(text)) == wanted
                ),
                None,
            ) or _offset_variant(zone, offset, year)
            own = _locale(locale)
            found = (own.time_zones if kind == "zone" else own.meta_zones).get(table_key, {})
            long_names = found.get("long", {})
            text = long_names.get(variant) or long_names.get("generic")
            if not text and variant == "generic":
                text = long_names.get("standard")  # a clock with one season: India's
            if text and text != "∅∅∅":
                return str(text)
    return None


def _clock_folded(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def _offset_variant(zone: str, offset: int | None, year: int) -> str:
    """CLDR's name variant of ``zone``'s clock at ``offset`` (seconds) in ``year``: daylight
    in its summer, standard otherwise, generic when no offset was named or none fits."""
    if offset is None:
        return "generic"
    for moment in _year_samples(zone, year):
        found = moment.utcoffset()
        if found is not None and int(found.total_seconds()) == offset:
            return "daylight" if _summer(moment) else "standard"
    return "generic"


def is_abbreviation(name: str) -> bool:
    """Whether a clock's name is an abbreviation ("PDT", "AEST", "GMT+8"), not a name in words.

    Examples:
        >>> is_abbreviation("PDT"), is_abbreviation("Eastern Time")
        (True, False)
    """
    return re.fullmatch(r"[A-Z][A-Z0-9+-]{1,5}", name) is not None


def place_clock(place: Place, locale: str, at: dt.datetime) -> str | None:
    """How a reader of ``locale`` reads a clock a place was named by, ``None`` for any other
    place (and in English, which shows the name as given): CLDR's name of the clock in the
    reader's language for one of its English names ("Eastern Time": "heure de l’Est
    nord-américain"), the abbreviation as typed with that name beside it ("PDT (heure d’été
    du Pacifique nord-américain)"); an abbreviation CLDR has no name for stays as it is.

    Examples:
        >>> from launchcal.places import Place
        >>> pdt = Place("PDT", "America/Los_Angeles", "abbreviation", offset=-25200)
        >>> place_clock(pdt, "de", dt.datetime(2022, 7, 4, tzinfo=dt.UTC))
        'PDT, Nordamerikanische Westküsten-Sommerzeit'
    """
    if place.kind != "abbreviation" or is_english(locale):
        return None
    name = clock_name(place.name, place.zone, locale, offset=place.offset, year=at.year)
    if name is None:
        return None
    if not is_abbreviation(place.name) or place.name in name:
        # One of CLDR's own names, given in English: the reader's own now; or a name that
        # carries the abbreviation already (Ukrainian's "за тихоокеанським часом (PT)").
        return name
    from launchcal import messages

    return messages.words(locale).pgettext(
        "an abbreviation of a clock as the reader typed it, and CLDR's name of that clock",
        "%(abbreviation)s (%(clock)s)",
        abbreviation=place.name,
        clock=name,
    )


def _year_samples(zone: str, year: int) -> list[dt.datetime]:
    """Noon on the 1st and 15th of each month: a zone's offsets over a year (Ramadan included)."""
    from launchcal import tz

    where = tz.zone(zone)
    return [dt.datetime(year, m, d, 12, tzinfo=where) for m in range(1, 13) for d in (1, 15)]


@cache
def _negative_dst(zone: str, year: int) -> dt.timedelta | None:
    """The offset of a negative-DST period of ``zone`` in ``year`` (Dublin's winter GMT), if any.

    The tz database gives Europe/Dublin "Irish Standard Time" (UTC+01:00) as standard time
    and winter GMT as a DST of -1 hour; Morocco's Ramadan and Namibia's 1994-2017 winters are
    written the same way. CLDR names the seasons the other way round: its "daylight" name is
    the summer one, so launchcal names a moment by its season, not by the sign of the flag.
    """
    for moment in _year_samples(zone, year):
        shift = moment.dst()
        if shift is not None and shift < dt.timedelta(0):
            return moment.utcoffset()
    return None


@cache
def _two_seasons(zone: str, year: int) -> bool:
    return len({moment.utcoffset() for moment in _year_samples(zone, year)}) > 1


def _summer(moment: dt.datetime) -> bool:
    """Whether ``moment`` is in its zone's summer time (CLDR's "daylight"), whatever the sign."""
    shift = moment.dst()
    if shift is None:
        return False
    if shift < dt.timedelta(0):
        return False  # negative DST: the tz database's winter
    if shift > dt.timedelta(0):
        return True
    key = getattr(moment.tzinfo, "key", None)
    if key is None:
        return False
    winter = _negative_dst(str(key), moment.year)
    offset = moment.utcoffset()
    return winter is not None and offset is not None and offset > winter


@cache
def _metazone_offsets(metazone: str, zone: str, year: int) -> frozenset[dt.timedelta | None] | None:
    """The UTC offsets the other zones of ``metazone`` keep in ``year``.

    babel carries each zone's current metazone only, not CLDR's history of them; a moment
    whose offset no other zone of the metazone has then is not in that metazone.
    """
    from babel.core import get_global

    from launchcal import tz

    own = tz.canonical_zone(zone) or zone
    others = {
        tz.canonical_zone(name)
        for name, meta in get_global("meta_zones").items()
        if meta == metazone and tz.canonical_zone(name) not in (None, own)
    }
    if not others:
        return None  # the zone's own metazone (Irish): nothing to compare with
    found: set[dt.timedelta | None] = set()
    for other in sorted(o for o in others if o):
        found.update(moment.utcoffset() for moment in _year_samples(other, year))
    return frozenset(found)


def range_words(first: str, second: str, locale: str) -> str:
    """Two phrases as a range, with the locale's CLDR interval fallback (``{0} – {1}``)."""
    pattern = str(_locale(locale)._data["interval_formats"].get(None) or "{0} – {1}")
    return pattern.replace("{0}", first).replace("{1}", second)


def cell_width(char: str) -> int:
    """Terminal columns of one character: East Asian wide and full-width take two, format
    characters (the isolates around values in right-to-left text) none."""
    import unicodedata

    if unicodedata.category(char) == "Cf":
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def cells(text: str) -> int:
    """Terminal columns of ``text`` (see :func:`cell_width`).

    Examples:
        >>> cells("北京"), cells("\u2068نيروبي\u2069")
        (4, 6)
    """
    return sum(cell_width(c) for c in text)


def exemplar_city(zone: str, locale: str) -> str | None:
    """CLDR's exemplar city of ``zone`` in ``locale`` ("Londres"), under the zone's old names too.

    Examples:
        >>> exemplar_city("Asia/Kolkata", "fr"), exemplar_city("Europe/London", "zh")
        ('Calcutta', '伦敦')
    """
    cities = _locale(locale).time_zones
    for key in zone_keys(zone):
        city = cities.get(key, {}).get("city")
        if city:
            return str(city)
    return None


def city_of_zone(zone: str, locale: str) -> str:
    """The city a zone is named after, in ``locale``; CLDR root's rule where it has no name.

    Examples:
        >>> city_of_zone("Europe/Berlin", "de"), city_of_zone("America/Los_Angeles", "sw")
        ('Berlin', 'Los Angeles')
    """
    return exemplar_city(zone, locale) or zone.rsplit("/", 1)[-1].replace("_", " ")


def reader_date(moment: dt.date, locale: str) -> str:
    """``Mon 4 Jul 2022`` in launchcal's English; the CLDR date with its weekday elsewhere."""
    if is_english(locale):
        return f"{moment:%a} {moment.day} {moment:%b %Y}"  # %a, %b: Python never calls setlocale
    return date_words(moment, locale)


def reader_time(moment: dt.datetime, locale: str) -> str:
    """``14:00`` in launchcal's English (24-hour); the CLDR short time elsewhere."""
    return f"{moment:%H:%M}" if is_english(locale) else clock_words(moment, locale)


def _amount(shift: dt.timedelta, locale: str) -> str:
    minutes = abs(int(shift.total_seconds())) // 60
    hours, minutes = divmod(minutes, 60)
    both: tuple[Part, ...] = (("hour", hours), ("minute", minutes))
    parts = [(unit, n) for unit, n in both if n]
    if is_english(locale):
        return " ".join(f"{n} {unit}{'' if n == 1 else 's'}" for unit, n in parts)
    return duration_words(parts, locale)


def clock_change_words(change: ClockChange, locale: str) -> str:
    """One short line: the viewer's clocks change before the launch.

    Examples:
        >>> from launchcal.convert import clock_change
        >>> utc = dt.timezone.utc
        >>> change = clock_change("Europe/London", dt.datetime(2026, 3, 1, tzinfo=utc),
        ...                       dt.datetime(2026, 4, 1, tzinfo=utc))
        >>> print(clock_change_words(change, "en"))  # doctest: +NORMALIZE_WHITESPACE
        Note: clocks in Europe/London go forward 1 hour on Sun 29 Mar 2026 (GMT to BST),
        before the launch.
        >>> for part in clock_change_words(change, "zh").split("（"):
        ...     print(part)
        注意：活动开始前，伦敦的时钟将于2026年3月29日周日拨快1小时
        格林尼治标准时间 → 英国夏令时间）。
    """
    from launchcal import messages, tz

    after = change.after
    english = is_english(locale)
    values = {
        "zone": change.zone if english else city_of_zone(change.zone, locale),
        "amount": _amount(change.shift, locale),
        "date": reader_date(after.date(), locale),
        "before": tz.zone_label(change.before) if english else zone_name(change.before, locale),
        "after": tz.zone_label(after) if english else zone_name(after, locale),
    }
    say = messages.words(locale)
    if change.shift > dt.timedelta(0):
        return say.gettext(
            "Note: clocks in %(zone)s go forward %(amount)s on %(date)s (%(before)s to "
            "%(after)s), before the launch.",
            **values,
        )
    return say.gettext(
        "Note: clocks in %(zone)s go back %(amount)s on %(date)s (%(before)s to %(after)s), "
        "before the launch.",
        **values,
    )
