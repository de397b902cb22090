"""`launchcal publish`: make a CalDAV calendar hold exactly the file's events."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from launchcal.cli import LibraryType, event_options, load_calendar, short_help

if TYPE_CHECKING:
    from launchcal.publish import Plan


@click.command("publish", short_help=short_help("publish"))
@event_options
@click.option(
    "--caldav",
    "url",
    required=True,
    type=LibraryType("url", "launchcal.publish:calendar_url"),
    metavar="URL",
    help="The calendar's CalDAV URL (the collection itself, ending in /).",
)
@click.option(
    "--user",
    metavar="NAME",
    help="Log in as NAME; the password comes from LAUNCHCAL_CALDAV_PASSWORD or ~/.netrc.",
)
@click.option("--dry-run", is_flag=True, help="Print the plan and change nothing.")
@click.option(
    "--prune", is_flag=True,
    help="Also delete entries launchcal published before that the file no longer has.",
)  # fmt: skip
def publish_command(**params: Any) -> None:
    """Publish the event(s) to a CalDAV calendar (Nextcloud, Fastmail, iCloud, Radicale, ...).

    New events are created, changed ones updated over the same UID with SEQUENCE raised (so a
    reschedule moves the entry people have), cancelled ones marked STATUS:CANCELLED. Entries
    launchcal did not create are left alone. Every write is conditional on the ETag read just
    before, so an edit made on the server meanwhile is never overwritten.

    \b
      read -rs LAUNCHCAL_CALDAV_PASSWORD && export LAUNCHCAL_CALDAV_PASSWORD
      launchcal publish examples/launch-season.toml --user alice --dry-run \\
          --caldav https://dav.example.org/alice/launches/
    """
    from launchcal import publish

    calendar = load_calendar(params)
    login = publish.credentials(params["url"], params["user"])
    plan = publish.plan(calendar, params["url"], login, prune=params["prune"])
    if params["dry_run"]:
        click.echo(f"Plan for {plan.url} (dry run: nothing was changed)")
        click.echo(_table(plan))
        return
    steps = publish.apply(plan)
    if sys.stderr.isatty() and len(plan.writes) > 1:
        with click.progressbar(
            steps, length=len(plan.writes), label="Publishing", file=sys.stderr
        ) as bar:
            for _ in bar:
                pass
    else:
        for _ in steps:
            pass
    counts = ", ".join(f"{count} {action.value}" for action, count in plan.counts().items())
    click.echo(f"Published to {plan.url}: {counts}")
    click.echo(_table(plan))


def _table(plan: Plan) -> str:
    from launchcal.report import text_table

    rows = [[c.action.value, c.name, c.title, c.note] for c in plan.changes]
    return "\n".join(text_table(["Action", "Event", "Title", "Why"], rows))
