"""HTML out: the countdown widget (a snippet to paste into a blog post) and a whole event page.

The only module that imports :mod:`jinja2`. It builds every template context; the templates in
``templates/`` only lay the context out. Templates are autoescaped (their names end in
``.html``) and use ``StrictUndefined``, so a missing value is an error, never an empty string.
The widget's script (``countdown.js``) is a plain asset that reads the widget's ``data-``
attributes; it is never rendered, so no event text can reach it.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

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
    "parse_locales",
    "parse_units",
    "safe_url",
    "script",
    "season_index",
    "snippet",
    "template_dirs",
    "words",
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


@functools.cache
def words(locale: str = "en") -> dict[str, str]:
    """Every word a reader of the widget, the page, the overlay or a season's index sees, in
    ``locale`` (a CLDR identifier), by the key the templates use.

    Each is a message of launchcal's catalogs (``launchcal/locale``; a context tells apart
    equal English words meant otherwise). The server writes them in the page's language; a
    widget or page that ships more languages carries the others' for its script, which picks
    the viewer's. Numbers, dates and durations are the browser's own (Intl).

    Examples:
        >>> words("fr")["v"], words("en")["v"]
        ('En direct', 'Live now')
    """
    from launchcal import messages

    say = messages.words(locale)
    return {
        # The states and the viewer's own time, in the widget's data- attributes (one letter each,
        # as the script reads them); %(time)s is the browser's own words for the time.
        "w": say.gettext("Starts in %(time)s"),
        "h": say.pgettext("countdown heading", "Starts in"),
        "v": say.gettext("Live now"),
        "x": say.gettext("Ended"),
        "t": say.gettext("Started"),
        "y": say.gettext("%(time)s your time"),
        # Everything else, on the element that shows it (data-k="key").
        "days": say.pgettext("countdown tile", "days"),
        "hours": say.pgettext("countdown tile", "hours"),
        "minutes": say.pgettext("countdown tile", "minutes"),
        "seconds": say.pgettext("countdown tile", "seconds"),
        "watch": say.gettext("Watch now"),
        "replay": say.gettext("Watch the replay"),
        "add": say.gettext("Add to calendar"),
        "ics": say.gettext("Download .ics (Apple, Outlook, Thunderbird)"),
        "ics_short": say.gettext("Apple / other (.ics)"),
        "subscribe_ics": say.gettext("Apple / other (subscribe)"),
        "open_in_safari": say.gettext("To save the .ics, open this page in Safari"),
        "google": say.gettext("Google Calendar"),
        "yahoo": say.gettext("Yahoo Calendar"),
        "tba": say.gettext("time to be announced"),
        "cancelled": say.gettext("Cancelled"),
        "postponed": say.gettext("Postponed: the new date is not known yet"),
        "rescheduled": say.gettext("Rescheduled (was %(before)s)"),
        "day_strip": say.gettext("%(place)s: %(time)s %(date)s, %(shift)s"),
        "night": say.pgettext("column value", "night"),
        "upcoming": say.pgettext("heading", "Upcoming"),
        "past": say.pgettext("heading", "Past"),
        "subscribe": say.gettext("Subscribe to all launches"),
        "download_feed": say.gettext("Download the feed (.ics)"),
        "launches": say.gettext("Launches"),
        "where": say.pgettext("event detail", "Where"),
        "organizer": say.pgettext("event detail", "Organizer"),
        "more": say.pgettext("event detail", "More"),
        "email": say.pgettext("event detail", "email"),
        "online": say.gettext("Online"),
        "around": say.gettext("Around the world"),
        "place": say.pgettext("column", "Place"),
        "local_time": say.pgettext("column", "Local time"),
        "zone": say.pgettext("column", "Zone"),
        "add_yours": say.gettext("Add to your calendar"),
        "next_times": say.gettext("Next times"),
        "sessions": say.gettext("Sessions"),
        "markets": say.gettext("Goes live, market by market"),
        "languages": say.gettext("Languages"),
        "footer": say.gettext("Times from the IANA tz database %(version)s, made with launchcal."),
    }


#: The keys of the widget's states and the viewer's own time: data- attributes of the widget
#: (one letter each, as its script reads them); ``%(time)s`` is the browser's own words.
_STATE_KEYS = ("w", "h", "v", "x", "t", "y")

_LINKED_SCHEMES = ("http", "https", "mailto")
#: What ends a link's text: white space (str.isspace()'s table: ``\s`` uses the same one) and
#: control characters.
_URL_BREAKS = re.compile(r"[\s\x00-\x1f]")
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
        locale: the page's language, a BCP 47 tag (``de``, ``ar-EG``): the words the server
            writes (what a reader without JavaScript sees), ``lang`` and ``dir``. ``None``:
            English words, and the browser's own language for dates and numbers.
        languages: the other languages the widget and page ship for their viewers; the script
            picks the first of ``navigator.languages`` among them and the page's language.
            ``None``: English, beside a page in another language.
        inline_script: ``False`` links :data:`SCRIPT_NAME` instead of inlining the script, for
            sites whose Content-Security-Policy forbids inline scripts.
        script_src: where that link points, relative to the page (a page in a language's
            folder of a build links the one script beside the root page, ``../``).
        template_dir: a folder with the user's own copies of some or all templates.
        base_url: where the page will be served (for ``build``, the folder's URL): gives the
            page its canonical link and ``og:url``.
    """

    theme: Theme = "auto"
    locale: str | None = None
    languages: tuple[str, ...] | None = None
    inline_script: bool = True
    script_src: str = SCRIPT_NAME
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
        for tag in self.languages or ():
            parse_locale(tag)
        if self.base_url is not None:
            check_web_url(self.base_url, "base url")

    @property
    def shipped(self) -> tuple[str, ...]:
        """The BCP 47 tags of the languages a viewer may get besides the page's own, which
        is first (none: the page is English and the browser picks the dates' language).

        Examples:
            >>> Options(locale="fr").shipped, Options(locale="fr", languages=("sw",)).shipped
            (('fr', 'en'), ('fr', 'sw'))
        """
        if self.locale is None:
            return ()
        page = parse_locale(self.locale)[0]
        others = ("en",) if self.languages is None else self.languages
        found = [page]
        for tag in others:
            tag = parse_locale(tag)[0]
            if _catalog(tag) != _catalog(page) and tag not in found:
                found.append(tag)
        return tuple(found) if len(found) > 1 else (page,)

    @property
    def with_menu(self) -> bool:
        """Whether the widget carries the add-to-calendar menu."""
        return self.style in ("tiles", "banner") if self.menu is None else self.menu


class Rendered(NamedTuple):  # NamedTuple, not dataclass: every html and build defines it
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

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dirs(template_dir)),
        autoescape=jinja2.select_autoescape(enabled_extensions=_AUTOESCAPED, default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.bytecode_cache = _bytecode_cache(env)
    return env


#: The template names autoescaped by extension (the others are autoescaped by default too).
_AUTOESCAPED = ("html",)


def _bytecode_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """jinja2's own bytecode cache for the templates, so that a page does not compile them anew.

    Compiling the page's templates costs a whole ``launchcal when``; loading them compiled costs
    about a millisecond. jinja2 recompiles a template whose source changed (it keeps a checksum)
    or that another Python wrote (a magic header); the key also holds what else changes the
    compiled code (jinja2's version and this environment's syntax and autoescape settings), so
    no stale template is ever run. A cache folder that cannot be made or written only costs the
    compilation.
    """
    import hashlib
    import pickle

    import jinja2
    from jinja2.bccache import Bucket

    from launchcal import cache

    folder = cache.folder()
    if folder is None:
        return None
    folder = folder / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    syntax = (
        "block_start_string", "block_end_string", "variable_start_string",
        "variable_end_string", "comment_start_string", "comment_end_string",
        "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
        "newline_sequence", "keep_trailing_newline", "optimized",
    )  # fmt: skip
    settings = (
        getattr(jinja2, "__version__", ""),
        sorted(env.extensions),
        [getattr(env, name) for name in syntax],
        _AUTOESCAPED,
    )
    tag = hashlib.sha1(repr(settings).encode(), usedforsecurity=False).hexdigest()

    class TemplateCache(jinja2.FileSystemBytecodeCache):
        def get_cache_key(self, name: str, filename: str | None = None) -> str:
            return super().get_cache_key(f"{tag}|{name}", filename)

        def load_bytecode(self, bucket: Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
                bucket.reset()  # a damaged entry: compile the template again

        def dump_bytecode(self, bucket: Bucket) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    return TemplateCache(str(folder))


def _render(name: str, context: Mapping[str, Any], template_dir: Path | None) -> str:
    return "".join(_render_pieces(name, context, template_dir))


def _render_pieces(
    name: str, context: Mapping[str, Any], template_dir: Path | None
) -> Iterator[str]:
    """The template's text in the pieces jinja makes it in (a season's index is 100 MB)."""
    import jinja2

    where = template_dir or "the built-in templates"
    try:
        yield from _environment(template_dir).get_template(name).generate(context)
    except jinja2.TemplateSyntaxError as error:
        raise InputError(
            f"template {error.filename or error.name}, line {error.lineno}: {error.message}"
        ) from None
    except jinja2.TemplateNotFound as error:
        raise InputError(f"template {error.name} is missing from {where}") from None
    except jinja2.TemplateError as error:
        raise InputError(f"template {name} (from {where}): {error.message}") from None


@functools.cache
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


def parse_locales(text: str) -> tuple[str, ...]:
    """``"fr,sw,zh"``: the page's language, then the others its widget ships, as BCP 47 tags.

    Examples:
        >>> parse_locales("fr, sw,zh_CN")
        ('fr', 'sw', 'zh-Hans-CN')

    Raises:
        InputError: an unknown locale, or an empty item.
    """
    items = [item.strip() for item in text.split(",")]
    if not all(items):
        raise InputError(f"locale list {text!r} has an empty item; write it like fr,sw,zh")
    return tuple(dict.fromkeys(parse_locale(item)[0] for item in items))


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
    if not url or _URL_BREAKS.search(url):
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


def _cldr(tag: str) -> str:
    if tag == "en":  # the default page: its identifier is itself, babel's ~1,000 go unlisted
        return "en"
    from launchcal import i18n

    return i18n.resolve_locale(tag)


def _catalog(tag: str) -> str:
    """The catalog that writes a BCP 47 tag's words (``en``: launchcal's own English)."""
    from launchcal import messages

    return messages.catalog_for(_cldr(tag)) or "en"


class _Writer:
    """What the server writes in the page's language: launchcal's English as it always was,
    CLDR's dates, times, zone and city names with the catalog's words elsewhere.

    Right-to-left, a time or offset set inside a sentence is wrapped in Unicode isolates
    (the templates also put ``<bdi>`` around whole times), so ``14:00`` never reads ``00:14``.
    """

    def __init__(self, tag: str | None, clock: int | None) -> None:
        from launchcal import messages

        self.locale = "en" if tag is None else _cldr(tag)
        self.english = _catalog(tag or "en") == "en" and self.locale.split("_")[0] == "en"
        self.clock = clock
        self.say = messages.words(self.locale)
        self.words = words(self.locale)

    def hm(self, moment: dt.datetime) -> str:
        if self.english:
            return _hm(moment, self.clock)
        from launchcal import i18n

        if self.clock is None:
            return i18n.clock_words(moment, self.locale)
        return _hm(moment, self.clock, self.locale)

    def date(self, moment: dt.date) -> str:
        from launchcal import i18n

        return i18n.reader_date(moment, self.locale)

    def clock_text(self, moment: dt.datetime) -> str:
        """``Mon 4 Jul 2022, 19:00``; elsewhere the locale's own date-time pattern."""
        if self.english:
            return f"{format_date(moment.date())}, {self.hm(moment)}"
        from launchcal import i18n

        pattern = str(i18n.locale_data(self.locale).datetime_formats["medium"])
        return pattern.replace("{1}", self.date(moment.date())).replace("{0}", self.hm(moment))

    def zone(self, moment: dt.datetime, zone: str | None = None) -> str:
        """``China Standard Time (UTC+08:00), Asia/Shanghai`` (the zone's id when given)."""
        if self.english:
            label = tz.zone_label(moment)
            offset = "UTC" + tz.format_offset(moment.utcoffset())
        else:
            from launchcal import i18n

            label = i18n.zone_name(moment, self.locale)
            offset = self.say.isolate(i18n.offset_words(moment, self.locale))
        zone_text = f"{label} ({offset})" if label not in (offset, "UTC") else offset
        if zone is None:
            return zone_text
        if self.english:
            return f"{zone_text}, {zone}"
        from babel.core import get_global

        # Arabic script (ar, fa, ur) writes its own comma, U+060C.
        script = str(get_global("likely_subtags").get(self.locale.split("_")[0], ""))
        comma = "\u060c " if "_Arab" in script else ", "
        return f"{zone_text}{comma}{self.say.isolate(zone)}"

    def offset(self, moment: dt.datetime) -> str:
        if self.english:
            return "UTC" + tz.format_offset(moment.utcoffset())
        from launchcal import i18n

        return i18n.offset_words(moment, self.locale)

    def place(self, place: Any, at: dt.datetime) -> str:
        if self.english:
            return str(place.name)
        from launchcal import i18n, placenames

        return i18n.place_clock(place, self.locale, at) or placenames.local_name(place, self.locale)

    def status(self, event: Event) -> str:
        if event.status is Status.CANCELLED:
            return self.words["cancelled"]
        if event.status is Status.POSTPONED:
            return self.words["postponed"]
        if event.status is Status.RESCHEDULED and event.previous_start is not None:
            before = event.previous_start.astimezone(event.start.tzinfo)
            return self.say.gettext("Rescheduled (was %(before)s)", before=self.clock_text(before))
        return ""

    def own(self, event: Event) -> tuple[str, str]:
        """The start on the event's clock and its zone's words (the date alone, time to be
        announced)."""
        if event.time_known:
            return self.clock_text(event.start), self.zone(event.start, event.zone)
        return f"{self.date(event.start.date())}, {self.words['tba']}", event.zone

    def values(self, event: Event) -> dict[str, str]:
        """What the server wrote for ``event`` (the start, its zone, the status, each audience
        city's row), by the ``data-k`` key the templates give it when the widget ships several
        languages: the script puts the viewer's language's in place of the page's."""
        own_time, own_zone = self.own(event)
        found = {"_m": own_time, "_z": own_zone, "_s": self.status(event)}
        for i, row in enumerate(self.audience(event)):
            found |= {f"_p{i}": row["place"], f"_a{i}": row["short"], f"_t{i}": row["time"]}
            found |= {f"_d{i}": row["date"], f"_n{i}": row["zone"], f"_o{i}": row["offset"]}
            found[f"_f{i}"] = row["strip"]["shift"]
        return found

    def audience(self, event: Event) -> list[dict[str, Any]]:
        if not event.time_known:
            return []
        rows = []
        for seen in see_all(event, event.audience):
            time = self.hm(seen.local)
            place = self.place(seen.place, seen.local)
            if self.english:
                short = f"{seen.local:%a} {seen.local.day} {seen.local:%b}, {time}"
                zone = seen.label
            else:
                from launchcal import i18n

                short = self.clock_text(seen.local)
                zone = i18n.zone_name(seen.local, self.locale)
            rows.append(
                {
                    "place": place,
                    "datetime": seen.local.isoformat(),
                    "short": short,
                    "time": time,
                    "date": self.date(seen.local.date()),
                    "zone": zone,
                    "offset": self.offset(seen.local),
                    "day_shift": seen.day_shift,
                    "night": seen.night,
                    "strip": self.day_strip(seen.local, place, time, seen.day_shift),
                }
            )
        return rows

    def day_strip(self, local: dt.datetime, place: str, time: str, shift: int) -> dict[str, Any]:
        """The 24-hour strip of the local day (an SVG in the page): night hours shaded, the
        start marked, the date shift in words, all said again in the label a screen reader
        reads."""
        from launchcal.convert import NIGHT_HOURS
        from launchcal.report import day_shift_words

        hour = 10  # SVG units per hour: the strip is 240 wide
        minutes = local.hour * 60 + local.minute
        shift_words = day_shift_words(shift, self.locale)
        label = self.say.gettext(
            "%(place)s: %(time)s %(date)s, %(shift)s",
            place=place, time=time, date=self.date(local.date()), shift=shift_words,
        )  # fmt: skip
        return {
            "night_x": NIGHT_HOURS.start * hour,
            "night_width": len(NIGHT_HOURS) * hour,
            "mark_x": round(min(minutes / 60 * hour, 24 * hour - 3), 1),
            "shift": shift_words,
            "label": label,
        }


def _counts_down(event: Event) -> bool:
    return event.time_known and event.status in (Status.SCHEDULED, Status.RESCHEDULED)


def _widget_context(
    event: Event,
    options: Options,
    *,
    show_title: bool,
    menu: bool | None = None,
    ics_href: str | None = None,
    stamp: dt.datetime | None = None,
    carries_words: bool = True,
    one_widget: bool = True,
) -> dict[str, Any]:
    """What the widget shows. ``menu`` overrides the options' choice (the page has its own
    calendar list); ``ics_href`` is where the menu's .ics is (embedded as ``data:`` if None);
    ``carries_words``: the widget carries its other languages' words itself (a snippet), or
    the page around it does; ``one_widget``: the page has no other (a season's index has
    many), so the widget (or page) says the server's lines again in each language it ships
    (the start on the event's clock, the audience's cities and times): about 150 bytes gzipped
    a language more, nothing for a widget in one language."""
    from markupsafe import Markup

    locale, rtl = (None, False) if options.locale is None else parse_locale(options.locale)
    writer = _Writer(locale, options.clock)
    say = writer.words
    own_time, zone_words = writer.own(event)
    datetime = _utc(event.start) if event.time_known else event.start.date().isoformat()
    utc_end = event.utc_end
    letters = _unit_letters(options.units)
    with_menu = options.with_menu if menu is None else menu
    calendar = _menu(event, options, say, ics_href=ics_href, stamp=stamp) if with_menu else None
    counts = _counts_down(event)
    unit_names = [name for name, letter in UNITS.items() if letter in letters]
    keys: list[str] = []
    if counts:
        tiles = options.style == "tiles"
        keys += [key for key in _STATE_KEYS if key != "h" or tiles]
        keys += unit_names if tiles else []
    if event.status in (Status.CANCELLED, Status.POSTPONED):
        keys.append(event.status.value)
    if counts and safe_url(event.stream_url):
        keys.append("watch")
    if counts and safe_url(event.replay_url):
        keys.append("replay")
    audience = writer.audience(event)
    # The server's lines again in each language shipped, for the viewer's browser to pick.
    keyed = one_widget and len(options.shipped) > 1
    if keyed:
        keys += ["_m", "_z", *(["_s"] if event.status is Status.RESCHEDULED else [])]
        keys += [f"_{k}{i}" for i in range(len(audience)) for k in "pa"]
    if calendar is not None:
        keys += ["add", "ics_short", *(link["key"] for link in calendar["links"] if link["key"])]
        keys += ["subscribe_ics"] if calendar["webcal"] else []
        keys += ["open_in_safari"] if calendar["safari_note"] else []
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
        "unit_names": unit_names,
        "clock": options.clock,
        "words": say,
        "word_keys": keys,
        "languages": _languages_json(options, keys, event) if carries_words else "",
        "keyed": keyed,
        "status_text": writer.status(event),
        "status_key": event.status.value
        if event.status in (Status.CANCELLED, Status.POSTPONED)
        else ("_s" if keyed and event.status is Status.RESCHEDULED else ""),
        "datetime": datetime,
        "own_time": own_time,
        "own_zone": zone_words,
        "show_zone": options.show_zone,
        "show_audience": options.style != "compact"
        if options.show_audience is None
        else options.show_audience,
        "audience": audience,
        "stream_url": safe_url(event.stream_url) if counts else None,
        "replay_url": safe_url(event.replay_url) if counts else None,
        "menu": calendar,
        "own_style": True,
        "script_src": None if options.inline_script else options.script_src,
        # Our own asset, checked by script() to hold no "</script": safe to inline as is.
        "script": Markup(script(options.template_dir)) if options.inline_script else "",  # noqa: S704
    }


def _languages_json(
    options: Options, keys: list[str], event: Event | None = None, *, version: str = ""
) -> Any:
    """``{"fr": {}, "sw": {"dir": "ltr", "w": "Inaanza baada ya %(time)s", ...}}``: each
    language the author shipped, the page's first (its words are in the markup already), with
    the words ``keys`` name (and the server's values for ``event``: :meth:`_Writer.values`),
    for the script to put in place of the page's when the viewer reads that language. Empty
    when only the page's language ships."""
    shipped = options.shipped
    if len(shipped) < 2:
        return ""
    found: dict[str, dict[str, str]] = {shipped[0]: {}}
    served = any(key.startswith("_") for key in keys) and event is not None
    # The server's own lines where a language says them otherwise ("Londres" -> "London");
    # an equal one ("Nairobi") the script leaves as the page has it.
    own = _Writer(shipped[0], options.clock).values(event) if served and event else {}
    for tag in shipped[1:]:
        said = words(_cldr(tag))
        if served and event is not None:
            said = {**said, **_Writer(tag, options.clock).values(event)}
        found[tag] = {"dir": "rtl" if parse_locale(tag)[1] else "ltr"}
        found[tag].update(
            (key, said[key]) for key in dict.fromkeys(keys) if own.get(key) != said[key]
        )
        if "footer" in found[tag]:
            found[tag]["footer"] = found[tag]["footer"].replace("%(version)s", version)
    return _attribute_json(found)


def _attribute_json(data: Any) -> Any:
    """JSON for a single-quoted attribute: only ``&``, ``'``, ``<`` and ``>`` escaped (the
    many ``"`` stay as they are, a third of the size of ``&#34;``)."""
    from markupsafe import Markup

    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    escaped = text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;")
    return Markup(escaped.replace(">", "&gt;"))  # noqa: S704


def _data_ics(event: Event, stamp: dt.datetime | None) -> str:
    payload = ics_bytes(event, stamp=stamp)
    return "data:text/calendar;charset=utf-8;base64," + base64.b64encode(payload).decode("ascii")


def _services(event: Event, say: Mapping[str, str]) -> list[dict[str, str]]:
    """The calendar services' links, each labelled as its users know it in the page's
    language ("Google Agenda"); ``key`` names the label's word, empty for a brand name that
    every language writes the same (Outlook.com)."""
    from launchcal.links import SERVICES

    found = _calendar_links(event)
    return [
        {
            "name": name,
            "key": name if name in say else "",
            "label": say.get(name, label),
            "url": found[name],
        }
        for name, label in SERVICES.items()
        if name in found
    ]


def _menu(
    event: Event,
    options: Options,
    say: Mapping[str, str],
    *,
    ics_href: str | None,
    stamp: dt.datetime | None,
) -> dict[str, Any]:
    """The widget's add-to-calendar menu: the services' links, the .ics, and for iOS in-app
    browsers (no ``data:`` downloads) the site's ``webcal:`` .ics or a note to open Safari."""
    href = ics_href or _data_ics(event, stamp)
    embedded = href.startswith("data:")
    webcal = None
    if embedded and options.ics_url is not None:
        webcal = "webcal://" + options.ics_url.removeprefix("https://")
    return {
        "links": _services(event, say),
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
    """A calendar of events as an .ics feed (:func:`launchcal.ics.to_ics`; a page's or a
    one-event site's as an earlier run wrote it, see :mod:`launchcal.icsstore`)."""
    from launchcal import icsstore

    return icsstore.calendar_ics(calendar, stamp=stamp)


def _page_context(
    event: Event,
    options: Options,
    *,
    ics_href: str | None,
    stamp: dt.datetime | None,
    alternates: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    from markupsafe import Markup

    now = dt.datetime.now(dt.UTC) if stamp is None else stamp
    shown = _counted(event, now)
    context = _widget_context(shown, options, show_title=False, menu=False, carries_words=False)
    context["markets"] = _markets(event)
    if ics_href is None:
        ics_href = _data_ics(event, stamp)
    writer = _Writer(context["lang"], options.clock)
    say = writer.words
    location = event.location
    organizer = event.organizer
    summary = f"{event.title}: {context['own_time']} {context['own_zone']}"
    links = _services(event, say)
    times = _times(event, now, writer)
    version = tz.database().version
    keys = [*context["word_keys"], "add_yours", "ics", "footer"]
    keys += [link["key"] for link in links if link["key"]]
    keys += ["where"] if location else []
    keys += ["organizer"] if organizer else []
    keys += ["email"] if organizer and organizer.email else []
    keys += ["more"] if event.url else []
    keys += ["around", "place", "local_time", "zone", "night"] if context["audience"] else []
    keys += [times["times_key"]] if times["times_key"] else []
    keys += ["languages"] if alternates else []
    if context["keyed"]:
        keys += [f"_{k}{i}" for i in range(len(context["audience"])) for k in "tdnof"]
    context.update(
        {
            # The script comes last, after every word it may put in the viewer's language.
            "script": "",
            "script_src": None,
            "page_script": context["script"],
            "page_script_src": context["script_src"],
            "page_lang": context["lang"] or "en",
            "page_words": _languages_json(options, keys, shown, version=version),
            "footer": writer.say.gettext(
                "Times from the IANA tz database %(version)s, made with launchcal.",
                version=version,
            ),
            "summary": summary,
            "description": event.description.strip(),
            "url": safe_url(event.url),
            "location": None
            if location is None
            else {
                "name": location.name or (say["online"] if location.online else ""),
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
            "calendar_links": links,
            "ics_href": ics_href,
            "ics_name": f"{event.id}.ics",
            "tzdata": version,
            # JSON with every <, > and & as \u escapes: inert inside <script>.
            "json_ld": Markup(  # noqa: S704
                _script_json(json_ld(event, page_url=options.base_url, now=now))
            ),
            **times,
            "page_url": options.base_url,
            "image": safe_url(event.image),
            "alternates": _alternates(alternates or {}),
        }
    )
    return context


def _alternates(alternates: Mapping[str, str]) -> list[dict[str, str]]:
    """``{hreflang: href}`` (``x-default`` among them) -> the links of the page's head and its
    list of languages, each named in its own language ("français", "Kiswahili")."""
    from launchcal import i18n

    rows = []
    for tag, href in alternates.items():
        name = ""
        if tag != "x-default":
            data = i18n.locale_data(_cldr(tag))
            name = str(data.get_display_name(data) or tag)
            name = name[:1].upper() + name[1:]
        rows.append({"hreflang": tag, "href": href, "name": name})
    return rows


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


def _times(event: Event, now: dt.datetime, writer: _Writer) -> dict[str, Any]:
    """The page's list of sessions, next occurrences or markets, each on the event's clock."""
    from launchcal import recurrence

    if event.rrule is not None:
        key = "next_times"
        parts = recurrence.occurrences(event, after=now, count=6)
    elif event.sessions:
        key, parts = "sessions", recurrence.sessions(event)
    elif event.rolling:
        key, parts = "markets", recurrence.markets(event)
    else:
        return {"times": [], "times_heading": "", "times_key": ""}
    rows = [
        {
            "title": part.title if event.sessions else (
                writer.place(part.audience[0], part.start) if event.rolling
                else writer.date(part.start.date())
            ),
            "datetime": _utc(part.start),
            "when": f"{writer.date(part.start.date())} {writer.clock_text(part.start)} "
            f"{writer.zone(part.start, part.zone)}",
        }
        for part in parts
    ]  # fmt: skip
    return {"times": rows, "times_heading": writer.words[key], "times_key": key}


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
    alternates: Mapping[str, str] | None = None,
) -> str:
    """A standalone event page: the widget, the audience's clocks, calendar links, JSON-LD.

    Args:
        event: the event.
        options: theme, languages, script and template choices.
        ics_href: where the page links its .ics download; ``None`` embeds the file in the page.
        stamp: the DTSTAMP of the embedded .ics (now if ``None``).
        alternates: the same page in other languages, ``{hreflang: href}`` with
            ``x-default`` (``build --locales``): ``<link rel="alternate">`` and a list of
            languages.
    """
    options = options or Options()
    context = _page_context(event, options, ics_href=ics_href, stamp=stamp, alternates=alternates)
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
    shown = _counted(event, dt.datetime.now(dt.UTC))
    context = _widget_context(shown, options, show_title=True, carries_words=False)
    context.update(
        page_lang=context["lang"] or "en",
        page_words=_languages_json(options, context["word_keys"], shown),
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
    alternates: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """The index of a season's site: upcoming events in order with their countdowns (one
    shared style sheet and script), then the past ones, latest first.

    Its text comes in pieces, each event's widget rendered as the page reaches it: the index
    of 100,000 events is 100 MB.

    Args:
        calendar: the season.
        options: how each event's widget looks (``compact`` unless another style is given).
        hrefs: each event id's page, relative to the index.
        feed_href: where the whole feed's .ics is.
        webcal: the feed's ``webcal:`` URL, when the site's address is known.
        now: what counts as past (the current time if ``None``).
        alternates: the same index in other languages, ``{hreflang: href}`` with
            ``x-default`` (``build --locales``), as for :func:`page`.
    """
    import dataclasses

    options = options or Options()
    if options.style == "text":
        options = dataclasses.replace(options, style="compact")
    moment = now or dt.datetime.now(dt.UTC)
    upcoming: list[Event] = []
    past: list[Event] = []
    version = tz.database().version
    keys = ["upcoming", "past", "download_feed", "footer", *(["subscribe"] if webcal else [])]
    keys += ["languages"] if alternates else []

    def widget_context(event: Event) -> dict[str, Any]:
        return _widget_context(
            _counted(event, moment), options, show_title=False, carries_words=False,
            one_widget=False,
        )  # fmt: skip

    for event in sorted(calendar.events, key=lambda e: e.utc_start):
        # The page ships the words every widget needs before any widget is rendered: their
        # contexts are made once for the words, again (one at a time) for the widgets.
        keys.extend(key for key in widget_context(event)["word_keys"] if key not in keys)
        over = (event.utc_end or event.utc_start) < moment and event.time_known
        (past if over else upcoming).append(event)

    def item(event: Event) -> dict[str, Any]:
        context = widget_context(event)
        context.update(own_style=False, script="", script_src=None, markets=_markets(event))
        return {
            "title": event.title,
            "href": hrefs[event.id],
            "widget": _markup(_render("snippet.html", context, options.template_dir)),
        }

    from markupsafe import Markup

    locale, rtl = (None, False) if options.locale is None else parse_locale(options.locale)
    writer = _Writer(locale, options.clock)
    page_context: dict[str, Any] = {
        "theme": options.theme,
        "style": options.style,
        "menu": None,
        "direction": "rtl" if rtl else "ltr",
        "words": writer.words,
        "page_words": _languages_json(options, keys, version=version),
        "footer": writer.say.gettext(
            "Times from the IANA tz database %(version)s, made with launchcal.", version=version
        ),
        "script_src": None if options.inline_script else options.script_src,
        "script": Markup(script(options.template_dir)) if options.inline_script else "",  # noqa: S704
    }
    page_context.update(
        {
            "page_lang": locale or "en",
            "name": calendar.name or writer.words["launches"],
            "description": calendar.description,
            "feed_href": feed_href,
            "webcal": webcal,
            "sections": [
                {
                    "heading": writer.words["upcoming"],
                    "key": "upcoming",
                    "events": _Items(upcoming, item),
                },
                {
                    "heading": writer.words["past"],
                    "key": "past",
                    "events": _Items(past[::-1], item),
                },
            ],
            "tzdata": version,
            "alternates": _alternates(alternates or {}),
        }
    )
    return _render_pieces("season.html", page_context, options.template_dir)


class _Items:
    """A section's events for a template, each made into its item as the loop reaches it.

    A plain class, not a dataclass: every page and build defines it at start-up (0.5 ms as a
    frozen dataclass), and nothing compares or prints it.
    """

    __slots__ = ("events", "make")

    def __init__(self, events: Sequence[Event], make: Callable[[Event], dict[str, Any]]) -> None:
        self.events = events
        self.make = make

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(self.make, self.events)


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
    alternates: Mapping[str, str] | None = None,
) -> Rendered:
    """The snippet (or page, or overlay) and, with ``inline_script=False``, the script to write
    beside it."""
    options = options or Options()
    if as_overlay:
        text = overlay(event, options)
    elif whole_page:
        text = page(event, options, ics_href=ics_href, stamp=stamp, alternates=alternates)
    else:
        text = snippet(event, options, stamp=stamp)
    return Rendered(text, None if options.inline_script else script(options.template_dir) + "\n")
