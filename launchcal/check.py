"""Check a sentence someone published about an event: "around 3am in Nairobi"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from launchcal import places
from launchcal.convert import LocalTime, see
from launchcal.errors import InputError
from launchcal.event import Event
from launchcal.report import day_shift_words

__all__ = ["Claim", "Verdict", "check_claim", "parse_claim"]

#: How far an "around" claim may be off and still be right.
AROUND = dt.timedelta(minutes=30)

_APPROX = re.compile(
    r"\b(?:around|about|approximately|approx\.?|roughly|circa|ca\.|some ?time around)(?=\s|$)"
    r"|~|\bor so\b|(?<=\d)\s*-?ish\b|-?\bish\b",
    re.IGNORECASE,
)
_AMPM = r"(?P<ampm>[ap])\.?\s?m\b\.?"
_TIME_PATTERNS = (
    # 3am, 3 a.m., 3:30pm, 7.30 p.m.
    re.compile(rf"\b(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?\s*{_AMPM}", re.IGNORECASE),
    # 15:00, 19h30, 19.30
    re.compile(r"\b(?P<h>\d{1,2})(?:[:h.](?P<m>\d{2}))\b(?:\s*h(?:rs|ours)?\b)?", re.IGNORECASE),
    # 19h
    re.compile(r"\b(?P<h>\d{1,2})\s*h\b", re.IGNORECASE),
    # noon, midday, midnight
    re.compile(r"\b(?P<word>noon|midday|midnight)\b", re.IGNORECASE),
    # 3 o'clock in the afternoon / 3 in the morning
    re.compile(
        r"\b(?P<h>\d{1,2})(?:\s*o'?clock)?\s+in\s+the\s+(?P<part>morning|afternoon|evening)\b",
        re.IGNORECASE,
    ),
)
_FILLER = re.compile(
    r"\b(?:it|the event|event|launch|will|would|be|is|starts?|begins?|kicks off|goes live|"
    r"at|in|on|for|local|time|o'?clock|hrs|hours)\b|[,;:.!?()\"']",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    """What a sentence says: a time of day at a place, exactly or "around"."""

    time: dt.time
    place: places.Place
    approximate: bool
    text: str


@dataclass(frozen=True)
class Verdict:
    """Whether a claim is right, and the sentence that says so."""

    right: bool
    claim: Claim
    actual: LocalTime
    message: str


def _time_of(match: re.Match[str], claim: str) -> dt.time:
    groups = match.groupdict()
    word = (groups.get("word") or "").lower()
    if word in ("noon", "midday"):
        return dt.time(12)
    if word == "midnight":
        return dt.time(0)
    hour = int(groups["h"])
    minute = int(groups.get("m") or 0)
    ampm = (groups.get("ampm") or "").lower()
    part = (groups.get("part") or "").lower()
    if ampm or part:
        if not 1 <= hour <= 12:
            raise InputError(f"{match.group(0)!r} in {claim!r} is not a 12-hour time")
        hour %= 12
        if ampm == "p" or part in ("afternoon", "evening"):
            hour += 12
    if hour > 23 or minute > 59:
        raise InputError(f"{match.group(0)!r} in {claim!r} is not a time of day")
    return dt.time(hour, minute)


def parse_claim(text: str) -> Claim:
    """Read "around 3am in Nairobi", "15:00 London time", "noon in Paris", "19h à Paris".

    Examples:
        >>> c = parse_claim("around 3am in Africa/Nairobi")
        >>> c.time, c.place.zone, c.approximate
        (datetime.time(3, 0), 'Africa/Nairobi', True)
    """
    approximate = bool(_APPROX.search(text))
    cleaned = " ".join(_APPROX.sub(" ", text).split())
    match = None
    for pattern in _TIME_PATTERNS:
        match = pattern.search(cleaned)
        if match:
            break
    if match is None:
        bare = re.search(r"\b\d{1,2}\b", cleaned)
        if bare:
            raise InputError(
                f"{bare.group(0)!r} in {text!r} could be morning or evening; write it as "
                f"'{bare.group(0)}am', '{bare.group(0)}pm' or a 24-hour time like '15:00'"
            )
        raise InputError(f"no time of day in {text!r}; write a claim like 'around 3am in Nairobi'")
    time = _time_of(match, text)
    rest = cleaned[: match.start()] + " " + cleaned[match.end() :]
    query = " ".join(_FILLER.sub(" ", rest).split())
    if not query:
        raise InputError(f"no place in {text!r}; write a claim like 'around 3am in Nairobi'")
    return Claim(time, places.resolve(query), approximate, text)


def check_claim(event: Event, claim: Claim) -> Verdict:
    """Compare a claim with the event's real start on that place's clock.

    Times compare on a 24-hour circle, so "around midnight" is right for 23:45.
    """
    if not event.time_known:
        raise InputError(f"{event.title!r} has no announced time yet, so no claim can be checked")
    actual = see(event, claim.place)
    claimed = claim.time.hour * 60 + claim.time.minute
    real = actual.local.hour * 60 + actual.local.minute
    off = abs(claimed - real) % 1440
    off = min(off, 1440 - off)
    tolerance = AROUND if claim.approximate else dt.timedelta(0)
    right = dt.timedelta(minutes=off) <= tolerance
    fact = (
        f"it starts at {actual.local:%H:%M} in {claim.place.name}, "
        f"{day_shift_words(actual.day_shift)}"
    )
    message = f"right: {fact}" if right else f"wrong: {fact}, not {claim.time:%H:%M}"
    return Verdict(right, claim, actual, message)
