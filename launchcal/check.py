"""Check a sentence someone published about an event: "around 3am in Nairobi"."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from launchcal import tz
from launchcal.claims import Claim, read_claims
from launchcal.convert import LocalTime, see
from launchcal.errors import InputError
from launchcal.event import Event
from launchcal.report import day_shift_words, format_date

__all__ = ["Claim", "Verdict", "check_claim", "check_text", "parse_claim"]

#: How far an "around" claim may be off and still be right.
AROUND = dt.timedelta(minutes=30)


class Verdict(NamedTuple):
    """Whether a claim is right, and the sentence that says so."""

    right: bool
    claim: Claim
    actual: LocalTime
    message: str


def parse_claim(text: str, *, at: dt.datetime | None = None) -> Claim:
    """Read "around 3am in Nairobi", "15:00 London time", "noon in Paris", "19h à Paris".

    The first claim of the sentence; :func:`check_text` checks them all.

    Examples:
        >>> c = parse_claim("around 3am in Africa/Nairobi")
        >>> c.time, c.place.zone, c.approximate
        (datetime.time(3, 0), 'Africa/Nairobi', True)
        >>> parse_claim("19h à Paris").place.zone
        'Europe/Paris'
    """
    return read_claims(text, at=at)[0]


def _local(event: Event, claim: Claim) -> tuple[LocalTime, str]:
    """The event on the clock the claim names, and a note when that clock is not the zone's.

    An abbreviation or an offset says which offset is meant: "3pm PST" in July is read at
    UTC-08:00 (and the note says Los Angeles is on PDT then).
    """
    offset = claim.place.offset
    if offset is None or (claim.place.kind == "zone" and claim.place.zone):
        return see(event, claim.place), ""
    fixed = dt.timezone(dt.timedelta(seconds=offset))
    local = event.start.astimezone(fixed)
    shift = (local.date() - event.start.date()).days
    actual = LocalTime(claim.place, local, shift)
    note = ""
    if claim.place.kind != "abbreviation":
        return actual, note
    seen = see(event, claim.place)
    if seen.local.utcoffset() != dt.timedelta(seconds=offset):
        note = (
            f" ({claim.place.name} is UTC{tz.format_offset(local.utcoffset())}, not in use on "
            f"{format_date(seen.local.date())}: {claim.place.zone} is on {seen.label} then)"
        )
    return actual, note


def _date_wrong(claim: Claim, local: dt.datetime, shift: int) -> str:
    """What the claim gets wrong about the day, or "" when it names the right one (or none)."""
    date = claim.date
    if date is None:
        return ""
    wrong = []
    if date.weekday is not None and date.weekday != local.weekday():
        wrong.append(f"{local:%A}")
    if date.month is not None and (date.month, date.day) != (local.month, local.day):
        wrong.append(f"{local.day} {local:%B}")
    if date.year is not None and date.year != local.year:
        wrong.append(f"{local.year}")
    if date.shift is not None and date.shift != shift:
        wrong.append(day_shift_words(shift))
    return ", ".join(wrong)


def _claimed_day(claim: Claim) -> str:
    date = claim.date
    assert date is not None
    parts = []
    if date.weekday is not None:
        parts.append(dt.date(2024, 1, 1 + date.weekday).strftime("%A"))
    if date.month is not None and date.day is not None:
        parts.append(f"{date.day} {dt.date(2024, date.month, 1):%B}")
    if date.year is not None:
        parts.append(str(date.year))
    if date.shift is not None:
        parts.append(day_shift_words(date.shift))
    return " ".join(parts)


def check_claim(event: Event, claim: Claim) -> Verdict:
    """Compare a claim with the event's real start on that place's clock.

    Times compare on a 24-hour circle, so "around midnight" is right for 23:45. A claim with
    the right time and the wrong day is wrong, and says so: "14:00 is right, but it is Monday
    4 July 2022 in Nairobi, not Tuesday".
    """
    if not event.time_known:
        raise InputError(f"{event.title!r} has no announced time yet, so no claim can be checked")
    actual, note = _local(event, claim)
    claimed = claim.time.hour * 60 + claim.time.minute
    real = actual.local.hour * 60 + actual.local.minute
    off = abs(claimed - real) % 1440
    off = min(off, 1440 - off)
    tolerance = AROUND if claim.approximate else dt.timedelta(0)
    time_right = dt.timedelta(minutes=off) <= tolerance
    day_wrong = _date_wrong(claim, actual.local, actual.day_shift)
    where = claim.place.label
    fact = f"it starts at {actual.local:%H:%M} in {where}, {day_shift_words(actual.day_shift)}"
    if time_right and not day_wrong:
        message = f"right: {fact}{note}"
    elif time_right:
        message = (
            f"wrong: {actual.local:%H:%M} is right, but it is {format_date(actual.local.date())} "
            f"in {where}, not {_claimed_day(claim)}{note}"
        )
    else:
        day = f" on {format_date(actual.local.date())}" if day_wrong else ""
        message = f"wrong: {fact}{day}, not {claim.time:%H:%M}{note}"
    return Verdict(time_right and not day_wrong, claim, actual, message)


def check_text(event: Event, text: str) -> list[Verdict]:
    """Every claim of a sentence, each checked ("7 a.m. ET / 4 a.m. PT" gives two verdicts).

    Places are read at the event's instant: "10am PDT" names Los Angeles and Vancouver, whose
    clocks agree on the day, so it is one answer.
    """
    found = read_claims(text, at=event.start, home=event.zone)
    return [check_claim(event, claim) for claim in found]
