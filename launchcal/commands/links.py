"""`launchcal links`: add-to-calendar links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from launchcal.event import Event


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
    from launchcal.jsonstream import Members

    events = [part for event in load_events(params) for part in recurrence.parts(event)]
    from launchcal import messages

    locale = params["locale"] or environment_locale()
    say = messages.words(locale)

    def note(event: Event, result: links.CalendarLinks) -> None:
        for text in (
            result.describe_cut(event.title, locale),
            result.left_out_words(event.title, locale),
        ):
            if text:
                echo_text(say.gettext("Note: %(note)s", note=text), err=True)

    # Each event's links are made, noted and written before the next one's.
    if params["as_json"]:
        found = links.links_by_id(events, seen=note)
        echo_json(next(found)[1] if len(events) == 1 else Members(found))
        return
    for index, event in enumerate(events):
        result = links.calendar_links(event)
        note(event, result)
        block = links.links_text([(event, result)], locale)
        echo_text(block if index == 0 else "\n" + block)  # a blank line between events
