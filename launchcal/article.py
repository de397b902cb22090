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
from launchcal import i18n, messages, places, tz
from launchcal.check import Verdict, check_claim
from launchcal.errors import InputError
from launchcal.event import Event

__all__ = [
    "ArticleCheck",
    "Dating",
    "NoEventError",
    "check_article",
    "decode",
    "plain_text",
    "report_words",
]

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
class Dating:
    """How an article's event got its date: written with its year, or the year found.

    Kept as facts, so that :meth:`words` can say it in any reader's language.
    """

    #: The date as the article writes it ("4th of July").
    written: str
    month: int
    day: int
    #: The year found for a date written without one (``None``: the article wrote it).
    year: int | None = None
    #: The publication date that picked the year, if one did.
    published: dt.date | None = None
    #: The weekday as the article writes it, if it picked the year.
    weekday: str | None = None

    def words(self, locale: str = "en") -> str:
        """``'4th of July'; year 2022: 4 July is a Monday in 2022 (the article says 'Monday')``.

        Examples:
            >>> print(Dating("4th of July", 7, 4, 2022, weekday="Monday").words("fr"))
            « 4th of July » ; année 2022 : le 4 juillet 2022 est un lundi (l’article dit « Monday »)
        """
        say = messages.words(locale)
        written = messages.quoted(self.written, locale)
        if self.year is None:
            return written
        day = i18n.day_month_words(dt.date(2024, self.month, self.day), locale)
        if self.published is not None:
            why = say.gettext(
                "the next %(date)s after publication (%(published)s)",
                date=day,
                published=self.published.isoformat(),
            )
        else:
            assert self.weekday is not None
            why = say.gettext(
                "%(date)s is a %(weekday)s in %(year)s (the article says %(text)s)",
                date=day,
                weekday=i18n.weekday_words(
                    dt.date(self.year, self.month, self.day).weekday(), locale
                ),
                year=str(self.year),
                text=messages.quoted(self.weekday, locale),
            )
        pattern = say.gettext("%(date)s; year %(year)s: %(why)s")
        # ``why`` is a sentence of its own, isolated inside already.
        return pattern % {"date": written, "year": say.isolate(str(self.year)), "why": why}


@dataclass(frozen=True)
class ArticleCheck:
    """The event an article announces (or was given) and every other claim, judged."""

    event: Event
    #: The claim that announced the event, or ``None`` when the event was given.
    source: reading.Claim | None
    #: How the date and year were found, for the reader (English; see ``dating``).
    basis: str
    verdicts: tuple[Verdict, ...]
    #: The facts behind ``basis`` (``None`` when the event was given).
    dating: Dating | None = None

    def basis_words(self, locale: str = "en") -> str:
        """``basis`` in the reader's language."""
        return self.basis if self.dating is None else self.dating.words(locale)

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
            messages.message(
                "%(file)s is not UTF-8 text (byte %(offset)s is %(byte)s); "
                "give a text, Markdown or HTML file saved as UTF-8",
                file=name,
                offset=str(error.start),
                byte=f"{data[error.start]:#04x}",
            )
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
) -> tuple[int, dt.date | None, str | None]:
    """The year of a day-and-month written without one, and the publication date or the
    weekday as written that picked it."""
    if published is not None:
        year = published.year
        if (month, day) < (published.month, published.day):
            year += 1
        return year, published, None
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
            return max(fits), None, weekday.text
    raise NoEventError(
        messages.message(
            "no year: the article gives %(date)s without a year or a weekday; "
            "give --published DATE",
            date=messages.reworded(
                f"{day} {_month(month)}",
                lambda locale: i18n.day_month_words(dt.date(2024, month, day), locale),
            ),
        )
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
) -> tuple[Event, reading.Claim, Dating]:
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
        raise NoEventError(
            messages.message("no event: the article gives no time of day with a place")
        )
    dates = found.date_list
    weekdays = [d for d in dates if d.weekday is not None and d.day is None]
    own = source.date if source.date and source.date.day else None
    dated = own or next((d for d in dates if d.day is not None and d.month is not None), None)
    if dated is None or dated.month is None or dated.day is None:
        raise NoEventError(
            messages.message(
                "no date: the article says %(text)s but names no day and month for it",
                text=repr(source.text),
            )
        )
    if dated.year is not None:
        year = dated.year
        dating = Dating(dated.text or source.text, dated.month, dated.day)
    else:
        own_weekday = [dated] if dated.weekday is not None else []
        year, on, weekday = _year_for(
            dated.month, dated.day, own_weekday + weekdays, published, today
        )
        dating = Dating(dated.text, dated.month, dated.day, year, on, weekday)
    wall = dt.datetime(year, dated.month, dated.day, source.time.hour, source.time.minute)
    zone = _settled(source, found, wall).zone
    if not zone:
        raise NoEventError(
            messages.message(
                "no zone: %(place)s in %(text)s is not a tz zone",
                place=source.place.name,
                text=repr(source.text),
            )
        )
    event = Event.at("the event", wall, zone)
    return event, source, dating


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
    readings = [
        f"{by_offset[o]} (UTC{tz.format_offset(o)})" for o in dict.fromkeys(map(offset, options))
    ]
    either: str = readings[0]
    for other in readings[1:]:
        # "A or B or C", each "or" in the reader's language when the error is said in it.
        either = messages.message("%(first)s or %(second)s", first=either, second=other)
    raise NoEventError(
        messages.message(
            "two candidate times: %(text)s could be %(time)s in %(zones)s; "
            "give the event with --start and --zone",
            text=repr(source.text),
            time=f"{wall:%Y-%m-%d %H:%M}",
            zones=either,
        )
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
    dating = None
    source = None
    if event is None:
        event, source, dating = _event_from(scanned, published, today or dt.date.today())
    found = reading.claims_in(scanned, at=event.start, home=event.zone)
    verdicts = tuple(
        check_claim(event, claim) for claim in found if source is None or claim.span != source.span
    )
    basis = "given" if dating is None else dating.words()
    return ArticleCheck(event, source, basis, verdicts, dating)


def report_words(result: ArticleCheck, locale: str = "en") -> str:
    """What ``check --article`` prints: where the event came from, then each verdict.

    Examples:
        >>> result = check_article("The launch starts at 19:00 in Beijing on 4 July 2022. "
        ...                        "That is around 3am in Nairobi.")
        >>> print(report_words(result))
        ... # doctest: +NORMALIZE_WHITESPACE
        event: Mon 4 Jul 2022 19:00 Asia/Shanghai, from '19:00 in Beijing on 4 July 2022' and
        '4 July 2022'
        'around 3am in Nairobi': wrong: it starts at 14:00 in Nairobi, same day, not 03:00
    """
    from launchcal.check import claim_words

    say = messages.words(locale)
    lines = []
    start = result.event.start
    if result.source is not None:
        if i18n.is_english(locale):
            when = f"{i18n.reader_date(start.date(), locale)} {i18n.reader_time(start, locale)}"
            when += f" {result.event.zone}"
        else:  # the clock's own name in the reader's words, not the IANA id
            when = i18n.date_time_words(start, locale, zone=True)
        source = result.source.text
        pattern = say.gettext("event: %(when)s, from %(source)s and %(basis)s")
        lines.append(
            pattern
            % {
                "when": say.isolate(when),
                "source": repr(source)
                if i18n.is_english(locale)
                else messages.quoted(source, locale),
                "basis": result.basis_words(locale),
            }
        )
    lines += [claim_words(verdict, locale) for verdict in result.verdicts]
    if not result.verdicts:
        lines.append(say.gettext("no other time with a place in the article"))
    return "\n".join(lines)
