"""`launchcal check`: is a published time right?"""

from __future__ import annotations

import sys
from typing import Any

import click

from launchcal.cli import (
    echo_json,
    echo_text,
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
    verdict = checking.check_claim(event, checking.parse_claim(params["claim"]))
    if params["as_json"]:
        echo_json(
            {
                "tzdata": tz.database().version,
                "right": verdict.right,
                "claim": verdict.claim.text,
                "claimed": verdict.claim.time.strftime("%H:%M"),
                "approximate": verdict.claim.approximate,
                "place": verdict.claim.place.name,
                "zone": verdict.claim.place.zone,
                "local": verdict.actual.local.isoformat(),
                "message": verdict.message,
            }
        )
    else:
        echo_text(verdict.message)
    if not verdict.right:
        sys.exit(1)
