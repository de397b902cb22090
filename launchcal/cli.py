"""The ``launchcal`` command: parse, make one library call, echo.

Only :mod:`click` is imported up front; each command imports the library parts it needs, so
``launchcal --help`` and shell completion stay fast. Library errors become one ``Error:`` line
and exit status 2 in exactly one place, :meth:`LaunchcalGroup.main`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

#: Exit status after Ctrl-C, as a shell reports a command that SIGINT ended.
EXIT_INTERRUPTED = 130


def _leave_interrupted(_signum: int, _frame: object) -> None:
    """Ctrl-C while finishing (flushing, exit handlers): leave with status 130, no traceback.

    While the program starts, launchcal/__init__.py has installed the same handler.
    """
    os._exit(EXIT_INTERRUPTED)


import click  # noqa: E402

from launchcal import __version__  # noqa: E402

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

    from launchcal.event import Calendar, Event

F = TypeVar("F", bound=Callable[..., Any])

#: Exit status for input launchcal cannot act on (click uses the same for usage errors).
EXIT_INPUT = 2


class InputProblem(click.ClickException):
    """A library :class:`~launchcal.errors.LaunchcalError`, as the CLI reports it."""

    exit_code = EXIT_INPUT


#: Each command, where it is defined ("module:function" in launchcal.commands) and the line
#: ``launchcal --help`` lists it with,
#: in the order listed. Commands load on first use, so ``--help`` imports none of them.
COMMANDS: dict[str, tuple[str, str]] = {
    "when": ("when:when", "When the event starts in each place: local time, day shift, night."),
    "check": ("check:check", "Check a published time: exit 0 if right, 1 if wrong."),
    "countdown": ("countdown:countdown", "How long until the event starts, is live or ended."),
    "ics": ("ics:ics_command", "The event as an .ics calendar file, or a feed of several."),
    "links": (
        "links:links_command",
        "Add-to-calendar links: Google, Outlook.com, Microsoft 365, Yahoo.",
    ),
    "html": ("html:html", "A countdown widget for a blog post, or a whole event page."),
    "build": ("build:build", "A folder for a static host: page, widget, .ics and JSON."),
    "places": ("places:places_command", "List what a place name can mean."),
    "publish": (
        "publish:publish_command",
        "Publish the events to a CalDAV calendar, idempotently.",
    ),
    "share": ("share:share_command", "A ready-to-paste message: Discord, Slack, X, email, ..."),
    "lint": ("lint:lint_command", "Check any .ics file for what makes clients misplace events."),
}


def short_help(name: str) -> str:
    """The line ``launchcal --help`` shows for a command (one source for both listings)."""
    return COMMANDS[name][1]


class LaunchcalGroup(click.Group):
    """A group whose commands load on first use and whose every error is one ``Error: ...``
    line on stderr, with no traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        import importlib

        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module, _, attribute = entry[0].partition(":")
        command: click.Command = getattr(
            importlib.import_module(f"launchcal.commands.{module}"), attribute
        )
        for param in command.params:
            if isinstance(param.type, LocaleType):
                # Read before the other values, so that a bad one is said in this language.
                param.is_eager = True
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as error:
            # click draws its "did you mean" from the commands it holds; ours load lazily.
            raise click.exceptions.NoSuchCommand(
                error.command_name, possibilities=COMMANDS, ctx=ctx
            ) from None

    def invoke(self, ctx: click.Context) -> Any:
        from launchcal.errors import LaunchcalError

        try:
            return super().invoke(ctx)
        except LaunchcalError as error:
            # Said in the command's --locale when one was given, else in LC_ALL/LANG's.
            _fail(reader_words(error, ctx.meta.get(READER_LOCALE)), EXIT_INPUT)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The listing comes from COMMANDS, so that --help loads no command module.
        with formatter.section("Commands"):
            formatter.write_dl([(name, line) for name, (_, line) in COMMANDS.items()])

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        import warnings

        from launchcal.errors import LaunchcalError

        try:
            with warnings.catch_warnings():
                warnings.showwarning = _show_warning
                result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except (click.exceptions.Abort, KeyboardInterrupt):
            # 130 = 128 + SIGINT: `launchcal countdown --watch && ./go-live.sh` must not go on.
            click.echo("Aborted.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except click.BadParameter as error:
            _fail(error.format_message(), error.exit_code)
        except click.UsageError as error:
            # A wrong option or command name: point at the help that lists the right ones.
            hint = f" (see '{error.ctx.command_path} --help')" if error.ctx else ""
            _fail(error.format_message().rstrip(".") + hint, error.exit_code)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except LaunchcalError as error:
            _fail(reader_words(error), EXIT_INPUT)
        except BrokenPipeError:
            sys.exit(1)
        except OSError as error:
            # Library code names its files; what is left is standard output: a full disk
            # (> /dev/full) or a closed descriptor (>&-).
            where = error.filename or "standard output"
            _fail(f"cannot write to {where}: {error.strerror or error}", EXIT_INPUT)
        code = result if isinstance(result, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def reader_words(error: Exception, locale: str | None = None) -> str:
    """An error's message in the reader's language (``locale``, else LC_ALL, LC_MESSAGES, LANG)
    where launchcal has a catalog and the message was made with
    :func:`launchcal.messages.message`."""
    text = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
    from launchcal import messages

    return messages.translated(text, locale or environment_locale())


def _show_warning(message: Warning | str, category: type[Warning], *_args: Any, **_kw: Any) -> None:
    """A library warning (a TZ launchcal cannot read) as one ``Warning:`` line on stderr."""
    from launchcal.terminal import safe

    click.echo(f"Warning: {safe(str(message))}", err=True)


def _fail(message: str, code: int) -> NoReturn:
    from launchcal.terminal import safe

    click.echo(f"Error: {safe(' '.join(message.split()))}", err=True)
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
            raise ReaderBadParameter(error, ctx, param) from None


class ReaderBadParameter(click.BadParameter):
    """click's "Invalid value for '--in': ..." said in the command's ``--locale`` (read first,
    see :meth:`LaunchcalGroup.get_command`), else in LC_ALL/LANG's language; English as click
    words it where launchcal has no catalog."""

    def __init__(
        self,
        error: Exception,
        ctx: click.Context | None,
        param: click.Parameter | None,
        param_hint: str | None = None,
    ) -> None:
        self.locale = (ctx.meta.get(READER_LOCALE) if ctx else None) or environment_locale()
        super().__init__(reader_words(error, self.locale), ctx, param, param_hint)

    def format_message(self) -> str:
        from launchcal import messages

        if self.param_hint is not None:
            option = self.param_hint
        elif self.param is not None and self.ctx is not None:
            option = self.param.get_error_hint(self.ctx)
        else:
            return super().format_message()
        if messages.catalog_for(self.locale) is None:
            return super().format_message()
        return messages.words(self.locale).gettext(
            "Invalid value for %(option)s: %(problem)s", option=option, problem=self.message
        )


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
        if not isinstance(value, str):
            return value
        from launchcal import places
        from launchcal.errors import AmbiguousPlaceError, LaunchcalError

        try:
            return places.resolve(value)
        except AmbiguousPlaceError:
            # Candidates may agree at the event's instant ("PDT" on 4 July 2022): decided then.
            return places.PlaceAt(value)
        except LaunchcalError as error:
            raise ReaderBadParameter(error, ctx, param) from None


#: ``--in all``: every zone, grouped by UTC offset.
ALL = "all"
PLACE = PlaceType()
VIEWER = ViewerType()


class LocaleType(LibraryType):
    """A CLDR locale; the command's errors are said in it too (kept in ``ctx.meta``)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        found = super().convert(value, param, ctx)
        if ctx is not None:
            ctx.meta[READER_LOCALE] = found
        return found


#: Where a command's ``--locale`` is kept for the error it may end with.
READER_LOCALE = "launchcal.reader_locale"
#: A CLDR locale: ``fr``, ``pt_BR``, ``zh-Hant``, ``sw_KE.UTF-8``; ``C`` is English.
LOCALE = LocaleType("locale", "launchcal.i18n:resolve_locale")
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


def input_files(params: dict[str, Any]) -> tuple[str, ...]:
    """The files a command reads, which no output of it may replace (call before loading)."""
    found: list[str] = [] if params.get("event_file") is None else [params["event_file"]]
    folder = params.get("template_dir")
    if folder is not None:  # your own templates: an output may not overwrite them either
        from pathlib import Path

        found.extend(str(path) for path in Path(folder).iterdir() if path.is_file())
    return tuple(found)


def load_one_event(params: dict[str, Any], what: str) -> Event:
    """Pop the event options; the one event they name, or a usage error listing the ids."""
    events = load_events(params)
    if len(events) > 1:
        ids = ", ".join(event.id for event in events)
        raise click.UsageError(f"{what} is for one event; pick it with --event ({ids})")
    return events[0]


def echo_json(data: Any) -> None:
    """Pretty, stable, UTF-8 JSON on stdout, inert on a terminal (see launchcal.terminal).

    The text is ``json.dumps(data, indent=2, ensure_ascii=False)``, written about 64 KB at a
    time as it is made (see launchcal.jsonstream): give a big list as an iterator and it is
    never held whole.
    """
    from launchcal.jsonstream import iter_json
    from launchcal.terminal import safe_json

    pending: list[str] = []
    size = 0
    for chunk in iter_json(data):
        pending.append(chunk)
        size += len(chunk)
        if size >= _JSON_WRITE_SIZE:
            click.echo(safe_json("".join(pending)), nl=False)
            pending.clear()
            size = 0
    click.echo(safe_json("".join(pending)))


_JSON_WRITE_SIZE = 1 << 16


def echo_text(text: str, *, err: bool = False) -> None:
    """Text that holds event text, on stdout (or stderr), with control sequences made inert."""
    from launchcal.terminal import safe

    click.echo(safe(text), err=err)


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


def environment_locale() -> str:
    """The reader's locale from LC_ALL, LC_MESSAGES or LANG (English when unset)."""
    from launchcal import i18n

    return i18n.locale_from_environment()


def _closed_stream() -> Any:
    """A stdout whose every write fails as a closed descriptor does (EBADF)."""
    import errno
    import io

    class Closed(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, _data: Any) -> int:
            raise OSError(errno.EBADF, "it is closed")

    return io.TextIOWrapper(io.BufferedWriter(Closed()), encoding="utf-8")


def main(args: Sequence[str] | None = None, prog_name: str = "launchcal") -> NoReturn:
    """Console-script entry point: run the command, flush its output, and leave at once.

    Tearing down the interpreter (freeing click's and the library's modules one by one) adds
    about 4 ms, a tenth of a ``launchcal when``, and does nothing a finished command needs:
    the output is flushed and the exit handlers run here, then the process ends.
    """
    import atexit

    # From here a Ctrl-C raises KeyboardInterrupt, so that `countdown --watch` can restore the
    # cursor; the command's error handling turns it into status 130.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if sys.stdout is None:  # started with stdout closed (launchcal when ev.toml >&-)
        sys.stdout = _closed_stream()
    try:
        cli.main(args=args, prog_name=prog_name)
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # a reader that left early (| head)
        code = code or 1
    except (OSError, ValueError) as error:  # a full disk, a closed descriptor
        if not code:  # else the error that ended the command is already reported
            reason = getattr(error, "strerror", None) or "it is closed"
            with contextlib.suppress(OSError, ValueError, AttributeError):
                sys.stderr.write(f"Error: cannot write to standard output: {reason}\n")
            code = EXIT_INPUT
    signal.signal(signal.SIGINT, _leave_interrupted)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.flush()
    atexit._run_exitfuncs()
    os._exit(code)


__all__ = [
    "ALL",
    "COMMANDS",
    "DURATION",
    "FOLD",
    "LOCALE",
    "NOW",
    "PLACE",
    "VIEWER",
    "WALL_TIME",
    "LaunchcalGroup",
    "LibraryType",
    "PlaceType",
    "cli",
    "echo_json",
    "echo_text",
    "environment_locale",
    "event_options",
    "input_files",
    "load_calendar",
    "load_events",
    "load_one_event",
    "main",
    "short_help",
]
