"""HTML out: the countdown widget (a snippet to paste into a blog post) and a whole event page.

The only module that imports :mod:`jinja2`. It builds every template context; the templates in
``templates/`` only lay the context out. Templates are autoescaped (their names end in
``.html``) and use ``StrictUndefined``, so a missing value is an error, never an empty string.
The widget's script (``countdown.js``) is a plain asset that reads the widget's ``data-``
attributes; it is never rendered, so no event text can reach it.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from launchcal import tz
from launchcal.convert import see_all
from launchcal.errors import InputError
from launchcal.event import Calendar, Event, Status, check_web_url
from launchcal.report import format_date

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "SCRIPT_NAME",
    "STYLES",
    "THEMES",
    "UNITS",
    "Options",
    "Rendered",
    "calendar_ics",
    "html",
    "ics_bytes",
    "json_ld",
    "overlay",
    "page",
    "parse_locale",
    "parse_units",
    "safe_url",
    "script",
    "season_index",
    "snippet",
    "template_dirs",
]

Theme = Literal["light", "dark", "auto"]
THEMES: tuple[Theme, ...] = ("light", "dark", "auto")
Style = Literal["text", "tiles", "compact", "banner"]
#: ``text``: a sentence; ``tiles``: a box per unit; ``compact``: one line; ``banner``: full width.
STYLES: tuple[Style, ...] = ("text", "tiles", "compact", "banner")
#: The countdown's units, largest first, by the letter the widget's script knows them by.
UNITS = {"days": "d", "hours": "h", "minutes": "m", "seconds": "s"}

#: The file ``--no-inline-script`` writes the widget's script to, beside the HTML.
SCRIPT_NAME = "launchcal-countdown.js"

#: Every word a reader of the widget or a page sees, in one table (the script reads them from
#: the widget's markup). The numbers and dates are the viewer's locale (Intl in the browser);
#: these stay as written here unless a --template-dir copy of the templates changes them.
WORDS = {
    "starts_in": "Starts in",
    "live": "Live now",
    "ended": "Ended",
    "started": "Started",
    "your_time": "your time",
    "days": "days",
    "hours": "hours",
    "minutes": "minutes",
    "seconds": "seconds",
    "watch": "Watch now",
    "replay": "Watch the replay",
    "add": "Add to calendar",
    "ics": "Download .ics (Apple, Outlook, Thunderbird)",
    "ics_short": "Apple / other (.ics)",
    "subscribe_ics": "Apple / other (subscribe)",
    "open_in_safari": "To save the .ics, open this page in Safari",
    "tba": "time to be announced",
    "cancelled": "Cancelled",
    "postponed": "Postponed: the new date is not known yet",
    "rescheduled": "Rescheduled (was {before})",
    "day_strip": "{place}: {time} {date}, {shift}",
    "night": "night",
    "upcoming": "Upcoming",
    "past": "Past",
    "subscribe": "Subscribe to all launches",
    "download_feed": "Download the feed (.ics)",
}

_LINKED_SCHEMES = ("http", "https", "mailto")
# Inside <script type="application/ld+json"> only "</script" (or "<!--") could end the block
# early; escaping every <, > and & as JSON \u escapes keeps the data intact and inert.
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
_JSON_ESCAPES |= {0x2028: "\\u2028", 0x2029: "\\u2029"}


@dataclass(frozen=True)
class Options:
    """How to render.

    Attributes:
        theme: ``light``, ``dark``, or ``auto`` (follows ``prefers-color-scheme``).
        style: one of :data:`STYLES`.
        units: the largest and smallest unit the countdown shows (``("hours", "minutes")``).
        clock: ``12`` or ``24``-hour times; ``None`` follows the viewer's locale in the browser
            and shows 24-hour times in the markup.
        show_zone: the line with the start on the event's own clock. Hidden, it stays for
            readers without JavaScript (inside ``<noscript>``), who have no other time.
        show_audience: the line of the audience cities' times (same ``<noscript>`` rule);
            ``None`` means all styles but ``compact``.
        menu: the add-to-calendar menu; ``None`` means on for ``tiles`` and ``banner``.
        ics_url: the https URL of the event's .ics on a built site; an iOS in-app browser
            (which cannot save a ``data:`` file) is offered its ``webcal:`` form instead.
        locale: a BCP 47 tag (``de``, ``ar-EG``) for the viewer's date and countdown; ``None``
            uses the browser's language.
        inline_script: ``False`` links :data:`SCRIPT_NAME` instead of inlining the script, for
            sites whose Content-Security-Policy forbids inline scripts.
        template_dir: a folder with the user's own copies of some or all templates.
        base_url: where the page will be served (for ``build``, the folder's URL): gives the
            page its canonical link and ``og:url``.
    """

    theme: Theme = "auto"
    locale: str | None = None
    inline_script: bool = True
    template_dir: Path | None = None
    base_url: str | None = None
    style: Style = "text"
    units: tuple[str, str] = ("days", "seconds")
    clock: int | None = None
    show_zone: bool = True
    show_audience: bool | None = None
    menu: bool | None = None
    ics_url: str | None = None

    def __post_init__(self) -> None:
        if self.theme not in THEMES:
            raise InputError(f"unknown theme {self.theme!r}; use light, dark or auto")
        if self.style not in STYLES:
            raise InputError(f"unknown style {self.style!r}; use {', '.join(STYLES)}")
        if self.clock not in (None, 12, 24):
            raise InputError(f"unknown clock {self.clock!r}; use 12 or 24")
        _unit_letters(self.units)
        if self.ics_url is not None and not self.ics_url.startswith("https://"):
            raise InputError(f"the .ics URL {self.ics_url!r} must start with https://")
        if self.locale is not None:
            parse_locale(self.locale)
        if self.base_url is not None:
            check_web_url(self.base_url, "base url")

    @property
    def with_menu(self) -> bool:
        """Whether the widget carries the add-to-calendar menu."""
        return self.style in ("tiles", "banner") if self.menu is None else self.menu


@dataclass(frozen=True)
class Rendered:
    """An HTML document or snippet, and the script to write beside it (``--no-inline-script``)."""

    html: str
    script: str | None = None


# --- templates -------------------------------------------------------------------------------


def template_dirs(template_dir: Path | None = None) -> list[Path]:
    """Where templates are looked up: the user's folder first, then the built-in ones.

    A wheel ships the templates inside the package (``launchcal/templates``); a source checkout
    or an editable install has them beside the package, in the top-level ``templates/``.
    """
    package = Path(__file__).resolve().parent
    builtin = package / "templates"
    if not builtin.is_dir():
        builtin = package.parent / "templates"
    if template_dir is None:
        return [builtin]
    if not template_dir.is_dir():
        raise InputError(f"template folder {template_dir} does not exist")
    return [template_dir, builtin]


@functools.cache
def _environment(template_dir: Path | None) -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dirs(template_dir)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(name: str, context: Mapping[str, Any], template_dir: Path | None) -> str:
    import jinja2

    where = template_dir or "the built-in templates"
    try:
        return _environment(template_dir).get_template(name).render(context)
    except jinja2.TemplateSyntaxError as error:
        raise InputError(
            f"template {error.filename or error.name}, line {error.lineno}: {error.message}"
        ) from None
    except jinja2.TemplateNotFound as error:
        raise InputError(f"template {error.name} is missing from {where}") from None
    except jinja2.TemplateError as error:
        raise InputError(f"template {name} (from {where}): {error.message}") from None


def script(template_dir: Path | None = None) -> str:
    """The widget's JavaScript, with comments and indentation stripped.

    Raises:
        InputError: the script could end an inline ``<script>`` element early.
    """
    import jinja2

    env = _environment(template_dir)
    assert env.loader is not None
    try:
        source, _, _ = env.loader.get_source(env, "countdown.js")
    except jinja2.TemplateNotFound:
        raise InputError(f"countdown.js is missing from {template_dir}") from None
    lines = (line.strip() for line in source.splitlines())
    code = "\n".join(line for line in lines if line and not line.startswith("//"))
    if re.search(r"</script|<!--", code, re.IGNORECASE):
        raise InputError("countdown.js must not contain '</script' or '<!--'")
    return code


# --- values the templates show ---------------------------------------------------------------


def parse_locale(tag: str) -> tuple[str, bool]:
    """Check a locale against CLDR; return it as a BCP 47 tag and whether it is right-to-left.

    Examples:
        >>> parse_locale("ar-EG"), parse_locale("en_GB")
        (('ar-EG', True), ('en-GB', False))
    """
    from launchcal import i18n

    locale = i18n.resolve_locale(tag)
    return locale.replace("_", "-"), i18n.is_rtl(locale)


def parse_units(text: str) -> tuple[str, str]:
    """``"hours-minutes"`` (or one unit, ``"hours"``: down to seconds) -> the largest and
    smallest unit.

    Examples:
        >>> parse_units("hours-minutes"), parse_units("minutes")
        (('hours', 'minutes'), ('minutes', 'seconds'))

    Raises:
        InputError: an unknown unit, or the smallest before the largest.
    """
    largest, _, smallest = text.strip().lower().partition("-")
    units = (largest, smallest or "seconds")
    _unit_letters(units)
    return units


def _unit_letters(units: tuple[str, str]) -> str:
    names = list(UNITS)
    for unit in units:
        if unit not in UNITS:
            from difflib import get_close_matches

            close = get_close_matches(unit, names, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise InputError(f"unknown unit {unit!r}; {hint}use {', '.join(names)}")
    first, last = (names.index(unit) for unit in units)
    if first > last:
        raise InputError(
            f"units {units[0]}-{units[1]}: give the largest first ({units[1]}-{units[0]})"
        )
    return "".join(UNITS[name] for name in names[first : last + 1])


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) or mailto URL, else ``None``: nothing else is ever linked.

    Examples:
        >>> safe_url("https://example.com/"), safe_url("javascript:alert(1)")
        ('https://example.com/', None)
    """
    if not url or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    scheme, colon, _ = url.partition(":")
    return url if colon and scheme.lower() in _LINKED_SCHEMES else None


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _hm(moment: dt.datetime, clock: int | None = None, locale: str = "en") -> str:
    """``19:00``, or on a 12-hour clock the locale's CLDR pattern and day periods (``7:00 PM``,
    ``下午7:00``, ``7:00 p.m.``)."""
    if clock == 12:
        from launchcal import i18n

        return i18n.twelve_hour_words(moment, locale)
    return f"{moment:%H:%M}"


def _clock(moment: dt.datetime, clock: int | None = None) -> str:
    """``Mon 4 Jul 2022, 19:00``."""
    return f"{format_date(moment.date())}, {_hm(moment, clock)}"


def _zone_words(moment: dt.datetime, zone: str) -> str:
    label = tz.zone_label(moment)
    offset = "UTC" + tz.format_offset(moment.utcoffset())
    zone_text = f"{label} ({offset})" if label not in (offset, "UTC") else offset
    return f"{zone_text}, {zone}"


def _status_text(event: Event, clock: int | None = None) -> str:
    if event.status is Status.CANCELLED:
        return WORDS["cancelled"]
    if event.status is Status.POSTPONED:
        return WORDS["postponed"]
    if event.status is Status.RESCHEDULED and event.previous_start is not None:
        before = event.previous_start.astimezone(event.start.tzinfo)
        return WORDS["rescheduled"].format(before=_clock(before, clock))
    return ""


def _counts_down(event: Event) -> bool:
    return event.time_known and event.status in (Status.SCHEDULED, Status.RESCHEDULED)


def _audience(event: Event, clock: int | None = None) -> list[dict[str, Any]]:
    if not event.time_known:
        return []
    rows = []
    for seen in see_all(event, event.audience):
        time = _hm(seen.local, clock)
        rows.append(
            {
                "place": seen.place.name,
                "datetime": seen.local.isoformat(),
                "short": f"{seen.local:%a} {seen.local.day} {seen.local:%b}, {time}",
                "time": time,
                "date": format_date(seen.local.date()),
                "zone": seen.label,
                "offset": "UTC" + seen.utc_offset,
                "day_shift": seen.day_shift,
                "night": seen.night,
                "strip": _day_strip(seen.local, seen.place.name, time, seen.day_shift),
            }
        )
    return rows


def _day_strip(local: dt.datetime, place: str, time: str, shift: int) -> dict[str, Any]:
    """The 24-hour strip of the local day (an SVG in the page): night hours shaded, the start
    marked, the date shift in words, all said again in the label a screen reader reads."""
    from launchcal.convert import NIGHT_HOURS
    from launchcal.report import day_shift_words

    hour = 10  # SVG units per hour: the strip is 240 wide
    minutes = local.hour * 60 + local.minute
    shift_words = day_shift_words(shift)
    return {
        "night_x": NIGHT_HOURS.start * hour,
        "night_width": len(NIGHT_HOURS) * hour,
        "mark_x": round(min(minutes / 60 * hour, 24 * hour - 3), 1),
        "shift": shift_words,
        "label": WORDS["day_strip"].format(
            place=place, time=time, date=format_date(local.date()), shift=shift_words
        ),
    }


def _widget_context(
    event: Event,
    options: Options,
    *,
    show_title: bool,
    menu: bool | None = None,
    ics_href: str | None = None,
    stamp: dt.datetime | None = None,
) -> dict[str, Any]:
    """What the widget shows. ``menu`` overrides the options' choice (the page has its own
    calendar list); ``ics_href`` is where the menu's .ics is (embedded as ``data:`` if None)."""
    from markupsafe import Markup

    locale, rtl = (None, False) if options.locale is None else parse_locale(options.locale)
    clock = options.clock
    if event.time_known:
        own_time = _clock(event.start, clock)
        zone_words = _zone_words(event.start, event.zone)
        datetime = _utc(event.start)
    else:
        own_time = f"{format_date(event.start.date())}, {WORDS['tba']}"
        zone_words = event.zone
        datetime = event.start.date().isoformat()
    utc_end = event.utc_end
    letters = _unit_letters(options.units)
    with_menu = options.with_menu if menu is None else menu
    calendar = _menu(event, options, ics_href=ics_href, stamp=stamp) if with_menu else None
    counts = _counts_down(event)
    return {
        "title": event.title,
        "markets": "",  # a rolling release's markets: the caller that knows the launch sets it
        "show_title": show_title,
        "title_tag": "p",
        "style": options.style,
        "theme": options.theme,
        "lang": locale,
        "locale": locale,
        "direction": "rtl" if rtl else "ltr",
        "countdown": counts,
        "utc_start": _utc(event.start),
        "utc_end": None if utc_end is None else _utc(utc_end),
        "units": letters,
        "unit_names": [name for name, letter in UNITS.items() if letter in letters],
        "clock": clock,
        "words": WORDS,
        "status_text": _status_text(event, clock),
        "datetime": datetime,
        "own_time": own_time,
        "own_zone": zone_words,
        "show_zone": options.show_zone,
        "show_audience": options.style != "compact"
        if options.show_audience is None
        else options.show_audience,
        "audience": _audience(event, clock),
        "stream_url": safe_url(event.stream_url) if counts else None,
        "replay_url": safe_url(event.replay_url) if counts else None,
        "menu": calendar,
        "own_style": True,
        "script_src": None if options.inline_script else SCRIPT_NAME,
        # Our own asset, checked by script() to hold no "</script": safe to inline as is.
        "script": Markup(script(options.template_dir)) if options.inline_script else "",  # noqa: S704
    }


def _data_ics(event: Event, stamp: dt.datetime | None) -> str:
    payload = ics_bytes(event, stamp=stamp)
    return "data:text/calendar;charset=utf-8;base64," + base64.b64encode(payload).decode("ascii")


def _menu(
    event: Event, options: Options, *, ics_href: str | None, stamp: dt.datetime | None
) -> dict[str, Any]:
    """The widget's add-to-calendar menu: the services' links, the .ics, and for iOS in-app
    browsers (no ``data:`` downloads) the site's ``webcal:`` .ics or a note to open Safari."""
    from launchcal.links import SERVICES

    found = _calendar_links(event)
    href = ics_href or _data_ics(event, stamp)
    embedded = href.startswith("data:")
    webcal = None
    if embedded and options.ics_url is not None:
        webcal = "webcal://" + options.ics_url.removeprefix("https://")
    return {
        "links": [
            {"label": label, "url": found[name]}
            for name, label in SERVICES.items()
            if name in found
        ],
        "ics_href": href,
        "ics_name": f"{event.id or 'event'}.ics",
        "webcal": webcal,
        "safari_note": embedded and webcal is None,
    }


def json_ld(
    event: Event, *, page_url: str | None = None, now: dt.datetime | None = None
) -> dict[str, Any]:
    """The schema.org ``Event`` that search engines read from the page
    (:func:`launchcal.jsonld.event_json_ld`).

    Examples:
        >>> e = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
        >>> json_ld(e)["startDate"]
        '2022-07-04T19:00:00+08:00'
    """
    from launchcal.jsonld import event_json_ld

    return event_json_ld(event, page_url=page_url, now=now)


def _script_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1).translate(_JSON_ESCAPES)


def _calendar_links(event: Event) -> dict[str, str]:
    from launchcal import links

    return {name: url for name, url in links.links(event).items() if safe_url(url)}


def ics_bytes(event: Event, *, stamp: dt.datetime | None = None) -> bytes:
    """The event as an .ics file (:func:`launchcal.ics.to_ics`), for the page and ``build``."""
    return calendar_ics(Calendar(events=(event,)), stamp=stamp)


def calendar_ics(calendar: Calendar, *, stamp: dt.datetime | None = None) -> bytes:
    """A calendar of events as an .ics feed (:func:`launchcal.ics.to_ics`)."""
    from launchcal import ics

    return ics.to_ics(calendar, stamp=stamp)


def _page_context(
    event: Event, options: Options, *, ics_href: str | None, stamp: dt.datetime | None
) -> dict[str, Any]:
    from markupsafe import Markup

    now = dt.datetime.now(dt.UTC) if stamp is None else stamp
    from launchcal.links import SERVICES

    context = _widget_context(_counted(event, now), options, show_title=False, menu=False)
    context["markets"] = _markets(event)
    if ics_href is None:
        ics_href = _data_ics(event, stamp)
    found = _calendar_links(event)
    location = event.location
    organizer = event.organizer
    summary = f"{event.title}: {context['own_time']} {context['own_zone']}"
    context.update(
        {
            "page_lang": context["lang"] or "en",
            "summary": summary,
            "description": event.description.strip(),
            "url": safe_url(event.url),
            "location": None
            if location is None
            else {
                "name": location.name or ("Online" if location.online else ""),
                "address": location.address,
                "url": safe_url(location.url),
            },
            "organizer": None
            if organizer is None
            else {
                "name": organizer.name,
                "url": safe_url(organizer.url),
                "email": safe_url(f"mailto:{organizer.email}") if organizer.email else None,
            },
            "calendar_links": [
                {"name": name, "label": label, "url": found[name]}
                for name, label in SERVICES.items()
                if name in found
            ],
            "ics_href": ics_href,
            "ics_name": f"{event.id}.ics",
            "tzdata": tz.database().version,
            # JSON with every <, > and & as \u escapes: inert inside <script>.
            "json_ld": Markup(  # noqa: S704
                _script_json(json_ld(event, page_url=options.base_url, now=now))
            ),
            **_times(event, now),
            "page_url": options.base_url,
            "image": safe_url(event.image),
        }
    )
    return context


def _counted(event: Event, now: dt.datetime) -> Event:
    """What the widget counts down to: a series' next occurrence, the next session, the
    first market to go live (the page's script cannot know the reader's market)."""
    from launchcal import recurrence

    if event.rrule is None and not event.sessions and not event.rolling:
        return event
    found = recurrence.current(event, now)
    upcoming = [part for part in found if (part.utc_end or part.utc_start) > now]
    return (upcoming or found)[0]


def _markets(event: Event) -> str:
    """A rolling release's ``{zone: [utc start, utc end]}`` for the widget's script, which
    counts down to the reader's own market (by the browser's zone) when it is one of them."""
    if not event.rolling:
        return ""
    from launchcal import recurrence

    found: dict[str, list[str | None]] = {}
    for market in recurrence.markets(event):
        end = market.utc_end
        found.setdefault(market.zone, [_utc(market.start), None if end is None else _utc(end)])
    return json.dumps(found, separators=(",", ":"))


def _times(event: Event, now: dt.datetime) -> dict[str, Any]:
    """The page's list of sessions, next occurrences or markets, each on the event's clock."""
    from launchcal import recurrence

    if event.rrule is not None:
        heading = "Next times"
        parts = recurrence.occurrences(event, after=now, count=6)
    elif event.sessions:
        heading, parts = "Sessions", recurrence.sessions(event)
    elif event.rolling:
        heading, parts = "Goes live, market by market", recurrence.markets(event)
    else:
        return {"times": [], "times_heading": ""}
    rows = [
        {
            "title": part.title if event.sessions else (
                part.audience[0].name if event.rolling else format_date(part.start.date())
            ),
            "datetime": _utc(part.start),
            "when": f"{format_date(part.start.date())} {_clock(part.start)} "
            f"{_zone_words(part.start, part.zone)}",
        }
        for part in parts
    ]  # fmt: skip
    return {"times": rows, "times_heading": heading}


# --- public entry points ---------------------------------------------------------------------


def snippet(
    event: Event,
    options: Options | None = None,
    *,
    stamp: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> str:
    """The countdown widget: one element to paste into any page.

    A series counts down to its occurrence that is next at ``now`` (default: the clock), a
    launch with sessions to its next session; a rolling release to the reader's own market.

    Examples:
        >>> e = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
        >>> '<time datetime="2022-07-04T11:00:00Z">' in snippet(e)
        True
    """
    options = options or Options()
    shown = _counted(event, dt.datetime.now(dt.UTC) if now is None else now)
    context = {
        **_widget_context(shown, options, show_title=True, stamp=stamp),
        "markets": _markets(event),
    }
    return _render("snippet.html", context, options.template_dir)


def page(
    event: Event,
    options: Options | None = None,
    *,
    ics_href: str | None = None,
    stamp: dt.datetime | None = None,
) -> str:
    """A standalone event page: the widget, the audience's clocks, calendar links, JSON-LD.

    Args:
        event: the event.
        options: theme, locale, script and template choices.
        ics_href: where the page links its .ics download; ``None`` embeds the file in the page.
        stamp: the DTSTAMP of the embedded .ics (now if ``None``).
    """
    options = options or Options()
    context = _page_context(event, options, ics_href=ics_href, stamp=stamp)
    return _render("page.html", context, options.template_dir)


def overlay(event: Event, options: Options | None = None) -> str:
    """A page for a streaming overlay: transparent, large tiles, no links, no audience.

    Examples:
        >>> e = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
        >>> "<a " in overlay(e)
        False
    """
    import dataclasses

    options = dataclasses.replace(
        options or Options(), style="tiles", menu=False, show_zone=False, show_audience=False
    )
    # Like the widget: the next occurrence or session, a rolling release's own market.
    context = _widget_context(_counted(event, dt.datetime.now(dt.UTC)), options, show_title=True)
    context.update(
        page_lang=context["lang"] or "en",
        title_tag="h1",
        stream_url=None,
        replay_url=None,
        markets=_markets(event),
    )
    return _render("overlay.html", context, options.template_dir)


def season_index(
    calendar: Calendar,
    options: Options | None = None,
    *,
    hrefs: Mapping[str, str],
    feed_href: str,
    webcal: str | None = None,
    now: dt.datetime | None = None,
) -> str:
    """The index of a season's site: upcoming events in order with their countdowns (one
    shared style sheet and script), then the past ones, latest first.

    Args:
        calendar: the season.
        options: how each event's widget looks (``compact`` unless another style is given).
        hrefs: each event id's page, relative to the index.
        feed_href: where the whole feed's .ics is.
        webcal: the feed's ``webcal:`` URL, when the site's address is known.
        now: what counts as past (the current time if ``None``).
    """
    import dataclasses

    options = options or Options()
    if options.style == "text":
        options = dataclasses.replace(options, style="compact")
    moment = now or dt.datetime.now(dt.UTC)
    upcoming: list[dict[str, Any]] = []
    past: list[dict[str, Any]] = []
    for event in sorted(calendar.events, key=lambda e: e.utc_start):
        context = _widget_context(_counted(event, moment), options, show_title=False)
        context.update(own_style=False, script="", script_src=None, markets=_markets(event))
        item = {
            "title": event.title,
            "href": hrefs[event.id],
            "widget": _markup(_render("snippet.html", context, options.template_dir)),
        }
        over = (event.utc_end or event.utc_start) < moment and event.time_known
        (past if over else upcoming).append(item)
    from markupsafe import Markup

    locale, rtl = (None, False) if options.locale is None else parse_locale(options.locale)
    page_context: dict[str, Any] = {
        "theme": options.theme,
        "style": options.style,
        "menu": None,
        "direction": "rtl" if rtl else "ltr",
        "words": WORDS,
        "script_src": None if options.inline_script else SCRIPT_NAME,
        "script": Markup(script(options.template_dir)) if options.inline_script else "",  # noqa: S704
    }
    page_context.update(
        {
            "page_lang": locale or "en",
            "name": calendar.name or "Launches",
            "description": calendar.description,
            "feed_href": feed_href,
            "webcal": webcal,
            "sections": [
                {"heading": WORDS["upcoming"], "events": upcoming},
                {"heading": WORDS["past"], "events": past[::-1]},
            ],
            "tzdata": tz.database().version,
        }
    )
    return _render("season.html", page_context, options.template_dir)


def _markup(text: str) -> Any:
    from markupsafe import Markup

    # Rendered by our own autoescaping templates: already safe HTML.
    return Markup(text)  # noqa: S704


def html(
    event: Event,
    options: Options | None = None,
    *,
    whole_page: bool = False,
    as_overlay: bool = False,
    ics_href: str | None = None,
    stamp: dt.datetime | None = None,
) -> Rendered:
    """The snippet (or page, or overlay) and, with ``inline_script=False``, the script to write
    beside it."""
    options = options or Options()
    if as_overlay:
        text = overlay(event, options)
    elif whole_page:
        text = page(event, options, ics_href=ics_href, stamp=stamp)
    else:
        text = snippet(event, options, stamp=stamp)
    return Rendered(text, None if options.inline_script else script(options.template_dir) + "\n")
