"""`launchcal build`: a folder for a static host (page, widget, .ics and JSON, or a season)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from launchcal.cli import echo_text, event_options, input_files, load_calendar, short_help
from launchcal.commands.rendering import LOCALES, html_options, render_options

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path


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
    options = render_options(params, params["base_url"] or calendar.url)
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
