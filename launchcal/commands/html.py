"""`launchcal html`: the widget, the page, the overlay (`build` is in build.py)."""

from __future__ import annotations

from typing import Any

import click

from launchcal.cli import event_options, input_files, load_calendar, short_help
from launchcal.commands.rendering import html_options, render_options


def _one_event(params: dict[str, Any], what: str) -> tuple[Any, str | None]:
    """The one event, and the page's base URL: --base-url, else the file's [calendar] url."""
    calendar = load_calendar(params)
    if len(calendar.events) > 1:
        ids = ", ".join(event.id for event in calendar.events)
        raise click.UsageError(f"{what} is for one event; pick it with --event ({ids})")
    return calendar.events[0], params["base_url"] or calendar.url


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
        render_options(params, base_url),
        whole_page=params["whole_page"],
        as_overlay=params["as_overlay"],
    )
    if result.script is not None:
        files.write_atomic(Path(output).parent / render.SCRIPT_NAME, result.script, inputs=inputs)
    files.write_output(output, result.html, inputs=inputs)
