"""`launchcal ics`: the event as an RFC 5545 calendar file or feed."""

from __future__ import annotations

from typing import Any

import click

from launchcal.cli import (
    event_options,
    input_files,
    load_calendar,
    short_help,
)


@click.command("ics", short_help=short_help("ics"))
@event_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    metavar="FILE",
    help="Write the calendar file here (default: standard output).",
)
@click.option(
    "--utc",
    is_flag=True,
    help="Write every start and end in UTC (for clients whose tz database is older).",
)
@click.option(
    "--compare-tzdir", metavar="DIR", default=None,
    help="Warn where this tz database places an event elsewhere (default: the system's).",
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
    from launchcal import files, ics, tzdrift
    from launchcal.terminal import safe

    inputs = input_files(params)
    calendar = load_calendar(params)
    # Written as it is made (a 100,000-event feed is 60 MB); a fault in any event leaves
    # the target as it was.
    files.write_output(params["output"], ics.chunks(calendar, utc=params["utc"]), inputs=inputs)
    if not params["utc"]:  # in UTC no database can misread a time
        for found in tzdrift.drift(calendar, params["compare_tzdir"] or tzdrift.SYSTEM_TZDIR):
            click.echo(safe(found.message()), err=True)
