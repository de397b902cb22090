"""`launchcal links`: add-to-calendar links."""

from __future__ import annotations

from typing import Any

import click

from launchcal.cli import (
    LOCALE,
    echo_json,
    echo_text,
    environment_locale,
    event_options,
    load_events,
    short_help,
)


@click.command("links", short_help=short_help("links"))
@event_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option(
    "--locale", type=LOCALE, metavar="LOCALE",
    help="Language of the service names (fr, sw, zh_Hant, ...). Default: LC_ALL/LANG.",
)  # fmt: skip
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
    from launchcal import messages

    locale = params["locale"] or environment_locale()
    say = messages.words(locale)
    found = [(event, links.calendar_links(event)) for event in events]
    for event, result in found:
        for note in (
            result.describe_cut(event.title, locale),
            result.left_out_words(event.title, locale),
        ):
            if note:
                echo_text(say.gettext("Note: %(note)s", note=note), err=True)
    if params["as_json"]:
        data = {event.id: dict(result.urls) for event, result in found}
        echo_json(data[events[0].id] if len(events) == 1 else data)
        return
    echo_text(links.links_text(found, locale))
