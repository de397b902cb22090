"""Read what people write about a time: "7 a.m. ET / 4 a.m. PT", "14 Uhr in Berlin",
"the launch kicks off at 2pm on Tuesday in Nairobi", "下午2点 内罗毕".

A grammar, not a general date parser: a claim is a time of day (12- or 24-hour, words, CJK
forms), a place (read by :mod:`launchcal.places`, or an offset such as ``GMT+3`` or ``PST``)
and perhaps a date (weekday, day and month in any CLDR locale's names, numeric forms, "the
next day"). Month and weekday names come from the place index (``words``, built from CLDR by
``scripts/build_places.py``), so reading needs neither babel nor a locale at run time.

Everything is found by position: each time of day takes the place and date written nearest
to it, so a sentence holding several claims gives one claim each.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from launchcal import places
from launchcal.errors import AmbiguousPlaceError, InputError, UnknownPlaceError
from launchcal.messages import N_, message

__all__ = [
    "Claim",
    "ClaimDate",
    "Scan",
    "article_dates",
    "claims_in",
    "find_claims",
    "read_claims",
    "scan",
]

_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ],
        1,
    )
}
_NUM = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + ")"
_AMPM = r"(?P<ampm>[ap])\.?\s?m\.?(?![a-z])"
#: Words for a part of the day after an hour, in the languages announcements use: a 12-hour
#: hour plus one of these is a time ("3 in the morning", "2 de la tarde", "7 Uhr abends").
_PARTS = {
    "morning": "am", "in the morning": "am", "am morgen": "am", "morgens": "am",
    "de la mañana": "am", "da manhã": "am", "du matin": "am", "del mattino": "am",
    "di mattina": "am", "in the afternoon": "pm", "afternoon": "pm", "de la tarde": "pm",
    "da tarde": "pm", "de l'après-midi": "pm", "de l après midi": "pm", "nachmittags": "pm",
    "del pomeriggio": "pm", "di pomeriggio": "pm", "in the evening": "pm", "evening": "pm",
    "at night": "pm", "tonight": "pm", "in the night": "night", "de la noche": "pm",
    "da noite": "pm", "du soir": "pm", "abends": "pm", "di sera": "pm", "della sera": "pm",
    "nachts": "night",
}  # fmt: skip
_CJK_PARTS = {
    "上午": "am", "早上": "am", "早晨": "am", "凌晨": "am", "午前": "am", "오전": "am",
    "下午": "pm", "晚上": "pm", "傍晚": "pm", "夜里": "pm", "午後": "pm", "夜": "pm",
    "오후": "pm", "中午": "noon", "저녁": "pm",
}  # fmt: skip
_PART = "|".join(re.escape(p) for p in sorted(_PARTS, key=len, reverse=True))
_CJK_PART = "|".join(re.escape(p) for p in sorted(_CJK_PARTS, key=len, reverse=True))
_NOON_WORDS = {
    "noon": 12, "midday": 12, "mediodía": 12, "mediodia": 12, "midi": 12, "mittag": 12,
    "meio-dia": 12, "meio dia": 12, "mezzogiorno": 12, "正午": 12, "midnight": 0,
    "medianoche": 0, "minuit": 0, "mitternacht": 0, "meia-noite": 0, "meia noite": 0,
    "mezzanotte": 0, "午夜": 0,
}  # fmt: skip
_NOON = "|".join(re.escape(w) for w in sorted(_NOON_WORDS, key=len, reverse=True))
_UNIT = r"(?:h(?![a-z])|uhr\b|heures?\b|horas?\b|hs\b|hrs\b|godz\.?|時|时|点|點|시)"
_OFFSET = (
    r"(?:UTC|GMT)\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?|(?<![\w:])[+\u2212\-]\d{2}:?\d{2}(?!\d)"
    r"|(?-i:Z)\b"
)

#: Each alternative is a way of writing a time of day; the first that matches at a position wins.
#: Digits only here; the forms with words are in :func:`_wordy_times`, compiled only for texts
#: that have such words (compiling them costs a claim check 4 ms).
_TIME = re.compile(
    "|".join(
        (
            # 2-4pm, 2:30–4 p.m.: the start takes the end's am/pm
            r"(?P<rh>\d{1,2})(?:[:.](?P<rm>\d{2}))?\s*(?:-|–|—|to)\s*"
            r"(?P<rh2>\d{1,2})(?:[:.]\d{2})?\s*(?P<rampm>[ap])\.?\s?m\.?(?![a-z])",
            # 3am, 3 a.m., 3:30pm
            rf"(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?(?:-?ish)?\s*{_AMPM}",
            # 1400 hrs, 1900h, 0800Z, 1400 GMT
            r"(?P<mh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?:h(?![a-z])|hrs?\b|hours\b|(?=GMT|UTC|Z\b))",
            # 0700 PDT: four digits before an abbreviation, on the quarter hour (not "2022 UK")
            r"(?P<ah>[01]\d|2[0-3])(?P<am>00|15|30|45)(?=\s*(?-i:[A-Z]{2,5})\b)",
            # 15:00, 19h30, 19.30, 14 h 30, 14.30 Uhr
            rf"(?P<dh>\d{{1,2}})\s?(?:[:h]|\.(?=\d{{2}}))\s?(?P<dm>\d{{2}})(?!\d)(?:\s*{_UNIT})?",
            # 14 Uhr, 19h, 14 heures, a las 14 horas
            rf"(?P<uh>\d{{1,2}})\s*{_UNIT}",
            # alle 14, às 14, ore 14, kl. 14, om 14
            r"(?<![\w])(?:alle|ore|às|as|kl\.?|klo|om|um|a las|a la)\s+(?P<xh>\d{1,2})(?![\d:.h])"
            r"(?!\s*(?:uhr|heures?|horas?|hs|hrs)\b)",
        )
    ),
    re.IGNORECASE,
)
#: Words that tell a text may hold a time written with words ("noon", "seven pm").
_WORDY_HINTS = frozenset([*(w.split()[-1] for w in _PARTS), *("half", "quarter", *_NUMBER_WORDS)])
_NOON_HINTS = frozenset(w.split()[-1] for w in _NOON_WORDS)


@cache
def _cjk_times() -> re.Pattern[str]:
    """下午2点, 晚上7点半, 午後2時30分, 오후 2시: only texts with such characters need it."""
    return re.compile(
        rf"(?P<cpart>{_CJK_PART})?\s*(?P<ch>\d{{1,2}})\s*(?:点|點|時|时|시)"
        r"(?:\s*(?P<cm>\d{1,2})\s*(?:分|분)|(?P<chalf>半))?"
    )


@cache
def _noon_times() -> re.Pattern[str]:
    """12 noon, 12 midnight, noon, minuit, Mittag."""
    return re.compile(rf"(?:12\s*(?:o'?clock\s*)?)?(?P<word>{_NOON})(?![a-z])", re.IGNORECASE)


@cache
def _wordy_times() -> re.Pattern[str]:
    """Times with words: "half past seven", "seven pm", "3 in the morning", "2 de la tarde"."""
    return re.compile(
        "|".join(
            (
                # half past seven, quarter to eight (+ am/pm or a part of the day)
                rf"(?P<frac>half|quarter)\s+(?P<rel>past|to|after)\s+(?P<fh>{_NUM})"
                rf"(?:\s*(?P<fampm>[ap])\.?\s?m\.?(?![a-z])|\s+(?P<fpart>{_PART}))?",
                # seven pm
                rf"(?P<h>{_NUM})(?:-?ish)?\s*{_AMPM}",
                # 3 in the morning, 7 in the evening, 2 de la tarde, 3 o'clock in the afternoon
                rf"(?P<ph>{_NUM})(?:[:.](?P<pm>\d{{2}}))?(?:-?ish)?\s*"
                rf"(?:o'?clock\s*|uhr\s*|heures?\s*)?(?P<part>{_PART})(?![a-z])",
            )
        ),
        re.IGNORECASE,
    )


_APPROX = re.compile(
    r"(?:\b(?:around|about|approximately|approx\.?|roughly|circa|ca\.|some ?time around|"
    r"near|gegen|vers|hacia|alrededor de|sobre|por volta d[ae]s?|cerca d[ae]s?|verso|"
    r"około|ungefähr|environ)(?=\s)|~|\bor so\b|(?<=\d)\s*-?ish\b|\bish\b|约|左右|ごろ|頃|前后)",
    re.IGNORECASE,
)
#: An approximation word just before a time, to quote the claim whole ("around 3am").
_APPROX_BEFORE = re.compile(
    r"(?:around|about|approximately|approx\.?|roughly|circa|some ?time around|gegen|vers|"
    r"hacia las|alrededor de las|sobre las|por volta das|cerca das|verso le|około)\s*$",
    re.IGNORECASE,
)
_RELATIVE_DAYS = {
    "the next day": 1, "the following day": 1, "next day": 1, "the day after": 1,
    "the next morning": 1, "next morning": 1, "the following morning": 1, "the same day": 0,
    "same day": 0, "the day before": -1, "the previous day": -1, "the night before": -1,
    "le lendemain": 1, "el día siguiente": 1, "am nächsten tag": 1, "no dia seguinte": 1,
    "次日": 1, "翌日": 1, "第二天": 1, "(+1)": 1, "+1 day": 1, "(-1)": -1,
}  # fmt: skip
_RELATIVE = re.compile(
    "|".join(re.escape(w) for w in sorted(_RELATIVE_DAYS, key=len, reverse=True)), re.IGNORECASE
)


def _lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled on first use: one that most claims never need costs them nothing
    (each of these takes 0.1-0.2 ms to compile, on every ``check --claim``)."""
    return cache(lambda: re.compile(pattern, flags))


#: Read only where the text has a "-" (a claim without one cannot hold such a date).
_iso_date = _lazy(r"(?<!\d)(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
#: Read only where the text has a "." or a "/".
_numeric_date = _lazy(
    r"(?<![\d.:/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d:])"
)
#: "July 4 at 7:30": the number after a month is an hour when a time follows it.
_time_after = _lazy(r"\s*[:h.]\d{2}|\s*[ap]\.?\s?m", re.IGNORECASE)
_year_after = _lazy(r",?\s*(?:de\s+)?(\d{4})(?!\d)")
_CJK_DATE = r"(?:(?P<y>\d{4})\s*年\s*)?(?P<mo>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W\d_]+)*", re.UNICODE)
#: A word of a place name: letters only, so "北京时间7月4日" gives "北京时间".
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*", re.UNICODE)
_ordinal = _lazy(r"(?P<n>\d{1,2})(?:st|nd|rd|th|er|e|º|ª|\.)?$", re.IGNORECASE)
#: Words that are never a place, though a town may bear them ("Of", "Launch", "Live").
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "so",
        "of",
        "to",
        "at",
        "in",
        "on",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "are",
        "be",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "we",
        "you",
        "they",
        "our",
        "your",
        "their",
        "he",
        "she",
        "his",
        "her",
        "i",
        "me",
        "my",
        "us",
        "them",
        "join",
        "watch",
        "tune",
        "tuned",
        "catch",
        "live",
        "stream",
        "streaming",
        "online",
        "launch",
        "launches",
        "launching",
        "event",
        "events",
        "starts",
        "start",
        "starting",
        "begins",
        "begin",
        "kicks",
        "kick",
        "off",
        "goes",
        "go",
        "going",
        "held",
        "hold",
        "takes",
        "take",
        "place",
        "unveil",
        "unveiling",
        "reveal",
        "keynote",
        "presentation",
        "conference",
        "scheduled",
        "set",
        "slated",
        "due",
        "expected",
        "planned",
        "confirmed",
        "announced",
        "officially",
        "today",
        "tonight",
        "tomorrow",
        "yesterday",
        "day",
        "days",
        "week",
        "morning",
        "afternoon",
        "evening",
        "night",
        "midnight",
        "noon",
        "time",
        "times",
        "local",
        "hour",
        "hours",
        "hrs",
        "pm",
        "am",
        "o'clock",
        "clock",
        "fans",
        "viewers",
        "users",
        "people",
        "everyone",
        "those",
        "folks",
        "readers",
        "audience",
        "followers",
        "sharp",
        "prompt",
        "promptly",
        "exactly",
        "around",
        "about",
        "approximately",
        "roughly",
        "circa",
        "ish",
        "or",
        "so",
        "early",
        "late",
        "news",
        "update",
        "next",
        "first",
        "last",
        "the",
        "same",
        "following",
        "previous",
        "before",
        "after",
        "until",
        "till",
        "then",
        "when",
        "where",
        "what",
        "while",
        "which",
        "global",
        "worldwide",
        "world",
        "international",
        "premiere",
        "release",
        "sale",
        "sales",
        "available",
        "open",
        "opens",
        "doors",
        "order",
        "orders",
        "pre-order",
        "preorder",
        "countdown",
        "broadcast",
        "airs",
        "air",
        "show",
        "shows",
        "episode",
        "match",
        "game",
        "kickoff",
        "kick-off",
        "tip-off",
        "stage",
        "mainland",
        "local-time",
        "timezone",
        "zone",
        "standard",
        "daylight",
        "summer",
        "winter",
        "equivalent",
        "means",
        "meaning",
        "translates",
        "that's",
        "means",
    ]
)
#: Words that end a clock's name but never start a place: "Pacific Standard Time".
_CLOCK_WORDS = frozenset(["time", "standard", "daylight", "summer", "local"])
#: Words that may sit inside a place name: "Rio de Janeiro", "Stoke-on-Trent", "St. John's".
_INNER = frozenset(
    [
        "de",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "la",
        "le",
        "les",
        "el",
        "es",
        "al",
        "ul",
        "sur",
        "of",
        "on",
        "upon",
        "am",
        "an",
        "der",
        "di",
        "du",
        "y",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "à",
        "a",
        "en",
        "em",
        "im",
        "für",
        "pour",
        "para",
        "per",
        "for",
        "across",
        "throughout",
        "from",
        "hora",
        "heure",
    ]
)
#: Applied only to words that are not all ASCII.
_cjk_time_suffix = _lazy(r"(?:时间|時間|時刻|时|時|的)$")


class ClaimDate(NamedTuple):  # NamedTuple, not dataclass: a claim check pays for every class
    """The day a claim names, as far as it names one."""

    weekday: int | None = None  # 0 = Monday
    month: int | None = None
    day: int | None = None
    year: int | None = None
    #: "The next day": days after the event's own date.
    shift: int | None = None
    text: str = ""


class Claim(NamedTuple):
    """What a sentence says: a time of day at a place, exactly or "around", perhaps a day."""

    time: dt.time
    place: places.Place
    approximate: bool
    text: str
    #: Where the claim's words are in the text it was read from.
    span: tuple[int, int] = (0, 0)
    date: ClaimDate | None = None


class _Time(NamedTuple):
    time: dt.time
    start: int
    end: int


class _Found(NamedTuple):
    place: places.Place
    start: int
    end: int
    distance: int


#: Words between the two ends of a range of times.
_range_gap = _lazy(
    r"\s*(?:-|–|—|to|until|till|through|and|bis|à|a|au|hasta|até|alle|tot)\s*", re.IGNORECASE
)


class _UnreadableError(Exception):
    """Words that look like a time but are not one: the message saying why, whose
    ``%(words)s`` and ``%(text)s`` the caller fills (and ``%(am)s``, ``%(pm)s``, ``%(part)s``,
    the words that would tell morning from evening)."""


# --- times --------------------------------------------------------------------------------


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.lower()]


def _twelve(hour: int, ampm: str, words: str) -> int:
    if not 1 <= hour <= 12:
        raise _UnreadableError(N_("%(words)s in %(text)s is not a 12-hour time"))
    hour %= 12
    return hour + 12 if ampm == "pm" else hour


def _part_hour(hour: int, part: str, words: str) -> int:
    """An hour with a part of the day: "3 in the morning" is 03:00, "7 in the evening" 19:00,
    "2 in the night" 02:00 and "11 at night" 23:00."""
    if part == "night":
        return _twelve(hour, "am" if hour < 6 or hour == 12 else "pm", words)
    if part == "noon":
        return hour if hour == 12 else _twelve(hour, "pm", words)
    if hour > 12:
        return hour  # "14 Uhr nachmittags": already 24-hour
    return _twelve(hour, part, words)


def _time_of(match: re.Match[str]) -> dt.time:
    g = {k: v for k, v in match.groupdict().items() if v is not None}
    words = match.group(0)
    if "rh" in g:
        start, end = int(g["rh"]), int(g["rh2"])
        ampm = g["rampm"].lower() + "m"
        hour = _twelve(start, ampm, words)
        if ampm == "pm" and start > end and start != 12:
            hour = _twelve(start, "am", words)  # 11-1pm starts at 11am
        return dt.time(hour, int(g.get("rm", 0)))
    if "word" in g:
        return dt.time(_NOON_WORDS[g["word"].lower()])
    if "frac" in g:
        hour = _number(g["fh"])
        minute = 30 if g["frac"].lower() == "half" else 15
        if g["rel"].lower() == "to":
            hour, minute = hour - 1 if hour > 1 else 12, 45
        if "fampm" in g:
            hour = _twelve(hour, g["fampm"].lower() + "m", words)
        elif "fpart" in g:
            hour = _part_hour(hour, _PARTS[g["fpart"].lower()], words)
        else:
            raise _UnreadableError(
                N_(
                    "%(words)s in %(text)s could be morning or evening; add %(am)s, %(pm)s "
                    "or %(part)s"
                )
            )
        return dt.time(hour, minute)
    if "ch" in g:
        hour, minute = int(g["ch"]), int(g.get("cm", 30 if "chalf" in g else 0))
        if "cpart" in g:
            hour = _part_hour(hour, _CJK_PARTS[g["cpart"]], words)
        return _checked(hour, minute, words)
    if "h" in g:
        hour = _twelve(_number(g["h"]), g["ampm"].lower() + "m", words)
        return _checked(hour, int(g.get("m", 0)), words)
    if "mh" in g:
        return _checked(int(g["mh"]), int(g["mm"]), words)
    if "ah" in g:
        return _checked(int(g["ah"]), int(g["am"]), words)
    if "ph" in g:
        hour = _part_hour(_number(g["ph"]), _PARTS[" ".join(g["part"].lower().split())], words)
        return _checked(hour, int(g.get("pm", 0)), words)
    if "dh" in g:
        return _checked(int(g["dh"]), int(g["dm"]), words)
    if "uh" in g:
        return _checked(int(g["uh"]), 0, words)
    return _checked(int(g["xh"]), 0, words)


def _checked(hour: int, minute: int, words: str) -> dt.time:
    if hour == 24 and minute == 0:
        hour = 0
    if hour > 23 or minute > 59:
        raise _UnreadableError(N_("%(words)s in %(text)s is not a time of day"))
    return dt.time(hour, minute)


def _matches(text: str) -> list[re.Match[str]]:
    """Time-like matches of both patterns, leftmost first, the longer at one position."""
    matches = list(_TIME.finditer(text))
    words = {w.lower() for w in _NAME_WORD.findall(text)}
    if not words.isdisjoint(_NOON_HINTS) or any(w in text for w in ("正午", "午夜")):
        matches += _noon_times().finditer(text)
    if not words.isdisjoint(_WORDY_HINTS):
        matches += _wordy_times().finditer(text)
    if not text.isascii():
        matches += _cjk_times().finditer(text)
    matches.sort(key=lambda m: (m.start(), -m.end()))
    kept: list[re.Match[str]] = []
    for match in matches:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def _times(text: str, strict: bool = True) -> list[_Time]:
    """The times of day in ``text``; words that look like one but are not ("13pm", "half past
    seven" without a part of the day) are an error when ``strict``, else left out."""
    found: list[_Time] = []
    for match in _matches(text):
        # "2022" or "12.5%" are not times; an hour needs a boundary before it.
        if match.start() > 0 and text[match.start() - 1].isdigit():
            continue
        before = text[max(0, match.start() - 8) : match.start()]
        if re.search(r"(?:UTC|GMT)\s*[+\-\u2212]\s*$|[+\u2212]$", before, re.I):
            continue  # the hours of an offset: "GMT+5:30"
        if re.match(r"[./-]\d", text[match.end() : match.end() + 2]) or re.search(
            r"\d[./-]$", before
        ):
            continue  # a date: "04.07.2022"
        try:
            time = _time_of(match)
        except _UnreadableError as error:
            if not strict:
                continue
            raise InputError(
                message(
                    str(error),
                    words=repr(match.group(0)),
                    text=repr(text),
                    am="'am'",
                    pm="'pm'",
                    part="'in the evening'",
                )
            ) from None
        if found and _range_gap().fullmatch(text, found[-1].end, match.start()):
            # "from 3pm to 5pm", "between 10am and noon": the claim is the start
            found[-1] = _Time(found[-1].time, found[-1].start, match.end())
            continue
        found.append(_Time(time, match.start(), match.end()))
    return found


# --- dates --------------------------------------------------------------------------------


_fold = cache(places.fold)


@cache
def _word_meanings(keys: tuple[str, ...]) -> dict[str, tuple[str, int]]:
    if not keys:
        return {}
    db = places.index_db()
    marks = ",".join("?" * len(keys))  # placeholders only: the keys are bound
    rows = db.execute(f"SELECT key, kind, value FROM words WHERE key IN ({marks})", keys)  # noqa: S608
    return {str(k): (str(kind), int(v)) for k, kind, v in rows}


@cache
def _cjk_words() -> tuple[tuple[str, str, int], ...]:
    db = places.index_db()
    rows = db.execute("SELECT key, kind, value FROM words WHERE key >= '\u3000'")
    return tuple((str(k), str(kind), int(v)) for k, kind, v in rows if not str(k).isascii())


class _DatePart(NamedTuple):
    date: ClaimDate
    start: int
    end: int


def _dates(text: str, taken: Sequence[tuple[int, int]]) -> list[_DatePart]:
    """Weekdays, days of months, numeric dates and "the next day", outside ``taken`` spans."""

    mask = bytearray(len(text))
    for s, e in taken:
        mask[s:e] = b"\x01" * (e - s)

    def free(start: int, end: int) -> bool:
        return 1 not in mask[start:end]

    parts: list[_DatePart] = []
    for match in _iso_date().finditer(text) if "-" in text else ():
        y, mo, d = int(match["y"]), int(match["mo"]), int(match["d"])
        if 1 <= mo <= 12 and 1 <= d <= 31:
            parts.append(_DatePart(ClaimDate(month=mo, day=d, year=y), *match.span()))
    for match in _numeric_date().finditer(text) if "." in text or "/" in text else ():
        a, b, y = int(match["a"]), int(match["b"]), int(match["y"])
        year = y + 2000 if y < 100 else y
        if match["sep"] == "." or a > 12:
            day, month = a, b  # 04.07.2022 and 25/12/2022: day first
        elif b > 12:
            day, month = b, a  # 7/25/2022
        else:
            continue  # 7/4/2022: 4 July or 7 April; a careful reader cannot tell either
        if 1 <= month <= 12 and 1 <= day <= 31:
            parts.append(_DatePart(ClaimDate(month=month, day=day, year=year), *match.span()))
    for match in re.finditer(_CJK_DATE, text) if not text.isascii() else ():
        cjk_year = int(match["y"]) if match["y"] else None
        parts.append(
            _DatePart(
                ClaimDate(month=int(match["mo"]), day=int(match["d"]), year=cjk_year),
                *match.span(),
            )
        )
    for match in _RELATIVE.finditer(text):
        shift = _RELATIVE_DAYS[match.group(0).lower()]
        parts.append(_DatePart(ClaimDate(shift=shift), *match.span()))
    for part in parts:
        mask[part.start : part.end] = b"\x01" * (part.end - part.start)
    words = [m for m in _WORD.finditer(text) if free(*m.span())]
    meanings = _word_meanings(tuple(sorted({_fold(m.group(0)) for m in words})))
    for n, match in enumerate(words):
        word = match.group(0)
        meaning = meanings.get(_fold(word))
        if meaning is None:
            continue
        kind, value = meaning
        short = len(word.rstrip(".")) <= 4 and word.isascii()
        if kind == "weekday":
            if short and not word[0].isupper():
                continue  # "sun", "sat", "wed": words first, days only when written as names
            parts.append(_DatePart(ClaimDate(weekday=value), *match.span()))
            continue
        month_day = _month_day(text, words, n, value)
        if month_day is not None:
            parts.append(month_day)
    if any(not c.isascii() for c in text):
        for key, kind, value in _cjk_words():
            if kind == "weekday" and not key.isascii():
                at = text.find(key)
                if at >= 0 and free(at, at + len(key)):
                    parts.append(_DatePart(ClaimDate(weekday=value), at, at + len(key)))
    return [
        _DatePart(p.date._replace(text=text[p.start : p.end]), p.start, p.end)
        for p in _merge_dates(parts)
    ]


def article_dates(text: str) -> list[ClaimDate]:
    """Every date written in ``text`` outside its times, in order, each with its words.

    Examples:
        >>> [(d.month, d.day, d.weekday) for d in article_dates("on the 4th of July, a Monday")]
        [(7, 4, None), (None, None, 0)]
    """
    return scan(text).date_list


def _month_day(text: str, words: Sequence[re.Match[str]], n: int, month: int) -> _DatePart | None:
    """A month name with its day: "4 July", "4th of July", "July 4th, 2022", "4. Juli"."""
    match = words[n]
    start, end = match.span()
    day = year = None
    before = words[n - 1] if n else None
    if before is not None and before.group(0).lower() in ("of", "de", "di"):
        before = words[n - 2] if n > 1 else None
    after = words[n + 1] if n + 1 < len(words) else None
    if before is not None and (found := _ordinal().match(before.group(0))):
        gap = text[before.end() : start].strip(" .,ºª")
        if gap.lower() in ("", "of", "de", "di", "th", "st", "nd", "rd"):
            day, start = int(found["n"]), before.start()
    found = _ordinal().match(after.group(0)) if day is None and after is not None else None
    if (
        after is not None
        and found is not None
        and not text[end : after.start()].strip(" .,")
        and int(found["n"]) <= 31
        and not _time_after().match(text, after.end())
    ):
        day, end = int(found["n"]), after.end()
    if day is None:
        return None
    tail = _year_after().match(text, end)
    if tail:
        year, end = int(tail.group(1)), tail.end()
    if not 1 <= day <= 31:
        return None
    return _DatePart(ClaimDate(month=month, day=day, year=year), start, end)


def _merge_dates(parts: list[_DatePart]) -> list[_DatePart]:
    """Weekday and day written together ("Monday, 4 July") are one date."""
    parts.sort(key=lambda p: p.start)
    merged: list[_DatePart] = []
    for part in parts:
        if merged and part.start - merged[-1].end <= 3 and _compatible(merged[-1].date, part.date):
            last = merged[-1]
            combined = ClaimDate(
                weekday=last.date.weekday if last.date.weekday is not None else part.date.weekday,
                month=last.date.month or part.date.month,
                day=last.date.day or part.date.day,
                year=last.date.year or part.date.year,
                shift=last.date.shift if last.date.shift is not None else part.date.shift,
            )
            merged[-1] = _DatePart(combined, last.start, part.end)
        else:
            merged.append(part)
    return merged


def _compatible(a: ClaimDate, b: ClaimDate) -> bool:
    return not (
        (a.weekday is not None and b.weekday is not None)
        or (a.day and b.day)
        or (a.shift is not None and b.shift is not None)
    )


# --- places -------------------------------------------------------------------------------


def _name_like(word: str) -> bool:
    if not word.isascii() and not word[0].isupper() and not word[0].islower():
        return True  # a script without case: 内罗毕, नैरोबी
    if word.lower() in _STOP and not word.isupper():
        return False
    return word[0].isupper() or word.isupper()


def _runs(segment: str, offset: int) -> list[tuple[int, int]]:
    """Spans of words that may name a place: capitalised runs ("Rio de Janeiro"), with a
    trailing ``, QUALIFIER`` ("Springfield, MO")."""
    words = list(_NAME_WORD.finditer(segment))
    runs: list[tuple[int, int]] = []
    n = 0
    while n < len(words):
        if not _name_like(words[n].group(0)):
            n += 1
            continue
        first = last = n
        k = n + 1
        while k < len(words):
            gap = segment[words[k - 1].end() : words[k].start()]
            word = words[k].group(0)
            if gap.strip() not in ("", ",", "-", "/") and gap.strip() != "'":
                break
            if gap.strip() == "/" or (gap.strip() == "," and not _name_like(word)):
                break
            if _name_like(word) or word.lower() in _CLOCK_WORDS:
                last = k
            elif not (word.lower() in _INNER and k + 1 < len(words)):
                break
            k += 1
        runs.append((offset + words[first].start(), offset + words[last].end()))
        n = last + 1
    return runs


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sub-spans of the runs in ``text[start:end]``, longest first, that are worth a lookup."""
    spans: list[tuple[int, int]] = []
    segment = text[start:end]
    for run_start, run_end in _runs(segment, start):
        words = list(_NAME_WORD.finditer(text, run_start, run_end))
        for size in range(len(words), 0, -1):
            for first in range(len(words) - size + 1):
                span = (words[first].start(), words[first + size - 1].end())
                if span[1] - span[0] > 1 or text[span[0]].isascii():
                    spans.append(span)  # one CJK character ("日") is not a place
    # IANA names: "Africa/Nairobi", "America/Argentina/Buenos_Aires".
    for match in re.finditer(r"\b[A-Z][A-Za-z_]+(?:/[A-Za-z_+\-0-9]+)+", segment):
        spans.insert(0, (start + match.start(), start + match.end()))
    # Lower-case place names after a preposition: "3am in nairobi".
    for match in re.finditer(r"\b(?:in|at|à|en|em|im)\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)", segment):
        if not match.group(1).islower() or match.group(1).split()[0] in _STOP:
            continue  # capitalised names are in the runs already
        words = list(_WORD.finditer(text, start + match.start(1), start + match.end(1)))
        for size in range(len(words), 0, -1):
            spans.append((words[0].start(), words[size - 1].end()))
    return spans


@cache
def _resolve(
    words: str, at: dt.datetime | None, home: str | None
) -> places.Place | AmbiguousPlaceError | None:
    """The place some words name, the ambiguity error, or ``None`` when they name none."""
    stripped = words.strip(" ,.;:()[]'\"")
    words = (stripped if stripped.isascii() else _cjk_time_suffix().sub("", stripped)) or words
    key = places.fold(words)
    if not key or (key in _STOP and not words.isupper()):
        return None
    try:
        return places.resolve(words, at=at, offsets=True, home=home, suggest=False)
    except AmbiguousPlaceError as error:
        return error
    except UnknownPlaceError:
        return None


def _offset_near(text: str, time: _Time, limit: int) -> _Found | None:
    """``GMT+3``, ``UTC-05:00``, ``(+05:30)`` right after a time."""
    match = re.compile(rf"\s*[(\[]?\s*(?P<o>{_OFFSET})", re.IGNORECASE).match(text, time.end, limit)
    if match is None:
        return None
    written = match["o"].replace("\u2212", "-")
    place = places.offset_place("+0" if written == "Z" else written)
    if place is None:
        return None
    return _Found(place, match.start("o"), match.end("o"), 0)


def _place_for(
    text: str, time: _Time, before: int, after: int, at: dt.datetime | None, home: str | None
) -> _Found | AmbiguousPlaceError | None:
    """The place written nearest to a time, after it first ("2pm in Nairobi"), else before it
    ("Nairobi fans can tune in at 2pm"). A comma or a full stop in between counts as distance.
    Words that name several places count as none, but their error is returned when no place
    is found ("2pm in Springfield")."""
    fixed = _offset_near(text, time, after)
    if fixed is not None:
        return fixed
    best: _Found | None = None
    ambiguous: tuple[int, AmbiguousPlaceError] | None = None
    for side_start, side_end, forward in ((time.end, after, True), (before, time.start, False)):
        for start, end in _candidates(text, side_start, side_end):
            gap = text[time.end : start] if forward else text[end : time.start]
            distance = len(_WORD.findall(gap)) + 3 * len(re.findall(r"[,;.!?]\s", gap + " "))
            distance += 0 if forward else 1
            if best is not None and (distance, -(end - start)) >= (
                best.distance,
                -(best.end - best.start),
            ):
                continue
            place = _resolve(text[start:end], at, home)
            if isinstance(place, AmbiguousPlaceError):
                if ambiguous is None or distance < ambiguous[0]:
                    ambiguous = (distance, place)
            elif place is not None:
                best = _Found(place, start, end, distance)
    if ambiguous is not None and (best is None or ambiguous[0] < best.distance):
        return ambiguous[1]  # the nearest words name several places: no farther guess
    return best


# --- the API ------------------------------------------------------------------------------


class Scan(NamedTuple):
    """The times of day and the dates of a text, found once for several readings of it."""

    text: str
    times: tuple[_Time, ...]
    dates: tuple[_DatePart, ...]

    @property
    def date_list(self) -> list[ClaimDate]:
        """Every date written outside the times, in order."""
        return [p.date for p in self.dates]


def scan(text: str, *, strict: bool = False) -> Scan:
    """Find the times and dates of ``text`` (see :func:`claims_in`); ``strict``: words that
    look like a time but are not one are an error (a claim), not skipped (an article)."""
    times = _times(text, strict)
    return Scan(text, tuple(times), tuple(_dates(text, [(t.start, t.end) for t in times])))


def claims_in(
    found: Scan, *, at: dt.datetime | None = None, home: str | None = None, strict: bool = False
) -> Iterator[Claim]:
    """The claims of a scanned text, one by one (a reader that needs the first stops early).

    A time whose only place is ambiguous is left out, or with ``strict`` raises the error.
    """
    text, times, dates = found.text, found.times, found.dates
    for n, time in enumerate(times):
        before = times[n - 1].end if n else max(0, text.rfind("\n", 0, time.start) + 1)
        after = times[n + 1].start if n + 1 < len(times) else len(text)
        # A clause ends at a full stop, a line's end or a semicolon: a place is sought inside.
        semicolon = text.find(";", time.end, after)
        low = max(before, _sentence_start(text, time.start), text.rfind(";", 0, time.start) + 1)
        high = min(after, _sentence_end(text, time.end), *([semicolon] if semicolon >= 0 else []))
        place = _place_for(text, time, low, high, at, home)
        if isinstance(place, AmbiguousPlaceError):
            if strict:
                raise place
            continue
        if place is None:
            continue
        date = _nearest_date(text, dates, time, place, times)
        lead = _APPROX_BEFORE.search(text, max(before, time.start - 30), time.start)
        start = min(time.start, place.start, date.start if date else time.start)
        if lead is not None and lead.end() >= time.start - 1:
            start = min(start, lead.start())
        end = max(time.end, place.end, date.end if date else time.end)
        if text[end - 3 : end] != "" and re.fullmatch(r"[^.][mM]\.", text[end - 3 : end]):
            end -= 1  # "2pm." ends a sentence; "2 p.m." keeps its own full stop
        window = text[max(before, start - 25) : min(end + 8, after)]
        yield Claim(
            time=time.time,
            place=place.place,
            approximate=bool(_APPROX.search(window)),
            text=text[start:end],
            span=(start, end),
            date=date.date if date else None,
        )


def find_claims(
    text: str, *, at: dt.datetime | None = None, home: str | None = None, strict: bool = False
) -> list[Claim]:
    """Every claim in ``text``: each time of day with the nearest place and date.

    A time with no place in reach is left out (an article is full of such times); ``at`` is
    the event's instant, which decides between places whose clocks agree then, and ``home``
    its zone, which decides what an abbreviation several zones use means ("CST").

    Examples:
        >>> [(c.time.hour, c.place.zone) for c in find_claims("7 a.m. ET / 4 a.m. PT")]
        [(7, 'America/New_York'), (4, 'America/Los_Angeles')]
    """
    return list(claims_in(scan(text, strict=strict), at=at, home=home, strict=strict))


@lru_cache(maxsize=4)
def _starts(text: str) -> tuple[int, ...]:
    """Where the sentences of ``text`` start: after ". ", "! ", "? " and line ends."""
    return (0, *(m.end() for m in re.finditer(r"[.!?] |\n", text)))


@lru_cache(maxsize=4)
def _ends(text: str) -> tuple[int, ...]:
    """Where they end: just after a full stop followed by a space, or a line end."""
    return tuple(m.start() + 1 for m in re.finditer(r"\. |\n", text))


def _sentence_start(text: str, at: int) -> int:
    starts = _starts(text)
    return starts[bisect_right(starts, at) - 1]


def _sentence_end(text: str, at: int) -> int:
    ends = _ends(text)
    n = bisect_left(ends, at + 1)
    return ends[n] if n < len(ends) else len(text)


def _nearest_date(
    text: str, dates: Sequence[_DatePart], time: _Time, found: _Found, times: Sequence[_Time]
) -> _DatePart | None:
    """The date written closest to this time, unless another time is closer to it."""
    best = None
    low, high = _sentence_start(text, time.start), _sentence_end(text, time.end)
    starts = [p.start for p in dates]
    near = [t for t in times[bisect_left([t.start for t in times], low) :] if t.start < high]
    for part in dates[bisect_left(starts, low) :]:
        if part.start >= high:
            break
        if found.start <= part.start < found.end:
            continue  # "Santo Domingo": the place's own words
        if part.end > high:
            continue  # another sentence's date
        distance = _gap(
            part.start, part.end, min(time.start, found.start), max(time.end, found.end)
        )
        if any(_gap(part.start, part.end, t.start, t.end) < distance for t in near if t != time):
            continue
        if distance <= 40 and (best is None or distance < best[0]):
            best = (distance, part)
    return best[1] if best else None


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, b_start - a_end, a_start - b_end)


def read_claims(
    text: str, *, at: dt.datetime | None = None, home: str | None = None
) -> list[Claim]:
    """The claims of a sentence the user gave, with an error saying what is missing.

    Examples:
        >>> c = read_claims("around 3am in Nairobi")[0]
        >>> c.time, c.place.zone, c.approximate
        (datetime.time(3, 0), 'Africa/Nairobi', True)

    Raises:
        InputError: no time of day, a time that could be morning or evening, or no place
            (naming the words that were not understood).
    """
    claims = find_claims(text, at=at, home=home, strict=True)
    if claims:
        return claims
    times = _times(text)
    if not times:
        bare = re.search(r"(?<![\d:.])\d{1,2}(?![\d:.])", text)
        if bare:
            hour = bare.group(0)
            raise InputError(
                message(
                    "%(hour)s in %(text)s could be morning or evening; write it as %(am)s, "
                    "%(pm)s or a 24-hour time like %(example)s",
                    hour=repr(hour),
                    text=repr(text),
                    am=f"'{hour}am'",
                    pm=f"'{hour}pm'",
                    example="'15:00'",
                )
            )
        raise InputError(
            message(
                "no time of day in %(text)s; write a claim like %(example)s",
                text=repr(text),
                example="'around 3am in Nairobi'",
            )
        )
    # What is left once the times and dates are out is what should have been a place.
    blank = list(text)
    for start, end in [(t.start, t.end) for t in times] + [
        (d.start, d.end) for d in _dates(text, [(t.start, t.end) for t in times])
    ]:
        blank[start:end] = " " * (end - start)
    rest = " ".join("".join(blank).split())
    words = [w for w in _WORD.findall(rest) if w.lower() not in _STOP]
    if not words:
        raise InputError(
            message(
                "no place in %(text)s: it gives a time but not where; write a claim like "
                "%(example)s",
                text=repr(text),
                example="'2pm in Nairobi'",
            )
        )
    # The words were not a place: let the place index say why, with its suggestions.
    query = " ".join(words)
    for match in re.finditer(r"\b(?:in|at|à|en|em|im)\s+(.+)$", rest):
        query = match.group(1).strip(" .,;:")
    places.resolve(query, at=at, offsets=True, home=home)
    raise InputError(message("no place found in %(text)s", text=repr(text)))
