"""`launchcal check`: is a published time right?"""

from __future__ import annotations

import sys
from typing import Any

import click

from launchcal.cli import (
    echo_json,
    event_options,
    load_one_event,
    short_help,
)


@click.command("check", short_help=short_help("check"))
@event_options
@click.option(
    "--claim", required=True, metavar="TEXT",
    help="The sentence to check, like 'around 3am in Nairobi'.",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def check(**params: Any) -> None:
    """Check a published time: exit 0 if right, 1 if wrong ("around" allows 30 minutes).

    \b
      launchcal check examples/xiaomi-12s.toml --claim 'around 3am in Nairobi'
    """
    from launchcal import check as checking
    from launchcal import tz

    event = load_one_event(params, "the claim")
    verdicts = checking.check_text(event, params["claim"])
    if params["as_json"]:
        found = [
            {
                "right": v.right,
                "claim": v.claim.text,
                "span": list(v.claim.span),
                "claimed": v.claim.time.strftime("%H:%M"),
                "approximate": v.claim.approximate,
                "place": v.claim.place.label,
                "zone": v.claim.place.zone,
                "local": v.actual.local.isoformat(),
                "message": v.message,
            }
            for v in verdicts
        ]
        echo_json({"tzdata": tz.database().version, **found[0], "claims": found})
    else:
        for verdict in verdicts:
            prefix = f"{verdict.claim.text!r}: " if len(verdicts) > 1 else ""
            click.echo(prefix + verdict.message)
    if not all(v.right for v in verdicts):
        sys.exit(1)
