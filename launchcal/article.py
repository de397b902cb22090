"""Check a whole article: find the event it announces, then judge every other statement of
that time ("The event is scheduled to start at 1900h in China ... around 3am in Nairobi").

Text, Markdown or HTML. The event is the first time with a place written in a sentence that
schedules something ("scheduled", "starts", "launch", ...), or else the first time with a
place; its date is the one written with it or, failing that, the first day-and-month of the
article. Articles often give no year: it comes from a weekday the article names that fits
("the 4th of July" + "on Monday": 2022), or from the publication date (the next such day on
or after it).
"""

from __future__ import annotations

import datetime as dt
import html.parser
import re
from dataclasses import dataclass

from launchcal import claims as reading
from launchcal import places, tz
from launchcal.check import Verdict, check_claim
from launchcal.errors import InputError
from launchcal.event import Event

__all__ = ["ArticleCheck", "NoEventError", "check_article", "decode", "plain_text"]

#: Words of a sentence that announces when something happens.
_SCHEDULING = re.compile(
    r"\b(?:schedul\w*|start\w*|begin\w*|began|kick\w* off|launch\w*|held|hold\w*|set for|"
    r"slated|takes? place|taking place|will (?:be|go|take)|unveil\w*|event|live|keynote|"
    r"premiere\w*|goes on sale|opens?|airs?|airing|stream\w*|broadcast\w*|goes live|"
    r"débute|commence\w*|beginnt|findet|comenzará|começa|"
    r"empieza|inizia|发布会|举行|開催|開始)",
    re.IGNORECASE,
)
#: How many years back from today a weekday may pick the year from.
YEAR_WINDOW = 6


class NoEventError(InputError):
    """The article names no event that can be checked against (exit 2)."""


@dataclass(frozen=True)
class ArticleCheck:
    """The event an article announces (or was given) and every other claim, judged."""

    event: Event
    #: The claim that announced the event, or ``None`` when the event was given.
    source: reading.Claim | None
    #: How the date and year were found, for the reader.
    basis: str
    verdicts: tuple[Verdict, ...]

    @property
    def right(self) -> bool:
        """Whether every finding is right."""
        return all(v.right for v in self.verdicts)


class _Text(html.parser.HTMLParser):
    """Visible text of an HTML page, paragraphs kept apart."""

    _BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "section",
            "article",
            "header",
            "footer",
        ]
    )
    _HIDDEN = frozenset(("script", "style", "template", "noscript"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def decode(data: bytes, name: str) -> str:
    """An article file's text: UTF-8 (with or without a BOM), or an error naming the file.

    Examples:
        >>> decode(b"\\xef\\xbb\\xbfAt 2pm", "a.txt")
        'At 2pm'
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name} is not UTF-8 text (byte {error.start} is {data[error.start]:#04x}); "
            "give a text, Markdown or HTML file saved as UTF-8"
        ) from None


def plain_text(text: str) -> str:
    """The words of an article, whether it is plain text, Markdown or HTML.

    Plain text and Markdown keep every character's position (marks become spaces), so spans
    found in the result index the file itself; HTML gives its visible text.

    Examples:
        >>> plain_text("<p>At <b>2pm</b> in Nairobi</p>").strip()
        'At 2pm in Nairobi'
        >>> " ".join(plain_text("**Launch:** [live](https://x.example) at 2pm").split())
        'Launch: live at 2pm'
    """
    if re.search(r"<(?:p|div|html|body|br|span|a|h\d)\b", text, re.IGNORECASE):
        parser = _Text()
        parser.feed(text)
        parser.close()
        return re.sub(r"[ \t\u00a0]+", " ", "".join(parser.parts))

    # Markdown marks become spaces, so that every claim keeps its place in the file.
    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group(0))

    def link(match: re.Match[str]) -> str:
        return " " * len(match[1]) + match[2] + " " * len(match[3])

    text = re.sub(r"(!?\[)([^\]\n]*)(\]\([^)\s]*\))", link, text)
    text = re.sub(r"\*\*|__|`", blank, text)
    return re.sub(r"(?m)^\s{0,3}(?:#{1,6}|>|[-*+])(?=\s)", blank, text)


def _year_for(
    month: int,
    day: int,
    weekdays: list[reading.ClaimDate],
    published: dt.date | None,
    today: dt.date,
) -> tuple[int, str]:
    """The year of a day-and-month written without one, and why."""
    if published is not None:
        year = published.year
        if (month, day) < (published.month, published.day):
            year += 1
        return year, f"the next {day} {_month(month)} after publication ({published.isoformat()})"
    for weekday in weekdays:
        assert weekday.weekday is not None
        # An article is about an event of the recent past or the coming year: the latest year
        # up to next year in which the day falls on that weekday.
        fits = [
            y
            for y in range(today.year - YEAR_WINDOW, today.year + 2)
            if _valid(y, month, day) and dt.date(y, month, day).weekday() == weekday.weekday
        ]
        if fits:
            year = max(fits)
            name = dt.date(year, month, day).strftime("%A")
            return (
                year,
                f"{day} {_month(month)} is a {name} in {year} (the article says '{weekday.text}')",
            )
    raise NoEventError(
        f"no year: the article gives {day} {_month(month)} without a year or a weekday; "
        "give --published DATE"
    )


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _month(month: int) -> str:
    return dt.date(2024, month, 1).strftime("%B")


def _event_from(
    found: reading.Scan, published: dt.date | None, today: dt.date
) -> tuple[Event, reading.Claim, str]:
    text = found.text
    first = None
    source = None
    for claim in reading.claims_in(found):
        first = first or claim
        if _SCHEDULING.search(_sentence(text, claim.span)):
            source = claim
            break
    source = source or first
    if source is None:
        raise NoEventError("no event: the article gives no time of day with a place")
    dates = found.date_list
    weekdays = [d for d in dates if d.weekday is not None and d.day is None]
    own = source.date if source.date and source.date.day else None
    dated = own or next((d for d in dates if d.day is not None and d.month is not None), None)
    if dated is None or dated.month is None or dated.day is None:
        raise NoEventError(
            f"no date: the article says {source.text!r} but names no day and month for it"
        )
    if dated.year is not None:
        year, basis = dated.year, f"'{dated.text or source.text}'"
    else:
        own_weekday = [dated] if dated.weekday is not None else []
        year, why = _year_for(dated.month, dated.day, own_weekday + weekdays, published, today)
        basis = f"'{dated.text}'; year {year}: {why}"
    wall = dt.datetime(year, dated.month, dated.day, source.time.hour, source.time.minute)
    zone = _settled(source, found, wall).zone
    if not zone:
        raise NoEventError(f"no zone: {source.place.name} in {source.text!r} is not a tz zone")
    event = Event.at("the event", wall, zone)
    return event, source, basis


def _settled(source: reading.Claim, found: reading.Scan, wall: dt.datetime) -> places.Place:
    """The clock of an abbreviation several countries use ("7pm CST": China or US Central?),
    from the other places the article names; two candidate times are an error, not a guess."""
    place = source.place
    if place.kind != "abbreviation" or not place.picked:
        return place
    options = [p for p in places.search(place.name) if p.kind == "abbreviation" and p.zone]

    def offset(option: places.Place) -> dt.timedelta | None:
        return wall.replace(tzinfo=tz.zone(option.zone)).utcoffset()

    if len({offset(p) for p in options}) <= 1:
        return place
    named = {c.place.country_code for c in reading.claims_in(found) if c.span != source.span}
    fitting = [
        p
        for p in options
        if p.country_code in named
        or (p.country and re.search(rf"\b{re.escape(p.country)}\b", found.text))
    ]
    if fitting and len({offset(p) for p in fitting}) == 1:
        return fitting[0]
    by_offset = {offset(p): p.zone for p in reversed(options)}  # the biggest per offset
    readings = " or ".join(
        f"{by_offset[o]} (UTC{tz.format_offset(o)})" for o in dict.fromkeys(map(offset, options))
    )
    raise NoEventError(
        f"two candidate times: {source.text!r} could be {wall:%Y-%m-%d %H:%M} in {readings}; "
        "give the event with --start and --zone"
    )


def _sentence(text: str, span: tuple[int, int]) -> str:
    start = max(text.rfind(". ", 0, span[0]), text.rfind("\n", 0, span[0])) + 1
    ends = [i for i in (text.find(". ", span[1]), text.find("\n", span[1])) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def check_article(
    text: str,
    *,
    event: Event | None = None,
    published: dt.date | None = None,
    today: dt.date | None = None,
) -> ArticleCheck:
    """Find the event an article announces (unless given) and judge every other claim.

    ``today`` anchors the year a weekday picks (the nearest fitting year); it defaults to the
    clock's date.

    Raises:
        NoEventError: no time with a place, no date, or no year can be found.
    """
    scanned = reading.scan(plain_text(text))
    basis = "given"
    source = None
    if event is None:
        event, source, basis = _event_from(scanned, published, today or dt.date.today())
    found = reading.claims_in(scanned, at=event.start, home=event.zone)
    verdicts = tuple(
        check_claim(event, claim) for claim in found if source is None or claim.span != source.span
    )
    return ArticleCheck(event, source, basis, verdicts)
