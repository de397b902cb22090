"""`launchcal places`: what a place name can mean."""

from __future__ import annotations

import click

from launchcal.cli import (
    echo_json,
    echo_text,
    short_help,
)


@click.command("places", short_help=short_help("places"))
@click.argument("query")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def places_command(query: str, limit: int, as_json: bool) -> None:
    """List what QUERY can mean: cities, countries, zones, abbreviations.

    \b
      launchcal places Springfield
    """
    from launchcal import places
    from launchcal.report import text_table

    found = places.search(query, limit=limit)
    if not found:
        places.resolve(query)  # raises the "did you mean" error
    if as_json:
        echo_json(
            [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "region": p.region,
                    "country": p.country,
                    "country_code": p.country_code,
                    "zone": p.zone,
                    "population": p.population,
                }
                for p in found
            ]
        )
        return
    head = ("Name", "Region", "Country", "Zone", "Population", "Kind")
    rows = [
        (p.name, p.region, p.country, p.zone, f"{p.population:,}" if p.population else "", p.kind)
        for p in found
    ]
    echo_text("\n".join(text_table(head, rows)))
