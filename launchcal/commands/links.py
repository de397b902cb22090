"""`launchcal links`: add-to-calendar links."""

from __future__ import annotations

from typing import Any

import click

from launchcal.cli import (
    echo_json,
    echo_text,
    event_options,
    load_events,
    short_help,
)


@click.command("links", short_help=short_help("links"))
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
    from launchcal import links, recurrence

    events = [part for event in load_events(params) for part in recurrence.parts(event)]
    found = [(event, links.calendar_links(event)) for event in events]
    for event, result in found:
        if result.cut:
            echo_text(f"Note: {result.describe_cut(event.title)}", err=True)
        if result.left_out:
            echo_text(f"Note: {result.left_out}", err=True)
    if params["as_json"]:
        data = {event.id: dict(result.urls) for event, result in found}
        echo_json(data[events[0].id] if len(events) == 1 else data)
        return
    width = max(len(name) for name in links.SERVICES.values())
    blocks = []
    for event, result in found:
        rows = [f"  {links.SERVICES[key]:<{width}}  {url}" for key, url in result.urls.items()]
        rows += [
            f"  {links.SERVICES[key]:<{width}}  cannot repeat an event from a link; "
            "import the .ics instead (launchcal ics)"
            for key in result.unsupported
        ]
        blocks.append("\n".join([event.title, *rows]))
    echo_text("\n\n".join(blocks))
