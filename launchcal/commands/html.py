"""`launchcal html` and `launchcal build`: the widget, the page, a folder for a static host."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from launchcal.cli import (
    F,
    LibraryType,
    echo_text,
    event_options,
    input_files,
    load_calendar,
    short_help,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

UNITS = LibraryType("units", "launchcal.render:parse_units")
#: ``fr,sw,zh``: the page's language, then the others the widget ships.
LOCALES = LibraryType("locales", "launchcal.render:parse_locales")


def html_options(command: F) -> F:
    """The rendering choices shared by ``html`` and ``build``."""
    decorators = [
        click.option(
            "--theme", type=click.Choice(["light", "dark", "auto"]), default="auto",
            show_default=True, help="Colours; auto follows the reader's light/dark setting.",
        ),
        click.option(
            "--style", type=click.Choice(["text", "tiles", "compact", "banner"]), default="text",
            show_default=True,
            help="text: a sentence; tiles: a box per unit; compact: one line; banner: full width.",
        ),
        click.option(
            "--units", type=UNITS, metavar="LARGEST[-SMALLEST]",
            help="Units the countdown shows, e.g. hours-minutes (default days-seconds).",
        ),
        click.option(
            "--clock", type=click.Choice(["12", "24"]),
            help="12- or 24-hour times (default: the reader's locale; 24 without JavaScript).",
        ),
        click.option(
            "--zone-line/--no-zone-line", default=True,
            help="Show the start on the event's own clock (kept for readers without JavaScript).",
        ),
        click.option(
            "--audience-line/--no-audience-line", default=None,
            help="Show the audience cities' times (default: not in compact).",
        ),
        click.option(
            "--menu/--no-menu", default=None,
            help="The add-to-calendar menu (default: in tiles and banner).",
        ),
        click.option(
            "--locale", type=LOCALES, metavar="LOCALE[,LOCALE...]",
            help="The page's language, then others a viewer's browser may pick "
            "(default: English words, the browser's dates; fr alone ships fr and English).",
        ),
        click.option(
            "--no-inline-script", "external_script", is_flag=True,
            help="Write the script to its own file beside the HTML (for a strict CSP).",
        ),
        click.option(
            "--template-dir", type=click.Path(exists=True, file_okay=False),
            help="A folder with your own copies of the templates (others stay built in).",
        ),
        click.option(
            "--base-url", metavar="URL",
            help="Where the page will be served (default: the file's [calendar] url): "
            "its canonical link and og:url; for build also sitemap.xml and webcal: links.",
        ),
    ]  # fmt: skip
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def _one_event(params: dict[str, Any], what: str) -> tuple[Any, str | None]:
    """The one event, and the page's base URL: --base-url, else the file's [calendar] url."""
    calendar = load_calendar(params)
    if len(calendar.events) > 1:
        ids = ", ".join(event.id for event in calendar.events)
        raise click.UsageError(f"{what} is for one event; pick it with --event ({ids})")
    return calendar.events[0], params["base_url"] or calendar.url


def _render_options(params: dict[str, Any], base_url: str | None) -> Any:
    from pathlib import Path

    from launchcal import render

    folder = params["template_dir"]
    style = params["style"]
    tags = params["locale"] or (None,)
    return render.Options(
        theme=params["theme"],
        locale=tags[0],
        languages=tuple(tags[1:]) or None,
        inline_script=not params["external_script"],
        template_dir=None if folder is None else Path(folder),
        base_url=base_url,
        style=style,
        units=params["units"] or ("days", "seconds"),
        clock=None if params["clock"] is None else int(params["clock"]),
        show_zone=params["zone_line"],
        show_audience=params["audience_line"],
        menu=params["menu"],
    )


@click.command("html", short_help=short_help("html"))
@event_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    metavar="FILE",
    help="Write to FILE instead of stdout ('-' is stdout).",
)
@click.option("--page", "whole_page", is_flag=True, help="A whole event page, not a snippet.")
@click.option(
    "--overlay", "as_overlay", is_flag=True,
    help="A page for a streaming overlay (OBS browser source): transparent, large, no links.",
)  # fmt: skip
@html_options
def html(**params: Any) -> None:
    """A countdown widget to paste into a blog post, or (--page) a whole event page.

    Readers see the countdown ticking and the start in their own zone and language; without
    JavaScript they still see the time in the event's zone and the audience cities.

    \b
      launchcal html examples/xiaomi-12s.toml > widget.html
      launchcal html examples/xiaomi-12s.toml --page -o launch.html
      launchcal html examples/xiaomi-12s.toml --style tiles --theme dark
      launchcal html examples/xiaomi-12s.toml --overlay -o overlay.html
    """
    from pathlib import Path

    from launchcal import files, render

    inputs = input_files(params)
    event, base_url = _one_event(params, "the widget")
    output = params["output"] or files.STDOUT
    if params["external_script"] and output == files.STDOUT:
        raise click.UsageError("--no-inline-script writes the script beside the HTML; give -o FILE")
    if params["whole_page"] and params["as_overlay"]:
        raise click.UsageError("give --page or --overlay, not both")
    result = render.html(
        event,
        _render_options(params, base_url),
        whole_page=params["whole_page"],
        as_overlay=params["as_overlay"],
    )
    if result.script is not None:
        files.write_atomic(Path(output).parent / render.SCRIPT_NAME, result.script, inputs=inputs)
    files.write_output(output, result.html, inputs=inputs)


@click.command("build", short_help=short_help("build"))
@event_options
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False),
    required=True,
    metavar="DIR",
    help="The folder to write (made if missing).",
)
@click.option(
    "--locales", type=LOCALES, metavar="LOCALE,LOCALE...",
    help="One page per language (a folder each, with hreflang links; for a season its "
    "index and every event's page); index.html picks the viewer's among them.",
)  # fmt: skip
@html_options
def build(**params: Any) -> None:
    """Write a folder for a static host: for one event its page, widget, .ics and JSON; for a
    file of many events a season's site.

    The season's site has index.html (upcoming launches with live countdowns, then past ones),
    feed.ics, events.json, sitemap.xml (with --base-url) and a folder per event.

    \b
      launchcal build examples/xiaomi-12s.toml -o site/
      launchcal build examples/launch-season.toml -o season/ --base-url https://example.com/
      launchcal build examples/xiaomi-12s.toml -o site/ --locales fr,sw,zh
      launchcal build examples/launch-season.toml -o season/ --locales fr,sw,zh
    """
    import sys

    from launchcal import site

    inputs = input_files(params)
    output = params["output"]
    calendar = load_calendar(params)
    locales = params["locales"]
    if locales and params["locale"]:
        raise click.UsageError("give --locale or --locales, not both")
    if locales:
        params["locale"] = locales
    options = _render_options(params, params["base_url"] or calendar.url)
    per_language = bool(locales)
    paths: Sequence[Path]
    if len(calendar.events) == 1 and (locales or params["base_url"] is None):
        paths = site.build(
            calendar.events[0], output, options, inputs=inputs, per_language=per_language
        )
    elif sys.stderr.isatty():
        with click.progressbar(
            length=len(calendar.events), label="Rendering", file=sys.stderr
        ) as bar:
            paths = site.build_season(
                calendar, output, options, base_url=options.base_url,
                progress=lambda _: bar.update(1), inputs=inputs, per_language=per_language,
            )  # fmt: skip
    else:
        paths = site.build_season(calendar, output, options, base_url=options.base_url,
                                  inputs=inputs, per_language=per_language)  # fmt: skip
    for start in range(0, len(paths), 1000):  # a season writes 4 files an event
        echo_text("\n".join(str(path) for path in paths[start : start + 1000]))
