"""`launchcal countdown`: how long until the launch, in any language."""

from __future__ import annotations

import sys
from typing import Any

import click

from launchcal.cli import (
    LOCALE,
    NOW,
    echo_json,
    echo_text,
    environment_locale,
    event_options,
    load_events,
    short_help,
)


@click.command("countdown", short_help=short_help("countdown"))
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
    locale = params["locale"] or environment_locale()
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
        echo_text(counting.countdown_text(found))


def _utc_now() -> Any:
    import datetime as dt

    return dt.datetime.now(dt.UTC)
