"""What ``launchcal html`` and ``launchcal build`` share: the rendering options and how they
become :class:`launchcal.render.Options`.

Each command lives in its own module so that running one builds only its own click options
(each ``click.Option`` costs about 0.05 ms to make, and the two commands have 30 each).
"""

from __future__ import annotations

from typing import Any

import click

from launchcal.cli import F, LibraryType

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


def render_options(params: dict[str, Any], base_url: str | None) -> Any:
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
