"""`launchcal html` and `launchcal build`: the widget, the page, a folder for a static host."""

from __future__ import annotations

from typing import Any

import click

from launchcal.cli import (
    LOCALE,
    F,
    echo_text,
    event_options,
    input_files,
    load_calendar,
    short_help,
)


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
        click.option(
            "--base-url", metavar="URL",
            help="Where the page will be served (default: the file's [calendar] url): "
            "its canonical link and og:url.",
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
    return render.Options(
        theme=params["theme"],
        locale=params["locale"],
        inline_script=not params["external_script"],
        template_dir=None if folder is None else Path(folder),
        base_url=base_url,
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

    inputs = input_files(params)
    event, base_url = _one_event(params, "the widget")
    output = params["output"] or files.STDOUT
    if params["external_script"] and output == files.STDOUT:
        raise click.UsageError("--no-inline-script writes the script beside the HTML; give -o FILE")
    result = render.html(event, _render_options(params, base_url), whole_page=params["whole_page"])
    if result.script is not None:
        files.write_atomic(Path(output).parent / render.SCRIPT_NAME, result.script, inputs=inputs)
    files.write_output(output, result.html, inputs=inputs)


@click.command("build", short_help=short_help("build"))
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

    from launchcal import site

    inputs = input_files(params)
    event, base_url = _one_event(params, "a build")
    options = _render_options(params, base_url)
    written = site.build(event, params["output"], options, inputs=inputs)
    for path in written:
        echo_text(str(path))
