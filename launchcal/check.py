"""Check a sentence someone published about an event: "around 3am in Nairobi"."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from launchcal import i18n, messages, placenames, tz
from launchcal.claims import Claim, read_claims
from launchcal.convert import LocalTime, see
from launchcal.errors import InputError
from launchcal.event import Event
from launchcal.report import day_shift_words

__all__ = [
    "Claim",
    "Verdict",
    "check_claim",
    "check_text",
    "claim_words",
    "parse_claim",
    "verdict_words",
]

#: How far an "around" claim may be off and still be right.
AROUND = dt.timedelta(minutes=30)


class Verdict(NamedTuple):
    """Whether a claim is right, and the sentence that says so.

    ``message`` is the English sentence (what ``--json`` carries); :meth:`words` says it in a
    reader's language from the same facts.
    """

    right: bool
    claim: Claim
    actual: LocalTime
    message: str
    #: Whether the time of day is right (a right time on the wrong day is still wrong).
    time_right: bool = True
    #: Whether the claim names a day the event does not start on there.
    day_wrong: bool = False
    #: The zone's own clock when the claim's abbreviation is not in use then ("PST" in July).
    zone_clock: LocalTime | None = None

    def words(self, locale: str) -> str:
        """The verdict in ``locale`` ("faux : l’événement commence à 14:00 à Nairobi, ...")."""
        return verdict_words(self, locale)


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


def _local(event: Event, claim: Claim) -> tuple[LocalTime, LocalTime | None]:
    """The event on the clock the claim names, and the zone's own clock when that differs.

    An abbreviation or an offset says which offset is meant: "3pm PST" in July is read at
    UTC-08:00 (and the verdict notes that Los Angeles is on PDT then).
    """
    offset = claim.place.offset
    if offset is None or (claim.place.kind == "zone" and claim.place.zone):
        return see(event, claim.place), None
    fixed = dt.timezone(dt.timedelta(seconds=offset))
    local = event.start.astimezone(fixed)
    shift = (local.date() - event.start.date()).days
    actual = LocalTime(claim.place, local, shift)
    if claim.place.kind != "abbreviation":
        return actual, None
    seen = see(event, claim.place)
    if seen.local.utcoffset() != dt.timedelta(seconds=offset):
        return actual, seen
    return actual, None


def _date_wrong(claim: Claim, local: dt.datetime, shift: int) -> bool:
    """Whether the claim gets the day wrong (a claim that names no day cannot)."""
    date = claim.date
    if date is None:
        return False
    return (
        (date.weekday is not None and date.weekday != local.weekday())
        or (date.month is not None and (date.month, date.day) != (local.month, local.day))
        or (date.year is not None and date.year != local.year)
        or (date.shift is not None and date.shift != shift)
    )


def _claimed_day(claim: Claim, locale: str) -> str:
    """The day as the claim names it: "Tuesday", "5 July", "2023", "next day", or several."""
    date = claim.date
    assert date is not None
    english = i18n.is_english(locale)
    parts = []
    if date.weekday is not None:
        parts.append(i18n.weekday_words(date.weekday, locale))
    if date.month is not None and date.day is not None:
        day = dt.date(2024, date.month, date.day)  # a leap year: "29 February" is a day
        parts.append(f"{day.day} {day:%B}" if english else i18n.day_month_words(day, locale))
    if date.year is not None:
        parts.append(str(date.year))
    if date.shift is not None:
        parts.append(day_shift_words(date.shift, locale))
    return " ".join(parts)


def _clock(moment: dt.time, locale: str) -> str:
    return i18n.reader_time(dt.datetime.combine(dt.date(2024, 1, 1), moment), locale)


def verdict_words(verdict: Verdict, locale: str = "en") -> str:
    """The sentence of a verdict in ``locale``: times, dates and places in the reader's words.

    Examples:
        >>> from launchcal.event import Event
        >>> e = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
        >>> verdict = check_claim(e, parse_claim("around 3am in Nairobi"))
        >>> verdict_words(verdict, "en")
        'wrong: it starts at 14:00 in Nairobi, same day, not 03:00'
        >>> verdict_words(verdict, "sw")
        'si sahihi: tukio linaanza saa 14:00 (Nairobi), siku hiyo hiyo, si saa 03:00'
    """
    say = messages.words(locale)
    claim, actual = verdict.claim, verdict.actual
    clock = claim.place.kind in i18n.CLOCK_KINDS
    values = {
        "time": i18n.reader_time(actual.local, locale),
        "place": i18n.place_clock(claim.place, locale, actual.local)
        or placenames.local_name(claim.place, locale),
        "day": day_shift_words(actual.day_shift, locale),
        "date": i18n.reader_date(actual.local.date(), locale),
        "claimed": _clock(claim.time, locale),
    }
    if verdict.right:
        text = say.clocked(
            clock, "on a clock", "right: it starts at %(time)s in %(place)s, %(day)s", **values
        )
    elif verdict.time_right:
        text = say.clocked(
            clock,
            "on a clock",
            "wrong: %(time)s is right, but it is %(date)s in %(place)s, not %(claimed)s",
            **{**values, "claimed": _claimed_day(claim, locale)},
        )
    elif verdict.day_wrong:
        text = say.clocked(
            clock,
            "on a clock",
            "wrong: it starts at %(time)s in %(place)s, %(day)s on %(date)s, not %(claimed)s",
            **values,
        )
    else:
        text = say.clocked(
            clock,
            "on a clock",
            "wrong: it starts at %(time)s in %(place)s, %(day)s, not %(claimed)s",
            **values,
        )
    seen = verdict.zone_clock
    if seen is None:
        return text
    english = i18n.is_english(locale)
    named = claim.place.name
    if not english and not i18n.is_abbreviation(named):
        # "Eastern Standard Time" in the reader's words; "PST" as typed.
        named = i18n.place_clock(claim.place, locale, actual.local) or named
    note = {
        "abbreviation": named,
        "offset": f"UTC{tz.format_offset(actual.local.utcoffset())}"
        if english
        else i18n.offset_words(actual.local, locale),
        "date": i18n.reader_date(seen.local.date(), locale),
        "zone": claim.place.zone if english else i18n.city_of_zone(claim.place.zone, locale),
        "name": seen.label if english else i18n.zone_name(seen.local, locale),
    }
    pattern = say.gettext(
        "%(verdict)s (%(abbreviation)s is %(offset)s, not in use on %(date)s: %(zone)s is on "
        "%(name)s then)"
    )
    # The verdict is a whole sentence already: only the values inside the note are isolated.
    return pattern % {"verdict": text, **{k: say.isolate(v) for k, v in note.items()}}


def claim_words(verdict: Verdict, locale: str = "en") -> str:
    """``'around 3am in Nairobi': wrong: ...``: the claim as written, then its verdict."""
    if i18n.is_english(locale):
        return f"{verdict.claim.text!r}: {verdict_words(verdict, locale)}"
    say = messages.words(locale)
    pattern = say.gettext("%(claim)s: %(verdict)s")
    claim = messages.quoted(verdict.claim.text, locale)
    return pattern % {"claim": claim, "verdict": verdict_words(verdict, locale)}


def check_claim(event: Event, claim: Claim) -> Verdict:
    """Compare a claim with the event's real start on that place's clock.

    Times compare on a 24-hour circle, so "around midnight" is right for 23:45. A claim with
    the right time and the wrong day is wrong, and says so: "14:00 is right, but it is Monday
    4 July 2022 in Nairobi, not Tuesday".
    """
    if not event.time_known:
        raise InputError(
            messages.message(
                "%(title)s has no announced time yet, so no claim can be checked",
                title=repr(event.title),
            )
        )
    actual, zone_clock = _local(event, claim)
    claimed = claim.time.hour * 60 + claim.time.minute
    real = actual.local.hour * 60 + actual.local.minute
    off = abs(claimed - real) % 1440
    off = min(off, 1440 - off)
    tolerance = AROUND if claim.approximate else dt.timedelta(0)
    time_right = dt.timedelta(minutes=off) <= tolerance
    day_wrong = _date_wrong(claim, actual.local, actual.day_shift)
    verdict = Verdict(
        time_right and not day_wrong, claim, actual, "", time_right, day_wrong, zone_clock
    )
    return verdict._replace(message=verdict_words(verdict))


def check_text(event: Event, text: str) -> list[Verdict]:
    """Every claim of a sentence, each checked ("7 a.m. ET / 4 a.m. PT" gives two verdicts).

    Places are read at the event's instant: "10am PDT" names Los Angeles and Vancouver, whose
    clocks agree on the day, so it is one answer.
    """
    found = read_claims(text, at=event.start, home=event.zone)
    return [check_claim(event, claim) for claim in found]
