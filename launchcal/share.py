"""Ready-to-paste announcements: one event, written the way each channel shows time.

Chat apps that render timestamps get the instant itself, so every reader sees their own clock:
Discord's ``<t:UNIX:F>`` and ``<t:UNIX:R>``, Slack's ``<!date^UNIX^...|fallback>`` (the fallback
is in the event's own zone). Plain-text networks get the event's own time with its UTC offset
and the audience's clocks, cut to the network's limit (X: 280, a URL counting 23, wide
characters 2; Mastodon: 500, a URL counting 23; Telegram: 4096). Newsletters get Markdown, HTML
or text, and mail gets a complete ``.eml`` with the ``.ics`` attached as ``METHOD:PUBLISH``.

Every sentence is in :data:`SENTENCES`, so that one catalog can translate them; dates, times and
zone names already follow ``locale`` through CLDR (:mod:`launchcal.i18n`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from launchcal import i18n, placenames, tz
from launchcal.convert import LocalTime, see_all
from launchcal.errors import InputError
from launchcal.event import Calendar, Event, Status
from launchcal.messages import N_, titled, words
from launchcal.messages import message as said_again
from launchcal.report import format_date

__all__ = [
    "CHANNELS",
    "LIMITS",
    "SENTENCES",
    "Channel",
    "email",
    "length",
    "message",
    "messages",
]

Channel = Literal[
    "discord", "slack", "telegram", "x", "mastodon", "markdown", "html", "text", "email"
]
#: Every channel, in the order ``--help`` lists them.
CHANNELS: tuple[Channel, ...] = (
    "discord", "slack", "telegram", "x", "mastodon", "markdown", "html", "text", "email",
)  # fmt: skip
#: The longest post each network takes, as it counts (see :func:`length`).
LIMITS: dict[Channel, int] = {"x": 280, "mastodon": 500, "telegram": 4096}
_SUBJECT_LIMIT = 200
#: What a URL counts for on the networks that shorten links.
URL_WEIGHT = 23

# Characters that mark up text anywhere in a line, and those that do only at its start.
_DISCORD_MARKS = re.compile(r"([\\*_~`|<])")
_MARKDOWN_MARKS = re.compile(r"([\\*_`\[\]<>|~])")
_LINE_START = re.compile(r"^([#>+-]|\d+(?=\.\s))", re.MULTILINE)

#: Every sentence launchcal writes in a message, in English: the messages the catalogs translate
#: (:func:`_say` reads them in the reader's language).
SENTENCES = {
    "own_time": N_("%(date)s, %(time)s %(zone)s (%(offset)s, %(iana)s)"),
    "tba": N_("%(date)s (%(iana)s); the time is not announced yet"),
    "moved": N_("Moved from %(previous)s"),
    "previous": N_("%(date)s, %(time)s %(zone)s"),
    "your_time": N_("%(absolute)s (%(relative)s)"),
    # NOTE: Slack fills {date_long_pretty} and {time} itself: keep both, with their braces.
    "slack_pattern": N_("{date_long_pretty} at {time}"),
    "audience_heading": N_("Around the world:"),
    "shifted": N_("%(time)s %(date)s"),
    "location": N_("Where: %(location)s"),
    "email_subject": N_("%(title)s on %(when)s"),
    "no_sender": N_(
        "an email needs a sender: give --from ADDRESS (the event has no organizer email)"
    ),
}


def _say(key: str, locale: str, /, **values: object) -> str:
    """``SENTENCES[key]`` in ``locale``, with ``values`` put in."""
    return words(locale).gettext(SENTENCES[key], **values)


@dataclass(frozen=True)
class _Parts:
    """What a message says about one event, already in the locale's words."""

    title: str
    when: str
    #: Where a rescheduled event was, on its own clock, else "".
    previous: str
    locale: str
    audience: tuple[tuple[str, str], ...]
    link: str | None
    location: str
    description: str

    @property
    def moved(self) -> str:
        """``Moved from ...`` for a rescheduled event, else ""."""
        return _say("moved", self.locale, previous=self.previous) if self.previous else ""


def _parts(event: Event, locale: str) -> _Parts:
    title = titled(event.title, event.status.value, locale)
    audience = tuple(
        (placenames.own_name(seen.place, locale), _clock(seen, locale))
        for seen in see_all(event, event.audience)
    )
    location = event.location.label if event.location and not event.location.online else ""
    return _Parts(
        title=title,
        when=own_time(event, locale),
        previous=_previous(event, locale),
        locale=locale,
        audience=audience if event.time_known else (),
        link=event.link,
        location=location,
        description=event.description.strip(),
    )


def own_time(event: Event, locale: str = "en") -> str:
    """The start on the event's own clock, with its UTC offset: readable and unambiguous.

    Examples:
        >>> from launchcal.event import Event
        >>> own_time(Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai"))
        'Mon 4 Jul 2022, 19:00 CST (UTC+08:00, Asia/Shanghai)'
    """
    start = event.start
    english = i18n.is_english(locale)
    date = format_date(start.date()) if english else i18n.date_words(start.date(), locale)
    if not event.time_known:
        return _say("tba", locale, date=date, iana=event.zone)
    return _say(
        "own_time",
        locale,
        date=date,
        time=f"{start:%H:%M}" if english else i18n.clock_words(start, locale),
        zone=tz.zone_label(start) if english else i18n.zone_name(start, locale),
        offset=f"UTC{tz.format_offset(start.utcoffset())}"
        if english
        else i18n.offset_words(start, locale),
        iana=event.zone,
    )


def _previous(event: Event, locale: str) -> str:
    """Where a rescheduled event was, on its own clock (for readers who saw the old time)."""
    previous = event.previous_start
    if event.status is not Status.RESCHEDULED or previous is None:
        return ""
    previous = previous.astimezone(event.start.tzinfo)
    english = i18n.is_english(locale)
    return _say(
        "previous",
        locale,
        date=format_date(previous.date()) if english else i18n.date_words(previous.date(), locale),
        time=f"{previous:%H:%M}" if english else i18n.clock_words(previous, locale),
        zone=tz.zone_label(previous) if english else i18n.zone_name(previous, locale),
    )


def _previous_unix(event: Event) -> int | None:
    previous = event.previous_start
    if event.status is not Status.RESCHEDULED or previous is None:
        return None
    return int(previous.timestamp())


def _clock(seen: LocalTime, locale: str) -> str:
    english = i18n.is_english(locale)
    time = i18n.reader_time(seen.local, locale)
    if seen.day_shift == 0:
        return time
    day = seen.local.date()
    date = f"{day:%a} {day.day} {day:%b}" if english else i18n.date_words(day, locale)
    return _say("shifted", locale, time=time, date=date)


# --- chat -------------------------------------------------------------------------------------


def _unix(event: Event) -> int:
    return int(event.utc_start.timestamp())


def _discord(event: Event, parts: _Parts) -> str:
    title = f"**{_discord_escape(parts.title)}**"
    if event.status is Status.CANCELLED:
        title = f"~~{title}~~"
    if event.time_known:
        unix = _unix(event)
        when = _say("your_time", parts.locale, absolute=f"<t:{unix}:F>", relative=f"<t:{unix}:R>")
    else:
        when = parts.when
    previous = _previous_unix(event)
    moved = "" if previous is None else _say("moved", parts.locale, previous=f"<t:{previous}:f>")
    return "\n".join(line for line in (title, when, moved, parts.link or "") if line)


def _discord_escape(text: str) -> str:
    return _LINE_START.sub(r"\\\1", _DISCORD_MARKS.sub(r"\\\1", text))


def _slack(event: Event, parts: _Parts) -> str:
    title = f"*{_slack_escape(parts.title)}*"
    if event.time_known:
        pattern = _say("slack_pattern", parts.locale)
        when = f"<!date^{_unix(event)}^{pattern}|{_slack_escape(parts.when)}>"
    else:
        when = _slack_escape(parts.when)
    previous = _previous_unix(event)
    moved = ""
    if previous is not None:
        fallback = _slack_escape(parts.previous)
        moved = _say("moved", parts.locale, previous=f"<!date^{previous}^{pattern}|{fallback}>")
    link = f"<{parts.link}>" if parts.link else ""
    return "\n".join(line for line in (title, when, moved, link) if line)


def _slack_escape(text: str) -> str:
    # Slack's three control characters (api.slack.com "Escaping text").
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def length(text: str, channel: Channel) -> int:
    """The length a network counts for ``text``.

    X weighs characters (CJK and emoji count 2) and counts every URL as 23: its own rules, from
    the twitter-text library. Mastodon counts characters with every URL as 23; Telegram counts
    UTF-16 code units.

    Examples:
        >>> length("Launch https://www.mi.com/global/ 小米", "x")
        35
        >>> length("Launch https://www.mi.com/global/ 小米", "mastodon")
        33
    """
    if channel == "x":
        from twitter_text import parse_tweet

        return int(parse_tweet(text).weightedLength)
    if channel == "mastodon":
        from twitter_text import extract_urls

        urls = extract_urls(text)
        return len(text) - sum(len(url) for url in urls) + URL_WEIGHT * len(urls)
    return len(text.encode("utf-16-le")) // 2


def _post(event: Event, parts: _Parts, channel: Channel) -> str:
    """Plain text that fits the network: the audience goes first, then the title is cut."""
    limit = LIMITS[channel]
    audience = list(parts.audience)

    def compose(title: str) -> str:
        cities = " · ".join(f"{name} {clock}" for name, clock in audience)
        lines = (title, parts.when, parts.moved, cities, parts.link or "")
        return "\n".join(line for line in lines if line)

    text = compose(parts.title)
    while length(text, channel) > limit and audience:
        audience.pop()
        text = compose(parts.title)
    title = parts.title
    while length(text, channel) > limit and len(title) > 1:
        title = title[: max(1, len(title) - max(1, length(text, channel) - limit))].rstrip()
        text = compose(title + "…")
    return text


def _text(event: Event, parts: _Parts) -> str:
    lines = [parts.title, parts.when]
    if parts.moved:
        lines.append(parts.moved)
    if parts.audience:
        lines += ["", _say("audience_heading", parts.locale)]
        lines += [f"  {name}: {clock}" for name, clock in parts.audience]
    if parts.location:
        lines += ["", _say("location", parts.locale, location=parts.location)]
    if parts.description:
        lines += ["", parts.description]
    if parts.link:
        lines += ["", parts.link]
    return "\n".join(lines)


def _markdown(event: Event, parts: _Parts) -> str:
    lines = [f"**{_markdown_escape(parts.title)}**", "", _markdown_escape(parts.when)]
    if parts.moved:
        lines[-1] += f"  \n{_markdown_escape(parts.moved)}"
    if parts.audience:
        lines += ["", *(f"- {_markdown_escape(n)}: {c}" for n, c in parts.audience)]
    if parts.location:
        lines += ["", _markdown_escape(_say("location", parts.locale, location=parts.location))]
    if parts.description:
        lines += ["", _markdown_escape(parts.description)]
    if parts.link:
        lines += ["", f"<{parts.link}>"]
    return "\n".join(lines)


def _markdown_escape(text: str) -> str:
    return _LINE_START.sub(r"\\\1", _MARKDOWN_MARKS.sub(r"\\\1", text))


def _html(event: Event, parts: _Parts) -> str:
    e = html.escape
    when = e(parts.when)
    if event.time_known:
        instant = event.utc_start.strftime("%Y-%m-%dT%H:%M:%SZ")
        when = f'<time datetime="{instant}">{when}</time>'
    moved = f"<br>\n{e(parts.moved)}" if parts.moved else ""
    lines = [f"<p><strong>{e(parts.title)}</strong><br>", f"{when}{moved}</p>"]
    if parts.audience:
        lines += ["<ul>", *(f"<li>{e(n)}: {e(c)}</li>" for n, c in parts.audience), "</ul>"]
    if parts.location:
        lines.append(f"<p>{e(_say('location', parts.locale, location=parts.location))}</p>")
    if parts.description:
        lines.append(
            "<p>" + "<br>\n".join(e(line) for line in parts.description.splitlines()) + "</p>"
        )
    if parts.link:
        lines.append(f'<p><a href="{e(parts.link)}">{e(parts.link)}</a></p>')
    return "\n".join(lines)


def _html_lang(locale: str) -> str:
    """The ``lang`` (and ``dir``) of an email's HTML part; none for launchcal's English."""
    if i18n.is_english(locale):
        return ""
    direction = ' dir="rtl"' if i18n.is_rtl(locale) else ""
    return f' lang="{locale.replace("_", "-")}"{direction}'


_WRITERS: dict[Channel, Callable[[Event, _Parts], str]] = {
    "discord": _discord,
    "slack": _slack,
    "markdown": _markdown,
    "html": _html,
    "text": _text,
}


def message(event: Event, channel: Channel, *, locale: str = "en") -> str:
    """The message for one event on one channel (``email``: see :func:`email`).

    Examples:
        >>> from launchcal.event import Event
        >>> launch = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
        >>> print(message(launch, "discord"))
        **Launch**
        <t:1656932400:F> (<t:1656932400:R>)
    """
    parts = _parts(event, locale)
    if channel in LIMITS:
        return _post(event, parts, channel)
    if channel == "email":
        raise InputError("an email is a whole message: use share.email()")
    return _WRITERS[channel](event, parts)


def messages(events: Sequence[Event], channel: Channel, *, locale: str = "en") -> str:
    """One message per event, a blank line between them."""
    return "\n\n".join(message(event, channel, locale=locale) for event in events)


# --- email ------------------------------------------------------------------------------------


def email(
    calendar: Calendar,
    *,
    sender: str | None = None,
    recipient: str | None = None,
    locale: str = "en",
    now: dt.datetime | None = None,
) -> bytes:
    """A complete ``.eml``: text and HTML alternatives, the ``.ics`` attached as ``text/calendar;
    method=PUBLISH`` (what Thunderbird and Outlook show as an event to add).

    ``now`` is the ``Date`` header and the calendar's ``DTSTAMP`` (default: ``SOURCE_DATE_EPOCH``
    when set, else the clock); the MIME boundaries come from the content, so the same input
    gives the same bytes.

    Raises:
        InputError: there is no sender (no ``sender`` and no organizer email).
    """
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import format_datetime, formataddr, parseaddr

    from launchcal import ics

    events = calendar.events
    if sender is None:
        organizer = events[0].organizer
        if organizer is None or not organizer.email:
            raise InputError(said_again(SENTENCES["no_sender"]))
        sender = formataddr((organizer.name, organizer.email))
    attachment = ics.to_ics(calendar, stamp=now, publisher=parseaddr(sender))
    # The Date header is the file's DTSTAMP: ics decides it once (SOURCE_DATE_EPOCH or clock).
    found = re.search(rb"^DTSTAMP:(\d{8}T\d{6})Z\r$", attachment, re.MULTILINE)
    assert found is not None
    stamp = dt.datetime.strptime(found.group(1).decode(), "%Y%m%dT%H%M%S").replace(tzinfo=dt.UTC)
    method = re.search(rb"^METHOD:(\S+)\r$", attachment, re.MULTILINE)
    first = events[0]
    subject = (
        _say(
            "email_subject", locale, title=_parts(first, locale).title, when=own_time(first, locale)
        )
        if len(events) == 1
        else calendar.name
    )
    subject = " ".join(subject.split())  # a header is one line, whatever the title holds
    if len(subject) > _SUBJECT_LIMIT:
        subject = subject[: _SUBJECT_LIMIT - 1].rstrip() + "…"
    message_ = EmailMessage(policy=SMTP)
    message_["Subject"] = subject
    message_["From"] = sender
    if recipient:
        message_["To"] = recipient
    message_["Date"] = format_datetime(stamp)
    digest = hashlib.sha256(attachment + subject.encode()).hexdigest()
    message_["Message-ID"] = f"<{digest[:24]}@{ics.UID_DOMAIN}.invalid>"
    text = "\n\n".join(_text(e, _parts(e, locale)) for e in events) + "\n"
    message_.set_content(text, cte="quoted-printable")
    body = "\n<hr>\n".join(_html(e, _parts(e, locale)) for e in events)
    page = f"<!DOCTYPE html>\n<html{_html_lang(locale)}><body>\n{body}\n</body></html>\n"
    message_.add_alternative(page, subtype="html", cte="quoted-printable")
    message_.make_mixed()
    params = {"method": method.group(1).decode("ascii")} if method else {}
    message_.add_attachment(
        attachment, maintype="text", subtype="calendar",
        filename=f"{first.id or 'event'}.ics" if len(events) == 1 else "calendar.ics",
        params={**params, "charset": "utf-8"},
    )  # fmt: skip
    for index, part in enumerate(message_.walk()):
        if part is not message_:
            del part["MIME-Version"]  # the email package repeats it on every part
        if part.is_multipart():
            part.set_boundary(f"launchcal-{digest[24:40]}-{index}")
    # CPython's header folding can move a whole Subject onto a continuation line, which
    # readers then show with a leading space: headers are written unfolded (RFC 5322 allows
    # 998 octets); the bodies were already encoded in lines of 76.
    return message_.as_bytes(policy=SMTP.clone(max_line_length=998))
