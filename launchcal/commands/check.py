"""`launchcal check`: is a published time right?"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from launchcal.cli import (
    LOCALE,
    echo_json,
    echo_text,
    environment_locale,
    event_options,
    load_one_event,
    short_help,
)

if TYPE_CHECKING:
    from launchcal.check import Verdict


def _finding(verdict: Verdict) -> dict[str, Any]:
    return {
        "right": verdict.right,
        "claim": verdict.claim.text,
        "span": list(verdict.claim.span),
        "claimed": verdict.claim.time.strftime("%H:%M"),
        "approximate": verdict.claim.approximate,
        "place": verdict.claim.place.label,
        "zone": verdict.claim.place.zone,
        "local": verdict.actual.local.isoformat(),
        "message": verdict.message,
    }


@click.command("check", short_help=short_help("check"))
@event_options
@click.option(
    "--claim", metavar="TEXT",
    help="The sentence to check, like 'around 3am in Nairobi' (several claims: each checked).",
)  # fmt: skip
@click.option(
    "--article", type=click.File("rb"), metavar="FILE",
    help="An article (text, Markdown or HTML; '-' for stdin): find its event, check the rest.",
)  # fmt: skip
@click.option(
    "--published", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
    help="When the article was published: a date without a year is the next one after it.",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option(
    "--locale", type=LOCALE, metavar="LOCALE",
    help="Language of the verdicts, dates and place names (fr, sw, zh_Hant, ...). "
    "Default: LC_ALL/LANG.",
)  # fmt: skip
def check(**params: Any) -> None:
    """Check published times: exit 0 if right, 1 if wrong ("around" allows 30 minutes).

    \b
      launchcal check examples/xiaomi-12s.toml --claim 'around 3am in Nairobi'
      launchcal check --article article.txt
      launchcal check examples/xiaomi-12s.toml --claim 'around 3am in Nairobi' --locale sw
    """
    from launchcal import tz

    if (params["claim"] is None) == (params["article"] is None):
        raise click.UsageError("give --claim TEXT or --article FILE (one of them)")
    if params["article"] is not None:
        _article(params)
        return
    from launchcal import check as checking

    event = load_one_event(params, "the claim")
    verdicts = checking.check_text(event, params["claim"])
    if params["as_json"]:
        found = [_finding(v) for v in verdicts]
        echo_json({"tzdata": tz.database().version, **found[0], "claims": found})
    else:
        locale = params["locale"] or environment_locale()
        for verdict in verdicts:
            if len(verdicts) > 1:
                echo_text(checking.claim_words(verdict, locale))
            else:
                echo_text(verdict.words(locale))
    if not all(v.right for v in verdicts):
        sys.exit(1)


def _article(params: dict[str, Any]) -> None:
    from launchcal import article, tz

    source = params.pop("article")
    text = article.decode(source.read(), getattr(source, "name", "-"))
    given = params["event_file"] is not None or params["start"] is not None
    event = load_one_event(params, "the article") if given else None
    published = params["published"].date() if params["published"] else None
    result = article.check_article(text, event=event, published=published)
    start = result.event.start
    if params["as_json"]:
        echo_json(
            {
                "tzdata": tz.database().version,
                "event": {
                    "start": start.isoformat(),
                    "zone": result.event.zone,
                    "from": result.source.text if result.source else None,
                    "span": list(result.source.span) if result.source else None,
                    "basis": result.basis,
                },
                "right": result.right,
                "findings": [_finding(v) for v in result.verdicts],
            }
        )
    else:
        echo_text(article.report_words(result, params["locale"] or environment_locale()))
    if not result.right:
        sys.exit(1)
