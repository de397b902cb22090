"""``launchcal build``: one folder, ready for any static host.

For one event: ``index.html`` (the event page), ``widget.html`` (the snippet to embed),
``<id>.ics`` (the download the page links to), ``<id>.json`` (the event and its audience's
clocks) and, with ``--no-inline-script``, the widget's script. With ``--locales fr,sw,zh``
also ``fr/index.html``, ``sw/index.html``, ... (one language each), all of them linked by one
set of ``hreflang`` alternates, ``index.html`` the ``x-default`` that picks the viewer's.

For a season (a file of many events, :func:`build_season`): ``index.html`` listing the upcoming
launches with live countdowns and then the past ones, ``feed.ics`` (the whole feed, with a
``webcal:`` link when the site's address is known), ``events.json``, ``sitemap.xml`` (with an
address), and per event a folder ``<id>/`` with its page, widget, overlay and .ics. With
``--locales fr,sw,zh`` also ``fr/index.html`` and ``fr/<id>/index.html``, ... (the index and
each event's page in one language), every page linked to its others by one set of
``hreflang`` alternates.

A one-event folder is rendered into one ``{relative path: bytes}`` mapping and written by one
call; a season is written a file at a time as it is rendered, into a folder that takes the
target's place only once it is complete. Either way a failure while rendering writes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from launchcal import jsonstream, render, report, tz
from launchcal.errors import InputError
from launchcal.event import Calendar, Event
from launchcal.files import StagedFolder, write_folder

__all__ = [
    "FEED_NAME",
    "JSON_NAME",
    "OVERLAY_NAME",
    "PAGE_NAME",
    "WIDGET_NAME",
    "build",
    "build_season",
    "event_data",
    "language_pages",
    "season_files",
]

PAGE_NAME = "index.html"
WIDGET_NAME = "widget.html"
OVERLAY_NAME = "overlay.html"
FEED_NAME = "feed.ics"
JSON_NAME = "events.json"


def event_data(event: Event) -> dict[str, Any]:
    """The JSON of ``launchcal when --json`` for the audience, plus what the page shows."""
    data = report.when_data([event], list(event.audience))
    entry = data["events"][0]
    location = event.location
    organizer = event.organizer
    entry.update(
        {
            "previous_start": None
            if event.previous_start is None
            else event.previous_start.isoformat(),
            "url": event.url,
            "description": event.description,
            "location": None
            if location is None
            else {
                "name": location.name,
                "online": location.online,
                "url": location.url,
                "address": location.address,
            },
            "organizer": None
            if organizer is None
            else {"name": organizer.name, "email": organizer.email, "url": organizer.url},
        }
    )
    return data


def build(
    event: Event,
    directory: str | Path,
    options: render.Options | None = None,
    *,
    stamp: dt.datetime | None = None,
    inputs: Iterable[str | Path] = (),
    per_language: bool = False,
) -> list[Path]:
    """Render everything first, then write the folder all at once; return the paths written.

    ``inputs`` (the event file) are never overwritten or swapped away. With ``per_language``
    (``build --locales fr,sw,zh``) each of the options' languages also gets its own page,
    ``fr/index.html``, in that language only; ``index.html`` (hreflang ``x-default``) picks
    the viewer's among them, and every page links the others (:func:`language_pages`).

    Raises:
        OutputError: ``directory`` is a file, holds other files or an input, or cannot be
            written; nothing has changed then (see :func:`launchcal.files.write_folder`).
    """
    options = options or render.Options()
    ics_name = f"{event.id}.ics"
    outputs: dict[str, str | bytes] = {}
    pages = language_pages(options) if per_language else {}
    base = _base(options.base_url)
    page = render.html(
        event, options, whole_page=True, ics_href=ics_name, alternates=_alternates(pages, base, "")
    )
    outputs[PAGE_NAME] = page.html
    for folder, language in pages.items():
        outputs[f"{folder}/{PAGE_NAME}"] = render.page(
            event,
            language,
            ics_href=f"../{ics_name}",
            stamp=stamp,
            alternates=_alternates(pages, base, "", folder),
        )
    outputs[WIDGET_NAME] = render.snippet(event, options)
    outputs[ics_name] = render.ics_bytes(event, stamp=stamp)
    outputs[f"{event.id}.json"] = _json(event_data(event))
    if page.script is not None:
        outputs[render.SCRIPT_NAME] = page.script
    return write_folder(directory, outputs, inputs=inputs)


def language_pages(options: render.Options) -> dict[str, render.Options]:
    """``{folder: options}``: one page per language the options ship, in a folder named by
    its BCP 47 tag (``fr``, ``zh-Hant``), showing that language only.

    Raises:
        InputError: only one language is given (nothing to choose among).
    """
    shipped = options.shipped if options.languages else ()
    if len(shipped) < 2:
        raise InputError(
            "--locales needs two languages or more, like fr,sw,zh (one language: --locale fr)"
        )
    found = {}
    for tag in shipped:
        base = None if options.base_url is None else f"{_base(options.base_url)}{tag}/"
        found[tag] = dataclasses.replace(
            options, locale=tag, languages=(), base_url=base, script_src=f"../{options.script_src}"
        )
    return found


def _alternates(
    pages: Mapping[str, Any], base: str | None, path: str, language: str = ""
) -> dict[str, str] | None:
    """The ``{hreflang: href}`` of one page: the same page (``path``, ``""`` or ``e/``, inside
    each language's folder) in every language, and the ``x-default`` (the one outside them,
    whose widgets pick the viewer's language), as seen from that page in ``language``'s folder
    (``""``: the x-default itself). Absolute with a base URL, as search engines want them;
    else relative. Every page of the set gets the same set; ``None`` without languages."""
    if not pages:
        return None
    here = posixpath.join(language, path) or "."

    def href(target: str) -> str:
        if base is not None:
            return base + target
        return posixpath.relpath(target or ".", here) + "/"

    links = {tag: href(f"{tag}/{path}") for tag in pages}
    return {**links, "x-default": href(path)}


def _json(data: Any) -> str:
    return "".join(_json_pieces(data))


def _json_pieces(data: Any) -> Iterator[str]:
    yield from jsonstream.iter_json(data)
    yield "\n"


def season_files(
    calendar: Calendar,
    options: render.Options | None = None,
    *,
    base_url: str | None = None,
    stamp: dt.datetime | None = None,
    now: dt.datetime | None = None,
    progress: Callable[[Event], None] | None = None,
    per_language: bool = False,
) -> dict[str, bytes]:
    """Every file of a season's site, as ``{relative path: bytes}``.

    Args:
        calendar: the season's events (their ids, unique in a calendar, name their folders).
        options: how the pages and widgets look.
        base_url: the site's address (``https://example.com/launches/``); it adds
            ``sitemap.xml``, the feed's ``webcal:`` link and the widgets' iOS fallback.
        stamp: the DTSTAMP of the .ics files.
        now: what the index counts as past (the current time if ``None``).
        progress: called after each event is rendered (the CLI's progress bar).
        per_language: also the index and every event's page in each of the options'
            languages alone (``build --locales fr,sw,zh``): ``fr/index.html``,
            ``fr/<id>/index.html``, ..., each with one set of hreflang alternates
            (:func:`language_pages`).

    Raises:
        InputError: the base url is not http(s); with ``per_language``, fewer than two
            languages, or an event id that is also one of their folders.
    """
    outputs = _season_outputs(
        calendar, options, base=_base(base_url), stamp=stamp, now=now, progress=progress,
        pages=_season_pages(calendar, options, base_url, per_language),
    )  # fmt: skip
    return {name: _bytes(data) for name, data in outputs}


def _bytes(data: bytes | str | Iterable[str]) -> bytes:
    if isinstance(data, bytes):
        return data
    return (data if isinstance(data, str) else "".join(data)).encode("utf-8")


def _season_outputs(
    calendar: Calendar,
    options: render.Options | None,
    *,
    base: str | None,
    stamp: dt.datetime | None,
    now: dt.datetime | None,
    progress: Callable[[Event], None] | None,
    pages: Mapping[str, render.Options],
) -> Iterator[tuple[str, bytes | str | Iterable[str]]]:
    """The season's files in the order they are written, each made as it is reached: the big
    ones (the index, the feed's JSON, the sitemap) as text in pieces; with ``pages``
    (``{folder: options}``, one per language) the index and event pages in each language."""
    options = options or render.Options()
    script: str | None = None
    for event in calendar.events:
        ics_name = f"{event.id}.ics"
        ics_url = (
            None if base is None or not base.startswith("https:") else _url(base, event, ics_name)
        )
        path = f"{event.id}/"
        # Each page is its own canonical URL (the site's address would claim them all as one).
        page = render.html(
            event, _at(options, base, path), whole_page=True, ics_href=ics_name, stamp=stamp,
            alternates=_alternates(pages, base, path),
        )  # fmt: skip
        widget_options = dataclasses.replace(options, ics_url=ics_url)
        yield f"{event.id}/{PAGE_NAME}", page.html
        for folder, language in pages.items():
            # Two folders down: the season's own .ics and script (one level up from the
            # language's index, which links the root's script).
            here = dataclasses.replace(
                _at(language, base, f"{folder}/{path}"), script_src=f"../{language.script_src}"
            )
            yield f"{folder}/{path}{PAGE_NAME}", render.page(
                event, here, ics_href=f"../../{path}{ics_name}", stamp=stamp,
                alternates=_alternates(pages, base, path, folder),
            )  # fmt: skip
        yield f"{event.id}/{WIDGET_NAME}", render.snippet(event, widget_options, stamp=stamp)
        yield f"{event.id}/{OVERLAY_NAME}", render.overlay(event, options)
        yield f"{event.id}/{ics_name}", render.ics_bytes(event, stamp=stamp)
        if page.script is not None:
            script = page.script
            yield f"{event.id}/{render.SCRIPT_NAME}", script
        if progress is not None:
            progress(event)
    hrefs = {event.id: f"{event.id}/" for event in calendar.events}
    webcal = None if base is None else "webcal://" + base.split("://", 1)[1] + FEED_NAME
    yield (
        PAGE_NAME,
        render.season_index(
            calendar, options, hrefs=hrefs, feed_href=FEED_NAME, webcal=webcal, now=now,
            alternates=_alternates(pages, base, ""),
        ),
    )  # fmt: skip
    for folder, language in pages.items():
        yield (
            f"{folder}/{PAGE_NAME}",
            render.season_index(
                calendar, language, hrefs=hrefs, feed_href=f"../{FEED_NAME}", webcal=webcal,
                now=now, alternates=_alternates(pages, base, "", folder),
            ),
        )  # fmt: skip
    if script is not None:
        yield render.SCRIPT_NAME, script
    yield FEED_NAME, render.calendar_ics(calendar, stamp=stamp)
    yield JSON_NAME, _json_pieces(season_data(calendar, lazy=True))
    if base is not None:
        yield "sitemap.xml", _sitemap(base, calendar, pages)


def season_data(calendar: Calendar, *, lazy: bool = False) -> dict[str, Any]:
    """``events.json``: the calendar's name and every event as :func:`event_data` has it.

    With ``lazy``, ``events`` is an iterator making each entry as it is read (for
    :func:`launchcal.jsonstream.iter_json`).
    """
    events = (event_data(event)["events"][0] for event in calendar.events)
    return {
        "name": calendar.name,
        "description": calendar.description,
        "tzdata": tz.database().version,
        "events": events if lazy else list(events),
    }


def build_season(
    calendar: Calendar,
    directory: str | Path,
    options: render.Options | None = None,
    *,
    base_url: str | None = None,
    stamp: dt.datetime | None = None,
    now: dt.datetime | None = None,
    progress: Callable[[Event], None] | None = None,
    inputs: Iterable[str | Path] = (),
    per_language: bool = False,
) -> Sequence[Path]:
    """Render the season's site (:func:`season_files`) and write it a file at a time into a
    folder put in place whole at the end; return the paths written. ``inputs`` (the event
    file) are never overwritten or swapped away. ``per_language`` as for :func:`season_files`.

    Raises:
        InputError: as :func:`season_files`; nothing has been written then.
        OutputError: ``directory`` is a file, holds other files or an input, or cannot be
            written; nothing has changed then (see :class:`launchcal.files.StagedFolder`).
    """
    base = _base(base_url)
    pages = _season_pages(calendar, options, base_url, per_language)
    # One name of each kind the season writes: a folder holding others is refused up front.
    kinds = [PAGE_NAME, FEED_NAME, JSON_NAME, f"e/{PAGE_NAME}", "e/e.ics"]
    kinds += ["sitemap.xml"] if base is not None else []
    kinds += [] if options is None or options.inline_script else [render.SCRIPT_NAME]
    kinds += [f"l/e/{PAGE_NAME}"] if pages else []
    with StagedFolder(directory, names=kinds, inputs=inputs) as folder:
        outputs = _season_outputs(
            calendar, options, base=base, stamp=stamp, now=now, progress=progress, pages=pages
        )
        for name, data in outputs:
            folder.write(name, data)
    return folder.paths


def _at(options: render.Options, base: str | None, path: str) -> render.Options:
    """``options`` for the page at ``path`` inside the site at ``base`` (its canonical URL)."""
    return options if base is None else dataclasses.replace(options, base_url=base + path)


def _season_pages(
    calendar: Calendar, options: render.Options | None, base_url: str | None, per_language: bool
) -> dict[str, render.Options]:
    """The season's :func:`language_pages` (none without ``per_language``), their folders
    checked against the events' own: an event ``fr`` would share ``fr/`` with the French
    pages (compared without case, as a Mac or Windows disk does)."""
    if not per_language:
        return {}
    options = options or render.Options()
    pages = language_pages(dataclasses.replace(options, base_url=base_url))
    folders = {tag.casefold(): tag for tag in pages}
    for event in calendar.events:
        tag = folders.get(event.id.casefold())
        if tag is not None:
            raise InputError(
                f"event id {event.id!r} is also the folder of the {tag!r} pages of --locales; "
                "give the event another id"
            )
    return pages


def _base(base_url: str | None) -> str | None:
    if base_url is None:
        return None
    if not base_url.startswith(("https://", "http://")) or any(c.isspace() for c in base_url):
        raise InputError(
            f"base url {base_url!r} is not an http(s) URL; give the address the site will "
            "have, like https://example.com/launches/"
        )
    return base_url if base_url.endswith("/") else base_url + "/"


def _url(base: str, event: Event, name: str = "") -> str:
    return f"{base}{event.id}/{name}"


def _sitemap(base: str, calendar: Calendar, pages: Iterable[str] = ()) -> Iterator[str]:
    # Here, not at the top: xml.sax.saxutils imports urllib.request (http, ssl, email), a tenth
    # of a build's time, and only a sitemap needs it.
    from xml.sax.saxutils import escape

    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    )
    for root in [base, *(f"{base}{folder}/" for folder in pages)]:
        for url in [root, *(_url(root, event) for event in calendar.events)]:
            yield f"<url><loc>{escape(url)}</loc></url>\n"
    yield "</urlset>\n"
