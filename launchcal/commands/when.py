"""`launchcal when`: the event on many clocks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from launchcal.cli import (
    ALL,
    LOCALE,
    NOW,
    VIEWER,
    ReaderBadParameter,
    echo_json,
    echo_text,
    environment_locale,
    event_options,
    load_events,
    short_help,
)

if TYPE_CHECKING:
    from launchcal.event import Event
    from launchcal.places import Place, PlaceAt


def _at(place: Place | PlaceAt, events: list[Event]) -> Place:
    """A place whose candidates had to wait for the event: decided at its start."""
    from launchcal.errors import AmbiguousPlaceError
    from launchcal.places import PlaceAt

    if not isinstance(place, PlaceAt):
        return place
    try:
        return place.resolve(events[0].start)
    except AmbiguousPlaceError as error:
        context = click.get_current_context(silent=True)
        raise ReaderBadParameter(error, context, None, param_hint="'--in'") from None


@click.command("when", short_help=short_help("when"))
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
@click.option(
    "--next",
    "next_count",
    type=click.IntRange(1, 1000),
    default=3,
    show_default=True,
    metavar="N",
    help="How many of a series' occurrences to show, counted from --now.",
)
@click.option(
    "--now",
    type=NOW,
    metavar="WHEN",
    help="Count a series' occurrences from this instant (ISO 8601). Default: the clock.",
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
      launchcal when examples/weekly-stream.toml --in 'New York' --next 6
    """
    from launchcal import report

    events = load_events(params)
    locale = params["locale"] or environment_locale()
    if ALL in params["places"]:
        if params["as_json"]:
            echo_json(report.when_data(events, report.all_zones(), lazy=True))
        else:
            echo_text(report.world_clock(events, params["fmt"], locale=locale))
        return
    places: list[Place] | None = [_at(p, events) for p in params["places"]] or None
    if params["as_json"]:
        echo_json(
            report.when_data(
                events, places, now=params["now"], next_count=params["next_count"], lazy=True
            )
        )
    else:
        echo_text(
            report.when_text(
                events,
                places,
                params["fmt"],
                locale=locale,
                now=params["now"],
                next_count=params["next_count"],
            )
        )
