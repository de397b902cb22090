"""The ``launchcal`` command: parse, make one library call, echo.

Only :mod:`click` is imported up front; each command imports the library parts it needs, so
``launchcal --help`` and shell completion stay fast. Library errors become one ``Error:`` line
and exit status 2 in exactly one place, :meth:`LaunchcalGroup.main`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from launchcal import __version__

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

    from launchcal.event import Calendar, Event
    from launchcal.places import Place

F = TypeVar("F", bound=Callable[..., Any])

#: Exit status for input launchcal cannot act on (click uses the same for usage errors).
EXIT_INPUT = 2


class InputProblem(click.ClickException):
    """A library :class:`~launchcal.errors.LaunchcalError`, as the CLI reports it."""

    exit_code = EXIT_INPUT


class LaunchcalGroup(click.Group):
    """A group whose every error is one ``Error: ...`` line on stderr, with no traceback."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from launchcal.errors import LaunchcalError

        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            click.echo("Aborted.", err=True)
            sys.exit(130)
        except click.BadParameter as error:
            _fail(error.format_message(), error.exit_code)
        except click.UsageError as error:
            # A wrong option or command name: point at the help that lists the right ones.
            hint = f" (see '{error.ctx.command_path} --help')" if error.ctx else ""
            _fail(error.format_message().rstrip(".") + hint, error.exit_code)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except LaunchcalError as error:
            _fail(str(error), EXIT_INPUT)
        except BrokenPipeError:
            sys.exit(1)
        code = result if isinstance(result, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"Error: {' '.join(message.split())}", err=True)
    sys.exit(code)


# --- parameter types: bad values fail here, with the library's message -------------------


class LibraryType(click.ParamType[Any]):
    """A value read by a library function; its :class:`LaunchcalError` becomes click's
    "Invalid value" error.

    The reader is named ("module:function"), not imported, so that defining the CLI loads no
    library module: ``launchcal --help`` pays only for click.
    """

    def __init__(self, name: str, reader: str) -> None:
        self.name = name
        self.reader = reader

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        import importlib

        from launchcal.errors import LaunchcalError

        if not isinstance(value, str):
            return value  # a default, already converted
        module, _, function = self.reader.partition(":")
        try:
            return getattr(importlib.import_module(module), function)(value)
        except LaunchcalError as error:
            self.fail(str(error), param, ctx)


class PlaceType(LibraryType):
    """A city, country, abbreviation, IANA zone or ``local``; completes place names."""

    def __init__(self) -> None:
        super().__init__("place", "launchcal.places:resolve")

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        from launchcal import places

        return [CompletionItem(name) for name in places.complete(incomplete)]


class ViewerType(PlaceType):
    """A place to show the time in, or ``all`` for every zone of the world."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value.strip().casefold() == ALL:
            return ALL
        return super().convert(value, param, ctx)


#: ``--in all``: every zone, grouped by UTC offset.
ALL = "all"
PLACE = PlaceType()
VIEWER = ViewerType()
#: A CLDR locale: ``fr``, ``pt_BR``, ``zh-Hant``, ``sw_KE.UTF-8``; ``C`` is English.
LOCALE = LibraryType("locale", "launchcal.i18n:resolve_locale")
#: An instant: ISO 8601 (an offset pins it; without one it is on your clock) or free text.
NOW = LibraryType("datetime", "launchcal.countdown:parse_now_here")
#: ``YYYY-MM-DD HH:MM`` on the event's own clock, or a date whose time is not yet known.
WALL_TIME = LibraryType("datetime", "launchcal.eventfile:parse_wall_time")
#: ``2h``, ``1h30m``, ``90m``, ``PT2H``.
DURATION = LibraryType("duration", "launchcal.eventfile:parse_duration")
FOLD = click.Choice(["earlier", "later"])


# --- the event every command starts from ---------------------------------------------------


def event_options(command: F) -> F:
    """EVENT_FILE, or an event given by flags; ``--event`` picks events from a file."""
    decorators = [
        click.argument(
            "event_file", required=False, type=click.Path(dir_okay=False), metavar="[EVENT_FILE]"
        ),
        click.option("--title", help="Event title (without an event file)."),
        click.option(
            "--start", type=WALL_TIME, metavar="'YYYY-MM-DD HH:MM'",
            help="Start, on the clock of --zone. A date alone means the time is not yet known.",
        ),
        click.option(
            "--zone", type=PLACE, metavar="PLACE",
            help="Where the start time is from: a city, a country or an IANA zone.",
        ),
        click.option("--end", type=WALL_TIME, metavar="'YYYY-MM-DD HH:MM'", help="End time."),
        click.option("--duration", type=DURATION, help="Length, like 2h or 1h30m."),
        click.option(
            "--fold", type=FOLD,
            help="Which instant a start means when a DST change makes it occur twice or never.",
        ),
        click.option(
            "--event", "event_ids", multiple=True, metavar="ID",
            help="Only the event(s) with this id from the file (repeatable).",
        ),
    ]  # fmt: skip
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def load_events(params: dict[str, Any]) -> list[Event]:
    """Pop the event options out of ``params`` and return the chosen events."""
    return list(load_calendar(params).events)


def load_calendar(params: dict[str, Any]) -> Calendar:
    """Pop the event options out of ``params``: the chosen events with their calendar's name,
    description, url and refresh interval."""
    import dataclasses

    from launchcal import eventfile

    path = params.pop("event_file")
    flags = {key: params.pop(key) for key in ("title", "start", "zone", "end", "duration")}
    fold = params.pop("fold")
    ids = params.pop("event_ids")
    if path is not None:
        given = [f"--{key}" for key, value in flags.items() if value is not None]
        if given:
            raise click.UsageError(
                f"give an event file or {', '.join(given)}, not both "
                "(to change the file's event, edit the file)"
            )
        calendar = eventfile.load(path, fold=fold)
    else:
        if flags["start"] is None or flags["zone"] is None:
            raise click.UsageError(
                "give an event file, or --start and --zone "
                "(e.g. --start '2022-07-04 19:00' --zone China)"
            )
        calendar = eventfile.from_flags(fold=fold, **flags)
    if not ids:
        return calendar
    chosen = tuple(calendar.get(event_id) for event_id in dict.fromkeys(ids))
    return dataclasses.replace(calendar, events=chosen)


def echo_json(data: Any) -> None:
    """Pretty, stable, UTF-8 JSON on stdout."""
    import json

    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from launchcal import tz

    click.echo(f"launchcal {__version__}, {tz.database()}")
    ctx.exit()


def _help_width() -> int:
    """The width click's help would pick, without importing shutil (2.5 ms of ``--help``)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # no stdout, or not a terminal
            columns = 80
    return max(min(columns, 80) - 2, 50)


@click.group(
    cls=LaunchcalGroup,
    context_settings={"help_option_names": ["-h", "--help"], "terminal_width": _help_width()},
)
@click.option(
    "--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
    help="Show the version and the tz database in use.",
)  # fmt: skip
def cli() -> None:
    """Launch times for everyone: local times, countdowns, calendar files and widgets.

    An event is held once, as wall time plus an IANA zone, in a TOML file or given by flags
    (--start '2022-07-04 19:00' --zone China). Places are cities, countries, abbreviations,
    IANA zones or 'local'.
    """


@cli.command()
@event_options
@click.option(
    "--in",
    "places",
    type=VIEWER,
    multiple=True,
    metavar="PLACE",
    help="Show the time here (repeatable; 'all': every zone, grouped by UTC offset). "
    "Default: the event's audience and your zone.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "table", "markdown"]),
    default="text",
    show_default=True,
    help="A sentence per place, or a world-clock table.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option(
    "--locale", type=LOCALE, metavar="LOCALE",
    help="Language of dates and zone names (fr, sw, zh_Hant, ...). Default: LC_ALL/LANG.",
)  # fmt: skip
def when(**params: Any) -> None:
    """When the event starts in each place: local time, day shift, night hours.

    \b
      launchcal when --start '2022-07-04 19:00' --zone China --in Nairobi
      launchcal when examples/xiaomi-12s.toml --format table
      launchcal when examples/xiaomi-12s.toml --in all
    """
    from launchcal import report

    events = load_events(params)
    if ALL in params["places"]:
        if params["as_json"]:
            echo_json(report.when_data(events, report.all_zones()))
        else:
            click.echo(report.world_clock(events, params["fmt"]))
        return
    places: list[Place] | None = list(params["places"]) or None
    if params["as_json"]:
        echo_json(report.when_data(events, places))
    else:
        locale = params["locale"] or _environment_locale()
        click.echo(report.when_text(events, places, params["fmt"], locale=locale))


@cli.command()
@event_options
@click.option(
    "--claim", required=True, metavar="TEXT",
    help="The sentence to check, like 'around 3am in Nairobi'.",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def check(**params: Any) -> None:
    """Check a published time: exit 0 if right, 1 if wrong ("around" allows 30 minutes).

    \b
      launchcal check examples/xiaomi-12s.toml --claim 'around 3am in Nairobi'
    """
    from launchcal import check as checking
    from launchcal import tz

    events = load_events(params)
    if len(events) > 1:
        ids = ", ".join(event.id for event in events)
        raise click.UsageError(f"the claim is about one event; pick it with --event ({ids})")
    verdict = checking.check_claim(events[0], checking.parse_claim(params["claim"]))
    if params["as_json"]:
        echo_json(
            {
                "tzdata": tz.database().version,
                "right": verdict.right,
                "claim": verdict.claim.text,
                "claimed": verdict.claim.time.strftime("%H:%M"),
                "approximate": verdict.claim.approximate,
                "place": verdict.claim.place.name,
                "zone": verdict.claim.place.zone,
                "local": verdict.actual.local.isoformat(),
                "message": verdict.message,
            }
        )
    else:
        click.echo(verdict.message)
    if not verdict.right:
        sys.exit(1)


@cli.command(name="places")
@click.argument("query")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def places_command(query: str, limit: int, as_json: bool) -> None:
    """List what QUERY can mean: cities, countries, zones, abbreviations.

    \b
      launchcal places Springfield
    """
    from launchcal import places

    found = places.search(query, limit=limit)
    if not found:
        places.resolve(query)  # raises the "did you mean" error
    if as_json:
        echo_json(
            [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "region": p.region,
                    "country": p.country,
                    "country_code": p.country_code,
                    "zone": p.zone,
                    "population": p.population,
                }
                for p in found
            ]
        )
        return
    head = ("Name", "Region", "Country", "Zone", "Population", "Kind")
    rows = [
        (p.name, p.region, p.country, p.zone, f"{p.population:,}" if p.population else "", p.kind)
        for p in found
    ]
    widths = [max(len(str(row[i])) for row in (head, *rows)) for i in range(len(head))]
    for row in (head, *rows):
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _environment_locale() -> str:
    from launchcal import i18n

    return i18n.locale_from_environment()


def html_options(command: F) -> F:
    """The rendering choices shared by ``html`` and ``build``."""
    decorators = [
        click.option(
            "--theme", type=click.Choice(["light", "dark", "auto"]), default="auto",
            show_default=True, help="Colours; auto follows the reader's light/dark setting.",
        ),
        click.option(
            "--locale", type=LOCALE, metavar="LOCALE",
            help="Language of the reader's date and countdown (default: the browser's).",
        ),
        click.option(
            "--no-inline-script", "external_script", is_flag=True,
            help="Write the script to its own file beside the HTML (for a strict CSP).",
        ),
        click.option(
            "--template-dir", type=click.Path(exists=True, file_okay=False),
            help="A folder with your own copies of the templates (others stay built in).",
        ),
    ]  # fmt: skip
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def _one_event(params: dict[str, Any], what: str) -> Event:
    events = load_events(params)
    if len(events) > 1:
        ids = ", ".join(event.id for event in events)
        raise click.UsageError(f"{what} is for one event; pick it with --event ({ids})")
    return events[0]


def _render_options(params: dict[str, Any]) -> Any:
    from pathlib import Path

    from launchcal import render

    folder = params["template_dir"]
    return render.Options(
        theme=params["theme"],
        locale=params["locale"],
        inline_script=not params["external_script"],
        template_dir=None if folder is None else Path(folder),
    )


@cli.command()
@event_options
@click.option(
    "--now",
    type=NOW,
    metavar="DATETIME",
    help="Count from this instant instead of the clock ('2022-07-01T14:48:00+08:00'; "
    "without an offset, on your clock).",
)
@click.option(
    "--locale",
    type=LOCALE,
    metavar="LOCALE",
    help="Language of the words (fr, sw, zh_Hant, ...). Default: LC_ALL/LC_MESSAGES/LANG.",
)
@click.option(
    "--precision",
    type=click.IntRange(1, 4),
    default=3,
    show_default=True,
    help="How many units to show, largest first (days, hours, minutes, seconds).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option(
    "--watch",
    is_flag=True,
    help="Keep counting down in the terminal until the event goes live (Ctrl-C stops).",
)
@click.option(
    "--all", "all_events", is_flag=True,
    help="Every event in the file, not only the next one that has not ended.",
)  # fmt: skip
def countdown(**params: Any) -> None:
    """How long until the event starts, is live or ended, in your language.

    \b
      launchcal countdown examples/xiaomi-12s.toml
      launchcal countdown examples/xiaomi-12s.toml --locale sw --now '2022-07-01 09:48'
      launchcal countdown examples/launch-season.toml --all --json
    """
    from launchcal import countdown as counting

    events = load_events(params)
    locale = params["locale"] or _environment_locale()
    if params["watch"]:
        if params["as_json"] or params["all_events"]:
            raise click.UsageError("--watch follows one event; leave out --json and --all")
        (event,) = counting.choose(events, params["now"] or _utc_now())
        counting.watch(
            event, sys.stdout, now=params["now"], locale=locale, precision=params["precision"]
        )
        return
    found = counting.countdowns(
        events,
        now=params["now"],
        locale=locale,
        precision=params["precision"],
        all_events=params["all_events"],
    )
    if params["as_json"]:
        echo_json(counting.countdown_data(found))
    else:
        click.echo(counting.countdown_text(found))


def _utc_now() -> Any:
    import datetime as dt

    return dt.datetime.now(dt.UTC)


@cli.command()
@event_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Write to FILE instead of stdout.",
)
@click.option("--page", "whole_page", is_flag=True, help="A whole event page, not a snippet.")
@html_options
def html(**params: Any) -> None:
    """A countdown widget to paste into a blog post, or (--page) a whole event page.

    Readers see the countdown ticking and the start in their own zone and language; without
    JavaScript they still see the time in the event's zone and the audience cities.

    \b
      launchcal html examples/xiaomi-12s.toml > widget.html
      launchcal html examples/xiaomi-12s.toml --page -o launch.html
    """
    from pathlib import Path

    from launchcal import files, render

    event = _one_event(params, "the widget")
    output = None if params["output"] is None else Path(params["output"])
    if params["external_script"] and output is None:
        raise click.UsageError("--no-inline-script writes the script beside the HTML; give -o FILE")
    result = render.html(event, _render_options(params), whole_page=params["whole_page"])
    if output is None:
        click.echo(result.html, nl=False)
        return
    if result.script is not None:
        files.write_atomic(output.parent / render.SCRIPT_NAME, result.script)
    files.write_atomic(output, result.html)


@cli.command()
@event_options
@click.option(
    "-o", "--output", type=click.Path(file_okay=False), required=True,
    metavar="DIR", help="The folder to write (made if missing).",
)  # fmt: skip
@html_options
def build(**params: Any) -> None:
    """Write an event page, the widget, the .ics and the event's JSON into a folder.

    The folder is ready for any static host: index.html links the .ics beside it.

    \b
      launchcal build examples/xiaomi-12s.toml -o site/
    """
    from pathlib import Path

    from launchcal import site

    event = _one_event(params, "a build")
    for path in site.build(event, Path(params["output"]), _render_options(params)):
        click.echo(str(path))


@cli.command(name="ics")
@event_options
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
    metavar="FILE", help="Write the calendar file here (default: standard output).",
)  # fmt: skip
def ics_command(**params: Any) -> None:
    """Calendar file (.ics) for the event(s): import it, or publish it as a feed.

    One VEVENT per event in its own time zone, with its status and reminders; a file of
    several events also tells subscribed calendars how often to refresh. DTSTAMP comes from
    SOURCE_DATE_EPOCH when it is set, so two builds give the same bytes.

    \b
      launchcal ics examples/xiaomi-12s.toml -o xiaomi.ics
      launchcal ics --title Launch --start '2022-07-04 19:00' --zone Asia/Shanghai
    """
    from launchcal import ics
    from launchcal.files import write_atomic

    data = ics.to_ics(load_calendar(params))
    if params["output"] == "-":
        click.echo(data, nl=False)
    else:
        write_atomic(params["output"], data)


@cli.command(name="links")
@event_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def links_command(**params: Any) -> None:
    """Add-to-calendar links: Google Calendar, Outlook.com, Microsoft 365, Yahoo.

    Long descriptions are cut so that every link stays under 2,000 characters; a note on
    stderr says when. --json prints {"google": url, "outlook": url, "office365": url,
    "yahoo": url}, or, for several events, such an object per event id.

    \b
      launchcal links examples/xiaomi-12s.toml
      launchcal links examples/launch-season.toml --json
    """
    from launchcal import links

    events = load_events(params)
    found = [(event, links.calendar_links(event)) for event in events]
    for event, result in found:
        if result.cut:
            click.echo(f"Note: {result.describe_cut(event.title)}", err=True)
    if params["as_json"]:
        data = {event.id: dict(result.urls) for event, result in found}
        echo_json(data[events[0].id] if len(events) == 1 else data)
        return
    width = max(len(name) for name in links.SERVICES.values())
    blocks = []
    for event, result in found:
        rows = [f"  {links.SERVICES[key]:<{width}}  {url}" for key, url in result.urls.items()]
        blocks.append("\n".join([event.title, *rows]))
    click.echo("\n\n".join(blocks))


def main(args: Sequence[str] | None = None, prog_name: str = "launchcal") -> None:
    """Console-script entry point."""
    cli.main(args=args, prog_name=prog_name)


__all__ = [
    "DURATION",
    "LOCALE",
    "NOW",
    "PLACE",
    "WALL_TIME",
    "LibraryType",
    "PlaceType",
    "cli",
    "echo_json",
    "event_options",
    "html_options",
    "load_calendar",
    "load_events",
    "main",
]
