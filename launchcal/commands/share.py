"""`launchcal share`: a ready-to-paste message for a chat channel, a newsletter or mail."""

from __future__ import annotations

from typing import Any

import click

from launchcal.cli import LOCALE, environment_locale, event_options, load_calendar, short_help

# The same as launchcal.share.CHANNELS (a test keeps them equal), without importing it for --help.
CHANNEL_NAMES = [
    "discord",
    "slack",
    "telegram",
    "x",
    "mastodon",
    "markdown",
    "html",
    "text",
    "email",
]


@click.command("share", short_help=short_help("share"))
@event_options
@click.option(
    "--to",
    "channel",
    required=True,
    type=click.Choice(CHANNEL_NAMES),
    help="Where the message goes: chat, a network, a newsletter format, or a whole email.",
)
@click.option(
    "--locale",
    type=LOCALE,
    metavar="LOCALE",
    help="Language of dates, times and zone names (fr, sw, zh_Hant, ...). Default: LC_ALL/LANG.",
)
@click.option(
    "--from", "sender", metavar="ADDRESS", help="email: the sender (default: the organizer)."
)
@click.option("--mail-to", "recipient", metavar="ADDRESS", help="email: the recipient.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
    metavar="FILE", help="Write the message here (default: standard output).",
)  # fmt: skip
def share_command(**params: Any) -> None:
    """A ready-to-paste announcement of the event(s) for one channel.

    discord and slack get timestamps each reader's app shows on their own clock; telegram, x
    and mastodon get plain text within the network's limit with the audience's clocks;
    markdown, html and text are for newsletters; email is a complete .eml with the .ics
    attached, which mail programs offer to add to the calendar.

    \b
      launchcal share examples/xiaomi-12s.toml --to discord
      launchcal share examples/launch-season.toml --to email --from me@example.org -o season.eml
    """
    from launchcal import share
    from launchcal.files import write_atomic

    calendar = load_calendar(params)
    locale = params["locale"] or environment_locale()
    data: str | bytes
    if params["channel"] == "email":
        data = share.email(
            calendar, sender=params["sender"], recipient=params["recipient"], locale=locale
        )
    else:
        data = share.messages(calendar.events, params["channel"], locale=locale) + "\n"
    if params["output"] == "-":
        click.echo(data, nl=False)
    else:
        write_atomic(params["output"], data)
